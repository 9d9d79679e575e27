/**
 * Cheap prefilter of the time tagger. Running chrono-node and our detectors over a whole article cost about
 * 0.6-0.8 ms per 3 KB; most of the text holds no time at all. One pass over the tokens (one map lookup per
 * word) finds trigger words by class (month and weekday names, units, date-shaped numbers, ...): a detector
 * whose classes are absent does not run, ours are tried only near their trigger words (time-core.ts), and
 * chrono-node reads the stretches around its triggers joined into one string.
 */

import * as vocabulary from './time-constants.ts';
import type { AnalyzedText, Token } from './text.ts';

/** Stretches of a document joined into one string, with the way back to document offsets. */
export interface JoinedWindows {
  text: string;
  /** Start of each stretch in the joined text, ascending. */
  joinedStarts: number[];
  /** Start of each stretch in the document. */
  documentStarts: number[];
  /** Length of each stretch. */
  lengths: number[];
}

/**
 * The trigger tokens of a document and the stretches of text around them, joined per set of trigger
 * classes: each detector reads only the stretches around the words it needs.
 */
export class TimeWindows {
  /** The TRIGGER classes present in the document. */
  readonly classes: number;
  private readonly cache = new Map<number, JoinedWindows>();
  private readonly startCache = new Map<number, number[]>();

  constructor(
    private readonly doc: AnalyzedText,
    private readonly triggerTokens: number[],
    private readonly triggerClasses: number[],
  ) {
    this.classes = triggerClasses.reduce((all, classes) => all | classes, 0);
  }

  /**
   * Document offsets where an expression may start: the starts of the `before` tokens preceding each
   * trigger token of the `mask` classes and of the trigger token itself, ascending.
   */
  starts(mask: number, before: number): number[] {
    const key = mask * 16 + before;
    let list = this.startCache.get(key);
    if (list) return list;
    const { tokens } = this.doc;
    list = [];
    let next = 0; // first token index not yet listed
    for (let k = 0; k < this.triggerTokens.length; k++) {
      if ((this.triggerClasses[k]! & mask) === 0) continue;
      const i = this.triggerTokens[k]!;
      for (let t = Math.max(next, i - before); t <= i; t++) list.push(tokens[t]!.start);
      next = Math.max(next, i + 1);
    }
    this.startCache.set(key, list);
    return list;
  }

  /** Stretches of `width` tokens on each side of the trigger tokens of any of the `mask` classes. */
  select(mask: number, width: number): JoinedWindows {
    const key = mask * 16 + width;
    let joined = this.cache.get(key);
    if (joined) return joined;
    const { tokens, text } = this.doc;
    const lastToken = tokens.length - 1;
    const ranges: Array<[number, number]> = [];
    for (let k = 0; k < this.triggerTokens.length; k++) {
      if ((this.triggerClasses[k]! & mask) === 0) continue;
      const i = this.triggerTokens[k]!;
      // A stretch reaches to the neighbouring tokens (punctuation such as "a.m." or "Sept." belongs to it).
      const first = i - width;
      const last = i + width;
      const start = first <= 0 ? 0 : tokens[first - 1]!.end;
      const end = last >= lastToken ? text.length : tokens[last + 1]!.start;
      addRange(ranges, start, end);
    }
    joined = join(text, ranges);
    this.cache.set(key, joined);
    return joined;
  }
}

/**
 * Between two stretches: no detector's pattern crosses it (not white space, not a word character, not a
 * connector such as "-", "/", "," or "to").
 */
const SEPARATOR = '\n¦\n';

// Module-level copies: the hot loop below runs once per token, and imported bindings may be accessors.
const TRIGGER_WORDS = vocabulary.TRIGGER_WORDS;
const ORDINAL_WORDS = vocabulary.ORDINAL_WORDS;
const VERB_MONTHS = vocabulary.VERB_MONTHS;
const { MONTH, MONTH_VERB, ORDINAL, NUMERIC, CLOCK, YEAR, WEEKDAY, NAME_WITH_NUMBER } = vocabulary.TRIGGER;
const { NAME_NUMBER_AFTER, NAME_NUMBER_BEFORE } = vocabulary;
const DIGIT = /\d/;

