/**
 * Main text of an HTML page by scoring, in the manner of readability and trafilatura:
 *
 *   1. mark boilerplate subtrees (by tag, hidden attributes, ARIA role, class/id vocabulary), sparing a
 *      container that holds most of the page's paragraph prose;
 *   2. count text, link text, commas and clean paragraph text of every element bottom-up, once;
 *   3. score paragraphs (length, commas, link density, boilerplate vocabulary) into their parent,
 *      grandparent and great-grandparent; take the best container (discounted by its link density), widen
 *      it to an ancestor when the article is split over wrappers, and add siblings that score well;
 *   4. write its blocks out as paragraphs, dropping link lists, captions and boilerplate lines.
 *
 * Fallback sequence (each step runs only when the previous one under-delivered; all give the same shape):
 * `html.scored` -> `html.fallback` (every kept paragraph of the page) -> the same two steps with tag rules
 * only (`html.lenient-*`, for articles inside an <aside> or a page wrapped in a <form>). Pages too large
 * for scoring get the simple pass (`html.simple`) straight away.
 *
 * Every walk is iterative, per-element numbers live in typed arrays indexed by document order, and the
 * deadline is checked in each loop.
 */
import { MIN_ARTICLE_CHARS } from './constants.ts';
import type { Deadline } from './deadline.ts';
import { collapseSpace, detached, textOf, type HtmlElement, type ParsedPage } from './dom.ts';
import {
  ANCESTOR_SHARES, BYLINE_HEAD_PARAGRAPHS, BYLINE_LINE, DATELINE_WORDS, MAX_BYLINE_LINE_CHARS, MAX_CAPTION_LINE_CHARS, ARTICLE_BODY_ITEMPROPS, ARTICLE_WRAPPER_CLASS_NAMES, ARTICLE_BODY_WEIGHT, BLOCK_TAGS, BOILERPLATE_CLASS_PREFIXES,
  BOILERPLATE_CLASS_SUFFIXES, BOILERPLATE_CLASS_WORDS, BOILERPLATE_PARAGRAPH_FACTOR, BOILERPLATE_PREFIX_EXCEPTIONS,
  BOILERPLATE_ROLES, CAPTION_LINE_PATTERNS, CHARS_PER_POINT, CLASS_WEIGHT, CLIMB_CLEAN_PROSE_SHARE, CLIMB_MAX_LINK_DENSITY, CLIMB_MIN_CLEAN_PROSE_CHARS, CLIMB_MIN_GAIN, CLIMB_MIN_PROSE_SHARE,
  CONTENT_CLASS_WORDS, DROPPED_TAGS, FURNITURE_LINES, HEADING_TAGS, HIGH_BAR_CLASS_WORDS, HIDDEN_CLASS_NAMES, LEAD_MAX_ELEMENTS, LEAD_MAX_LINK_DENSITY, LEAD_MIN_CHARS, LINKY_PARAGRAPH_MIN_CHARS,
  MAX_ELEMENTS_FOR_SCORING, MAX_LEAD_IN_CHARS, MAX_LENGTH_POINTS, MAX_TRAILING_ORPHANS, MAX_OUTPUT_CHARS, MAX_PARAGRAPH_LINK_DENSITY, MAX_PARAGRAPH_NODES, MIN_MAIN_TEXT_CHARS,
  MIN_SCORED_PARAGRAPH_CHARS, PARAGRAPH_TAGS, POSITIVE_CLASS_WORDS, PROTECTED_TAGS, PROTECT_MAX_LINK_DENSITY,
  PROTECT_HIDDEN_PROSE_SHARE, PROTECT_PROSE_SHARE, SIBLING_MAX_LINK_DENSITY, SIBLING_MIN_PARAGRAPH_CHARS, SIBLING_SCORE_SHARE,
  SOFT_DROPPED_TAGS, STATE_CLASS_PREFIXES, TAG_BASE_SCORE, UNPROTECTED_CLASS_WORDS, WEAK_BOILERPLATE_CLASS_WORDS,
} from './html-constants.ts';
import { isBoilerplateKeyedLine, isBoilerplateLine, isCaption, joinPatterns, lineKey, MAX_SET_LINE_CHARS, matchesAny } from './vocabulary.ts';

export interface HtmlText {
  text: string;
  /** Which step produced the text: `html.scored`, `html.fallback`, `html.lenient-scored`, ... */
  rule: string;
  /**
   * No rule but the hard tag rules (scripts, navigation, forms) removed anything from the page. A short text is
   * then all the article the page has (a one-line page), not what is left of an index page once its
   * boilerplate went.
   */
  wholePage: boolean;
}

/**
 * `strict`: drop by tag (hard and soft), hidden attributes, role and class/id vocabulary.
 * `lenient`: drop by hard tag and hidden attributes only.
 */
type DropMode = 'strict' | 'lenient';

/** Receives a line per decision worth explaining (class drops, the chosen container), for tuning. */
export type DebugSink = (line: string) => void;

// ---------------------------------------------------------------------------------------------------
// Class and id vocabulary

interface ClassVerdict {
  boilerplate: boolean;
  hidden: boolean;
  /** Boilerplate that the prose-share protection never spares (comments). */
  unprotected: boolean;
  /** Boilerplate spared only at the higher share (footers, newsletter boxes). */
  highBar: boolean;
  /** Content words found (`article-body`, `entry-content`): each adds CLASS_WEIGHT to a container's score. */
  positive: number;
}

const NEUTRAL: ClassVerdict = { boilerplate: false, hidden: false, unprotected: false, highBar: false, positive: 0 };

/**
 * What one class name (or id) says, packed in a small integer (the NAME_* bits, and the number of content
 * words found, such as `article-body`, from bit NAME_POSITIVE_SHIFT on); cached per name across pages, since
 * sites share most names. A number, not an object: the cache holds hundreds of thousands of readings over a
 * batch, and numbers cost the garbage collector nothing to keep.
 */
type NameWords = number;

