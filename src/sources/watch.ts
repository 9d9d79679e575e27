/**
 * A polite feed poller. One round (`poll`):
 *
 *   1. each feed or sitemap is fetched with a conditional GET (If-None-Match / If-Modified-Since from the saved
 *      state); a 304 means nothing new; a sitemap index is followed to its newest child sitemaps;
 *   2. entry URLs not seen before join the queue of pages to fetch (with pages left over from earlier rounds
 *      after a passing failure);
 *   3. the queue is fetched host by host, the host ready soonest first, and each page becomes a RawDocument
 *      handed to `onDocument` with the entry's publish date as `published`.
 *
 * Every request (feeds, pages and robots.txt itself) first passes robots.txt (fetched once an hour per origin,
 * for the `crosscheck` token) and the per-origin rate limit (one request a second by default, slower when
 * robots.txt sets a Crawl-delay). A broken feed is reported and the round goes on with the others.
 *
 * State (validators per feed, seen URLs, pending pages) is a plain JSON object: `watcher.state` to save it,
 * `new FeedWatcher({state})` to resume. The clock and the fetcher are injected, so tests run on a local server
 * without waiting.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { PipelineError, asPipelineError, type IsoDate, type RawDocument } from '../model.ts';
import { checkFetchUrl, fetchPage, type FetchedPage, type FetchOptions } from './fetch.ts';
import { decodeFeedBytes, parseFeed, type FeedEntry, type FeedKind } from './feeds.ts';
import { fetchedPageToDocument } from './pages.ts';
import { ALLOW_ALL, DISALLOW_ALL, parseRobots, type RobotsPolicy } from './robots.ts';
import {
  DEFAULT_HOST_INTERVAL_MS,
  DEFAULT_MAX_SEEN,
  MAX_CHILD_SITEMAPS,
  MAX_CRAWL_DELAY_MS,
  MAX_PAGE_ATTEMPTS,
  ROBOTS_MAX_BYTES,
  ROBOTS_TTL_MS,
  ROBOTS_USER_AGENT_TOKEN,
} from './constants.ts';

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms` milliseconds, or early (without throwing) when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: async (ms, signal) => {
    if (ms <= 0 || signal?.aborted) return;
    try {
      await delay(ms, undefined, { signal });
    } catch {
      // Aborted: the caller checks its signal.
    }
  },
};

export type Fetcher = (url: string, options: FetchOptions) => Promise<FetchedPage>;

/** Conditional-GET validators and the last outcome of one feed. */
export interface FeedState {
  etag?: string;
  lastModified?: string;
  /** ISO date-time of the last request. */
  lastChecked?: string;
  lastStatus?: number;
}

/** A page found in a feed but not fetched yet (or failed for a passing reason). */
export interface PendingPage {
  url: string;
  feed: string;
  title?: string;
  published?: IsoDate;
  attempts: number;
}

export interface WatchState {
  version: 1;
  feeds: Record<string, FeedState>;
  /** Entry URLs already handled, oldest first (bounded by maxSeen). */
  seen: string[];
  pending: PendingPage[];
}

/** A feed entry as handed to onDocument: which feed it came from. */
export interface WatchedEntry extends FeedEntry {
  feed: string;
}

export interface WatchFailure {
  /** The feed or page URL that failed. */
  input: string;
  /** For a page, the feed that listed it. */
  feed?: string;
  error: PipelineError;
  /** True when the page stays queued for another try. */
  willRetry?: boolean;
}

export interface FeedRoundReport {
  url: string;
  outcome: 'changed' | 'not_modified' | 'disallowed' | 'failed';
  kind?: FeedKind;
  entries: number;
  newEntries: number;
  warnings: string[];
  error?: PipelineError;
}

export interface PollReport {
  feeds: FeedRoundReport[];
  /** Documents handed to onDocument. */
  documents: number;
  failures: WatchFailure[];
  /** Page URLs robots.txt did not allow. */
  disallowed: string[];
  /** Pages still queued (retries, or the round was aborted). */
  pending: number;
}

