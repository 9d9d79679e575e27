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
  FUTURE_CUE_PATTERN,
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
const UNIT_ALTERNATION = 'years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|century|centuries';
const RELATIVE_PATTERN = new RegExp(
  `\\b(?:(?:earlier|later)\\s+)?(last|this|next|past|previous|coming)\\s+(week|month|year|weekend)\\b|\\b(yesterday|today|tomorrow|tonight)\\b|\\b(\\d+|a|an|${NUMBER_WORD_ALTERNATION})\\s+(${UNIT_ALTERNATION})\\s+ago\\b`,
  'gi',
);
const DURATION_PATTERN = new RegExp(
  `\\b(?:(almost|nearly|about|around|roughly|more than|over|some|at least|up to)\\s+)?(\\d+(?:\\.\\d+)?|a|an|one|several|a few|few|${NUMBER_WORD_ALTERNATION})([\\s-])(${UNIT_ALTERNATION})(?:-(?:long|old))?\\b(?!\\s+(?:ago|later|earlier|from now))`,
  'gi',
);
/** "a"/"an"/"one" count as durations only in a hyphenated compound or after these words. */
const ARTICLE_DURATION_CONTEXT = /\b(?:for|within|over|after|in|past|last|first|than|nearly|almost|about)\s+$/i;
const YEAR_PATTERN =
  /\b(?:in|since|by|until|till|from|before|after|during|of|early|late|mid|throughout|through|to|and|between|around|year)[\s-]+((?:19|20)\d{2})\b(?![-–]?\d|s\b|,\d)/gi;
const LEADING_PREPOSITION = /^(?:on|at|in|by|since|from|until|of|the|during)\s+/i;
const MONTH_WORD = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
const LOWER_START = /^\p{Ll}/u;
const CLAUSE_BREAK = /[,;:(]/g;
const LAST_WORD = /\b(last|next|this|past|previous)\s+$/i;
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
  return NUMBER_WORDS.get(lower) ?? null;
}

function unitKey(unit: string): string {
  const lower = unit.toLowerCase();
  if (lower.startsWith('centur')) return 'century';
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

/** True when the clause around [start, end) speaks of the future. */
function futureCue(doc: AnalyzedText, start: number, end: number): boolean {
  const sentence = sentenceAround(doc, start);
  let before = doc.text.slice(Math.max(sentence.start, start - FUTURE_CUE_WINDOW_BEFORE), start);
  CLAUSE_BREAK.lastIndex = 0;
  let lastBreak = -1;
  for (let m = CLAUSE_BREAK.exec(before); m; m = CLAUSE_BREAK.exec(before)) lastBreak = m.index;
  // Look back to the previous clause break, but never less than the words right before the expression.
  if (lastBreak >= 0 && before.length - lastBreak > 12) before = before.slice(lastBreak + 1);
  const after = doc.text.slice(end, Math.min(sentence.end, end + FUTURE_CUE_WINDOW_AFTER));
  return FUTURE_CUE_PATTERN.test(before) || FUTURE_CUE_PATTERN.test(after);
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
    out.push(candidate(doc, m.index, m.index + m[0].length, 'DATE', value, 'time.vague', PRIORITY_OWN, false));
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
      const offset = modifier === 'next' || modifier === 'coming' ? 1 : modifier === 'this' ? 0 : -1;
      if (unit === 'week' || unit === 'weekend') {
        value = reference ? isoWeek(addDays(reference, 7 * offset)) + (unit === 'weekend' ? '-WE' : '') : 'XXXX-WXX';
      } else if (unit === 'month') {
        if (reference) {
          const monthIndex = reference.year * 12 + reference.month - 1 + offset;
          value = `${Math.floor(monthIndex / 12)}-${pad((monthIndex % 12) + 1)}`;
        } else value = 'XXXX-XX';
      } else value = reference ? String(reference.year + offset) : 'XXXX';
    } else if (m[3]) {
      const offsets: Record<string, number> = { yesterday: -1, today: 0, tonight: 0, tomorrow: 1 };
      const word = m[3].toLowerCase();
      value = reference ? formatDay(addDays(reference, offsets[word]!)) : word === 'today' || word === 'tonight' ? 'PRESENT_REF' : 'XXXX-XX-XX';
      if (word === 'tonight' && reference) {
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
    const start = m.index + m[0].length - m[1]!.length;
    out.push(candidate(doc, start, start + 4, 'DATE', m[1]!, 'time.year', PRIORITY_YEAR, false));
  }
  return out;
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
    const future = modifier === 'next' || (modifier !== 'last' && modifier !== 'past' && modifier !== 'previous' && futureCue(doc, start, end));
    let datePart: string | null = null;
    let inferred = false;
    let rule = 'time.chrono';

    if (known('month') && known('day')) {
      if (known('year')) datePart = formatDay({ year: c.get('year')!, month: c.get('month')!, day: c.get('day')! });
      else if (reference) {
        const day = { year: reference.year, month: c.get('month')!, day: c.get('day')! };
        if (!future && toUtc(day) > toUtc(reference)) day.year--;
        if (future && toUtc(day) < toUtc(reference)) day.year++;
        datePart = formatDay(day);
        inferred = true;
        rule = future ? 'time.chrono.future-year' : 'time.chrono.past-year';
      } else datePart = `XXXX-${pad(c.get('month')!)}-${pad(c.get('day')!)}`;
    } else if (known('month')) {
      const month = c.get('month')!;
      if (known('year')) datePart = `${c.get('year')}-${pad(month)}`;
      else if (reference) {
        let year = reference.year;
        if (!future && month > reference.month) year--;
        if (future && month < reference.month) year++;
        datePart = `${year}-${pad(month)}`;
        inferred = true;
        rule = future ? 'time.chrono.future-month' : 'time.chrono.past-month';
      } else datePart = `XXXX-${pad(month)}`;
    } else if (known('weekday')) {
      const weekday = c.get('weekday')!;
      if (reference) {
        const refWeekday = weekdayOf(reference);
        let delta: number;
        if (modifier === 'this') delta = (weekday || 7) - (refWeekday || 7); // same ISO week
        else if (future) delta = ((weekday - refWeekday + 7) % 7) || 7;
        else if (modifier === 'last' || modifier === 'past' || modifier === 'previous') delta = -(((refWeekday - weekday + 7) % 7) || 7);
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
  return accepted.map(({ priority: _priority, ...time }) => time);
};
