/**
 * Batch writes of the single writer (Ingestor.ingestRecords → store.saveArticleBatch): the store must end
 * exactly as when the same articles are saved one by one, including document-frequency halvings and story
 * merges inside a batch.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { ArticleRecord } from '../model.ts';
import { Ingestor, clusterInputOf, processDocument } from '../pipeline.ts';
import { StreamClusterer } from '../cluster/index.ts';
import { ClusterRows, mergeClusterDeltas } from './cluster-rows.ts';
import { openTestStore } from './test-store.ts';
import { StaleClustererState, type ClusterStateDelta } from './types.ts';
import type { MaintainableStore } from './index.ts';

const DEMO_PAGES = fileURLToPath(new URL('../../examples/demo/pages/', import.meta.url));
/** Small enough that the demo corpus crosses it several times: halvings fall inside batches. */
const SMALL_VOCABULARY = 700;

/** Order-free form of rows whose order a table does not keep. */
function sortedJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedJson).map((item) => JSON.stringify(item)).sort();
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sortedJson(v)]));
  return value;
}

async function demoRecords(): Promise<ArticleRecord[]> {
  const names = (await readdir(DEMO_PAGES)).sort();
  const records: ArticleRecord[] = [];
  for (const name of names) {
    const content = await readFile(join(DEMO_PAGES, name), 'utf8');
    try {
      records.push(processDocument({ input: name, kind: name.endsWith('.txt') ? 'text' : 'html', content }, { now: () => new Date('2025-03-20T00:00:00Z') }));
    } catch {
      // The demo corpus holds deliberately bad pages too.
    }
  }
  return records;
}

