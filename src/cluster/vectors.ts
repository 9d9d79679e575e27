/**
 * Sparse vectors of the clusterer as typed arrays: term ids (32-bit hashes of the term strings) sorted
 * ascending, with their weights. A profile adds article vectors into its centroid by a linear merge; an
 * article is scored against many profiles by putting its vector once into a small open-addressing table
 * (`TermTable`) and walking each profile's arrays, so no string is hashed or compared while scoring.
 */
import { fnv1a } from './text.ts';

export interface SparseVector {
  /** Term ids, strictly ascending. */
  ids: Uint32Array;
  weights: Float64Array;
  /** Sum of the squared weights. */
  norm2: number;
}

export const EMPTY_VECTOR: SparseVector = Object.freeze({ ids: new Uint32Array(0), weights: new Float64Array(0), norm2: 0 }) as SparseVector;

/** The id of a term: its 32-bit FNV-1a hash, never 0 (0 marks an empty table slot). */
export function termId(term: string): number {
  return fnv1a(term) || 1;
}

/** Positions packed beside an id in vectorOf (a text has far fewer distinct terms). */
const POSITIONS = 2 ** 20;

/** Sort scratch of vectorOf (grown as needed; vectorOf does not re-enter). */
let packScratch = new Float64Array(1024);

/** A vector from (id, weight) pairs in any order; equal ids are summed. */
export function vectorOf(ids: ArrayLike<number>, weights: ArrayLike<number>): SparseVector {
  const n = ids.length;
  if (n >= POSITIONS) throw new Error(`vector of ${n} terms: more than ${POSITIONS - 1}`);
  // Sort (id, position) packed in one float (id * 2^20 + position < 2^52, exact) with the native numeric
  // sort: several times faster than sorting positions with a comparator.
  if (packScratch.length < n) packScratch = new Float64Array(Math.max(n, 2 * packScratch.length));
  const packed = packScratch.subarray(0, n);
  for (let i = 0; i < n; i++) packed[i] = ids[i] * POSITIONS + i;
  packed.sort();
  const outIds = new Uint32Array(n);
  const outWeights = new Float64Array(n);
  let m = 0;
  for (let k = 0; k < n; k++) {
    const i = packed[k] % POSITIONS;
    const id = ids[i];
    if (m > 0 && outIds[m - 1] === id) outWeights[m - 1] += weights[i];
    else {
      outIds[m] = id;
      outWeights[m] = weights[i];
      m++;
    }
  }
  let norm2 = 0;
  for (let i = 0; i < m; i++) norm2 += outWeights[i] * outWeights[i];
  return { ids: m === n ? outIds : outIds.slice(0, m), weights: m === n ? outWeights : outWeights.slice(0, m), norm2 };
}

/** a + b (a new vector; neither argument changes). */
export function addVectors(a: SparseVector, b: SparseVector): SparseVector {
  if (b.ids.length === 0) return a;
  if (a.ids.length === 0) return b;
  const ids = new Uint32Array(a.ids.length + b.ids.length);
  const weights = new Float64Array(ids.length);
  let i = 0;
  let j = 0;
  let m = 0;
  let norm2 = 0;
  const ai = a.ids;
  const bi = b.ids;
  while (i < ai.length || j < bi.length) {
    let id: number;
    let w: number;
    if (j >= bi.length || (i < ai.length && ai[i] < bi[j])) {
      id = ai[i];
      w = a.weights[i++];
    } else if (i >= ai.length || bi[j] < ai[i]) {
      id = bi[j];
      w = b.weights[j++];
    } else {
      id = ai[i];
      w = a.weights[i++] + b.weights[j++];
    }
    ids[m] = id;
    weights[m++] = w;
    norm2 += w * w;
  }
  return { ids: ids.slice(0, m), weights: weights.slice(0, m), norm2 };
}

