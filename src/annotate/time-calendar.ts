/**
 * Calendar arithmetic for the time tagger: proleptic Gregorian days in UTC, ISO weeks, TIMEX3 formatting,
 * and the choice between the past and the future occurrence of a date that lacks its year or month.
 */

export interface CalendarDay {
  year: number;
  month: number; // 1-12
  day: number;
}

export type Tense = 'future' | 'past' | 'none';

const DAY_MS = 86_400_000;

export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function parseReference(value: string | null): CalendarDay | null {
  if (!value) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return null;
  const day = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return isValidDay(day) ? day : null;
}

export function toUtc(day: CalendarDay): number {
  const date = new Date(0);
  date.setUTCFullYear(day.year, day.month - 1, day.day); // setUTCFullYear keeps years below 100 as written
  return date.getTime();
}

export function fromUtc(ms: number): CalendarDay {
  const date = new Date(ms);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidDay(day: CalendarDay): boolean {
  return day.month >= 1 && day.month <= 12 && day.day >= 1 && day.day <= daysInMonth(day.year, day.month);
}

export function addDays(day: CalendarDay, days: number): CalendarDay {
  return fromUtc(toUtc(day) + days * DAY_MS);
}

/** The same day `months` months later, clipped to the month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(day: CalendarDay, months: number): CalendarDay {
  const index = day.year * 12 + day.month - 1 + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(day.day, daysInMonth(year, month)) };
}

export function daysBetween(from: CalendarDay, to: CalendarDay): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

export function formatDay(day: CalendarDay): string {
  return `${pad(day.year, 4)}-${pad(day.month)}-${pad(day.day)}`;
}

export function formatMonth(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month)}`;
}

/** JavaScript weekday: 0 = Sunday. */
export function weekdayOf(day: CalendarDay): number {
  return new Date(toUtc(day)).getUTCDay();
}

/** ISO 8601 week of a day: `2024-W47`. */
export function isoWeek(day: CalendarDay): string {
  const date = new Date(toUtc(day));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday); // Thursday of the same ISO week
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / DAY_MS + 1) / 7);
  return `${date.getUTCFullYear()}-W${pad(week)}`;
}

/** The given weekday (0 = Sunday) of the ISO week (Monday to Sunday) `weeks` weeks from the reference's. */
export function weekdayInWeek(reference: CalendarDay, weeks: number, weekday: number): CalendarDay {
  const monday = addDays(reference, -((weekdayOf(reference) + 6) % 7) + 7 * weeks);
  return addDays(monday, (weekday + 6) % 7);
}

/** The n-th (1-based; -1 = last) given weekday of a month, or null when the month has no such day. */
export function nthWeekdayOfMonth(year: number, month: number, weekday: number, n: number): CalendarDay | null {
  if (n === -1) {
    const last = { year, month, day: daysInMonth(year, month) };
    return addDays(last, -((weekdayOf(last) - weekday + 7) % 7));
  }
  const first = { year, month, day: 1 };
  const day = 1 + ((weekday - weekdayOf(first) + 7) % 7) + 7 * (n - 1);
  return day <= daysInMonth(year, month) ? { year, month, day } : null;
}

/**
 * Picks the past or the future occurrence of a date that lacks its year: the tense decides; without one
 * the past, unless the future occurrence is `closerFactor` times closer.
 */
export function pickOccurrence(tense: Tense, pastDistance: number, futureDistance: number, closerFactor: number, pastTenseFactor: number): 'past' | 'future' {
  if (pastDistance === 0) return 'past';
  if (tense === 'future') return 'future';
  // Past tense keeps the past occurrence unless the future one is far closer: "Nov. 21" written on
  // Nov. 2 in a past-tense sentence is still this month's (a year-old date would carry its year).
  if (tense === 'past') return futureDistance * pastTenseFactor < pastDistance ? 'future' : 'past';
  return futureDistance * closerFactor < pastDistance ? 'future' : 'past';
}

/**
 * The occurrences of month/day before (or on) and after the reference, skipping years where the day does
 * not exist (Feb 29). Null when the day never exists (Feb 30).
 */
export function monthDayOccurrences(reference: CalendarDay, month: number, day: number): { past: CalendarDay; future: CalendarDay } | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(2000, month)) return null;
  let pastYear = reference.year;
  while (!isValidDay({ year: pastYear, month, day }) || toUtc({ year: pastYear, month, day }) > toUtc(reference)) pastYear--;
  let futureYear = reference.year;
  while (!isValidDay({ year: futureYear, month, day }) || toUtc({ year: futureYear, month, day }) <= toUtc(reference)) futureYear++;
  return { past: { year: pastYear, month, day }, future: { year: futureYear, month, day } };
}

/**
 * The day a weekday names: "this Friday" in the reference's week, "next Friday" in the next week, "last
 * Friday" the latest one before the reference day; a bare weekday the coming one (today included) in a
 * future clause, else the latest one (today included).
 */
export function resolveWeekday(reference: CalendarDay, weekday: number, modifier: string, tense: Tense): CalendarDay {
  const refWeekday = weekdayOf(reference);
  if (modifier === 'this') return weekdayInWeek(reference, 0, weekday);
  if (modifier === 'next') return weekdayInWeek(reference, 1, weekday);
  if (modifier === 'last' || modifier === 'past' || modifier === 'previous') return addDays(reference, -(((refWeekday - weekday + 7) % 7) || 7));
  if (tense === 'future' || modifier === 'coming') return addDays(reference, (weekday - refWeekday + 7) % 7);
  return addDays(reference, -((refWeekday - weekday + 7) % 7));
}

/** Year of a month named without one: this year's occurrence or the one a year before/after. */
export function resolveMonthYear(reference: CalendarDay, month: number, tense: Tense, closerFactor: number, pastTenseFactor: number): number {
  const year = month > reference.month ? reference.year - 1 : reference.year;
  const pastDistance = (reference.year - year) * 12 + reference.month - month;
  return pickOccurrence(tense, pastDistance, 12 - pastDistance, closerFactor, pastTenseFactor) === 'future' ? year + 1 : year;
}