const ORDINAL_NUMBER = /^\d{1,2}(?:st|nd|rd|th)$/i;
const YEAR_NUMBER = /^(?:1\d|20)\d\ds?$/;
const CLOCK_NUMBER = /^\d{1,4}(?:am|pm|a|p|h\d*|ish)$/i;
const NUMBER_WITH_MONTH = /^\d{1,2}[a-z]{3,9}$/i;
/**
 * After a number: the rest of a numeric date or clock time ("4/22", "12:34", "4-22", "4.22", "13.5.2015",
 * "8.10 pm", "2019-sep-1"), but not a decimal or a range ("12.50 a share", "10-12 percent").
 */
const NUMERIC_JOINER = /^(?:[/:]\d|\.\d{1,2}(?:\.\d|\s?[ap]\.?m\b)|-\d{1,2}(?![\d%]|\s*percent)|-[a-z]{3})/i;
/** After a number: am/pm or a clock phrase ("7 a.m.", "7 p m", "4 in the morning", "7 o'clock"). */
const MERIDIEM_AFTER = /^\s?[ap]\.?\s?m\b|^\s?[ap]\b|^\s+(?:in the (?:morning|afternoon|evening|night)|at night|o'?clock)\b/i;

const PHRASE_END_AFTER = /^\s*(?:[.!?,;)](?!\d)|$)/;
/** A numeric month-day or day-month-year token: "4-22", "21-04-2016", "9-18-15". */
const HYPHEN_DATE = /^\d{1,2}-\d{1,2}(?:-\d{2}|-\d{4})?$/;
/** "on 4.22": a decimal-looking date right after "on"/"in". */
const DOTTED_DATE_BEFORE = /\b(?:on|in)\s+$/i;
const DOTTED_DATE_AFTER = /^\.\d{1,2}(?![\d.,])/;
/** Letters glued to a number: "Oct2", "january12". */
const WORD_WITH_NUMBER = /^(\p{L}+)\d{1,4}$/u;
const DIGIT_AFTER = /^\s*\d/;
const BARE_DAY_BEFORE = /\b(?:the|on)\s+$/i;

/** Classes of an ordinal word ("second") that is a day only when it closes a phrase. */
const ORDINAL_WORD_MARK = 1 << 30;

/**
 * Trigger words in lower case and capitalised, with "'s" forms: one lookup per token, no lower-casing of
 * the many capitalised names.
 */
const WORD_CLASSES: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  const add = (word: string, classes: number) => {
    for (const form of [word, word[0]!.toUpperCase() + word.slice(1)]) {
      map.set(form, (map.get(form) ?? 0) | classes);
      map.set(`${form}'s`, (map.get(`${form}'s`) ?? 0) | classes);
      map.set(`${form}’s`, (map.get(`${form}’s`) ?? 0) | classes);
    }
  };
  for (const [word, classes] of TRIGGER_WORDS) add(word, classes);
  for (const word of ORDINAL_WORDS.keys()) add(word, ORDINAL_WORD_MARK);
  return map;
})();

function wordClasses(word: string): number {
  return WORD_CLASSES.get(word) ?? 0;
}

function numberClasses(word: string): number {
  if (ORDINAL_NUMBER.test(word)) return ORDINAL;
  if (YEAR_NUMBER.test(word)) return YEAR;
  if (CLOCK_NUMBER.test(word)) return NUMERIC | CLOCK;
  if (NUMBER_WITH_MONTH.test(word)) return MONTH | NAME_WITH_NUMBER;
  return 0;
}

function compoundClasses(lower: string): number {
  let classes = 0;
  let digits = false;
  for (const part of lower.split('-')) {
    if (/^\d/.test(part)) {
      digits = true;
      classes |= numberClasses(part);
    } else classes |= wordClasses(part) & ~ORDINAL_WORD_MARK;
  }
  // "Oct-2", "28-nov", "2019-sep-1", "friday-jun-15": a name with its number, chrono-node's to read.
  return digits && classes & (MONTH | WEEKDAY) ? classes | NAME_WITH_NUMBER : classes;
}

