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
import { LETTER, LOWER, MARK, NUMBER, SPACE, UPPER, classAt, classOf, codePointAt, runEnd, width } from './chars.ts';

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

/*
 * One token per position, the first rule that matches there winning: URL, e-mail, dotted acronym ("U.S.",
 * "a.m."), number with inner separators ("10,000", "1996-08-22", "1-0", "1990s"), word with inner hyphens,
 * apostrophes or ampersands ("Kwang-chol", "O'Brien", "AT&T"), multi-character punctuation ("...", "--",
 * "``", "''"), and finally any other single character. White space separates tokens. The rules are those of
 * one regular expression, written out as a scanner over character codes: the tokenizer runs over every
 * annotated document, and the Unicode-property expression cost about as much as tagging itself.
 */

/** [A-Za-z0-9_] (\w) */
function isWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
}

/** [\w.+-], the characters of an e-mail address before its @ */
function isEmailChar(code: number): boolean {
  return isWordChar(code) || code === 46 || code === 43 || code === 45;
}

/** Characters that may not end a URL: [.,;:!?)\]'’] */
function isUrlTrailer(code: number): boolean {
  return code === 46 || code === 44 || code === 59 || code === 58 || code === 33 || code === 63 || code === 41 || code === 93 || code === 39 || code === 0x2019;
}

/** `https?://[^\s<>"]*[^\s<>".,;:!?)\]'’]` at `start`: end of the match, or -1. */
function urlEnd(text: string, start: number): number {
  let at: number;
  if (text.startsWith('https://', start)) at = start + 8;
  else if (text.startsWith('http://', start)) at = start + 7;
  else return -1;
  let end = -1;
  for (;;) {
    const codePoint = codePointAt(text, at);
    if (codePoint < 0 || codePoint === 60 || codePoint === 62 || codePoint === 34 || classOf(codePoint) & SPACE) break;
    at += width(codePoint);
    if (!isUrlTrailer(codePoint)) end = at;
  }
  return end;
}

/** `[\w.+-]+@[\w-]+(?:\.[\w-]+)+` at `start`: end of the match, or -1. */
function emailEnd(text: string, start: number): number {
  let at = start;
  while (isEmailChar(text.charCodeAt(at))) at++;
  if (at === start || text.charCodeAt(at) !== 64) return -1;
  const domain = ++at;
  while (isWordChar(text.charCodeAt(at)) || text.charCodeAt(at) === 45) at++;
  if (at === domain) return -1;
  let parts = 0;
  while (text.charCodeAt(at) === 46 && (isWordChar(text.charCodeAt(at + 1)) || text.charCodeAt(at + 1) === 45)) {
    at += 2;
    while (isWordChar(text.charCodeAt(at)) || text.charCodeAt(at) === 45) at++;
    parts++;
  }
  return parts > 0 ? at : -1;
}

/** `(?:\p{L}\.){2,}(?!\p{L})` at `start`: end of the match, or -1. */
function acronymEnd(text: string, start: number): number {
  let at = start;
  let letters = 0;
  for (;;) {
    const codePoint = codePointAt(text, at);
    if (codePoint < 0 || !(classOf(codePoint) & LETTER) || text.charCodeAt(at + width(codePoint)) !== 46) break;
    at += width(codePoint) + 1;
    letters++;
  }
  return letters >= 2 && !(classAt(text, at) & LETTER) ? at : -1;
}

/** `\p{N}+(?:[.,:/\-]\p{N}+)*\p{L}*` at a number. */
function numberEnd(text: string, start: number): number {
  let at = runEnd(text, start, NUMBER);
  for (;;) {
    const code = text.charCodeAt(at);
    const separator = code === 46 || code === 44 || code === 58 || code === 47 || code === 45;
    if (!separator || !(classAt(text, at + 1) & NUMBER)) break;
    at = runEnd(text, at + 1, NUMBER);
  }
  return runEnd(text, at, LETTER);
}

/** `[\p{L}\p{M}\p{N}]+(?:[-‐‑'’&][\p{L}\p{M}\p{N}]+)*` at a letter or mark. */
function wordEnd(text: string, start: number): number {
  const inner = LETTER | MARK | NUMBER;
  let at = runEnd(text, start, inner);
  for (;;) {
    const code = text.charCodeAt(at);
    const joiner = code === 45 || code === 0x2010 || code === 0x2011 || code === 39 || code === 0x2019 || code === 38;
    if (!joiner || !(classAt(text, at + 1) & inner)) break;
    at = runEnd(text, at + 1, inner);
  }
  return at;
}