const NAME_STRONG = 1;
const NAME_WEAK = 2;
const NAME_CONTENT = 4;
const NAME_HIDDEN = 8;
const NAME_UNPROTECTED = 16;
/** Boilerplate spared only at the higher share (footers, newsletter boxes). */
const NAME_HIGH_BAR = 32;
/** A name that lists the article's tags and categories (`hentry`): the element is an article wrapper. */
const NAME_ARTICLE_WRAPPER = 64;
const NAME_POSITIVE_SHIFT = 8;

const nameCache = new Map<string, NameWords>();
/** The name cache is emptied past this many entries, so a long batch of unrelated sites cannot grow it without bound. */
const MAX_CACHED_NAMES = 50_000;

function matchesBoilerplateWord(word: string): boolean {
  if (BOILERPLATE_CLASS_WORDS.has(word)) return true;
  if (word.length < 6 || BOILERPLATE_PREFIX_EXCEPTIONS.has(word)) return false;
  for (const prefix of BOILERPLATE_CLASS_PREFIXES) if (word.startsWith(prefix)) return true;
  for (const suffix of BOILERPLATE_CLASS_SUFFIXES) if (word.length > suffix.length + 2 && word.endsWith(suffix)) return true;
  return false;
}

function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

/** Lowercase words of a class name: split on non-letters and camel case (`relatedPosts-2` -> related, posts). */
function classNameWords(name: string): string[] {
  const lower = name.toLowerCase();
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= name.length; i++) {
    const c = i < name.length ? name.charCodeAt(i) : 0;
    const letter = isLower(c) || isUpper(c);
    if (start >= 0 && (!letter || (isUpper(c) && isLower(name.charCodeAt(i - 1))))) {
      words.push(lower.slice(start, i));
      start = -1;
    }
    if (letter && start < 0) start = i;
  }
  return words;
}

function hasDigit(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/**
 * Reads one class name (or an id): `Layout--sidebarPosition-end` -> the block `Layout` only. Digits never
 * change the reading, so `post-27529` is cached as `post-`: unique ids do not fill the cache.
 */
function readClassName(raw: string): NameWords {
  // Most names have no digit and are cached as written: looked up before the digit scan.
  const cachedAsWritten = nameCache.get(raw);
  if (cachedAsWritten !== undefined) return cachedAsWritten;
  const key = hasDigit(raw) ? raw.replace(/[0-9]+/g, '') : raw;
  const cached = key === raw ? undefined : nameCache.get(key);
  if (cached !== undefined) return cached;
  let words: NameWords = 0;
  const lower = key.toLowerCase();
  if (HIDDEN_CLASS_NAMES.has(lower)) words |= NAME_HIDDEN;
  else if (ARTICLE_WRAPPER_CLASS_NAMES.has(lower)) words |= NAME_ARTICLE_WRAPPER;
  else if (!STATE_CLASS_PREFIXES.some((prefix) => lower.startsWith(prefix))) {
    // A BEM modifier (`block--modifier`) describes the block's look, not what it holds.
    const modifier = key.indexOf('--');
    let positive = 0;
    for (const word of classNameWords(modifier > 0 ? key.slice(0, modifier) : key)) {
      if (matchesBoilerplateWord(word)) words |= NAME_STRONG;
      else if (WEAK_BOILERPLATE_CLASS_WORDS.has(word)) words |= NAME_WEAK;
      if (UNPROTECTED_CLASS_WORDS.has(word)) words |= NAME_UNPROTECTED;
      if (HIGH_BAR_CLASS_WORDS.has(word)) words |= NAME_HIGH_BAR;
      if (CONTENT_CLASS_WORDS.has(word)) words |= NAME_CONTENT;
      if (POSITIVE_CLASS_WORDS.has(word)) positive++;
    }
    words |= positive << NAME_POSITIVE_SHIFT;
  }
  if (nameCache.size >= MAX_CACHED_NAMES) nameCache.clear();
  nameCache.set(detached(key), words);
  return words;
}

const CLASS_SEPARATOR = /\s+/;

/**
 * The verdict on an element's class names and id: boilerplate when a strong word appears, or a weak word
 * with no content word anywhere in them (`widget Blog` stays, `widget` alone goes). A publishing system's
 * article wrapper lists the article's tags and categories as class names (`hentry tag-comments`): they
 * say nothing about the wrapper. `pageCache` holds the verdicts of the class strings already seen on the page.
 */
function classVerdict(element: HtmlElement, pageCache: Map<string, ClassVerdict>): ClassVerdict {
  const cls = element.attrs.class;
  const id = element.attrs.id;
  if (!cls && !id) return NEUTRAL;
  // Most elements have a class and no id: their verdicts are cached by the class string alone.
  const key = cls ?? '';
  let verdict = id ? undefined : pageCache.get(key);
  if (verdict) return verdict;
  verdict = { boilerplate: false, hidden: false, unprotected: false, highBar: false, positive: 0 };
  let strong = false;
  let weak = false;
  let content = false;
  let wrapper = false;
  const names = cls ? cls.split(CLASS_SEPARATOR) : [];
  if (id) names.push(id);
  for (const name of names) {
    if (name === '') continue;
    const words = readClassName(name);
    strong ||= (words & NAME_STRONG) !== 0;
    weak ||= (words & NAME_WEAK) !== 0;
    content ||= (words & NAME_CONTENT) !== 0;
    wrapper ||= (words & NAME_ARTICLE_WRAPPER) !== 0;
    verdict.hidden ||= (words & NAME_HIDDEN) !== 0;
    verdict.unprotected ||= (words & NAME_UNPROTECTED) !== 0;
    verdict.highBar ||= (words & NAME_HIGH_BAR) !== 0;
    verdict.positive += words >> NAME_POSITIVE_SHIFT;
  }
  if (wrapper) {
    verdict = { boilerplate: false, hidden: verdict.hidden, unprotected: false, highBar: false, positive: 1 };
  } else {
    verdict.boilerplate = strong || (weak && !content);
  }
  if (!id) pageCache.set(key, verdict);
  return verdict;
}

function isHidden(element: HtmlElement): boolean {
  const { attrs } = element;
  if (attrs.hidden !== undefined) return true;
  const ariaHidden = attrs['aria-hidden'];
  if (ariaHidden !== undefined && ariaHidden.toLowerCase() === 'true') return true;
  const style = attrs.style;
  return style !== undefined && (style.includes('none') || style.includes('hidden')) && /(display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

function isArticleBody(element: HtmlElement): boolean {
  const itemprop = element.attrs.itemprop;
  return itemprop !== undefined && ARTICLE_BODY_ITEMPROPS.has(itemprop.toLowerCase());
}

/** Boilerplate by role or class/id (the tag rules are applied apart). */
function isBoilerplateElement(element: HtmlElement, verdict: ClassVerdict): boolean {
  if (PROTECTED_TAGS.has(element.tag) || isArticleBody(element)) return false;
  const role = element.attrs.role;
  if (role !== undefined && BOILERPLATE_ROLES.has(role.toLowerCase())) return true;
  return verdict.boilerplate;
}

// ---------------------------------------------------------------------------------------------------
// Counting

function countNonSpace(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 && c !== 160) n++;
  }
  return n;
}

/** Non-space characters and commas of a text in one pass; the commas go to `commaCount[0]`. */
function countTextAndCommas(text: string, commaCount: Int32Array): number {
  let n = 0;
  let commas = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 && c !== 160) {
      n++;
      // , ， 、 ،
      if (c === 44 || c === 0xff0c || c === 0x3001 || c === 0x060c) commas++;
    }
  }
  commaCount[0] = commas;
  return n;
}

