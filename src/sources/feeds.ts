/**
 * Reads news feeds and sitemaps into entries `{url, title?, published?, updated?}`: RSS 2.0 (and 0.9x),
 * RSS 1.0 (RDF), Atom 1.0, sitemaps (`urlset`), sitemap indexes (`sitemapindex`) and Google News sitemaps
 * (`news:publication_date`, `news:title`).
 *
 * Tolerant the way feed readers must be: elements are matched by local name whatever their namespace prefix,
 * CDATA and HTML entities (`&nbsp;`, `&eacute;`) in text are read, entries without a usable link are left out
 * with a warning, a tag closed out of order is a warning. What is not a feed at all gets a FeedError with a
 * specific reason: empty, not XML, an unknown root (an HTML page), or a truncated document.
 */
import { Parser } from 'htmlparser2';
import { PipelineError, type IsoDate } from '../model.ts';
import { decodeText } from '../cli/inputs.ts';
import { normalizeIsoDate } from '../util/dates.ts';
import { INLINE_ELEMENTS, RFC822_MONTHS, RFC822_ZONES } from './constants.ts';

export type FeedKind = 'rss' | 'rdf' | 'atom' | 'urlset' | 'sitemapindex';

export interface FeedEntry {
  /** Absolute http(s) URL of the page (of the child sitemap, in a sitemap index). */
  url: string;
  title?: string;
  published?: IsoDate;
  updated?: IsoDate;
}

export interface ParsedFeed {
  kind: FeedKind;
  title?: string;
  /** In document order, one per URL. For a `sitemapindex`, the entries are sitemaps, not pages. */
  entries: FeedEntry[];
  /** What was tolerated: entries without a link, dates that could not be read, tags closed out of order. */
  warnings: string[];
}

export type FeedErrorReason = 'empty' | 'not_xml' | 'unknown_root' | 'truncated';

/** A document that is not a readable feed; `reason` says which way. */
export class FeedError extends PipelineError {
  constructor(
    readonly reason: FeedErrorReason,
    message: string,
  ) {
    super(reason === 'empty' ? 'empty' : reason === 'unknown_root' ? 'unsupported_type' : 'invalid_record', message);
    this.name = 'FeedError';
  }
}

export interface ParseFeedOptions {
  /** The feed's own URL: relative links resolve against it (and against `xml:base`). */
  baseUrl?: string;
  /** Names the feed in messages. */
  label?: string;
}

/** The element that is one entry, per kind of document. */
const ENTRY_ELEMENT: Record<FeedKind, string> = { rss: 'item', rdf: 'item', atom: 'entry', urlset: 'url', sitemapindex: 'sitemap' };
const ROOT_KINDS: Record<string, FeedKind> = { rss: 'rss', rdf: 'rdf', feed: 'atom', urlset: 'urlset', sitemapindex: 'sitemapindex' };

interface OpenElement {
  local: string;
  prefixed: boolean;
  attribs: Record<string, string>;
  line: number;
  selfClosing: boolean;
  text: string;
  base: string | undefined;
}

interface EntryDraft {
  depth: number;
  base: string | undefined;
  /** Text of the entry's descendants by local-name path (`title`, `news/publication_date`); unprefixed first. */
  fields: Map<string, { value: string; prefixed: boolean }>;
  links: Array<{ attribs: Record<string, string>; base: string | undefined }>;
  rdfAbout?: string;
  titleIsHtml: boolean;
  line: number;
}

/**
 * Parses a feed or sitemap. Throws a FeedError when the document is empty, not XML, not a feed (its root is
 * `<html>` or unknown) or truncated (its root element is never closed).
 */
