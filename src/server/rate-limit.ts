/**
 * Request rate limits: a token bucket per client key (an IP address, or a write token's id). A bucket holds
 * up to `burst` requests and refills at `perSecond`; a request finding it empty is refused with 429 and
 * told when to retry. Buckets live in memory, at most MAX_TRACKED_KEYS of them (least recently used go).
 */

export interface RateLimit {
  /** Sustained requests per second. */
  perSecond: number;
  /** Requests allowed at once after a quiet spell. */
  burst: number;
}

/** Keys tracked per limiter: far more clients than one server sees at once, bounded against floods. */
export const MAX_TRACKED_KEYS = 50_000;

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    readonly limit: RateLimit,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Takes one request from `key`'s bucket: 0 when allowed, else the seconds until one is. */
  take(key: string): number {
    const now = this.now();
    const bucket = this.buckets.get(key);
    let tokens = this.limit.burst;
    if (bucket) {
      tokens = Math.min(this.limit.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.limit.perSecond);
      this.buckets.delete(key);
    } else if (this.buckets.size >= MAX_TRACKED_KEYS) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
    if (tokens >= 1) {
      this.buckets.set(key, { tokens: tokens - 1, at: now });
      return 0;
    }
    this.buckets.set(key, { tokens, at: now });
    return (1 - tokens) / this.limit.perSecond;
  }
}
