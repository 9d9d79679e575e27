import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildBrief, exportBrief, renderBriefMarkdown } from '../crosscheck/index.ts';
import type { StorySummary } from '../model.ts';
import type { MaintainableStore } from '../store/index.ts';
import { openTestStore as openMemoryStore } from '../store/test-store.ts';
import type { Store } from '../store/types.ts';
import { createApp, createToken, startServer } from './index.ts';
import { IMG_PAYLOAD, SCRIPT_TITLE, fictionalArticles } from './test-fixtures.ts';

/** A fictional article long enough for the extractor to keep. */
const PASTED_PAGE = [
  'Lantern festival draws record crowds to Velmora',
  'By Ressa Quilby',
  'VELMORA — More than 40,000 visitors crowded the riverside of Velmora on Saturday for the lantern festival, the city council said.',
  'Organisers released 3,000 paper lanterns over the Amsel river after sunset, twice as many as last year.',
  'Mayor Doran Pike said the festival would return next autumn with a second stage on the old quay.',
].join('\n\n');

async function seededStore(): Promise<MaintainableStore> {
  const store = await openMemoryStore();
  for (const { record, assignment } of fictionalArticles()) await store.saveArticle(record, assignment, null);
  return store;
}

function makeApp(store: Store, extra: Partial<Parameters<typeof createApp>[0]> = {}) {
  const logged: unknown[] = [];
  const app = createApp({ store, logError: (error) => logged.push(error), ...extra });
  return { app, logged };
}

async function getJson(app: ReturnType<typeof createApp>, path: string, init?: RequestInit) {
  const response = await app.request(path, init);
  assert.match(response.headers.get('content-type') ?? '', /^application\/json/, `${path} content type`);
  return { status: response.status, body: (await response.json()) as any, headers: response.headers };
}

function assertErrorBody(body: any, code: string) {
  assert.deepEqual(Object.keys(body), ['error']);
  assert.equal(body.error.code, code);
  assert.equal(typeof body.error.message, 'string');
  assert.ok(body.error.message.length > 0);
}

