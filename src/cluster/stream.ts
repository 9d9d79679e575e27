/**
 * Single-pass two-level clustering: articles join events (one real-world happening), events belong to
 * stories (the running topic). For each article, in arrival order:
 *   1. features: TF-IDF vector of title + text and of the lead, entities (canonical names, or capitalised
 *      words when the article was not annotated), salient numbers, years, publish day, MinHash of shingles.
 *   2. copy check: an article whose shingles are contained in an earlier article's (or contain them) at
 *      >= duplicateThreshold is a copy: it joins that article's event and records `duplicateOf`.
 *   3. candidate events: those sharing index keys (top terms, entities, numbers) with the article, within
 *      the time window; each is scored by the learned event model (model.ts); the best at or above its
 *      threshold is joined.
 *   4. otherwise a new event opens; the stories of the candidate events are scored by the story model and
 *      the new event joins the best at or above its threshold, or opens a new story.
 *   5. merge: another candidate story scoring far above the story threshold is folded into the article's
 *      story; its id stays valid as an alias (stories are never renumbered).
 * Memory stays bounded: dated events leave memory once outside the window (plus a margin), undated ones
 * beyond a count; a late article's cold candidates come back from the store (`coldQuery` / `admit`).
 * With `trackChanges`, each assignment leaves a ClusterStateDelta (`takeChanges`) for the store to write in
 * the article's transaction. Ids: `e-`/`s-` + a hash of the first article's id, never reused.
 */
import { createHash } from 'node:crypto';
import type { Assignment, AssignmentExplanation, ClusterInput } from '../model.ts';
import type {
  ClusterColdRows,
  ClusterProfileRow,
  ClusterSignatureRow,
  ClusterStateDelta,
  ClusterStateSnapshot,
  ColdEventQuery,
  HotSelection,
} from '../store/types.ts';
import {
  DEFAULT_DUPLICATE_THRESHOLD,
  DEFAULT_WINDOW_DAYS,
  EXPLANATION_TERMS,
  INDEX_TERMS_PER_ARTICLE,
  LEAD_CHARS,
  LEAD_ENTITY_WEIGHT,
  MAX_CANDIDATES,
  MAX_COLD_EVENTS,
  MERGE_CANDIDATE_EVENTS,
  MAX_POSTING_EVENTS,
  MAX_UNDATED_EVENTS,
  MAX_UNDATED_SIGNATURES,
  MAX_VOCABULARY,
  MIN_SHINGLES_FOR_DUPLICATE,
  PROFILE_ARTICLE_TERMS,
  QUERY_TERMS,
  RETAIN_MARGIN_DAYS,
  SHINGLE_SIZE,
  TITLE_TERM_WEIGHT,
} from './constants.ts';
import { HashIndex } from './hash-index.ts';
import { bandKeys, containment, decodeSignature, encodeSignature, minhashSignature, signatureSimilarity } from './minhash.ts';
import { EVENT_MODEL, MERGE_MARGIN, STORY_MODEL, linearScore } from './model.ts';
import { Profile, pairDetails, pairFeatures, type ArticleFeatures, type PairFeature } from './profile.ts';
import { STATE_FORMAT, STATE_VERSION, validateOverrides, validateProfileData, validateState, type ClusterOptions } from './state.ts';
import { analyzeText, contentTokens, fnv1a, fnv1aContinue, fnv1aPrefix, foldCase, salientNumbers, shingleHashesOfWordHashes, yearsOf, type TextAnalysis, type WordMemo } from './text.ts';
import { TermTable, termId, vectorOf, type SparseVector } from './vectors.ts';

export type { ClusterOptions } from './state.ts';

export const DEFAULT_CLUSTER_OPTIONS: Readonly<ClusterOptions> = Object.freeze({
  windowDays: DEFAULT_WINDOW_DAYS,
  duplicateThreshold: DEFAULT_DUPLICATE_THRESHOLD,
  titleWeight: TITLE_TERM_WEIGHT,
  eventModel: EVENT_MODEL,
  storyModel: STORY_MODEL,
  mergeMargin: MERGE_MARGIN,
  retainMarginDays: RETAIN_MARGIN_DAYS,
  maxUndatedEvents: MAX_UNDATED_EVENTS,
  maxUndatedSignatures: MAX_UNDATED_SIGNATURES,
  maxVocabulary: MAX_VOCABULARY,
});

/** How the clusterer is run (not part of the stream's state). */
export interface ClustererRuntime {
  /** Record a ClusterStateDelta per assignment for `takeChanges()` (the Ingestor's store writes). */
  trackChanges?: boolean;
}

/** The explanation this clusterer gives: the shared fields plus how the decision was reached. */
export interface ClusterExplanation extends AssignmentExplanation {
  /** `cluster.copy`, `cluster.event` (joined an event), `cluster.story` (new event in a story), `cluster.new`. */
  rule: string;
  /** The event the article joined or opened. */
  event: string;
  eventDecision: 'joined' | 'opened';
  /** Logit threshold the deciding score was compared with. */
  threshold: number;
  /** Candidate events scored in full. */
  candidates: number;
  sharedNumbers: string[];
  nearestEvent?: string;
  /** The best-scoring story, also when the article opened a new one. */
  nearestStory?: string;
  /** Stories folded into this one by this article (their ids stay valid as aliases). */
  mergedStories?: string[];
}

export interface ClusterAssignment extends Assignment {
  /** The event (ECB+ subtopic level) inside the story. */
  event: string;
  explanation: ClusterExplanation;
}

interface Copy {
  article: string;
  event: string;
  day: number | null;
  seq: number;
  shingles: number;
  signature: Uint32Array;
  /** LSH band keys of the signature (bandKeys), computed once. */
  bands: number[];
  /** Scratch of findCopy: the search that last compared this copy. */
  seenQuery: number;
}

/**
 * A key of the document frequencies (a term, or `e:` + an entity) with its count, and the scratch of the
 * features() call stamped on it: term frequency in the text and among the lower-case words, and IDF.
 */
