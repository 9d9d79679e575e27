/**
 * The source of one cue: a linear ranker over the candidate spans of the cue's sentence, and "no source".
 * PolNeAR sources are whole noun phrases with their determiners, titles, appositions and relative clauses
 * ("Scott Pruitt, the Republican attorney general of Oklahoma", "A new ad from Donald Trump's presidential
 * campaign", "who"), so a span is scored by its two boundaries and its shape rather than token by token:
 *
 *   score(span) = near(boundary next to the cue) + far(outer boundary) + pair(length, commas, quotes and
 *                 other cues inside)
 *
 * Before the cue ("X said") the near boundary is the span's last token; after it ("said X", "according to
 * X") its first. The near and far parts are computed once per position, so the best of the few hundred
 * candidates is a sum over two small arrays, not a feature lookup per candidate. Trained as a structured
 * averaged perceptron (scripts/train-claims.ts) on PolNeAR train.
 */

import { MAX_SOURCE_GAP_AFTER, MAX_SOURCE_GAP_BEFORE, MAX_SOURCE_TOKENS } from './claims-constants.ts';
import * as shared from './claims-model.ts';
import type { HashedLinear, TokenContext } from './claims-model.ts';

// Imported bindings copied once: the runner (tsx) reads imported bindings through getters, which costs in
// the per-candidate loops below.
const { AFTER_SENTENCE, BEFORE_SENTENCE, FEATURE_MASK, commasIn, hashString, mix, quotesIn, shapeAt, wordAt } = shared;
const GAP_AFTER = MAX_SOURCE_GAP_AFTER;
const GAP_BEFORE = MAX_SOURCE_GAP_BEFORE;
const MAX_TOKENS = MAX_SOURCE_TOKENS;

// Template ids as signed 32-bit integers (small integers in V8; mixing reads the same bits).
const T = (name: string) => hashString(name) | 0;
const BEFORE = 1;
const AFTER = 2;
const NEAR_T = Array.from({ length: 9 }, (_, i) => T(`source.near.${i}`));
const FAR_T = Array.from({ length: 8 }, (_, i) => T(`source.far.${i}`));
const PAIR_T = Array.from({ length: 5 }, (_, i) => T(`source.pair.${i}`));
const NULL_T = Array.from({ length: 8 }, (_, i) => T(`source.null.${i}`));
/** mix(template, side) for both sides, computed once: each feature then costs one mix less. */
const bySide = (templates: number[]) => templates.map((t) => [0, mix(t, BEFORE), mix(t, AFTER)]);
const NEAR_S = bySide(NEAR_T);
const FAR_S = bySide(FAR_T);
const PAIR_S = bySide(PAIR_T);
export const NEAR_FEATURES = 9;
export const FAR_FEATURES = 8;
export const PAIR_FEATURES = 5;
export const NULL_FEATURES = 8;
/** Room for the features of one whole candidate. */
export const SOURCE_FEATURE_CAPACITY = NEAR_FEATURES + FAR_FEATURES + PAIR_FEATURES + NULL_FEATURES;


/** The cue a source is sought for. */
export interface SourceFrame {
  /** Cue tokens, first and last, and the head token the cue model found. */
  first: number;
  last: number;
  head: number;
  /** Sentence tokens [start, end). */
  start: number;
  end: number;
  /** Prefix counts of cue tokens over the document (cueBefore[k] = cue tokens before k). */
  cueBefore: Int32Array;
}

export interface SourceSpan {
  /** First and last token, or -1 for "no source". */
  first: number;
  last: number;
}

const lengthBucket = (n: number) => (n <= 6 ? n : n <= 8 ? 7 : n <= 12 ? 8 : n <= 20 ? 9 : 10);
const gapBucket = (d: number) => (d <= 3 ? d : d <= 6 ? 4 : d <= 12 ? 5 : 6);
const LENGTH_BUCKETS = 11;
const COMMA_BUCKETS = 4;

