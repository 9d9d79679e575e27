/**
 * The sequence tagger: a linear model over hashed features (features.ts) with first-order label
 * transitions, decoded by Viterbi under the constraints of the label scheme (IO, BIO or BILOU), and its
 * binary model file.
 *
 * Model file (gzip-compressed): "NER1", a length-prefixed JSON header, then 4-byte-aligned sections:
 * transition scores (Float32, (L+1) x L, last row = sentence start), the non-zero weight rows (Int32 row
 * numbers, then Int16 weights, L per row, real weight = value * scale), the gazetteer (Int32 keys, Int32
 * kind masks) and the word clusters (Int32 word hashes, Int32 cluster ids).
 *
 * Tagging with a packed (loaded) model gives the scores of the feature rows of features.ts without listing
 * them per token: each distinct word's five word-alone groups are summed once, when the word table first
 * sees it; templates with few values (capitalisation, document casing and history, gazetteer bits) are
 * summed from tables filled at load; only the rows over word pairs and shape triples are hashed per token.
 * Training (a Float32 table) sums the listed rows, which the extractor also gives the perceptron update.
 */

import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { CONLL_TYPES, type ConllType } from './constants.ts';
import {
  DocumentState,
  EDGE,
  FeatureExtractor,
  GAZETTEER_BITS,
  GAZETTEER_CASE,
  GAZETTEER_NEXT,
  GAZETTEER_OWN,
  GAZETTEER_PREV,
  GAZETTEER_TEMPLATES,
  GazetteerTable,
  MAX_FEATURES_PER_TOKEN,
  SMALL_TEMPLATES,
  SMALL_TEMPLATE_SIZES,
  WORD_GROUPS,
  WordTable,
  gazetteerTemplateRow,
  observeDocumentCasing,
  observeSlotCasing,
  smallTemplateRow,
  wordGroupRows,
  type Lexicon,
} from './features.ts';

export type LabelScheme = 'IO' | 'BIO' | 'BILOU';

const MAGIC = 'NER1';
const FORMAT_VERSION = 1;
/**
 * Relative slack of Viterbi's source pruning: far above the rounding error of the sums (1e-16 relative),
 * far below any score difference that decides a path.
 */
const PRUNE_MARGIN = 1e-9;
/** Largest magnitude an Int16 weight is scaled to. */
const INT16_LIMIT = 32767;

export interface ModelHeader {
  format: 'crosscheck-ner';
  version: number;
  scheme: LabelScheme;
  labels: string[];
  hashBits: number;
  /** Real weight = stored Int16 value * scale. */
  scale: number;
  /** Free-form description of the training run (data, epochs). */
  trainedOn: string;
}

/** Labels of a scheme: O first, then per type the positions the scheme knows. */
export function schemeLabels(scheme: LabelScheme): string[] {
  const positions = scheme === 'IO' ? ['I'] : scheme === 'BIO' ? ['B', 'I'] : ['B', 'I', 'L', 'U'];
  const labels = ['O'];
  for (const type of CONLL_TYPES) for (const position of positions) labels.push(`${position}-${type}`);
  return labels;
}

/** Live rows of a quantized table: ascending row numbers and their Int16 weights, L per row. */
export interface PackedWeights {
  rows: Int32Array;
  values: Int16Array;
}

/** A decoded entity: token range [start, end) and CoNLL type. */
export interface TokenSpan {
  start: number;
  end: number;
  type: ConllType;
}