interface TermRecord {
  readonly key: string;
  count: number;
  /** Set when halving removed it from df (a word's memo may still point to it). */
  dropped: boolean;
  /** termId of a term (0 for an entity: never in a vector). */
  readonly id: number;
  stamp: number;
  tf: number;
  kindTf: number;
  idf: number;
}

interface Scored {
  profile: Profile;
  score: number;
  parts: Record<string, number>;
  values: Record<PairFeature, number>;
}

/** One (article, candidate) example for training the scoring models. */
export interface TrainingPair {
  values: Record<PairFeature, number>;
  label: boolean;
}

const MS_PER_DAY = 86_400_000;

/** FNV-1a states after the index key prefixes (`t:`, `e:`, `n:`): key hashes without building key strings. */
const TERM_KEY_STATE = fnv1aPrefix('t:');
const ENTITY_KEY_STATE = fnv1aPrefix('e:');
const NUMBER_KEY_STATE = fnv1aPrefix('n:');

/** Days since 1970-01-01 (UTC) of an ISO date's day part, or null when absent or not a date. */
export function epochDay(value: string | null | undefined): number | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}/.test(value)) return null;
  const ms = Date.parse(value.slice(0, 10));
  return Number.isNaN(ms) ? null : Math.floor(ms / MS_PER_DAY);
}

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}

function roundParts(parts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, round(v)]));
}

function hashId(prefix: string, articleId: string): string {
  return `${prefix}-${createHash('sha256').update(articleId).digest('hex').slice(0, 12)}`;
}

function emptyDelta(): Omit<ClusterStateDelta, 'meta' | 'baseSeq'> {
  return { halveDf: false, df: [], profiles: [], removedStories: [], keys: [], signatures: [], aliases: [] };
}

export class StreamClusterer {
  readonly options: ClusterOptions;
  private readonly overrides: Partial<ClusterOptions>;
  private readonly trackChanges: boolean;
  private seq = 0;
  /** `seq` when the assignment whose changes are pending began (the delta's baseSeq). */
  private pendingBaseSeq = 0;
  private documents = 0;
  private maxDay: number | null = null;
  private sweptCutoff: number | null = null;
  /** Document frequency per term and `e:entity`, with the term's id and one article's scratch (TermRecord). */
  private readonly df = new Map<string, TermRecord>();
  /** The `e:entity` records of `df` by the entity alone (no key string built per look-up). */
  private readonly entityDf = new Map<string, TermRecord>();
  /** The text, kind and lead tables of the article being assigned (reused: valid until the next features()). */
  private readonly tables = [new TermTable(), new TermTable(), new TermTable()];
  /** Counter of features() calls: a TermRecord's scratch is valid when its stamp is the current one. */
  private stamp = 0;
  private readonly events = new Map<string, Profile>();
  private readonly stories = new Map<string, Profile>();
  /** In-memory events per canonical story: a story leaves memory with its last event. */
  private readonly storyRefs = new Map<string, number>();
  /** Inverted index: hash of an index key (`t:term`, `e:entity`, `n:number`) -> the hot events posted under it. */
  private readonly postings = new HashIndex<number[]>();
  /** Events of the index by slot (a posting list holds slots), and the free slots. */
  private readonly slotEvents: Array<Profile | undefined> = [];
  private readonly freeSlots: number[] = [];
  /** Per slot, the candidate search that last hit the event and its summed hit weight. */
  private hitQuery = new Int32Array(1024);
  private hitWeight = new Float64Array(1024);
  /** Counter of candidate searches (the hit arrays are valid for the current one only). */
  private query = 0;
  /** Undated events, least recently updated first; dated events in a plain set. */
  private readonly undatedEvents = new Map<string, true>();
  private readonly datedEvents = new Set<string>();
  /** Cold events admitted for one article, evicted after it unless it made them hot. */
  private readonly visiting = new Set<string>();
  private readonly visitingCopies = new Set<string>();
  private readonly copies = new Map<string, Copy>();
  private readonly undatedCopies = new Map<string, true>();
  private readonly copyIndex = new HashIndex<Copy[]>();
  /** Counter of copy searches (a Copy's `seenQuery` marks it compared in the current one). */
  private copyQuery = 0;
  /** Merged story id -> the story it now belongs to (always the final one: chains are flattened). */
  private readonly aliases = new Map<string, string>();
  /** The reverse: story -> the ids merged into it (so a merge costs its own aliases, not all of them). */
  private readonly aliasSources = new Map<string, string[]>();
  private pending: ClusterStateDelta | null = null;

  /**
   * @param state a ClusterStateSnapshot (from `snapshot()` or the store's `loadClustererState`), possibly
   *   JSON round-tripped; validated, throws on a malformed one. Options it was started with are kept
   *   unless overridden by `options`.
   */
  constructor(state?: unknown, options: Partial<ClusterOptions> = {}, runtime: ClustererRuntime = {}) {
    const restored = state === undefined || state === null ? null : validateState(state);
    this.overrides = { ...(restored?.meta.state.overrides ?? {}), ...validateOverrides(definedOnly(options)) };
    this.options = { ...DEFAULT_CLUSTER_OPTIONS, ...this.overrides };
    if (this.options.duplicateThreshold <= 0) throw new Error('cluster options: duplicateThreshold must be > 0');
    this.trackChanges = runtime.trackChanges ?? false;
    if (restored) {
      this.seq = restored.meta.seq;
      this.maxDay = restored.meta.maxDay;
      this.sweptCutoff = this.cutoff();
      this.documents = restored.meta.state.documents;
      for (const [key, count] of restored.df) {
        const entity = key.startsWith('e:');
        const record = newTermRecord(key, count, entity ? 0 : termId(key));
        this.df.set(key, record);
        if (entity) this.entityDf.set(key.slice(2), record);
      }
      for (const [alias, story] of restored.aliases) this.setAlias(alias, story);
      // Stories first (events look theirs up); events and signatures in arrival order, as they were added.
      const rows = [...restored.profiles].sort((a, b) => a.lastSeq - b.lastSeq || (a.id < b.id ? -1 : 1));
      for (const row of rows) if (row.kind === 'story') this.stories.set(row.id, Profile.fromData(row.id, row.id, validateProfileData(row.profile, `story ${row.id}`)));
      for (const row of rows) if (row.kind === 'event') this.loadEvent(row);
      for (const row of [...restored.signatures].sort((a, b) => a.seq - b.seq)) this.rememberCopy(copyOf(row));
      this.evict();
    }
  }

