/**
 * Cluster profiles (one per event, one per story) and the features of an (article, profile) pair that the
 * learned scoring models weigh (see model.ts). A profile is the running sum of its members: unit TF-IDF
 * vectors of text and lead, counts of entities, numbers and years, and the span of publish days.
 */
import { CENTROID_MAX_TERMS, ENTITY_SMOOTHING, LEAD_MAX_TERMS, PROFILE_MAX_ENTITIES, PROFILE_MAX_NUMBERS } from './constants.ts';

/** What an arriving article brings, computed once (see StreamClusterer.features). */
export interface ArticleFeatures {
  id: string;
  /** Unit-length TF-IDF vector of title + text (title terms weighted up). */
  vector: Map<string, number>;
  /** The same terms, heaviest first (for the inverted index and explanations). */
  ranked: Array<[string, number]>;
  /** Unit-length TF-IDF vector of the lower-case content words (what kind of event, not who). */
  kind: Map<string, number>;
  /** Unit-length TF-IDF vector of the lead: the title, or the opening of the text when there is none. */
  lead: Map<string, number>;
  /** Folded canonical entities with their IDF. */
  entities: Map<string, number>;
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
  centroid: Array<[string, number]>;
  norm2: number;
  kind: Array<[string, number]>;
  kindNorm2: number;
  lead: Array<[string, number]>;
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
  centroid = new Map<string, number>();
  norm2 = 0;
  kind = new Map<string, number>();
  kindNorm2 = 0;
  lead = new Map<string, number>();
  leadNorm2 = 0;
  entities = new Map<string, number>();
  numbers = new Map<string, number>();
  years = new Map<string, number>();
  keys = new Set<string>();
  /** Sum of the entity counts; null when it must be recomputed. */
  private mentions: number | null = null;

  constructor(
    readonly id: string,
    /** For an event, the story it was opened in (resolve through the clusterer's aliases); for a story, its own id. */
    readonly story: string,
  ) {}

