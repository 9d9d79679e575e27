/**
 * Story briefs kept in the store. A brief is rebuilt only when its story gains articles, and the API, the
 * CLI and the web interface read the stored JSON text: a cross-check costs tens to hundreds of
 * milliseconds, a stored brief one indexed row. A brief is current while it was built from as many
 * articles as its story has (the store's story_briefs.article_count).
 */
import type { StorySummary } from './model.ts';
import type { Store, StoredArticle } from './store/types.ts';
import { buildBrief } from './crosscheck/index.ts';

/**
 * Articles a story brief is built from at most; larger stories are cross-checked over their most recent
 * ones. A 50-article brief takes ~150 ms of CPU and the cost grows faster than the article count, so 300
 * keeps the slowest brief within a few seconds.
 */
export const DEFAULT_MAX_STORY_ARTICLES = 300;

/** Stale stories fetched per round of refreshStaleBriefs. */
const STALE_BATCH = 100;

/** Turns a story and its articles into the brief's JSON text (in this thread, or handed to another). */
export type BriefBuilder = (summary: StorySummary, articles: StoredArticle[]) => string | Promise<string>;

export const buildBriefJson: BriefBuilder = (summary, articles) => JSON.stringify(buildBrief(summary, articles));

export interface BriefOptions {
  /** Articles a brief is built from at most, the most recent ones (DEFAULT_MAX_STORY_ARTICLES). */
  maxArticles?: number;
  build?: BriefBuilder;
}

/**
 * Builds the brief of a story from its articles as stored now and keeps it; returns it with the story's
 * summary, or null when there is no such story. The articles are read before the summary, so the stored
 * article count never claims articles the brief did not see.
 */
export async function refreshBrief(store: Store, storyId: string, options: BriefOptions = {}): Promise<{ summary: StorySummary; json: string } | null> {
  // The summary first (an alias resolves to the story it was merged into): an article stored between the two
  // reads is then in the brief but not in its count, so the brief reads as out of date and is built again,
  // never the other way round.
  const summary = await store.getStorySummary(storyId);
  if (!summary) return null;
  const maxArticles = options.maxArticles ?? DEFAULT_MAX_STORY_ARTICLES;
  // Only the articles the brief uses: a story of thousands is not read whole on every change.
  const used = await store.getStoryArticles(summary.id, maxArticles);
  const json = await (options.build ?? buildBriefJson)(summary, used);
  await store.saveStoryBrief(summary.id, summary.articles, maxArticles, json);
  return { summary, json };
}

/** A story's brief as JSON text: the stored one when current, else built now and stored. Null: no story. */
export async function currentBrief(store: Store, storyId: string, options: BriefOptions = {}): Promise<{ summary: StorySummary; json: string } | null> {
  const stored = await store.getStoryWithBrief(storyId, options.maxArticles ?? DEFAULT_MAX_STORY_ARTICLES);
  if (!stored) return null;
  if (stored.brief !== null) return { summary: stored.summary, json: stored.brief };
  return refreshBrief(store, stored.summary.id, options);
}

export interface RefreshOptions extends BriefOptions {
  /** Called after each brief with the number built so far. */
  onBrief?: (built: number) => void;
  /** Checked before each brief: true stops the refresh (a server shutting down). */
  shouldStop?: () => boolean;
  /** Awaited between briefs: lets a server answer requests between two cross-checks. */
  pause?: () => Promise<void>;
}

/**
 * Brings every missing or out-of-date brief up to date, most recently seen stories first; returns how many
 * were built. A story is built at most once per call, so stories that keep changing meanwhile cannot keep
 * it running forever (the next call picks them up).
 */
export async function refreshStaleBriefs(store: Store, options: RefreshOptions = {}): Promise<number> {
  const attempted = new Set<string>();
  let built = 0;
  for (;;) {
    const limit = options.maxArticles ?? DEFAULT_MAX_STORY_ARTICLES;
    const stale = (await store.listStaleBriefs(STALE_BATCH + attempted.size, limit)).filter((id) => !attempted.has(id));
    if (stale.length === 0) return built;
    for (const id of stale) {
      if (options.shouldStop?.()) return built;
      attempted.add(id);
      if (await refreshBrief(store, id, options)) options.onBrief?.(++built);
      await options.pause?.();
    }
  }
}
