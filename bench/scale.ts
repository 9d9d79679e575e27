/**
 * `npm run bench -- scale` (issue 9): a stream of synthetic 3 KB pages (built from the demo documents with
 * invented names, outlets, dates and numbers, so every copy is a new document and each day's copies form
 * new stories) through
 *   - 1, 2 and 4 `crosscheck worker` processes against the local PostgreSQL (a fresh schema per run):
 *     articles/s end to end (first enqueue to last article stored), latency from enqueue to stored and time
 *     waiting in the queue, database bytes per article, CPU and peak RSS per worker, server CPU;
 *   - the two stages apart: 2 process-only workers (extract + annotate + stage), then 1 cluster-only worker
 *     draining what they staged (the single writer's rate);
 *   - `ingest --workers 1|2` (worker threads) into a fresh embedded store, each run in a process of its own.
 * The machine is shared, so the CPU seconds used are reported beside the wall-clock rates, with the load
 * average. CROSSCHECK_BENCH_SCALE_DOCS sets the stream length (default 2000); CROSSCHECK_BENCH_POSTGRES the
 * server (default the local test server).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { readDocuments } from '../src/cli/documents.ts';
import { extractArticle } from '../src/extract/index.ts';
import { openStore } from '../src/store/index.ts';
import { ingestWithWorkers } from '../src/worker/ingest-threads.ts';
import { JobQueue, queueSchemaOf, queueTimestamp, type ProcessJob } from '../src/worker/queue.ts';
import type { RawDocument } from '../src/model.ts';
import type { BenchSection } from './main.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEMO = join(ROOT, 'examples/demo/pages');
const WORKER_MAIN = join(ROOT, 'src/worker/main.ts');
const EMBEDDED_CHILD = join(ROOT, 'bench/scale-embedded.ts');
/** Articles per run: long enough for steady state, short enough for minutes per run on 2 loaded cores. */
const STREAM_DOCS = Number(process.env.CROSSCHECK_BENCH_SCALE_DOCS ?? 2000);
/**
 * Articles per embedded-store run. Longer than the PostgreSQL stream: each worker thread compiles the whole
 * pipeline anew, which costs a couple of CPU seconds, so over 2,000 articles a second thread paid more in its
 * own warm-up than it gave back (108 against 150 articles/s for one thread in one run; over 6,000, 168 for both).
 */
const EMBEDDED_DOCS = Number(process.env.CROSSCHECK_BENCH_SCALE_EMBEDDED_DOCS ?? 6000);
const POSTGRES_URL = process.env.CROSSCHECK_BENCH_POSTGRES ?? 'postgres://crosscheck:crosscheck@127.0.0.1:5432/crosscheck_test';
/** Target page size (bytes of HTML), as the issue asks. */
const PAGE_BYTES = 3 * 1024;
/** Each cycle through the demo documents is new news, with its own names, DAYS_PER_CYCLE days after the last. */
const FIRST_DAY = Date.parse('2031-03-01T00:00:00Z');
/**
 * Twice the clusterer's 7-day window, so each cycle's copies form new stories (of a few articles, as the
 * demo's do) instead of joining the same five stories, which would grow by the thousand. With 8 days, 190
 * pages still made stories of up to 46 articles; with 15, at most 16.
 */
const DAYS_PER_CYCLE = 15;
/** Latency probe after each throughput run: this many documents, one at a time, at PROBE_RATE per second. */
const PROBE_DOCS = 40;
const PROBE_RATE = 4;
/** Jobs per enqueue insert. */
const ENQUEUE_BATCH = 250;
/** Linux clock ticks per second (/proc CPU times). */
const CLOCK_TICKS = 100;

