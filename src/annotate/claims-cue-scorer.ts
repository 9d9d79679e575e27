/**
 * The cue model's margin read partly from tables: the same number as
 * `model.cue.margin(features, cueFeatures(ctx, k, first, end, features))` (claims-model.ts) with about half
 * the lookups in the model's megabyte of weights.
 *
 *   per model      : the gap flags around the head (feature 9), summed once per value;
 *   per model      : the gap flags around the head (feature 9), the subject and object classes (33), the
 *                    quotation distances (37), summed once per value;
 *   per cue word   : every feature of the head word with a small value (its own word, stem and suffix, its
 *                    place in the sentence, quotation state and distances, the shapes beside it, a comma
 *                    before, "that" after, its subject and object classes: features 0, 1, 8, 11-17, 23-25,
 *                    28-32, 35, 36, 38), summed once per word and value the first time the word is a candidate
 *                    (the lexicon holds about 1,200 words, a document repeats a few of them);
 *   per candidate  : the fifteen features of the neighbouring words and of the word with both its classes,
 *                    hashed and looked up.
 *
 * Exact for integer weights (the shipped model stores int16 steps): the margin is then a sum of integers,
 * whatever the order of its terms. `cueScorer` returns null for float weights (the trainer's models).
 */

import * as shared from './claims-model.ts';
import type { HashedLinear, TokenContext } from './claims-model.ts';

// Imported bindings copied once: the runner (tsx) reads imported bindings through getters, which costs in
// the per-candidate code below.
const { AFTER_SENTENCE, BEFORE_SENTENCE, CUE_T, FEATURE_MASK, OBJECT_CLASSES, OUTSIDE_SHAPE, QUOTE_DISTANCES, SHAPES, SUBJECT_CLASSES, cueObjectClass, cueQuoteDistance, cueSubjectClass, mix, stemHash } = shared;

const SHAPE_COUNT = SHAPES.length;
/** Shape slots of a neighbour: the five shapes, then "outside the sentence". */
const NEIGHBOUR_SHAPES = SHAPE_COUNT + 1;
/** Place in the sentence: tokens from its start, and to its end, each capped at 6 (cueFeatures). */
const PLACES = 7;
const GAP_PAIRS = 4096; // gap flags before and after the head, six bits each
const QUOTE_STATES = 4; // inQuote * 2 + quote in the sentence
const COMMA_THAT_STATES = 4; // commaBefore * 2 + thatSoon

/** Slots of a cue word's table. */
const BASE = 0;
const QUOTE = BASE + 1;
const PLACE = QUOTE + QUOTE_STATES;
const SHAPE_PAIR = PLACE + PLACES * PLACES;
const COMMA_THAT = SHAPE_PAIR + NEIGHBOUR_SHAPES * NEIGHBOUR_SHAPES;
const SUBJECT = COMMA_THAT + COMMA_THAT_STATES;
const OBJECT = SUBJECT + SUBJECT_CLASSES;
const QUOTE_LEFT = OBJECT + OBJECT_CLASSES;
const QUOTE_RIGHT = QUOTE_LEFT + QUOTE_DISTANCES;
/** The word's stem hash (not a sum: features 26, 27 and 34 mix it with the neighbours). */
const STEM = QUOTE_RIGHT + QUOTE_DISTANCES;
const WORD_SLOTS = STEM + 1;

/** Scores cue-head candidates; built once per model (`cueScorer`). */
export class CueScorer {
  private readonly diff: Int16Array | Int32Array;
  /** Feature 9 by the head's gap flags. */
  private readonly gaps: Int32Array;
  /** Feature 33 by subject * OBJECT_CLASSES + object. */
  private readonly classes: Int32Array;
  /** Feature 37 by quotation distances * 2 + inside a quotation. */
  private readonly quotes: Int32Array;
  /** Per lower-cased cue word: its WORD_SLOTS sums (see the module comment). */
  private readonly byWord = new Map<string, Int32Array>();
  private readonly shapeHashes: number[];

