/**
 * A Store over arrays, for tests of the server (and any caller that wants a throwaway store). It keeps the
 * interface's semantics: one record per id, story summaries derived from the stored articles, stories
 * listed most recently seen first, articles of a story in arrival order.
 */
import type { ArticleRecord, Assignment, StorySummary } from '../model.ts';
import type { Store, StoredArticle, StoryListOptions } from '../store/types.ts';

export class MemoryStore implements Store {
  readonly location = 'memory:';
  private readonly articles: StoredArticle[] = [];
  private clustererState: unknown | null = null;

  constructor(articles: StoredArticle[] = []) {
    for (const { record, assignment } of articles) {
      if (!this.articles.some((stored) => stored.record.id === record.id)) this.articles.push({ record, assignment });
    }
  }

  async close(): Promise<void> {}

  async hasArticle(id: string): Promise<boolean> {
    return this.articles.some((stored) => stored.record.id === id);
  }

  async saveArticle(record: ArticleRecord, assignment: Assignment, clustererState: unknown): Promise<boolean> {
    if (await this.hasArticle(record.id)) return false;
    this.articles.push({ record, assignment });
    this.clustererState = clustererState;
    return true;
  }

  async loadClustererState(): Promise<unknown | null> {
    return this.clustererState;
  }

  async listStories(options: StoryListOptions = {}): Promise<StorySummary[]> {
    const storyIds = [...new Set(this.articles.map((stored) => stored.assignment.story))];
    const summaries = storyIds.map((id) => this.summarize(id)).filter((summary) => summary !== null);
    summaries.sort((a, b) => (b.last_seen ?? '').localeCompare(a.last_seen ?? '') || a.id.localeCompare(b.id));
    const offset = options.offset ?? 0;
    return summaries.slice(offset, offset + (options.limit ?? summaries.length));
  }

  async getStorySummary(id: string): Promise<StorySummary | null> {
    return this.summarize(id);
  }

  async getStoryArticles(storyId: string): Promise<StoredArticle[]> {
    return this.articles.filter((stored) => stored.assignment.story === storyId);
  }

  async getArticle(id: string): Promise<StoredArticle | null> {
    return this.articles.find((stored) => stored.record.id === id) ?? null;
  }

  async countArticles(): Promise<number> {
    return this.articles.length;
  }

  private summarize(storyId: string): StorySummary | null {
    const members = this.articles.filter((stored) => stored.assignment.story === storyId);
    if (members.length === 0) return null;
    const dates = members
      .map((stored) => stored.record.article.published ?? stored.record.ingestedAt)
      .filter((date): date is string => Boolean(date))
      .sort();
    const outlets = members.map((stored) => stored.record.article.outlet).filter((outlet) => outlet !== null);
    return {
      id: storyId,
      title: members[0].record.article.title,
      articles: members.length,
      outlets: [...new Set(outlets)],
      first_seen: dates[0] ?? null,
      last_seen: dates[dates.length - 1] ?? null,
    };
  }
}
