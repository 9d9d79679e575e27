/**
 * Word features of fact units. Tokenising and stemming are the clusterer's (one notion of "content word"
 * across the engine); the synonym table is the cross-check's own.
 */
import { contentTokens, foldCase, stem } from '../cluster/text.ts';
import { SYNONYM_GROUPS } from './constants.ts';

export { foldCase };

/** One folded word, stemmed as the clusterer stems. */
export const stemWord = (word: string): string => stem(word);

/** Stemmed word -> the stem of its synonym group's first word. */
const SYNONYMS: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const group of SYNONYM_GROUPS) {
    const canonical = stem(foldCase(group[0]));
    for (const word of group) {
      const folded = foldCase(word);
      map.set(folded, canonical);
      map.set(stem(folded), canonical);
    }
  }
  return map;
})();

/** A stemmed token mapped onto its synonym group. */
export function concept(token: string): string {
  return SYNONYMS.get(token) ?? token;
}

/** Content words of a text as concepts, numbers left out (numbers are compared as quantities). */
export function conceptSet(text: string): Set<string> {
  const out = new Set<string>();
  for (const token of contentTokens(text)) if (!/^\d/.test(token)) out.add(concept(token));
  return out;
}

/** The first content word of a text as a concept (the noun a number counts), or null. */
export function firstConcept(text: string): string | null {
  for (const token of contentTokens(text)) {
    if (/^\d/.test(token) || MULTIPLIER_WORDS.has(token)) continue;
    return concept(token);
  }
  return null;
}

const MULTIPLIER_WORDS = new Set(['thousand', 'million', 'billion', 'trillion']);

/** Dice coefficient of two sets (0 when both are empty). */
export function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size + b.size === 0) return 0;
  let shared = 0;
  for (const item of a) if (b.has(item)) shared++;
  return (2 * shared) / (a.size + b.size);
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const item of a) if (b.has(item)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/** Strings to dense integer ids, so sets of words compare as sorted integer arrays. */
export class Interner {
  private readonly ids = new Map<string, number>();
  private uids = 0;
  /** A fresh identity number (statements take theirs here: one counter per story). */
  nextUid(): number {
    return this.uids++;
  }
  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(value, id);
    }
    return id;
  }
  get size(): number {
    return this.ids.size;
  }
}

/** Shared members of two sorted, duplicate-free integer arrays. */
export function sharedCount(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

/** Dice coefficient of two sorted id arrays (0 when both are empty). */
export function diceIds(a: Int32Array, b: Int32Array): number {
  const total = a.length + b.length;
  return total === 0 ? 0 : (2 * sharedCount(a, b)) / total;
}
