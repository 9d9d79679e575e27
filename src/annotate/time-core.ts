/**
 * What the time detectors share: the candidate record, priorities, the anchored pattern runner (`each`),
 * the tense of the clause around an expression, and trie-shaped word alternations for the patterns.
 */

import type { TimeExpression, TimeType } from '../model.ts';
import { FUTURE_CUE_WINDOW_AFTER, FUTURE_CUE_WINDOW_BEFORE } from './constants.ts';
import type { CalendarDay, Tense } from './time-calendar.ts';
import { CUE_AFTER_PENALTY, DEADLINE_BEFORE, FUTURE_CUE_PATTERN, OWN_WINDOW_TOKENS, PAST_CUE_PATTERN } from './time-constants.ts';
import type { TimeWindows } from './time-windows.ts';
import type { AnalyzedText } from './text.ts';

export interface Candidate extends TimeExpression {
  priority: number;
}

/** Overlaps are settled by priority first, then length: composites beat their parts. */
export const PRIORITY_COMPOSITE = 4;
export const PRIORITY_OWN = 3;
export const PRIORITY_CHRONO = 2;
/** Our readings of what chrono-node also reads; used where chrono gives nothing (leap days, "4-22"). */
export const PRIORITY_FALLBACK = 1.5;
/** Months and weekdays named alone: below chrono's readings of the same words with numbers. */
export const PRIORITY_NAME_ALONE = 1.25;
export const PRIORITY_YEAR = 1;

/** One detector run: the document, its reference date, the trigger windows, the candidates found. */
export interface TimeScan {
  doc: AnalyzedText;
  reference: CalendarDay | null;
  windows: TimeWindows;
  out: Candidate[];
}

const STICKY = new WeakMap<RegExp, RegExp>();

/**
 * Runs `pattern` where an expression may start: at the token starts from `before` tokens ahead of each
 * trigger word of the `classes` or `context` classes up to the trigger itself (skipped when the document
 * has none of the `classes`), and hands each match with its document span to `read`. The pattern is tried
 * anchored at those offsets only, so its cost does not grow with the length of the text.
 */
export function each(
  scan: TimeScan,
  classes: number,
  pattern: RegExp,
  read: (m: RegExpExecArray, span: [number, number]) => void,
  context = 0,
  before = OWN_WINDOW_TOKENS,
): void {
  if ((scan.windows.classes & classes) === 0) return;
  let sticky = STICKY.get(pattern);
  if (!sticky) STICKY.set(pattern, (sticky = new RegExp(pattern.source, pattern.flags.replace('g', '') + 'y')));
  const text = scan.doc.text;
  let covered = -1;
  for (const start of scan.windows.starts(classes | context, before)) {
    if (start < covered) continue;
    sticky.lastIndex = start;
    const m = sticky.exec(text);
    if (!m || m[0].length === 0) continue;
    covered = start + m[0].length;
    read(m, [start, covered]);
  }
}

/** Adds a candidate at document offsets [span[0], span[1]). */
export function emit(scan: TimeScan, span: readonly [number, number], type: TimeType, value: string, rule: string, priority: number, inferred: boolean): void {
  const result: Candidate = { text: scan.doc.text.slice(span[0], span[1]), start: span[0], end: span[1], type, value, rule, priority };
  if (inferred) result.inferred = true;
  scan.out.push(result);
}

/** Sentence span around an offset (binary search over the document's sentences). */
export function sentenceAround(doc: AnalyzedText, offset: number): { start: number; end: number } {
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

const CLAUSE_BREAK = /[,;:(]/g;
const FUTURE_GLOBAL = new RegExp(FUTURE_CUE_PATTERN.source, 'gi');
const PAST_GLOBAL = new RegExp(PAST_CUE_PATTERN.source, 'gi');

/** Distance from the end of `text` to the end of the last match of `pattern` in it, or Infinity. */
function lastMatchDistance(text: string, pattern: RegExp): number {
  pattern.lastIndex = 0;
  let best = Infinity;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) best = text.length - (m.index + m[0].length);
  return best;
}

function firstMatchDistance(text: string, pattern: RegExp): number {
  pattern.lastIndex = 0;
  const m = pattern.exec(text);
  return m ? m.index : Infinity;
}

/**
 * The tense of the clause around [start, end): the nearest future or past cue wins, a cue after the
 * expression counting CUE_AFTER_PENALTY characters farther ("said on Tuesday that Iraq would ..." is past).
 */
export function tenseAround(doc: AnalyzedText, start: number, end: number): Tense {
  const sentence = sentenceAround(doc, start);
  let before = doc.text.slice(Math.max(sentence.start, start - FUTURE_CUE_WINDOW_BEFORE), start);
  CLAUSE_BREAK.lastIndex = 0;
  let lastBreak = -1;
  for (let m = CLAUSE_BREAK.exec(before); m; m = CLAUSE_BREAK.exec(before)) lastBreak = m.index;
  // Look back to the previous clause break, but never less than the words right before the expression.
  if (lastBreak >= 0 && before.length - lastBreak > 12) before = before.slice(lastBreak + 1);
  const after = doc.text.slice(end, Math.min(sentence.end, end + FUTURE_CUE_WINDOW_AFTER));
  const pastBefore = lastMatchDistance(before, PAST_GLOBAL);
  if (DEADLINE_BEFORE.test(before) && pastBefore === Infinity) return 'future';
  const future = Math.min(lastMatchDistance(before, FUTURE_GLOBAL), firstMatchDistance(after, FUTURE_GLOBAL) + CUE_AFTER_PENALTY);
  const past = Math.min(pastBefore, firstMatchDistance(after, PAST_GLOBAL) + CUE_AFTER_PENALTY);
  if (future === Infinity && past === Infinity) return 'none';
  return future <= past ? 'future' : 'past';
}

interface TrieNode {
  end: boolean;
  next: Map<string, TrieNode>;
}

const escapeChar = (c: string) => c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/ /g, '\\s+');

/**
 * A regular-expression alternation of `words` as a character trie ("jan|january|june" ->
 * "j(?:an(?:uary)?|une)"): the regex engine rejects a position after one character instead of trying every
 * word in turn, which keeps the long vocabularies cheap. Spaces match any run of white space.
 */
export function wordAlternation(words: Iterable<string>): string {
  const root: TrieNode = { end: false, next: new Map() };
  for (const word of words) {
    let node = root;
    for (const c of word.toLowerCase()) {
      let child = node.next.get(c);
      if (!child) node.next.set(c, (child = { end: false, next: new Map() }));
      node = child;
    }
    node.end = true;
  }
  const emitNode = (node: TrieNode): string => {
    const branches = [...node.next].map(([c, child]) => escapeChar(c) + emitNode(child));
    if (branches.length === 0) return '';
    const body = branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
    return node.end ? `(?:${body})?` : body;
  };
  return `(?:${emitNode(root)})`;
}
