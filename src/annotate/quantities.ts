/**
 * Quantities: numbers (digits, number words, vague plurals like "thousands of") with their approximation
 * ("over", "nearly"), range ("between 10 and 12"), currency ("$3 billion" -> 3e9 USD) and counted noun
 * ("10,000 North Korean troops" -> unit "troops"). Parts of dates and times are never quantities: numbers
 * inside time expressions, year-like numbers, clock times and numbers beside month names are skipped.
 * All patterns are compiled once; the text is scanned once for number cores and each core looks at a
 * few characters either side.
 */

import type { AnnotateContext, Quantity, TimeExpression } from '../model.ts';
import {
  APPROX_PHRASES,
  CURRENCY_SYMBOLS,
  CURRENCY_WORDS,
  DURATION_UNITS,
  MAX_UNIT_MODIFIERS,
  NON_UNIT_WORDS,
  NUMBER_WORDS,
  SCALE_WORDS,
  UNIT_MODIFIERS,
  VAGUE_PLURALS,
  YEAR_LIKE_MAX,
  YEAR_LIKE_MIN,
} from './constants.ts';
import type { AnalyzedText } from './text.ts';

/** The quantity tagger's entry point: `times` are the spans it must not touch. */
export type QuantityTagger = (doc: AnalyzedText, context: AnnotateContext, times: TimeExpression[]) => Quantity[];

type Approx = NonNullable<Quantity['approx']>;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const byLength = (a: string, b: string) => b.length - a.length;

const SINGLE_NUMBER_WORDS = [...NUMBER_WORDS.keys()].sort(byLength).map(escape).join('|');
const DIGITS = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const WORD_NUMBER = `(?:${SINGLE_NUMBER_WORDS})(?:-(?:${SINGLE_NUMBER_WORDS}))?`;
const VAGUE = [...VAGUE_PLURALS.keys()].sort(byLength).map(escape).join('|');
const LONG_SCALES = 'hundred|thousand|million|billion|trillion';
const SHORT_SCALES = 'bn|mn|mln|tn|trn|k|m|b';
const CURRENCY = [...CURRENCY_SYMBOLS.keys()].sort(byLength).map(escape).join('|');

