import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Annotations, ArticleRecord, Claim, Entity, EntityType, Quantity, SourceRef, StoryBrief, StorySummary, TimeExpression } from '../model.ts';
import type { StoredArticle } from '../store/types.ts';
import { buildBrief, normalizeOutlet, renderBriefMarkdown } from './index.ts';

// A fictional story: a fire at the Orlen chemical plant in the town of Sarnow (country: Veltra), told by
// three outlets and one wire copy. Every offset is computed with indexOf, never typed by hand.

function span(text: string, needle: string, from = 0): { text: string; start: number; end: number } {
  const start = text.indexOf(needle, from);
  assert.ok(start >= 0, `fixture: "${needle}" not found`);
  return { text: needle, start, end: start + needle.length };
}

function entity(text: string, needle: string, type: EntityType, canonical = needle, from = 0): Entity {
  return { ...span(text, needle, from), type, canonical, rule: 'test.hand' };
}

function date(text: string, needle: string, value: string, from = 0): TimeExpression {
  return { ...span(text, needle, from), type: 'DATE', value, rule: 'test.hand' };
}

function quantity(text: string, needle: string, value: number, extra: Partial<Quantity> = {}): Quantity {
  return { ...span(text, needle), value, unit: null, rule: 'test.hand', ...extra };
}

interface Fixture {
  id: string;
  outlet: string | null;
  title: string;
  published: string;
  text: string;
  annotate: (text: string) => Partial<Annotations>;
  duplicateOf?: string;
}

function stored(f: Fixture): StoredArticle {
  const a = f.annotate(f.text);
  const annotations: Annotations = { entities: a.entities ?? [], times: a.times ?? [], quantities: a.quantities ?? [], claims: a.claims ?? [] };
  const record: ArticleRecord = {
    id: f.id,
    input: `${f.id}.html`,
    url: `https://example.test/${f.id}`,
    article: {
      title: f.title,
      authors: f.id === 'gazette-1' ? ['Tomas Reld'] : [],
      credit: null,
      outlet: f.outlet,
      published: f.published,
      updated: null,
      language: 'en',
      description: null,
      tags: [],
      url: null,
      text: f.text,
      provenance: {},
    },
    annotations,
    ingestedAt: '2031-05-14T00:00:00+00:00',
  };
  return {
    record,
    assignment: {
      id: f.id,
      story: 's-orlen',
      explanation: {
        score: f.duplicateOf ? 0.95 : 0.5,
        parts: {},
        sharedTerms: [],
        sharedEntities: [],
        decision: 'joined',
        ...(f.duplicateOf ? { duplicateOf: f.duplicateOf, duplicateSimilarity: 0.95 } : {}),
      },
    },
  };
}

const gazette: Fixture = {
  id: 'gazette-1',
  outlet: 'The Harbor Gazette',
  title: 'Fire at Orlen chemical plant in Sarnow kills dozens',
  published: '2031-05-12T18:00:00+02:00',
  text:
    'A fire swept through the Orlen chemical plant in Sarnow on Monday.\n\n' +
    '37 people died in the fire at the Orlen chemical plant, the regional governor said.\n\n' +
    'The Ministry of Defence of Veltra dispatched 400 troops to Sarnow on Monday.\n\n' +
    'More than 10,000 residents were evacuated from the town.',
  annotate: (t) => {
    const sentence = span(t, '37 people died in the fire at the Orlen chemical plant, the regional governor said.');
    const claim: Claim = {
      ...sentence,
      source: { ...span(t, 'the regional governor'), kind: 'person' },
      cue: span(t, 'said'),
      content: { start: sentence.start, end: t.indexOf(', the regional governor') },
      hedged: false,
      rule: 'test.hand',
    };
    return {
      entities: [
        entity(t, 'Orlen chemical plant', 'ORG', 'Orlen'),
        entity(t, 'Sarnow', 'LOC'),
        entity(t, 'Orlen', 'ORG', 'Orlen', t.indexOf('37 people')),
        entity(t, 'Ministry of Defence of Veltra', 'ORG', 'Veltra Ministry of Defence'),
        entity(t, 'Sarnow', 'LOC', 'Sarnow', t.indexOf('400 troops')),
      ],
      times: [date(t, 'on Monday', '2031-05-12'), date(t, 'on Monday', '2031-05-12', t.indexOf('400 troops'))],
      quantities: [quantity(t, '37', 37), quantity(t, '400', 400, { unit: 'troops' }), quantity(t, 'More than 10,000', 10000, { approx: 'over' })],
      claims: [claim],
    };
  },
};

