/**
 * Main text of an HTML page by scoring, in the manner of readability and trafilatura:
 *
 *   1. mark boilerplate subtrees (by tag, hidden attributes, class/id vocabulary), sparing a container that
 *      holds most of the page's text;
 *   2. score paragraphs (length, commas, link density, boilerplate vocabulary) and give each score to the
 *      paragraph's parent, grandparent and great-grandparent;
 *   3. take the best-scoring container (discounted by its link density) plus its siblings that score well
 *      or are clean paragraphs;
 *   4. write its blocks out as paragraphs, dropping link lists, captions and boilerplate lines;
 *   5. when that under-delivers, fall back to every kept paragraph of the page.
 *
 * Every walk is iterative and the deadline is checked in each loop.
 */
import {
  ANCESTOR_SHARES, BLOCK_TAGS, CLASS_WEIGHT, POSITIVE_CLASS, TAG_BASE_SCORE, BOILERPLATE_CLASS_PREFIXES, BOILERPLATE_CLASS_TOKENS, BOILERPLATE_PARAGRAPH_FACTOR,
  CHARS_PER_POINT, CLIMB_MAX_LINK_DENSITY, CLIMB_MIN_GAIN, CLIMB_MIN_PROSE_SHARE, DROPPED_TAGS, HEADING_TAGS, LINKY_PARAGRAPH_MIN_CHARS, MAX_LENGTH_POINTS,
  MAX_PARAGRAPH_LINK_DENSITY, MIN_MAIN_TEXT_CHARS, MIN_SCORED_PARAGRAPH_CHARS, PARAGRAPH_TAGS, PROTECTED_TAGS,
  PROTECT_MAX_LINK_DENSITY, PROTECT_TEXT_SHARE, SOFT_DROPPED_TAGS, SIBLING_MAX_LINK_DENSITY, SIBLING_MIN_PARAGRAPH_CHARS,
  SIBLING_SCORE_SHARE,
} from './constants.ts';
import type { Deadline } from './deadline.ts';
import { classTokens, collapseSpace, textOf, type ElementStats, type HtmlElement, type ParsedPage } from './dom.ts';
import { isBoilerplateLine, isCaption } from './vocabulary.ts';


/** Nodes read at most when a short paragraph's text is checked against the vocabulary. */
const MAX_PARAGRAPH_NODES = 500;

export interface HtmlText {
  text: string;
  /** Which step produced the text: `html.scored`, `html.fallback`, `html.unfiltered`. */
  rule: string;
}

function isHidden(element: HtmlElement): boolean {
  const { attrs } = element;
  if ('hidden' in attrs) return true;
  if ((attrs['aria-hidden'] ?? '').toLowerCase() === 'true') return true;
  const style = attrs.style;
  return style !== undefined && /(display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

function hasBoilerplateClass(element: HtmlElement): boolean {
  if (PROTECTED_TAGS.has(element.tag)) return false;
  const role = (element.attrs.role ?? '').toLowerCase();
  if (role === 'navigation' || role === 'banner' || role === 'contentinfo' || role === 'complementary' || role === 'dialog') {
    return true;
  }
  for (const token of classTokens(element)) {
    if (BOILERPLATE_CLASS_TOKENS.has(token)) return true;
    for (const prefix of BOILERPLATE_CLASS_PREFIXES) if (token.startsWith(prefix)) return true;
  }
  return false;
}

function countNonSpace(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 && c !== 160) n++;
  }
  return n;
}

function countCommas(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === ',' || c === '，' || c === '、' || c === '،') n++;
  }
  return n;
}

/** Fills `stats` of every element: text, link and comma counts over kept descendants, and `dropped`. */
/**
 * `strict`: drop by tag (hard and soft), hidden attributes and class/id vocabulary, sparing a class-marked
 * container that holds most of the text. `lenient`: drop by hard tag and hidden attributes only.
 */
type DropMode = 'strict' | 'lenient';

