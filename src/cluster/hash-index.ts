/**
 * A map from 32-bit unsigned hashes to values. V8 keeps a Map with small-integer keys (31 bits, "Smi") on
 * its fast path, while a larger number is boxed on every look-up and compared through memory; a 32-bit
 * hash is small only a quarter of the time. So the top two bits pick one of four maps and the low 30 bits
 * are the key: the same entries as one Map<number, V>, without boxing.
 */
export class HashIndex<V> {
  private readonly maps: Array<Map<number, V>> = [new Map(), new Map(), new Map(), new Map()];

  get(hash: number): V | undefined {
    return this.maps[hash >>> 30].get(hash & 0x3fffffff);
  }

  set(hash: number, value: V): void {
    this.maps[hash >>> 30].set(hash & 0x3fffffff, value);
  }

  delete(hash: number): void {
    this.maps[hash >>> 30].delete(hash & 0x3fffffff);
  }

  get size(): number {
    return this.maps[0].size + this.maps[1].size + this.maps[2].size + this.maps[3].size;
  }
}
