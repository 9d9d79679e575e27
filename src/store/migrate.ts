import { readdir, readFile } from 'node:fs/promises';
import { MIGRATION_FILE_PATTERN } from './constants.ts';
import type { SqlDatabase } from './sql.ts';

export const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The migration files of `dir`, in version order. Two files with one version are an error. */
export async function loadMigrations(dir: URL = MIGRATIONS_DIR): Promise<Migration[]> {
  const migrations: Migration[] = [];
  for (const name of await readdir(dir)) {
    const match = MIGRATION_FILE_PATTERN.exec(name);
    if (!match) continue;
    migrations.push({ version: Number(match[1]), name, sql: await readFile(new URL(name, dir), 'utf8') });
  }
  migrations.sort((a, b) => a.version - b.version);
  for (let i = 1; i < migrations.length; i++) {
    if (migrations[i].version === migrations[i - 1].version) {
      throw new Error(`Two store migrations share version ${migrations[i].version}: ${migrations[i - 1].name}, ${migrations[i].name}`);
    }
  }
  return migrations;
}

/**
 * Applies the migrations not yet recorded in `schema_migrations`, each in its own transaction with its
 * record, so a failed migration leaves the schema at the previous version. Returns the versions applied.
 */
export async function migrate(db: SqlDatabase, migrations?: Migration[]): Promise<number[]> {
  const all = migrations ?? (await loadMigrations());
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    integer PRIMARY KEY,
    name       text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const rows = await db.query<{ version: number }>('SELECT version FROM schema_migrations');
  const applied = new Set(rows.map((row) => Number(row.version)));
  const newlyApplied: number[] = [];
  for (const migration of all) {
    if (applied.has(migration.version)) continue;
    await db.transaction(async (tx) => {
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
    });
    newlyApplied.push(migration.version);
  }
  return newlyApplied;
}