  constructor(private readonly model: HashedLinear) {
    this.diff = shared.marginSteps(model);
    this.gaps = new Int32Array(GAP_PAIRS);
    for (let g = 0; g < GAP_PAIRS; g++) this.gaps[g] = this.d(mix(CUE_T[9]!, g));
    this.classes = new Int32Array(SUBJECT_CLASSES * OBJECT_CLASSES);
    for (let s = 0; s < SUBJECT_CLASSES; s++) for (let o = 0; o < OBJECT_CLASSES; o++) this.classes[s * OBJECT_CLASSES + o] = this.d(mix(mix(CUE_T[33]!, s), o));
    this.quotes = new Int32Array(QUOTE_DISTANCES * QUOTE_DISTANCES * 2);
    for (let q = 0; q < QUOTE_DISTANCES * QUOTE_DISTANCES; q++) for (let inside = 0; inside < 2; inside++) this.quotes[q * 2 + inside] = this.d(mix(mix(CUE_T[37]!, q), inside));
    this.shapeHashes = [...SHAPES.map((name) => shared.hashString(name) | 0), OUTSIDE_SHAPE];
  }

  private d(hash: number): number {
    return this.diff[hash & FEATURE_MASK]!;
  }

  /** The small-valued features of one head word, summed per value. */
  private wordTable(w0: number, suffix: number, lower: string): Int32Array {
    const t = CUE_T;
    const table = new Int32Array(WORD_SLOTS);
    const stem = stemHash(lower);
    table[STEM] = stem;
    table[BASE] = this.d(t[0]!) + this.d(mix(t[1]!, w0)) + this.d(mix(t[15]!, suffix)) + this.d(mix(t[25]!, stem));
    for (let s = 0; s < SUBJECT_CLASSES; s++) table[SUBJECT + s] = this.d(mix(mix(t[28]!, w0), s)) + this.d(mix(mix(t[30]!, suffix), s)) + this.d(mix(mix(t[31]!, stem), s));
    for (let o = 0; o < OBJECT_CLASSES; o++) table[OBJECT + o] = this.d(mix(mix(t[29]!, w0), o)) + this.d(mix(mix(t[32]!, stem), o)) + this.d(mix(mix(t[38]!, suffix), o));
    for (let q = 0; q < QUOTE_DISTANCES; q++) {
      table[QUOTE_LEFT + q] = this.d(mix(mix(t[35]!, w0), q));
      table[QUOTE_RIGHT + q] = this.d(mix(mix(t[36]!, w0), q));
    }
    for (let q = 0; q < QUOTE_STATES; q++) table[QUOTE + q] = this.d(mix(mix(t[11]!, w0), q));
    for (let from = 0; from < PLACES; from++) {
      for (let to = 0; to < PLACES; to++) table[PLACE + from * PLACES + to] = this.d(mix(mix(t[12]!, w0), from)) + this.d(mix(mix(t[13]!, w0), to)) + this.d(mix(mix(t[24]!, from), to));
    }
    for (let a = 0; a < NEIGHBOUR_SHAPES; a++) {
      const sm1 = this.shapeHashes[a]!;
      for (let b = 0; b < NEIGHBOUR_SHAPES; b++) {
        const sp1 = this.shapeHashes[b]!;
        table[SHAPE_PAIR + a * NEIGHBOUR_SHAPES + b] = this.d(mix(mix(t[8]!, sm1), sp1)) + this.d(mix(mix(t[14]!, w0), sm1)) + this.d(mix(mix(mix(t[23]!, w0), sm1), sp1));
      }
    }
    for (let comma = 0; comma < 2; comma++) {
      for (let that = 0; that < 2; that++) table[COMMA_THAT + comma * 2 + that] = this.d(mix(mix(t[16]!, w0), comma)) + this.d(mix(mix(t[17]!, w0), that));
    }
    return table;
  }