  /** Which stored rows a restart must load to continue exactly as this clusterer would. */
  hotSelection(): HotSelection {
    return {
      retainDays: this.options.windowDays + this.options.retainMarginDays,
      undatedEvents: this.options.maxUndatedEvents,
      undatedSignatures: this.options.maxUndatedSignatures,
    };
  }

  /** The story an id stands for now (itself, or the story it was merged into). */
  canonicalStory(id: string): string {
    return this.aliases.get(id) ?? id;
  }

  /** Counts of what is held in memory (for benchmarks and monitoring). */
  stats(): { articles: number; events: number; stories: number; signatures: number; vocabulary: number; postings: number } {
    return { articles: this.seq, events: this.events.size, stories: this.stories.size, signatures: this.copies.size, vocabulary: this.df.size, postings: this.postings.size };
  }

  /**
   * For a late article (dated before what memory surely holds): the store query that finds the cold
   * events it may join. Null when memory holds every candidate.
   */
  coldQuery(article: ClusterInput): ColdEventQuery | null {
    const day = epochDay(article.published);
    if (day === null || this.maxDay === null || day >= this.maxDay - this.options.retainMarginDays) return null;
    const features = this.features(article, false);
    return {
      keys: this.queryKeys(features).map(([key]) => key),
      fromDay: day - this.options.windowDays,
      toDay: day + this.options.windowDays,
      limit: MAX_COLD_EVENTS,
    };
  }

  /**
   * Brings cold events (with their stories and their articles' signatures), as the store's
   * `findClusterEvents` returns them, into memory for the next assignment only.
   */
  admit(cold: ClusterColdRows): void {
    const rows = cold.profiles;
    for (const row of rows) {
      if (row.kind !== 'story' || this.stories.has(row.id)) continue;
      this.stories.set(row.id, Profile.fromData(row.id, row.id, validateProfileData(row.profile, `story ${row.id}`)));
    }
    for (const row of rows) {
      if (row.kind !== 'event' || this.events.has(row.id)) continue;
      if (!this.stories.has(this.canonicalStory(row.story))) continue;
      this.loadEvent(row);
      this.visiting.add(row.id);
    }
    for (const row of cold.signatures) {
      if (this.copies.has(row.article)) continue;
      this.rememberCopy(copyOf(row));
      this.visitingCopies.add(row.article);
    }
  }

  /** Assigns one article to an event and a story, seeing only the articles before it. */
  assign(article: ClusterInput): ClusterAssignment {
    if (!article || typeof article.id !== 'string' || typeof article.text !== 'string') {
      throw new Error('cluster input needs a string id and text');
    }
    if (this.pending) throw new Error('takeChanges() must be called after each assignment when changes are tracked');
    this.pendingBaseSeq = this.seq;
    const dfBefore = this.trackChanges ? new Set<string>() : null;
    const analysis = analyzeText(article.text);
    const features = this.features(article, true, dfBefore, analysis);
    this.seq++;
    if (features.day !== null && (this.maxDay === null || features.day > this.maxDay)) this.maxDay = features.day;

    const shingles = shingleHashesOfWordHashes(analysis.wordHashes, SHINGLE_SIZE);
    const signature = shingles.length >= MIN_SHINGLES_FOR_DUPLICATE ? minhashSignature(shingles) : null;
    const bands = signature ? bandKeys(signature) : null;
    const copy = signature && bands ? this.findCopy(signature, bands, shingles.length, article.id) : null;

    const candidates = this.candidateEvents(features);
    let bestEvent: Scored | null = null;
    const storyCandidates = new Map<string, Profile>();
    for (const event of candidates) {
      const scored = this.scoreAgainst(features, event, this.options.eventModel);
      if (!bestEvent || scored.score > bestEvent.score) bestEvent = scored;
      const story = this.stories.get(this.canonicalStory(event.story));
      if (story) storyCandidates.set(story.id, story);
    }
    let bestStory: Scored | null = null;
    const storyScores: Scored[] = [];
    const scoreStories = () => {
      for (const story of storyCandidates.values()) {
        const scored = this.scoreAgainst(features, story, this.options.storyModel);
        storyScores.push(scored);
        if (!bestStory || scored.score > bestStory.score) bestStory = scored;
      }
    };

    let event: Profile;
    let story: Profile;
    let explanation: ClusterExplanation;
    const copiedEvent = copy ? this.events.get(copy.original.event) : undefined;
    if (copy && copiedEvent) {
      event = copiedEvent;
      story = this.stories.get(this.canonicalStory(event.story)) as Profile;
      explanation = this.explain('cluster.copy', 'joined', 'joined', copy.similarity, { duplicate: round(copy.similarity) }, features, event, this.options.duplicateThreshold, candidates.length, event, story);
      explanation.duplicateOf = copy.original.article;
      explanation.duplicateSimilarity = round(copy.similarity);
    } else if (bestEvent && bestEvent.score >= this.options.eventModel.threshold) {
      event = bestEvent.profile;
      story = this.stories.get(this.canonicalStory(event.story)) as Profile;
      explanation = this.explain('cluster.event', 'joined', 'joined', bestEvent.score, bestEvent.parts, features, bestEvent.profile, this.options.eventModel.threshold, candidates.length, event, story);
    } else {
      scoreStories();
      const best = bestStory as Scored | null;
      if (best && best.score >= this.options.storyModel.threshold) {
        story = best.profile;
        event = this.openEvent(article.id, story.id);
        explanation = this.explain('cluster.story', 'joined', 'opened', best.score, best.parts, features, best.profile, this.options.storyModel.threshold, candidates.length, event, story);
      } else {
        story = this.openStory(article.id);
        event = this.openEvent(article.id, story.id);
        const shown = best ?? bestEvent;
        explanation = this.explain('cluster.new', 'opened', 'opened', shown?.score ?? 0, shown?.parts ?? {}, features, shown?.profile ?? null, this.options.storyModel.threshold, candidates.length, event, story);
        if (best) explanation.nearestStory = best.profile.id;
      }
    }
    if (bestEvent) explanation.nearestEvent = bestEvent.profile.id;
    if (copy && !copiedEvent) {
      // The original's event left memory: the copy is still linked to it, and was clustered by content.
      explanation.duplicateOf = copy.original.article;
      explanation.duplicateSimilarity = round(copy.similarity);
    }

    this.addToEvent(event, story, features);
    if (Number.isFinite(this.options.mergeMargin) && storyCandidates.size > 1) {
      // Only the stories of the best few events: a merge needs a strong match, found near the top.
      const near = new Map<string, Profile>();
      for (const candidate of candidates.slice(0, MERGE_CANDIDATE_EVENTS)) {
        const other = this.stories.get(this.canonicalStory(candidate.story));
        if (other && other.id !== story.id) near.set(other.id, other);
      }
      const scored = storyScores.length > 0 ? storyScores.filter((s) => near.has(s.profile.id)) : [...near.values()].map((other) => this.scoreAgainst(features, other, this.options.storyModel));
      const { survivor, merged } = this.mergeStories(story, scored);
      if (merged.length > 0) {
        explanation.mergedStories = merged;
        story = survivor;
      }
    }
    if (signature) {
      const copyRow: Copy = { article: article.id, event: event.id, day: features.day, seq: this.seq, shingles: shingles.length, signature, bands: bands as number[], seenQuery: 0 };
      this.rememberCopy(copyRow);
      if (this.trackChanges) this.delta().signatures.push(signatureRow(copyRow));
    }
    if (this.trackChanges) this.finishDelta(event, story, features, dfBefore as Set<string>);
    this.evict();
    return { id: article.id, story: story.id, event: event.id, explanation };
  }

