/**
 * MinHash signatures over word shingles, with LSH banding so that near-duplicates are found without
 * comparing an article against every earlier one.
 */
import { LSH_BANDS, LSH_ROWS, MINHASH_SIZE } from './constants.ts';

/** The murmur3 finaliser: mixes a 32-bit value into a well-spread 32-bit hash. */
function mix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const BIN_BITS = Math.log2(MINHASH_SIZE);
const VALUE_BITS = 32 - BIN_BITS;
const VALUE_MASK = 2 ** VALUE_BITS - 1;
const EMPTY = 0xffffffff;

/**
 * One-permutation MinHash (Li, Owen & Zhang 2012) with rotation densification (Shrivastava & Li 2014):
 * each shingle is hashed once; the top bits pick one of MINHASH_SIZE bins and the rest is the value whose
 * minimum the bin keeps. An empty bin (short texts) takes the next non-empty bin's value, marked with the
 * distance, so two sets still agree on a position with probability ~ their Jaccard similarity. One hash
 * per shingle instead of MINHASH_SIZE: the signature was a tenth of the clusterer's time.
 */
export function minhashSignature(shingles: Iterable<number>): Uint32Array {
  const signature = new Uint32Array(MINHASH_SIZE).fill(EMPTY);
  for (const shingle of shingles) {
    const h = mix32(shingle);
    const bin = h >>> VALUE_BITS;
    const value = h & VALUE_MASK;
    if (value < signature[bin]) signature[bin] = value;
  }
  for (let i = 0; i < MINHASH_SIZE; i++) {
    if (signature[i] !== EMPTY) continue;
    for (let distance = 1; distance < MINHASH_SIZE; distance++) {
      const donor = signature[(i + distance) % MINHASH_SIZE];
      if (donor !== EMPTY && donor <= VALUE_MASK) {
        signature[i] = (donor | (distance << VALUE_BITS)) >>> 0;
        break;
      }
    }
  }
  return signature;
}

/** Estimated Jaccard similarity of the two shingle sets: the share of equal signature positions. */
export function signatureSimilarity(a: Uint32Array, b: Uint32Array): number {
  let equal = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) equal++;
  return equal / a.length;
}

/**
 * Estimated containment of the smaller shingle set in the larger one, from the MinHash Jaccard and the two
 * set sizes: |A ∩ B| = J (|A| + |B|) / (1 + J).
 */
export function containment(jaccard: number, sizeA: number, sizeB: number): number {
  const smaller = Math.min(sizeA, sizeB);
  if (smaller <= 0) return 0;
  return Math.min(1, (jaccard * (sizeA + sizeB)) / (1 + jaccard) / smaller);
}

/** One key per band (a 32-bit hash of the band number and its rows): articles sharing a key are duplicate candidates. */
export function bandKeys(signature: Uint32Array): number[] {
  const keys: number[] = [];
  for (let band = 0; band < LSH_BANDS; band++) {
    let h = Math.imul(band + 1, 0x9e3779b1);
    for (let row = 0; row < LSH_ROWS; row++) h = Math.imul(h ^ signature[band * LSH_ROWS + row], 0x85ebca6b) ^ (h >>> 13);
    keys.push(h >>> 0);
  }
  return keys;
}

/** Compact, JSON-friendly form of a signature (little-endian bytes, base64). */
export function encodeSignature(signature: Uint32Array): string {
  const bytes = Buffer.alloc(signature.length * 4);
  for (let i = 0; i < signature.length; i++) bytes.writeUInt32LE(signature[i], i * 4);
  return bytes.toString('base64');
}

export function decodeSignature(encoded: string): Uint32Array {
  const bytes = Buffer.from(encoded, 'base64');
  if (bytes.length !== MINHASH_SIZE * 4) throw new Error(`bad MinHash signature: ${bytes.length} bytes, expected ${MINHASH_SIZE * 4}`);
  const signature = new Uint32Array(MINHASH_SIZE);
  for (let i = 0; i < MINHASH_SIZE; i++) signature[i] = bytes.readUInt32LE(i * 4);
  return signature;
}