/** Numbers of the page that do not depend on the drop mode, computed once. */
interface RawCounts {
  /** Non-space characters of the element's own text nodes. */
  ownChars: Int32Array;
  ownCommas: Int32Array;
  /** Subtree text and link text without the hard-dropped tags (before any class rule). */
  text: Int32Array;
  links: Int32Array;
  /** Subtree text inside <p>/<pre> that is not link text: the page's prose, before any class rule. */
  prose: Int32Array;
  /** Whether the element has a block-level child. */
  blockChild: Uint8Array;
  /** What each element's class names and id say, read on first use (see verdictOf). */
  verdicts: Array<ClassVerdict | undefined>;
  /** Verdicts per class string already read on this page. */
  pageCache: Map<string, ClassVerdict>;
}

/** The element's class verdict, read once per element and only for elements a pass reaches. */
function verdictOf(raw: RawCounts, element: HtmlElement): ClassVerdict {
  return (raw.verdicts[element.order] ??= classVerdict(element, raw.pageCache));
}

/** Per-element numbers of one pass (strict or lenient), indexed by element order. */
interface PassStats {
  dropped: Uint8Array;
  text: Int32Array;
  links: Int32Array;
  commas: Int32Array;
  /** Text in clean paragraphs (scored, mostly not links) in the subtree. */
  prose: Int32Array;
  /** Content score; NaN when the element never received one. */
  score: Float64Array;
}

// Per-element arrays are reused from page to page: the stage reads one page at a time (per thread) and no array
// outlives extractHtmlText. Each page gets zeroed views of the length it needs; a page past MAX_POOLED_ELEMENTS
// gets arrays of its own, so one huge page does not keep megabytes alive.
const MAX_POOLED_ELEMENTS = 20_000;
const int32Pool: Int32Array[] = [];
const uint8Pool: Uint8Array[] = [];
const float64Pool: Float64Array[] = [];

/** Slots of the pools: the page's raw counts, then the strict and the lenient pass (both alive at once). */
const RAW_SLOT = 0;
const PASS_SLOT: Record<DropMode, number> = { strict: 1, lenient: 2 };
/** Int32 arrays per slot (raw counts need five, a pass four). */
const INT32_PER_SLOT = 5;

type ElementArray = Int32Array | Uint8Array | Float64Array;

/** A view of `count` elements, each set to `value`, on the pool's array for `slot` (grown when too short). */
function pooled<T extends ElementArray>(pool: T[], create: (length: number) => T, slot: number, count: number, value: number): T {
  if (count > MAX_POOLED_ELEMENTS) return create(count).fill(value) as T;
  let buffer = pool[slot];
  if (buffer === undefined || buffer.length < count) buffer = pool[slot] = create(Math.max(count, buffer ? buffer.length * 2 : 0));
  const view = buffer.subarray(0, count) as T;
  view.fill(value);
  return view;
}

const pooledInt32 = (slot: number, count: number): Int32Array => pooled(int32Pool, (length) => new Int32Array(length), slot, count, 0);
const pooledUint8 = (slot: number, count: number): Uint8Array => pooled(uint8Pool, (length) => new Uint8Array(length), slot, count, 0);
const pooledFloat64 = (slot: number, count: number, value: number): Float64Array =>
  pooled(float64Pool, (length) => new Float64Array(length), slot, count, value);

/** countTextAndCommas's second result. */
const commaCount = new Int32Array(1);

function rawCounts(page: ParsedPage, deadline: Deadline): RawCounts {
  const { elements } = page;
  const count = elements.length;
  const base = RAW_SLOT * INT32_PER_SLOT;
  const counts: RawCounts = {
    ownChars: pooledInt32(base, count), ownCommas: pooledInt32(base + 1, count), text: pooledInt32(base + 2, count),
    links: pooledInt32(base + 3, count), prose: pooledInt32(base + 4, count), blockChild: pooledUint8(RAW_SLOT, count),
    verdicts: new Array<ClassVerdict | undefined>(count), pageCache: new Map(),
  };
  const { ownChars, ownCommas, text, links, prose, blockChild } = counts;
  for (let i = count - 1; i >= 0; i--) {
    deadline.tick();
    const element = elements[i];
    // Hard-dropped elements (scripts, the head, forms controls) never count: skip reading their text.
    if (DROPPED_TAGS.has(element.tag)) continue;
    let own = 0;
    let commas = 0;
    let subtree = 0;
    let linked = 0;
    let proseChars = 0;
    // An index loop: for-of over the children (shared frozen empty arrays among them) allocates an iterator step.
    const children = element.children;
    for (let k = 0; k < children.length; k++) {
      const child = children[k];
      if (typeof child === 'string') {
        // The parser shares one ' ' for the white space between tags: most text nodes, nothing to count.
        if (child === ' ') continue;
        own += countTextAndCommas(child, commaCount);
        commas += commaCount[0];
      } else {
        if (BLOCK_TAGS.has(child.tag)) blockChild[i] = 1;
        subtree += text[child.order];
        linked += links[child.order];
        proseChars += prose[child.order];
      }
    }
    ownChars[i] = own;
    ownCommas[i] = commas;
    text[i] = subtree + own;
    links[i] = element.tag === 'a' ? subtree + own : linked;
    // Text written straight into a div (`<div>Line one<br>Line two</div>`) is prose as much as a <p>.
    const ownProse = element.tag !== 'a' && own >= MIN_SCORED_PARAGRAPH_CHARS ? own : 0;
    prose[i] = element.tag === 'p' || element.tag === 'pre' ? text[i] - links[i] : proseChars + ownProse;
  }
  return counts;
}

