/** Line tests over the boilerplate vocabulary, shared by the HTML and the scraped-text extractors. */
import {
  BOILERPLATE_LINES, BOILERPLATE_LINE_PATTERNS, CAPTION_CREDIT_PATTERN, CAPTION_PREFIX_PATTERN, LINE_DECORATION,
} from './constants.ts';

/** Longest line tested against the whole-line vocabulary: longer lines are prose. */
const MAX_VOCABULARY_LINE_CHARS = 200;

/** The line with bullets, markers and edge punctuation removed, lowercased, curly quotes made straight. */
export function lineKey(line: string): string {
  return line.replace(LINE_DECORATION, '').replace(/[‘’]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Whether a line or short paragraph is navigation, a form, an advertisement label or a promotion. */
export function isBoilerplateLine(line: string): boolean {
  if (line.length > MAX_VOCABULARY_LINE_CHARS) return false;
  const key = lineKey(line);
  if (key === '') return true;
  if (BOILERPLATE_LINES.has(key)) return true;
  const plain = line.trim().replace(/^[*•·\s]+/, '');
  return BOILERPLATE_LINE_PATTERNS.some((pattern) => pattern.test(plain));
}

/** Whether a line is a photo caption: it ends with a photo credit or starts with a credit label. */
export function isCaption(line: string): boolean {
  const trimmed = line.trim();
  return CAPTION_CREDIT_PATTERN.test(trimmed) || CAPTION_PREFIX_PATTERN.test(trimmed);
}
