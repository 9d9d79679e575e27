/**
 * Single-pass story clustering. For each article, in arrival order:
 *   1. features: TF-IDF vector (title terms weighted up; document frequencies from the stream so far),
 *      entity set (canonical names, or capitalised words when the article was not annotated), MinHash.
 *   2. copy check: an article whose shingles match an earlier article's at >= duplicateThreshold is a copy
 *      and joins that article's story.
 *   3. candidates: stories sharing top terms or entities, from a bounded inverted index, within the window.
 *   4. score = textWeight * cosine(article, story centroid) + entityWeight * Jaccard(entities) - time penalty;
 *      join the best story at >= threshold, else open a new one.
 * Story ids are `s-` + a hash of the first article id: never renumbered, stable across snapshots.
 */
import { createHash } from 'node:crypto';
import type { Assignment, AssignmentExplanation, ClusterInput } from '../model.ts';
import {
  CENTROID_MAX_TERMS,
  DEFAULT_DUPLICATE_THRESHOLD,
  DEFAULT_MAX_DUPLICATE_ARTICLES,
  DEFAULT_MAX_STORIES,
  DEFAULT_THRESHOLD,
  DEFAULT_WINDOW_DAYS,
  ENTITY_WEIGHT,
  EXPLANATION_TERMS,
  INDEX_TERMS_PER_ARTICLE,
  MAX_CANDIDATES,
  MAX_POSTING_STORIES,
  MIN_SHINGLES_FOR_DUPLICATE,
  QUERY_TERMS,
  SHINGLE_SIZE,
  STORY_ENTITY_PROFILE,
  TEXT_WEIGHT,
  TIME_PENALTY_MAX,
  TITLE_TERM_WEIGHT,
} from './constants.ts';
import { bandKeys, decodeSignature, encodeSignature, minhashSignature, signatureSimilarity } from './minhash.ts';
import {
  STATE_FORMAT,
  STATE_VERSION,
  validateOptions,
  validateState,
  type ClusterOptions,
  type SerializedState,
} from './state.ts';
import { capitalisedWords, contentTokens, foldCase, shingleHashes } from './text.ts';

export type { ClusterOptions } from './state.ts';

export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = Object.freeze({
  threshold: DEFAULT_THRESHOLD,
  windowDays: DEFAULT_WINDOW_DAYS,
  duplicateThreshold: DEFAULT_DUPLICATE_THRESHOLD,
  textWeight: TEXT_WEIGHT,
  entityWeight: ENTITY_WEIGHT,
  titleWeight: TITLE_TERM_WEIGHT,
  timePenaltyMax: TIME_PENALTY_MAX,
  maxStories: DEFAULT_MAX_STORIES,
  maxDuplicateArticles: DEFAULT_MAX_DUPLICATE_ARTICLES,
});

/** The explanation this clusterer gives: the shared fields plus how many stories were compared. */
export interface ClusterExplanation extends AssignmentExplanation {
  /** `cluster.similarity` (scored against candidates) or `cluster.copy` (MinHash near-duplicate). */
  rule: string;
  /** Candidate stories scored in full. */
  candidates: number;
  /** The best-scoring candidate, also when the article opened a new story. */
  nearestStory?: string;
}

interface Story {
  id: string;
  size: number;
  first: number | null;
  last: number | null;
  centroid: Map<string, number>;
  /** Squared length of the centroid, kept up to date as members are added. */
  norm2: number;
  entities: Map<string, number>;
  /** Cached most-frequent entities; null after an update. */
  profile: Set<string> | null;
}

interface Copy {
  id: string;
  story: string;
  signature: Uint32Array;
}

interface ArticleFeatures {
  /** Log-TF weight per term (title terms counted titleWeight times). */
  tf: Map<string, number>;
  entities: Set<string>;
  day: number | null;
}

interface Scored {
  story: Story;
  score: number;
  parts: Record<string, number>;
  sharedTerms: string[];
  sharedEntities: string[];
}

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 (UTC) of an ISO date's day part, or null when absent or not a date. */
function epochDay(value: string | null | undefined): number | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}/.test(value)) return null;
  const ms = Date.parse(value.slice(0, 10));
  return Number.isNaN(ms) ? null : Math.floor(ms / MS_PER_DAY);
}

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}

export class StreamClusterer {
  private readonly options: ClusterOptions;
  private documents = 0;
  private readonly df = new Map<string, number>();
  /** Least recently updated first: the first entry is the one dropped when over maxStories. */
  private readonly stories = new Map<string, Story>();
  private readonly postings = new Map<string, string[]>();
  /** Oldest first. */
  private readonly copies: Copy[] = [];
  private readonly copyIndex = new Map<string, string[]>();
  private readonly copiesById = new Map<string, Copy>();
  /** IDF per term at the current document count; cleared whenever the counts change. */
  private readonly idfCache = new Map<string, number>();

