/**
 * The tiny SQL interface the store is written against. The embedded store adapts PGlite to it; a PostgreSQL
 * server adapter (a `pg` Pool) only has to provide the same four methods. Parameters are `$1, $2, ...`;
 * JSON goes in as a string with an explicit `::jsonb` cast and comes back parsed, so both drivers agree.
 */

export type SqlParam = string | number | boolean | null;

export interface SqlClient {
  /** One statement with parameters; resolves to the result rows. */
  query<Row extends object = Record<string, unknown>>(sql: string, params?: SqlParam[]): Promise<Row[]>;
  /** A script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
}

export interface SqlDatabase extends SqlClient {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