/** The cue's conjunctions for one side, computed once per cue: [near gap, near shape, far gap, pair length]. */
function cueKeys(side: number, cueWord: number, out: Int32Array): Int32Array {
  out[0] = mix(NEAR_S[2]![side]!, cueWord);
  out[1] = mix(NEAR_S[6]![side]!, cueWord);
  out[2] = mix(FAR_S[4]![side]!, cueWord);
  out[3] = mix(PAIR_S[4]![side]!, cueWord);
  return out;
}

/** Features of the near boundary p of a span on `side` (gap d tokens to the cue). */
function nearFeatures(ctx: TokenContext, f: SourceFrame, side: number, p: number, keys: Int32Array, out: Int32Array, at: number): void {
  const d = side === BEFORE ? f.first - 1 - p : p - f.last - 1;
  const toward = side === BEFORE ? p + 1 : p - 1; // the neighbour on the cue's side
  const gap = side === BEFORE ? ctx.gapBefore[p + 1]! : ctx.gapBefore[p]!;
  const bucket = gapBucket(d);
  const word = ctx.word[p]!;
  const towardWord = ctx.word[toward]!;
  out[at] = mix(NEAR_S[0]![side]!, bucket);
  out[at + 1] = mix(NEAR_S[1]![side]!, word);
  out[at + 2] = mix(keys[0]!, bucket);
  out[at + 3] = mix(mix(NEAR_S[3]![side]!, bucket), towardWord);
  out[at + 4] = mix(mix(NEAR_S[4]![side]!, gap), d === 0 ? 1 : 0);
  out[at + 5] = mix(mix(NEAR_S[5]![side]!, ctx.shape[p]!), ctx.shape[toward]!);
  out[at + 6] = mix(keys[1]!, ctx.shape[p]!);
  out[at + 7] = mix(NEAR_S[7]![side]!, ctx.suffix[p]!);
  out[at + 8] = mix(mix(NEAR_S[8]![side]!, word), towardWord);
  for (let j = at; j < at + NEAR_FEATURES; j++) out[j] = out[j]! & FEATURE_MASK;
}

/** Features of the far boundary q of a span on `side`. */
function farFeatures(ctx: TokenContext, f: SourceFrame, side: number, q: number, keys: Int32Array, out: Int32Array, at: number): void {
  const outer = side === BEFORE ? q - 1 : q + 1;
  const outerWord = side === BEFORE ? (q > f.start ? ctx.word[outer]! : BEFORE_SENTENCE) : q < f.end - 1 ? ctx.word[outer]! : AFTER_SENTENCE;
  const outerGap = side === BEFORE ? ctx.gapBefore[q]! : ctx.gapBefore[q + 1]!;
  const edge = side === BEFORE ? (q === f.start ? 1 : 0) : q === f.end - 1 ? 1 : 0;
  const word = ctx.word[q]!;
  out[at] = mix(FAR_S[0]![side]!, word);
  out[at + 1] = mix(FAR_S[1]![side]!, outerWord);
  out[at + 2] = mix(mix(FAR_S[2]![side]!, outerGap), edge);
  out[at + 3] = mix(mix(FAR_S[3]![side]!, ctx.shape[q]!), shapeAt(ctx, outer, f.start, f.end));
  out[at + 4] = mix(keys[2]!, outerGap);
  out[at + 5] = mix(FAR_S[5]![side]!, ctx.suffix[q]!);
  out[at + 6] = mix(mix(FAR_S[6]![side]!, outerWord), word);
  out[at + 7] = mix(mix(FAR_S[7]![side]!, ctx.inQuote[q]!), edge);
  for (let j = at; j < at + FAR_FEATURES; j++) out[j] = out[j]! & FEATURE_MASK;
}

