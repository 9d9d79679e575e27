/**
 * Tokenizer and sentence splitter for raw news text, producing tokens as CoNLL-2003 spells them (the tagger
 * was trained on that tokenization): "U.S." and "Mr." keep their period, "Kwang-chol" and "10,000" stay
 * whole, clitics split off ("Ukraine's" -> "Ukraine" "'s", "don't" -> "do" "n't"), every other punctuation
 * mark is its own token. Offsets are JS string indices into the input, end exclusive.
 */

import {
  CLITICS,
  FINAL_ABBREVIATIONS,
  MONTH_ABBREVIATIONS,
  SENTENCE_STARTERS,
  TITLE_ABBREVIATIONS,
} from './constants.ts';

export interface NerToken {
  text: string;
  start: number;
  end: number;
}

export interface NerSentence {
  start: number;
  end: number;
  tokens: NerToken[];
}

/**
 * One token per match, tried in order: URL, e-mail, dotted acronym ("U.S.", "a.m."), number with inner
 * separators ("10,000", "1996-08-22", "1-0", "1990s"), word with inner hyphens, apostrophes or ampersands
 * ("Kwang-chol", "O'Brien", "AT&T"), multi-character punctuation, and finally any other single character.
 */
const TOKEN_PATTERN = new RegExp(
  [
    String.raw`https?://[^\s<>"]*[^\s<>".,;:!?)\]'’]`,
    String.raw`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`,
    String.raw`(?:\p{L}\.){2,}(?!\p{L})`,
    String.raw`\p{N}+(?:[.,:/\-]\p{N}+)*\p{L}*`,
    String.raw`[\p{L}\p{M}\p{N}]+(?:[-‐‑'’&][\p{L}\p{M}\p{N}]+)*`,
    String.raw`\.\.\.|--|\x60\x60|''`,
    String.raw`\S`,
  ].join('|'),
  'gu',
);
const WORD_START = /^[\p{L}\p{N}]/u;
const LOWER_START = /^\p{Ll}/u;
const UPPER_START = /^\p{Lu}/u;
const DIGIT_AHEAD = /^\s*\p{N}/u;
const SENTENCE_FINAL = new Set(['.', '!', '?', '...', '…']);
/** Closing marks that belong to the sentence they follow when they touch its final punctuation. */
const CLOSERS = new Set(['"', "'", "''", '”', '’', ')', ']', '»']);
const BLANK_LINE = /\n[^\S\n]*\n/;
const CURLY_APOSTROPHE = /’/g;

/** Splits `text` into tokens with offsets. */
export function tokenize(text: string): NerToken[] {
  const tokens: NerToken[] = [];
  TOKEN_PATTERN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = TOKEN_PATTERN.exec(text)) !== null) {
    const word = match[0];
    const start = match.index;
    let end = start + word.length;
    if (WORD_START.test(word)) {
      const period = text.charCodeAt(end) === 46 && keepsPeriod(word, text, end);
      if (period) {
        end += 1;
        TOKEN_PATTERN.lastIndex = end;
        tokens.push({ text: text.slice(start, end), start, end });
        continue;
      }
      const cliticLength = trailingClitic(word);
      if (cliticLength > 0) {
        const cut = end - cliticLength;
        tokens.push({ text: text.slice(start, cut), start, end: cut });
        tokens.push({ text: text.slice(cut, end), start: cut, end });
        continue;
      }
    }
    tokens.push({ text: word, start, end });
  }
  return tokens;
}

/** Length of a clitic to split off the end of a word ("'s" of "Ukraine's"), or 0. */
function trailingClitic(word: string): number {
  if (word.length < 3) return 0;
  const lower = word.toLowerCase().replace(CURLY_APOSTROPHE, "'");
  for (const clitic of CLITICS) {
    if (lower.length > clitic.length && lower.endsWith(clitic)) return clitic.length;
  }
  return 0;
}

/** True when the period after `word` (at `periodAt`) is part of it: an abbreviation or an initial. */
function keepsPeriod(word: string, text: string, periodAt: number): boolean {
  const next = text.charCodeAt(periodAt + 1);
  // "..." is an ellipsis, not an abbreviation's period.
  if (next === 46) return false;
  const lower = word.toLowerCase();
  if (lower === 'no' || lower === 'nos') return DIGIT_AHEAD.test(text.slice(periodAt + 1, periodAt + 4));
  if (TITLE_ABBREVIATIONS.has(lower) || MONTH_ABBREVIATIONS.has(lower) || FINAL_ABBREVIATIONS.has(lower)) return true;
  // A single capital is an initial ("John J. Smith").
  return word.length === 1 && UPPER_START.test(word);
}

/** True when a token that carries its own period may still end the sentence ("... of the U.S. The ..."). */
function abbreviationMayEnd(token: string): boolean {
  if (!token.endsWith('.') || token.length < 2) return false;
  const bare = token.slice(0, -1).toLowerCase();
  if (TITLE_ABBREVIATIONS.has(bare) || MONTH_ABBREVIATIONS.has(bare)) return false;
  if (bare.length === 1) return false;
  return FINAL_ABBREVIATIONS.has(bare) || bare.includes('.');
}

/**
 * Groups tokens into sentences. A sentence ends at . ! ? (with the closing quotes or brackets that touch
 * it) unless the next word starts in lowercase; after an abbreviation ("U.S.", "Corp.") only when a common
 * sentence starter follows; always at a blank line; at a line break unless the next line starts in
 * lowercase (headlines and datelines stand on their own lines in scraped news).
 */
export function splitSentences(text: string, tokens: NerToken[] = tokenize(text)): NerSentence[] {
  const sentences: NerSentence[] = [];
  let current: NerToken[] = [];
  const close = (): void => {
    if (current.length === 0) return;
    sentences.push({ start: current[0].start, end: current[current.length - 1].end, tokens: current });
    current = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (current.length > 0) {
      const gap = text.slice(current[current.length - 1].end, token.start);
      if (gap.includes('\n') && (BLANK_LINE.test(gap) || !LOWER_START.test(token.text))) close();
    }
    current.push(token);
    const next = tokens[i + 1];
    if (next === undefined) break;
    if (SENTENCE_FINAL.has(token.text)) {
      // Absorb closing quotes and brackets written right after the punctuation.
      let j = i + 1;
      while (j < tokens.length && CLOSERS.has(tokens[j].text) && tokens[j].start === tokens[j - 1].end) {
        current.push(tokens[j]);
        j++;
      }
      i = j - 1;
      const following = tokens[j];
      if (following === undefined || !LOWER_START.test(following.text)) close();
    } else if (abbreviationMayEnd(token.text) && UPPER_START.test(next.text) && SENTENCE_STARTERS.has(next.text.toLowerCase())) {
      close();
    }
  }
  close();
  return sentences;
}
