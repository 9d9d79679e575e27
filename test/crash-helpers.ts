/**
 * Helpers of test/crash.test.ts: a seeded generator of small fictional news pages that form many stories,
 * and a runner that starts `crosscheck ingest` and kills it with SIGKILL after a chosen number of output lines.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { BIN, REPO_ROOT } from './helpers.ts';
import { seededRandom } from '../src/util/random.ts';


const PLACES = ['Kelmar', 'Orsund', 'Valbrume', 'Port Ellery', 'Drennick', 'Saltmarsh', 'New Carrow', 'Ostvik', 'Lake Tamsin', 'Greyhaven',
  'Brackenford', 'Millhaven', 'Eastreach', 'Corvale', 'Dunmere', 'Fallowby', 'Harrowgate Bay', 'Isenport', 'Juniper Falls', 'Kestrel Point',
  'Larkmoor', 'Mossbank', 'Northfold', 'Oakhurst', 'Pellmoor', 'Quarry Hill', 'Redwater', 'Stonebridge', 'Thornwick', 'Umberlee'];
const FIRST = ['Edda', 'Tomas', 'Ilse', 'Marek', 'Sunniva', 'Orrin', 'Beatrix', 'Kasimir', 'Liora', 'Anselm', 'Zofia', 'Dario', 'Petra', 'Hugo', 'Mirela'];
const LAST = ['Voss', 'Brandl', 'Okafor', 'Lindqvist', 'Marchetti', 'Halloran', 'Szabo', 'Teague', 'Ferreira', 'Nakamura', 'Quist', 'Albescu'];
const OUTLETS = ['Kelmar Courier', 'Orsund Daily', 'The Valbrume Post', 'Ellery Gazette', 'Northwind Wire', 'Coastal Ledger', 'The Dunmere Herald', 'Radio Greyhaven'];

/** Kinds of event: headline pattern, what happened, a follow-up detail. `#` is the place, `@` a number. */
const EVENTS: Array<{ title: string; lead: string; detail: string; unit: string }> = [
  { title: 'Storm closes # harbour', lead: 'A storm closed the harbour of # on', detail: 'About @ fishing boats stayed in port', unit: 'boats' },
  { title: 'Fire destroys warehouse in #', lead: 'A fire destroyed a grain warehouse in # on', detail: 'Firefighters said @ tonnes of grain were lost', unit: 'tonnes' },
  { title: '# council approves new bridge', lead: 'The # city council approved a new bridge over the river on', detail: 'The bridge will cost @ million crowns', unit: 'million' },
  { title: 'Rail strike halts trains to #', lead: 'A strike by rail workers halted all trains to # on', detail: 'Around @ commuters were stranded', unit: 'commuters' },
  { title: 'Flooding forces evacuations in #', lead: 'Flooding forced the evacuation of low-lying streets in # on', detail: 'Officials said @ residents spent the night in shelters', unit: 'residents' },
  { title: '# hospital opens new wing', lead: 'The hospital of # opened a new children\'s wing on', detail: 'The wing has @ beds', unit: 'beds' },
  { title: 'Power cut leaves # in the dark', lead: 'A power cut left most of # without electricity on', detail: 'The grid operator said @ homes were affected', unit: 'homes' },
  { title: '# mayor resigns after audit', lead: 'The mayor of # resigned after an audit of the city accounts on', detail: 'The audit found @ thousand crowns unaccounted for', unit: 'thousand' },
  { title: 'Ferry runs aground near #', lead: 'A passenger ferry ran aground near # on', detail: 'All @ passengers were brought ashore', unit: 'passengers' },
  { title: 'Water plant in # shut after leak', lead: 'The water treatment plant of # was shut after a chemical leak on', detail: 'Engineers said @ litres leaked', unit: 'litres' },
];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const SAID = ['said', 'told reporters', 'said in a statement', 'confirmed'];