const OUTLET_WORDS = [['Brindle', 'Corvale', 'Duskmere', 'Elmstead', 'Farrow', 'Glenhollow', 'Harrowgate', 'Islay Bay'], ['Courier', 'Gazette', 'Dispatch', 'Ledger', 'Herald', 'Sentinel', 'Post']];
const SYLLABLES = ['ka', 'lo', 'mir', 'ven', 'dro', 'sa', 'tel', 'qua', 'ri', 'bos', 'nel', 'fa', 'gor', 'hu', 'zen', 'pel'];
/** Capitalised words that are not names: kept, so sentences still read as English. */
const KEEP_WORDS = new Set(
  'The A An In On At It He She They We But And Or If As By For From To Of With This That These Those His Her Their Its Our After Before When While Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December Mr Mrs Ms Dr'.split(' '),
);

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h;
}

/** An invented capitalised word standing for `word` on day `cycle` (the same within a day, across outlets). */
function inventedName(word: string, cycle: number): string {
  let h = hash(`${word}|${cycle}`);
  let name = '';
  const parts = 2 + (h % 2);
  for (let i = 0; i < parts; i++) {
    name += SYLLABLES[h % SYLLABLES.length];
    h = Math.floor(h / SYLLABLES.length) + 7919 * (i + 1);
  }
  return name[0].toUpperCase() + name.slice(1);
}

