/**
 * The content tagger's margin read from tables instead of hashed feature by feature: the same number as
 * `model.margin(features, contentFeatures(ctx, frame, k, previous, features))` (claims-model.ts), at a
 * fraction of the cost.
 *
 *   per model  : every feature that depends only on small values (side of the cue, distance bucket, gap
 *                flags, comma bucket, previous label, quotation state, place of the source) has its weight
 *                difference (score(CONTENT) - score(O)) looked up once, several features summed into one
 *                table where they share their keys;
 *   per frame  : the features of the cue itself (its head word, the gaps around it);
 *   per token  : only the four features of the token's own words are hashed.
 *
 * Exact for integer weights (the shipped model stores int16 steps): the margin is then a sum of integers,
 * which does not depend on the order of its terms. `contentScorer` returns null for float weights (the
 * trainer's models), which keep the feature-by-feature path.
 */

import * as shared from './claims-model.ts';
import type { ContentFrame, HashedLinear, TokenContext } from './claims-model.ts';

// Imported bindings copied once: the runner (tsx) reads imported bindings through getters, which costs in
// the per-token loop below.
const { AFTER_SENTENCE, BEFORE_SENTENCE, FEATURE_MASK, SHAPES, distanceBucket, mix } = shared;

/** Table sizes: the ranges of the values contentFeatures mixes in. */
const SIDES = 2; // before the cue (side 1 of contentFeatures), after it (side 3)
const BUCKETS = 10; // distanceBucket: 0..9
const GAPS = 64; // gap flags: six bits (claims-model.ts GAP_*)
const LABELS = 2; // previous label: O, CONTENT
const COMMA_BUCKETS = 3; // commas between token and cue: 0, 1, 2+
const SHAPE_COUNT = SHAPES.length;
const QUOTE_STATES = 4; // quoted * 2 + sameQuote
const THAT_STATES = 4;
const SOURCE_SIDES = 3;
const BETWEEN_STATES = 4;

/** contentFeatures' side code for a side index (1 before the cue, 3 after). */
const sideCode = (s: number) => (s === 0 ? 1 : 3);

/** Per-model tables of weight differences (see the module comment), indexed as their comments say. */
interface ModelTables {
  /** Weight difference per feature hash. */
  diff: Int16Array | Int32Array;
  /** Features 0, 1, 8, 18: [side][bucket][gap][commaBucket]. */
  position: Int32Array;
  /** Feature 3: [side][bucket][shape]. */
  shape: Int32Array;
  /** Features 6, 7: [side][previous][gap]. */
  previousGap: Int32Array;
  /** Feature 9: [side][quoted * 2 + sameQuote]. */
  quote: Int32Array;
  /** Feature 10: [side][that]. */
  that: Int32Array;
  /** Features 14, 15: [side][cueToken][lastOfSentence]. */
  flags: Int32Array;
  /** Feature 20: [side][sourceSide][between]. */
  source: Int32Array;
  /** Feature 21: [side][between][previous][commaBucket]. */
  betweenPrevious: Int32Array;
}

const tablesByModel = new WeakMap<HashedLinear, ModelTables>();

