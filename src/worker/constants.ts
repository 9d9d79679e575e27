/** Names and thresholds of the job queue, the workers and the single clustering writer. */
import type { ErrorCode } from '../model.ts';

/** The pg-boss queue of documents to fetch, extract and annotate. */
export const PROCESS_QUEUE = 'crosscheck-process';
/** Jobs that failed for good: bad input at once, transient failures after their retries. */
export const DEAD_QUEUE = 'crosscheck-dead';

/** pg-boss keeps its tables in this schema when the store uses `public`; else in `<store schema>_pgboss`. */
export const DEFAULT_QUEUE_SCHEMA = 'pgboss';
export const QUEUE_SCHEMA_SUFFIX = '_pgboss';

/**
 * Advisory lock of the clustering writer, per store schema (advisory locks are database-wide, so two stores
 * in two schemas of one database must not share one writer).
 */
export const CLUSTER_LOCK_PREFIX = 'crosscheck:cluster';

/** Retries of a job that failed for a passing reason (network, database, CPU starvation). */
export const JOB_RETRY_LIMIT = 3;
/** First retry delay in seconds; pg-boss doubles it (with jitter) per retry: ~2 s, 4 s, 8 s. */
export const JOB_RETRY_DELAY_SECONDS = 2;
/**
 * A job still active this long after it was fetched counts as lost (its worker died) and is retried. A
 * document takes well under a second, a URL fetch at most 15 s; a batch of JOB_BATCH_SIZE on a starved
 * machine stays far below two minutes. Expiring a slow but live job is harmless: its retry stores nothing
 * twice (staging is keyed by the document id).
 */
export const JOB_EXPIRE_SECONDS = 120;
/** How often pg-boss looks for expired jobs (maintenance, shared by all workers). */
export const MAINTENANCE_INTERVAL_SECONDS = 30;

/** Jobs fetched at once by one handler: amortises the fetch round trip without holding many jobs. */
export const JOB_BATCH_SIZE = 8;
/** Handlers per worker process: two keep the CPU busy while the other waits on the database. */
export const DEFAULT_CONCURRENCY = 2;
/** Wait before asking an empty queue again. */
export const EMPTY_QUEUE_POLL_MS = 250;

/**
 * Error codes that a retry cannot fix: the input itself is wrong. Other codes (`timeout`, `unreadable`,
 * which a fetch raises for network failures) and any non-pipeline error (database down) are retried.
 */
export const PERMANENT_ERROR_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'not_found',
  'empty',
  'binary',
  'invalid_utf8',
  'too_large',
  'unsupported_type',
  'invalid_json',
  'invalid_record',
  'invalid_date',
  'no_content',
]);

/** Articles the writer takes from the staging table per query. */
export const DRAIN_BATCH = 64;
/** Wait of an idle writer before looking at the staging table again (bounds the added latency). */
export const DRAIN_IDLE_MS = 100;
/** Wait of a worker that does not hold the writer lock before trying it again. */
export const LOCK_RETRY_MS = 1000;
/** Failed clustering or save attempts of one staged article before it is dead-lettered. */
export const MAX_DRAIN_ATTEMPTS = 3;

/**
 * Back-pressure: handlers stop taking jobs while this many articles wait for the writer, so the staging
 * table stays small and the CPU goes to the writer, the stage that cannot scale out. The writer's own
 * process backs off earlier, since its handlers compete with it for one event loop. 256 is a few seconds of
 * writer work; 32 keeps a batch ready for the writer's next query.
 */
export const PENDING_BACKLOG_LIMIT = 256;
export const WRITER_PROCESS_BACKLOG_LIMIT = 32;
/** The backlog count is refreshed at most this often (one cheap count query). */
export const BACKLOG_REFRESH_MS = 500;

/** Progress lines on stderr, at most one per this many milliseconds. */
export const PROGRESS_INTERVAL_MS = 5000;

/** Embedded-store ingest with threads: documents queued per thread ahead of the writer. */
export const THREAD_QUEUE_DEPTH = 8;

/** `ingest --workers N` at most: each thread loads its own models (~200 MB); more than the cores only compete. */
export const MAX_INGEST_THREADS = 16;
/**
 * Articles `ingest --workers N` writes in one transaction at most: enough to spread the per-statement cost
 * of the embedded store (~2-5 ms a statement) thin, small enough that a batch stays a few MB of JSON.
 */
export const WRITE_BATCH = 64;
