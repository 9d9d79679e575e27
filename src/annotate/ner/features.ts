/**
 * Feature extraction for the sequence tagger. Every feature is hashed straight to a row of the weight
 * table (feature hashing): no feature strings are built at tagging time, only integer mixes of per-token
 * string hashes, which keeps the tagger fast and the model free of a feature dictionary.
 *
 * Per token i the templates read: the normalized word (lowercased, digits as 0) at i-2..i+2, the exact
 * form at i, word shapes, prefixes and suffixes 1-4, the capitalisation class with the sentence-start bit,
 * word bigrams, gazetteer matches (BILOU position per gazetteer kind) at i-1..i+1, distributional word
 * clusters at i-1..i+1, and two document-level signals: how the word is cased elsewhere in the document
 * (decides ALL-CAPS headlines) and which entity types the tagger gave the same word earlier in it.
 *
 * What a word alone gives (hashes, shape, case class, cluster, affixes) is computed once per distinct word
 * in a WordTable; the templates come in groups (word-alone, small value sets, word pairs) so the tagger can
 * pre-sum the first two (model.ts).
 */

import { MAX_GAZETTEER_TOKENS } from './constants.ts';

/** Gazetteer kinds; a gazetteer entry carries a bitmask of these. */
export const GAZETTEER_KINDS = ['country', 'city', 'region', 'demonym', 'first-name', 'org-suffix', 'person-title'] as const;
export type GazetteerKind = (typeof GAZETTEER_KINDS)[number];

/** Lookup tables compiled into the model file. */
export interface Lexicon {
  /** Key of a normalized token sequence (`phraseKey`) -> bitmask over GAZETTEER_KINDS. */
  gazetteer: Map<number, number>;
  /** Normalized word hash -> `(coarse << 16) | fine` cluster ids. */
  clusters: Map<number, number>;
}

/**
 * Bit sets keyed by 32-bit word hashes, for the per-document state: an open-addressing table of Int32 keys and
 * values, where a Map would box half the keys (those outside the small-integer range) on every lookup.
 */
export class HashBits {
  // 1024 entries: a news article's few hundred distinct words fit without growing.
  private keys = new Int32Array(1024);
  private values = new Int32Array(1024);
  private shift = 22; // 32 - log2(capacity)
  private count = 0;

  /** Bits recorded for `key` (0 when none). */
  get(key: number): number {
    const { keys, values } = this;
    const mask = keys.length - 1;
    for (let at = Math.imul(key, 0x9e3779b1) >>> this.shift; ; at = (at + 1) & mask) {
      if (values[at] === 0) return 0;
      if (keys[at] === key) return values[at];
    }
  }

  /** Adds `bits` (not 0) to the bits of `key`. */
  add(key: number, bits: number): void {
    const mask = this.keys.length - 1;
    for (let at = Math.imul(key, 0x9e3779b1) >>> this.shift; ; at = (at + 1) & mask) {
      if (this.values[at] === 0) {
        this.keys[at] = key;
        this.values[at] = bits;
        // Keep the load at most 1/2: probes stay short.
        if (++this.count * 2 > this.keys.length) this.rehash();
        return;
      }
      if (this.keys[at] === key) {
        this.values[at] |= bits;
        return;
      }
    }
  }

  private rehash(): void {
    const { keys, values } = this;
    this.keys = new Int32Array(keys.length * 2);
    this.values = new Int32Array(keys.length * 2);
    this.shift--;
    this.count = 0;
    for (let k = 0; k < keys.length; k++) if (values[k] !== 0) this.add(keys[k], values[k]);
  }
}

/** What one document tells about its words, shared by all its sentences. */
export class DocumentState {
  /** Normalized word hash -> bits of the casings (CASE_* bit per class) it has away from sentence starts. */
  readonly casing: HashBits;
  /** Normalized word hash -> bitmask of entity types (1 << type index) tagged on it earlier in the document. */
  readonly history = new HashBits();

  /** `casing` may be shared: it is filled once per document (`observeDocumentCasing`) and only read after. */
  constructor(casing: HashBits = new HashBits()) {
    this.casing = casing;
  }
}

// ---------------------------------------------------------------------------------------------------
// Hashing

/** FNV-1a over UTF-16 code units. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** Mixes two 32-bit values into one well-spread 32-bit value (murmur3 finalizer over a combination). */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x5bd1e995, 0x9e3779b1) ^ b;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

const DIGIT = /\d/g;

/** The form words are compared in: lowercased, every digit as 0 ("1996-08-22" -> "0000-00-00"). */
export function normalizeWord(word: string): string {
  return word.toLowerCase().replace(DIGIT, '0');
}

