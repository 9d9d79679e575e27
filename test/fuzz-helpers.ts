/**
 * Generators and checks for test/fuzz.test.ts: fictional news text and pages, random and broken HTML,
 * mutations of real-looking pages, bytes in wrong encodings, random JSONL; the invariants each stage must
 * keep on any input; a watchdog that kills the process and prints the case when one hangs; and the
 * regression fixtures of test/regressions/.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { PipelineError, type Annotations, type ErrorCode, type RawDocument } from '../src/model.ts';
import { REPO_ROOT } from './helpers.ts';

// ---------------------------------------------------------------------------------------------------
// Settings

/** The fixed seed of every property (print it, or set CROSSCHECK_FUZZ_SEED to explore other inputs). */
export const FUZZ_SEED = Number(process.env.CROSSCHECK_FUZZ_SEED ?? 20_241_122);
/** Multiplies every run count (CROSSCHECK_FUZZ_SCALE=0.1 for a quick look, 10 for a long soak). */
export const FUZZ_SCALE = Number(process.env.CROSSCHECK_FUZZ_SCALE ?? 1);

export function runs(n: number): number {
  return Math.max(1, Math.round(n * FUZZ_SCALE));
}

/**
 * CPU time (ms) one small generated case may take. The extractor's own budget is 1 s of wall time; annotating a
 * few KB takes ~5 ms. CPU time, not wall time, so that 8 engineers sharing 2 cores do not fail the test; 20x
 * the slowest small case seen while writing it.
 */
export const SMALL_CASE_CPU_MS = 2_000;
/** CPU time (ms) one of the few big cases (MBs of input, 100k-deep nesting) may take. */
export const BIG_CASE_CPU_MS = 60_000;
/** Wall time (ms) without a finished case after which the watchdog declares a hang and kills the process. */
export const HANG_MS = Number(process.env.CROSSCHECK_FUZZ_HANG_MS ?? 180_000);

export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Runs one case and fails when it used more CPU than `boundMs`. */
export function bounded<T>(label: string, boundMs: number, run: () => T): T {
  const before = cpuMs();
  const result = run();
  const used = cpuMs() - before;
  assert.ok(used <= boundMs, `${label}: took ${used.toFixed(0)} ms of CPU, over the ${boundMs} ms bound`);
  return result;
}

export async function boundedAsync<T>(label: string, boundMs: number, run: () => Promise<T>): Promise<T> {
  const before = cpuMs();
  const result = await run();
  const used = cpuMs() - before;
  assert.ok(used <= boundMs, `${label}: took ${used.toFixed(0)} ms of CPU, over the ${boundMs} ms bound`);
  return result;
}

// ---------------------------------------------------------------------------------------------------
// Watchdog: a synchronous infinite loop cannot be interrupted by node:test's timeouts, so a worker thread
// watches a heartbeat the cases write into shared memory, and on a hang prints the case and kills the process.

const CASE_TEXT_BYTES = 64 * 1024;
const WATCHDOG_SOURCE = `
const { workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
const beat = new Float64Array(workerData.beat);
const text = new Uint8Array(workerData.text);
const length = new Int32Array(workerData.length);
setInterval(() => {
  if (beat[0] === 0 || Date.now() - beat[0] < workerData.hangMs) return;
  const input = Buffer.from(text.subarray(0, length[0])).toString('utf8');
  writeSync(2, '\\nFUZZ HANG: a case ran for more than ' + workerData.hangMs + ' ms (seed ' + workerData.seed + '). Its input:\\n' + input + '\\n');
  process.kill(process.pid, 'SIGKILL');
}, 1000).unref();
`;

export class Watchdog {
  private readonly beat = new Float64Array(new SharedArrayBuffer(8));
  private readonly text = new Uint8Array(new SharedArrayBuffer(CASE_TEXT_BYTES));
  private readonly length = new Int32Array(new SharedArrayBuffer(4));
  private readonly worker: Worker;
  private readonly encoder = new TextEncoder();

  constructor(hangMs = HANG_MS) {
    this.worker = new Worker(WATCHDOG_SOURCE, {
      eval: true,
      workerData: { beat: this.beat.buffer, text: this.text.buffer, length: this.length.buffer, hangMs, seed: FUZZ_SEED },
    });
    this.worker.unref();
  }

