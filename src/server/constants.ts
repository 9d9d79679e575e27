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
 * Largest request body, for the write routes still to come. A news page as HTML is rarely above 1 MB;
 * 2 MB leaves room for JSON wrapping while keeping a single request cheap to buffer.
 */
export const DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;

/** Longest story or article id accepted in a path: ids are content hashes, far shorter than this. */
export const MAX_ID_LENGTH = 200;

/**
 * Content-Security-Policy of every response. Nothing may load except our own stylesheet and images:
 * no scripts at all (default-src 'none' covers script-src), no inline styles, no framing, no forms posting
 * elsewhere, no <base> rewriting.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'none'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** Path of the one stylesheet the web interface uses (served by the app, so CSP `style-src 'self'`). */
export const STYLESHEET_PATH = '/assets/style.css';
