/**
 * Dates in the contract's forms: `YYYY-MM-DD` (day only), `YYYY-MM-DDThh:mm[:ss]±hh:mm` (time with a known
 * offset), `YYYY-MM-DDThh:mm[:ss]` (time whose zone is unknown: never a `Z`).
 */
import * as chrono from 'chrono-node';
import type { IsoDate } from '../model.ts';
import { MONTH_NAMES, ZONE_OFFSETS } from './constants.ts';
import { PUBLISHED_MAX_YEAR, PUBLISHED_MIN_YEAR } from './meta-constants.ts';

interface DateParts {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
  /** Minutes east of UTC; undefined when the zone is unknown. */
  offset?: number;
}

const ISO_LIKE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?|[A-Za-z]{2,5})?)?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?$/;
const SLASHED_YEAR_FIRST = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;
const EPOCH_SECONDS = /^\d{10}$/;
const EPOCH_MILLISECONDS = /^\d{13}$/;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function isRealDay(year: number, month: number, day: number): boolean {
  if (year < PUBLISHED_MIN_YEAR || year > PUBLISHED_MAX_YEAR || month < 1 || month > 12 || day < 1) return false;
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

function zoneOffset(zone: string | undefined): number | undefined {
  if (!zone) return undefined;
  if (zone === 'Z' || zone === 'z') return 0;
  const numeric = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3] ?? 0);
    return numeric[1] === '-' ? -minutes : minutes;
  }
  return ZONE_OFFSETS.get(zone.toLowerCase());
}

/** Formats parts in the contract's form, or null when they do not name a real day and time. */
export function formatDate(parts: DateParts): IsoDate | null {
  const { year, month, day, hour, minute, second, offset } = parts;
  if (!isRealDay(year, month, day)) return null;
  const dayText = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  if (hour === undefined || minute === undefined) return dayText;
  if (hour > 23 || minute > 59 || (second !== undefined && second > 59)) return null;
  // Midnight without a zone is how many sites spell a date known only to the day.
  if (offset === undefined && hour === 0 && minute === 0 && !second) return dayText;
  const seconds = second ? `:${pad(second)}` : '';
  if (offset === undefined) return `${dayText}T${pad(hour)}:${pad(minute)}${seconds}`;
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${dayText}T${pad(hour)}:${pad(minute)}${seconds}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function fromEpoch(milliseconds: number): IsoDate | null {
  const d = new Date(milliseconds);
  return formatDate({
    year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(),
    hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), offset: 0,
  });
}

/** Reads machine-written dates (ISO 8601 and near relatives, compact, epoch). */
function parseMachineDate(raw: string): IsoDate | null {
  let m = ISO_LIKE.exec(raw);
  if (m) {
    const offset = zoneOffset(m[7]);
    if (m[7] && offset === undefined && !/^[A-Za-z]+$/.test(m[7])) return null;
    return formatDate({
      year: +m[1], month: +m[2], day: +m[3],
      hour: m[4] === undefined ? undefined : +m[4],
      minute: m[5] === undefined ? undefined : +m[5],
      second: m[6] === undefined ? undefined : +m[6],
      offset,
    });
  }
  m = COMPACT_DATE.exec(raw);
  if (m) {
    return formatDate({
      year: +m[1], month: +m[2], day: +m[3],
      hour: m[4] === undefined ? undefined : +m[4],
      minute: m[5] === undefined ? undefined : +m[5],
      second: m[6] === undefined ? undefined : +m[6],
    });
  }
  m = SLASHED_YEAR_FIRST.exec(raw);
  if (m) return formatDate({ year: +m[1], month: +m[2], day: +m[3] });
  if (EPOCH_SECONDS.test(raw)) return fromEpoch(Number(raw) * 1000);
  if (EPOCH_MILLISECONDS.test(raw)) return fromEpoch(Number(raw));
  return null;
}

/** A date found inside a longer text. */
export interface FoundDate {
  value: IsoDate;
  /** Where the date's words are in the text searched. */
  index: number;
  text: string;
}

/** Fixed reference so that parsing never depends on the clock; years must be written out anyway. */
const PARSE_REFERENCE = new Date(Date.UTC(2000, 0, 1));

/** Finds the first written-out date with an explicit year in a text ("November 29, 2024 8:35 AM"). */
export function findDateInText(text: string): FoundDate | null {
  const results = chrono.strict.parse(text, PARSE_REFERENCE);
  for (const result of results) {
    const start = result.start;
    if (!start.isCertain('year') || !start.isCertain('month') || !start.isCertain('day')) continue;
    const hasTime = start.isCertain('hour');
    const zoneKnown = start.isCertain('timezoneOffset');
    const value = formatDate({
      year: start.get('year') ?? 0,
      month: start.get('month') ?? 0,
      day: start.get('day') ?? 0,
      hour: hasTime ? (start.get('hour') ?? 0) : undefined,
      minute: hasTime ? (start.get('minute') ?? 0) : undefined,
      second: hasTime ? (start.get('second') ?? 0) : undefined,
      offset: hasTime && zoneKnown ? (start.get('timezoneOffset') ?? undefined) : undefined,
    });
    if (value) return { value, index: result.index, text: result.text };
  }
  return null;
}

/**
 * Normalises a date string from metadata or page text to the contract's form; null when it is not a date.
 * Machine forms are read exactly; written-out forms go through chrono and must state their year.
 */
export function normalizeDate(raw: string | null | undefined): IsoDate | null {
  if (!raw) return null;
  const trimmed = raw.trim();
  if (!trimmed || trimmed.length > 200) return null;
  return parseMachineDate(trimmed) ?? findDateInText(trimmed)?.value ?? null;
}

const URL_DATE_PATTERNS: RegExp[] = [
  /\/((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})(?:\/|$)/,
  /[/_-]((?:19|20)\d{2})-(\d{2})-(\d{2})(?:[/_-]|$)/,
  /\/((?:19|20)\d{2})(\d{2})(\d{2})(?:\/|$|-)/,
];

/** The day a URL names in its path (`/2024/11/29/`, `-2024-11-29-`), or null. */
export function dateFromUrl(url: string | null | undefined): IsoDate | null {
  if (!url) return null;
  const path = urlPath(url);
  for (const pattern of URL_DATE_PATTERNS) {
    const m = pattern.exec(path);
    if (m) {
      const value = formatDate({ year: +m[1], month: +m[2], day: +m[3] });
      if (value) return value;
    }
  }
  return null;
}

/** The path and query of a URL (its host may hold digits that look like a date). */
function urlPath(url: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*(.*)$/i.exec(url.trim());
  return m ? m[1] : url;
}

const URL_MONTH_PATTERN = /\/((?:19|20)\d{2})\/(\d{2})(?:\/|$)|[/_-]((?:19|20)\d{2})-(\d{2})(?:[/_]|$)/;

/** The year and month a URL names without a day (`/2016/12/post.html` -> `2016-12`), or null. */
export function monthFromUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  const m = URL_MONTH_PATTERN.exec(urlPath(url));
  if (!m) return null;
  const year = Number(m[1] ?? m[3]);
  const month = Number(m[2] ?? m[4]);
  if (month < 1 || month > 12 || !formatDate({ year, month, day: 1 })) return null;
  return `${year}-${String(month).padStart(2, '0')}`;
}

const MONTH_WORD = new RegExp(`\\b(${MONTH_NAMES.map((name) => name.slice(0, 3)).join('|')})[a-z]*\\.?\\s`, 'i');

/** Whether a string contains a month name (used to cut dates glued to author names). */
export function containsMonthName(text: string): boolean {
  return MONTH_WORD.test(text);
}