  /** Marks the start of a case; `describe` is called only to record the input for a hang report. */
  start(stage: string, describe: () => unknown): void {
    let json: string;
    try {
      json = `${stage}: ${JSON.stringify(describe())}`;
    } catch {
      json = `${stage}: (input not serialisable)`;
    }
    if (json.length > CASE_TEXT_BYTES / 3) json = `${json.slice(0, CASE_TEXT_BYTES / 3)}... (${json.length} chars)`;
    this.length[0] = this.encoder.encodeInto(json, this.text).written;
    this.beat[0] = Date.now();
  }

  done(): void {
    this.beat[0] = 0;
  }

  async stop(): Promise<void> {
    this.done();
    await this.worker.terminate();
  }
}

// ---------------------------------------------------------------------------------------------------
// Error checks

/** Codes a stage may reject input with; `internal` (a bug) is never among them. */
export const DECODE_CODES: ErrorCode[] = ['empty', 'binary', 'invalid_utf8'];
export const EXTRACT_CODES: ErrorCode[] = ['no_content', 'timeout'];
export const RECORD_CODES: ErrorCode[] = ['invalid_json', 'invalid_record', 'invalid_date'];

/** Fails unless `err` is a PipelineError with one of `codes` (never `internal`, never a raw TypeError). */
export function assertSpecificError(err: unknown, codes: ErrorCode[], where: string): asserts err is PipelineError {
  if (!(err instanceof PipelineError)) {
    const detail = err instanceof Error ? `${err.name}: ${err.message}\n${err.stack}` : String(err);
    assert.fail(`${where}: threw a raw error, not a PipelineError: ${detail}`);
  }
  assert.notEqual(err.code, 'internal', `${where}: internal error: ${err.message}`);
  assert.ok(codes.includes(err.code), `${where}: unexpected code ${err.code} (${err.message}); expected one of ${codes.join(', ')}`);
  assert.ok(err.message.length > 0, `${where}: empty error message`);
}

