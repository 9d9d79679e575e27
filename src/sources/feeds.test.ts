import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { parseFeed, parseFeedDate, decodeFeedBytes, FeedError } from './feeds.ts';

// Fictional feeds of invented outlets ("The Harbour Ledger", "Quillby Courier").

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom"
     xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0" xmlns:media="http://search.yahoo.com/mrss/">
  <channel>
    <title>The Harbour Ledger &amp; Gazette</title>
    <link>https://harbour-ledger.example/</link>
    <atom:link href="https://harbour-ledger.example/feed.xml" rel="self" type="application/rss+xml"/>
    <item>
      <title><![CDATA[Ferry strike <em>ends</em> after 9 days & nights]]></title>
      <link>https://harbour-ledger.example/news/ferry?ref=rss&amp;src=feed</link>
      <pubDate>Tue, 04 Mar 2031 08:15:00 +0100</pubDate>
      <media:title>A media title that must not replace the item title</media:title>
    </item>
    <item>
      <title>Caf&eacute; owners&nbsp;welcome the reopening&#8217;s crowds</title>
      <guid isPermaLink="true">https://harbour-ledger.example/news/cafe</guid>
      <dc:date>2031-03-04T09:30:00Z</dc:date>
    </item>
    <item>
      <title>Lanterns return</title>
      <link>https://feeds.example/~r/harbour/lanterns</link>
      <feedburner:origLink>https://harbour-ledger.example/news/lanterns</feedburner:origLink>
      <pubDate>Wed, 5 Mar 31 07:00 EST</pubDate>
    </item>
    <item><title>Relative link</title><link>/news/tram</link><pubDate>sometime soon</pubDate></item>
    <item><title>No link at all</title><description>Just words.</description></item>
    <item><title>Duplicate</title><link>https://harbour-ledger.example/news/cafe</link></item>
  </channel>
</rss>`;

test('RSS 2.0: links, CDATA, HTML entities, namespaced fields, FeedBurner origLink, RFC 822 dates, relative links', () => {
  const feed = parseFeed(RSS, { baseUrl: 'https://harbour-ledger.example/feed.xml' });
  assert.equal(feed.kind, 'rss');
  assert.equal(feed.title, 'The Harbour Ledger & Gazette');
  assert.deepEqual(feed.entries, [
    {
      url: 'https://harbour-ledger.example/news/ferry?ref=rss&src=feed',
      title: 'Ferry strike ends after 9 days & nights',
      published: '2031-03-04T08:15:00+01:00',
    },
    { url: 'https://harbour-ledger.example/news/cafe', title: 'Caf\u00e9 owners welcome the reopening\u2019s crowds', published: '2031-03-04T09:30:00+00:00' },
    { url: 'https://harbour-ledger.example/news/lanterns', title: 'Lanterns return', published: '2031-03-05T07:00:00-05:00' },
    { url: 'https://harbour-ledger.example/news/tram', title: 'Relative link' },
  ]);
  assert.equal(feed.warnings.length, 2);
  assert.match(feed.warnings[0], /unreadable published date "sometime soon"/);
  assert.match(feed.warnings[1], /item at line 26 has no http\(s\) link; left out/);
});

test('Atom 1.0: alternate links over self/edit links, xml:base, prefixed elements, html titles, published and updated', () => {
  const atom = `<?xml version="1.0" encoding="utf-8"?>
<a:feed xmlns:a="http://www.w3.org/2005/Atom" xml:base="https://quillby-courier.example/">
  <a:title type="text">Quillby Courier</a:title>
  <a:entry>
    <a:title type="html">&lt;b&gt;Council&lt;/b&gt; approves &amp;amp; funds the tram</a:title>
    <a:link rel="edit" href="https://quillby-courier.example/api/entries/7"/>
    <a:link rel="alternate" type="text/html" href="stories/tram-funding"/>
    <a:id>tag:quillby-courier.example,2031:7</a:id>
    <a:published>2031-03-02T10:00:00.000Z</a:published>
    <a:updated>2031-03-03T11:30:00+02:00</a:updated>
  </a:entry>
  <a:entry xml:base="https://quillby-courier.example/archive/">
    <a:title>Old bridge reopens</a:title>
    <a:link href="bridge"/>
    <a:updated>2031-03-01</a:updated>
  </a:entry>
  <a:entry>
    <a:title>Only an id</a:title>
    <a:id>https://quillby-courier.example/stories/id-only</a:id>
  </a:entry>
