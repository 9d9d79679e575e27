/**
 * The trained part of attribution: three hashed averaged-perceptron models over the shared tokens of
 * text.ts, trained on PolNeAR (scripts/train-claims.ts) and shipped as models/claims-polnear.bin.
 *
 *   cue model     : for each token whose word is in the learned cue-head lexicon ("said", "according",
 *                   "told"), "is this token the head of an attribution cue?" (binary), from its words
 *                   around, its stem, and approximations of its syntax: the subject before it once
 *                   auxiliaries are read past, what opens its complement, the quotation marks near it. The
 *                   cue span is the head widened over the words that training cues carry beside their
 *                   heads ("has said", "according to").
 *   source model  : for each cue, a ranker over candidate source spans of the cue's sentence (and "no
 *                   source"): claims-source-model.ts.
 *   content model : for each cue, every other token of the sentence gets O / CONTENT, left to right, with
 *                   the previous token's label and the token's place relative to the chosen source as
 *                   features (greedy decoding).
 *
 * Features are integers (FNV-1a of the lower-cased word, mixed with a template id), hashed into a fixed
 * table: the per-token values are computed once per document (`tokenContext`), and no strings are built
 * per token at run time.
 */

import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { AnalyzedText } from './text.ts';
import {
  CUE_CLAUSE_OPENERS,
  CUE_DETERMINERS,
  CUE_OBJECT_PRONOUNS,
  CUE_PERSON_PRONOUNS,
  CUE_PREPOSITIONS,
  CUE_SUBJECT_SKIPS,
  MODEL_HASH_BITS,
  QUANTIZATION_STEP,
  RELATIVE_SUBJECTS,
} from './claims-constants.ts';

export const LABEL_O = 0;
export const LABEL_CONTENT = 1;
export const CONTENT_LABELS = 2;

export const FEATURE_MASK = (1 << MODEL_HASH_BITS) - 1;
const MASK = FEATURE_MASK;

/** FNV-1a, 32 bits. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < s.length; k++) {
    h ^= s.charCodeAt(k);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Combines two 32-bit values into one feature hash (order matters). The result is a signed 32-bit integer:
 * every use masks it or mixes it again, which read the same 32 bits either way, and a signed value stays a
 * small integer in V8 where an unsigned one above 2^31 is boxed as a heap number on every call.
 */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x27d4eb2d, 0x9e3779b1) ^ b;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  return h ^ (h >>> 13);
}

// ---------------------------------------------------------------------------------------------------
// Per-document token context, computed once and shared by the three models

/** Punctuation seen in the gap before a token, as bit flags. */
export const GAP_COMMA = 1;
export const GAP_QUOTE = 2;
export const GAP_COLON = 4;
export const GAP_STOP = 8;
export const GAP_DASH = 16;
export const GAP_PAREN = 32;

export interface TokenContext {
  /** Hash of the lower-cased word. */
  word: Int32Array;
  /** Hash of the word shape (cap / upper / lower / num / other). */
  shape: Int32Array;
  /** The word shape as its index in SHAPES (for tables indexed by shape). */
  shapeKind: Uint8Array;
  /** Hash of the word's last three letters (of the whole word when it is short). */
  suffix: Int32Array;
  /** Punctuation flags of the gap before each token (and, at index n, after the last). */
  gapBefore: Uint8Array;
  /** 1 when the token stands inside a quotation. */
  inQuote: Uint8Array;
  /** Prefix counts over the gaps: commasBefore[k] = gaps g < k holding a comma (length n + 2). */
  commasBefore: Int32Array;
  /** Prefix counts over the gaps: quotesBefore[k] = gaps g < k holding a quotation mark (length n + 2). */
  quotesBefore: Int32Array;
  /** Lower-cased words. */
  lower: string[];
}

/** Punctuation flags of text[from, to); `quoted` is the quotation state before, updated through the gap. */
function scanGap(text: string, from: number, to: number, state: { quoted: boolean }): number {
  let flags = 0;
  for (let c = from; c < to; c++) {
    const ch = text.charCodeAt(c);
    if (ch === 32) continue;
    if (ch === 44) flags |= GAP_COMMA; // ,
    else if (ch === 0x201c) {
      flags |= GAP_QUOTE; // “
      state.quoted = true;
    } else if (ch === 0x201d) {
      flags |= GAP_QUOTE; // ”
      state.quoted = false;
    } else if (ch === 34) {
      flags |= GAP_QUOTE; // "
      state.quoted = !state.quoted;
    } else if ((ch === 96 || ch === 39) && text.charCodeAt(c + 1) === ch) {
      // Typewriter quotes: `` opens; '' closes after ``, but some papers open with '' too, so it toggles.
      flags |= GAP_QUOTE;
      state.quoted = ch === 96 || !state.quoted;
      c++;
    } else if (ch === 0xab || ch === 0xbb) flags |= GAP_QUOTE; // « »
    else if (ch === 58 || ch === 59) flags |= GAP_COLON; // : ;
    else if (ch === 46 || ch === 33 || ch === 63) flags |= GAP_STOP; // . ! ?
    else if (ch === 10) {
      flags |= GAP_STOP;
      if (text.charCodeAt(c + 1) === 10) state.quoted = false; // a quote never runs over a paragraph break unclosed
    } else if (ch === 0x2014 || ch === 0x2013 || (ch === 45 && to - from > 1)) flags |= GAP_DASH;
    else if (ch === 40 || ch === 41) flags |= GAP_PAREN;
  }
  return flags;
}