function modelTables(model: HashedLinear, bySide: Int32Array): ModelTables {
  const diff = shared.marginSteps(model);
  const d = (hash: number) => diff[hash & FEATURE_MASK]!;
  const t = (feature: number, s: number) => bySide[feature * 4 + sideCode(s)]!;
  const position = new Int32Array(SIDES * BUCKETS * GAPS * COMMA_BUCKETS);
  const shape = new Int32Array(SIDES * BUCKETS * SHAPE_COUNT);
  const previousGap = new Int32Array(SIDES * LABELS * GAPS);
  const quote = new Int32Array(SIDES * QUOTE_STATES);
  const that = new Int32Array(SIDES * THAT_STATES);
  const flags = new Int32Array(SIDES * 4);
  const source = new Int32Array(SIDES * SOURCE_SIDES * BETWEEN_STATES);
  const betweenPrevious = new Int32Array(SIDES * BETWEEN_STATES * LABELS * COMMA_BUCKETS);
  const shapeHashes = SHAPES.map((name) => shared.hashString(name) | 0);
  for (let s = 0; s < SIDES; s++) {
    for (let b = 0; b < BUCKETS; b++) {
      const bucketed = mix(t(18, s), b);
      for (let g = 0; g < GAPS; g++) {
        const gapped = mix(bucketed, g);
        for (let c = 0; c < COMMA_BUCKETS; c++) {
          position[((s * BUCKETS + b) * GAPS + g) * COMMA_BUCKETS + c] = d(t(0, s)) + d(mix(t(1, s), b)) + d(mix(t(8, s), c)) + d(mix(gapped, c));
        }
      }
      for (let h = 0; h < SHAPE_COUNT; h++) shape[(s * BUCKETS + b) * SHAPE_COUNT + h] = d(mix(mix(t(3, s), b), shapeHashes[h]!));
    }
    for (let p = 0; p < LABELS; p++) {
      for (let g = 0; g < GAPS; g++) previousGap[(s * LABELS + p) * GAPS + g] = d(mix(t(6, s), p)) + d(mix(mix(t(7, s), p), g));
    }
    for (let q = 0; q < QUOTE_STATES; q++) quote[s * QUOTE_STATES + q] = d(mix(mix(t(9, s), q >> 1), q & 1));
    for (let h = 0; h < THAT_STATES; h++) that[s * THAT_STATES + h] = d(mix(t(10, s), h));
    for (let cue = 0; cue < 2; cue++) for (let end = 0; end < 2; end++) flags[s * 4 + cue * 2 + end] = d(mix(t(14, s), cue)) + d(mix(t(15, s), end));
    for (let side = 0; side < SOURCE_SIDES; side++) {
      for (let w = 0; w < BETWEEN_STATES; w++) source[(s * SOURCE_SIDES + side) * BETWEEN_STATES + w] = d(mix(mix(t(20, s), side), w));
    }
    for (let w = 0; w < BETWEEN_STATES; w++) {
      for (let p = 0; p < LABELS; p++) {
        for (let c = 0; c < COMMA_BUCKETS; c++) betweenPrevious[((s * BETWEEN_STATES + w) * LABELS + p) * COMMA_BUCKETS + c] = d(mix(mix(mix(t(21, s), w), p), c));
      }
    }
  }
  return { diff, position, shape, previousGap, quote, that, flags, source, betweenPrevious };
}

/** Scores the tokens of one frame at a time: `setFrame`, then `margin` per token. */
export class ContentScorer {
  private readonly tables: ModelTables;
  /** Features 4, 5, 13 of the frame: [side][bucket]. */
  private readonly cueBucket = new Int32Array(SIDES * BUCKETS);
  /** Feature 16 of the frame: [side][previous]. */
  private readonly cuePrevious = new Int32Array(SIDES * LABELS);
  /** Feature 19 of the frame: [side][quoted * 2 + sameQuote]. */
  private readonly cueQuote = new Int32Array(SIDES * QUOTE_STATES);
  private frame: ContentFrame | null = null;

  constructor(
    private readonly model: HashedLinear,
    bySide: Int32Array,
  ) {
    let tables = tablesByModel.get(model);
    if (!tables) {
      tables = modelTables(model, bySide);
      tablesByModel.set(model, tables);
    }
    this.tables = tables;
  }

  /** Computes the frame's own features; later `margin` calls must pass this frame. */
  setFrame(ctx: TokenContext, frame: ContentFrame): void {
    const diff = this.tables.diff;
    const bySide = frame.bySide;
    const cueWord = frame.cueWord;
    const cueGaps = ctx.gapBefore[frame.first]! | (ctx.gapBefore[frame.last + 1]! << 6);
    for (let s = 0; s < SIDES; s++) {
      const side = sideCode(s);
      const constant = diff[mix(bySide[16 + side]!, cueWord) & FEATURE_MASK]! + diff[mix(bySide[52 + side]!, cueGaps) & FEATURE_MASK]!;
      for (let b = 0; b < BUCKETS; b++) this.cueBucket[s * BUCKETS + b] = constant + diff[mix(mix(bySide[20 + side]!, b), cueWord) & FEATURE_MASK]!;
      for (let p = 0; p < LABELS; p++) this.cuePrevious[s * LABELS + p] = diff[mix(mix(bySide[64 + side]!, cueWord), p) & FEATURE_MASK]!;
      for (let q = 0; q < QUOTE_STATES; q++) this.cueQuote[s * QUOTE_STATES + q] = diff[mix(mix(bySide[76 + side]!, cueWord), q) & FEATURE_MASK]!;
    }
    this.frame = frame;
  }

