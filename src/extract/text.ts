/**
 * Article text from a page as a scraper saved it (menus, forms, captions and teasers all in the text).
 *
 * Each line gets a kind from its shape (words, ending), repetition on the page and vocabulary. The body is
 * the run of prose lines with the most text, allowing a few non-prose lines inside it (sub-headings, an
 * "Advertisement" label, a caption). The title, byline, dateline and standfirst are read from the lines just
 * before the body; headline-like lines after it are teasers of other articles and are left out.
 */
import { cleanAuthors } from './authors.ts';
import {
  HEADER_LOOKBACK_LINES, HEADLINE_MAX_WORDS, HEADLINE_MIN_WORDS, MAX_BODY_GAP_LINES, MAX_BYLINE_CHARS,
  MAX_TAG_WORDS, PROSE_MIN_WORDS, PROSE_MIN_WORDS_UNPUNCTUATED, REPEATED_LINE_MIN, STANDFIRST_MIN_WORDS,
  TAG_JOINING_WORDS, TAG_LIST_LABEL, TITLE_MIN_WORDS,
} from './constants.ts';
import { findDateInText } from './dates.ts';
import type { Deadline } from './deadline.ts';
import { isBoilerplateLine, isCaption, lineKey } from './vocabulary.ts';

export type LineKind =
  | 'boilerplate' | 'caption' | 'byline' | 'dateline' | 'tags' | 'teaser' | 'prose' | 'headline' | 'other';

export interface ClassifiedLine {
  text: string;
  words: number;
  kind: LineKind;
}

export interface TextExtraction {
  text: string;
  title: string | null;
  /** Byline strings (cleaned into names by the caller). */
  bylines: string[];
  published: string | null;
  updated: string | null;
  description: string | null;
  tags: string[];
  /** Rule per field found (`title` -> `text.title`, ...). */
  rules: Record<string, string>;
}