function vary(text: string, cycle: number): string {
  return text
    .replace(/\b[A-Z][a-z]{2,}\b/g, (word) => (KEEP_WORDS.has(word) ? word : inventedName(word, cycle)))
    .replace(/\b\d{1,3}\b/g, (digits) => String((Number(digits) + cycle) % 1000));
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

interface Source {
  title: string;
  paragraphs: string[];
}

export async function demoSources(): Promise<Source[]> {
  const sources: Source[] = [];
  for await (const item of readDocuments([DEMO])) {
    if (!('doc' in item)) continue;
    const article = extractArticle(item.doc, { timeBudgetMs: 60_000 });
    sources.push({ title: article.title ?? 'Untitled', paragraphs: article.text.split(/\n\s*\n/).filter((p) => p.trim()) });
  }
  if (sources.length === 0) throw new Error(`no demo documents under ${DEMO}`);
  return sources;
}

/** Document `index` of the stream: a ~3 KB HTML page, a new document with its own names, outlet and day. */
export function syntheticPage(sources: Source[], index: number): RawDocument {
  const cycle = Math.floor(index / sources.length);
  const slot = index % sources.length;
  const source = sources[slot];
  const outlet = `${OUTLET_WORDS[0][(slot + cycle) % OUTLET_WORDS[0].length]} ${OUTLET_WORDS[1][(slot * 3 + cycle) % OUTLET_WORDS[1].length]}`;
  const day = new Date(FIRST_DAY + cycle * DAYS_PER_CYCLE * 86_400_000).toISOString().slice(0, 10);
  const url = `https://${outlet.toLowerCase().replace(/\W+/g, '-')}.example/${day}/story-${index}`;
  const title = vary(source.title, cycle);
  const head =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} | ${escapeHtml(outlet)}</title>` +
    `<meta property="og:site_name" content="${escapeHtml(outlet)}"><meta property="article:published_time" content="${day}T08:00:00Z">` +
    `<link rel="canonical" href="${url}"></head><body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>` +
    `<article><h1>${escapeHtml(title)}</h1><p class="byline">By ${inventedName('Reporter', slot + cycle)} ${inventedName('Surname', slot)}</p>`;
  const tail = `</article><footer>&copy; ${escapeHtml(outlet)}</footer></body></html>`;
  let body = '';
  for (const paragraph of source.paragraphs) {
    const html = `<p>${escapeHtml(vary(paragraph, cycle))}</p>`;
    if (head.length + body.length + html.length + tail.length > PAGE_BYTES) {
      // The last paragraph is cut at a sentence end to land near the target size.
      const room = PAGE_BYTES - head.length - body.length - tail.length - 7;
      const cut = vary(paragraph, cycle).slice(0, Math.max(0, room));
      const sentence = cut.slice(0, cut.lastIndexOf('. ') + 1);
      if (sentence.length > 40) body += `<p>${escapeHtml(sentence)}</p>`;
      break;
    }
    body += html;
  }
  return { input: `synthetic-${index}.html`, kind: 'html', content: head + body + tail, url, outlet: null };
}

// ----------------------------------------------------------------------------------------------------
// Process measurements (Linux /proc; null elsewhere)

function processCpuSeconds(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // Fields after the command: utime is the 14th field of the line, the 12th after `) `.
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

function peakRssMb(pid: number): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** CPU seconds of every PostgreSQL server process (the server is shared: other clients count too). */
function serverCpuSeconds(): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      const fields = stat.split(') ')[1].split(' ');
      total += (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

/**
 * Articles per wall second over the second half of a run, from the sorted times (ms) its articles were stored:
 * the rate once every process has compiled the pipeline and the store has its tables warm, which is what a
 * long stream sees. The whole-run rate is reported beside it.
 */
function secondHalfRate(storedTimes: number[]): number {
  const half = Math.floor(storedTimes.length / 2);
  const span = (storedTimes[storedTimes.length - 1]! - storedTimes[half]!) / 1000;
  return span > 0 ? (storedTimes.length - 1 - half) / span : NaN;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

// ----------------------------------------------------------------------------------------------------
// PostgreSQL runs

interface WorkerProcess {
  child: ChildProcess;
  started: Promise<void>;
  exited: Promise<void>;
}

function startWorker(location: string, role: 'both' | 'process' | 'cluster'): WorkerProcess {
  // Process-only workers stage the whole stream (no back-pressure), so the writer can be timed alone after.
  const limits = role === 'process' ? ['--max-pending', String(1_000_000)] : [];
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER_MAIN, 'worker', '--db', location, '--role', role, '--concurrency', role === 'cluster' ? '0' : '2', ...limits], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let seen = '';
  const started = new Promise<void>((done, fail) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      seen = (seen + chunk.toString('utf8')).slice(-4000);
      if (seen.includes('started on')) done();
    });
    child.on('exit', (code) => fail(new Error(`worker exited with ${code} before starting: ${seen}`)));
  });
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  return { child, started, exited };
}

async function query<Row extends object>(url: string, sql: string, params: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as Row[];
  } finally {
    await client.end();
  }
}

async function relationBytes(url: string, schema: string): Promise<number> {
  const rows = await query<{ bytes: string | null }>(
    url,
    `SELECT sum(pg_total_relation_size(c.oid))::bigint AS bytes FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'm')`,
    [schema],
  );
  return Number(rows[0]?.bytes ?? 0);
}

interface PgRun {
  label: string;
  workers: number;
  docs: number;
  seconds: number;
  /** Articles per wall second over the second half of the run (secondHalfRate). */
  secondHalfRate: number;
  latencyP50: number;
  latencyP95: number;
  waitP50: number;
  waitP95: number;
  /** Enqueue -> stored of documents sent one at a time well below capacity (no backlog). */
  idleP50: number;
  idleP95: number;
  storeBytesPerArticle: number;
  queueBytesPerJob: number;
  workerCpu: number;
  serverCpu: number;
  rssMb: number[];
  load: number;
  failed: number;
}

/**
 * Waits until every document is accounted for: stored, or dead-lettered (bad input, or an article the writer
 * gave up on), with nothing left queued, active or staged. Returns how many were stored.
 */
async function waitForStored(schema: string, queue: JobQueue, target: number, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await query<{ stored: number; pending: number }>(
      POSTGRES_URL,
      `SELECT (SELECT count(*) FROM ${schema}.articles)::integer AS stored, (SELECT count(*) FROM ${schema}.pending_articles)::integer AS pending`,
    );
    const stored = Number(row.stored);
    if (stored >= target) return stored;
    if (Number(row.pending) === 0) {
      const counts = await queue.counts();
      if (counts.queued === 0 && counts.active === 0 && stored + counts.dead >= target) return stored;
    }
    if (Date.now() > deadline) throw new Error(`only ${stored} of ${target} articles stored in time`);
    await new Promise((done) => setTimeout(done, 250));
  }
}

async function enqueueAll(queue: JobQueue, docs: RawDocument[]): Promise<Map<string, number>> {
  const queuedAt = new Map<string, number>();
  for (let i = 0; i < docs.length; i += ENQUEUE_BATCH) {
    const jobs: ProcessJob[] = docs.slice(i, i + ENQUEUE_BATCH).map((doc) => ({ kind: 'document', doc, queuedAt: queueTimestamp() }));
    await queue.enqueue(jobs);
    for (const job of jobs) if (job.kind === 'document') queuedAt.set(job.doc.input, Date.parse(job.queuedAt));
  }
  return queuedAt;
}

/** One run: fresh schemas, `workers` processes of `role`, every document enqueued at once, until all are stored. */
async function pgRun(label: string, docs: RawDocument[], probe: RawDocument[], workers: number): Promise<PgRun> {
  const schema = `bench_scale_${randomBytes(4).toString('hex')}`;
  const url = new URL(POSTGRES_URL);
  url.searchParams.set('schema', schema);
  const location = url.href;
  const queueSchema = queueSchemaOf(location);
  // Schema and queue exist before the clock starts; so do the workers (their start-up is not ingest).
  await (await openStore(location)).close();
  const queue = await JobQueue.open(location);
  const processes: WorkerProcess[] = [];
  try {
    for (let i = 0; i < workers; i++) processes.push(startWorker(location, 'both'));
    await Promise.all(processes.map((p) => p.started));
    const load = loadavg()[0];
    const cpuBefore = processes.map((p) => processCpuSeconds(p.child.pid!) ?? 0);
    const serverBefore = serverCpuSeconds();
    const t0 = performance.now();
    const queuedAt = await enqueueAll(queue, docs);
    const storedCount = await waitForStored(schema, queue, docs.length, 3_600_000);
    const seconds = (performance.now() - t0) / 1000;
    const workerCpu = processes.reduce((sum, p, i) => sum + ((processCpuSeconds(p.child.pid!) ?? 0) - cpuBefore[i]), 0);
    const serverCpu = serverCpuSeconds() - serverBefore;
    const rssMb = processes.map((p) => peakRssMb(p.child.pid!) ?? NaN);
    const stored = await query<{ input: string; stored_at: Date }>(POSTGRES_URL, `SELECT input, stored_at FROM ${schema}.articles`);
    const latencies = stored.map((row) => (new Date(row.stored_at).getTime() - (queuedAt.get(row.input) ?? NaN)) / 1000).filter(Number.isFinite).sort((a, b) => a - b);
    const storedTimes = stored.map((row) => new Date(row.stored_at).getTime()).sort((a, b) => a - b);
    const waits = (
      await query<{ wait: number }>(POSTGRES_URL, `SELECT extract(epoch FROM started_on - created_on)::float8 AS wait FROM ${queueSchema}.job WHERE name = 'crosscheck-process' AND started_on IS NOT NULL`)
    ).map((row) => Number(row.wait)).sort((a, b) => a - b);
    const counts = await queue.counts();
    // Latency without a backlog: documents one at a time, far below the rate the run just sustained.
    const probeQueued = new Map<string, number>();
    for (const doc of probe) {
      const job: ProcessJob = { kind: 'document', doc, queuedAt: queueTimestamp() };
      await queue.enqueue([job]);
      probeQueued.set(doc.input, Date.parse(job.queuedAt));
      await new Promise((done) => setTimeout(done, 1000 / PROBE_RATE));
    }
    await waitForStored(schema, queue, storedCount + probe.length, 600_000);
    const probed = await query<{ input: string; stored_at: Date }>(POSTGRES_URL, `SELECT input, stored_at FROM ${schema}.articles WHERE input = ANY($1::text[])`, [
      probe.map((doc) => doc.input),
    ]);
    const idle = probed.map((row) => (new Date(row.stored_at).getTime() - probeQueued.get(row.input)!) / 1000).sort((a, b) => a - b);
    return {
      label,
      idleP50: percentile(idle, 50),
      idleP95: percentile(idle, 95),
      workers,
      docs: storedCount,
      seconds,
      secondHalfRate: secondHalfRate(storedTimes),
      latencyP50: percentile(latencies, 50),
      latencyP95: percentile(latencies, 95),
      waitP50: percentile(waits, 50),
      waitP95: percentile(waits, 95),
      storeBytesPerArticle: (await relationBytes(POSTGRES_URL, schema)) / (storedCount + probed.length),
      queueBytesPerJob: (await relationBytes(POSTGRES_URL, queueSchema)) / (docs.length + probe.length),
      workerCpu,
      serverCpu,
      rssMb,
      load,
      failed: counts.failed + counts.dead,
    };
  } finally {
    for (const p of processes) p.child.kill('SIGTERM');
    await Promise.all(processes.map((p) => p.exited));
    await queue.close();
    await query(POSTGRES_URL, `DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await query(POSTGRES_URL, `DROP SCHEMA IF EXISTS ${queueSchema} CASCADE`);
  }
}