  add(article: ArticleFeatures, seq: number): void {
    this.size++;
    this.lastSeq = seq;
    this.norm2 = addVector(this.centroid, this.norm2, article.vector);
    if (this.centroid.size > CENTROID_MAX_TERMS * 1.5) this.norm2 = prune(this.centroid, CENTROID_MAX_TERMS);
    this.kindNorm2 = addVector(this.kind, this.kindNorm2, article.kind);
    if (this.kind.size > CENTROID_MAX_TERMS * 1.5) this.kindNorm2 = prune(this.kind, CENTROID_MAX_TERMS);
    this.leadNorm2 = addVector(this.lead, this.leadNorm2, article.lead);
    if (this.lead.size > LEAD_MAX_TERMS * 1.5) this.leadNorm2 = prune(this.lead, LEAD_MAX_TERMS);
    this.mentions = null;
    for (const entity of article.entities.keys()) bump(this.entities, entity);
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
    this.norm2 = addVector(this.centroid, this.norm2, other.centroid);
    if (this.centroid.size > CENTROID_MAX_TERMS * 1.5) this.norm2 = prune(this.centroid, CENTROID_MAX_TERMS);
    this.kindNorm2 = addVector(this.kind, this.kindNorm2, other.kind);
    if (this.kind.size > CENTROID_MAX_TERMS * 1.5) this.kindNorm2 = prune(this.kind, CENTROID_MAX_TERMS);
    this.leadNorm2 = addVector(this.lead, this.leadNorm2, other.lead);
    if (this.lead.size > LEAD_MAX_TERMS * 1.5) this.leadNorm2 = prune(this.lead, LEAD_MAX_TERMS);
    this.mentions = null;
    for (const [k, v] of other.entities) this.entities.set(k, (this.entities.get(k) ?? 0) + v);
    for (const [k, v] of other.numbers) this.numbers.set(k, (this.numbers.get(k) ?? 0) + v);
    for (const [k, v] of other.years) this.years.set(k, (this.years.get(k) ?? 0) + v);
    if (other.first !== null) this.first = this.first === null ? other.first : Math.min(this.first, other.first);
    if (other.last !== null) this.last = this.last === null ? other.last : Math.max(this.last, other.last);
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
      centroid: [...this.centroid],
      norm2: this.norm2,
      kind: [...this.kind],
      kindNorm2: this.kindNorm2,
      lead: [...this.lead],
      leadNorm2: this.leadNorm2,
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
    profile.centroid = new Map(data.centroid);
    profile.norm2 = data.norm2;
    profile.kind = new Map(data.kind);
    profile.kindNorm2 = data.kindNorm2;
    profile.lead = new Map(data.lead);
    profile.leadNorm2 = data.leadNorm2;
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
  let dot = 0;
  for (const [term, w] of article.vector) {
    const c = profile.centroid.get(term);
    if (c !== undefined) dot += w * c;
  }
  const text = dot > 0 && profile.norm2 > 0 ? dot / Math.sqrt(profile.norm2) : 0;
  let kindDot = 0;
  for (const [term, w] of article.kind) {
    const c = profile.kind.get(term);
    if (c !== undefined) kindDot += w * c;
  }
  const kind = kindDot > 0 && profile.kindNorm2 > 0 ? kindDot / Math.sqrt(profile.kindNorm2) : 0;
  let leadDot = 0;
  for (const [term, w] of article.lead) {
    const c = profile.lead.get(term);
    if (c !== undefined) leadDot += w * c;
  }
  const lead = leadDot > 0 && profile.leadNorm2 > 0 ? leadDot / Math.sqrt(profile.leadNorm2) : 0;

  let entityMass = 0;
  let sharedMass = 0;
  let coverShared = 0;
  for (const [entity, idf] of article.entities) {
    entityMass += idf;
    const count = profile.entities.get(entity);
    if (count !== undefined) {
      sharedMass += idf;
      coverShared += count;
    }
  }
  const coverTotal = profile.entityMentions();
  // Shrunk toward 0 for few names: one shared name out of one is weak evidence, twenty out of twenty is not.
  const entities = entityMass > 0 ? (sharedMass / entityMass) * (article.entities.size / (article.entities.size + ENTITY_SMOOTHING)) : 0;
  const entityCover = coverTotal > 0 ? coverShared / (coverTotal + ENTITY_SMOOTHING * profile.size) : 0;

  let sharedNumbers = 0;
  for (const n of article.numbers) if (profile.numbers.has(n)) sharedNumbers++;
  const numbers = article.numbers.length > 0 ? sharedNumbers / article.numbers.length : 0;
  let years = 0;
  if (article.years.length > 0 && profile.years.size > 0) years = article.years.some((y) => profile.years.has(y)) ? 1 : -1;
  const time = windowDays > 0 ? profile.daysFrom(article.day) / windowDays : 0;
  return { text, kind, lead, entities, entityCover, numbers, years, time };
}

/** The terms, entities and numbers an article shares with a profile, strongest first. */
export function pairDetails(article: ArticleFeatures, profile: Profile, limit: number): PairDetails {
  const terms: Array<[string, number]> = [];
  for (const [term, w] of article.vector) {
    const c = profile.centroid.get(term);
    if (c !== undefined) terms.push([term, w * c]);
  }
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

/** Adds `vector` to `centroid` in place; returns the centroid's new squared length. */
function addVector(centroid: Map<string, number>, norm2: number, vector: ReadonlyMap<string, number>): number {
  let cross = 0;
  let own = 0;
  for (const [term, v] of vector) {
    const c = centroid.get(term) ?? 0;
    cross += c * v;
    own += v * v;
    centroid.set(term, c + v);
  }
  return norm2 + 2 * cross + own;
}

/** Keeps the `keep` heaviest terms (ties by term) and returns the exact new squared length. */
function prune(centroid: Map<string, number>, keep: number): number {
  const kept = [...centroid].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, keep);
  centroid.clear();
  let norm2 = 0;
  for (const [term, w] of kept) {
    centroid.set(term, w);
    norm2 += w * w;
  }
  return norm2;
}

function pruneCounts(counts: Map<string, number>, keep: number): void {
  const kept = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, keep);
  counts.clear();
  for (const [k, v] of kept) counts.set(k, v);
}
