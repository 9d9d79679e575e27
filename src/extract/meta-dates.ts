/**
 * Publication dates written on the page for people rather than machines: datelines and bylines in many
 * languages and formats ("23. Mai 2019", "23.05.2019", "May 23, 2019 at 4:05 pm", "2019年5月23日"), the
 * elements that hold them (class `date`, `published`, `<abbr title>`), and the choice among all date
 * candidates of a page (metadata first, then <time>, the URL, visible dates, a last-resort text scan).
 *
 * Only absolute dates count: a date must state its year, so relative expressions ("2 hours ago", "Yesterday")
 * never give a date.
 */
import type { IsoDate } from '../model.ts';
import { ZONE_OFFSETS } from './constants.ts';
import { formatDate, normalizeDate } from './dates.ts';
import { classTokens, collapseSpace, textOf, type HtmlElement, type ParsedPage } from './dom.ts';
import type { Deadline } from './deadline.ts';
import {
  DATE_CLASS_TOKENS, FOREIGN_CONTEXT_PREFIXES, FOREIGN_CONTEXT_TAGS, FOREIGN_CONTEXT_TOKENS, MAX_DATE_LABEL_CHARS,
  MAX_HEADING_DATE_DISTANCE, MAX_TEXT_SCAN_CHARS, NEAR_HEADING_DATE_DISTANCE, MAX_VISIBLE_DATE_ELEMENTS, MIN_REPEATED_DATE, MONTH_WORDS, PUBLISHED_CLASS_TOKENS,
  STRONG_DATE_CLASS_TOKENS, UPDATED_CLASS_TOKENS, UPDATED_WORDS, URL_DAY_TOLERANCE_DAYS, WRAPPER_MIN_SHARE,
} from './meta-constants.ts';

export interface Candidate<T> {
  value: T;
  rule: string;
  /** Set on a costly last resort whose value is computed when first read (see `deferredCandidate`). */
  deferred?: true;
}

/**
 * A candidate computed only when its value or rule is first read: the costly last resorts (a scan of the page's
 * text, of its scripts) are never run on the many pages whose metadata already gives the date. An empty value
 * stands for "nothing found" (it normalises to no date).
 */
export function deferredCandidate(compute: () => Candidate<string> | null): Candidate<string> {
  let computed = false;
  let result: Candidate<string> | null = null;
  const get = (): Candidate<string> | null => {
    if (!computed) {
      computed = true;
      result = compute();
    }
    return result;
  };
  return {
    get value() { return get()?.value ?? ''; },
    get rule() { return get()?.rule ?? 'none'; },
    deferred: true,
  };
}

/** A date found in running text, with where it is. */
export interface WrittenDate {
  value: IsoDate;
  index: number;
  length: number;
}

const YEAR = '((?:19|20)\\d{2})';
const MONTH_ALTERNATION = [...MONTH_WORDS.keys()].sort((a, b) => b.length - a.length).map((w) => w.replace('.', '\\.')).join('|');
const MONTH = `(${MONTH_ALTERNATION})`;
/** Letters on either side of a month word are part of another word ("mayor", "Marseille"). */
const NOT_LETTER_BEFORE = '(?<![\\p{L}\\d])';
const NOT_LETTER_AFTER = '(?![\\p{L}])';
/** A time after the date: "14:05", "2:05 pm", "14.05 Uhr", "14h05", with an optional zone. */
const TIME_AFTER = String.raw`(?:\s*(?:,|\||·|•|-|–|—|\bat\b|\bum\b|\bà\b|\ba las\b|\balle\b|\bklo\.?)?\s*(\d{1,2})[:h.](\d{2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?|uhr)?(?:\s*(Z|[+-]\d{2}:?\d{2}|UTC|GMT|[A-Z]{3,4}\b))?)?`;

interface Pattern {
  regex: RegExp;
  /** Reads year, month, day from the match; null when the match is no date. */
  read: (m: RegExpExecArray, monthFirst: boolean) => { year: number; month: number; day: number } | null;
  /** Index of the first time group in the match. */
  timeGroup: number;
}

const monthNumber = (word: string): number => MONTH_WORDS.get(word.toLowerCase().replace(/\.$/, '')) ?? 0;