export interface CrashDocument {
  /** File name inside the folder (sorted order is ingest order). */
  name: string;
  html: string;
}

/**
 * `count` small pages: stories of 4-12 articles each, every article from another outlet, worded differently
 * and with a detail of its own so that no two pages are the same document.
 */
export function crashDocuments(count: number, seed: number): CrashDocument[] {
  const random = seededRandom(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  const docs: CrashDocument[] = [];
  let story = 0;
  while (docs.length < count) {
    story++;
    const place = pick(PLACES);
    const event = pick(EVENTS);
    const official = `${pick(FIRST)} ${pick(LAST)}`;
    const number = 10 + Math.floor(random() * 4000);
    const day = new Date(Date.UTC(2024, 0, 1) + Math.floor(random() * 330) * 86_400_000);
    const size = 4 + Math.floor(random() * 9);
    for (let k = 0; k < size && docs.length < count; k++) {
      const outlet = OUTLETS[(story + k) % OUTLETS.length];
      const published = new Date(day.getTime() + (k * 3 + Math.floor(random() * 3)) * 3_600_000);
      const weekday = DAYS[day.getUTCDay()];
      const title = event.title.replace('#', place);
      const lead = `${event.lead.replace('#', place)} ${weekday}, ${official} ${pick(SAID)}.`;
      const detail = `${event.detail.replace('@', String(number + (k % 3 === 2 ? 5 : 0)))}, according to ${official}.`;
      const own = `${pick(FIRST)} ${pick(LAST)} of the ${outlet} reported from ${place}; this is report ${docs.length + 1} on the story.`;
      const paragraphs = k % 2 === 0 ? [lead, detail, own] : [lead, own, detail];
      const html =
        `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title} | ${outlet}</title>` +
        `<meta property="og:site_name" content="${outlet}"><meta property="article:published_time" content="${published.toISOString()}"></head>` +
        `<body><article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>\n`;
      docs.push({ name: `doc-${String(docs.length).padStart(5, '0')}.html`, html });
    }
  }
  return docs;
}

export interface IngestRun {
  /** Output lines seen before the process ended. */
  lines: Array<Record<string, any>>;
  /** Exit code, or null when killed. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/**
 * Runs `crosscheck ingest --db DB FOLDER`; when `killAfterLines` is set, sends SIGKILL `killDelayMs` after that
 * many output lines (if it gets there). A run making no progress for `stallMs` is killed and reported.
 */
export function runIngest(
  db: string,
  folder: string,
  options: { killAfterLines?: number; killDelayMs?: number; stallMs?: number } = {},
): Promise<IngestRun> {
  return new Promise((done, fail) => {
    const child: ChildProcess = spawn(process.execPath, [BIN, 'ingest', '--db', db, folder], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: Array<Record<string, any>> = [];
    let pending = '';
    let stderr = '';
    let killScheduled = false;
    const stallMs = options.stallMs ?? 180_000;
    let stall = setTimeout(onStall, stallMs);
    function onStall() {
      child.kill('SIGKILL');
      stderr += `\n(test: no output for ${stallMs} ms, killed)`;
    }
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      clearTimeout(stall);
      stall = setTimeout(onStall, stallMs);
      pending += chunk;
      const parts = pending.split('\n');
      pending = parts.pop()!;
      for (const part of parts) if (part.trim()) lines.push(JSON.parse(part));
      if (options.killAfterLines !== undefined && !killScheduled && lines.length >= options.killAfterLines) {
        killScheduled = true;
        setTimeout(() => child.kill('SIGKILL'), options.killDelayMs ?? 0);
      }
    });
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', fail);
    child.on('close', (code, signal) => {
      clearTimeout(stall);
      if (pending.trim()) {
        // A line cut by the kill is not a result.
        try {
          lines.push(JSON.parse(pending));
        } catch {
          // ignored
        }
      }
      done({ lines, code, signal, stderr });
    });
  });
}
