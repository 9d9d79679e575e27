import type { ArticleRecord, Assignment, StorySummary } from '../model.ts';

/** An article as read back from the store, with the story assignment made when it was ingested. */
export interface StoredArticle {
  record: ArticleRecord;
  assignment: Assignment;
}

export interface StoryListOptions {
  limit?: number;
  offset?: number;
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
   * Stores an article, its annotations, its story assignment and the clusterer's new state in one
   * transaction. Returns false (and writes nothing) when an article with this id is stored already.
   */
  saveArticle(record: ArticleRecord, assignment: Assignment, clustererState: unknown): Promise<boolean>;
  /** The clusterer state saved with the last article, or null on an empty store. */
  loadClustererState(): Promise<unknown | null>;
  listStories(options?: StoryListOptions): Promise<StorySummary[]>;
  getStorySummary(id: string): Promise<StorySummary | null>;
  /** The articles of a story in arrival order; empty when the story does not exist. */
  getStoryArticles(storyId: string): Promise<StoredArticle[]>;
  getArticle(id: string): Promise<StoredArticle | null>;
  countArticles(): Promise<number>;
}