export interface FeedWatcherOptions {
  /** Feed (RSS, Atom) and sitemap URLs. */
  feeds: string[];
  /** Called once per new page, in order; awaited before the next page. A throw is reported as a failure. */
  onDocument: (doc: RawDocument, entry: WatchedEntry) => void | Promise<void>;
  onFailure?: (failure: WatchFailure) => void;
  /** Saved state to resume from. */
  state?: WatchState;
  /** Options for every fetch (allowPrivate, timeoutMs, maxBytes, userAgent). */
  fetchOptions?: FetchOptions;
  fetch?: Fetcher;
  clock?: Clock;
  /** Minimum milliseconds between two requests to one origin. Default 1000; a larger Crawl-delay wins. */
  minHostIntervalMs?: number;
  /** Entry URLs remembered. Default 100,000. */
  maxSeen?: number;
  /** robots.txt product token. Default `crosscheck`. */
  robotsToken?: string;
}

export interface RunOptions {
  /** Milliseconds from the start of one round to the start of the next. */
  intervalMs: number;
  signal?: AbortSignal;
  /** Called after each round, e.g. to save `state`. */
  onRound?: (report: PollReport, state: WatchState) => void | Promise<void>;
}

interface RobotsEntry {
  policy: RobotsPolicy;
  fetchedAt: number;
}

export function emptyWatchState(): WatchState {
  return { version: 1, feeds: {}, seen: [], pending: [] };
}

export class FeedWatcher {
  private readonly feedUrls: string[];
  private readonly feedState: Map<string, FeedState>;
  private readonly seen: Set<string>;
  private pending: PendingPage[];
  private readonly robots = new Map<string, RobotsEntry>();
  private readonly nextSlot = new Map<string, number>();
  private readonly fetcher: Fetcher;
  private readonly clock: Clock;
  private readonly minInterval: number;
  private readonly maxSeen: number;

  /** Throws a PipelineError (`invalid_record`) for a feed URL that is not http(s). */
  constructor(private readonly options: FeedWatcherOptions) {
    this.feedUrls = [...new Set(options.feeds.map((feed) => checkFetchUrl(feed).href))];
    const state = options.state ?? emptyWatchState();
    this.feedState = new Map(Object.entries(state.feeds ?? {}).map(([url, saved]) => [url, { ...saved }]));
    this.seen = new Set(state.seen ?? []);
    this.pending = (state.pending ?? []).map((page) => ({ ...page }));
    this.fetcher = options.fetch ?? fetchPage;
    this.clock = options.clock ?? systemClock;
    this.minInterval = options.minHostIntervalMs ?? DEFAULT_HOST_INTERVAL_MS;
    this.maxSeen = options.maxSeen ?? DEFAULT_MAX_SEEN;
    this.trimSeen();
  }

  /** A snapshot of the state, safe to JSON.stringify and to pass back as `state` later. */
  get state(): WatchState {
    return {
      version: 1,
      feeds: Object.fromEntries([...this.feedState].map(([url, saved]) => [url, { ...saved }])),
      seen: [...this.seen],
      pending: this.pending.map((page) => ({ ...page })),
    };
  }

  /** One round: every feed, then every new page. Never throws for a feed or page; stops early on abort. */
  async poll(signal?: AbortSignal): Promise<PollReport> {
    const report: PollReport = { feeds: [], documents: 0, failures: [], disallowed: [], pending: 0 };
    const queued = new Set(this.pending.map((page) => page.url));
    const polled = new Set<string>();
    const pollFeed = async (url: string, allowIndex: boolean): Promise<void> => {
      if (polled.has(url) || signal?.aborted) return;
      polled.add(url);
      const result = await this.pollFeed(url, signal);
      report.feeds.push(result.report);
      if (result.report.error) this.fail(report, { input: url, error: result.report.error });
      if (result.kind === 'sitemapindex') {
        if (!allowIndex) {
          result.report.warnings.push(`${url}: a sitemap index inside a sitemap index is not followed`);
          return;
        }
        for (const child of newestFirst(result.entries).slice(0, MAX_CHILD_SITEMAPS)) await pollFeed(child.url, false);
        return;
      }
      for (const entry of result.entries) {
        if (this.seen.has(entry.url) || queued.has(entry.url)) continue;
        queued.add(entry.url);
        result.report.newEntries++;
        const page: PendingPage = { url: entry.url, feed: url, attempts: 0 };
        if (entry.title) page.title = entry.title;
        if (entry.published) page.published = entry.published;
        this.pending.push(page);
      }
    };
    for (const url of this.feedUrls) await pollFeed(url, true);
    await this.fetchPending(report, signal);
    report.pending = this.pending.length;
    return report;
  }

