import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { SqlClient, SqlDatabase, SqlParam } from './sql.ts';

function clientOf(target: PGlite | Transaction): SqlClient {
  return {
    async query<Row extends object>(sql: string, params: SqlParam[] = []): Promise<Row[]> {
      const result = await target.query<Row>(sql, params);
      return result.rows;
    },
    async exec(script: string): Promise<void> {
      await target.exec(script);
    },
  };
}

/** Opens (creating when absent) a PGlite database in `dataDir` (in memory when undefined); start-up is slow. */
export async function openPgliteDatabase(dataDir: string | undefined): Promise<SqlDatabase> {
  // Without a folder PGlite keeps the database in memory.
  const db = dataDir === undefined ? await PGlite.create() : await PGlite.create(dataDir);
  const direct = clientOf(db);
  return {
    query: direct.query,
    exec: direct.exec,
    transaction: (work) => db.transaction((tx) => work(clientOf(tx))),
    close: () => db.close(),
  };
}