/** Sentence endings, allowing a closing quote or bracket after the mark. */
const SENTENCE_END = /[.!?:;]["'”’»)\]]*$/;
const TRUNCATED_END = /(…|\.\.\.)["'”’]?$/;
/** A dateline label before a date ("Updated: ..."). */
const UPDATED_LABEL = /^(updated|last updated|modified)\b/i;
/** A dateline is short; longer lines with a date in them are sentences. */
const MAX_DATELINE_CHARS = 90;
/** The date must be most of a dateline (its label and a reading time are the rest). */
const MIN_DATELINE_DATE_SHARE = 0.4;

function wordCount(text: string): number {
  const m = text.match(/\S+/g);
  return m ? m.length : 0;
}

/** Joins lines cut by a hard wrap: a long line without an ending followed directly by a lowercase start. */
function unwrapLines(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const previous = out.length > 0 ? out[out.length - 1] : '';
    if (previous.trim().length >= 50 && !SENTENCE_END.test(previous.trim()) && /^\s*\p{Ll}/u.test(line) && line.trim() !== '') {
      out[out.length - 1] = `${previous.trimEnd()} ${line.trim()}`;
    } else {
      out.push(line);
    }
  }
  return out;
}

function classify(text: string, repeats: number): LineKind {
  const words = wordCount(text);
  if (TAG_LIST_LABEL.test(text)) return 'tags';
  if (isBoilerplateLine(text) || (repeats >= REPEATED_LINE_MIN && words < PROSE_MIN_WORDS * 3)) return 'boilerplate';
  if (isCaption(text)) return 'caption';
  if (/^by\s+\S/i.test(text) && text.length <= MAX_BYLINE_CHARS) {
    const { authors, credit } = cleanAuthors([text]);
    if (authors.length > 0 || credit) return 'byline';
  }
  if (text.length <= MAX_DATELINE_CHARS) {
    const found = findDateInText(text);
    if (found && found.text.length >= text.length * MIN_DATELINE_DATE_SHARE) return 'dateline';
  }
  if (TRUNCATED_END.test(text) && words >= HEADLINE_MIN_WORDS) return 'teaser';
  if ((words >= PROSE_MIN_WORDS && SENTENCE_END.test(text)) || words >= PROSE_MIN_WORDS_UNPUNCTUATED) return 'prose';
  if (words >= HEADLINE_MIN_WORDS && words <= HEADLINE_MAX_WORDS && !/\.$/.test(text) && /^[\p{Lu}\p{N}"'“‘]/u.test(text)) {
    return 'headline';
  }
  return 'other';
}

/** Classifies every non-empty line of a scraped page. */
export function classifyLines(content: string, deadline: Deadline): ClassifiedLine[] {
  const lines = unwrapLines(content.split(/\r\n|\r|\n/))
    .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter((line) => line.length > 0);
  const repeats = new Map<string, number>();
  for (const line of lines) {
    const key = lineKey(line);
    repeats.set(key, (repeats.get(key) ?? 0) + 1);
  }
  const classified = lines.map((text) => {
    deadline.tick();
    return { text, words: wordCount(text), kind: classify(text, repeats.get(lineKey(text)) ?? 0) };
  });
  // A headline directly followed by a truncated summary is a teaser of another article.
  for (let i = 0; i + 1 < classified.length; i++) {
    if (classified[i + 1].kind === 'teaser' && (classified[i].kind === 'headline' || classified[i].kind === 'prose')) {
      classified[i].kind = 'teaser';
    }
  }
  return classified;
}

interface Run {
  start: number;
  end: number;
  chars: number;
}

/** The run of prose lines with the most prose text, allowing up to MAX_BODY_GAP_LINES other lines in a row. */
function bestProseRun(lines: ClassifiedLine[]): Run | null {
  let best: Run | null = null;
  let current: Run | null = null;
  let gap = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.kind === 'prose') {
      if (current && gap <= MAX_BODY_GAP_LINES) {
        current.end = i;
        current.chars += line.text.length;
      } else {
        current = { start: i, end: i, chars: line.text.length };
      }
      gap = 0;
      if (!best || current.chars > best.chars) best = { ...current };
    } else {
      // Teasers and tag lists end the article whatever the gap.
      gap += line.kind === 'teaser' || line.kind === 'tags' ? MAX_BODY_GAP_LINES + 1 : 1;
    }
  }
  return best;
}

/** Whether a line is a sub-heading inside the body: headline-shaped and followed by prose. */
function isSubheading(lines: ClassifiedLine[], index: number, run: Run): boolean {
  return lines[index].kind === 'headline' && index + 1 <= run.end && lines[index + 1].kind === 'prose';
}

function splitTags(raw: string): string[] {
  const parts = raw.split(/\s*(?:[,;|•·]|\s{2,})\s*/).map((p) => p.trim()).filter((p) => p.length > 0);
  const out: string[] = [];
  for (const part of parts) {
    const words = part.split(' ');
    if (words.length <= MAX_TAG_WORDS) {
      out.push(part);
      continue;
    }
    // A list written without separators ("military North korea Russia"): a tag starts at each capital,
    // unless the word before is one that opens a longer name ("North", "South", "New").
    let tag: string[] = [];
    for (const word of words) {
      const previous = tag.length > 0 ? tag[tag.length - 1].toLowerCase() : '';
      if (tag.length > 0 && /^\p{Lu}/u.test(word) && !TAG_JOINING_WORDS.has(previous)) {
        out.push(tag.join(' '));
        tag = [];
      }
      tag.push(word);
    }
    if (tag.length > 0) out.push(tag.join(' '));
  }
  const seen = new Set<string>();
  return out.filter((tag) => {
    const key = tag.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function readTags(lines: ClassifiedLine[]): string[] {
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].kind !== 'tags') continue;
    const rest = lines[i].text.replace(TAG_LIST_LABEL, '').trim();
    const source = rest || (i + 1 < lines.length ? lines[i + 1].text : '');
    return splitTags(source.replace(/^[\s*•·-]+/, ''));
  }
  return [];
}

