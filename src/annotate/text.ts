/**
 * Shared segmentation for the annotators: word tokens and sentences, computed once per document so every
 * annotator reads the same offsets. All regular expressions are compiled once at module load.
 */

import { NON_FINAL_ABBREVIATIONS } from './constants.ts';

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

/** Dotted acronyms ("U.S.") or words with inner hyphens/apostrophes ("Kwang-chol", "Ukraine's", "Editors'"). */
const TOKEN_PATTERN = /(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}]+(?:[-‐'’][\p{L}\p{M}\p{N}]+)*['’]?/gu;
const POSSESSIVE_PATTERN = /(?:['’]s|s['’])$/u;
const UPPER_PATTERN = /^[\p{Lu}\p{N}.&-]+$/u;
const HAS_LETTER = /\p{L}/u;
const CAP_PATTERN = /^\p{Lu}/u;
const LOWER_PATTERN = /^\p{Ll}/u;
const DIGIT_PATTERN = /^\p{N}/u;
/** Sentence-final punctuation (with closing quotes) followed by white space. */
const SENTENCE_END_PATTERN = /[.!?]+["'”’)\]]*(?=\s)|\n/g;
const NEXT_STARTS_SENTENCE = /^\s*["'“‘(\[]?[\p{Lu}\p{N}]/u;
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

/** Sentence boundaries as [start, end) pairs, trimmed of white space. */
export function splitSentences(text: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
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

/** Tokenises and splits a document once; every annotator takes the result. */
export function analyzeText(text: string): AnalyzedText {
  const sentenceSpans = splitSentences(text);
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  let sentenceIndex = 0;
  TOKEN_PATTERN.lastIndex = 0;
  const matches = text.matchAll(TOKEN_PATTERN);
  let current = sentenceSpans[0];
  let sentenceFirstToken = 0;
  const closeSentence = () => {
    if (!current) return;
    sentences.push({ start: current.start, end: current.end, firstToken: sentenceFirstToken, endToken: tokens.length });
    sentenceFirstToken = tokens.length;
  };
  for (const match of matches) {
    const start = match.index;
    const end = start + match[0].length;
    while (current && start >= current.end) {
      closeSentence();
      sentenceIndex++;
      current = sentenceSpans[sentenceIndex];
    }
    const word = match[0];
    const possessive = POSSESSIVE_PATTERN.test(word) && word.length > 2;
    const nameEnd = possessive ? (word.endsWith('s') ? end - 2 : end - 1) : word.endsWith("'") || word.endsWith('’') ? end - 1 : end;
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
  }
  while (current) {
    closeSentence();
    sentenceIndex++;
    current = sentenceSpans[sentenceIndex];
  }
  return { text, tokens, sentences };
}
