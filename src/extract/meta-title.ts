/**
 * The article's title, as the publisher declares it, in the order Readability.js and most extractors read it:
 *
 * 1. the JSON-LD article's `name` or `headline` (when both are given and differ, the one that agrees with the
 *    document's <title> wins, else `name`);
 * 2. the declared meta titles, verbatim: `dc:title`, `dcterm:title`, `og:title`, `weibo:*:title`, `title`,
 *    `twitter:title`, `parsely-title` (a publisher that writes its site name into og:title declares it so);
 * 3. the document's <title>, with the site name cut by the separator rules of `documentArticleTitle`;
 * 4. last resorts: other headline metadata, then the page's first h1.
 *
 * Verbatim declared titles are what readers and other tools quote for the page; the cut is applied only to the
 * <title>, which nearly always carries the site name.
 */
import { collapseSpace } from './dom.ts';
import {
  DECLARED_TITLE_ORDER, JSONLD_TITLE_MIN_SIMILARITY, MAX_SHORT_TITLE_WORDS, MAX_TITLE_CUT_HEAD_WORDS,
  MIN_TITLE_WORDS_AFTER_CUT, TITLE_SOURCE_ORDER, UNSURE_TITLE_MAX_CHARS, UNSURE_TITLE_MIN_CHARS,
} from './meta-constants.ts';
import type { Candidate } from './meta-dates.ts';
import { decodeTitleEntities } from './meta-text.ts';

/** Rule name of the <title> after the separator rules (metadata.ts adds it beside the raw `html.title`). */
export const DOCUMENT_TITLE_RULE = 'html.title-article';

/** Rule prefix of the site names metadata.ts passes among the titles (never a title themselves). */
export const SITE_NAME_RULE = 'site-name:';

/** Separator characters between a headline and a site or section name, when set off by white space. */
const SEPARATOR_CHARS = '|\\-–—\\\\/>»';
const SPACED_SEPARATOR = new RegExp(`\\s[${SEPARATOR_CHARS}]\\s`, 'g');
/** Hierarchical separators ("Site » Section » Headline", "a / b"): a path rather than a suffix. */
const HIERARCHICAL_SEPARATOR = /\s[\\/>»]\s/;
const LEADING_PART = new RegExp(`^[^${SEPARATOR_CHARS}]*[${SEPARATOR_CHARS}]`);
const ANY_SEPARATORS = new RegExp(`[${SEPARATOR_CHARS}]+`, 'g');

/** Words as the separator rules count them: splitting on white space (a leading space counts one more). */
const rawWordCount = (text: string): number => text.split(/\s+/).length;

/** Letters and digits only, lowercased: how two spellings of one title are compared. */
export function titleKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** What the title rules need of the page's headings, read only when a rule asks. */
export interface TitleHeadings {
  /** Texts of the page's h1 and h2 elements (white space collapsed). */
  headingTexts: () => string[];
  /** The text of the page's only h1, or null when it has none or several. */
  onlyH1: () => string | null;
}

/**
 * The article's title read off the document's <title>: the part before the last separator (`Headline | Site`),
 * or after the first one when that leaves too few words (`Site | Headline`); a colon splits a title only when no
 * heading spells it whole; a title too short or too long to trust gives way to the page's only h1; a cut that
 * leaves four words or fewer is undone unless it only dropped one word of a hierarchical path.
 */
export function documentArticleTitle(raw: string, headings: TitleHeadings): string {
  const original = collapseSpace(raw);
  let title = original;
  let hierarchical = false;
  const separators = [...original.matchAll(SPACED_SEPARATOR)];
  if (separators.length > 0) {
    hierarchical = HIERARCHICAL_SEPARATOR.test(original);
    title = original.slice(0, separators[separators.length - 1].index ?? 0);
    if (rawWordCount(title) < MIN_TITLE_WORDS_AFTER_CUT) title = original.replace(LEADING_PART, '');
  } else if (title.includes(': ')) {
    const spelledWhole = headings.headingTexts().some((heading) => heading === original);
    if (!spelledWhole) {
      const colon = original.indexOf(':');
      title = original.slice(original.lastIndexOf(':') + 1);
      if (rawWordCount(title) < MIN_TITLE_WORDS_AFTER_CUT) title = original.slice(colon + 1);
      else if (rawWordCount(original.slice(0, colon)) > MAX_TITLE_CUT_HEAD_WORDS) title = original;
    }
  } else if (title.length > UNSURE_TITLE_MAX_CHARS || title.length < UNSURE_TITLE_MIN_CHARS) {
    const h1 = headings.onlyH1();
    if (h1) title = h1;
  }
  title = collapseSpace(title);
  const words = rawWordCount(title);
  const droppedOneLevel = words === rawWordCount(original.replace(ANY_SEPARATORS, '')) - 1;
  if (words <= MAX_SHORT_TITLE_WORDS && (!hierarchical || !droppedOneLevel)) title = original;
  return title;
}

/**
 * A declared title without the site name the page declares (og:site_name, the JSON-LD publisher) after its last
 * separator: "Headline | Coastline Courier" beside og:site_name "Coastline Courier" is "Headline". Only an exact
 * match of a declared name is cut; a suffix the page does not declare as its name stays.
 */