function checkSpan(text: string, span: { text?: string; start: number; end: number }, what: string): void {
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: offsets are not integers`);
  assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, `${what}: [${span.start}, ${span.end}) outside the text (${text.length})`);
  if (span.text !== undefined) assert.equal(text.slice(span.start, span.end), span.text, `${what}: text.slice(start, end) !== span.text`);
}

/** The contract's offset rule for every annotation, and sane values. */
export function checkAnnotations(text: string, a: Annotations): void {
  for (const e of a.entities) {
    checkSpan(text, e, `entity ${e.type}`);
    assert.ok(['PERSON', 'ORG', 'LOC', 'MISC'].includes(e.type), `entity type ${e.type}`);
    assert.equal(typeof e.canonical, 'string');
    assert.ok(e.canonical.length > 0, 'empty canonical');
  }
  for (const t of a.times) {
    checkSpan(text, t, `time ${t.type}`);
    assert.ok(typeof t.value === 'string' && t.value.length > 0, `time value ${t.value}`);
  }
  for (const q of a.quantities) {
    checkSpan(text, q, 'quantity');
    assert.ok(q.value === null || Number.isFinite(q.value), `quantity value ${q.value}`);
  }
  for (const c of a.claims) {
    checkSpan(text, c, 'claim');
    if (c.source) checkSpan(text, c.source, 'claim source');
    if (c.cue) checkSpan(text, c.cue, 'claim cue');
    checkSpan(text, c.content, 'claim content');
    assert.equal(typeof c.hedged, 'boolean');
  }
}

// ---------------------------------------------------------------------------------------------------
// Fictional vocabulary (invented people, places and outlets)

const FIRST_NAMES = ['Edda', 'Tomas', 'Ilse', 'Marek', 'Sunniva', 'Orrin', 'Beatrix', 'Kasimir', 'Liora', 'Anselm', 'Zofia', 'Dario'];
const LAST_NAMES = ['Voss', 'Brandl', 'Okafor', 'Lindqvist', 'Marchetti', 'Halloran', 'Szabo', 'Teague', 'Ferreira', 'Nakamura'];
const PLACES = ['Kelmar', 'Orsund', 'Valbrume', 'Port Ellery', 'Drennick', 'Saltmarsh', 'New Carrow', 'Ostvik', 'Lake Tamsin', 'Greyhaven'];
const ORGS = ['the Kelmar Port Authority', 'the Orsund Rail Company', 'the Ministry of Waterways', 'Drennick City Council', 'the Tamsin Health Board', 'Greyhaven University'];
const OUTLETS = ['Kelmar Courier', 'Orsund Daily', 'The Valbrume Post', 'Ellery Gazette', 'Northwind Wire'];
const VERBS = ['reopened', 'closed', 'announced', 'approved', 'rejected', 'sent', 'repaired', 'evacuated', 'opened', 'suspended'];
const OBJECTS = ['the harbour', 'a new bridge', 'the ferry line', 'the hospital wing', 'the rail tunnel', 'the water plant', 'the northern road'];
const SAY = ['said', 'told reporters', 'said in a statement', 'according to', 'claimed', 'denied that'];
const WHEN = ['on Monday', 'on Friday', 'last week', 'in March', 'on 12 May 2024', 'two days ago', 'this morning', 'since 2019'];

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);
const person = fc.tuple(pick(FIRST_NAMES), pick(LAST_NAMES)).map(([f, l]) => `${f} ${l}`);
const quantity = fc.oneof(
  fc.nat({ max: 100_000 }).map(String),
  fc.nat({ max: 900 }).map((n) => `about ${n}`),
  fc.nat({ max: 90 }).map((n) => `more than ${n},000`),
  fc.nat({ max: 99 }).map((n) => `${n} per cent`),
  fc.nat({ max: 500 }).map((n) => `$${n} million`),
);

/** One sentence of fictional news: who did what, where, when, how many, who said so. */
export const newsSentence: fc.Arbitrary<string> = fc
  .tuple(person, pick(VERBS), pick(OBJECTS), pick(PLACES), pick(WHEN), quantity, pick(SAY), pick(ORGS), fc.nat({ max: 4 }))
  .map(([who, verb, object, place, when, count, say, org, shape]) => {
    switch (shape) {
      case 0:
        return `${org[0].toUpperCase()}${org.slice(1)} ${verb} ${object} in ${place} ${when}, ${who} ${say}.`;
      case 1:
        return `"We ${verb} ${object} because ${count} people depended on it," ${who} ${say === 'according to' ? 'said' : say}.`;
      case 2:
        return `${count} residents of ${place} were affected ${when}, ${say} ${org}.`;
      case 3:
        return `${who}, a spokesperson for ${org}, ${say} ${object} would stay shut until ${when.replace(/^on |^in /, '')}.`;
      default:
        return `In ${place}, ${org} ${verb} ${object} ${when} after ${count} complaints.`;
    }
  });

/** A few paragraphs of fictional news. */
export const newsText: fc.Arbitrary<string> = fc
  .array(fc.array(newsSentence, { minLength: 1, maxLength: 3 }).map((s) => s.join(' ')), { minLength: 1, maxLength: 3 })
  .map((paragraphs) => paragraphs.join('\n\n'));

/** Text of any kind: news, any Unicode (graphemes or raw code points, lone surrogates included), and news with junk spliced in. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: newsText },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...' \n\t.,;:"\'()[]-–—$%0123456789'), maxLength: 200 }) },
  { weight: 3, arbitrary: newsText.chain((text) => mutateText(text)) },
);

// ---------------------------------------------------------------------------------------------------
// Mutations

/** A splice of junk into `text`: deletions, insertions, duplications, truncation, case flips. Positions are
 * fractions of the length, so the mutation shrinks with the text. */
const JUNK: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('<', '>', '</', '/>', '"', "'", '&', '&#', '&#x', '&#0;', '&#xD800;', '&#1114112;', '&amp', '<!--', '-->', ']]>', '<![CDATA[',
    '<script>', '</script>', '<style>', '\u0000', '\ufeff', '\u202e', '\u200b', '\r', '\r\n', '\u2028', '\ud800', '\udfff', '\u0301\u0301\u0301'),
  fc.constantFrom('<p>', '</p>', '<div>', '</div>', '<article>', '</article>', '<h1>', '</h1>', '<br>', '<li>', '<table><tr><td>', '<time datetime="x">', '<a href="javascript:alert(1)">'),
);

type Mutation = { kind: 'delete' | 'insert' | 'duplicate' | 'truncate' | 'upper' | 'strip-close'; at: number; span: number; junk: string };

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('delete', 'insert', 'insert', 'duplicate', 'truncate', 'upper', 'strip-close'),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  span: fc.double({ min: 0, max: 0.3, noNaN: true }),
  junk: JUNK,
});

function applyMutation(text: string, m: Mutation): string {
  const at = Math.floor(m.at * text.length);
  const end = Math.min(text.length, at + Math.floor(m.span * text.length));
  switch (m.kind) {
    case 'delete':
      return text.slice(0, at) + text.slice(end);
    case 'insert':
      return text.slice(0, at) + m.junk + text.slice(at);
    case 'duplicate':
      return text.slice(0, end) + text.slice(at, end) + text.slice(end);
    case 'truncate':
      return text.slice(0, at);
    case 'upper':
      return text.slice(0, at) + text.slice(at, end).toUpperCase() + text.slice(end);
    case 'strip-close':
      return text.slice(0, at) + text.slice(at, end).replace(/<\/[a-z0-9]+>/gi, '') + text.slice(end);
  }
}

export function mutateText(text: string): fc.Arbitrary<string> {
  return fc.array(mutation, { minLength: 1, maxLength: 6 }).map((ms) => ms.reduce(applyMutation, text));
}

// ---------------------------------------------------------------------------------------------------
// HTML

const TAGS = ['div', 'p', 'span', 'article', 'section', 'main', 'header', 'footer', 'nav', 'aside', 'h1', 'h2', 'a', 'b', 'i', 'em', 'ul', 'li',
  'table', 'tr', 'td', 'figure', 'figcaption', 'time', 'blockquote', 'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'form',
  'button', 'br', 'img', 'meta', 'link', 'title', 'head', 'body', 'html', 'x-widget', 'font', 'pre', 'textarea', 'select', 'option'];
const ATTRIBUTES = ['class', 'id', 'itemprop', 'itemtype', 'property', 'name', 'content', 'href', 'datetime', 'rel', 'lang', 'style', 'data-x', 'role', 'src', 'charset'];
const ATTRIBUTE_VALUES = ['article-body', 'byline', 'author', 'headline', 'datePublished', 'og:title', 'og:site_name', 'article:published_time', 'nav', 'footer',
  'advertisement', 'comments', '2024-05-12T09:30:00+02:00', '13/45/2024', 'http://example.invalid/a', 'javascript:void(0)', 'Person', 'NewsArticle'];

const attributeText: fc.Arbitrary<string> = fc
  .tuple(pick(ATTRIBUTES), fc.oneof(pick(ATTRIBUTE_VALUES), fc.string({ maxLength: 30 }), person), fc.nat({ max: 3 }))
  .map(([name, value, quoting]) =>
    quoting === 0 ? `${name}="${value.replace(/"/g, '&quot;')}"` : quoting === 1 ? `${name}='${value}'` : quoting === 2 ? `${name}=${value}` : name,
  );