  /** See tagContent. */
  tagFrame(ctx: TokenContext, frame: ContentFrame, labels: Uint8Array): number {
    if (frame !== this.frame) throw new Error('ContentScorer: setFrame first');
    const { first, last, start, end, sourceFirst, sourceLast, bySide, thatAfter, cueTokens } = frame;
    const { diff, position, shape, previousGap, quote, that: thatTable, flags, source, betweenPrevious } = this.tables;
    const { cueBucket, cuePrevious, cueQuote } = this;
    const { word, gapBefore, inQuote, commasBefore, shapeKind } = ctx;
    const scale = this.model.scale;
    const quotedAtCue = inQuote[first]!;
    let previous = 0;
    let tagged = 0;
    for (let k = start; k < end; k++) {
      let label = 0;
      if ((k < first || k > last) && (k < sourceFirst || k > sourceLast)) {
        const before = k < first;
        const s = before ? 0 : 1;
        const side = before ? 1 : 3;
        const bucket = distanceBucket(before ? first - k : k - last);
        const w = word[k]!;
        const gap = gapBefore[k]!;
        const quoted = inQuote[k]!;
        const commas = before ? commasBefore[first + 1]! - commasBefore[k + 1]! : commasBefore[k + 1]! - commasBefore[last + 1]!;
        const commaBucket = commas < 2 ? commas : 2;
        const thatState = k > last && thatAfter >= 0 ? (k > thatAfter ? 2 : k === thatAfter ? 1 : 0) : 3;
        const quoteState = quoted * 2 + (quoted === quotedAtCue ? 1 : 0);
        const sourceSide = sourceFirst < 0 ? 0 : k < sourceFirst ? 1 : 2;
        const between = sourceFirst < 0 ? 0 : (k < sourceFirst) === before ? (Math.abs(k - first) > Math.abs(sourceFirst - first) ? 2 : 1) : 3;
        const wordBefore = k - 1 >= start ? word[k - 1]! : BEFORE_SENTENCE;
        const wordAfter = k + 1 < end ? word[k + 1]! : AFTER_SENTENCE;
        const sum =
          position[((s * BUCKETS + bucket) * GAPS + gap) * COMMA_BUCKETS + commaBucket]! +
          shape[(s * BUCKETS + bucket) * SHAPE_COUNT + shapeKind[k]!]! +
          previousGap[(s * LABELS + previous) * GAPS + gap]! +
          quote[s * QUOTE_STATES + quoteState]! +
          thatTable[s * THAT_STATES + thatState]! +
          flags[s * 4 + cueTokens[k]! * 2 + (k === end - 1 ? 1 : 0)]! +
          source[(s * SOURCE_SIDES + sourceSide) * BETWEEN_STATES + between]! +
          betweenPrevious[((s * BETWEEN_STATES + between) * LABELS + previous) * COMMA_BUCKETS + commaBucket]! +
          cueBucket[s * BUCKETS + bucket]! +
          cuePrevious[s * LABELS + previous]! +
          cueQuote[s * QUOTE_STATES + quoteState]! +
          diff[mix(bySide[8 + side]!, w) & FEATURE_MASK]! +
          diff[mix(bySide[44 + side]!, wordBefore) & FEATURE_MASK]! +
          diff[mix(bySide[48 + side]!, wordAfter) & FEATURE_MASK]! +
          diff[mix(mix(bySide[68 + side]!, w), previous) & FEATURE_MASK]!;
        label = sum * scale > 0 ? 1 : 0;
      }
      labels[k] = label;
      tagged += label;
      previous = label;
    }
    return tagged;
  }

