/** The language of the main text (ISO 639-1), detected with eld's small n-gram database. */
import { eld } from 'eld/small';
import { LANGUAGE_MIN_CHARS, LANGUAGE_SAMPLE_CHARS } from './constants.ts';

/** A declared language tag reduced to ISO 639-1 (`en-US`, `en_GB` -> `en`); null when it is not one. */
export function languageFromTag(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const m = /^\s*([a-z]{2})(?:[-_][a-z0-9]+)*\s*$/i.exec(tag);
  return m ? m[1].toLowerCase() : null;
}

/** Detects the language of a text; null when the text is too short or the detector is unsure. */
export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, LANGUAGE_SAMPLE_CHARS);
  if (sample.replace(/\s+/g, '').length < LANGUAGE_MIN_CHARS) return null;
  const result = eld.detect(sample);
  if (!result.language || !result.isReliable()) return null;
  return result.language;
}
