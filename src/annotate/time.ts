/**
 * Time expressions with TIMEX3 types and values. chrono-node finds calendar dates and clock times; our own
 * detectors (compiled once) find what chrono does not read the way news needs: vague references
 * ("in recent weeks" -> PXW), durations ("an almost three-year war" -> P3Y), relative weeks/months
 * ("last week" -> ISO week), bare years ("in 2023"), and composites (time-dates.ts: "Friday the 13th",
 * "the first Friday of July", "two weeks from now"; time-clock.ts: "half past eight"). Values are resolved
 * against the reference date with a preference for the past, unless the clause speaks of the future
 * ("will", "would", "until", "inauguration"). Without a reference date relative values stay unresolved
 * TimeML-style ("XXXX-05").
 *
 * Speed (budget 0.3 ms CPU per 3 KB article): one pass over the tokens finds trigger words (time-windows.ts);
 * each of our patterns is tried anchored at the few token starts just before its trigger words only, and
 * chrono-node, the costly part, reads the short stretches around numeric dates, clock words and month or
 * weekday names with a number near (names alone are ours). Overlaps are settled by priority (composites,
 * our detectors, chrono's dates, fallbacks, names alone, bare years), longer first.
 */

import * as chrono from 'chrono-node';
import type { AnnotateContext, TimeExpression, TimeType } from '../model.ts';
import { DURATION_UNITS, FUTURE_CLOSER_FACTOR, NUMBER_WORDS, ORDINALS, PAST_TENSE_CLOSER_FACTOR, SEASONS, SET_WORDS, VAGUE_TIMES } from './constants.ts';
import {
  addDays,
  type CalendarDay,
  formatDay,
  formatMonth,
  isoWeek,
  monthDayOccurrences,
  pad,
  parseReference,
  pickOccurrence,
  resolveWeekday,
  type Tense,
  toUtc,
  weekdayOf,
} from './time-calendar.ts';
import { detectClockTimes } from './time-clock.ts';
import { CHRONO_PARSERS_LEFT_OUT, CHRONO_TRIGGERS, CHRONO_WINDOW_TOKENS, PARTS_OF_DAY, TRIGGER } from './time-constants.ts';
import { type Candidate, each, emit, PRIORITY_CHRONO, PRIORITY_OWN, PRIORITY_YEAR, tenseAround, type TimeScan, wordAlternation } from './time-core.ts';
import { detectCompositeDates } from './time-dates.ts';
import { findTimeWindows, toDocumentSpan } from './time-windows.ts';
import type { AnalyzedText } from './text.ts';

export { isoWeek } from './time-calendar.ts';

/** The time tagger's entry point; a learned tagger replaces it with the same signature. */
export type TimeTagger = (doc: AnalyzedText, context: AnnotateContext) => TimeExpression[];

