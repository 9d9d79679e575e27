import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadMigrations, migrate, type Migration } from './migrate.ts';
import { openPgliteDatabase } from './pglite-database.ts';

test('the migration files load in version order', async () => {
  const migrations = await loadMigrations();
  assert.ok(migrations.length >= 1);
  assert.equal(migrations[0].version, 1);
  assert.equal(migrations[0].name, '001_init.sql');
  assert.deepEqual(
    migrations.map((m) => m.version),
    [...migrations.map((m) => m.version)].sort((a, b) => a - b),
  );
});

test('only new migrations are applied; a failing one is rolled back and not recorded', async () => {
  const db = await openPgliteDatabase('memory://');
  try {
    const shipped = await loadMigrations();
    assert.deepEqual(await migrate(db, shipped), shipped.map((m) => m.version));
    assert.deepEqual(await migrate(db, shipped), []);

    const next: Migration = { version: 900, name: '900_extra.sql', sql: 'CREATE TABLE extra_probe (x integer);' };
    assert.deepEqual(await migrate(db, [...shipped, next]), [900]);
    assert.deepEqual(await migrate(db, [...shipped, next]), []);

    const broken: Migration = {
      version: 901,
      name: '901_broken.sql',
      sql: 'CREATE TABLE half_done (x integer); SELECT no_such_function();',
    };
    await assert.rejects(migrate(db, [...shipped, next, broken]), /no_such_function/);
    const recorded = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    assert.deepEqual(recorded.map((row) => row.version), [...shipped.map((m) => m.version), 900]);
    const halfDone = await db.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'`);
    assert.equal(halfDone.length, 0, 'the failed migration left no table behind');
  } finally {
    await db.close();
  }
});
