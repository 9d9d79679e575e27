import type { ArticleRecord, Assignment, EntityType, StorySummary } from '../model.ts';

/** An article as read back from the store, with the story assignment made when it was ingested. */
export interface StoredArticle {
  record: ArticleRecord;
  assignment: Assignment;
}

export interface StoryListOptions {
  limit?: number;
  offset?: number;
  /** Full-text search (PostgreSQL `websearch_to_tsquery` syntax) over the titles and texts of a story's articles. */
  query?: string;
  /** Stories with an article that mentions this entity canonical. */
  entity?: string;
  /** Stories with an article from this outlet (exact name). */
  outlet?: string;
  /** Stories seen on or after this date (`YYYY-MM-DD`): their last day is not earlier. */
  from?: string;
  /** Stories seen on or before this date (`YYYY-MM-DD`): their first day is not later. */
  to?: string;
}

export interface EntityListOptions {
  limit?: number;
  offset?: number;
  /** Canonicals containing this text (case-insensitive). */
  query?: string;
  type?: EntityType;
}

/** One canonical entity of the store, with how widely it is mentioned. */
export interface EntitySummary {
  canonical: string;
  type: EntityType;
  articles: number;
  mentions: number;
}

export interface EntityDetail extends EntitySummary {
  /** Distinct surface forms, most frequent first. */
  aliases: string[];
  /** The stories whose articles mention it, most recent first, with how many of their articles do. */
  stories: Array<StorySummary & { mentioning_articles: number }>;
}

/** An article found by full-text search. */
export interface ArticleHit {
  id: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  story: string;
  /** A short extract of the text around the match, plain text. */
  snippet: string;
}

/** A write token as listed (never its secret, never its hash). */
export interface ApiTokenInfo {
  id: string;
  name: string;
  created_at: string;
  last_used_at: string | null;
  revoked: boolean;
}

/**
 * The one storage interface. The embedded store (PGlite) and, later, a PostgreSQL server implement it with
 * the same SQL schema and migrations.
 */
export interface Store {
  /** Where the data lives: a folder for the embedded store, a URL for a server. */
  readonly location: string;
  close(): Promise<void>;
  hasArticle(id: string): Promise<boolean>;
  /**
   * Stores an article, its annotations, its story assignment and the clusterer's changes (a
   * ClusterStateDelta: the rows this article touched, never the whole state) in one transaction. Returns
   * false (and writes nothing) when an article with this id is stored already.
   */
  saveArticle(record: ArticleRecord, assignment: Assignment, clustererChanges: unknown): Promise<boolean>;
  /**
   * saveArticle for consecutive articles in one transaction with set-based statements (the single writer's
   * fast path): `clustererChanges` holds each article's delta, in order. Returns false (and writes nothing)
   * when any of the ids is stored already. Optional: without it the articles are saved one by one.
   */
  saveArticleBatch?(items: Array<{ record: ArticleRecord; assignment: Assignment }>, clustererChanges: unknown[]): Promise<boolean>;
  /** Which of `ids` are stored (one query); optional, like saveArticleBatch. */
  storedArticleIds?(ids: string[]): Promise<Set<string>>;
  /**
   * The clusterer's hot state (a ClusterStateSnapshot): counters, document frequencies, aliases, and the
   * event and story profiles and copy signatures that `selection` keeps in memory; null on an empty store.
   */
  loadClustererState(selection?: HotSelection): Promise<unknown | null>;
  /**
   * Event profiles (with their stories) posted under any of `query.keys` whose day span reaches into
   * [fromDay, toDay]: the cold events a late article may join. Optional: a store without it only offers
   * the hot events.
   */
  findClusterEvents?(query: ColdEventQuery): Promise<ClusterColdRows>;
  listStories(options?: StoryListOptions): Promise<StorySummary[]>;
  /** How many stories `listStories` would list without limit and offset. */
  countStories(options?: StoryListOptions): Promise<number>;
  listEntities(options?: EntityListOptions): Promise<EntitySummary[]>;
  getEntity(canonical: string): Promise<EntityDetail | null>;
  searchArticles(query: string, options?: { limit?: number; offset?: number }): Promise<ArticleHit[]>;
  /** Stores a write token by the SHA-256 hash of its secret; returns its id. */
  createApiToken(name: string, hash: string): Promise<string>;
  /** The live (not revoked) token with this id and the hash of its secret, marking it used; null when none. */
  getApiToken(id: string): Promise<(ApiTokenInfo & { hash: string }) | null>;
  listApiTokens(): Promise<ApiTokenInfo[]>;
  /** Revokes a token by id; false when no live token has that id. */
  revokeApiToken(id: string): Promise<boolean>;
  getStorySummary(id: string): Promise<StorySummary | null>;
  /**
   * A story (by id or merged-away alias) with its stored brief, JSON text, when that brief is current: built
   * from as many articles as the story has now, under the same `articleLimit` (the most recent articles a
   * brief reads). brief null when missing or out of date; null when there is no such story.
   */
  getStoryWithBrief(id: string, articleLimit: number): Promise<{ summary: StorySummary; brief: string | null } | null>;
  /**
   * Keeps a story's brief (JSON text) built when the story had `articleCount` articles. Never replaces a
   * brief built from more articles under the same limit; writes nothing when the story is gone (merged).
   */
  saveStoryBrief(storyId: string, articleCount: number, articleLimit: number, brief: string): Promise<void>;
  /** Up to `limit` stories without a current brief under `articleLimit`, most recently seen first. */
  listStaleBriefs(limit: number, articleLimit: number): Promise<string[]>;
  /**
   * The articles of a story in arrival order, only the `last` most recent when given (a brief reads at most
   * its article limit, not a whole large story); empty when the story does not exist.
   */
  getStoryArticles(storyId: string, last?: number): Promise<StoredArticle[]>;
  getArticle(id: string): Promise<StoredArticle | null>;
  countArticles(): Promise<number>;
}

