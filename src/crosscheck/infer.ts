/**
 * Cross-document date inference. An article without a publish date leaves its relative dates unresolved
 * ("arrived on Friday" -> XXXX-WXX-5). When one of its statements is aligned with a dated statement of
 * another article ("arrived on Nov. 29"), and the unresolved date can denote that day (a Friday), the article's
 * reference date is bounded: the reference dates under which the time tagger (src/annotate/time.ts, its
 * public `tagTimes`) resolves the expression to that day. Every anchor narrows the range; the earliest
 * reference date in it is taken (a report follows its event), and the article's times are tagged again with
 * it. Values that change are marked `inferred`, with the rule and the anchor as evidence.
 */
import type { Span, TimeExpression } from '../model.ts';
import { analyzeText, type AnalyzedText } from '../annotate/text.ts';
import { tagTimes } from '../annotate/time.ts';
import { INFERENCE_SEARCH_DAYS } from './constants.ts';
import type { Facet } from './facets.ts';
import { isoWeekday } from './align.ts';

export const INFERENCE_RULE = 'crosscheck.infer.reference-date';

export interface InferenceAnchor {
  /** The unresolved expression in the undated article. */
  expression: Span & { value: string };
  /** The dated statement it was aligned with. */
  anchor: { article: string; text: string; start: number; end: number; value: string };
}

export interface ReferenceInference {
  article: string;
  /** The reference date taken: the earliest in [earliest, latest]. */
  value: string;
  earliest: string;
  /** Latest reference date (within INFERENCE_SEARCH_DAYS of the anchor) that resolves every anchor alike. */
  latest: string;
  anchors: InferenceAnchor[];
  /** The article's times tagged again against `value`; changed values carry `inferred: true`. */
  times: TimeExpression[];
  rule: string;
}

