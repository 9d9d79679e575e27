/**
 * Composite dates chrono-node reads in parts or not at all, each with its own refiner:
 *   "Friday the 22nd", "the first Friday of July", "Friday next week", "the 20th of next month",
 *   "the day after tomorrow", "two weeks from now", "1 month 21 days ago", "in 3 weeks" (future clauses),
 *   "in four business days", "May twenty-first", "the tenth of September, two thousand", "last February",
 *   "July last year", "on the 21st", leap days ("Feb 29" in a year without one) and "on 4-22".
 * Values are resolved against the reference date like chrono's: the past occurrence unless the clause
 * speaks of the future.
 */

import { FUTURE_CLOSER_FACTOR, PAST_TENSE_CLOSER_FACTOR } from './constants.ts';
import {
  addDays,
  addMonths,
  type CalendarDay,
  daysBetween,
  daysInMonth,
  formatDay,
  formatMonth,
  isoWeek,
  isValidDay,
  monthDayOccurrences,
  nthWeekdayOfMonth,
  pad,
  pickOccurrence,
  resolveMonthYear as resolveMonthYearWith,
  resolveWeekday,
  type Tense,
  weekdayInWeek,
  weekdayOf,
} from './time-calendar.ts';
import { CARDINAL_WORDS, MONTHS, ORDINAL_WORDS, PARTS_OF_DAY, TRIGGER, WEEKDAYS, WEEKEND_DAYS } from './time-constants.ts';
import { each, emit, PRIORITY_CHRONO, PRIORITY_COMPOSITE, PRIORITY_FALLBACK, PRIORITY_NAME_ALONE, tenseAround, type TimeScan, wordAlternation } from './time-core.ts';

// Building blocks (no capturing groups: each pattern names its own).
const WD = `${wordAlternation(WEEKDAYS.keys())}\\.?`;
const MO = `${wordAlternation(MONTHS.keys())}\\.?`;
const UNITS_1_9 = 'one|two|three|four|five|six|seven|eight|nine';
const ORD_1_9 = 'first|second|third|fourth|fifth|sixth|seventh|eighth|ninth';
const ORD_WORD = `(?:(?:twenty|thirty)[\\s-](?:${ORD_1_9})|${ORD_1_9}|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)`;
const CARD_WORD = `(?:(?:twenty|thirty)(?:[\\s-](?:${UNITS_1_9}))?|${UNITS_1_9}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)`;
const DAY_NUM = '\\d{1,2}(?:st|nd|rd|th)?';
const NUMBER_WORD = '(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)';
const YEAR_WORDS = `(?:(?:nineteen|twenty)(?:[\\s-]+${NUMBER_WORD}){1,3}|two thousand(?:(?:\\s+and)?[\\s-]+${NUMBER_WORD}){0,2})`;
const AMOUNT = `(?:\\d+|an?|a few|few|several|a couple of|couple of|${CARD_WORD})`;
const CAL_UNIT = '(?:years?|months?|weeks?|days?)';
const REL = '(?:this|next|last|previous|the following|the coming|the previous)';

