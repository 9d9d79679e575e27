/**
 * Claim alignment, conflicts, independence, date inference and exports, through the public entry points, on
 * fictional articles (Marovia, Drenland and their outlets are invented). Annotations are written by hand
 * from the text (every offset found with indexOf), so these tests pin the cross-check, not the annotators.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Annotations, Claim, Entity, EntityType, Quantity, StoryBrief, StoryClaim, TimeExpression } from '../model.ts';
import type { StoredArticle } from '../store/types.ts';
import { actorGraphGraphml, actorGraphJson, buildBrief, claimsCsv, eventsTsv, exportBrief, EXPORT_FORMATS } from './index.ts';
import { CLAIMS_CSV_COLUMNS, EVENTS_TSV_COLUMNS } from './export.ts';

interface Spec {
  id: string;
  outlet: string | null;
  published: string | null;
  text: string;
  credit?: string;
  entities?: Array<[string, EntityType] | [string, EntityType, string]>;
  times?: Array<[string, string]>;
  quantities?: Array<[string, number | null, string | null, Quantity['approx']?]>;
  claims?: Array<{ sentence: string; source: string; kind: 'outlet' | 'institution' | 'person' }>;
}

/** Every occurrence of `needle` in `text`. */
function all(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) out.push(i);
  assert.ok(out.length > 0, `fixture: "${needle}" not in text`);
  return out;
}

function article(spec: Spec): StoredArticle {
  const t = spec.text;
  const entities: Entity[] = (spec.entities ?? []).flatMap(([name, type, canonical]) =>
    all(t, name).map((start) => ({ text: name, start, end: start + name.length, type, canonical: canonical ?? name, rule: 'test.hand' })),
  );
  const times: TimeExpression[] = (spec.times ?? []).flatMap(([text, value]) =>
    all(t, text).map((start) => ({ text, start, end: start + text.length, type: 'DATE' as const, value, rule: 'test.hand' })),
  );
  const quantities: Quantity[] = (spec.quantities ?? []).flatMap(([text, value, unit, approx]) =>
    all(t, text).map((start) => ({ text, start, end: start + text.length, value, unit, ...(approx ? { approx } : {}), rule: 'test.hand' })),
  );
  const claims: Claim[] = (spec.claims ?? []).map(({ sentence, source, kind }) => {
    const start = all(t, sentence)[0];
    const s = start + sentence.indexOf(source);
    return {
      text: sentence,
      start,
      end: start + sentence.length,
      source: { text: source, start: s, end: s + source.length, kind, canonical: source.replace(/^the /i, '') },
      cue: null,
      content: { start, end: start + sentence.length },
      hedged: false,
      rule: 'test.hand',
    };
  });
  const annotations: Annotations = { entities, times, quantities, claims };
  return {
    record: {
      id: spec.id,
      input: `${spec.id}.txt`,
      url: null,
      article: {
        title: spec.id,
        authors: [],
        credit: spec.credit ?? null,
        outlet: spec.outlet,
        published: spec.published,
        updated: null,
        language: 'en',
        description: null,
        tags: [],
        url: null,
        text: t,
        provenance: {},
      },
      annotations,
      ingestedAt: '2031-06-10T00:00:00+00:00',
    },
    assignment: { id: spec.id, story: 's-test', explanation: { score: 0.5, parts: {}, sharedTerms: [], sharedEntities: [], decision: 'joined' } },
  };
}

const summary = { id: 's-test', title: null, articles: 0, outlets: [], first_seen: null, last_seen: null };

function claimWith(brief: StoryBrief, article: string, fragment: string): StoryClaim {
  const found = brief.claims.filter((c) => c.sources.some((s) => s.article === article && s.text.includes(fragment)));
  assert.ok(found.length > 0, `no claim with "${fragment}" from ${article}`);
  // The claim that aligns the sentence with most others.
  return found.sort((a, b) => b.sources.length - a.sources.length)[0];
}

function assertOffsets(brief: StoryBrief, articles: StoredArticle[]) {
  const textOf = new Map(articles.map((a) => [a.record.id, a.record.article.text]));
  const refs = [...brief.claims.flatMap((c) => c.sources), ...brief.summary.flatMap((s) => s.sources), ...brief.timeline.flatMap((t) => t.sources)];
  for (const ref of refs) assert.equal(textOf.get(ref.article)?.slice(ref.start, ref.end), ref.text, `offsets of ${JSON.stringify(ref)}`);
  for (const entry of brief.timeline) for (const m of entry.mentions ?? []) assert.equal(textOf.get(m.article)?.slice(m.start, m.end), m.text);
}

