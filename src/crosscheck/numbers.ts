/**
 * Numbers of a fact unit as intervals of possible values, so that "over 10,000" and "more than 10,000"
 * agree and "37 people" and "52 people" do not. Annotated quantities are used when the sentence has any;
 * otherwise numbers are read from the sentence with a small pattern (rule `crosscheck.numbers.pattern`).
 */
import type { Quantity, Span, TimeExpression } from '../model.ts';
import { ABOUT_TOLERANCE, APPROXIMATION_PHRASES, NEARLY_TOLERANCE, YEAR_RANGE } from './constants.ts';
import { concept, firstConcept, foldCase } from './text.ts';

type Approx = NonNullable<Quantity['approx']>;

export interface NumberFact {
  text: string;
  start: number;
  end: number;
  low: number;
  high: number;
  /** What is counted: the quantity's unit, or the first content word after the number ("people"). */
  unit: string;
  /** Where `unit` was read: the annotator's unit, or the word after the number (a guess). */
  unitFrom: 'annotation' | 'next-word';
  rule: string;
}

const MULTIPLIERS: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const NUMBER = /(?<![\p{L}\p{N}.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?![\p{L}\p{N}]|[.,]\d)/gu;

/** The interval of values a stated quantity allows. */
export function interval(value: number, approx?: Approx | null, low?: number, high?: number): [number, number] {
  if (low !== undefined && high !== undefined) return [Math.min(low, high), Math.max(low, high)];
  // A bound alone ("thousands of troops": low 1,000) leaves the other side open.
  if (low !== undefined && approx == null) return [low, Infinity];
  if (high !== undefined && approx == null) return [-Infinity, high];
  switch (approx) {
    case 'over':
    case 'at_least':
      return [value, Infinity];
    case 'under':
    case 'at_most':
    case 'up_to':
      return [-Infinity, value];
    case 'about':
      return [value * (1 - ABOUT_TOLERANCE), value * (1 + ABOUT_TOLERANCE)];
    case 'nearly':
      return [value * (1 - NEARLY_TOLERANCE), value];
    default:
      return [value, value];
  }
}

export function overlaps(a: NumberFact, b: NumberFact): boolean {
  return a.low <= b.high && b.low <= a.high;
}

function isYear(value: number, text: string): boolean {
  return Number.isInteger(value) && value >= YEAR_RANGE[0] && value <= YEAR_RANGE[1] && /^\d{4}$/.test(text.trim());
}

function insideAny(start: number, end: number, spans: readonly Span[]): boolean {
  return spans.some((s) => start < s.end && s.start < end);
}

/** The counted noun after a number, normalised as a concept; `_` when none. */
function unitAfter(articleText: string, end: number, sentence: Span): string {
  return firstConcept(articleText.slice(end, sentence.end)) ?? '_';
}

/** Reads the approximation phrase just before `start` ("more than 10,000"). */
function approxBefore(articleText: string, sentence: Span, start: number): Approx | undefined {
  const before = foldCase(articleText.slice(sentence.start, start)).replace(/\s+/g, ' ').trimEnd();
  for (const [phrase, approx] of APPROXIMATION_PHRASES) {
    if (before === phrase || before.endsWith(` ${phrase}`)) return approx;
  }
  return undefined;
}

/**
 * Numbers of one sentence. `quantities` and `times` are the article's annotations (validated offsets);
 * numbers inside time expressions and bare years are dates, not counts, and are left out.
 */
export function sentenceNumbers(articleText: string, sentence: Span, quantities: readonly Quantity[], times: readonly TimeExpression[]): NumberFact[] {
  const inSentence = quantities.filter((q) => q.start >= sentence.start && q.end <= sentence.end);
  const out: NumberFact[] = [];
  if (inSentence.length > 0) {
    for (const q of inSentence) {
      if (insideAny(q.start, q.end, times)) continue;
      const value = q.value ?? q.low ?? q.high;
      if (value === undefined || value === null || isYear(value, q.text)) continue;
      // A vague count ("thousands") states only its bound: it is no exact value.
      const [low, high] = q.value === null ? interval(value, null, q.low, q.high) : interval(value, q.approx ?? approxBefore(articleText, sentence, q.start), q.low, q.high);
      const unit = q.unit ? (firstConcept(q.unit) ?? concept(foldCase(q.unit))) : unitAfter(articleText, q.end, sentence);
      out.push({ text: q.text, start: q.start, end: q.end, low, high, unit, unitFrom: q.unit ? 'annotation' : 'next-word', rule: `crosscheck.numbers.annotation:${q.rule}` });
    }
    return out;
  }
  const text = articleText.slice(sentence.start, sentence.end);
  for (const match of text.matchAll(NUMBER)) {
    const start = sentence.start + (match.index ?? 0);
    let end = start + match[0].length;
    let value = Number(match[0].replace(/,/g, ''));
    if (!Number.isFinite(value) || isYear(value, match[0]) || insideAny(start, end, times)) continue;
    // "1.2 million": the multiplier belongs to the number.
    const after = /^\s+(thousand|million|billion|trillion)\b/i.exec(articleText.slice(end, sentence.end));
    if (after) {
      value *= MULTIPLIERS[after[1].toLowerCase()];
      end += after[0].length;
    }
    const [low, high] = interval(value, approxBefore(articleText, sentence, start));
    out.push({ text: articleText.slice(start, end), start, end, low, high, unit: unitAfter(articleText, end, sentence), unitFrom: 'next-word', rule: 'crosscheck.numbers.pattern' });
  }
  return out;
}
