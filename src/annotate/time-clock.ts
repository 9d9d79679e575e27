/**
 * Clock times chrono-node does not read: spelled times ("seven thirty pm", "seven o'clock"), times
 * relative to the hour ("half past eight", "ten past 9 in the evening", "three minutes to eight"), the
 * French-style "7h01", "12 in the night", "midday" and "11-ish". Values are TIMEX3 TIME on the reference
 * day (`2016-11-07T19:30`), or on an unknown day without one (`XXXX-XX-XXT19:30`).
 */

import { formatDay, pad } from './time-calendar.ts';
import { CARDINAL_WORDS, DAY_WORD_HOURS, TRIGGER } from './time-constants.ts';
import { each, emit, PRIORITY_COMPOSITE, type TimeScan } from './time-core.ts';

const HOUR_WORD = '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)';
const MINUTE_WORD =
  '(?:(?:twenty|thirty|forty|fifty)(?:[\\s-](?:one|two|three|four|five|six|seven|eight|nine))?|oh[\\s-](?:one|two|three|four|five|six|seven|eight|nine)|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|five)';
/** 24-hour spelled hours ("fifteen fifteen p m"). */
const HOUR_WORD_24 = `(?:${HOUR_WORD}|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:[\\s-](?:one|two|three))?)`;
const MERIDIEM = '(?:[ap]\\.?\\s?m\\b\\.?)';
const PART = '(?:in\\s+the\\s+(?:morning|afternoon|evening|night)|at\\s+night|(?:morning|afternoon|evening)\\b)';

/** "seven thirty pm", "eleven twenty pm", "five thirty in the night" (spelled: only with am/pm or a part of day). */
const SPELLED_CLOCK = new RegExp(`\\b(?<h>${HOUR_WORD_24})\\s+(?<min>${MINUTE_WORD})(?:\\s*(?<mer>${MERIDIEM})|\\s+(?<part>${PART}))`, 'gi');
/** "seven o'clock", "seven pm", "8 in the night", "12 lunchtime", "7ampm". */
const HOUR_CLOCK = new RegExp(
  `\\b(?<h>${HOUR_WORD}|\\d{1,2})(?:\\s*(?<oclock>o'?clock))?(?:\\s*(?<mer>${MERIDIEM})(?:pm)?|\\s+(?<part>${PART}|lunchtime))?(?<![\\d\\s])(?!\\w)`,
  'gi',
);
/** "half past eight", "a quarter to 8 in the morning", "20 min past eight in the evening", "10 past 9". */
const RELATIVE_CLOCK = new RegExp(
  `\\b(?:(?<frac>half|(?:a\\s+)?quarter|three\\s+quarters)|(?<m>\\d{1,2}|${MINUTE_WORD}|one|two|three|four|six|seven|eight|nine)(?:\\s+(?:mins?|minutes?))?)\\s+(?<dir>past|to|after)\\s+(?<h>${HOUR_WORD}|\\d{1,2})(?:\\s*(?<oclock>o'?clock))?(?:\\s*(?<mer>${MERIDIEM}))?(?:\\s+(?<part>${PART}))?(?![\\w%])`,
  'gi',
);
/** "afternoon at 7", "in the night five thirty", "afternoon seven pm". */
const PART_THEN_CLOCK = new RegExp(
  `\\b(?:in\\s+the\\s+)?(?<part>morning|afternoon|evening|night)\\s+(?<at>at\\s+)?(?<h>${HOUR_WORD}|\\d{1,2})(?:\\s+(?<min>${MINUTE_WORD}))?(?:\\s*(?<mer>${MERIDIEM}))?(?![\\w:])`,
  'gi',
);
/** "7h01", "10 H 10 pm". */
const H_CLOCK = new RegExp(`\\b(?<h>\\d{1,2})\\s?[hH]\\s?(?<min>\\d{2})\\b(?:\\s*(?<mer>${MERIDIEM}))?`, 'g');
/** "midday", "mid-night", "12 noon", "noonish", "11-ish". */
const DAY_WORD_CLOCK = /\b(?:12\s+)?(?<word>mid[\s-]?(?:night|day)|midnight|midday|noon(?:ish)?)\b|\b(?<approx>\d{1,2})-?ish\b/gi;

/** Nouns after a number that make it a count, not an hour ("20 to 30 years", "three quarters of"). */
const COUNT_AFTER = /^\s*(?:%|percent|per\b|of\b|years?|months?|weeks?|days?|people|points?|times|million|billion|-)/i;

function wordNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  let total = 0;
  for (const part of text.toLowerCase().split(/[\s-]+/)) {
    if (part === 'oh') continue;
    const value = CARDINAL_WORDS.get(part);
    if (value === undefined) return null;
    total += value;
  }
  return total;
}

