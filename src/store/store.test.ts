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
import { ClusterRows } from './cluster-rows.ts';
import { loadMigrations } from './migrate.ts';
import { STORY_READ_CHUNK } from './constants.ts';
import type { ClusterStateDelta, ClusterStateSnapshot, Store } from './types.ts';
import { StreamClusterer } from '../cluster/index.ts';
import { Ingestor } from '../pipeline.ts';

import { makeAssignment, makeRecord, type ArticleSpec } from './test-fixtures.ts';

/** A clusterer delta that only rewrites the meta row, its state marked with `mark`: the `seq`-th assignment. */
function markDelta(mark: Record<string, unknown>, seq = 1): ClusterStateDelta {
  return { baseSeq: seq - 1, meta: { seq, maxDay: null, state: mark }, halveDf: false, df: [], profiles: [], removedStories: [], keys: [], signatures: [], aliases: [] };
}

/** The meta state of the stored clusterer rows (what markDelta marked), or null. */
async function storedMark(store: Store): Promise<unknown> {
  const state = (await store.loadClustererState()) as ClusterStateSnapshot | null;
  return state ? state.meta.state : null;
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
    const files = await loadMigrations();
    assert.deepEqual(first.map((row) => [row.version, row.name]), files.map((migration) => [migration.version, migration.name]));
    assert.deepEqual(files.slice(0, 3).map((migration) => migration.name), ['001_init.sql', '002_cluster_rows.sql', '003_api_and_entities.sql']);
    const tables = await readTable(dir, `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`);
    const names = tables.map((row) => row.table_name);
    for (const table of ['api_tokens', 'articles', 'cluster_keys', 'cluster_meta', 'cluster_profiles', 'cluster_signatures', 'cluster_terms', 'entity_mentions', 'entity_stats', 'schema_migrations', 'stories', 'story_aliases']) {
      assert.ok(names.includes(table), `table ${table} exists`);
    }

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
    const state: ClusterStateDelta = {
      ...markDelta({ version: 2 }),
      df: [['ferry', 1], ['e:quillmarsh', 1]],
      profiles: [{ kind: 'story', id: 'story-ferry', story: 'story-ferry', firstDay: 22_000, lastDay: 22_000, lastSeq: 1, profile: { terms: { ferry: 1.5 } } }],
    };

    assert.equal(await store.hasArticle('a1'), false);
    assert.equal(await store.saveArticle(record, assignment, state), true);

    assert.equal(await store.hasArticle('a1'), true);
    assert.equal(await store.countArticles(), 1);
    assert.deepEqual(await store.getArticle('a1'), { record, assignment });
    assert.deepEqual(await store.getStoryArticles('story-ferry'), [{ record, assignment }]);
    assert.deepEqual(await store.loadClustererState(), { meta: state.meta, df: state.df, profiles: [], signatures: [], aliases: [] }, 'a story without a hot event is not loaded');
    await assert.rejects(store.saveArticle(makeRecord({ id: 'a2' }), makeAssignment('a2', 's'), { whole: 'state' }), /ClusterStateDelta/);
    assert.equal(await store.hasArticle('a2'), false);
    assert.equal(await store.getArticle('missing'), null);
    assert.deepEqual(await store.getStoryArticles('missing'), []);
    assert.equal(await store.getStorySummary('missing'), null);
  });
});

test('fields beyond the shared record and characters PostgreSQL cannot hold survive a save', async () => {
  await withStore(async (store) => {
    const base = makeRecord({ id: 'odd', text: 'Nul\u0000 and lone \ud800 surrogate; emoji \u{1F6A2} kept.' });
    const record = { ...base, pipelineVersion: '0.1.0' } as ArticleRecord;
    assert.equal(await store.saveArticle(record, makeAssignment('odd', 's'), markDelta({ note: 'x\u0000' })), true);
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
    assert.equal(await store.saveArticle(record, makeAssignment('dup', 'story-1'), markDelta({ step: 1 })), true);
    const changed = makeRecord({ id: 'dup', title: 'A different title', outlet: 'Other Outlet' });
    assert.equal(await store.saveArticle(changed, makeAssignment('dup', 'story-2'), markDelta({ step: 2 })), false);

    assert.equal(await store.countArticles(), 1);
    assert.deepEqual(await store.getArticle('dup'), { record, assignment: makeAssignment('dup', 'story-1') });
    assert.deepEqual(await storedMark(store), { step: 1 }, 'a refused save must not replace the state');
    assert.equal(await store.getStorySummary('story-2'), null);
    assert.equal((await store.getStorySummary('story-1'))?.articles, 1);
    assert.equal((await store.listStories()).length, 1);
  });
});