</a:feed>`;
  const feed = parseFeed(atom);
  assert.equal(feed.kind, 'atom');
  assert.equal(feed.title, 'Quillby Courier');
  assert.deepEqual(feed.entries, [
    {
      url: 'https://quillby-courier.example/stories/tram-funding',
      title: 'Council approves & funds the tram',
      published: '2031-03-02T10:00:00+00:00',
      updated: '2031-03-03T11:30:00+02:00',
    },
    { url: 'https://quillby-courier.example/archive/bridge', title: 'Old bridge reopens', updated: '2031-03-01' },
    { url: 'https://quillby-courier.example/stories/id-only', title: 'Only an id' },
  ]);
  assert.deepEqual(feed.warnings, []);
});

test('sitemaps: urlset with Google News fields and image:loc, and a sitemap index', () => {
  const urlset = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"
        xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
  <url>
    <loc>https://harbour-ledger.example/news/ferry</loc>
    <image:image><image:loc>https://cdn.harbour-ledger.example/ferry.jpg</image:loc></image:image>
    <news:news>
      <news:publication><news:name>The Harbour Ledger</news:name><news:language>en</news:language></news:publication>
      <news:publication_date>2031-03-04T08:15:00+01:00</news:publication_date>
      <news:title>Ferry strike ends</news:title>
    </news:news>
    <lastmod>2031-03-04T12:00:00+01:00</lastmod>
  </url>
  <url><loc> https://harbour-ledger.example/about </loc><lastmod>2031-01</lastmod></url>
</urlset>`;
  const feed = parseFeed(urlset);
  assert.equal(feed.kind, 'urlset');
  assert.deepEqual(feed.entries, [
    { url: 'https://harbour-ledger.example/news/ferry', title: 'Ferry strike ends', published: '2031-03-04T08:15:00+01:00', updated: '2031-03-04T12:00:00+01:00' },
    { url: 'https://harbour-ledger.example/about', updated: '2031-01' },
  ]);

  const index = `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://harbour-ledger.example/sitemap-2031-03.xml</loc><lastmod>2031-03-04</lastmod></sitemap>
  <sitemap><loc>https://harbour-ledger.example/sitemap-2031-02.xml</loc></sitemap>
</sitemapindex>`;
  const parsedIndex = parseFeed(index);
  assert.equal(parsedIndex.kind, 'sitemapindex');
  assert.deepEqual(parsedIndex.entries.map((entry) => entry.url), ['https://harbour-ledger.example/sitemap-2031-03.xml', 'https://harbour-ledger.example/sitemap-2031-02.xml']);
  assert.equal(parsedIndex.entries[0].updated, '2031-03-04');
});

test('RSS 1.0 (RDF) items read their link or rdf:about', () => {
  const rdf = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://quillby-courier.example/"><title>Courier</title></channel>
  <item rdf:about="https://quillby-courier.example/s/1"><title>One</title><dc:date>2031-03-01T08:00+01:00</dc:date></item>
</rdf:RDF>`;
  assert.deepEqual(parseFeed(rdf).entries, [{ url: 'https://quillby-courier.example/s/1', title: 'One', published: '2031-03-01T08:00+01:00' }]);
});

test('a tag closed out of order is tolerated with a warning', () => {
  const sloppy = `<rss><channel><item><title>Ferry<br>strike</title><link>https://harbour-ledger.example/a</link></item></channel></rss>`;
  const feed = parseFeed(sloppy, { label: 'sloppy.xml' });
  assert.deepEqual(feed.entries, [{ url: 'https://harbour-ledger.example/a', title: 'Ferry strike' }]);
  assert.equal(feed.warnings.length, 1);
  assert.match(feed.warnings[0], /^sloppy\.xml: <br> opened at line 1 is closed out of order/);
});

test('documents that are not feeds give a FeedError with a specific reason', () => {
  const cases: Array<[string, string, string, RegExp]> = [
    ['', 'empty', 'empty', /is empty/],
    ['   \n  ', 'empty', 'empty', /is empty/],
    ['Service temporarily unavailable', 'not_xml', 'invalid_record', /is not XML: no element found/],
    ['{"items": []}', 'not_xml', 'invalid_record', /looks like JSON/],
    ['<!doctype html><html><body><p>Hello</p></body></html>', 'unknown_root', 'unsupported_type', /is an HTML page, not a feed/],
    ['<opml version="2.0"><body/></opml>', 'unknown_root', 'unsupported_type', /<opml> is not the root of an RSS, Atom or sitemap document/],
    [RSS.slice(0, RSS.indexOf('<dc:date>')), 'truncated', 'invalid_record', /is truncated: <rss> is never closed \(the document ends at line 17, inside <item> opened at line 14\)/],
  ];
  for (const [xml, reason, code, message] of cases) {
    assert.throws(
      () => parseFeed(xml, { label: 'bad.xml' }),
      (err: unknown) => err instanceof FeedError && err.reason === reason && err.code === code && message.test(err.message),
      `${reason}: ${JSON.stringify(xml.slice(0, 30))}`,
    );
  }
});

test('parseFeedDate reads RFC 822 and W3C dates and rejects what is not a date', () => {
  assert.equal(parseFeedDate('Tue, 04 Mar 2031 08:15:00 GMT'), '2031-03-04T08:15:00+00:00');
  assert.equal(parseFeedDate('04 Mar 2031 08:15 PDT'), '2031-03-04T08:15:00-07:00');
  assert.equal(parseFeedDate('Tue, 4 March 2031 08:15:00 +0530'), '2031-03-04T08:15:00+05:30');
  assert.equal(parseFeedDate('Tue, 04 Mar 2031 08:15:00 XYZ'), '2031-03-04T08:15:00', 'unknown zone: no offset rather than a wrong one');
  assert.equal(parseFeedDate('2031-03-04T08:15:00.123-03:00'), '2031-03-04T08:15:00-03:00');
  assert.equal(parseFeedDate('2031'), '2031');
  assert.equal(parseFeedDate('Tue, 31 Feb 2031 08:15:00 GMT'), null);
  assert.equal(parseFeedDate('yesterday'), null);
});

test('decodeFeedBytes follows the XML declaration, and the HTTP charset over it', () => {
  const latin = iconv.encode('<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>Caf\u00e9</title></channel></rss>', 'latin1');
  assert.equal(parseFeed(decodeFeedBytes(latin, 'latin.xml')).title, 'Caf\u00e9');
  const utf8Declared = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>Caf\u00e9</title></channel></rss>');
  assert.equal(parseFeed(decodeFeedBytes(utf8Declared, 'mislabelled.xml', 'utf-8')).title, 'Caf\u00e9');
});