/** Extracts the article from scraped page text. Returns an empty text when the page holds no article. */
export function extractFromText(content: string, deadline: Deadline): TextExtraction {
  const lines = classifyLines(content, deadline);
  const result: TextExtraction = {
    text: '', title: null, bylines: [], published: null, updated: null, description: null, tags: [], rules: {},
  };
  result.tags = readTags(lines);
  if (result.tags.length > 0) result.rules.tags = 'text.tags';

  const run = bestProseRun(lines);
  if (!run) {
    // No prose at all: keep whatever is not boilerplate (a short note, a list).
    result.text = lines
      .filter((l) => l.kind === 'prose' || l.kind === 'headline' || l.kind === 'other')
      .map((l) => l.text)
      .join('\n\n');
    return result;
  }

  // Header: the lines before the body, nearest first.
  const headerStart = Math.max(0, run.start - HEADER_LOOKBACK_LINES);
  let titleIndex = -1;
  for (let i = run.start - 1; i >= headerStart; i--) {
    const line = lines[i];
    if (line.kind === 'teaser' || line.kind === 'tags') break;
    if (line.kind === 'headline' && line.words >= TITLE_MIN_WORDS) {
      titleIndex = i;
      // A headline right above a longer one: the upper is the title, the lower its standfirst.
      const above = i - 1 >= headerStart ? lines[i - 1] : null;
      if (above && above.kind === 'headline' && above.words >= TITLE_MIN_WORDS && above.words < line.words) titleIndex = i - 1;
      break;
    }
  }
  let bodyStart = run.start;
  if (titleIndex >= 0) {
    result.title = lines[titleIndex].text;
    result.rules.title = 'text.title';
    // Standfirst: the first substantial line between title and body, or a first "body" line that is cut off
    // from the rest of the body by a caption or byline.
    for (let i = titleIndex + 1; i < run.start; i++) {
      const line = lines[i];
      if ((line.kind === 'headline' || line.kind === 'other') && line.words >= STANDFIRST_MIN_WORDS) {
        result.description = line.text;
        break;
      }
    }
    if (!result.description && run.start === titleIndex + 1 && run.start < run.end) {
      const next = lines[run.start + 1].kind;
      if (next === 'caption' || next === 'byline' || next === 'dateline') {
        result.description = lines[run.start].text;
        bodyStart = run.start + 1;
      }
    }
    if (result.description) result.rules.description = 'text.standfirst';
  }

  // Byline and datelines: between the title (or the lookback start) and the first body lines.
  const metaFrom = titleIndex >= 0 ? titleIndex + 1 : headerStart;
  for (let i = metaFrom; i <= Math.min(run.end, bodyStart + 2); i++) {
    const line = lines[i];
    if (line.kind === 'byline') {
      result.bylines.push(line.text);
      result.rules.authors ??= 'text.byline';
      const found = findDateInText(line.text);
      if (found && !result.published) {
        result.published = found.value;
        result.rules.published = 'text.byline';
      }
    } else if (line.kind === 'dateline') {
      const found = findDateInText(line.text);
      if (!found) continue;
      if (UPDATED_LABEL.test(line.text)) {
        result.updated ??= found.value;
        result.rules.updated ??= 'text.dateline';
      } else if (!result.published) {
        result.published = found.value;
        result.rules.published = 'text.dateline';
      }
    }
  }

  const body: string[] = [];
  for (let i = bodyStart; i <= run.end; i++) {
    deadline.tick();
    const line = lines[i];
    if (line.kind === 'prose') body.push(line.text);
    else if (isSubheading(lines, i, run)) body.push(line.text);
    else if (line.kind === 'other' && line.words >= HEADLINE_MIN_WORDS && /[.!?]["'”’)]?$/.test(line.text)) body.push(line.text);
  }
  result.text = body.join('\n\n');
  return result;
}
