/**
 * Vocabularies and limits of the sources: the WARC reader, the feed parser and the feed watcher.
 */

// ---------------------------------------------------------------------------------------------------
// Pages

/** Media types read as HTML pages (case-insensitive, parameters stripped). */
export const HTML_MEDIA_TYPES = new Set(['text/html', 'application/xhtml+xml']);
/** Media types read as plain-text pages. */
export const TEXT_MEDIA_TYPES = new Set(['text/plain']);

// ---------------------------------------------------------------------------------------------------
// WARC

/** Largest record body read, in bytes: the same 10 MB as DEFAULT_MAX_INPUT_BYTES of the CLI (about 50x the
 * largest news page in the dev sets). Bigger records are skipped unread. */
export const DEFAULT_WARC_MAX_RECORD_BYTES = 10 * 1024 * 1024;

/** Largest WARC or HTTP header block read, in bytes. Real header blocks are under 4 KB; 64 KB leaves room for
 * cookie-laden responses while keeping a damaged file from being read as one endless header. */
export const MAX_HEADER_BYTES = 64 * 1024;

/** WARC record types whose block can carry a page. */
export const PAGE_RECORD_TYPES = new Set(['response', 'resource']);

// ---------------------------------------------------------------------------------------------------
// Feeds

/** RFC 822 / RFC 2822 zone names seen in RSS `pubDate`, as offsets from UTC in minutes. Military single
 * letters are left out on purpose: RFC 2822 says their meaning was botched and to read them as unknown. */
export const RFC822_ZONES: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  EST: -5 * 60,
  EDT: -4 * 60,
  CST: -6 * 60,
  CDT: -5 * 60,
  MST: -7 * 60,
  MDT: -6 * 60,
  PST: -8 * 60,
  PDT: -7 * 60,
};

/** HTML inline elements found in sloppy feed titles: their text joins the words around them without a space
 * (any other element, such as <br> or <p>, separates words). */
export const INLINE_ELEMENTS = new Set(['a', 'abbr', 'b', 'cite', 'code', 'em', 'font', 'i', 'mark', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'u']);

/** English month abbreviations of RFC 822 dates (the first three letters of the name, lower case). */
export const RFC822_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// ---------------------------------------------------------------------------------------------------
// Watcher and robots.txt

/** Product token matched against robots.txt `User-agent` lines (the start of fetch.ts's USER_AGENT). */
export const ROBOTS_USER_AGENT_TOKEN = 'crosscheck';

/** How long a host's robots.txt is trusted before it is fetched again: RFC 9309 asks crawlers not to use a
 * cached copy for more than 24 hours; one hour picks up a newsroom's changes the same morning. */
export const ROBOTS_TTL_MS = 60 * 60 * 1000;

/** Largest robots.txt read: RFC 9309 sets a parsing limit of at least 500 KiB; we read exactly that much. */
export const ROBOTS_MAX_BYTES = 500 * 1024;

/** Default minimum interval between two requests to one host: one request a second is the usual polite rate
 * for crawlers without a Crawl-delay. */
export const DEFAULT_HOST_INTERVAL_MS = 1000;

/** Crawl-delay values above this are capped: a robots.txt asking for hours between requests would stall a
 * polling round indefinitely; five minutes still keeps us far below any news site's load. */
export const MAX_CRAWL_DELAY_MS = 5 * 60 * 1000;

/** Entry URLs remembered as seen (oldest forgotten first). 100k covers months of a few hundred feeds at
 * ~100 new articles a day each, and keeps the saved state a few megabytes. */
export const DEFAULT_MAX_SEEN = 100_000;

/** Times a page that failed for a passing reason (timeout, network, HTTP 5xx) is tried again in later rounds
 * before it is given up. */
export const MAX_PAGE_ATTEMPTS = 3;

/** Child sitemaps of a sitemap index followed per round, newest `lastmod` first: news sites list years of
 * monthly sitemaps, and only the newest few hold new articles. */
export const MAX_CHILD_SITEMAPS = 5;
