/**
 * Briefs are rebuilt only when their story changed. Stories grow by appending articles (a merge changes the
 * count too), so the article count identifies a version of a story's brief.
 */
import type { StoryBrief } from '../model.ts';

/** Briefs kept: a few hundred recently read stories, each tens of kilobytes. */
export const BRIEF_CACHE_ENTRIES = 256;

export class BriefCache {
  private readonly entries = new Map<string, { articles: number; brief: StoryBrief }>();

  constructor(private readonly capacity = BRIEF_CACHE_ENTRIES) {}

  get(storyId: string, articles: number): StoryBrief | null {
    const entry = this.entries.get(storyId);
    if (!entry || entry.articles !== articles) return null;
    // Map order is insertion order: re-inserting marks the entry as most recently used.
    this.entries.delete(storyId);
    this.entries.set(storyId, entry);
    return entry.brief;
  }

  set(storyId: string, articles: number, brief: StoryBrief): void {
    this.entries.delete(storyId);
    this.entries.set(storyId, { articles, brief });
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}