/** Features of the span as a whole: length, commas, quotation marks and other cues inside. */
function pairFeatures(side: number, length: number, commas: number, quotes: number, cues: number, keys: Int32Array, out: Int32Array, at: number): void {
  const bucket = lengthBucket(length);
  out[at] = mix(PAIR_S[0]![side]!, bucket);
  out[at + 1] = mix(PAIR_S[1]![side]!, commas < COMMA_BUCKETS ? commas : COMMA_BUCKETS - 1);
  out[at + 2] = mix(PAIR_S[2]![side]!, quotes > 0 ? 1 : 0);
  out[at + 3] = mix(PAIR_S[3]![side]!, cues > 0 ? 1 : 0);
  out[at + 4] = mix(keys[3]!, bucket);
  for (let j = at; j < at + PAIR_FEATURES; j++) out[j] = out[j]! & FEATURE_MASK;
}

/** Features of "no source" for the cue. */
function nullFeatures(ctx: TokenContext, f: SourceFrame, cueWord: number, out: Int32Array, at: number): void {
  const before = wordAt(ctx, f.first - 1, f.start, f.end);
  out[at] = NULL_T[0]!;
  out[at + 1] = mix(NULL_T[1]!, cueWord);
  out[at + 2] = mix(NULL_T[2]!, before);
  out[at + 3] = mix(NULL_T[3]!, wordAt(ctx, f.last + 1, f.start, f.end));
  out[at + 4] = mix(NULL_T[4]!, ctx.gapBefore[f.first]!);
  out[at + 5] = mix(NULL_T[5]!, f.first === f.start ? 1 : 0);
  out[at + 6] = mix(mix(NULL_T[6]!, cueWord), before);
  out[at + 7] = mix(mix(NULL_T[7]!, ctx.inQuote[f.first]!), f.last === f.end - 1 ? 1 : 0);
  for (let j = at; j < at + NULL_FEATURES; j++) out[j] = out[j]! & FEATURE_MASK;
}

/** Every feature of one candidate (for training updates); returns their count. */
export function sourceFeatures(ctx: TokenContext, f: SourceFrame, span: SourceSpan, out: Int32Array): number {
  const cueWord = ctx.word[f.head]!;
  if (span.first < 0) {
    nullFeatures(ctx, f, cueWord, out, 0);
    return NULL_FEATURES;
  }
  const side = span.last < f.first ? BEFORE : AFTER;
  const keys = cueKeys(side, cueWord, new Int32Array(4));
  nearFeatures(ctx, f, side, side === BEFORE ? span.last : span.first, keys, out, 0);
  farFeatures(ctx, f, side, side === BEFORE ? span.first : span.last, keys, out, NEAR_FEATURES);
  pairFeatures(
    side,
    span.last - span.first + 1,
    commasIn(ctx, span.first + 1, span.last),
    quotesIn(ctx, span.first + 1, span.last),
    f.cueBefore[span.last + 1]! - f.cueBefore[span.first]!,
    keys,
    out,
    NEAR_FEATURES + FAR_FEATURES,
  );
  return NEAR_FEATURES + FAR_FEATURES + PAIR_FEATURES;
}

/** True when `span` is among the candidates the ranker considers for the frame. */
export function isCandidate(f: SourceFrame, span: SourceSpan): boolean {
  if (span.first < 0) return true;
  if (span.first < f.start || span.last >= f.end || span.last - span.first + 1 > MAX_TOKENS) return false;
  if (span.last < f.first) return f.first - 1 - span.last <= GAP_BEFORE;
  if (span.first > f.last) return span.first - f.last - 1 <= GAP_AFTER;
  return false;
}

// ---------------------------------------------------------------------------------------------------
// Boundary scores from tables (integer-weighted models)

const SHAPE_COUNT = shared.SHAPES.length;
/** Shape slots of the far boundary's outer neighbour: the five shapes, then "outside the sentence". */
const OUTER_SHAPES = SHAPE_COUNT + 1;
const GAP_BUCKETS = 7; // gapBucket: 0..6
const GAPS = 64; // gap flags: six bits (claims-model.ts GAP_*)

