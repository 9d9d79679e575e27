/**
 * Unicode character classes for the hand-written scanners (ner/tokenize.ts, text.ts): the classes the
 * tokenizers' rules name (\p{L}, \p{M}, \p{N}, \p{Lu}, \p{Ll}, \s), answered from a table filled on first sight
 * of each code point instead of running a Unicode-property regular expression per character.
 */

export const LETTER = 1;
export const MARK = 2;
export const NUMBER = 4;
/** White space as JavaScript's \s reads it. */
export const SPACE = 8;
export const UPPER = 16;
export const LOWER = 32;
const KNOWN = 128;

const IS_LETTER = /^\p{L}$/u;
const IS_MARK = /^\p{M}$/u;
const IS_NUMBER = /^\p{N}$/u;
const IS_SPACE = /^\s$/u;
const IS_UPPER = /^\p{Lu}$/u;
const IS_LOWER = /^\p{Ll}$/u;
/** Classes of the Basic Multilingual Plane (bit KNOWN once computed). */
const BMP_CLASSES = new Uint8Array(0x10000);

function computeClass(codePoint: number): number {
  const ch = String.fromCodePoint(codePoint);
  return (
    (IS_LETTER.test(ch) ? LETTER : 0) |
    (IS_MARK.test(ch) ? MARK : 0) |
    (IS_NUMBER.test(ch) ? NUMBER : 0) |
    (IS_SPACE.test(ch) ? SPACE : 0) |
    (IS_UPPER.test(ch) ? UPPER : 0) |
    (IS_LOWER.test(ch) ? LOWER : 0)
  );
}

for (let code = 0; code < 128; code++) BMP_CLASSES[code] = computeClass(code) | KNOWN;

/** Class bits of a code point. */
export function classOf(codePoint: number): number {
  if (codePoint >= 0x10000) return computeClass(codePoint);
  let cls = BMP_CLASSES[codePoint];
  if (cls === 0) {
    cls = computeClass(codePoint) | KNOWN;
    BMP_CLASSES[codePoint] = cls;
  }
  return cls & ~KNOWN;
}

/** Code point at `at` (a surrogate pair read whole), or -1 past the end. */
export function codePointAt(text: string, at: number): number {
  if (at >= text.length) return -1;
  const code = text.charCodeAt(at);
  if (code < 0xd800 || code > 0xdbff) return code;
  return text.codePointAt(at)!;
}

/** Class bits of the code point at `at` (0 past the end). */
export function classAt(text: string, at: number): number {
  const codePoint = codePointAt(text, at);
  return codePoint < 0 ? 0 : classOf(codePoint);
}

/** Code units of a code point. */
export function width(codePoint: number): number {
  return codePoint > 0xffff ? 2 : 1;
}

/** Classes of ASCII characters, for the scanners' fast paths. */
export const ASCII_CLASSES = BMP_CLASSES.slice(0, 128).map((cls) => cls & ~KNOWN);

/** End of the run of code points from `at` whose class has a bit of `classes`. */
export function runEnd(text: string, at: number, classes: number): number {
  const length = text.length;
  while (at < length) {
    const code = text.charCodeAt(at);
    if (code < 128) {
      if ((ASCII_CLASSES[code] & classes) === 0) return at;
      at++;
      continue;
    }
    const codePoint = codePointAt(text, at);
    if ((classOf(codePoint) & classes) === 0) return at;
    at += width(codePoint);
  }
  return at;
}
