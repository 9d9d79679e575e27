import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import iconv from 'iconv-lite';
import { PipelineError } from '../model.ts';
import { fetchDocument } from './pages.ts';

test('fetchDocument: HTML and text pages become documents; other statuses and types give specific errors', async () => {
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/story') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=windows-1252' });
      return res.end(iconv.encode('<html><body><p>Caf\u00e9 reopens on the Port Amaranth quay.</p></body></html>', 'windows-1252'));
    }
    if (path === '/old') {
      res.writeHead(301, { Location: '/story' });
      return res.end();
    }
    if (path === '/notes') {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      return res.end('Quillby council notes, fictional.');
    }
    if (path === '/photo') {
      res.writeHead(200, { 'Content-Type': 'image/jpeg' });
      return res.end(Buffer.from([0xff, 0xd8, 0xff, 0x00]));
    }
    res.writeHead(404, { 'Content-Type': 'text/html' });
    res.end('missing');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const local = { fetchOptions: { allowPrivate: true } };
  try {
    const story = await fetchDocument(`${origin}/old`, { ...local, published: '2031-03-04' });
    assert.deepEqual(
      { input: story.input, url: story.url, kind: story.kind, published: story.published },
      { input: `${origin}/old`, url: `${origin}/story`, kind: 'html', published: '2031-03-04' },
    );
    assert.match(story.content, /Caf\u00e9 reopens/);
    assert.equal((await fetchDocument(`${origin}/notes`, local)).kind, 'text');
    const codeOf = (promise: Promise<unknown>) => promise.then(() => 'ok', (err: unknown) => (err instanceof PipelineError ? err.code : 'other'));
    assert.equal(await codeOf(fetchDocument(`${origin}/nothing`, local)), 'unreadable');
    assert.equal(await codeOf(fetchDocument(`${origin}/photo`, local)), 'unsupported_type');
    assert.equal(await codeOf(fetchDocument(`${origin}/story`)), 'invalid_record', 'loopback refused without allowPrivate');
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