function computeStats(page: ParsedPage, deadline: Deadline, mode: DropMode): void {
  const { elements } = page;
  // Pass 1: raw counts, children before parents (reverse document order).
  const rawText = new Float64Array(elements.length);
  const rawLinks = new Float64Array(elements.length);
  for (let i = elements.length - 1; i >= 0; i--) {
    deadline.tick();
    const element = elements[i];
    let text = 0;
    let links = 0;
    for (const child of element.children) {
      if (typeof child === 'string') text += countNonSpace(child);
      else if (!DROPPED_TAGS.has(child.tag) && !(mode === 'strict' && SOFT_DROPPED_TAGS.has(child.tag))) {
        text += rawText[child.order];
        links += rawLinks[child.order];
      }
    }
    rawText[i] = text;
    rawLinks[i] = element.tag === 'a' ? text : links;
  }
  const pageText = Math.max(1, rawText[0]);

  // Pass 2: dropped flags, parents before children (document order).
  for (const element of elements) {
    deadline.tick();
    const parentDropped = element.parent?.stats?.dropped ?? false;
    let dropped = parentDropped || DROPPED_TAGS.has(element.tag) || isHidden(element);
    if (!dropped && mode === 'strict' && SOFT_DROPPED_TAGS.has(element.tag)) dropped = true;
    if (!dropped && mode === 'strict' && hasBoilerplateClass(element)) {
      const text = rawText[element.order];
      const protectedByShare =
        text / pageText >= PROTECT_TEXT_SHARE && rawLinks[element.order] / Math.max(1, text) <= PROTECT_MAX_LINK_DENSITY;
      dropped = !protectedByShare;
    }
    element.stats = { textChars: 0, linkChars: 0, commas: 0, ownTextChars: 0, dropped, score: null, paragraphChars: 0 };
  }

  // Pass 3: kept counts, children before parents.
  for (let i = elements.length - 1; i >= 0; i--) {
    deadline.tick();
    const element = elements[i];
    const stats = element.stats as ElementStats;
    if (stats.dropped) continue;
    for (const child of element.children) {
      if (typeof child === 'string') {
        const n = countNonSpace(child);
        stats.ownTextChars += n;
        stats.textChars += n;
        stats.commas += countCommas(child);
      } else {
        const childStats = child.stats as ElementStats;
        if (childStats.dropped) continue;
        stats.textChars += childStats.textChars;
        stats.linkChars += childStats.linkChars;
        stats.commas += childStats.commas;
      }
    }
    if (element.tag === 'a') stats.linkChars = stats.textChars;
  }

  // Pass 4: clean paragraph text per subtree, children before parents.
  for (let i = elements.length - 1; i >= 0; i--) {
    const element = elements[i];
    const stats = element.stats as ElementStats;
    if (stats.dropped) continue;
    if (isScoredParagraph(element) && linkDensity(stats) <= MAX_PARAGRAPH_LINK_DENSITY) {
      stats.paragraphChars = stats.textChars;
    } else {
      for (const child of element.children) {
        if (typeof child !== 'string') stats.paragraphChars += (child.stats as ElementStats).paragraphChars;
      }
    }
  }
}

function linkDensity(stats: ElementStats): number {
  return stats.textChars === 0 ? 0 : stats.linkChars / stats.textChars;
}

function hasBlockChild(element: HtmlElement): boolean {
  for (const child of element.children) if (typeof child !== 'string' && BLOCK_TAGS.has(child.tag)) return true;
  return false;
}

function isScoredParagraph(element: HtmlElement): boolean {
  const stats = element.stats as ElementStats;
  if (stats.dropped || stats.textChars < MIN_SCORED_PARAGRAPH_CHARS) return false;
  if (element.tag === 'p' || element.tag === 'pre') return true;
  if (PARAGRAPH_TAGS.has(element.tag)) return !hasBlockChild(element);
  // A div or section with text of its own is a paragraph written without <p>.
  return (element.tag === 'div' || element.tag === 'section' || element.tag === 'span') && stats.ownTextChars >= MIN_SCORED_PARAGRAPH_CHARS;
}

function initialScore(element: HtmlElement): number {
  let score = TAG_BASE_SCORE[element.tag] ?? 0;
  const classes = classTokens(element).join(' ');
  if (classes && POSITIVE_CLASS.test(classes)) score += CLASS_WEIGHT;
  return score;
}

