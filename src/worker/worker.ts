/**
 * One `crosscheck worker` process against a PostgreSQL store. Sequence:
 *   1. open the store (applies migrations), a small pool for the staging table, and the job queue;
 *   2. start `concurrency` handlers: each fetches a few jobs, fetches the page when the job is a URL, runs
 *      processDocument (extract + annotate, stateless) and stages the ArticleRecord in `pending_articles`
 *      (keyed by document id, so a retried job stages once); a job is completed after its staging commits;
 *   3. run a ClusterWriter, which writes only while this process holds the cluster lock.
 * Any number of these run on any number of machines. A killed worker's active jobs expire and are retried
 * by the others; its lock, if it held it, is released with its connection.
 *
 * Handlers do not use pg-boss's `work()`: in pg-boss 10 a worker loop waits for its polling interval after
 * every batch, even when more jobs wait, and completes or fails a batch as a whole. Fetching directly lets
 * a handler go on at once while jobs wait and settle each job on its own.
 */
import { processDocument } from '../pipeline.ts';
import { PipelineError, asPipelineError, type RawDocument } from '../model.ts';
import { openStore, type Store } from '../store/index.ts';
import { openPostgresDatabase, parsePostgresLocation } from '../store/pg-database.ts';
import { countPendingArticles, stagePendingArticle } from '../store/pending.ts';
import type { SqlDatabase } from '../store/sql.ts';
import { fetchDocument } from '../sources/pages.ts';
import type { FetchOptions } from '../sources/fetch.ts';
import type { ExtractOptions } from '../extract/index.ts';
import {
  BACKLOG_REFRESH_MS,
  DEFAULT_CONCURRENCY,
  EMPTY_QUEUE_POLL_MS,
  JOB_BATCH_SIZE,
  PENDING_BACKLOG_LIMIT,
  PERMANENT_ERROR_CODES,
  WRITER_PROCESS_BACKLOG_LIMIT,
} from './constants.ts';
import { JobQueue, jobInput, type FetchedJob, type JobSettings, type QueueCounts } from './queue.ts';
import { ClusterWriter, clusterLockKey } from './writer.ts';
import { Sleeper } from './sleeper.ts';

/** What a worker does: process jobs, cluster (when it holds the lock), or both (the default). */
export type WorkerRole = 'both' | 'process' | 'cluster';

export interface WorkerOptions {
  /** A postgres:// URL (`?schema=NAME` allowed). */
  location: string;
  concurrency?: number;
  role?: WorkerRole;
  /** Jobs fetched per handler round. */
  batchSize?: number;
  /** Extraction options (the per-document time budget). */
  extract?: ExtractOptions;
  /** URL jobs: fetch limits, private addresses. */
  fetch?: FetchOptions;
  /** Back-pressure: stop taking jobs while this many articles wait for the writer (default PENDING_BACKLOG_LIMIT). */
  maxPending?: number;
  /** Settings of the queue when this worker creates it. */
  jobs?: Partial<JobSettings>;
  maintenanceIntervalSeconds?: number;
  /** Every job failure, and writer events, as they happen. */
  onEvent?: (event: WorkerEvent) => void;
}

export type WorkerEvent =
  | { type: 'failure'; job: string; input: string; error: { code: string; message: string }; retry: boolean }
  | { type: 'stored'; id: string; input: string; story: string; duplicate: boolean; queuedAt: string }
  | { type: 'writer'; message: string };

export interface WorkerStats {
  /** Jobs whose article was staged (or found staged or stored already). */
  processed: number;
  /** Jobs failed (retried later or dead-lettered). */
  failed: number;
  /** Articles this process stored as the writer. */
  stored: number;
  holdsLock: boolean;
}

export interface RunningWorker {
  readonly stats: WorkerStats;
  /** Stops taking jobs, finishes the ones in hand, releases the lock and closes every connection. */
  stop(): Promise<void>;
}

/** Whether a failure can pass on a retry (a network hiccup, a starved CPU, the database restarting). */
export function isTransientFailure(error: unknown): boolean {
  return !(error instanceof PipelineError && PERMANENT_ERROR_CODES.has(error.code));
}

function checkLocation(location: string): void {
  if (!/^postgres(ql)?:\/\//i.test(location)) {
    throw new Error('workers need a PostgreSQL store (a postgres:// URL): the embedded store is one process; use `ingest --workers N` there');
  }
}

export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  checkLocation(options.location);
  const role = options.role ?? 'both';
  const concurrency = role === 'cluster' ? 0 : (options.concurrency ?? DEFAULT_CONCURRENCY);
  if (!Number.isInteger(concurrency) || concurrency < 0) throw new RangeError(`concurrency must be a whole number >= 0, got ${concurrency}`);
  const { connectionString, schema } = parsePostgresLocation(options.location);
  const store = await openStore(options.location);
  let pending: SqlDatabase | null = null;
  let queue: JobQueue | null = null;
  try {
    pending = await openPostgresDatabase(options.location, Math.max(2, concurrency + 1));
    queue = await JobQueue.open(options.location, {
      supervise: true,
      maintenanceIntervalSeconds: options.maintenanceIntervalSeconds,
      poolSize: Math.max(2, concurrency + 1),
      jobs: options.jobs,
    });
  } catch (error) {
    await pending?.close().catch(() => undefined);
    await store.close().catch(() => undefined);
    throw error;
  }
  return new Worker(options, role, concurrency, store, pending, queue, connectionString, schema).start();
}

class Worker implements RunningWorker {
  readonly stats: WorkerStats = { processed: 0, failed: 0, stored: 0, holdsLock: false };
  private stopping = false;
  private readonly sleeper = new Sleeper();
  private handlers: Promise<void>[] = [];
  private readonly writer: ClusterWriter | null;
  private backlog = 0;
  private backlogCheckedAt = 0;