// No quantity annotations here: numbers are read from the text by the fallback pattern.
const ledger: Fixture = {
  id: 'ledger-1',
  outlet: 'Valley Ledger',
  title: 'Death toll rises in Sarnow plant blaze',
  published: '2031-05-12T21:00:00+02:00',
  text:
    'Mayor Ilsa Dravik promised to rebuild the plant by March 2032.\n\n' +
    '52 people died in the fire at the Orlen chemical plant, hospital officials said.\n\n' +
    "Veltra's Ministry of Defence sent 400 soldiers to Sarnow on Monday evening.",
  annotate: (t) => ({
    entities: [
      entity(t, 'Ilsa Dravik', 'PERSON'),
      entity(t, 'Orlen chemical plant', 'ORG', 'Orlen'),
      entity(t, 'Veltra', 'LOC'),
      entity(t, 'Ministry of Defence', 'ORG', 'Veltra Ministry of Defence'),
      entity(t, 'Sarnow', 'LOC'),
    ],
    times: [date(t, 'March 2032', '2032-03'), date(t, 'on Monday', '2031-05-12'), { ...span(t, 'evening'), type: 'TIME', value: '2031-05-12TEV', rule: 'test.hand' }],
  }),
};

const WIRE_TEXT = 'Over 10,000 residents were evacuated from Sarnow.\n\nRescue teams from Kordava arrived in Sarnow on Tuesday.';

function wireAnnotations(t: string): Partial<Annotations> {
  return {
    entities: [entity(t, 'Sarnow', 'LOC'), entity(t, 'Kordava', 'LOC'), entity(t, 'Sarnow', 'LOC', 'Sarnow', t.indexOf('Rescue'))],
    times: [date(t, 'on Tuesday', '2031-05-13'), { ...span(t, 'Over'), type: 'DATE', value: 'PAST_REF', rule: 'test.vague' }],
  };
}

const northwire: Fixture = {
  id: 'northwire-1',
  outlet: 'Northwire',
  title: 'Thousands evacuated after Sarnow plant fire',
  published: '2031-05-13T08:00:00+00:00',
  text: WIRE_TEXT,
  annotate: wireAnnotations,
};

// The same wire story reprinted by another outlet: it must not count as a second source.
const courier: Fixture = {
  id: 'courier-1',
  outlet: 'Coastal Courier',
  title: 'Sarnow evacuated',
  published: '2031-05-13T10:00:00+00:00',
  text: `SARNOW (Northwire) - ${WIRE_TEXT}`,
  annotate: wireAnnotations,
  duplicateOf: 'northwire-1',
};

const summary: StorySummary = {
  id: 's-orlen',
  title: null,
  articles: 4,
  outlets: ['The Harbor Gazette', 'Valley Ledger', 'Northwire', 'Coastal Courier'],
  first_seen: '2031-05-12',
  last_seen: '2031-05-13',
};

// Arrival order differs from publication order on purpose.
const articles = [northwire, gazette, courier, ledger].map(stored);
const textOf = new Map(articles.map((a) => [a.record.id, a.record.article.text]));

function claimWith(brief: StoryBrief, article: string, fragment: string) {
  const found = brief.claims.find((c) => c.sources.some((s) => s.article === article && s.text.includes(fragment)));
  assert.ok(found, `no claim with "${fragment}" from ${article}`);
  return found;
}

function assertRefs(refs: readonly SourceRef[]) {
  for (const ref of refs) {
    const text = textOf.get(ref.article);
    assert.ok(text !== undefined, `unknown article ${ref.article}`);
    assert.equal(text.slice(ref.start, ref.end), ref.text, `bad offsets in ${ref.article}`);
  }
}

