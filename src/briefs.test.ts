import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { currentBrief, DEFAULT_MAX_STORY_ARTICLES, refreshStaleBriefs } from './briefs.ts';
import type { StoryBrief } from './model.ts';
import { makeAssignment, makeRecord } from './store/test-fixtures.ts';
import { openTestStore } from './store/test-store.ts';
import type { MaintainableStore } from './store/index.ts';
import { BriefRefresher } from './server/brief-refresher.ts';

const LIMIT = DEFAULT_MAX_STORY_ARTICLES;

async function save(store: MaintainableStore, id: string, story: string): Promise<void> {
  assert.equal(await store.saveArticle(makeRecord({ id }), makeAssignment(id, story), null), true);
}

describe('stored briefs', () => {
  let store: MaintainableStore;
  before(async () => {
    store = await openTestStore();
    await save(store, 'ferry-1', 'story-ferry');
    await save(store, 'ferry-2', 'story-ferry');
    await save(store, 'dam-1', 'story-dam');
  });
  after(() => store.close());

  it('builds a missing brief on the first read, keeps it, and serves the kept one after', async () => {
    assert.equal((await store.getStoryWithBrief('story-ferry', LIMIT))?.brief, null);
    const first = await currentBrief(store, 'story-ferry');
    assert.ok(first);
    const brief = JSON.parse(first.json) as StoryBrief;
    assert.deepEqual(brief.articles.map((a) => a.id), ['ferry-1', 'ferry-2']);
    assert.equal((await store.getStoryWithBrief('story-ferry', LIMIT))?.brief, first.json);
    assert.equal((await currentBrief(store, 'story-ferry'))?.json, first.json);
    assert.equal(await currentBrief(store, 'no-such-story'), null);
  });

  it('a new article makes the brief out of date, and the next read includes it', async () => {
    await currentBrief(store, 'story-dam');
    await save(store, 'dam-2', 'story-dam');
    assert.equal((await store.getStoryWithBrief('story-dam', LIMIT))?.brief, null, 'out of date');
    const brief = JSON.parse((await currentBrief(store, 'story-dam'))!.json) as StoryBrief;
    assert.deepEqual(brief.articles.map((a) => a.id), ['dam-1', 'dam-2']);
  });

  it('a brief built under another article limit is out of date', async () => {
    await currentBrief(store, 'story-ferry');
    assert.equal((await store.getStoryWithBrief('story-ferry', 1))?.brief, null);
    const capped = JSON.parse((await currentBrief(store, 'story-ferry', { maxArticles: 1 }))!.json) as StoryBrief;
    assert.deepEqual(capped.articles.map((a) => a.id), ['ferry-2'], 'the most recent article only');
  });

  it('never replaces a brief with one built from fewer articles, and writes nothing for a missing story', async () => {
    await store.saveStoryBrief('story-dam', 2, LIMIT, '{"v":"new"}');
    await store.saveStoryBrief('story-dam', 1, LIMIT, '{"v":"old"}');
    assert.equal((await store.getStoryWithBrief('story-dam', LIMIT))?.brief, '{"v":"new"}');
    await store.saveStoryBrief('story-gone', 1, LIMIT, '{}');
    assert.equal(await store.getStoryWithBrief('story-gone', LIMIT), null);
  });

  it('refreshStaleBriefs builds every missing or out-of-date brief once', async () => {
    await save(store, 'mill-1', 'story-mill');
    await save(store, 'dam-3', 'story-dam');
    const stale = await store.listStaleBriefs(10, LIMIT);
    assert.ok(stale.includes('story-mill') && stale.includes('story-dam'), stale.join(','));
    const built: number[] = [];
    assert.equal(await refreshStaleBriefs(store, { onBrief: (n) => built.push(n) }), stale.length);
    assert.deepEqual(built, stale.map((_, i) => i + 1));
    assert.deepEqual(await store.listStaleBriefs(10, LIMIT), []);
    assert.equal(await refreshStaleBriefs(store), 0);
  });

  it('the server refresher rebuilds a touched story in the background', async () => {
    const errors: unknown[] = [];
    const refresher = new BriefRefresher(store, { logError: (error) => errors.push(error) });
    await save(store, 'mill-2', 'story-mill');
    refresher.touch('story-mill');
    await refresher.idle();
    const stored = await store.getStoryWithBrief('story-mill', LIMIT);
    assert.deepEqual((JSON.parse(stored!.brief!) as StoryBrief).articles.map((a) => a.id), ['mill-1', 'mill-2']);
    await save(store, 'ferry-3', 'story-ferry');
    refresher.sweep();
    await refresher.idle();
    assert.deepEqual(await store.listStaleBriefs(10, LIMIT), []);
    await refresher.close();
    assert.deepEqual(errors, []);
  });
});