export class NerModel {
  readonly labels: string[];
  readonly labelCount: number;
  readonly mask: number;
  /** Entity type index per label (-1 for O). */
  readonly labelType: Int32Array;
  /** Position letter per label: 'O', 'B', 'I', 'L' or 'U'. */
  readonly labelPosition: string[];
  /** (L+1) x L transition scores; row L is the sentence start. Updated in place by training. */
  readonly transitions: Float32Array;
  private readonly allowed: Uint8Array;
  private readonly endAllowed: Uint8Array;
  /**
   * Per target label, the source labels the scheme allows, ascending: `fromList[fromStart[to] ..
   * fromStart[to + 1])`. Under BILOU most pairs are forbidden, so Viterbi visits ~6 of 17 sources.
   */
  private readonly fromStart: Int32Array;
  private readonly fromList: Int32Array;
  private readonly extractor: FeatureExtractor;
  /** Per distinct word, what the tagger reads from the word alone (shared by training and tagging). */
  private readonly words: WordTable;
  /**
   * Sparse view of an Int16 table for tagging: per 32-row block, a word of bits telling which rows have any
   * weight and the number of live rows before the block (interleaved, so one cache line answers both), and
   * the live rows packed. Most hashed features of new text hit dead rows; the 256 KB of block words answer
   * those without touching memory the size of the full table, and the packed rows are small enough to stay
   * in cache.
   */
  private live: Int32Array | null = null;
  private packed: Int16Array = new Int16Array(0);
  /** Per label: every label may precede it (1), so Viterbi may prune its sources. */
  private readonly openTarget: Uint8Array;
  /** Viterbi's sources near the leader at one position. */
  private readonly near: Int32Array;
  /** Per allowed transition, in `fromList` order: its score (refreshed per sentence: training moves them). */
  private sourceScore = new Float64Array(0);
  /**
   * Packed models: the summed Int16 weights of each word-alone feature group (features.ts) per word slot,
   * WORD_GROUPS x L per slot, the block of slot s at (s + 1) * stride; block 0 holds the sentence edges.
   * Scored once per distinct word, so a token's emission costs five vector adds plus its context rows.
   */
  private wordScores = new Int32Array(0);
  /** Slots of the word table scored so far, and the table generation they belong to. */
  private scoredSlots = 0;
  private scoredGeneration = -1;
  /**
   * Packed models: the weights of every row of the small templates (features.ts), L per value, template t
   * from `smallStart[t]`; and of every gazetteer template row, L per (template, bit). Those rows are summed
   * by table index instead of being hashed per token.
   */
  private smallScores = new Int32Array(0);
  private readonly smallStart = new Int32Array(SMALL_TEMPLATES);
  private gazetteerScores = new Int32Array(0);
  private readonly smallValues = new Int32Array(SMALL_TEMPLATES);
  private readonly rowBuffer = new Int32Array(MAX_FEATURES_PER_TOKEN);
  private sums = new Int32Array(0);
  private emission = new Float64Array(0);
  private delta = new Float64Array(0);
  private back = new Int32Array(0);

  constructor(
    readonly header: ModelHeader,
    /** Row-major Float32 table (row = hashed feature, L columns) in training; packed Int16 rows once quantized. */
    readonly weights: Float32Array | PackedWeights,
    transitions: Float32Array,
    readonly lexicon: Lexicon,
  ) {
    this.labels = header.labels;
    this.labelCount = this.labels.length;
    this.mask = (1 << header.hashBits) - 1;
    if (weights instanceof Float32Array && weights.length !== (this.mask + 1) * this.labelCount) {
      throw new Error('weight table does not match the header');
    }
    this.transitions = transitions;
    this.labelType = new Int32Array(this.labelCount);
    this.labelPosition = [];
    this.labels.forEach((label, index) => {
      this.labelPosition.push(label[0]);
      this.labelType[index] = label === 'O' ? -1 : CONLL_TYPES.indexOf(label.slice(2) as ConllType);
    });
    [this.allowed, this.endAllowed] = this.constraints();
    [this.fromStart, this.fromList] = this.allowedSources();
    this.openTarget = new Uint8Array(this.labelCount);
    for (let to = 0; to < this.labelCount; to++) this.openTarget[to] = Number(this.fromStart[to + 1] - this.fromStart[to] === this.labelCount);
    this.near = new Int32Array(this.labelCount);
    this.words = new WordTable(lexicon, new GazetteerTable(lexicon.gazetteer));
    this.extractor = new FeatureExtractor(this.words, this.mask);
    this.sourceScore = new Float64Array(this.fromList.length);
    if (!(weights instanceof Float32Array)) {
      this.index(weights);
      this.scoreEdges();
      this.scoreSmallTemplates();
    }
  }

