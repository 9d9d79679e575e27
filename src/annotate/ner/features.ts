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

/** What one document tells about its words, shared by all its sentences. */
export class DocumentState {
  /** Normalized word hash -> bits of the casings (CASE_* bit per class) it has away from sentence starts. */
  readonly casing: Map<number, number>;
  /** Normalized word hash -> bitmask of entity types (1 << type index) tagged on it earlier in the document. */
  readonly history = new Map<number, number>();

  /** `casing` may be shared: it is filled once per document (`observeDocumentCasing`) and only read after. */
  constructor(casing: Map<number, number> = new Map()) {
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
      const key = hashString(normalizeWord(words[i]));
      doc.casing.set(key, (doc.casing.get(key) ?? 0) | (1 << c));
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Templates

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
const AFFIX_LENGTHS = 4;
const NO_CLUSTER = 0xffff;
/** Stand-in hashes for positions before the sentence start and after its end. */
const BEFORE = hashString('<s>');
const AFTER = hashString('</s>');

/**
 * Computes the hashed features of one sentence into reusable buffers: `features[i * MAX + k]` for
 * k < `counts[i]` are the weight-table rows of token i.
 */
export class FeatureExtractor {
  features = new Int32Array(64 * MAX_FEATURES_PER_TOKEN);
  counts = new Int32Array(64);
  /** Normalized word hashes of the sentence (read back to update the document history). */
  wordHash = new Int32Array(64);
  caseClass = new Int32Array(64);
  private exactHash = new Int32Array(64);
  private longShape = new Int32Array(64);
  private shortShape = new Int32Array(64);
  private gazetteer = new Int32Array(64);
  private cluster = new Int32Array(64);
  private historyBits = new Int32Array(64);
  private prefixes = new Int32Array(64 * AFFIX_LENGTHS);
  private suffixes = new Int32Array(64 * AFFIX_LENGTHS);

  constructor(
    private readonly lexicon: Lexicon,
    private readonly mask: number,
  ) {}

  private ensure(n: number): void {
    if (n <= this.counts.length) return;
    const size = Math.max(n, this.counts.length * 2);
    this.features = new Int32Array(size * MAX_FEATURES_PER_TOKEN);
    this.counts = new Int32Array(size);
    this.wordHash = new Int32Array(size);
    this.caseClass = new Int32Array(size);
    this.exactHash = new Int32Array(size);
    this.longShape = new Int32Array(size);
    this.shortShape = new Int32Array(size);
    this.gazetteer = new Int32Array(size);
    this.cluster = new Int32Array(size);
    this.historyBits = new Int32Array(size);
    this.prefixes = new Int32Array(size * AFFIX_LENGTHS);
    this.suffixes = new Int32Array(size * AFFIX_LENGTHS);
  }

  extract(words: readonly string[], doc: DocumentState): void {
    const n = words.length;
    this.ensure(n);
    const { wordHash, caseClass, exactHash, longShape, shortShape, gazetteer, cluster, historyBits, prefixes, suffixes } = this;
    for (let i = 0; i < n; i++) {
      const word = words[i];
      const normal = normalizeWord(word);
      const h = hashString(normal);
      wordHash[i] = h;
      exactHash[i] = hashString(word);
      const form = wordForm(word);
      caseClass[i] = form.caseClass;
      longShape[i] = hashString(form.longShape);
      shortShape[i] = hashString(form.shortShape);
      cluster[i] = this.lexicon.clusters.get(h) ?? NO_CLUSTER;
      historyBits[i] = isCapitalised(form.caseClass) ? (doc.history.get(h) ?? 0) : 0;
      // Affix hashes grow one character at a time; 0 marks "word too short".
      let p = 0x811c9dc5;
      for (let k = 0; k < AFFIX_LENGTHS; k++) {
        if (k < normal.length) {
          p = Math.imul(p ^ normal.charCodeAt(k), 0x01000193);
          prefixes[i * AFFIX_LENGTHS + k] = p;
        } else prefixes[i * AFFIX_LENGTHS + k] = 0;
      }
      let s = 0x811c9dc5;
      for (let k = 0; k < AFFIX_LENGTHS; k++) {
        if (k < normal.length) {
          s = Math.imul(s ^ normal.charCodeAt(normal.length - 1 - k), 0x01000193);
          suffixes[i * AFFIX_LENGTHS + k] = s;
        } else suffixes[i * AFFIX_LENGTHS + k] = 0;
      }
      gazetteer[i] = 0;
    }
    this.markGazetteer(n);
    const capitals = isCapitalsSentence(caseClass, n);
    const { features, counts, mask } = this;
    for (let i = 0; i < n; i++) {
      let at = i * MAX_FEATURES_PER_TOKEN;
      const w = wordHash[i];
      const wPrev = i > 0 ? wordHash[i - 1] : BEFORE;
      const wNext = i + 1 < n ? wordHash[i + 1] : AFTER;
      const wPrev2 = i > 1 ? wordHash[i - 2] : BEFORE;
      const wNext2 = i + 2 < n ? wordHash[i + 2] : AFTER;
      const sPrev = i > 0 ? shortShape[i - 1] : BEFORE;
      const sNext = i + 1 < n ? shortShape[i + 1] : AFTER;
      const sPrev2 = i > 1 ? shortShape[i - 2] : BEFORE;
      const sNext2 = i + 2 < n ? shortShape[i + 2] : AFTER;
      const s = shortShape[i];
      const c = caseClass[i];
      const start = i === 0 ? 1 : 0;
      features[at++] = T.bias & mask;
      features[at++] = mix(T.word, w) & mask;
      features[at++] = mix(T.wordPrev, wPrev) & mask;
      features[at++] = mix(T.wordNext, wNext) & mask;
      features[at++] = mix(T.wordPrev2, wPrev2) & mask;
      features[at++] = mix(T.wordNext2, wNext2) & mask;
      features[at++] = mix(T.exact, exactHash[i]) & mask;
      features[at++] = mix(T.longShape, longShape[i]) & mask;
      features[at++] = mix(T.shapePrev, sPrev) & mask;
      features[at++] = mix(T.shapeNext, sNext) & mask;
      features[at++] = mix(T.shapePrev2, sPrev2) & mask;
      features[at++] = mix(T.shapeNext2, sNext2) & mask;
      for (let k = 0; k < AFFIX_LENGTHS; k++) {
        const prefix = prefixes[i * AFFIX_LENGTHS + k];
        if (prefix !== 0) features[at++] = mix(T.prefix * 256 + k, prefix) & mask;
        const suffix = suffixes[i * AFFIX_LENGTHS + k];
        if (suffix !== 0) features[at++] = mix(T.suffix * 256 + k, suffix) & mask;
      }
      const caseStart = c * 4 + start * 2 + (capitals ? 1 : 0);
      features[at++] = mix(T.caseStart, caseStart) & mask;
      features[at++] = mix(mix(T.bigramPrev, wPrev), w) & mask;
      features[at++] = mix(mix(T.bigramNext, w), wNext) & mask;
      features[at++] = mix(mix(mix(T.shapeTrigram, sPrev), s), sNext) & mask;
      features[at++] = mix(mix(T.wordPrevShape, wPrev), s) & mask;
      features[at++] = mix(mix(T.shapeWordNext, s), wNext) & mask;
      const cPrev = i > 0 ? caseClass[i - 1] : 7;
      const cNext = i + 1 < n ? caseClass[i + 1] : 7;
      features[at++] = mix(T.caseTrigram, (cPrev * 8 + c) * 8 + cNext + (capitals ? 512 : 0)) & mask;
      // Gazetteer bits: kind * 4 + BILOU position (B=0, I=1, L=2, U=3).
      at = this.gazetteerFeatures(gazetteer[i], T.gazetteer, at);
      at = this.gazetteerFeatures(gazetteer[i], T.gazetteerCase * 256 + (isCapitalised(c) ? 1 : 0) + 2 * start, at);
      if (i > 0) at = this.gazetteerFeatures(gazetteer[i - 1], T.gazetteerPrev, at);
      if (i + 1 < n) at = this.gazetteerFeatures(gazetteer[i + 1], T.gazetteerNext, at);
      const cl = cluster[i];
      features[at++] = mix(T.cluster, cl & 0xffff) & mask;
      features[at++] = mix(T.clusterCoarse * 256 + (isCapitalised(c) ? 1 : 0), cl >>> 16) & mask;
      features[at++] = mix(T.clusterPrev, i > 0 ? cluster[i - 1] & 0xffff : BEFORE) & mask;
      features[at++] = mix(T.clusterNext, i + 1 < n ? cluster[i + 1] & 0xffff : AFTER) & mask;
      if (c !== CASE_NUMBER && c !== CASE_OTHER) {
        const casing = doc.casing.get(w) ?? 0;
        features[at++] = mix(T.docCasing, (casing * 8 + c) * 4 + start * 2 + (capitals ? 1 : 0)) & mask;
      }
      if (historyBits[i] !== 0) features[at++] = mix(T.history, historyBits[i] * 8 + c) & mask;
      const hPrev = i > 0 ? historyBits[i - 1] : 0;
      const hNext = i + 1 < n ? historyBits[i + 1] : 0;
      if (hPrev !== 0 || hNext !== 0) features[at++] = mix(T.historyNeighbours, hPrev * 64 + hNext) & mask;
      if (capitals) features[at++] = mix(T.capitalsWord, w) & mask;
      if (isCapitalised(c)) features[at++] = mix(T.prefixCapitalised, prefixes[i * AFFIX_LENGTHS + 1]) & mask;
      counts[i] = at - i * MAX_FEATURES_PER_TOKEN;
    }
  }

  private gazetteerFeatures(bits: number, template: number, at: number): number {
    const { features, mask } = this;
    while (bits !== 0) {
      const bit = 31 - Math.clz32(bits);
      bits &= ~(1 << bit);
      features[at++] = mix(template, bit) & mask;
    }
    return at;
  }

  /** Marks every gazetteer match (all lengths, overlaps allowed) with its BILOU position per kind. */
  private markGazetteer(n: number): void {
    const { wordHash, gazetteer } = this;
    const table = this.lexicon.gazetteer;
    for (let i = 0; i < n; i++) {
      let key = 0;
      for (let length = 1; length <= MAX_GAZETTEER_TOKENS && i + length <= n; length++) {
        key = mix(key, wordHash[i + length - 1]);
        const kinds = table.get(key);
        if (kinds === undefined) continue;
        for (let kind = 0; kind < GAZETTEER_KINDS.length; kind++) {
          if ((kinds & (1 << kind)) === 0) continue;
          if (length === 1) {
            gazetteer[i] |= 1 << (kind * 4 + 3);
          } else {
            gazetteer[i] |= 1 << (kind * 4);
            for (let j = i + 1; j < i + length - 1; j++) gazetteer[j] |= 1 << (kind * 4 + 1);
            gazetteer[i + length - 1] |= 1 << (kind * 4 + 2);
          }
        }
      }
    }
  }
}