const flags = 'gi';
const WEEKDAY_THE_DAY = new RegExp(`\\b(?<wd>${WD}),?\\s+the\\s+(?<day>${DAY_NUM}|${ORD_WORD}|${CARD_WORD})\\b(?!\\s+of\\b)`, flags);
const ORDINAL_WEEKDAY = new RegExp(
  `\\b(?:the\\s+)?(?<n>first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)\\s+(?<wd>${WD})(?:\\s+(?:of|in)\\s+(?:(?<rel>${REL}|the)\\s+month|(?<mo>${MO})(?:,?\\s+(?<yr>\\d{4}))?))?\\b`,
  flags,
);
const WEEKDAY_OF_WEEK = new RegExp(
  `\\b(?:(?<wd>${WD}),?\\s+(?:of\\s+)?(?<rel>${REL})\\s+week|(?<rel2>${REL})\\s+week(?:'s)?\\s+(?:on\\s+)?(?<wd2>${WD}))\\b`,
  flags,
);
const DAY_OF_RELATIVE_MONTH = new RegExp(`\\b(?:the\\s+)?(?<day>${DAY_NUM}|${ORD_WORD})\\s+(?:of\\s+)?(?<rel>${REL})\\s+month\\b`, flags);
const DAY_AROUND = new RegExp(
  `\\b(?:(?:the\\s+)?day|(?<n>${AMOUNT})\\s+(?<unit>${CAL_UNIT}))\\s+(?<dir>before|after|from)\\s+(?<base>yesterday|today|tomorrow|tmrw|tmr)\\b`,
  flags,
);
const OFFSET_FROM_NOW = new RegExp(
  `\\b(?<amounts>${AMOUNT}\\s+${CAL_UNIT}(?:(?:,\\s*|\\s+and\\s+|\\s+)${AMOUNT}\\s+${CAL_UNIT})*)\\s+(?<dir>ago|later|from now|hence|from today)\\b`,
  flags,
);
const AMOUNT_UNIT = new RegExp(`(?<n>${AMOUNT})\\s+(?<unit>${CAL_UNIT})`, flags);
const WEEKDAY_COUNT = new RegExp(`\\b(?<n>${AMOUNT})\\s+(?<wd>${WD})s?\\s+(?<dir>from now|later|ago)\\b`, flags);
const IN_FUTURE = new RegExp(`\\b(?:with)?in\\s+(?<n>${AMOUNT})\\s+(?<business>business\\s+|working\\s+)?(?<unit>${CAL_UNIT})\\b(?!\\s+(?:of|time|ago|before|after|earlier|later)\\b)`, flags);
const MONTH_DAY = new RegExp(
  `\\b(?<wpre>(?:(?:this|next|last|coming)\\s+)?(?<wd>${WD}),?\\s+)?(?<mo>${MO})\\s+(?<the>the\\s+)?(?<day>${ORD_WORD}|${CARD_WORD}|${DAY_NUM})\\b(?!\\s*(?:[:%]|am\\b|pm\\b|[ap]\\.m|percent|per|million|billion|hours?|minutes?|points))(?:,?\\s+(?<yof>of\\s+)?(?<yr>\\d{4}|${YEAR_WORDS})\\b)?`,
  flags,
);
const DAY_OF_MONTH = new RegExp(
  `\\b(?<wpre>(?:(?:this|next|last|coming)\\s+)?(?<wd>${WD}),?\\s+)?(?:the\\s+)?(?<day>${ORD_WORD}|${DAY_NUM})\\.?\\s+(?<of>(?:day\\s+)?of\\s+)?(?<mo>${MO})(?:,?\\s+(?<yof>of\\s+)?(?<yr>\\d{4}|${YEAR_WORDS})\\b)?`,
  flags,
);
const SLASH_DATE = /\b(?<m>\d{1,2})\/(?<d>\d{1,2})(?:,\s?(?<y>\d{4}|\d{2}))?(?![/\d]|\.\d)/g;
const DOTTED_DATE = new RegExp(`\\b(?:(?<prep>on|in)|(?<wd>${WD}))\\s+(?<m>\\d{1,2})[.-](?<d>\\d{1,2})(?![.\\-/]?\\d)(?!\\s*(?:%|percent|per|million|billion|points|times|[ap]\\.?m\\b))`, flags);
const RELATIVE_MONTH = new RegExp(`\\b(?:(?<rel>last|this|next)\\s+(?<mo>${MO})(?!\\s+\\d)|(?<mo2>${MO})\\s+(?:of\\s+)?(?<rel2>last|this|next)\\s+year)\\b`, flags);
/** "the end of the month", "the beginning of next year": TIMEX3 writes the period (the mod END is not kept). */
const PART_OF_PERIOD = /\b(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+(?:the\s+)?(?<rel>this|next|last|previous|current)?\s*(?<unit>month|year|week)\b/gi;
/**
 * A month or weekday named alone ("in May", "on Friday", "last Friday night"): chrono-node reads these too,
 * but it runs only where numbers are near (time-windows.ts), so these are ours. Abbreviations count only
 * with their period ("Jan." - "Jan" is a name too).
 */
const MONTH_ALONE = new RegExp(`\\b(?<mo>january|february|march|april|may|june|july|august|september|october|november|december|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\\.)(?!\\w)(?:,?\\s+(?<yr>(?:1[5-9]|20)\\d\\d)(?![\\d,.]\\d))?`, 'gi');
const WEEKDAY_ALONE = new RegExp(
  `\\b(?:(?<mod>last|this|next|past|previous|coming)\\s+)?(?<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\\.)(?!\\w)(?:\\s+(?<part>morning|afternoon|evening|night)\\b)?`,
  'gi',
);
const WEEKDAY_ABBREVIATION = /\b(?<wd>tues|weds|thurs)\b/gi;
/** "the next day", "last day", "this day" (not "the last day of the trial"). */
const RELATIVE_DAY = /\b(?:the\s+)?(?<rel>next|last|past|previous|this)\s+day\b(?!\s+(?:of|in|on|at|for|before|after)\b|s\b|-)/gi;
const ORDINAL_DAY = new RegExp(
  `\\b(?<prep>on|by|until|since|from|for)\\s+(?<the>the\\s+)?(?<day>\\d{1,2}(?:st|nd|rd|th)?|${ORD_WORD})\\b`,
  flags,
);

/** Nouns after "the 21st" that make it something else than a day ("the 21st century", "the 27th floor"). */
const ORDINAL_NOT_DAY_AFTER = /^\s+(?:century|centuries|minute|round|day|time|floor|anniversary|birthday|place|amendment|annual|street|avenue|district|division|regiment|army|congress|session|year|week|inning|hole|lap|seed|pick|of [a-z])\b/i;
const CAPITALISED_AFTER = /^\s+\p{Lu}/u;
const DECIMAL_BEFORE = /\d[.,]$/;
const ENDS_PHRASE = /^\s*(?:[.!?,;:)](?!\d)|$)/;
/** Month words that are also verbs ("troops march", "it may"): in lower case only with an unmistakable day. */
const VERB_MONTH = /^(?:may|march|mar)\.?$/;
const AMOUNT_AFTER_DAY_WORDS = /^\s+(?:people|persons|men|women|children|troops|soldiers|percent|times|of\b)/i;

