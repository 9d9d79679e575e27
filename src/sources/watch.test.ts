import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RawDocument } from '../model.ts';
import { fetchPage, type FetchOptions } from './fetch.ts';
import { FeedWatcher, type Clock, type WatchFailure, type WatchedEntry } from './watch.ts';
import { FeedError } from './feeds.ts';

// Two fictional outlets on two local servers (two origins): "The Harbour Ledger" (A) and "Quillby Courier" (B).

interface Site {
  server: Server;
  origin: string;
  hits: Map<string, number>;
}

async function startSite(route: (req: IncomingMessage, res: ServerResponse, hit: number) => void): Promise<Site> {
  const hits = new Map<string, number>();
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    const hit = (hits.get(path) ?? 0) + 1;
    hits.set(path, hit);
    route(req, res, hit);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits };
}

function stopSite(site: Site): Promise<void> {
  return new Promise((resolve) => site.server.close(() => resolve()));
}

function send(res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': type, ...headers });
  res.end(body);
}

const article = (title: string) => `<!doctype html><html><head><title>${title}</title></head><body><article><p>${title}: a fictional report.</p></article></body></html>`;

/** A clock whose sleeps return at once and move time forward, so crawl delays cost nothing. */
function fakeClock(start = Date.UTC(2031, 2, 4, 8, 0, 0)): Clock & { advance(ms: number): void; sleeps: number[] } {
  let now = start;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += Math.max(0, ms);
    },
    advance: (ms) => {
      now += ms;
    },
    sleeps,
  };
}

interface LoggedRequest {
  url: string;
  at: number;
  headers: Record<string, string>;
}

function loggingFetch(clock: Clock, log: LoggedRequest[]) {
  return (url: string, options: FetchOptions) => {
    log.push({ url, at: clock.now(), headers: { ...options.headers } });
    return fetchPage(url, options);
  };
}

