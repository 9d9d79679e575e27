/** Line tests over the boilerplate vocabulary, shared by the HTML and the scraped-text extractors. */
import {
  BOILERPLATE_LINES, BOILERPLATE_LINE_PATTERNS, CAPTION_CREDIT_PATTERN, CAPTION_PREFIX_PATTERN, LINE_DECORATION,
} from './constants.ts';
import { MULTILINGUAL_BOILERPLATE_LINES, MULTILINGUAL_BOILERPLATE_LINE_PATTERNS } from './html-constants.ts';

/**
 * Joins patterns into one alternation per set of flags, so that a line is tested with one regular expression
 * instead of dozens (the same lines match; capture groups lose their meaning, so use the result with `test` only).
 */
export function joinPatterns(patterns: readonly RegExp[]): RegExp[] {
  const byFlags = new Map<string, string[]>();
  for (const pattern of patterns) {
    const flags = pattern.flags.replace(/[gy]/g, '');
    const sources = byFlags.get(flags) ?? [];
    sources.push(`(?:${pattern.source})`);
    byFlags.set(flags, sources);
  }
  return [...byFlags].map(([flags, sources]) => new RegExp(sources.join('|'), flags));
}

/** Whether any of the joined patterns matches. */
export function matchesAny(joined: readonly RegExp[], text: string): boolean {
  for (const pattern of joined) if (pattern.test(text)) return true;
  return false;
}

/** Whole-line vocabulary of every language. */
const ALL_BOILERPLATE_LINES = new Set([...BOILERPLATE_LINES, ...MULTILINGUAL_BOILERPLATE_LINES]);
const ALL_BOILERPLATE_LINE_PATTERNS = joinPatterns([...BOILERPLATE_LINE_PATTERNS, ...MULTILINGUAL_BOILERPLATE_LINE_PATTERNS]);

/** Longest line tested against the whole-line vocabulary: longer lines are prose. */
const MAX_VOCABULARY_LINE_CHARS = 200;

/** The line with bullets, markers and edge punctuation removed, lowercased, curly quotes made straight. */
export function lineKey(line: string): string {
  return line.replace(LINE_DECORATION, '').replace(/[‘’]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Longest entry of the whole-line vocabulary plus room for decoration: longer lines skip the set lookup. */
export const MAX_SET_LINE_CHARS = Math.max(...[...ALL_BOILERPLATE_LINES].map((entry) => entry.length)) + 12;

/** Whether a line or short paragraph is navigation, a form, an advertisement label or a promotion. */
export function isBoilerplateLine(line: string): boolean {
  return isBoilerplateKeyedLine(line, line.length <= MAX_SET_LINE_CHARS ? lineKey(line) : null);
}

/** `isBoilerplateLine` for a caller that already holds the line's `lineKey` (null: not computed, the line is long). */
export function isBoilerplateKeyedLine(line: string, key: string | null): boolean {
  if (line.length > MAX_VOCABULARY_LINE_CHARS) return false;
  if (key !== null && line.length <= MAX_SET_LINE_CHARS) {
    if (key === '') return true;
    if (ALL_BOILERPLATE_LINES.has(key)) return true;
  }
  const plain = line.trim().replace(LEADING_BULLETS, '');
  if (plain === '') return true;
  return matchesAny(ALL_BOILERPLATE_LINE_PATTERNS, plain);
}

const LEADING_BULLETS = /^[*•·\s]+/;

/** Whether a line is a photo caption: it ends with a photo credit or starts with a credit label. */
export function isCaption(line: string): boolean {
  const trimmed = line.trim();
  return CAPTION_CREDIT_PATTERN.test(trimmed) || CAPTION_PREFIX_PATTERN.test(trimmed);
}