// ---------------------------------------------------------------------------------------------------
// Clusterer state, stored row by row (src/cluster writes and reads it; the store only keeps the rows)

/** One event or story profile; `profile` is the clusterer's JSON, opaque to the store. */
export interface ClusterProfileRow {
  kind: 'event' | 'story';
  id: string;
  /** For an event, the story it was opened in; for a story, its own id. */
  story: string;
  /** Span of publish days (days since 1970-01-01 UTC); null when no member had a date. */
  firstDay: number | null;
  lastDay: number | null;
  /** Arrival number of the last member. */
  lastSeq: number;
  profile: unknown;
}

/** An article kept for copy detection: its MinHash signature (base64) and where it went. */
export interface ClusterSignatureRow {
  article: string;
  event: string;
  day: number | null;
  seq: number;
  /** Distinct shingles of the article (turns the MinHash Jaccard into containment). */
  shingles: number;
  signature: string;
}

/** Small per-stream counters and options, rewritten with every article. */
export interface ClusterMetaRow {
  /** Articles assigned so far. */
  seq: number;
  /** Latest publish day seen (the horizon of the time window), or null. */
  maxDay: number | null;
  /** Everything else the clusterer keeps (options, document count of the IDF, ...). */
  state: unknown;
}

/** What one article changed in the clusterer's state. */
export interface ClusterStateDelta {
  /**
   * Articles the clusterer had assigned when it made this change. A store applies the change only while its
   * meta row still counts that many (StaleClustererState otherwise): a writer whose state is behind the store
   * (another writer, or a dead writer's last commit landing after this one restored) must not overwrite it.
   */
  baseSeq: number;
  meta: ClusterMetaRow;
  /** Halve every stored document frequency (dropping those reaching 0) before adding `df`. */
  halveDf: boolean;
  /** Document-frequency increments per term. */
  df: Array<[string, number]>;
  /** Profiles to insert or replace. */
  profiles: ClusterProfileRow[];
  /** Story profiles folded into another story (merge): removed, their ids kept as aliases. */
  removedStories: string[];
  /** New inverted-index entries: [key, event id]. */
  keys: Array<[string, string]>;
  signatures: ClusterSignatureRow[];
  /** New aliases: [merged story id, the story it now belongs to]. */
  aliases: Array<[string, string]>;
}

/** The state the clusterer starts from: the meta row, all document frequencies and aliases, the hot rows. */
export interface ClusterStateSnapshot {
  meta: ClusterMetaRow;
  df: Array<[string, number]>;
  /** Hot events and the stories they belong to. */
  profiles: ClusterProfileRow[];
  signatures: ClusterSignatureRow[];
  aliases: Array<[string, string]>;
}

/** Which rows are hot (kept in memory): dated ones near the horizon, and the most recent undated ones. */
export interface HotSelection {
  /** Rows whose last day is at or after meta.maxDay - retainDays. */
  retainDays: number;
  /** Undated events (and undated signatures) kept, most recent (by seq) first. */
  undatedEvents: number;
  undatedSignatures: number;
}

/** Cold events found for a late article, their stories, and their articles' copy signatures. */
export interface ClusterColdRows {
  profiles: ClusterProfileRow[];
  signatures: ClusterSignatureRow[];
}

export interface ColdEventQuery {
  keys: string[];
  fromDay: number;
  toDay: number;
  /** At most this many events, most recent first. */
  limit: number;
}

/**
 * A clusterer change refused because the store's clusterer rows moved on since the writer loaded them
 * (ClusterStateDelta.baseSeq): the writer must reload the state and assign again. Nothing was written.
 */
export class StaleClustererState extends Error {
  constructor(
    readonly expectedSeq: number,
    readonly storedSeq: number,
  ) {
    super(`the clusterer state is stale: it has assigned ${expectedSeq} articles, the store holds ${storedSeq}`);
    this.name = 'StaleClustererState';
  }
}