const PATTERNS: Pattern[] = [
  {
    // 2019-05-23, 2019/05/23, 2019.05.23 (year first is never ambiguous)
    regex: new RegExp(`(?<!\\d)${YEAR}([-/.])(\\d{1,2})\\2(\\d{1,2})(?!\\d)(?:T|\\s+|,\\s*)?${TIME_AFTER}`, 'gu'),
    read: (m) => ({ year: +m[1], month: +m[3], day: +m[4] }),
    timeGroup: 5,
  },
  {
    // 23. Mai 2019, 23 mai 2019, 23rd May 2019, 23 de mayo de 2019, 1er juin 2019
    regex: new RegExp(
      `${NOT_LETTER_BEFORE}(\\d{1,2})(?:st|nd|rd|th|er|º|°|\\.)?\\s*(?:de\\s+|of\\s+)?${MONTH}${NOT_LETTER_AFTER}\\.?,?\\s*(?:de\\s+|del\\s+)?${YEAR}(?!\\d)${TIME_AFTER}`,
      'giu',
    ),
    read: (m) => ({ year: +m[3], month: monthNumber(m[2]), day: +m[1] }),
    timeGroup: 4,
  },
  {
    // May 23, 2019; May 23rd 2019; Mai 23, 2019
    regex: new RegExp(`${NOT_LETTER_BEFORE}${MONTH}${NOT_LETTER_AFTER}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+${YEAR}(?!\\d)${TIME_AFTER}`, 'giu'),
    read: (m) => ({ year: +m[3], month: monthNumber(m[1]), day: +m[2] }),
    timeGroup: 4,
  },
  {
    // 23.05.2019, 23/05/2019, 05/23/2019, 23-05-2019 (day first unless the page reads month first)
    regex: new RegExp(`(?<![\\d.])(\\d{1,2})([./-])\\s?(\\d{1,2})\\2\\s?${YEAR}(?!\\d)${TIME_AFTER}`, 'gu'),
    read: (m, monthFirst) => {
      const first = +m[1];
      const second = +m[3];
      const year = +m[4];
      if (m[2] === '.' || first > 12) return { year, month: second, day: first };
      if (second > 12) return { year, month: first, day: second };
      return monthFirst ? { year, month: first, day: second } : { year, month: second, day: first };
    },
    timeGroup: 5,
  },
  {
    // 2019年5月23日, 2019년 5월 23일
    regex: new RegExp(`${YEAR}\\s*[年년]\\s*(\\d{1,2})\\s*[月월]\\s*(\\d{1,2})\\s*[日일]?(?:\\s*(?:\\([^)]{1,3}\\))?\\s*)${TIME_AFTER}`, 'gu'),
    read: (m) => ({ year: +m[1], month: +m[2], day: +m[3] }),
    timeGroup: 4,
  },
];

/** Whether a text can hold a written date at all (a 4-digit year from 1900 on): a cheap test first. */
const HAS_YEAR = /(?:19|20)\d{2}/;

function timeOf(m: RegExpExecArray, group: number): { hour?: number; minute?: number; second?: number; offset?: number } {
  if (m[group] === undefined) return {};
  let hour = +m[group];
  const minute = +m[group + 1];
  const second = m[group + 2] === undefined ? undefined : +m[group + 2];
  const meridiem = (m[group + 3] ?? '').toLowerCase().replace(/\./g, '');
  if (meridiem === 'pm' && hour < 12) hour += 12;
  if (meridiem === 'am' && hour === 12) hour = 0;
  const zone = m[group + 4];
  let offset: number | undefined;
  if (zone) {
    const numeric = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
    if (zone === 'Z') offset = 0;
    else if (numeric) offset = (numeric[1] === '-' ? -1 : 1) * (Number(numeric[2]) * 60 + Number(numeric[3]));
    else offset = ZONE_OFFSETS.get(zone.toLowerCase());
  }
  if (hour > 23 || minute > 59) return {};
  return { hour, minute, second, offset };
}

/**
 * Every absolute date written in a text, in order of position. `monthFirst` reads ambiguous slashed dates
 * (`05/06/2019`) as month/day (US English); dotted dates are always day first.
 */