function computePass(page: ParsedPage, raw: RawCounts, mode: DropMode, deadline: Deadline, debug?: DebugSink): PassStats {
  const { elements } = page;
  const count = elements.length;
  const slot = PASS_SLOT[mode];
  const base = slot * INT32_PER_SLOT;
  const stats: PassStats = {
    dropped: pooledUint8(slot, count), text: pooledInt32(base, count), links: pooledInt32(base + 1, count),
    commas: pooledInt32(base + 2, count), prose: pooledInt32(base + 3, count), score: pooledFloat64(slot, count, Number.NaN),
  };
  const { dropped, text, links, commas, prose } = stats;
  const pageProse = Math.max(1, raw.prose[0]);

  // Dropped flags, parents before children (document order).
  // A container that holds most of the page's prose is spared by every rule but the hard tags: the
  // article wrapped in a <header>, in a `hidden` block revealed by a script, or in `c-layout-sidebar-left`.
  const holdsArticle = (i: number, share: number): boolean =>
    raw.prose[i] / pageProse >= share && raw.links[i] / Math.max(1, raw.text[i]) <= PROTECT_MAX_LINK_DENSITY;
  for (let i = 1; i < count; i++) {
    deadline.tick();
    const element = elements[i];
    const parent = element.parent as HtmlElement;
    if (dropped[parent.order]) {
      dropped[i] = 1;
      continue;
    }
    const { tag } = element;
    if (DROPPED_TAGS.has(tag)) {
      dropped[i] = 1;
      continue;
    }
    let reason: string | null = null;
    if (isHidden(element)) reason = 'hidden';
    else if (mode === 'lenient') continue;
    else if (SOFT_DROPPED_TAGS.has(tag)) reason = 'tag';
    else if (verdictOf(raw, element).hidden) reason = 'hidden class';
    else if (isBoilerplateElement(element, verdictOf(raw, element))) reason = 'class';
    if (reason === null) continue;
    const verdict = verdictOf(raw, element);
    const lowBar = reason === 'class' && !verdict.highBar;
    const spared = !verdict.unprotected && holdsArticle(i, lowBar ? PROTECT_PROSE_SHARE : PROTECT_HIDDEN_PROSE_SHARE);
    if (!spared) dropped[i] = 1;
    if (debug && raw.text[i] > 0) {
      debug(`${spared ? 'kept' : 'dropped'} by ${reason}: <${tag} class="${element.attrs.class ?? ''}" id="${element.attrs.id ?? ''}"> text ${raw.text[i]} prose ${raw.prose[i]}/${raw.prose[0]}`);
    }
  }

  // Kept counts and clean paragraph text, children before parents.
  for (let i = count - 1; i >= 0; i--) {
    deadline.tick();
    if (dropped[i]) continue;
    const element = elements[i];
    let subtree = raw.ownChars[i];
    let linked = 0;
    let commaCount = raw.ownCommas[i];
    let proseChars = 0;
    const children = element.children;
    for (let k = 0; k < children.length; k++) {
      const child = children[k];
      if (typeof child === 'string') continue;
      const c = child.order;
      if (dropped[c]) continue;
      subtree += text[c];
      linked += links[c];
      commaCount += commas[c];
      proseChars += prose[c];
    }
    text[i] = subtree;
    links[i] = element.tag === 'a' ? subtree : linked;
    commas[i] = commaCount;
    prose[i] = isScoredParagraph(element, raw, stats) && linkDensity(stats, i) <= MAX_PARAGRAPH_LINK_DENSITY ? subtree : proseChars;
  }
  return stats;
}

function linkDensity(stats: PassStats, i: number): number {
  const text = stats.text[i];
  return text === 0 ? 0 : stats.links[i] / text;
}

function isScoredParagraph(element: HtmlElement, raw: RawCounts, stats: PassStats): boolean {
  const i = element.order;
  if (stats.dropped[i] || stats.text[i] < MIN_SCORED_PARAGRAPH_CHARS) return false;
  const { tag } = element;
  if (tag === 'p' || tag === 'pre') return true;
  if (PARAGRAPH_TAGS.has(tag)) return raw.blockChild[i] === 0;
  // A div or section with text of its own is a paragraph written without <p>.
  return (tag === 'div' || tag === 'section' || tag === 'span' || tag === 'font') && raw.ownChars[i] >= MIN_SCORED_PARAGRAPH_CHARS;
}

// ---------------------------------------------------------------------------------------------------
// Scoring and selection

function initialScore(element: HtmlElement, raw: RawCounts): number {
  let score = TAG_BASE_SCORE[element.tag] ?? 0;
  score += Math.min(verdictOf(raw, element).positive, 1) * CLASS_WEIGHT;
  if (isArticleBody(element)) score += ARTICLE_BODY_WEIGHT;
  return score;
}

