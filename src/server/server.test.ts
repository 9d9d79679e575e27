import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildBrief, renderBriefMarkdown } from '../crosscheck/index.ts';
import type { StorySummary } from '../model.ts';
import { createApp, escapeHtml, startServer } from './index.ts';
import { MemoryStore } from './memory-store.ts';
import { IMG_PAYLOAD, SCRIPT_TITLE, fictionalArticles } from './test-fixtures.ts';

const ESCAPED_SCRIPT = '&lt;script&gt;alert(1)&lt;/script&gt;';
const ESCAPED_IMG = '&lt;img src=x onerror=alert(2)&gt;';

function makeApp(store = new MemoryStore(fictionalArticles())) {
  const logged: unknown[] = [];
  const app = createApp({ store, logError: (error) => logged.push(error) });
  return { app, store, logged };
}

async function getJson(app: ReturnType<typeof createApp>, path: string) {
  const response = await app.request(path);
  assert.match(response.headers.get('content-type') ?? '', /^application\/json/, `${path} content type`);
  return { status: response.status, body: (await response.json()) as any };
}

async function getHtml(app: ReturnType<typeof createApp>, path: string) {
  const response = await app.request(path);
  assert.match(response.headers.get('content-type') ?? '', /^text\/html/, `${path} content type`);
  return { status: response.status, text: await response.text(), headers: response.headers };
}

function assertErrorBody(body: any, code: string) {
  assert.deepEqual(Object.keys(body), ['error']);
  assert.equal(body.error.code, code);
  assert.equal(typeof body.error.message, 'string');
  assert.ok(body.error.message.length > 0);
}

/** A store whose every read fails, to exercise the 500 path. */
class FailingStore extends MemoryStore {
  override async listStories(): Promise<StorySummary[]> {
    throw new Error('disk on fire at /secret/path/db');
  }
  override async getStorySummary(): Promise<StorySummary | null> {
    throw new Error('disk on fire at /secret/path/db');
  }
}

