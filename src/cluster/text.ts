/** Text features of the clusterer: content tokens, light stemming, capitalised names, word shingles. */
import { MIN_TOKEN_LENGTH, NON_NAME_CAPITALS, STOP_WORDS } from './constants.ts';

const WORD = /[\p{L}\p{N}]+/gu;
const COMBINING_MARKS = /\p{M}+/gu;

/** Lowercase and strip accents so "Zürich" and "Zurich" are one term. */
export function foldCase(text: string): string {
  return text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
}

/**
 * Light suffix stripping (plural, -ing, -ed, final e): enough to join "arrives/arrived/arriving" and
 * "troops/troop", without a full Porter stemmer's surprises on names.
 */
export function stem(word: string): string {
  let w = word;
  if (/^\d+$/.test(w)) return w;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = undouble(w.slice(0, -3));
  else if (w.length > 4 && w.endsWith('ed')) w = undouble(w.slice(0, -2));
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** "stopp" -> "stop" after "-ing"/"-ed" removal, keeping "ll"/"ss" ("killed" -> "kill"). */
function undouble(w: string): string {
  const last = w[w.length - 1];
  if (w.length > 3 && last === w[w.length - 2] && !'lsz'.includes(last) && !/[aeiou]/.test(last)) return w.slice(0, -1);
  return w;
}

/** Content tokens: folded, stop words and one-letter tokens dropped, stemmed. */
export function contentTokens(text: string): string[] {
  const out: string[] = [];
  for (const match of foldCase(text).matchAll(WORD)) {
    const word = match[0];
    if (word.length < MIN_TOKEN_LENGTH || STOP_WORDS.has(word)) continue;
    out.push(stem(word));
  }
  return out;
}

/** All words, folded, unstemmed: the material of shingles (function words matter for copy detection). */
export function plainWords(text: string): string[] {
  return foldCase(text).match(WORD) ?? [];
}

/**
 * Fallback entities when an article comes without annotations: capitalised words that do not open a
 * sentence (a sentence opener is capitalised for grammar) and are not common function words, folded.
 */
export function capitalisedWords(text: string): string[] {
  const out = new Set<string>();
  const pattern = /[\p{L}\p{N}]+/gu;
  for (const match of text.matchAll(pattern)) {
    const word = match[0];
    if (!/^\p{Lu}/u.test(word) || word.length < MIN_TOKEN_LENGTH) continue;
    if (opensSentence(text, match.index ?? 0)) continue;
    const folded = foldCase(word);
    if (NON_NAME_CAPITALS.has(folded) || STOP_WORDS.has(folded)) continue;
    out.add(folded);
  }
  return [...out];
}

function opensSentence(text: string, index: number): boolean {
  for (let i = index - 1; i >= 0; i--) {
    const ch = text[i];
    if (ch === ' ' || ch === '\t' || ch === '"' || ch === '\'' || ch === '`' || ch === '(' || ch === '“' || ch === '‘') continue;
    return ch === '.' || ch === '!' || ch === '?' || ch === '\n';
  }
  return true;
}

/** 32-bit FNV-1a of a string: a fast, stable hash for shingles and band keys. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Hashes of the word n-grams of a text (a text shorter than n words is one shingle). */
export function shingleHashes(text: string, size: number): Set<number> {
  const words = plainWords(text);
  const out = new Set<number>();
  if (words.length === 0) return out;
  if (words.length < size) {
    out.add(fnv1a(words.join(' ')));
    return out;
  }
  for (let i = 0; i + size <= words.length; i++) out.add(fnv1a(words.slice(i, i + size).join(' ')));
  return out;
}