/** Trigger classes of one token (0 for most). */
function classesOf(token: Token, text: string): number {
  const shape = token.shape;
  const word = token.text;
  if (shape !== 'num') {
    let classes = WORD_CLASSES.get(word);
    if (classes === undefined) {
      if (shape === 'upper') classes = WORD_CLASSES.get(word.toLowerCase()) ?? 0;
      else if (word.includes('-')) return compoundClasses(word.toLowerCase()); // "three-year", "mid-morning"
      else {
        const last = word.charCodeAt(word.length - 1);
        if (last === 39 || last === 0x2019) return wordClasses(word.slice(0, -1)); // "days''"
        const glued = last >= 48 && last <= 57 ? WORD_WITH_NUMBER.exec(word) : null;
        return glued && wordClasses(glued[1]!.toLowerCase()) & MONTH ? MONTH | NAME_WITH_NUMBER : 0;
      }
    }
    if (classes === MONTH && shape === 'lower' && VERB_MONTHS.has(word) && !DIGIT_AFTER.test(text.slice(token.end, token.end + 3))) return MONTH_VERB;
    if (classes & (MONTH | WEEKDAY) && DIGIT.test(text.slice(Math.max(0, token.start - NAME_NUMBER_BEFORE), token.end + NAME_NUMBER_AFTER))) return classes | NAME_WITH_NUMBER;
    if (classes & ORDINAL_WORD_MARK) {
      // Ordinal words are days only closing a phrase ("on the second!"); next to a month the month triggers.
      const rest = classes & ~ORDINAL_WORD_MARK;
      return PHRASE_END_AFTER.test(text.slice(token.end, token.end + 3)) ? rest | ORDINAL : rest;
    }
    return classes;
  }
  const lower = word.toLowerCase();
  const after = text.slice(token.end, token.end + 20);
  const classes = numberClasses(lower);
  if (classes === YEAR) return classes | (NUMERIC_JOINER.test(after) ? NUMERIC : 0) | (MERIDIEM_AFTER.test(after) ? NUMERIC | CLOCK : 0);
  if (classes !== 0) return classes;
  if (NUMERIC_JOINER.test(after) || HYPHEN_DATE.test(lower)) return NUMERIC;
  if (DOTTED_DATE_AFTER.test(after) && DOTTED_DATE_BEFORE.test(text.slice(Math.max(0, token.start - 4), token.start))) return NUMERIC;
  if (MERIDIEM_AFTER.test(after)) return NUMERIC | CLOCK;
  // "for the 27.", "on 15": a bare day number closing a phrase.
  if (lower.length <= 2 && PHRASE_END_AFTER.test(after) && BARE_DAY_BEFORE.test(text.slice(Math.max(0, token.start - 8), token.start))) return ORDINAL;
  // "30-minute", "11-ish".
  if (lower.includes('-')) return compoundClasses(lower) | (lower.endsWith('-ish') ? CLOCK : 0);
  return 0;
}

/** Finds the trigger tokens of a document (one pass, one map lookup per word). */
export function findTimeWindows(doc: AnalyzedText): TimeWindows {
  const { tokens, text } = doc;
  const triggerTokens: number[] = [];
  const triggerClasses: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const classes = classesOf(tokens[i]!, text);
    if (classes === 0) continue;
    triggerTokens.push(i);
    triggerClasses.push(classes);
  }
  return new TimeWindows(doc, triggerTokens, triggerClasses);
}

function addRange(ranges: Array<[number, number]>, start: number, end: number): void {
  const last = ranges[ranges.length - 1];
  if (last && start <= last[1]) last[1] = Math.max(last[1], end);
  else ranges.push([start, end]);
}

function join(text: string, ranges: Array<[number, number]>): JoinedWindows {
  const parts: string[] = [];
  const joinedStarts: number[] = [];
  const documentStarts: number[] = [];
  const lengths: number[] = [];
  let offset = 0;
  for (const [start, end] of ranges) {
    if (parts.length > 0) {
      parts.push(SEPARATOR);
      offset += SEPARATOR.length;
    }
    joinedStarts.push(offset);
    documentStarts.push(start);
    lengths.push(end - start);
    parts.push(text.slice(start, end));
    offset += end - start;
  }
  return { text: parts.join(''), joinedStarts, documentStarts, lengths };
}

/**
 * Document offsets of a joined-text span, or null when the span is not inside one stretch (a match across
 * the separator).
 */
export function toDocumentSpan(windows: JoinedWindows, start: number, end: number): [number, number] | null {
  const starts = windows.joinedStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= start) lo = mid;
    else hi = mid - 1;
  }
  const base = starts[lo];
  if (base === undefined || start < base || end > base + windows.lengths[lo]!) return null;
  const shift = windows.documentStarts[lo]! - base;
  return [start + shift, end + shift];
}