/** Scores paragraphs into their ancestors; returns the best container or null. */
function bestContainer(page: ParsedPage, raw: RawCounts, stats: PassStats, deadline: Deadline): HtmlElement | null {
  const { elements } = page;
  const { score } = stats;
  const candidates: HtmlElement[] = [];
  for (const element of elements) {
    deadline.tick();
    if (!isScoredParagraph(element, raw, stats)) continue;
    const i = element.order;
    const chars = stats.text[i];
    let points = 1 + stats.commas[i] + Math.min(chars / CHARS_PER_POINT, MAX_LENGTH_POINTS);
    points *= 1 - linkDensity(stats, i);
    if (chars < LINKY_PARAGRAPH_MIN_CHARS) {
      const text = collapseSpace(textOf(element, LINKY_PARAGRAPH_MIN_CHARS * 2, MAX_PARAGRAPH_NODES));
      if (isBoilerplateLine(text) || isCaption(text)) points *= BOILERPLATE_PARAGRAPH_FACTOR;
    }
    let ancestor = element.parent;
    for (const share of ANCESTOR_SHARES) {
      if (!ancestor || ancestor.tag === '#root') break;
      const a = ancestor.order;
      if (Number.isNaN(score[a])) {
        score[a] = initialScore(ancestor, raw);
        candidates.push(ancestor);
      }
      score[a] += points * share;
      ancestor = ancestor.parent;
    }
  }
  let best: HtmlElement | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const candidate of candidates) {
    const c = candidate.order;
    const finalScore = score[c] * (1 - linkDensity(stats, c));
    score[c] = finalScore;
    if (finalScore > bestScore) {
      bestScore = finalScore;
      best = candidate;
    }
  }
  return best;
}

/**
 * Climbs from the best container to an ancestor that holds clearly more clean paragraph text, as long as
 * the ancestors on the way are mostly paragraph prose and not links: an article split over several
 * wrappers (`<section><div><p>` repeated between image blocks) is taken whole.
 */
function widenContainer(best: HtmlElement, stats: PassStats, deadline: Deadline, headlineOrder: number, debug?: DebugSink): HtmlElement {
  let chosen = best;
  if (isArticleBody(best)) return best;
  // Prose and text the ancestors climbed so far hold before the chosen container (its lead, if any).
  let leadProse = 0;
  let leadText = 0;
  let below = best;
  for (let ancestor = best.parent; ancestor && ancestor.tag !== '#root'; below = ancestor, ancestor = ancestor.parent) {
    deadline.tick();
    const a = ancestor.order;
    const text = stats.text[a];
    if (text === 0) break;
    if (debug) debug(`climb <${ancestor.tag} class="${ancestor.attrs.class ?? ''}"> text ${text} prose ${stats.prose[a]} links ${stats.links[a]} (chosen prose ${stats.prose[chosen.order]})`);
    if (stats.prose[a] / text < CLIMB_MIN_PROSE_SHARE || linkDensity(stats, a) > CLIMB_MAX_LINK_DENSITY) break;
    for (const sibling of ancestor.children) {
      if (sibling === below) break;
      if (typeof sibling === 'string' || stats.dropped[sibling.order]) continue;
      // A lead follows the headline: what ends before it is the masthead (a site's tagline), not the story.
      if (sibling.lastOrder < headlineOrder) continue;
      leadProse += stats.prose[sibling.order];
      leadText += stats.text[sibling.order];
    }
    // A story's first paragraphs set apart from the rest by a photo or a share bar: a small gain, but clean
    // enough to take. What follows an article (notes, notices, more links) is not taken so.
    const cleanLead = leadProse >= CLIMB_MIN_CLEAN_PROSE_CHARS && leadProse >= leadText * CLIMB_CLEAN_PROSE_SHARE;
    if (stats.prose[a] >= stats.prose[chosen.order] * (1 + CLIMB_MIN_GAIN) || cleanLead) {
      chosen = ancestor;
      leadProse = 0;
      leadText = 0;
    }
    // The publisher marked the body: never climb past it.
    if (isArticleBody(ancestor)) break;
  }
  return chosen;
}