interface HtmlNode {
  html: string;
}

/** A random tree of elements, text and junk, serialised with random defects (missing or wrong end tags). */
export const randomHtml: fc.Arbitrary<string> = fc
  .letrec<{ node: HtmlNode }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { weight: 3, arbitrary: fc.oneof(newsSentence, fc.string({ unit: 'grapheme', maxLength: 40 })).map((text) => ({ html: text })) },
      { weight: 1, arbitrary: JUNK.map((junk) => ({ html: junk })) },
      {
        weight: 3,
        arbitrary: fc
          .tuple(pick(TAGS), fc.array(attributeText, { maxLength: 3 }), fc.array(tie('node'), { maxLength: 4 }), fc.nat({ max: 5 }))
          .map(([tag, attributes, children, ending]) => {
            const open = `<${tag}${attributes.map((a) => ` ${a}`).join('')}>`;
            const inner = children.map((c) => c.html).join('');
            // 0-2: proper end tag; 3: none; 4: another element's end tag; 5: self-closed.
            const close = ending <= 2 ? `</${tag}>` : ending === 3 ? '' : ending === 4 ? `</${TAGS[(tag.length * 7) % TAGS.length]}>` : '';
            return { html: ending === 5 ? `<${tag}${attributes.map((a) => ` ${a}`).join('')}/>${inner}` : `${open}${inner}${close}` };
          }),
      },
    ),
  }))
  .node.map((n) => n.html);

/** JSON-LD blocks, some broken. */
const jsonLd: fc.Arbitrary<string> = fc.oneof(
  fc
    .record({ headline: fc.oneof(newsSentence, fc.string()), author: fc.oneof(person, fc.array(person), fc.constant(null)), date: fc.oneof(fc.constant('2024-05-12T09:30:00Z'), fc.string({ maxLength: 25 })) })
    .map((r) => JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: r.headline, author: r.author, datePublished: r.date })),
  fc.json({ maxDepth: 4 }),
  fc.string({ maxLength: 60 }).map((s) => `{"@type": "NewsArticle", "headline": "${s}`),
);

