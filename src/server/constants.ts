/** Defaults and limits of the HTTP server. */

/** Page size of the story list when the client gives none: one screen of a list view. */
export const DEFAULT_STORY_PAGE_SIZE = 50;

/**
 * Largest page a client may ask for. Each story summary is a few hundred bytes, so 200 keeps a response
 * well under 100 kB while letting a front end fetch a long list in few requests.
 */
export const MAX_STORY_PAGE_SIZE = 200;

/** Largest offset accepted: far beyond any real store, it only guards against absurd numbers. */
export const MAX_OFFSET = 1_000_000_000;

/**
 * Largest request body (ingest). A news page as HTML is rarely above 1 MB; 2 MB leaves room for JSON or
 * multipart wrapping while keeping a single request cheap to buffer.
 */
export const DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;

/** Longest search text, filter value or entity name accepted: far beyond any real query. */
export const MAX_QUERY_CHARS = 500;

/** Longest story or article id accepted in a path: ids are content hashes, far shorter than this. */
export const MAX_ID_LENGTH = 200;

/**
 * Content-Security-Policy of every response. Scripts, styles, fonts and images only from this server (the
 * built app's files; no inline script, no eval), API calls and the event stream only to this server, no
 * plugins, no framing, no <base> rewriting, no forms posting elsewhere. Article text is rendered as text by
 * the app; this is the second wall should that ever fail.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  manifestSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** Idle live-update streams get a comment line this often, so proxies and browsers keep them open. */
export const SSE_HEARTBEAT_MS = 15_000;

/**
 * Default rate limits (each configurable through ServerOptions.rateLimits). Reads: a browser tab opening a
 * story makes ~10 requests, a script paging the list a few per second; 200/s sustained per address with a
 * burst of 400 leaves them untouched and stops one client from starving the rest. Writes: ingest costs
 * ~20 ms of CPU, so 5/s per token; write attempts per address are capped too, so tokens cannot be guessed
 * at speed.
 */
export const DEFAULT_RATE_LIMITS = {
  readsPerAddress: { perSecond: 200, burst: 400 },
  writesPerAddress: { perSecond: 10, burst: 20 },
  writesPerToken: { perSecond: 5, burst: 20 },
} as const;