  /**
   * The content tagger's margin for token k given the previous label (contentFeatures' values, read from the
   * tables). k lies in the frame's sentence, outside the cue (the tagger never scores cue tokens).
   */
  margin(ctx: TokenContext, frame: ContentFrame, k: number, previous: number): number {
    if (frame !== this.frame) throw new Error('ContentScorer: setFrame first');
    const { first, last, start, end, sourceFirst, bySide } = frame;
    const tables = this.tables;
    const diff = tables.diff;
    const before = k < first;
    const s = before ? 0 : 1;
    const side = before ? 1 : 3;
    const bucket = distanceBucket(before ? first - k : k - last);
    const word = ctx.word[k]!;
    const gap = ctx.gapBefore[k]!;
    const quoted = ctx.inQuote[k]!;
    const commas = before ? ctx.commasBefore[first + 1]! - ctx.commasBefore[k + 1]! : k > last ? ctx.commasBefore[k + 1]! - ctx.commasBefore[last + 1]! : 0;
    const commaBucket = commas < 2 ? commas : 2;
    const thatAfter = frame.thatAfter;
    const that = k > last && thatAfter >= 0 ? (k > thatAfter ? 2 : k === thatAfter ? 1 : 0) : 3;
    const quoteState = quoted * 2 + (quoted === ctx.inQuote[first] ? 1 : 0);
    const sourceSide = sourceFirst < 0 ? 0 : k < sourceFirst ? 1 : 2;
    const between = sourceFirst < 0 ? 0 : (k < sourceFirst) === before ? (Math.abs(k - first) > Math.abs(sourceFirst - first) ? 2 : 1) : 3;
    const wordBefore = k - 1 >= start ? ctx.word[k - 1]! : BEFORE_SENTENCE;
    const wordAfter = k + 1 < end ? ctx.word[k + 1]! : AFTER_SENTENCE;
    let sum =
      tables.position[((s * BUCKETS + bucket) * GAPS + gap) * COMMA_BUCKETS + commaBucket]! +
      tables.shape[(s * BUCKETS + bucket) * SHAPE_COUNT + ctx.shapeKind[k]!]! +
      tables.previousGap[(s * LABELS + previous) * GAPS + gap]! +
      tables.quote[s * QUOTE_STATES + quoteState]! +
      tables.that[s * THAT_STATES + that]! +
      tables.flags[s * 4 + frame.cueTokens[k]! * 2 + (k === end - 1 ? 1 : 0)]! +
      tables.source[(s * SOURCE_SIDES + sourceSide) * BETWEEN_STATES + between]! +
      tables.betweenPrevious[((s * BETWEEN_STATES + between) * LABELS + previous) * COMMA_BUCKETS + commaBucket]! +
      this.cueBucket[s * BUCKETS + bucket]! +
      this.cuePrevious[s * LABELS + previous]! +
      this.cueQuote[s * QUOTE_STATES + quoteState]!;
    sum += diff[mix(bySide[8 + side]!, word) & FEATURE_MASK]!;
    sum += diff[mix(bySide[44 + side]!, wordBefore) & FEATURE_MASK]!;
    sum += diff[mix(bySide[48 + side]!, wordAfter) & FEATURE_MASK]!;
    sum += diff[mix(mix(bySide[68 + side]!, word), previous) & FEATURE_MASK]!;
    return sum * this.model.scale;
  }
}

/**
 * Tags the frame's sentence left to right as the content tagger does (claims-attribution.ts): tokens of the
 * cue and of the source get O (0), every other token CONTENT (1) when its margin given the previous label is
 * above 0. Writes labels[k] for the sentence's tokens and returns how many are CONTENT. The same labels as
 * `margin` token by token (the test checks it), with the frame's values read once per side instead of once
 * per token.
 */
export function tagContent(scorer: ContentScorer, ctx: TokenContext, frame: ContentFrame, labels: Uint8Array): number {
  scorer.setFrame(ctx, frame);
  return scorer.tagFrame(ctx, frame, labels);
}

/** A table scorer for a two-label content model with integer weights, else null (use contentFeatures). */
export function contentScorer(model: HashedLinear): ContentScorer | null {
  if (!(model.weights instanceof Int16Array) || model.labels !== 2) return null;
  return new ContentScorer(model, shared.CONTENT_BY_SIDE);
}