  /**
   * @param state a value returned by `snapshot()` (possibly JSON round-tripped); validated, throws on a
   *   malformed one. Its options are kept unless overridden by `options`.
   */
  constructor(state?: unknown, options: Partial<ClusterOptions> = {}) {
    const restored = state === undefined || state === null ? null : validateState(state);
    this.options = validateOptions({ ...DEFAULT_CLUSTER_OPTIONS, ...(restored?.options ?? {}), ...definedOnly(options) });
    if (this.options.threshold < 0 || this.options.windowDays < 0 || this.options.duplicateThreshold <= 0) {
      throw new Error('cluster options: threshold and windowDays must be >= 0, duplicateThreshold > 0');
    }
    if (restored) this.restore(restored);
  }

  /** Assigns one article to a story, seeing only the articles before it. */
  assign(article: ClusterInput): Assignment {
    if (!article || typeof article.id !== 'string' || typeof article.text !== 'string') {
      throw new Error('cluster input needs a string id and text');
    }
    const features = this.features(article);
    const shingles = shingleHashes(article.text, SHINGLE_SIZE);
    const signature = shingles.size >= MIN_SHINGLES_FOR_DUPLICATE ? minhashSignature(shingles) : null;
    const copy = signature ? this.findCopy(signature, article.id) : null;

    let storyId: string;
    let explanation: ClusterExplanation;
    if (copy) {
      storyId = copy.original.story;
      const story = this.stories.get(storyId);
      const scored = story ? this.score(features, story) : null;
      explanation = {
        score: round(copy.similarity),
        parts: { duplicate: round(copy.similarity) },
        sharedTerms: scored?.sharedTerms ?? [],
        sharedEntities: scored?.sharedEntities ?? [],
        decision: 'joined',
        duplicateOf: copy.original.id,
        duplicateSimilarity: round(copy.similarity),
        rule: 'cluster.copy',
        candidates: 1,
        nearestStory: storyId,
      };
    } else {
      const candidates = this.candidates(features);
      let best: Scored | null = null;
      for (const story of candidates) {
        const scored = this.score(features, story);
        if (!best || scored.score > best.score) best = scored;
      }
      const joins = best !== null && best.score >= this.options.threshold;
      storyId = joins && best ? best.story.id : this.newStoryId(article.id);
      explanation = {
        score: round(best?.score ?? 0),
        parts: best?.parts ?? { text: 0, entities: 0, time: 0 },
        sharedTerms: best?.sharedTerms ?? [],
        sharedEntities: best?.sharedEntities ?? [],
        decision: joins ? 'joined' : 'opened',
        rule: 'cluster.similarity',
        candidates: candidates.length,
        ...(best ? { nearestStory: best.story.id } : {}),
      };
    }

    this.addToStory(storyId, features);
    if (signature) this.rememberCopy({ id: article.id, story: storyId, signature });
    return { id: article.id, story: storyId, explanation };
  }

  /** The whole state as plain JSON; `new StreamClusterer(snapshot)` continues identically. */
  snapshot(): SerializedState {
    return {
      format: STATE_FORMAT,
      version: STATE_VERSION,
      options: { ...this.options },
      documents: this.documents,
      df: [...this.df],
      stories: [...this.stories.values()].map((story) => ({
        id: story.id,
        size: story.size,
        first: story.first,
        last: story.last,
        centroid: [...story.centroid],
        norm2: story.norm2,
        entities: [...story.entities],
      })),
      postings: [...this.postings].map(([key, ids]) => [key, [...ids]]),
      copies: this.copies.map((copy) => ({ id: copy.id, story: copy.story, signature: encodeSignature(copy.signature) })),
    };
  }

  private restore(state: SerializedState): void {
    this.documents = state.documents;
    for (const [term, count] of state.df) this.df.set(term, count);
    for (const story of state.stories) {
      this.stories.set(story.id, {
        id: story.id,
        size: story.size,
        first: story.first,
        last: story.last,
        centroid: new Map(story.centroid),
        norm2: story.norm2,
        entities: new Map(story.entities),
        profile: null,
      });
    }
    for (const [key, ids] of state.postings) this.postings.set(key, [...ids]);
    state.copies.forEach((copy, i) => {
      let signature: Uint32Array;
      try {
        signature = decodeSignature(copy.signature);
      } catch (err) {
        throw new Error(`invalid clusterer state: copies[${i}].signature ${(err as Error).message}`);
      }
      this.rememberCopy({ id: copy.id, story: copy.story, signature });
    });
  }

  // -- features -------------------------------------------------------------------------------------