// A visit told by a dated and an undated outlet, in different words.
const visitA = article({
  id: 'herald',
  outlet: 'Tidewater Herald',
  published: '2031-05-16T10:00:00+02:00',
  text:
    'Marovian Defence Minister Pavel Orsk arrived in Selt for an official visit on May 16, amid closer military ties between Marovia and Drenland.\n\n' +
    'Orsk was greeted at the airport by his counterpart Ilmar Vesk and members of the Drenland military.\n\n' +
    'Orsk will take part in meetings with the military and political leadership of Drenland, the ministry added.\n\n' +
    'Drenland is believed to have dispatched over 10,000 troops to Marovia.',
  entities: [
    ['Pavel Orsk', 'PERSON'],
    ['Orsk', 'PERSON', 'Pavel Orsk'],
    ['Selt', 'LOC'],
    ['Marovia', 'LOC'],
    ['Drenland', 'LOC'],
    ['Ilmar Vesk', 'PERSON'],
  ],
  times: [['on May 16', '2031-05-16']],
  quantities: [['over 10,000 troops', 10000, 'troops', 'over']],
});
const visitB = article({
  id: 'chronicle',
  outlet: 'Glen Chronicle',
  published: null,
  text:
    'Drenland has sent more than 10,000 soldiers to Marovia in recent weeks.\n\n' +
    "Marovian Defence Minister Pavel Orsk arrived in Drenland on Friday for talks with Drenland's military and political leaders, the ministry said.\n\n" +
    'Orsk replaced Tomas Brell as defence minister in May.',
  entities: [
    ['Pavel Orsk', 'PERSON'],
    ['Orsk', 'PERSON', 'Pavel Orsk'],
    ['Marovia', 'LOC'],
    ['Drenland', 'LOC'],
    ['Tomas Brell', 'PERSON'],
  ],
  times: [
    ['Friday', 'XXXX-WXX-5'],
    ['May', 'XXXX-05'],
  ],
  quantities: [['more than 10,000 soldiers', 10000, 'soldiers', 'over']],
});

describe('alignment of paraphrases', () => {
  const articles = [visitB, visitA];
  const brief = buildBrief(summary, articles);

  it('fixture: May 16, 2031 is a Friday', () => {
    assert.equal(new Date('2031-05-16T00:00:00Z').getUTCDay(), 5);
  });

  it('corroborates "dispatched over 10,000 troops" with "sent more than 10,000 soldiers"', () => {
    const troops = claimWith(brief, 'herald', 'dispatched over 10,000 troops');
    assert.equal(troops.status, 'corroborated');
    assert.equal(troops.independent_sources, 2);
    assert.ok(troops.sources.some((s) => s.article === 'chronicle' && s.text.includes('more than 10,000 soldiers')));
    assert.equal(troops.statement?.action, 'deploy_forces');
    assert.equal(troops.statement?.actor, 'Drenland');
    assert.equal(troops.statement?.target, 'Marovia');
  });

  it('aligns one sentence stating two facts with each of them', () => {
    const arrival = claimWith(brief, 'herald', 'arrived in Selt');
    const talks = claimWith(brief, 'herald', 'meetings with the military and political leadership');
    for (const claim of [arrival, talks]) {
      assert.equal(claim.status, 'corroborated', claim.text);
      assert.ok(claim.sources.some((s) => s.article === 'chronicle' && s.text.includes('for talks with')), claim.text);
    }
    assert.notEqual(arrival.id, talks.id);
    assert.equal(arrival.statement?.action, 'visit');
    assert.equal(talks.statement?.action, 'meet');
  });

  it('keeps facts told by one outlet single-source', () => {
    for (const [id, fragment] of [
      ['herald', 'greeted at the airport'],
      ['chronicle', 'replaced Tomas Brell'],
    ]) {
      const claim = claimWith(brief, id, fragment);
      assert.equal(claim.status, 'single-source', fragment);
      assert.equal(claim.independent_sources, 1);
      assert.equal(claim.sources.length, 1);
    }
  });

  it('bounds the undated article from the story and resolves its relative dates, marked inferred', () => {
    const chronicle = brief.articles.find((a) => a.id === 'chronicle');
    assert.equal(chronicle?.published, null, 'the stated publish date stays unknown');
    assert.equal(chronicle?.reference_date?.value, '2031-05-16');
    assert.equal(chronicle?.reference_date?.inferred, true);
    assert.ok(chronicle!.reference_date!.latest >= '2031-05-16');
    assert.equal(chronicle?.reference_date?.anchors[0].anchor.article, 'herald');
    const friday = brief.timeline.find((t) => t.value === '2031-05-16' && t.sources.some((s) => s.article === 'chronicle'));
    assert.ok(friday, JSON.stringify(brief.timeline));
    assert.equal(friday.inferred, true);
    assert.match(friday.expression ?? '', /Friday/);
    const stated = brief.timeline.find((t) => t.value === '2031-05-16' && t.sources.some((s) => s.article === 'herald'));
    assert.ok(stated && !stated.inferred, 'the stated date is kept apart from the inferred one');
    const may = brief.timeline.find((t) => t.value === '2031-05');
    assert.ok(may && may.inferred && may.text.includes('replaced Tomas Brell'), JSON.stringify(may));
    assertOffsets(brief, articles);
  });

  it('builds actor -> action -> target edges with counts', () => {
    const edge = brief.actor_graph?.edges.find((e) => e.action === 'deploy_forces');
    assert.ok(edge, JSON.stringify(brief.actor_graph));
    assert.equal(edge.count, 2);
    assert.equal(edge.independent_sources, 2);
    const label = new Map(brief.actor_graph!.nodes.map((n) => [n.id, n.label]));
    assert.equal(label.get(edge.actor), 'Drenland');
    assert.equal(label.get(edge.target), 'Marovia');
  });

  it('is deterministic and independent of arrival order', () => {
    assert.deepEqual(buildBrief(summary, [visitA, visitB]), brief);
  });
});

