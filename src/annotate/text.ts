/**
 * Shared segmentation for the annotators: word tokens and sentences, computed once per document so every
 * annotator reads the same offsets. All regular expressions are compiled once at module load.
 */

import { NON_FINAL_ABBREVIATIONS } from './constants.ts';
import { LETTER, MARK, NUMBER, SPACE, UPPER, classAt, classOf, codePointAt, runEnd, width } from './ner/chars.ts';

export type TokenShape = 'cap' | 'upper' | 'lower' | 'num' | 'other';

export interface Token {
  text: string;
  start: number;
  end: number;
  shape: TokenShape;
  /** Index of the sentence holding the token. */
  sentence: number;
  /** First word token of its sentence (or right after an opening quote there). */
  sentenceInitial: boolean;
  /** Ends in 's / ’s / s' (the possessive is not part of a name). */
  possessive: boolean;
  /** End of the token without its possessive ending. */
  nameEnd: number;
}

export interface Sentence {
  start: number;
  end: number;
  /** Index of the first token of the sentence and one past its last. */
  firstToken: number;
  endToken: number;
}

export interface AnalyzedText {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
}

const UPPER_PATTERN = /^[\p{Lu}\p{N}.&-]+$/u;
const HAS_LETTER = /\p{L}/u;
const CAP_PATTERN = /^\p{Lu}/u;
const LOWER_PATTERN = /^\p{Ll}/u;
const DIGIT_PATTERN = /^\p{N}/u;
/** Sentence-final punctuation (with closing quotes) followed by white space. */
const SENTENCE_END_PATTERN = /[.!?]+["'”’)\]]*(?=\s)|\n/g;
const NEXT_STARTS_SENTENCE = /^\s*["'“‘(\[]?[\p{Lu}\p{N}\p{Sc}]/u;
const WORD_BEFORE_PERIOD = /([\p{L}.]+)\.$/u;
const SINGLE_INITIAL = /^\p{Lu}$/u;

function shapeOf(word: string): TokenShape {
  const first = word.charCodeAt(0);
  // ASCII fast paths; the Unicode patterns below only run for other scripts.
  if (first >= 48 && first <= 57) return 'num';
  if (first >= 97 && first <= 122) return 'lower';
  if (first >= 65 && first <= 90) {
    let letters = 0;
    for (let k = 0; k < word.length; k++) {
      const code = word.charCodeAt(k);
      if (code >= 97 && code <= 122) return 'cap';
      if (code >= 65 && code <= 90) letters++;
      else if (code > 127) return UPPER_PATTERN.test(word) && letters > 0 ? 'upper' : 'cap';
    }
    return letters > 1 ? 'upper' : 'cap';
  }
  if (DIGIT_PATTERN.test(word)) return 'num';
  if (!HAS_LETTER.test(word)) return 'other';
  if (UPPER_PATTERN.test(word) && word.replace(/[^\p{L}]/gu, '').length > 1) return 'upper';
  if (CAP_PATTERN.test(word)) return 'cap';
  if (LOWER_PATTERN.test(word)) return 'lower';
  return 'other';
}

/** One UTF-16 unit that is white space (\s). */
function isSpaceUnit(code: number): boolean {
  return (classOf(code) & SPACE) !== 0;
}

/** Sentence boundaries as [start, end) pairs, trimmed of white space. */
export function splitSentences(text: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && isSpaceUnit(text.charCodeAt(s))) s++;
    while (e > s && isSpaceUnit(text.charCodeAt(e - 1))) e--;
    if (e > s) spans.push({ start: s, end: e });
  };
  SENTENCE_END_PATTERN.lastIndex = 0;
  for (let match = SENTENCE_END_PATTERN.exec(text); match; match = SENTENCE_END_PATTERN.exec(text)) {
    const end = match.index + match[0].length;
    if (match[0] !== '\n') {
      if (!NEXT_STARTS_SENTENCE.test(text.slice(end, end + 4))) continue;
      if (match[0].startsWith('.') && match[0].length === 1) {
        const before = WORD_BEFORE_PERIOD.exec(text.slice(Math.max(0, match.index - 12), match.index + 1));
        const word = before?.[1] ?? '';
        if (NON_FINAL_ABBREVIATIONS.has(word) || SINGLE_INITIAL.test(word)) continue;
      }
    }
    push(end);
    start = end;
  }
  push(text.length);
  return spans;
}