const SENTENCE_END = /[.!?…]["”’»)]?\s*$/;
/** A line that announces what follows it (`Mehr zum Thema:`, `Read more:`). */
const LEAD_IN_END = /:\s*$/;

/** The best container plus its siblings that belong to the article. */
function selectContent(best: HtmlElement, stats: PassStats): HtmlElement[] {
  const parent = best.parent;
  if (!parent) return [best];
  const bestScore = Number.isNaN(stats.score[best.order]) ? 0 : stats.score[best.order];
  const threshold = Math.max(10, bestScore * SIBLING_SCORE_SHARE);
  const selected: HtmlElement[] = [];
  for (const sibling of parent.children) {
    if (typeof sibling === 'string') continue;
    if (sibling === best) {
      selected.push(sibling);
      continue;
    }
    const s = sibling.order;
    if (stats.dropped[s] || stats.text[s] === 0) continue;
    if (!Number.isNaN(stats.score[s]) && stats.score[s] >= threshold) {
      selected.push(sibling);
      continue;
    }
    // A div written as one paragraph (text straight inside it, no <p>) is read like a <p>.
    if (sibling.tag === 'p' || (sibling.tag === 'div' && stats.prose[s] === stats.text[s])) {
      const density = linkDensity(stats, s);
      if (stats.text[s] >= SIBLING_MIN_PARAGRAPH_CHARS && density < SIBLING_MAX_LINK_DENSITY) selected.push(sibling);
      else if (density === 0 && SENTENCE_END.test(textOf(sibling, Number.POSITIVE_INFINITY, MAX_PARAGRAPH_NODES))) selected.push(sibling);
    }
  }
  return selected;
}

/**
 * Every kept `itemprop="articleBody"` element not inside another, in document order: when the best container
 * is one the publisher marked, the marked parts are the article (split into sections around a photo or an
 * advertisement) and their siblings are teasers and furniture.
 */
function articleBodies(page: ParsedPage, stats: PassStats): HtmlElement[] {
  const found: HtmlElement[] = [];
  let insideUntil = -1;
  for (const element of page.elements) {
    if (element.order <= insideUntil || stats.dropped[element.order] || !isArticleBody(element)) continue;
    found.push(element);
    insideUntil = element.lastOrder;
  }
  return found;
}

/** Order of the last <h1> before element `order` (the page's headline for a container there), or -1. */
function headlineBefore(page: ParsedPage, order: number): number {
  for (let i = order - 1; i > 0; i--) if (page.elements[i].tag === 'h1') return i;
  return -1;
}

/** Tags of pictures: a paragraph beside one in the same box is its caption. */
const MEDIA_TAGS = new Set(['img', 'picture', 'figure', 'video', 'svg']);

function besideMedia(element: HtmlElement): boolean {
  return element.parent?.children.some((child) => typeof child !== 'string' && MEDIA_TAGS.has(child.tag)) ?? false;
}

/** Whether an element sits in a subtree no rule may keep: a hard-dropped tag, a hidden block, comments. */
function isHardDropped(element: HtmlElement, raw: RawCounts, stopAt: HtmlElement): boolean {
  for (let node: HtmlElement | null = element; node && node !== stopAt; node = node.parent) {
    if (DROPPED_TAGS.has(node.tag) || isHidden(node) || verdictOf(raw, node).hidden || verdictOf(raw, node).unprotected) return true;
  }
  return false;
}

/**
 * The standfirst: paragraphs between the page's <h1> and the first paragraph of the chosen text (`<p
 * class="intro">` under the headline, often in a <header> or a teaser-classed box the strict rules dropped).
 * Only prose paragraphs of LEAD_MIN_CHARS or more with few links count, and only when the headline is at most
 * LEAD_MAX_ELEMENTS elements before the text: further away it is another block's headline.
 */
function leadParagraphs(page: ParsedPage, raw: RawCounts, stats: PassStats, roots: HtmlElement[]): string[] {
  if (roots.length === 0) return [];
  const { elements } = page;
  const rootEnd = roots[roots.length - 1].lastOrder;
  let first = -1;
  for (let i = roots[0].order; i <= rootEnd; i++) {
    const { tag } = elements[i];
    if (!stats.dropped[i] && (tag === 'p' || tag === 'pre') && stats.prose[i] >= MIN_SCORED_PARAGRAPH_CHARS) {
      first = i;
      break;
    }
  }
  if (first < 0) return [];
  let headline: HtmlElement | null = null;
  for (let i = first - 1; i > 0 && i >= first - LEAD_MAX_ELEMENTS; i--) {
    if (elements[i].tag === 'h1') {
      headline = elements[i];
      break;
    }
  }
  if (!headline) return [];
  // Their closest common ancestor bounds the walk up from each candidate.
  let common: HtmlElement | null = headline.parent;
  while (common && common.lastOrder < first) common = common.parent;
  if (!common) return [];
  const lead: string[] = [];
  const inRoots = (i: number): boolean => roots.some((root) => root.order <= i && i <= root.lastOrder);
  for (let i = headline.lastOrder + 1; i < first; i++) {
    const element = elements[i];
    // A <p>, or a div written as one paragraph (`<div class="intro">text</div>`).
    const paragraph = element.tag === 'p' || (element.tag === 'div' && raw.blockChild[i] === 0 && raw.ownChars[i] >= LEAD_MIN_CHARS);
    if (!paragraph || (!stats.dropped[i] && inRoots(i))) continue;
    const chars = raw.text[i];
    if (chars < LEAD_MIN_CHARS || raw.links[i] > chars * LEAD_MAX_LINK_DENSITY) continue;
    if (isHardDropped(element, raw, common) || besideMedia(element)) continue;
    const text = collapseSpace(textOf(element, Number.POSITIVE_INFINITY, MAX_PARAGRAPH_NODES));
    if (isBoilerplateLine(text) || isCaption(text)) continue;
    lead.push(text);
  }
  return lead;
}

// ---------------------------------------------------------------------------------------------------
// Output

interface Paragraph {
  text: string;
  linkChars: number;
  /** Heading level (1 for <h1> ... 6), 0 for any other block. */
  heading: number;
  /** Inside <pre>: lines and spacing are kept as written. */
  pre: boolean;
}

const EDGE_BREAKS = /^\n+|\s+$/g;
const NON_SPACE = /\S/;

/** Runs of inline white space that are not already one plain space (a lone ' ' is left alone: no copy). */
const INLINE_SPACE = /[\t\f\r\u00a0\u2009\u200a\u202f][ \t\f\r\u00a0\u2009\u200a\u202f]*| [ \t\f\r\u00a0\u2009\u200a\u202f]+/g;
/** A space on either side of a line break (a bare break is left alone: no copy). */
const SPACE_AROUND_BREAK = / \n ?|\n /g;
const REPEATED_BREAKS = /\n{2,}/g;

/** Writes the kept blocks under the given roots out as paragraphs (iterative walk). */
function paragraphsOf(roots: HtmlElement[], dropped: Uint8Array, deadline: Deadline): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let parts: string[] = [];
  let bufferLinks = 0;
  let heading = 0;
  let preDepth = 0;
  let bufferPre = false;
  let written = 0;
  const flush = (): void => {
    if (parts.length > 0) {
      const joinedParts = parts.join('');
      let text: string;
      if (bufferPre) text = joinedParts.replace(EDGE_BREAKS, '');
      else {
        text = joinedParts.replace(INLINE_SPACE, ' ');
        // Most paragraphs have no line break: skip the two passes that tidy them.
        if (text.indexOf('\n') >= 0) text = text.replace(SPACE_AROUND_BREAK, '\n').replace(REPEATED_BREAKS, '\n');
        text = text.trim();
      }
      if (NON_SPACE.test(text)) paragraphs.push({ text, linkChars: bufferLinks, heading, pre: bufferPre });
      parts = [];
    }
    bufferPre = false;
    bufferLinks = 0;
    heading = 0;
  };
  // Stack entries: an element to open, a string to write, or a marker closing a block / link.
  type Step = HtmlElement | string | { close: HtmlElement };
  let linkDepth = 0;
  for (const root of roots) {
    if (written >= MAX_OUTPUT_CHARS) break;
    const stack: Step[] = [root];
    while (stack.length > 0) {
      deadline.tick();
      const step = stack.pop()!;
      if (typeof step === 'string') {
        // Past the output cap the page is a dump, not an article: keep its start and stop reading.
        const room = MAX_OUTPUT_CHARS - written;
        const piece = step.length > room ? step.slice(0, room) : step;
        parts.push(piece);
        written += piece.length;
        if (linkDepth > 0) bufferLinks += countNonSpace(piece);
        if (written >= MAX_OUTPUT_CHARS) {
          stack.length = 0;
          break;
        }
        continue;
      }
      if ('close' in step) {
        if (step.close.tag === 'a') linkDepth--;
        if (step.close.tag === 'pre') preDepth--;
        if (BLOCK_TAGS.has(step.close.tag)) flush();
        continue;
      }
      const element = step;
      if (dropped[element.order]) continue;
      if (element.tag === 'br') {
        parts.push('\n');
        continue;
      }
      if (BLOCK_TAGS.has(element.tag)) {
        flush();
        heading = HEADING_TAGS.has(element.tag) ? element.tag.charCodeAt(1) - 48 : 0;
      } else if (element.tag === 'td' || element.tag === 'th') {
        parts.push(' ');
      }
      if (element.tag === 'a') linkDepth++;
      if (element.tag === 'pre') preDepth++;
      if (preDepth > 0) bufferPre = true;
      stack.push({ close: element });
      for (let i = element.children.length - 1; i >= 0; i--) stack.push(element.children[i]);
    }
    flush();
  }
  return paragraphs;
}

