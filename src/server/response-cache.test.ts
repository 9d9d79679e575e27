import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Hono } from 'hono';
import { ResponseCache } from './response-cache.ts';

/** An app whose one route answers with a counter, so a reused answer is visible. */
function counterApp(cache: ResponseCache, status = 200): { app: Hono; calls: () => number } {
  let calls = 0;
  const app = new Hono();
  app.use('*', cache.middleware((path) => path === '/count'));
  app.get('/count', (c) => c.json({ n: ++calls }, status as 200));
  return { app, calls: () => calls };
}

async function read(app: Hono, path = '/count'): Promise<number> {
  return ((await (await app.request(path)).json()) as { n: number }).n;
}

describe('ResponseCache', () => {
  it('reuses an answer until it expires, keyed by path and query', async () => {
    let now = 1_000_000;
    const cache = new ResponseCache(500, () => now);
    const { app } = counterApp(cache);
    assert.equal(await read(app), 1);
    assert.equal(await read(app), 1, 'reused');
    assert.equal(await read(app, '/count?page=2'), 2, 'another query is another answer');
    now += 501;
    assert.equal(await read(app), 3, 'expired');
  });

  it('a write clears at once when the last clear is older than the lifetime, else within the lifetime', async () => {
    let now = 1_000_000;
    const cache = new ResponseCache(500, () => now);
    const { app } = counterApp(cache);
    assert.equal(await read(app), 1);
    cache.invalidate();
    assert.equal(await read(app), 2, 'a lone write shows at once');
    now += 100;
    cache.invalidate();
    assert.equal(await read(app), 2, 'a second write within the lifetime waits');
    await new Promise((done) => setTimeout(done, 450));
    now += 400;
    assert.equal(await read(app), 3, 'and shows once the lifetime since the last clear has passed');
  });

  it('never keeps error answers, and a lifetime of 0 turns it off', async () => {
    const failing = counterApp(new ResponseCache(500), 404);
    await read(failing.app);
    await read(failing.app);
    assert.equal(failing.calls(), 2);
    const off = counterApp(new ResponseCache(0));
    await read(off.app);
    await read(off.app);
    assert.equal(off.calls(), 2);
  });

  it('computes one answer for requests that arrive together, and memo values live as long as answers', async () => {
    const cache = new ResponseCache(500);
    let calls = 0;
    const app = new Hono();
    app.use('*', cache.middleware(() => true));
    app.get('/slow', async (c) => {
      calls++;
      await new Promise((done) => setTimeout(done, 30));
      return c.json({ n: calls });
    });
    const answers = await Promise.all([1, 2, 3].map(async () => ((await (await app.request('/slow')).json()) as { n: number }).n));
    assert.deepEqual(answers, [1, 1, 1]);
    assert.equal(calls, 1);
    let counted = 0;
    const count = () => cache.memo('count', async () => ++counted);
    assert.deepEqual(await Promise.all([count(), count()]), [1, 1]);
    cache.clear();
    assert.equal(await count(), 2, 'a clear drops memo values too');
  });
});