describe('REST API', () => {
  it('GET /api/health reports the article count', async () => {
    const { app } = makeApp();
    const { status, body } = await getJson(app, '/api/health');
    assert.equal(status, 200);
    assert.deepEqual(body, { ok: true, articles: 3 });
  });

  it('GET /api/stories lists story summaries with the default page', async () => {
    const { app } = makeApp();
    const { status, body } = await getJson(app, '/api/stories');
    assert.equal(status, 200);
    assert.equal(body.limit, 50);
    assert.equal(body.offset, 0);
    assert.deepEqual(
      body.stories.map((story: StorySummary) => story.id),
      ['story-ferry', 'story-orchard'],
    );
    const ferry = body.stories[0];
    assert.deepEqual(Object.keys(ferry).sort(), ['articles', 'first_seen', 'id', 'last_seen', 'outlets', 'title']);
    assert.equal(ferry.articles, 2);
    assert.equal(ferry.title, SCRIPT_TITLE);
    assert.deepEqual(ferry.outlets, ['Adrel Harbour Gazette', IMG_PAYLOAD]);
    assert.equal(ferry.first_seen, '2031-04-08');
    assert.equal(ferry.last_seen, '2031-04-09');
  });

  it('GET /api/stories pages with limit and offset', async () => {
    const { app } = makeApp();
    const { status, body } = await getJson(app, '/api/stories?limit=1&offset=1');
    assert.equal(status, 200);
    assert.equal(body.limit, 1);
    assert.equal(body.offset, 1);
    assert.deepEqual(
      body.stories.map((story: StorySummary) => story.id),
      ['story-orchard'],
    );
  });

  for (const query of ['limit=abc', 'limit=0', 'limit=201', 'limit=2.5', 'offset=-1', 'offset=x']) {
    it(`GET /api/stories?${query} is a 400 JSON error`, async () => {
      const { app } = makeApp();
      const { status, body } = await getJson(app, `/api/stories?${query}`);
      assert.equal(status, 400);
      assertErrorBody(body, 'invalid_request');
      assert.match(body.error.message, new RegExp(query.split('=')[0]));
    });
  }

  it('GET /api/stories/:id returns the contract story JSON', async () => {
    const { app } = makeApp();
    const { status, body } = await getJson(app, '/api/stories/story-ferry');
    assert.equal(status, 200);
    for (const key of ['id', 'title', 'summary', 'articles', 'claims', 'entities', 'timeline']) {
      assert.ok(key in body, `story JSON has ${key}`);
    }
    assert.equal(body.id, 'story-ferry');
    for (const key of ['summary', 'articles', 'claims', 'entities', 'timeline']) assert.ok(Array.isArray(body[key]), key);
    assert.deepEqual(body.articles.map((article: { id: string }) => article.id).sort(), ['art-ferry-1', 'art-ferry-2']);
    for (const claim of body.claims) {
      assert.ok(['corroborated', 'single-source', 'conflicting'].includes(claim.status), claim.status);
    }
  });

  it('GET /api/stories/:id is the brief buildBrief makes from the stored story', async () => {
    const { app, store } = makeApp();
    const summary = await store.getStorySummary('story-ferry');
    assert.ok(summary);
    const expected = buildBrief(summary, await store.getStoryArticles('story-ferry'));
    const { body } = await getJson(app, '/api/stories/story-ferry');
    assert.deepEqual(body, JSON.parse(JSON.stringify(expected)));
  });

  it('GET /api/stories/:id/markdown returns the Markdown brief', async () => {
    const { app, store } = makeApp();
    const response = await app.request('/api/stories/story-orchard/markdown');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/markdown; charset=utf-8/);
    const summary = await store.getStorySummary('story-orchard');
    assert.ok(summary);
    const expected = renderBriefMarkdown(buildBrief(summary, await store.getStoryArticles('story-orchard')));
    assert.ok(expected.length > 0);
    assert.equal(await response.text(), expected);
  });

  it('unknown stories are 404 JSON, on both story routes', async () => {
    const { app } = makeApp();
    for (const path of ['/api/stories/no-such-story', '/api/stories/no-such-story/markdown']) {
      const { status, body } = await getJson(app, path);
      assert.equal(status, 404, path);
      assertErrorBody(body, 'not_found');
    }
  });

  it('GET /api/articles/:id returns the stored article with its assignment', async () => {
    const { app } = makeApp();
    const [, second] = fictionalArticles();
    const { status, body } = await getJson(app, '/api/articles/art-ferry-2');
    assert.equal(status, 200);
    assert.deepEqual(Object.keys(body).sort(), ['annotations', 'article', 'explanation', 'id', 'story', 'url']);
    assert.equal(body.id, 'art-ferry-2');
    assert.equal(body.url, 'javascript:alert(3)');
    assert.equal(body.story, 'story-ferry');
    assert.deepEqual(body.article, second.record.article);
    assert.deepEqual(body.annotations, second.record.annotations);
    assert.equal(body.explanation.decision, 'joined');
  });

  it('unknown articles and unknown API paths are 404 JSON', async () => {
    const { app } = makeApp();
    for (const path of ['/api/articles/no-such-article', '/api/nowhere', '/api']) {
      const { status, body } = await getJson(app, path);
      assert.equal(status, 404, path);
      assertErrorBody(body, 'not_found');
    }
  });

  it('an id longer than the limit is a 400', async () => {
    const { app } = makeApp();
    const { status, body } = await getJson(app, `/api/articles/${'x'.repeat(201)}`);
    assert.equal(status, 400);
    assertErrorBody(body, 'invalid_request');
  });

  it('GET /api/openapi.json documents every route from the schemas', async () => {
    const { app } = makeApp();
    const { status, body } = await getJson(app, '/api/openapi.json');
    assert.equal(status, 200);
    assert.match(body.openapi, /^3\./);
    for (const path of [
      '/api/health',
      '/api/stories',
      '/api/stories/{id}',
      '/api/stories/{id}/markdown',
      '/api/articles/{id}',
    ]) {
      assert.ok(body.paths[path]?.get, `documents GET ${path}`);
    }
    const limit = body.paths['/api/stories'].get.parameters.find((parameter: { name: string }) => parameter.name === 'limit');
    assert.equal(limit.in, 'query');
    assert.equal(limit.schema.maximum, 200);
    assert.equal(limit.schema.minimum, 1);
    const offset = body.paths['/api/stories'].get.parameters.find((parameter: { name: string }) => parameter.name === 'offset');
    assert.equal(offset.schema.type, 'integer', 'offset is a plain integer, not nullable');
    assert.ok(body.components.schemas.StoryBrief, 'StoryBrief schema is a named component');
    assert.ok(body.paths['/api/stories/{id}'].get.responses['404'], 'documents the 404');
  });

  it('store failures are 500 JSON without internals, and are logged', async () => {
    const { app, logged } = makeApp(new FailingStore(fictionalArticles()));
    for (const path of ['/api/stories', '/api/stories/story-ferry']) {
      const response = await app.request(path);
      assert.equal(response.status, 500, path);
      const text = await response.text();
      assert.ok(!text.includes('secret'), 'no error message leaks');
      assert.ok(!/\bat .*\.ts:\d+/.test(text), 'no stack trace leaks');
      assertErrorBody(JSON.parse(text), 'internal');
    }
    assert.equal(logged.length, 2);
    assert.match(String(logged[0]), /disk on fire/);
  });

  it('bodies over maxBodyBytes are rejected with 413', async () => {
    const app = createApp({ store: new MemoryStore(), maxBodyBytes: 16 });
    const response = await app.request('/api/stories', { method: 'POST', body: 'x'.repeat(64) });
    assert.equal(response.status, 413);
    assertErrorBody(await response.json(), 'too_large');
  });
});