/**
 * Weights of the boundary features that depend on small values only, summed per key once per model: near
 * features 0 and 4 by [side][gap bucket][gap flags], 5 by [side][shape][shape of the neighbour]; far
 * features 2 and 7 by [side][gap flags][edge][quoted], 3 by [side][shape][outer shape]. Integers (the
 * stored int16 steps): a boundary's score is then the same integer sum in any order.
 */
interface BoundaryTables {
  near: Int32Array;
  nearShape: Int32Array;
  far: Int32Array;
  farShape: Int32Array;
  /** Pair features without the cue word, as model.weight gives them: [side][length bucket] (feature 0), [side][comma bucket] (1), [side][quotes, cues inside] (2, 3). */
  pairLengths: Float64Array;
  pairCommas: Float64Array;
  pairFlags: Float64Array;
}

const boundaryTables = new WeakMap<HashedLinear, BoundaryTables | null>();

/** The tables of a model, or null when its weights are not integers (the trainer's float models). */
function tablesOf(model: HashedLinear): BoundaryTables | null {
  let tables = boundaryTables.get(model);
  if (tables !== undefined) return tables;
  tables = null;
  const weights = model.weights;
  if (weights instanceof Int16Array) {
    const w = (hash: number) => weights[hash & FEATURE_MASK]!;
    const shapeHashes = shared.SHAPES.map((name) => hashString(name) | 0);
    const near = new Int32Array(2 * GAP_BUCKETS * GAPS);
    const nearShape = new Int32Array(2 * SHAPE_COUNT * SHAPE_COUNT);
    const far = new Int32Array(2 * GAPS * 2 * 2);
    const farShape = new Int32Array(2 * SHAPE_COUNT * OUTER_SHAPES);
    for (let side = BEFORE; side <= AFTER; side++) {
      const s = side - BEFORE;
      for (let b = 0; b < GAP_BUCKETS; b++) {
        // Bucket 0 is the one distance 0 falls in, and only it.
        for (let g = 0; g < GAPS; g++) near[(s * GAP_BUCKETS + b) * GAPS + g] = w(mix(NEAR_S[0]![side]!, b)) + w(mix(mix(NEAR_S[4]![side]!, g), b === 0 ? 1 : 0));
      }
      for (let a = 0; a < SHAPE_COUNT; a++) {
        for (let t = 0; t < SHAPE_COUNT; t++) nearShape[(s * SHAPE_COUNT + a) * SHAPE_COUNT + t] = w(mix(mix(NEAR_S[5]![side]!, shapeHashes[a]!), shapeHashes[t]!));
        for (let o = 0; o < OUTER_SHAPES; o++) {
          const outer = o < SHAPE_COUNT ? shapeHashes[o]! : shared.OUTSIDE_SHAPE;
          farShape[(s * SHAPE_COUNT + a) * OUTER_SHAPES + o] = w(mix(mix(FAR_S[3]![side]!, shapeHashes[a]!), outer));
        }
      }
      for (let g = 0; g < GAPS; g++) {
        for (let edge = 0; edge < 2; edge++) {
          for (let quoted = 0; quoted < 2; quoted++) far[((s * GAPS + g) * 2 + edge) * 2 + quoted] = w(mix(mix(FAR_S[2]![side]!, g), edge)) + w(mix(mix(FAR_S[7]![side]!, quoted), edge));
        }
      }
    }
    const pairLengths = new Float64Array(2 * LENGTH_BUCKETS);
    const pairCommas = new Float64Array(2 * COMMA_BUCKETS);
    const pairFlags = new Float64Array(2 * 4);
    for (let side = BEFORE; side <= AFTER; side++) {
      const s = side - BEFORE;
      for (let b = 0; b < LENGTH_BUCKETS; b++) pairLengths[s * LENGTH_BUCKETS + b] = model.weight(mix(PAIR_S[0]![side]!, b));
      for (let b = 0; b < COMMA_BUCKETS; b++) pairCommas[s * COMMA_BUCKETS + b] = model.weight(mix(PAIR_S[1]![side]!, b));
      for (let b = 0; b < 2; b++) {
        pairFlags[s * 4 + b] = model.weight(mix(PAIR_S[2]![side]!, b));
        pairFlags[s * 4 + 2 + b] = model.weight(mix(PAIR_S[3]![side]!, b));
      }
    }
    tables = { near, nearShape, far, farShape, pairLengths, pairCommas, pairFlags };
  }
  boundaryTables.set(model, tables);
  return tables;
}