const CAPTION_LINES = joinPatterns(CAPTION_LINE_PATTERNS);

/** Longest furniture label plus room for decoration: longer lines skip the lookup. */
const MAX_FURNITURE_LINE_CHARS = Math.max(...[...FURNITURE_LINES].map((entry) => entry.length)) + 8;

/**
 * A caption or photo credit written as an ordinary paragraph (see CAPTION_LINE_PATTERNS), or the label of a
 * box around the article (FURNITURE_LINES).
 */
function isCaptionLine(line: string, key: string | null): boolean {
  if (line.length <= MAX_FURNITURE_LINE_CHARS && FURNITURE_LINES.has(key ?? lineKey(line))) return true;
  return line.length <= MAX_CAPTION_LINE_CHARS && matchesAny(CAPTION_LINES, line);
}

/** Longest line whose `lineKey` any of the line tests reads: the key is computed once for both. */
const MAX_KEYED_LINE_CHARS = Math.max(MAX_SET_LINE_CHARS, MAX_FURNITURE_LINE_CHARS);

/** A trimmed, non-empty line of an output paragraph that is not boilerplate, a caption or a furniture label. */
function isKeptLine(line: string): boolean {
  const key = line.length <= MAX_KEYED_LINE_CHARS ? lineKey(line) : null;
  return !isBoilerplateKeyedLine(line, key) && !isCaption(line) && !isCaptionLine(line, key);
}

/**
 * Drops link lists, captions and boilerplate lines; splits paragraphs written with <br> lines. `keepLinks`
 * keeps paragraphs made of links (for a page whose only text is a link).
 */
function cleanParagraphs(paragraphs: Paragraph[], keepLinks = false): string[] {
  const out: string[] = [];
  const levels: number[] = [];
  for (const paragraph of paragraphs) {
    const length = paragraph.text.length;
    const density = paragraph.linkChars / Math.max(1, countNonSpace(paragraph.text));
    if (!keepLinks && density > MAX_PARAGRAPH_LINK_DENSITY && length < LINKY_PARAGRAPH_MIN_CHARS) continue;
    // Most paragraphs are one line, trimmed already when written out (see paragraphsOf): no split, no join.
    if (!paragraph.pre && paragraph.text.indexOf('\n') < 0) {
      if (!isKeptLine(paragraph.text)) continue;
      out.push(paragraph.text);
      levels.push(paragraph.heading);
      continue;
    }
    const lines = paragraph.text.split('\n');
    const kept: string[] = [];
    for (const raw of lines) {
      if (paragraph.pre) kept.push(raw.trimEnd());
      else {
        const line = raw.trim();
        if (line.length > 0 && isKeptLine(line)) kept.push(line);
      }
    }
    if (kept.length === 0) continue;
    out.push(kept.join(paragraph.heading ? ' ' : '\n'));
    levels.push(paragraph.heading);
  }
  return dropOrphanHeadings(out, levels);
}

/**
 * Drops the headings and lead-in lines that end the text (`Weitere Informationen`, `Mehr zum Thema:`): what they
 * introduced (related links, an author box, a newsletter form) was dropped, and their title is not article text.
 * At most MAX_TRAILING_ORPHANS go: a longer run of headings is content (a list written as headings). A text
 * made only of headings is kept whole.
 */
function dropOrphanHeadings(paragraphs: string[], levels: number[]): string[] {
  let end = paragraphs.length;
  while (end > 0 && paragraphs.length - end < MAX_TRAILING_ORPHANS) {
    const last = paragraphs[end - 1];
    if (levels[end - 1] > 0 || (last.length <= MAX_LEAD_IN_CHARS && LEAD_IN_END.test(last))) end--;
    else break;
  }
  if (end === paragraphs.length || !levels.slice(0, end).some((level) => level === 0)) return paragraphs;
  return paragraphs.slice(0, end);
}

function totalLength(paragraphs: string[]): number {
  let n = 0;
  for (const paragraph of paragraphs) n += paragraph.length + 2;
  return n;
}

// ---------------------------------------------------------------------------------------------------
// Entry point and fallback sequence

interface Attempt {
  paragraphs: string[];
  rule: string;
  /** The pass's numbers (absent for the simple pass). */
  stats?: PassStats;
}

/** One pass: scoring and selection, then every kept paragraph of the page when the selection under-delivers. */
function extractWith(page: ParsedPage, raw: RawCounts, mode: DropMode, deadline: Deadline, debug?: DebugSink): Attempt {
  const stats = computePass(page, raw, mode, deadline, debug);
  const prefix = mode === 'strict' ? 'html.' : 'html.lenient-';
  const best = bestContainer(page, raw, stats, deadline);
  if (debug && best) debug(`${mode}: best <${best.tag} class="${best.attrs.class ?? ''}" id="${best.attrs.id ?? ''}"> score ${stats.score[best.order].toFixed(1)}`);
  const roots = !best
    ? []
    : isArticleBody(best)
      ? articleBodies(page, stats)
      : selectContent(widenContainer(best, stats, deadline, headlineBefore(page, best.order), debug), stats);
  const paragraphs = cleanParagraphs(paragraphsOf(roots, stats.dropped, deadline));
  if (paragraphs.length > 0) paragraphs.unshift(...leadParagraphs(page, raw, stats, roots));
  if (totalLength(paragraphs) >= MIN_MAIN_TEXT_CHARS) return { paragraphs, rule: `${prefix}scored`, stats };
  const everything = cleanParagraphs(paragraphsOf([page.root], stats.dropped, deadline));
  if (totalLength(everything) > totalLength(paragraphs)) return { paragraphs: everything, rule: `${prefix}fallback`, stats };
  return { paragraphs, rule: `${prefix}scored`, stats };
}