describe('conflicts', () => {
  const c = article({
    id: 'c',
    outlet: 'Tidewater Herald',
    published: '2031-06-02',
    text: 'A flood in the town of Harn killed 14 people on Sunday.\n\nThe Harn bridge reopened to traffic on June 3.\n\nMayor Ada Lenk visited the flood shelter in Harn.',
    entities: [['Harn', 'LOC'], ['Ada Lenk', 'PERSON']],
    times: [['on Sunday', '2031-06-01'], ['on June 3', '2031-06-03']],
    quantities: [['14 people', 14, 'people']],
  });
  const d = article({
    id: 'd',
    outlet: 'Glen Chronicle',
    published: '2031-06-02',
    text: "The number of people killed in Sunday's flood in Harn has risen to 19, officials said.\n\nThe Harn bridge reopened to traffic on June 4.\n\nMayor Ada Lenk did not visit the flood shelter in Harn.",
    entities: [['Harn', 'LOC'], ['Ada Lenk', 'PERSON']],
    times: [['Sunday', '2031-06-01'], ['on June 4', '2031-06-04']],
    quantities: [['19', 19, null]],
  });
  const brief = buildBrief(summary, [c, d]);

  for (const [kind, left, right] of [
    ['number', 'killed 14 people', 'risen to 19'],
    ['date', 'on June 3', 'on June 4'],
    ['negation', 'visited the flood shelter', 'did not visit'],
  ] as const) {
    it(`links ${kind} conflicts and reports them together`, () => {
      const a = claimWith(brief, 'c', left);
      const b = claimWith(brief, 'd', right);
      assert.equal(a.status, 'conflicting');
      assert.equal(b.status, 'conflicting');
      assert.deepEqual(a.conflicts_with, [b.id]);
      const conflict = brief.conflicts?.find((x) => x.claims.includes(a.id));
      assert.ok(conflict, JSON.stringify(brief.conflicts));
      assert.equal(conflict.kind, kind);
      assert.deepEqual(conflict.claims, [a.id, b.id].sort());
    });
  }

  it('keeps conflicting claims out of the summary', () => {
    assert.ok(!brief.summary.some((s) => /14 people|risen to 19/.test(s.text)));
  });
});

