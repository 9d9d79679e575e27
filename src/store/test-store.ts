/**
 * The store tests run against: the embedded store in memory by default, or a PostgreSQL server when
 * CROSSCHECK_TEST_POSTGRES holds its URL (CI runs the whole suite once each way). Each store gets a fresh
 * schema of that database, dropped when the store closes.
 * CROSSCHECK_TEST_STORE_THREAD=1 runs the embedded store's statements on its worker thread instead.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openMemoryStore, openStore, type MaintainableStore } from './index.ts';

/** The PostgreSQL server the tests use, or null for the embedded store. */
export const TEST_POSTGRES_URL: string | null = process.env.CROSSCHECK_TEST_POSTGRES || null;

/** A location for a fresh store: `folder` for the embedded store, or the test server with a new schema. */
export function freshStoreLocation(folder: string): string {
  if (!TEST_POSTGRES_URL) return folder;
  const url = new URL(TEST_POSTGRES_URL);
  url.searchParams.set('schema', `test_${randomBytes(6).toString('hex')}`);
  return url.href;
}

async function dropSchema(location: string): Promise<void> {
  const url = new URL(location);
  const schema = url.searchParams.get('schema');
  url.searchParams.delete('schema');
  if (!schema) return;
  const client = new pg.Client({ connectionString: url.href });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

/** CROSSCHECK_TEST_STORE_THREAD=1: the embedded store runs PGlite on its worker thread (as `serve` does). */
const TEST_STORE_THREAD = process.env.CROSSCHECK_TEST_STORE_THREAD === '1';

export async function openTestStore(): Promise<MaintainableStore> {
  if (!TEST_POSTGRES_URL) return openMemoryStore({ thread: TEST_STORE_THREAD });
  const location = freshStoreLocation('');
  const store = await openStore(location);
  const close = store.close.bind(store);
  store.close = async () => {
    await close();
    await dropSchema(location);
  };
  return store;
}
