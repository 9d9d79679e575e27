/** Text features of the clusterer: content tokens, light stemming, capitalised names, word shingles. */
import { MIN_TOKEN_LENGTH, NON_NAME_CAPITALS, STOP_WORDS } from './constants.ts';

const WORD = /[\p{L}\p{N}]+/gu;
const COMBINING_MARKS = /\p{M}+/gu;

/** Lowercase and strip accents so "Zürich" and "Zurich" are one term. */
export function foldCase(text: string): string {
  return text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
}

/**
 * Light suffix stripping (plural, -ing, -ed, final e): enough to join "arrives/arrived/arriving" and
 * "troops/troop", without a full Porter stemmer's surprises on names.
 */
export function stem(word: string): string {
  let w = word;
  if (/^\d+$/.test(w)) return w;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = undouble(w.slice(0, -3));
  else if (w.length > 4 && w.endsWith('ed')) w = undouble(w.slice(0, -2));
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** "stopp" -> "stop" after "-ing"/"-ed" removal, keeping "ll"/"ss" ("killed" -> "kill"). */
function undouble(w: string): string {
  const last = w[w.length - 1];
  if (w.length > 3 && last === w[w.length - 2] && !'lsz'.includes(last) && !/[aeiou]/.test(last)) return w.slice(0, -1);
  return w;
}

/** Content tokens: folded, stop words and one-letter tokens dropped, stemmed. */
export function contentTokens(text: string): string[] {
  const out: string[] = [];
  for (const match of foldCase(text).matchAll(WORD)) {
    const word = match[0];
    if (word.length < MIN_TOKEN_LENGTH || STOP_WORDS.has(word)) continue;
    out.push(stem(word));
  }
  return out;
}

/** All words, folded, unstemmed: the material of shingles (function words matter for copy detection). */
export function plainWords(text: string): string[] {
  return foldCase(text).match(WORD) ?? [];
}

/**
 * Fallback entities when an article comes without annotations: capitalised words that do not open a
 * sentence (a sentence opener is capitalised for grammar) and are not common function words, folded.
 */
export function capitalisedWords(text: string): string[] {
  const out = new Set<string>();
  const pattern = /[\p{L}\p{N}]+/gu;
  for (const match of text.matchAll(pattern)) {
    const word = match[0];
    if (!/^\p{Lu}/u.test(word) || word.length < MIN_TOKEN_LENGTH) continue;
    if (opensSentence(text, match.index ?? 0)) continue;
    const folded = foldCase(word);
    if (NON_NAME_CAPITALS.has(folded) || STOP_WORDS.has(folded)) continue;
    out.add(folded);
  }
  return [...out];
}

function opensSentence(text: string, index: number): boolean {
  for (let i = index - 1; i >= 0; i--) {
    const ch = text[i];
    if (ch === ' ' || ch === '\t' || ch === '"' || ch === '\'' || ch === '`' || ch === '(' || ch === '“' || ch === '‘') continue;
    return ch === '.' || ch === '!' || ch === '?' || ch === '\n';
  }
  return true;
}

/** 32-bit FNV-1a of a string: a fast, stable hash for shingles and band keys. */
export function fnv1a(text: string): number {
  return fnv1aContinue(0x811c9dc5, text);
}

/**
 * FNV-1a continued from `state` (fnv1a of a prefix, see fnv1aPrefix): fnv1aContinue(fnv1aPrefix(p), s) ===
 * fnv1a(p + s), without building the concatenated string.
 */
export function fnv1aContinue(state: number, text: string): number {
  let h = state;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The FNV-1a state after `prefix`, to continue with fnv1aContinue. */
export function fnv1aPrefix(prefix: string): number {
  return fnv1aContinue(0x811c9dc5, prefix);
}

/**
 * Hashes of the word n-grams of a text (a text shorter than n words is one shingle). Each word is hashed
 * once and the n-gram hash chains the word hashes, so no n-gram string is built.
 */
export function shingleHashes(text: string, size: number): Set<number> {
  return shingleHashesOfWords(plainWords(text), size);
}

const NUMBER = /\d[\d,.]*\d|\d/g;
const YEAR = /^(19|20)\d\d$/;

/**
 * Numbers a text states, as agreement evidence between two reports of one event ("14 dead", "31-24",
 * "$2.5 million"): digits with thousands separators removed, years kept apart (see `yearsOf`), and
 * single digits dropped (list markers, times of day and "one of two" say nothing about the event).
 */
export function salientNumbers(text: string): string[] {
  const out = new Set<string>();
  for (const match of text.matchAll(NUMBER)) {
    const raw = match[0].replace(/,(?=\d{3}\b)/g, '').replace(/[.,]+$/, '');
    if (raw.length < 2 || YEAR.test(raw)) continue;
    out.add(raw);
  }
  return [...out];
}

/** Four-digit years 1900-2099 written in a text (in dates, datelines or URLs). */
export function yearsOf(text: string): string[] {
  const out = new Set<string>();
  // A scan for "19" / "20" followed by two digits, then the regex's context rules: not inside a longer
  // number or a decimal ("2.2019", "20190"), as /(?<![\d.,])(19|20)\d\d(?![\d.,]\d)/ (the scan is faster).
  const isDigit = (i: number) => {
    const c = text.charCodeAt(i);
    return c >= 48 && c <= 57;
  };
  for (let i = text.indexOf('19'), j = text.indexOf('20'); i >= 0 || j >= 0; ) {
    const at = i < 0 ? j : j < 0 ? i : Math.min(i, j);
    if (isDigit(at + 2) && isDigit(at + 3)) {
      const before = at > 0 ? text[at - 1] : '';
      const next = text[at + 4] ?? '';
      const clearBefore = !(before >= '0' && before <= '9') && before !== '.' && before !== ',';
      const clearAfter = !((next >= '0' && next <= '9') || ((next === '.' || next === ',') && isDigit(at + 5)));
      if (clearBefore && clearAfter) out.add(text.slice(at, at + 4));
    }
    if (at === i) i = text.indexOf('19', i + 1);
    else j = text.indexOf('20', j + 1);
  }
  return [...out];
}

/**
 * Content tokens written in lower case: the common nouns and verbs that say what kind of thing happened
 * ("fire", "rehab", "sentenced"), without the names that say to whom. Two events of one kind share them.
 */
export function commonTokens(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    if (!/^\p{Ll}/u.test(word)) continue;
    const folded = foldCase(word);
    if (folded.length < MIN_TOKEN_LENGTH || STOP_WORDS.has(folded)) continue;
    out.push(stem(folded));
  }
  return out;
}

/** What one pass over a text gives the clusterer. */
export interface TextAnalysis {
  /** fnv1a of every word, folded, unstemmed (the material of shingles: see shingleHashesOfWordHashes). */
  wordHashes: number[];
  /** Content tokens: stop words and one-letter tokens dropped, stemmed (as contentTokens). */
  content: string[];
  /** Per content token, whether it was written in lower case: those tokens are commonTokens. */
  lowerCase: boolean[];
  /** Per content token, its word's cache entry (ASCII words; null for the others): see WordMemo. */
  memos: Array<WordMemo | null>;
  /** Capitalised words that do not open a sentence, folded (as capitalisedWords). */
  names: string[];
}

/** Folded word -> its stem, or '' for a stop word: one look-up per word decides both. */
const STEM_CACHE = new Map<string, string>();
/** Distinct words whose stems are remembered; the cache is emptied when full (a stream's vocabulary churns). */
const STEM_CACHE_SIZE = 200_000;

/** The stem of a folded word of at least MIN_TOKEN_LENGTH characters, or '' when it is a stop word. */
function cachedContentStem(word: string): string {
  let stemmed = STEM_CACHE.get(word);
  if (stemmed === undefined) {
    if (STEM_CACHE.size >= STEM_CACHE_SIZE) STEM_CACHE.clear();
    stemmed = STOP_WORDS.has(word) ? '' : stem(word);
    STEM_CACHE.set(word, stemmed);
  }
  return stemmed;
}

/**
 * A slot on a cached word where a caller may keep what it derives from the word's stem (the clusterer
 * keeps its document-frequency record there), tagged with an owner object so that two callers do not
 * take each other's values. Valid while the word stays in the cache; the caller checks the owner.
 */
export interface WordMemo {
  memo: object | null;
  memoOwner: object | null;
}

/** What the ASCII word cache keeps of a folded word. */
interface AsciiWord extends WordMemo {
  /** The folded word. */
  word: string;
  /** Its stem, or '' for a stop word or a word shorter than MIN_TOKEN_LENGTH. */
  stem: string;
  /** Whether it is a common capitalised word that names nothing (NON_NAME_CAPITALS). */
  nonName: boolean;
}

/**
 * ASCII words by the FNV-1a hash of their folded form, computed while scanning: a known word is found
 * without slicing, lowercasing or hashing a new string (the slowest part of the scan). The cache outgrows
 * the processor caches, so it is laid out for few memory reads: an open-addressing table in one typed
 * array whose slot (32 bytes) holds the hash, the entry's number, the length, whether the word has a stem,
 * and the first SLOT_CHARS folded characters (longer words go on in a byte pool). A stop word is then
 * recognised from its slot alone, and a content word costs the slot and its entry.
 */
const WORD_SLOT_BITS = 19;
/** Slots of the table: over twice STEM_CACHE_SIZE, so probe runs stay short. */
const WORD_SLOT_MASK = (1 << WORD_SLOT_BITS) - 1;
/** 32-bit words per slot: hash, entry number + 1 (0: empty slot), length | HAS_STEM, pool offset, characters. */
const SLOT_WORDS = 8;
const SLOT_CHARS_AT = 4;
const SLOT_CHARS = (SLOT_WORDS - SLOT_CHARS_AT) * 4;
const HAS_STEM = 1 << 16;
const wordSlots = new Uint32Array((WORD_SLOT_MASK + 1) * SLOT_WORDS);
const asciiWords: AsciiWord[] = [];
/** Folded characters of cached words beyond their first SLOT_CHARS. */
let wordPool = new Uint8Array(1 << 16);
let wordPoolUsed = 0;
/** What asciiWordSlot returns for a word without a stem (a stop word or a single character). */
const NO_STEM = -1;

/**
 * The cached word text[start, end) (ASCII, any case), created on first sight: its entry's index in
 * asciiWords, or NO_STEM when it has no stem (the entry is not needed then).
 */
function asciiWordIndex(text: string, start: number, end: number, hash: number): number {
  const length = end - start;
  const slots = wordSlots;
  let slot = Math.imul(hash, 0x9e3779b1) >>> (32 - WORD_SLOT_BITS);
  for (;;) {
    const at = slot * SLOT_WORDS;
    const number = slots[at + 1];
    if (number === 0) break;
    const lengthAndFlags = slots[at + 2];
    if (slots[at] === hash && (lengthAndFlags & 0xffff) === length) {
      let same = true;
      for (let k = 0; k < length; k++) {
        let c = text.charCodeAt(start + k);
        if (c >= 65 && c <= 90) c += 32;
        const cached = k < SLOT_CHARS ? (slots[at + SLOT_CHARS_AT + (k >>> 2)] >>> ((k & 3) * 8)) & 0xff : wordPool[slots[at + 3] + k - SLOT_CHARS];
        if (c !== cached) {
          same = false;
          break;
        }
      }
      if (same) return lengthAndFlags & HAS_STEM ? number - 1 : NO_STEM;
    }
    slot = (slot + 1) & WORD_SLOT_MASK;
  }
  if (asciiWords.length >= STEM_CACHE_SIZE || length > 0xffff) {
    // Full (a stream's vocabulary churns): start over. A word too long for a slot is never cached.
    if (length > 0xffff) return newAsciiWord(text.slice(start, end).toLowerCase());
    wordSlots.fill(0);
    asciiWords.length = 0;
    wordPoolUsed = 0;
    return asciiWordIndex(text, start, end, hash);
  }
  const word = text.slice(start, end).toLowerCase();
  const index = newAsciiWord(word);
  const at = slot * SLOT_WORDS;
  slots[at] = hash;
  slots[at + 1] = asciiWords.length;
  slots[at + 2] = length | (index === NO_STEM ? 0 : HAS_STEM);
  for (let k = 0; k < Math.min(length, SLOT_CHARS); k++) slots[at + SLOT_CHARS_AT + (k >>> 2)] |= word.charCodeAt(k) << ((k & 3) * 8);
  if (length > SLOT_CHARS) {
    const rest = length - SLOT_CHARS;
    if (wordPoolUsed + rest > wordPool.length) {
      const grown = new Uint8Array(Math.max(wordPool.length * 2, wordPoolUsed + rest));
      grown.set(wordPool.subarray(0, wordPoolUsed));
      wordPool = grown;
    }
    for (let k = 0; k < rest; k++) wordPool[wordPoolUsed + k] = word.charCodeAt(SLOT_CHARS + k);
    slots[at + 3] = wordPoolUsed;
    wordPoolUsed += rest;
  }
  return index;
}

/** Adds the entry of a folded ASCII word: its index, or NO_STEM (the entry is still added, unused). */
function newAsciiWord(word: string): number {
  const stemmed = word.length < MIN_TOKEN_LENGTH || STOP_WORDS.has(word) ? '' : stem(word);
  asciiWords.push({ word, stem: stemmed, nonName: NON_NAME_CAPITALS.has(word), memo: null, memoOwner: null });
  return stemmed === '' ? NO_STEM : asciiWords.length - 1;
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u;
/** Non-ASCII code points already classified as word characters (true) or not (false). */
const WORD_CODES = new Map<number, boolean>();
const WORD_CODES_SIZE = 50_000;

/** ASCII characters that belong to words (letters and digits). */
const ASCII_WORD_CHAR = new Uint8Array(128).map((_, c) => ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0));

/** Whether a code point belongs to a word (`[\p{L}\p{N}]`): ASCII by range, the rest by the regex, remembered. */
function isWordCode(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  let known = WORD_CODES.get(code);
  if (known === undefined) {
    if (WORD_CODES.size >= WORD_CODES_SIZE) WORD_CODES.clear();
    known = WORD_CHAR.test(String.fromCodePoint(code));
    WORD_CODES.set(code, known);
  }
  return known;
}

/**
 * One pass over the words of a text: the same tokens as contentTokens, commonTokens, capitalisedWords and
 * plainWords. Words are found by a character scan (the same words as `[\p{L}\p{N}]+`), which is several
 * times faster than the Unicode regex on long texts.
 */
export function analyzeText(text: string): TextAnalysis {
  const wordHashes: number[] = [];
  const content: string[] = [];
  const lowerCase: boolean[] = [];
  const memos: Array<WordMemo | null> = [];
  const names = new Set<string>();
  const n = text.length;
  let i = 0;
  while (i < n) {
    let code = text.charCodeAt(i);
    if (code < 128) {
      if (ASCII_WORD_CHAR[code] === 0) {
        i++;
        continue;
      }
    } else {
      code = text.codePointAt(i) as number;
      if (!isWordCode(code)) {
        i += code > 0xffff ? 2 : 1;
        continue;
      }
    }
    const start = i;
    let ascii = true;
    // FNV-1a of the folded word, valid while the word is ASCII (folding is then lowercasing A-Z).
    let hash = 0x811c9dc5;
    while (i < n) {
      code = text.charCodeAt(i);
      if (code < 128) {
        if (ASCII_WORD_CHAR[code] === 0) break;
        hash = Math.imul(hash ^ (code >= 65 && code <= 90 ? code + 32 : code), 0x01000193);
        i++;
      } else {
        code = text.codePointAt(i) as number;
        if (!isWordCode(code)) break;
        ascii = false;
        i += code > 0xffff ? 2 : 1;
      }
    }
    const first = text.charCodeAt(start);
    if (ascii) {
      wordHashes.push(hash >>> 0);
      const index = asciiWordIndex(text, start, i, hash >>> 0);
      if (index === NO_STEM) continue;
      const entry = asciiWords[index];
      content.push(entry.stem);
      memos.push(entry);
      const lower = first >= 97 && first <= 122;
      lowerCase.push(lower);
      if (lower) continue;
      if (first >= 65 && first <= 90 && !entry.nonName && !opensSentence(text, start)) names.add(entry.word);
      continue;
    }
    const word = text.slice(start, i);
    const folded = foldCase(word);
    wordHashes.push(fnv1a(folded));
    if (folded.length < MIN_TOKEN_LENGTH) continue;
    const stemmed = cachedContentStem(folded);
    if (stemmed === '') continue;
    content.push(stemmed);
    memos.push(null);
    const lower = first >= 97 && first <= 122 ? true : first >= 65 && first <= 90 ? false : /^\p{Ll}/u.test(word);
    lowerCase.push(lower);
    if (lower) continue;
    if (/^\p{Lu}/u.test(word) && !NON_NAME_CAPITALS.has(folded) && !opensSentence(text, start)) names.add(folded);
  }
  return { wordHashes, content, lowerCase, memos, names: [...names] };
}

/** Shingle hashes of already-folded words (see shingleHashes). */
export function shingleHashesOfWords(words: readonly string[], size: number): Set<number> {
  return new Set(shingleHashesOfWordHashes(words.map(fnv1a), size));
}

/**
 * The distinct shingle hashes from the fnv1a hashes of the folded words (TextAnalysis.wordHashes), sorted
 * ascending: the same values as shingleHashesOfWords, deduplicated by a native sort instead of a Set.
 */
export function shingleHashesOfWordHashes(hashes: readonly number[], size: number): Uint32Array {
  if (hashes.length === 0) return new Uint32Array(0);
  const n = Math.min(size, hashes.length);
  const all = new Uint32Array(hashes.length - n + 1);
  for (let i = 0; i + n <= hashes.length; i++) {
    let h = 0x9e3779b9;
    for (let j = i; j < i + n; j++) h = Math.imul(h ^ hashes[j], 0x01000193) ^ (h >>> 15);
    all[i] = h >>> 0;
  }
  all.sort();
  let m = 0;
  for (let i = 0; i < all.length; i++) if (m === 0 || all[i] !== all[m - 1]) all[m++] = all[i];
  return all.subarray(0, m);
}