export function parseFeed(xml: string, options: ParseFeedOptions = {}): ParsedFeed {
  const label = options.label ?? options.baseUrl ?? 'feed';
  if (xml.trim() === '') throw new FeedError('empty', `${label} is empty`);
  const lineStarts = [0];
  for (let i = xml.indexOf('\n'); i !== -1; i = xml.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineAt = (index: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };

  const warnings: string[] = [];
  const stack: OpenElement[] = [];
  const entries: FeedEntry[] = [];
  const seenUrls = new Set<string>();
  let kind: FeedKind | null = null;
  let rootName: string | null = null;
  let rootClosed = false;
  let feedTitle: string | undefined;
  let entry: EntryDraft | null = null;
  let inCdata = false;
  let finishing = false;
  const unclosedAtEnd: OpenElement[] = [];

  const finishEntry = (draft: EntryDraft): void => {
    const made = buildEntry(kind as FeedKind, draft, warnings, label);
    if (!made) return;
    if (seenUrls.has(made.url)) return;
    seenUrls.add(made.url);
    entries.push(made);
  };

  const parser: Parser = new Parser(
    {
      onopentag(name, rawAttribs) {
        const attribs: Record<string, string> = {};
        for (const [key, value] of Object.entries(rawAttribs)) attribs[key] = decodeEntities(value);
        const colon = name.indexOf(':');
        const local = colon === -1 ? name : name.slice(colon + 1);
        const parent = stack[stack.length - 1];
        const parentBase = parent ? parent.base : options.baseUrl;
        const element: OpenElement = {
          local,
          prefixed: colon !== -1,
          attribs,
          line: lineAt(parser.startIndex),
          selfClosing: xml[parser.endIndex - 1] === '/',
          text: '',
          base: attribs['xml:base'] ? resolveUrl(attribs['xml:base'], parentBase) ?? parentBase : parentBase,
        };
        if (stack.length === 0 && rootName === null) {
          rootName = name;
          kind = ROOT_KINDS[local.toLowerCase()] ?? null;
          if (kind === null) {
            throw new FeedError(
              'unknown_root',
              local.toLowerCase() === 'html'
                ? `${label} is an HTML page, not a feed or sitemap`
                : `${label}: <${name}> is not the root of an RSS, Atom or sitemap document`,
            );
          }
        }
        stack.push(element);
        if (kind && !entry && local === ENTRY_ELEMENT[kind]) {
          entry = { depth: stack.length, base: element.base, fields: new Map(), links: [], titleIsHtml: false, line: element.line };
          if (attribs['rdf:about']) entry.rdfAbout = attribs['rdf:about'];
        } else if (entry && local === 'link' && (attribs.href || attribs.url)) {
          entry.links.push({ attribs, base: element.base });
        } else if (entry && local === 'title' && stack.length === entry.depth + 1 && /^x?html$/i.test(attribs.type ?? '')) {
          entry.titleIsHtml = true;
        }
      },
      ontext(text) {
        const top = stack[stack.length - 1];
        if (top) top.text += inCdata ? text : decodeEntities(text);
      },
      oncdatastart() {
        inCdata = true;
      },
      oncdataend() {
        inCdata = false;
      },
      onclosetag(name, isImplied) {
        const element = stack.pop();
        if (!element) return;
        if (isImplied && !element.selfClosing) {
          if (finishing) unclosedAtEnd.push(element);
          else warnings.push(`${label}: <${name}> opened at line ${element.line} is closed out of order at line ${lineAt(parser.startIndex)}`);
        }
        const parent = stack[stack.length - 1];
        // Text around a line break or block (<br>, <p>) in a title is two words, around <em> or <a> one.
        if (parent) parent.text += INLINE_ELEMENTS.has(element.local.toLowerCase()) ? element.text : ` ${element.text} `;
        if (stack.length === 0) {
          if (!finishing || !isImplied) rootClosed = true;
          return;
        }
        if (entry && stack.length === entry.depth - 1) {
          finishEntry(entry);
          entry = null;
          return;
        }
        if (entry && stack.length >= entry.depth) {
          const path = stack
            .slice(entry.depth)
            .map((open) => open.local)
            .concat(element.local)
            .join('/');
          const value = element.text;
          const existing = entry.fields.get(path);
          if (value.trim() !== '' && (!existing || (existing.prefixed && !element.prefixed))) {
            entry.fields.set(path, { value, prefixed: element.prefixed });
          }
          return;
        }
        // The feed's own title: <channel><title> in RSS, <feed><title> in Atom.
        if (!entry && element.local === 'title' && feedTitle === undefined && parent && (parent.local === 'channel' || (kind === 'atom' && stack.length === 1))) {
          feedTitle = cleanTitle(element.text, /^x?html$/i.test(element.attribs.type ?? '')) || undefined;
        }
      },
    },
    { xmlMode: true, decodeEntities: false },
  );
  parser.write(xml);
  finishing = true;
  parser.end();

  if (rootName === null || kind === null) {
    throw new FeedError('not_xml', `${label} is not XML: no element found${xml.trimStart().startsWith('{') ? ' (it looks like JSON)' : ''}`);
  }
  if (!rootClosed) {
    const innermost = unclosedAtEnd[0];
    const inside = innermost && innermost.local !== (rootName as string).replace(/^.*:/, '') ? `, inside <${innermost.local}> opened at line ${innermost.line}` : '';
    throw new FeedError('truncated', `${label} is truncated: <${rootName}> is never closed (the document ends at line ${lineStarts.length}${inside})`);
  }
  const feed: ParsedFeed = { kind, entries, warnings };
  if (feedTitle) feed.title = feedTitle;
  return feed;
}

function buildEntry(kind: FeedKind, draft: EntryDraft, warnings: string[], label: string): FeedEntry | null {
  const field = (...paths: string[]): string | undefined => {
    for (const path of paths) {
      const found = draft.fields.get(path);
      if (found && found.value.trim() !== '') return found.value.trim();
    }
    return undefined;
  };
  const candidates: Array<string | undefined> = [];
  let titleText: string | undefined;
  let publishedText: string | undefined;
  let updatedText: string | undefined;
  if (kind === 'urlset' || kind === 'sitemapindex') {
    candidates.push(field('loc'));
    titleText = field('news/title');
    publishedText = field('news/publication_date');
    updatedText = field('lastmod');
  } else if (kind === 'atom') {
    candidates.push(...atomLinks(draft));
    const id = field('id');
    if (id && /^https?:\/\//i.test(id)) candidates.push(id);
    titleText = field('title');
    publishedText = field('published', 'issued', 'created');
    updatedText = field('updated', 'modified');
  } else {
    // RSS: FeedBurner's origLink is the publisher's URL where <link> is a redirect through FeedBurner.
    candidates.push(field('origLink'), field('link'));
    for (const link of draft.links) candidates.push(resolveUrl(link.attribs.href ?? link.attribs.url, link.base));
    const guid = draft.fields.get('guid');
    if (guid && /^https?:\/\//i.test(guid.value.trim())) candidates.push(guid.value.trim());
    if (draft.rdfAbout) candidates.push(draft.rdfAbout);
    titleText = field('title');
    publishedText = field('pubDate', 'date', 'published', 'issued');
    updatedText = field('updated', 'modified');
  }
  let url: string | undefined;
  for (const candidate of candidates) {
    const resolved = candidate ? resolveUrl(candidate.trim(), draft.base) : undefined;
    if (resolved && /^https?:$/.test(new URL(resolved).protocol)) {
      url = resolved;
      break;
    }
  }
  if (!url) {
    warnings.push(`${label}: the ${ENTRY_ELEMENT[kind]} at line ${draft.line} has no http(s) link; left out`);
    return null;
  }
  const made: FeedEntry = { url };
  const title = titleText ? cleanTitle(titleText, kind === 'atom' && draft.titleIsHtml) : '';
  if (title) made.title = title;
  for (const [key, text] of [['published', publishedText], ['updated', updatedText]] as const) {
    if (!text) continue;
    const date = parseFeedDate(text);
    if (date) made[key] = date;
    else warnings.push(`${label}: the ${ENTRY_ELEMENT[kind]} at line ${draft.line} has an unreadable ${key} date ${JSON.stringify(text.slice(0, 60))}`);
  }
  return made;
}

/** Atom `link` hrefs in preference order: rel="alternate" (or no rel) of an HTML type, then any alternate. */
function atomLinks(draft: EntryDraft): string[] {
  const alternates = draft.links.filter((link) => (link.attribs.rel ?? 'alternate').toLowerCase() === 'alternate');
  const html = alternates.filter((link) => !link.attribs.type || /html/i.test(link.attribs.type));
  return [...html, ...alternates]
    .map((link) => resolveUrl(link.attribs.href ?? '', link.base))
    .filter((href): href is string => href !== undefined);
}

function resolveUrl(raw: string | undefined, base: string | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    return new URL(raw.trim(), base).href;
  } catch {
    return undefined;
  }
}

/** Decodes XML and HTML character references (`&amp;`, `&#8217;`, `&nbsp;`) in a text or attribute value,
 * with htmlparser2's HTML entity table: feeds use HTML entities XML does not define. */
function decodeEntities(raw: string): string {
  if (!raw.includes('&')) return raw;
  let out = '';
  const decoder = new Parser({ ontext: (text) => (out += text) }, { decodeEntities: true });
  // Outside CDATA, XML text holds no markup: any '<' left is a stray one, kept as text.
  decoder.write(raw.replace(/</g, '&lt;'));
  decoder.end();
  return out;
}

function cleanTitle(text: string, isHtml: boolean): string {
  let title = text;
  if (isHtml) title = decodeEntities(title.replace(/<[^>]*>/g, ' '));
  else title = title.replace(/<\/?[a-zA-Z][^<>]*>/g, ' ');
  return title.replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------------------------------------------
// Dates

const RFC822_DATE =
  /^(?:[A-Za-z]{2,9},?\s*)?(\d{1,2})[\s-]+([A-Za-z]{3,9})\.?[\s-]+(\d{2}|\d{4})(?:\s+|T)(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(?:([+-]\d{2}:?\d{2})|\(?([A-Za-z]{1,5})\)?)?\s*$/;

/**
 * A feed date as the contract's ISO form: W3C/RFC 3339 dates (Atom, sitemaps; `2031-03-04`,
 * `2031-03-04T08:15:00.000Z`) and RFC 822 dates (RSS; `Tue, 04 Mar 2031 08:15:00 +0100`, `... GMT`, `... EST`).
 * Null when the text is no date we read. A zone we do not know leaves the time without an offset.
 */
export function parseFeedDate(value: string): IsoDate | null {
  const text = value.trim();
  const iso = normalizeIsoDate(text);
  if (iso) return iso;
  // W3C datetime's reduced forms: a year, or a year and a month.
  if (/^\d{4}(-\d{2})?$/.test(text)) return text;
  const m = RFC822_DATE.exec(text);
  if (!m) return null;
  const [, day, monthName, yearText, hour, minute, second, numericZone, namedZone] = m;
  const month = RFC822_MONTHS.indexOf(monthName.slice(0, 3).toLowerCase());
  if (month === -1) return null;
  let year = Number(yearText);
  // RFC 2822's rule for two-digit years: 00-49 are 2000-2049, 50-99 are 1950-1999.
  if (yearText.length === 2) year += year < 50 ? 2000 : 1900;
  let offset = '';
  if (numericZone) {
    offset = numericZone.includes(':') ? numericZone : `${numericZone.slice(0, 3)}:${numericZone.slice(3)}`;
  } else if (namedZone && RFC822_ZONES[namedZone.toUpperCase()] !== undefined) {
    const minutes = RFC822_ZONES[namedZone.toUpperCase()];
    const sign = minutes < 0 ? '-' : '+';
    const abs = Math.abs(minutes);
    offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  }
  const two = (n: string | number) => String(n).padStart(2, '0');
  return normalizeIsoDate(`${year}-${two(month + 1)}-${two(day)}T${two(hour)}:${minute}:${second ?? '00'}${offset}`);
}

// ---------------------------------------------------------------------------------------------------
// Bytes

/**
 * Decodes a feed's bytes: byte-order mark, then the HTTP charset, then the XML declaration's `encoding`, else
 * UTF-8 (decodeText's rules and errors: `empty`, `binary`, `invalid_utf8`).
 */
export function decodeFeedBytes(bytes: Buffer, label: string, headerCharset?: string | null): string {
  const head = bytes.subarray(0, 200).toString('latin1');
  const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)?.[1] ?? null;
  return decodeText(bytes, label, 'text', headerCharset ?? declared);
}