/** Key of a token sequence, as gazetteers store it: mix of the normalized word hashes. */
export function phraseKey(words: readonly string[]): number {
  let key = 0;
  for (const word of words) key = mix(key, hashString(normalizeWord(word)));
  return key;
}

// ---------------------------------------------------------------------------------------------------
// Word shape and capitalisation

/** Capitalisation classes. */
export const CASE_LOWER = 0; // "said", "de"
export const CASE_TITLE = 1; // "Kelmar", "McDonald"
export const CASE_UPPER = 2; // "NATO", "MORE" (two letters or more)
export const CASE_INITIAL = 3; // a single capital: "A", "J"
export const CASE_MIXED = 4; // "iPhone", "eBay"
export const CASE_NUMBER = 5; // "10,000", "1-0"
export const CASE_OTHER = 6; // punctuation and symbols

interface WordForm {
  caseClass: number;
  longShape: string;
  shortShape: string;
}

/** Longest run of one character class the long shape keeps ("Xxxx" for any longer capitalised word). */
const LONG_SHAPE_RUN = 4;

function charClass(code: number, ch: string): string {
  if (code >= 65 && code <= 90) return 'X';
  if (code >= 97 && code <= 122) return 'x';
  if (code >= 48 && code <= 57) return 'd';
  if (code < 128) return ch;
  const lower = ch.toLowerCase();
  const upper = ch.toUpperCase();
  if (lower !== upper) return ch === upper ? 'X' : 'x';
  return ch;
}

/** Shape ("Xxxx", "XX", "dd", "Xxxx-xxxx"; short: "Xx", "X", "d", "Xx-x") and capitalisation class. */
export function wordForm(word: string): WordForm {
  let longShape = '';
  let shortShape = '';
  let previous = '';
  let run = 0;
  let upper = 0;
  let lower = 0;
  let digits = 0;
  let firstUpper = false;
  for (let i = 0; i < word.length; i++) {
    const ch = word[i];
    const cls = charClass(word.charCodeAt(i), ch);
    if (cls === 'X') {
      upper++;
      if (i === 0) firstUpper = true;
    } else if (cls === 'x') lower++;
    else if (cls === 'd') digits++;
    if (cls === previous) {
      run++;
      if (run < LONG_SHAPE_RUN) longShape += cls;
    } else {
      run = 0;
      longShape += cls;
      shortShape += cls;
      previous = cls;
    }
  }
  let caseClass: number;
  if (upper + lower === 0) caseClass = digits > 0 ? CASE_NUMBER : CASE_OTHER;
  else if (upper === 0) caseClass = CASE_LOWER;
  else if (lower === 0) caseClass = upper === 1 ? CASE_INITIAL : CASE_UPPER;
  else if (firstUpper) caseClass = upper === 1 || !/\p{Ll}\p{Lu}/u.test(word) || /^(Mc|Mac|O'|D')/.test(word) ? CASE_TITLE : CASE_MIXED;
  else caseClass = CASE_MIXED;
  return { caseClass, longShape, shortShape };
}

/** True for a class that marks a possible name. */
function isCapitalised(caseClass: number): boolean {
  return caseClass === CASE_TITLE || caseClass === CASE_UPPER || caseClass === CASE_INITIAL || caseClass === CASE_MIXED;
}

/**
 * A sentence counts as capitals when it has at least this many ALL-CAPS words and more than this many
 * times as many as other cased words: headlines ("SOCCER - JAPAN GET LUCKY WIN") pass, a sentence with
 * a couple of acronyms ("NATO and the EU said ...") does not.
 */
const CAPITALS_MIN_WORDS = 2;
const CAPITALS_RATIO = 3;

/** A sentence in capitals: case says nothing there. */
function isCapitalsSentence(caseClasses: Int32Array, n: number): boolean {
  let upper = 0;
  let other = 0;
  for (let i = 0; i < n; i++) {
    const c = caseClasses[i];
    if (c === CASE_UPPER) upper++;
    else if (c === CASE_LOWER || c === CASE_TITLE || c === CASE_MIXED) other++;
  }
  return upper >= CAPITALS_MIN_WORDS && upper > other * CAPITALS_RATIO;
}

/**
 * Records how each word of a document is cased away from sentence starts and capitals headlines, so an
 * ALL-CAPS or sentence-initial word can be read by its casing elsewhere.
 */