interface StageSplit {
  docs: number;
  staged: number;
  stored: number;
  processSeconds: number;
  processCpu: number;
  writerSeconds: number;
  writerCpu: number;
  writerServerCpu: number;
  load: number;
}

/** 2 process-only workers stage everything; then 1 cluster-only worker drains it: each stage's own rate. */
async function stageSplit(docs: RawDocument[]): Promise<StageSplit> {
  const schema = `bench_scale_${randomBytes(4).toString('hex')}`;
  const url = new URL(POSTGRES_URL);
  url.searchParams.set('schema', schema);
  const location = url.href;
  const queueSchema = queueSchemaOf(location);
  await (await openStore(location)).close();
  const queue = await JobQueue.open(location);
  const processes: WorkerProcess[] = [];
  try {
    const load = loadavg()[0];
    const processors = [startWorker(location, 'process'), startWorker(location, 'process')];
    processes.push(...processors);
    await Promise.all(processors.map((p) => p.started));
    const cpu0 = processors.map((p) => processCpuSeconds(p.child.pid!) ?? 0);
    const t0 = performance.now();
    await enqueueAll(queue, docs);
    let staged = 0;
    for (;;) {
      const rows = await query<{ n: number }>(POSTGRES_URL, `SELECT count(*)::integer AS n FROM ${schema}.pending_articles`);
      staged = Number(rows[0].n);
      if (staged >= docs.length) break;
      const counts = await queue.counts();
      if (counts.queued === 0 && counts.active === 0 && staged + counts.dead >= docs.length) break;
      await new Promise((done) => setTimeout(done, 250));
    }
    const processSeconds = (performance.now() - t0) / 1000;
    const processCpu = processors.reduce((sum, p, i) => sum + ((processCpuSeconds(p.child.pid!) ?? 0) - cpu0[i]), 0);
    for (const p of processors) p.child.kill('SIGTERM');
    await Promise.all(processors.map((p) => p.exited));

    const writer = startWorker(location, 'cluster');
    processes.push(writer);
    await writer.started;
    const wcpu0 = processCpuSeconds(writer.child.pid!) ?? 0;
    const server0 = serverCpuSeconds();
    const t1 = performance.now();
    const stored = await waitForStored(schema, queue, docs.length, 3_600_000);
    const writerSeconds = (performance.now() - t1) / 1000;
    const writerCpu = (processCpuSeconds(writer.child.pid!) ?? 0) - wcpu0;
    const writerServerCpu = serverCpuSeconds() - server0;
    return { docs: docs.length, staged, stored, processSeconds, processCpu, writerSeconds, writerCpu, writerServerCpu, load };
  } finally {
    for (const p of processes) if (p.child.exitCode === null) p.child.kill('SIGTERM');
    await Promise.all(processes.map((p) => p.exited));
    await queue.close();
    await query(POSTGRES_URL, `DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await query(POSTGRES_URL, `DROP SCHEMA IF EXISTS ${queueSchema} CASCADE`);
  }
}

// ----------------------------------------------------------------------------------------------------
// Embedded store runs

interface EmbeddedRun {
  threads: number;
  docs: number;
  seconds: number;
  /** Articles per wall second over the second half of the run (secondHalfRate). */
  secondHalfRate: number;
  cpu: number;
  peakRssMb: number;
  baseRssMb: number;
  storeBytesPerArticle: number;
  load: number;
  failed: number;
}

async function folderBytes(dir: string): Promise<number> {
  const { readdir, stat } = await import('node:fs/promises');
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath ?? entry.path, entry.name))).size;
  }
  return total;
}

export async function embeddedRun(docs: RawDocument[], threads: number): Promise<EmbeddedRun> {
  const dir = await mkdtemp(join(tmpdir(), 'crosscheck-bench-scale-'));
  try {
    // As `ingest --workers` opens it: PGlite on a thread of its own.
    const store = await openStore(join(dir, 'db'), { thread: true });
    const baseRssMb = process.memoryUsage().rss / 2 ** 20;
    let peak = baseRssMb;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss / 2 ** 20)), 250);
    const load = loadavg()[0];
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    let failed = 0;
    const reportedAt: number[] = [];
    await ingestWithWorkers(store, docs.map((doc) => ({ doc })), threads, {
      write: (line) => {
        reportedAt.push(performance.now());
        if (!line.ok) failed++;
      },
    });
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    clearInterval(sampler);
    await store.close();
    return {
      threads,
      docs: docs.length,
      seconds,
      secondHalfRate: secondHalfRate(reportedAt),
      cpu: (cpu.user + cpu.system) / 1e6,
      peakRssMb: peak,
      baseRssMb,
      storeBytesPerArticle: (await folderBytes(join(dir, 'db'))) / docs.length,
      load,
      failed,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * embeddedRun in a fresh process, as `crosscheck ingest --workers N` runs: not in this one, whose heap holds
 * the PostgreSQL runs' state (a larger heap to collect, other threads' leftovers).
 */
function embeddedRunInChild(threads: number, docs: number): Promise<EmbeddedRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', EMBEDDED_CHILD, String(threads), String(docs)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout!.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !last.startsWith('{')) reject(new Error(`the embedded run (${threads} threads) exited with code ${code}: ${out.slice(-500)}`));
      else resolvePromise(JSON.parse(last) as EmbeddedRun);
    });
  });
}

// ----------------------------------------------------------------------------------------------------

const f0 = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '–');
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '–');

export async function runScaleBench(): Promise<BenchSection> {
  const sources = await demoSources();
  const docs = Array.from({ length: STREAM_DOCS }, (_, i) => syntheticPage(sources, i));
  const probe = Array.from({ length: PROBE_DOCS }, (_, i) => syntheticPage(sources, STREAM_DOCS + i));
  const meanBytes = docs.reduce((n, d) => n + Buffer.byteLength(d.content), 0) / docs.length;
  const log = (message: string) => process.stderr.write(`bench scale: ${message}\n`);

  const pgRuns: PgRun[] = [];
  for (const workers of [1, 2, 4]) {
    log(`PostgreSQL, ${workers} worker(s), ${docs.length} articles…`);
    pgRuns.push(await pgRun(`${workers} worker${workers > 1 ? 's' : ''}`, docs, probe, workers));
    log(JSON.stringify(pgRuns.at(-1)));
  }
  log('PostgreSQL, stages apart…');
  const split = await stageSplit(docs);
  log(JSON.stringify(split));
  const embedded: EmbeddedRun[] = [];
  for (const threads of [1, 2]) {
    log(`embedded store, ${threads} thread(s)…`);
    embedded.push(await embeddedRunInChild(threads, EMBEDDED_DOCS));
    log(JSON.stringify(embedded.at(-1)));
  }

  const pgTable = [
    '| workers | articles | wall s | articles/s (wall) | articles/s, second half | CPU s workers + server | articles per CPU s | enqueue->stored p50 / p95 s (backlog) | queue wait p50 / p95 s (backlog) | enqueue->stored p50 / p95 s (one at a time) | store KB/article | queue KB/job | peak RSS per worker MB | load avg | failed |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...pgRuns.map(
      (r) =>
        `| ${r.workers} | ${r.docs} | ${f1(r.seconds)} | ${f1(r.docs / r.seconds)} | ${f1(r.secondHalfRate)} | ${f1(r.workerCpu)} + ${f1(r.serverCpu)} | ${f1(r.docs / (r.workerCpu + r.serverCpu))} | ${f1(r.latencyP50)} / ${f1(r.latencyP95)} | ${f1(r.waitP50)} / ${f1(r.waitP95)} | ${f2(r.idleP50)} / ${f2(r.idleP95)} | ${f1(r.storeBytesPerArticle / 1024)} | ${f1(r.queueBytesPerJob / 1024)} | ${r.rssMb.map(f0).join(', ')} | ${f1(r.load)} | ${r.failed} |`,
    ),
  ].join('\n');
  const splitTable = [
    '| stage | articles | wall s | articles/s (wall) | CPU s | articles per CPU s |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    `| extract + annotate + stage (2 process-only workers) | ${split.staged} | ${f1(split.processSeconds)} | ${f1(split.staged / split.processSeconds)} | ${f1(split.processCpu)} | ${f1(split.staged / split.processCpu)} |`,
    `| cluster + store (1 cluster-only worker, the single writer) | ${split.stored} | ${f1(split.writerSeconds)} | ${f1(split.stored / split.writerSeconds)} | ${f1(split.writerCpu)} client + ${f1(split.writerServerCpu)} server | ${f1(split.stored / split.writerCpu)} client, ${f1(split.stored / (split.writerCpu + split.writerServerCpu))} with server |`,
  ].join('\n');
  const embeddedTable = [
    '| threads | articles | wall s | articles/s (wall) | articles/s, second half | CPU s (all threads) | articles per CPU s | RSS before / peak MB | store KB/article | load avg | failed |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...embedded.map(
      (r) =>
        `| ${r.threads} | ${r.docs} | ${f1(r.seconds)} | ${f1(r.docs / r.seconds)} | ${f1(r.secondHalfRate)} | ${f1(r.cpu)} | ${f1(r.docs / r.cpu)} | ${f0(r.baseRssMb)} / ${f0(r.peakRssMb)} | ${f1(r.storeBytesPerArticle / 1024)} | ${f1(r.load)} | ${r.failed} |`,
    ),
  ].join('\n');
  const body = `Stream: ${docs.length} synthetic HTML pages of ${f0(meanBytes)} bytes on average, built from the ${sources.length} demo documents (each pass a new day with invented names, outlets and numbers, so the copies are new documents and form new stories).

**PostgreSQL, \`crosscheck worker\` processes** (each: 2 job handlers + the writer loop; one holds the cluster lock). Every document is enqueued at once when the clock starts; the run ends when the last article is stored. Latency runs from enqueue to stored, so with the whole stream queued at once it measures the backlog; queue wait is the time from enqueue to a worker taking the job. After each run, ${PROBE_DOCS} more documents go one at a time at ${PROBE_RATE} per second: their enqueue-to-stored latency is the one without a backlog. CPU: user + system time of the worker processes and of all PostgreSQL server processes (the server is shared, so other clients' queries count too).

${pgTable}

**The two stages apart** (PostgreSQL): the same stream staged by two process-only workers, then clustered and stored by one cluster-only worker.

${splitTable}

**Embedded store, \`ingest --workers N\`** (worker threads extract and annotate; the main thread clusters each batch of 64 while PGlite, on a thread of its own, writes the batch before; each run in a fresh process, as the command runs; ${EMBEDDED_DOCS} articles of the same stream, longer than the PostgreSQL runs since every worker thread compiles the pipeline anew):

${embeddedTable}

The machine is shared by several engineers (see the load average at the start of each run): wall-clock rates are far below what 2 idle cores give; the per-CPU-second figures are the ones to compare. "Second half" is the rate over the second half of the articles stored, once every process and thread has compiled the pipeline. See docs/scaling.md for what limits each stage.`;
  return { suite: 'scale', title: 'Scaling out ingest: workers and the single writer (issue 9)', body };
}