  /**
   * Training (train.ts): the pair features of the article against every candidate event and story, each
   * labelled with whether it is the gold one, then the article joins its gold event and story (teacher
   * forcing: the next article sees the true clusters, as a perfect clusterer would leave them).
   */
  teach(article: ClusterInput, goldEvent: string, goldStory: string): { events: TrainingPair[]; stories: TrainingPair[]; eventIsNew: boolean } {
    const features = this.features(article, true);
    this.seq++;
    if (features.day !== null && (this.maxDay === null || features.day > this.maxDay)) this.maxDay = features.day;
    const candidates = this.candidateEvents(features);
    const events: TrainingPair[] = [];
    const storyCandidates = new Map<string, Profile>();
    for (const event of candidates) {
      events.push({ values: pairFeatures(features, event, this.options.windowDays), label: event.id === goldEvent });
      const story = this.stories.get(this.canonicalStory(event.story));
      if (story) storyCandidates.set(story.id, story);
    }
    const stories: TrainingPair[] = [];
    for (const story of storyCandidates.values()) stories.push({ values: pairFeatures(features, story, this.options.windowDays), label: story.id === goldStory });
    let story = this.stories.get(goldStory);
    if (!story) {
      story = new Profile(goldStory, goldStory);
      this.stories.set(goldStory, story);
    }
    let event = this.events.get(goldEvent);
    const eventIsNew = !event;
    if (!event) {
      event = new Profile(goldEvent, goldStory);
      this.events.set(goldEvent, event);
      this.storyRefs.set(goldStory, (this.storyRefs.get(goldStory) ?? 0) + 1);
      this.undatedEvents.set(goldEvent, true);
    }
    this.addToEvent(event, story, features);
    this.evict();
    return { events, stories, eventIsNew };
  }

  /** The changes of the last assignment (trackChanges only), then forgets them. */
  takeChanges(): ClusterStateDelta {
    const delta = this.pending ?? { ...emptyDelta(), baseSeq: this.seq, meta: this.metaRow() };
    this.pending = null;
    return delta;
  }

  /** Everything held in memory, in the shape the store rebuilds from rows: `new StreamClusterer(snapshot)` continues identically. */
  snapshot(): ClusterStateSnapshot {
    const profiles: ClusterProfileRow[] = [];
    for (const story of this.stories.values()) profiles.push(this.profileRow('story', story));
    for (const event of this.events.values()) profiles.push(this.profileRow('event', event));
    return {
      meta: this.metaRow(),
      df: [...this.df].map(([term, entry]): [string, number] => [term, entry.count]),
      profiles,
      signatures: [...this.copies.values()].map(signatureRow),
      aliases: [...this.aliases],
    };
  }

  // -- features -------------------------------------------------------------------------------------

