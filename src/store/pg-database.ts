/**
 * The SqlDatabase over a PostgreSQL server, through a `pg` connection pool. JSON comes back parsed and
 * timestamps as Dates, as with PGlite, so the SqlStore above runs unchanged on both.
 */
import pg from 'pg';
import type { SqlClient, SqlDatabase, SqlParam } from './sql.ts';

/** Connections per process: the store's work is one writer plus a few concurrent API reads. */
export const DEFAULT_POOL_SIZE = 8;
/** A schema name we create and put first on the search path: letters, digits and underscores only. */
const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

export interface PostgresLocation {
  /** The connection URL without crosscheck's own parameters. */
  connectionString: string;
  /** `?schema=NAME`: tables live in this schema (created when absent) instead of `public`. */
  schema: string | null;
}

/** Splits crosscheck's `schema` parameter off a postgres:// URL. */
export function parsePostgresLocation(location: string): PostgresLocation {
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    throw new Error(`Not a PostgreSQL URL: ${redactPostgresUrl(location)}`);
  }
  const schema = url.searchParams.get('schema');
  url.searchParams.delete('schema');
  if (schema !== null && !SCHEMA_NAME.test(schema)) {
    throw new Error(`schema=${JSON.stringify(schema)}: use letters, digits and underscores (at most 63), not starting with a digit`);
  }
  return { connectionString: url.href, schema };
}

/** The URL with its password hidden, for messages and logs. */
export function redactPostgresUrl(location: string): string {
  return location.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}

function clientOf(target: pg.Pool | pg.PoolClient): SqlClient {
  return {
    async query<Row extends object>(sql: string, params: SqlParam[] = []): Promise<Row[]> {
      const result = await target.query(sql, params);
      return result.rows as Row[];
    },
    async exec(script: string): Promise<void> {
      // Without parameters pg uses the simple query protocol, which runs several statements.
      await target.query(script);
    },
  };
}

export async function openPostgresDatabase(location: string, poolSize = DEFAULT_POOL_SIZE): Promise<SqlDatabase & { withSessionLock<T>(key: string, work: () => Promise<T>): Promise<T> }> {
  const { connectionString, schema } = parsePostgresLocation(location);
  const pool = new pg.Pool({
    connectionString,
    max: poolSize,
    // The search path is set per connection, so every pooled connection sees the same tables.
    options: schema ? `-c search_path=${schema}` : undefined,
  });
  // An idle connection's error (the server restarting) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  try {
    if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    else await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new Error(`Could not connect to ${redactPostgresUrl(location)}: ${(error as Error).message}`, { cause: error });
  }
  const direct = clientOf(pool);
  return {
    query: direct.query,
    exec: direct.exec,
    async transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(clientOf(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    /** Runs `work` holding a session-level advisory lock (migrations: one process at a time). */
    async withSessionLock<T>(key: string, work: () => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock(hashtext($1))', [key]);
        try {
          return await work();
        } finally {
          await client.query('SELECT pg_advisory_unlock(hashtext($1))', [key]);
        }
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