function withoutDeclaredSite(title: string, siteKeys: string[]): string {
  if (siteKeys.length === 0) return title;
  const separators = [...title.matchAll(SPACED_SEPARATOR)];
  const last = separators[separators.length - 1];
  if (!last || last.index === undefined) return title;
  const head = title.slice(0, last.index).trim();
  return siteKeys.includes(titleKey(title.slice(last.index + last[0].length))) && rawWordCount(head) >= MIN_TITLE_WORDS_AFTER_CUT ? head : title;
}

/** Share of the second text's words (by characters) that the first text also has: 1 when all are shared. */
function textSimilarity(a: string, b: string): number {
  const wordsA = a.toLowerCase().split(/[^\p{L}\p{N}_]+/u).filter((w) => w.length > 0);
  const wordsB = b.toLowerCase().split(/[^\p{L}\p{N}_]+/u).filter((w) => w.length > 0);
  if (wordsA.length === 0 || wordsB.length === 0) return 0;
  const inA = new Set(wordsA);
  const unshared = wordsB.filter((w) => !inA.has(w));
  return 1 - unshared.join(' ').length / wordsB.join(' ').length;
}

function sourceRank(rule: string): number {
  const rank = TITLE_SOURCE_ORDER.indexOf(rule);
  return rank < 0 ? TITLE_SOURCE_ORDER.length : rank;
}

const clean = (value: string): string => collapseSpace(decodeTitleEntities(value));

/**
 * Chooses the title among the metadata titles (any order; the rules of metadata.ts) and the page's visible h1
 * headings (the last resort). `siteNames` are the outlet's names: a heading that only names the site is no title.
 */
export function chooseTitle(titles: Candidate<string>[], headings: string[], siteNames: string[]): Candidate<string> | null {
  const declaredSites = titles.filter((c) => c.rule.startsWith(SITE_NAME_RULE)).map((c) => titleKey(c.value)).filter((k) => k.length > 0);
  const byRule = new Map<string, string>();
  for (const candidate of titles) {
    if (candidate.rule.startsWith(SITE_NAME_RULE)) continue;
    const value = withoutDeclaredSite(clean(candidate.value), declaredSites);
    if (value && !byRule.has(candidate.rule)) byRule.set(candidate.rule, value);
  }
  const documentTitle = byRule.get(DOCUMENT_TITLE_RULE) ?? null;

  // JSON-LD: name and headline may differ (a name with the site, a shortened headline); the <title> decides.
  const name = byRule.get('jsonld.name');
  const headline = byRule.get('jsonld.headline');
  if (name && headline && name !== headline && documentTitle !== null) {
    const headlineAgrees = textSimilarity(headline, documentTitle) > JSONLD_TITLE_MIN_SIMILARITY;
    const nameAgrees = textSimilarity(name, documentTitle) > JSONLD_TITLE_MIN_SIMILARITY;
    return headlineAgrees && !nameAgrees ? { value: headline, rule: 'jsonld.headline' } : { value: name, rule: 'jsonld.name' };
  }
  if (name) return { value: name, rule: 'jsonld.name' };
  if (headline) return { value: headline, rule: 'jsonld.headline' };

  for (const rule of DECLARED_TITLE_ORDER) {
    const value = byRule.get(rule);
    if (value) return { value, rule };
  }
  if (documentTitle) return { value: documentTitle, rule: DOCUMENT_TITLE_RULE };

  const rest = titles
    .map((c, order) => ({ value: withoutDeclaredSite(clean(c.value), declaredSites), rule: c.rule, order }))
    .filter((c) => c.value.length > 0 && c.rule !== 'html.title' && !c.rule.startsWith('jsonld.') && !c.rule.startsWith(SITE_NAME_RULE))
    .sort((a, b) => sourceRank(a.rule) - sourceRank(b.rule) || a.order - b.order);
  if (rest[0]) return { value: rest[0].value, rule: rest[0].rule };
  const raw = byRule.get('html.title');
  if (raw) return { value: raw, rule: 'html.title' };
  const siteKeys = new Set(siteNames.map(titleKey));
  const visible = headings.map(clean).find((h) => titleKey(h).length > 0 && !siteKeys.has(titleKey(h)));
  return visible ? { value: visible, rule: 'html.h1' } : null;
}

/**
 * Removes a site name before or after a headline (`Headline | Outlet`, `Outlet: Headline`) when it names one
 * of `siteNames`, or by the separator rules of the <title> when none is given. For titles read elsewhere
 * (scraped text); HTML pages go through chooseTitle.
 */
export function cleanTitle(raw: string, siteNames: string[]): string {
  const title = collapseSpace(raw);
  const keys = siteNames.map(titleKey).filter((k) => k.length > 0);
  if (keys.length === 0) return documentArticleTitle(title, { headingTexts: () => [], onlyH1: () => null });
  const separators = [...title.matchAll(SPACED_SEPARATOR)];
  if (separators.length > 0) {
    const last = separators[separators.length - 1];
    const lastAt = last.index ?? 0;
    if (keys.includes(titleKey(title.slice(lastAt + last[0].length)))) return collapseSpace(title.slice(0, lastAt));
    const first = separators[0];
    const firstAt = first.index ?? 0;
    if (keys.includes(titleKey(title.slice(0, firstAt)))) return collapseSpace(title.slice(firstAt + first[0].length));
  }
  const colon = /^([^:]{2,60}):\s+(.+)$/.exec(title);
  if (colon && keys.includes(titleKey(colon[1]))) return colon[2];
  return title;
}
