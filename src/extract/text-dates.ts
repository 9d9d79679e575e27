/**
 * Dates written on bylines and datelines of scraped pages, in the languages chrono reads. Only absolute dates
 * count: a date must state its year ("Updated 2 hours ago" has no reference to resolve against, so it gives
 * no date). A time after the date separated by a dot or a bar ("6 March 2025 · 15:30") belongs to it.
 */
import * as chrono from 'chrono-node';
import type { IsoDate } from '../model.ts';
import { formatDate } from './dates.ts';

/** The parsers of the other languages of the dev pages, tried when English finds nothing. */
const OTHER_PARSERS: chrono.Chrono[] = [chrono.de.strict, chrono.fr.strict, chrono.es.strict, chrono.it.strict, chrono.nl.strict, chrono.pt.strict];

/** What the other languages' parsers need to find a date: a dotted numeric date or a month name of theirs. */
const OTHER_LANGUAGE_DATE = new RegExp(
  // a dotted numeric date, a day with a dot before a month name spelt as in English ("12. September 2013"), or a
  // month name of theirs
  '\\d{1,2}\\.\\s?\\d{1,2}\\.\\s?\\d{2,4}|\\b\\d{1,2}\\.\\s+(?:january|february|april|june|july|august|september|october|november|december)\\s+\\d{4}|\\b(?:' + [
    'januar', 'jänner', 'februar', 'märz', 'mai', 'juni', 'juli', 'oktober', 'dezember', 'janvier', 'février', 'mars',
    'avril', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre', 'enero', 'febrero', 'marzo',
    'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre', 'gennaio',
    'febbraio', 'aprile', 'maggio', 'giugno', 'luglio', 'settembre', 'ottobre', 'dicembre', 'januari', 'februari',
    'maart', 'mei', 'augustus', 'janeiro', 'fevereiro', 'março', 'maio', 'junho', 'julho', 'setembro', 'outubro',
    'novembro', 'dezembro',
  ].join('|') + ')',
  'iu',
);

/**
 * A dotted numeric date ("10.12.2022", "3.4.21"): written day first wherever dots are used, while the English parser
 * reads it month first; the German parser, which reads it day first, goes first for such lines.
 */
const DOTTED_NUMERIC_DATE = /(?<!\d)\d{1,2}\.\s?\d{1,2}\.\s?(?:\d{4}|\d{2})(?!\d)/;
const DAY_FIRST_PARSERS: chrono.Chrono[] = [chrono.de.strict, chrono.strict, ...OTHER_PARSERS.filter((p) => p !== chrono.de.strict)];

/** Fixed reference so that parsing never depends on the clock; years must be written out anyway. */
const PARSE_REFERENCE = new Date(Date.UTC(2000, 0, 1));

/** A written year (4 digits) or a numeric day.month.year with a 2-digit year: what makes a date absolute. */
const STATED_YEAR = /\b(?:19|20)\d{2}\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2}\b/;

/** A time right after the date, joined by a separator chrono does not read ("· 15:30", "| 9.30", ", 14h30"). */
const TRAILING_TIME = /^\s*(?:[·•|,@–—-]|\bat\b|\bum\b|\bà\b|\ba las\b|\balle\b)?\s*(\d{1,2})[:.h](\d{2})\s*(am|pm|a\.m\.|p\.m\.)?(?!\d)/i;

export interface LineDate {
  value: IsoDate;
  /** Where the date's words are in the line. */
  index: number;
  /** The date's words (with a trailing time when one was attached). */
  text: string;
}

/** The first absolute date written in a line, or null. Cheap for lines without a year. */
export function findLineDate(line: string): LineDate | null {
  if (!STATED_YEAR.test(line)) return null;
  const parsers = DOTTED_NUMERIC_DATE.test(line) ? DAY_FIRST_PARSERS
    : OTHER_LANGUAGE_DATE.test(line) ? [chrono.strict, ...OTHER_PARSERS] : [chrono.strict];
  for (const parser of parsers) {
    for (const result of parser.parse(line, PARSE_REFERENCE)) {
      const start = result.start;
      if (!start.isCertain('year') || !start.isCertain('month') || !start.isCertain('day')) continue;
      if (!STATED_YEAR.test(result.text)) continue;
      let hour = start.isCertain('hour') ? (start.get('hour') ?? 0) : undefined;
      let minute = hour === undefined ? undefined : (start.get('minute') ?? 0);
      let text = result.text;
      if (hour === undefined) {
        const time = TRAILING_TIME.exec(line.slice(result.index + result.text.length));
        if (time) {
          hour = Number(time[1]);
          minute = Number(time[2]);
          const meridiem = time[3]?.toLowerCase().replace(/\./g, '');
          if (meridiem === 'pm' && hour < 12) hour += 12;
          if (meridiem === 'am' && hour === 12) hour = 0;
          text = line.slice(result.index, result.index + result.text.length + time[0].length);
        }
      }
      const zoneKnown = hour !== undefined && start.isCertain('timezoneOffset');
      const value = formatDate({
        year: start.get('year') ?? 0,
        month: start.get('month') ?? 0,
        day: start.get('day') ?? 0,
        hour,
        minute,
        offset: zoneKnown ? (start.get('timezoneOffset') ?? undefined) : undefined,
      });
      if (value) return { value, index: result.index, text };
    }
  }
  return null;
}