  private index(weights: PackedWeights): void {
    if (weights.values.length !== weights.rows.length * this.labelCount) throw new Error('packed weights do not match the header');
    const blocks = Math.max(1, (this.mask + 1) >>> 5);
    const live = new Int32Array(blocks * 2);
    let previous = -1;
    for (const row of weights.rows) {
      if (row <= previous || row > this.mask) throw new Error('packed weight rows must ascend within the table');
      live[(row >>> 5) * 2] |= 1 << (row & 31);
      previous = row;
    }
    let before = 0;
    for (let block = 0; block < blocks; block++) {
      live[block * 2 + 1] = before;
      before += popcount(live[block * 2]);
    }
    this.live = live;
    this.packed = weights.values;
  }

  /** Which transitions the scheme allows (row L = from the sentence start), and which labels may end one. */
  private constraints(): [Uint8Array, Uint8Array] {
    const L = this.labelCount;
    const bilou = this.header.scheme === 'BILOU';
    // IO: every sequence is valid (adjacent entities of one type read as one).
    const io = this.header.scheme === 'IO';
    const allowed = new Uint8Array((L + 1) * L);
    const endAllowed = new Uint8Array(L);
    for (let to = 0; to < L; to++) {
      const toPos = this.labelPosition[to];
      const continues = toPos === 'I' || toPos === 'L';
      endAllowed[to] = bilou ? Number(toPos === 'O' || toPos === 'L' || toPos === 'U') : 1;
      allowed[L * L + to] = Number(io || !continues);
      for (let from = 0; from < L; from++) {
        const fromPos = this.labelPosition[from];
        const sameType = this.labelType[from] === this.labelType[to];
        let ok: boolean;
        if (io) {
          ok = true;
        } else if (bilou) {
          const open = fromPos === 'B' || fromPos === 'I';
          ok = open ? continues && sameType : !continues;
        } else {
          ok = toPos !== 'I' || (sameType && fromPos !== 'O');
        }
        allowed[from * L + to] = Number(ok);
      }
    }
    return [allowed, endAllowed];
  }

  private allowedSources(): [Int32Array, Int32Array] {
    const L = this.labelCount;
    const start = new Int32Array(L + 1);
    const list: number[] = [];
    for (let to = 0; to < L; to++) {
      start[to] = list.length;
      for (let from = 0; from < L; from++) if (this.allowed[from * L + to]) list.push(from);
    }
    start[L] = list.length;
    return [start, Int32Array.from(list)];
  }

  /** Scale of the stored weights (1 for the Float32 table of training). */
  get scale(): number {
    return this.header.scale;
  }

  /** The feature extractor this model decodes with (training reads its features after `tagSentence`). */
  get features(): FeatureExtractor {
    return this.extractor;
  }

  /**
   * Tags one sentence of a document and records its entity words in the document history. Returns label
   * indices (valid until the next call).
   */
  tagSentence(words: readonly string[], doc: DocumentState, out: Int32Array = new Int32Array(words.length)): Int32Array {
    const n = words.length;
    if (n === 0) return out;
    if (this.live !== null) {
      const slots = this.extractor.slotsOf(words);
      this.scoreNewWords();
      this.tagSlots(slots, 0, n, doc, out);
      return out;
    }
    this.extractor.extract(words, doc);
    this.denseEmission(n);
    this.viterbi(n, out);
    this.remember(n, out, doc);
    return out;
  }

  /** Adds the entity types just tagged to the document history (capitalised words only, as features.ts reads it). */
  private remember(n: number, labels: Int32Array, doc: DocumentState): void {
    const { slots } = this.extractor.sentence;
    const { caseClass, normal } = this.words;
    for (let i = 0; i < n; i++) {
      const type = this.labelType[labels[i]];
      const c = caseClass[slots[i]];
      if (c === 0 || c >= 5) continue;
      const bit = type < 0 ? 1 << CONLL_TYPES.length : 1 << type;
      doc.history.add(normal[slots[i]], bit);
    }
  }

