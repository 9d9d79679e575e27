/**
 * The article's title: the headline as the page shows it. Metadata titles (og:title, JSON-LD headline,
 * <title>, ...) lose their site-name suffix ("Headline | Outlet"); a visible h1 that agrees with one of them
 * confirms it, an h1 that agrees with none (a site logo, a section name) is ignored, and an h1 close to a
 * metadata title (a rewritten SEO title) is taken as the headline readers see.
 */
import { TITLE_SITE_SEPARATORS, MAX_SITE_NAME_WORDS } from './constants.ts';
import { collapseSpace } from './dom.ts';
import {
  HEADING_TITLE_MIN_OVERLAP, MIN_TITLE_WORDS_AFTER_CUT, TITLE_SOURCE_ORDER,
} from './meta-constants.ts';
import type { Candidate } from './meta-dates.ts';

/** Separators after which an unknown suffix is cut only when short (a hyphen may be part of the headline). */
const DASH_SEPARATORS = new Set([' - ', ' – ', ' — ']);
/** An unknown suffix after a dash is cut when it has at most this many words ("Headline - Outlet Name"). */
const MAX_DASH_SUFFIX_WORDS = 3;
/** Separators beyond the shared list: Chinese sites' underscores, bracketed site names. */
const EXTRA_SEPARATORS = [' _', '_', ' ~ ', ' / '];

/** Letters and digits only, lowercased: how two spellings of one title are compared. */
export function titleKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function sameName(a: string, b: string): boolean {
  const x = titleKey(a);
  const y = titleKey(b);
  return x.length > 0 && y.length > 0 && (x === y || x.includes(y) || y.includes(x));
}

const wordCount = (text: string): number => text.split(/\s+/).filter((w) => w.length > 0).length;

/** Removes a site name before or after the headline (`Headline | Outlet`, `Outlet: Headline`, `Headline [Outlet]`). */
export function cleanTitle(raw: string, siteNames: string[]): string {
  let title = collapseSpace(raw);
  // A bracketed suffix naming the site: "Weekly Edition [Site.net]".
  const bracketed = /^(.*\S)\s*\[([^\]]+)\]$/.exec(title);
  if (bracketed && siteNames.some((site) => sameName(bracketed[2], site))) title = bracketed[1];
  for (const separator of [...TITLE_SITE_SEPARATORS, ...EXTRA_SEPARATORS]) {
    const last = title.lastIndexOf(separator);
    if (last > 0) {
      const head = title.slice(0, last).trim();
      const tail = title.slice(last + separator.length).trim();
      const tailWords = wordCount(tail);
      const knownSite = siteNames.some((site) => sameName(tail, site));
      const isUnderscore = separator.includes('_');
      // An unknown suffix after a dash may be the headline's second half ("Version 1.8 - The Big Update"):
      // cut only when short and the page names no site to compare with.
      const shortSuffix = isUnderscore
        ? false
        : DASH_SEPARATORS.has(separator)
          ? tailWords <= MAX_DASH_SUFFIX_WORDS && siteNames.length === 0
          : tailWords <= MAX_SITE_NAME_WORDS;
      if (wordCount(head) >= MIN_TITLE_WORDS_AFTER_CUT && tail.length > 0 && (knownSite || shortSuffix)) {
        title = head;
        continue;
      }
    }
    const first = title.indexOf(separator);
    if (first > 0) {
      const head = title.slice(0, first).trim();
      const rest = title.slice(first + separator.length).trim();
      if (siteNames.some((site) => sameName(head, site)) && wordCount(rest) >= MIN_TITLE_WORDS_AFTER_CUT) title = rest;
    }
  }
  // "Outlet: Headline" with a colon, only when the part before it is a known site name.
  const colon = /^([^:]{2,60}):\s+(.+)$/.exec(title);
  if (colon && siteNames.some((site) => titleKey(colon[1]) === titleKey(site)) && wordCount(colon[2]) >= MIN_TITLE_WORDS_AFTER_CUT) {
    title = colon[2];
  }
  return title;
}

/** Share of words two titles share, over the longer one's word count. */
function wordOverlap(a: string, b: string): number {
  const wordsOf = (s: string): Set<string> => new Set(s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  const x = wordsOf(a);
  const y = wordsOf(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const word of x) if (y.has(word)) shared++;
  return shared / Math.max(x.size, y.size);
}

function sourceRank(rule: string): number {
  const rank = TITLE_SOURCE_ORDER.indexOf(rule);
  return rank < 0 ? TITLE_SOURCE_ORDER.length : rank;
}

/**
 * Chooses the title among the metadata titles (any order; ranked by TITLE_SOURCE_ORDER) and the page's
 * visible h1 headings. `siteNames` are the outlet's names (cut from titles, never a title themselves).
 */
export function chooseTitle(titles: Candidate<string>[], headings: string[], siteNames: string[]): Candidate<string> | null {
  const documentTitles = titles
    .map((c, i) => ({ value: cleanTitle(c.value, siteNames), rule: c.rule, order: i }))
    .filter((c) => c.value.length > 0)
    .sort((a, b) => sourceRank(a.rule) - sourceRank(b.rule) || a.order - b.order);
  const visible = headings.filter((h) => titleKey(h).length > 0 && !siteNames.some((site) => titleKey(site) === titleKey(h)));

  // An h1 spelling the same words as a metadata title: the publisher's declared spelling.
  for (const heading of visible) {
    const same = documentTitles.find((c) => titleKey(c.value) === titleKey(heading));
    if (same) return { value: same.value, rule: same.rule };
  }
  // An h1 close to a metadata title: the headline as shown (the metadata one is often an SEO rewrite).
  for (const heading of visible) {
    if (documentTitles.some((c) => wordOverlap(c.value, heading) >= HEADING_TITLE_MIN_OVERLAP)) return { value: heading, rule: 'html.h1' };
  }
  const best = documentTitles[0];
  if (best) return { value: best.value, rule: best.rule };
  return visible[0] ? { value: visible[0], rule: 'html.h1' } : null;
}
