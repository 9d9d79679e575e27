/**
 * The language of the main text (ISO 639-1): detected with eld's small n-gram database, or taken from what
 * the page declares (<html lang>, og:locale, content-language) when the text is too short for the detector,
 * when the detector is unsure, or when the text plainly reads as the declared language where the detector
would look (start and end of its sample), judged by each language's function words.
 *
 * Rules (provenance): the declaration's own rule (`html.lang`, `meta.og:locale`...) when it wins on a short
 * text or an unsure detector; DECLARED_AND_FUNCTION_WORDS_RULE when the function-word check confirms it
 * (eld is then not run: it costs about 0.5 ms a page, the check about 0.02 ms); `eld.small` when the
 * detector decides. The check only ever says "sure" or "not sure": when not sure, eld decides as before.
 *
 * eld stays a static import: a synchronous load on first use (require of the ES module, Node >= 20.19)
 * was measured at 0.75-0.97 s against 0.4 s for the import, so deferring it would cost every extraction
 * run more than it saves the commands that never detect a language.
 */
import { eld } from 'eld/small';
import { LANGUAGE_MIN_CHARS, LANGUAGE_SAMPLE_CHARS } from './constants.ts';
import { countNonSpaceUpTo } from './dom.ts';
import { LANGUAGE_TRUST_DETECTOR_CHARS } from './meta-constants.ts';
import {
  CHEAP_CHECK_DOMINANCE, CHEAP_CHECK_LANGUAGES, CHEAP_CHECK_MIN_SHARE, CHEAP_CHECK_MIN_WORDS, CHEAP_CHECK_TAIL_CHARS,
  CHEAP_CHECK_TAIL_FROM_CHARS, CHEAP_CHECK_WORDS, FUNCTION_WORDS,
} from './language-constants.ts';

/** Provenance of a declared language the function-word check confirmed without the detector. */
export const DECLARED_AND_FUNCTION_WORDS_RULE = 'declared+function-words';

export interface LanguageChoice {
  value: string;
  rule: string;
}

/** A declared language tag reduced to ISO 639-1 (`en-US`, `en_GB` -> `en`); null when it is not one. */
export function languageFromTag(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const m = /^\s*([a-z]{2})(?:[-_][a-z0-9]+)*\s*$/i.exec(tag);
  return m ? m[1].toLowerCase() : null;
}

/** Detects the language of a text; null when the text is too short or the detector is unsure. */
export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, LANGUAGE_SAMPLE_CHARS);
  if (countNonSpaceUpTo(sample, LANGUAGE_MIN_CHARS) < LANGUAGE_MIN_CHARS) return null;
  const result = eld.detect(sample);
  if (!result.language || !result.isReliable()) return null;
  return result.language;
}

/** The languages that have a function-word list, in a fixed order: bit i of a word's mask is language i. */
const LISTED_LANGUAGES = Object.keys(FUNCTION_WORDS);

/** Function word -> mask of the lists holding it (`de` is in the French, Spanish, Portuguese... lists). */
const FUNCTION_WORD_MASK: ReadonlyMap<string, number> = (() => {
  const masks = new Map<string, number>();
  LISTED_LANGUAGES.forEach((language, index) => {
    for (const word of FUNCTION_WORDS[language]) masks.set(word, (masks.get(word) ?? 0) | (1 << index));
  });
  return masks;
})();

/** The longest listed word: a longer run of letters is counted as a word but not looked up. */
const LONGEST_FUNCTION_WORD = Math.max(...[...FUNCTION_WORD_MASK.keys()].map((word) => word.length));

/**
 * Whether a UTF-16 code unit belongs to a word: ASCII letters, and above ASCII everything but the
 * Latin-1 signs, general punctuation and symbols (U+2000-U+2BFF: curly quotes, dashes, the typographic
 * apostrophe), CJK punctuation and surrogates (emoji). Looser than \p{L} (marks and foreign digits pass)
 * but exact on the Latin-script words the lists hold, and it scans without a regular expression.
 */
