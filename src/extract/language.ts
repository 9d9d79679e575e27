/**
 * The language of the main text (ISO 639-1): detected with eld's small n-gram database, or taken from what
 * the page declares (<html lang>, og:locale, content-language) when the text is too short for the detector
 * or the detector is unsure.
 *
 * eld stays a static import: a synchronous load on first use (require of the ES module, Node >= 20.19)
 * was measured at 0.75-0.97 s against 0.4 s for the import, so deferring it would cost every extraction
 * run more than it saves the commands that never detect a language.
 */
import { eld } from 'eld/small';
import { LANGUAGE_MIN_CHARS, LANGUAGE_SAMPLE_CHARS } from './constants.ts';
import { countNonSpaceUpTo } from './dom.ts';
import { LANGUAGE_TRUST_DETECTOR_CHARS } from './meta-constants.ts';

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

/**
 * The text's language: the detector's on texts of LANGUAGE_TRUST_DETECTOR_CHARS or more; on shorter texts
 * the page's declared language when it has one (a short text fools the n-grams more often than a page's
 * own tag is wrong), else the detector's guess.
 */
export function chooseLanguage(text: string, declared: LanguageChoice | null): LanguageChoice | null {
  const declaredCode = declared ? languageFromTag(declared.value) : null;
  // Counted only up to the threshold: the whole text is not copied to learn that it is long.
  const letters = countNonSpaceUpTo(text, LANGUAGE_TRUST_DETECTOR_CHARS);
  if (declaredCode && declared && letters < LANGUAGE_TRUST_DETECTOR_CHARS) return { value: declaredCode, rule: declared.rule };
  const detected = detectLanguage(text);
  if (detected) return { value: detected, rule: 'eld.small' };
  return declaredCode && declared ? { value: declaredCode, rule: declared.rule } : null;
}