/** The `keep` heaviest entries (ties: the smaller id), as a vector. */
export function pruneVector(v: SparseVector, keep: number): SparseVector {
  const n = v.ids.length;
  if (n <= keep) return v;
  // The keep-th largest weight by a native sort of a copy; entries above it are kept, and entries equal
  // to it in id order until `keep` are reached (so ties are decided by id, deterministically).
  const sorted = Float64Array.from(v.weights).sort();
  const bar = sorted[n - keep];
  let above = 0;
  for (let i = 0; i < n; i++) if (v.weights[i] > bar) above++;
  let ties = keep - above;
  const ids = new Uint32Array(keep);
  const weights = new Float64Array(keep);
  let m = 0;
  let norm2 = 0;
  for (let i = 0; i < n; i++) {
    const w = v.weights[i];
    if (w > bar || (w === bar && ties-- > 0)) {
      ids[m] = v.ids[i];
      weights[m++] = w;
      norm2 += w * w;
    }
  }
  return { ids, weights, norm2 };
}

/** Sort scratch of RunningVector.prune (grown as needed; one clusterer thread uses it at a time). */
let pruneScratch = new Float64Array(256);

/**
 * A profile's running sum of vectors, merged and pruned in place in buffers with room to grow, so that
 * adding an article allocates nothing once the profile has reached its size. The results are exactly
 * those of addVectors and pruneVector (the same sums, and the norm summed in the same order).
 */
export class RunningVector {
  private ids: Uint32Array;
  private weights: Float64Array;
  private length: number;
  private norm2: number;
  /** The current entries: views of the buffers, valid until the next change (read them, do not keep them). */
  vector: SparseVector;

  /** Starts from `v`, taking over its arrays (the caller must not use them any more). */
  constructor(v: SparseVector = EMPTY_VECTOR) {
    this.ids = v.ids;
    this.weights = v.weights;
    this.length = v.ids.length;
    this.norm2 = v.norm2;
    this.vector = v;
  }

  get size(): number {
    return this.length;
  }

  /** this += b. */
  add(b: SparseVector): void {
    const bn = b.ids.length;
    if (bn === 0) return;
    const an = this.length;
    if (an === 0) {
      this.reserve(bn);
      this.ids.set(b.ids);
      this.weights.set(b.weights);
      this.length = bn;
      this.norm2 = b.norm2;
      this.publish();
      return;
    }
    const ai = this.ids;
    const bi = b.ids;
    let union = an + bn;
    for (let i = 0, j = 0; i < an && j < bn; ) {
      if (ai[i] < bi[j]) i++;
      else if (bi[j] < ai[i]) j++;
      else {
        union--;
        i++;
        j++;
      }
    }
    this.reserve(union);
    // Backwards, so the write position never passes the unread entries of this vector.
    const ids = this.ids;
    const weights = this.weights;
    const bw = b.weights;
    let i = an - 1;
    let j = bn - 1;
    for (let k = union - 1; k >= 0; k--) {
      if (j < 0 || (i >= 0 && ids[i] > bi[j])) {
        ids[k] = ids[i];
        weights[k] = weights[i--];
      } else if (i < 0 || bi[j] > ids[i]) {
        ids[k] = bi[j];
        weights[k] = bw[j--];
      } else {
        ids[k] = ids[i];
        weights[k] = weights[i--] + bw[j--];
      }
    }
    let norm2 = 0;
    for (let k = 0; k < union; k++) norm2 += weights[k] * weights[k];
    this.length = union;
    this.norm2 = norm2;
    this.publish();
  }

