/**
 * Cluster profiles (one per event, one per story) and the features of an (article, profile) pair that the
 * learned scoring models weigh (see model.ts). A profile is the running sum of its members: unit TF-IDF
 * vectors of text and lead, counts of entities, numbers and years, and the span of publish days.
 */
import { CENTROID_MAX_TERMS, ENTITY_SMOOTHING, LEAD_MAX_TERMS, PROFILE_MAX_ENTITIES, PROFILE_MAX_NUMBERS } from './constants.ts';
import { RunningVector, TermTable, vectorFromData, vectorToData, weightOf, type SparseVector } from './vectors.ts';

/** What an arriving article brings, computed once (see StreamClusterer.features). */
export interface ArticleFeatures {
  id: string;
  /** Unit-length TF-IDF vector of title + text (title terms weighted up), by term id. */
  vector: SparseVector;
  /** `vector`, `kind` and `lead` as tables for scoring: the clusterer's, reused by its next article. */
  vectorTable: TermTable;
  /** The heaviest PROFILE_ARTICLE_TERMS terms of `vector`: what a profile's centroid takes from the article. */
  vectorHead: SparseVector;
  /** The same terms as strings, heaviest first (for the inverted index and explanations). */
  ranked: Array<[string, number]>;
  /** Term ids of `ranked`, in its order. */
  rankedIds: number[];
  /** Unit-length TF-IDF vector of the lower-case content words (what kind of event, not who). */
  kind: SparseVector;
  kindTable: TermTable;
  /** Unit-length TF-IDF vector of the lead: the title, or the opening of the text when there is none. */
  lead: SparseVector;
  leadTable: TermTable;
  /** Folded canonical entities with their weight (IDF). */
  entities: Map<string, number>;
  /** The same as arrays in the map's order, and the sum of the weights in that order (for scoring). */
  entityNames: string[];
  entityWeights: number[];
  entityMass: number;
  numbers: string[];
  years: string[];
  /** Publish day (days since 1970-01-01 UTC), or null. */
  day: number | null;
}

/** Names of the pair features, in the order of the model weight vectors. */
export const PAIR_FEATURES = ['text', 'kind', 'lead', 'entities', 'entityCover', 'numbers', 'years', 'time'] as const;
export type PairFeature = (typeof PAIR_FEATURES)[number];

/** The serialised form of a profile (plain JSON: arrays of entries, numbers round-trip exactly). */
export interface ProfileData {
  size: number;
  first: number | null;
  last: number | null;
  lastSeq: number;
  /** [term id, weight] entries. */
  centroid: Array<[number, number]>;
  norm2: number;
  kind: Array<[number, number]>;
  kindNorm2: number;
  lead: Array<[number, number]>;
  leadNorm2: number;
  entities: Array<[string, number]>;
  numbers: Array<[string, number]>;
  years: Array<[string, number]>;
  /** Inverted-index keys this profile is posted under (events only). */
  keys: string[];
}

export class Profile {
  size = 0;
  first: number | null = null;
  last: number | null = null;
  lastSeq = 0;
  /** Running sums of the members' text (heaviest terms), kind and lead vectors, merged in place. */
  private centroidSum = new RunningVector();
  private kindSum = new RunningVector();
  private leadSum = new RunningVector();
  entities = new Map<string, number>();
  numbers = new Map<string, number>();
  years = new Map<string, number>();
  keys = new Set<string>();
  /** Sum of the entity counts; null when it must be recomputed. */
  private mentions: number | null = null;
  /** Of an event in the inverted index (stream.ts): its slot in the clusterer's hit arrays, or -1. */
  slot = -1;
  /** Scratch of the candidate search (stream.ts): the hit weight of the current search. */
  hitWeight = 0;

  constructor(
    readonly id: string,
    /** For an event, the story it was opened in (resolve through the clusterer's aliases); for a story, its own id. */
    readonly story: string,
  ) {}