function numberWordsValue(words: string): number | null {
  const parts = words.toLowerCase().split(/[\s-]+/).filter((w) => w !== 'and');
  let total = 0;
  for (const part of parts) {
    const value = CARDINAL_WORDS.get(part) ?? ORDINAL_WORDS.get(part);
    if (value === undefined) return null;
    total += value;
  }
  return parts.length > 0 ? total : null;
}

/** 1-31 from "21st", "21", "twenty-first", "twenty one"; null otherwise. */
export function dayValue(text: string): number | null {
  const digits = /^(\d{1,2})(?:st|nd|rd|th)?$/i.exec(text);
  const value = digits ? Number(digits[1]) : numberWordsValue(text);
  return value !== null && value >= 1 && value <= 31 ? value : null;
}

/** A year from digits or words: "1978", "nineteen seventy eight", "nineteen zero one", "two thousand and eighteen". */
export function yearValue(text: string): number | null {
  if (/^\d{4}$/.test(text)) return Number(text);
  const words = text.toLowerCase().split(/[\s-]+/).filter((w) => w !== 'and');
  if (words[0] === 'two' && words[1] === 'thousand') {
    const rest = words.slice(2);
    const tail = rest.length === 0 ? 0 : numberWordsValue(rest.join(' '));
    return tail === null || tail > 99 ? null : 2000 + tail;
  }
  const century = CARDINAL_WORDS.get(words[0] ?? '');
  if (century === undefined || (century !== 19 && century !== 20)) return null;
  const rest = words.slice(1);
  let tail: number | null;
  if (rest[0] === 'zero' || rest[0] === 'oh') {
    // "nineteen zero one", "nineteen oh five": the second digit follows.
    const digit = rest.length === 2 ? CARDINAL_WORDS.get(rest[1]!) : undefined;
    tail = digit !== undefined && digit < 10 ? digit : null;
  } else tail = numberWordsValue(rest.join(' '));
  return tail === null || tail > 99 ? null : century * 100 + tail;
}

function monthValue(text: string): number | null {
  return MONTHS.get(text.toLowerCase().replace(/\.$/, '')) ?? null;
}

function weekdayValue(text: string): number | null {
  return WEEKDAYS.get(text.toLowerCase().replace(/\.$/, '')) ?? null;
}

function amountValue(text: string): number | null {
  const lower = text.toLowerCase();
  if (/^\d+$/.test(lower)) return Number(lower);
  if (lower === 'a' || lower === 'an') return 1;
  if (lower.includes('couple')) return 2;
  if (lower.includes('few') || lower === 'several') return null;
  return numberWordsValue(lower);
}

function unitOf(text: string): 'year' | 'month' | 'week' | 'day' {
  return text.toLowerCase().replace(/s$/, '') as 'year' | 'month' | 'week' | 'day';
}

function relativeOffset(rel: string): number {
  const lower = rel.toLowerCase();
  if (lower.includes('next') || lower.includes('following') || lower.includes('coming')) return 1;
  if (lower.includes('last') || lower.includes('previous')) return -1;
  return 0;
}

