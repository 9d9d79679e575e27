import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openPgliteThreadDatabase } from './pglite-thread.ts';
import { openMemoryStore, openStore } from './index.ts';
import { makeAssignment, makeRecord } from './test-fixtures.ts';
import type { SqlDatabase } from './sql.ts';

async function withDatabase(fn: (db: SqlDatabase) => Promise<void>): Promise<void> {
  const db = await openPgliteThreadDatabase(undefined);
  try {
    await db.exec('CREATE TABLE t (id int PRIMARY KEY, note text)');
    await fn(db);
  } finally {
    await db.close();
  }
}

test('store thread: statements, parameters and rows cross the thread', async () => {
  await withDatabase(async (db) => {
    await db.query('INSERT INTO t VALUES ($1, $2), ($3, $4)', [1, 'one', 2, null]);
    const rows = await db.query<{ id: number; note: string | null }>('SELECT id, note FROM t ORDER BY id');
    assert.deepEqual(rows, [{ id: 1, note: 'one' }, { id: 2, note: null }]);
    const [json] = await db.query<{ value: { a: number[] } }>(`SELECT $1::jsonb AS value`, ['{"a":[1,2]}']);
    assert.deepEqual(json.value, { a: [1, 2] }, 'jsonb comes back parsed');
  });
});

test('store thread: a transaction commits when its work resolves and rolls back when it throws', async () => {
  await withDatabase(async (db) => {
    const answer = await db.transaction(async (tx) => {
      await tx.query('INSERT INTO t VALUES (1, $1)', ['kept']);
      return 'done';
    });
    assert.equal(answer, 'done', 'the work result is returned');
    const failure = new Error('the work failed');
    await assert.rejects(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO t VALUES (2, $1)', ['dropped']);
        throw failure;
      }),
      (error) => error === failure,
      'the work error itself is rethrown (callers test it with instanceof)',
    );
    assert.deepEqual(await db.query('SELECT id FROM t ORDER BY id'), [{ id: 1 }], 'only the committed row is there');
  });
});

test('store thread: a statement outside the transaction waits for it, as with PGlite in one thread', async () => {
  await withDatabase(async (db) => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const writing = db.transaction(async (tx) => {
      await tx.query('INSERT INTO t VALUES (1, $1)', ['first']);
      await gate;
      await tx.query('INSERT INTO t VALUES (2, $1)', ['second']);
    });
    // Give the transaction time to take PGlite's lock before the read is sent.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const reading = db.query<{ n: number }>('SELECT count(*)::int AS n FROM t');
    let readDone = false;
    void reading.then(() => (readDone = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(readDone, false, 'the read is held while the transaction is open');
    release();
    await writing;
    assert.deepEqual(await reading, [{ n: 2 }], 'the read sees the whole committed transaction');
  });
});

test('store thread: SQL errors keep their message and driver fields; the database stays usable', async () => {
  await withDatabase(async (db) => {
    await db.query('INSERT INTO t VALUES (1, NULL)');
    await assert.rejects(db.query('INSERT INTO t VALUES (1, NULL)'), (error: Error & { code?: string }) => {
      assert.match(error.message, /duplicate key/, 'the message');
      assert.equal(error.code, '23505', 'the SQLSTATE code');
      return true;
    });
    await assert.rejects(
      db.transaction(async (tx) => {
        await tx.query('SELECT no_such_column FROM t');
      }),
      /no_such_column/,
    );
    assert.deepEqual(await db.query('SELECT count(*)::int AS n FROM t'), [{ n: 1 }], 'a failed transaction leaves the database usable');
  });
});

test('store thread: after close every call fails with a clear error', async () => {
  const db = await openPgliteThreadDatabase(undefined);
  await db.close();
  await assert.rejects(db.query('SELECT 1'), /store is closed|store thread/);
});

test('store thread: a folder store written on the thread reads back the same in one thread', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'crosscheck-thread-'));
  try {
    const threaded = await openStore(dir, { thread: true });
    const record = makeRecord({ id: 'thread-1', title: 'Harbour board approves a berth', text: 'The harbour board in Port Sallow approved a berth.' });
    assert.equal(await threaded.saveArticle(record, makeAssignment('thread-1', 'story-1'), null), true, 'saved through the thread');
    await threaded.close();
    const direct = await openStore(dir);
    try {
      const stored = await direct.getArticle('thread-1');
      assert.equal(stored?.record.article.title, 'Harbour board approves a berth');
      assert.deepEqual((await direct.listStories()).map((story) => story.id), ['story-1']);
    } finally {
      await direct.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('store thread: the in-memory store runs on the thread too', async () => {
  const store = await openMemoryStore({ thread: true });
  try {
    const record = makeRecord({ id: 'memory-1', title: 'Tram line reopens', text: 'The tram line in Lantry reopened after repairs.' });
    await store.saveArticle(record, makeAssignment('memory-1', 'story-m'), null);
    assert.equal((await store.getArticle('memory-1'))?.record.id, 'memory-1');
  } finally {
    await store.close();
  }
});