/** A number core: vague plural, digits (with a glued short scale) or number words. */
const CORE_PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}_.,:/-])(?:(${VAGUE})|(${DIGITS})(${SHORT_SCALES})?|(${WORD_NUMBER}))(?![\\p{L}\\p{N}])`,
  'giu',
);
const LONG_SCALE_AFTER = new RegExp(`^\\s(${LONG_SCALES})s?\\b`, 'i');
const PERCENT_AFTER = /^\s?(%|percent\b|per cent\b|percentage points?\b)/i;
const RANGE_AFTER = new RegExp(
  `^\\s?(-|–|to|and)\\s?(?:${CURRENCY})?\\s?(${DIGITS}|${WORD_NUMBER})(?:\\s(${LONG_SCALES})\\b|(${SHORT_SCALES})\\b)?`,
  'i',
);
const CURRENCY_BEFORE = new RegExp(`(${CURRENCY})\\s?$`);
const APPROX_BEFORE = new RegExp(`\\b(${[...APPROX_PHRASES.keys()].sort(byLength).map(escape).join('|')})\\s+$`, 'i');
const RANGE_START_BEFORE = /\b(between|from)\s+$/i;
const OF_AFTER = /^\s+of\b/;
const WORD_AFTER = /^\s+([\p{L}][\p{L}'’-]*)/u;
const CLOCK_AROUND_BEFORE = /\d[:.]$/;
const CLOCK_AFTER = /^(?::\d|\s?(?:a\.?m\.?|p\.?m\.?)(?![\p{L}]))/iu;
const MONTH_BEFORE = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+$/;
const MONTH_AFTER = /^\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b/;
const CAPITALISED = /^\p{Lu}/u;
const TIME_UNIT_WORDS = new Set([...DURATION_UNITS.keys()].flatMap((u) => [u, `${u}s`]).concat(['centuries', 'decades']));

/** Value of a number as written: digits, or number words ("twenty-five", "a dozen"). */
function parseNumber(written: string): number | null {
  const lower = written.toLowerCase();
  if (/^\d/.test(lower)) return Number(lower.replace(/,/g, ''));
  const direct = NUMBER_WORDS.get(lower);
  if (direct !== undefined) return direct;
  const parts = lower.split('-');
  if (parts.length === 2) {
    const a = NUMBER_WORDS.get(parts[0]!);
    const b = NUMBER_WORDS.get(parts[1]!);
    if (a !== undefined && b !== undefined) return a + b;
  }
  return null;
}

function scaleOf(word: string | undefined): number {
  if (!word) return 1;
  return SCALE_WORDS.get(word.toLowerCase().replace(/s$/, '')) ?? SCALE_WORDS.get(word.toLowerCase()) ?? 1;
}

/** Tags the quantities of a document, sorted by start offset. */
export const tagQuantities: QuantityTagger = (doc, _context, times) => {
  const { text } = doc;
  const timeSpans = [...times].sort((a, b) => a.start - b.start);
  const insideTime = (start: number, end: number) => {
    // Binary search for the last time span starting before `end`.
    let lo = 0;
    let hi = timeSpans.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (timeSpans[mid]!.start < end) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    for (let k = found; k >= 0 && k > found - 3; k--) if (timeSpans[k]!.end > start) return true;
    return false;
  };

  const quantities: Quantity[] = [];
  let skipUntil = 0;
  CORE_PATTERN.lastIndex = 0;
  for (let m = CORE_PATTERN.exec(text); m; m = CORE_PATTERN.exec(text)) {
    const coreStart = m.index;
    let end = coreStart + m[0].length;
    if (coreStart < skipUntil || insideTime(coreStart, end)) continue;
    const before = text.slice(Math.max(0, coreStart - 30), coreStart);
    const vague = m[1];
    const digits = m[2];
    const shortScale = m[3];
    const words = m[4];
    if (digits && (CLOCK_AROUND_BEFORE.test(before) || CLOCK_AFTER.test(text.slice(end, end + 6)))) continue;
    if (digits && (MONTH_BEFORE.test(before) || MONTH_AFTER.test(text.slice(end, end + 12)))) continue;

    let start = coreStart;
    let rule = vague ? 'quantities.vague-plural' : digits ? 'quantities.number' : 'quantities.word-number';
    let unit: string | null = null;
    let value: number | null = vague ? null : parseNumber(digits ?? words!);
    let low: number | undefined;
    let high: number | undefined;
    let approx: Approx | undefined;

    // Left context: currency symbol, then an approximation or range opener before it.
    let left = before;
    const currency = CURRENCY_BEFORE.exec(left);
    if (currency) {
      unit = CURRENCY_SYMBOLS.get(currency[1]!)!;
      start -= currency[0].length;
      left = left.slice(0, left.length - currency[0].length);
    }
    const approxMatch = APPROX_BEFORE.exec(left);
    const rangeOpener = approxMatch ? null : RANGE_START_BEFORE.exec(left);
    if (approxMatch) {
      approx = APPROX_PHRASES.get(approxMatch[1]!.toLowerCase());
      start -= approxMatch[0].length;
    }

    // Right context: scale word, percent, range.
    let scale = 1;
    if (shortScale) {
      if (unit) scale = scaleOf(shortScale);
      else unit = shortScale.toLowerCase();
    }
    const longScale = LONG_SCALE_AFTER.exec(text.slice(end, end + 12));
    if (longScale && !vague) {
      scale = scaleOf(longScale[1]);
      end += longScale[0].length;
    }
    const range = value !== null ? RANGE_AFTER.exec(text.slice(end, end + 40)) : null;
    let isRange = false;
    if (range && (range[1]!.toLowerCase() !== 'and' || rangeOpener) && !insideTime(end, end + range[0].length)) {
      const second = parseNumber(range[2]!);
      if (second !== null) {
        const secondScale = range[3] ? scaleOf(range[3]) : range[4] && unit ? scaleOf(range[4]) : scale;
        // "3 to 5 billion": the first number borrows the scale of the second.
        if (scale === 1 && secondScale !== 1) scale = secondScale;
        low = value! * scale;
        high = second * secondScale;
        isRange = low < high;
        if (isRange) {
          end += range[0].length;
          if (rangeOpener) start -= rangeOpener[0].length;
          rule = 'quantities.range';
        }
      }
    }
    if (!isRange) {
      low = undefined;
      high = undefined;
    }
    if (value !== null) value *= scale;
    const percent = PERCENT_AFTER.exec(text.slice(end, end + 24));
    if (percent) {
      unit = 'percent';
      end += percent[0].length;
    }

    // The counted noun: skip "of" after vague plurals and scales, then up to a few modifiers.
    if (!unit) {
      let cursor = end;
      const of = OF_AFTER.exec(text.slice(cursor, cursor + 6));
      if (of && (vague || longScale)) cursor += of[0].length;
      for (let skipped = 0; skipped <= MAX_UNIT_MODIFIERS; skipped++) {
        const word = WORD_AFTER.exec(text.slice(cursor, cursor + 40));
        if (!word) break;
        const lower = word[1]!.toLowerCase();
        const currencyWord = CURRENCY_WORDS.get(lower);
        if (currencyWord) {
          unit = currencyWord;
          end = cursor + word[0].length;
          break;
        }
        if (NON_UNIT_WORDS.has(lower)) break;
        if (CAPITALISED.test(word[1]!) || UNIT_MODIFIERS.has(lower)) {
          cursor += word[0].length;
          continue;
        }
        if (TIME_UNIT_WORDS.has(lower)) {
          unit = 'time';
          break;
        }
        if (!unit) unit = lower;
        end = cursor + word[0].length;
        break;
      }
    }
    if (unit === 'time') continue; // a duration: the time tagger's business
    // Number words only count with a counted noun or an approximation ("one of the" is not a quantity).
    if (words && !unit && !approx) continue;
    // Year-like numbers are years unless money, a percentage or an approximation says otherwise.
    if (digits && !shortScale && !longScale && !approx && /^\d{4}$/.test(digits)) {
      const n = Number(digits);
      if (n >= YEAR_LIKE_MIN && n <= YEAR_LIKE_MAX && unit !== 'percent' && !currency) continue;
    }

    const quantity: Quantity = { text: text.slice(start, end), start, end, value: isRange ? null : value, unit, rule };
    if (vague) {
      quantity.low = VAGUE_PLURALS.get(vague.toLowerCase())!;
    } else if (isRange) {
      quantity.low = low!;
      quantity.high = high!;
    } else if (approx && value !== null) {
      if (approx === 'over' || approx === 'at_least') quantity.low = value;
      if (approx === 'under' || approx === 'at_most' || approx === 'up_to' || approx === 'nearly') quantity.high = value;
    }
    if (approx) quantity.approx = approx;
    quantities.push(quantity);
    skipUntil = end;
  }
  return quantities;
};