/** Moves a day by a number of calendar units. */
function shift(day: CalendarDay, unit: 'year' | 'month' | 'week' | 'day', amount: number): CalendarDay {
  if (unit === 'day') return addDays(day, amount);
  if (unit === 'week') return addDays(day, 7 * amount);
  return addMonths(day, unit === 'year' ? 12 * amount : amount);
}

/** A day of the month without month: this month's or the one before (after, in a future clause). */
function resolveDayOfMonth(reference: CalendarDay, day: number, tense: Tense): CalendarDay | null {
  const future = tense === 'future';
  for (let step = 0; step < 3; step++) {
    const candidate = addMonths({ year: reference.year, month: reference.month, day: 1 }, future ? step : -step);
    const date = { year: candidate.year, month: candidate.month, day };
    if (!isValidDay(date)) continue;
    if (future ? daysBetween(reference, date) >= 0 : daysBetween(date, reference) >= 0) return date;
  }
  return null;
}

/** The occurrence of month/day the clause points to. */
function resolveMonthDay(reference: CalendarDay, month: number, day: number, tense: Tense): CalendarDay | null {
  const occurrences = monthDayOccurrences(reference, month, day);
  if (!occurrences) return null;
  const pick = pickOccurrence(tense, daysBetween(occurrences.past, reference), daysBetween(reference, occurrences.future), FUTURE_CLOSER_FACTOR, PAST_TENSE_CLOSER_FACTOR);
  return occurrences[pick];
}

function resolveMonthYear(reference: CalendarDay, month: number, tense: Tense): number {
  return resolveMonthYearWith(reference, month, tense, FUTURE_CLOSER_FACTOR, PAST_TENSE_CLOSER_FACTOR);
}

function dateValue(scan: TimeScan, day: CalendarDay | null, unresolved: string): string | null {
  if (!scan.reference) return unresolved;
  return day ? formatDay(day) : null;
}

/** Emits a composite date; `explicit` when the text gives the whole value (no reference date needed). */
function push(scan: TimeScan, span: [number, number], value: string | null, rule: string, priority = PRIORITY_COMPOSITE, explicit = false): void {
  if (value) emit(scan, span, 'DATE', value, rule, priority, scan.reference !== null && !explicit);
}