/**
 * End of the token starting at `start` (a non-space code point of class `cls`); `mayBeAddress` when an
 * unbroken run of e-mail address characters leads from `start` to an @.
 */
function tokenEnd(text: string, start: number, codePoint: number, cls: number, mayBeAddress: boolean): number {
  const code = text.charCodeAt(start);
  if (code === 104) {
    const end = urlEnd(text, start);
    if (end > 0) return end;
  }
  if (mayBeAddress) {
    const end = emailEnd(text, start);
    if (end > 0) return end;
  }
  if (cls & LETTER) {
    const end = acronymEnd(text, start);
    if (end > 0) return end;
  }
  if (cls & NUMBER) return numberEnd(text, start);
  if (cls & (LETTER | MARK)) return wordEnd(text, start);
  const next = text.charCodeAt(start + 1);
  if (code === 46 && next === 46 && text.charCodeAt(start + 2) === 46) return start + 3;
  if ((code === 45 || code === 96 || code === 39) && next === code) return start + 2;
  return start + width(codePoint);
}

const DIGIT_AHEAD = /^\s*\p{N}/u;
const BLANK_LINE = /\n[^\S\n]*\n/;
const CURLY_APOSTROPHE = /’/g;

/**
 * Token boundaries in reusable typed arrays: token k is `text.slice(starts[k], ends[k])`. The tagger reads
 * tokens this way, so a document costs no token objects and no strings but those of words it has not seen.
 */
export class TokenOffsets {
  count = 0;
  starts = new Int32Array(1024);
  ends = new Int32Array(1024);

  push(start: number, end: number): void {
    if (this.count === this.starts.length) {
      const starts = new Int32Array(this.count * 2);
      const ends = new Int32Array(this.count * 2);
      starts.set(this.starts);
      ends.set(this.ends);
      this.starts = starts;
      this.ends = ends;
    }
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.count++;
  }
}

/** Fills `out` with the tokens of `text` (see `tokenize`). */
export function scanTokens(text: string, out: TokenOffsets): void {
  out.count = 0;
  const length = text.length;
  // E-mail addresses need an @: track the next one and where the run of address characters before it starts.
  let nextAt = -1;
  let addressStart = length;
  let start = 0;
  while (start < length) {
    const code = text.charCodeAt(start);
    if (code === 32 || (code >= 9 && code <= 13)) {
      start++;
      continue;
    }
    const codePoint = codePointAt(text, start);
    const cls = classOf(codePoint);
    if (cls & SPACE) {
      start += width(codePoint);
      continue;
    }
    if (nextAt < start && nextAt !== length) {
      nextAt = text.indexOf('@', start);
      if (nextAt < 0) nextAt = length;
      addressStart = nextAt;
      while (addressStart > start && isEmailChar(text.charCodeAt(addressStart - 1))) addressStart--;
    }
    let end = tokenEnd(text, start, codePoint, cls, start >= addressStart && start < nextAt);
    if (cls & (LETTER | NUMBER)) {
      if (text.charCodeAt(end) === 46 && keepsPeriod(text.slice(start, end), text, end)) {
        out.push(start, end + 1);
        start = end + 1;
        continue;
      }
      const cliticLength = trailingClitic(text, start, end);
      if (cliticLength > 0) {
        out.push(start, end - cliticLength);
        out.push(end - cliticLength, end);
        start = end;
        continue;
      }
    }
    out.push(start, end);
    start = end;
  }
}

/** Splits `text` into tokens with offsets. */
export function tokenize(text: string): NerToken[] {
  const offsets = new TokenOffsets();
  scanTokens(text, offsets);
  const tokens: NerToken[] = [];
  for (let k = 0; k < offsets.count; k++) {
    const start = offsets.starts[k];
    const end = offsets.ends[k];
    tokens.push({ text: text.slice(start, end), start, end });
  }
  return tokens;
}

/** Length of a clitic to split off the end of the word `text[start, end)` ("'s" of "Ukraine's"), or 0. */
function trailingClitic(text: string, start: number, end: number): number {
  if (end - start < 3) return 0;
  // Every clitic has its apostrophe second or third from the end: most words leave here.
  const second = text.charCodeAt(end - 2);
  const third = text.charCodeAt(end - 3);
  if (second !== 39 && second !== 0x2019 && third !== 39 && third !== 0x2019) return 0;
  const lower = text.slice(start, end).toLowerCase().replace(CURLY_APOSTROPHE, "'");
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
  return word.length === 1 && (classAt(word, 0) & UPPER) !== 0;
}