  /** Polls every `intervalMs` until `signal` aborts; resolves then (a round in progress stops at its next request). */
  async run(options: RunOptions): Promise<void> {
    const { intervalMs, signal, onRound } = options;
    while (!signal?.aborted) {
      const started = this.clock.now();
      const report = await this.poll(signal);
      await onRound?.(report, this.state);
      if (signal?.aborted) break;
      await this.clock.sleep(Math.max(0, intervalMs - (this.clock.now() - started)), signal);
    }
  }

  // -------------------------------------------------------------------------------------------------

  private async pollFeed(url: string, signal?: AbortSignal): Promise<{ report: FeedRoundReport; entries: FeedEntry[]; kind?: FeedKind }> {
    const report: FeedRoundReport = { url, outcome: 'failed', entries: 0, newEntries: 0, warnings: [] };
    const saved = this.feedState.get(url) ?? {};
    const headers: Record<string, string> = {};
    if (saved.etag) headers['If-None-Match'] = saved.etag;
    if (saved.lastModified) headers['If-Modified-Since'] = saved.lastModified;
    let page: FetchedPage | 'disallowed';
    try {
      page = await this.politeFetch(url, { headers }, signal);
    } catch (err) {
      report.error = asPipelineError(err);
      return { report, entries: [] };
    }
    if (page === 'disallowed') {
      report.outcome = 'disallowed';
      report.error = new PipelineError('unreadable', `${url}: robots.txt does not allow fetching this feed`);
      return { report, entries: [] };
    }
    const next: FeedState = { ...saved, lastChecked: new Date(this.clock.now()).toISOString(), lastStatus: page.status };
    this.feedState.set(url, next);
    if (page.status === 304) {
      report.outcome = 'not_modified';
      return { report, entries: [] };
    }
    if (page.status < 200 || page.status >= 300) {
      report.error = new PipelineError('unreadable', `${url} answered HTTP ${page.status}`);
      return { report, entries: [] };
    }
    try {
      const feed = parseFeed(decodeFeedBytes(page.body, url, page.charset), { baseUrl: page.url, label: url });
      // Validators are kept only once the feed was read, so a broken feed is fetched whole next time.
      const etag = headerValue(page.headers.etag);
      const lastModified = headerValue(page.headers['last-modified']);
      if (etag) next.etag = etag;
      else delete next.etag;
      if (lastModified) next.lastModified = lastModified;
      else delete next.lastModified;
      report.outcome = 'changed';
      report.kind = feed.kind;
      report.entries = feed.entries.length;
      report.warnings = feed.warnings;
      return { report, entries: feed.entries, kind: feed.kind };
    } catch (err) {
      report.error = asPipelineError(err);
      return { report, entries: [] };
    }
  }

  /** Fetches the queue, always taking the page whose origin is free soonest (round robin across hosts). */
  private async fetchPending(report: PollReport, signal?: AbortSignal): Promise<void> {
    const queue = [...this.pending];
    while (queue.length > 0 && !signal?.aborted) {
      let pick = 0;
      let pickReady = Infinity;
      for (let i = 0; i < queue.length; i++) {
        const ready = this.nextSlot.get(originOf(queue[i].url)) ?? 0;
        if (ready < pickReady) {
          pick = i;
          pickReady = ready;
        }
      }
      const [page] = queue.splice(pick, 1);
      await this.fetchOne(page, report, signal);
    }
  }

  private async fetchOne(page: PendingPage, report: PollReport, signal?: AbortSignal): Promise<void> {
    const done = () => {
      this.pending = this.pending.filter((queued) => queued !== page);
      this.markSeen(page.url);
    };
    let fetched: FetchedPage | 'disallowed';
    try {
      fetched = await this.politeFetch(page.url, {}, signal);
    } catch (err) {
      const error = asPipelineError(err);
      if (signal?.aborted) return;
      this.retryOrGiveUp(page, error, isPassing(error), report, done);
      return;
    }
    if (fetched === 'disallowed') {
      report.disallowed.push(page.url);
      done();
      return;
    }
    let doc: RawDocument;
    try {
      doc = fetchedPageToDocument(page.url, fetched, page.published ?? null);
    } catch (err) {
      const passing = fetched.status >= 500 || fetched.status === 429;
      this.retryOrGiveUp(page, asPipelineError(err), passing, report, done);
      return;
    }
    done();
    const entry: WatchedEntry = { url: page.url, feed: page.feed };
    if (page.title) entry.title = page.title;
    if (page.published) entry.published = page.published;
    try {
      await this.options.onDocument(doc, entry);
      report.documents++;
    } catch (err) {
      this.fail(report, { input: page.url, feed: page.feed, error: asPipelineError(err) });
    }
  }