  /**
   * The article's features. With `count`, its terms and entities enter the document frequencies first
   * (so its own rare terms get a finite, high IDF); `fresh` collects the keys it counted.
   */
  private features(article: ClusterInput, count: boolean, fresh?: Set<string> | null, analysis?: TextAnalysis): ArticleFeatures {
    const body = analysis ?? analyzeText(article.text);
    const title = typeof article.title === 'string' ? article.title : '';
    const head = analyzeText(title);
    const entityNames = Array.isArray(article.entities)
      ? new Set(article.entities.filter((e) => typeof e === 'string' && e.trim()).map((e) => foldCase(e.trim())))
      : new Set([...head.names, ...body.names]);
    // An outlet naming itself (page furniture, "told the Kestrel Post") says nothing about the event, and
    // would tie together everything one outlet publishes: its name leaves the entities and its words the terms.
    let outletTerms: Set<string> | null = null;
    if (typeof article.outlet === 'string' && article.outlet.trim()) {
      const outlet = foldCase(article.outlet.trim());
      entityNames.delete(outlet);
      for (const word of outlet.split(/\s+/)) entityNames.delete(word);
      outletTerms = new Set(analyzeText(article.outlet).content);
    }
    if (count) {
      if (this.df.size + body.content.length + head.content.length + entityNames.size > this.options.maxVocabulary) {
        // Near the cap only: the exact number of distinct terms decides.
        const distinct = new Set([...body.content, ...head.content]);
        for (const term of outletTerms ?? []) distinct.delete(term);
        if (this.df.size + distinct.size + entityNames.size > this.options.maxVocabulary) this.halveDf();
      }
      this.documents++;
    }
    // One record look-up per token: term frequencies (text and kind) are counted on the records, stamped
    // with this call, in order of first appearance.
    const stamp = ++this.stamp;
    const terms: TermRecord[] = [];
    const kindTerms: TermRecord[] = [];
    const missing = count ? null : new Map<string, TermRecord>();
    const df = this.df;
    const recordOf = (term: string, word: WordMemo | null): TermRecord => {
      // A cached word remembers its record while the record stays in df: no df look-up per token.
      let record = word !== null && word.memoOwner === df && !(word.memo as TermRecord).dropped ? (word.memo as TermRecord) : undefined;
      if (record === undefined) {
        record = df.get(term);
        if (record === undefined && missing === null) {
          record = newTermRecord(term, 0, termId(term));
          df.set(term, record);
        }
        if (record !== undefined && word !== null) {
          word.memo = record;
          word.memoOwner = df;
        }
      }
      if (record === undefined) {
        // Only a cold query (missing !== null) gets here: a term new to df gets a record outside df.
        record = missing?.get(term) ?? newTermRecord(term, 0, termId(term));
        missing?.set(term, record);
      }
      if (record.stamp !== stamp) {
        record.stamp = stamp;
        record.tf = 0;
        record.kindTf = 0;
        terms.push(record);
        if (count) {
          record.count++;
          fresh?.add(term);
        }
      }
      return record;
    };
    const tokens = body.content;
    const lowerCase = body.lowerCase;
    const memos = body.memos;
    for (let i = 0; i < tokens.length; i++) {
      const term = tokens[i];
      if (outletTerms?.has(term)) continue;
      const record = recordOf(term, memos[i]);
      record.tf++;
      if (lowerCase[i]) {
        if (record.kindTf === 0) kindTerms.push(record);
        record.kindTf++;
      }
    }
    const titleWeight = this.options.titleWeight;
    for (let i = 0; i < head.content.length; i++) {
      const term = head.content[i];
      if (outletTerms?.has(term)) continue;
      recordOf(term, head.memos[i]).tf += titleWeight;
    }
    // IDF of each term, computed once: kind and lead terms are nearly all among them.
    const logDocuments = Math.log(this.documents + 1);
    const n = terms.length;
    const weights = new Array<number>(n);
    const ids = new Array<number>(n);
    let norm = 0;
    for (let i = 0; i < n; i++) {
      const record = terms[i];
      const idf = logDocuments - Math.log(record.count + 1) + 1;
      record.idf = idf;
      const w = (1 + Math.log(record.tf)) * idf;
      weights[i] = w;
      ids[i] = record.id;
      norm += w * w;
    }
    const entities = new Map<string, number>();
    // Entities named in the title (or, without one, the opening) are what the article is about.
    const leadText = foldCase(title.trim() ? title : article.text.slice(0, LEAD_CHARS));
    for (const entity of entityNames) {
      let record = this.entityDf.get(entity);
      if (count) {
        if (record === undefined) {
          const key = `e:${entity}`;
          record = newTermRecord(key, 0, 0);
          this.df.set(key, record);
          this.entityDf.set(entity, record);
        }
        record.count++;
        fresh?.add(record.key);
      }
      const df = record?.count ?? 0;
      entities.set(entity, (logDocuments - Math.log(df + 1) + 1) * (leadText.includes(entity) ? LEAD_ENTITY_WEIGHT : 1));
    }
    const entityWeights = [...entities.values()];
    let entityMass = 0;
    for (const w of entityWeights) entityMass += w;
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < n; i++) weights[i] /= norm;
    const vector = vectorOf(ids, weights);
    // Only the heaviest terms need an order (index keys, what profiles take): sort those, not all.
    const heaviest = topEntries(weights, ids, PROFILE_ARTICLE_TERMS);
    heaviest.sort((a, b) => weights[b] - weights[a] || (terms[a].key < terms[b].key ? -1 : terms[a].key > terms[b].key ? 1 : 0));
    const rankedHead = heaviest.map((i): [string, number] => [terms[i].key, weights[i]]);
    const rankedIds = heaviest.map((i) => ids[i]);
    const vectorHead = n <= PROFILE_ARTICLE_TERMS ? vector : vectorOf(rankedIds, rankedHead.map(([, w]) => w));
    const kindWeights = kindTerms.map((record) => (1 + Math.log(record.kindTf)) * record.idf);
    const kind = unitVector(
      kindTerms.map((record) => record.id),
      kindWeights,
    );
    const leadTerms = new Set(title.trim() ? head.content : contentTokens(article.text.slice(0, LEAD_CHARS)));
    const leadIds: number[] = [];
    const leadWeights: number[] = [];
    for (const term of leadTerms) {
      const record = this.df.get(term) ?? missing?.get(term);
      if (record !== undefined && record.stamp === stamp) {
        leadIds.push(record.id);
        leadWeights.push(record.idf);
      } else {
        // Not among the counted terms (an outlet's word, a word cut at the lead's end).
        leadIds.push(record?.id ?? termId(term));
        leadWeights.push(logDocuments - Math.log((record?.count ?? 0) + 1) + 1);
      }
    }
    const lead = unitVector(leadIds, leadWeights);
    const all = `${title}\n${article.text}`;
    return {
      id: article.id,
      vector,
      vectorTable: this.tables[0].load(vector),
      vectorHead,
      ranked: rankedHead,
      rankedIds,
      kind,
      kindTable: this.tables[1].load(kind),
      lead,
      leadTable: this.tables[2].load(lead),
      entities,
      entityNames: [...entities.keys()],
      entityWeights,
      entityMass,
      numbers: salientNumbers(all),
      years: yearsOf(all),
      day: epochDay(article.published),
    };
  }

  private halveDf(): void {
    for (const [key, entry] of this.df) {
      const half = Math.floor(entry.count / 2);
      if (half > 0) entry.count = half;
      else {
        this.df.delete(key);
        entry.dropped = true;
        if (key.startsWith('e:')) this.entityDf.delete(key.slice(2));
      }
    }
    this.documents = Math.floor(this.documents / 2);
    if (this.trackChanges) this.delta().halveDf = true;
  }

  // -- candidates and scoring -----------------------------------------------------------------------

  /** Index keys of an article with their query weights: top terms, entities (by IDF), numbers. */
  private queryKeys(features: ArticleFeatures): Array<[string, number]> {
    const keys: Array<[string, number]> = [];
    for (const [term, w] of features.ranked.slice(0, QUERY_TERMS)) keys.push([`t:${term}`, w]);
    const top = features.ranked.length > 0 ? features.ranked[0][1] : 1;
    for (const [entity, idf] of features.entities) keys.push([`e:${entity}`, (top * idf) / (idf + 1)]);
    for (const n of features.numbers) keys.push([`n:${n}`, top / 4]);
    return keys;
  }

  /**
   * queryKeys as posting hashes (fnv1a of each key), in the same order, hashed without building the key
   * strings.
   */
  private queryKeyHashes(features: ArticleFeatures): { hashes: number[]; weights: number[] } {
    const hashes: number[] = [];
    const weights: number[] = [];
    const terms = Math.min(QUERY_TERMS, features.ranked.length);
    for (let i = 0; i < terms; i++) {
      hashes.push(fnv1aContinue(TERM_KEY_STATE, features.ranked[i][0]));
      weights.push(features.ranked[i][1]);
    }
    const top = features.ranked.length > 0 ? features.ranked[0][1] : 1;
    for (let i = 0; i < features.entityNames.length; i++) {
      const idf = features.entityWeights[i];
      hashes.push(fnv1aContinue(ENTITY_KEY_STATE, features.entityNames[i]));
      weights.push((top * idf) / (idf + 1));
    }
    for (const n of features.numbers) {
      hashes.push(fnv1aContinue(NUMBER_KEY_STATE, n));
      weights.push(top / 4);
    }
    return { hashes, weights };
  }

  private candidateEvents(features: ArticleFeatures): Profile[] {
    const query = ++this.query;
    // Hits are summed in arrays by event slot: the postings' events are not visited one by one.
    const touched: number[] = [];
    const hitQuery = this.hitQuery;
    const hitWeight = this.hitWeight;
    const { hashes, weights } = this.queryKeyHashes(features);
    for (let k = 0; k < hashes.length; k++) {
      const weight = weights[k];
      const slots = this.postings.get(hashes[k]);
      if (!slots || slots.length > MAX_POSTING_EVENTS) continue;
      for (let i = 0; i < slots.length; i++) {
        const slot = slots[i];
        if (hitQuery[slot] !== query) {
          hitQuery[slot] = query;
          hitWeight[slot] = 0;
          touched.push(slot);
        }
        hitWeight[slot] += weight;
      }
    }
    // The best MAX_CANDIDATES inside the window, kept sorted by insertion. Deterministic whatever order the
    // events were loaded in: weight, then the most recent, then the id.
    const best: Profile[] = [];
    const before = (a: Profile, b: Profile) => a.hitWeight > b.hitWeight || (a.hitWeight === b.hitWeight && (a.lastSeq > b.lastSeq || (a.lastSeq === b.lastSeq && a.id < b.id)));
    for (const slot of touched) {
      if (best.length === MAX_CANDIDATES && hitWeight[slot] < best[best.length - 1].hitWeight) continue;
      const event = this.slotEvents[slot] as Profile;
      event.hitWeight = hitWeight[slot];
      if (best.length === MAX_CANDIDATES && !before(event, best[best.length - 1])) continue;
      if (event.daysFrom(features.day) > this.options.windowDays) continue;
      let at = best.length;
      while (at > 0 && before(event, best[at - 1])) at--;
      best.splice(at, 0, event);
      if (best.length > MAX_CANDIDATES) best.pop();
    }
    return best;
  }

  private scoreAgainst(features: ArticleFeatures, profile: Profile, model: ClusterOptions['eventModel']): Scored {
    const values = pairFeatures(features, profile, this.options.windowDays);
    const { score, parts } = linearScore(model, values);
    return { profile, score, parts, values };
  }

  private explain(
    rule: string,
    decision: 'joined' | 'opened',
    eventDecision: 'joined' | 'opened',
    score: number,
    parts: Record<string, number>,
    features: ArticleFeatures,
    compared: Profile | null,
    threshold: number,
    candidates: number,
    event: Profile,
    story: Profile,
  ): ClusterExplanation {
    const shared = compared ? pairDetails(features, compared, EXPLANATION_TERMS) : { sharedTerms: [], sharedEntities: [], sharedNumbers: [] };
    return {
      score: round(score),
      parts: roundParts(parts),
      ...shared,
      decision,
      rule,
      event: event.id,
      eventDecision,
      threshold: round(threshold),
      candidates,
      nearestStory: story.id,
    };
  }

  // -- updates --------------------------------------------------------------------------------------

  private openStory(articleId: string): Profile {
    let id = hashId('s', articleId);
    for (let n = 2; this.stories.has(id) || this.aliases.has(id); n++) id = `${hashId('s', articleId)}-${n}`;
    const story = new Profile(id, id);
    this.stories.set(id, story);
    return story;
  }

  private openEvent(articleId: string, storyId: string): Profile {
    let id = hashId('e', articleId);
    for (let n = 2; this.events.has(id); n++) id = `${hashId('e', articleId)}-${n}`;
    const event = new Profile(id, storyId);
    this.events.set(id, event);
    this.storyRefs.set(storyId, (this.storyRefs.get(storyId) ?? 0) + 1);
    this.undatedEvents.set(id, true);
    return event;
  }

  private addToEvent(event: Profile, story: Profile, features: ArticleFeatures): void {
    event.add(features, this.seq);
    story.add(features, this.seq);
    this.visiting.delete(event.id);
    if (event.last === null) {
      this.undatedEvents.delete(event.id);
      this.undatedEvents.set(event.id, true);
    } else {
      this.undatedEvents.delete(event.id);
      this.datedEvents.add(event.id);
    }
    const keys: string[] = [];
    for (const [term] of features.ranked.slice(0, INDEX_TERMS_PER_ARTICLE)) keys.push(`t:${term}`);
    for (const entity of features.entityNames) keys.push(`e:${entity}`);
    for (const n of features.numbers) keys.push(`n:${n}`);
    for (const key of keys) {
      if (event.keys.has(key)) continue;
      event.keys.add(key);
      this.post(key, event);
      if (this.trackChanges) this.delta().keys.push([key, event.id]);
    }
  }

  private post(key: string, event: Profile): void {
    if (event.slot < 0) this.giveSlot(event);
    const hash = fnv1a(key);
    const slots = this.postings.get(hash);
    // An event is posted once per key: Profile.keys is checked before.
    if (slots) slots.push(event.slot);
    else this.postings.set(hash, [event.slot]);
  }

  /** A free slot in the hit arrays for an event entering the inverted index. */
  private giveSlot(event: Profile): void {
    let slot = this.freeSlots.pop();
    if (slot === undefined) {
      slot = this.slotEvents.length;
      this.slotEvents.push(undefined);
      if (slot >= this.hitQuery.length) {
        const query = new Int32Array(this.hitQuery.length * 2);
        query.set(this.hitQuery);
        this.hitQuery = query;
        this.hitWeight = new Float64Array(query.length);
      }
    }
    this.slotEvents[slot] = event;
    this.hitQuery[slot] = 0;
    event.slot = slot;
  }

  private loadEvent(row: ClusterProfileRow): void {
    const event = Profile.fromData(row.id, this.canonicalStory(row.story), validateProfileData(row.profile, `event ${row.id}`));
    const storyId = this.canonicalStory(event.story);
    if (!this.stories.has(storyId)) throw new Error(`invalid clusterer state: event ${row.id} belongs to story ${storyId}, which is not loaded`);
    this.events.set(event.id, event);
    this.storyRefs.set(storyId, (this.storyRefs.get(storyId) ?? 0) + 1);
    if (event.last === null) this.undatedEvents.set(event.id, true);
    else this.datedEvents.add(event.id);
    for (const key of event.keys) this.post(key, event);
  }

  /**
   * Merges `story` with every other candidate story scoring at or above the story threshold + mergeMargin.
   * The larger story (then the older) survives; the other's id becomes its alias. Returns the survivor and
   * the ids merged away.
   */
  private mergeStories(story: Profile, scored: Scored[]): { survivor: Profile; merged: string[] } {
    const bar = this.options.storyModel.threshold + this.options.mergeMargin;
    let survivor = story;
    const merged: string[] = [];
    for (const { profile: other, score } of scored) {
      if (other.id === survivor.id || score < bar || !this.stories.has(other.id)) continue;
      const [keep, gone] = other.size > survivor.size || (other.size === survivor.size && other.lastSeq < survivor.lastSeq) ? [other, survivor] : [survivor, other];
      keep.absorb(gone);
      this.stories.delete(gone.id);
      this.storyRefs.set(keep.id, (this.storyRefs.get(keep.id) ?? 0) + (this.storyRefs.get(gone.id) ?? 0));
      this.storyRefs.delete(gone.id);
      const renamed: Array<[string, string]> = [gone.id, ...(this.aliasSources.get(gone.id) ?? [])].map((alias) => [alias, keep.id]);
      this.aliasSources.delete(gone.id);
      for (const [alias, target] of renamed) this.setAlias(alias, target);
      if (this.trackChanges) {
        this.delta().removedStories.push(gone.id);
        this.delta().aliases.push(...renamed);
      }
      merged.push(gone.id);
      survivor = keep;
    }
    return { survivor, merged };
  }

  private setAlias(alias: string, story: string): void {
    this.aliases.set(alias, story);
    const sources = this.aliasSources.get(story);
    if (sources) sources.push(alias);
    else this.aliasSources.set(story, [alias]);
  }

  // -- memory bounds --------------------------------------------------------------------------------

  private cutoff(): number | null {
    return this.maxDay === null ? null : this.maxDay - this.options.windowDays - this.options.retainMarginDays;
  }

  /** Drops what a restart would not load: dated rows before the cutoff, undated ones beyond the caps. */
  private evict(): void {
    const cutoff = this.cutoff();
    if (cutoff !== null && (this.sweptCutoff === null || cutoff > this.sweptCutoff)) {
      this.sweptCutoff = cutoff;
      for (const id of this.datedEvents) {
        const event = this.events.get(id) as Profile;
        if ((event.last as number) < cutoff) this.dropEvent(event);
      }
      for (const copy of [...this.copies.values()]) if (copy.day !== null && copy.day < cutoff) this.forgetCopy(copy);
    }
    for (const id of this.visiting) {
      const event = this.events.get(id);
      if (event && (event.last === null || cutoff === null || event.last < cutoff)) this.dropEvent(event);
    }
    this.visiting.clear();
    for (const article of this.visitingCopies) {
      const copy = this.copies.get(article);
      if (copy && (copy.day === null || cutoff === null || copy.day < cutoff)) this.forgetCopy(copy);
    }
    this.visitingCopies.clear();
    while (this.undatedEvents.size > this.options.maxUndatedEvents) {
      const oldest = this.undatedEvents.keys().next().value as string;
      this.dropEvent(this.events.get(oldest) as Profile);
    }
    while (this.undatedCopies.size > this.options.maxUndatedSignatures) {
      const oldest = this.undatedCopies.keys().next().value as string;
      this.forgetCopy(this.copies.get(oldest) as Copy);
    }
  }

  private dropEvent(event: Profile): void {
    this.events.delete(event.id);
    this.datedEvents.delete(event.id);
    this.undatedEvents.delete(event.id);
    if (event.slot >= 0) {
      const slot = event.slot;
      for (const key of event.keys) {
        const hash = fnv1a(key);
        const slots = this.postings.get(hash);
        if (!slots) continue;
        // Order inside a posting list does not matter (hit weights are summed per event, ties broken by id).
        const at = slots.indexOf(slot);
        if (at >= 0) {
          slots[at] = slots[slots.length - 1];
          slots.pop();
        }
        if (slots.length === 0) this.postings.delete(hash);
      }
      this.slotEvents[slot] = undefined;
      this.freeSlots.push(slot);
      event.slot = -1;
    }
    const storyId = this.canonicalStory(event.story);
    const refs = (this.storyRefs.get(storyId) ?? 1) - 1;
    if (refs > 0) this.storyRefs.set(storyId, refs);
    else {
      this.storyRefs.delete(storyId);
      this.stories.delete(storyId);
    }
  }

  // -- copies ---------------------------------------------------------------------------------------

  private findCopy(signature: Uint32Array, bands: readonly number[], size: number, articleId: string): { original: Copy; similarity: number } | null {
    const query = ++this.copyQuery;
    let best: { original: Copy; similarity: number } | null = null;
    for (const key of bands) {
      const originals = this.copyIndex.get(key);
      if (originals === undefined) continue;
      for (const original of originals) {
        if (original.seenQuery === query || original.article === articleId) continue;
        original.seenQuery = query;
        const similarity = containment(signatureSimilarity(signature, original.signature), size, original.shingles);
        const better = !best || similarity > best.similarity || (similarity === best.similarity && original.seq < best.original.seq);
        if (similarity >= this.options.duplicateThreshold && better) best = { original, similarity };
      }
    }
    return best;
  }

  private rememberCopy(copy: Copy): void {
    if (this.copies.has(copy.article)) return;
    this.copies.set(copy.article, copy);
    if (copy.day === null) this.undatedCopies.set(copy.article, true);
    for (const key of copy.bands) {
      const copies = this.copyIndex.get(key);
      if (copies) copies.push(copy);
      else this.copyIndex.set(key, [copy]);
    }
  }

  private forgetCopy(copy: Copy): void {
    this.copies.delete(copy.article);
    this.undatedCopies.delete(copy.article);
    for (const key of copy.bands) {
      const copies = this.copyIndex.get(key);
      if (!copies) continue;
      const at = copies.indexOf(copy);
      if (at >= 0) copies.splice(at, 1);
      if (copies.length === 0) this.copyIndex.delete(key);
    }
  }

  // -- persistence ----------------------------------------------------------------------------------

  private delta(): ClusterStateDelta {
    if (!this.pending) this.pending = { ...emptyDelta(), baseSeq: this.pendingBaseSeq, meta: this.metaRow() };
    return this.pending;
  }

  private finishDelta(event: Profile, story: Profile, _features: ArticleFeatures, counted: Set<string>): void {
    const delta = this.delta();
    delta.meta = this.metaRow();
    delta.df = [...counted].map((key): [string, number] => [key, 1]);
    delta.profiles.push(this.profileRow('story', story), this.profileRow('event', event));
  }

  private metaRow(): ClusterStateSnapshot['meta'] {
    return {
      seq: this.seq,
      maxDay: this.maxDay,
      state: { format: STATE_FORMAT, version: STATE_VERSION, documents: this.documents, overrides: this.overrides },
    };
  }

  private profileRow(kind: 'event' | 'story', profile: Profile): ClusterProfileRow {
    return {
      kind,
      id: profile.id,
      story: kind === 'story' ? profile.id : this.canonicalStory(profile.story),
      firstDay: profile.first,
      lastDay: profile.last,
      lastSeq: profile.lastSeq,
      profile: profile.toData(),
    };
  }
}