export function observeDocumentCasing(doc: DocumentState, sentences: readonly (readonly string[])[]): void {
  const classes = new Int32Array(256);
  for (const words of sentences) {
    const n = words.length;
    const buffer = n > classes.length ? new Int32Array(n) : classes;
    for (let i = 0; i < n; i++) buffer[i] = wordForm(words[i]).caseClass;
    if (isCapitalsSentence(buffer, n)) continue;
    for (let i = 1; i < n; i++) {
      const c = buffer[i];
      if (c === CASE_NUMBER || c === CASE_OTHER) continue;
      doc.casing.add(hashString(normalizeWord(words[i])), 1 << c);
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Word table

/**
 * Distinct words the table keeps across documents before it starts over. A news article has a few hundred
 * distinct words and common words recur across articles, so 20,000 keeps the hit rate high while the table
 * and the tagger's per-word scores (model.ts) stay near 5 MB.
 */
export const WORD_TABLE_LIMIT = 20_000;
const AFFIX_LENGTHS = 4;
const NO_CLUSTER = 0xffff;
/** Stand-in hashes for positions before the sentence start and after its end. */
const BEFORE = hashString('<s>');
const AFTER = hashString('</s>');

/**
 * The gazetteer as an open-addressing table of [key, kinds] pairs (kinds 0 = empty slot): one cache line per
 * probe, where a Map of 32-bit keys boxes half of them.
 */
export class GazetteerTable {
  private readonly pairs: Int32Array;
  private readonly mask: number;
  /**
   * One bit per key hash (2^19 bits, 64 KB, about 7% of them set by the 36,000 compiled phrases): most token
   * sequences are no phrase, and the filter answers those from a table small enough to stay in cache.
   */
  private readonly filter = new Int32Array(1 << 14);

  constructor(entries: Map<number, number>) {
    // Load factor at most 2/3: linear probing then needs about two probes for a miss.
    let size = 16;
    while (size < (entries.size * 3) / 2) size *= 2;
    this.mask = size - 1;
    this.pairs = new Int32Array(size * 2);
    for (const [key, kinds] of entries) {
      if (kinds === 0) continue;
      let at = key & this.mask;
      while (this.pairs[at * 2 + 1] !== 0 && this.pairs[at * 2] !== key) at = (at + 1) & this.mask;
      this.pairs[at * 2] = key;
      this.pairs[at * 2 + 1] |= kinds;
      const bit = key >>> 13;
      this.filter[bit >>> 5] |= 1 << (bit & 31);
    }
  }

  /** Bitmask of gazetteer kinds of a phrase key (0 when the phrase is not listed). */
  kinds(key: number): number {
    const bit = key >>> 13;
    if ((this.filter[bit >>> 5] & (1 << (bit & 31))) === 0) return 0;
    const { pairs, mask } = this;
    for (let at = key & mask; ; at = (at + 1) & mask) {
      const kinds = pairs[at * 2 + 1];
      if (kinds === 0 || pairs[at * 2] === key) return kinds;
    }
  }
}

/**
 * What the tagger reads from a word alone, computed once per distinct word and kept in typed columns indexed
 * by the word's slot. Slots stay valid until the next `reserve`, which may start the table over.
 */
export class WordTable {
  /**
   * Open-addressing index from a word's exact hash to its slot + 1 (0 = empty), probed with the word's
   * characters in place: a word read from a text is only sliced out of it the first time it is seen.
   */
  private index = new Int32Array(1 << 15);
  /** The word of each slot, to confirm a hash match. */
  private text: string[] = [];
  size = 0;
  /** Bumped whenever the table starts over, so caches kept per slot (the tagger's scores) know to refill. */
  generation = 0;
  /** Hash of the normalized word (lowercase, digits as 0). */
  normal = new Int32Array(0);
  /** Hash of the word as written (FNV-1a, `hashString`). */
  exact = new Int32Array(0);
  caseClass = new Int32Array(0);
  longShape = new Int32Array(0);
  shortShape = new Int32Array(0);
  /** `(coarse << 16) | fine`, or NO_CLUSTER. */
  cluster = new Int32Array(0);
  /** Prefix and suffix hashes of lengths 1-4 of the normalized word (0: word too short), AFFIX_LENGTHS per slot. */
  prefixes = new Int32Array(0);
  suffixes = new Int32Array(0);
  /** Gazetteer kinds of the word on its own. */
  gazetteer = new Int32Array(0);
  /** Gazetteer key of the word on its own (`phraseKey` of it), where longer phrases starting with it continue. */
  phraseStart = new Int32Array(0);

  constructor(
    private readonly lexicon: Lexicon,
    readonly gazetteerTable: GazetteerTable,
    private readonly limit: number = WORD_TABLE_LIMIT,
  ) {
    this.grow(256);
  }

  /** Makes room for `count` more words; starts the table over when it would pass its limit. */
  reserve(count: number): void {
    if (this.size + count > this.limit && this.size > 0) {
      this.index.fill(0);
      this.text.length = 0;
      this.size = 0;
      this.generation++;
    }
    if (this.size + count > this.normal.length) this.grow(Math.max(this.size + count, this.normal.length * 2));
  }

  private grow(capacity: number): void {
    const widen = (old: Int32Array, width: number): Int32Array<ArrayBuffer> => {
      const column = new Int32Array(capacity * width);
      column.set(old.subarray(0, this.size * width));
      return column;
    };
    this.normal = widen(this.normal, 1);
    this.exact = widen(this.exact, 1);
    this.caseClass = widen(this.caseClass, 1);
    this.longShape = widen(this.longShape, 1);
    this.shortShape = widen(this.shortShape, 1);
    this.cluster = widen(this.cluster, 1);
    this.prefixes = widen(this.prefixes, AFFIX_LENGTHS);
    this.suffixes = widen(this.suffixes, AFFIX_LENGTHS);
    this.gazetteer = widen(this.gazetteer, 1);
    this.phraseStart = widen(this.phraseStart, 1);
    // Keep the index at most half full.
    if (capacity * 2 > this.index.length) {
      let size = this.index.length;
      while (size < capacity * 2) size *= 2;
      this.index = new Int32Array(size);
      for (let slot = 0; slot < this.size; slot++) this.place(this.exact[slot], slot);
    }
  }

  private place(hash: number, slot: number): void {
    const mask = this.index.length - 1;
    let at = Math.imul(hash, 0x9e3779b1) & mask;
    while (this.index[at] !== 0) at = (at + 1) & mask;
    this.index[at] = slot + 1;
  }

  /** The slot of a word, computing its columns on first sight. Columns may be reallocated: read them after. */
  slot(word: string): number {
    return this.slotOf(word, 0, word.length);
  }

  /** The slot of the word `text[start, end)`. */
  slotOf(text: string, start: number, end: number): number {
    let hash = 0x811c9dc5;
    for (let k = start; k < end; k++) hash = Math.imul(hash ^ text.charCodeAt(k), 0x01000193);
    hash |= 0;
    const { index, exact } = this;
    const mask = index.length - 1;
    const length = end - start;
    for (let at = Math.imul(hash, 0x9e3779b1) & mask; index[at] !== 0; at = (at + 1) & mask) {
      const slot = index[at] - 1;
      if (exact[slot] !== hash) continue;
      const known = this.text[slot];
      if (known.length === length && text.startsWith(known, start)) return slot;
    }
    return this.add(start === 0 && end === text.length ? text : text.slice(start, end), hash);
  }

  private add(word: string, hash: number): number {
    if (this.size === this.normal.length) this.grow(this.size * 2);
    const slot = this.size++;
    this.text[slot] = word;
    this.place(hash, slot);
    const normal = normalizeWord(word);
    const h = hashString(normal);
    this.normal[slot] = h;
    this.exact[slot] = hash;
    const form = wordForm(word);
    this.caseClass[slot] = form.caseClass;
    this.longShape[slot] = hashString(form.longShape);
    this.shortShape[slot] = hashString(form.shortShape);
    this.cluster[slot] = this.lexicon.clusters.get(h) ?? NO_CLUSTER;
    this.phraseStart[slot] = mix(0, h);
    this.gazetteer[slot] = this.gazetteerTable.kinds(this.phraseStart[slot]);
    // Affix hashes grow one character at a time; 0 marks "word too short".
    const at = slot * AFFIX_LENGTHS;
    let p = 0x811c9dc5;
    let s = 0x811c9dc5;
    for (let k = 0; k < AFFIX_LENGTHS; k++) {
      if (k < normal.length) {
        p = Math.imul(p ^ normal.charCodeAt(k), 0x01000193);
        s = Math.imul(s ^ normal.charCodeAt(normal.length - 1 - k), 0x01000193);
        this.prefixes[at + k] = p;
        this.suffixes[at + k] = s;
      } else {
        this.prefixes[at + k] = 0;
        this.suffixes[at + k] = 0;
      }
    }
    return slot;
  }
}

/**
 * Records the document casing (see `observeDocumentCasing`) of words given as slots; `sentenceStarts` holds
 * each sentence's first index into `slots`, then `slots.length`.
 */
export function observeSlotCasing(doc: DocumentState, words: WordTable, slots: Int32Array, sentenceStarts: Int32Array): void {
  const { caseClass, normal } = words;
  for (let s = 0; s + 1 < sentenceStarts.length; s++) {
    const from = sentenceStarts[s];
    const to = sentenceStarts[s + 1];
    if (isCapitalsSlots(caseClass, slots, from, to)) continue;
    for (let i = from + 1; i < to; i++) {
      const c = caseClass[slots[i]];
      if (c === CASE_NUMBER || c === CASE_OTHER) continue;
      doc.casing.add(normal[slots[i]], 1 << c);
    }
  }
}

function isCapitalsSlots(caseClass: Int32Array, slots: Int32Array, from: number, to: number): boolean {
  let upper = 0;
  let other = 0;
  for (let i = from; i < to; i++) {
    const c = caseClass[slots[i]];
    if (c === CASE_UPPER) upper++;
    else if (c === CASE_LOWER || c === CASE_TITLE || c === CASE_MIXED) other++;
  }
  return upper >= CAPITALS_MIN_WORDS && upper > other * CAPITALS_RATIO;
}

// ---------------------------------------------------------------------------------------------------
// Templates
//
// A token's feature rows come in six groups. Five read one word alone (the token itself, or the word one or
// two places before or after it), so the tagger can sum their weights once per distinct word (model.ts);
// the sixth reads combinations of words and the document and is computed per token.

const T = {
  bias: 1,
  word: 2,
  wordPrev: 3,
  wordNext: 4,
  wordPrev2: 5,
  wordNext2: 6,
  exact: 7,
  longShape: 8,
  shapePrev: 9,
  shapeNext: 10,
  shapePrev2: 11,
  shapeNext2: 12,
  prefix: 13,
  suffix: 14,
  caseStart: 15,
  bigramPrev: 16,
  bigramNext: 17,
  shapeTrigram: 18,
  wordPrevShape: 19,
  shapeWordNext: 20,
  gazetteer: 21,
  gazetteerCase: 22,
  gazetteerPrev: 23,
  gazetteerNext: 24,
  cluster: 25,
  clusterCoarse: 26,
  clusterPrev: 27,
  clusterNext: 28,
  docCasing: 29,
  history: 30,
  caseTrigram: 31,
  capitalsWord: 32,
  historyNeighbours: 33,
  prefixCapitalised: 34,
} as const;

/**
 * Upper bound of features one token can fire: at most 36 from the fixed templates plus one per gazetteer
 * bit in four gazetteer templates (7 kinds x 4 positions each, 112 in all).
 */
export const MAX_FEATURES_PER_TOKEN = 160;
/** Upper bound of the rows of one word-alone group (the token's own group is the largest: 17). */
export const MAX_WORD_GROUP_ROWS = 24;

/** Word-alone groups, in the order the tagger keeps their scores. */
export const WORD_GROUPS = 5;
export const GROUP_OWN = 0;
export const GROUP_PREV = 1;
export const GROUP_NEXT = 2;
export const GROUP_PREV2 = 3;
export const GROUP_NEXT2 = 4;
/** The slot standing for "no word": before the sentence start (previous groups) or after its end (next groups). */
export const EDGE = -1;

/**
 * Rows that one word fires in one group: its own rows (GROUP_OWN) or the rows it gives the token one or two
 * places after (GROUP_PREV, GROUP_PREV2) or before it (GROUP_NEXT, GROUP_NEXT2). `slot` may be EDGE for the
 * neighbour groups. Writes into `out` from `at`; returns the new end.
 */
export function wordGroupRows(words: WordTable, group: number, slot: number, mask: number, out: Int32Array, at: number): number {
  const edge = slot === EDGE;
  switch (group) {
    case GROUP_OWN: {
      const c = words.caseClass[slot];
      const cl = words.cluster[slot];
      const capitalised = isCapitalised(c);
      out[at++] = T.bias & mask;
      out[at++] = mix(T.word, words.normal[slot]) & mask;
      out[at++] = mix(T.exact, words.exact[slot]) & mask;
      out[at++] = mix(T.longShape, words.longShape[slot]) & mask;
      for (let k = 0; k < AFFIX_LENGTHS; k++) {
        const prefix = words.prefixes[slot * AFFIX_LENGTHS + k];
        if (prefix !== 0) out[at++] = mix(T.prefix * 256 + k, prefix) & mask;
        const suffix = words.suffixes[slot * AFFIX_LENGTHS + k];
        if (suffix !== 0) out[at++] = mix(T.suffix * 256 + k, suffix) & mask;
      }
      out[at++] = mix(T.cluster, cl & 0xffff) & mask;
      out[at++] = mix(T.clusterCoarse * 256 + (capitalised ? 1 : 0), cl >>> 16) & mask;
      if (capitalised) out[at++] = mix(T.prefixCapitalised, words.prefixes[slot * AFFIX_LENGTHS + 1]) & mask;
      return at;
    }
    case GROUP_PREV:
      out[at++] = mix(T.wordPrev, edge ? BEFORE : words.normal[slot]) & mask;
      out[at++] = mix(T.shapePrev, edge ? BEFORE : words.shortShape[slot]) & mask;
      out[at++] = mix(T.clusterPrev, edge ? BEFORE : words.cluster[slot] & 0xffff) & mask;
      return at;
    case GROUP_NEXT:
      out[at++] = mix(T.wordNext, edge ? AFTER : words.normal[slot]) & mask;
      out[at++] = mix(T.shapeNext, edge ? AFTER : words.shortShape[slot]) & mask;
      out[at++] = mix(T.clusterNext, edge ? AFTER : words.cluster[slot] & 0xffff) & mask;
      return at;
    case GROUP_PREV2:
      out[at++] = mix(T.wordPrev2, edge ? BEFORE : words.normal[slot]) & mask;
      out[at++] = mix(T.shapePrev2, edge ? BEFORE : words.shortShape[slot]) & mask;
      return at;
    case GROUP_NEXT2:
      out[at++] = mix(T.wordNext2, edge ? AFTER : words.normal[slot]) & mask;
      out[at++] = mix(T.shapeNext2, edge ? AFTER : words.shortShape[slot]) & mask;
      return at;
    default:
      throw new Error(`unknown word group ${group}`);
  }
}

/**
 * One sentence as the context templates read it: word slots, gazetteer matches, history bits and whether
 * it is written in capitals. `load` fills it; `contextRows` gives a token's per-token rows.
 */
export class SentenceFeatures {
  n = 0;
  slots = new Int32Array(64);
  /** Gazetteer bits per token: kind * 4 + BILOU position (B=0, I=1, L=2, U=3). */
  gazetteer = new Int32Array(64);
  /** Entity-type bits the document gave the (capitalised) word earlier, per token. */
  historyBits = new Int32Array(64);
  capitals = false;
  private doc: DocumentState = new DocumentState();
  /** Small-template values of one token (`smallValues`), for `contextRows`. */
  private readonly values = new Int32Array(SMALL_TEMPLATES);

  constructor(
    readonly words: WordTable,
    private readonly mask: number,
  ) {}

  /** Reads the sentence `slots[from, from + n)` of a document. */
  load(slots: Int32Array, from: number, n: number, doc: DocumentState): void {
    if (n > this.slots.length) {
      const size = Math.max(n, this.slots.length * 2);
      this.slots = new Int32Array(size);
      this.gazetteer = new Int32Array(size);
      this.historyBits = new Int32Array(size);
    }
    this.n = n;
    this.doc = doc;
    const { words } = this;
    const { caseClass, normal } = words;
    for (let i = 0; i < n; i++) {
      const slot = slots[from + i];
      this.slots[i] = slot;
      this.historyBits[i] = isCapitalised(caseClass[slot]) ? doc.history.get(normal[slot]) : 0;
      this.gazetteer[i] = 0;
    }
    this.capitals = isCapitalsSlots(caseClass, this.slots, 0, n);
    this.markGazetteer();
  }

  /** Marks every gazetteer match (all lengths, overlaps allowed) with its BILOU position per kind. */
  private markGazetteer(): void {
    const { n, slots, gazetteer } = this;
    const { normal, gazetteerTable, phraseStart } = this.words;
    const single = this.words.gazetteer;
    for (let i = 0; i < n; i++) {
      let key = phraseStart[slots[i]];
      if (single[slots[i]] !== 0) markMatch(gazetteer, i, 1, single[slots[i]]);
      for (let length = 2; length <= MAX_GAZETTEER_TOKENS && i + length <= n; length++) {
        key = mix(key, normal[slots[i + length - 1]]);
        const kinds = gazetteerTable.kinds(key);
        if (kinds !== 0) markMatch(gazetteer, i, length, kinds);
      }
    }
  }

  /** Rows of the templates that combine words or read the document, for token `i`. */
  contextRows(i: number, out: Int32Array, at: number): number {
    const { mask, gazetteer } = this;
    at = this.pairRows(i, out, at);
    const values = this.values;
    this.smallValues(i, values);
    for (let template = 0; template < SMALL_TEMPLATES; template++) {
      if (values[template] >= 0) out[at++] = smallTemplateRow(template, values[template], mask);
    }
    at = gazetteerRows(gazetteer[i], GAZETTEER_OWN, mask, out, at);
    at = gazetteerRows(gazetteer[i], GAZETTEER_CASE + this.gazetteerCaseVariant(i), mask, out, at);
    if (i > 0) at = gazetteerRows(gazetteer[i - 1], GAZETTEER_PREV, mask, out, at);
    if (i + 1 < this.n) at = gazetteerRows(gazetteer[i + 1], GAZETTEER_NEXT, mask, out, at);
    return at;
  }

  /** Rows of the templates over word pairs and shape triples (open value sets: hashed per token). */
  pairRows(i: number, out: Int32Array, at: number): number {
    const { n, slots, capitals, mask } = this;
    const { normal, shortShape } = this.words;
    const slot = slots[i];
    const w = normal[slot];
    const s = shortShape[slot];
    const hasPrev = i > 0;
    const hasNext = i + 1 < n;
    const wPrev = hasPrev ? normal[slots[i - 1]] : BEFORE;
    const wNext = hasNext ? normal[slots[i + 1]] : AFTER;
    const sPrev = hasPrev ? shortShape[slots[i - 1]] : BEFORE;
    const sNext = hasNext ? shortShape[slots[i + 1]] : AFTER;
    out[at++] = mix(mix(T.bigramPrev, wPrev), w) & mask;
    out[at++] = mix(mix(T.bigramNext, w), wNext) & mask;
    out[at++] = mix(mix(mix(T.shapeTrigram, sPrev), s), sNext) & mask;
    out[at++] = mix(mix(T.wordPrevShape, wPrev), s) & mask;
    out[at++] = mix(mix(T.shapeWordNext, s), wNext) & mask;
    if (capitals) out[at++] = mix(T.capitalsWord, w) & mask;
    return at;
  }

  /**
   * Values of the small templates for token `i` (see SMALL_TEMPLATE_SIZES), -1 where a template does not
   * fire: capitalisation with the sentence-start and capitals bits, the capitalisation trigram, the
   * document casing, the document history of the word and of its neighbours.
   */
  smallValues(i: number, values: Int32Array): void {
    const { n, slots, historyBits, capitals } = this;
    const { normal, caseClass } = this.words;
    const c = caseClass[slots[i]];
    const hasPrev = i > 0;
    const hasNext = i + 1 < n;
    const start = hasPrev ? 0 : 1;
    const capitalsBit = capitals ? 1 : 0;
    values[SMALL_CASE_START] = c * 4 + start * 2 + capitalsBit;
    const cPrev = hasPrev ? caseClass[slots[i - 1]] : 7;
    const cNext = hasNext ? caseClass[slots[i + 1]] : 7;
    values[SMALL_CASE_TRIGRAM] = (cPrev * 8 + c) * 8 + cNext + capitalsBit * 512;
    values[SMALL_DOC_CASING] = c !== CASE_NUMBER && c !== CASE_OTHER ? (this.doc.casing.get(normal[slots[i]]) * 8 + c) * 4 + start * 2 + capitalsBit : -1;
    values[SMALL_HISTORY] = historyBits[i] !== 0 ? historyBits[i] * 8 + c : -1;
    const hPrev = hasPrev ? historyBits[i - 1] : 0;
    const hNext = hasNext ? historyBits[i + 1] : 0;
    values[SMALL_HISTORY_NEIGHBOURS] = hPrev !== 0 || hNext !== 0 ? hPrev * 64 + hNext : -1;
  }

  /** Which of the four gazetteer-with-case templates token `i` fires: capitalised + 2 * sentence start. */
  gazetteerCaseVariant(i: number): number {
    return (isCapitalised(this.words.caseClass[this.slots[i]]) ? 1 : 0) + (i === 0 ? 2 : 0);
  }
}

// ---------------------------------------------------------------------------------------------------
// Templates with few values: their rows can be listed ahead, so the tagger sums them from tables.

/** Small templates, in the order of `SentenceFeatures.smallValues`, and how many values each takes. */
export const SMALL_CASE_START = 0;
export const SMALL_CASE_TRIGRAM = 1;
export const SMALL_DOC_CASING = 2;
export const SMALL_HISTORY = 3;
export const SMALL_HISTORY_NEIGHBOURS = 4;
export const SMALL_TEMPLATES = 5;
/**
 * Value bounds: case classes are < 8 (7 marks an edge), casing and history are 5-bit masks (CASE_LOWER ..
 * CASE_MIXED; four entity types and O).
 */
export const SMALL_TEMPLATE_SIZES = [8 * 4, 2 * 512, 32 * 8 * 4, 32 * 8, 32 * 64];
const SMALL_TEMPLATE_IDS = [T.caseStart, T.caseTrigram, T.docCasing, T.history, T.historyNeighbours];

export function smallTemplateRow(template: number, value: number, mask: number): number {
  return mix(SMALL_TEMPLATE_IDS[template], value) & mask;
}

/** Gazetteer templates: one row per set gazetteer bit (GAZETTEER_BITS of them) of the token or a neighbour. */
export const GAZETTEER_BITS = GAZETTEER_KINDS.length * 4;
export const GAZETTEER_OWN = 0;
/** First of the four gazetteer-with-case templates (`gazetteerCaseVariant` picks one). */
export const GAZETTEER_CASE = 1;
export const GAZETTEER_PREV = 5;
export const GAZETTEER_NEXT = 6;
export const GAZETTEER_TEMPLATES = 7;

export function gazetteerTemplateRow(template: number, bit: number, mask: number): number {
  const id =
    template === GAZETTEER_OWN
      ? T.gazetteer
      : template < GAZETTEER_PREV
        ? T.gazetteerCase * 256 + (template - GAZETTEER_CASE)
        : template === GAZETTEER_PREV
          ? T.gazetteerPrev
          : T.gazetteerNext;
  return mix(id, bit) & mask;
}

function markMatch(gazetteer: Int32Array, i: number, length: number, kinds: number): void {
  while (kinds !== 0) {
    const kind = 31 - Math.clz32(kinds);
    kinds &= ~(1 << kind);
    if (length === 1) {
      gazetteer[i] |= 1 << (kind * 4 + 3);
    } else {
      gazetteer[i] |= 1 << (kind * 4);
      for (let j = i + 1; j < i + length - 1; j++) gazetteer[j] |= 1 << (kind * 4 + 1);
      gazetteer[i + length - 1] |= 1 << (kind * 4 + 2);
    }
  }
}

function gazetteerRows(bits: number, template: number, mask: number, out: Int32Array, at: number): number {
  while (bits !== 0) {
    const bit = 31 - Math.clz32(bits);
    bits &= ~(1 << bit);
    out[at++] = gazetteerTemplateRow(template, bit, mask);
  }
  return at;
}

/**
 * Every hashed feature row of every token of one sentence (the training view; the tagger of a packed model
 * sums the word-alone groups per distinct word instead): `features[i * MAX + k]` for k < `counts[i]`.
 */
export class FeatureExtractor {
  features = new Int32Array(64 * MAX_FEATURES_PER_TOKEN);
  counts = new Int32Array(64);
  readonly sentence: SentenceFeatures;
  private slots = new Int32Array(64);

  constructor(
    readonly words: WordTable,
    private readonly mask: number,
  ) {
    this.sentence = new SentenceFeatures(words, mask);
  }

  /** Looks the words up in the word table (slots valid until the table's next `reserve`). */
  slotsOf(words: readonly string[]): Int32Array {
    const n = words.length;
    this.words.reserve(n);
    if (n > this.slots.length) this.slots = new Int32Array(Math.max(n, this.slots.length * 2));
    for (let i = 0; i < n; i++) this.slots[i] = this.words.slot(words[i]);
    return this.slots;
  }

  extract(words: readonly string[], doc: DocumentState): void {
    const n = words.length;
    const slots = this.slotsOf(words);
    this.sentence.load(slots, 0, n, doc);
    if (n > this.counts.length) {
      const size = Math.max(n, this.counts.length * 2);
      this.features = new Int32Array(size * MAX_FEATURES_PER_TOKEN);
      this.counts = new Int32Array(size);
    }
    const { features, counts, mask } = this;
    for (let i = 0; i < n; i++) {
      const first = i * MAX_FEATURES_PER_TOKEN;
      let at = wordGroupRows(this.words, GROUP_OWN, slots[i], mask, features, first);
      at = wordGroupRows(this.words, GROUP_PREV, i > 0 ? slots[i - 1] : EDGE, mask, features, at);
      at = wordGroupRows(this.words, GROUP_NEXT, i + 1 < n ? slots[i + 1] : EDGE, mask, features, at);
      at = wordGroupRows(this.words, GROUP_PREV2, i > 1 ? slots[i - 2] : EDGE, mask, features, at);
      at = wordGroupRows(this.words, GROUP_NEXT2, i + 2 < n ? slots[i + 2] : EDGE, mask, features, at);
      at = this.sentence.contextRows(i, features, at);
      counts[i] = at - first;
    }
  }
}