export function findWrittenDates(text: string, monthFirst = false): WrittenDate[] {
  if (!HAS_YEAR.test(text)) return [];
  if (text.length <= MAX_UNWINDOWED_CHARS) return datesIn(text, 0, monthFirst);
  // A long text: every date holds a year, so the patterns run only on windows around the years it holds.
  const found: WrittenDate[] = [];
  YEARS.lastIndex = 0;
  let windowStart = -1;
  let windowEnd = -1;
  let m: RegExpExecArray | null;
  while ((m = YEARS.exec(text)) !== null) {
    // A window starts after white space, so that no pattern sees half a word or half a number at its edge.
    let start = Math.max(0, m.index - DATE_CHARS_BEFORE_YEAR);
    const space = text.lastIndexOf(' ', start);
    if (start > 0 && space >= 0 && start - space <= DATE_CHARS_BEFORE_YEAR) start = space;
    const end = Math.min(text.length, m.index + m[0].length + DATE_CHARS_AFTER_YEAR);
    if (start <= windowEnd) {
      windowEnd = end;
      continue;
    }
    if (windowEnd > windowStart) found.push(...datesIn(text.slice(windowStart, windowEnd), windowStart, monthFirst));
    windowStart = start;
    windowEnd = end;
  }
  if (windowEnd > windowStart) found.push(...datesIn(text.slice(windowStart, windowEnd), windowStart, monthFirst));
  return found;
}

/** Texts up to this length are searched whole; longer ones (a page's text) by windows around their years. */
const MAX_UNWINDOWED_CHARS = 1000;
/** A written date spans at most this many characters before its year ("23rd de septiembre de 2019") ... */
const DATE_CHARS_BEFORE_YEAR = 40;
/** ... and this many after it (a time with seconds, a meridiem and a zone: ", 4:05:09 p.m. CEST"). */
const DATE_CHARS_AFTER_YEAR = 40;
/** A publication label right before a date: the label's words, a colon or "am"/"on"/"le", then the date. */
const DATE_LABEL_BEFORE = /(?:published|posted|publication date|first published|datum|date|veröffentlicht|erschienen|publié|publicado|pubblicato|gepubliceerd)(?:\s+(?:am|on|le|el|il|op))?\s*:?\s*$/i;
/** How many characters before a date are read for its label. */
const DATE_LABEL_CHARS = 40;
const YEARS = /(?<!\d)(?:19|20)\d{2}(?!\d)/g;

/** The dates in `text` (a window of a longer text starting at `offset`), in order of position. */
function datesIn(text: string, offset: number, monthFirst: boolean): WrittenDate[] {
  const found: WrittenDate[] = [];
  const taken: Array<[number, number]> = [];
  for (const pattern of PATTERNS) {
    pattern.regex.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = pattern.regex.exec(text)) !== null) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      const day = pattern.read(m, monthFirst);
      if (!day) continue;
      const value = formatDate({ ...day, ...timeOf(m, pattern.timeGroup) }) ?? formatDate(day);
      if (!value) continue;
      taken.push([start, end]);
      found.push({ value, index: offset + start, length: m[0].trimEnd().length });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** The first absolute date written in a text, or null. */
export function findWrittenDate(text: string, monthFirst = false): WrittenDate | null {
  return findWrittenDates(text, monthFirst)[0] ?? null;
}

// ---------------------------------------------------------------------------------------------------
// Where on the page

/**
 * For each element (by `order`), whether it sits in a container whose dates and names are not the article's:
 * comments, related-story teasers, sidebars, footers, navigation. One pass: parents come before children.
 */
export function foreignContexts(page: ParsedPage): Uint8Array {
  const { elements } = page;
  const foreign = new Uint8Array(elements.length);
  // The page's headline: a container holding it is a layout wrapper whatever its class says ("sidebar_content",
  // "aside-active", ASP.NET's page-wide <form>), as is one holding most of the page.
  const headline = elements.find((element) => element.tag === 'h1');
  const headlineAt = headline ? headline.order : -1;
  const wrapperSize = elements.length * WRAPPER_MIN_SHARE;
  const isWrapper = (element: HtmlElement): boolean =>
    (headlineAt > element.order && headlineAt <= element.lastOrder) || element.lastOrder - element.order >= wrapperSize;
  for (const element of elements) {
    const parent = element.parent;
    if (parent && foreign[parent.order]) {
      foreign[element.order] = 1;
      continue;
    }
    const { tag, attrs } = element;
    // An <aside> inside the article holds its date and byline on many blogs (its class is still judged below);
    // a page-wide form wraps everything.
    if (FOREIGN_CONTEXT_TAGS.has(tag) && !(tag === 'aside' && insideArticle(element))) {
      if (tag !== 'form' || !isWrapper(element)) foreign[element.order] = 1;
      continue;
    }
    if (attrs.role === 'complementary' || attrs.role === 'navigation') {
      foreign[element.order] = 1;
      continue;
    }
    if ((!attrs.class && !attrs.id) || PROTECTED_CONTEXT_TAGS.has(tag)) continue;
    if (isForeignName(attrs.class) || isForeignName(attrs.id)) {
      if (!isWrapper(element)) foreign[element.order] = 1;
    }
  }
  return foreign;
}