/** The store with every read failing, to exercise the 500 path. */
function failingStore(store: Store): Store {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'listStories' || property === 'getStorySummary' || property === 'getStoryWithBrief') {
        return async () => {
          throw new Error('disk on fire at /secret/path/db');
        };
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe('REST API, reads', () => {
  let store: MaintainableStore;
  let app: ReturnType<typeof createApp>;
  before(async () => {
    store = await seededStore();
    app = makeApp(store).app;
  });
  after(() => store.close());

  it('GET /api/health reports the article count', async () => {
    const { status, body } = await getJson(app, '/api/health');
    assert.equal(status, 200);
    assert.deepEqual(body, { ok: true, articles: 3 });
  });

  it('GET /api/stories lists story summaries with the default page and the total', async () => {
    const { status, body } = await getJson(app, '/api/stories');
    assert.equal(status, 200);
    assert.deepEqual([body.limit, body.offset, body.total], [50, 0, 2]);
    assert.deepEqual(body.stories.map((story: StorySummary) => story.id), ['story-ferry', 'story-orchard']);
    const ferry = body.stories[0];
    assert.deepEqual(Object.keys(ferry).sort(), ['articles', 'first_seen', 'id', 'last_seen', 'outlets', 'title']);
    assert.equal(ferry.articles, 2);
    assert.equal(ferry.title, SCRIPT_TITLE);
    assert.deepEqual(ferry.outlets, [IMG_PAYLOAD, 'Adrel Harbour Gazette'], 'byte order');
    assert.deepEqual([ferry.first_seen, ferry.last_seen], ['2031-04-08', '2031-04-09']);
  });

  it('GET /api/stories pages and filters by text, entity, outlet and dates', async () => {
    const ids = async (query: string) => (await getJson(app, `/api/stories?${query}`)).body.stories.map((s: StorySummary) => s.id);
    assert.deepEqual(await ids('limit=1&offset=1'), ['story-orchard']);
    assert.deepEqual(await ids('q=pear%20harvest'), ['story-orchard']);
    assert.deepEqual(await ids(`entity=${encodeURIComponent('Orla Venn')}`), ['story-ferry']);
    assert.deepEqual(await ids('outlet=Quillmoor%20Post'), ['story-orchard']);
    assert.deepEqual(await ids('from=2031-04-01'), ['story-ferry']);
    assert.deepEqual(await ids('to=2031-03-31'), ['story-orchard']);
    const { body } = await getJson(app, '/api/stories?q=ferry&limit=1');
    assert.equal(body.total, 1);
  });

  for (const query of ['limit=abc', 'limit=0', 'limit=201', 'limit=2.5', 'offset=-1', 'offset=x', 'from=2031-13-01', 'to=yesterday', `q=${'x'.repeat(501)}`]) {
    it(`GET /api/stories?${query.slice(0, 20)} is a 400 JSON error naming the field`, async () => {
      const { status, body } = await getJson(app, `/api/stories?${query}`);
      assert.equal(status, 400);
      assertErrorBody(body, 'invalid_request');
      assert.match(body.error.message, new RegExp(query.split('=')[0]));
    });
  }

  it('GET /api/stories/:id is the brief buildBrief makes from the stored story, served again from cache', async () => {
    const summary = await store.getStorySummary('story-ferry');
    assert.ok(summary);
    const expected = JSON.parse(JSON.stringify(buildBrief(summary, await store.getStoryArticles('story-ferry'))));
    const first = await getJson(app, '/api/stories/story-ferry');
    assert.equal(first.status, 200);
    assert.deepEqual(first.body, expected);
    for (const key of ['id', 'title', 'summary', 'articles', 'claims', 'entities', 'timeline']) assert.ok(key in first.body, key);
    assert.deepEqual((await getJson(app, '/api/stories/story-ferry')).body, expected);
    assert.deepEqual((await getJson(app, '/api/stories/story-ferry/claims')).body, { claims: expected.claims });
    assert.deepEqual((await getJson(app, '/api/stories/story-ferry/timeline')).body, { timeline: expected.timeline });
  });

  it('GET /api/stories/:id/graph and /export/:format give the actor graph and every export as a download', async () => {
    const summary = await store.getStorySummary('story-ferry');
    assert.ok(summary);
    const brief = buildBrief(summary, await store.getStoryArticles('story-ferry'));
    const graph = await getJson(app, '/api/stories/story-ferry/graph');
    assert.equal(graph.status, 200);
    assert.deepEqual(graph.body, JSON.parse(JSON.stringify(brief.actor_graph ?? { nodes: [], edges: [] })));
    const types: Record<string, RegExp> = { json: /^application\/json/, md: /^text\/markdown/, csv: /^text\/csv/, 'graph-json': /^application\/json/, graphml: /^application\/graphml\+xml/, 'events-tsv': /^text\/tab-separated-values/ };
    for (const [format, type] of Object.entries(types)) {
      const response = await app.request(`/api/stories/story-ferry/export/${format}`);
      assert.equal(response.status, 200, format);
      assert.match(response.headers.get('content-type') ?? '', type, format);
      assert.match(response.headers.get('content-disposition') ?? '', /^attachment; filename="story-ferry-[\w.-]+"$/, format);
      assert.ok((await response.text()).length > 0, format);
    }
    for (const format of ['csv', 'graphml', 'events-tsv'] as const) {
      assert.equal(await (await app.request(`/api/stories/story-ferry/export/${format}`)).text(), exportBrief(JSON.parse(JSON.stringify(brief)), format), format);
    }
    assert.equal((await app.request('/api/stories/story-ferry/export/pdf')).status, 400);
    assert.equal((await app.request('/api/stories/nope/export/csv')).status, 404);
  });

  it('builds the brief of a story over its most recent articles when it is larger than maxStoryArticles', async () => {
    const capped = makeApp(store, { maxStoryArticles: 1 }).app;
    const { status, body } = await getJson(capped, '/api/stories/story-ferry');
    assert.equal(status, 200);
    assert.deepEqual(body.articles.map((a: { id: string }) => a.id), ['art-ferry-2']);
    assert.equal((await getJson(capped, '/api/stories?q=ferry')).body.stories[0].articles, 2, 'the summary still counts all');
  });

  it('GET /api/stories/:id/markdown returns the Markdown brief', async () => {
    const response = await app.request('/api/stories/story-orchard/markdown');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/markdown; charset=utf-8/);
    const summary = await store.getStorySummary('story-orchard');
    assert.ok(summary);
    assert.equal(await response.text(), renderBriefMarkdown(buildBrief(summary, await store.getStoryArticles('story-orchard'))));
  });

  it('unknown stories, articles, entities and API paths are 404 JSON', async () => {
    for (const path of ['/api/stories/nope', '/api/stories/nope/markdown', '/api/stories/nope/claims', '/api/articles/nope', '/api/entities/Nobody', '/api/nowhere', '/api']) {
      const { status, body } = await getJson(app, path);
      assert.equal(status, 404, path);
      assertErrorBody(body, 'not_found');
    }
  });

  it('GET /api/articles/:id returns the stored article with its assignment', async () => {
    const [, second] = fictionalArticles();
    const { status, body } = await getJson(app, '/api/articles/art-ferry-2');
    assert.equal(status, 200);
    assert.deepEqual(Object.keys(body).sort(), ['annotations', 'article', 'explanation', 'id', 'story', 'url']);
    assert.equal(body.url, 'javascript:alert(3)');
    assert.equal(body.story, 'story-ferry');
    assert.deepEqual(body.article, second.record.article);
    assert.deepEqual(body.annotations, second.record.annotations);
    assert.equal(body.explanation.decision, 'joined');
  });

  it('GET /api/entities lists entities; /api/entities/:name gives aliases and stories', async () => {
    const { body } = await getJson(app, '/api/entities?limit=2');
    assert.equal(body.entities.length, 2);
    assert.deepEqual(body.entities[0], { canonical: 'Orla Venn', type: 'PERSON', articles: 2, mentions: 2 });
    const filtered = await getJson(app, '/api/entities?type=ORG');
    assert.deepEqual(filtered.body.entities.map((e: { canonical: string }) => e.canonical), ['Adrel Ferry Company']);
    const detail = await getJson(app, `/api/entities/${encodeURIComponent('Port Adrel')}`);
    assert.equal(detail.status, 200);
    assert.deepEqual(detail.body.aliases, ['Port Adrel']);
    assert.deepEqual(detail.body.stories.map((s: StorySummary & { mentioning_articles: number }) => [s.id, s.mentioning_articles]), [['story-ferry', 2]]);
    assert.equal((await getJson(app, '/api/entities?type=PLANET')).status, 400);
  });

  it('GET /api/search finds stories and articles; q is required', async () => {
    const { status, body } = await getJson(app, '/api/search?q=ticket%20hall');
    assert.equal(status, 200);
    assert.deepEqual(body.stories.map((s: StorySummary) => s.id), ['story-ferry']);
    assert.deepEqual(body.articles.map((a: { id: string }) => a.id).sort(), ['art-ferry-1', 'art-ferry-2']);
    assert.match(body.articles[0].snippet, /ticket hall/);
    const missing = await getJson(app, '/api/search');
    assert.equal(missing.status, 400);
    assertErrorBody(missing.body, 'invalid_request');
  });

  it('hostile query strings are data: no error, no match, store intact', async () => {
    for (const hostile of ["' OR 1=1 --", "'; DROP TABLE articles; --", '%', '\\', '") & (!']) {
      const encoded = encodeURIComponent(hostile);
      for (const path of [`/api/stories?q=${encoded}`, `/api/stories?outlet=${encoded}`, `/api/stories?entity=${encoded}`, `/api/entities?q=${encoded}`, `/api/search?q=${encoded}`, `/api/entities/${encoded}`, `/api/articles/${encoded}`]) {
        const { status } = await getJson(app, path);
        assert.ok(status === 200 || status === 404, `${path}: ${status}`);
      }
    }
    assert.equal(await store.countArticles(), 3);
  });

  it('GET /api/openapi.json documents every route from the schemas', async () => {
    const { status, body } = await getJson(app, '/api/openapi.json');
    assert.equal(status, 200);
    assert.match(body.openapi, /^3\./);
    for (const path of ['/api/health', '/api/stories', '/api/stories/{id}', '/api/stories/{id}/markdown', '/api/stories/{id}/claims', '/api/stories/{id}/timeline', '/api/stories/{id}/graph', '/api/stories/{id}/export/{format}', '/api/articles/{id}', '/api/entities', '/api/entities/{name}', '/api/search', '/api/events']) {
      assert.ok(body.paths[path]?.get, `documents GET ${path}`);
    }
    assert.ok(body.paths['/api/ingest']?.post, 'documents POST /api/ingest');
    assert.ok(body.paths['/api/ingest'].post.responses['401']);
    const limit = body.paths['/api/stories'].get.parameters.find((p: { name: string }) => p.name === 'limit');
    assert.deepEqual([limit.in, limit.schema.minimum, limit.schema.maximum], ['query', 1, 200]);
    assert.ok(body.components.schemas.StoryBrief);
    assert.ok(body.components.securitySchemes.bearer);
  });

  it('store failures are 500 JSON without internals, and are logged', async () => {
    const { app: failing, logged } = makeApp(failingStore(store));
    for (const path of ['/api/stories', '/api/stories/story-ferry']) {
      const response = await failing.request(path);
      assert.equal(response.status, 500, path);
      const text = await response.text();
      assert.ok(!text.includes('secret'), 'no error message leaks');
      assertErrorBody(JSON.parse(text), 'internal');
    }
    assert.equal(logged.length, 2);
    assert.match(String(logged[0]), /disk on fire/);
  });

  it('sets the security headers on API answers, errors, failures and app pages', async () => {
    const failing = makeApp(failingStore(store)).app;
    const responses = [
      await app.request('/'),
      await app.request('/api/health'),
      await app.request('/api/stories?limit=abc'),
      await app.request('/api/nowhere'),
      await failing.request('/api/stories'),
    ];
    for (const response of responses) {
      const csp = response.headers.get('content-security-policy') ?? '';
      assert.match(csp, /default-src 'none'/);
      assert.match(csp, /script-src 'self'(;|$)/);
      assert.match(csp, /connect-src 'self'/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.ok(!csp.includes('unsafe-'), 'no inline or eval');
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
      assert.equal(response.headers.get('x-frame-options'), 'DENY');
      assert.equal(response.headers.get('access-control-allow-origin'), null, 'CORS is off');
    }
  });
});

describe('REST API, writes', () => {
  let store: MaintainableStore;
  let app: ReturnType<typeof createApp>;
  let token: string;
  let pages: http.Server;
  let pagesUrl: string;
  before(async () => {
    store = await openMemoryStore();
    app = makeApp(store, { ingest: { fetch: { allowPrivate: true } } }).app;
    token = (await createToken(store, 'tests')).token;
    pages = http.createServer((request, response) => {
      if (request.url === '/lanterns') {
        response.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
        response.end(PASTED_PAGE.replace('Saturday', 'Sunday'));
      } else {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
    pagesUrl = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
  });
  after(async () => {
    await store.close();
    await new Promise((resolve) => pages.close(resolve));
  });

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    app.request('/api/ingest', { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('refuses anonymous writes and bad tokens with 401', async () => {
    for (const authorization of [undefined, 'Bearer nope', `Bearer ${token}x`, `Basic ${token}`, `Bearer ${token.replace(/_[^_]+$/, '_AAAAAAAAAAAAAAAAAAAAAA')}`]) {
      const response = await post({ text: PASTED_PAGE }, authorization ? { Authorization: authorization } : {});
      assert.equal(response.status, 401, String(authorization));
      assertErrorBody(await response.json(), 'unauthorized');
      assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer/);
    }
    assert.equal(await store.countArticles(), 0);
  });

  it('concurrent posts are written together by the single writer, each with its own outcome', async () => {
    const auth = { Authorization: `Bearer ${token}` };
    const before = await store.countArticles();
    const pages = ['Harrowgate', 'Islay Bay', 'Duskmere', 'Farrow'].map((town) => `${PASTED_PAGE}\n\nIn ${town}, the council said it would publish its own figures on Friday.`);
    const responses = await Promise.all([...pages, pages[0]].map((text) => post({ text }, auth)));
    const bodies = await Promise.all(responses.map((response) => response.json()));
    assert.deepEqual(responses.map((response) => response.status), [200, 200, 200, 200, 200]);
    assert.equal(new Set(bodies.slice(0, 4).map((body) => body.id)).size, 4, 'four different articles');
    assert.equal(bodies[4].id, bodies[0].id);
    assert.equal(bodies.filter((body) => body.duplicate).length, 1, 'the repeated page is stored once');
    assert.equal(await store.countArticles(), before + 4);
  });

  it('ingests pasted text with a token, reports a re-post as a duplicate, and publishes live events', async () => {
    const events: string[] = [];
    const stream = await app.request('/api/events');
    assert.match(stream.headers.get('content-type') ?? '', /^text\/event-stream/);
    const reader = stream.body!.getReader();
    const reading = (async () => {
      const decoder = new TextDecoder();
      let text = '';
      while (!text.includes('event: story')) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value);
      }
      events.push(...[...text.matchAll(/^event: (\w+)$/gm)].map((match) => match[1]));
    })();

    const auth = { Authorization: `Bearer ${token}` };
    const response = await post({ text: PASTED_PAGE, outlet: 'Velmora Evening Star', published: '2031-10-04' }, auth);
    assert.equal(response.status, 200);
    const body = await response.json();
    assert.equal(body.duplicate, false);
    assert.equal(body.outlet, 'Velmora Evening Star');
    assert.ok((await store.getArticle(body.id))?.record.article.text.includes('3,000 paper lanterns'));
    await reading;
    await reader.cancel();
    assert.deepEqual(events, ['ready', 'article', 'story']);

    const again = await (await post({ text: PASTED_PAGE, outlet: 'Velmora Evening Star', published: '2031-10-04' }, auth)).json();
    assert.deepEqual([again.id, again.duplicate], [body.id, true]);
  });

  it('ingests an uploaded file and a fetched URL', async () => {
    const auth = { Authorization: `Bearer ${token}` };
    const form = new FormData();
    form.set('file', new File([`<html><body><article><h1>Velmora ferry</h1><p>${PASTED_PAGE.replace(/\n\n/g, '</p><p>')}</p></article></body></html>`], 'ferry.html', { type: 'text/html' }));
    form.set('outlet', 'Amsel Courier');
    const uploaded = await app.request('/api/ingest', { method: 'POST', headers: auth, body: form });
    assert.equal(uploaded.status, 200, await uploaded.clone().text());
    assert.equal((await uploaded.json()).outlet, 'Amsel Courier');

    const fetched = await post({ url: `${pagesUrl}/lanterns`, outlet: 'Riverside Bulletin' }, auth);
    assert.equal(fetched.status, 200, await fetched.clone().text());
    const stored = await store.getArticle((await fetched.json()).id);
    assert.match(stored?.record.article.text ?? '', /on Sunday/);
    assert.equal(stored?.record.url, `${pagesUrl}/lanterns`);
  });

  it('rejects what cannot be ingested with a specific message, and keeps going', async () => {
    const auth = { Authorization: `Bearer ${token}` };
    const before = await store.countArticles();
    const cases: Array<[unknown, number, RegExp]> = [
      [{}, 400, /text, html or url/],
      [{ text: 'a', html: '<p>a</p>' }, 400, /not both/],
      [{ text: '   ' }, 422, /empty|no_content/],
      [{ url: 'file:///etc/passwd' }, 400, /url/i],
      [{ url: `${pagesUrl}/missing` }, 422, /HTTP 404/],
      [{ text: PASTED_PAGE, published: 'last week' }, 400, /published/],
    ];
    for (const [body, status, message] of cases) {
      const response = await post(body, auth);
      assert.equal(response.status, status, JSON.stringify(body));
      const error = await response.json();
      assert.match(error.error.message, message, JSON.stringify(body));
    }
    const binary = new FormData();
    binary.set('file', new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0])], 'photo.html'));
    const rejected = await app.request('/api/ingest', { method: 'POST', headers: auth, body: binary });
    assert.equal(rejected.status, 422);
    assert.match((await rejected.json()).error.message, /^binary:/);
    assert.equal(await store.countArticles(), before);
  });

  it('refuses URLs of private and loopback addresses unless allowed', async () => {
    const strict = makeApp(store).app;
    const response = await strict.request('/api/ingest', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ url: `${pagesUrl}/lanterns` }),
    });
    assert.equal(response.status, 422);
    assert.match((await response.json()).error.message, /private or local address/);
  });

  it('limits request rates per address and per write token, with Retry-After', async () => {
    const limited = makeApp(store, {
      rateLimits: { readsPerAddress: { perSecond: 0.001, burst: 3 }, writesPerToken: { perSecond: 0.001, burst: 1 } },
    }).app;
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await limited.request('/api/health')).status);
    assert.deepEqual(statuses, [200, 200, 200, 429]);
    const refused = await limited.request('/api/health');
    assert.ok(Number(refused.headers.get('retry-after')) >= 1);
    assertErrorBody(await refused.json(), 'rate_limited');

    const write = () =>
      limited.request('/api/ingest', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify({ text: PASTED_PAGE }) });
    assert.equal((await write()).status, 200);
    const second = await write();
    assert.equal(second.status, 429);
    assert.match((await second.json()).error.message, /this token/);
  });

  it('rejects bodies over maxBodyBytes with 413', async () => {
    const small = makeApp(store, { maxBodyBytes: 16 }).app;
    const response = await small.request('/api/ingest', { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ text: 'x'.repeat(64) }) });
    assert.equal(response.status, 413);
    assertErrorBody(await response.json(), 'too_large');
  });
});