function isWordUnit(code: number): boolean {
  if (code < 0x80) return (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;
  if (code < 0xc0) return false;
  if (code === 0xd7 || code === 0xf7) return false;
  if (code >= 0x2000 && code <= 0x2bff) return false;
  if (code >= 0x3000 && code <= 0x303f) return false;
  return code < 0xd800 || code > 0xdfff;
}

/**
 * True when CHEAP_CHECK_WORDS words read from `from` plainly read as the language of bit `target`:
 * enough words; a share of them in its list; and against every other listed language, far more words
 * only in its list than words only in the other's (so Spanish is told from Portuguese by the words they
 * do not share, and English from German by all of them).
 */
function windowReadsAs(text: string, from: number, target: number): boolean {
  const targetBit = 1 << target;
  const onlyTarget = new Array<number>(LISTED_LANGUAGES.length).fill(0);
  const onlyOther = new Array<number>(LISTED_LANGUAGES.length).fill(0);
  let words = 0;
  let inTarget = 0;
  let position = from;
  while (words < CHEAP_CHECK_WORDS) {
    while (position < text.length && !isWordUnit(text.charCodeAt(position))) position++;
    if (position >= text.length) break;
    const start = position;
    while (position < text.length && isWordUnit(text.charCodeAt(position))) position++;
    words++;
    if (position - start > LONGEST_FUNCTION_WORD) continue;
    const mask = FUNCTION_WORD_MASK.get(text.slice(start, position).toLowerCase()) ?? 0;
    if (mask === 0) continue;
    const mine = (mask & targetBit) !== 0;
    if (mine) inTarget++;
    for (let i = 0; i < LISTED_LANGUAGES.length; i++) {
      const theirs = (mask & (1 << i)) !== 0;
      if (mine && !theirs) onlyTarget[i]++;
      else if (theirs && !mine) onlyOther[i]++;
    }
  }
  if (words < CHEAP_CHECK_MIN_WORDS || inTarget < CHEAP_CHECK_MIN_SHARE * words) return false;
  for (let i = 0; i < LISTED_LANGUAGES.length; i++) {
    if (i !== target && onlyTarget[i] < CHEAP_CHECK_DOMINANCE * (onlyOther[i] + 1)) return false;
  }
  return true;
}

/**
 * True when the text plainly reads as `language` where the detector would look: at the start of its
 * sample and, on a longer sample, at the sample's end too (a page that opens in one language and goes on
 * in another is left to the detector). False (not sure) otherwise, also for a language without a list.
 */
export function readsAsDeclared(text: string, language: string): boolean {
  if (!CHEAP_CHECK_LANGUAGES.has(language)) return false;
  const target = LISTED_LANGUAGES.indexOf(language);
  if (target < 0 || !windowReadsAs(text, 0, target)) return false;
  const sampleEnd = Math.min(text.length, LANGUAGE_SAMPLE_CHARS);
  return sampleEnd < CHEAP_CHECK_TAIL_FROM_CHARS || windowReadsAs(text, sampleEnd - CHEAP_CHECK_TAIL_CHARS, target);
}

/**
 * The text's language: on texts shorter than LANGUAGE_TRUST_DETECTOR_CHARS the page's declared language
 * when it has one (a short text fools the n-grams more often than a page's own tag is wrong); on longer
 * ones the declared language when the text plainly reads as it (`readsAsDeclared`), else the detector's
 * answer when it is sure, else the declared language, else null.
 */
export function chooseLanguage(text: string, declared: LanguageChoice | null): LanguageChoice | null {
  const declaredCode = declared ? languageFromTag(declared.value) : null;
  // Counted only up to the threshold: the whole text is not copied to learn that it is long.
  const letters = countNonSpaceUpTo(text, LANGUAGE_TRUST_DETECTOR_CHARS);
  if (declaredCode && declared && letters < LANGUAGE_TRUST_DETECTOR_CHARS) return { value: declaredCode, rule: declared.rule };
  if (declaredCode && readsAsDeclared(text, declaredCode)) return { value: declaredCode, rule: DECLARED_AND_FUNCTION_WORDS_RULE };
  const detected = detectLanguage(text);
  if (detected) return { value: detected, rule: 'eld.small' };
  return declaredCode && declared ? { value: declaredCode, rule: declared.rule } : null;
}
