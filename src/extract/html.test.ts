/**
 * Fixture tests of the HTML main-text extractor (html.ts, dom.ts, vocabulary.ts) on fictional pages: one
 * must-contain / must-not-contain fixture per rule, through the stage entry point `extractArticle`.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PipelineError, type ExtractedArticle } from '../model.ts';
import { Deadline } from './deadline.ts';
import { parseHtml, textOf, writtenAttributes } from './dom.ts';
import { extractHtmlText } from './html.ts';
import { extractArticle } from './index.ts';

const P1 = 'The river board of Calloway Sound agreed on Monday to dredge the northern channel, a project that had been postponed, twice, since the floods.';
const P2 = 'Harbourmaster Ilse Varnum, who proposed the plan, said the dredgers would arrive in April and that ferries would keep running on a reduced timetable.';
const P3 = 'The board put the cost at 2.8 million crowns, shared between the port, the county and, for the first time, the fishing cooperative.';
const P4 = 'Residents of the old quay asked for the spoil to be taken out to sea rather than piled on the marsh, and the board promised a study by summer.';
const BODY = [P1, P2, P3, P4];

function page(body: string, head = '<title>Channel to be dredged | The Calloway Courier</title>'): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
}

function paragraphs(list: string[] = BODY): string {
  return list.map((p) => `<p>${p}</p>`).join('\n');
}

function extract(html: string): ExtractedArticle {
  return extractArticle({ input: 'fixture.html', kind: 'html', content: html });
}

function assertContainsAll(text: string, parts: string[]): void {
  for (const part of parts) assert.ok(text.includes(part), `missing: ${part.slice(0, 50)}…`);
}

function assertContainsNone(text: string, parts: string[]): void {
  for (const part of parts) assert.ok(!text.includes(part), `should be left out: ${part}`);
}

test('boilerplate class words: share bars, comments, related lists, newsletter and cookie boxes go', () => {
  const html = page(`
    <div class="page"><article class="story">
      <div class="social-share"><a href="#">Post to Chirper</a> <span>Send to a friend of yours today</span></div>
      ${paragraphs()}
      <div class="newsletterBox"><p>Get the Courier morning briefing in your inbox, every weekday before seven.</p></div>
      <div class="c-related-articles"><p>Lighthouse keepers vote to return to the island after a decade of absence.</p></div>
    </article>
    <section id="comments"><p>Finally somebody is doing something about the channel, I have waited for years to see it.</p></section>
    <div class="cookie-consent"><p>This site stores small files on your device to remember your choices and settings.</p></div>
    <div class="Kommentare"><p>Ein Leser schrieb, dass der Kanal schon viel früher hätte ausgebaggert werden sollen.</p></div></div>`);
  const { text } = extract(html);
  assertContainsAll(text, BODY);
  assertContainsNone(text, ['Post to Chirper', 'morning briefing', 'Lighthouse keepers', 'waited for years', 'small files', 'Ein Leser']);
});

test('class names that describe a state or a modifier do not drop the article (has-ads, --sidebar, label-hidden)', () => {
  const html = page(`
    <section class="o-section o-section--has-ads"><div class="Layout Layout--sidebarPosition-end">
      <div class="field field--label-hidden"><div class="with-comments">${paragraphs()}</div></div>
    </div></section>
    <aside class="sidebar"><p>Weather in the sound: strong winds expected along the northern coast all week.</p></aside>`);
  const { text } = extract(html);
  assertContainsAll(text, BODY);
  assert.ok(!text.includes('strong winds'), 'the real sidebar is still left out');
});

test('weak class words: a lone "widget" goes, "widget Blog" and an article wrapper listing its tags stay', () => {
  const html = page(`
    <div class="widget Blog"><div class="post hentry tag-comments category-ads">${paragraphs()}</div></div>
    <div class="widget"><p>Archive of all the posts of this little harbour blog, sorted by month and by year.</p></div>`);
  const { text } = extract(html);
  assertContainsAll(text, BODY);
  assert.ok(!text.includes('Archive of all the posts'));
});

test('a container dropped by a soft sign is spared when it holds most of the prose; comments never are', () => {
  const inHeader = extract(page(`<nav><a href="/">Home</a></nav><header class="rich-text">${paragraphs()}</header>`));
  assertContainsAll(inHeader.text, BODY);
  const longComments = [1, 2, 3, 4, 5, 6, 7, 8]
    .map((n) => `<p>Reader ${n} writes: the channel has been silting up for as long as anyone on the quay remembers, and it is high time.</p>`)
    .join('');
  const blog = extract(page(`<div class="entry">${paragraphs([P1, P2])}</div><div id="comments">${longComments}</div>`));
  assertContainsAll(blog.text, [P1, P2]);
  assert.ok(!blog.text.includes('Reader 1 writes'), 'comments stay out even when they hold most of the prose');
});

test('hidden elements go: hidden attribute, display:none, screen-reader classes', () => {
  const html = page(`<article>${paragraphs()}
    <p hidden>Secret draft paragraph that the editors never published on the site at all.</p>
    <p style="display: none">Another invisible paragraph that only scripts would ever reveal to readers.</p>
    <span class="sr-only">Opens in a new window</span></article>`);
  const { text } = extract(html);
  assertContainsAll(text, BODY);
  assertContainsNone(text, ['Secret draft', 'invisible paragraph', 'Opens in a new window']);
});

test('itemprop="articleBody" wins over a longer run of teaser paragraphs', () => {
  const teasers = [1, 2, 3, 4, 5, 6]
    .map((n) => `<div class="card"><p>Teaser ${n}: the Calloway ferry company, its captains, its timetables, its fares, and its plans for the years ahead.</p></div>`)
    .join('');
  const html = page(`<div class="grid">${teasers}</div><div itemprop="articleBody">${paragraphs()}</div>`);
  const { text } = extract(html);
  assertContainsAll(text, BODY);
  assert.ok(!text.includes('Teaser 1'));
});

test('link lists go, a long paragraph with inline links stays', () => {
  const linky = `In a statement, the <a href="/board">river board</a> said the <a href="/plan">dredging plan</a> had been reviewed by engineers from three counties, who found no reason to expect damage to the old sea wall or to the oyster beds south of the channel.`;
  const html = page(`<article>${paragraphs()}<p>${linky}</p>
    <ul><li><a href="/a">Ferry fares rise</a></li><li><a href="/b">Quay market reopens</a></li><li><a href="/c">Storm damage report</a></li></ul></article>`);
  const { text } = extract(html);
  assertContainsAll(text, [...BODY, 'In a statement, the river board said the dredging plan had been reviewed']);
  assertContainsNone(text, ['Ferry fares rise', 'Quay market reopens']);
});

test('captions, bylines and datelines stay out of the body', () => {
  const html = page(`<article><h1>Channel to be dredged</h1>
    <p class="writer">By Tamsin Orrell and Jonah Vey</p>
    <p>Updated 12 March 2024, 14:05 CET</p>
    <figure><img src="a.jpg"><figcaption>The northern channel at low tide.</figcaption></figure>
    ${paragraphs()}
    <p>The quay at dawn. (Photo: Calloway Courier)</p>
    <p>Foto: Hanne Lindqvist</p></article>`);
  const { text } = extract(html);
  assertContainsAll(text, BODY);
  assertContainsNone(text, ['By Tamsin Orrell', 'Updated 12 March', 'northern channel at low tide', 'The quay at dawn', 'Hanne Lindqvist']);
  assert.ok(text.startsWith(P1), 'the title heading is not repeated in the text');
});

test('German boilerplate lines (cookie notice, "Lesen Sie auch", share labels) go', () => {
  const de1 = 'Der Gemeinderat von Kallbach hat am Dienstag beschlossen, die alte Mühle am Fluss zu sanieren, nachdem der Streit darüber, nach den meisten Zählungen, elf Jahre gedauert hatte.';
  const de2 = 'Bürgermeisterin Greta Holm sagte, die Arbeiten würden im Frühjahr beginnen, und die Fischer könnten ihre Liegeplätze behalten, solange gebaut werde.';
  const html = page(`<article>
    <p>${de1}</p><p>Lesen Sie auch: Neue Brücke über die Kall wird im Mai eröffnet</p><p>${de2}</p>
    <p>Artikel teilen</p>
    <p>Wir verwenden Cookies, um Inhalte zu personalisieren und die Zugriffe auf unsere Website zu analysieren.</p></article>`);
  const { text } = extract(html);
  assertContainsAll(text, [de1, de2]);
  assertContainsNone(text, ['Lesen Sie auch', 'Artikel teilen', 'Wir verwenden Cookies']);
});

test('structure: headings, lists, blockquotes, tables and pre are kept as separate paragraphs', () => {
  const html = page(`<article>${paragraphs([P1, P2])}
    <h2>What the board decided</h2>
    <ul><li>Dredging starts in April.</li><li>Ferries keep a reduced timetable.</li></ul>
    <blockquote><p>We cannot wait for another flood before we act, said the harbourmaster.</p></blockquote>
    <table><tr><td>Depth before</td><td>2.1 m</td></tr><tr><td>Depth after</td><td>4.5 m</td></tr></table>
    <pre>depth  2.1
depth  4.5</pre>
    <p>First line of a verse<br>second line of the verse</p>${paragraphs([P3, P4])}</article>`);
  const { text } = extract(html);
  const parts = text.split('\n\n');
  for (const expected of ['What the board decided', 'Dredging starts in April.', 'Ferries keep a reduced timetable.',
    'We cannot wait for another flood before we act, said the harbourmaster.']) {
    assert.ok(parts.includes(expected), `paragraph missing: ${expected}`);
  }
  assert.ok(parts.some((p) => p.includes('Depth before') && p.includes('2.1 m')), 'table cells are kept');
  assert.ok(text.includes('depth  2.1\ndepth  4.5'), 'pre keeps its spacing and lines');
  assert.ok(parts.includes('First line of a verse\nsecond line of the verse'), '<br> makes a line break inside a paragraph');
});

test('parser: a head left open, a self-closing <title/> in SVG and entities', () => {
  const unclosedHead = `<html><head><title>Channel</title><div class="content">${paragraphs()}</div></html>`;
  assertContainsAll(extract(unclosedHead).text, BODY);

  const svgTitle = page(`<header><svg viewBox="0 0 10 10"><title/><path d="M0 0"/></svg></header><article>${paragraphs()}</article>`);
  assertContainsAll(extract(svgTitle).text, BODY);

  const parsed = parseHtml('<p>Caf&eacute; &amp; bar &#8211; &#x2019;s &nbsp;&#150; &unknown; &copy 2024</p>', new Deadline(1000));
  assert.equal(textOf(parsed.root), 'Café & bar – ’s \u00a0– &unknown; © 2024');
  // Attributes the stage never reads (data-*, src) are skipped; quoting, case and entities are handled for the rest.
  const attrs = parseHtml('<A HREF="/x?a=1&amp;b=2" data-x=\'q"r>\' src="a.jpg" Class=\'lead "one"\' title=plain>t</a>', new Deadline(1000)).elements[1].attrs;
  assert.deepEqual(writtenAttributes(attrs), { href: '/x?a=1&b=2', class: 'lead "one"', title: 'plain' });
  assert.equal(parseHtml('<DIV Class=x><P>a</P></Div><span>b</span>', new Deadline(1000)).elements.map((e) => e.tag).join(' '), '#root div p span');
});

test('fallback sequence: scored -> every kept paragraph -> tag rules only, each rule named', () => {
  const scored = extract(page(`<article>${paragraphs()}</article>`));
  assert.equal(scored.provenance.text?.rule, 'html.scored');

  // An <aside> holding most of the prose is spared by the strict pass.
  const aside = extract(page(`<aside class="story">${paragraphs()}</aside>`));
  assertContainsAll(aside.text, BODY);
  assert.equal(aside.provenance.text?.rule, 'html.scored');

  // A <form> (ASP.NET pages) wraps the article and other prose: the strict pass drops it all, the
  // lenient pass (tag rules only) finds the article.
  const other = [P1, P2, P3].map((p) => `<p>${p.replace('river board', 'ferry company')}</p>`).join('');
  const form = extract(page(`<form id="aspnetForm"><div class="story">${paragraphs()}</div></form><aside>${other}${other}</aside>`));
  assertContainsAll(form.text, BODY);
  assert.match(form.provenance.text?.rule ?? '', /^html\.lenient-/);

  // Short lines spread over a table: no container scores enough, every kept paragraph is taken.
  const cells = ['The ferry leaves at nine.', 'It returns at noon, weather allowing.', 'Tickets are sold on board.',
    'Dogs travel free of charge.', 'Bicycles cost two crowns.', 'The café on deck opens at ten.',
    'Children under five ride free.', 'Season passes are sold at the quay office.'];
  const table = extract(page(`<table>${cells.map((c) => `<tr><td><b>${c}</b></td></tr>`).join('')}</table>`));
  assertContainsAll(table.text, cells);
});

test('a page too large to score gets the simple pass, within the time budget', () => {
  const filler = '<span>x</span>'.repeat(60_000);
  const html = page(`<div>${filler}</div><article>${paragraphs()}</article>`);
  const started = performance.now();
  const parsed = parseHtml(html, new Deadline(5000));
  const found = extractHtmlText(parsed, null, new Deadline(5000));
  assert.equal(found.rule, 'html.simple');
  assertContainsAll(found.text, BODY);
  assert.ok(performance.now() - started < 5000);
});

test('a page of navigation only has no content', () => {
  assert.throws(
    () => extract(page('<nav><a href="/">Home</a> <a href="/news">News</a></nav><div class="footer">Imprint · Privacy</div>')),
    (error: unknown) => error instanceof PipelineError && error.code === 'no_content',
  );
});

test('a page whose whole text is short is still an article; a short remainder of a boilerplate page is not', () => {
  const tiny = extract(page('<main><p>Ferry resumes at noon</p></main>', '<title>Notice</title>'));
  assert.equal(tiny.text, 'Ferry resumes at noon');
  assert.equal(tiny.provenance.text?.rule, 'html.fallback');

  // Its only text is a link: nothing else on the page, so the link text is the article.
  const linkOnly = extract(page('<a href="/tides"><p>Tide tables</p> for April</a>', '<title>Tides</title>'));
  assert.equal(linkOnly.provenance.text?.rule, 'html.whole-page');
  assertContainsAll(linkOnly.text, ['Tide tables', 'for April']);

  // The same short line beside a block the rules remove: what is left of a larger page, not an article.
  assert.throws(
    () => extract(page('<div style="display:none">Latest quay news and ferry times</div><p>Ferry resumes at noon</p>', '<title>Notice</title>')),
    (error: unknown) => error instanceof PipelineError && error.code === 'no_content',
  );
});

test('headings and lead-in lines left at the end without their section go; a heading before prose stays', () => {
  const html = page(`<article><h1>Channel to be dredged</h1>${paragraphs([P1, P2])}<h2>Costs shared three ways</h2>${paragraphs([P3, P4])}
    <h2>More on the harbour</h2><ul><li><a href="/a">Ferry fares rise</a></li><li><a href="/b">Quay market reopens</a></li></ul>
    <p>Read more about it:</p></article>`);
  const { text } = extract(html);
  assertContainsAll(text, [...BODY, 'Costs shared three ways']);
  assertContainsNone(text, ['More on the harbour', 'Read more about it', 'Ferry fares rise']);
  assert.ok(text.endsWith(P4));
});

test('the headline repeated at the top of the text goes, also when the title carries the site name', () => {
  const parsed = parseHtml(page(`<article><h1>Channel to be dredged</h1>${paragraphs()}</article>`), new Deadline(1000));
  for (const title of ['Channel to be dredged', 'Channel to be dredged | The Calloway Courier', 'The Calloway Courier - Channel to be dredged']) {
    const found = extractHtmlText(parsed, title, new Deadline(1000));
    assert.ok(found.text.startsWith(P1), `title "${title}" left the heading in`);
  }
  // A first paragraph that only shares words with the title stays.
  const kept = extractHtmlText(parsed, 'Dredged | Channel', new Deadline(1000));
  assert.ok(kept.text.startsWith('Channel to be dredged'));
});

const MORE = [
  'The county engineer said the channel had silted up faster than expected after the spring storms, leaving barely two metres at low tide.',
  'Fishing boats have had to wait for the tide on most mornings since January, and two of them ran aground near the harbour light in March.',
  'The cooperative welcomed the plan but asked that the work pause during the herring season, when its boats land most of the year’s catch.',
  'A public meeting on the timetable will be held at the quay hall next Thursday evening, the harbourmaster’s office said on Tuesday.',
];

test('the standfirst under the headline joins the text, also when it sits in a dropped header', () => {
  const lead = 'The northern channel will be deepened by two metres this spring, after years of delay and three failed tenders.';
  const html = page(`<article><header class="story-head"><h1>Channel to be dredged</h1>
      <p class="intro">${lead}</p><p>12 March 2024</p></header>
    <figure><img src="a.jpg"><figcaption>The channel at low tide, seen from the old quay in the morning.</figcaption></figure>
    <div class="story-body">${paragraphs()}</div></article>
    <aside><h1>Elsewhere</h1><p>The lighthouse keepers of the outer isles voted on Sunday to return to the islands.</p></aside>`);
  const { text } = extract(html);
  assert.ok(text.startsWith(lead), 'the standfirst comes first');
  assertContainsAll(text, BODY);
  assertContainsNone(text, ['low tide, seen from', 'lighthouse keepers', '12 March 2024']);
  // The standfirst written straight into a div, the headline outside the text's container.
  const divLead = page(`<div class="top"><h1>Channel to be dredged</h1><div class="summary">${lead}</div></div>
    <div class="share"><a href="/s">Share</a></div><div class="story-body">${paragraphs()}</div>`);
  assert.ok(extract(divLead).text.startsWith(lead));
});

test('neither a tagline above the headline nor a caption beside a picture is taken as the standfirst', () => {
  const html = page(`<div class="branding"><p class="name"><a href="/">THE CALLOWAY COURIER</a></p><p class="motto">Serving the Sound and its islands since 1911</p></div>
    <div class="wrap"><div class="post"><div class="post-head"><h1>Channel to be dredged</h1></div>
    <div class="thumb"><img src="a.jpg"><p class="thumb-text">Dredgers moored at the old quay on Monday. Mara Tolle for the Calloway Courier</p></div>
    <div class="post-body">${paragraphs()}</div></div></div>`);
  const { text } = extract(html);
  assert.ok(text.startsWith(P1), text.slice(0, 80));
  assertContainsAll(text, BODY);
  assertContainsNone(text, ['since 1911', 'Mara Tolle']);
});

test('ruby annotations (the reading over each character) are left out of the text', () => {
  const ruby = '<ruby>港<rp>(</rp><rt>みなと</rt><rp>)</rp></ruby>の<ruby>工事<rt>こうじ</rt></ruby>は四月に始まります。';
  const { text } = extract(page(`<article>${paragraphs()}<p>${ruby}</p></article>`));
  assertContainsAll(text, [...BODY, '港の工事は四月に始まります。']);
  assertContainsNone(text, ['みなと', 'こうじ', '(']);
});

test('a story whose first paragraphs are set apart by a photo is taken whole; a note after it does not widen it', () => {
  const split = page(`<main><div class="story">
      <section><div class="story-text">${paragraphs([P1])}</div></section>
      <div class="photo"><figure><img src="a.jpg"><figcaption>The quay.</figcaption></figure></div>
      <section><div class="story-text">${paragraphs([P2, P3, P4, ...MORE])}</div></section>
    </div></main>`);
  assertContainsAll(extract(split).text, [...BODY, ...MORE]);
  const note = 'This report was written with the support of the Calloway Press Fund, which has no say over its content.';
  const noted = page(`<main><div class="story">
      <section><div class="story-text">${paragraphs([...BODY, ...MORE])}</div></section>
      <section><div class="fund">${paragraphs([note])}</div></section>
    </div></main>`);
  const { text } = extract(noted);
  assertContainsAll(text, [...BODY, ...MORE]);
  assert.ok(!text.includes(note));
});

test('a div written as one paragraph beside the chosen container is read like a <p>', () => {
  const closing = 'Work on the southern channel is to follow next year, if the county approves the second half of the budget.';
  const html = page(`<div class="story">
      <div class="story-text">${paragraphs([...BODY, ...MORE])}</div>
      <div class="closing">${closing}</div>
      <div class="tools"><a href="/print">Print this page</a></div>
    </div>`);
  const { text } = extract(html);
  assertContainsAll(text, [...BODY, ...MORE, closing]);
  assert.ok(!text.includes('Print this page'));
});

test('captions and photo credits written as ordinary paragraphs go (credit labels opening or closing the line)', () => {
  const captions = [
    'Abbildung 2: Der Hafen von Kallbach bei Niedrigwasser',
    'Titelbild: Hanne Lindqvist/Calloway Press',
    'Der neue Kran am Nordkai, aufgenommen im Februar. (Bildquelle: Hafenverband Kallbach)',
    'Harbourmaster Ilse Varnum, photo: Calloway Archive',
    'The dredger Marrow at the harbour mouth. © Calloway Press / Jonah Vey',
    'Vergrößern Der alte Leuchtturm von Kallbach im Nebel.',
  ];
  const html = page(`<article>${paragraphs([P1, P2])}${captions.map((c) => `<p>${c}</p>`).join('')}${paragraphs([P3, P4])}
    <p>The board thanked the photographers’ guild, whose pictures of the channel were shown at the meeting.</p></article>`);
  const { text } = extract(html);
  assertContainsAll(text, [...BODY, 'whose pictures of the channel were shown']);
  assertContainsNone(text, ['Abbildung 2', 'Titelbild', 'Bildquelle', 'photo: Calloway', '© Calloway', 'Vergrößern']);
});

test('labels of the boxes around an article (related lists, sources, author box, table of contents) go', () => {
  const html = page(`<article><p>Inhaltsverzeichnis</p>${paragraphs()}
    <h3>Über den Autor</h3><p>Schon gelesen?</p><p>Quellenangaben:</p><p>Bild anzeigen</p>
    <p>Weitere Informationen zum Hafen gibt es im Rathaus von Kallbach, das montags bis freitags geöffnet ist.</p></article>`);
  const { text } = extract(html);
  assertContainsAll(text, [...BODY, 'Weitere Informationen zum Hafen gibt es im Rathaus']);
  assertContainsNone(text, ['Inhaltsverzeichnis', 'Über den Autor', 'Schon gelesen', 'Quellenangaben', 'Bild anzeigen']);
});
