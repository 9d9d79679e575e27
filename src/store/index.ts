import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_STORE_DIR, PGDATA_DIR_NAME, POSTGRES_URL_PREFIXES } from './constants.ts';
import { acquireFolderLock } from './lock.ts';
import { migrate } from './migrate.ts';
import { openPgliteDatabase } from './pglite-database.ts';
import { openPgliteThreadDatabase } from './pglite-thread.ts';
import { openPostgresDatabase, redactPostgresUrl } from './pg-database.ts';
import { SqlStore } from './sql-store.ts';
import type { Store } from './types.ts';
import type { ArticleRecord, Assignment } from '../model.ts';

export { DEFAULT_STORE_DIR, MAINTAIN_AFTER_WRITES } from './constants.ts';
export type { ApiTokenInfo, ArticleHit, EntityDetail, EntityListOptions, EntitySummary, Store, StoredArticle, StoryListOptions } from './types.ts';

/** The embedded store also offers maintenance; close() runs it by itself after a bulk load. */
export interface MaintainableStore extends Store {
  /** `VACUUM ANALYZE`: refreshes planner statistics after many writes. */
  maintain(): Promise<void>;
  /** Bulk load of articles with decided stories, one transaction (imports, benchmark fixtures). */
  saveArticles(items: Array<{ record: ArticleRecord; assignment: Assignment }>): Promise<number>;
}

export interface OpenStoreOptions {
  /**
   * The embedded store only: run PGlite on its own worker thread, so that statements never block this
   * thread's event loop (a server answering requests while it ingests). Each statement then costs a message
   * round trip (tens of microseconds), so one-shot commands keep PGlite in their own thread.
   */
  thread?: boolean;
}

/**
 * Opens the store at `location`: a folder for the embedded PostgreSQL (PGlite), created when absent, or a
 * `postgres://` URL of a PostgreSQL server (`?schema=NAME` keeps the tables in their own schema).
 * Sequence: lock the folder, start PGlite on `<folder>/pgdata`, apply new migrations. The folder stays
 * locked to this process until close(). Keep one store per process and folder: start-up takes ~0.3 s on an
 * existing folder and ~3 s on a new one.
 */
export async function openStore(location: string = DEFAULT_STORE_DIR, options: OpenStoreOptions = {}): Promise<MaintainableStore> {
  if (POSTGRES_URL_PREFIXES.some((prefix) => location.toLowerCase().startsWith(prefix))) return openPostgresStore(location);
  const dir = path.resolve(location);
  await mkdir(dir, { recursive: true });
  const lock = await acquireFolderLock(dir);
  let db;
  try {
    const open = options.thread ? openPgliteThreadDatabase : openPgliteDatabase;
    db = await open(path.join(dir, PGDATA_DIR_NAME));
  } catch (error) {
    await lock.release();
    throw new Error(`Could not open the embedded store in ${dir}: ${(error as Error).message}`, { cause: error });
  }
  try {
    await migrate(db);
  } catch (error) {
    await db.close().catch(() => undefined);
    await lock.release();
    throw error;
  }
  return new SqlStore(dir, db, () => lock.release());
}

/**
 * A store in memory (PGlite without a data folder), gone when closed: for tests and benchmarks that need
 * the real schema and SQL without touching disk.
 */
export async function openMemoryStore(options: OpenStoreOptions = {}): Promise<MaintainableStore> {
  const db = await (options.thread ? openPgliteThreadDatabase : openPgliteDatabase)(undefined);
  await migrate(db);
  return new SqlStore(':memory:', db);
}

/** Migration runs are serialised across processes by this advisory lock. */
const MIGRATION_LOCK_KEY = 'crosscheck:migrate';

/**
 * A store on a PostgreSQL server: the same schema and migrations as the embedded store. Many processes may
 * open it at once (a server, workers); migrations run under an advisory lock so only one applies them.
 */
async function openPostgresStore(location: string): Promise<MaintainableStore> {
  const db = await openPostgresDatabase(location);
  try {
    await db.withSessionLock(MIGRATION_LOCK_KEY, () => migrate(db));
  } catch (error) {
    await db.close().catch(() => undefined);
    throw new Error(`Could not prepare the store at ${redactPostgresUrl(location)}: ${(error as Error).message}`, { cause: error });
  }
  return new SqlStore(redactPostgresUrl(location), db);
}
