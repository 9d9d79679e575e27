/**
 * The outlet's name: og:site_name, JSON-LD publisher, application-name and the like first; then the site
 * name a page puts after its headline in <title> ("Headline – Outlet"); the host name of the URL only when
 * the page names itself nowhere ("harborledger.example" is an address, not a name, so any real name wins).
 */
import { TITLE_SITE_SEPARATORS } from './constants.ts';
import { collapseSpace } from './dom.ts';
import { GENERIC_SITE_NAMES } from './meta-constants.ts';
import type { Candidate } from './meta-dates.ts';

/** Sources of the outlet's name in order of trust (rules as metadata.ts names them). */
const OUTLET_SOURCE_ORDER = ['meta.og:site_name', 'jsonld.publisher', 'meta.application-name', 'meta.publisher', 'meta.dc.publisher', 'meta.twitter:app:name:iphone'];
/** Longest outlet name (words): longer strings are slogans or descriptions. */
const MAX_OUTLET_WORDS = 8;
/** A title suffix naming the outlet has at most this many words ("Headline | The Harbor Ledger"). */
const MAX_SUFFIX_WORDS = 5;

function isUsableName(value: string): boolean {
  const name = value.trim();
  if (!name || /^https?:\/\//i.test(name) || name.length > 80) return false;
  if (GENERIC_SITE_NAMES.has(name.toLowerCase())) return false;
  return name.split(/\s+/).length <= MAX_OUTLET_WORDS;
}

/** Whether a name is only a host name ("example.com", "www.site.example"). */
export function looksLikeHost(name: string): boolean {
  return /^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i.test(name.trim());
}

/** The host of a URL without `www.`, or null. */
export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^/?#:]+)/i.exec(url.trim());
  return m ? m[1].toLowerCase().replace(/^www\./, '') : null;
}

/** The site name after the last separator of a page title, when short ("Headline – Kestrel Post" -> "Kestrel Post"). */
export function titleSuffix(title: string): string | null {
  const text = collapseSpace(title);
  let best: { index: number; tail: string } | null = null;
  for (const separator of TITLE_SITE_SEPARATORS) {
    const index = text.lastIndexOf(separator);
    if (index <= 0) continue;
    const tail = text.slice(index + separator.length).trim();
    if (!best || index > best.index) best = { index, tail };
  }
  if (!best) return null;
  const words = best.tail.split(/\s+/).length;
  const head = text.slice(0, best.index).trim();
  if (words > MAX_SUFFIX_WORDS || head.split(/\s+/).length < 2 || !isUsableName(best.tail)) return null;
  return best.tail;
}

function rank(rule: string): number {
  const index = OUTLET_SOURCE_ORDER.indexOf(rule);
  return index < 0 ? OUTLET_SOURCE_ORDER.length : index;
}

/**
 * Chooses the outlet name. `outlets` are the page's declared names (any order), `titles` its metadata titles
 * (the `<title>` suffix is read from `html.title`, then og:title), `url` the page's address.
 */
export function chooseOutlet(outlets: Candidate<string>[], titles: Candidate<string>[], url: string | null): Candidate<string> | null {
  const declared = outlets
    .map((c, i) => ({ value: collapseSpace(c.value), rule: c.rule, order: i }))
    .filter((c) => isUsableName(c.value))
    .sort((a, b) => rank(a.rule) - rank(b.rule) || a.order - b.order);
  const named = declared.find((c) => !looksLikeHost(c.value));
  if (named) return { value: named.value, rule: named.rule };

  // A title suffix is taken when it spells the host name ("Kestrel Post" on kestrelpost.example), or when
  // the address is unknown: otherwise it may be a section or a subtitle ("Headline - Part 2").
  const host = hostOf(url);
  const hostKey = host ? host.replace(/[^a-z0-9]+/g, '') : null;
  for (const rule of ['html.title', 'meta.og:title']) {
    const title = titles.find((c) => c.rule === rule);
    const suffix = title ? titleSuffix(title.value) : null;
    if (!suffix || looksLikeHost(suffix)) continue;
    const suffixKey = suffix.toLowerCase().replace(/^the\s+/, '').replace(/[^a-z0-9]+/g, '');
    if (!hostKey || (suffixKey.length >= 3 && hostKey.includes(suffixKey))) return { value: suffix, rule: `${rule}.suffix` };
  }
  if (declared[0]) return { value: declared[0].value, rule: declared[0].rule };
  return host ? { value: host, rule: 'url.host' } : null;
}
