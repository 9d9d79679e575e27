/**
 * Metadata rules of the extract stage (title, dates, authors, credit, outlet, language), on fictional pages,
 * through extractArticle; plus the written-date finder on its own. Every outlet, person and event is invented.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import type { ExtractedArticle } from '../model.ts';
import { extractArticle } from './index.ts';
import { choosePublished, deferredCandidate, findWrittenDate, findWrittenDates } from './meta-dates.ts';

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
  assert.equal(a.provenance.title?.rule, 'html.title-article');
});

test('title: a declared title is taken verbatim, ahead of a differing h1 and of the <title>', () => {
  const a = extract(page({
    head: '<meta property="og:title" content="Dunmere flood gates open | Riverside Gazette"><title>Gates open - Riverside Gazette</title>',
    header: '<h1>Dunmere flood gates finally open after three years of work</h1>',
  }));
  assert.equal(a.title, 'Dunmere flood gates open | Riverside Gazette');
  assert.equal(a.provenance.title?.rule, 'meta.og:title');
});

test('title: Dublin Core beats OpenGraph, which beats twitter:title; the last meta of a key wins', () => {
  const a = extract(page({
    head: '<meta name="twitter:title" content="Twitter says gates"><meta property="og:title" content="Open Graph says gates">' +
      '<meta name="DC.title" content="Early Dublin Core title"><meta name="DC.title" content="Dublin Core says gates">',
  }));
  assert.equal(a.title, 'Dublin Core says gates');
  assert.equal(a.provenance.title?.rule, 'meta.dc:title');
});

test('title: JSON-LD (also wrapped in CDATA) comes first; of a differing name and headline, the one agreeing with <title>', () => {
  const ld = (value: object): string => `<script type="application/ld+json">\n<![CDATA[\n${JSON.stringify(value)}\n]]>\n</script>`;
  const headline = extract(page({
    head: ld({ '@context': 'https://schema.org', '@type': 'NewsArticle', name: 'Gazette front page', headline: 'Dunmere flood gates open on the eastern bank' }) +
      '<meta property="og:title" content="Gates!"><title>Dunmere flood gates open on the eastern bank | Riverside Gazette</title>',
  }));
  assert.equal(headline.title, 'Dunmere flood gates open on the eastern bank');
  assert.equal(headline.provenance.title?.rule, 'jsonld.headline');
  const name = extract(page({
    head: ld({ '@context': 'http://schema.org', '@type': 'BlogPosting', name: 'Notes from the eastern bank', headline: 'Notes' }) + '<title>Something else entirely here</title>',
  }));
  assert.equal(name.title, 'Notes from the eastern bank');
  const noContext = extract(page({ head: ld({ '@type': 'NewsArticle', headline: 'Without a context' }) + '<meta property="og:title" content="The OpenGraph title">' }));
  assert.equal(noContext.title, 'The OpenGraph title', 'a JSON-LD block without a schema.org context declares no title');
});

test('title: the <title> separator rules', () => {
  const titleOf = (title: string, body = BODY): string | null => extract(page({ head: `<title>${title}</title>`, body })).title;
  assert.equal(titleOf('Flood gates open on the eastern bank - Riverside Gazette - News'), 'Flood gates open on the eastern bank - Riverside Gazette');
  assert.equal(titleOf('Gazette | Flood gates open on the eastern bank'), 'Flood gates open on the eastern bank', 'too few words before the separator: the first part goes');
  assert.equal(titleOf('Gates open | Riverside Gazette'), 'Gates open | Riverside Gazette', 'a cut leaving two words is undone');
  assert.equal(titleOf('Riverside: Flood gates open on the eastern bank'), 'Flood gates open on the eastern bank');
  assert.equal(titleOf('Riverside: Flood gates open', `<h2>Riverside: Flood gates open</h2>${BODY}`), 'Riverside: Flood gates open', 'a heading spells it whole');
  assert.equal(titleOf('Gates', `<h1>Dunmere opens its flood gates</h1>${BODY}`), 'Dunmere opens its flood gates', 'a very short <title> gives way to the only h1');
});

test('title: entities escaped twice are decoded', () => {
  const a = extract(page({ head: '<meta property="og:title" content="Gates &amp;amp; pumps: &amp;#8220;done&amp;#8221;">' }));
  assert.equal(a.title, 'Gates & pumps: \u201cdone\u201d');
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

// ---------------------------------------------------------------------------------------------------
// Where the date is read: layout wrappers, asides, RDFa, last resorts

test('date: a wrapper named like a sidebar or a page-wide form that holds the headline is no foreign box', () => {
  const sidebarContent = extract(page({
    body: `<div class="sidebar_content"><h1>Gates open</h1><div class="post-date"><time datetime="2021-03-04">4 March 2021</time></div>${BODY}</div>`,
  }));
  assert.equal(sidebarContent.published, '2021-03-04');
  const form = extract(`<html><body><form id="pageForm"><nav class="menu"><a href="/">Home</a></nav><h1>Gates open</h1>
    <span class="date">12.02.2020</span>${BODY}</form></body></html>`);
  assert.equal(form.published, '2020-02-12');
});

test('date: an <aside> right inside the article holds its date; a sidebar <aside> does not', () => {
  const a = extract(page({ header: '<h1>Gates</h1><aside class="blogData"><dl><dt>Datum</dt><dd class="date">12.01.2017</dd></dl></aside>' }));
  assert.equal(a.published, '2017-01-12');
  const b = extract(page({ header: '<h1>Gates</h1>', after: '<aside><span class="date">03.03.2018</span></aside>' }));
  assert.notEqual(b.published, '2018-03-03');
});

test('date: RDFa content on a visible element; Russian and Polish month names', () => {
  const rdfa = extract(page({ header: '<h1>Gates</h1><span property="schema:dateCreated" content="2022-01-28T12:45:46+00:00"></span>' }));
  assert.equal(rdfa.published, '2022-01-28T12:45:46+00:00');
  assert.equal(findWrittenDate('15 августа 2016, 13:43')?.value, '2016-08-15T13:43');
  assert.equal(findWrittenDate('3 października 2021')?.value, '2021-10-03');
});

test('date: a bare Dublin Core date meta gives way to the <time> readers see', () => {
  const a = extract(page({
    head: '<meta name="DCTERMS.date" content="2022-01-21T09:43:00+01:00">',
    header: '<h1>Gates</h1><time datetime="2022-01-25T08:00:00+01:00">25.01.2022</time>',
  }));
  assert.equal(a.published, '2022-01-25T08:00+01:00');
});

test('date: last resorts: a date in the description, then a <time> in a sidebar, never one in the comments', () => {
  const described = extract(page({ head: '<meta name="description" content="The gates of Dunmere (news of 14 Gennaio 2020)">' }));
  assert.equal(described.published, '2020-01-14');
  const sidebar = extract(page({
    after: '<div class="sidebar"><time datetime="2022-01-28">28. Januar 2022</time></div>',
  }));
  assert.equal(sidebar.published, '2022-01-28');
  assert.equal(sidebar.provenance.published?.rule, 'html.time-any');
  const comments = extract(page({ after: '<div class="comments"><time datetime="2022-02-02">2 Feb 2022</time></div>' }));
  assert.equal(comments.published, null);
});

test('date: a date deep in a long text is found; deferred last resorts run only when needed', () => {
  const filler = 'The gates were tested again. '.repeat(200);
  const found = findWrittenDates(`${filler} It opened on 4 March 2021 at 10:30. ${filler} Closed 5 March 2021.`);
  assert.deepEqual(found.map((d) => d.value), ['2021-03-04T10:30', '2021-03-05']);
  let runs = 0;
  const lastResort = deferredCandidate(() => {
    runs++;
    return { value: '2019-01-01', rule: 'test.deferred' };
  });
  assert.equal(choosePublished([{ value: '2024-05-03', rule: 'meta.test' }, lastResort], null, null)?.value, '2024-05-03');
  assert.equal(runs, 0, 'a date found earlier leaves the last resort unrun');
  assert.equal(choosePublished([{ value: 'no date', rule: 'meta.test' }, lastResort], null, null)?.value, '2019-01-01');
  assert.equal(runs, 1);
});

// ---------------------------------------------------------------------------------------------------
// Authors: what follows a name

test('authors: a trailing dash, a home page or a remark in brackets, a role or outlet after the name', () => {
  const byline = (text: string): string[] => extract(page({ header: `<h1>Gates</h1><span class="byline">${text}</span>` })).authors;
  assert.deepEqual(byline('Mara Quillon —'), ['Mara Quillon']);
  assert.deepEqual(byline('Tomas Ferrant (http://ferrant.example/tomas/)'), ['Tomas Ferrant']);
  assert.deepEqual(byline('Par Lucie Vantal (avec Odo Brenn et Ilse Marr)'), ['Lucie Vantal']);
  assert.deepEqual(byline('By Nell Castor Harbor Health News'), ['Nell Castor']);
  assert.deepEqual(byline('Otto Brisk Games Editor'), ['Otto Brisk']);
  assert.deepEqual(byline('Riverside News Team'), [], 'no person named');
});

test('date: a labelled date anywhere ("Datum: ..."), a camelCase date class, a link to a "Publication" is no dateline', () => {
  const labelled = extract(page({
    body: `<div class="intro"><p>Founded in 01.01.2001, the authority runs nine gates.</p></div>${BODY}<p>Datum: 19.11.2021</p><p>Seen 30.11.2021</p><p>Seen 30.11.2021</p>`,
  }));
  assert.equal(labelled.published, '2021-11-19');
  assert.equal(labelled.provenance.published?.rule, 'text.labelled-date');
  const camel = extract(page({ header: '<h1>Gates</h1>', after: '<footer><span class="itemPostDate">am 25.08.2015 22:30</span></footer>' }));
  assert.equal(camel.published, '2015-08-25T22:30');
  const publication = extract(page({
    header: '<h1>Gates</h1><p><em>10.11.2021</em></p>',
    after: '<ul><li><a class="Publication" href="/report-29.pdf">Report of 29. Oktober 2021</a></li></ul>',
  }));
  assert.equal(publication.published, '2021-11-10');
});
