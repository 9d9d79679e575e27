/**
 * The job queue of the stateless stages, kept in PostgreSQL by pg-boss: a job is a document to extract and
 * annotate, or a URL to fetch first. pg-boss gives each job retries with exponential backoff, expiry of jobs
 * whose worker died, and a dead-letter queue; this module fixes the queue names and settings and reads the
 * counts for `crosscheck worker --status`.
 */
import PgBoss from 'pg-boss';
import type { IsoDate, RawDocument } from '../model.ts';
import { parsePostgresLocation, redactPostgresUrl } from '../store/pg-database.ts';
import {
  DEAD_QUEUE,
  DEFAULT_QUEUE_SCHEMA,
  JOB_EXPIRE_SECONDS,
  JOB_RETRY_DELAY_SECONDS,
  JOB_RETRY_LIMIT,
  MAINTENANCE_INTERVAL_SECONDS,
  PROCESS_QUEUE,
  QUEUE_SCHEMA_SUFFIX,
} from './constants.ts';

/** A document to extract and annotate, as read by `enqueue`. */
export interface DocumentJob {
  kind: 'document';
  doc: RawDocument;
  /** When it entered the queue (ISO): the writer drains in this order. */
  queuedAt: IsoDate;
}

/** A page to fetch (src/sources/pages.ts), then extract and annotate. */
export interface UrlJob {
  kind: 'url';
  url: string;
  outlet?: string | null;
  published?: IsoDate | null;
  queuedAt: IsoDate;
}

export type ProcessJob = DocumentJob | UrlJob;

/** A job as a handler receives it. */
export interface FetchedJob {
  id: string;
  data: ProcessJob;
}

/** Retry and expiry of the jobs a queue client sends. */
export interface JobSettings {
  retryLimit: number;
  /** Seconds before the first retry; doubled per retry. */
  retryDelaySeconds: number;
  /** An active job older than this is taken as lost and retried. */
  expireInSeconds: number;
}

export const DEFAULT_JOB_SETTINGS: JobSettings = {
  retryLimit: JOB_RETRY_LIMIT,
  retryDelaySeconds: JOB_RETRY_DELAY_SECONDS,
  expireInSeconds: JOB_EXPIRE_SECONDS,
};

export interface QueueOptions {
  /** Run pg-boss maintenance (expiring lost jobs, archiving): workers do, `enqueue` does not. */
  supervise?: boolean;
  maintenanceIntervalSeconds?: number;
  /** Connections of pg-boss's own pool. */
  poolSize?: number;
  /** Settings of the process queue, applied only when this client creates it. */
  jobs?: Partial<JobSettings>;
}

/** Counts of the queue, as `crosscheck worker --status` prints them. */
export interface QueueCounts {
  /** Waiting for a worker (new, or waiting for a retry). */
  queued: number;
  retry: number;
  active: number;
  completed: number;
  /** Failed for good in the process queue (each also has a dead letter). */
  failed: number;
  /** Jobs in the dead-letter queue. */
  dead: number;
}

/** A dead letter as `crosscheck worker --dead` lists it. */
export interface DeadLetter {
  job: string;
  input: string;
  error: { code: string; message: string } | null;
  dead_at: string;
}

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,49}$/;

/** The schema pg-boss uses beside a store: its own per store schema, so stores never share jobs. */
export function queueSchemaOf(location: string): string {
  const { schema } = parsePostgresLocation(location);
  const name = schema ? `${schema}${QUEUE_SCHEMA_SUFFIX}` : DEFAULT_QUEUE_SCHEMA;
  if (!SCHEMA_NAME.test(name)) throw new Error(`store schema ${schema} is too long for a queue schema (pg-boss allows 50 characters)`);
  return name;
}

let lastQueueMicros = 0;

/**
 * A queue timestamp with microseconds, strictly increasing within this process: jobs enqueued together
 * keep their input order in the writer's drain (PostgreSQL's timestamptz keeps microseconds).
 */
export function queueTimestamp(now: number = Date.now()): IsoDate {
  lastQueueMicros = Math.max(now * 1000, lastQueueMicros + 1);
  const millis = Math.floor(lastQueueMicros / 1000);
  const micros = lastQueueMicros % 1000;
  return new Date(millis).toISOString().replace('Z', `${String(micros).padStart(3, '0')}Z`);
}

/** The input a job names in outcome lines. */
export function jobInput(job: ProcessJob): string {
  return job.kind === 'document' ? job.doc.input : job.url;
}

export class JobQueue {
  private constructor(
    private readonly boss: PgBoss,
    readonly schema: string,
  ) {}

