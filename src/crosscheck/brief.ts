/**
 * buildBrief: the cross-check of one story, pure and deterministic. In order:
 *   1. order the articles by publish date (arrival order breaks ties) and resolve each one's publisher
 *      (a copy counts as the publisher of its original; an article without outlet is its own publisher);
 *   2. fact units: sentences holding an entity, a number, a time expression or a claim;
 *   3. group units that state the same fact across articles; link groups whose numbers or dates conflict;
 *   4. one claim per group: status from the number of independent publishers, or `conflicting`;
 *   5. summary (the most corroborated distinct claims), entities, timeline and article list.
 */
import { createHash } from 'node:crypto';
import type { ClaimStatus, EntityType, SourceRef, StoryBrief, StoryClaim, StorySummary } from '../model.ts';
import type { StoredArticle } from '../store/types.ts';
import { SUMMARY_MAX, SUMMARY_MIN, SUMMARY_REPEAT_THRESHOLD } from './constants.ts';
import { groupUnits } from './group.ts';
import { splitSentences } from './sentences.ts';
import { dice, foldCase } from './text.ts';
import { factUnits, validAnnotations, type FactUnit } from './units.ts';

interface OrderedArticle {
  stored: StoredArticle;
  /** Position in arrival order. */
  arrival: number;
  publisher: string;
  publisherName: string;
}

function publishedTime(stored: StoredArticle): number {
  const published = stored.record.article.published;
  const ms = published ? Date.parse(published.length === 10 ? `${published}T00:00:00Z` : published) : NaN;
  return Number.isNaN(ms) ? Infinity : ms;
}

