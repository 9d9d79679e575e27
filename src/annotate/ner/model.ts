/**
 * The sequence tagger: a linear model over hashed features (features.ts) with first-order label
 * transitions, decoded by Viterbi under the constraints of the label scheme (BIO or BILOU), and its
 * binary model file.
 *
 * Model file (gzip-compressed): "NER1", a length-prefixed JSON header, then 4-byte-aligned sections:
 * transition scores (Float32, (L+1) x L, last row = sentence start), the non-zero weight rows (Int32 row
 * numbers, then Int16 weights, L per row, real weight = value * scale), the gazetteer (Int32 keys, Int32
 * kind masks) and the word clusters (Int32 word hashes, Int32 cluster ids).
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { CONLL_TYPES, type ConllType } from './constants.ts';
import { DocumentState, FeatureExtractor, MAX_FEATURES_PER_TOKEN, observeDocumentCasing, type Lexicon } from './features.ts';

export type LabelScheme = 'BIO' | 'BILOU';

const MAGIC = 'NER1';
const FORMAT_VERSION = 1;
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
  const positions = scheme === 'BIO' ? ['B', 'I'] : ['B', 'I', 'L', 'U'];
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
  /**
   * Sparse view of an Int16 table for tagging: bit per row telling whether it has any weight, the number
   * of live rows before each 32-row block, and the live rows packed. Most hashed features of new text hit
   * dead rows; the bitset (128 KB for 2^20 rows) answers those without touching memory the size of the
   * full table, and the packed rows are small enough to stay in cache.
   */
  private liveBits: Uint32Array | null = null;
  private liveBefore = new Uint32Array(0);
  private packed: Int16Array = new Int16Array(0);
  private effective = new Float64Array(0);
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
    this.extractor = new FeatureExtractor(lexicon, this.mask);
    this.effective = new Float64Array((this.labelCount + 1) * this.labelCount);
    if (!(weights instanceof Float32Array)) this.index(weights);
  }

  private index(weights: PackedWeights): void {
    if (weights.values.length !== weights.rows.length * this.labelCount) throw new Error('packed weights do not match the header');
    const liveBits = new Uint32Array(Math.max(1, (this.mask + 1) >>> 5));
    const liveBefore = new Uint32Array(liveBits.length);
    let previous = -1;
    for (const row of weights.rows) {
      if (row <= previous || row > this.mask) throw new Error('packed weight rows must ascend within the table');
      liveBits[row >>> 5] |= 1 << (row & 31);
      previous = row;
    }
    let before = 0;
    for (let block = 0; block < liveBits.length; block++) {
      liveBefore[block] = before;
      before += popcount(liveBits[block]);
    }
    this.liveBits = liveBits;
    this.liveBefore = liveBefore;
    this.packed = weights.values;
  }

  /** Which transitions the scheme allows (row L = from the sentence start), and which labels may end one. */
  private constraints(): [Uint8Array, Uint8Array] {
    const L = this.labelCount;
    const bilou = this.header.scheme === 'BILOU';
    const allowed = new Uint8Array((L + 1) * L);
    const endAllowed = new Uint8Array(L);
    for (let to = 0; to < L; to++) {
      const toPos = this.labelPosition[to];
      const continues = toPos === 'I' || toPos === 'L';
      endAllowed[to] = bilou ? Number(toPos === 'O' || toPos === 'L' || toPos === 'U') : 1;
      allowed[L * L + to] = Number(!continues);
      for (let from = 0; from < L; from++) {
        const fromPos = this.labelPosition[from];
        const sameType = this.labelType[from] === this.labelType[to];
        let ok: boolean;
        if (bilou) {
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
    this.extractor.extract(words, doc);
    this.viterbi(n, out);
    this.remember(n, out, doc);
    return out;
  }

  /** Adds the entity types just tagged to the document history (capitalised words only, as features.ts reads it). */
  remember(n: number, labels: Int32Array, doc: DocumentState): void {
    const { wordHash, caseClass } = this.extractor;
    for (let i = 0; i < n; i++) {
      const type = this.labelType[labels[i]];
      const c = caseClass[i];
      if (c === 0 || c >= 5) continue;
      const bit = type < 0 ? 1 << CONLL_TYPES.length : 1 << type;
      doc.history.set(wordHash[i], (doc.history.get(wordHash[i]) ?? 0) | bit);
    }
  }

  /** Tags a document given as sentences of words; the document state spans all its sentences. */
  tagDocument(sentences: readonly (readonly string[])[]): Int32Array[] {
    const doc = new DocumentState();
    observeDocumentCasing(doc, sentences);
    return sentences.map((words) => this.tagSentence(words, doc));
  }

  /** Viterbi over the emission scores of the features just extracted. */
  private viterbi(n: number, out: Int32Array): void {
    const L = this.labelCount;
    if (this.emission.length < n * L) {
      const size = Math.max(n * L, this.emission.length * 2);
      this.emission = new Float64Array(size);
      this.delta = new Float64Array(size);
      this.back = new Int32Array(size);
    }
    const { emission, delta, back, transitions, allowed, endAllowed, effective, fromStart, fromList } = this;
    if (this.liveBits !== null) this.packedEmission(n);
    else this.denseEmission(n);
    for (let k = 0; k < effective.length; k++) effective[k] = allowed[k] ? transitions[k] : -Infinity;
    for (let l = 0; l < L; l++) delta[l] = emission[l] + effective[L * L + l];
    for (let i = 1; i < n; i++) {
      const base = i * L;
      const prevBase = base - L;
      for (let to = 0; to < L; to++) {
        let best = -Infinity;
        let arg = 0;
        const stop = fromStart[to + 1];
        for (let k = fromStart[to]; k < stop; k++) {
          const from = fromList[k];
          const v = delta[prevBase + from] + effective[from * L + to];
          if (v > best) {
            best = v;
            arg = from;
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

  /** Emission scores from the packed Int16 rows, summed as integers and scaled once per token. */
  private packedEmission(n: number): void {
    const L = this.labelCount;
    const { emission, packed, liveBefore } = this;
    const liveBits = this.liveBits!;
    const { features, counts } = this.extractor;
    const scale = this.header.scale;
    for (let i = 0; i < n; i++) {
      const base = i * L;
      for (let l = 0; l < L; l++) emission[base + l] = 0;
      const first = i * MAX_FEATURES_PER_TOKEN;
      const last = first + counts[i];
      for (let k = first; k < last; k++) {
        const feature = features[k];
        const block = feature >>> 5;
        const below = liveBits[block] & ((2 << (feature & 31)) - 1);
        // The feature's own bit is the highest of `below`; its row is live when that bit is set.
        if ((below >>> (feature & 31)) === 0) continue;
        const row = (liveBefore[block] + popcount(below) - 1) * L;
        for (let l = 0; l < L; l++) emission[base + l] += packed[row + l];
      }
      for (let l = 0; l < L; l++) emission[base + l] *= scale;
    }
  }

  /** Entities of a label sequence; a stray continuation label opens an entity rather than being lost. */
  spans(labels: ArrayLike<number>, n: number = labels.length): TokenSpan[] {
    const spans: TokenSpan[] = [];
    let open: TokenSpan | null = null;
    for (let i = 0; i < n; i++) {
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

  /** Writes the model file (gzip); only non-zero weight rows are stored. */
  save(path: string): void {
    writeFileSync(path, gzipSync(this.serialize(), { level: 9 }));
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