/** Elements the simple pass reads as paragraphs. */
const SIMPLE_PARAGRAPH_TAGS = new Set(['p', 'pre', 'blockquote', 'li', 'dd', 'td', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * The simple pass for pages too large to score: the paragraph elements (and divs with text of their own)
 * kept by the tag rules, outermost first, without scoring. It touches each element once, so a generated
 * page of 100,000+ elements stays within the time budget.
 */
function simplePass(page: ParsedPage, deadline: Deadline): Attempt {
  const { elements } = page;
  const dropped = new Uint8Array(elements.length);
  const roots: HtmlElement[] = [];
  let insideUntil = -1;
  for (let i = 1; i < elements.length; i++) {
    deadline.tick();
    const element = elements[i];
    if (dropped[(element.parent as HtmlElement).order] || DROPPED_TAGS.has(element.tag) || isHidden(element)) {
      dropped[i] = 1;
      continue;
    }
    if (i <= insideUntil) continue;
    let paragraph = SIMPLE_PARAGRAPH_TAGS.has(element.tag);
    if (!paragraph && (element.tag === 'div' || element.tag === 'section')) {
      let own = 0;
      for (const child of element.children) if (typeof child === 'string') own += countNonSpace(child);
      paragraph = own >= MIN_SCORED_PARAGRAPH_CHARS;
    }
    if (!paragraph) continue;
    roots.push(element);
    insideUntil = element.lastOrder;
  }
  return { paragraphs: cleanParagraphs(paragraphsOf(roots, dropped, deadline)), rule: 'html.simple' };
}

const TITLE_KEY = /[^\p{L}\p{N}]+/gu;
/** Separators between a headline and the site's name in a page title (`Headline | Site`, `Site - Headline`). */
const TITLE_PART_SEPARATOR = /\s+[|\-–—»·:]\s+/;

const titleKey = (text: string): string => text.replace(TITLE_KEY, '').toLowerCase();

/** Whether a paragraph is the page's title again: the whole title, or its headline part without the site name. */
function repeatsTitle(paragraph: string, title: string): boolean {
  const key = titleKey(paragraph);
  if (!key || key.length > titleKey(title).length) return false;
  if (key === titleKey(title)) return true;
  const parts = title.split(TITLE_PART_SEPARATOR);
  return parts.length > 1 && parts.some((part) => titleKey(part) === key);
}
const LETTER_RUNS = /\p{L}+/gu;
const DIGIT = /\d/;

/** A line made only of a date, a time and date words (`Updated 12 March 2024, 14:05 CET`). */
function isDateline(line: string): boolean {
  if (line.length > MAX_BYLINE_LINE_CHARS || !DIGIT.test(line)) return false;
  for (const word of line.toLowerCase().match(LETTER_RUNS) ?? []) if (!DATELINE_WORDS.has(word)) return false;
  return true;
}

/**
 * Drops bylines and datelines from the first paragraphs (`By Jane Roe`, `Von Max Muster | 3. Mai 2024`,
 * `Updated 12:05 CET`): the byline is metadata, not body text.
 */
function dropBylines(paragraphs: string[]): string[] {
  const out: string[] = [];
  for (let p = 0; p < paragraphs.length; p++) {
    const paragraph = paragraphs[p];
    if (p >= BYLINE_HEAD_PARAGRAPHS || paragraph.length > MAX_BYLINE_LINE_CHARS * 2) {
      out.push(paragraph);
      continue;
    }
    const kept = paragraph.split('\n').filter((line) => {
      const trimmed = line.trim();
      return !(trimmed.length <= MAX_BYLINE_LINE_CHARS && (BYLINE_LINE.test(trimmed) || isDateline(trimmed)));
    });
    if (kept.length > 0) out.push(kept.join('\n'));
  }
  return out;
}

/**
 * Extracts the main text of a parsed page. `title` (when known) is removed when the text starts with it.
 * Returns an empty text when nothing was found; the caller decides whether that is an error. `debug`, when
 * given, receives the class drops and the chosen containers.
 */
export function extractHtmlText(page: ParsedPage, title: string | null, deadline: Deadline, debug?: DebugSink): HtmlText {
  let found: Attempt;
  let wholePage = false;
  if (page.elements.length > MAX_ELEMENTS_FOR_SCORING) {
    found = simplePass(page, deadline);
  } else {
    const raw = rawCounts(page, deadline);
    const strict = extractWith(page, raw, 'strict', deadline, debug);
    found = strict;
    if (totalLength(found.paragraphs) < MIN_MAIN_TEXT_CHARS) {
      // The strict rules may have removed an article kept in an <aside> or a wrapper with an unlucky class:
      // retry with the tag rules only, and keep whichever step delivered more.
      const lenient = extractWith(page, raw, 'lenient', deadline, debug);
      if (totalLength(lenient.paragraphs) > totalLength(found.paragraphs)) found = lenient;
    }
    const strictStats = strict.stats as PassStats;
    wholePage = strictStats.text[0] === raw.text[0] && raw.text[0] > 0;
    if (wholePage && totalLength(found.paragraphs) < MIN_ARTICLE_CHARS) {
      // Nothing on the page is boilerplate by any rule: its whole text, links included, is the article.
      const whole = cleanParagraphs(paragraphsOf([page.root], strictStats.dropped, deadline), true);
      if (totalLength(whole) > totalLength(found.paragraphs)) found = { paragraphs: whole, rule: 'html.whole-page' };
    }
  }
  let paragraphs = dropBylines(found.paragraphs);
  if (title && paragraphs.length > 0 && repeatsTitle(paragraphs[0], title)) paragraphs = paragraphs.slice(1);
  return { text: paragraphs.join('\n\n'), rule: found.rule, wholePage };
}