  private features(article: ClusterInput): ArticleFeatures {
    const counts = new Map<string, number>();
    for (const term of contentTokens(article.text)) counts.set(term, (counts.get(term) ?? 0) + 1);
    for (const term of contentTokens(article.title ?? '')) counts.set(term, (counts.get(term) ?? 0) + this.options.titleWeight);
    // Document frequencies include this article, so its own rare terms get a finite, high IDF.
    this.documents++;
    this.idfCache.clear();
    for (const term of counts.keys()) this.df.set(term, (this.df.get(term) ?? 0) + 1);
    const tf = new Map<string, number>();
    for (const [term, count] of counts) tf.set(term, 1 + Math.log(count));
    const entities = Array.isArray(article.entities)
      ? new Set(article.entities.filter((e) => typeof e === 'string' && e.trim()).map((e) => foldCase(e.trim())))
      : new Set(capitalisedWords(`${article.title ?? ''}\n${article.text}`));
    return { tf, entities, day: epochDay(article.published) };
  }

  private idf(term: string): number {
    let idf = this.idfCache.get(term);
    if (idf === undefined) {
      idf = Math.log((this.documents + 1) / ((this.df.get(term) ?? 0) + 1)) + 1;
      this.idfCache.set(term, idf);
    }
    return idf;
  }

  /** The article's TF-IDF weights, highest first (ties by term, so the order is stable). */
  private weightedTerms(features: ArticleFeatures): Array<[string, number]> {
    return [...features.tf]
      .map(([term, w]): [string, number] => [term, w * this.idf(term)])
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }

  // -- candidates and scoring -----------------------------------------------------------------------

  private candidates(features: ArticleFeatures): Story[] {
    const hits = new Map<string, number>();
    const weighted = this.weightedTerms(features).slice(0, QUERY_TERMS);
    const add = (key: string, weight: number) => {
      for (const id of this.postings.get(key) ?? []) hits.set(id, (hits.get(id) ?? 0) + weight);
    };
    for (const [term, weight] of weighted) add(`t:${term}`, weight);
    const entityWeight = weighted.length > 0 ? weighted[0][1] : 1;
    for (const entity of features.entities) add(`e:${entity}`, entityWeight);
    const ranked: Array<[Story, number]> = [];
    for (const [id, weight] of hits) {
      const story = this.stories.get(id);
      if (story && this.daysApart(features.day, story) <= this.options.windowDays) ranked.push([story, weight]);
    }
    // Stable sort: equal weights keep posting order.
    ranked.sort((a, b) => b[1] - a[1]);
    return ranked.slice(0, MAX_CANDIDATES).map(([story]) => story);
  }

  /** Days between the article and the story's date range; 0 when either has no date. */
  private daysApart(day: number | null, story: Story): number {
    if (day === null || story.first === null || story.last === null) return 0;
    if (day < story.first) return story.first - day;
    if (day > story.last) return day - story.last;
    return 0;
  }

  private score(features: ArticleFeatures, story: Story): Scored {
    let dot = 0;
    let articleNorm = 0;
    const contributions: Array<[string, number]> = [];
    for (const [term, w] of features.tf) {
      const a = w * this.idf(term);
      articleNorm += a * a;
      const c = story.centroid.get(term);
      if (c !== undefined) {
        dot += a * c;
        contributions.push([term, a * c]);
      }
    }
    const cosine = dot > 0 && story.norm2 > 0 ? dot / Math.sqrt(articleNorm * story.norm2) : 0;

    const profile = storyEntityProfile(story);
    const shared = [...features.entities].filter((e) => profile.has(e));
    const union = features.entities.size + profile.size - shared.length;
    const jaccard = union > 0 ? shared.length / union : 0;

    const days = this.daysApart(features.day, story);
    const penalty = this.options.windowDays > 0 ? (this.options.timePenaltyMax * days) / this.options.windowDays : 0;

    const text = this.options.textWeight * cosine;
    const entities = this.options.entityWeight * jaccard;
    contributions.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    shared.sort((a, b) => (story.entities.get(b) ?? 0) - (story.entities.get(a) ?? 0) || (a < b ? -1 : 1));
    return {
      story,
      score: text + entities - penalty,
      parts: { text: round(text), entities: round(entities), time: round(-penalty) },
      sharedTerms: contributions.slice(0, EXPLANATION_TERMS).map(([term]) => term),
      sharedEntities: shared.slice(0, EXPLANATION_TERMS),
    };
  }

  // -- updates --------------------------------------------------------------------------------------

  private newStoryId(articleId: string): string {
    const base = `s-${createHash('sha256').update(articleId).digest('hex').slice(0, 12)}`;
    let id = base;
    for (let n = 2; this.stories.has(id); n++) id = `${base}-${n}`;
    return id;
  }