describe('web app files', () => {
  let store: MaintainableStore;
  before(async () => {
    store = await openMemoryStore();
  });
  after(() => store.close());

  const assets = new Map([
    ['/index.html', { body: Buffer.from('<!doctype html><title>crosscheck</title><script type="module" src="/assets/app-1.js"></script>'), type: 'text/html; charset=utf-8' }],
    ['/assets/app-1.js', { body: Buffer.from('console.log(1)'), type: 'text/javascript; charset=utf-8' }],
  ]);

  it('serves the app for client routes, assets by exact path, and 404 for unknown files', async () => {
    const { app } = makeApp(store, { webAssets: assets });
    for (const path of ['/', '/stories/story-ferry', '/entities/Orla%20Venn', '/ingest']) {
      const response = await app.request(path);
      assert.equal(response.status, 200, path);
      assert.match(await response.text(), /<title>crosscheck<\/title>/);
    }
    const script = await app.request('/assets/app-1.js');
    assert.equal(script.status, 200);
    assert.match(script.headers.get('cache-control') ?? '', /immutable/);
    for (const path of ['/assets/other.js', '/assets/../../package.json', '/favicon.ico', '/%2e%2e/package.json']) {
      assert.equal((await app.request(path)).status, 404, path);
    }
  });

  it('explains how to build the app when it is not built', async () => {
    const { app } = makeApp(store, { webAssets: new Map() });
    const response = await app.request('/');
    assert.equal(response.status, 503);
    assert.match(await response.text(), /npm run build:web/);
  });

  it('startServer listens on a free port and closes', async () => {
    const server = await startServer({ store, port: 0, host: '127.0.0.1', webAssets: assets });
    try {
      assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      const response = await fetch(`${server.url}/api/health`);
      assert.deepEqual(await response.json(), { ok: true, articles: 0 });
      // Its ingests are extracted and annotated on a worker thread, then stored by the single writer.
      const { token: writeToken } = await createToken(store, 'listening server');
      const ingest = (body: unknown) =>
        fetch(`${server.url}/api/ingest`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${writeToken}` },
          body: JSON.stringify(body),
        });
      const stored = await ingest({ text: PASTED_PAGE, outlet: 'Velmora Evening Star' });
      assert.equal(stored.status, 200);
      const body = await stored.json();
      assert.equal(body.duplicate, false);
      assert.equal(body.outlet, 'Velmora Evening Star');
      assert.ok((await store.getArticle(body.id))?.record.annotations.entities.length, 'annotated on the thread');
      const empty = await ingest({ text: '   ' });
      assert.equal(empty.ok, false);
      assert.equal(await store.countArticles(), 1);
    } finally {
      await server.close();
    }
    await assert.rejects(fetch(`${server.url}/api/health`));
  });
});
