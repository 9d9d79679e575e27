/**
 * The trained part of attribution: two hashed averaged-perceptron classifiers over the shared tokens of
 * text.ts, trained on PolNeAR (scripts/train-claims.ts) and shipped as models/claims-polnear.bin.
 *
 *   cue model   : for each token whose word is in the learned cue lexicon, "is this token part of an
 *                 attribution cue?" (binary); runs of positive tokens are cues.
 *   span model  : for each cue, every token of the cue's sentence gets O / SOURCE / CONTENT, left to right,
 *                 with the previous token's label as a feature (greedy decoding).
 *
 * Features are integers (FNV-1a of the lower-cased word, mixed with a template id and the position
 * relative to the cue), hashed into a fixed table: no strings are built per token at run time, which
 * keeps the whole step well under a millisecond for a 3 KB article.
 */

import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { AnalyzedText } from './text.ts';
import { MODEL_HASH_BITS, QUANTIZATION_STEP } from './claims-constants.ts';

export const LABEL_O = 0;
export const LABEL_SOURCE = 1;
export const LABEL_CONTENT = 2;
export const SPAN_LABELS = 3;

const MASK = (1 << MODEL_HASH_BITS) - 1;

/** FNV-1a, 32 bits. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < s.length; k++) {
    h ^= s.charCodeAt(k);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Combines two 32-bit values into one feature hash (order matters). */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x27d4eb2d, 0x9e3779b1) ^ b;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

// ---------------------------------------------------------------------------------------------------
// Per-document token context, computed once and shared by both models

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
  /** Punctuation flags of the gap before each token (and, at index n, after the last). */
  gapBefore: Uint8Array;
  /** 1 when the token stands inside a quotation. */
  inQuote: Uint8Array;
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
      // Typewriter quotes of some wires: `` opens, '' closes.
      flags |= GAP_QUOTE;
      state.quoted = ch === 96;
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

const SHAPE_HASH = {
  cap: hashString('cap'),
  upper: hashString('upper'),
  lower: hashString('lower'),
  num: hashString('num'),
  other: hashString('other'),
} as const;

export function tokenContext(doc: AnalyzedText): TokenContext {
  const { text, tokens } = doc;
  const n = tokens.length;
  const word = new Int32Array(n);
  const shape = new Int32Array(n);
  const gapBefore = new Uint8Array(n + 1);
  const inQuote = new Uint8Array(n);
  const lower: string[] = new Array(n);
  const state = { quoted: false };
  let previousEnd = 0;
  for (let k = 0; k < n; k++) {
    const token = tokens[k]!;
    const w = token.text.toLowerCase();
    lower[k] = w;
    word[k] = hashString(w) | 0;
    shape[k] = SHAPE_HASH[token.shape] | 0;
    gapBefore[k] = scanGap(text, previousEnd, token.start, state);
    inQuote[k] = state.quoted ? 1 : 0;
    previousEnd = token.end;
  }
  gapBefore[n] = scanGap(text, previousEnd, Math.min(text.length, previousEnd + 4), state);
  return { word, shape, gapBefore, inQuote, lower };
}

// ---------------------------------------------------------------------------------------------------
// Feature templates

const T = (name: string) => hashString(name);
const CUE_T = {
  w0: T('c.w0'), wm1: T('c.w-1'), wp1: T('c.w+1'), wm2: T('c.w-2'), wp2: T('c.w+2'), bigramL: T('c.w-1w0'),
  bigramR: T('c.w0w+1'), shapes: T('c.s-1s+1'), gaps: T('c.gaps'), w0gaps: T('c.w0gaps'), quote: T('c.q'),
  initial: T('c.init'), w0initial: T('c.w0init'), bias: T('c.bias'), w0quote: T('c.w0q'), shapeL: T('c.w0s-1'),
};
const SPAN_T = {
  bias: T('s.bias'), dist: T('s.dist'), word: T('s.w'), shape: T('s.s'), cue: T('s.cue'), cueDist: T('s.cued'),
  prev: T('s.prev'), prevGap: T('s.prevgap'), commas: T('s.commas'), quote: T('s.q'), that: T('s.that'),
  wm1: T('s.w-1'), wp1: T('s.w+1'), initial: T('s.init'), cueGaps: T('s.cuegaps'), shapes: T('s.ss'),
  otherCue: T('s.othercue'), last: T('s.last'), cuePrev: T('s.cueprev'), wordPrev: T('s.wprev'), gap: T('s.gap'),
  quoteEdge: T('s.qedge'), cueQuote: T('s.cueq'), distPrev: T('s.dprev'),
};

