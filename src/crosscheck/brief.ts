/**
 * buildBrief: the cross-check of one story, pure and deterministic. In order:
 *   1. order the articles by publish date (arrival breaks ties), resolve each one's publisher family (a copy
 *      counts as its original, a wire story as its agency) and merge entity canonicals across documents;
 *   2. statements (facets.ts): per sentence, each action cue with its arguments, or the sentence itself;
 *   3. align statements across articles (align.ts) into groups, and find conflicting pairs;
 *   4. undated articles: bound their reference date from aligned dated statements and tag their times again
 *      (infer.ts); when any was inferred, statements and alignment are built again with the new dates;
 *   5. one claim per distinct set of source sentences: independent sources counted by publisher family,
 *      sentences relaying another outlet counted as that outlet; status corroborated / single-source /
 *      conflicting;
 *   6. summary, exclusives, conflicts, timeline, entities, actor graph and article list.
 */
import { createHash } from 'node:crypto';
import type { ClaimStatement, EntityType, SourceRef, StoryBrief, StoryClaim, StorySummary, TimeExpression } from '../model.ts';
import type { StoredArticle } from '../store/types.ts';
import { alignFacets, type Alignment, type ComparisonCache, type ConflictKind } from './align.ts';
import { SUMMARY_MAX, SUMMARY_MIN, SUMMARY_REPEAT_THRESHOLD } from './constants.ts';
import type { Facet } from './facets.ts';
import { buildActorGraph } from './graph.ts';
import { inferReferenceDates, type ReferenceInference } from './infer.ts';
import type { PublisherRef } from './sources.ts';
import { prepareArticles, statementsOf, type StoryArticle } from './story.ts';
import { diceIds, foldCase, Interner } from './text.ts';
import { buildTimeline } from './timeline.ts';

/** A claim while the brief is built: the contract record plus the statements behind it. */
export interface BuiltClaim {
  claim: StoryClaim;
  facets: Facet[];
  /** The statement whose sentence is the claim's text. */
  first: Facet;
}

const sentenceKey = (f: Facet) => `${f.article}:${f.sentence.start}`;

function claimId(refs: readonly SourceRef[]): string {
  const key = refs
    .map((r) => `${r.article}\u0000${r.start}\u0000${r.end}`)
    .sort()
    .join('\u0001');
  return `c-${createHash('sha256').update(key).digest('hex').slice(0, 12)}`;
}

/** The publisher a statement counts as: the outlet it relays, else its article's. */
export function publisherOfFacet(ordered: readonly StoryArticle[], facet: Facet): PublisherRef {
  const article = ordered[facet.article];
  return article.relays.get(facet.sentence.start) ?? article.publisher;
}