test('a failure in the middle of a save leaves no article, no mentions and no story change', async () => {
  await withStore(async (store, dir) => {
    const first = makeRecord({ id: 'ok1', published: '2031-04-02' });
    assert.equal(await store.saveArticle(first, makeAssignment('ok1', 'story-s'), markDelta({ step: 1 })), true);
    const storyBefore = await store.getStorySummary('story-s');

    // Fails at the mentions insert, after the article row was written: an offset that is not an integer.
    const badOffset = makeRecord({
      id: 'bad1',
      outlet: 'Second Outlet',
      published: '2031-05-09',
      entities: [{ text: 'Quillmarsh', start: 1.5, end: 11, type: 'LOC', canonical: 'Quillmarsh', rule: 'test' }],
    });
    await assert.rejects(store.saveArticle(badOffset, makeAssignment('bad1', 'story-s', 'joined'), markDelta({ step: 2 }, 2)), /integer/);

    // Fail at the clusterer rows (a state that has no JSON form), after article and mentions were written:
    // once joining the existing story, once opening a new one.
    const lateJoin = makeRecord({ id: 'bad2', outlet: 'Third Outlet', published: '2031-06-01' });
    await assert.rejects(store.saveArticle(lateJoin, makeAssignment('bad2', 'story-s', 'joined'), markDelta({ big: 10n }, 2)), /BigInt/);
    const lateOpen = makeRecord({ id: 'bad3', published: '2031-06-01' });
    await assert.rejects(store.saveArticle(lateOpen, makeAssignment('bad3', 'story-t'), markDelta({ big: 10n }, 2)), /BigInt/);

    for (const id of ['bad1', 'bad2', 'bad3']) {
      assert.equal(await store.hasArticle(id), false);
      assert.equal(await store.getArticle(id), null);
    }
    assert.equal(await store.countArticles(), 1);
    assert.deepEqual(await store.getStorySummary('story-s'), storyBefore);
    assert.deepEqual(await store.listStories(), [storyBefore]);
    assert.equal(await store.getStorySummary('story-t'), null);
    assert.deepEqual(await storedMark(store), { step: 1 });
    assert.equal((await store.getStoryArticles('story-s')).length, 1);

    // The store still works after the failures, and the failed ids can be saved once fixed.
    assert.equal(await store.saveArticle(makeRecord({ id: 'bad2' }), makeAssignment('bad2', 'story-t'), markDelta({ step: 3 }, 2)), true);
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
    for (const [i, [spec, story]] of saves.entries()) {
      assert.equal(await store.saveArticle(makeRecord(spec), makeAssignment(spec.id, story), markDelta({ last: spec.id }, i + 1)), true);
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
    assert.deepEqual(await storedMark(store), { last: 'm2' });
    assert.equal(await store.countArticles(), 6);
  });
});

test('reopening the folder finds the data', async () => {
  const dir = await tempDir();
  try {
    const record = makeRecord({ id: 'keep' });
    const store = await openStore(dir);
    await store.saveArticle(record, makeAssignment('keep', 'story-k'), markDelta({ saved: true }));
    await store.maintain();
    await store.close();

    const reopened = await openStore(dir);
    try {
      assert.equal(reopened.location, path.resolve(dir));
      assert.equal(await reopened.countArticles(), 1);
      assert.deepEqual(await reopened.getArticle('keep'), { record, assignment: makeAssignment('keep', 'story-k') });
      assert.deepEqual(await storedMark(reopened), { saved: true });
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

test('an unreachable PostgreSQL server fails with a clear message that hides the password', async () => {
  for (const url of ['postgres://user:secret@127.0.0.1:1/crosscheck', 'postgresql://user:secret@127.0.0.1:1/crosscheck?schema=news']) {
    await assert.rejects(openStore(url), (error: Error) => {
      assert.match(error.message, /Could not connect to postgres(ql)?:\/\/user:\*\*\*@127\.0\.0\.1:1\/crosscheck/);
      assert.doesNotMatch(error.message, /secret/, 'the password is not echoed');
      return true;
    });
  }
  await assert.rejects(openStore('postgres://localhost/crosscheck?schema=bad-name;drop'), /schema=/);
});

// -- clusterer rows ------------------------------------------------------------------------------------

const PLACES = ['Quillmarsh', 'Orlen Bay', 'Tessick', 'Varrow', 'Holmgate', 'Brennock'];

/** Fictional reports: event `e` happens in PLACES[e % 6] on day 1 + e, reported three times over two days. */
function reportRecords(events: number): ArticleRecord[] {
  const out: ArticleRecord[] = [];
  for (let e = 0; e < events; e++) {
    const place = `${PLACES[e % PLACES.length]}${e >= PLACES.length ? ` ${e}` : ''}`;
    for (let r = 0; r < 3; r++) {
      const day = String(1 + e + (r === 2 ? 1 : 0)).padStart(2, '0');
      out.push(
        makeRecord({
          id: `r${e}-${r}`,
          title: `${place}: ${['storm floods the harbour', 'harbour flooding, day two', 'clean-up begins after the flood'][r]}`,
          published: `2031-05-${day}`,
          text: `A storm flooded the harbour of ${place} (report ${r}). Officials in ${place} said ${40 + e} boats were damaged and the ferry to ${place} stopped. Crews in ${place} pumped water from the quay overnight.`,
          entities: [],
        }),
      );
    }
  }
  return out;
}

function sortedSnapshot(state: unknown): unknown {
  const s = state as ClusterStateSnapshot;
  const by = <T>(key: (x: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  return {
    meta: s.meta,
    df: [...s.df].sort(by((x) => x[0])),
    profiles: [...s.profiles].sort(by((x) => `${x.kind}:${x.id}`)),
    signatures: [...s.signatures].sort(by((x) => x.article)),
    aliases: [...s.aliases].sort(by((x) => x[0])),
  };
}

test('clusterer rows: saved per article, read back as the same hot state the in-memory rows give', async () => {
  await withStore(async (store, dir) => {
    const options = { windowDays: 2, retainMarginDays: 1 };
    const clusterer = new StreamClusterer(undefined, options, { trackChanges: true });
    const rows = new ClusterRows();
    for (const record of reportRecords(8)) {
      const assignment = clusterer.assign({ id: record.id, title: record.article.title, text: record.article.text, published: record.article.published });
      const delta = clusterer.takeChanges();
      assert.ok(JSON.stringify(delta).length < 20_000, 'one article writes a few rows, not the whole state');
      assert.equal(await store.saveArticle(record, assignment, delta), true);
      rows.apply(delta);
    }
    const selection = clusterer.hotSelection();
    const stored = await store.loadClustererState(selection);
    assert.deepEqual(sortedSnapshot(stored), sortedSnapshot(rows.snapshot(selection)));
    // Only the hot rows come back: early events have left the window.
    const hotEvents = (stored as ClusterStateSnapshot).profiles.filter((p) => p.kind === 'event').length;
    assert.ok(hotEvents > 0 && hotEvents < 8, `hot events: ${hotEvents}`);
    // A late article's cold events: found by key and day.
    const query = { keys: ['t:quillmarsh', 'e:quillmarsh'], fromDay: 0, toDay: 100_000, limit: 10 };
    assert.ok(store.findClusterEvents, 'the SQL store finds cold events');
    const cold = await store.findClusterEvents(query);
    assert.deepEqual(sortedSnapshot({ ...rows.snapshot(), profiles: cold.profiles, signatures: cold.signatures }), sortedSnapshot({ ...rows.snapshot(), ...rows.findEvents(query) }));
    assert.ok(cold.profiles.some((p) => p.kind === 'event') && cold.signatures.length >= 3);
    await store.close();
    const counts = await readTable(dir, 'SELECT (SELECT count(*)::int FROM cluster_profiles) AS profiles, (SELECT count(*)::int FROM cluster_signatures) AS signatures');
    assert.equal(counts[0].signatures, 24);
  });
});

test('the last N articles of a long story come in arrival order, read in chunks', async () => {
  await withStore(async (store) => {
    const count = 3 * STORY_READ_CHUNK + 4;
    const items = Array.from({ length: count }, (_, i) => ({
      record: makeRecord({ id: `long-${String(i).padStart(3, '0')}` }),
      assignment: makeAssignment(`long-${String(i).padStart(3, '0')}`, 'story-long', i === 0 ? 'opened' : 'joined'),
    }));
    await store.saveArticles(items);
    const last = count - 3;
    const read = (await store.getStoryArticles('story-long', last)).map((a) => a.record.id);
    assert.deepEqual(read, items.slice(3).map((item) => item.record.id), 'every one of the last N, oldest first, across chunk edges');
    assert.equal((await store.getStoryArticles('story-long')).length, count, 'without a limit: the whole story');
  });
});

test('a merged story id is an alias: its summary and articles lead to the story it joined', async () => {
  await withStore(async (store) => {
    await store.saveArticle(makeRecord({ id: 'm1' }), makeAssignment('m1', 'story-a'), markDelta({ n: 1 }, 1));
    await store.saveArticle(makeRecord({ id: 'm2', outlet: 'Coastline Daily' }), makeAssignment('m2', 'story-b'), markDelta({ n: 2 }, 2));
    assert.equal((await store.listStories()).length, 2);
    await store.saveArticle(makeRecord({ id: 'm3' }), makeAssignment('m3', 'story-a', 'joined'), { ...markDelta({ n: 3 }, 3), removedStories: ['story-b'], aliases: [['story-b', 'story-a']] });
    const stories = await store.listStories();
    assert.deepEqual(stories.map((s) => [s.id, s.articles]), [['story-a', 3]]);
    assert.equal((await store.getStorySummary('story-b'))?.id, 'story-a');
    assert.deepEqual((await store.getStoryArticles('story-b')).map((a) => a.record.id), ['m1', 'm2', 'm3']);
    assert.deepEqual((await store.getStoryArticles('story-b', 2)).map((a) => a.record.id), ['m2', 'm3'], 'the last two, oldest first');
    assert.deepEqual((await store.getStoryArticles('story-a', 5)).map((a) => a.record.id), ['m1', 'm2', 'm3'], 'a limit above the size reads all');
    // The assignment keeps the id given when the article arrived.
    assert.equal((await store.getArticle('m2'))?.assignment.story, 'story-b');
    assert.deepEqual(((await store.loadClustererState()) as ClusterStateSnapshot).aliases, [['story-b', 'story-a']]);
  });
});

test('Ingestor: a restarted ingest continues with the same assignments as an uninterrupted one', async () => {
  const records = reportRecords(6);
  const options = { cluster: { windowDays: 2, retainMarginDays: 1 } };
  const straightDir = await tempDir();
  const restartDir = await tempDir();
  try {
    const straightStore = await openStore(straightDir);
    const straight = await Ingestor.open(straightStore, options);
    const expected = [];
    for (const record of records) expected.push(await straight.ingestRecord(record));
    await straightStore.close();

    const got = [];
    for (const part of [records.slice(0, 7), records.slice(7)]) {
      const store = await openStore(restartDir);
      const ingestor = await Ingestor.open(store, options);
      for (const record of part) got.push(await ingestor.ingestRecord(record));
      await store.close();
    }
    assert.deepEqual(got, expected);
    assert.ok(expected.every((outcome) => outcome.ok));
    // Ingesting again stores nothing new and reports the stored story.
    const store = await openStore(restartDir);
    const again = await (await Ingestor.open(store, options)).ingestRecord(records[0]);
    await store.close();
    assert.ok(again.ok && again.duplicate && again.story === (expected[0].ok ? expected[0].story : ''));
  } finally {
    await rm(straightDir, { recursive: true, force: true });
    await rm(restartDir, { recursive: true, force: true });
  }
});