/** "The Daily Planet", "dailyplanet.com" and "DAILY PLANET" are one publisher. */
export function normalizeOutlet(outlet: string): string {
  return foldCase(outlet)
    .replace(/^the\s+/, '')
    .replace(/\.(com|net|org|co\.uk|co|info|news)$/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

function orderArticles(articles: readonly StoredArticle[]): OrderedArticle[] {
  const byId = new Map(articles.map((a) => [a.record.id, a]));
  // A copy's publisher is its original's (following chains of copies, guarding against cycles).
  const originalOf = (stored: StoredArticle): { source: StoredArticle } | { missing: string } => {
    let current = stored;
    const seen = new Set<string>([current.record.id]);
    for (;;) {
      const next = current.assignment?.explanation?.duplicateOf;
      if (!next || seen.has(next)) return { source: current };
      const original = byId.get(next);
      if (!original) return { missing: next };
      seen.add(next);
      current = original;
    }
  };
  const ordered = articles.map((stored, arrival): OrderedArticle => {
    const origin = originalOf(stored);
    if ('missing' in origin) {
      // The original is not in this story: the copy still repeats one publisher, whoever it was.
      return { stored, arrival, publisher: `copy-of:${origin.missing}`, publisherName: `copy of ${origin.missing}` };
    }
    const outlet = origin.source.record.article.outlet?.trim() || null;
    const normalized = outlet ? normalizeOutlet(outlet) : '';
    if (outlet && normalized) return { stored, arrival, publisher: `outlet:${normalized}`, publisherName: outlet };
    return { stored, arrival, publisher: `article:${origin.source.record.id}`, publisherName: origin.source.record.id };
  });
  return ordered.sort((a, b) => publishedTime(a.stored) - publishedTime(b.stored) || a.arrival - b.arrival);
}

function claimId(refs: readonly SourceRef[]): string {
  const key = refs
    .map((r) => `${r.article}\u0000${r.start}\u0000${r.end}`)
    .sort()
    .join('\u0001');
  return `c-${createHash('sha256').update(key).digest('hex').slice(0, 12)}`;
}

const refOf = (unit: FactUnit): SourceRef => ({ article: unit.articleId, text: unit.sentence.text, start: unit.sentence.start, end: unit.sentence.end });

interface BuiltClaim {
  claim: StoryClaim;
  first: FactUnit;
}

function buildClaims(ordered: readonly OrderedArticle[], units: readonly FactUnit[]): BuiltClaim[] {
  const { groups, conflicts } = groupUnits(units);
  const built = groups.map((group): BuiltClaim => {
    const sources = group.map(refOf);
    const publishers: string[] = [];
    const names: string[] = [];
    for (const unit of group) {
      const article = ordered[unit.article];
      if (publishers.includes(article.publisher)) continue;
      publishers.push(article.publisher);
      names.push(article.publisherName);
    }
    const status: ClaimStatus = publishers.length >= 2 ? 'corroborated' : 'single-source';
    return {
      claim: { id: claimId(sources), text: group[0].sentence.text, status, independent_sources: publishers.length, sources, publishers: names },
      first: group[0],
    };
  });
  for (const [i, j] of conflicts) {
    for (const [self, other] of [
      [built[i], built[j]],
      [built[j], built[i]],
    ]) {
      self.claim.status = 'conflicting';
      const list = self.claim.conflicts_with ?? (self.claim.conflicts_with = []);
      if (!list.includes(other.claim.id)) list.push(other.claim.id);
    }
  }
  for (const { claim } of built) claim.conflicts_with?.sort();
  return built.sort(
    (a, b) =>
      b.claim.independent_sources - a.claim.independent_sources || b.claim.sources.length - a.claim.sources.length || a.first.index - b.first.index,
  );
}

function buildSummary(claims: readonly BuiltClaim[]): StoryBrief['summary'] {
  const picked: BuiltClaim[] = [];
  const repeats = (candidate: BuiltClaim) => picked.some((p) => dice(p.first.concepts, candidate.first.concepts) >= SUMMARY_REPEAT_THRESHOLD);
  for (const built of claims) {
    if (picked.length >= SUMMARY_MAX) break;
    if (built.claim.status === 'corroborated' && !repeats(built)) picked.push(built);
  }
  // Too few corroborated facts: fill with single-source ones, earliest article's lead first.
  const fillers = claims.filter((c) => c.claim.status === 'single-source').sort((a, b) => a.first.index - b.first.index);
  for (const built of fillers) {
    if (picked.length >= SUMMARY_MIN) break;
    if (!repeats(built)) picked.push(built);
  }
  return picked.map(({ claim }) => ({ text: claim.text, sources: claim.sources.map((s) => ({ ...s })) }));
}

function buildEntities(ordered: readonly OrderedArticle[]): StoryBrief['entities'] {
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
  for (const { stored } of ordered) {
    for (const entity of validAnnotations(stored.record).entities) {
      const name = (entity.canonical || entity.text).trim();
      if (!name) continue;
      const key = foldCase(name);
      let entry = merged.get(key);
      if (!entry) {
        entry = { spellings: new Map(), aliases: [], types: new Map(), articles: new Set(), mentions: 0, first: order++ };
        merged.set(key, entry);
      }
      entry.spellings.set(name, (entry.spellings.get(name) ?? 0) + 1);
      if (!entry.aliases.includes(entity.text)) entry.aliases.push(entity.text);
      entry.types.set(entity.type, (entry.types.get(entity.type) ?? 0) + 1);
      entry.articles.add(stored.record.id);
      entry.mentions++;
    }
  }
  const mostCommon = <T>(counts: Map<T, number>): T => [...counts].reduce((best, next) => (next[1] > best[1] ? next : best))[0];
  return [...merged.values()]
    .sort((a, b) => b.articles.size - a.articles.size || b.mentions - a.mentions || a.first - b.first)
    .map((e) => ({ canonical: mostCommon(e.spellings), type: mostCommon(e.types), aliases: e.aliases, articles: e.articles.size }));
}

/** DATE values that name a calendar period (not PAST_REF and the like). */
const CALENDAR_VALUE = /^\d{4}(?:-(?:\d{2}(?:-\d{2})?|W\d{2}|Q[1-4]|H[12]|SP|SU|FA|WI))?$/;

/** A key that sorts TIMEX3 values chronologically (weeks and quarters by their first day). */
function chronologicalKey(value: string): string {
  const week = /^(\d{4})-W(\d{2})$/.exec(value);
  if (week) {
    // Monday of ISO week: the week holding January 4th is week 1.
    const jan4 = Date.UTC(+week[1], 0, 4);
    const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000 + (+week[2] - 1) * 7 * 86_400_000;
    return new Date(monday).toISOString().slice(0, 10);
  }
  const part = /^(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)$/.exec(value);
  if (part) {
    const month = { Q1: 1, Q2: 4, Q3: 7, Q4: 10, H1: 1, H2: 7, WI: 1, SP: 3, SU: 6, FA: 9 }[part[2]] as number;
    return `${part[1]}-${String(month).padStart(2, '0')}`;
  }
  return value;
}

function buildTimeline(ordered: readonly OrderedArticle[]): StoryBrief['timeline'] {
  const byValue = new Map<string, { text: string; sources: SourceRef[]; inferred: boolean }>();
  for (const { stored } of ordered) {
    const text = stored.record.article.text;
    const sentences = splitSentences(text);
    for (const time of validAnnotations(stored.record).times) {
      if (time.type !== 'DATE' || !CALENDAR_VALUE.test(time.value)) continue;
      const sentence = sentences.find((s) => time.start >= s.start && time.start < s.end);
      const ref: SourceRef = sentence
        ? { article: stored.record.id, text: sentence.text, start: sentence.start, end: sentence.end }
        : { article: stored.record.id, text: time.text, start: time.start, end: time.end };
      let entry = byValue.get(time.value);
      if (!entry) {
        entry = { text: time.text, sources: [], inferred: true };
        byValue.set(time.value, entry);
      }
      if (!time.inferred) entry.inferred = false;
      if (!entry.sources.some((s) => s.article === ref.article && s.start === ref.start && s.end === ref.end)) entry.sources.push(ref);
    }
  }
  return [...byValue]
    .sort(([a], [b]) => {
      const ka = chronologicalKey(a);
      const kb = chronologicalKey(b);
      return ka < kb ? -1 : ka > kb ? 1 : a < b ? -1 : a > b ? 1 : 0;
    })
    .map(([value, e]) => ({ value, text: e.text, sources: e.sources, ...(e.inferred ? { inferred: true } : {}) }));
}

/** The cross-checked brief of one story from its stored articles. Pure: same input, same brief. */
export function buildBrief(summary: StorySummary, articles: StoredArticle[]): StoryBrief {
  const ordered = orderArticles(articles);
  const units: FactUnit[] = [];
  ordered.forEach(({ stored }, position) => {
    units.push(...factUnits(stored.record, validAnnotations(stored.record), position, units.length));
  });
  const claims = buildClaims(ordered, units);
  return {
    id: summary.id,
    title: summary.title ?? ordered.find((a) => a.stored.record.article.title)?.stored.record.article.title ?? null,
    summary: buildSummary(claims),
    articles: ordered.map(({ stored }) => {
      const { record } = stored;
      const duplicateOf = stored.assignment?.explanation?.duplicateOf;
      return {
        id: record.id,
        title: record.article.title,
        outlet: record.article.outlet,
        authors: [...record.article.authors],
        published: record.article.published,
        url: record.url ?? record.article.url,
        ...(duplicateOf ? { duplicate_of: duplicateOf } : {}),
      };
    }),
    claims: claims.map((c) => c.claim),
    entities: buildEntities(ordered),
    timeline: buildTimeline(ordered),
  };
}
