/**
 * Short-lived answers of the list routes (story list, search, entities): under many readers a page of the
 * story list is asked for again and again between two writes, and each answer costs several queries.
 *
 * Freshness: a write through this server clears the cache at once, unless it was cleared less than `ttlMs`
 * ago; then the clear waits until `ttlMs` after the last one. A burst of writes thus rebuilds each list at
 * most once per `ttlMs`, and every write shows in the lists within `ttlMs` (writes by other processes to a
 * PostgreSQL store: within `ttlMs` too, as entries expire). A story's own routes are never cached here.
 */
import type { MiddlewareHandler } from 'hono';

/** How long a list answer may be reused: short enough to read as live, long enough to absorb a burst. */
export const DEFAULT_LIST_CACHE_MS = 500;
/** Answers kept at most (each a page of JSON, a few kilobytes to tens of kilobytes). */
const MAX_ENTRIES = 500;

interface Entry {
  expires: number;
  status: number;
  contentType: string;
  body: string;
}

export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  /** Answers being computed, by key: the requests that come meanwhile wait for them. */
  private readonly inFlight = new Map<string, Promise<Entry | undefined>>();
  private readonly values = new Map<string, { expires: number; generation: number; value: Promise<unknown> }>();
  private lastClear = 0;
  private pendingClear: NodeJS.Timeout | null = null;

  constructor(
    private readonly ttlMs = DEFAULT_LIST_CACHE_MS,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** A write changed the store: clear now, or at most `ttlMs` after the previous clear. */
  invalidate(): void {
    if (this.pendingClear) return;
    const wait = this.lastClear + this.ttlMs - this.now();
    if (wait <= 0) {
      this.clear();
      return;
    }
    // unref: a pending clear never keeps the process alive.
    this.pendingClear = setTimeout(() => this.clear(), wait).unref();
  }

  clear(): void {
    if (this.pendingClear) clearTimeout(this.pendingClear);
    this.pendingClear = null;
    this.entries.clear();
    this.values.clear();
    this.lastClear = this.now();
  }

  /**
   * A value that lives as long as the cached answers (a count shared by every page of a list), computed
   * once however many requests ask for it at the same time.
   */
  memo<T>(key: string, compute: () => Promise<T>): Promise<T> {
    if (this.ttlMs <= 0) return compute();
    const found = this.values.get(key);
    if (found && found.expires > this.now() && found.generation === this.lastClear) return found.value as Promise<T>;
    const value = compute();
    const entry = { expires: this.now() + this.ttlMs, generation: this.lastClear, value };
    this.values.set(key, entry);
    // A failure is not kept: the next request tries again.
    value.catch(() => {
      if (this.values.get(key) === entry) this.values.delete(key);
    });
    return value;
  }

  /**
   * Middleware for the GET routes whose path `cacheable` accepts: answers keyed by path and query. Requests for the same
   * key that arrive while its answer is being computed wait for that answer instead of computing it again.
   */
  middleware(cacheable: (path: string) => boolean): MiddlewareHandler {
    return async (c, next) => {
      if (this.ttlMs <= 0 || c.req.method !== 'GET' || !cacheable(c.req.path)) return next();
      const url = new URL(c.req.url);
      const key = url.pathname + url.search;
      // No await unless there is something to wait for: an await lets other requests in before this one
      // registers as the one computing the answer.
      const pending = this.entries.has(key) ? undefined : this.inFlight.get(key);
      const hit = pending ? await pending : this.entries.get(key);
      if (hit && hit.expires > this.now()) {
        return new Response(hit.body, { status: hit.status, headers: { 'Content-Type': hit.contentType } });
      }
      if (this.entries.get(key) === hit) this.entries.delete(key);
      const generation = this.lastClear;
      let settle: (entry: Entry | undefined) => void = () => undefined;
      this.inFlight.set(key, new Promise((resolve) => (settle = resolve)));
      let entry: Entry | undefined;
      try {
        await next();
        const contentType = c.res.headers.get('Content-Type') ?? '';
        // Only whole JSON answers; and not one computed across a clear (it may predate the write).
        if (c.res.status === 200 && contentType.startsWith('application/json') && generation === this.lastClear) {
          entry = { expires: this.now() + this.ttlMs, status: c.res.status, contentType, body: await c.res.clone().text() };
          if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
          this.entries.set(key, entry);
        }
      } finally {
        this.inFlight.delete(key);
        settle(entry);
      }
    };
  }
}