test('FeedWatcher: robots.txt, crawl-delay spacing, conditional GET, dedup across polls, a broken feed, retries, saved state', async () => {
  let feedVersion = 1;
  const siteA = await startSite((req, res, hit) => {
    const path = req.url ?? '/';
    if (path === '/robots.txt') {
      return send(res, 200, 'text/plain', 'User-agent: *\nDisallow: /\n\nUser-agent: crosscheck\nDisallow: /private/\nAllow: /private/open-\nCrawl-delay: 2\n');
    }
    if (path === '/feed.xml') {
      const etag = `"ledger-v${feedVersion}"`;
      if (req.headers['if-none-match'] === etag) return send(res, 304, 'application/rss+xml', '', { ETag: etag });
      const items = [
        ['/news/a', 'Ferry strike ends', 'Tue, 04 Mar 2031 08:15:00 +0100'],
        ['/private/secret', 'Internal memo', ''],
        ['/private/open-letter', 'An open letter', ''],
        ['/news/b', 'Lanterns return', ''],
        ['/flaky', 'Sometimes down', ''],
        ['/gone', 'Removed story', ''],
        ...(feedVersion >= 2 ? [['/news/c', 'Tram line closes', 'Wed, 05 Mar 2031 10:00:00 GMT']] : []),
      ];
      const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>The Harbour Ledger</title>${items
        .map(([link, title, date]) => `<item><title>${title}</title><link>${link}</link>${date ? `<pubDate>${date}</pubDate>` : ''}</item>`)
        .join('')}</channel></rss>`;
      return send(res, 200, 'application/rss+xml; charset=utf-8', xml, { ETag: etag });
    }
    if (path === '/flaky' && hit === 1) return send(res, 503, 'text/html', 'try later');
    if (path === '/gone') return send(res, 404, 'text/html', 'not here');
    return send(res, 200, 'text/html; charset=utf-8', article(`Harbour Ledger ${path}`));
  });
  const LAST_MODIFIED = 'Tue, 04 Mar 2031 07:00:00 GMT';
  const siteB = await startSite((req, res) => {
    const path = req.url ?? '/';
    if (path === '/robots.txt') return send(res, 404, 'text/plain', 'no robots here');
    if (path === '/broken.xml') return send(res, 200, 'application/rss+xml', '<rss><channel><item><title>Cut off');
    if (path === '/index.xml' || path === '/sitemap-news.xml') {
      if (req.headers['if-modified-since'] === LAST_MODIFIED) return send(res, 304, 'application/xml', '');
      const xml =
        path === '/index.xml'
          ? `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${siteB.origin}/sitemap-news.xml</loc></sitemap></sitemapindex>`
          : `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>${siteB.origin}/news/x</loc><news:news><news:publication_date>2031-03-04T06:30:00+00:00</news:publication_date><news:title>Quillby bridge reopens</news:title></news:news></url></urlset>`;
      return send(res, 200, 'application/xml', xml, { 'Last-Modified': LAST_MODIFIED });
    }
    return send(res, 200, 'text/html', article(`Quillby Courier ${path}`));
  });
  try {
    const clock = fakeClock();
    const log: LoggedRequest[] = [];
    const docs: Array<{ doc: RawDocument; entry: WatchedEntry }> = [];
    const failures: WatchFailure[] = [];
    const feeds = [`${siteA.origin}/feed.xml`, `${siteB.origin}/broken.xml`, `${siteB.origin}/index.xml`];
    const options = {
      feeds,
      onDocument: (doc: RawDocument, entry: WatchedEntry) => {
        docs.push({ doc, entry });
      },
      onFailure: (failure: WatchFailure) => failures.push(failure),
      fetchOptions: { allowPrivate: true, timeoutMs: 5000 },
      fetch: loggingFetch(clock, log),
      clock,
    };
    const watcher = new FeedWatcher(options);
    const A = siteA.origin;
    const B = siteB.origin;

    // Round 1: everything is new.
    const first = await watcher.poll();
    assert.deepEqual(docs.map(({ doc }) => doc.url).sort(), [`${A}/news/a`, `${A}/news/b`, `${A}/private/open-letter`, `${B}/news/x`].sort());
    const ferry = docs.find(({ doc }) => doc.url === `${A}/news/a`);
    assert.equal(ferry?.doc.published, '2031-03-04T08:15:00+01:00', "the feed's pubDate becomes published");
    assert.equal(ferry?.doc.kind, 'html');
    assert.match(ferry?.doc.content ?? '', /Harbour Ledger \/news\/a: a fictional report/);
    assert.equal(ferry?.entry.feed, `${A}/feed.xml`);
    assert.equal(docs.find(({ doc }) => doc.url === `${B}/news/x`)?.doc.published, '2031-03-04T06:30:00+00:00', 'news:publication_date');
    assert.deepEqual(first.disallowed, [`${A}/private/secret`]);
    assert.equal(siteA.hits.get('/private/secret'), undefined, 'a disallowed page is never requested');
    assert.deepEqual(
      first.feeds.map((feed) => [feed.url, feed.outcome, feed.kind ?? null]),
      [
        [`${A}/feed.xml`, 'changed', 'rss'],
        [`${B}/broken.xml`, 'failed', null],
        [`${B}/index.xml`, 'changed', 'sitemapindex'],
        [`${B}/sitemap-news.xml`, 'changed', 'urlset'],
      ],
    );
    const broken = first.feeds[1].error;
    assert.ok(broken instanceof FeedError && broken.reason === 'truncated', 'the broken feed is reported with its reason');
    assert.deepEqual(
      new Set(first.failures.map((failure) => `${failure.input} ${failure.error.code} ${failure.willRetry ?? '-'}`)),
      new Set([`${B}/broken.xml invalid_record -`, `${A}/flaky unreadable true`, `${A}/gone unreadable false`]),
    );
    assert.equal(failures.length, 3, 'onFailure heard each failure');
    assert.equal(first.pending, 1, 'the 503 page waits for the next round');
    assert.equal(siteA.hits.get('/robots.txt'), 1);
    assert.equal(siteB.hits.get('/robots.txt'), 1);

    // Spacing: per origin, requests are at least the crawl delay apart (2 s on A once its robots.txt is
    // known, the 1 s default before that and on B). The clock only moves when the watcher sleeps.
    const gaps = (origin: string) => {
      const times = log.filter((request) => request.url.startsWith(origin)).map((request) => request.at);
      return times.slice(1).map((at, i) => at - times[i]);
    };
    const gapsA = gaps(A);
    assert.equal(gapsA.length, 6, 'seven requests: robots.txt, the feed and five pages (not the disallowed one)');
    assert.ok(gapsA[0] >= 1000, `robots.txt -> feed: ${gapsA[0]} ms`);
    assert.ok(gapsA.slice(1).every((gap) => gap >= 2000), `A gaps ${gapsA.join(', ')}`);
    assert.ok(gaps(B).every((gap) => gap >= 1000), `B gaps ${gaps(B).join(', ')}`);
    assert.ok(clock.sleeps.length > 0);

    // Round 2, nothing changed: conditional GETs answered 304, the 503 page retried, nothing else fetched.
    docs.length = 0;
    log.length = 0;
    const second = await watcher.poll();
    const feedRequest = log.find((request) => request.url === `${A}/feed.xml`);
    assert.equal(feedRequest?.headers['If-None-Match'], '"ledger-v1"');
    assert.equal(log.find((request) => request.url === `${B}/index.xml`)?.headers['If-Modified-Since'], LAST_MODIFIED);
    assert.equal(log.find((request) => request.url === `${B}/broken.xml`)?.headers['If-None-Match'], undefined, 'no validators kept for a broken feed');
    assert.deepEqual(
      second.feeds.map((feed) => feed.outcome),
      ['not_modified', 'failed', 'not_modified'],
    );
    assert.deepEqual(docs.map(({ doc }) => doc.url), [`${A}/flaky`]);
    assert.equal(siteA.hits.get('/gone'), 1, 'a 404 is not retried');
    assert.equal(siteA.hits.get('/robots.txt'), 1, 'robots.txt is cached within the hour');

    // Round 3: the feed gained one item; only that one is fetched.
    feedVersion = 2;
    docs.length = 0;
    const third = await watcher.poll();
    assert.deepEqual(docs.map(({ doc }) => doc.url), [`${A}/news/c`]);
    assert.equal(docs[0].doc.published, '2031-03-05T10:00:00+00:00');
    assert.equal(third.feeds[0].entries, 7);
    assert.equal(third.feeds[0].newEntries, 1);

    // The state survives JSON: a new watcher resumes with the validators and the seen URLs.
    const saved = JSON.parse(JSON.stringify(watcher.state));
    assert.equal(saved.feeds[`${A}/feed.xml`].etag, '"ledger-v2"');
    assert.equal(saved.feeds[`${B}/sitemap-news.xml`].lastModified, LAST_MODIFIED);
    assert.ok(saved.seen.includes(`${A}/news/a`) && saved.seen.includes(`${A}/private/secret`) && saved.seen.includes(`${A}/gone`));
    docs.length = 0;
    log.length = 0;
    const resumed = new FeedWatcher({ ...options, state: saved });
    const fourth = await resumed.poll();
    assert.deepEqual(docs, []);
    assert.deepEqual(fourth.feeds.map((feed) => feed.outcome), ['not_modified', 'failed', 'not_modified']);
    assert.equal(log.filter((request) => request.url.includes('/news/')).length, 0);

    // After an hour robots.txt is fetched again.
    clock.advance(61 * 60 * 1000);
    await resumed.poll();
    assert.equal(siteA.hits.get('/robots.txt'), 3, 'once by each watcher, then again after the hour');
  } finally {
    await stopSite(siteA);
    await stopSite(siteB);
  }
});

test('FeedWatcher.run polls until aborted; seen URLs stay bounded', async () => {
  let items = 2;
  const site = await startSite((req, res) => {
    const path = req.url ?? '/';
    if (path === '/robots.txt') return send(res, 404, 'text/plain', '');
    if (path === '/atom.xml') {
      // Like a real feed, it lists only the newest three entries.
      const entries = Array.from({ length: items }, (_, i) => `<entry><title>Bulletin ${i}</title><link href="/b/${i}"/><updated>2031-03-0${1 + (i % 9)}</updated></entry>`).slice(-3);
      return send(res, 200, 'application/atom+xml', `<feed xmlns="http://www.w3.org/2005/Atom"><title>Courier</title>${entries.join('')}</feed>`);
    }
    return send(res, 200, 'text/plain; charset=utf-8', `Quillby Courier bulletin ${path}.`);
  });
  try {
    const clock = fakeClock();
    const controller = new AbortController();
    const rounds: number[] = [];
    const urls: string[] = [];
    const watcher = new FeedWatcher({
      feeds: [`${site.origin}/atom.xml`],
      onDocument: (doc) => {
        urls.push(doc.url ?? '');
        assert.equal(doc.kind, 'text');
        assert.equal(doc.published, undefined, 'an Atom entry with only <updated> gives no publish date');
      },
      fetchOptions: { allowPrivate: true },
      clock,
      maxSeen: 3,
    });
    await watcher.run({
      intervalMs: 60_000,
      signal: controller.signal,
      onRound: (report, state) => {
        rounds.push(report.documents);
        assert.ok(state.seen.length <= 3);
        items += 2;
        if (rounds.length === 3) controller.abort();
      },
    });
    assert.deepEqual(rounds, [2, 2, 2]);
    assert.equal(new Set(urls).size, 6);
    assert.ok(clock.sleeps.filter((ms) => ms > 50_000).length === 2, `two waits between three rounds: ${clock.sleeps.join(', ')}`);
    assert.deepEqual(watcher.state.seen, [`${site.origin}/b/3`, `${site.origin}/b/4`, `${site.origin}/b/5`], 'the oldest are forgotten first');
  } finally {
    await stopSite(site);
  }
});

test('FeedWatcher refuses a feed URL that is not http(s)', () => {
  assert.throws(() => new FeedWatcher({ feeds: ['file:///etc/passwd'], onDocument: () => undefined }), /only http and https URLs/);
});