describe('web interface', () => {
  it('GET / lists stories with escaped titles and outlets', async () => {
    const { app } = makeApp();
    const { status, text } = await getHtml(app, '/');
    assert.equal(status, 200);
    assert.ok(!text.includes('<script'), 'no raw script tag');
    assert.ok(!text.includes('<img'), 'no raw img tag');
    assert.ok(text.includes(ESCAPED_SCRIPT), 'escaped title shown');
    assert.ok(text.includes(ESCAPED_IMG), 'escaped outlet shown');
    assert.ok(text.includes('href="/stories/story-ferry"'));
    assert.ok(text.includes('href="/stories/story-orchard"'));
    assert.ok(text.includes('Quillmoor Post'));
    assert.ok(text.includes('2 articles'));
    assert.ok(text.includes('<time>2031-04-08</time> – <time>2031-04-09</time>'));
  });

  it('GET / pages, and rejects a bad query with a 400 page', async () => {
    const { app } = makeApp();
    const page = await getHtml(app, '/?limit=1');
    assert.ok(page.text.includes('href="/?limit=1&amp;offset=1"'), 'next link');
    assert.ok(!page.text.includes('story-orchard'));
    const bad = await getHtml(app, '/?limit=abc');
    assert.equal(bad.status, 400);
    assert.ok(bad.text.includes('limit'));
  });

  it('GET /stories/:id shows the brief, escaped, with claims coloured by status', async () => {
    const { app } = makeApp();
    const { status, text } = await getHtml(app, '/stories/story-ferry');
    assert.equal(status, 200);
    assert.ok(!text.includes('<script'), 'no raw script tag');
    assert.ok(!text.includes('<img'), 'no raw img tag');
    assert.ok(!/href="javascript:/i.test(text), 'no javascript: link');
    assert.ok(text.includes(ESCAPED_SCRIPT), 'escaped article title shown');
    assert.ok(text.includes(ESCAPED_IMG), 'escaped outlet shown');
    for (const heading of ['Summary', 'Claims', 'Timeline', 'Entities', 'Articles']) {
      assert.ok(text.includes(`<h2>${heading}</h2>`), heading);
    }
    assert.ok(text.includes('href="/articles/art-ferry-1"'));
    assert.ok(text.includes('href="https://gazette.example/ferry-fire"'), 'http(s) links kept');
    const brief = (await getJson(app, '/api/stories/story-ferry')).body;
    assert.ok(brief.claims.length > 0, 'the fixture story yields claims to colour');
    for (const claim of brief.claims) {
      assert.ok(text.includes(`class="claim claim--${claim.status}"`), `claim ${claim.id} coloured ${claim.status}`);
    }
    for (const entity of brief.entities) {
      assert.ok(text.includes(`<td>${escapeHtml(entity.canonical)}</td>`), entity.canonical);
    }
  });

  it('GET /articles/:id shows the article text escaped', async () => {
    const { app } = makeApp();
    const { status, text } = await getHtml(app, '/articles/art-ferry-2');
    assert.equal(status, 200);
    assert.ok(!text.includes('<img'), 'no raw img tag');
    assert.ok(text.includes(`Readers sent photos ${ESCAPED_IMG} of the smoke.`));
    assert.ok(text.includes('<p>A fire shut the Port Adrel ferry terminal on Tuesday.'), 'paragraphs rendered');
    assert.ok(text.includes('href="/stories/story-ferry"'), 'links its story');
    assert.ok(!/href="javascript:/i.test(text), 'no javascript: link');
    const first = await getHtml(app, '/articles/art-ferry-1');
    assert.ok(!first.text.includes('<script'));
    assert.ok(first.text.includes(`<h1 lang="en">${ESCAPED_SCRIPT} Ferry terminal closes</h1>`));
  });

  it('unknown pages are 404 HTML', async () => {
    const { app } = makeApp();
    for (const path of ['/stories/nope', '/articles/nope', '/no/such/page']) {
      const { status, text } = await getHtml(app, path);
      assert.equal(status, 404, path);
      assert.ok(text.includes('Error 404'));
    }
  });

  it('store failures are a 500 page without internals', async () => {
    const { app } = makeApp(new FailingStore(fictionalArticles()));
    const { status, text } = await getHtml(app, '/');
    assert.equal(status, 500);
    assert.ok(!text.includes('secret'));
  });

  it('serves the stylesheet the pages link', async () => {
    const { app } = makeApp();
    const { text } = await getHtml(app, '/');
    assert.ok(text.includes('<link rel="stylesheet" href="/assets/style.css">'));
    const response = await app.request('/assets/style.css');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/css/);
    assert.match(await response.text(), /\.claim--conflicting/);
  });
});

describe('security headers', () => {
  it('are set on pages, API responses, errors and failures', async () => {
    const { app } = makeApp();
    const failing = makeApp(new FailingStore()).app;
    const responses = [
      await app.request('/'),
      await app.request('/stories/story-ferry'),
      await app.request('/api/health'),
      await app.request('/api/stories?limit=abc'),
      await app.request('/no/such/page'),
      await failing.request('/api/stories'),
    ];
    for (const response of responses) {
      const csp = response.headers.get('content-security-policy') ?? '';
      assert.match(csp, /default-src 'none'/);
      assert.match(csp, /style-src 'self'/);
      assert.match(csp, /img-src 'self'/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.ok(!csp.includes('script-src'), 'no script source allowed');
      assert.ok(!csp.includes('unsafe-inline'), 'no inline styles or scripts');
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
      assert.equal(response.headers.get('x-frame-options'), 'DENY');
    }
  });
});

describe('startServer', () => {
  it('listens on a free port and closes', async () => {
    const server = await startServer({ store: new MemoryStore(fictionalArticles()), port: 0, host: '127.0.0.1' });
    try {
      assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      const response = await fetch(`${server.url}/api/health`);
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), { ok: true, articles: 3 });
    } finally {
      await server.close();
    }
    await assert.rejects(fetch(`${server.url}/api/health`));
  });
});