const distanceBucket = (d: number) => (d <= 4 ? d : d <= 6 ? 5 : d <= 9 ? 6 : d <= 14 ? 7 : d <= 24 ? 8 : 9);

/** Word hash of token j, or a boundary marker outside the sentence [first, end). */
function wordAt(ctx: TokenContext, j: number, first: number, end: number): number {
  return j >= first && j < end ? ctx.word[j]! : j < first ? 1 : 2;
}

function shapeAt(ctx: TokenContext, j: number, first: number, end: number): number {
  return j >= first && j < end ? ctx.shape[j]! : 3;
}

/** Features of a cue candidate at token k of a sentence [first, end), written to `out`; returns their count. */
export function cueFeatures(ctx: TokenContext, k: number, first: number, end: number, out: Int32Array): number {
  const w0 = wordAt(ctx, k, first, end);
  const wm1 = wordAt(ctx, k - 1, first, end);
  const wp1 = wordAt(ctx, k + 1, first, end);
  const gaps = ctx.gapBefore[k]! | (ctx.gapBefore[k + 1]! << 6);
  const quote = ctx.inQuote[k]!;
  const initial = k === first ? 1 : 0;
  out[0] = CUE_T.bias;
  out[1] = mix(CUE_T.w0, w0);
  out[2] = mix(CUE_T.wm1, wm1);
  out[3] = mix(CUE_T.wp1, wp1);
  out[4] = mix(CUE_T.wm2, wordAt(ctx, k - 2, first, end));
  out[5] = mix(CUE_T.wp2, wordAt(ctx, k + 2, first, end));
  out[6] = mix(mix(CUE_T.bigramL, wm1), w0);
  out[7] = mix(mix(CUE_T.bigramR, w0), wp1);
  out[8] = mix(mix(CUE_T.shapes, shapeAt(ctx, k - 1, first, end)), shapeAt(ctx, k + 1, first, end));
  out[9] = mix(CUE_T.gaps, gaps);
  out[10] = mix(mix(CUE_T.w0gaps, w0), gaps);
  out[11] = mix(CUE_T.quote, quote);
  out[12] = mix(mix(CUE_T.w0quote, w0), quote);
  out[13] = mix(CUE_T.initial, initial);
  out[14] = mix(mix(CUE_T.w0initial, w0), initial);
  out[15] = mix(mix(CUE_T.shapeL, w0), shapeAt(ctx, k - 1, first, end));
  for (let j = 0; j < CUE_FEATURE_COUNT; j++) out[j] = out[j]! & MASK;
  return CUE_FEATURE_COUNT;
}

export const CUE_FEATURE_COUNT = 16;
export const SPAN_FEATURE_COUNT = 24;

/** What the span tagger knows about the cue it tags for. */
export interface CueFrame {
  /** First and last token of the cue. */
  first: number;
  last: number;
  /** Sentence tokens [start, end). */
  start: number;
  end: number;
  /** Per token of the sentence: 1 when another cue covers it. */
  otherCue: Uint8Array;
  /** Commas between the cue and each token, prefix counts over the sentence. */
  commaPrefix: Int32Array;
  /** Index of the first "that" after the cue, or -1. */
  thatAfter: number;
  /** Hash of the cue's first word, and the cue feature by side (constant over the frame). */
  cueWord: number;
  cueByRel: Uint32Array;
}

