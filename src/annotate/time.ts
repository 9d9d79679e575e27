/**
 * Time expressions with TIMEX3 types and values. chrono-node finds calendar dates and clock times; our own
 * detectors (compiled once) find what chrono does not read the way news needs: vague references
 * ("in recent weeks" -> PAST_REF), durations ("an almost three-year war" -> P3Y), relative weeks/months
 * ("last week" -> ISO week), bare years ("in 2023"). Values are resolved against the reference date with
 * a preference for the past, unless a future cue ("will", "would", "next", "inauguration") is near.
 * Without a reference date relative values stay unresolved TimeML-style ("XXXX-05").
 *
 * Overlaps are settled by priority (our detectors, then chrono's dates, then bare years), longer first.
 */

import * as chrono from 'chrono-node';
import type { AnnotateContext, TimeExpression, TimeType } from '../model.ts';
import {
  DURATION_UNITS,
  FUTURE_CLOSER_FACTOR,
  PAST_TENSE_CLOSER_FACTOR,
  FUTURE_CUE_PATTERN,
  ORDINALS,
  PAST_CUE_PATTERN,
  SEASONS,
  SET_WORDS,
  FUTURE_CUE_WINDOW_AFTER,
  FUTURE_CUE_WINDOW_BEFORE,
  NUMBER_WORDS,
  VAGUE_TIMES,
} from './constants.ts';
import type { AnalyzedText } from './text.ts';

/** The time tagger's entry point; a learned tagger replaces it with the same signature. */
export type TimeTagger = (doc: AnalyzedText, context: AnnotateContext) => TimeExpression[];

interface CalendarDay {
  year: number;
  month: number; // 1-12
  day: number;
}

interface Candidate extends TimeExpression {
  priority: number;
}