  constructor(
    private readonly options: WorkerOptions,
    role: WorkerRole,
    private readonly concurrency: number,
    private readonly store: Store,
    private readonly pending: SqlDatabase,
    private readonly queue: JobQueue,
    connectionString: string,
    schema: string | null,
  ) {
    this.writer =
      role === 'process'
        ? null
        : new ClusterWriter({
            store,
            pending,
            connectionString,
            lockKey: clusterLockKey(schema),
            onStored: (outcome, staged) => {
              this.stats.stored = this.writer?.stored ?? 0;
              this.emit({ type: 'stored', id: outcome.id, input: outcome.input, story: outcome.story, duplicate: outcome.duplicate, queuedAt: staged.queuedAt });
            },
            onGiveUp: async (staged, error) => {
              this.emit({ type: 'failure', job: staged.id, input: staged.record.input, error, retry: false });
              await this.queue.deadLetterArticle(staged.record.input, staged.id, error);
            },
            onEvent: (event) => {
              this.stats.holdsLock = this.writer?.holdsLock ?? false;
              this.emit({ type: 'writer', message: event.type === 'error' ? `error: ${event.message}` : event.type });
            },
          });
  }

  start(): this {
    this.writer?.start();
    for (let i = 0; i < this.concurrency; i++) this.handlers.push(this.handle());
    return this;
  }

  private emit(event: WorkerEvent): void {
    this.options.onEvent?.(event);
  }

  /** Articles waiting for the writer, counted at most every BACKLOG_REFRESH_MS. */
  private async currentBacklog(): Promise<number> {
    const now = Date.now();
    if (now - this.backlogCheckedAt >= BACKLOG_REFRESH_MS) {
      this.backlogCheckedAt = now;
      this.backlog = await countPendingArticles(this.pending);
    }
    return this.backlog;
  }

  private async handle(): Promise<void> {
    while (!this.stopping) {
      let jobs: FetchedJob[] = [];
      try {
        const maxPending = this.options.maxPending ?? PENDING_BACKLOG_LIMIT;
        const limit = this.writer?.holdsLock ? Math.min(maxPending, WRITER_PROCESS_BACKLOG_LIMIT) : maxPending;
        if ((await this.currentBacklog()) >= limit) {
          await this.sleeper.sleep(EMPTY_QUEUE_POLL_MS);
          continue;
        }
        jobs = await this.queue.fetch(this.options.batchSize ?? JOB_BATCH_SIZE);
      } catch (error) {
        this.emit({ type: 'writer', message: `queue error: ${(error as Error).message}` });
        await this.sleeper.sleep(EMPTY_QUEUE_POLL_MS);
        continue;
      }
      if (jobs.length === 0) {
        await this.sleeper.sleep(EMPTY_QUEUE_POLL_MS);
        continue;
      }
      const done: string[] = [];
      // A stop finishes the batch in hand (a few documents), so no job is left to expire.
      for (const job of jobs) if (await this.runJob(job)) done.push(job.id);
      await this.queue.complete(done).catch((error: Error) => this.emit({ type: 'writer', message: `queue error: ${error.message}` }));
    }
  }

  /** Processes and stages one job; true when it succeeded. Failures are settled here. */
  private async runJob(job: FetchedJob): Promise<boolean> {
    try {
      const data = job.data;
      const doc: RawDocument =
        data.kind === 'document'
          ? data.doc
          : { ...(await fetchDocument(data.url, { fetchOptions: this.options.fetch, published: data.published ?? null })), outlet: data.outlet ?? null };
      const record = processDocument(doc, { extract: this.options.extract });
      await stagePendingArticle(this.pending, record, data.queuedAt);
      this.stats.processed++;
      return true;
    } catch (error) {
      this.stats.failed++;
      const failure = asPipelineError(error);
      const reason = { code: failure.code, message: failure.message };
      const retry = isTransientFailure(error);
      this.emit({ type: 'failure', job: job.id, input: jobInput(job.data), error: reason, retry });
      try {
        if (retry) await this.queue.retryLater(job.id, reason);
        else await this.queue.deadLetter(job, reason);
      } catch {
        // The queue is unreachable: the job stays active and expires, which retries it.
      }
      return false;
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.sleeper.wake();
    await Promise.all(this.handlers);
    await this.writer?.stop();
    this.stats.holdsLock = false;
    await this.queue.close().catch(() => undefined);
    await this.pending.close().catch(() => undefined);
    await this.store.close();
  }
}

/** Queue counts plus the staging backlog and the stored articles: `crosscheck worker --status`. */
export interface WorkerStatus extends QueueCounts {
  /** Articles staged, waiting for the writer. */
  pending: number;
  /** Articles in the store. */
  stored: number;
}

export async function workerStatus(location: string): Promise<WorkerStatus> {
  checkLocation(location);
  const db = await openPostgresDatabase(location, 1);
  try {
    const queue = await JobQueue.open(location, { poolSize: 1 });
    try {
      const counts = await queue.counts();
      const hasPending = await db.query<{ present: boolean }>("SELECT to_regclass('pending_articles') IS NOT NULL AS present");
      const pending = hasPending[0]?.present ? await countPendingArticles(db) : 0;
      const hasArticles = await db.query<{ present: boolean }>("SELECT to_regclass('articles') IS NOT NULL AS present");
      const stored = hasArticles[0]?.present ? Number((await db.query<{ n: number }>('SELECT count(*)::integer AS n FROM articles'))[0].n) : 0;
      return { ...counts, pending, stored };
    } finally {
      await queue.close();
    }
  } finally {
    await db.close();
  }
}