export function cueFrame(ctx: TokenContext, first: number, last: number, start: number, end: number, cueTokens: Uint8Array): CueFrame {
  const otherCue = new Uint8Array(end - start);
  for (let k = start; k < end; k++) if (cueTokens[k] && (k < first || k > last)) otherCue[k - start] = 1;
  const commaPrefix = new Int32Array(end - start + 1);
  for (let k = start; k < end; k++) commaPrefix[k - start + 1] = commaPrefix[k - start]! + ((ctx.gapBefore[k]! & GAP_COMMA) !== 0 ? 1 : 0);
  let thatAfter = -1;
  for (let k = last + 1; k < end && k <= last + 8; k++) {
    if (ctx.lower[k] === 'that') {
      thatAfter = k;
      break;
    }
  }
  const cueWord = ctx.word[first]!;
  const cueByRel = Uint32Array.from([0, 1, 2, 3], (rel) => mix(mix(SPAN_T.cue, rel), cueWord));
  return { first, last, start, end, otherCue, commaPrefix, thatAfter, cueWord, cueByRel };
}

/** mix(template, rel) for every span template and side of the cue, computed once (rel is 1, 2 or 3). */
const BY_REL = Object.fromEntries(
  Object.entries(SPAN_T).map(([name, template]) => [name, Uint32Array.from([0, 1, 2, 3], (rel) => mix(template, rel))]),
) as Record<keyof typeof SPAN_T, Uint32Array>;

/** Features of token k for the span tagger, given the label of token k-1, written to `out`; returns their count. */
export function spanFeatures(ctx: TokenContext, frame: CueFrame, k: number, previous: number, out: Int32Array): number {
  const { first, last, start, end } = frame;
  const rel = k < first ? 1 : k > last ? 3 : 2;
  const distance = k < first ? first - k : k > last ? k - last : 0;
  const side = rel * 16 + distanceBucket(distance);
  const cueWord = frame.cueWord;
  const word = wordAt(ctx, k, start, end);
  const shape = ctx.shape[k]!;
  const gap = ctx.gapBefore[k]!;
  const quoted = ctx.inQuote[k]!;
  const commas =
    k < first ? frame.commaPrefix[first - start]! - frame.commaPrefix[k - start + 1]! : k > last ? frame.commaPrefix[k - start + 1]! - frame.commaPrefix[last - start + 1]! : 0;
  const commaBucket = commas < 2 ? commas : 2;
  const that = k > last && frame.thatAfter >= 0 ? (k > frame.thatAfter ? 2 : k === frame.thatAfter ? 1 : 0) : 3;
  const cueGaps = ctx.gapBefore[first]! | (ctx.gapBefore[last + 1]! << 6);
  const sameQuote = quoted === ctx.inQuote[first] ? 1 : 0;
  const quoteEdge = (gap & GAP_QUOTE) !== 0 ? 1 : 0;
  out[0] = BY_REL.bias[rel]!;
  out[1] = mix(SPAN_T.dist, side);
  out[2] = mix(BY_REL.word[rel]!, word);
  out[3] = mix(mix(SPAN_T.shape, side), shape);
  out[4] = frame.cueByRel[rel]!;
  out[5] = mix(mix(SPAN_T.cueDist, side), cueWord);
  out[6] = mix(BY_REL.prev[rel]!, previous);
  out[7] = mix(mix(BY_REL.prevGap[rel]!, previous), gap);
  out[8] = mix(BY_REL.commas[rel]!, commaBucket);
  out[9] = mix(mix(BY_REL.quote[rel]!, quoted), sameQuote);
  out[10] = mix(BY_REL.that[rel]!, that);
  out[11] = mix(BY_REL.wm1[rel]!, wordAt(ctx, k - 1, start, end));
  out[12] = mix(BY_REL.wp1[rel]!, wordAt(ctx, k + 1, start, end));
  out[13] = mix(BY_REL.initial[rel]!, k === start ? 1 : 0);
  out[14] = mix(BY_REL.cueGaps[rel]!, cueGaps);
  out[15] = mix(mix(BY_REL.shapes[rel]!, shape), k > start ? ctx.shape[k - 1]! : 0);
  out[16] = mix(BY_REL.otherCue[rel]!, frame.otherCue[k - start]!);
  out[17] = mix(BY_REL.last[rel]!, k === end - 1 ? 1 : 0);
  out[18] = mix(mix(BY_REL.cuePrev[rel]!, cueWord), previous);
  out[19] = mix(mix(BY_REL.wordPrev[rel]!, word), previous);
  out[20] = mix(mix(mix(SPAN_T.gap, side), gap), commaBucket);
  out[21] = mix(mix(BY_REL.quoteEdge[rel]!, quoteEdge), previous);
  out[22] = mix(mix(BY_REL.cueQuote[rel]!, cueWord), quoted * 2 + sameQuote);
  out[23] = mix(mix(SPAN_T.distPrev, side), previous);
  for (let j = 0; j < SPAN_FEATURE_COUNT; j++) out[j] = out[j]! & MASK;
  return SPAN_FEATURE_COUNT;
}

