/** Names and thresholds of the store. */

/** Folder of the embedded store, relative to the working directory, when no location is given. */
export const DEFAULT_STORE_DIR = '.crosscheck';

/** PostgreSQL's own files live in this subfolder, so the lock file can sit beside them, not inside. */
export const PGDATA_DIR_NAME = 'pgdata';

/** Exclusive lock of a store folder; holds the pid of the process that opened it. */
export const LOCK_FILE_NAME = 'crosscheck.lock';

/**
 * close() runs `VACUUM ANALYZE` when at least this many articles were written since open. Chosen so that a
 * bulk ingest (hundreds of pages) refreshes the planner statistics while a one-document ingest does not pay
 * for it: VACUUM ANALYZE took ~0.2 s on a small store and grows with the table, a single save takes ~5 ms.
 */
export const MAINTAIN_AFTER_WRITES = 200;

/** Location prefixes that name a PostgreSQL server rather than a folder. */
export const POSTGRES_URL_PREFIXES = ['postgres://', 'postgresql://'] as const;

/** Migration files are `NNN_name.sql`; the number is the schema version. */
export const MIGRATION_FILE_PATTERN = /^(\d+)_[\w-]+\.sql$/;

/**
 * Articles read per statement when a brief reads a story's recent articles. The embedded store runs one
 * statement at a time, so one read of 300 articles (~0.4 ms each: their jsonb turned into objects) held
 * every other request for over 100 ms; in chunks of 25 the others wait ~10 ms at most between two.
 */
export const STORY_READ_CHUNK = 25;