/**
 * The scores of nearFeatures(...) (model.sum of them) for near boundaries p in [from, to], written to
 * out[p - from], from the tables and the word features; the cue's values are read once per range.
 */
function scoreNearBoundaries(ctx: TokenContext, f: SourceFrame, side: number, from: number, to: number, keys: Int32Array, weights: Int16Array, tables: BoundaryTables, scale: number, out: Float64Array): void {
  const before = side === BEFORE;
  const { word, gapBefore, shapeKind, shape, suffix } = ctx;
  const { near, nearShape } = tables;
  const s = side - BEFORE;
  const t1 = NEAR_S[1]![side]!;
  const t3 = NEAR_S[3]![side]!;
  const t7 = NEAR_S[7]![side]!;
  const t8 = NEAR_S[8]![side]!;
  const key0 = keys[0]!;
  const key1 = keys[1]!;
  for (let p = from; p <= to; p++) {
    const d = before ? f.first - 1 - p : p - f.last - 1;
    const toward = before ? p + 1 : p - 1;
    const gap = before ? gapBefore[p + 1]! : gapBefore[p]!;
    const bucket = gapBucket(d);
    const w = word[p]!;
    const towardWord = word[toward]!;
    const sum =
      near[(s * GAP_BUCKETS + bucket) * GAPS + gap]! +
      nearShape[(s * SHAPE_COUNT + shapeKind[p]!) * SHAPE_COUNT + shapeKind[toward]!]! +
      weights[mix(t1, w) & FEATURE_MASK]! +
      weights[mix(key0, bucket) & FEATURE_MASK]! +
      weights[mix(mix(t3, bucket), towardWord) & FEATURE_MASK]! +
      weights[mix(key1, shape[p]!) & FEATURE_MASK]! +
      weights[mix(t7, suffix[p]!) & FEATURE_MASK]! +
      weights[mix(mix(t8, w), towardWord) & FEATURE_MASK]!;
    out[p - from] = sum * scale;
  }
}

/**
 * The scores of farFeatures(...) (model.sum of them) for far boundaries q in [from, to], written to
 * out[q - from]; returns the best of them.
 */
function scoreFarBoundaries(ctx: TokenContext, f: SourceFrame, side: number, from: number, to: number, keys: Int32Array, weights: Int16Array, tables: BoundaryTables, scale: number, out: Float64Array): number {
  const before = side === BEFORE;
  const { word, gapBefore, shapeKind, suffix, inQuote } = ctx;
  const { far, farShape } = tables;
  const s = side - BEFORE;
  const t0 = FAR_S[0]![side]!;
  const t1 = FAR_S[1]![side]!;
  const t5 = FAR_S[5]![side]!;
  const t6 = FAR_S[6]![side]!;
  const key2 = keys[2]!;
  const edgeAt = before ? f.start : f.end - 1;
  const outsideWord = before ? BEFORE_SENTENCE : AFTER_SENTENCE;
  let best = -Infinity;
  for (let q = from; q <= to; q++) {
    const outer = before ? q - 1 : q + 1;
    const edge = q === edgeAt ? 1 : 0;
    const outerWord = edge ? outsideWord : word[outer]!;
    const outerGap = before ? gapBefore[q]! : gapBefore[q + 1]!;
    const outerShape = edge ? SHAPE_COUNT : shapeKind[outer]!;
    const w = word[q]!;
    const sum =
      far[((s * GAPS + outerGap) * 2 + edge) * 2 + inQuote[q]!]! +
      farShape[(s * SHAPE_COUNT + shapeKind[q]!) * OUTER_SHAPES + outerShape]! +
      weights[mix(t0, w) & FEATURE_MASK]! +
      weights[mix(t1, outerWord) & FEATURE_MASK]! +
      weights[mix(key2, outerGap) & FEATURE_MASK]! +
      weights[mix(t5, suffix[q]!) & FEATURE_MASK]! +
      weights[mix(mix(t6, outerWord), w) & FEATURE_MASK]!;
    const score = sum * scale;
    out[q - from] = score;
    if (score > best) best = score;
  }
  return best;
}