  private addToStory(storyId: string, features: ArticleFeatures): void {
    let story = this.stories.get(storyId);
    const isNew = !story;
    if (!story) {
      // A copy of an article whose story was dropped from memory lands here too: the story comes back
      // with this article as its only member, under the same id.
      story = { id: storyId, size: 0, first: null, last: null, centroid: new Map(), norm2: 0, entities: new Map(), profile: null };
    }
    story.size++;
    // The member's unit TF-IDF vector, with the IDF of the moment it arrives (frozen: re-weighting every
    // centroid term at each article would cost a pass over every candidate's centroid).
    const weighted = this.weightedTerms(features);
    let norm = 0;
    for (const [, w] of weighted) norm += w * w;
    norm = Math.sqrt(norm) || 1;
    let cross = 0;
    let own = 0;
    for (const [term, w] of weighted) {
      const v = w / norm;
      const c = story.centroid.get(term) ?? 0;
      cross += c * v;
      own += v * v;
      story.centroid.set(term, c + v);
    }
    story.norm2 += 2 * cross + own;
    if (story.centroid.size > CENTROID_MAX_TERMS * 1.5) pruneCentroid(story);
    for (const entity of features.entities) story.entities.set(entity, (story.entities.get(entity) ?? 0) + 1);
    story.profile = null;
    if (features.day !== null) {
      story.first = story.first === null ? features.day : Math.min(story.first, features.day);
      story.last = story.last === null ? features.day : Math.max(story.last, features.day);
    }
    // Move to the most-recent end.
    if (!isNew) this.stories.delete(storyId);
    this.stories.set(storyId, story);
    for (const [term] of weighted.slice(0, INDEX_TERMS_PER_ARTICLE)) this.post(`t:${term}`, storyId);
    for (const entity of features.entities) this.post(`e:${entity}`, storyId);
    while (this.stories.size > this.options.maxStories) {
      const oldest = this.stories.keys().next().value as string;
      this.stories.delete(oldest);
    }
  }

  private post(key: string, storyId: string): void {
    let ids = this.postings.get(key);
    if (!ids) {
      ids = [];
      this.postings.set(key, ids);
    }
    const at = ids.indexOf(storyId);
    if (at >= 0) ids.splice(at, 1);
    ids.push(storyId);
    if (ids.length > MAX_POSTING_STORIES) ids.shift();
  }

  // -- copies ---------------------------------------------------------------------------------------

  private findCopy(signature: Uint32Array, articleId: string): { original: Copy; similarity: number } | null {
    const seen = new Set<string>();
    let best: { original: Copy; similarity: number } | null = null;
    for (const key of bandKeys(signature)) {
      for (const id of this.copyIndex.get(key) ?? []) {
        if (seen.has(id) || id === articleId) continue;
        seen.add(id);
        const original = this.copiesById.get(id);
        if (!original) continue;
        const similarity = signatureSimilarity(signature, original.signature);
        // Ties go to the earlier article (ids are visited oldest first within a band).
        if (similarity >= this.options.duplicateThreshold && (!best || similarity > best.similarity)) best = { original, similarity };
      }
    }
    return best;
  }

  private rememberCopy(copy: Copy): void {
    if (this.copiesById.has(copy.id)) return;
    this.copies.push(copy);
    this.copiesById.set(copy.id, copy);
    for (const key of bandKeys(copy.signature)) {
      const ids = this.copyIndex.get(key);
      if (ids) ids.push(copy.id);
      else this.copyIndex.set(key, [copy.id]);
    }
    while (this.copies.length > this.options.maxDuplicateArticles) {
      const dropped = this.copies.shift() as Copy;
      this.copiesById.delete(dropped.id);
      for (const key of bandKeys(dropped.signature)) {
        const ids = this.copyIndex.get(key);
        if (!ids) continue;
        const at = ids.indexOf(dropped.id);
        if (at >= 0) ids.splice(at, 1);
        if (ids.length === 0) this.copyIndex.delete(key);
      }
    }
  }
}

/** Keeps the centroid's CENTROID_MAX_TERMS heaviest terms and recomputes its length exactly. */
function pruneCentroid(story: Story): void {
  const kept = [...story.centroid].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, CENTROID_MAX_TERMS);
  story.centroid = new Map(kept);
  story.norm2 = kept.reduce((sum, [, w]) => sum + w * w, 0);
}

/** The story's most frequent entities: a long story's rare side mentions would drown the Jaccard. */
function storyEntityProfile(story: Story): Set<string> {
  if (story.profile) return story.profile;
  const top = [...story.entities].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, STORY_ENTITY_PROFILE);
  story.profile = new Set(top.map(([entity]) => entity));
  return story.profile;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}