/** The word shapes of text.ts, in the order of TokenContext's `shapeKind`. */
export const SHAPES = ['cap', 'upper', 'lower', 'num', 'other'] as const;
/** Hash of each shape, by shape index. */
const SHAPE_HASHES = Int32Array.from(SHAPES, (shape) => hashString(shape) | 0);

/** Index of a shape in SHAPES (a switch: a keyed lookup by a string per token costs more). */
function shapeIndex(shape: (typeof SHAPES)[number]): number {
  switch (shape) {
    case 'cap':
      return 0;
    case 'upper':
      return 1;
    case 'lower':
      return 2;
    case 'num':
      return 3;
    default:
      return 4;
  }
}

/** FNV-1a of one marker character followed by s[from, to) (the suffix feature, without building a string). */
function hashMarked(marker: number, s: string, from: number, to: number): number {
  let h = Math.imul(0x811c9dc5 ^ marker, 0x01000193);
  for (let k = from; k < to; k++) {
    h ^= s.charCodeAt(k);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

const TILDE = 126;
const HASH_MARK = 35;

export function tokenContext(doc: AnalyzedText): TokenContext {
  const { text, tokens } = doc;
  const n = tokens.length;
  // All arrays share one buffer: one allocation per document instead of eight (each typed array of a few
  // hundred entries gets a separate backing store otherwise).
  const ints = 5 * n + 4;
  const buffer = new ArrayBuffer(ints * 4 + 3 * n + 1);
  const word = new Int32Array(buffer, 0, n);
  const shape = new Int32Array(buffer, 4 * n, n);
  const suffix = new Int32Array(buffer, 8 * n, n);
  const commasBefore = new Int32Array(buffer, 12 * n, n + 2);
  const quotesBefore = new Int32Array(buffer, 16 * n + 8, n + 2);
  const shapeKind = new Uint8Array(buffer, ints * 4, n);
  const gapBefore = new Uint8Array(buffer, ints * 4 + n, n + 1);
  const inQuote = new Uint8Array(buffer, ints * 4 + 2 * n + 1, n);
  const lower: string[] = new Array(n);
  const state = { quoted: false };
  let previousEnd = 0;
  for (let k = 0; k < n; k++) {
    const token = tokens[k]!;
    // The word itself when it is already lower-case ASCII (most tokens: no new string), hashed in the same
    // pass; else its lower-case form, hashed apart.
    const t = token.text;
    let h = FNV_OFFSET;
    let plain = true;
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if ((c >= 65 && c <= 90) || c > 127) {
        plain = false;
        break;
      }
      h = Math.imul(h ^ c, FNV_PRIME);
    }
    const w = plain ? t : t.toLowerCase();
    lower[k] = w;
    word[k] = plain ? h : hashString(w) | 0;
    suffix[k] = (w.length > 4 ? hashMarked(TILDE, w, w.length - 3, w.length) : hashMarked(HASH_MARK, w, 0, w.length)) | 0;
    const kind = shapeIndex(token.shape);
    shape[k] = SHAPE_HASHES[kind]!;
    shapeKind[k] = kind;
    gapBefore[k] = previousEnd === token.start ? 0 : scanGap(text, previousEnd, token.start, state);
    inQuote[k] = state.quoted ? 1 : 0;
    previousEnd = token.end;
  }
  gapBefore[n] = scanGap(text, previousEnd, Math.min(text.length, previousEnd + 4), state);
  let commas = 0;
  let quotes = 0;
  for (let g = 0; g <= n; g++) {
    const gap = gapBefore[g]!;
    if (gap & GAP_COMMA) commas++;
    if (gap & GAP_QUOTE) quotes++;
    commasBefore[g + 1] = commas;
    quotesBefore[g + 1] = quotes;
  }
  return { word, shape, shapeKind, suffix, gapBefore, inQuote, commasBefore, quotesBefore, lower };
}

/** Gaps g in [from, to] (inclusive) holding a comma. */
export const commasIn = (ctx: TokenContext, from: number, to: number) => (to < from ? 0 : ctx.commasBefore[to + 1]! - ctx.commasBefore[from]!);
/** Gaps g in [from, to] (inclusive) holding a quotation mark. */
export const quotesIn = (ctx: TokenContext, from: number, to: number) => (to < from ? 0 : ctx.quotesBefore[to + 1]! - ctx.quotesBefore[from]!);

// ---------------------------------------------------------------------------------------------------
// Word hash sets and maps

/**
 * A set of word hashes (tokenContext's `word`), open addressing over typed arrays: the per-token lexicon
 * test then reads two arrays instead of hashing a string.
 */
export class WordHashSet {
  private readonly keys: Int32Array;
  private readonly used: Uint8Array;
  private readonly mask: number;

  constructor(words: Iterable<string>) {
    const hashes = [...words].map((w) => hashString(w) | 0);
    let capacity = 16;
    while (capacity < hashes.length * 4) capacity *= 2;
    this.keys = new Int32Array(capacity);
    this.used = new Uint8Array(capacity);
    this.mask = capacity - 1;
    for (const h of hashes) {
      let slot = h & this.mask;
      while (this.used[slot] && this.keys[slot] !== h) slot = (slot + 1) & this.mask;
      this.keys[slot] = h;
      this.used[slot] = 1;
    }
  }

  has(hash: number): boolean {
    let slot = hash & this.mask;
    while (this.used[slot]) {
      if (this.keys[slot] === hash) return true;
      slot = (slot + 1) & this.mask;
    }
    return false;
  }
}

/** Values by word hash (tokenContext's `word`), open addressing: a Map's lookup without hashing a number key. */
export class WordHashMap<T> {
  private readonly keys: Int32Array;
  private readonly used: Uint8Array;
  private readonly values: Array<T | undefined>;
  private readonly mask: number;

  /** `entries`: word hashes and values; a later entry with the same hash replaces an earlier one (as a Map). */
  constructor(entries: Iterable<readonly [number, T]>) {
    const list = [...entries];
    let capacity = 16;
    while (capacity < list.length * 4) capacity *= 2;
    this.keys = new Int32Array(capacity);
    this.used = new Uint8Array(capacity);
    this.values = new Array<T | undefined>(capacity).fill(undefined);
    this.mask = capacity - 1;
    for (const [hash, value] of list) {
      const h = hash | 0;
      let slot = h & this.mask;
      while (this.used[slot] && this.keys[slot] !== h) slot = (slot + 1) & this.mask;
      this.keys[slot] = h;
      this.used[slot] = 1;
      this.values[slot] = value;
    }
  }

  get(hash: number): T | undefined {
    let slot = hash & this.mask;
    while (this.used[slot]) {
      if (this.keys[slot] === hash) return this.values[slot];
      slot = (slot + 1) & this.mask;
    }
    return undefined;
  }
}

/** Bit flags per word hash (tokenContext's `word`), open addressing: several word lists read with one probe. */
export class WordHashFlags {
  private readonly keys: Int32Array;
  private readonly flags: Int32Array;
  private readonly mask: number;

  /** `lists`: each word list with its flag; a word in several lists gets all their flags. */
  constructor(lists: Iterable<readonly [Iterable<string>, number]>) {
    const entries: Array<[number, number]> = [];
    for (const [words, flag] of lists) for (const w of words) entries.push([hashString(w) | 0, flag]);
    let capacity = 16;
    while (capacity < entries.length * 4) capacity *= 2;
    this.keys = new Int32Array(capacity);
    this.flags = new Int32Array(capacity);
    this.mask = capacity - 1;
    for (const [h, flag] of entries) {
      let slot = h & this.mask;
      while (this.flags[slot] !== 0 && this.keys[slot] !== h) slot = (slot + 1) & this.mask;
      this.keys[slot] = h;
      this.flags[slot] |= flag;
    }
  }

  /** The flags of a word hash, 0 when it is in no list. */
  get(hash: number): number {
    let slot = hash & this.mask;
    for (let flags = this.flags[slot]!; flags !== 0; flags = this.flags[slot]!) {
      if (this.keys[slot] === hash) return flags;
      slot = (slot + 1) & this.mask;
    }
    return 0;
  }
}

// ---------------------------------------------------------------------------------------------------
// Feature helpers

// Template ids as signed 32-bit integers (small integers in V8; mixing reads the same bits).
const T = (name: string) => hashString(name) | 0;

/** Boundary markers for words and shapes outside the sentence. */
export const BEFORE_SENTENCE = 1;
export const AFTER_SENTENCE = 2;
/** Shape value of a position outside the sentence. */
export const OUTSIDE_SHAPE = 3;

/** Word hash of token j, or a boundary marker outside the sentence [first, end). */
export function wordAt(ctx: TokenContext, j: number, first: number, end: number): number {
  return j >= first && j < end ? ctx.word[j]! : j < first ? BEFORE_SENTENCE : AFTER_SENTENCE;
}

export function shapeAt(ctx: TokenContext, j: number, first: number, end: number): number {
  return j >= first && j < end ? ctx.shape[j]! : OUTSIDE_SHAPE;
}

export const distanceBucket = (d: number) => (d <= 4 ? d : d <= 6 ? 5 : d <= 9 ? 6 : d <= 14 ? 7 : d <= 24 ? 8 : 9);

// ---------------------------------------------------------------------------------------------------
// Cue model features

/** Template ids of the cue features, by feature. */
export const CUE_FEATURE_COUNT = 39;
export const CUE_T = Array.from({ length: CUE_FEATURE_COUNT }, (_, i) => T(`cue.${i}`));

// Word classes of the cue context, as flags of one lookup per word.
const SKIP = 1;
const PERSON_PRONOUN = 2;
const DETERMINER = 4;
const OBJECT_PRONOUN = 8;
const PREPOSITION = 16;
const CLAUSE_OPENER = 32;
const RELATIVE = 64;
const CUE_CONTEXT_WORDS = new WordHashFlags([
  [CUE_SUBJECT_SKIPS, SKIP],
  [CUE_PERSON_PRONOUNS, PERSON_PRONOUN],
  [CUE_DETERMINERS, DETERMINER],
  [CUE_OBJECT_PRONOUNS, OBJECT_PRONOUN],
  [CUE_PREPOSITIONS, PREPOSITION],
  [CUE_CLAUSE_OPENERS, CLAUSE_OPENER],
  [RELATIVE_SUBJECTS, RELATIVE],
]);
const WORD_IT = hashString('it') | 0;
const WORD_THAT = hashString('that') | 0;
const WORD_TO = hashString('to') | 0;

/** Values of cueSubjectClass (times two: whether an auxiliary or adverb was read past). */
export const SUBJECT_CLASSES = 28;
/** Values of cueObjectClass. */
export const OBJECT_CLASSES = 16;
/** Values of each side of cueQuoteDistance. */
export const QUOTE_DISTANCES = 5;

/**
 * What stands before a cue-head candidate once auxiliaries and adverbs are read past (at most four words,
 * never over punctuation): the approximate subject of the verb. 0 the sentence start, 1-3 punctuation
 * (comma, quotation mark, other), 4 a person pronoun, 5 "it", 6 a relative pronoun, 7 a determiner (the
 * word is a noun), 8 "to" (an infinitive), 9 a capitalised word (a name), 10 a number, 11 a lower-case word
 * in -s (a plural noun: "officials"), 12 an object pronoun, 13 another lower-case word; times two, plus one
 * when a word was read past.
 */
export function cueSubjectClass(ctx: TokenContext, k: number, first: number): number {
  let j = k - 1;
  let skipped = 0;
  while (j >= first && k - j <= 4 && ctx.gapBefore[j + 1] === 0) {
    const w = ctx.lower[j]!;
    if (!((CUE_CONTEXT_WORDS.get(ctx.word[j]!) & SKIP) !== 0 || (w.length > 4 && w.endsWith('ly')) || w.endsWith("n't") || w.endsWith('n’t'))) break;
    skipped = 1;
    j--;
  }
  let kind: number;
  const gap = ctx.gapBefore[j + 1]!;
  if (j < first) kind = 0;
  else if (gap !== 0) kind = gap & GAP_COMMA ? 1 : gap & GAP_QUOTE ? 2 : 3;
  else {
    const h = ctx.word[j]!;
    const flags = CUE_CONTEXT_WORDS.get(h);
    if (flags & PERSON_PRONOUN) kind = 4;
    else if (h === WORD_IT) kind = 5;
    else if (flags & RELATIVE) kind = 6;
    else if (flags & DETERMINER) kind = 7;
    else if (h === WORD_TO) kind = 8;
    else if (ctx.shapeKind[j]! <= 1) kind = 9;
    else if (ctx.shapeKind[j] === 3) kind = 10;
    else if (flags & OBJECT_PRONOUN) kind = 12;
    else kind = ctx.lower[j]!.endsWith('s') ? 11 : 13;
  }
  return kind * 2 + skipped;
}

/**
 * What follows a cue-head candidate: 0 the sentence end, 1-4 punctuation (quotation mark, colon, comma,
 * other), 5 "that", 6 "to", 7 a preposition, 8 a determiner, 9 a pronoun, 10 a clause opener ("whether",
 * "how"), 11 a capitalised word, 12 a number, 13 a lower-case word in -ing, 14 in -ly, 15 another word.
 */
export function cueObjectClass(ctx: TokenContext, k: number, end: number): number {
  const j = k + 1;
  if (j >= end) return 0;
  const gap = ctx.gapBefore[j]!;
  if (gap !== 0) return gap & GAP_QUOTE ? 1 : gap & GAP_COLON ? 2 : gap & GAP_COMMA ? 3 : 4;
  const h = ctx.word[j]!;
  if (h === WORD_THAT) return 5;
  if (h === WORD_TO) return 6;
  const flags = CUE_CONTEXT_WORDS.get(h);
  if (flags & PREPOSITION) return 7;
  if (flags & DETERMINER) return 8;
  if (flags & OBJECT_PRONOUN) return 9;
  if (flags & CLAUSE_OPENER) return 10;
  const kind = ctx.shapeKind[j]!;
  if (kind <= 1) return 11;
  if (kind === 3) return 12;
  const w = ctx.lower[j]!;
  return w.endsWith('ing') ? 13 : w.endsWith('ly') ? 14 : 15;
}

/** Tokens from a cue-head candidate to the nearest quotation mark on one side, as 0 (none in the sentence), 1 (next to it), 2 (2-3), 3 (4-8), 4 (farther). */
const quoteBucket = (d: number) => (d < 0 ? 0 : d <= 1 ? 1 : d <= 3 ? 2 : d <= 8 ? 3 : 4);

/** The quotation marks around a candidate: left bucket * QUOTE_DISTANCES + right bucket (quoteBucket). */
export function cueQuoteDistance(ctx: TokenContext, k: number, first: number, end: number): number {
  let left = -1;
  if (quotesIn(ctx, first, k) > 0) for (let g = k; g >= first; g--) if (ctx.gapBefore[g]! & GAP_QUOTE) { left = k - g + 1; break; }
  let right = -1;
  if (quotesIn(ctx, k + 1, end) > 0) for (let g = k + 1; g <= end; g++) if (ctx.gapBefore[g]! & GAP_QUOTE) { right = g - k; break; }
  return quoteBucket(left) * QUOTE_DISTANCES + quoteBucket(right);
}

/** Hash of a crude stem of a lower-cased word: the inflections cut ("wants", "wanted", "wanting" -> "want"). */
export function stemHash(w: string): number {
  let end = w.length;
  if (end > 5 && w.endsWith('ing')) end -= 3;
  else if (end > 4 && w.endsWith('ed')) end -= 2;
  else if (end > 4 && w.endsWith('es')) end -= 2;
  else if (end > 3 && w.endsWith('s') && !w.endsWith('ss')) end -= 1;
  else if (end > 3 && w.endsWith('e')) end -= 1;
  return hashMarked(STEM_MARK, w, 0, end) | 0;
}
const STEM_MARK = 64;

/** The stems of a cue lexicon, as a set of stem hashes. */
export function cueStemSet(words: Iterable<string>): WordHashMap<true> {
  return new WordHashMap([...words].map((w) => [stemHash(w), true] as const));
}

/**
 * Whether token k is a cue-head candidate: a lexicon word, or a lower-case word with a lexicon word's stem
 * (forms of cue verbs training saw too rarely: "understand" beside "understood").
 */
export function isCueCandidate(ctx: TokenContext, k: number, words: WordHashSet, stems: WordHashMap<true>): boolean {
  if (words.has(ctx.word[k]!)) return true;
  return ctx.shapeKind[k] === LOWER_SHAPE && stems.get(stemHash(ctx.lower[k]!)) === true;
}
const LOWER_SHAPE = 2;

/** Features of a cue-head candidate at token k of a sentence [first, end), written to `out`; returns their count. */
export function cueFeatures(ctx: TokenContext, k: number, first: number, end: number, out: Int32Array): number {
  const t = CUE_T;
  const w0 = ctx.word[k]!;
  const wm1 = wordAt(ctx, k - 1, first, end);
  const wp1 = wordAt(ctx, k + 1, first, end);
  const wm2 = wordAt(ctx, k - 2, first, end);
  const wp2 = wordAt(ctx, k + 2, first, end);
  const sm1 = shapeAt(ctx, k - 1, first, end);
  const sp1 = shapeAt(ctx, k + 1, first, end);
  const suffix = ctx.suffix[k]!;
  const gaps = ctx.gapBefore[k]! | (ctx.gapBefore[k + 1]! << 6);
  const commaBefore = commasIn(ctx, first + 1, k) > 0 ? 1 : 0;
  const quoteInSentence = quotesIn(ctx, first, end) > 0 ? 1 : 0;
  let thatSoon = 0;
  for (let j = k + 1; j < end && j <= k + 4; j++) if (ctx.lower[j] === 'that') thatSoon = 1;
  const fromStart = Math.min(k - first, 6);
  const toEnd = Math.min(end - 1 - k, 6);
  const stem = stemHash(ctx.lower[k]!);
  const subject = cueSubjectClass(ctx, k, first);
  const object = cueObjectClass(ctx, k, end);
  const quotes = cueQuoteDistance(ctx, k, first, end);
  const quoteLeft = (quotes / QUOTE_DISTANCES) | 0;
  const quoteRight = quotes % QUOTE_DISTANCES;
  out[0] = t[0]!;
  out[1] = mix(t[1]!, w0);
  out[2] = mix(t[2]!, wm1);
  out[3] = mix(t[3]!, wp1);
  out[4] = mix(t[4]!, wm2);
  out[5] = mix(t[5]!, wp2);
  out[6] = mix(mix(t[6]!, wm1), w0);
  out[7] = mix(mix(t[7]!, w0), wp1);
  out[8] = mix(mix(t[8]!, sm1), sp1);
  out[9] = mix(t[9]!, gaps);
  out[10] = mix(mix(t[10]!, w0), gaps);
  out[11] = mix(mix(t[11]!, w0), ctx.inQuote[k]! * 2 + quoteInSentence);
  out[12] = mix(mix(t[12]!, w0), fromStart);
  out[13] = mix(mix(t[13]!, w0), toEnd);
  out[14] = mix(mix(t[14]!, w0), sm1);
  out[15] = mix(t[15]!, suffix);
  out[16] = mix(mix(t[16]!, w0), commaBefore);
  out[17] = mix(mix(t[17]!, w0), thatSoon);
  out[18] = mix(mix(t[18]!, wm1), wp1);
  out[19] = mix(mix(t[19]!, w0), wm2);
  out[20] = mix(mix(t[20]!, w0), wp2);
  out[21] = mix(mix(t[21]!, suffix), wm1);
  out[22] = mix(mix(t[22]!, suffix), wp1);
  out[23] = mix(mix(mix(t[23]!, w0), sm1), sp1);
  out[24] = mix(mix(t[24]!, fromStart), toEnd);
  // Syntactic context: the approximate subject and complement of the candidate, by word, stem and suffix.
  out[25] = mix(t[25]!, stem);
  out[26] = mix(mix(t[26]!, stem), wm1);
  out[27] = mix(mix(t[27]!, stem), wp1);
  out[28] = mix(mix(t[28]!, w0), subject);
  out[29] = mix(mix(t[29]!, w0), object);
  out[30] = mix(mix(t[30]!, suffix), subject);
  out[31] = mix(mix(t[31]!, stem), subject);
  out[32] = mix(mix(t[32]!, stem), object);
  out[33] = mix(mix(t[33]!, subject), object);
  out[34] = mix(mix(t[34]!, w0), subject * OBJECT_CLASSES + object);
  out[35] = mix(mix(t[35]!, w0), quoteLeft);
  out[36] = mix(mix(t[36]!, w0), quoteRight);
  out[37] = mix(mix(t[37]!, quotes), ctx.inQuote[k]!);
  out[38] = mix(mix(t[38]!, suffix), object);
  for (let j = 0; j < CUE_FEATURE_COUNT; j++) out[j] = out[j]! & MASK;
  return CUE_FEATURE_COUNT;
}

// ---------------------------------------------------------------------------------------------------
// Content model features

const CONTENT_T = Array.from({ length: 22 }, (_, i) => T(`content.${i}`));
export const CONTENT_FEATURE_COUNT = 22;

/** What the content tagger knows about the attribution it tags for. */
export interface ContentFrame {
  /** First and last token of the cue. */
  first: number;
  last: number;
  /** Sentence tokens [start, end). */
  start: number;
  end: number;
  /** Source tokens, or -1 when there is none. */
  sourceFirst: number;
  sourceLast: number;
  /** Per token of the document: 1 when a cue covers it. */
  cueTokens: Uint8Array;
  /** Index of the first "that" right after the cue (within a few tokens), or -1. */
  thatAfter: number;
  /** Hash of the cue's head word. */
  cueWord: number;
  /** mix(template, side) for every template and side (1 before the cue, 3 after), computed once per frame. */
  bySide: Int32Array;
}

const SIDES = 4;
/** mix(template, side) for every content template and side, indexed [template * 4 + side]. */
export const CONTENT_BY_SIDE = new Int32Array(CONTENT_FEATURE_COUNT * SIDES);
for (let f = 0; f < CONTENT_FEATURE_COUNT; f++) for (let side = 0; side < SIDES; side++) CONTENT_BY_SIDE[f * SIDES + side] = mix(CONTENT_T[f]!, side);

export function contentFrame(ctx: TokenContext, first: number, last: number, head: number, start: number, end: number, sourceFirst: number, sourceLast: number, cueTokens: Uint8Array): ContentFrame {
  let thatAfter = -1;
  for (let k = last + 1; k < end && k <= last + 8; k++) {
    if (ctx.lower[k] === 'that') {
      thatAfter = k;
      break;
    }
  }
  const cueWord = ctx.word[head]!;
  const bySide = CONTENT_BY_SIDE;
  return { first, last, start, end, sourceFirst, sourceLast, cueTokens, thatAfter, cueWord, bySide };
}

/** Features of token k for the content tagger, given the label of token k-1, written to `out`; returns their count. */
export function contentFeatures(ctx: TokenContext, frame: ContentFrame, k: number, previous: number, out: Int32Array): number {
  const { first, last, start, end, sourceFirst, sourceLast, bySide } = frame; // bySide[f * SIDES + side]
  const side = k < first ? 1 : 3;
  const distance = k < first ? first - k : k - last;
  const bucket = distanceBucket(distance);
  const cueWord = frame.cueWord;
  const word = ctx.word[k]!;
  const shape = ctx.shape[k]!;
  const gap = ctx.gapBefore[k]!;
  const quoted = ctx.inQuote[k]!;
  const commas = k < first ? commasIn(ctx, k + 1, first) : commasIn(ctx, last + 1, k);
  const commaBucket = commas < 2 ? commas : 2;
  const that = k > last && frame.thatAfter >= 0 ? (k > frame.thatAfter ? 2 : k === frame.thatAfter ? 1 : 0) : 3;
  const cueGaps = ctx.gapBefore[first]! | (ctx.gapBefore[last + 1]! << 6);
  const sameQuote = quoted === ctx.inQuote[first] ? 1 : 0;
  // Place relative to the source: 0 no source, 1 before it, 2 after it (the source's own tokens are never tagged).
  const sourceSide = sourceFirst < 0 ? 0 : k < sourceFirst ? 1 : 2;
  const betweenSource = sourceFirst < 0 ? 0 : (k < sourceFirst) === (k < first) ? (Math.abs(k - first) > Math.abs(sourceFirst - first) ? 2 : 1) : 3;
  out[0] = bySide[0 + side]!;
  out[1] = mix(bySide[4 + side]!, bucket);
  out[2] = mix(bySide[8 + side]!, word);
  out[3] = mix(mix(bySide[12 + side]!, bucket), shape);
  out[4] = mix(bySide[16 + side]!, cueWord);
  out[5] = mix(mix(bySide[20 + side]!, bucket), cueWord);
  out[6] = mix(bySide[24 + side]!, previous);
  out[7] = mix(mix(bySide[28 + side]!, previous), gap);
  out[8] = mix(bySide[32 + side]!, commaBucket);
  out[9] = mix(mix(bySide[36 + side]!, quoted), sameQuote);
  out[10] = mix(bySide[40 + side]!, that);
  out[11] = mix(bySide[44 + side]!, wordAt(ctx, k - 1, start, end));
  out[12] = mix(bySide[48 + side]!, wordAt(ctx, k + 1, start, end));
  out[13] = mix(bySide[52 + side]!, cueGaps);
  out[14] = mix(bySide[56 + side]!, frame.cueTokens[k]!);
  out[15] = mix(bySide[60 + side]!, k === end - 1 ? 1 : 0);
  out[16] = mix(mix(bySide[64 + side]!, cueWord), previous);
  out[17] = mix(mix(bySide[68 + side]!, word), previous);
  out[18] = mix(mix(mix(bySide[72 + side]!, bucket), gap), commaBucket);
  out[19] = mix(mix(bySide[76 + side]!, cueWord), quoted * 2 + sameQuote);
  out[20] = mix(mix(bySide[80 + side]!, sourceSide), betweenSource);
  out[21] = mix(mix(mix(bySide[84 + side]!, betweenSource), previous), commaBucket);
  for (let j = 0; j < CONTENT_FEATURE_COUNT; j++) out[j] = out[j]! & MASK;
  return CONTENT_FEATURE_COUNT;
}

// ---------------------------------------------------------------------------------------------------
// Weights

/**
 * A linear model over hashed features. Weights are interleaved by label (feature f, label y at
 * f * labels + y) so one feature's scores share a cache line. At run time the weights are the stored int16
 * steps (`scale` converts).
 */
export class HashedLinear {
  readonly weights: Float32Array | Int16Array;
  constructor(
    readonly labels: number,
    weights?: Float32Array | Int16Array,
    readonly scale = 1,
  ) {
    this.weights = weights ?? new Float32Array(labels << MODEL_HASH_BITS);
  }

  /** score(label 1) - score(label 0), for a two-label model. */
  margin(features: Int32Array, count: number): number {
    const w = this.weights;
    let sum = 0;
    for (let j = 0; j < count; j++) {
      const base = features[j]! * 2;
      sum += w[base + 1]! - w[base]!;
    }
    return sum * this.scale;
  }

  /** Sum of the weights of `features` (a one-label model), in score units. */
  sum(features: Int32Array, from: number, count: number): number {
    const w = this.weights;
    let sum = 0;
    for (let j = from; j < from + count; j++) sum += w[features[j]!]!;
    return sum * this.scale;
  }

  /** The weight of one feature hash (a one-label model), in score units. */
  weight(feature: number): number {
    return this.weights[feature & MASK]! * this.scale;
  }
}

/**
 * score(label 1) - score(label 0) per feature hash of a two-label model with integer weights, in weight
 * steps: one lookup per feature instead of two. Stored as int16 when every difference fits (the shipped
 * models' do), half the memory of int32 and so fewer cache misses in the per-token lookups.
 */
export function marginSteps(model: HashedLinear): Int16Array | Int32Array {
  const weights = model.weights;
  const steps = new Int32Array(weights.length >> 1);
  let fits = true;
  for (let f = 0; f < steps.length; f++) {
    const step = weights[2 * f + 1]! - weights[2 * f]!;
    steps[f] = step;
    if (step < -32768 || step > 32767) fits = false;
  }
  return fits ? Int16Array.from(steps) : steps;
}

/** Averaged-perceptron trainer for a HashedLinear (the lazy "sum of weights over time" trick). */
export class PerceptronTrainer {
  readonly model: HashedLinear;
  private readonly totals: Float64Array;
  private readonly stamps: Int32Array;
  private clock = 0;

  constructor(labels: number) {
    this.model = new HashedLinear(labels);
    this.totals = new Float64Array(labels << MODEL_HASH_BITS);
    this.stamps = new Int32Array(labels << MODEL_HASH_BITS);
  }

  /** One example seen (the averaging clock). */
  tick(): void {
    this.clock++;
  }

  /** One binary training step: when the prediction is wrong, move toward the gold label. */
  learnBinary(features: Int32Array, count: number, gold: number, margin = 0): boolean {
    this.tick();
    const guess = this.model.margin(features, count) > margin ? 1 : 0;
    if (guess === gold) return true;
    for (let j = 0; j < count; j++) {
      this.bump(features[j]! * 2 + gold, 1);
      this.bump(features[j]! * 2 + guess, -1);
    }
    return false;
  }

  /** Adds `delta` to the weights of `features` for `label`. */
  update(features: Int32Array, count: number, label: number, delta: number): void {
    const labels = this.model.labels;
    for (let j = 0; j < count; j++) this.bump(features[j]! * labels + label, delta);
  }

  private bump(index: number, delta: number): void {
    const w = this.model.weights;
    this.totals[index]! += (this.clock - this.stamps[index]!) * w[index]!;
    this.stamps[index] = this.clock;
    w[index]! += delta;
  }

  /** The averaged weights. */
  averaged(): HashedLinear {
    const w = this.model.weights;
    const out = new Float32Array(w.length);
    for (let i = 0; i < w.length; i++) {
      const total = this.totals[i]! + (this.clock - this.stamps[i]!) * w[i]!;
      out[i] = total / Math.max(1, this.clock);
    }
    return new HashedLinear(this.model.labels, out);
  }
}

// ---------------------------------------------------------------------------------------------------
// The shipped model file: gzip of a JSON header line + sparse quantised weights

export interface ClaimsModel {
  cue: HashedLinear;
  source: HashedLinear;
  content: HashedLinear;
  /** Words that may head a cue (learned from the training cues), and the same as word hashes. */
  cueWords: ReadonlySet<string>;
  cueWordHashes: WordHashSet;
  /** Stems of the cue words (stemHash): a lower-case word sharing one is a candidate too ("understand"). */
  cueStems: WordHashMap<true>;
  /** Words a cue takes in on its left / right of the head ("has said", "according to"). */
  cueLeft: ReadonlySet<string>;
  cueRight: ReadonlySet<string>;
  /** A token heads a cue when score(cue) - score(not cue) exceeds this (chosen on dev by the trainer). */
  cueThreshold: number;
}

interface Header {
  format: number;
  bits: number;
  step: number;
  cueWords: string[];
  cueLeft: string[];
  cueRight: string[];
  cueThreshold: number;
  tables: Array<{ name: 'cue' | 'source' | 'content'; labels: number; count: number }>;
}

/** Bumped when the file layout or the features change: an old file then fails loudly, not silently. */
const FORMAT = 3;

function packSparse(model: HashedLinear, step: number): { indices: Uint32Array; values: Int16Array } {
  const indices: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < model.weights.length; i++) {
    const q = Math.round((model.weights[i]! * model.scale) / step);
    if (q !== 0) {
      indices.push(i);
      values.push(Math.max(-32767, Math.min(32767, q)));
    }
  }
  return { indices: Uint32Array.from(indices), values: Int16Array.from(values) };
}