// ---------------------------------------------------------------------------------------------------
// Weights

/**
 * A linear model over hashed features. Weights are interleaved by label (feature f, label y at
 * f * labels + y) so one feature's scores share a cache line: the table is larger than the CPU caches and
 * each lookup is otherwise a miss. At run time the weights are the stored int16 steps (`scale` converts).
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

  best(features: Int32Array, count: number): number {
    const w = this.weights;
    const labels = this.labels;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    if (labels === 3) {
      for (let j = 0; j < count; j++) {
        const base = features[j]! * 3;
        s0 += w[base]!;
        s1 += w[base + 1]!;
        s2 += w[base + 2]!;
      }
      return s0 >= s1 ? (s0 >= s2 ? 0 : 2) : s1 >= s2 ? 1 : 2;
    }
    let bestLabel = 0;
    let bestScore = -Infinity;
    for (let label = 0; label < labels; label++) {
      let sum = 0;
      for (let j = 0; j < count; j++) sum += w[features[j]! * labels + label]!;
      if (sum > bestScore) {
        bestScore = sum;
        bestLabel = label;
      }
    }
    return bestLabel;
  }
}

/** Averaged-perceptron trainer for a HashedLinear (the lazy "sum of weights over time" trick). */
export class PerceptronTrainer {
  readonly model: HashedLinear;
  private readonly totals: Float64Array;
  private readonly stamps: Int32Array;
  private tick = 0;

  constructor(labels: number) {
    this.model = new HashedLinear(labels);
    this.totals = new Float64Array(labels << MODEL_HASH_BITS);
    this.stamps = new Int32Array(labels << MODEL_HASH_BITS);
  }

  /** One training step: when the prediction is wrong, move toward the gold label. */
  learn(features: Int32Array, count: number, gold: number): number {
    this.tick++;
    const guess = this.model.best(features, count);
    if (guess !== gold) {
      const labels = this.model.labels;
      for (let j = 0; j < count; j++) {
        this.bump(features[j]! * labels + gold, 1);
        this.bump(features[j]! * labels + guess, -1);
      }
    }
    return guess;
  }

  private bump(index: number, delta: number): void {
    const w = this.model.weights;
    this.totals[index]! += (this.tick - this.stamps[index]!) * w[index]!;
    this.stamps[index] = this.tick;
    w[index]! += delta;
  }

  /** The averaged weights. */
  averaged(): HashedLinear {
    const w = this.model.weights;
    const out = new Float32Array(w.length);
    for (let i = 0; i < w.length; i++) {
      const total = this.totals[i]! + (this.tick - this.stamps[i]!) * w[i]!;
      out[i] = total / Math.max(1, this.tick);
    }
    return new HashedLinear(this.model.labels, out);
  }
}

// ---------------------------------------------------------------------------------------------------
// The shipped model file: gzip of a JSON header line + sparse quantised weights