/**
 * Positions of the `k` heaviest weights (ties: the smaller term id, so the choice is deterministic), in no
 * particular order. The k-th weight is found by a native sort of the weights.
 */
function topEntries(weights: readonly number[], ids: readonly number[], k: number): number[] {
  const n = weights.length;
  if (n <= k) return Array.from({ length: n }, (_, i) => i);
  const sorted = Float64Array.from(weights).sort();
  const bar = sorted[n - k];
  const out: number[] = [];
  const ties: number[] = [];
  for (let i = 0; i < n; i++) {
    if (weights[i] > bar) out.push(i);
    else if (weights[i] === bar) ties.push(i);
  }
  ties.sort((a, b) => ids[a] - ids[b]);
  for (let t = 0; out.length < k; t++) out.push(ties[t]);
  return out;
}

/** A unit-length vector of (term id, weight) pairs. */
function unitVector(ids: readonly number[], weights: readonly number[]): SparseVector {
  let norm = 0;
  for (const w of weights) norm += w * w;
  norm = Math.sqrt(norm) || 1;
  return vectorOf(ids, weights.map((w) => w / norm));
}

function newTermRecord(key: string, count: number, id: number): TermRecord {
  return { key, count, id, dropped: false, stamp: 0, tf: 0, kindTf: 0, idf: 0 };
}

function signatureRow(copy: Copy): ClusterSignatureRow {
  return { article: copy.article, event: copy.event, day: copy.day, seq: copy.seq, shingles: copy.shingles, signature: encodeSignature(copy.signature) };
}

function copyOf(row: ClusterSignatureRow): Copy {
  let signature: Uint32Array;
  try {
    signature = decodeSignature(row.signature);
  } catch (err) {
    throw new Error(`invalid clusterer state: signature of ${row.article}: ${(err as Error).message}`);
  }
  return { article: row.article, event: row.event, day: row.day, seq: row.seq, shingles: row.shingles, signature, bands: bandKeys(signature), seenQuery: 0 };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}
