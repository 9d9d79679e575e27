/** Line tests over the boilerplate vocabulary, shared by the HTML and the scraped-text extractors. */
import {
  BOILERPLATE_LINES, BOILERPLATE_LINE_PATTERNS, CAPTION_CREDIT_PATTERN, CAPTION_PREFIX_PATTERN, LINE_DECORATION,
} from './constants.ts';
import { MULTILINGUAL_BOILERPLATE_LINES, MULTILINGUAL_BOILERPLATE_LINE_PATTERNS } from './html-constants.ts';

/** Whole-line vocabulary of every language. */
const ALL_BOILERPLATE_LINES = new Set([...BOILERPLATE_LINES, ...MULTILINGUAL_BOILERPLATE_LINES]);
const ALL_BOILERPLATE_LINE_PATTERNS = [...BOILERPLATE_LINE_PATTERNS, ...MULTILINGUAL_BOILERPLATE_LINE_PATTERNS];

/** Longest line tested against the whole-line vocabulary: longer lines are prose. */
const MAX_VOCABULARY_LINE_CHARS = 200;

/** The line with bullets, markers and edge punctuation removed, lowercased, curly quotes made straight. */
export function lineKey(line: string): string {
  return line.replace(LINE_DECORATION, '').replace(/[‘’]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Longest entry of the whole-line vocabulary plus room for decoration: longer lines skip the set lookup. */
const MAX_SET_LINE_CHARS = Math.max(...[...ALL_BOILERPLATE_LINES].map((entry) => entry.length)) + 12;

/** Whether a line or short paragraph is navigation, a form, an advertisement label or a promotion. */
export function isBoilerplateLine(line: string): boolean {
  if (line.length > MAX_VOCABULARY_LINE_CHARS) return false;
  if (line.length <= MAX_SET_LINE_CHARS) {
    const key = lineKey(line);
    if (key === '') return true;
    if (ALL_BOILERPLATE_LINES.has(key)) return true;
  }
  const plain = line.trim().replace(LEADING_BULLETS, '');
  if (plain === '') return true;
  for (const pattern of ALL_BOILERPLATE_LINE_PATTERNS) if (pattern.test(plain)) return true;
  return false;
}

const LEADING_BULLETS = /^[*•·\s]+/;

/** Whether a line is a photo caption: it ends with a photo credit or starts with a credit label. */
export function isCaption(line: string): boolean {
  const trimmed = line.trim();
  return CAPTION_CREDIT_PATTERN.test(trimmed) || CAPTION_PREFIX_PATTERN.test(trimmed);
}
