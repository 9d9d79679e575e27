/** The read queries behind the REST API: story filters, entities, full-text search and write tokens. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { MaintainableStore } from './index.ts';
import { openTestStore as openMemoryStore } from './test-store.ts';
import { makeAssignment, makeRecord } from './test-fixtures.ts';

const FERRY_TEXT = 'Mayor Ilsa Varnow opened the Quillmarsh ferry terminal on Tuesday after a decade of delays.';
const BRIDGE_TEXT = 'Engineers closed the Dorrow bridge over the Quill river for repairs, said Ilsa Varnow.';
const CHESS_TEXT = 'Tobiah Fenn won the Larkspur chess open with a late queen sacrifice against Oda Merrin.';

function entity(text: string, needle: string, type: 'PERSON' | 'LOC', canonical = needle) {
  const start = text.indexOf(needle);
  return { text: needle, start, end: start + needle.length, type, canonical, rule: 'fixture' };
}

describe('store queries', () => {
  let store: MaintainableStore;

  before(async () => {
    store = await openMemoryStore();
    const saves: Array<[string, string, Parameters<typeof makeRecord>[0]]> = [
      ['f1', 'story-ferry', { id: 'f1', outlet: 'Harbor Ledger', published: '2031-04-02', text: FERRY_TEXT, entities: [entity(FERRY_TEXT, 'Ilsa Varnow', 'PERSON'), entity(FERRY_TEXT, 'Quillmarsh', 'LOC')] }],
      ['f2', 'story-ferry', { id: 'f2', outlet: 'Kestrel Post', published: '2031-04-03', text: FERRY_TEXT, entities: [entity(FERRY_TEXT, 'Varnow', 'PERSON', 'Ilsa Varnow')] }],
      ['b1', 'story-bridge', { id: 'b1', outlet: 'Kestrel Post', published: '2031-05-10', text: BRIDGE_TEXT, title: 'Dorrow bridge shut', entities: [entity(BRIDGE_TEXT, 'Ilsa Varnow', 'PERSON'), entity(BRIDGE_TEXT, 'Dorrow', 'LOC')] }],
      ['c1', 'story-chess', { id: 'c1', outlet: 'Eastfield Observer', published: '2031-06-20', text: CHESS_TEXT, title: 'Fenn takes Larkspur open', entities: [entity(CHESS_TEXT, 'Tobiah Fenn', 'PERSON'), entity(CHESS_TEXT, 'Oda Merrin', 'PERSON')] }],
    ];
    for (const [id, story, spec] of saves) await store.saveArticle(makeRecord(spec), makeAssignment(id, story), null);
  });

  after(async () => {
    await store.close();
  });

  it('filters stories by outlet, entity, date range and text, and counts them', async () => {
    const ids = async (options: Parameters<MaintainableStore['listStories']>[0]) =>
      (await store.listStories(options)).map((story) => story.id).sort();
    assert.deepEqual(await ids({}), ['story-bridge', 'story-chess', 'story-ferry']);
    assert.deepEqual(await ids({ outlet: 'Kestrel Post' }), ['story-bridge', 'story-ferry']);
    assert.deepEqual(await ids({ entity: 'Ilsa Varnow' }), ['story-bridge', 'story-ferry']);
    assert.deepEqual(await ids({ from: '2031-05-01' }), ['story-bridge', 'story-chess']);
    assert.deepEqual(await ids({ to: '2031-05-10' }), ['story-bridge', 'story-ferry']);
    assert.deepEqual(await ids({ query: 'queen sacrifice' }), ['story-chess']);
    assert.deepEqual(await ids({ query: 'terminal', outlet: 'Eastfield Observer' }), []);
    assert.equal(await store.countStories({ entity: 'Ilsa Varnow' }), 2);
    assert.equal(await store.countStories(), 3);
  });

  it('treats search text and filters as data, never as SQL', async () => {
    for (const hostile of ["'; DROP TABLE articles; --", '%', '_', '\\', 'a & | ! (', '"unclosed']) {
      assert.deepEqual(await store.listStories({ query: hostile }), []);
      assert.deepEqual(await store.listStories({ outlet: hostile }), []);
      assert.deepEqual(await store.listEntities({ query: hostile }), []);
      assert.ok(Array.isArray(await store.searchArticles(hostile)));
    }
    assert.equal(await store.countArticles(), 4);
  });

  it('lists entities by how many articles mention them, and details one with aliases and stories', async () => {
    const entities = await store.listEntities({ limit: 2 });
    assert.deepEqual(entities[0], { canonical: 'Ilsa Varnow', type: 'PERSON', articles: 3, mentions: 3 });
    assert.equal(entities.length, 2);
    assert.deepEqual((await store.listEntities({ query: 'merr' })).map((e) => e.canonical), ['Oda Merrin']);
    assert.deepEqual((await store.listEntities({ type: 'LOC' })).map((e) => e.canonical).sort(), ['Dorrow', 'Quillmarsh']);

    const detail = await store.getEntity('Ilsa Varnow');
    assert.ok(detail);
    assert.deepEqual(detail.aliases.sort(), ['Ilsa Varnow', 'Varnow']);
    assert.deepEqual(detail.stories.map((story) => [story.id, story.mentioning_articles]).sort(), [['story-bridge', 1], ['story-ferry', 2]]);
    assert.equal(await store.getEntity('Nobody Atall'), null);
  });

  it('finds articles by full text with a plain-text snippet', async () => {
    const hits = await store.searchArticles('bridge repairs');
    assert.deepEqual(hits.map((hit) => hit.id), ['b1']);
    assert.equal(hits[0].story, 'story-bridge');
    assert.match(hits[0].snippet, /repairs/);
    assert.doesNotMatch(hits[0].snippet, /<b>/);
  });

  it('keeps write tokens by hash, finds live ones and forgets revoked ones', async () => {
    const id = await store.createApiToken('newsroom bot', 'a'.repeat(64));
    assert.match(id, /^[0-9a-f]{12}$/);
    const found = await store.getApiToken(id);
    assert.equal(found?.name, 'newsroom bot');
    assert.equal(found?.hash, 'a'.repeat(64));
    assert.ok(found?.last_used_at);
    assert.equal(await store.getApiToken('0'.repeat(12)), null);
    assert.equal(await store.revokeApiToken(id), true);
    assert.equal(await store.revokeApiToken(id), false);
    assert.equal(await store.getApiToken(id), null);
    const listed = await store.listApiTokens();
    assert.deepEqual(listed.map((token) => [token.id, token.revoked]), [[id, true]]);
    assert.ok(!('hash' in listed[0]));
  });
});

describe('bulk load', () => {
  it('saves a batch in one transaction, skips stored ids and refreshes each story once', async () => {
    const store = await openMemoryStore();
    try {
      const items = ['k1', 'k2', 'k3'].map((id, i) => ({
        record: makeRecord({ id, outlet: i === 2 ? 'Kestrel Post' : 'Harbor Ledger', published: `2031-04-0${i + 1}` }),
        assignment: makeAssignment(id, 'story-bulk'),
      }));
      assert.equal(await store.saveArticles(items), 3);
      assert.equal(await store.saveArticles(items.slice(0, 1)), 0);
      const [story] = await store.listStories();
      assert.deepEqual([story.id, story.articles, story.outlets, story.first_seen, story.last_seen], ['story-bulk', 3, ['Harbor Ledger', 'Kestrel Post'], '2031-04-01', '2031-04-03']);
      const bad = [{ record: makeRecord({ id: 'k4' }), assignment: makeAssignment('k5', 'story-bulk') }];
      await assert.rejects(store.saveArticles(bad), /assignment is for article k5/);
      assert.equal(await store.countArticles(), 3);
    } finally {
      await store.close();
    }
  });
});