/** What inference needs of an article. */
export interface InferenceArticle {
  position: number;
  id: string;
  text: string;
  /** The stated publish date, or null. */
  published: string | null;
  times: TimeExpression[];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whether an unresolved TIMEX3 value (XXXX-...) can denote a resolved day or month. */
function canDenote(unresolved: string, resolved: string): boolean {
  let m = /^XXXX-WXX-([1-7])$/.exec(unresolved);
  if (m) return DAY.test(resolved) && isoWeekday(resolved) === Number(m[1]);
  m = /^XXXX-(\d{2})-(\d{2})$/.exec(unresolved);
  if (m) return DAY.test(resolved) && resolved.slice(5) === `${m[1]}-${m[2]}`;
  m = /^XXXX-XX-(\d{2})$/.exec(unresolved);
  if (m) return DAY.test(resolved) && resolved.slice(8) === m[1];
  m = /^XXXX-(\d{2})$/.exec(unresolved);
  if (m) return /^\d{4}-\d{2}$/.test(resolved) && resolved.slice(5) === m[1];
  return false;
}

/**
 * Reference dates for the undated articles of a story, from the aligned statement groups. Articles with a
 * stated publish date, and those with no usable anchor, get none.
 */
export function inferReferenceDates(articles: readonly InferenceArticle[], groups: readonly Facet[][]): ReferenceInference[] {
  // Copies of one text (wire copies) are tagged once per reference date.
  const taggedByText = new Map<string, Map<string, TimeExpression[]>>();
  const byPosition = new Map(articles.map((a) => [a.position, a]));
  const out: ReferenceInference[] = [];
  for (const article of articles) {
    if (article.published) continue;
    const anchors: InferenceAnchor[] = [];
    const seen = new Set<string>();
    for (const group of groups) {
      const own = group.filter((f) => f.article === article.position);
      if (own.length === 0) continue;
      for (const mine of own) {
        const unresolved = article.times.filter((t) => t.start >= mine.sentence.start && t.start < mine.sentence.end && t.value.startsWith('XXXX'));
        if (unresolved.length === 0) continue;
        for (const other of group) {
          const dated = byPosition.get(other.article);
          if (!dated || other.article === article.position || !dated.published) continue;
          for (const resolved of dated.times) {
            if (resolved.start < other.sentence.start || resolved.start >= other.sentence.end || resolved.rule.startsWith(INFERENCE_RULE)) continue;
            for (const t of unresolved) {
              if (!canDenote(t.value, resolved.value)) continue;
              const key = `${t.start}:${resolved.value}`;
              if (seen.has(key)) continue;
              seen.add(key);
              anchors.push({
                expression: { text: t.text, start: t.start, end: t.end, value: t.value },
                anchor: { article: dated.id, text: resolved.text, start: resolved.start, end: resolved.end, value: resolved.value },
              });
            }
          }
        }
      }
    }
    if (anchors.length === 0) continue;
    let tagged = taggedByText.get(article.text);
    if (!tagged) taggedByText.set(article.text, (tagged = new Map()));
    const inference = solve(article, anchors, tagged);
    if (inference) out.push(inference);
  }
  return out;
}

/** The reference dates under which every anchored expression resolves to its anchor's value. */
function solve(article: InferenceArticle, anchors: InferenceAnchor[], tagged: Map<string, TimeExpression[]>): ReferenceInference | null {
  let doc: AnalyzedText | null = null;
  const tagAt = (reference: string) => {
    let times = tagged.get(reference);
    if (!times) {
      try {
        doc ??= analyzeText(article.text);
        times = tagTimes(doc, { referenceDate: reference });
      } catch {
        // The time tagger failed on this text: no inference from it, the brief goes on without.
        times = [];
      }
      tagged.set(reference, times);
    }
    return times;
  };
  // The expression as the tagger reads it now: the time overlapping the anchored span ("on Friday" / "Friday").
  const resolvesAt = (a: InferenceAnchor, reference: string) =>
    tagAt(reference).find((t) => t.start < a.expression.end && a.expression.start < t.end)?.value === a.anchor.value;
  // The valid reference dates form one run of days (a report follows its event by less than a week for "on
  // Friday"): find its first day from the anchor on, and its last day from the end of the search back.
  const validFor = (a: InferenceAnchor): string[] => {
    const first = a.anchor.value.length === 7 ? `${a.anchor.value}-01` : a.anchor.value;
    let lo = 0;
    while (lo <= INFERENCE_SEARCH_DAYS && !resolvesAt(a, addDays(first, lo))) lo++;
    if (lo > INFERENCE_SEARCH_DAYS) return [];
    let hi = INFERENCE_SEARCH_DAYS;
    while (hi > lo && !resolvesAt(a, addDays(first, hi))) hi--;
    return Array.from({ length: hi - lo + 1 }, (_, k) => addDays(first, lo + k));
  };
  // Anchors that agree with the most others win; the range is what they share.
  const candidates = anchors.map((a) => ({ a, days: new Set(validFor(a)) })).filter((c) => c.days.size > 0);
  if (candidates.length === 0) return null;
  const support = (days: Set<string>) => candidates.filter((c) => [...c.days].some((d) => days.has(d))).length;
  candidates.sort((x, y) => support(y.days) - support(x.days));
  let range = new Set(candidates[0].days);
  const used: InferenceAnchor[] = [candidates[0].a];
  for (const c of candidates.slice(1)) {
    const shared = new Set([...range].filter((d) => c.days.has(d)));
    if (shared.size === 0) continue;
    range = shared;
    used.push(c.a);
  }
  const sorted = [...range].sort();
  if (tagAt(sorted[0]).length === 0) return null;
  const value = sorted[0];
  const before = new Map(article.times.map((t) => [`${t.start}:${t.end}`, t]));
  const times = tagAt(value).map((t): TimeExpression => {
    const old = before.get(`${t.start}:${t.end}`);
    if (old && old.value === t.value) return old;
    return { ...t, inferred: true, rule: `${INFERENCE_RULE}(${t.rule})` };
  });
  return { article: article.id, value, earliest: value, latest: sorted[sorted.length - 1], anchors: used, times, rule: INFERENCE_RULE };
}