  add(article: ArticleFeatures, seq: number): void {
    this.size++;
    this.lastSeq = seq;
    this.addVectors(article);
    this.mentions = null;
    for (const entity of article.entityNames) bump(this.entities, entity);
    if (this.entities.size > PROFILE_MAX_ENTITIES * 1.5) pruneCounts(this.entities, PROFILE_MAX_ENTITIES);
    for (const n of article.numbers) bump(this.numbers, n);
    if (this.numbers.size > PROFILE_MAX_NUMBERS * 1.5) pruneCounts(this.numbers, PROFILE_MAX_NUMBERS);
    for (const y of article.years) bump(this.years, y);
    if (article.day !== null) {
      this.first = this.first === null ? article.day : Math.min(this.first, article.day);
      this.last = this.last === null ? article.day : Math.max(this.last, article.day);
    }
  }

  /** Folds another profile in (a story merge). */
  absorb(other: Profile): void {
    this.size += other.size;
    this.lastSeq = Math.max(this.lastSeq, other.lastSeq);
    this.addVectors(other);
    this.mentions = null;
    for (const [k, v] of other.entities) this.entities.set(k, (this.entities.get(k) ?? 0) + v);
    for (const [k, v] of other.numbers) this.numbers.set(k, (this.numbers.get(k) ?? 0) + v);
    for (const [k, v] of other.years) this.years.set(k, (this.years.get(k) ?? 0) + v);
    if (other.first !== null) this.first = this.first === null ? other.first : Math.min(this.first, other.first);
    if (other.last !== null) this.last = this.last === null ? other.last : Math.max(this.last, other.last);
  }

  /** The text centroid (sum of the members' heaviest terms): valid until the next change. */
  get centroid(): SparseVector {
    return this.centroidSum.vector;
  }

  get kind(): SparseVector {
    return this.kindSum.vector;
  }

  get lead(): SparseVector {
    return this.leadSum.vector;
  }

  /** Adds the text, kind and lead vectors, keeping each centroid bounded (pruned back once 1.5x over). */
  private addVectors(other: { centroid?: SparseVector; vectorHead?: SparseVector; kind: SparseVector; lead: SparseVector }): void {
    this.centroidSum.add((other.vectorHead ?? other.centroid) as SparseVector);
    if (this.centroidSum.size > CENTROID_MAX_TERMS * 1.5) this.centroidSum.prune(CENTROID_MAX_TERMS);
    this.kindSum.add(other.kind);
    if (this.kindSum.size > CENTROID_MAX_TERMS * 1.5) this.kindSum.prune(CENTROID_MAX_TERMS);
    this.leadSum.add(other.lead);
    if (this.leadSum.size > LEAD_MAX_TERMS * 1.5) this.leadSum.prune(LEAD_MAX_TERMS);
  }

  /** Total entity mentions (member counts summed), cached between updates. */
  entityMentions(): number {
    if (this.mentions === null) {
      let total = 0;
      for (const count of this.entities.values()) total += count;
      this.mentions = total;
    }
    return this.mentions;
  }

  /** Days between `day` and this profile's span; 0 when either is undated. */
  daysFrom(day: number | null): number {
    if (day === null || this.first === null || this.last === null) return 0;
    if (day < this.first) return this.first - day;
    if (day > this.last) return day - this.last;
    return 0;
  }

  toData(): ProfileData {
    return {
      size: this.size,
      first: this.first,
      last: this.last,
      lastSeq: this.lastSeq,
      centroid: vectorToData(this.centroid),
      norm2: this.centroid.norm2,
      kind: vectorToData(this.kind),
      kindNorm2: this.kind.norm2,
      lead: vectorToData(this.lead),
      leadNorm2: this.lead.norm2,
      entities: [...this.entities],
      numbers: [...this.numbers],
      years: [...this.years],
      keys: [...this.keys],
    };
  }

  static fromData(id: string, story: string, data: ProfileData): Profile {
    const profile = new Profile(id, story);
    profile.size = data.size;
    profile.first = data.first;
    profile.last = data.last;
    profile.lastSeq = data.lastSeq;
    // Norms are recomputed from the entries (vectorOf), so they always match them exactly.
    profile.centroidSum = new RunningVector(vectorFromData(data.centroid));
    profile.kindSum = new RunningVector(vectorFromData(data.kind));
    profile.leadSum = new RunningVector(vectorFromData(data.lead));
    profile.entities = new Map(data.entities);
    profile.numbers = new Map(data.numbers);
    profile.years = new Map(data.years);
    profile.keys = new Set(data.keys);
    return profile;
  }
}