/** The 24-hour hour of a clock hour read with its am/pm or part of the day. */
function hour24(hour: number, meridiem: string | undefined, part: string | undefined): number | null {
  if (hour > 24) return null;
  const mer = meridiem?.toLowerCase().replace(/[\s.]/g, '')[0];
  const p = part?.toLowerCase() ?? '';
  if (p === 'lunchtime') return hour < 6 ? hour + 12 : hour;
  if (/night/.test(p) && hour === 12) return 0;
  if (mer === 'p' || /afternoon|evening/.test(p) || (/night/.test(p) && hour >= 5)) return hour < 12 ? hour + 12 : hour;
  if (mer === 'a' || /night/.test(p)) return hour === 12 ? 0 : hour;
  return hour === 24 ? 0 : hour;
}

function push(scan: TimeScan, span: [number, number], hour: number | null, minute: number, rule: string): void {
  if (hour === null || hour > 23 || minute < 0 || minute > 59) return;
  // "pm." at the end of a sentence: the period is the sentence's ("p.m." keeps its own).
  const text = scan.doc.text.slice(span[0], span[1]);
  if (/[ap]m\.$/i.test(text)) span = [span[0], span[1] - 1];
  const day = scan.reference ? formatDay(scan.reference) : 'XXXX-XX-XX';
  emit(scan, span, 'TIME', `${day}T${pad(hour)}:${pad(minute)}`, rule, PRIORITY_COMPOSITE, scan.reference !== null);
}

export function detectClockTimes(scan: TimeScan): void {
  const { doc } = scan;
  const clockWords = TRIGGER.CLOCK | TRIGGER.NUMERIC | TRIGGER.PART_OF_DAY;

  each(scan, clockWords, SPELLED_CLOCK, (m, span) => {
    const g = m.groups!;
    const hour = wordNumber(g.h!);
    const minute = wordNumber(g.min!);
    if (hour === null || minute === null) return;
    push(scan, span, hour24(hour, g.mer, g.part), minute, 'time.clock.spelled');
  }, 0, 4);

  each(scan, clockWords, HOUR_CLOCK, (m, span) => {
    const g = m.groups!;
    if (!g.oclock && !g.mer && !g.part) return;
    // Digits with am/pm alone are chrono's; ours are the spelled hours and the parts of the day.
    if (/^\d/.test(g.h!) && !g.part && !/ampm$/i.test(m[0])) return;
    const hour = wordNumber(g.h!);
    if (hour === null || hour > 12) return;
    push(scan, span, hour24(hour, g.mer, g.part), 0, 'time.clock.hour');
  }, 0, 2);

  each(scan, clockWords | TRIGGER.QUARTER, RELATIVE_CLOCK, (m, span) => {
    const g = m.groups!;
    if (COUNT_AFTER.test(doc.text.slice(span[1], span[1] + 10))) return;
    const hour = wordNumber(g.h!);
    if (hour === null || hour < 1 || hour > 12) return;
    const frac = g.frac?.toLowerCase().replace(/\s+/g, ' ');
    const minutes = frac ? (frac === 'half' ? 30 : frac.startsWith('three') ? 45 : 15) : wordNumber(g.m!);
    if (minutes === null || minutes < 1 || minutes > 59) return;
    const base = hour24(hour, g.mer, g.part);
    if (base === null) return;
    const total = (base * 60 + (g.dir!.toLowerCase() === 'to' ? -minutes : minutes) + 1440) % 1440;
    push(scan, span, Math.floor(total / 60), total % 60, 'time.clock.relative');
  }, TRIGGER.UNIT, 5);

  each(scan, clockWords, PART_THEN_CLOCK, (m, span) => {
    const g = m.groups!;
    if (!g.at && !g.min && !g.mer) return;
    const hour = wordNumber(g.h!);
    const minute = g.min ? wordNumber(g.min) : 0;
    if (hour === null || minute === null || hour > 12) return;
    push(scan, span, hour24(hour, g.mer, g.part), minute, 'time.clock.part-first');
  }, 0, 3);

  each(scan, TRIGGER.NUMERIC, H_CLOCK, (m, span) => {
    const g = m.groups!;
    push(scan, span, hour24(Number(g.h), g.mer, undefined), Number(g.min), 'time.clock.h');
  }, 0, 0);

  each(scan, clockWords, DAY_WORD_CLOCK, (m, span) => {
    const g = m.groups!;
    if (g.approx) return push(scan, span, Number(g.approx) <= 24 ? Number(g.approx) : null, 0, 'time.clock.approx');
    const word = g.word!.toLowerCase().replace(/[\s-]/g, '').replace(/ish$/, '');
    const hour = DAY_WORD_HOURS.get(word);
    if (hour !== undefined) push(scan, span, hour, 0, 'time.clock.day-word');
  }, 0, 2);
}