/** A real-looking fictional news page: head metadata, navigation, byline, article paragraphs, footer. */
export const fictionalPage: fc.Arbitrary<string> = fc
  .record({
    title: newsSentence.map((s) => s.slice(0, 80)),
    outlet: pick(OUTLETS),
    author: person,
    date: fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }),
    paragraphs: fc.array(fc.array(newsSentence, { minLength: 1, maxLength: 3 }).map((s) => s.join(' ')), { minLength: 1, maxLength: 4 }),
    ld: fc.option(jsonLd),
    lang: fc.constantFrom('en', 'en-GB', 'xx', ''),
  })
  .map((p) => {
    const iso = p.date.toISOString();
    return `<!DOCTYPE html><html lang="${p.lang}"><head><meta charset="utf-8"><title>${p.title} | ${p.outlet}</title>` +
      `<meta property="og:site_name" content="${p.outlet}"><meta property="article:published_time" content="${iso}">` +
      `<meta name="author" content="${p.author}">${p.ld === null ? '' : `<script type="application/ld+json">${p.ld}</script>`}</head>` +
      `<body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>` +
      `<article><h1>${p.title}</h1><p class="byline">By ${p.author}</p><time datetime="${iso}">${iso.slice(0, 10)}</time>` +
      p.paragraphs.map((t) => `<p>${t}</p>`).join('\n') +
      `<aside>Advertisement</aside></article><footer>© ${p.outlet}. Subscribe to our newsletter.</footer></body></html>`;
  });

export const mutatedPage: fc.Arbitrary<string> = fictionalPage.chain((page) => mutateText(page));

// ---------------------------------------------------------------------------------------------------
// Bytes

/** Encodings pages arrive in, and labels a page may (wrongly) declare. */
const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1251', 'koi8-r', 'cp932', 'gb18030', 'big5hkscs', 'cp949', 'windows-1256', 'windows-1252', 'iso-8859-7'];
const LABELS = ['utf-8', 'UTF8', 'utf-16', 'windows-1251', 'koi8-r', 'shift_jis', 'gbk', 'big5', 'euc-kr', 'windows-1256', 'iso-8859-1', 'utf-7', 'base64',
  'hex', 'binary', 'ucs2', 'x-unknown', '', 'utf-32', 'latin1', 'us-ascii', 'iso-2022-jp', '"><script>'];
const FOREIGN = ['Мэр Полесов открыл мост', '市長が図書館を開いた', '市长宣布地铁开通', '시장이 다리를 개통했다', 'افتتح رئيس البلدية المستشفى', 'Ο δήμαρχος άνοιξε', 'Café à Valbrume', 'महापौर ने पुल खोला'];

export interface ByteCase {
  bytes: Uint8Array;
  header: string | null;
  kind: 'html' | 'text' | null;
}

/** A page encoded in one encoding, declared (in meta and/or header) as another, or bytes with no meaning at all. */
export const pageBytes: fc.Arbitrary<ByteCase> = fc.oneof(
  fc
    .record({
      page: fc.oneof(fictionalPage, randomHtml),
      foreign: fc.array(pick(FOREIGN), { maxLength: 4 }),
      encoding: pick(ENCODINGS),
      meta: fc.option(pick(LABELS)),
      header: fc.option(pick(LABELS)),
      bom: fc.boolean(),
      kind: fc.constantFrom('html' as const, 'text' as const, null),
    })
    .map((r) => {
      let page = r.page.replace('<meta charset="utf-8">', r.meta === null ? '' : `<meta charset="${r.meta}">`);
      page = page.replace('</h1>', ` ${r.foreign.join(' ')}</h1>`);
      let bytes: Buffer = iconv.encode(page, r.encoding);
      if (r.bom) bytes = Buffer.concat([Buffer.from(r.encoding === 'utf-16be' ? [0xfe, 0xff] : r.encoding === 'utf-16le' ? [0xff, 0xfe] : [0xef, 0xbb, 0xbf]), bytes]);
      return { bytes: new Uint8Array(bytes), header: r.header, kind: r.kind };
    }),
  fc.record({ bytes: fc.uint8Array({ maxLength: 600 }), header: fc.option(pick(LABELS)), kind: fc.constantFrom('html' as const, 'text' as const, null) }),
  fc
    .record({ prefix: fc.uint8Array({ maxLength: 8 }), page: fictionalPage, junk: fc.uint8Array({ maxLength: 40 }), at: fc.double({ min: 0, max: 1, noNaN: true }) })
    .map((r) => {
      const page = Buffer.from(r.page, 'utf8');
      const at = Math.floor(r.at * page.length);
      return { bytes: new Uint8Array(Buffer.concat([r.prefix, page.subarray(0, at), r.junk, page.subarray(at)])), header: null, kind: 'html' as const };
    }),
);