  /** Tags a document given as sentences of words; the document state spans all its sentences. */
  tagDocument(sentences: readonly (readonly string[])[]): Int32Array[] {
    if (this.live === null) {
      const doc = new DocumentState();
      observeDocumentCasing(doc, sentences);
      return sentences.map((words) => this.tagSentence(words, doc));
    }
    let total = 0;
    for (const words of sentences) total += words.length;
    this.words.reserve(total);
    const slots = new Int32Array(total);
    const starts = new Int32Array(sentences.length + 1);
    let k = 0;
    sentences.forEach((words, s) => {
      starts[s] = k;
      for (const word of words) slots[k++] = this.words.slot(word);
    });
    starts[sentences.length] = k;
    const labels = this.tagSlotDocument(slots, starts);
    return sentences.map((_, s) => labels.slice(starts[s], starts[s + 1]));
  }

  /**
   * Tags a document given as token offsets into `text` (token k is `text.slice(tokenStarts[k], tokenEnds[k])`)
   * with its sentences as first-token indices (`sentenceStarts`, ending with the token count). One label per
   * token. Tokens are looked up in place: a word already in the word table costs no string.
   */
  tagText(text: string, tokenStarts: Int32Array, tokenEnds: Int32Array, sentenceStarts: Int32Array): Int32Array {
    const count = sentenceStarts[sentenceStarts.length - 1];
    if (this.live === null) {
      const sentences: string[][] = [];
      for (let s = 0; s + 1 < sentenceStarts.length; s++) {
        const words: string[] = [];
        for (let k = sentenceStarts[s]; k < sentenceStarts[s + 1]; k++) words.push(text.slice(tokenStarts[k], tokenEnds[k]));
        sentences.push(words);
      }
      const labels = new Int32Array(count);
      this.tagDocument(sentences).forEach((sentence, s) => labels.set(sentence, sentenceStarts[s]));
      return labels;
    }
    this.words.reserve(count);
    const slots = new Int32Array(count);
    for (let k = 0; k < count; k++) slots[k] = this.words.slotOf(text, tokenStarts[k], tokenEnds[k]);
    return this.tagSlotDocument(slots, sentenceStarts);
  }

  /** Tags a document of word slots (packed models): casing first, then sentence by sentence. */
  private tagSlotDocument(slots: Int32Array, sentenceStarts: Int32Array): Int32Array {
    this.scoreNewWords();
    const doc = new DocumentState();
    observeSlotCasing(doc, this.words, slots, sentenceStarts);
    const labels = new Int32Array(slots.length);
    for (let s = 0; s + 1 < sentenceStarts.length; s++) {
      const from = sentenceStarts[s];
      const n = sentenceStarts[s + 1] - from;
      if (n > 0) this.tagSlots(slots, from, n, doc, labels.subarray(from, from + n));
    }
    return labels;
  }

  /** Weight of one feature row for one label (what the emission of a token sums over its feature rows). */
  weight(row: number, label: number): number {
    if (this.weights instanceof Float32Array) return this.weights[row * this.labelCount + label];
    const at = this.packedRow(row);
    return at < 0 ? 0 : this.packed[at + label] * this.header.scale;
  }

  /**
   * Emission scores of the sentence tagged last (n x L), as the decoder saw them: for a packed model the
   * word-group sums plus the context rows, for a training model the sum over `features`.
   */
  lastEmission(n: number): Float64Array {
    return this.emission.slice(0, n * this.labelCount);
  }

  /** Start of a live row in `packed`, or -1 when the row has no weight. */
  private packedRow(feature: number): number {
    const live = this.live!;
    const block = (feature >>> 5) * 2;
    const below = live[block] & ((2 << (feature & 31)) - 1);
    // The feature's own bit is the highest of `below`; its row is live when that bit is set.
    if (below >>> (feature & 31) === 0) return -1;
    return (live[block + 1] + popcount(below) - 1) * this.labelCount;
  }