describe('batch writes', () => {
  let records: ArticleRecord[] = [];
  before(async () => {
    records = await demoRecords();
  });

  it('mergeClusterDeltas: applying the merged deltas leaves the rows applying each one leaves', () => {
    const clusterer = new StreamClusterer(undefined, { maxVocabulary: SMALL_VOCABULARY }, { trackChanges: true });
    const deltas: ClusterStateDelta[] = [];
    for (const record of [...records, ...records.map((r) => ({ ...r, id: `${r.id}-again` }))]) {
      clusterer.assign(clusterInputOf(record));
      deltas.push(clusterer.takeChanges());
    }
    assert.ok(deltas.filter((d) => d.halveDf).length >= 2, 'the stream halves its document frequencies');
    assert.ok(deltas.some((d) => d.aliases.length > 0 || d.signatures.length > 0), 'the stream has copies or merges');
    const oneByOne = new ClusterRows();
    for (const delta of deltas) oneByOne.apply(delta);
    const merged = mergeClusterDeltas(deltas);
    assert.ok(merged.length < deltas.length / 4, `${merged.length} merged deltas from ${deltas.length}`);
    const batched = new ClusterRows();
    for (const delta of merged) batched.apply(delta);
    assert.deepEqual(sortedJson(batched.snapshot()), sortedJson(oneByOne.snapshot()));
  });

  it('a delta that renames one alias twice (two merges in one assignment) is stored with its last target', async () => {
    const store = await openTestStore();
    try {
      const [record] = records;
      const assignment = { id: record.id, story: 's-c', explanation: { score: 0, parts: {}, sharedTerms: [], sharedEntities: [], decision: 'opened' as const } };
      const delta: ClusterStateDelta = {
        baseSeq: 0,
        meta: { seq: 1, maxDay: null, state: {} },
        halveDf: false,
        df: [],
        profiles: [],
        removedStories: ['s-a', 's-b'],
        keys: [],
        signatures: [],
        aliases: [['s-a', 's-b'], ['s-b', 's-c'], ['s-a', 's-c']],
      };
      assert.equal(await store.saveArticle(record, assignment, delta), true);
      const state = (await store.loadClustererState()) as { aliases: Array<[string, string]> };
      assert.deepEqual(new Map(state.aliases), new Map([['s-a', 's-c'], ['s-b', 's-c']]));
    } finally {
      await store.close();
    }
  });

  describe('Ingestor.ingestRecords', () => {
    let sequential: MaintainableStore;
    let batched: MaintainableStore;
    before(async () => {
      sequential = await openTestStore();
      batched = await openTestStore();
    });
    after(async () => {
      await sequential.close();
      await batched.close();
    });

    it('stores what ingestRecord one by one stores, with the same outcomes; stored and repeated ids are duplicates', async () => {
      const options = { cluster: { maxVocabulary: SMALL_VOCABULARY } };
      const one = await Ingestor.open(sequential, options);
      const expected = [];
      for (const record of records) expected.push(await one.ingestRecord(record));
      for (const record of records.slice(0, 3)) expected.push(await one.ingestRecord(record));

      const many = await Ingestor.open(batched, options);
      const got = [
        ...(await many.ingestRecords(records.slice(0, 4).map((record) => ({ record })))),
        ...(await many.ingestRecords(records.slice(4).map((record) => ({ record })))),
        // Already stored, and one id twice in a batch.
        ...(await many.ingestRecords(records.slice(0, 3).map((record) => ({ record })))),
      ];
      assert.deepEqual(got, expected);
      const again = await many.ingestRecords([{ record: records[0], input: 'first' }, { record: records[0], input: 'second' }]);
      assert.deepEqual(
        again.map((o) => o.ok && [o.input, o.duplicate, o.story]),
        [['first', true, got[0].ok && got[0].story], ['second', true, got[0].ok && got[0].story]],
      );

      assert.deepEqual(await batched.listStories({ limit: 200 }), await sequential.listStories({ limit: 200 }));
      assert.deepEqual(await batched.listEntities({ limit: 500 }), await sequential.listEntities({ limit: 500 }));
      assert.deepEqual(sortedJson(await batched.loadClustererState()), sortedJson(await sequential.loadClustererState()));
      for (const record of records) {
        const [a, b] = [await batched.getArticle(record.id), await sequential.getArticle(record.id)];
        assert.deepEqual(a, b, record.input);
      }
    });

    /** The outcomes and stored state of `batches` pushed through pushBatch, beside the same articles one by one. */
    async function compareWithOneByOne(prestored: ArticleRecord[], batches: ArticleRecord[][]): Promise<void> {
      const options = { cluster: { maxVocabulary: SMALL_VOCABULARY } };
      const [one, pushed] = [await openTestStore(), await openTestStore()];
      try {
        const sequential = await Ingestor.open(one, options);
        for (const record of prestored) await sequential.ingestRecord(record);
        const expected = [];
        for (const record of batches.flat()) expected.push(await sequential.ingestRecord(record));

        const writer = await Ingestor.open(pushed, options);
        for (const record of prestored) await writer.ingestRecord(record);
        const got = [];
        for (const batch of batches) got.push(...(await writer.pushBatch(batch.map((record) => ({ record })))));
        got.push(...(await writer.drainBatches()));
        assert.deepEqual(got, expected);
        assert.deepEqual(await pushed.listStories({ limit: 200 }), await one.listStories({ limit: 200 }));
        assert.deepEqual(await pushed.listEntities({ limit: 500 }), await one.listEntities({ limit: 500 }));
        assert.deepEqual(sortedJson(await pushed.loadClustererState()), sortedJson(await one.loadClustererState()));
        for (const record of records) assert.deepEqual(await pushed.getArticle(record.id), await one.getArticle(record.id), record.input);
      } finally {
        await one.close();
        await pushed.close();
      }
    }

    it('pushBatch (each batch clustered while the one before is written) stores what one by one stores; repeats across batches are duplicates', async () => {
      assert.ok(records.length >= 12, `the demo corpus gives ${records.length} articles`);
      await compareWithOneByOne([], [
        records.slice(0, 4),
        // An id of the batch in flight, and one repeated inside the batch.
        [...records.slice(4, 8), records[1], records[5]],
        records.slice(8, 9),
        [],
        records.slice(9),
      ]);
    });

    it('pushBatch: a batch holding a stored id rolls back; the batch clustered on top of it is redone, and the result is unchanged', async () => {
      await compareWithOneByOne(records.slice(0, 2), [
        records.slice(2, 6),
        // Stored before the run: this batch's write fails while the next one is clustered.
        [...records.slice(6, 9), records[0]],
        records.slice(9, 13),
        records.slice(13),
      ]);
    });

    it('a batch with an id stored meanwhile by another writer writes nothing and falls back to one by one', async () => {
      const store = await openTestStore();
      try {
        const ingestor = await Ingestor.open(store);
        const [first, ...rest] = records.slice(0, 4);
        // Another writer stores `first` after this ingestor looked (saveArticleBatch sees the conflict).
        await (await Ingestor.open(store)).ingestRecord(first);
        const assignment = { id: first.id, story: 's-x', explanation: { score: 0, parts: {}, sharedTerms: [], sharedEntities: [], decision: 'opened' as const } };
        assert.equal(await store.saveArticleBatch!([{ record: first, assignment }, { record: rest[0], assignment: { ...assignment, id: rest[0].id } }], []), false);
        assert.equal(await store.getArticle(rest[0].id), null, 'the rolled-back batch stored nothing');
        const outcomes = await ingestor.ingestRecords([first, ...rest].map((record) => ({ record })));
        assert.deepEqual(outcomes.map((o) => o.ok && o.duplicate), [true, false, false, false]);
        assert.equal(await store.countArticles(), 4);
      } finally {
        await store.close();
      }
    });

    it('a writer whose clusterer is behind the store (another writer stored since it loaded) reloads it and assigns again: the result is one writer\'s', async () => {
      const options = { cluster: { maxVocabulary: SMALL_VOCABULARY } };
      const [one, shared] = [await openTestStore(), await openTestStore()];
      try {
        const sequential = await Ingestor.open(one, options);
        const expected = [];
        for (const record of records) expected.push(await sequential.ingestRecord(record));

        const writer = await Ingestor.open(shared, options);
        const behindByThree = await Ingestor.open(shared, options);
        const got = [];
        for (const record of records.slice(0, 3)) got.push(await writer.ingestRecord(record));
        // One by one: the save is refused, the state reloaded, the article assigned again.
        got.push(await behindByThree.ingestRecord(records[3]));
        // A batch clustered on a state one article behind (as when a dead writer's last commit lands after
        // the next writer loaded): refused, then redone one by one on the reloaded state.
        const behindByOne = await Ingestor.open(shared, options);
        got.push(await writer.ingestRecord(records[4]));
        got.push(...(await behindByOne.ingestRecords(records.slice(5).map((record) => ({ record })))));
        assert.deepEqual(got, expected);
        assert.deepEqual(sortedJson(await shared.loadClustererState()), sortedJson(await one.loadClustererState()));
        assert.deepEqual(await shared.listStories({ limit: 200 }), await one.listStories({ limit: 200 }));

        // The store itself refuses a change made on an older state, and writes nothing.
        const late = { ...records[0], id: 'late-article' };
        const clusterer = new StreamClusterer(undefined, options.cluster, { trackChanges: true });
        const assignment = clusterer.assign(clusterInputOf(late));
        await assert.rejects(shared.saveArticle(late, assignment, clusterer.takeChanges()), StaleClustererState);
        await assert.rejects(shared.saveArticleBatch!([{ record: late, assignment }], [clusterer.takeChanges()]), StaleClustererState);
        assert.equal(await shared.hasArticle('late-article'), false);
      } finally {
        await one.close();
        await shared.close();
      }
    });
  });
});
