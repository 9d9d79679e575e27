/** Fixture tests of the extract stage on fictional pages (invented outlets, people and events). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PipelineError, type RawDocument } from '../model.ts';
import { extractArticle } from './index.ts';

const html = (content: string, extra: Partial<RawDocument> = {}): RawDocument => ({ input: 'fixture.html', kind: 'html', content, ...extra });
const text = (content: string, extra: Partial<RawDocument> = {}): RawDocument => ({ input: 'fixture.txt', kind: 'text', content, ...extra });

const P1 = 'The harbour council of Brindlemoor voted on Tuesday to rebuild the old lighthouse pier, ending a dispute that had lasted, by most counts, eleven years.';
const P2 = 'Councillor Marta Quill, who chaired the session, said the repairs would begin in spring and that the fishing fleet would keep its moorings during the works.';
const P3 = 'Engineers estimate the cost at 4.2 million crowns, to be shared between the town, the regional fund and, for the first time, the ferry company.';
const H2 = 'What happens next';
const LI1 = 'A public hearing on the design in February.';
const LI2 = 'Tenders opening to local builders in March.';

function pageWithBoilerplate(): string {
  return `<!doctype html><html lang="en"><head><title>Pier vote ends long dispute | The Harbor Ledger</title>
<meta property="og:site_name" content="The Harbor Ledger"></head>
<body>
<header><a href="/">The Harbor Ledger</a><nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
<main><article class="story">
  <h1>Pier vote ends long dispute</h1>
  <p class="byline">By Jane Roe and John Poe, Staff Writers</p>
  <p>${P1}</p>
  <div class="ad-slot">Advertisement</div>
  <p>${P2}</p>
  <figure><img src="pier.jpg"><figcaption>The old pier at dawn. (Photo: Harbor Ledger)</figcaption></figure>
  <h2>${H2}</h2>
  <p>${P3}</p>
  <ul><li>${LI1}</li><li>${LI2}</li></ul>
  <div class="newsletter-signup"><p>Sign up for our morning newsletter, with the day's harbour news in your inbox before breakfast.</p><form><input type="email"><button>Subscribe</button></form></div>
</article>
<section class="related-links"><h3>Related stories</h3><ul>
  <li><a href="/a">Ferry company posts record summer season after long delays</a></li>
  <li><a href="/b">Fishing fleet marks centenary with a parade of boats in the bay</a></li></ul></section>
<section id="comments"><h3>Comments</h3><div class="comment"><p>I have waited my whole life for this pier to be fixed, finally some good news for the town.</p></div></section>
</main>
<aside><p>Most read: a long list of other stories that should never appear in the article text at all.</p></aside>
<footer><p>© 2024 The Harbor Ledger. All rights reserved.</p></footer>
</body></html>`;
}

test('HTML: only the article paragraphs, headings and list items, separated by blank lines', () => {
  const article = extractArticle(html(pageWithBoilerplate()));
  assert.equal(article.text, [P1, P2, H2, P3, LI1, LI2].join('\n\n'));
  assert.equal(article.title, 'Pier vote ends long dispute');
  assert.equal(article.outlet, 'The Harbor Ledger');
  assert.deepEqual(article.authors, ['Jane Roe', 'John Poe']);
  assert.equal(article.language, 'en');
  assert.equal(article.provenance.language?.rule, 'declared+function-words', '<html lang="en"> confirmed by the English text');
  assert.equal(article.provenance.outlet?.rule, 'meta.og:site_name');
});

test('HTML: JSON-LD metadata (organisation author dropped, offset kept, dateModified -> updated)', () => {
  const jsonLd = {
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'WebSite', '@id': '#site', name: 'The Harbor Ledger' },
      {
        '@type': 'NewsArticle',
        headline: 'Ferry company joins pier funding',
        author: [
          { '@type': 'Person', name: 'Marta Quill' },
          { '@type': 'Person', name: 'Osric Lamb' },
          { '@type': 'Organization', name: 'The Harbor Ledger' },
        ],
        datePublished: '2023-03-14T09:30:00+01:00',
        dateModified: '2023-03-15T11:05:00+01:00',
        publisher: { '@type': 'NewsMediaOrganization', name: 'The Harbor Ledger' },
        keywords: 'harbour, ferries, Brindlemoor',
        description: 'The ferry company will pay a third of the pier repairs.',
      },
    ],
  };
  const page = `<html><head><script type="application/ld+json">${JSON.stringify(jsonLd)}</script></head>
<body><article><p>${P1}</p><p>${P3}</p></article></body></html>`;
  const article = extractArticle(html(page));
  assert.equal(article.title, 'Ferry company joins pier funding');
  assert.deepEqual(article.authors, ['Marta Quill', 'Osric Lamb']);
  assert.equal(article.published, '2023-03-14T09:30+01:00');
  assert.equal(article.updated, '2023-03-15T11:05+01:00');
  assert.equal(article.outlet, 'The Harbor Ledger');
  assert.deepEqual(article.tags, ['harbour', 'ferries', 'Brindlemoor']);
  assert.equal(article.description, 'The ferry company will pay a third of the pier repairs.');
  assert.equal(article.credit, null);
  assert.deepEqual(
    {
      title: article.provenance.title?.rule, authors: article.provenance.authors?.rule,
      published: article.provenance.published?.rule, updated: article.provenance.updated?.rule,
      outlet: article.provenance.outlet?.rule, tags: article.provenance.tags?.rule,
    },
    {
      title: 'jsonld.headline', authors: 'jsonld.author', published: 'jsonld.datePublished',
      updated: 'jsonld.dateModified', outlet: 'jsonld.publisher', tags: 'jsonld.keywords',
    },
  );
});

test('HTML: meta tags (OpenGraph, article:*, author, description) and title suffix removal', () => {
  const page = `<html><head>
<title>Lighthouse keeper retires after 40 years - Coastline Courier</title>
<meta property="og:title" content="Lighthouse keeper retires after 40 years | Coastline Courier">
<meta property="og:site_name" content="Coastline Courier">
<meta property="article:published_time" content="2022-08-02T07:00:00Z">
<meta property="article:modified_time" content="2022-08-02T18:45:30-04:00">
<meta property="article:tag" content="Lighthouses"><meta property="article:tag" content="Retirement">
<meta name="author" content="Coastline Courier, Pell Rowan">
<meta name="description" content="After four decades, the keeper of Gull Point hands over the keys.">
<meta property="og:url" content="https://courier.example/2022/08/02/keeper-retires">
</head><body><div class="content"><p>${P2}</p><p>${P3}</p></div></body></html>`;
  const article = extractArticle(html(page));
  assert.equal(article.title, 'Lighthouse keeper retires after 40 years');
  assert.equal(article.outlet, 'Coastline Courier');
  assert.equal(article.published, '2022-08-02T07:00+00:00');
  assert.equal(article.updated, '2022-08-02T18:45:30-04:00');
  assert.deepEqual(article.tags, ['Lighthouses', 'Retirement']);
  assert.deepEqual(article.authors, ['Pell Rowan'], 'the outlet named as author is dropped');
  assert.equal(article.description, 'After four decades, the keeper of Gull Point hands over the keys.');
  assert.equal(article.url, 'https://courier.example/2022/08/02/keeper-retires');
  assert.equal(article.provenance.published?.rule, 'meta.article:published_time');
  assert.equal(article.provenance.title?.rule, 'meta.og:title');
});

test('byline "By Jane Roe and John Poe, Staff Writers" gives two people', () => {
  const page = `<html><body><article><div class="byline">By Jane Roe and John Poe, Staff Writers</div>
<p>${P1}</p><p>${P2}</p></article></body></html>`;
  const fromHtml = extractArticle(html(page));
  assert.deepEqual(fromHtml.authors, ['Jane Roe', 'John Poe']);
  assert.equal(fromHtml.provenance.authors?.rule, 'html.byline');

  const fromText = extractArticle(text(`Pier vote ends a long dispute in Brindlemoor\n\nBy Jane Roe and John Poe, Staff Writers\n\n${P1}\n\n${P2}\n`));
  assert.deepEqual(fromText.authors, ['Jane Roe', 'John Poe']);
  assert.equal(fromText.title, 'Pier vote ends a long dispute in Brindlemoor');
});

test('wire credit "(Reuters)" goes to credit, never to authors', () => {
  const dateline = extractArticle(text(`Port strike spreads to northern terminals\n\nBRINDLEMOOR (Reuters) - ${P1}\n\n${P2}\n`));
  assert.equal(dateline.credit, 'Reuters');
  assert.deepEqual(dateline.authors, []);
  assert.equal(dateline.provenance.credit?.rule, 'text.wire-dateline');

  const byline = extractArticle(html(`<html><head><meta name="author" content="Anna Vell, Reuters"></head>
<body><article><p>${P1}</p><p>${P2}</p></article></body></html>`));
  assert.deepEqual(byline.authors, ['Anna Vell']);
  assert.equal(byline.credit, 'Reuters');

  const agencyOnly = extractArticle(html(`<html><head><meta name="author" content="The Associated Press"></head>
<body><article><p>${P1}</p><p>${P2}</p></article></body></html>`));
  assert.deepEqual(agencyOnly.authors, []);
  assert.equal(agencyOnly.credit, 'AP');
});

test('a time whose zone is unknown has no Z and no offset', () => {
  const fromText = extractArticle(
    text(`Skip to content\nPier vote ends a long dispute in Brindlemoor\n\nby Marta Quill March 3, 2023 4:15 PM 3 min read\n\n${P1}\n\n${P2}\n`),
  );
  assert.deepEqual(fromText.authors, ['Marta Quill']);
  assert.equal(fromText.published, '2023-03-03T16:15');
  assert.equal(fromText.provenance.published?.rule, 'text.byline');

  const fromMeta = extractArticle(html(`<html><head><meta property="article:published_time" content="2023-03-03T16:15:00"></head>
<body><article><p>${P1}</p><p>${P2}</p></article></body></html>`));
  assert.equal(fromMeta.published, '2023-03-03T16:15');
  assert.ok(!fromMeta.published.includes('Z'));
});

test('caller values beat the page: outlet, published, url', () => {
  const article = extractArticle(
    html(pageWithBoilerplate(), { outlet: 'Ledger Weekly', published: '2024-02-01', url: 'https://ledger.example/2023/01/01/pier' }),
  );
  assert.equal(article.outlet, 'Ledger Weekly');
  assert.equal(article.published, '2024-02-01');
  assert.equal(article.url, 'https://ledger.example/2023/01/01/pier');
  assert.equal(article.provenance.outlet?.rule, 'input.outlet');
  assert.equal(article.provenance.published?.rule, 'input.published');
  assert.equal(article.provenance.url?.rule, 'input.url');

  const fromUrl = extractArticle(html(`<html><body><article><p>${P1}</p></article></body></html>`, { url: 'https://ledger.example/2023/01/05/pier' }));
  assert.equal(fromUrl.published, '2023-01-05');
  assert.equal(fromUrl.provenance.published?.rule, 'url.path');
});

test('language is detected on the main text', () => {
  const english = extractArticle(text(`${P1}\n\n${P2}\n\n${P3}`));
  assert.equal(english.language, 'en');
  const german = extractArticle(
    text('Der Hafenrat von Brindlemoor hat am Dienstag beschlossen, den alten Leuchtturmsteg wieder aufzubauen.\n\nDie Arbeiten sollen im Frühjahr beginnen, und die Fischereiflotte behält während der Bauzeit ihre Liegeplätze.'),
  );
  assert.equal(german.language, 'de');
});

test('no article text -> PipelineError no_content', () => {
  const isNoContent = (error: unknown): boolean => {
    assert.ok(error instanceof PipelineError);
    assert.equal(error.code, 'no_content');
    assert.match(error.message, /no article text/);
    return true;
  };
  assert.throws(() => extractArticle(html('<html><head><title>Empty</title></head><body></body></html>')), isNoContent);
  assert.throws(
    () => extractArticle(html('<html><body><nav><a href="/">Home</a><a href="/news">News</a></nav><footer>© 2024 Example</footer></body></html>')),
    isNoContent,
  );
  assert.throws(() => extractArticle(text('Skip to content\nSubscribe\n* indicates required\nAdvertisement\n')), isNoContent);
});

// Time itself is measured by the benchmark (`npm run bench -- extract`: slowest page), not here: a wall-clock
// bound in a unit test fails on a busy machine. This test is about depth: no stack overflow, the right text.
test('pathological nesting (20,000 divs) gives the article without a stack overflow', () => {
  const depth = 20_000;
  const page = `<html><body>${'<div>'.repeat(depth)}<p>${P1}</p><p>${P2}</p>${'</div>'.repeat(depth)}</body></html>`;
  const budgetMs = 30_000;
  const article = extractArticle(html(page), { timeBudgetMs: budgetMs });
  assert.equal(article.text, `${P1}\n\n${P2}`);

  const unclosed = `<html><body>${'<div><span>'.repeat(depth)}<p>${P3}</p></body></html>`;
  const second = extractArticle(html(unclosed), { timeBudgetMs: budgetMs });
  assert.equal(second.text, P3);
});

test('a spent time budget gives PipelineError timeout', () => {
  const page = `<html><body>${`<p>${P1}</p>`.repeat(2000)}</body></html>`;
  assert.throws(
    () => extractArticle(html(page), { timeBudgetMs: 0 }),
    (error: unknown) => error instanceof PipelineError && error.code === 'timeout',
  );
});

test('text mode: teasers of other articles after the body are left out', () => {
  const page = [
    'Skip to content', 'Pier vote ends a long dispute in Brindlemoor', '', P1, '', P2, '', P3, '',
    'Ferry company posts record summer season', 'The ferry operator carried more passengers than in any year since the line opened, and plans…',
    '', 'MORE NEWS', 'Subscribe', '* indicates required', 'Subscribe', '* indicates required', 'Subscribe',
  ].join('\n');
  const article = extractArticle(text(page));
  assert.equal(article.text, [P1, P2, P3].join('\n\n'));
  assert.equal(article.title, 'Pier vote ends a long dispute in Brindlemoor');
});