  private retryOrGiveUp(page: PendingPage, error: PipelineError, passing: boolean, report: PollReport, done: () => void): void {
    page.attempts++;
    const willRetry = passing && page.attempts < MAX_PAGE_ATTEMPTS;
    if (!willRetry) done();
    this.fail(report, { input: page.url, feed: page.feed, error, willRetry });
  }

  private fail(report: PollReport, failure: WatchFailure): void {
    report.failures.push(failure);
    this.options.onFailure?.(failure);
  }

  /** robots.txt, then the origin's rate limit, then the fetch. */
  private async politeFetch(url: string, extra: FetchOptions, signal?: AbortSignal): Promise<FetchedPage | 'disallowed'> {
    const target = new URL(url);
    const policy = await this.robotsFor(target.origin, signal);
    if (!policy.allows(target.pathname + target.search)) return 'disallowed';
    await this.waitTurn(target.origin, policy, signal);
    if (signal?.aborted) throw new PipelineError('timeout', `${url}: stopped before fetching (aborted)`);
    const base = this.options.fetchOptions ?? {};
    return this.fetcher(url, { ...base, ...extra, headers: { ...base.headers, ...extra.headers } });
  }

  private async robotsFor(origin: string, signal?: AbortSignal): Promise<RobotsPolicy> {
    const cached = this.robots.get(origin);
    if (cached && this.clock.now() - cached.fetchedAt < ROBOTS_TTL_MS) return cached.policy;
    await this.waitTurn(origin, cached?.policy ?? null, signal);
    let policy: RobotsPolicy;
    try {
      const base = this.options.fetchOptions ?? {};
      const answer = await this.fetcher(`${origin}/robots.txt`, { ...base, maxBytes: ROBOTS_MAX_BYTES });
      // RFC 9309: a 4xx means there are no rules; a 5xx (or no answer) that the whole site is off limits for now.
      if (answer.status >= 200 && answer.status < 300) policy = parseRobots(answer.body.toString('utf8'), this.options.robotsToken ?? ROBOTS_USER_AGENT_TOKEN);
      else if (answer.status >= 400 && answer.status < 500) policy = ALLOW_ALL;
      else policy = DISALLOW_ALL;
    } catch {
      policy = DISALLOW_ALL;
    }
    this.robots.set(origin, { policy, fetchedAt: this.clock.now() });
    return policy;
  }

  /** Waits until the origin's next free slot, then books the slot after it. */
  private async waitTurn(origin: string, policy: RobotsPolicy | null, signal?: AbortSignal): Promise<void> {
    const crawlDelayMs = policy?.crawlDelaySeconds != null ? Math.min(policy.crawlDelaySeconds * 1000, MAX_CRAWL_DELAY_MS) : 0;
    const interval = Math.max(this.minInterval, crawlDelayMs);
    const wait = (this.nextSlot.get(origin) ?? 0) - this.clock.now();
    if (wait > 0) await this.clock.sleep(wait, signal);
    this.nextSlot.set(origin, this.clock.now() + interval);
  }

  private markSeen(url: string): void {
    this.seen.delete(url);
    this.seen.add(url);
    this.trimSeen();
  }

  private trimSeen(): void {
    while (this.seen.size > this.maxSeen) {
      const oldest = this.seen.values().next().value as string;
      this.seen.delete(oldest);
    }
  }
}

function originOf(url: string): string {
  return new URL(url).origin;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Failures worth another try in a later round: time-outs and network errors, not refusals or bad content. */
function isPassing(error: PipelineError): boolean {
  return error.code === 'timeout' || (error.code === 'unreadable' && !/redirects/.test(error.message));
}

function newestFirst(entries: FeedEntry[]): FeedEntry[] {
  return [...entries].sort((a, b) => (b.updated ?? '').localeCompare(a.updated ?? ''));
}