/** Scratch buffers reused across cues. */
export class SourceScratch {
  features = new Int32Array(SOURCE_FEATURE_CAPACITY);
  keys = new Int32Array(4);
  near = new Float64Array(64);
  far = new Float64Array(64);
  lengths = new Float64Array(LENGTH_BUCKETS);
  commas = new Float64Array(COMMA_BUCKETS);
  flags = new Float64Array(4);
}

/**
 * The best-scoring candidate for the cue ("no source" included) and its score margin over "no source".
 * Near and far boundaries are scored once per position; a near position whose score plus the best far
 * score and the best pair weights cannot beat the best so far is skipped (exact: no candidate is lost).
 */
export function bestSource(ctx: TokenContext, f: SourceFrame, model: HashedLinear, scratch: SourceScratch): SourceSpan & { score: number } {
  const cueWord = ctx.word[f.head]!;
  const feats = scratch.features;
  // Integer-weighted models score boundaries from tables (the same numbers, fewer lookups).
  const tables = tablesOf(model);
  const weights = model.weights;
  const scale = model.scale;
  nullFeatures(ctx, f, cueWord, feats, 0);
  const nullScore = model.sum(feats, 0, NULL_FEATURES);
  let bestFirst = -1;
  let bestLast = -1;
  let bestScore = nullScore;
  const commasBefore = ctx.commasBefore;
  const quotesBefore = ctx.quotesBefore;
  const cueBefore = f.cueBefore;
  for (let side = BEFORE; side <= AFTER; side++) {
    let nearFrom: number;
    let nearTo: number;
    if (side === BEFORE) {
      nearTo = f.first - 1;
      nearFrom = Math.max(f.start, f.first - 1 - GAP_BEFORE);
    } else {
      nearFrom = f.last + 1;
      nearTo = Math.min(f.end - 1, f.last + 1 + GAP_AFTER);
    }
    if (nearFrom > nearTo) continue;
    const keys = cueKeys(side, cueWord, scratch.keys);
    // Pair weights by bucket, once per cue and side.
    const lengths = scratch.lengths;
    const commas = scratch.commas;
    const flags = scratch.flags;
    if (tables) {
      // The weights that do not depend on the cue come from the tables (the same values).
      const s = side - BEFORE;
      for (let b = 0; b < LENGTH_BUCKETS; b++) lengths[b] = tables.pairLengths[s * LENGTH_BUCKETS + b]! + model.weight(mix(keys[3]!, b));
      for (let b = 0; b < COMMA_BUCKETS; b++) commas[b] = tables.pairCommas[s * COMMA_BUCKETS + b]!;
      for (let b = 0; b < 4; b++) flags[b] = tables.pairFlags[s * 4 + b]!;
    } else {
      for (let b = 0; b < LENGTH_BUCKETS; b++) lengths[b] = model.weight(mix(PAIR_S[0]![side]!, b)) + model.weight(mix(keys[3]!, b));
      for (let b = 0; b < COMMA_BUCKETS; b++) commas[b] = model.weight(mix(PAIR_S[1]![side]!, b));
      for (let b = 0; b < 2; b++) {
        flags[b] = model.weight(mix(PAIR_S[2]![side]!, b));
        flags[2 + b] = model.weight(mix(PAIR_S[3]![side]!, b));
      }
    }
    let bestPair = 0;
    let top = -Infinity;
    for (let b = 0; b < LENGTH_BUCKETS; b++) if (lengths[b]! > top) top = lengths[b]!;
    bestPair += top;
    top = -Infinity;
    for (let b = 0; b < COMMA_BUCKETS; b++) if (commas[b]! > top) top = commas[b]!;
    bestPair += top;
    bestPair += Math.max(flags[0]!, flags[1]!) + Math.max(flags[2]!, flags[3]!);
    const farFrom = side === BEFORE ? Math.max(f.start, nearFrom - MAX_TOKENS + 1) : nearFrom;
    const farTo = side === BEFORE ? nearTo : Math.min(f.end - 1, nearTo + MAX_TOKENS - 1);
    if (scratch.near.length < nearTo - nearFrom + 1) scratch.near = new Float64Array(2 * (nearTo - nearFrom + 1));
    if (scratch.far.length < farTo - farFrom + 1) scratch.far = new Float64Array(2 * (farTo - farFrom + 1));
    const nearScores = scratch.near;
    const farScores = scratch.far;
    let bestFar = -Infinity;
    if (tables) {
      scoreNearBoundaries(ctx, f, side, nearFrom, nearTo, keys, weights as Int16Array, tables, scale, nearScores);
      bestFar = scoreFarBoundaries(ctx, f, side, farFrom, farTo, keys, weights as Int16Array, tables, scale, farScores);
    } else {
      for (let p = nearFrom; p <= nearTo; p++) {
        nearFeatures(ctx, f, side, p, keys, feats, 0);
        nearScores[p - nearFrom] = model.sum(feats, 0, NEAR_FEATURES);
      }
      for (let q = farFrom; q <= farTo; q++) {
        farFeatures(ctx, f, side, q, keys, feats, 0);
        const score = model.sum(feats, 0, FAR_FEATURES);
        farScores[q - farFrom] = score;
        if (score > bestFar) bestFar = score;
      }
    }
    // Near positions nearest the cue first: they usually win, and the bound then skips the rest.
    const step = side === BEFORE ? -1 : 1;
    for (let p = side === BEFORE ? nearTo : nearFrom; p >= nearFrom && p <= nearTo; p += step) {
      const nearScore = nearScores[p - nearFrom]!;
      if (nearScore + bestFar + bestPair <= bestScore) continue;
      const qFrom = side === BEFORE ? Math.max(farFrom, p - MAX_TOKENS + 1) : p;
      const qTo = side === BEFORE ? p : Math.min(farTo, p + MAX_TOKENS - 1);
      for (let q = qFrom; q <= qTo; q++) {
        const first = side === BEFORE ? q : p;
        const last = side === BEFORE ? p : q;
        const commaCount = commasBefore[last + 1]! - commasBefore[first + 1]!;
        const score =
          nearScore +
          farScores[q - farFrom]! +
          lengths[lengthBucket(last - first + 1)]! +
          commas[commaCount < COMMA_BUCKETS ? commaCount : COMMA_BUCKETS - 1]! +
          flags[quotesBefore[last + 1]! - quotesBefore[first + 1]! > 0 ? 1 : 0]! +
          flags[cueBefore[last + 1]! - cueBefore[first]! > 0 ? 3 : 2]!;
        if (score > bestScore) {
          bestScore = score;
          bestFirst = first;
          bestLast = last;
        }
      }
    }
  }
  return { first: bestFirst, last: bestLast, score: bestScore - nullScore };
}