/**
 * Word tokens are dotted acronyms ("U.S.") or words with inner hyphens/apostrophes ("Kwang-chol",
 * "Ukraine's", "Editors'"): the expression `(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}]+(?:[-‐'’][\p{L}\p{M}\p{N}]+)*['’]?`,
 * written out as a scanner (annotate.test.ts checks it against the expression). Returns the end of the token
 * starting at `start`, or -1 when none starts there.
 */
function wordTokenEnd(text: string, start: number, cls: number): number {
  if (cls & UPPER) {
    let at = start;
    let pairs = 0;
    for (;;) {
      const codePoint = codePointAt(text, at);
      if (codePoint < 0 || (classOf(codePoint) & UPPER) === 0 || text.charCodeAt(at + width(codePoint)) !== 46) break;
      at += width(codePoint) + 1;
      pairs++;
    }
    if (pairs >= 2) return at;
  }
  const inner = LETTER | MARK | NUMBER;
  if ((cls & inner) === 0) return -1;
  let at = runEnd(text, start, inner);
  for (;;) {
    const code = text.charCodeAt(at);
    const joiner = code === 45 || code === 0x2010 || code === 39 || code === 0x2019;
    if (!joiner || (classAt(text, at + 1) & inner) === 0) break;
    at = runEnd(text, at + 1, inner);
  }
  const last = text.charCodeAt(at);
  return last === 39 || last === 0x2019 ? at + 1 : at;
}

/** Tokenises and splits a document once; every annotator takes the result. */
export function analyzeText(text: string): AnalyzedText {
  const sentenceSpans = splitSentences(text);
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  let sentenceIndex = 0;
  let current = sentenceSpans[0];
  let sentenceFirstToken = 0;
  const closeSentence = () => {
    if (!current) return;
    sentences.push({ start: current.start, end: current.end, firstToken: sentenceFirstToken, endToken: tokens.length });
    sentenceFirstToken = tokens.length;
  };
  for (let start = 0; start < text.length; ) {
    const codePoint = codePointAt(text, start);
    const end = codePoint < 128 && ASCII_NON_WORD[codePoint] === 1 ? -1 : wordTokenEnd(text, start, classOf(codePoint));
    if (end < 0) {
      start += width(codePoint);
      continue;
    }
    while (current && start >= current.end) {
      closeSentence();
      sentenceIndex++;
      current = sentenceSpans[sentenceIndex];
    }
    const word = text.slice(start, end);
    const possessive = word.length > 2 && isPossessive(word);
    const last = word.charCodeAt(word.length - 1);
    const nameEnd = possessive ? (last === 115 ? end - 2 : end - 1) : last === 39 || last === 0x2019 ? end - 1 : end;
    tokens.push({
      text: word,
      start,
      end,
      shape: shapeOf(word),
      sentence: sentenceIndex,
      sentenceInitial: tokens.length === sentenceFirstToken,
      possessive,
      nameEnd,
    });
    start = end;
  }
  while (current) {
    closeSentence();
    sentenceIndex++;
    current = sentenceSpans[sentenceIndex];
  }
  return { text, tokens, sentences };
}

/** ASCII characters that start no word token (1): white space and punctuation. */
const ASCII_NON_WORD = new Uint8Array(128).map((_, code) => ((classOf(code) & (LETTER | MARK | NUMBER)) === 0 ? 1 : 0));

/** Ends in 's / ’s / s' / s’ (POSSESSIVE_PATTERN, without the regular expression). */
function isPossessive(word: string): boolean {
  const last = word.charCodeAt(word.length - 1);
  const before = word.charCodeAt(word.length - 2);
  return (last === 115 && (before === 39 || before === 0x2019)) || ((last === 39 || last === 0x2019) && before === 115);
}

/** Index of the first token ending after `offset` (binary search). */
export function tokenFrom(doc: AnalyzedText, offset: number): number {
  const { tokens } = doc;
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