export function serializeClaimsModel(model: ClaimsModel): Buffer {
  const tables = (['cue', 'source', 'content'] as const).map((name) => ({ name, model: model[name], packed: packSparse(model[name], QUANTIZATION_STEP) }));
  const header: Header = {
    format: FORMAT,
    bits: MODEL_HASH_BITS,
    step: QUANTIZATION_STEP,
    cueWords: [...model.cueWords].sort(),
    cueLeft: [...model.cueLeft].sort(),
    cueRight: [...model.cueRight].sort(),
    cueThreshold: model.cueThreshold,
    tables: tables.map((t) => ({ name: t.name, labels: t.model.labels, count: t.packed.indices.length })),
  };
  // Indices are stored as deltas, which gzip compresses far better than absolute positions.
  const deltas = (indices: Uint32Array) => {
    const out = new Uint32Array(indices.length);
    for (let i = 0; i < indices.length; i++) out[i] = indices[i]! - (i > 0 ? indices[i - 1]! : 0);
    return out;
  };
  const parts: Buffer[] = [Buffer.from(`${JSON.stringify(header)}\n`, 'utf8')];
  for (const t of tables) parts.push(Buffer.from(deltas(t.packed.indices).buffer), Buffer.from(t.packed.values.buffer));
  return gzipSync(Buffer.concat(parts), { level: 9 });
}

