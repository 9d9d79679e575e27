/**
 * Metadata rules of the extract stage (title, dates, authors, credit, outlet, language), on fictional pages,
 * through extractArticle; plus the written-date finder on its own. Every outlet, person and event is invented.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import type { ExtractedArticle } from '../model.ts';
import { extractArticle } from './index.ts';
import { findWrittenDate, findWrittenDates } from './meta-dates.ts';

const BODY = [
  'The river authority of Dunmere opened the new flood gates on the eastern bank after three years of building work, officials said.',
  'Engineers tested each of the nine gates twice before the opening, and the authority said the system would protect about 4,000 homes.',
  'Residents of the lower town, which flooded twice in the past decade, welcomed the gates but asked for a second pumping station.',
].map((p) => `<p>${p}</p>`).join('\n');

interface PageParts {
  head?: string;
  header?: string;
  after?: string;
  lang?: string;
  body?: string;
}

function page(parts: PageParts): string {
  return `<!DOCTYPE html><html${parts.lang ? ` lang="${parts.lang}"` : ''}><head><meta charset="utf-8">${parts.head ?? ''}</head>
<body><nav class="menu"><a href="/">Home</a></nav><article><header>${parts.header ?? ''}</header>
${parts.body ?? BODY}</article>${parts.after ?? ''}</body></html>`;
}

function extract(html: string, url: string | null = null): ExtractedArticle {
  return extractArticle({ input: 'fixture.html', kind: 'html', content: html, url });
}

// ---------------------------------------------------------------------------------------------------
// Title

test('title: og:title wins over an h1 that is the site logo', () => {
  const a = extract(page({
    head: '<meta property="og:title" content="Dunmere opens its new flood gates"><title>Dunmere opens its new flood gates | Riverside Gazette</title>',
    header: '',
    after: '',
    body: `<h1>Riverside Gazette</h1>${BODY}`,
  }));
  assert.equal(a.title, 'Dunmere opens its new flood gates');
  assert.equal(a.provenance.title?.rule, 'meta.og:title');
});

test('title: <title> loses its site suffix when no other title is given; an unrelated h1 is ignored', () => {
  const a = extract(page({ head: '<title>Flood gates open in Dunmere | Riverside Gazette</title>', body: `<h1>Lorem</h1>${BODY}` }));
  assert.equal(a.title, 'Flood gates open in Dunmere');
  assert.equal(a.provenance.title?.rule, 'html.title');
});

test('title: an h1 close to the metadata title is the headline readers see', () => {
  const a = extract(page({
    head: '<meta property="og:title" content="Dunmere flood gates open after three years">',
    header: '<h1>Dunmere flood gates finally open after three years of work</h1>',
  }));
  assert.equal(a.title, 'Dunmere flood gates finally open after three years of work');
  assert.equal(a.provenance.title?.rule, 'html.h1');
});

test('title: a dash inside the headline is kept when the page names its site', () => {
  const a = extract(page({
    head: '<meta property="og:site_name" content="Riverside Gazette"><title>Gate 9 - The Last Piece | Riverside Gazette</title>',
  }));
  assert.equal(a.title, 'Gate 9 - The Last Piece');
});

test('title: Dublin Core spelt with a colon and space-separated properties are read', () => {
  const a = extract(page({ head: '<meta property="dc:title twitter:title" content="Flood gates open on the eastern bank">' }));
  assert.equal(a.title, 'Flood gates open on the eastern bank');
});

// ---------------------------------------------------------------------------------------------------
// Published and updated dates

test('date: JSON-LD datePublished first, dateModified kept apart as updated, offset kept', () => {
  const jsonld = JSON.stringify({
    '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Flood gates open',
    datePublished: '2024-05-23T09:15:00+02:00', dateModified: '2024-05-24T10:00:00+02:00',
  });
  const a = extract(page({
    head: `<script type="application/ld+json">${jsonld}</script><meta property="article:published_time" content="2024-05-20T08:00:00+02:00">`,
  }));
  assert.equal(a.published, '2024-05-23T09:15+02:00');
  assert.equal(a.updated, '2024-05-24T10:00+02:00');
  assert.equal(a.provenance.published?.rule, 'jsonld.datePublished');
});

test('date: article:published_time meta tag', () => {
  const a = extract(page({ head: '<meta property="article:published_time" content="2023-11-02T17:40:00Z">' }));
  assert.equal(a.published, '2023-11-02T17:40+00:00');
});

test('date: <time> in the article header, not the one in the comments', () => {
  const a = extract(page({
    header: '<time datetime="2022-03-14T08:30:00+01:00">14 March 2022</time>',
    after: '<section class="comments"><time datetime="2022-04-01T12:00:00+01:00">1 April 2022</time></section>',
  }));
  assert.equal(a.published, '2022-03-14T08:30+01:00');
});

test('date: the first <time> of the page in a sidebar is skipped', () => {
  const a = extract(page({
    header: '<time datetime="2021-06-29">29 June 2021</time>',
    body: `<aside class="sidebar"><time>15h14</time></aside>${BODY}`,
  }));
  assert.equal(a.published, '2021-06-29');
});

test('date: a visible German dateline "23. Mai 2019" in a date element', () => {
  const a = extract(page({ lang: 'de', header: '<h1>Neue Schleusen in Dunmere</h1><div class="article-date">Veröffentlicht am 23. Mai 2019, 14:05 Uhr</div>' }));
  assert.equal(a.published, '2019-05-23T14:05');
  assert.ok(!a.published?.endsWith('Z'), 'zone unknown: no Z');
});

test('date: numeric day-first, French and Spanish datelines under the headline', () => {
  assert.equal(extract(page({ header: '<h1>Schleusen</h1><p class="meta">23.05.2019</p>' })).published, '2019-05-23');
  assert.equal(extract(page({ lang: 'fr', header: '<h1>Les écluses de Dunmere</h1><p>Publié le 29 juin 2019</p>' })).published, '2019-06-29');
  assert.equal(extract(page({ lang: 'es', header: '<h1>Las compuertas de Dunmere</h1><p>5 de marzo de 2024</p>' })).published, '2024-03-05');
});

test('date: "Updated" dates are kept apart from the publication date', () => {
  const a = extract(page({ header: '<h1>Gates</h1><div class="dateline">Published May 3, 2024 · Updated May 4, 2024</div>' }));
  assert.equal(a.published, '2024-05-03');
  assert.equal(a.updated, '2024-05-04');
});

test('date: relative expressions without a reference give no date', () => {
  const a = extract(page({ header: '<h1>Gates</h1><div class="date">Updated 2 hours ago</div><div class="timestamp">Yesterday</div>' }));
  assert.equal(a.published, null);
  assert.equal(a.updated, null);
});

test('date: dates before 1995 and impossible days are rejected', () => {
  assert.equal(extract(page({ head: '<meta property="article:published_time" content="1989-11-09">' })).published, null);
  assert.equal(extract(page({ head: '<meta property="article:published_time" content="2023-02-30">' })).published, null);
});

test('date: a UTC timestamp one day after the URL\'s day gives the URL\'s (the publisher\'s local) day', () => {
  const a = extract(page({ head: '<meta property="article:published_time" content="2023-11-09T03:28:35+00:00">' }), 'https://gazette.example/2023/11/08/gates-open/');
  assert.equal(a.published, '2023-11-08');
  assert.match(a.provenance.published?.rule ?? '', /^url\.path/);
});

test('date: the URL date when the page states none; <abbr title> of blog templates', () => {
  assert.equal(extract(page({}), 'https://gazette.example/news/2020/01/14/gates').published, '2020-01-14');
  const a = extract(page({ after: '<div class="post-footer">Posted at <abbr class="published" title="2016-12-23T05:11:00-05:00">5:11 AM</abbr></div>' }));
  assert.equal(a.published, '2016-12-23T05:11-05:00');
});

test('written dates: formats, languages and what is not a date', () => {
  assert.equal(findWrittenDate('Friday, December 23, 2016')?.value, '2016-12-23');
  assert.equal(findWrittenDate('2019年5月23日 10:30')?.value, '2019-05-23T10:30');
  assert.equal(findWrittenDate('am 1. März 2020')?.value, '2020-03-01');
  assert.equal(findWrittenDate('le 7 mai 2020 - 12:38')?.value, '2020-05-07T12:38');
  assert.equal(findWrittenDate('May 3, 2024 at 4:05 pm EDT')?.value, '2024-05-03T16:05-04:00');
  assert.equal(findWrittenDate('05/06/2019', true)?.value, '2019-05-06', 'month first on US pages');
  assert.equal(findWrittenDate('05/06/2019', false)?.value, '2019-06-05', 'day first elsewhere');
  assert.equal(findWrittenDate('The mayor said 2019 was a hard year'), null);
  assert.equal(findWrittenDate('3 hours ago'), null);
  assert.equal(findWrittenDates('From 12.01.2017 to 14.01.2017').length, 2);
});

// ---------------------------------------------------------------------------------------------------
// Authors and credit

test('authors: people only; outlet, staff and dates glued to the name are removed', () => {
  const a = extract(page({
    head: '<meta property="og:site_name" content="Riverside Gazette">',
    header: '<h1>Gates</h1><div class="byline">By Mara Quillon and Riverside Gazette Staff May 3, 2024</div>',
  }));
  assert.deepEqual(a.authors, ['Mara Quillon']);
});

test('authors: a wire credit goes to credit, also an agency named by its kind', () => {
  const reuters = extract(page({ header: '<h1>Gates</h1><p class="byline">By Tomas Ferrant, Reuters</p>' }));
  assert.deepEqual(reuters.authors, ['Tomas Ferrant']);
  assert.equal(reuters.credit, 'Reuters');
  const agency = extract(page({ header: '<h1>Gates</h1><p class="byline">By Tomas Ferrant, Lowland Press Agency</p>' }));
  assert.deepEqual(agency.authors, ['Tomas Ferrant']);
  assert.equal(agency.credit, 'Lowland Press Agency');
});

test('authors: byline prefixes in other languages and glued "by"; a date before the name', () => {
  assert.deepEqual(extract(page({ header: '<h1>Compuertas</h1><span class="author">por Lucía Ferreira</span>' })).authors, ['Lucía Ferreira']);
  assert.deepEqual(extract(page({ header: '<h1>Gates</h1><span class="byline">byMara Quillon</span>' })).authors, ['Mara Quillon']);
  assert.deepEqual(extract(page({ header: '<h1>Gates</h1><div class="publish-date-author">Dec. 19, 2025 · Aldo Brenn on behalf of the Tools team</div>' })).authors, ['Aldo Brenn']);
});

test('authors: a personal site named after its author keeps the author', () => {
  const jsonld = JSON.stringify({ '@type': 'BlogPosting', headline: 'Notes on gates', author: { '@type': 'Person', name: 'Ivo Harlan' }, publisher: { '@type': 'Person', name: 'Ivo Harlan' } });
  const a = extract(page({ head: `<script type="application/ld+json">${jsonld}</script><meta property="og:site_name" content="Ivo Harlan">` }));
  assert.deepEqual(a.authors, ['Ivo Harlan']);
  assert.equal(a.outlet, 'Ivo Harlan');
});

test('authors: a link to an author page in the header is a byline; teaser links in related boxes are not', () => {
  const a = extract(page({
    header: '<h1>Gates</h1><a href="/authors/nell-castor">Nell Castor</a>',
    after: '<div class="related-posts"><a href="/authors/otto-brisk">Otto Brisk</a></div>',
  }));
  assert.deepEqual(a.authors, ['Nell Castor']);
});

// ---------------------------------------------------------------------------------------------------
// Outlet

test('outlet: og:site_name, then JSON-LD publisher', () => {
  assert.equal(extract(page({ head: '<meta property="og:site_name" content="Riverside Gazette">' })).outlet, 'Riverside Gazette');
  const jsonld = JSON.stringify({ '@type': 'NewsArticle', headline: 'Gates', publisher: { '@type': 'NewsMediaOrganization', name: 'Lowland Courier' } });
  assert.equal(extract(page({ head: `<script type="application/ld+json">${jsonld}</script>` })).outlet, 'Lowland Courier');
});

test('outlet: the <title> suffix that spells the host, else the host as the last resort', () => {
  const suffix = extract(page({ head: '<title>Flood gates open in Dunmere – Heron Post</title>' }), 'https://heronpost.example/2024/05/03/gates');
  assert.equal(suffix.outlet, 'Heron Post');
  assert.equal(suffix.provenance.outlet?.rule, 'html.title.suffix');
  const host = extract(page({ head: '<title>Flood gates open in Dunmere</title>' }), 'https://www.heronpost.example/gates');
  assert.equal(host.outlet, 'heronpost.example');
  assert.equal(host.provenance.outlet?.rule, 'url.host');
});

test('outlet: a host-like site name gives way to a real name', () => {
  const jsonld = JSON.stringify({ '@type': 'NewsArticle', headline: 'Gates', publisher: { '@type': 'Organization', name: 'Heron Post' } });
  const a = extract(page({ head: `<meta property="og:site_name" content="heronpost.example"><script type="application/ld+json">${jsonld}</script>` }));
  assert.equal(a.outlet, 'Heron Post');
});

// ---------------------------------------------------------------------------------------------------
// Language

test('language: the declared language on a short text, the detector on a long one', () => {
  const short = extract(page({ lang: 'de-AT', body: '<p>Die Schleusen sind offen und alle sind froh.</p>' }));
  assert.equal(short.language, 'de');
  assert.equal(short.provenance.language?.rule, 'html.lang');
  const long = extract(page({ lang: 'de' }));
  assert.equal(long.language, 'en', 'a long English text beats a wrong declaration');
  assert.equal(long.provenance.language?.rule, 'eld.small');
});