const PRIORITY_OWN = 3;
const PRIORITY_CHRONO = 2;
const PRIORITY_YEAR = 1;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const VAGUE_PATTERN = new RegExp(
  `\\b(?:${[...VAGUE_TIMES].sort((a, b) => b[0].length - a[0].length).map(([p]) => escape(p)).join('|')})\\b(?!-)`,
  'gi',
);
const VAGUE_VALUES = new Map(VAGUE_TIMES.map(([phrase, value]) => [phrase, value]));
const NUMBER_WORD_ALTERNATION = [...NUMBER_WORDS.keys()].filter((w) => !w.includes(' ')).join('|');
const UNIT_ALTERNATION = 'years?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?|seconds?|decades?|century|centuries';
const RELATIVE_PATTERN = new RegExp(
  `\\b(?:(?:earlier|later)\\s+)?(?:the\\s+)?(last|this|next|past|previous|coming|current)\\s+(?:fiscal\\s+)?(week|month|year|weekend)\\b|\\b(yesterday|today|tomorrow|tonight|last night)\\b|\\b(\\d+|a|an|${NUMBER_WORD_ALTERNATION})\\s+(${UNIT_ALTERNATION})\\s+ago\\b`,
  'gi',
);
const DURATION_PATTERN = new RegExp(
  `\\b(?:(?:the\\s+)?(?:past|last|next|coming|previous|first|following)\\s+)?(?:(almost|nearly|about|around|roughly|more than|over|some|at least|up to)\\s+)?(\\d+(?:\\.\\d+)?|a|an|one|several|a few|few|a couple of|couple of|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-)?(?:${NUMBER_WORD_ALTERNATION}))([\\s-])(${UNIT_ALTERNATION})(?:-long)?\\b(?!-old|\\s+(?:ago|from now)|\\s+old\\b)`,
  'gi',
);
/** "a"/"an"/"one" count as durations only in a hyphenated compound or after these words. */
const ARTICLE_DURATION_CONTEXT = /\b(?:for|within|over|after|in|past|last|first|than|nearly|almost|about)\s+$/i;
/** A year standing alone: not part of a bigger number, an amount or a code. */
const YEAR_PATTERN = /(?<![\p{L}\p{N}$€£¥.,:/#-])((?:19|20)\d{2})(?![\p{L}\p{N}%]|[-–]\d|,\d|\.\d)/gu;
/** A plural noun right after a year-like number makes it a count ("2000 troops"). */
const COUNTED_NOUN_AFTER = /^\s+(?!years\b|elections\b|levels\b|figures\b|results\b|rates\b|prices\b|sales\b|earnings\b)\p{Ll}{3,}s\b/u;
/** Decades: "the 1990s", "the late 1970s", "the '80s". */
const DECADE_PATTERN = /\b(?:(?:the\s+)?(?:early|mid|late)[\s-]+)?((?:19|20)\d)0s\b/gi;
/** Quarters and halves of a year: "the third quarter", "third-quarter", "the first half of 1990". */
const QUARTER_PATTERN =
  /\b(?:the\s+)?(?:(latest|last|previous|current|same|this|next|year-earlier|year-ago)\s+)?(?:fiscal\s+)?(?:((?:19|20)\d\d)\s+)?(?:(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+)?(?:fiscal\s+)?(quarter|half)\b(?:\s+of\s+((?:19|20)\d\d))?/gi;
/** Frequencies: "daily", "every week", "each Monday". */
const SET_PATTERN = new RegExp(
  `\\b(?:(${[...SET_WORDS.keys()].join('|')})|(?:every|each)\\s+(day|week|month|year|morning|evening|night|monday|tuesday|wednesday|thursday|friday|saturday|sunday))\\b`,
  'gi',
);
/** A day of the month by its ordinal: "on the 21st", "by the 5th". */
const ORDINAL_DAY_PATTERN = /\b(?:on|by|until|since|from|for) the (\d{1,2})(st|nd|rd|th)\b(?! (?:century|minute|round|day|time|floor|anniversary|of [a-z]))/gi;
/** "the weekend", "over the weekend" (with last/this/next the relative pattern reads it). */
const WEEKEND_PATTERN = /\b(?:the|this past)\s+weekend\b/gi;
/** Seasons with a modifier: "last fall", "this summer", "next spring". */
const SEASON_PATTERN = /\b(last|this|next|early|late|the)\s+(spring|summer|fall|autumn|winter)\b/gi;
const LEADING_PREPOSITION = /^(?:on|at|in|by|since|from|until|of|the|during)\s+/i;
const MONTH_WORD = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
const LOWER_START = /^\p{Ll}/u;
const CLAUSE_BREAK = /[,;:(]/g;
const LAST_WORD = /\b(last|next|this|past|previous)\s+$/i;
/**
 * Chrono results that are not dates: fractions read as month/day ("7/8", "3/16": both parts could be a
 * month, or the second is a power of two as in stock quotes), unit words ("the year", "the weeks").
 */
const UNRELIABLE_CHRONO = /^(?:(?:[1-9]|1[0-2])\/(?:[1-9]|1[0-2]|16|32|64)|(?:the\s+)?(?:day|week|month|year)s?)$/i;
/** A clock time needs a colon, am/pm, o'clock or a part of day; "125 a" in a price table is not one. */
const CLOCK_EVIDENCE = /\d[:h]\d|\d\s*[ap]\.?\s?m\b|o'clock|noon|midnight|morning|afternoon|evening|night|tonight/i;
/** "2.1 pm", "2.123 am": a decimal before am/pm is a measurement (picometres), not a clock time. */
const DECIMAL_NOT_CLOCK = /^\d+\.(?:\d|\d{3,})\s*[ap]\.?m\b/i;
const WEEKDAY_ABBREVIATION = /^(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)$/;
const FIRST_WORD_MODIFIER = /^(last|next|this|past|previous)\s/i;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function parseReference(value: string | null): CalendarDay | null {
  if (!value) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return null;
  const day = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return day.month >= 1 && day.month <= 12 && day.day >= 1 && day.day <= 31 ? day : null;
}

function toUtc(day: CalendarDay): number {
  return Date.UTC(day.year, day.month - 1, day.day);
}

function fromUtc(ms: number): CalendarDay {
  const date = new Date(ms);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function addDays(day: CalendarDay, days: number): CalendarDay {
  return fromUtc(toUtc(day) + days * 86_400_000);
}

function formatDay(day: CalendarDay): string {
  return `${pad(day.year, 4)}-${pad(day.month)}-${pad(day.day)}`;
}

/** ISO 8601 week of a day: `2024-W47`. */
export function isoWeek(day: CalendarDay): string {
  const date = new Date(toUtc(day));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday); // Thursday of the same ISO week
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${date.getUTCFullYear()}-W${pad(week)}`;
}

function weekdayOf(day: CalendarDay): number {
  return new Date(toUtc(day)).getUTCDay();
}

function numberValue(word: string): number | null {
  const lower = word.toLowerCase();
  if (/^\d/.test(lower)) return Number(lower);
  if (lower === 'a' || lower === 'an') return 1;
  if (lower.includes('couple')) return 2;
  const [tens, ones] = lower.split('-');
  if (ones !== undefined) return (NUMBER_WORDS.get(tens!) ?? NaN) + (NUMBER_WORDS.get(ones) ?? NaN) || null;
  return NUMBER_WORDS.get(lower) ?? null;
}

function unitKey(unit: string): string {
  const lower = unit.toLowerCase();
  if (lower.startsWith('centur')) return 'century';
  if (lower === 'hr' || lower === 'hrs') return 'hour';
  if (lower === 'min' || lower === 'mins') return 'minute';
  return lower.replace(/s$/, '');
}

function durationValue(amount: number | null, unit: string): string {
  const key = unitKey(unit);
  let { designator, time } = DURATION_UNITS.get(key)!;
  let count: number | null = amount;
  // TIMEX3's DE/CE designators are rare in consumers; decades and centuries are written in years.
  if (designator === 'DE' || designator === 'CE') {
    count = count === null ? null : count * (designator === 'DE' ? 10 : 100);
    designator = 'Y';
  }
  return `P${time ? 'T' : ''}${count === null ? 'X' : String(count)}${designator}`;
}

/** Sentence span around an offset (binary search over the document's sentences). */
function sentenceAround(doc: AnalyzedText, offset: number): { start: number; end: number } {
  const list = doc.sentences;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = list[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return { start: 0, end: doc.text.length };
}

type Tense = 'future' | 'past' | 'none';

/** The tense of the clause around [start, end): a future cue first, then a past-tense word. */
function tenseAround(doc: AnalyzedText, start: number, end: number): Tense {
  if (futureCue(doc, start, end)) return 'future';
  return cueAround(doc, start, end, PAST_CUE_PATTERN) ? 'past' : 'none';
}

/**
 * Picks the past or the future occurrence of a date that lacks its year: the tense decides; without one
 * the past, unless the future occurrence is FUTURE_CLOSER_FACTOR times closer.
 */
function pickOccurrence(tense: Tense, pastDistance: number, futureDistance: number): 'past' | 'future' {
  if (pastDistance === 0) return 'past';
  if (tense === 'future') return 'future';
  // Past tense keeps the past occurrence unless the future one is far closer: "Nov. 21" written on
  // Nov. 2 in a past-tense sentence is still this month's (a year-old date would carry its year).
  if (tense === 'past') return futureDistance * PAST_TENSE_CLOSER_FACTOR < pastDistance ? 'future' : 'past';
  return futureDistance * FUTURE_CLOSER_FACTOR < pastDistance ? 'future' : 'past';
}

/** True when the clause around [start, end) speaks of the future. */
function futureCue(doc: AnalyzedText, start: number, end: number): boolean {
  return cueAround(doc, start, end, FUTURE_CUE_PATTERN);
}

function cueAround(doc: AnalyzedText, start: number, end: number, pattern: RegExp): boolean {
  const sentence = sentenceAround(doc, start);
  let before = doc.text.slice(Math.max(sentence.start, start - FUTURE_CUE_WINDOW_BEFORE), start);
  CLAUSE_BREAK.lastIndex = 0;
  let lastBreak = -1;
  for (let m = CLAUSE_BREAK.exec(before); m; m = CLAUSE_BREAK.exec(before)) lastBreak = m.index;
  // Look back to the previous clause break, but never less than the words right before the expression.
  if (lastBreak >= 0 && before.length - lastBreak > 12) before = before.slice(lastBreak + 1);
  const after = doc.text.slice(end, Math.min(sentence.end, end + FUTURE_CUE_WINDOW_AFTER));
  return pattern.test(before) || pattern.test(after);
}

function candidate(doc: AnalyzedText, start: number, end: number, type: TimeType, value: string, rule: string, priority: number, inferred: boolean): Candidate {
  const result: Candidate = { text: doc.text.slice(start, end), start, end, type, value, rule, priority };
  if (inferred) result.inferred = true;
  return result;
}

function ownDetectors(doc: AnalyzedText, reference: CalendarDay | null): Candidate[] {
  const { text } = doc;
  const out: Candidate[] = [];

  VAGUE_PATTERN.lastIndex = 0;
  for (let m = VAGUE_PATTERN.exec(text); m; m = VAGUE_PATTERN.exec(text)) {
    const value = VAGUE_VALUES.get(m[0].toLowerCase())!;
    const type: TimeType = /^P[\dX]/.test(value) ? 'DURATION' : 'DATE';
    out.push(candidate(doc, m.index, m.index + m[0].length, type, value, 'time.vague', PRIORITY_OWN, false));
  }

  RELATIVE_PATTERN.lastIndex = 0;
  for (let m = RELATIVE_PATTERN.exec(text); m; m = RELATIVE_PATTERN.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    let value: string;
    let type: TimeType = 'DATE';
    if (m[1] && m[2]) {
      const modifier = m[1].toLowerCase();
      const unit = m[2].toLowerCase();
      const offset = modifier === 'next' || modifier === 'coming' ? 1 : modifier === 'this' || modifier === 'current' ? 0 : -1;
      if (unit === 'week' || unit === 'weekend') {
        value = reference ? isoWeek(addDays(reference, 7 * offset)) + (unit === 'weekend' ? '-WE' : '') : 'XXXX-WXX';
      } else if (unit === 'month') {
        if (reference) {
          const monthIndex = reference.year * 12 + reference.month - 1 + offset;
          value = `${Math.floor(monthIndex / 12)}-${pad((monthIndex % 12) + 1)}`;
        } else value = 'XXXX-XX';
      } else value = reference ? String(reference.year + offset) : 'XXXX';
    } else if (m[3]) {
      const offsets: Record<string, number> = { yesterday: -1, today: 0, tonight: 0, tomorrow: 1, 'last night': -1 };
      const word = m[3].toLowerCase().replace(/\s+/, ' ');
      value = reference ? formatDay(addDays(reference, offsets[word]!)) : word === 'today' || word === 'tonight' ? 'PRESENT_REF' : 'XXXX-XX-XX';
      if ((word === 'tonight' || word === 'last night') && reference) {
        value += 'TNI';
        type = 'TIME';
      }
    } else {
      const amount = numberValue(m[4]!) ?? 1;
      const unit = unitKey(m[5]!);
      if (!reference) value = 'PAST_REF';
      else if (unit === 'day') value = formatDay(addDays(reference, -amount));
      else if (unit === 'week') value = formatDay(addDays(reference, -7 * amount));
      else if (unit === 'month') {
        const monthIndex = reference.year * 12 + reference.month - 1 - amount;
        value = `${Math.floor(monthIndex / 12)}-${pad((monthIndex % 12) + 1)}`;
      } else if (unit === 'year') value = String(reference.year - amount);
      else if (unit === 'decade') value = String(reference.year - 10 * amount);
      else value = 'PAST_REF';
    }
    out.push(candidate(doc, start, end, type, value, 'time.relative', PRIORITY_OWN, reference !== null));
  }

  DURATION_PATTERN.lastIndex = 0;
  for (let m = DURATION_PATTERN.exec(text); m; m = DURATION_PATTERN.exec(text)) {
    const amountWord = m[2]!.toLowerCase();
    const hyphenated = m[3] === '-';
    if ((amountWord === 'a' || amountWord === 'an' || amountWord === 'one') && !hyphenated && !m[1]) {
      if (!ARTICLE_DURATION_CONTEXT.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    }
    const vague = amountWord === 'several' || amountWord === 'few' || amountWord === 'a few';
    const value = durationValue(vague ? null : numberValue(amountWord), m[4]!);
    out.push(candidate(doc, m.index, m.index + m[0].length, 'DURATION', value, 'time.duration', PRIORITY_OWN, false));
  }

  YEAR_PATTERN.lastIndex = 0;
  for (let m = YEAR_PATTERN.exec(text); m; m = YEAR_PATTERN.exec(text)) {
    const start = m.index;
    if (COUNTED_NOUN_AFTER.test(text.slice(start + 4, start + 24))) continue;
    out.push(candidate(doc, start, start + 4, 'DATE', m[1]!, 'time.year', PRIORITY_YEAR, false));
  }

  DECADE_PATTERN.lastIndex = 0;
  for (let m = DECADE_PATTERN.exec(text); m; m = DECADE_PATTERN.exec(text)) {
    out.push(candidate(doc, m.index, m.index + m[0].length, 'DATE', m[1]!, 'time.decade', PRIORITY_OWN, false));
  }

  QUARTER_PATTERN.lastIndex = 0;
  for (let m = QUARTER_PATTERN.exec(text); m; m = QUARTER_PATTERN.exec(text)) {
    const value = quarterValue(m, reference);
    if (value) out.push(candidate(doc, m.index, m.index + m[0].length, 'DATE', value, 'time.quarter', PRIORITY_OWN, !m[2] && !m[5]));
  }

  SET_PATTERN.lastIndex = 0;
  for (let m = SET_PATTERN.exec(text); m; m = SET_PATTERN.exec(text)) {
    const value = m[1] ? SET_WORDS.get(m[1].toLowerCase())! : setValue(m[2]!.toLowerCase());
    out.push(candidate(doc, m.index, m.index + m[0].length, 'SET', value, 'time.set', PRIORITY_OWN, false));
  }

  ORDINAL_DAY_PATTERN.lastIndex = 0;
  for (let m = ORDINAL_DAY_PATTERN.exec(text); m; m = ORDINAL_DAY_PATTERN.exec(text)) {
    const day = Number(m[1]);
    if (day < 1 || day > 31) continue;
    const start = m.index + m[0].length - m[1]!.length - m[2]!.length - 'the '.length;
    let value = `XXXX-XX-${pad(day)}`;
    if (reference) {
      // This month's day, or last month's when it is still to come (news is about the past) unless the
      // clause speaks of the future.
      const thisMonth = { year: reference.year, month: reference.month, day };
      const future = futureCue(doc, start, m.index + m[0].length);
      let monthIndex = reference.year * 12 + reference.month - 1;
      if (!future && toUtc(thisMonth) > toUtc(reference)) monthIndex--;
      if (future && toUtc(thisMonth) < toUtc(reference)) monthIndex++;
      value = formatDay({ year: Math.floor(monthIndex / 12), month: (monthIndex % 12) + 1, day });
    }
    out.push(candidate(doc, start, m.index + m[0].length, 'DATE', value, 'time.ordinal-day', PRIORITY_YEAR, reference !== null));
  }

  WEEKEND_PATTERN.lastIndex = 0;
  for (let m = WEEKEND_PATTERN.exec(text); m; m = WEEKEND_PATTERN.exec(text)) {
    const start = m.index;
    let value = 'XXXX-WXX-WE';
    if (reference) {
      const weekday = weekdayOf(reference);
      const future = futureCue(doc, start, start + m[0].length);
      // The weekend of the coming Saturday, or of the last Saturday (this one on a Saturday or Sunday).
      const delta = future ? (6 - weekday + 7) % 7 : -((weekday + 1) % 7);
      value = `${isoWeek(addDays(reference, delta))}-WE`;
    }
    out.push(candidate(doc, start, start + m[0].length, 'DATE', value, 'time.weekend', PRIORITY_OWN - 1, reference !== null));
  }

  SEASON_PATTERN.lastIndex = 0;
  for (let m = SEASON_PATTERN.exec(text); m; m = SEASON_PATTERN.exec(text)) {
    const modifier = m[1]!.toLowerCase();
    const season = SEASONS.get(m[2]!.toLowerCase())!;
    let start = m.index;
    if (modifier === 'the') start += m[1]!.length + 1;
    let year: string;
    if (!reference) year = 'XXXX';
    else if (modifier === 'next') year = String(reference.year + 1);
    else if (modifier === 'last') year = String(seasonIndex(season) < seasonIndex(seasonOf(reference)) ? reference.year : reference.year - 1);
    else year = String(reference.year);
    out.push(candidate(doc, start, m.index + m[0].length, 'DATE', `${year}-${season}`, 'time.season', PRIORITY_OWN, reference !== null));
  }
  return out;
}

const SEASON_ORDER = ['WI', 'SP', 'SU', 'FA'];
const seasonIndex = (code: string) => SEASON_ORDER.indexOf(code);
function seasonOf(day: CalendarDay): string {
  return SEASON_ORDER[Math.floor((day.month % 12) / 3)]!;
}

function setValue(unit: string): string {
  const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
  const weekday = weekdays.indexOf(unit);
  if (weekday >= 0) return `XXXX-WXX-${weekday + 1}`;
  if (unit === 'morning') return 'TMO';
  if (unit === 'evening') return 'TEV';
  if (unit === 'night') return 'TNI';
  return `P1${unit[0]!.toUpperCase()}`;
}

/**
 * TIMEX3 value of a quarter or half ("the third quarter" -> `1989-Q3`). Without a year the quarter is the
 * latest one of that number up to the reference date (news reports quarters after they end); "the quarter"
 * and "the latest quarter" are the last completed one.
 */
function quarterValue(m: RegExpExecArray, reference: CalendarDay | null): string | null {
  const modifier = (m[1] ?? '').toLowerCase();
  const ordinal = m[3] ? ORDINALS.get(m[3].toLowerCase())! : null;
  const half = m[4]!.toLowerCase() === 'half';
  const letter = half ? 'H' : 'Q';
  const explicitYear = m[5] ?? m[2];
  // "half" alone is too common a word ("half of the troops") to be a time without an ordinal.
  if (half && ordinal === null) return null;
  if (half && ordinal! > 2) return null;
  if (explicitYear) return `${explicitYear}-${letter}${ordinal ?? 'X'}`;
  if (!reference) return `XXXX-${letter}${ordinal ?? 'X'}`;
  const current = half ? (reference.month <= 6 ? 1 : 2) : Math.floor((reference.month - 1) / 3) + 1;
  const periods = half ? 2 : 4;
  let index = reference.year * periods + current - 1;
  if (modifier === 'year-earlier' || modifier === 'year-ago') index -= periods;
  if (ordinal !== null) {
    let year = Math.floor(index / periods);
    if (modifier === 'next' || ordinal > (index % periods) + 1) year += modifier === 'next' ? 1 : -1;
    return `${year}-${letter}${ordinal}`;
  }
  if (modifier === 'current' || modifier === 'this' || modifier === 'same') return `${Math.floor(index / periods)}-${letter}${(index % periods) + 1}`;
  if (modifier === 'next') index += 1;
  else index -= 1;
  return `${Math.floor(index / periods)}-${letter}${(index % periods) + 1}`;
}

function chronoCandidates(doc: AnalyzedText, reference: CalendarDay | null): Candidate[] {
  const { text } = doc;
  const instant = reference ? new Date(Date.UTC(reference.year, reference.month - 1, reference.day, 12)) : new Date(Date.UTC(2000, 0, 1, 12));
  const results = chrono.casual.parse(text, { instant, timezone: 0 });
  const out: Candidate[] = [];
  for (const result of results) {
    let start = result.index;
    let spanText = result.text;
    const lead = LEADING_PREPOSITION.exec(spanText);
    if (lead) {
      start += lead[0].length;
      spanText = spanText.slice(lead[0].length);
    }
    spanText = spanText.replace(/[\s,]+$/, '');
    const end = start + spanText.length;
    if (spanText.length < 3) continue;
    // Lower-case month words are verbs and modals ("troops march", "it may").
    if (LOWER_START.test(spanText) && MONTH_WORD.test(spanText) && !/\d/.test(spanText)) continue;
    const c = result.start;
    const known = (k: chrono.Component) => c.isCertain(k);
    if (!known('year') && !known('month') && !known('day') && !known('weekday') && !known('hour')) continue;
    const before = text.slice(Math.max(0, result.index - 10), start);
    const modifier = (LAST_WORD.exec(before)?.[1] ?? FIRST_WORD_MODIFIER.exec(spanText)?.[1] ?? '').toLowerCase();
    // Page furniture and numbers chrono over-reads: "Sun" (a newspaper), "125 a" (a price table), "7/8".
    if (UNRELIABLE_CHRONO.test(spanText)) continue;
    if (known('hour') && (!CLOCK_EVIDENCE.test(spanText) || DECIMAL_NOT_CLOCK.test(spanText) || /\d\.$/.test(text.slice(start - 2, start)))) continue;
    if (!known('hour') && known('weekday') && !known('day') && WEEKDAY_ABBREVIATION.test(spanText)) continue;
    const backward = modifier === 'last' || modifier === 'past' || modifier === 'previous';
    const tense: Tense = modifier === 'next' ? 'future' : backward ? 'past' : tenseAround(doc, start, end);
    const future = tense === 'future';
    let datePart: string | null = null;
    let inferred = false;
    let rule = 'time.chrono';

    if (known('month') && known('day')) {
      if (known('year')) datePart = formatDay({ year: c.get('year')!, month: c.get('month')!, day: c.get('day')! });
      else if (reference) {
        const day = { year: reference.year, month: c.get('month')!, day: c.get('day')! };
        if (toUtc(day) > toUtc(reference)) day.year--;
        const next = { ...day, year: day.year + 1 };
        const pick = pickOccurrence(tense, toUtc(reference) - toUtc(day), toUtc(next) - toUtc(reference));
        datePart = formatDay(pick === 'future' ? next : day);
        inferred = true;
        rule = pick === 'future' ? 'time.chrono.future-year' : 'time.chrono.past-year';
      } else datePart = `XXXX-${pad(c.get('month')!)}-${pad(c.get('day')!)}`;
    } else if (known('month')) {
      const month = c.get('month')!;
      if (known('year')) datePart = `${c.get('year')}-${pad(month)}`;
      else if (reference) {
        const year = month > reference.month ? reference.year - 1 : reference.year;
        const pastDistance = (reference.year - year) * 12 + reference.month - month;
        const pick = pickOccurrence(tense, pastDistance, 12 - pastDistance);
        datePart = `${pick === 'future' ? year + 1 : year}-${pad(month)}`;
        inferred = true;
        rule = pick === 'future' ? 'time.chrono.future-month' : 'time.chrono.past-month';
      } else datePart = `XXXX-${pad(month)}`;
    } else if (known('weekday')) {
      const weekday = c.get('weekday')!;
      if (reference) {
        const refWeekday = weekdayOf(reference);
        let delta: number;
        if (modifier === 'this') delta = (weekday || 7) - (refWeekday || 7); // same ISO week
        else if (modifier === 'next') delta = ((weekday - refWeekday + 7) % 7) || 7;
        else if (future) delta = (weekday - refWeekday + 7) % 7; // the coming such day, including the same day
        else if (backward) delta = -(((refWeekday - weekday + 7) % 7) || 7);
        else delta = -((refWeekday - weekday + 7) % 7); // the most recent such day, including the same day
        datePart = formatDay(addDays(reference, delta));
        inferred = true;
        rule = future ? 'time.chrono.next-weekday' : 'time.chrono.last-weekday';
      } else datePart = `XXXX-WXX-${weekday === 0 ? 7 : weekday}`;
    } else if (known('year')) datePart = String(c.get('year'));
    else if (known('day') && reference) {
      datePart = formatDay({ year: reference.year, month: reference.month, day: c.get('day')! });
      inferred = true;
    }

    let type: TimeType = 'DATE';
    let value = datePart ?? '';
    if (known('hour')) {
      type = 'TIME';
      const day = datePart && datePart.length === 10 ? datePart : reference ? formatDay(reference) : 'XXXX-XX-XX';
      if (!datePart && reference) inferred = true;
      value = `${day}T${pad(c.get('hour')!)}:${pad(c.get('minute') ?? 0)}`;
      if (known('timezoneOffset')) {
        const offset = c.get('timezoneOffset')!;
        const sign = offset < 0 ? '-' : '+';
        value += `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
      }
    }
    if (!value) continue;
    out.push(candidate(doc, start, end, type, value, rule, PRIORITY_CHRONO, inferred));
  }
  return out;
}

/** "a year ago" / "a year earlier" right after a quarter: the same quarter a year before. */
const YEAR_BACK = /^(?:a|one) year (?:ago|earlier)$/i;
/** Characters after a quarter within which "a year ago" still compares to it (about two sentences). */
const QUARTER_ANCHOR_WINDOW = 300;

/** Earnings reports compare quarters: "a year ago" after "the third quarter" is that quarter a year before. */
function anchorToQuarters(times: Candidate[]): void {
  let quarter: Candidate | null = null;
  for (const time of times) {
    if (time.rule === 'time.quarter' && /^\d{4}-Q\d$/.test(time.value)) {
      quarter = time;
      continue;
    }
    if (!quarter || time.start - quarter.end > QUARTER_ANCHOR_WINDOW || !YEAR_BACK.test(time.text)) continue;
    time.value = `${Number(quarter.value.slice(0, 4)) - 1}${quarter.value.slice(4)}`;
    time.type = 'DATE';
    time.rule = 'time.quarter-anchor';
    time.inferred = true;
  }
}

/** Tags the time expressions of a document, sorted by start offset. */
export const tagTimes: TimeTagger = (doc, context) => {
  const reference = parseReference(context.referenceDate);
  const candidates = [...ownDetectors(doc, reference), ...chronoCandidates(doc, reference)];
  candidates.sort((a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const accepted: Candidate[] = [];
  for (const c of candidates) {
    if (accepted.some((a) => a.start < c.end && c.start < a.end)) continue;
    accepted.push(c);
  }
  accepted.sort((a, b) => a.start - b.start);
  anchorToQuarters(accepted);
  return accepted.map(({ priority: _priority, ...time }) => time);
};
