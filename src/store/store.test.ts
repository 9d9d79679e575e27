import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { ArticleRecord, Assignment, Entity } from '../model.ts';
import { openStore, DEFAULT_STORE_DIR, type MaintainableStore } from './index.ts';

// Fictional fixtures: invented outlets, people and events.

interface ArticleSpec {
  id: string;
  title?: string | null;
  outlet?: string | null;
  published?: string | null;
  text?: string;
  entities?: Entity[];
  ingestedAt?: string;
}

function makeRecord(spec: ArticleSpec): ArticleRecord {
  const text = spec.text ?? `Mayor Ilsa Varnow opened the Quillmarsh ferry terminal on Tuesday (${spec.id}).`;
  return {
    id: spec.id,
    input: `fixtures/${spec.id}.html`,
    url: `https://example.test/${spec.id}`,
    article: {
      title: spec.title === undefined ? `Ferry terminal opens (${spec.id})` : spec.title,
      authors: ['Pell Andriko'],
      credit: null,
      outlet: spec.outlet === undefined ? 'Harbor Ledger' : spec.outlet,
      published: spec.published === undefined ? '2031-04-02T09:30:00+02:00' : spec.published,
      updated: null,
      language: 'en',
      description: null,
      tags: ['transport'],
      url: `https://example.test/${spec.id}`,
      text,
      provenance: { title: { rule: 'html.h1' }, published: { rule: 'jsonld.datePublished' } },
    },
    annotations: {
      entities: spec.entities ?? [
        { text: 'Ilsa Varnow', start: 6, end: 17, type: 'PERSON', canonical: 'Ilsa Varnow', rule: 'ner.rules.title-person', roles: ['Mayor'] },
        { text: 'Quillmarsh', start: 29, end: 39, type: 'LOC', canonical: 'Quillmarsh', rule: 'ner.gazetteer' },
      ],
      times: [{ text: 'Tuesday', start: 63, end: 70, type: 'DATE', value: '2031-04-01', rule: 'time.weekday', inferred: true }],
      quantities: [{ text: 'over 40 berths', start: 0, end: 14, value: 40, unit: 'berth', approx: 'over', rule: 'qty.approx' }],
      claims: [],
    },
    ingestedAt: spec.ingestedAt ?? '2031-04-05T12:00:00+00:00',
  };
}

function makeAssignment(id: string, story: string, decision: 'joined' | 'opened' = 'opened'): Assignment {
  return {
    id,
    story,
    explanation: { score: 0.625, parts: { text: 0.5, entities: 0.125 }, sharedTerms: ['ferry'], sharedEntities: ['Quillmarsh'], decision },
  };
}

async function tempDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'crosscheck-store-'));
}