export function detectCompositeDates(scan: TimeScan): void {
  const { doc, reference } = scan;
  const tense = (span: [number, number]) => tenseAround(doc, span[0], span[1]);

  // "Friday the 22nd": the day of a month near the reference that falls on that weekday.
  each(scan, TRIGGER.WEEKDAY, WEEKDAY_THE_DAY, (m, span) => {
    const weekday = weekdayValue(m.groups!.wd!);
    const day = dayValue(m.groups!.day!);
    if (weekday === null || day === null) return;
    if (!reference) return push(scan, span, `XXXX-XX-${pad(day)}`, 'time.weekday-day');
    const matches: CalendarDay[] = [];
    for (let step = -2; step <= 2; step++) {
      const month = addMonths({ year: reference.year, month: reference.month, day: 1 }, step);
      const date = { year: month.year, month: month.month, day };
      if (isValidDay(date) && weekdayOf(date) === weekday) matches.push(date);
    }
    const past = matches.filter((d) => daysBetween(d, reference) >= 0).pop();
    const future = matches.find((d) => daysBetween(reference, d) > 0);
    if (!past && !future) return;
    const pick = !future ? past! : !past ? future : pickOccurrence(tense(span), daysBetween(past, reference), daysBetween(reference, future), FUTURE_CLOSER_FACTOR, PAST_TENSE_CLOSER_FACTOR) === 'future' ? future : past;
    push(scan, span, formatDay(pick), 'time.weekday-day');
  }, 0, 0);

  // "the first Friday of July", "the second Monday of next month", "third Tuesday".
  each(scan, TRIGGER.WEEKDAY, ORDINAL_WEEKDAY, (m, span) => {
    const g = m.groups!;
    const n = g.n!.toLowerCase();
    const ordinal = n === 'last' ? -1 : (ORDINAL_WORDS.get(n) ?? Number(n[0]));
    const weekday = weekdayValue(g.wd!);
    if (weekday === null || (ordinal === -1 && !g.rel && !g.mo)) return; // "last Friday" is chrono's
    const month = g.mo ? monthValue(g.mo) : null;
    const code = `${ordinal === -1 ? 'L' : ordinal}`;
    if (!reference) return push(scan, span, `XXXX-${month ? pad(month) : 'XX'}-WXX-${weekday || 7}-#${code}`, 'time.nth-weekday');
    let year = reference.year;
    let monthNumber = reference.month;
    if (g.rel) {
      const shifted = addMonths({ ...reference, day: 1 }, g.rel.toLowerCase() === 'the' ? 0 : relativeOffset(g.rel));
      year = shifted.year;
      monthNumber = shifted.month;
    } else if (month) {
      monthNumber = month;
      year = g.yr ? Number(g.yr) : resolveMonthYear(reference, month, tense(span));
    }
    const date = nthWeekdayOfMonth(year, monthNumber, weekday, ordinal);
    if (date) push(scan, span, formatDay(date), 'time.nth-weekday');
  }, 0, 2);

  // "Friday next week", "Tuesday of next week", "this week on Saturday".
  each(scan, TRIGGER.WEEKDAY, WEEKDAY_OF_WEEK, (m, span) => {
    const g = m.groups!;
    const weekday = weekdayValue(g.wd ?? g.wd2!);
    const rel = g.rel ?? g.rel2!;
    if (weekday === null) return;
    if (!reference) return push(scan, span, `XXXX-WXX-${weekday || 7}`, 'time.weekday-of-week');
    push(scan, span, formatDay(weekdayInWeek(reference, relativeOffset(rel), weekday)), 'time.weekday-of-week');
  }, 0, 3);

  // "the 20th of next month".
  each(scan, TRIGGER.ORDINAL, DAY_OF_RELATIVE_MONTH, (m, span) => {
    const day = dayValue(m.groups!.day!);
    if (day === null) return;
    if (!reference) return push(scan, span, `XXXX-XX-${pad(day)}`, 'time.day-of-month');
    const month = addMonths({ ...reference, day: 1 }, relativeOffset(m.groups!.rel!));
    const date = { year: month.year, month: month.month, day };
    if (isValidDay(date)) push(scan, span, formatDay(date), 'time.day-of-month');
  }, 0, 1);

  // "the day before yesterday", "two days after today", "three weeks from tomorrow".
  each(scan, TRIGGER.DAY_WORD, DAY_AROUND, (m, span) => {
    const g = m.groups!;
    const base = g.base!.toLowerCase();
    const baseOffset = base === 'yesterday' ? -1 : base === 'today' ? 0 : 1;
    const amount = g.n ? amountValue(g.n) : 1;
    if (amount === null) return;
    const unit = g.unit ? unitOf(g.unit) : 'day';
    const sign = g.dir!.toLowerCase() === 'before' ? -1 : 1;
    if (!reference) return push(scan, span, 'XXXX-XX-XX', 'time.day-around');
    push(scan, span, formatDay(shift(addDays(reference, baseOffset), unit, sign * amount)), 'time.day-around');
  }, 0, 3);

  // "1 month 21 days ago", "two weeks from now", "2 years 21 days later" (future clauses only: in a
  // narrative "two days later" counts from the last event, not from the reference date).
  each(scan, TRIGGER.OFFSET | TRIGGER.DAY_WORD, OFFSET_FROM_NOW, (m, span) => {
    const g = m.groups!;
    const dir = g.dir!.toLowerCase();
    const parts: Array<{ amount: number | null; unit: 'year' | 'month' | 'week' | 'day' }> = [];
    AMOUNT_UNIT.lastIndex = 0;
    for (let p = AMOUNT_UNIT.exec(g.amounts!); p; p = AMOUNT_UNIT.exec(g.amounts!)) parts.push({ amount: amountValue(p.groups!.n!), unit: unitOf(p.groups!.unit!) });
    const backward = dir === 'ago';
    if (backward && parts.length === 1) {
      // Single units are time.ts's relative reading; only "several years ago" is too vague to place.
      if (/^several\b/i.test(g.amounts!)) push(scan, span, 'PAST_REF', 'time.offset');
      return;
    }
    if (dir === 'later' && tense(span) !== 'future') return;
    if (parts.some((p) => p.amount === null)) return push(scan, span, backward ? 'PAST_REF' : 'FUTURE_REF', 'time.offset');
    if (!reference) return push(scan, span, backward ? 'PAST_REF' : 'FUTURE_REF', 'time.offset');
    let date = reference;
    for (const part of parts) date = shift(date, part.unit, (backward ? -1 : 1) * part.amount!);
    push(scan, span, granular(date, parts.map((p) => p.unit)), 'time.offset');
  }, TRIGGER.UNIT, 3);

  // "two Sundays from now", "two Mondays later".
  each(scan, TRIGGER.WEEKDAY, WEEKDAY_COUNT, (m, span) => {
    const amount = amountValue(m.groups!.n!);
    const weekday = weekdayValue(m.groups!.wd!);
    if (amount === null || weekday === null || !reference) return;
    const backward = m.groups!.dir!.toLowerCase() === 'ago';
    const refWeekday = weekdayOf(reference);
    const first = backward ? -(((refWeekday - weekday + 7) % 7) || 7) : ((weekday - refWeekday + 7) % 7) || 7;
    push(scan, span, formatDay(addDays(reference, first + (backward ? -7 : 7) * (amount - 1))), 'time.weekday-count');
  }, 0, 2);

  // "in 3 weeks", "within four business days": a date when the clause speaks of the future.
  each(scan, TRIGGER.UNIT, IN_FUTURE, (m, span) => {
    // Business days are counted ahead whatever the tense.
    if (!reference || (!m.groups!.business && tense(span) !== 'future')) return;
    const amount = amountValue(m.groups!.n!);
    if (amount === null) return;
    const unit = unitOf(m.groups!.unit!);
    if (m.groups!.business) {
      if (unit !== 'day') return;
      let date = reference;
      for (let left = amount; left > 0; ) {
        date = addDays(date, 1);
        if (!WEEKEND_DAYS.has(weekdayOf(date))) left--;
      }
      return push(scan, span, formatDay(date), 'time.in-future');
    }
    push(scan, span, granular(shift(reference, unit, amount), [unit]), 'time.in-future');
  }, 0, 3);

  // "May twenty-first", "jan twenty two, 2018", "September the twenty-first nineteen seventy eight".
  each(scan, TRIGGER.MONTH | TRIGGER.MONTH_VERB, MONTH_DAY, (m, span) => {
    const g = m.groups!;
    const wordDay = !/^\d/.test(g.day!);
    if (VERB_MONTH.test(g.mo!) && !(g.the || ORDINAL_WORDS.has(g.day!.toLowerCase().split(/[\s-]/).pop()!) || /\d/.test(g.day!))) return;
    if (wordDay && !g.yr && AMOUNT_AFTER_DAY_WORDS.test(doc.text.slice(span[1], span[1] + 12))) return;
    monthDay(scan, span, g, wordDay || g.yof !== undefined || (g.yr !== undefined && !/^\d/.test(g.yr)) ? PRIORITY_COMPOSITE : PRIORITY_CHRONO, tense);
  }, TRIGGER.WEEKDAY, 2);

  // "the tenth of September, two thousand", "26th june of 2020", "16. Nov. 2016".
  each(scan, TRIGGER.MONTH | TRIGGER.MONTH_VERB, DAY_OF_MONTH, (m, span) => {
    const g = m.groups!;
    if (VERB_MONTH.test(g.mo!) && !g.of && !/[A-Z]/.test(g.mo![0]!)) return;
    const wordDay = !/^\d/.test(g.day!);
    // "6,107.31 August 2019": the day is the tail of a decimal number.
    if (!wordDay && DECIMAL_BEFORE.test(doc.text.slice(Math.max(0, span[0] - 2), span[0]))) return;
    monthDay(scan, span, g, wordDay || g.yof !== undefined || g.of !== undefined || (g.yr !== undefined && !/^\d/.test(g.yr)) ? PRIORITY_COMPOSITE : PRIORITY_CHRONO, tense);
  }, 0, 5);

  // "2/29" (chrono rejects a leap day outside leap years), "08/12,2015".
  each(scan, TRIGGER.NUMERIC, SLASH_DATE, (m, span) => {
    const g = m.groups!;
    let month = Number(g.m);
    let day = Number(g.d);
    if (month > 12 && day <= 12) [month, day] = [day, month];
    if (!g.y && day <= 12) return; // "7/8" is a fraction as often as a date
    const year = g.y ? (g.y.length === 2 ? 2000 + Number(g.y) - (Number(g.y) > 50 ? 100 : 0) : Number(g.y)) : null;
    monthDayValue(scan, span, month, day, year, g.y ? PRIORITY_COMPOSITE : PRIORITY_FALLBACK, tense);
  }, 0, 0);

  // "on 4-22", "in 4.22", "Friday 7-6".
  each(scan, TRIGGER.NUMERIC | TRIGGER.WEEKDAY, DOTTED_DATE, (m, span) => {
    const g = m.groups!;
    const month = Number(g.m);
    const day = Number(g.d);
    if (month < 1 || month > 12 || (g.prep && day <= 12)) return;
    const start = g.prep ? span[0] + m[0].indexOf(g.m!, g.prep.length) : span[0];
    monthDayValue(scan, [start, span[1]], month, day, null, PRIORITY_COMPOSITE, tense);
  }, 0, 1);

  // "last February", "this September", "July last year".
  each(scan, TRIGGER.MONTH, RELATIVE_MONTH, (m, span) => {
    const g = m.groups!;
    const mo = g.mo ?? g.mo2!;
    if (VERB_MONTH.test(mo)) return;
    const month = monthValue(mo);
    if (month === null) return;
    const offset = relativeOffset(g.rel ?? g.rel2!);
    if (!reference) return push(scan, span, `XXXX-${pad(month)}`, 'time.relative-month');
    let year = reference.year + offset;
    if (g.rel) {
      // "last March": the latest March before this month, a year further back when it was last month
      // (that would be "last month"); "next March" the same way forward.
      if (offset === -1) {
        year = month < reference.month ? reference.year : reference.year - 1;
        if ((reference.month - month + 12) % 12 === 1) year--;
      } else if (offset === 1) {
        year = month > reference.month ? reference.year : reference.year + 1;
        if ((month - reference.month + 12) % 12 === 1) year++;
      }
    }
    push(scan, span, formatMonth(year, month), 'time.relative-month');
  }, 0, 1);

  each(scan, TRIGGER.MONTH, MONTH_ALONE, (m, span) => {
    const mo = m.groups!.mo!;
    if (!/^\p{Lu}/u.test(mo)) return; // "troops march", "it may"
    const month = monthValue(mo)!;
    if (m.groups!.yr) return push(scan, span, formatMonth(Number(m.groups!.yr), month), 'time.month', PRIORITY_NAME_ALONE, true);
    if (!reference) return push(scan, span, `XXXX-${pad(month)}`, 'time.month', PRIORITY_NAME_ALONE);
    const year = resolveMonthYear(reference, month, tense(span));
    push(scan, span, formatMonth(year, month), 'time.month', PRIORITY_NAME_ALONE);
  }, 0, 0);

  each(scan, TRIGGER.WEEKDAY, WEEKDAY_ALONE, (m, span) => {
    const g = m.groups!;
    const weekday = weekdayValue(g.wd!)!;
    const modifier = (g.mod ?? '').toLowerCase();
    let value: string;
    if (!reference) value = `XXXX-WXX-${weekday || 7}`;
    else value = formatDay(resolveWeekday(reference, weekday, modifier, modifier ? 'none' : tense(span)));
    if (g.part && reference) return emit(scan, span, 'TIME', `${value}T${PARTS_OF_DAY.get(g.part.toLowerCase())}`, 'time.weekday', PRIORITY_NAME_ALONE, true);
    push(scan, span, value, 'time.weekday', PRIORITY_NAME_ALONE);
  }, 0, 1);

  // "tues", "thurs": abbreviations chrono-node does not read (the unambiguous ones only: "sun", "sat"
  // and "wed" are words too).
  each(scan, TRIGGER.WEEKDAY, WEEKDAY_ABBREVIATION, (m, span) => {
    const weekday = weekdayValue(m.groups!.wd!)!;
    if (!reference) return push(scan, span, `XXXX-WXX-${weekday || 7}`, 'time.weekday');
    const refWeekday = weekdayOf(reference);
    const future = tense(span) === 'future';
    const delta = future ? (weekday - refWeekday + 7) % 7 : -((refWeekday - weekday + 7) % 7);
    push(scan, span, formatDay(addDays(reference, delta)), 'time.weekday', PRIORITY_FALLBACK);
  }, 0, 0);

  // "the end of the month", "the start of next year".
  each(scan, TRIGGER.UNIT, PART_OF_PERIOD, (m, span) => {
    if (!reference) return;
    const offset = m.groups!.rel ? relativeOffset(m.groups!.rel) : 0;
    const unit = m.groups!.unit!.toLowerCase();
    let value: string;
    if (unit === 'year') value = String(reference.year + offset);
    else if (unit === 'month') {
      const month = addMonths({ ...reference, day: 1 }, offset);
      value = formatMonth(month.year, month.month);
    } else value = isoWeek(addDays(reference, 7 * offset));
    push(scan, span, value, 'time.part-of-period', PRIORITY_FALLBACK);
  }, 0, 4);

  // "the next day", "past day".
  each(scan, TRIGGER.UNIT, RELATIVE_DAY, (m, span) => {
    if (!reference) return;
    push(scan, span, formatDay(addDays(reference, relativeOffset(m.groups!.rel!.replace('past', 'last')))), 'time.relative-day', PRIORITY_FALLBACK);
  }, 0, 2);

  // "on the 21st", "for the 27.", "on the second!".
  each(scan, TRIGGER.ORDINAL, ORDINAL_DAY, (m, span) => {
    const g = m.groups!;
    const day = dayValue(g.day!);
    if (day === null) return;
    const after = doc.text.slice(span[1], span[1] + 24);
    const suffixed = /\d(?:st|nd|rd|th)$/i.test(g.day!);
    if (ORDINAL_NOT_DAY_AFTER.test(after) || CAPITALISED_AFTER.test(after) || /^\s*(?:of\b|-)/.test(after)) return;
    // Without a suffix ("the 27") or without "the" ("on twenty second"), only at the end of a phrase.
    if (!(suffixed && g.the) && !ENDS_PHRASE.test(after)) return;
    if (!suffixed && /^\d/.test(g.day!) && g.prep!.toLowerCase() !== 'on' && !g.the) return;
    const start = span[0] + g.prep!.length + m[0].slice(g.prep!.length).search(/\S/);
    const value = reference ? resolveDayOfMonth(reference, day, tense(span)) : null;
    push(scan, [start, span[1]], reference ? (value ? formatDay(value) : null) : `XXXX-XX-${pad(day)}`, 'time.ordinal-day', PRIORITY_FALLBACK - 0.25);
  }, 0, 3);
}