/** Whether an element sits inside an <article> (read for the rare <aside>: a walk up its ancestors). */
function insideArticle(element: HtmlElement): boolean {
  for (let outer = element.parent; outer; outer = outer.parent) if (outer.tag === 'article') return true;
  return false;
}


const isNameChar = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
const isSpaceChar = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 12;

/**
 * The word rule of isForeignName as one native regex: at the start of a white-space-separated name, after any
 * characters that are neither letters nor digits, a token of FOREIGN_CONTEXT_TOKENS ending its run of letters and
 * digits, or a run starting with one of FOREIGN_CONTEXT_PREFIXES. ASCII-case-insensitive, as the rule is for every
 * value without the two characters whose lowercase is an ASCII letter (U+0130, U+212A: the alternative last).
 */
const FOREIGN_NAME = new RegExp(
  `(?:^|[ \\t\\n\\r\\f])[^A-Za-z0-9 \\t\\n\\r\\f]*(?:${FOREIGN_CONTEXT_PREFIXES.join('|')}|(?:${
    [...FOREIGN_CONTEXT_TOKENS].filter((token) => /^[a-z0-9]+$/.test(token) && !FOREIGN_CONTEXT_PREFIXES.some((prefix) => token.startsWith(prefix))).join('|')
  })(?![A-Za-z0-9]))|[\\u0130\\u212a]`,
  'i',
);
const CASE_EXPANDING = /[\u0130\u212a]/;

/**
 * Whether a class or id value names a foreign container. Each name is judged by its first word ("related-posts",
 * "comment_list", "sidebarRight"): a word deeper inside a name ("sticky-sidebar-parent") describes a layout.
 * One regex test (no copy, no hashing); a value holding a character whose lowercase is an ASCII letter takes
 * the word-by-word reading.
 */
export function isForeignName(value: string | undefined): boolean {
  if (!value || !FOREIGN_NAME.test(value)) return false;
  return CASE_EXPANDING.test(value) ? isForeignNameByWords(value) : true;
}

/** isForeignName read word by word on the lowercased value (the reference the regex follows). */
export function isForeignNameByWords(value: string): boolean {
  const lower = value.toLowerCase();
  const n = lower.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSpaceChar(lower.charCodeAt(i))) i++;
    let end = i;
    while (end < n && !isSpaceChar(lower.charCodeAt(end))) end++;
    let start = i;
    while (start < end && !isNameChar(lower.charCodeAt(start))) start++;
    let stop = start;
    while (stop < end && isNameChar(lower.charCodeAt(stop))) stop++;
    if (stop > start) {
      const head = lower.slice(start, stop);
      if (FOREIGN_CONTEXT_TOKENS.has(head) || FOREIGN_CONTEXT_PREFIXES.some((prefix) => head.startsWith(prefix))) return true;
    }
    i = end;
  }
  return false;
}

/** Containers never judged by their class: a page's `<body class="single sidebar-left">` holds the article. */
const PROTECTED_CONTEXT_TAGS = new Set(['html', 'body', 'main', 'article', '#root']);

/** Whether a page's ambiguous slashed dates read month first: US English pages. */
export function readsMonthFirst(languageTag: string | null | undefined): boolean {
  if (!languageTag) return false;
  const tag = languageTag.toLowerCase().replace('_', '-');
  return tag === 'en-us' || tag === 'en';
}

/**
 * Whether a class or id value may hold one of the date words of PUBLISHED_, UPDATED_ and STRONG_DATE_CLASS_TOKENS
 * (a substring test, looser than the token test it spares most elements).
 */
const DATE_NAME_HINT = /publi|pubdate|post|creat|veroeff|updat|modif|lastmod|revis|date|time|datum|fecha|submit/i;

function mayNameDate(cls: string | undefined, id: string | undefined): boolean {
  return (cls !== undefined && DATE_NAME_HINT.test(cls)) || (id !== undefined && DATE_NAME_HINT.test(id));
}