  /** Adds the packed weights of rows `rows[0, count)` to `sums[base, base + L)`. */
  private addPackedRows(rows: Int32Array, count: number, sums: Int32Array, base: number): void {
    const L = this.labelCount;
    const { packed } = this;
    const live = this.live!;
    for (let k = 0; k < count; k++) {
      const feature = rows[k];
      const block = (feature >>> 5) * 2;
      const below = live[block] & ((2 << (feature & 31)) - 1);
      if (below >>> (feature & 31) === 0) continue;
      const row = (live[block + 1] + popcount(below) - 1) * L;
      for (let l = 0; l < L; l++) sums[base + l] += packed[row + l];
    }
  }

  /** Scores of the sentence edges (block 0 of `wordScores`): the neighbour groups of "no word". */
  private scoreEdges(): void {
    const L = this.labelCount;
    const stride = WORD_GROUPS * L;
    if (this.wordScores.length < stride) this.wordScores = new Int32Array(stride * 256);
    this.wordScores.fill(0, 0, stride);
    for (let group = 1; group < WORD_GROUPS; group++) {
      const count = wordGroupRows(this.words, group, EDGE, this.mask, this.rowBuffer, 0);
      this.addPackedRows(this.rowBuffer, count, this.wordScores, group * L);
    }
  }

  /** Fills the tables of the small and gazetteer templates. */
  private scoreSmallTemplates(): void {
    const L = this.labelCount;
    let total = 0;
    for (let t = 0; t < SMALL_TEMPLATES; t++) {
      this.smallStart[t] = total;
      total += SMALL_TEMPLATE_SIZES[t] * L;
    }
    this.smallScores = new Int32Array(total);
    const row = new Int32Array(1);
    for (let t = 0; t < SMALL_TEMPLATES; t++) {
      for (let value = 0; value < SMALL_TEMPLATE_SIZES[t]; value++) {
        row[0] = smallTemplateRow(t, value, this.mask);
        this.addPackedRows(row, 1, this.smallScores, this.smallStart[t] + value * L);
      }
    }
    this.gazetteerScores = new Int32Array(GAZETTEER_TEMPLATES * GAZETTEER_BITS * L);
    for (let t = 0; t < GAZETTEER_TEMPLATES; t++) {
      for (let bit = 0; bit < GAZETTEER_BITS; bit++) {
        row[0] = gazetteerTemplateRow(t, bit, this.mask);
        this.addPackedRows(row, 1, this.gazetteerScores, (t * GAZETTEER_BITS + bit) * L);
      }
    }
  }

  /** Adds the gazetteer template `template` of every bit set in `bits` to `sums[base, base + L)`. */
  private addGazetteer(bits: number, template: number, sums: Int32Array, base: number): void {
    const L = this.labelCount;
    const scores = this.gazetteerScores;
    while (bits !== 0) {
      const bit = 31 - Math.clz32(bits);
      bits &= ~(1 << bit);
      const at = (template * GAZETTEER_BITS + bit) * L;
      for (let l = 0; l < L; l++) sums[base + l] += scores[at + l];
    }
  }

  /** Scores the word-alone groups of the slots added to the word table since the last call. */
  private scoreNewWords(): void {
    const { words } = this;
    const L = this.labelCount;
    const stride = WORD_GROUPS * L;
    if (this.scoredGeneration !== words.generation) {
      this.scoredGeneration = words.generation;
      this.scoredSlots = 0;
    }
    if (this.wordScores.length < (words.size + 1) * stride) {
      const grown = new Int32Array(Math.max((words.size + 1) * stride, this.wordScores.length * 2));
      grown.set(this.wordScores.subarray(0, (this.scoredSlots + 1) * stride));
      this.wordScores = grown;
    }
    const scores = this.wordScores;
    for (let slot = this.scoredSlots; slot < words.size; slot++) {
      const block = (slot + 1) * stride;
      scores.fill(0, block, block + stride);
      for (let group = 0; group < WORD_GROUPS; group++) {
        const count = wordGroupRows(words, group, slot, this.mask, this.rowBuffer, 0);
        this.addPackedRows(this.rowBuffer, count, scores, block + group * L);
      }
    }
    this.scoredSlots = words.size;
  }