export interface ClaimsModel {
  cue: HashedLinear;
  span: HashedLinear;
  /** Words that may be part of a cue (learned from the training cues). */
  cueWords: ReadonlySet<string>;
  /** Multi-word cues, by first word ("according" -> [["according", "to"]]), longest first. */
  cuePhrases: ReadonlyMap<string, string[][]>;
  /** A token is a cue word when score(cue) - score(not cue) exceeds this (chosen on dev by the trainer). */
  cueThreshold: number;
}

interface Header {
  bits: number;
  step: number;
  cueLabels: number;
  spanLabels: number;
  cueWords: string[];
  cuePhrases: string[];
  cueCount: number;
  spanCount: number;
  cueThreshold: number;
}

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
  const cue = packSparse(model.cue, QUANTIZATION_STEP);
  const span = packSparse(model.span, QUANTIZATION_STEP);
  const phrases = [...model.cuePhrases.values()].flat().map((p) => p.join(' '));
  const header: Header = {
    bits: MODEL_HASH_BITS,
    step: QUANTIZATION_STEP,
    cueLabels: model.cue.labels,
    spanLabels: model.span.labels,
    cueWords: [...model.cueWords].sort(),
    cuePhrases: phrases,
    cueCount: cue.indices.length,
    spanCount: span.indices.length,
    cueThreshold: model.cueThreshold,
  };
  const head = Buffer.from(`${JSON.stringify(header)}\n`, 'utf8');
  // Indices are stored as deltas, which gzip compresses far better than absolute positions.
  const deltas = (indices: Uint32Array) => {
    const out = new Uint32Array(indices.length);
    for (let i = 0; i < indices.length; i++) out[i] = indices[i]! - (i > 0 ? indices[i - 1]! : 0);
    return out;
  };
  const parts = [head, Buffer.from(deltas(cue.indices).buffer), Buffer.from(cue.values.buffer), Buffer.from(deltas(span.indices).buffer), Buffer.from(span.values.buffer)];
  return gzipSync(Buffer.concat(parts), { level: 9 });
}

export function cuePhraseTable(phrases: Iterable<string>): Map<string, string[][]> {
  const table = new Map<string, string[][]>();
  for (const phrase of phrases) {
    const words = phrase.split(' ');
    const list = table.get(words[0]!) ?? [];
    list.push(words);
    table.set(words[0]!, list);
  }
  for (const list of table.values()) list.sort((a, b) => b.length - a.length);
  return table;
}

export function parseClaimsModel(bytes: Buffer): ClaimsModel {
  const data = gunzipSync(bytes);
  const newline = data.indexOf(10);
  const header = JSON.parse(data.subarray(0, newline).toString('utf8')) as Header;
  if (header.bits !== MODEL_HASH_BITS) throw new Error(`claims model: hashed with ${header.bits} bits, code expects ${MODEL_HASH_BITS}`);
  let offset = newline + 1;
  const take = (count: number, bytesPer: number): Buffer => {
    const slice = Buffer.from(data.subarray(offset, offset + count * bytesPer)); // copy: typed arrays need alignment
    offset += count * bytesPer;
    return slice;
  };
  const unpack = (labels: number, count: number): HashedLinear => {
    const idx = take(count, 4);
    const val = take(count, 2);
    const deltas = new Uint32Array(idx.buffer, idx.byteOffset, count);
    const values = new Int16Array(val.buffer, val.byteOffset, count);
    const weights = new Int16Array(labels << header.bits);
    let index = 0;
    for (let i = 0; i < count; i++) {
      index += deltas[i]!;
      weights[index] = values[i]!;
    }
    return new HashedLinear(labels, weights, header.step);
  };
  const cue = unpack(header.cueLabels, header.cueCount);
  const span = unpack(header.spanLabels, header.spanCount);
  return { cue, span, cueWords: new Set(header.cueWords), cuePhrases: cuePhraseTable(header.cuePhrases), cueThreshold: header.cueThreshold };
}

export function loadClaimsModel(path: string): ClaimsModel {
  return parseClaimsModel(readFileSync(path));
}