  /** Keeps the `keep` heaviest entries (ties: the smaller id), as pruneVector. */
  prune(keep: number): void {
    const n = this.length;
    if (n <= keep) return;
    if (pruneScratch.length < n) pruneScratch = new Float64Array(n * 2);
    const sorted = pruneScratch.subarray(0, n);
    sorted.set(this.weights.subarray(0, n));
    sorted.sort();
    const bar = sorted[n - keep];
    const ids = this.ids;
    const weights = this.weights;
    let above = 0;
    for (let i = 0; i < n; i++) if (weights[i] > bar) above++;
    let ties = keep - above;
    let m = 0;
    let norm2 = 0;
    for (let i = 0; i < n; i++) {
      const w = weights[i];
      if (w > bar || (w === bar && ties-- > 0)) {
        ids[m] = ids[i];
        weights[m++] = w;
        norm2 += w * w;
      }
    }
    this.length = m;
    this.norm2 = norm2;
    this.publish();
  }

  /** Room for `n` entries (half as much again when growing, so a growing profile rarely reallocates). */
  private reserve(n: number): void {
    if (this.ids.length >= n) return;
    const capacity = Math.max(n, Math.ceil(this.ids.length * 1.5), 16);
    const ids = new Uint32Array(capacity);
    const weights = new Float64Array(capacity);
    ids.set(this.ids.subarray(0, this.length));
    weights.set(this.weights.subarray(0, this.length));
    this.ids = ids;
    this.weights = weights;
  }

  private publish(): void {
    const n = this.length;
    this.vector = { ids: this.ids.subarray(0, n), weights: this.weights.subarray(0, n), norm2: this.norm2 };
  }
}

/** The weight of `id` in `v` (binary search), or 0. */
export function weightOf(v: SparseVector, id: number): number {
  let lo = 0;
  let hi = v.ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const x = v.ids[mid];
    if (x === id) return v.weights[mid];
    if (x < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

/** Serialised form: [id, weight] pairs (JSON keeps both exactly). */
export function vectorToData(v: SparseVector): Array<[number, number]> {
  const out = new Array<[number, number]>(v.ids.length);
  for (let i = 0; i < v.ids.length; i++) out[i] = [v.ids[i], v.weights[i]];
  return out;
}

/** From serialised pairs (any order; equal ids summed). */
export function vectorFromData(entries: ReadonlyArray<readonly [number, number]>): SparseVector {
  return vectorOf(entries.map(([id]) => id), entries.map(([, w]) => w));
}

/**
 * An article's vector as an open-addressing hash table, for dot products against many profiles: each
 * profile entry costs one multiply-shift and (almost always) one probe.
 */
export class TermTable {
  private keys = new Uint32Array(0);
  private values = new Float64Array(0);
  private shift = 32;
  private mask = 0;

  constructor(v?: SparseVector) {
    if (v) this.load(v);
  }

  /** Holds `v` from now on (the buffers are reused: one table serves one article after another). */
  load(v: SparseVector): this {
    let bits = 4;
    while (1 << bits < v.ids.length * 4) bits++;
    const size = 1 << bits;
    if (this.keys.length < size) {
      this.keys = new Uint32Array(size);
      this.values = new Float64Array(size);
    } else this.keys.fill(0, 0, size);
    this.shift = 32 - bits;
    this.mask = size - 1;
    for (let i = 0; i < v.ids.length; i++) {
      let slot = Math.imul(v.ids[i], 0x9e3779b1) >>> this.shift;
      while (this.keys[slot] !== 0) slot = (slot + 1) & this.mask;
      this.keys[slot] = v.ids[i];
      this.values[slot] = v.weights[i];
    }
    return this;
  }

  get(id: number): number {
    let slot = Math.imul(id, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const key = this.keys[slot];
      if (key === id) return this.values[slot];
      if (key === 0) return 0;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Dot product with a profile vector. */
  dot(v: SparseVector): number {
    const ids = v.ids;
    const weights = v.weights;
    const keys = this.keys;
    const shift = this.shift;
    const mask = this.mask;
    let sum = 0;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      let slot = Math.imul(id, 0x9e3779b1) >>> shift;
      for (;;) {
        const key = keys[slot];
        if (key === id) {
          sum += this.values[slot] * weights[i];
          break;
        }
        if (key === 0) break;
        slot = (slot + 1) & mask;
      }
    }
    return sum;
  }
}
