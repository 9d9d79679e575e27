/**
 * Commands that spread ingest over processes and machines (PostgreSQL store): `enqueue` puts documents and
 * URLs on the job queue, `worker` takes them (extract + annotate anywhere, clustering by one writer at a
 * time). `ingest --workers N` (threads in one process, for the embedded store) is src/worker/ingest-threads.ts.
 */
import type { Command } from './commands.ts';
import type { InputKind } from '../model.ts';
import { DEFAULT_MAX_INPUT_BYTES } from './inputs.ts';
import { readDocuments } from './documents.ts';
import { EXIT_OK, NdjsonWriter, UsageError, info } from './output.ts';

type Values = Record<string, string | boolean | undefined>;

/** Enqueued jobs per insert: one statement each, bounded in rows and in bytes. */
const ENQUEUE_BATCH_JOBS = 500;
const ENQUEUE_BATCH_BYTES = 8 * 1024 * 1024;
/** Dead letters listed by `worker --dead` unless --limit says otherwise. */
const DEFAULT_DEAD_LIMIT = 100;

const POSTGRES_DB_OPTION = {
  type: 'string' as const,
  valueName: 'postgres://…',
  help: 'the PostgreSQL store (also CROSSCHECK_DB); ?schema=NAME keeps it in its own schema',
};

function postgresLocation(values: Values): string {
  const location = (values.db as string | undefined) ?? process.env.CROSSCHECK_DB;
  if (!location) throw new UsageError('give the store with --db postgres://… (or CROSSCHECK_DB)');
  if (!/^postgres(ql)?:\/\//i.test(location)) {
    throw new UsageError('the job queue lives in PostgreSQL: --db must be a postgres:// URL (for the embedded store use `ingest --workers N`)');
  }
  return location;
}