/**
 * The class and id words of an element, camelCase names split too ("itemPostDate" -> item, post, date), so that
 * the date words of a name written in camelCase are seen.
 */
function dateTokens(element: HtmlElement): string[] {
  const tokens = classTokens(element);
  const raw = `${element.attrs.class ?? ''} ${element.attrs.id ?? ''}`;
  if (!/[a-z][A-Z]/.test(raw)) return tokens;
  const camel = raw.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/).filter((t) => t.length > 0);
  return [...tokens, ...camel];
}

export interface VisibleDates {
  published: Candidate<string>[];
  updated: Candidate<string>[];
}

function dateLabel(element: HtmlElement): string {
  return collapseSpace(textOf(element, MAX_DATE_LABEL_CHARS * 2, 200));
}

/** Splits a label's dates into published and updated by the words before each ("Updated 3 May 2024"). */
function classifyLabelDates(label: string, monthFirst: boolean, markedUpdated: boolean, out: VisibleDates, rule: string): boolean {
  const dates = findWrittenDates(label, monthFirst);
  if (dates.length === 0) return false;
  let previousEnd = 0;
  for (const date of dates) {
    const before = label.slice(previousEnd, date.index);
    previousEnd = date.index + date.length;
    const isUpdate = UPDATED_WORDS.test(before) || (markedUpdated && dates.length === 1);
    (isUpdate ? out.updated : out.published).push({ value: date.value, rule: isUpdate ? `${rule}-updated` : rule });
  }
  return true;
}

/**
 * Dates of `<time>` elements, `<abbr title>` and elements whose class names a date, outside comments, teasers
 * and sidebars, in document order: marked publication dates first, then the others.
 */
export function visibleDates(page: ParsedPage, foreign: Uint8Array, monthFirst: boolean, deadline: Deadline): VisibleDates {
  const marked: VisibleDates = { published: [], updated: [] };
  const plain: VisibleDates = { published: [], updated: [] };
  let read = 0;
  const insideRead: HtmlElement[] = [];
  const isInsideRead = (element: HtmlElement): boolean => {
    const last = insideRead[insideRead.length - 1];
    return last !== undefined && last.order < element.order && element.order <= last.lastOrder;
  };
  for (const element of page.elements) {
    deadline.tick();
    if (read >= MAX_VISIBLE_DATE_ELEMENTS) break;
    if (foreign[element.order]) continue;
    // Most elements carry nothing a date rule reads: skip them before any string work.
    const { attrs } = element;
    if (element.tag !== 'time' && !attrs.class && !attrs.id && !attrs.itemprop && attrs.pubdate === undefined) continue;
    if (element.tag !== 'time' && element.tag !== 'abbr' && !attrs.itemprop && attrs.pubdate === undefined && !mayNameDate(attrs.class, attrs.id)) continue;
    const tokens = dateTokens(element);
    const itemprop = (element.attrs.itemprop ?? '').toLowerCase();
    const markedPublished =
      element.attrs.pubdate !== undefined || itemprop === 'datepublished' || tokens.some((t) => PUBLISHED_CLASS_TOKENS.has(t));
    const markedUpdated = itemprop === 'datemodified' || tokens.some((t) => UPDATED_CLASS_TOKENS.has(t));
    const target = markedPublished ? marked : plain;

    if (element.tag === 'time') {
      read++;
      const machine = normalizeDate(element.attrs.datetime ?? element.attrs.content ?? '');
      const label = dateLabel(element);
      const written = label.length <= MAX_DATE_LABEL_CHARS ? findWrittenDate(label, monthFirst) : null;
      // The text a reader sees wins when it names another day than the attribute (a UTC attribute past
      // midnight, or a template that put the modification time in the attribute).
      let value = machine;
      let rule = markedPublished ? 'html.time-published' : 'html.time';
      if (written && (!machine || machine.slice(0, 10) !== written.value.slice(0, 10))) {
        value = written.value;
        rule += '-text';
      }
      if (!value) continue;
      const isUpdate = markedUpdated || UPDATED_WORDS.test(label.slice(0, written?.index ?? label.length));
      (isUpdate ? target.updated : target.published).push({ value, rule: isUpdate ? `${rule}-updated` : rule });
      insideRead.push(element);
      continue;
    }
    if (element.tag === 'abbr' && element.attrs.title && (markedPublished || markedUpdated || tokens.some((t) => DATE_CLASS_TOKENS.has(t)))) {
      const value = normalizeDate(element.attrs.title);
      if (value) {
        read++;
        (markedUpdated ? target.updated : target.published).push({ value, rule: markedUpdated ? 'html.abbr-updated' : 'html.abbr' });
        continue;
      }
    }
    if (isInsideRead(element)) continue;
    const dateClass = markedPublished || markedUpdated || tokens.some((t) => STRONG_DATE_CLASS_TOKENS.has(t));
    if (!dateClass || element.tag === 'body' || element.tag === 'html' || element.tag === 'article' || element.tag === 'main') continue;
    const label = dateLabel(element);
    if (!label || label.length > MAX_DATE_LABEL_CHARS) continue;
    if (classifyLabelDates(label, monthFirst, markedUpdated, target, markedPublished ? 'html.date-published' : 'html.date-element')) {
      read++;
      insideRead.push(element);
    }
  }
  return {
    published: [...marked.published, ...plain.published],
    updated: [...marked.updated, ...plain.updated],
  };
}