describe('buildBrief', () => {
  const brief = buildBrief(summary, articles);

  it('corroborates a fact told by two outlets in different words', () => {
    const claim = claimWith(brief, 'gazette-1', 'dispatched 400 troops');
    assert.equal(claim.status, 'corroborated');
    assert.equal(claim.independent_sources, 2);
    assert.deepEqual(claim.sources.map((s) => s.article).sort(), ['gazette-1', 'ledger-1']);
    // Represented by the earliest article's sentence.
    assert.equal(claim.text, 'The Ministry of Defence of Veltra dispatched 400 troops to Sarnow on Monday.');
  });

  it('does not count a wire copy as another source', () => {
    const evacuated = claimWith(brief, 'gazette-1', 'evacuated');
    assert.equal(evacuated.sources.length, 3, '"more than 10,000" and "over 10,000" are the same fact');
    assert.equal(evacuated.independent_sources, 2);
    assert.equal(evacuated.status, 'corroborated');
    const rescue = claimWith(brief, 'northwire-1', 'Rescue teams');
    assert.deepEqual(rescue.sources.map((s) => s.article).sort(), ['courier-1', 'northwire-1']);
    assert.equal(rescue.independent_sources, 1);
    assert.equal(rescue.status, 'single-source');
  });

  it('marks a fact from one outlet single-source', () => {
    const claim = claimWith(brief, 'ledger-1', 'Ilsa Dravik');
    assert.equal(claim.status, 'single-source');
    assert.equal(claim.independent_sources, 1);
    assert.equal(claim.sources.length, 1);
  });

  it('links conflicting death tolls', () => {
    const low = claimWith(brief, 'gazette-1', '37 people died');
    const high = claimWith(brief, 'ledger-1', '52 people died');
    assert.notEqual(low.id, high.id);
    assert.equal(low.status, 'conflicting');
    assert.equal(high.status, 'conflicting');
    assert.deepEqual(low.conflicts_with, [high.id]);
    assert.deepEqual(high.conflicts_with, [low.id]);
    assert.equal(low.sources.length, 1);
    assert.equal(high.sources.length, 1);
    // The other fire sentence shares the topic words but is not the same fact as "52 people died".
    const swept = claimWith(brief, 'gazette-1', 'A fire swept');
    assert.equal(swept.sources.length, 1);
    assert.equal(swept.status, 'single-source');
  });

  it('reads approximations as ranges and compares exact dates', () => {
    const pair = (first: string, second: string, times: [string, string][] = []) => {
      const make = (id: string, outlet: string, text: string, value?: string): StoredArticle =>
        stored({
          id,
          outlet,
          title: id,
          published: '2031-06-01',
          text,
          annotate: (t) => ({ times: value ? [date(t, value.split('=')[0], value.split('=')[1])] : [] }),
        });
      const b = buildBrief(summary, [make('one', 'Outlet One', first, times[0]?.join('=')), make('two', 'Outlet Two', second, times[1]?.join('='))]);
      return claimWith(b, 'one', first.slice(0, 12));
    };
    assert.equal(pair('About 40 people were injured in the crash at Pellin.', '37 people were injured in the crash at Pellin.').status, 'corroborated');
    assert.equal(pair('More than 10,000 fans attended the final in Pellin.', 'Over 10,000 fans attended the final in Pellin.').status, 'corroborated');
    assert.equal(pair('More than 10,000 fans attended the final in Pellin.', 'Some 9,000 fans attended the final in Pellin.').status, 'conflicting');
    assert.equal(pair('The 1.2 million euro bridge in Pellin reopened.', 'The 1.2 million euro bridge in Pellin reopened to traffic.').status, 'corroborated');
    assert.equal(
      pair('The Pellin bridge reopened on June 3.', 'The Pellin bridge reopened on June 4.', [['on June 3', '2031-06-03'], ['on June 4', '2031-06-04']]).status,
      'conflicting',
    );
    assert.equal(
      pair('The Pellin bridge reopened on June 3.', 'The Pellin bridge reopened on Tuesday.', [['on June 3', '2031-06-03'], ['on Tuesday', '2031-06-03']]).status,
      'corroborated',
    );
  });

  it('gives every source exact offsets and every claim a stable id', () => {
    for (const claim of brief.claims) assertRefs(claim.sources);
    for (const item of brief.summary) assertRefs(item.sources);
    for (const entry of brief.timeline) assertRefs(entry.sources);
    assert.equal(new Set(brief.claims.map((c) => c.id)).size, brief.claims.length);
    // Same input in another arrival order: same brief.
    assert.deepEqual(buildBrief(summary, [ledger, courier, gazette, northwire].map(stored)), brief);
  });

  it('summarises the most corroborated facts first, without repeats', () => {
    assert.ok(brief.summary.length >= 3 && brief.summary.length <= 5, `summary has ${brief.summary.length} items`);
    const corroborated = brief.claims.filter((c) => c.status === 'corroborated').map((c) => c.text);
    assert.deepEqual(brief.summary.slice(0, corroborated.length).map((s) => s.text).sort(), [...corroborated].sort());
    assert.equal(new Set(brief.summary.map((s) => s.text)).size, brief.summary.length);
    assert.ok(!brief.summary.some((s) => /37 people|52 people/.test(s.text)), 'conflicting claims stay out of the summary');
  });

  it('sorts the timeline and leaves out vague references and times of day', () => {
    assert.deepEqual(
      [...new Set(brief.timeline.map((t) => t.value))],
      ['2031-05-12', '2031-05-13', '2032-03'],
    );
    // One entry per date and claim: the dispatch on Monday is told by two outlets, the fire by one.
    const dispatch = brief.timeline.find((t) => t.value === '2031-05-12' && t.text.includes('dispatched'));
    assert.ok(dispatch, JSON.stringify(brief.timeline));
    assert.equal(dispatch.expression, 'on Monday');
    assert.deepEqual([...new Set(dispatch.sources.map((s) => s.article))].sort(), ['gazette-1', 'ledger-1']);
    assert.ok(brief.timeline.some((t) => t.value === '2031-05-12' && t.text.startsWith('A fire swept')));
    assert.ok(brief.timeline.every((t) => !t.inferred), 'every date here is stated');
  });

  it('merges entities across articles by canonical name', () => {
    const ministry = brief.entities.find((e) => e.canonical === 'Veltra Ministry of Defence');
    assert.ok(ministry);
    assert.equal(ministry.articles, 2);
    // Surface forms and each document's canonical.
    assert.deepEqual(ministry.aliases, ['Ministry of Defence of Veltra', 'Veltra Ministry of Defence', 'Ministry of Defence']);
    const sarnow = brief.entities.find((e) => e.canonical === 'Sarnow');
    assert.equal(sarnow?.articles, 4);
    assert.equal(sarnow?.type, 'LOC');
    assert.equal(brief.entities[0].canonical, 'Sarnow', 'most widely named first');
  });

  it('lists the articles in publication order with copies marked', () => {
    assert.deepEqual(brief.articles.map((a) => a.id), ['gazette-1', 'ledger-1', 'northwire-1', 'courier-1']);
    assert.equal(brief.articles[3].duplicate_of, 'northwire-1');
    assert.equal(brief.articles[0].duplicate_of, undefined);
    assert.deepEqual(brief.articles[0].authors, ['Tomas Reld']);
    assert.equal(brief.articles[0].url, 'https://example.test/gazette-1');
    assert.equal(brief.title, gazette.title, 'falls back to the earliest title');
  });

  it('counts an article without outlet as its own publisher, and same outlets once', () => {
    const twin = stored({ ...ledger, id: 'ledger-2', outlet: 'VALLEY LEDGER' });
    const anonymous = stored({ ...ledger, id: 'anon-1', outlet: null });
    const b = buildBrief(summary, [stored(gazette), stored(ledger), twin]);
    assert.equal(claimWith(b, 'gazette-1', 'dispatched').independent_sources, 2);
    const withAnonymous = buildBrief(summary, [stored(gazette), stored(ledger), anonymous]);
    assert.equal(claimWith(withAnonymous, 'gazette-1', 'dispatched').independent_sources, 3);
    assert.equal(normalizeOutlet('The Harbor Gazette'), normalizeOutlet('harborgazette.com'));
  });

  it('ignores annotations whose offsets do not match the text', () => {
    const broken = stored(gazette);
    broken.record.annotations.entities.push({ text: 'Nowhere', start: 0, end: 7, type: 'LOC', canonical: 'Nowhere', rule: 'test.bad' });
    const b = buildBrief(summary, [broken]);
    assert.ok(!b.entities.some((e) => e.canonical === 'Nowhere'));
  });
});

describe('renderBriefMarkdown', () => {
  const markdown = renderBriefMarkdown(buildBrief(summary, articles));

  it('has every section', () => {
    for (const heading of ['# Fire at Orlen chemical plant', '## Summary', '## Claims', '### Corroborated', '### Conflicting', '### Single source', '## Timeline', '## Entities', '## Articles']) {
      assert.ok(markdown.includes(heading), `missing ${heading}`);
    }
  });

  it('cites outlets and shows conflicts and copies', () => {
    const summarySection = markdown.slice(markdown.indexOf('## Summary'), markdown.indexOf('## Claims'));
    assert.match(summarySection, /dispatched 400 troops.*\[The Harbor Gazette\] \[Valley Ledger\]/);
    assert.match(markdown, /conflicts with: “52 people died/);
    assert.match(markdown, /\*\*2032-03\*\* \(“March 2032”\) Mayor Ilsa Dravik/);
    assert.match(markdown, /copy of `northwire-1`/);
    assert.ok(markdown.indexOf('### Corroborated') < markdown.indexOf('### Conflicting'));
  });
});
