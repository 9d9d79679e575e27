/**
 * Scraped-text extraction: the project's demo pages against examples/demo/MANIFEST.json, and one fictional
 * fixture per rule of text.ts (caption is never the title, byline and dateline, wire credit, relative dates,
 * outlet, boilerplate inside and around the body, standfirst, sub-headings and lists inside the body).
 * Every outlet, person and event below is invented.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Deadline } from './deadline.ts';
import { extractArticle } from './index.ts';
import { extractFromText } from './text.ts';
import { joinPatterns, matchesAny } from './vocabulary.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const demoDir = path.join(repoRoot, 'examples/demo');
const manifestPath = path.join(demoDir, 'MANIFEST.json');

const page = (content: string) => extractArticle({ input: 'fixture.txt', kind: 'text', content });
const fields = (content: string) => extractFromText(content, new Deadline(5000));

// Fictional paragraphs (the Brindlemoor ferry strike).
const P1 = 'Ferry crews in Brindlemoor walked off the job on Monday morning, leaving about 4,000 commuters without a crossing to the island of Okesund.';
const P2 = 'The Brindlemoor Ferry Workers Union said the strike would last until the operator, Tidewell Lines, returned to talks about night-shift pay.';
const P3 = '"We did not want to do this in the middle of the school term," said union secretary Orla Venn, who has led the crews since 2019.';
const P4 = 'Tidewell Lines said it had offered a 3% rise and called the walkout "disproportionate", adding that a reduced timetable would run from Wednesday.';
const P5 = 'Island businesses said the first day had already cost them trade, with the Okesund market reporting half its usual Monday customers.';

interface ManifestDocument {
  file: string;
  kind: string;
  title: string;
  authors: string[];
  published: string | null;
  outlet: string;
  credit: string | null;
}
interface ManifestFact {
  match: string[];
  files: string[];
}

const DEMO_BOILERPLATE = [
  'Advertisement', 'Subscribe', 'indicates required', 'Enter your email', 'Sign up for', 'Related Topics',
  'More on this story', 'reader-funded', 'monthly donation', 'Support the', 'Tags:', 'Tagged', 'Skip to content',
  '©', 'Image:', 'Leave a Reply', 'Post Comment', 'You may also like', 'Top Stories', 'Share', 'cookies',
  'Photo', 'Getty',
];

test('demo pages: title, authors, published day, outlet, credit, clean body', { skip: existsSync(manifestPath) ? false : `no demo manifest at ${manifestPath}` }, async (t) => {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { documents: ManifestDocument[]; facts: ManifestFact[] };
  const textDocuments = manifest.documents.filter((d) => d.kind === 'text');
  assert.ok(textDocuments.length >= 5, 'the manifest lists the text demo pages');
  for (const doc of textDocuments) {
    await t.test(doc.file, () => {
      const content = readFileSync(path.join(demoDir, 'pages', doc.file), 'utf8');
      const article = extractArticle({ input: doc.file, kind: 'text', content });
      const found = fields(content);
      assert.equal(article.title, doc.title);
      assert.deepEqual(article.authors, doc.authors);
      if (doc.published === null) assert.equal(article.published, null);
      else assert.equal(article.published?.slice(0, 10), doc.published.slice(0, 10));
      assert.equal(found.outlet, doc.outlet);
      assert.equal(found.credit, doc.credit);
      for (const phrase of DEMO_BOILERPLATE) assert.ok(!article.text.includes(phrase), `text holds boilerplate "${phrase}"`);
      const facts = manifest.facts.filter((f) => f.files.includes(doc.file));
      for (const fact of facts) {
        assert.ok(fact.match.some((m) => article.text.toLowerCase().includes(m.toLowerCase())), `body lacks the fact "${fact.match.join('" / "')}"`);
      }
      // Every paragraph of the page that is a long sentence line is in the text (the body run is not cut short).
      const lines = content.split('\n').map((l) => l.trim());
      const firstBody = lines.findIndex((l) => l.split(' ').length >= 20 && /\.["”]?$/.test(l));
      assert.ok(firstBody > 0);
      assert.ok(article.text.startsWith(lines[firstBody]), 'text starts with the first paragraph');
      const words = article.text.split(/\s+/).length;
      assert.ok(words > 200, `text has ${words} words`);
    });
  }
});

test('a photo caption under the headline is never the title, and is left out of the text', () => {
  const content = [
    'Skip to content', 'Harbourline Gazette', 'News', 'Sport',
    'Ferry crews strike over night-shift pay',
    'By Mina Torrell, Harbourline News',
    'Crews gather at the Brindlemoor terminal on Monday. Image: HG / Per Almquist',
    P1, P2, 'Advertisement', P3, P4,
  ].join('\n');
  const article = page(content);
  assert.equal(article.title, 'Ferry crews strike over night-shift pay');
  assert.ok(!article.text.includes('Per Almquist'));
  assert.equal(article.text, [P1, P2, P3, P4].join('\n\n'));

  const agencyCaption = [
    'Menu', 'Ferry crews strike over night-shift pay',
    'The Brindlemoor terminal. (Harbourline Press Agency)',
    P1, P2, P3,
  ].join('\n');
  const second = page(agencyCaption);
  assert.equal(second.title, 'Ferry crews strike over night-shift pay');
  assert.ok(!second.text.includes('Harbourline Press Agency'));
});

test('byline with a separate dateline gives authors and a local time without offset', () => {
  const content = [
    'Ferry crews strike over night-shift pay',
    'By Mina Torrell, HG Business',
    '12 May 2024 · 08:45',
    'Share', 'Save',
    P1, P2, P3,
  ].join('\n');
  const article = page(content);
  assert.deepEqual(article.authors, ['Mina Torrell']);
  assert.equal(article.published, '2024-05-12T08:45');
  assert.equal(article.provenance.published?.rule, 'text.dateline');
});

test('a byline naming a press agency gives the credit apart from the author', () => {
  const content = [
    'Ferry crews strike over night-shift pay',
    'By Jonas Aalberg, Northsea Press Agency  May 12, 2024 2:40 PM',
    P1, P2, P3,
  ].join('\n');
  const found = fields(content);
  assert.equal(found.credit, 'Northsea Press Agency');
  const article = page(content);
  assert.deepEqual(article.authors, ['Jonas Aalberg']);
  assert.equal(article.published, '2024-05-12T14:40');
});

test('a relative date ("Updated 2 hours ago") gives no date', () => {
  const article = page(['Ferry crews strike over night-shift pay', 'By Mina Torrell  Updated 2 hours ago', P1, P2, P3].join('\n'));
  assert.deepEqual(article.authors, ['Mina Torrell']);
  assert.equal(article.published, null);
  const dateline = page(['Ferry crews strike over night-shift pay', 'By Mina Torrell', '3 days ago', P1, P2, P3].join('\n'));
  assert.equal(dateline.published, null);
});

test('outlet from the site-name line confirmed by the © notice, an acronym line, or a reader-funded appeal', () => {
  const footer = ['Related', 'Other story about boats', 'Contact us', '© 2024 Harbourline Gazette Trust. All rights reserved.'];
  const withCopyright = fields(['Skip to content', 'Harbourline Gazette', 'Subscribe', 'News', 'Ferry crews strike over night-shift pay', P1, P2, P3, ...footer].join('\n'));
  assert.equal(withCopyright.outlet, 'Harbourline Gazette');
  assert.equal(withCopyright.rules.outlet, 'text.site-name');

  const acronym = fields(['Skip to content', 'HBC News', 'Harbourline Broadcasting Company', 'Home', 'Ferry crews strike over night-shift pay', P1, P2, P3, '© 2024 Harbourline Broadcasting Corporation.'].join('\n'));
  assert.equal(acronym.outlet, 'Harbourline Broadcasting Company');

  const appeal = fields(['Skip to content', 'TIDEWATER HERALD', 'Ferry crews strike over night-shift pay', P1, P2, P3,
    'The Tidewater Herald is reader-funded. If you value this work, please consider a monthly donation.'].join('\n'));
  assert.equal(appeal.outlet, 'Tidewater Herald');
  assert.ok(!appeal.text.includes('reader-funded'));

  assert.equal(fields([P1, P2, P3].join('\n')).outlet, null, 'no outlet when the page names none');
});

test('boilerplate inside and around the body is dropped', () => {
  const content = [
    'Your privacy matters to us',
    'We and our partners use cookies to personalise content and measure how our site is used, as described in our privacy policy.',
    'I agree',
    'Ferry crews strike over night-shift pay',
    'By Mina Torrell',
    P1, P2,
    'Sign up for the Gazette Daily', 'Enter your email', 'Subscribe', '* indicates required',
    P3, 'Advertisement', P4,
    'The Harbourline Gazette is reader-funded. Our reporting is free to read. If you value it, please consider a monthly donation.',
    'Support the Harbourline Gazette',
    'Related Topics', 'Brindlemoor', 'Ferries',
    'More on this story',
    'Island cafés count the cost of the strike',
    'Traders say the quiet quay has halved their takings this week.',
    'Leave a Reply',
    'Your email address will not be published. Required fields are marked *',
    'Comment *',
    'Jorun K. says the union is right and the operator should pay the crews what they are owed.',
  ].join('\n');
  const article = page(content);
  assert.equal(article.text, [P1, P2, P3, P4].join('\n\n'));
  assert.deepEqual(article.tags, ['Brindlemoor', 'Ferries']);
});

test('the standfirst is the description and stays the first paragraph', () => {
  const standfirst = 'Commuters face a week without crossings as talks between the union and Tidewell Lines stall';
  const content = ['Ferry crews strike over night-shift pay', standfirst, 'By Mina Torrell', 'The Okesund ferry at its berth. (Photo: Per Almquist)', P1, P2, P3].join('\n');
  const article = page(content);
  assert.equal(article.title, 'Ferry crews strike over night-shift pay');
  assert.equal(article.description, standfirst);
  assert.equal(article.text, [standfirst, P1, P2, P3].join('\n\n'));
});

test('sub-headings, list items and short quotes stay in the body; teasers after it do not', () => {
  const content = [
    'Menu', 'News', 'Sport', 'Weather',
    'Ferry crews strike over night-shift pay',
    'By Mina Torrell',
    P1, P2,
    'What the union wants',
    P3,
    'The union lists three demands:',
    'a night-shift allowance',
    'two crew members on every late crossing',
    'a review of rest breaks',
    'Ferry timetable on Wednesday',
    '"It is a fair ask."',
    P4, P5,
    'Most read',
    'Island school closes for the week…',
    'Tidewell Lines profits rise…',
  ].join('\n');
  const article = page(content);
  assert.equal(article.text, [
    P1, P2, 'What the union wants', P3, 'The union lists three demands:', 'a night-shift allowance',
    'two crew members on every late crossing', 'a review of rest breaks', 'Ferry timetable on Wednesday',
    '"It is a fair ask."', P4, P5,
  ].join('\n\n'));
});

test('German page: "Von" byline, German dateline, "Mehr zum Thema" ends the article', () => {
  const absatz1 = 'Die Fährleute von Brindlemoor haben am Montagmorgen die Arbeit niedergelegt, rund 4000 Pendler kamen nicht auf die Insel.';
  const absatz2 = 'Die Gewerkschaft erklärte, der Streik dauere an, bis die Reederei Tidewell wieder über Nachtzuschläge verhandle.';
  const absatz3 = 'Die Reederei sprach von einer unverhältnismäßigen Aktion und kündigte einen eingeschränkten Fahrplan ab Mittwoch an.';
  const content = [
    'Startseite', 'Fährleute streiken für höhere Nachtzuschläge', 'Von Anna Kessling', '12. März 2025, 14:30 Uhr',
    absatz1, absatz2, absatz3, 'Mehr zum Thema', 'Inselschule bleibt die ganze Woche geschlossen, sagt die Gemeinde heute.',
  ].join('\n');
  const article = page(content);
  assert.equal(article.title, 'Fährleute streiken für höhere Nachtzuschläge');
  assert.deepEqual(article.authors, ['Anna Kessling']);
  assert.equal(article.published, '2025-03-12T14:30');
  assert.equal(article.text, [absatz1, absatz2, absatz3].join('\n\n'));
});

test('a long interruption (a chart of labels) inside the article is bridged when the article goes on', () => {
  const chart = ['0', '’19', '’20', '’21', '’22', '’23', 'billion', '$300', 'billion', '$600', 'billion', '’19', '’20', '’21', '’22', '’23', '$300', '$600'];
  const after = [P4, P5, P1.replace('Monday', 'Tuesday'), P2.replace('strike', 'walkout')];
  const article = page(['Ferry crews strike over night-shift pay', 'By Mina Torrell', P1, P2, P3, ...chart, ...after].join('\n'));
  for (const paragraph of [P1, P2, P3, ...after]) assert.ok(article.text.includes(paragraph), paragraph.slice(0, 40));
  assert.ok(!article.text.includes('billion'));
});

test('paragraphs ending in reference marks ("...in 1993.[4][5]") are prose', () => {
  const cited = [
    'The Okesund ferry first sailed in 1911 and has crossed the strait twice a day ever since, except in hard winters.[1]',
    'Its crews have struck twice before, in 1962 and in 1987, both times over pay for the night crossings.[2][3]',
    'The island council bought the line in 1994 and sold it to Tidewell Lines a decade later, after a long dispute.[citation needed]',
  ];
  const article = page(['Okesund ferry', 'From the Brindlemoor wiki', ...cited, 'Categories', 'Ferries', 'Brindlemoor'].join('\n'));
  assert.equal(article.text, cited.join('\n\n'));
});

test('the controls of a video player and a print button are left out of the body', () => {
  const content = [
    'Ferry crews strike over night-shift pay', 'By Mina Torrell', P1, P2,
    'Play Video', 'Current Time 0:00', 'Duration Time 2:15', 'Loaded: 0%', 'Playback Rate', 'captions settings, opens captions settings dialog',
    'Fullscreen', 'Print article', P3, P4,
  ].join('\n');
  assert.equal(page(content).text, [P1, P2, P3, P4].join('\n\n'));
});

test('a "Related: <headline>" link inside the article does not end it', () => {
  const content = ['Ferry crews strike over night-shift pay', 'By Mina Torrell', P1, P2, 'Related: Island cafés count the cost of the strike', P3, P4].join('\n');
  const article = page(content);
  assert.equal(article.text, [P1, P2, P3, P4].join('\n\n'));
});

test('an article under its headline and byline beats a longer notice in the footer', () => {
  const notice = 'Timetables are provided by the operators and may change without notice. The Harbourline Gazette accepts no ' +
    'liability for delays, cancellations or missed connections, and readers should check with Tidewell Lines before ' +
    'travelling. Fares shown are indicative and include the island levy where it applies. Parking at the terminal is ' +
    'managed by the port authority, whose terms apply, and the Gazette is not party to any contract for it. Maps are ' +
    'reproduced with the permission of the survey office.';
  const menu = ['Home', 'News', 'Ferries', 'Weather', 'Jobs', 'Property', 'Motors', 'Dating', 'Puzzles', 'Archive', 'Contact'];
  const content = [
    'Ferry crews strike over night-shift pay', 'By Mina Torrell', 'May 12, 2024',
    P1, P2, P3, 'Advertisement', P4, 'Most read', ...menu, notice,
  ].join('\n');
  const article = page(content);
  assert.ok(article.text.startsWith(P1), article.text.slice(0, 80));
  assert.ok(!article.text.includes('accepts no liability'));
});

test('a feed of time-stamped headlines beside the article is left out', () => {
  const feed = [
    '14:44 Island school closes for the week', '14:32 Tidewell Lines shares fall after the walkout',
    '13:58 Harbour master warns of fog on Tuesday', '13:40 Council meets union leaders', '13:12 Cafés on the quay report a quiet day',
  ];
  const content = ['Ferry crews strike over night-shift pay', 'By Mina Torrell', P1, P2, P3, 'Latest', ...feed, P5].join('\n');
  const article = page(content);
  for (const item of feed) assert.ok(!article.text.includes(item), item);
  assert.ok(article.text.startsWith([P1, P2, P3].join('\n\n')));
});

test('a long paragraph ending in an ellipsis is the writer\'s, not a teaser', () => {
  const trailing = 'On the quay the crews waited all afternoon for word from the operator, checking their phones, ' +
    'sharing flasks of coffee and telling the few passengers who came by that the crossing would resume soon, ' +
    'though nobody could say when exactly…';
  const article = page(['Ferry crews strike over night-shift pay', 'By Mina Torrell', P1, trailing, P2, P3].join('\n'));
  assert.equal(article.text, [P1, trailing, P2, P3].join('\n\n'));
});

test('comment author lines ("Jorun says:") are neither headlines nor body', () => {
  const content = [
    'Ferry crews strike over night-shift pay', 'By Mina Torrell', P1, P2, P3, '3 Comments',
    'Jorun K. says:', 'May 12, 2024 at 9:14 pm', P5,
  ].join('\n');
  const article = page(content);
  assert.equal(article.title, 'Ferry crews strike over night-shift pay');
  assert.equal(article.text, [P1, P2, P3].join('\n\n'));
});

test('joined patterns match the same lines as the patterns one by one', () => {
  const patterns = [/^share\b/i, /\bcookies?\b/i, /^\p{Lu}{3,}$/u, /^(\d+) comments$/i];
  const joined = joinPatterns(patterns);
  assert.equal(joined.length, 2, 'one expression per set of flags');
  for (const line of ['Share this', 'We use cookies here', 'NEWS', '12 comments', 'Ferry crews strike', 'news', '']) {
    assert.equal(matchesAny(joined, line), patterns.some((p) => p.test(line)), line);
  }
});

test('an overlay saved after the page\'s copyright notice does not win over the article above it', () => {
  const overlay = [
    'Manage your Harbourline account',
    'Members of the Harbourline reading club receive the weekly island digest, early access to the ferry timetable and an invitation to the autumn readers\' evening at the Okesund hall.',
    'Membership renews every twelve months until it is ended from the account page, and the annual fee covers the printed almanac that is posted to every member in December.',
    'Reading club members may bring one guest to each readers\' evening, where the editors answer questions about the year\'s reporting and the island choir sings at the close.',
  ];
  const content = [
    'Ferry crews strike over night-shift pay', 'By Mina Torrell', P1, P2,
    'Contact', 'Imprint', '© 2026 Harbourline Gazette. All rights reserved.',
    ...overlay,
  ].join('\n');
  const found = fields(content);
  assert.equal(found.text, [P1, P2].join('\n\n'));
  assert.equal(found.title, 'Ferry crews strike over night-shift pay');
  // A picture credit with a year is no footer: the article under it is kept.
  const credited = fields(['Ferry crews strike over night-shift pay', 'Photo: Per Almquist © 2026 Tidewell Lines', P1, P2, P3, P4].join('\n'));
  assert.equal(credited.text, [P1, P2, P3, P4].join('\n\n'));
});

test('"read also" and comment headings in Spanish, Portuguese, Polish and German end the article', () => {
  const tail = (heading: string) => fields([
    'Ferry crews strike over night-shift pay', 'By Mina Torrell', P1, P2, P3,
    heading,
    'Island cafés count the cost of the strike as the quay stays quiet for a third day running.',
    'Traders on Okesund say their takings have halved since the crossings stopped on Monday morning.',
  ].join('\n')).text;
  for (const heading of ['Lea también:', 'Veja também', 'Czytaj także', 'Schon gelesen?', 'Hinterlasse einen Kommentar', 'Weitere Beiträge aus der Kolumne:']) {
    assert.equal(tail(heading), [P1, P2, P3].join('\n\n'), heading);
  }
});

test('newsletter pitches, paywall notes, donation and comment appeals, author boxes and post footers are dropped', () => {
  const content = [
    'Ferry crews strike over night-shift pay', 'By Mina Torrell', P1, P2,
    'Get the latest news from the islands delivered to your inbox every morning.',
    P3,
    'If you\'re seeing this message but you\'re already a subscriber, log in to read on.',
    P4,
    'Your support helps the Harbourline Gazette keep its island reporting free for every reader.',
    P5,
    'Comments are moderated and may take a day to appear under the article.',
    'Mina Torrell is a reporter at the Harbourline Gazette covering transport and the islands.',
    'This entry was posted in Islands and tagged ferries, strikes.',
  ].join('\n');
  assert.equal(fields(content).text, [P1, P2, P3, P4, P5].join('\n\n'));
  // A sentence about someone else's job inside the article is kept when it is no author box.
  const quoted = 'The operator hired Orla Venn, who is a former harbour master, to mediate between the crews and Tidewell Lines.';
  assert.equal(fields(['Ferry crews strike over night-shift pay', 'By Mina Torrell', P1, quoted, P2].join('\n')).text, [P1, quoted, P2].join('\n\n'));
});

test('a blog\'s dated byline gives author and date; "About <name>" heads an author box that ends the article', () => {
  const found = fields([
    'Ferry crews strike over night-shift pay', 'Veröffentlicht am 17. Mai 2026 von Mina Torrell', P1, P2, P3,
    'Über Mina Torrell',
    'Reporterin für Verkehr und die Inseln, schreibt seit vielen Jahren über Fähren, Häfen und die Menschen, die dort arbeiten.',
  ].join('\n'));
  assert.deepEqual(found.bylines, ['Mina Torrell']);
  assert.equal(found.published, '2026-05-17');
  assert.equal(found.text, [P1, P2, P3].join('\n\n'));
  const english = fields(['Ferry crews strike over night-shift pay', 'Posted on 3 May 2026 by Orla Venn', P1, P2].join('\n'));
  assert.deepEqual(english.bylines, ['Orla Venn']);
  assert.equal(english.published, '2026-05-03');
  // A day written with a dot before the month name ("12. September 2026") is a dateline.
  assert.equal(fields(['Ferry crews strike over night-shift pay', '12. September 2026', P1, P2].join('\n')).published, '2026-09-12');
});

test('a picture credit of names joined by a slash is left out of the body', () => {
  const content = ['Ferry crews strike over night-shift pay', 'By Mina Torrell', P1, 'Harbour Press / Per Almquist', P2, P3].join('\n');
  assert.equal(fields(content).text, [P1, P2, P3].join('\n\n'));
});

test('a press contact box and back links after the article are left out', () => {
  const content = [
    'Ferry crews strike over night-shift pay', 'By Mina Torrell', P1, P2, P3,
    'Weitere Informationen',
    'Die Hafenverwaltung Brindlemoor beantwortet Fragen zum Fährbetrieb werktags von acht bis sechzehn Uhr am Telefon.',
    'Pressekontakt',
    'Orla Venn, Sprecherin der Gewerkschaft der Fährleute, ist für Rückfragen der Redaktionen erreichbar.',
    'Zurück zur Übersicht',
  ].join('\n');
  assert.equal(fields(content).text, [P1, P2, P3].join('\n\n'));
});

test('figure labels, donation and sign-up buttons and liability notes inside or after the article are left out', () => {
  const content = [
    'Ferry crews strike over night-shift pay', 'By Mina Torrell', P1,
    'Abbildung 2: Fährverbindungen zwischen Brindlemoor und Okesund im Winterfahrplan.',
    P2, P3,
    'Alle Angaben ohne Gewähr.',
    'Jetzt spenden',
    'Never miss the latest news from the islands by signing up to our morning briefing.',
  ].join('\n');
  assert.equal(fields(content).text, [P1, P2, P3].join('\n\n'));
});

test('a run of comments with their time stamps under the comment heading is not joined to the article', () => {
  const comment = (name: string, when: string, words: string) => [name, when, words, 'Reply'];
  const longComment = (topic: string) =>
    `${topic} The crews have waited three years for this, and the operator has had every chance to settle the night-shift question before now. ` +
    'Whoever is right about the pay, the island cannot go on without a crossing for long, and both sides should go back to the table this week.';
  const content = [
    'Ferry crews strike over night-shift pay', 'By Mina Torrell', P1, P2, P3,
    'Comments',
    ...comment('Jorun K.', '18 May 2026 at 09:12', longComment('I support the union.')),
    ...comment('Halvard P.', '18 May 2026 at 10:40', longComment('My mother missed her appointment on the mainland.')),
    ...comment('Sefa L.', '18 May 2026 at 11:05', longComment('Island shops will suffer in the tourist season.')),
    ...comment('Ivar D.', '18 May 2026 at 12:30', longComment('The timetable was poor even before the strike.')),
  ].join('\n');
  assert.equal(fields(content).text, [P1, P2, P3].join('\n\n'));
});

test('a dotted numeric date is read day first, with its time', () => {
  const content = ['Ferry crews strike over night-shift pay', 'By Mina Torrell', '10.12.2022 18:27', P1, P2, P3].join('\n');
  assert.equal(fields(content).published, '2022-12-10T18:27');
  const short = ['Ferry crews strike over night-shift pay', '3.4.2021, 09:05', P1, P2, P3].join('\n');
  assert.equal(fields(short).published, '2021-04-03T09:05');
});

test('a paragraph of several sentences that names its source in brackets is body text, a two-sentence caption is not', () => {
  const cited = 'Tidewell Lines confirmed the reduced timetable on Tuesday. Two of its four ferries will sail. The harbour office expects queues at both piers. (Source: Okesund Harbour Office)';
  const caption = 'Crews gather at the Brindlemoor pier. The strike began at dawn. (Photo: Okesund Harbour Office)';
  const content = ['Ferry crews strike over night-shift pay', 'By Mina Torrell', P1, P2, caption, cited, P3].join('\n');
  assert.equal(fields(content).text, [P1, P2, cited, P3].join('\n\n'));
});

test("the author's bio after the article is left out, a last paragraph about a place of the story is kept", () => {
  const bio = 'Mina Torrell ist seit 2015 für den Okesund-Kurier unterwegs und berichtet über die Inseln und ihre Fähren; sie wohnt mit zwei Hunden auf Okesund.';
  const content = ['Ferry crews strike over night-shift pay', 'By Mina Torrell', P1, P2, P3, 'Mina Torrell', bio].join('\n');
  assert.equal(fields(content).text, [P1, P2, P3].join('\n\n'));
  const place = 'Okesund Market is the oldest covered market of the islands, and its traders say a long strike would cost them the best weeks of the season.';
  const story = ['Ferry crews strike over night-shift pay', 'By Mina Torrell', P1, P2, P3, 'Okesund Market traders count the cost', place].join('\n');
  assert.ok(fields(story).text.endsWith(place), 'the last paragraph about the market is kept');
});

test('a paragraph above a line the writer ends with an ellipsis stays in the body', () => {
  const trailing = 'And then, as the last ferry of the evening turned back towards the empty pier, the crews began to sing…';
  const content = ['Ferry crews strike over night-shift pay', 'By Mina Torrell', P1, P2, trailing, 'What comes next', P3, P4].join('\n');
  assert.ok(fields(content).text.includes(P2), 'the paragraph above the ellipsis is kept');
});

test('a lone line the writer ends with an ellipsis is body text, a list of cut summaries is not', () => {
  const musing = 'Perhaps next winter the ferry will run on time after all…';
  const content = ['Ferry crews strike over night-shift pay', 'By Mina Torrell', P1, P2, P3, musing, 'Share this:', 'Facebook'].join('\n');
  assert.equal(fields(content).text, [P1, P2, P3, musing].join('\n\n'));
  const teasers = [
    'Okesund market loses half its Monday trade as crossings stop and stalls stay…',
    'Tidewell Lines offers a three per cent rise to the night crews of the island…',
    'Union secretary Orla Venn says the crews will not sail before the talks resume…',
  ];
  const listed = fields(['Ferry crews strike over night-shift pay', 'By Mina Torrell', P1, P2, P3, ...teasers].join('\n'));
  for (const teaser of teasers) assert.ok(!listed.text.includes(teaser), `a listed summary is left out: ${teaser}`);
});

test("the URL's slug names the headline: a short post beats a longer sidebar below it", () => {
  const note1 = 'The new charging posts at the Brindlemoor pier took three months to install and charge a car in under an hour.';
  const note2 = 'I tried one on Sunday: it worked, but the card reader refused two of my three cards.';
  const sidebar = [
    'About this blog',
    'Heimo Larsk writes here about islands, ferries and the small machines that keep them going, from tide gauges to the ticket printers of the old Okesund line.',
    'He has lived on Okesund since 2004 and has sailed with every crew of the crossing at least once, mostly in bad weather and always with a notebook.',
    'Posts appear when there is something to say, which on an island of four thousand people is more often than one might think.',
  ];
  const content = [
    'Harbour Notes', 'Home', 'About', 'Contact',
    'Charging posts at the pier', 'Heimo Larsk, 3 May 2026', note1, note2,
    'Share this:', 'Facebook', 'Email', 'Leave a Reply', 'Comment *', 'Name *',
    ...sidebar,
  ].join('\n');
  const withUrl = extractFromText(content, new Deadline(5000), { url: 'https://harbour-notes.example/2026/05/03/charging-posts-at-the-pier/' });
  assert.equal(withUrl.text, [note1, note2].join('\n\n'));
  // Without the URL the sidebar's longer prose wins: the slug is what tells the two apart.
  assert.ok(fields(content).text.includes(sidebar[1]));
  // A slug naming no line, or an address that is not a web page's, changes nothing.
  const other = extractFromText(content, new Deadline(5000), { url: 'https://harbour-notes.example/2026/05/03/winter-timetable-changes/' });
  assert.equal(other.text, fields(content).text);
  assert.equal(extractFromText(content, new Deadline(5000), { url: 'file:///charging-posts-at-the-pier' }).text, fields(content).text);
});

test('the slug region does not replace a much better region (the headline repeated in a player bar under the article)', () => {
  const content = [
    'Ferry crews strike over night-shift pay', 'By Mina Torrell', P1, P2, P3, P4, P5,
    'Listen', 'Ferry crews strike', 'Okesund radio is on the air every morning at seven, with the tide tables and the ferry timetable.',
  ].join('\n');
  const found = extractFromText(content, new Deadline(5000), { url: 'https://kurier.example/news/ferry-crews-strike' });
  assert.equal(found.text, [P1, P2, P3, P4, P5].join('\n\n'));
});

test("the article's last line without a sentence ending is kept, a short label under the article is not", () => {
  const closing = 'Additional reporting by Heimo Larsk and Sefa Lund on Okesund; editing by Jorun Kvale';
  const content = ['Ferry crews strike over night-shift pay', 'By Mina Torrell', P1, P2, P3, closing, 'Post views: 1,204', 'Share this:', 'Facebook'].join('\n');
  assert.equal(fields(content).text, [P1, P2, P3, closing].join('\n\n'));
  const labelled = ['Ferry crews strike over night-shift pay', 'By Mina Torrell', P1, P2, P3, 'Island news in brief', 'Share this:', 'Facebook'].join('\n');
  assert.equal(fields(labelled).text, [P1, P2, P3].join('\n\n'));
});

test('"Lea también:" and "Czytaj też:" with a headline are one link set into the article', () => {
  const content = [
    'Ferry crews strike over night-shift pay', 'By Mina Torrell', P1,
    'Lea también: Okesund market loses half its Monday trade',
    P2,
    'Czytaj też: Tidewell Lines offers a three per cent rise',
    P3,
  ].join('\n');
  assert.equal(fields(content).text, [P1, P2, P3].join('\n\n'));
});

test('picture credits after a comma, a slash or a dash, with a full stop or brackets inside, are captions', () => {
  const captions = [
    'Crews at the Brindlemoor pier, photo: Okesund Harbour Office',
    'The empty ferry ramp at dawn / Źródło: Kurier Archiwum',
    'Stalls of the Okesund market. Foto: Archivo Norte.',
    '(Foto: Harbour Office/Heimo Larsk (cropped))',
    'Queues at the pier – © Sefa Lund – pictures.example.com',
  ];
  const content = ['Ferry crews strike over night-shift pay', 'By Mina Torrell', P1, captions[0], P2, captions[1], P3, captions[2], P4, captions[3], P5, captions[4], P1.replace('Monday', 'Tuesday')].join('\n');
  const text = fields(content).text;
  for (const caption of captions) assert.ok(!text.includes(caption), `caption left out: ${caption}`);
  // A sentence that names its source in a clause after a comma ends with a full stop and is no caption.
  const sourced = 'The crews voted on Sunday evening by a large majority, source: the union itself told reporters on the pier.';
  assert.ok(fields(['Ferry crews strike over night-shift pay', 'By Mina Torrell', P1, sourced, P2].join('\n')).text.includes(sourced));
});

test('"read also" labels of Spanish and German sites with a headline are links set into the article', () => {
  const links = [
    'LE PUEDE INTERESAR: Okesund market loses half its Monday trade',
    'Mire: Tidewell Lines offers a three per cent rise to crews',
    'Lesen Sie hier: Gewerkschaft droht mit längerem Streik auf Okesund',
  ];
  const content = ['Ferry crews strike over night-shift pay', 'By Mina Torrell', P1, links[0], P2, links[1], P3, links[2], P4].join('\n');
  assert.equal(fields(content).text, [P1, P2, P3, P4].join('\n\n'));
});

test("a last paragraph naming its writer's role, or the writer introducing themselves, is an author box", () => {
  const role = 'Heimo Larsk is a senior writer at the Okesund Courier, covering ferries, harbours and the island economy since 2012, and lives above the pier.';
  const content = ['Ferry crews strike over night-shift pay', 'By Mina Torrell', P1, P2, P3, role].join('\n');
  assert.equal(fields(content).text, [P1, P2, P3].join('\n\n'));
  const hello = 'Hallo, ich bin Mina, Bloggerin aus Okesund, und schreibe hier seit Jahren über Fähren, Inseln und den Hafen von Brindlemoor.';
  assert.equal(fields(['Ferry crews strike over night-shift pay', 'By Mina Torrell', P1, P2, P3, hello].join('\n')).text, [P1, P2, P3].join('\n\n'));
  // A last paragraph about a person of the story who is no writer stays.
  const person = 'Orla Venn is a ferry captain of the old Okesund line and says she will not sail again before the operator meets the crews at the table.';
  assert.ok(fields(['Ferry crews strike over night-shift pay', 'By Mina Torrell', P1, P2, P3, person].join('\n')).text.endsWith(person));
});

test("the opening paragraphs right under an article's header join the body across a table of contents", () => {
  const intro = 'This guide lists the twelve crossings of the Okesund archipelago, with their crews, their boats and the strike timetable of each one this week.';
  const contents = Array.from({ length: 12 }, (_, i) => `${i + 1}. Crossing number ${i + 1}`);
  const sections = contents.flatMap((entry, i) => [
    entry.slice(entry.indexOf(' ') + 1),
    `Crossing ${i + 1} runs ${i + 2} times a day with a crew of ${i + 5}; ${P1.replace('Monday', `day ${i + 1}`)} ${P2}`,
    `On crossing ${i + 1} the strike began ${i + 1} hours after dawn. ${P3}`,
  ]);
  const content = [
    'Menu', 'Twelve crossings and their strike days', 'By Mina Torrell, 3 May 2026', intro, P4, P5, 'Contents', ...contents, ...contents, ...sections,
  ].join('\n');
  const text = fields(content).text;
  assert.ok(text.startsWith([intro, P4, P5].join('\n\n')), 'the introduction under the header is kept');
  assert.ok(text.endsWith(sections[sections.length - 1]));
});

test("a recipe's ingredient list of quantities right above the steps is part of the body", () => {
  const steps = [
    'Whisk the flour, the sugar and a pinch of salt in a large bowl, then rub in the cold butter until the mixture looks like fine sand.',
    'Press the dough into a buttered tin, prick it with a fork and bake it in the middle of the oven for twenty-five minutes, until golden.',
  ];
  const ingredients = ['Ingredients', 'For the base:', '250 g flour', '100 g sugar', '125 g', 'cold butter', '1 pinch of salt'];
  const content = ['Butter shortbread of the Okesund bakers', 'By Mina Torrell', ...ingredients, 'Method', ...steps, 'Share this:', 'Facebook'].join('\n');
  const text = fields(content).text;
  for (const item of ['For the base:', '250 g flour', '125 g', 'cold butter', '1 pinch of salt']) assert.ok(text.includes(item), `kept: ${item}`);
  assert.ok(text.endsWith(steps[1]));
  // Two number-led lines are no list: a menu's "24 hours" and "7 days" above the body stay out.
  const menu = fields(['Butter shortbread of the Okesund bakers', 'By Mina Torrell', '24 hours open', 'Deals', '7 days a week', 'Method', ...steps].join('\n')).text;
  assert.ok(!menu.includes('24 hours open'));
});

test("a newsletter pitch as the body's last paragraph is left out, the story's own last paragraph is kept", () => {
  const pitch = 'Never miss a crossing again: sign up for the Okesund Courier morning newsletter and get the ferry news in your inbox every day at seven.';
  assert.equal(fields(['Ferry crews strike over night-shift pay', 'By Mina Torrell', P1, P2, P3, pitch].join('\n')).text, [P1, P2, P3].join('\n\n'));
  const ending = 'The union said it would post the result of the vote on its website and comment on it at the pier on Friday morning.';
  assert.ok(fields(['Ferry crews strike over night-shift pay', 'By Mina Torrell', P1, P2, P3, ending].join('\n')).text.endsWith(ending));
});

test('a sentence naming where people stand in the picture, "(l.)" or "(Symbolbild)", is a caption', () => {
  const captions = [
    'Orla Venn (l.) and Heimo Larsk at the Brindlemoor pier on Monday morning.',
    'An empty ferry ramp on the island, as the strike goes on (Symbolbild).',
  ];
  const content = ['Ferry crews strike over night-shift pay', 'By Mina Torrell', P1, captions[0], P2, captions[1], P3].join('\n');
  assert.equal(fields(content).text, [P1, P2, P3].join('\n\n'));
});

test('a row of short fields set apart by bars (day, date, time, section, comments) is furniture', () => {
  const row = 'Friday | 3 May 2026 | 15:49 | Island news | 12 comments';
  const content = ['Ferry crews strike over night-shift pay', 'By Mina Torrell', P1, P2, row, P3].join('\n');
  assert.equal(fields(content).text, [P1, P2, P3].join('\n\n'));
});

test('a sub-heading right above the first paragraph opens the body; a reading time or a picture credit there does not', () => {
  const content = ['Ferry crews strike over night-shift pay', 'By Mina Torrell', 'A long night at the pier', P1, P2, P3].join('\n');
  assert.equal(fields(content).text, ['A long night at the pier', P1, P2, P3].join('\n\n'));
  for (const furniture of ['4 minutes to read', 'Orla Venn Getty Images', 'Jump to RecipePrint Recipe']) {
    const text = fields(['Ferry crews strike over night-shift pay', 'By Mina Torrell', furniture, P1, P2, P3].join('\n')).text;
    assert.equal(text, [P1, P2, P3].join('\n\n'), `left out: ${furniture}`);
  }
});

test('a picture credit under the title is not the standfirst', () => {
  const credit = 'Crews and boats of the Okesund line at the old pier, Heimo Larsk, Getty Images';
  const found = fields(['Ferry crews strike over night-shift pay', 'By Mina Torrell', credit, 'Share', P1, P2, P3].join('\n'));
  assert.notEqual(found.description, credit);
  assert.ok(!found.text.includes(credit));
});

test('prose under a "Comments" heading below the article is left out', () => {
  const more = [
    'The harbour master said two cargo boats would carry medicine and post to the island until the crews were back, weather permitting.',
    'Schools on Okesund told parents that pupils who board on the mainland could stay with host families for the rest of the week.',
    'A spokesperson for the regional council said it had asked both sides to meet a mediator before the weekend, so far without an answer.',
    'Crews last went on strike in 2011, when a two-day walkout over rest breaks ended with an agreement that still shapes the rosters today.',
    'The operator said bookings for the summer season had not been affected so far, though some travellers had asked about refunds.',
    'Union members will vote on Thursday evening on whether to extend the walkout into a second week, the union secretary said.',
    'Until then, the island bakery has offered free coffee on the pier to the commuters who wait there for the cargo boats each morning.',
  ];
  const comments = [
    'Comments',
    'Harbour Watcher',
    'I have taken that ferry every morning for eleven years and the crews have never once let us down, not in storms and not in the snow of that long winter, so I would hear them out before judging anyone. Night shifts on that crossing are hard work and the pay has not moved in years.',
    'Pell from the island',
    'Half of my shop stayed empty today and the week will be worse if nothing changes. I back the crews, but somebody has to get everyone around a table before the market closes on Saturday, or the whole island pays for a quarrel between two offices on the mainland.',
  ];
  const content = ['Ferry crews strike over night-shift pay', 'By Mina Torrell', P1, P2, P3, P4, P5, ...more, ...comments].join('\n');
  assert.equal(fields(content).text, [P1, P2, P3, P4, P5, ...more].join('\n\n'));
});

test('of two headlines stacked above the body, the upper one is the title and the lower one opens the body', () => {
  const headline = 'A quiet Monday on the water';
  const sub = 'Ferry crews in Brindlemoor walked off the job over night-shift pay';
  const found = fields(['Island news', 'Share', headline, sub, P1, P2, P3].join('\n'));
  assert.equal(found.title, headline);
  assert.equal(found.text, [sub, P1, P2, P3].join('\n\n'));
  // A label ending in a colon over the headline is no headline.
  const labelled = fields(['Share', 'Latest from the island today:', sub, P1, P2, P3].join('\n'));
  assert.equal(labelled.title, sub);
});

test("an author box's paragraph under the author's name, shown on the page again, is left out wherever it stands", () => {
  const bio = 'Mina Torrell writes about the islands and their ferries, and has covered the Okesund crossings since the line opened.';
  const content = ['Ferry crews strike over night-shift pay', 'Mina Torrell', P1, P2, 'Mina Torrell', bio, P3, P4].join('\n');
  assert.equal(fields(content).text, [P1, P2, P3, P4].join('\n\n'));
  // A story's paragraph about a person under a heading of that person's name (shown once) stays.
  const profile = ['Ferry crews strike over night-shift pay', 'By Mina Torrell', P1, P2, 'Orla Venn', 'Orla Venn has led the crews since 2019 and lives on the island with her two children and a dog called Pier.', P3].join('\n');
  assert.ok(fields(profile).text.includes('Orla Venn has led the crews'));
});

test('a short sentence right above the first paragraph opens the body; a short label there does not', () => {
  const note = 'First published in the Okesund Courier.';
  assert.equal(fields(['Ferry crews strike over night-shift pay', 'By Mina Torrell', note, P1, P2, P3].join('\n')).text, [note, P1, P2, P3].join('\n\n'));
  assert.equal(fields(['Ferry crews strike over night-shift pay', 'By Mina Torrell', 'Island news.', P1, P2, P3].join('\n')).text, [P1, P2, P3].join('\n\n'));
});

test('a long line without an ending right under the byline is the lead picture caption; a short sub-heading there stays', () => {
  const caption = 'Crews and commuters on the old Brindlemoor pier on Monday morning as the first crossing of the week was called off';
  assert.equal(fields(['Ferry crews strike over night-shift pay', 'By Mina Torrell', caption, P1, P2, P3].join('\n')).text, [P1, P2, P3].join('\n\n'));
  const sub = 'A long night at the pier';
  assert.equal(fields(['Ferry crews strike over night-shift pay', 'By Mina Torrell', sub, P1, P2, P3].join('\n')).text, [sub, P1, P2, P3].join('\n\n'));
});

test('a short sentence right under the last paragraph closes the body; a short label there does not', () => {
  const closing = 'See you at the pier, Okesund.';
  assert.equal(fields(['Ferry crews strike over night-shift pay', 'By Mina Torrell', P1, P2, P3, closing].join('\n')).text, [P1, P2, P3, closing].join('\n\n'));
  assert.equal(fields(['Ferry crews strike over night-shift pay', 'By Mina Torrell', P1, P2, P3, 'Island news.'].join('\n')).text, [P1, P2, P3].join('\n\n'));
});

test('a count of comments naming the article ("3 responses to “<headline>”") ends it, however long the headline', () => {
  const heading = '3 responses to “Ferry crews strike over night-shift pay as Okesund waits for the operator”';
  const comment = 'Half of my shop stayed empty today, and I still back the crews: somebody has to get everyone around a table.';
  const content = ['Ferry crews strike over night-shift pay', 'By Mina Torrell', P1, P2, P3, heading, 'Pell from the island', comment].join('\n');
  assert.equal(fields(content).text, [P1, P2, P3].join('\n\n'));
});

test("a blog platform's line and a cookie notice in German under the post are boilerplate", () => {
  const platform = 'Erstelle eine kostenlose Website oder Blog – auf WordPress.com.';
  const cookies = 'Datenschutz & Cookies: Diese Website verwendet Cookies. Wenn du die Website weiterhin nutzt, stimmst du der Verwendung zu.';
  const content = ['Ferry crews strike over night-shift pay', 'By Mina Torrell', P1, P2, P3, platform, cookies].join('\n');
  assert.equal(fields(content).text, [P1, P2, P3].join('\n\n'));
});

test('prompts to follow the outlet on a messenger, to sign in before commenting or to load an embedded map are boilerplate', () => {
  const prompts = [
    'Síguenos en Telegram, Instagram y Facebook para recibir las noticias de Okesund al momento.',
    'Sie müssen sich anmelden, um einen Kommentar zu schreiben.',
    'Klicken Sie auf den unteren Button, um den Inhalt von www.example-maps.test zu laden.',
    'Immediate online access to the Okesund Quarterly. Subscription will auto renew annually.',
  ];
  for (const prompt of prompts) {
    const content = ['Ferry crews strike over night-shift pay', 'By Mina Torrell', P1, P2, P3, prompt].join('\n');
    assert.equal(fields(content).text, [P1, P2, P3].join('\n\n'), `left out: ${prompt}`);
  }
});