const VAGUE_PATTERN = new RegExp(`\\b${wordAlternation(VAGUE_TIMES.map(([phrase]) => phrase))}\\b(?!-)`, 'gi');
const VAGUE_VALUES = new Map(VAGUE_TIMES.map(([phrase, value]) => [phrase, value]));
const NUMBER_WORD_ALTERNATION = wordAlternation([...NUMBER_WORDS.keys()].filter((w) => !w.includes(' ')));
const UNIT_ALTERNATION = 'years?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?|seconds?|decades?|century|centuries';
const RELATIVE_PATTERN = new RegExp(
  `\\b(?:(?:earlier|later)\\s+)?(?:the\\s+)?(last|this|next|past|previous|coming|current)\\s+(?:fiscal\\s+)?(week|month|year|weekend)\\b|\\b(yesterday|today|tomorrow|tonight|last night|tmrw|tmr|this(?=\\s+(?:morning|afternoon|evening)))(?:\\s+(morning|afternoon|evening|night))?\\b|\\b(\\d+|a few|few|a|an|${NUMBER_WORD_ALTERNATION})\\s+(${UNIT_ALTERNATION})\\s+(?:ago|earlier)\\b`,
  'gi',
);
const DURATION_PATTERN = new RegExp(
  `\\b(?:(?:the\\s+)?(?:past|last|next|coming|previous|first|following)\\s+)?(?:(almost|nearly|about|around|roughly|more than|over|some|at least|up to)\\s+)?(\\d+(?:\\.\\d+)?|a|an|one|several|a few|few|a couple of|couple of|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\\s-])?(?:${NUMBER_WORD_ALTERNATION}))(?:\\s+(?:and\\s+)?(a\\s+half|1/2))?([\\s-])(${UNIT_ALTERNATION})(?:-long)?\\b(?!-old|\\s+(?:ago|earlier|from now)\\b|\\s+old\\b)`,
  'gi',
);
/** What "a few" counts as in a date ("a few days ago"); durations keep it vague (PXD). */
const FEW = 3;
/** "a"/"an"/"one" count as durations only in a hyphenated compound, after these words or before the next. */
const ARTICLE_DURATION_CONTEXT = /\b(?:for|within|over|after|in|past|last|first|than|nearly|almost|about)\s+$/i;
const ARTICLE_DURATION_AFTER = /^\s+(?:after|before|later)\b/i;
/** A year standing alone: not part of a bigger number, an amount or a code. */
const YEAR_PATTERN = /(?<![\p{L}\p{N}$€£¥.,:/#-])((?:19|20)\d{2})(?![\p{L}\p{N}%]|[-–]\d|,\d|\.\d)/gu;
/** A plural noun right after a year-like number makes it a count ("2000 troops"). */
const COUNTED_NOUN_AFTER = /^\s+(?!years\b|elections\b|levels\b|figures\b|results\b|rates\b|prices\b|sales\b|earnings\b)\p{Ll}{3,}s\b/u;
/** Decades: "the 1990s", "the late 1970s", "the '80s". */
const DECADE_PATTERN = /\b(?:(?:the\s+)?(?:early|mid|late)[\s-]+)?((?:19|20)\d)0s\b/gi;
/** Quarters and halves of a year: "the third quarter", "third-quarter", "the first half of 1990". */
const QUARTER_PATTERN =
  /\b(?:the\s+)?(?:(latest|last|previous|current|same|this|next|year-earlier|year-ago)\s+)?(?:fiscal\s+)?(?:((?:19|20)\d\d)\s+)?(?:(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+)?(?:fiscal\s+)?(quarter|half)\b(?:\s+of\s+((?:19|20)\d\d))?(?!\s+(?:of an? hour\b|(?:past|to)\s+(?:\d{1,2}(?![\d.,%])|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon|midnight)\b))/gi;
/** A quarter of an hour is not a quarter of a year ("a quarter past eight", "three quarters of an hour"). */
const QUARTER_HOUR_BEFORE = /\b(?:a|three)\s+$/i;
/** Frequencies: "daily", "every week", "each Monday". */
const SET_PATTERN = new RegExp(
  `\\b(?:(${[...SET_WORDS.keys()].join('|')})|(?:every|each)\\s+(day|week|month|quarter|year|morning|evening|night|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december))\\b`,
  'gi',
);
const SET_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** "the weekend", "over the weekend" (with last/this/next the relative pattern reads it). */
const WEEKEND_PATTERN = /\b(?:the|this past)\s+weekend\b/gi;
/** Seasons with a modifier: "last fall", "this summer", "next spring". */
const SEASON_PATTERN = /\b(last|this|next|early|late|the)\s+(spring|summer|fall|autumn|winter)\b/gi;
const LEADING_PREPOSITION = /^(?:on|at|in|by|since|from|until|of|the|during)\s+/i;
const MONTH_WORD = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
const LOWER_START = /^\p{Ll}/u;
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
/** A part of the day closing a date ("Friday morning", "Saturday night"): TIMEX3 TIME `…TMO`. */
const PART_OF_DAY_END = /\b(morning|afternoon|evening|night)$/i;
/** "6,107.31 August 2019": the day is the tail of a decimal number, not a date. */
const DECIMAL_BEFORE = /\d[.,]$/;
/** "5 p.m. EST Nov. 9" -> TimeBank writes the local clock time without the zone offset. */
const TRAILING_PUNCTUATION = /[\s,)(]+$/;

function numberValue(word: string): number | null {
  const lower = word.toLowerCase();
  if (/^\d/.test(lower)) return Number(lower);
  if (lower.endsWith('few')) return FEW; // "a few days ago" -> three days, as Recognizers-Text and chrono-node read it
  if (lower === 'a' || lower === 'an') return 1;
  if (lower.includes('couple')) return 2;
  const [tens, ones] = lower.split(/[\s-]+/);
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

/** TIMEX3 duration value; a half ("2 1/2 years") is written in the next smaller unit (P2Y6M, PT5H30M). */
function durationValue(amount: number | null, unit: string, half = false): string {
  const key = unitKey(unit);
  let { designator, time } = DURATION_UNITS.get(key)!;
  let count: number | null = amount;
  // TIMEX3's DE/CE designators are rare in consumers; decades and centuries are written in years.
  if (designator === 'DE' || designator === 'CE') {
    count = count === null ? null : count * (designator === 'DE' ? 10 : 100);
    designator = 'Y';
  }
  const halves: Record<string, string> = { year: '6M', month: '15D', day: 'T12H', hour: '30M', minute: '30S', week: '3DT12H' };
  const tail = half && count !== null && halves[key] ? halves[key]! : '';
  if (tail && time) return `PT${count}${designator}${tail}`;
  return `P${time ? 'T' : ''}${count === null ? 'X' : String(count)}${designator}${tail}`;
}

function ownDetectors(scan: TimeScan): void {
  const { doc, reference } = scan;
  
  each(scan, TRIGGER.VAGUE, VAGUE_PATTERN, (m, span) => {
    const value = VAGUE_VALUES.get(m[0].toLowerCase().replace(/\s+/g, ' '))!;
    const type: TimeType = /^P[\dX]/.test(value) ? 'DURATION' : 'DATE';
    emit(scan, span, type, value, 'time.vague', PRIORITY_OWN, false);
  }, 0, 3);

  each(scan, TRIGGER.UNIT | TRIGGER.DAY_WORD | TRIGGER.PART_OF_DAY, RELATIVE_PATTERN, (m, span) => {
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
          value = formatMonth(Math.floor(monthIndex / 12), (monthIndex % 12) + 1);
        } else value = 'XXXX-XX';
      } else value = reference ? String(reference.year + offset) : 'XXXX';
    } else if (m[3]) {
      const offsets: Record<string, number> = { yesterday: -1, today: 0, tonight: 0, tomorrow: 1, tmrw: 1, tmr: 1, 'last night': -1, this: 0 };
      const word = m[3].toLowerCase().replace(/\s+/, ' ');
      value = reference ? formatDay(addDays(reference, offsets[word]!)) : word === 'today' || word === 'tonight' ? 'PRESENT_REF' : 'XXXX-XX-XX';
      // "tonight", "yesterday morning", "this afternoon": TIMEX3 TIME with the part of the day.
      const part = word === 'tonight' || word === 'last night' ? 'NI' : m[4] ? PARTS_OF_DAY.get(m[4].toLowerCase()) : undefined;
      if (part && reference) {
        value += `T${part}`;
        type = 'TIME';
      }
    } else {
      const amount = numberValue(m[5]!) ?? 1;
      const unit = unitKey(m[6]!);
      if (!reference) value = 'PAST_REF';
      else if (unit === 'day') value = formatDay(addDays(reference, -amount));
      else if (unit === 'week') value = formatDay(addDays(reference, -7 * amount));
      else if (unit === 'month') {
        const monthIndex = reference.year * 12 + reference.month - 1 - amount;
        value = formatMonth(Math.floor(monthIndex / 12), (monthIndex % 12) + 1);
      } else if (unit === 'year') value = String(reference.year - amount);
      else if (unit === 'decade') value = String(reference.year - 10 * amount);
      else value = 'PAST_REF';
    }
    emit(scan, span, type, value, 'time.relative', PRIORITY_OWN, reference !== null);
  }, 0, 2);

  each(scan, TRIGGER.UNIT, DURATION_PATTERN, (m, span) => {
    const amountWord = m[2]!.toLowerCase();
    const hyphenated = m[4] === '-';
    if ((amountWord === 'a' || amountWord === 'an' || amountWord === 'one') && !hyphenated && !m[1]) {
      if (!ARTICLE_DURATION_CONTEXT.test(doc.text.slice(Math.max(0, span[0] - 12), span[0])) && !ARTICLE_DURATION_AFTER.test(doc.text.slice(span[1], span[1] + 8))) return;
    }
    const half = m[3] !== undefined; // "2 1/2 years", "two and a half hours"
    const vague = amountWord === 'several' || amountWord === 'few' || amountWord === 'a few';
    const value = durationValue(vague ? null : numberValue(amountWord), m[5]!, half);
    emit(scan, span, 'DURATION', value, 'time.duration', PRIORITY_OWN, false);
  }, 0, 3);

  each(scan, TRIGGER.YEAR, YEAR_PATTERN, (m, span) => {
    if (COUNTED_NOUN_AFTER.test(doc.text.slice(span[1], span[1] + 20))) return;
    emit(scan, span, 'DATE', m[1]!, 'time.year', PRIORITY_YEAR, false);
  }, 0, 0);

  each(scan, TRIGGER.YEAR, DECADE_PATTERN, (m, span) => {
    emit(scan, span, 'DATE', m[1]!, 'time.decade', PRIORITY_OWN, false);
  }, 0, 2);

  each(scan, TRIGGER.QUARTER, QUARTER_PATTERN, (m, span) => {
    if (!m[1] && !m[2] && !m[3] && QUARTER_HOUR_BEFORE.test(doc.text.slice(Math.max(0, span[0] - 8), span[0]))) return;
    const value = quarterValue(m, reference);
    if (value) emit(scan, span, 'DATE', value, 'time.quarter', PRIORITY_OWN, !m[2] && !m[5]);
  }, 0, 4);

  each(scan, TRIGGER.SET, SET_PATTERN, (m, span) => {
    const value = m[1] ? SET_WORDS.get(m[1].toLowerCase())! : setValue(m[2]!.toLowerCase());
    emit(scan, span, 'SET', value, 'time.set', PRIORITY_OWN, false);
  }, 0, 0);

  each(scan, TRIGGER.UNIT, WEEKEND_PATTERN, (_m, span) => {
    let value = 'XXXX-WXX-WE';
    if (reference) {
      const weekday = weekdayOf(reference);
      const future = tenseAround(doc, span[0], span[1]) === 'future';
      // The weekend of the coming Saturday, or of the last Saturday (this one on a Saturday or Sunday).
      const delta = future ? (6 - weekday + 7) % 7 : -((weekday + 1) % 7);
      value = `${isoWeek(addDays(reference, delta))}-WE`;
    }
    emit(scan, span, 'DATE', value, 'time.weekend', PRIORITY_OWN - 1, reference !== null);
  }, 0, 2);

  each(scan, TRIGGER.SEASON, SEASON_PATTERN, (m, matched) => {
    const modifier = m[1]!.toLowerCase();
    const span: [number, number] = [modifier === 'the' ? matched[0] + m[1]!.length + 1 : matched[0], matched[1]];
    const season = SEASONS.get(m[2]!.toLowerCase())!;
    let year: string;
    if (!reference) year = 'XXXX';
    else if (modifier === 'next') year = String(reference.year + 1);
    else if (modifier === 'last') year = String(seasonIndex(season) < seasonIndex(seasonOf(reference)) ? reference.year : reference.year - 1);
    else year = String(reference.year);
    emit(scan, span, 'DATE', `${year}-${season}`, 'time.season', PRIORITY_OWN, reference !== null);
  }, 0, 1);
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
  const month = SET_MONTHS.indexOf(unit);
  if (month >= 0) return `XXXX-${pad(month + 1)}`;
  if (unit === 'morning') return 'TMO';
  if (unit === 'evening') return 'TEV';
  if (unit === 'night') return 'TNI';
  if (unit === 'quarter') return 'P1Q';
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

/** chrono-node's casual English configuration without the parsers our detectors replace. */
const CHRONO = (() => {
  const configuration = chrono.en.configuration.createCasualConfiguration(false);
  configuration.parsers = configuration.parsers.filter((parser) => !CHRONO_PARSERS_LEFT_OUT.has(parser.constructor.name));
  return new chrono.Chrono(configuration);
})();

/** Chrono-node's casual English parser over the chrono windows, our resolution of what it reads. */
function chronoCandidates(scan: TimeScan): void {
  const { doc, reference } = scan;
  const { text } = doc;
  const joined = scan.windows.select(CHRONO_TRIGGERS, CHRONO_WINDOW_TOKENS);
  const instant = reference ? new Date(Date.UTC(reference.year, reference.month - 1, reference.day, 12)) : new Date(Date.UTC(2000, 0, 1, 12));
  const results = CHRONO.parse(joined.text, { instant, timezone: 0 });
  for (const result of results) {
    const mapped = toDocumentSpan(joined, result.index, result.index + result.text.length);
    if (!mapped) continue;
    let start = mapped[0];
    let spanText = result.text;
    const lead = LEADING_PREPOSITION.exec(spanText);
    if (lead) {
      start += lead[0].length;
      spanText = spanText.slice(lead[0].length);
    }
    spanText = spanText.replace(TRAILING_PUNCTUATION, '');
    const end = start + spanText.length;
    if (spanText.length < 3) continue;
    // Lower-case month words are verbs and modals ("troops march", "it may").
    if (LOWER_START.test(spanText) && MONTH_WORD.test(spanText) && !/\d/.test(spanText)) continue;
    if (/^\d/.test(spanText) && DECIMAL_BEFORE.test(text.slice(start - 2, start))) continue;
    const c = result.start;
    const known = (k: chrono.Component) => c.isCertain(k);
    if (!known('year') && !known('month') && !known('day') && !known('weekday') && !known('hour')) continue;
    const before = text.slice(Math.max(0, start - 10), start);
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
        const occurrences = monthDayOccurrences(reference, c.get('month')!, c.get('day')!);
        if (!occurrences) continue;
        const pick = pickOccurrence(tense, toUtc(reference) - toUtc(occurrences.past), toUtc(occurrences.future) - toUtc(reference), FUTURE_CLOSER_FACTOR, PAST_TENSE_CLOSER_FACTOR);
        datePart = formatDay(occurrences[pick]);
        inferred = true;
        rule = pick === 'future' ? 'time.chrono.future-year' : 'time.chrono.past-year';
      } else datePart = `XXXX-${pad(c.get('month')!)}-${pad(c.get('day')!)}`;
    } else if (known('month')) {
      const month = c.get('month')!;
      if (known('year')) datePart = `${c.get('year')}-${pad(month)}`;
      else if (reference) {
        const year = month > reference.month ? reference.year - 1 : reference.year;
        const pastDistance = (reference.year - year) * 12 + reference.month - month;
        const pick = pickOccurrence(tense, pastDistance, 12 - pastDistance, FUTURE_CLOSER_FACTOR, PAST_TENSE_CLOSER_FACTOR);
        datePart = `${pick === 'future' ? year + 1 : year}-${pad(month)}`;
        inferred = true;
        rule = pick === 'future' ? 'time.chrono.future-month' : 'time.chrono.past-month';
      } else datePart = `XXXX-${pad(month)}`;
    } else if (known('weekday')) {
      const weekday = c.get('weekday')!;
      if (reference) {
        datePart = formatDay(resolveWeekday(reference, weekday, modifier, tense));
        inferred = true;
        rule = future ? 'time.chrono.next-weekday' : 'time.chrono.last-weekday';
      } else datePart = `XXXX-WXX-${weekday === 0 ? 7 : weekday}`;
    } else if (known('year')) datePart = String(c.get('year'));
    else if (known('day') && reference) {
      datePart = formatDay({ year: reference.year, month: reference.month, day: c.get('day')! });
      inferred = true;
    }

    // "this Friday June 23" when the 23rd is a Saturday: two expressions, which our detectors read apart.
    if (known('weekday') && known('day') && datePart && /^\d{4}-\d\d-\d\d$/.test(datePart)) {
      const [y, mo, d] = datePart.split('-').map(Number);
      if (weekdayOf({ year: y!, month: mo!, day: d! }) !== c.get('weekday')) continue;
    }
    let type: TimeType = 'DATE';
    let value = datePart ?? '';
    const partOfDay = PART_OF_DAY_END.exec(spanText)?.[1];
    if (partOfDay && !known('minute') && !/\d/.test(spanText) && datePart && datePart.length === 10) {
      // "Friday morning": TimeML writes the part of the day, not chrono's guessed clock hour.
      type = 'TIME';
      value = `${datePart}T${PARTS_OF_DAY.get(partOfDay.toLowerCase())}`;
    } else if (known('hour')) {
      type = 'TIME';
      const day = datePart && datePart.length === 10 ? datePart : reference ? formatDay(reference) : 'XXXX-XX-XX';
      if (!datePart && reference) inferred = true;
      value = `${day}T${pad(c.get('hour')!)}:${pad(c.get('minute') ?? 0)}`;
      if (known('second') && c.get('second')) value += `:${pad(c.get('second')!)}`;
    }
    if (!value) continue;
    emit(scan, [start, end], type, value, rule, PRIORITY_CHRONO, inferred);
  }
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

/** "this Friday (Jun-15)": a weekday right before the date it names, in parentheses or after a comma. */
const WEEKDAY_TEXT = /^(?:(?:this|next|last|coming)\s+)?(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?$/i;
const WEEKDAY_DATE_GAP = /^\s*[(,]?\s*$/;

function mergeWeekdayWithDate(doc: AnalyzedText, times: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < times.length; i++) {
    const a = times[i]!;
    const b = times[i + 1];
    if (b && a.type === 'DATE' && b.type === 'DATE' && WEEKDAY_TEXT.test(a.text) && /^\d{4}-\d\d-\d\d$/.test(b.value) && a.value === b.value) {
      const gap = doc.text.slice(a.end, b.start);
      if (WEEKDAY_DATE_GAP.test(gap)) {
        const end = gap.includes('(') && doc.text[b.end] === ')' ? b.end + 1 : b.end;
        out.push({ ...b, start: a.start, end, text: doc.text.slice(a.start, end), rule: `${b.rule}+weekday` });
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

/** The expression without its priority, fields in the order `emit` writes them (an object rest copies slower). */
function withoutPriority(c: Candidate): TimeExpression {
  const time: TimeExpression = { text: c.text, start: c.start, end: c.end, type: c.type, value: c.value, rule: c.rule };
  if (c.inferred !== undefined) time.inferred = c.inferred;
  return time;
}

/** Tags the time expressions of a document, sorted by start offset. */
export const tagTimes: TimeTagger = (doc, context) => {
  const reference = parseReference(context.referenceDate);
  const windows = findTimeWindows(doc);
  const out: Candidate[] = [];
  if (windows.classes === 0) return [];
  const scan: TimeScan = { doc, reference, windows, out };
  ownDetectors(scan);
  detectCompositeDates(scan);
  detectClockTimes(scan);
  if (windows.classes & CHRONO_TRIGGERS) chronoCandidates(scan);
  out.sort((a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const accepted: Candidate[] = [];
  for (const c of out) {
    if (accepted.some((a) => a.start < c.end && c.start < a.end)) continue;
    accepted.push(c);
  }
  accepted.sort((a, b) => a.start - b.start);
  const merged = mergeWeekdayWithDate(doc, accepted);
  anchorToQuarters(merged);
  return merged.map(withoutPriority);
};