/** A date written to the granularity of its finest unit: "3 years ago" -> year, "1 month 21 days ago" -> day. */
function granular(date: CalendarDay, units: string[]): string {
  if (units.includes('day') || units.includes('week')) return formatDay(date);
  if (units.includes('month')) return formatMonth(date.year, date.month);
  return String(date.year);
}

function monthDay(scan: TimeScan, span: [number, number], g: Record<string, string | undefined>, priority: number, tense: (span: [number, number]) => Tense): void {
  const { reference } = scan;
  const month = monthValue(g.mo!);
  const day = dayValue(g.day!);
  if (month === null || day === null) return;
  let year: number | null = null;
  if (g.yr) {
    year = yearValue(g.yr);
    // "two thousand" alone is a year only at the end of the phrase ("May 5 two thousand people ...").
    if (year === null || (/^two thousand$/i.test(g.yr) && !ENDS_PHRASE.test(scan.doc.text.slice(span[1], span[1] + 3)))) {
      const cut = span[1] - g.yr.length;
      span = [span[0], scan.doc.text.slice(span[0], cut).trimEnd().replace(/,$/, '').length + span[0]];
      year = null;
    }
  }
  let date: CalendarDay | null;
  if (year !== null) date = isValidDay({ year, month, day }) ? { year, month, day } : null;
  else if (!reference) return push(scan, span, `XXXX-${pad(month)}-${pad(day)}`, 'time.month-day', priority);
  else date = resolveMonthDay(reference, month, day, tense(span));
  if (!date) return;
  // A weekday with a modifier that does not fall on the date is a separate expression ("this Friday June
  // 23"); a bare one belongs to the date as written ("Wed, 22 of Jan").
  if (g.wpre && /^(?:this|next|last|coming)\s/i.test(g.wpre) && weekdayValue(g.wd!) !== weekdayOf(date)) span = [span[0] + g.wpre.length, span[1]];
  push(scan, span, formatDay(date), 'time.month-day', priority, year !== null);
}

function monthDayValue(scan: TimeScan, span: [number, number], month: number, day: number, year: number | null, priority: number, tense: (span: [number, number]) => Tense): void {
  const { reference } = scan;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(2000, month)) return; // "1/40" is a fraction
  if (year !== null) {
    const date = { year, month, day };
    if (isValidDay(date)) push(scan, span, formatDay(date), 'time.month-day', priority, true);
    return;
  }
  if (!reference) return push(scan, span, `XXXX-${pad(month)}-${pad(day)}`, 'time.month-day', priority);
  push(scan, span, dateValue(scan, resolveMonthDay(reference, month, day, tense(span)), ''), 'time.month-day', priority);
}