/** Opens a store in a fresh folder and removes both after the test. */
async function withStore(fn: (store: MaintainableStore, dir: string) => Promise<void>): Promise<void> {
  const dir = await tempDir();
  const store = await openStore(dir);
  try {
    await fn(store, dir);
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Reads a table of a closed store directly, to check what is on disk. */
async function readTable(dir: string, sql: string): Promise<Record<string, unknown>[]> {
  const db = await PGlite.create(path.join(dir, 'pgdata'));
  try {
    return (await db.query<Record<string, unknown>>(sql)).rows;
  } finally {
    await db.close();
  }
}

test('the default location is .crosscheck', () => {
  assert.equal(DEFAULT_STORE_DIR, '.crosscheck');
});

test('migrations are applied once, recorded, and not re-applied on reopen', async () => {
  const dir = await tempDir();
  try {
    await (await openStore(dir)).close();
    const first = await readTable(dir, 'SELECT version, name, applied_at FROM schema_migrations ORDER BY version');
    assert.equal(first.length, 1);
    assert.equal(first[0].version, 1);
    assert.equal(first[0].name, '001_init.sql');
    const tables = await readTable(dir, `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`);
    assert.deepEqual(
      tables.map((row) => row.table_name),
      ['articles', 'clusterer_state', 'entity_mentions', 'schema_migrations', 'stories'],
    );

    await (await openStore(dir)).close();
    const second = await readTable(dir, 'SELECT version, name, applied_at FROM schema_migrations ORDER BY version');
    assert.deepEqual(second, first, 'reopening must not apply or re-record the migration');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a saved article reads back equal, with its assignment and the clusterer state', async () => {
  await withStore(async (store) => {
    assert.equal(await store.loadClustererState(), null);
    assert.equal(await store.countArticles(), 0);
    const record = makeRecord({ id: 'a1' });
    const assignment = makeAssignment('a1', 'story-ferry');
    const state = { version: 2, centroids: [{ story: 'story-ferry', terms: { ferry: 1.5 } }] };

    assert.equal(await store.hasArticle('a1'), false);
    assert.equal(await store.saveArticle(record, assignment, state), true);

    assert.equal(await store.hasArticle('a1'), true);
    assert.equal(await store.countArticles(), 1);
    assert.deepEqual(await store.getArticle('a1'), { record, assignment });
    assert.deepEqual(await store.getStoryArticles('story-ferry'), [{ record, assignment }]);
    assert.deepEqual(await store.loadClustererState(), state);
    assert.equal(await store.getArticle('missing'), null);
    assert.deepEqual(await store.getStoryArticles('missing'), []);
    assert.equal(await store.getStorySummary('missing'), null);
  });
});

test('fields beyond the shared record and characters PostgreSQL cannot hold survive a save', async () => {
  await withStore(async (store) => {
    const base = makeRecord({ id: 'odd', text: 'Nul\u0000 and lone \ud800 surrogate; emoji \u{1F6A2} kept.' });
    const record = { ...base, pipelineVersion: '0.1.0' } as ArticleRecord;
    assert.equal(await store.saveArticle(record, makeAssignment('odd', 's'), { note: 'x\u0000' }), true);
    const back = await store.getArticle('odd');
    assert.ok(back);
    assert.equal((back.record as unknown as { pipelineVersion: string }).pipelineVersion, '0.1.0');
    // Replaced one UTF-16 unit for one, so offsets into the text stay valid.
    assert.equal(back.record.article.text, 'Nul\ufffd and lone \ufffd surrogate; emoji \u{1F6A2} kept.');
    assert.equal(back.record.article.text.length, base.article.text.length);
  });
});

test('saving the same id twice stores it once', async () => {
  await withStore(async (store) => {
    const record = makeRecord({ id: 'dup' });
    assert.equal(await store.saveArticle(record, makeAssignment('dup', 'story-1'), { step: 1 }), true);
    const changed = makeRecord({ id: 'dup', title: 'A different title', outlet: 'Other Outlet' });
    assert.equal(await store.saveArticle(changed, makeAssignment('dup', 'story-2'), { step: 2 }), false);

    assert.equal(await store.countArticles(), 1);
    assert.deepEqual(await store.getArticle('dup'), { record, assignment: makeAssignment('dup', 'story-1') });
    assert.deepEqual(await store.loadClustererState(), { step: 1 }, 'a refused save must not replace the state');
    assert.equal(await store.getStorySummary('story-2'), null);
    assert.equal((await store.getStorySummary('story-1'))?.articles, 1);
    assert.equal((await store.listStories()).length, 1);
  });
});

test('a failure in the middle of a save leaves no article, no mentions and no story change', async () => {
  await withStore(async (store, dir) => {
    const first = makeRecord({ id: 'ok1', published: '2031-04-02' });
    assert.equal(await store.saveArticle(first, makeAssignment('ok1', 'story-s'), { step: 1 }), true);
    const storyBefore = await store.getStorySummary('story-s');

    // Fails at the mentions insert, after the article row was written: an offset that is not an integer.
    const badOffset = makeRecord({
      id: 'bad1',
      outlet: 'Second Outlet',
      published: '2031-05-09',
      entities: [{ text: 'Quillmarsh', start: 1.5, end: 11, type: 'LOC', canonical: 'Quillmarsh', rule: 'test' }],
    });
    await assert.rejects(store.saveArticle(badOffset, makeAssignment('bad1', 'story-s', 'joined'), { step: 2 }), /integer/);

    // Fail at the last step (clusterer state that has no JSON form), after article, mentions and story were
    // written: once joining the existing story, once opening a new one.
    const lateJoin = makeRecord({ id: 'bad2', outlet: 'Third Outlet', published: '2031-06-01' });
    await assert.rejects(store.saveArticle(lateJoin, makeAssignment('bad2', 'story-s', 'joined'), { big: 10n }), /BigInt/);
    const lateOpen = makeRecord({ id: 'bad3', published: '2031-06-01' });
    await assert.rejects(store.saveArticle(lateOpen, makeAssignment('bad3', 'story-t'), { big: 10n }), /BigInt/);

    for (const id of ['bad1', 'bad2', 'bad3']) {
      assert.equal(await store.hasArticle(id), false);
      assert.equal(await store.getArticle(id), null);
    }
    assert.equal(await store.countArticles(), 1);
    assert.deepEqual(await store.getStorySummary('story-s'), storyBefore);
    assert.deepEqual(await store.listStories(), [storyBefore]);
    assert.equal(await store.getStorySummary('story-t'), null);
    assert.deepEqual(await store.loadClustererState(), { step: 1 });
    assert.equal((await store.getStoryArticles('story-s')).length, 1);

    // The store still works after the failures, and the failed ids can be saved once fixed.
    assert.equal(await store.saveArticle(makeRecord({ id: 'bad2' }), makeAssignment('bad2', 'story-t'), { step: 3 }), true);
    await store.close();
    const mentions = await readTable(dir, 'SELECT article_id, count(*)::int AS n FROM entity_mentions GROUP BY article_id ORDER BY article_id');
    assert.deepEqual(mentions, [
      { article_id: 'bad2', n: 2 },
      { article_id: 'ok1', n: 2 },
    ]);
  });
});

test('story summaries: title, article count, outlets, first and last seen, order', async () => {
  await withStore(async (store) => {
    const saves: Array<[ArticleSpec, string]> = [
      [{ id: 'f1', title: null, outlet: 'Harbor Ledger', published: '2031-04-03T08:00:00+02:00' }, 'ferry'],
      [{ id: 'f2', title: 'Ferry terminal opens in Quillmarsh', outlet: 'Coastline Daily', published: '2031-04-02' }, 'ferry'],
      [{ id: 'f3', title: 'Quillmarsh ferry, day two', outlet: 'Harbor Ledger', published: '2031-04-05T18:00:00Z' }, 'ferry'],
      [{ id: 'f4', title: 'No date here', outlet: null, published: null, ingestedAt: '2031-04-14T07:00:00+00:00' }, 'ferry'],
      [{ id: 'm1', title: 'Orchard festival postponed', outlet: 'Valley Courier', published: '2031-03-30' }, 'festival'],
      [{ id: 'm2', title: 'Festival: new date set', outlet: 'Atlas Wire', published: '2031-03-31' }, 'festival'],
    ];
    for (const [spec, story] of saves) {
      assert.equal(await store.saveArticle(makeRecord(spec), makeAssignment(spec.id, story), { last: spec.id }), true);
    }
    const ferry = {
      id: 'ferry',
      title: 'Ferry terminal opens in Quillmarsh', // first title in arrival order (f1 has none)
      articles: 4,
      outlets: ['Coastline Daily', 'Harbor Ledger'],
      first_seen: '2031-04-02',
      last_seen: '2031-04-05',
    };
    const festival = {
      id: 'festival',
      title: 'Orchard festival postponed',
      articles: 2,
      outlets: ['Atlas Wire', 'Valley Courier'],
      first_seen: '2031-03-30',
      last_seen: '2031-03-31',
    };
    assert.deepEqual(await store.getStorySummary('ferry'), ferry);
    assert.deepEqual(await store.listStories(), [ferry, festival]);
    assert.deepEqual(await store.listStories({ limit: 1 }), [ferry]);
    assert.deepEqual(await store.listStories({ offset: 1 }), [festival]);
    assert.deepEqual(await store.listStories({ limit: 5, offset: 2 }), []);
    await assert.rejects(store.listStories({ limit: -1 }), RangeError);
    assert.deepEqual(
      (await store.getStoryArticles('ferry')).map((stored) => stored.record.id),
      ['f1', 'f2', 'f3', 'f4'],
      'arrival order',
    );
    assert.deepEqual(await store.loadClustererState(), { last: 'm2' });
    assert.equal(await store.countArticles(), 6);
  });
});

test('reopening the folder finds the data', async () => {
  const dir = await tempDir();
  try {
    const record = makeRecord({ id: 'keep' });
    const store = await openStore(dir);
    await store.saveArticle(record, makeAssignment('keep', 'story-k'), { saved: true });
    await store.maintain();
    await store.close();

    const reopened = await openStore(dir);
    try {
      assert.equal(reopened.location, path.resolve(dir));
      assert.equal(await reopened.countArticles(), 1);
      assert.deepEqual(await reopened.getArticle('keep'), { record, assignment: makeAssignment('keep', 'story-k') });
      assert.deepEqual(await reopened.loadClustererState(), { saved: true });
      assert.equal((await reopened.getStorySummary('story-k'))?.articles, 1);
    } finally {
      await reopened.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a second open of a folder in use is refused, naming the pid; close releases it', async () => {
  const dir = await tempDir();
  try {
    const store = await openStore(dir);
    const lockFile = path.join(dir, 'crosscheck.lock');
    assert.equal((await readFile(lockFile, 'utf8')).trim(), String(process.pid));
    await assert.rejects(openStore(dir), new RegExp(`in use by process ${process.pid}`));
    await store.close();
    assert.equal(existsSync(lockFile), false, 'close() removes the lock');
    await (await openStore(dir)).close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a lock held by a live process of its own is refused', async () => {
  const dir = await tempDir();
  try {
    // The parent of this process is alive for the whole test and is not this process.
    await writeFile(path.join(dir, 'crosscheck.lock'), `${process.ppid}\n`);
    await assert.rejects(openStore(dir), new RegExp(`in use by process ${process.ppid}\\b`));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a stale lock (its process has exited) is taken over', async () => {
  const dir = await tempDir();
  try {
    const exited = spawnSync(process.execPath, ['-e', '']);
    assert.ok(exited.pid && exited.pid > 0);
    const lockFile = path.join(dir, 'crosscheck.lock');
    await writeFile(lockFile, `${exited.pid}\n`);
    const store = await openStore(dir);
    try {
      assert.equal((await readFile(lockFile, 'utf8')).trim(), String(process.pid));
      assert.equal(await store.countArticles(), 0);
    } finally {
      await store.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a PostgreSQL URL is refused with a clear message', async () => {
  for (const url of ['postgres://user:secret@db.example.test/crosscheck', 'postgresql://localhost/crosscheck']) {
    await assert.rejects(openStore(url), (error: Error) => {
      assert.match(error.message, /PostgreSQL server stores are not supported yet/);
      assert.doesNotMatch(error.message, /secret/, 'the password is not echoed');
      return true;
    });
  }
});