  /** Tags the sentence `slots[from, from + n)` with a packed model (word scores must be up to date). */
  private tagSlots(slots: Int32Array, from: number, n: number, doc: DocumentState, out: Int32Array): void {
    const L = this.labelCount;
    const stride = WORD_GROUPS * L;
    this.ensureBuffers(n);
    const sentence = this.extractor.sentence;
    sentence.load(slots, from, n, doc);
    const { sums, emission, wordScores, rowBuffer, smallValues, smallScores, smallStart } = this;
    // Block offsets: slot s -> (s + 1) * stride; EDGE -> block 0, the sentence edges.
    for (let i = 0; i < n; i++) {
      const base = i * L;
      const own = (slots[from + i] + 1) * stride;
      const prev = (i > 0 ? slots[from + i - 1] + 1 : 0) * stride + L;
      const next = (i + 1 < n ? slots[from + i + 1] + 1 : 0) * stride + 2 * L;
      const prev2 = (i > 1 ? slots[from + i - 2] + 1 : 0) * stride + 3 * L;
      const next2 = (i + 2 < n ? slots[from + i + 2] + 1 : 0) * stride + 4 * L;
      for (let l = 0; l < L; l++) {
        sums[base + l] = wordScores[own + l] + wordScores[prev + l] + wordScores[next + l] + wordScores[prev2 + l] + wordScores[next2 + l];
      }
      const count = sentence.pairRows(i, rowBuffer, 0);
      this.addPackedRows(rowBuffer, count, sums, base);
      sentence.smallValues(i, smallValues);
      for (let t = 0; t < SMALL_TEMPLATES; t++) {
        const value = smallValues[t];
        if (value < 0) continue;
        const at = smallStart[t] + value * L;
        for (let l = 0; l < L; l++) sums[base + l] += smallScores[at + l];
      }
      const { gazetteer } = sentence;
      if (gazetteer[i] !== 0) {
        this.addGazetteer(gazetteer[i], GAZETTEER_OWN, sums, base);
        this.addGazetteer(gazetteer[i], GAZETTEER_CASE + sentence.gazetteerCaseVariant(i), sums, base);
      }
      if (i > 0 && gazetteer[i - 1] !== 0) this.addGazetteer(gazetteer[i - 1], GAZETTEER_PREV, sums, base);
      if (i + 1 < n && gazetteer[i + 1] !== 0) this.addGazetteer(gazetteer[i + 1], GAZETTEER_NEXT, sums, base);
    }
    const scale = this.header.scale;
    for (let k = 0; k < n * L; k++) emission[k] = sums[k] * scale;
    this.viterbi(n, out);
    this.remember(n, out, doc);
  }

  private ensureBuffers(n: number): void {
    const L = this.labelCount;
    if (this.emission.length >= n * L) return;
    const size = Math.max(n * L, this.emission.length * 2);
    this.sums = new Int32Array(size);
    this.emission = new Float64Array(size);
    this.delta = new Float64Array(size);
    this.back = new Int32Array(size);
  }