function wholeNumber(values: Values, name: string, fallback: number, min: number): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be a whole number >= ${min}, got "${raw}"`);
  return n;
}

function waitForStopSignal(): Promise<string> {
  return new Promise((done) => {
    const stop = (signal: string) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      done(signal);
    };
    const onInt = () => stop('SIGINT');
    const onTerm = () => stop('SIGTERM');
    process.once('SIGINT', onInt);
    process.once('SIGTERM', onTerm);
  });
}

export const workerCommand: Command = {
  name: 'worker',
  usage: 'worker --db postgres://… [--concurrency N] [--role both|process|cluster] | worker --status | worker --dead',
  summary: 'take documents from the job queue: extract and annotate them, and cluster them when this worker holds the writer lock',
  description:
    'Runs until SIGINT or SIGTERM. Any number of workers may run on any number of machines against one store;\n' +
    'one of them at a time (the holder of an advisory lock) clusters and stores, the others take over if it dies.\n' +
    'A failed job is retried with backoff and, when it keeps failing (or its input is bad), dead-lettered.\n' +
    'stderr: a progress line every few seconds, one JSON line per failure {"event": "failure", "job", "input",\n' +
    '"ok": false, "error", "retry"}. --status prints one JSON object of counts; --dead one line per dead letter.',
  options: {
    db: POSTGRES_DB_OPTION,
    concurrency: { type: 'string', valueName: 'N', help: 'job handlers in this process (default 2; run one process per core)' },
    role: { type: 'string', valueName: 'ROLE', help: 'both (default), process (never cluster) or cluster (only cluster)' },
    status: { type: 'boolean', help: 'print queue depth, active, failed and dead-lettered jobs, staged and stored articles, then exit' },
    dead: { type: 'boolean', help: 'print the most recent dead letters ({"job", "input", "error", "dead_at"}), then exit' },
    limit: { type: 'string', valueName: 'N', help: `with --dead: at most N lines (default ${DEFAULT_DEAD_LIMIT})` },
    'allow-private': { type: 'boolean', help: 'let URL jobs fetch private and loopback addresses (an intranet)' },
    'max-pending': { type: 'string', valueName: 'N', help: 'stop taking jobs while N articles wait for the writer (default 256)' },
    'time-budget': { type: 'string', valueName: 'MS', help: 'extraction time budget per document in ms (default 1000); past it the job is retried' },
  },
  async run(values) {
    const location = postgresLocation(values);
    if (values.status === true) {
      const { workerStatus } = await import('../worker/worker.ts');
      new NdjsonWriter().write(await workerStatus(location));
      return EXIT_OK;
    }
    if (values.dead === true) {
      const { JobQueue } = await import('../worker/queue.ts');
      const queue = await JobQueue.open(location, { poolSize: 1 });
      try {
        const out = new NdjsonWriter();
        for (const letter of await queue.deadLetters(wholeNumber(values, 'limit', DEFAULT_DEAD_LIMIT, 1))) out.write({ ...letter, error: letter.error ?? undefined });
      } finally {
        await queue.close();
      }
      return EXIT_OK;
    }
    const role = (values.role as string | undefined) ?? 'both';
    if (role !== 'both' && role !== 'process' && role !== 'cluster') throw new UsageError(`--role must be both, process or cluster, got "${role}"`);
    const concurrency = wholeNumber(values, 'concurrency', 2, role === 'cluster' ? 0 : 1);
    const { startWorker } = await import('../worker/worker.ts');
    const { PROGRESS_INTERVAL_MS } = await import('../worker/constants.ts');
    const { redactPostgresUrl } = await import('../store/pg-database.ts');
    const worker = await startWorker({
      location,
      concurrency,
      role,
      fetch: { allowPrivate: values['allow-private'] === true },
      maxPending: values['max-pending'] === undefined ? undefined : wholeNumber(values, 'max-pending', 256, 1),
      extract: values['time-budget'] === undefined ? undefined : { timeBudgetMs: wholeNumber(values, 'time-budget', 1000, 1) },
      onEvent(event) {
        if (event.type === 'failure') {
          process.stderr.write(JSON.stringify({ event: 'failure', job: event.job, input: event.input, ok: false, error: event.error, retry: event.retry }) + '\n');
        } else if (event.type === 'writer') {
          info(`worker ${process.pid}: writer ${event.message}`);
        }
      },
    });
    info(`worker ${process.pid}: started on ${redactPostgresUrl(location)} (role ${role}, concurrency ${concurrency}); Ctrl-C to stop`);
    let last = '';
    const progress = setInterval(() => {
      const s = worker.stats;
      const line = `${s.processed} processed, ${s.failed} failed, ${s.stored} stored${s.holdsLock ? ' (writer)' : ''}`;
      if (line !== last) info(`worker ${process.pid}: ${line}`);
      last = line;
    }, PROGRESS_INTERVAL_MS);
    const signal = await waitForStopSignal();
    clearInterval(progress);
    info(`worker ${process.pid}: ${signal}, finishing the jobs in hand…`);
    await worker.stop();
    const s = worker.stats;
    info(`worker ${process.pid}: stopped; ${s.processed} processed, ${s.failed} failed, ${s.stored} stored`);
    return EXIT_OK;
  },
};

export const enqueueCommand: Command = {
  name: 'enqueue',
  usage: 'enqueue --db postgres://… [--outlet NAME] [--as html|text] PATH|URL…',
  summary: 'put pages (files, folders, .jsonl) or URLs to fetch on the job queue for `crosscheck worker`',
  description:
    'One line per input: {"input", "ok": true, "queued": true}, or an error line for a file that cannot be read\n' +
    '(it is not queued). Workers fetch URLs themselves. The writer stores documents in the order they were queued.',
  options: {
    db: POSTGRES_DB_OPTION,
    outlet: { type: 'string', valueName: 'NAME', help: 'the outlet that published the pages' },
    as: { type: 'string', valueName: 'html|text', help: 'read every file as HTML or as scraped text' },
    'max-bytes': { type: 'string', valueName: 'N', help: `largest input file in bytes (default ${DEFAULT_MAX_INPUT_BYTES})` },
  },
  async run(values, positionals) {
    if (positionals.length === 0) throw new UsageError('give at least one PATH or URL (or - for standard input)');
    const location = postgresLocation(values);
    const as = values.as as string | undefined;
    if (as !== undefined && as !== 'html' && as !== 'text') throw new UsageError(`--as must be html or text, got "${as}"`);
    const maxBytes = wholeNumber(values, 'max-bytes', DEFAULT_MAX_INPUT_BYTES, 1);
    const outlet = (values.outlet as string | undefined) ?? null;
    const { JobQueue, queueTimestamp } = await import('../worker/queue.ts');
    type ProcessJob = import('../worker/queue.ts').ProcessJob;
    const queue = await JobQueue.open(location);
    const out = new NdjsonWriter();
    let batch: ProcessJob[] = [];
    let batchBytes = 0;
    const flush = async () => {
      await queue.enqueue(batch);
      for (const job of batch) {
        const line = { input: job.kind === 'url' ? job.url : job.doc.input, ok: true, queued: true };
        out.write(line);
      }
      batch = [];
      batchBytes = 0;
    };
    const add = async (job: ProcessJob, bytes: number) => {
      batch.push(job);
      batchBytes += bytes;
      if (batch.length >= ENQUEUE_BATCH_JOBS || batchBytes >= ENQUEUE_BATCH_BYTES) await flush();
    };
    try {
      const paths: string[] = [];
      // URLs and paths keep their command-line order: each run of paths is read when a URL follows it.
      const readPaths = async () => {
        if (paths.length === 0) return;
        for await (const item of readDocuments(paths.splice(0), { as: as as InputKind | undefined, outlet, maxBytes, acceptJsonl: true })) {
          if ('error' in item) {
            await flush();
            out.write({ input: item.input, ok: false, error: { code: item.error.code, message: item.error.message } });
          } else {
            await add({ kind: 'document', doc: item.doc, queuedAt: queueTimestamp() }, Buffer.byteLength(item.doc.content));
          }
        }
      };
      for (const target of positionals) {
        if (/^https?:\/\//i.test(target)) {
          await readPaths();
          await add({ kind: 'url', url: target, outlet, queuedAt: queueTimestamp() }, target.length);
        } else {
          paths.push(target);
        }
      }
      await readPaths();
      await flush();
    } finally {
      await queue.close();
    }
    info(`enqueue: ${out.lines - out.failures} queued, ${out.failures} failed`);
    return out.exitCode;
  },
};
