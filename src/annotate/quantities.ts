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
  FRACTION_DENOMINATORS,
  NUMBER_WORDS,
  RATE_UNITS,
  SCALE_WORDS,
  UNIT_NAMES,
  UNIT_SYMBOLS,
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
/** Unicode vulgar fractions ("½ tbsp"). */
const VULGAR_FRACTIONS: ReadonlyMap<string, number> = new Map([
  ['½', 1 / 2], ['⅓', 1 / 3], ['⅔', 2 / 3], ['¼', 1 / 4], ['¾', 3 / 4], ['⅕', 1 / 5], ['⅛', 1 / 8],
]);
/** Digits: scientific notation, a mixed or plain fraction, thousands separators, decimals. */
const DIGITS = String.raw`\d+(?:\.\d+)?[eE][-+−]?\d+|\d+ \d+\/\d+|\d+\/\d+|[½⅓⅔¼¾⅕⅛]|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const ONE_WORD_NUMBER = `(?:${SINGLE_NUMBER_WORDS})(?:-(?:${SINGLE_NUMBER_WORDS}))?`;
const FRACTIONS = [...FRACTION_DENOMINATORS.keys()].sort(byLength).join('|');
/**
 * Number words, compounds included: "a hundred and two", "three million, two hundred & forty",
 * "two and a half", "two thirds", "one-half". parseWordNumber reads them; a sequence it cannot read
 * whole is cut where the reading stops.
 */
const WORD_NUMBER = `${ONE_WORD_NUMBER}(?:(?:,? |-| and | & |, )(?:${ONE_WORD_NUMBER}|hundred|thousand|million|billion|a half|${FRACTIONS})(?![\\p{L}]))*`;
const VAGUE = [...VAGUE_PLURALS.keys()].sort(byLength).map(escape).join('|');
const LONG_SCALES = 'hundred|thousand|million|billion|trillion';
const SHORT_SCALES = 'bn|mn|mln|tn|trn|k|m|b|t';
const CURRENCY = [...CURRENCY_SYMBOLS.keys()].sort(byLength).map(escape).join('|');

const unitAlternation = (list: ReadonlyArray<[string, string]>) => list.map(([surface]) => surface).sort(byLength).map(escape).join('|');
const SYMBOLS = unitAlternation(UNIT_SYMBOLS);
const UNIT_OF = new Map<string, string>([...UNIT_SYMBOLS, ...UNIT_NAMES.map(([n, u]): [string, string] => [n.toLowerCase(), u])]);
/**
 * A number core: vague plural, digits (with a minus sign, a glued short scale or a glued unit symbol:
 * "-15€", "$5bn", "10kg") or number words. The pattern is case-insensitive; a glued unit symbol is
 * checked for its exact case afterwards (mg is not Mg).
 */
const CORE_PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}_.,:/-])(?:(?<vague>${VAGUE})|(?<sign>[-−])?(?<digits>${DIGITS})(?:(?<scale>${SHORT_SCALES})(?![\\p{L}\\p{N}])|(?<glued>${SYMBOLS})(?![\\p{L}\\p{N}]))?|(?<words>${WORD_NUMBER}))(?![\\p{L}\\p{N}])`,
  'giu',
);
/** A unit symbol or name after the number ("4 km", "5 metre", "32 degrees Celsius"). */
const SYMBOL_AFTER = new RegExp(`^ ?(${SYMBOLS})(?![\\p{L}\\p{N}])`, 'u');
const NAME_AFTER = new RegExp(`^[ -](${unitAlternation(UNIT_NAMES)})(?![\\p{L}\\p{N}])`, 'iu');
/** "in" is inches only where it cannot be the preposition: before a dimension word or the clause end. */
const INCH_AFTER = /^ ?in(?=\.?\s*$|[.,;)]|\s+(?:thick|wide|long|tall|deep|high|gap|diameter)\b)/;
/** A money rate: "$15.4/hour", "$350 per kg". */
const RATE_AFTER = /^ ?(?:\/|per )([a-z]+)\b/;
/** A second number after a unit: "44 mg to 50 mg", "-18 °C to -34 °C". */
const UNIT_RANGE_AFTER = new RegExp(`^ ?(-|–|to|and) ?([-−]?(?:${DIGITS}))`);
const LONG_SCALE_AFTER = new RegExp(`^\\s(${LONG_SCALES})s?\\b`, 'i');
const PERCENT_AFTER = /^\s?(%|percent\b|per cent\b|percentage points?\b)/i;
const RANGE_AFTER = new RegExp(
  `^\\s?(-|–|to|and)\\s?(?:${CURRENCY})?\\s?([-−]?(?:${DIGITS})|${WORD_NUMBER})(?:\\s(${LONG_SCALES})\\b|(${SHORT_SCALES})\\b)?`,
  'i',
);
const CURRENCY_BEFORE = new RegExp(`(${CURRENCY})\\s?$`);
const APPROX_BEFORE = new RegExp(`\\b(${[...APPROX_PHRASES.keys()].sort(byLength).map(escape).join('|')})\\s+$`, 'i');
const RANGE_START_BEFORE = /\b(between|from)\s+$/i;
const OF_AFTER = /^\s+of\b/;
const WORD_AFTER = /^\s+([\p{L}][\p{L}'’-]*)/u;
const CLOCK_LIKE = /^\d{1,2}(?:[.:]\d{2})?$/;
const CLOCK_AROUND_BEFORE = /\d[:.]$/;
const CLOCK_AFTER = /^(?::\d|\s?(?:a\.?m\.?|p\.?m\.?)(?![\p{L}]))/iu;
const MONTH_BEFORE = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+$/;
const MONTH_AFTER = /^\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b/;
const CAPITALISED = /^\p{Lu}/u;
const TIME_UNIT_WORDS = new Set([...DURATION_UNITS.keys()].flatMap((u) => [u, `${u}s`]).concat(['centuries', 'decades']));

/** Value of a number as written: digits, or number words ("twenty-five", "a dozen"). */
function parseNumber(written: string): number | null {
  const lower = written.toLowerCase().replace('−', '-');
  const vulgar = VULGAR_FRACTIONS.get(lower);
  if (vulgar !== undefined) return vulgar;
  const fraction = /^(-?)(?:(\d+) )?(\d+)\/(\d+)$/.exec(lower);
  if (fraction) {
    const denominator = Number(fraction[4]);
    if (denominator === 0) return null;
    const magnitude = Number(fraction[2] ?? 0) + Number(fraction[3]) / denominator;
    return fraction[1] ? -magnitude : magnitude;
  }
  if (/^-?\d/.test(lower)) return Number(lower.replace(/,/g, ''));
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

/** A unit of measurement starting at `at` (after at most one space): its symbol and where it ends. */
function measurementUnitAt(text: string, at: number): { unit: string; end: number } | null {
  const after = text.slice(at, at + 40);
  const name = NAME_AFTER.exec(after);
  if (name) return { unit: UNIT_OF.get(name[1]!.toLowerCase())!, end: at + name[0].length };
  const symbol = SYMBOL_AFTER.exec(after);
  if (symbol) return { unit: UNIT_OF.get(symbol[1]!)!, end: at + symbol[0].length };
  const inch = INCH_AFTER.exec(after);
  if (inch) return { unit: 'in', end: at + inch[0].length };
  return null;
}

const SCALE_VALUES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9 };

/** The words, "&" and commas of a run of number words (never an empty match). */
const WORD_NUMBER_PARTS = /[\p{L}]+(?:-[\p{L}]+)*|&|,/gu;

/**
 * Reads a run of number words; returns the value and how many characters of `written` it used (a run
 * like "three soldiers and two" never gets here, but "two, three" stops after "two").
 */
function parseWordNumber(written: string): { value: number; length: number } | null {
  // An exec loop over one compiled pattern: matchAll clones its pattern on every call.
  const parts: RegExpExecArray[] = [];
  WORD_NUMBER_PARTS.lastIndex = 0;
  for (let m = WORD_NUMBER_PARTS.exec(written); m; m = WORD_NUMBER_PARTS.exec(written)) parts.push(m);
  let total = 0;
  let current = 0;
  let seen = false;
  let lastSmall = Infinity;
  let length = 0;
  for (let k = 0; k < parts.length; k++) {
    const word = parts[k]![0].toLowerCase();
    const at = parts[k]!.index!;
    if (word === 'and' || word === '&' || word === ',' || word === 'a') continue;
    const pieces = word.split('-');
    if (FRACTION_DENOMINATORS.has(pieces[pieces.length - 1]!) && seen && pieces.length === 1) {
      const previousWord = parts[k - 1]?.[0].toLowerCase();
      // "two and a half" adds a half; "two thirds" divides.
      if (previousWord === 'a') current += 1 / FRACTION_DENOMINATORS.get(word)!;
      else current /= FRACTION_DENOMINATORS.get(word)!;
      length = at + word.length;
      break;
    }
    if (pieces.length === 2 && FRACTION_DENOMINATORS.has(pieces[1]!) && NUMBER_WORDS.has(pieces[0]!)) {
      current += NUMBER_WORDS.get(pieces[0]!)! / FRACTION_DENOMINATORS.get(pieces[1]!)!;
      seen = true;
      length = at + word.length;
      break;
    }
    const scale = SCALE_VALUES[word];
    if (scale !== undefined) {
      if (!seen) current = 1;
      if (scale === 100) current *= 100;
      else {
        total += current * scale;
        current = 0;
      }
      seen = true;
      lastSmall = Infinity;
      length = at + word.length;
      continue;
    }
    const value = pieces.length === 2 ? (NUMBER_WORDS.get(pieces[0]!) ?? NaN) + (NUMBER_WORDS.get(pieces[1]!) ?? NaN) : NUMBER_WORDS.get(word);
    if (value === undefined || Number.isNaN(value)) break;
    // "two three" or "twenty thirty" do not add up: the run ends before the second number.
    if (seen && value >= lastSmall) break;
    current += value;
    lastSmall = value < 10 ? 1 : value;
    seen = true;
    length = at + word.length;
  }
  return seen ? { value: total + current, length } : null;
}

/** A unit name after "a"/"an"/"one" with no number: "a gallon of beer", "a penny". */
const ARTICLE_UNIT_PATTERN = /\b(?:an?|one)\s+(gallon|penny|mile|kilogram|kilometre|kilometer|litre|liter|metre|meter|inch|foot|cup|tablespoon|kibibyte|byte)\b/gi;

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
    const groups = m.groups!;
    const vague = groups.vague;
    const digits = groups.digits;
    const shortScale = groups.scale;
    const words = groups.words;
    const glued = groups.glued;
    if (glued && !UNIT_OF.has(glued)) continue;
    // A clock time ("2 pm", "2.30 am"); "2.123 pm" is a length in picometres.
    if (digits && (CLOCK_AROUND_BEFORE.test(before) || (CLOCK_LIKE.test(digits) && CLOCK_AFTER.test(text.slice(end, end + 6))))) continue;
    if (digits && (MONTH_BEFORE.test(before) || MONTH_AFTER.test(text.slice(end, end + 12)))) continue;

    let start = coreStart;
    let rule = vague ? 'quantities.vague-plural' : digits ? 'quantities.number' : 'quantities.word-number';
    let unit: string | null = null;
    let value: number | null = vague ? null : digits ? parseNumber(digits) : null;
    if (words) {
      const read = parseWordNumber(words);
      if (!read) continue;
      value = read.value;
      end = coreStart + read.length;
      CORE_PATTERN.lastIndex = end;
    }
    if (digits && value === null) continue;
    if (value !== null && groups.sign) value = -value;
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
      // Without money a glued "m" is metres ("a 5m wall"); the other short scales stay scales ("0.5k").
      if (!unit && shortScale === 'm') unit = 'm';
      else scale = scaleOf(shortScale);
    }
    if (glued) unit = UNIT_OF.get(glued)!;
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
    const percent = unit ? null : PERCENT_AFTER.exec(text.slice(end, end + 24));
    if (percent) {
      unit = 'percent';
      end += percent[0].length;
    }
    if (!unit) {
      const measured = measurementUnitAt(text, end);
      if (measured) {
        unit = measured.unit;
        end = measured.end;
        rule = 'quantities.unit';
        // "44 mg to 50 mg", "-18 °C to -34 °C": a range whose numbers both carry the unit.
        const second = isRange ? null : UNIT_RANGE_AFTER.exec(text.slice(end, end + 24));
        const secondValue = second ? parseNumber(second[2]!) : null;
        const secondUnit = second ? measurementUnitAt(text, end + second[0].length) : null;
        // "from 44 ml to 50 mg" is two quantities, not a range.
        const sameUnit = secondUnit === null || secondUnit.unit === unit;
        if (second && secondValue !== null && value !== null && sameUnit && (second[1] !== 'and' || rangeOpener)) {
          isRange = true;
          low = Math.min(value, secondValue);
          high = Math.max(value, secondValue);
          end = secondUnit?.end ?? end + second[0].length;
          if (rangeOpener) start -= rangeOpener[0].length;
          rule = 'quantities.unit-range';
        }
      }
    } else if (currency || glued === '€') {
      const rate = RATE_AFTER.exec(text.slice(end, end + 16));
      const per = rate ? RATE_UNITS.get(rate[1]!) : undefined;
      if (per) {
        unit = `${unit}/${per}`;
        end += rate![0].length;
      }
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
    // "one" alone is a pronoun ("one of the envoys"); other number words are counts even without a noun
    // ("two of the envoys", "a hundred and two").
    if (words && !unit && !approx && value === 1) continue;
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
  ARTICLE_UNIT_PATTERN.lastIndex = 0;
  for (let m = ARTICLE_UNIT_PATTERN.exec(text); m; m = ARTICLE_UNIT_PATTERN.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (insideTime(start, end) || quantities.some((q) => q.start < end && start < q.end)) continue;
    quantities.push({ text: m[0], start, end, value: 1, unit: UNIT_OF.get(m[1]!.toLowerCase()) ?? m[1]!.toLowerCase(), rule: 'quantities.article-unit' });
  }
  quantities.sort((a, b) => a.start - b.start);
  return quantities;
};