  /**
   * Viterbi over `emission` (n x L). Targets that every label may precede (O and B- under BIO) take the
   * best source by a pruned scan: a source whose score trails the leader's by more than `spread` (the range
   * of transition scores into any such target) cannot win or tie, so only the few sources near the leader are
   * tried. The result is the exact Viterbi path, ties broken as a full scan breaks them (lowest label).
   */
  private viterbi(n: number, out: Int32Array): void {
    const L = this.labelCount;
    const { emission, delta, back, transitions, allowed, endAllowed, fromStart, fromList, sourceScore, openTarget, near } = this;
    let spread = 0;
    for (let to = 0; to < L; to++) {
      let low = Infinity;
      let high = -Infinity;
      for (let k = fromStart[to]; k < fromStart[to + 1]; k++) {
        const score = transitions[fromList[k] * L + to];
        sourceScore[k] = score;
        if (score < low) low = score;
        if (score > high) high = score;
      }
      if (openTarget[to] && high - low > spread) spread = high - low;
    }
    for (let l = 0; l < L; l++) delta[l] = allowed[L * L + l] ? emission[l] + transitions[L * L + l] : -Infinity;
    for (let i = 1; i < n; i++) {
      const base = i * L;
      const prevBase = base - L;
      let leader = delta[prevBase];
      for (let l = 1; l < L; l++) if (delta[prevBase + l] > leader) leader = delta[prevBase + l];
      // The margin keeps floating-point rounding from dropping a source that ties.
      const threshold = leader - spread - PRUNE_MARGIN * (1 + Math.abs(leader) + spread);
      let nearCount = 0;
      for (let l = 0; l < L; l++) if (delta[prevBase + l] >= threshold) near[nearCount++] = l;
      for (let to = 0; to < L; to++) {
        let best = -Infinity;
        let arg = 0;
        if (openTarget[to]) {
          for (let k = 0; k < nearCount; k++) {
            const from = near[k];
            const v = delta[prevBase + from] + transitions[from * L + to];
            if (v > best) {
              best = v;
              arg = from;
            }
          }
        } else {
          const stop = fromStart[to + 1];
          for (let k = fromStart[to]; k < stop; k++) {
            const from = fromList[k];
            const v = delta[prevBase + from] + sourceScore[k];
            if (v > best) {
              best = v;
              arg = from;
            }
          }
        }
        delta[base + to] = best + emission[base + to];
        back[base + to] = arg;
      }
    }
    let best = -Infinity;
    let arg = 0;
    const lastBase = (n - 1) * L;
    for (let l = 0; l < L; l++) {
      if (endAllowed[l] && delta[lastBase + l] > best) {
        best = delta[lastBase + l];
        arg = l;
      }
    }
    for (let i = n - 1; i >= 0; i--) {
      out[i] = arg;
      arg = back[i * L + arg];
    }
  }

  /** Emission scores from the full (training) table. */
  private denseEmission(n: number): void {
    const L = this.labelCount;
    this.ensureBuffers(n);
    const { emission } = this;
    const weights = this.weights as Float32Array;
    const { features, counts } = this.extractor;
    for (let i = 0; i < n; i++) {
      const base = i * L;
      for (let l = 0; l < L; l++) emission[base + l] = 0;
      const first = i * MAX_FEATURES_PER_TOKEN;
      const last = first + counts[i];
      for (let k = first; k < last; k++) {
        const row = features[k] * L;
        for (let l = 0; l < L; l++) emission[base + l] += weights[row + l];
      }
    }
  }

  /** Entities of a label sequence; a stray continuation label opens an entity rather than being lost. */
  spans(labels: ArrayLike<number>, end: number = labels.length, start = 0): TokenSpan[] {
    const spans: TokenSpan[] = [];
    let open: TokenSpan | null = null;
    for (let i = start; i < end; i++) {
      const type = this.labelType[labels[i]];
      const position = this.labelPosition[labels[i]];
      if (type < 0) {
        open = null;
        continue;
      }
      const typeName = CONLL_TYPES[type];
      if (open !== null && open.type === typeName && (position === 'I' || position === 'L')) {
        open.end = i + 1;
      } else {
        open = { start: i, end: i + 1, type: typeName };
        spans.push(open);
      }
      if (position === 'L' || position === 'U') open = null;
    }
    return spans;
  }

  /**
   * Writes the model file (gzip); only non-zero weight rows are stored. Written beside `path` and renamed into
   * place, so a process reading the model never sees half a file.
   */
  save(path: string): void {
    const partial = `${path}.${process.pid}.tmp`;
    writeFileSync(partial, gzipSync(this.serialize(), { level: 9 }));
    renameSync(partial, path);
  }

  private serialize(): Buffer {
    if (this.weights instanceof Float32Array) throw new Error('quantize the model before saving it');
    const { rows, values } = this.weights;
    const gazetteerKeys = Int32Array.from(this.lexicon.gazetteer.keys());
    const gazetteerKinds = Int32Array.from(this.lexicon.gazetteer.values());
    const clusterKeys = Int32Array.from(this.lexicon.clusters.keys());
    const clusterIds = Int32Array.from(this.lexicon.clusters.values());
    const parts: Buffer[] = [Buffer.from(MAGIC, 'latin1')];
    const header = Buffer.from(JSON.stringify(this.header), 'utf8');
    parts.push(int32(header.length), pad(header));
    for (const array of [this.transitions, rows, values, gazetteerKeys, gazetteerKinds, clusterKeys, clusterIds]) {
      parts.push(int32(array.length), pad(Buffer.from(array.buffer, array.byteOffset, array.byteLength)));
    }
    return Buffer.concat(parts);
  }