function statementOf(facets: readonly Facet[]): ClaimStatement {
  const main = facets.find((f) => f.action !== 'other') ?? facets[0];
  const most = (pick: (f: Facet) => string | null | undefined): string | null => {
    const counts = new Map<string, number>();
    for (const f of facets) {
      const v = pick(f);
      if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    let best: string | null = null;
    let bestCount = 0;
    for (const [v, c] of counts) if (c > bestCount) [best, bestCount] = [v, c];
    return best;
  };
  const actionFacets = facets.filter((f) => f.action === main.action);
  return {
    actor: most((f) => (f.action === main.action ? f.actor?.name : null)),
    action: main.action,
    target: most((f) => (f.action === main.action ? f.target?.name : null)),
    place: most((f) => (f.action === main.action ? f.place?.name : null)),
    time: most((f) => f.times.find((t) => /^\d{4}(-\d{2}){0,2}$/.test(t.value))?.value),
    quantities: main.numbers.map((n) => ({ text: n.text, low: Number.isFinite(n.low) ? n.low : null, high: Number.isFinite(n.high) ? n.high : null, unit: n.unit })),
    negated: actionFacets.filter((f) => f.negated).length * 2 > actionFacets.length,
  };
}

interface ClaimSet {
  claims: BuiltClaim[];
  conflicts: NonNullable<StoryBrief['conflicts']>;
}

function buildClaims(ordered: readonly StoryArticle[], alignment: Alignment): ClaimSet {
  // One claim per distinct set of source sentences: statements of one sentence aligned with the same
  // sentences elsewhere ("dispatched troops" and "clashes" of one sentence) are one claim.
  const bySentences = new Map<string, { facets: Facet[]; groups: number[] }>();
  const groupClaim: string[] = [];
  alignment.groups.forEach((group, g) => {
    const key = [...new Set(group.map(sentenceKey))].sort().join('|');
    groupClaim[g] = key;
    const entry = bySentences.get(key);
    if (entry) {
      entry.facets.push(...group);
      entry.groups.push(g);
    } else bySentences.set(key, { facets: [...group], groups: [g] });
  });
  const conflicted = new Set<string>();
  for (const c of alignment.conflicts) for (const g of c.groups) conflicted.add(groupClaim[g]);
  // A sentence aligned elsewhere for one of its statements is shown there; its other, unmatched
  // statements do not make a second claim of the same sentence.
  const shownInLarger = new Set<string>();
  for (const [key, entry] of bySentences) if (key.includes('|') || conflicted.has(key)) for (const f of entry.facets) shownInLarger.add(sentenceKey(f));
  const kept = [...bySentences].filter(([key]) => key.includes('|') || conflicted.has(key) || !shownInLarger.has(key));

  const built = new Map<string, BuiltClaim>();
  for (const [key, { facets }] of kept) {
    facets.sort((a, b) => a.index - b.index);
    const perSentence = new Map<string, Facet>();
    for (const f of facets) if (!perSentence.has(sentenceKey(f))) perSentence.set(sentenceKey(f), f);
    const members = [...perSentence.values()].sort((a, b) => a.article - b.article || a.sentence.start - b.sentence.start);
    const sources: SourceRef[] = members.map((f) => ({ article: f.articleId, text: f.sentence.text, start: f.sentence.start, end: f.sentence.end }));
    const publishers = new Map<string, string>();
    for (const f of members) {
      const p = publisherOfFacet(ordered, f);
      if (!publishers.has(p.key)) publishers.set(p.key, p.name);
    }
    const first = members[0];
    const claim: StoryClaim = {
      id: claimId(sources),
      text: first.sentence.text,
      status: publishers.size >= 2 ? 'corroborated' : 'single-source',
      independent_sources: publishers.size,
      sources,
      publishers: [...publishers.values()],
      statement: statementOf(facets),
    };
    built.set(key, { claim, facets, first });
  }

  const conflicts: ClaimSet['conflicts'] = [];
  const seen = new Map<string, NonNullable<StoryBrief['conflicts']>[number]>();
  for (const c of alignment.conflicts) {
    const a = built.get(groupClaim[c.groups[0]]);
    const b = built.get(groupClaim[c.groups[1]]);
    if (!a || !b || a === b) continue;
    for (const [self, other] of [
      [a, b],
      [b, a],
    ]) {
      self.claim.status = 'conflicting';
      const list = (self.claim.conflicts_with ??= []);
      if (!list.includes(other.claim.id)) list.push(other.claim.id);
    }
    const pair = [a.claim.id, b.claim.id].sort();
    const key = `${c.kind}|${pair.join('|')}`;
    if (seen.has(key)) continue;
    const record = { id: '', kind: c.kind as ConflictKind, detail: c.detail, claims: pair };
    seen.set(key, record);
    conflicts.push(record);
  }
  for (const { claim } of built.values()) claim.conflicts_with?.sort();
  // Conflicts that share a claim are one disagreement ("14 dead" vs "19 dead" told by four outlets).
  const merged = mergeConflicts(conflicts);

  const claims = [...built.values()].sort(
    (x, y) =>
      y.claim.independent_sources - x.claim.independent_sources ||
      y.claim.sources.length - x.claim.sources.length ||
      x.first.article - y.first.article ||
      x.first.sentence.start - y.first.sentence.start,
  );
  return { claims, conflicts: merged };
}

function mergeConflicts(list: NonNullable<StoryBrief['conflicts']>): NonNullable<StoryBrief['conflicts']> {
  const out: NonNullable<StoryBrief['conflicts']> = [];
  for (const c of list) {
    const into = out.find((o) => o.kind === c.kind && o.claims.some((id) => c.claims.includes(id)));
    if (into) {
      for (const id of c.claims) if (!into.claims.includes(id)) into.claims.push(id);
      if (!into.detail.includes(c.detail)) into.detail = `${into.detail}; ${c.detail}`;
    } else out.push({ ...c, claims: [...c.claims] });
  }
  for (const c of out) {
    c.claims.sort();
    c.id = `x-${createHash('sha256').update(`${c.kind}|${c.claims.join('|')}`).digest('hex').slice(0, 12)}`;
  }
  return out;
}

function buildSummary(claims: readonly BuiltClaim[]): StoryBrief['summary'] {
  const picked: BuiltClaim[] = [];
  const repeats = (candidate: BuiltClaim) =>
    picked.some(
      (p) =>
        p.claim.sources.some((s) => candidate.claim.sources.some((t) => t.article === s.article && t.start === s.start)) ||
        diceIds(p.first.words, candidate.first.words) >= SUMMARY_REPEAT_THRESHOLD,
    );
  for (const built of claims) {
    if (picked.length >= SUMMARY_MAX) break;
    if (built.claim.status === 'corroborated' && !repeats(built)) picked.push(built);
  }
  // Too few corroborated facts: fill with single-source ones, earliest article's lead first.
  const fillers = claims
    .filter((c) => c.claim.status === 'single-source')
    .sort((a, b) => a.first.article - b.first.article || a.first.sentence.start - b.first.sentence.start);
  for (const built of fillers) {
    if (picked.length >= SUMMARY_MIN) break;
    if (!repeats(built)) picked.push(built);
  }
  return picked.map(({ claim }) => ({ text: claim.text, sources: claim.sources.map((s) => ({ ...s })) }));
}

function buildExclusives(ordered: readonly StoryArticle[], claims: readonly BuiltClaim[]): NonNullable<StoryBrief['exclusives']> {
  const byPublisher = new Map<string, { publisher: string; outlets: Set<string>; articles: Set<string>; claims: Array<{ id: string; text: string }> }>();
  for (const built of claims) {
    if (built.claim.status !== 'single-source') continue;
    const publisher = publisherOfFacet(ordered, built.first);
    let entry = byPublisher.get(publisher.key);
    if (!entry) {
      entry = { publisher: publisher.name, outlets: new Set(), articles: new Set(), claims: [] };
      byPublisher.set(publisher.key, entry);
    }
    for (const f of built.facets) {
      entry.articles.add(f.articleId);
      const outlet = ordered[f.article].stored.record.article.outlet;
      if (outlet) entry.outlets.add(outlet);
    }
    entry.claims.push({ id: built.claim.id, text: built.claim.text });
  }
  return [...byPublisher.values()]
    .map((e) => ({ publisher: e.publisher, outlets: [...e.outlets], articles: [...e.articles], claims: e.claims }))
    .sort((a, b) => b.claims.length - a.claims.length || (a.publisher < b.publisher ? -1 : 1));
}

function buildEntities(ordered: readonly StoryArticle[], canonicalOf: (name: string) => string): StoryBrief['entities'] {
  interface Merged {
    spellings: Map<string, number>;
    aliases: string[];
    types: Map<EntityType, number>;
    articles: Set<string>;
    mentions: number;
    first: number;
  }
  const merged = new Map<string, Merged>();
  let order = 0;
  for (const article of ordered) {
    for (const entity of article.annotations.entities) {
      const documentName = (entity.canonical || entity.text).trim();
      if (!documentName) continue;
      const name = canonicalOf(documentName);
      const key = foldCase(name);
      let entry = merged.get(key);
      if (!entry) {
        entry = { spellings: new Map(), aliases: [], types: new Map(), articles: new Set(), mentions: 0, first: order++ };
        merged.set(key, entry);
      }
      entry.spellings.set(name, (entry.spellings.get(name) ?? 0) + 1);
      for (const alias of [entity.text, documentName]) if (!entry.aliases.includes(alias)) entry.aliases.push(alias);
      entry.types.set(entity.type, (entry.types.get(entity.type) ?? 0) + 1);
      entry.articles.add(article.id);
      entry.mentions++;
    }
  }
  const mostCommon = <T>(counts: Map<T, number>): T => [...counts].reduce((best, next) => (next[1] > best[1] ? next : best))[0];
  return [...merged.values()]
    .sort((a, b) => b.articles.size - a.articles.size || b.mentions - a.mentions || a.first - b.first)
    .map((e) => ({ canonical: mostCommon(e.spellings), type: mostCommon(e.types), aliases: e.aliases, articles: e.articles.size }));
}

function articleList(ordered: readonly StoryArticle[], inferences: readonly ReferenceInference[]): StoryBrief['articles'] {
  const inferred = new Map(inferences.map((i) => [i.article, i]));
  const sentenceRef = (article: string, span: { start: number; end: number; text: string }) => ({ article, text: span.text, start: span.start, end: span.end });
  return ordered.map(({ stored, publisher }) => {
    const { record } = stored;
    const duplicateOf = stored.assignment?.explanation?.duplicateOf;
    const inference = inferred.get(record.id);
    return {
      id: record.id,
      title: record.article.title,
      outlet: record.article.outlet,
      authors: [...record.article.authors],
      published: record.article.published,
      url: record.url ?? record.article.url,
      ...(duplicateOf ? { duplicate_of: duplicateOf } : {}),
      publisher: publisher.name,
      ...(inference
        ? {
            reference_date: {
              value: inference.value,
              earliest: inference.earliest,
              latest: inference.latest,
              inferred: true as const,
              rule: inference.rule,
              anchors: inference.anchors.map((a) => ({
                expression: { ...sentenceRef(record.id, a.expression), value: a.expression.value },
                anchor: { ...sentenceRef(a.anchor.article, a.anchor), value: a.anchor.value },
              })),
            },
          }
        : {}),
    };
  });
}

/** Everything of a brief before it is shaped for output (exports and tests read the statements). */
export interface BriefWork {
  brief: StoryBrief;
  ordered: StoryArticle[];
  claims: BuiltClaim[];
  inferences: ReferenceInference[];
}

export function crosscheckStory(summary: StorySummary, articles: readonly StoredArticle[]): BriefWork {
  const { ordered, canonicalOf } = prepareArticles(articles);
  const interner = new Interner();
  let facets = statementsOf(ordered, canonicalOf, interner);
  const comparisons: ComparisonCache = new Map();
  let alignment = alignFacets(facets, comparisons);

  const inferences = inferReferenceDates(
    ordered.map((a) => ({ position: a.position, id: a.id, text: a.text, published: a.stored.record.article.published, times: a.annotations.times })),
    alignment.groups,
  );
  const retimed = new Map<number, TimeExpression[]>();
  if (inferences.length > 0) {
    const positionOf = new Map(ordered.map((a) => [a.id, a.position]));
    for (const inference of inferences) retimed.set(positionOf.get(inference.article)!, inference.times);
    facets = statementsOf(ordered, canonicalOf, interner, retimed, facets);
    alignment = alignFacets(facets, comparisons);
  }

  const { claims, conflicts } = buildClaims(ordered, alignment);
  const timesOf = (a: StoryArticle) => retimed.get(a.position) ?? a.annotations.times;
  const brief: StoryBrief = {
    id: summary.id,
    title: summary.title ?? ordered.find((a) => a.stored.record.article.title)?.stored.record.article.title ?? null,
    summary: buildSummary(claims),
    articles: articleList(ordered, inferences),
    claims: claims.map((c) => c.claim),
    entities: buildEntities(ordered, canonicalOf),
    timeline: buildTimeline(ordered, timesOf, facets, claims),
    conflicts,
    exclusives: buildExclusives(ordered, claims),
    actor_graph: buildActorGraph(ordered, claims, canonicalOf),
  };
  return { brief, ordered, claims, inferences };
}

/** The cross-checked brief of one story from its stored articles. Pure: same input, same brief. */
export function buildBrief(summary: StorySummary, articles: StoredArticle[]): StoryBrief {
  return crosscheckStory(summary, articles).brief;
}