// ---------------------------------------------------------------------------------------------------
// Documents and JSONL

const iso = fc.oneof(
  fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('0001-01-01', '9999-12-31', '2024-02-29', '2024-05-12T23:59:59+14:00', '1970-01-01T00:00-12:00'),
);

/** Values for a JSONL record's fields: mostly the right type, sometimes not. */
const fieldValue = (good: fc.Arbitrary<string>) =>
  fc.oneof({ weight: 6, arbitrary: good }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) });

/** One JSONL line: a record in the contract's shape (often with wrong fields), other JSON, or not JSON. */
export const jsonlLine: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .record(
        {
          id: fieldValue(fc.string({ minLength: 1, maxLength: 12 })),
          url: fieldValue(fc.webUrl()),
          html: fieldValue(fc.oneof(fictionalPage, randomHtml)),
          text: fieldValue(anyText),
          title: fieldValue(newsSentence),
          outlet: fieldValue(pick(OUTLETS)),
          published: fieldValue(fc.oneof(iso, fc.string({ maxLength: 20 }))),
        },
        { requiredKeys: [] },
      )
      .map((r) => JSON.stringify(r)),
  },
  { weight: 1, arbitrary: fc.json({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 80 }) },
  { weight: 1, arbitrary: fc.constantFrom('{', '[]', 'null', '"text"', '{"text": "\\ud800 lone"}', '{"text": 5}', '{"id": 1, "text": ""}', '   ', '\u2028') },
);

/** A document as the CLI or the server hands it to the pipeline. */
export const rawDocument: fc.Arbitrary<RawDocument> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('html' as const), content: randomHtml }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('html' as const), content: mutatedPage }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('html' as const), content: fictionalPage }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('text' as const), content: anyText }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('html' as const, 'text' as const), content: fc.string({ unit: 'binary', maxLength: 400 }) }) },
).chain((d) =>
  fc.record({
    input: fc.constant('fuzz'),
    kind: fc.constant(d.kind),
    content: fc.constant(d.content),
    url: fc.option(fc.oneof(fc.webUrl(), fc.string({ maxLength: 30 }))),
    outlet: fc.option(fc.oneof(pick(OUTLETS), fc.string({ maxLength: 20 }))),
    published: fc.option(iso),
  }),
);

export const referenceDate: fc.Arbitrary<string | null> = fc.option(iso);

// ---------------------------------------------------------------------------------------------------
// Regression fixtures

/** A case that once failed (or is known to be tricky), kept in test/regressions/<stage>.json and replayed. */
export interface RegressionCase<T> {
  name: string;
  /** How it was found: the property, its seed and path, or "hand-written". */
  found: string;
  input: T;
  /** Set when the failure is in a module the fuzz tests do not own and is not fixed yet: the message it fails with. */
  todo?: string;
  /** With `todo`: a regular expression matching the failure's message, so the generated cases that hit the same
   * known bug are counted and reported instead of failing the property again (remove it with the fix). */
  known?: string;
}

/** The failure patterns of a stage's unfixed regressions. */
export function knownFailures(stage: string): RegExp[] {
  return loadRegressions(stage).flatMap((c) => (c.todo && c.known ? [new RegExp(c.known)] : []));
}

/**
 * Runs a check, tolerating a failure that matches a known unfixed bug: it is counted in `tally` (reported by
 * the test) and the property goes on. Any other failure is thrown.
 */
export function tolerateKnown(known: RegExp[], tally: Map<string, number>, check: () => void): void {
  try {
    check();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const match = known.find((k) => k.test(message));
    if (!match) throw err;
    tally.set(match.source, (tally.get(match.source) ?? 0) + 1);
  }
}

export function loadRegressions<T>(stage: string): Array<RegressionCase<T>> {
  const file = join(REPO_ROOT, 'test/regressions', `${stage}.json`);
  const cases = JSON.parse(readFileSync(file, 'utf8')) as { cases: Array<RegressionCase<T>> };
  assert.ok(Array.isArray(cases.cases) && cases.cases.length > 0, `${file} holds no cases`);
  return cases.cases;
}

/** Regression inputs may hold bytes, stored as base64. */
export function bytesOf(base64: string): Buffer {
  return Buffer.from(base64, 'base64');
}