describe('independent sources', () => {
  const WIRE = 'Workers closed the Harn dam on Monday after the river rose by two metres.';
  const herald = article({ id: 'w1', outlet: 'Tidewater Herald', published: '2031-06-03', credit: 'Birch Wire', text: WIRE, entities: [['Harn', 'LOC']], times: [['on Monday', '2031-06-02']] });
  const chronicle = article({ id: 'w2', outlet: 'Glen Chronicle', published: '2031-06-03', credit: 'Birch Wire', text: WIRE, entities: [['Harn', 'LOC']], times: [['on Monday', '2031-06-02']] });
  const relay = article({
    id: 'r1',
    outlet: 'Vale Post',
    published: '2031-06-04',
    text: 'The Tidewater Herald reported that the Harn dam was closed on Monday when the river rose by two metres.',
    entities: [['Harn', 'LOC']],
    times: [['on Monday', '2031-06-02']],
  });
  const own = article({ id: 'h1', outlet: 'Tidewater Herald', published: '2031-06-03', text: 'Engineers closed the Harn dam on Monday as the river rose by two metres.', entities: [['Harn', 'LOC']], times: [['on Monday', '2031-06-02']] });

  it('counts two outlets carrying one wire story once', () => {
    const brief = buildBrief(summary, [herald, chronicle]);
    const claim = claimWith(brief, 'w1', 'closed the Harn dam');
    assert.equal(claim.sources.length, 2);
    assert.equal(claim.independent_sources, 1);
    assert.equal(claim.status, 'single-source');
    assert.deepEqual(claim.publishers, ['Birch Wire']);
  });

  it('counts a sentence relaying another outlet as that outlet', () => {
    const brief = buildBrief(summary, [own, relay]);
    const claim = claimWith(brief, 'h1', 'closed the Harn dam');
    assert.equal(claim.sources.length, 2);
    assert.equal(claim.independent_sources, 1, JSON.stringify(claim));
    assert.equal(claim.status, 'single-source');
  });

  it('lists what each publisher alone reported', () => {
    const brief = buildBrief(summary, [visitA, visitB]);
    const herald = brief.exclusives?.find((e) => e.publisher === 'Tidewater Herald');
    assert.ok(herald?.claims.some((c) => c.text.includes('greeted at the airport')), JSON.stringify(brief.exclusives));
    assert.ok(!herald?.claims.some((c) => c.text.includes('dispatched')));
    const chronicle = brief.exclusives?.find((e) => e.publisher === 'Glen Chronicle');
    assert.ok(chronicle?.claims.some((c) => c.text.includes('replaced Tomas Brell')));
  });
});

describe('exports', () => {
  const brief = buildBrief(summary, [visitA, visitB]);

  /** A minimal RFC 4180 reader: enough to check our own output. */
  function parseCsv(text: string): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (quoted) {
        if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
        else if (ch === '"') quoted = false;
        else field += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') row.push(field), (field = '');
      else if (ch === '\r' && text[i + 1] === '\n') {
        row.push(field);
        rows.push(row);
        (row = []), (field = ''), i++;
      } else field += ch;
    }
    return rows;
  }

  it('writes one CSV row per claim and source, with exact offsets', () => {
    const rows = parseCsv(claimsCsv(brief));
    assert.deepEqual(rows[0], [...CLAIMS_CSV_COLUMNS]);
    assert.equal(rows.length - 1, brief.claims.reduce((n, c) => n + c.sources.length, 0));
    const col = (name: string) => CLAIMS_CSV_COLUMNS.indexOf(name as (typeof CLAIMS_CSV_COLUMNS)[number]);
    const texts = new Map([visitA, visitB].map((a) => [a.record.id, a.record.article.text]));
    for (const row of rows.slice(1)) {
      assert.equal(row.length, CLAIMS_CSV_COLUMNS.length);
      assert.equal(texts.get(row[col('source_article')])!.slice(Number(row[col('source_start')]), Number(row[col('source_end')])), row[col('source_text')]);
    }
    assert.ok(rows.some((r) => r[col('action')] === 'deploy_forces' && r[col('status')] === 'corroborated'));
  });

  it('writes the actor graph as JSON and GraphML', () => {
    const graph = JSON.parse(actorGraphJson(brief));
    assert.equal(graph.story, 's-test');
    assert.equal(graph.edges.length, brief.actor_graph?.edges.length);
    const xml = actorGraphGraphml(brief);
    assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<graphml /);
    assert.equal((xml.match(/<node /g) ?? []).length, graph.nodes.length);
    assert.equal((xml.match(/<edge /g) ?? []).length, graph.edges.length);
    assert.match(xml, /<data key="action">deploy_forces<\/data>/);
    assert.match(xml, /<\/graph>\n<\/graphml>\n$/);
  });

  it('writes GDELT-like events with CAMEO root codes', () => {
    const lines = eventsTsv(brief).trimEnd().split('\n').map((l) => l.split('\t'));
    assert.deepEqual(lines[0], [...EVENTS_TSV_COLUMNS]);
    for (const line of lines) assert.equal(line.length, EVENTS_TSV_COLUMNS.length);
    const col = (name: string) => EVENTS_TSV_COLUMNS.indexOf(name as (typeof EVENTS_TSV_COLUMNS)[number]);
    const deploy = lines.find((l) => l[col('ActionClass')] === 'deploy_forces');
    assert.ok(deploy);
    assert.equal(deploy[col('EventRootCode')], '15');
    assert.equal(deploy[col('QuadClass')], '4');
    assert.equal(deploy[col('NumSources')], '2');
    const visit = lines.find((l) => l[col('ActionClass')] === 'visit');
    assert.equal(visit?.[col('SQLDATE')], '20310516');
  });

  it('exports every format', () => {
    for (const format of EXPORT_FORMATS) assert.ok(exportBrief(brief, format).length > 0, format);
    assert.deepEqual(JSON.parse(exportBrief(brief, 'json')), brief);
  });
});