/**
 * The last resort: dates written anywhere in the page's text outside comments and teasers. The first date
 * that appears at least MIN_REPEATED_DATE times wins (a dateline repeated in header and footer), else the
 * first date of the text.
 */
export function scanTextDates(page: ParsedPage, foreign: Uint8Array, monthFirst: boolean, deadline: Deadline): Candidate<string> | null {
  const parts: string[] = [];
  let length = 0;
  // Where the first h1 starts in the scanned text: the article's date is written near its headline.
  let headingAt = -1;
  const stack: Array<HtmlElement | string> = [page.root];
  while (stack.length > 0 && length < MAX_TEXT_SCAN_CHARS) {
    deadline.tick();
    const node = stack.pop()!;
    if (typeof node === 'string') {
      parts.push(node);
      length += node.length;
      continue;
    }
    if (foreign[node.order] || node.tag === 'head' || node.tag === 'title') continue;
    if (node.tag === 'h1' && headingAt < 0) headingAt = length;
    // A space between elements keeps "23 May" in one cell from gluing to "2019" in the next only when
    // the previous piece is text (empty wrappers, thousands deep on broken pages, add nothing).
    if (parts.length > 0 && parts[parts.length - 1] !== ' ') {
      parts.push(' ');
      length += 1;
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  const text = parts.join('').slice(0, MAX_TEXT_SCAN_CHARS);
  const dates = findWrittenDates(text, monthFirst);
  if (dates.length === 0) return null;
  const afterHeading = headingAt >= 0 ? dates.find((date) => date.index >= headingAt && date.index - headingAt <= MAX_HEADING_DATE_DISTANCE) : undefined;
  if (afterHeading) {
    const near = afterHeading.index - headingAt <= NEAR_HEADING_DATE_DISTANCE;
    return { value: afterHeading.value, rule: near ? 'text.heading-date-near' : 'text.heading-date' };
  }
  // A date labelled as the publication's ("Datum: 19.11.2021", "Published on May 3, 2024") wherever it stands.
  const labelled = dates.find((date) => DATE_LABEL_BEFORE.test(text.slice(Math.max(0, date.index - DATE_LABEL_CHARS), date.index)));
  if (labelled) return { value: labelled.value, rule: 'text.labelled-date' };
  const counts = new Map<string, number>();
  for (const date of dates) counts.set(date.value.slice(0, 10), (counts.get(date.value.slice(0, 10)) ?? 0) + 1);
  const repeated = dates.find((date) => (counts.get(date.value.slice(0, 10)) ?? 0) >= MIN_REPEATED_DATE);
  if (repeated) return { value: repeated.value, rule: 'text.repeated-date' };
  return { value: dates[0].value, rule: 'text.first-date' };
}

/**
 * Publication dates in the page's scripts (a framework's state: `"publishedAt":"2022-01-31T15:58:43+01:00"`),
 * read from the raw HTML because the parsed tree drops script text. The first key found wins.
 */
const SCRIPT_DATE_KEYS =
  /["'](?:datePublished|publishedAt|published_at|publishDate|publishedDate|publish_date|pubDate|firstPublishedAt|first_published_at|dateCreated|createdAt|created_at)["']\s*:\s*["']([^"']{8,40})["']/;

export function scriptDate(html: string): Candidate<string> | null {
  const m = SCRIPT_DATE_KEYS.exec(html);
  if (!m) return null;
  const value = normalizeDate(m[1]);
  return value ? { value, rule: 'script.date-key' } : null;
}

/** Class or id words of the containers whose <time> elements are never the article's (reader comments). */
const COMMENT_NAME = /(?:^|\s)comment|(?:^|\s)repl(?:y|ies)/i;

/**
 * The very last resort: the first `<time datetime>` anywhere outside reader comments, teasers and sidebars
 * included. Read only when nothing else on the page gives a date, where a page's only date sits in a box
 * styled like a sidebar.
 */
export function anyTimeElementDate(page: ParsedPage): Candidate<string> | null {
  for (const element of page.elements) {
    if (element.tag !== 'time' || !element.attrs.datetime) continue;
    const value = normalizeDate(element.attrs.datetime);
    if (!value) continue;
    let inComments = false;
    for (let outer = element.parent; outer && !inComments; outer = outer.parent) {
      inComments = COMMENT_NAME.test(`${outer.attrs.class ?? ''} ${outer.attrs.id ?? ''}`);
    }
    if (!inComments) return { value, rule: 'html.time-any' };
  }
  return null;
}

/** A date written in the page's title ("Report of 22.04.2020"): the day the page is about, often its own. */
export function titleDate(titles: Candidate<string>[], monthFirst: boolean): Candidate<string> | null {
  for (const title of titles) {
    const found = findWrittenDate(title.value, monthFirst);
    if (found) return { value: found.value, rule: `${title.rule}.date` };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------
// Choosing

const dayNumber = (iso: string): number => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;

/** Whether a date-time is stated in UTC (`Z` or `+00:00`): its day may be the next one in the publisher's zone. */
function isUtc(value: string): boolean {
  return /T\d{2}:\d{2}(?::\d{2})?[+-]00:00$/.test(value);
}

export interface DateChoice {
  value: IsoDate;
  rule: string;
}

/**
 * Picks the publication date: the first candidate (they come most trusted first) that normalises, unless
 * the URL names a day, in which case a UTC timestamp one day off gives way to the URL's day, and a candidate
 * agreeing with the URL's year and month is preferred over one that does not. Candidates are normalised as the
 * choice reads them, so deferred last resorts run only when no earlier candidate gives a date.
 */
export function choosePublished(candidates: Candidate<string>[], urlDay: IsoDate | null, urlMonth: string | null): DateChoice | null {
  const cache = new Map<number, DateChoice | null>();
  const at = (index: number): DateChoice | null => {
    if (!cache.has(index)) {
      const candidate = candidates[index];
      const value = normalizeDate(candidate.value);
      cache.set(index, value ? { value, rule: candidate.rule } : null);
    }
    return cache.get(index) ?? null;
  };
  let first: DateChoice | null = null;
  for (let i = 0; i < candidates.length && !first; i++) first = at(i);
  if (urlDay) {
    if (!first) return { value: urlDay, rule: 'url.path' };
    const apart = Math.abs(dayNumber(first.value) - dayNumber(urlDay));
    if (apart === 0) return first;
    if (apart <= URL_DAY_TOLERANCE_DAYS && (isUtc(first.value) || !first.value.includes('T'))) {
      return { value: urlDay, rule: `url.path+${first.rule}` };
    }
    if (first.rule.startsWith('html.') || first.rule.startsWith('text.')) return { value: urlDay, rule: 'url.path' };
    return first;
  }
  // A UTC timestamp one day off a date the page shows its readers: the shown day is the publisher's local day.
  if (first && isUtc(first.value)) {
    for (let i = 0; i < candidates.length; i++) {
      if (candidates[i].deferred) continue;
      const shown = at(i);
      if (!shown || isUtc(shown.value) || !(shown.rule.startsWith('html.time') || shown.rule.startsWith('html.date-published'))) continue;
      if (Math.abs(dayNumber(shown.value) - dayNumber(first.value)) === 1) return { value: shown.value, rule: `${shown.rule}+${first.rule}` };
      break;
    }
  }
  if (urlMonth && first && !first.value.startsWith(urlMonth)) {
    for (let i = 0; i < candidates.length; i++) {
      const agreeing = at(i);
      if (agreeing?.value.startsWith(urlMonth)) return { value: agreeing.value, rule: `${agreeing.rule}+url.month` };
    }
  }
  return first;
}