  /** Reads a model file written by `save`. */
  static load(path: string): NerModel {
    const data = gunzipSync(readFileSync(path));
    if (data.toString('latin1', 0, 4) !== MAGIC) throw new Error(`${path}: not a crosscheck NER model`);
    let at = 4;
    const headerLength = data.readInt32LE(at);
    at += 4;
    const header = JSON.parse(data.toString('utf8', at, at + headerLength)) as ModelHeader;
    if (header.format !== 'crosscheck-ner' || header.version !== FORMAT_VERSION) {
      throw new Error(`${path}: unsupported NER model format ${header.format} v${header.version}`);
    }
    at += align(headerLength);
    // Copy each section out so typed arrays are aligned regardless of the buffer's own offset.
    const section = <T>(make: (buffer: ArrayBuffer, count: number) => T, bytesPer: number): T => {
      const count = data.readInt32LE(at);
      at += 4;
      const bytes = count * bytesPer;
      const copy = new ArrayBuffer(bytes);
      new Uint8Array(copy).set(data.subarray(at, at + bytes));
      at += align(bytes);
      return make(copy, count);
    };
    const transitions = section((b) => new Float32Array(b), 4);
    const rows = section((b) => new Int32Array(b), 4);
    const rowValues = section((b) => new Int16Array(b), 2);
    const gazetteerKeys = section((b) => new Int32Array(b), 4);
    const gazetteerKinds = section((b) => new Int32Array(b), 4);
    const clusterKeys = section((b) => new Int32Array(b), 4);
    const clusterIds = section((b) => new Int32Array(b), 4);
    const gazetteer = new Map<number, number>();
    for (let i = 0; i < gazetteerKeys.length; i++) gazetteer.set(gazetteerKeys[i], gazetteerKinds[i]);
    const clusters = new Map<number, number>();
    for (let i = 0; i < clusterKeys.length; i++) clusters.set(clusterKeys[i], clusterIds[i]);
    return new NerModel(header, { rows, values: rowValues }, transitions, { gazetteer, clusters });
  }

  /** The Int16 model of a Float32 table (the averaged one of training); rows rounding to all zeros are dropped. */
  static quantize(model: NerModel, weights: Float32Array, transitions: Float32Array, trainedOn: string): NerModel {
    const L = model.labelCount;
    let largest = 0;
    for (let i = 0; i < weights.length; i++) {
      const v = Math.abs(weights[i]);
      if (v > largest) largest = v;
    }
    const scale = largest > 0 ? largest / INT16_LIMIT : 1;
    const rows: number[] = [];
    const values: number[] = [];
    const row = new Int16Array(L);
    for (let r = 0; r <= model.mask; r++) {
      let live = false;
      for (let l = 0; l < L; l++) {
        row[l] = Math.round(weights[r * L + l] / scale);
        if (row[l] !== 0) live = true;
      }
      if (!live) continue;
      rows.push(r);
      for (let l = 0; l < L; l++) values.push(row[l]);
    }
    const packed = { rows: Int32Array.from(rows), values: Int16Array.from(values) };
    return new NerModel({ ...model.header, scale, trainedOn }, packed, Float32Array.from(transitions), model.lexicon);
  }
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

function int32(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeInt32LE(value);
  return b;
}

function align(bytes: number): number {
  return (bytes + 3) & ~3;
}

function pad(buffer: Buffer): Buffer {
  const extra = align(buffer.length) - buffer.length;
  return extra === 0 ? buffer : Buffer.concat([buffer, Buffer.alloc(extra)]);
}

/** Header of a model about to be trained. */
export function newHeader(scheme: LabelScheme, hashBits: number): ModelHeader {
  return { format: 'crosscheck-ner', version: FORMAT_VERSION, scheme, labels: schemeLabels(scheme), hashBits, scale: 1, trainedOn: '' };
}
