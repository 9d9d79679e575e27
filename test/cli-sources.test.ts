/** `crosscheck ingest URL`, `crosscheck ingest archive.warc.gz` and `crosscheck watch FEED` through the binary. */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { freshStoreLocation, runCli, tempDir } from './helpers.ts';

const CRLF = '\r\n';

/** Fictional pages of an invented outlet. */
function page(title: string, sentence: string): string {
  return `<!doctype html><html><head><title>${title}</title><meta property="og:site_name" content="Tarnholm Gazette"></head>
<body><nav><a href="/">Home</a></nav><article><h1>${title}</h1><p class="byline">By Yselle Marrow</p>
<p>${sentence} The harbour board met on Tuesday to discuss the plan, its chair Oswin Pell said.</p>
<p>Work on the new breakwater in Tarnholm is due to start in May and to last two years, the board said.</p></article>
<footer>© Tarnholm Gazette</footer></body></html>`;
}

function warcResponse(uri: string, body: string): Buffer {
  const http = Buffer.from(`HTTP/1.1 200 OK${CRLF}Content-Type: text/html; charset=utf-8${CRLF}${CRLF}${body}`, 'utf8');
  const head = [
    'WARC/1.1',
    'WARC-Type: response',
    'WARC-Date: 2031-05-02T10:00:00Z',
    `WARC-Record-ID: <urn:uuid:${crypto.randomUUID()}>`,
    `WARC-Target-URI: ${uri}`,
    'Content-Type: application/http; msgtype=response',
    `Content-Length: ${http.length}`,
    '',
    '',
  ].join(CRLF);
  // One gzip member per record, as Common Crawl writes them.
  return gzipSync(Buffer.concat([Buffer.from(head, 'latin1'), http, Buffer.from(CRLF + CRLF)]));
}

describe('ingest from the web and from archives', () => {
  let dir: string;
  let server: http.Server;
  let base: string;
  let feedItems: string[];

  before(async () => {
    dir = await tempDir();
    feedItems = ['/news/breakwater'];
    server = http.createServer((request, response) => {
      if (request.url === '/robots.txt') return response.writeHead(200, { 'Content-Type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
      if (request.url === '/feed.xml') {
        const items = feedItems.map((path) => `<item><title>${path}</title><link>${base}${path}</link><pubDate>Fri, 02 May 2031 09:00:00 +0000</pubDate></item>`).join('');
        return response.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Gazette</title>${items}</channel></rss>`);
      }
      if (request.url?.startsWith('/news/')) {
        const name = request.url.slice(6);
        return response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page(`Tarnholm approves ${name}`, `Tarnholm approved the ${name} project on Monday.`));
      }
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(() => new Promise((resolve) => server.close(resolve)));

  it('fetches URL arguments, refusing loopback addresses unless --allow-private', async () => {
    const db = freshStoreLocation(join(dir, 'urls'));
    const refused = await runCli(['ingest', '--db', db, `${base}/news/lighthouse`]);
    assert.equal(refused.code, 3);
    assert.equal(refused.lines[0].error.code, 'invalid_record');
    assert.match(refused.lines[0].error.message, /private or local address/);

    const fetched = await runCli(['ingest', '--db', db, '--allow-private', `${base}/news/lighthouse`, `${base}/gone`]);
    assert.equal(fetched.code, 3, fetched.stderr);
    assert.equal(fetched.lines[0].ok, true, JSON.stringify(fetched.lines[0]));
    assert.equal(fetched.lines[0].title, 'Tarnholm approves lighthouse');
    assert.equal(fetched.lines[1].ok, false);
  });

  it('streams the HTML response records of a WARC archive', async () => {
    const archive = join(dir, 'crawl.warc.gz');
    const request = gzipSync(Buffer.from(`WARC/1.1${CRLF}WARC-Type: request${CRLF}WARC-Record-ID: <urn:uuid:${crypto.randomUUID()}>${CRLF}Content-Length: 0${CRLF}${CRLF}${CRLF}${CRLF}`, 'latin1'));
    await writeFile(archive, Buffer.concat([request, warcResponse('https://tarnholm.example/a', page('Tarnholm ferry fares rise', 'Ferry fares in Tarnholm rose by 8 percent.')), warcResponse('https://tarnholm.example/b', page('Tarnholm library reopens', 'The Tarnholm library reopened after repairs.'))]));
    const db = freshStoreLocation(join(dir, 'warc'));
    const result = await runCli(['ingest', '--db', db, archive]);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(result.lines.map((line) => line.title), ['Tarnholm ferry fares rise', 'Tarnholm library reopens']);
    assert.match(result.lines[0].input, /crawl\.warc\.gz#\d+$/);
    assert.match(result.stderr, /3 records, 2 pages; skipped 1 record_type/);
  });

  it('watch --once ingests the pages a feed lists, and a second round fetches nothing again', async () => {
    const db = freshStoreLocation(join(dir, 'watch'));
    const state = join(dir, 'watch-state.json');
    const first = await runCli(['watch', '--db', db, '--state', state, '--once', '--allow-private', `${base}/feed.xml`]);
    assert.equal(first.code, 0, first.stderr);
    assert.deepEqual(first.lines.map((line) => [line.ok, line.title]), [[true, 'Tarnholm approves breakwater']]);
    feedItems.push('/news/seawall');
    const second = await runCli(['watch', '--db', db, '--state', state, '--once', '--allow-private', `${base}/feed.xml`]);
    assert.equal(second.code, 0, second.stderr);
    assert.deepEqual(second.lines.map((line) => line.title), ['Tarnholm approves seawall']);
  });
});