  /** Connects, installs pg-boss's schema when absent and creates the two queues. */
  static async open(location: string, options: QueueOptions = {}): Promise<JobQueue> {
    const { connectionString } = parsePostgresLocation(location);
    const schema = queueSchemaOf(location);
    const boss = new PgBoss({
      connectionString,
      schema,
      max: options.poolSize ?? 4,
      application_name: 'crosscheck-queue',
      supervise: options.supervise ?? false,
      schedule: false,
      migrate: true,
      maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? MAINTENANCE_INTERVAL_SECONDS,
    });
    // pg-boss reports background errors (a lost connection during maintenance) as events; without a
    // listener an 'error' event would end the process.
    boss.on('error', () => undefined);
    try {
      await boss.start();
      await boss.createQueue(DEAD_QUEUE);
      const settings = { ...DEFAULT_JOB_SETTINGS, ...options.jobs };
      await boss.createQueue(PROCESS_QUEUE, {
        name: PROCESS_QUEUE,
        deadLetter: DEAD_QUEUE,
        retryLimit: settings.retryLimit,
        retryDelay: settings.retryDelaySeconds,
        retryBackoff: true,
        expireInSeconds: settings.expireInSeconds,
      });
      return new JobQueue(boss, schema);
    } catch (error) {
      await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
      throw new Error(`Could not open the job queue at ${redactPostgresUrl(location)}: ${(error as Error).message}`, { cause: error });
    }
  }

  /**
   * Adds jobs (one insert per call). Retries, backoff, expiry and the dead letter come from the queue, set
   * when the first client created it.
   */
  async enqueue(jobs: ProcessJob[]): Promise<void> {
    if (jobs.length === 0) return;
    await this.boss.insert(jobs.map((data) => ({ name: PROCESS_QUEUE, data })));
  }

  /** Up to `batchSize` jobs, now active for this worker. */
  async fetch(batchSize: number): Promise<FetchedJob[]> {
    const jobs = await this.boss.fetch<ProcessJob>(PROCESS_QUEUE, { batchSize });
    return jobs.map((job) => ({ id: job.id, data: job.data }));
  }

  async complete(ids: string[]): Promise<void> {
    if (ids.length > 0) await this.boss.complete(PROCESS_QUEUE, ids);
  }

  /** A passing failure: pg-boss retries the job after a backoff, and dead-letters it after the last retry. */
  async retryLater(id: string, error: { code: string; message: string }): Promise<void> {
    await this.boss.fail(PROCESS_QUEUE, id, { error });
  }

  /** A failure no retry can fix: the job goes to the dead-letter queue at once and leaves the process queue. */
  async deadLetter(job: FetchedJob, error: { code: string; message: string }): Promise<void> {
    await this.boss.send(DEAD_QUEUE, { ...job.data, error, job: job.id });
    await this.boss.complete(PROCESS_QUEUE, job.id, { ok: false, error });
  }

  /** A dead letter for an article the writer could not cluster or store (it left the process queue already). */
  async deadLetterArticle(input: string, id: string, error: { code: string; message: string }): Promise<void> {
    await this.boss.send(DEAD_QUEUE, { kind: 'article', input, id, error });
  }

  async counts(): Promise<QueueCounts> {
    const { rows } = await this.boss.getDb().executeSql(
      `SELECT name, state::text AS state, count(*)::integer AS n FROM ${this.schema}.job WHERE name = ANY($1::text[]) GROUP BY name, state`,
      [[PROCESS_QUEUE, DEAD_QUEUE]],
    );
    const counts: QueueCounts = { queued: 0, retry: 0, active: 0, completed: 0, failed: 0, dead: 0 };
    for (const row of rows as Array<{ name: string; state: string; n: number }>) {
      const n = Number(row.n);
      if (row.name === DEAD_QUEUE) counts.dead += n;
      else if (row.state === 'created') counts.queued += n;
      else if (row.state === 'retry') {
        counts.retry += n;
        counts.queued += n;
      } else if (row.state === 'active') counts.active += n;
      else if (row.state === 'completed') counts.completed += n;
      else if (row.state === 'failed') counts.failed += n;
    }
    return counts;
  }

  /** The most recent dead letters, newest first. */
  async deadLetters(limit: number): Promise<DeadLetter[]> {
    const { rows } = await this.boss.getDb().executeSql(
      `SELECT id, data, output, created_on FROM ${this.schema}.job WHERE name = $1 ORDER BY created_on DESC, id LIMIT $2`,
      [DEAD_QUEUE, limit],
    );
    return (rows as Array<{ id: string; data: Record<string, unknown>; output: Record<string, unknown> | null; created_on: Date }>).map((row) => {
      const data = row.data ?? {};
      const input = typeof data.input === 'string' ? data.input : typeof data.url === 'string' ? data.url : ((data.doc as RawDocument | undefined)?.input ?? '');
      const error = errorOf(data.error) ?? errorOf(row.output?.error) ?? errorOf(row.output?.value) ?? null;
      return { job: row.id, input, error, dead_at: new Date(row.created_on).toISOString() };
    });
  }

  async close(): Promise<void> {
    await this.boss.stop({ graceful: false, wait: true, close: true });
  }
}

function errorOf(value: unknown): { code: string; message: string } | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.message !== 'string') return null;
  return { code: typeof v.code === 'string' ? v.code : 'internal', message: v.message };
}