/** True when a token that carries its own period may still end the sentence ("... of the U.S. The ..."). */
function abbreviationMayEnd(token: string): boolean {
  if (!token.endsWith('.') || token.length < 2) return false;
  const bare = token.slice(0, -1).toLowerCase();
  if (TITLE_ABBREVIATIONS.has(bare) || MONTH_ABBREVIATIONS.has(bare)) return false;
  if (bare.length === 1) return false;
  return FINAL_ABBREVIATIONS.has(bare) || bare.includes('.');
}

/** Token `text[start, end)` is sentence-final punctuation: . ! ? ... … */
function isSentenceFinal(text: string, start: number, end: number): boolean {
  const code = text.charCodeAt(start);
  if (end - start === 1) return code === 46 || code === 33 || code === 63 || code === 0x2026;
  return end - start === 3 && code === 46 && text.charCodeAt(start + 1) === 46 && text.charCodeAt(start + 2) === 46;
}

/** Token `text[start, end)` is a closing mark that belongs to the sentence it touches: " ' '' ” ’ ) ] » */
function isCloser(text: string, start: number, end: number): boolean {
  const code = text.charCodeAt(start);
  if (end - start === 2) return code === 39 && text.charCodeAt(start + 1) === 39;
  if (end - start !== 1) return false;
  return code === 34 || code === 39 || code === 0x201d || code === 0x2019 || code === 41 || code === 93 || code === 0xbb;
}

/**
 * Groups tokens into sentences. A sentence ends at . ! ? (with the closing quotes or brackets that touch
 * it) unless the next word starts in lowercase; after an abbreviation ("U.S.", "Corp.") only when a common
 * sentence starter follows; always at a blank line; at a line break unless the next line starts in
 * lowercase (headlines and datelines stand on their own lines in scraped news). Returns the index of each
 * sentence's first token, then `tokens.count`.
 */
export function sentenceStarts(text: string, tokens: TokenOffsets): Int32Array {
  const { starts, ends, count } = tokens;
  const firsts: number[] = [];
  let open = -1; // first token of the sentence being read, -1 when none
  const close = (): void => {
    if (open < 0) return;
    firsts.push(open);
    open = -1;
  };
  for (let i = 0; i < count; i++) {
    if (open >= 0) {
      const gapStart = ends[i - 1];
      let newline = false;
      for (let k = gapStart; k < starts[i]; k++) if (text.charCodeAt(k) === 10) newline = true;
      if (newline && (BLANK_LINE.test(text.slice(gapStart, starts[i])) || (classAt(text, starts[i]) & LOWER) === 0)) close();
    }
    if (open < 0) open = i;
    if (i + 1 === count) break;
    if (isSentenceFinal(text, starts[i], ends[i])) {
      // Absorb closing quotes and brackets written right after the punctuation.
      let j = i + 1;
      while (j < count && isCloser(text, starts[j], ends[j]) && starts[j] === ends[j - 1]) j++;
      i = j - 1;
      if (j === count || (classAt(text, starts[j]) & LOWER) === 0) close();
    } else if (text.charCodeAt(ends[i] - 1) === 46 && abbreviationMayEnd(text.slice(starts[i], ends[i]))) {
      const next = i + 1;
      if ((classAt(text, starts[next]) & UPPER) !== 0 && SENTENCE_STARTERS.has(text.slice(starts[next], ends[next]).toLowerCase())) close();
    }
  }
  close();
  firsts.push(count);
  return Int32Array.from(firsts);
}

/** Groups tokens into sentences (see `sentenceStarts`). */
export function splitSentences(text: string, tokens: NerToken[] = tokenize(text)): NerSentence[] {
  const offsets = new TokenOffsets();
  for (const token of tokens) offsets.push(token.start, token.end);
  const firsts = sentenceStarts(text, offsets);
  const sentences: NerSentence[] = [];
  for (let s = 0; s + 1 < firsts.length; s++) {
    const members = tokens.slice(firsts[s], firsts[s + 1]);
    sentences.push({ start: members[0].start, end: members[members.length - 1].end, tokens: members });
  }
  return sentences;
}