/** Scores paragraphs into their ancestors; returns the best container or null. */
function bestContainer(page: ParsedPage, deadline: Deadline): HtmlElement | null {
  const candidates: HtmlElement[] = [];
  for (const element of page.elements) {
    deadline.tick();
    if (!isScoredParagraph(element)) continue;
    const stats = element.stats as ElementStats;
    let points = 1 + stats.commas + Math.min(stats.textChars / CHARS_PER_POINT, MAX_LENGTH_POINTS);
    points *= 1 - linkDensity(stats);
    if (stats.textChars < LINKY_PARAGRAPH_MIN_CHARS) {
      const text = collapseSpace(textOf(element, LINKY_PARAGRAPH_MIN_CHARS * 2, MAX_PARAGRAPH_NODES));
      if (isBoilerplateLine(text) || isCaption(text)) points *= BOILERPLATE_PARAGRAPH_FACTOR;
    }
    let ancestor = element.parent;
    for (const share of ANCESTOR_SHARES) {
      if (!ancestor || ancestor.tag === '#root') break;
      const ancestorStats = ancestor.stats as ElementStats;
      if (ancestorStats.score === null) {
        ancestorStats.score = initialScore(ancestor);
        candidates.push(ancestor);
      }
      ancestorStats.score += points * share;
      ancestor = ancestor.parent;
    }
  }
  let best: HtmlElement | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const candidate of candidates) {
    const stats = candidate.stats as ElementStats;
    const finalScore = (stats.score ?? 0) * (1 - linkDensity(stats));
    stats.score = finalScore;
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
function widenContainer(best: HtmlElement, deadline: Deadline): HtmlElement {
  let chosen = best;
  for (let ancestor = best.parent; ancestor && ancestor.tag !== '#root'; ancestor = ancestor.parent) {
    deadline.tick();
    const stats = ancestor.stats as ElementStats;
    if (stats.textChars === 0) break;
    if (stats.paragraphChars / stats.textChars < CLIMB_MIN_PROSE_SHARE || linkDensity(stats) > CLIMB_MAX_LINK_DENSITY) break;
    if (stats.paragraphChars >= (chosen.stats as ElementStats).paragraphChars * (1 + CLIMB_MIN_GAIN)) chosen = ancestor;
  }
  return chosen;
}

/** The best container plus its siblings that belong to the article. */
function selectContent(best: HtmlElement): HtmlElement[] {
  const parent = best.parent;
  if (!parent) return [best];
  const bestScore = (best.stats as ElementStats).score ?? 0;
  const threshold = Math.max(10, bestScore * SIBLING_SCORE_SHARE);
  const selected: HtmlElement[] = [];
  for (const sibling of parent.children) {
    if (typeof sibling === 'string') continue;
    if (sibling === best) {
      selected.push(sibling);
      continue;
    }
    const stats = sibling.stats as ElementStats;
    if (stats.dropped || stats.textChars === 0) continue;
    if (stats.score !== null && stats.score >= threshold) {
      selected.push(sibling);
      continue;
    }
    if (sibling.tag === 'p') {
      const density = linkDensity(stats);
      if (stats.textChars >= SIBLING_MIN_PARAGRAPH_CHARS && density < SIBLING_MAX_LINK_DENSITY) selected.push(sibling);
      else if (density === 0 && /[.!?]["”’)]?\s*$/.test(textOf(sibling, Number.POSITIVE_INFINITY, MAX_PARAGRAPH_NODES))) selected.push(sibling);
    }
  }
  return selected;
}

interface Paragraph {
  text: string;
  linkChars: number;
  heading: boolean;
}

/** Writes the kept blocks under the given roots out as paragraphs (iterative walk). */
function paragraphsOf(roots: HtmlElement[], deadline: Deadline): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let buffer = '';
  let bufferLinks = 0;
  let heading = false;
  const flush = (): void => {
    const text = buffer.replace(/[ \t\f\r\u00a0]+/g, ' ').replace(/ ?\n ?/g, '\n').replace(/\n{2,}/g, '\n').trim();
    if (text) paragraphs.push({ text, linkChars: bufferLinks, heading });
    buffer = '';
    bufferLinks = 0;
    heading = false;
  };
  // Stack entries: an element to open, a string to write, or a marker closing a block / link.
  type Step = HtmlElement | string | { close: HtmlElement };
  let linkDepth = 0;
  for (const root of roots) {
    const stack: Step[] = [root];
    while (stack.length > 0) {
      deadline.tick();
      const step = stack.pop()!;
      if (typeof step === 'string') {
        buffer += step;
        if (linkDepth > 0) bufferLinks += countNonSpace(step);
        continue;
      }
      if ('close' in step) {
        if (step.close.tag === 'a') linkDepth--;
        if (BLOCK_TAGS.has(step.close.tag)) flush();
        continue;
      }
      const element = step;
      if ((element.stats as ElementStats).dropped) continue;
      if (element.tag === 'br') {
        buffer += '\n';
        continue;
      }
      if (BLOCK_TAGS.has(element.tag)) {
        flush();
        heading = HEADING_TAGS.has(element.tag);
      }
      if (element.tag === 'a') linkDepth++;
      stack.push({ close: element });
      for (let i = element.children.length - 1; i >= 0; i--) stack.push(element.children[i]);
    }
    flush();
  }
  return paragraphs;
}

/** Drops link lists, captions and boilerplate lines; splits paragraphs written with <br> lines. */
function cleanParagraphs(paragraphs: Paragraph[]): string[] {
  const out: string[] = [];
  for (const paragraph of paragraphs) {
    const length = paragraph.text.length;
    const density = paragraph.linkChars / Math.max(1, countNonSpace(paragraph.text));
    if (density > MAX_PARAGRAPH_LINK_DENSITY && length < LINKY_PARAGRAPH_MIN_CHARS) continue;
    const lines = paragraph.text.split('\n').map((line) => line.trim()).filter((line) => line.length > 0);
    const kept = lines.filter((line) => !isBoilerplateLine(line) && !isCaption(line));
    if (kept.length === 0) continue;
    out.push(kept.join(paragraph.heading ? ' ' : '\n'));
  }
  return out;
}

function joined(paragraphs: string[]): string {
  return paragraphs.join('\n\n');
}

/**
 * Extracts the main text of a parsed page. `title` (when known) is removed when the text starts with it.
 * Returns an empty text when nothing was found; the caller decides whether that is an error.
 */
export function extractHtmlText(page: ParsedPage, title: string | null, deadline: Deadline): HtmlText {
  let found = extractWith(page, 'strict', deadline);
  if (found.paragraphs.length === 0) {
    // The strict rules may have removed an article kept in an <aside> or a wrapper with an unlucky class:
    // retry with the tag rules only.
    found = extractWith(page, 'lenient', deadline);
  }
  let { paragraphs } = found;
  if (title && paragraphs.length > 0 && collapseSpace(paragraphs[0]).toLowerCase() === title.toLowerCase()) {
    paragraphs = paragraphs.slice(1);
  }
  return { text: joined(paragraphs), rule: found.rule };
}

/** One pass of scoring, selection and the fallback to all paragraphs when the selection under-delivers. */
function extractWith(page: ParsedPage, mode: DropMode, deadline: Deadline): { paragraphs: string[]; rule: string } {
  computeStats(page, deadline, mode);
  const best = bestContainer(page, deadline);
  let paragraphs = best ? cleanParagraphs(paragraphsOf(selectContent(widenContainer(best, deadline)), deadline)) : [];
  let rule = mode === 'strict' ? 'html.scored' : 'html.lenient-scored';
  if (joined(paragraphs).length < MIN_MAIN_TEXT_CHARS) {
    const everything = cleanParagraphs(paragraphsOf([page.root], deadline));
    if (joined(everything).length > joined(paragraphs).length) {
      paragraphs = everything;
      rule = mode === 'strict' ? 'html.fallback' : 'html.lenient-fallback';
    }
  }
  return { paragraphs, rule };
}