export function parseClaimsModel(bytes: Buffer): ClaimsModel {
  const data = gunzipSync(bytes);
  const newline = data.indexOf(10);
  const header = JSON.parse(data.subarray(0, newline).toString('utf8')) as Header;
  if (header.format !== FORMAT) throw new Error(`claims model: file format ${header.format}, code expects ${FORMAT} (retrain with scripts/train-claims.ts)`);
  if (header.bits !== MODEL_HASH_BITS) throw new Error(`claims model: hashed with ${header.bits} bits, code expects ${MODEL_HASH_BITS}`);
  let offset = newline + 1;
  const take = (count: number, bytesPer: number): Buffer => {
    const slice = Buffer.from(data.subarray(offset, offset + count * bytesPer)); // copy: typed arrays need alignment
    offset += count * bytesPer;
    return slice;
  };
  const tables = new Map<string, HashedLinear>();
  for (const table of header.tables) {
    const idx = take(table.count, 4);
    const val = take(table.count, 2);
    const deltas = new Uint32Array(idx.buffer, idx.byteOffset, table.count);
    const values = new Int16Array(val.buffer, val.byteOffset, table.count);
    const weights = new Int16Array(table.labels << header.bits);
    let index = 0;
    for (let i = 0; i < table.count; i++) {
      index += deltas[i]!;
      weights[index] = values[i]!;
    }
    tables.set(table.name, new HashedLinear(table.labels, weights, header.step));
  }
  const get = (name: string) => {
    const t = tables.get(name);
    if (!t) throw new Error(`claims model: no ${name} table`);
    return t;
  };
  return {
    cue: get('cue'),
    source: get('source'),
    content: get('content'),
    cueWords: new Set(header.cueWords),
    cueWordHashes: new WordHashSet(header.cueWords),
    cueStems: cueStemSet(header.cueWords),
    cueLeft: new Set(header.cueLeft),
    cueRight: new Set(header.cueRight),
    cueThreshold: header.cueThreshold,
  };
}

export function loadClaimsModel(path: string): ClaimsModel {
  return parseClaimsModel(readFileSync(path));
}