  /** The cue model's margin for a head candidate at token k of the sentence [first, end). */
  margin(ctx: TokenContext, k: number, first: number, end: number): number {
    const t = CUE_T;
    const word = ctx.word;
    const lower = ctx.lower[k]!;
    const w0 = word[k]!;
    const suffix = ctx.suffix[k]!;
    let table = this.byWord.get(lower);
    if (!table) {
      table = this.wordTable(w0, suffix, lower);
      this.byWord.set(lower, table);
    }
    const wm1 = k - 1 >= first ? word[k - 1]! : BEFORE_SENTENCE;
    const wp1 = k + 1 < end ? word[k + 1]! : AFTER_SENTENCE;
    const wm2 = k - 2 >= first ? word[k - 2]! : BEFORE_SENTENCE;
    const wp2 = k + 2 < end ? word[k + 2]! : AFTER_SENTENCE;
    const sm1 = k - 1 >= first ? ctx.shapeKind[k - 1]! : SHAPE_COUNT;
    const sp1 = k + 1 < end ? ctx.shapeKind[k + 1]! : SHAPE_COUNT;
    const gaps = ctx.gapBefore[k]! | (ctx.gapBefore[k + 1]! << 6);
    const commaBefore = k >= first + 1 && ctx.commasBefore[k + 1]! - ctx.commasBefore[first + 1]! > 0 ? 1 : 0;
    const quoteInSentence = ctx.quotesBefore[end + 1]! - ctx.quotesBefore[first]! > 0 ? 1 : 0;
    let thatSoon = 0;
    for (let j = k + 1; j < end && j <= k + 4; j++) if (ctx.lower[j] === 'that') thatSoon = 1;
    const fromStart = Math.min(k - first, 6);
    const toEnd = Math.min(end - 1 - k, 6);
    const subject = cueSubjectClass(ctx, k, first);
    const object = cueObjectClass(ctx, k, end);
    const quotes = cueQuoteDistance(ctx, k, first, end);
    const stem = table[STEM]!;
    const diff = this.diff;
    const sum =
      table[SUBJECT + subject]! +
      table[OBJECT + object]! +
      table[QUOTE_LEFT + ((quotes / QUOTE_DISTANCES) | 0)]! +
      table[QUOTE_RIGHT + (quotes % QUOTE_DISTANCES)]! +
      this.classes[subject * OBJECT_CLASSES + object]! +
      this.quotes[quotes * 2 + ctx.inQuote[k]!]! +
      diff[mix(mix(t[26]!, stem), wm1) & FEATURE_MASK]! +
      diff[mix(mix(t[27]!, stem), wp1) & FEATURE_MASK]! +
      diff[mix(mix(t[34]!, w0), subject * OBJECT_CLASSES + object) & FEATURE_MASK]! +
      table[BASE]! +
      table[QUOTE + ctx.inQuote[k]! * 2 + quoteInSentence]! +
      table[PLACE + fromStart * PLACES + toEnd]! +
      table[SHAPE_PAIR + sm1 * NEIGHBOUR_SHAPES + sp1]! +
      table[COMMA_THAT + commaBefore * 2 + thatSoon]! +
      this.gaps[gaps]! +
      diff[mix(t[2]!, wm1) & FEATURE_MASK]! +
      diff[mix(t[3]!, wp1) & FEATURE_MASK]! +
      diff[mix(t[4]!, wm2) & FEATURE_MASK]! +
      diff[mix(t[5]!, wp2) & FEATURE_MASK]! +
      diff[mix(mix(t[6]!, wm1), w0) & FEATURE_MASK]! +
      diff[mix(mix(t[7]!, w0), wp1) & FEATURE_MASK]! +
      diff[mix(mix(t[10]!, w0), gaps) & FEATURE_MASK]! +
      diff[mix(mix(t[18]!, wm1), wp1) & FEATURE_MASK]! +
      diff[mix(mix(t[19]!, w0), wm2) & FEATURE_MASK]! +
      diff[mix(mix(t[20]!, w0), wp2) & FEATURE_MASK]! +
      diff[mix(mix(t[21]!, suffix), wm1) & FEATURE_MASK]! +
      diff[mix(mix(t[22]!, suffix), wp1) & FEATURE_MASK]!;
    return sum * this.model.scale;
  }
}

/** A table scorer for a two-label cue model with integer weights, else null (use cueFeatures). */
export function cueScorer(model: HashedLinear): CueScorer | null {
  if (!(model.weights instanceof Int16Array) || model.labels !== 2) return null;
  return new CueScorer(model);
}