/** What an article shares with a profile, for the explanation. */
export interface PairDetails {
  /** Terms by their contribution to the text cosine, largest first. */
  sharedTerms: string[];
  sharedEntities: string[];
  sharedNumbers: string[];
}

/**
 * Features of (article, profile):
 *   text, lead     cosine of the article's unit vector with the profile's centroid
 *   kind          the same over lower-case content words (the kind of event, without its names)
 *   entities      IDF-weighted share of the article's entities the profile names, times n / (n + k)
 *   entityCover   share of the profile's entity mentions (by member count) that the article names, with
 *                 k mentions per member added to the total (both shrink the evidence of a few names)
 *   numbers       share of the article's salient numbers the profile states
 *   years         +1 when both name years and share one, -1 when both name years and share none, else 0
 *   time          days between the article and the profile's span, over the window (0 when undated)
 */
export function pairFeatures(article: ArticleFeatures, profile: Profile, windowDays: number): Record<PairFeature, number> {
  const text = cosine(article.vectorTable, profile.centroid);
  const kind = cosine(article.kindTable, profile.kind);
  const lead = cosine(article.leadTable, profile.lead);

  const entityMass = article.entityMass;
  const names = article.entityNames;
  const weights = article.entityWeights;
  const counts = profile.entities;
  let sharedMass = 0;
  let coverShared = 0;
  for (let i = 0; i < names.length; i++) {
    const count = counts.get(names[i]);
    if (count !== undefined) {
      sharedMass += weights[i];
      coverShared += count;
    }
  }
  const coverTotal = profile.entityMentions();
  // Shrunk toward 0 for few names: one shared name out of one is weak evidence, twenty out of twenty is not.
  const entities = entityMass > 0 ? (sharedMass / entityMass) * (article.entities.size / (article.entities.size + ENTITY_SMOOTHING)) : 0;
  const entityCover = coverTotal > 0 ? coverShared / (coverTotal + ENTITY_SMOOTHING * profile.size) : 0;

  let sharedNumbers = 0;
  for (let i = 0; i < article.numbers.length; i++) if (profile.numbers.has(article.numbers[i])) sharedNumbers++;
  const numbers = article.numbers.length > 0 ? sharedNumbers / article.numbers.length : 0;
  let years = 0;
  if (article.years.length > 0 && profile.years.size > 0) {
    years = -1;
    for (let i = 0; i < article.years.length; i++) {
      if (profile.years.has(article.years[i])) {
        years = 1;
        break;
      }
    }
  }
  const time = windowDays > 0 ? profile.daysFrom(article.day) / windowDays : 0;
  return { text, kind, lead, entities, entityCover, numbers, years, time };
}

/** The terms, entities and numbers an article shares with a profile, strongest first. */
export function pairDetails(article: ArticleFeatures, profile: Profile, limit: number): PairDetails {
  const terms: Array<[string, number]> = [];
  article.ranked.forEach(([term, w], i) => {
    const c = weightOf(profile.centroid, article.rankedIds[i]);
    if (c !== 0) terms.push([term, w * c]);
  });
  terms.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const entities = [...article.entities.keys()].filter((e) => profile.entities.has(e));
  entities.sort((a, b) => (profile.entities.get(b) ?? 0) - (profile.entities.get(a) ?? 0) || (a < b ? -1 : 1));
  return {
    sharedTerms: terms.slice(0, limit).map(([term]) => term),
    sharedEntities: entities.slice(0, limit),
    sharedNumbers: article.numbers.filter((n) => profile.numbers.has(n)).slice(0, limit),
  };
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** Cosine of a unit article vector (as a table) with a profile centroid. */
function cosine(table: TermTable, centroid: SparseVector): number {
  if (centroid.norm2 <= 0) return 0;
  const dot = table.dot(centroid);
  return dot > 0 ? dot / Math.sqrt(centroid.norm2) : 0;
}

function pruneCounts(counts: Map<string, number>, keep: number): void {
  const kept = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, keep);
  counts.clear();
  for (const [k, v] of kept) counts.set(k, v);
}
