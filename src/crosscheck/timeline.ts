/**
 * The story's timeline: every dated statement of every article (background included: an earlier visit, an
 * appointment "in May"), one entry per date value and claim, stated and inferred dates kept apart (an
 * inferred date is the system's reading, not the text's). Values are TIMEX3; only calendar values (a year,
 * month, day, week, quarter or season) are placed, not PAST_REF, durations or times of day.
 */
import type { SourceRef, StoryBrief, TimeExpression, TimelineMention } from '../model.ts';
import type { BuiltClaim } from './brief.ts';
import type { Facet } from './facets.ts';
import { INFERENCE_RULE } from './infer.ts';
import type { StoryArticle } from './story.ts';

/** DATE values that name a calendar period (not PAST_REF and the like). */
const CALENDAR_VALUE = /^\d{4}(?:-(?:\d{2}(?:-\d{2})?|W\d{2}|Q[1-4]|H[12]|SP|SU|FA|WI))?$/;

/** A key that sorts TIMEX3 values chronologically (weeks and quarters by their first day). */
export function chronologicalKey(value: string): string {
  const week = /^(\d{4})-W(\d{2})$/.exec(value);
  if (week) {
    // Monday of ISO week: the week holding January 4th is week 1.
    const jan4 = Date.UTC(+week[1], 0, 4);
    const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000 + (+week[2] - 1) * 7 * 86_400_000;
    return new Date(monday).toISOString().slice(0, 10);
  }
  const part = /^(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)$/.exec(value);
  if (part) {
    const month = { Q1: 1, Q2: 4, Q3: 7, Q4: 10, H1: 1, H2: 7, WI: 1, SP: 3, SU: 6, FA: 9 }[part[2]] as number;
    return `${part[1]}-${String(month).padStart(2, '0')}`;
  }
  return value;
}

type Entry = StoryBrief['timeline'][number] & { mentions: TimelineMention[]; order: number };

export function buildTimeline(
  ordered: readonly StoryArticle[],
  timesOf: (article: StoryArticle) => TimeExpression[],
  facets: readonly Facet[],
  claims: readonly BuiltClaim[],
): StoryBrief['timeline'] {
  // Which claim shows a statement, and which claims show a sentence.
  const claimOfFacet = new Map<number, string>();
  const claimsOfSentence = new Map<string, string>();
  for (const built of claims) {
    for (const f of built.facets) claimOfFacet.set(f.index, built.claim.id);
    for (const s of built.claim.sources) if (!claimsOfSentence.has(`${s.article}:${s.start}`)) claimsOfSentence.set(`${s.article}:${s.start}`, built.claim.id);
  }
  const facetsByArticle = new Map<number, Facet[]>();
  for (const f of facets) {
    const list = facetsByArticle.get(f.article);
    if (list) list.push(f);
    else facetsByArticle.set(f.article, [f]);
  }

  const entries = new Map<string, Entry>();
  let order = 0;
  for (const article of ordered) {
    const own = facetsByArticle.get(article.position) ?? [];
    for (const time of timesOf(article)) {
      if (time.type !== 'DATE' || !CALENDAR_VALUE.test(time.value)) continue;
      const holder = own.find((f) => f.times.some((t) => t.start === time.start)) ?? own.find((f) => time.start >= f.sentence.start && time.start < f.sentence.end);
      const sentence = holder?.sentence ?? { text: time.text, start: time.start, end: time.end };
      const claim = holder ? (claimOfFacet.get(holder.index) ?? claimsOfSentence.get(`${article.id}:${holder.sentence.start}`)) : undefined;
      // Inferred here means read through another article (infer.ts), not a year filled in from the article's own date.
      const inferred = time.inferred === true && time.rule.startsWith(INFERENCE_RULE);
      const key = `${time.value}|${claim ?? `${article.id}:${sentence.start}`}|${inferred}`;
      let entry = entries.get(key);
      if (!entry) {
        entry = { value: time.value, text: sentence.text, expression: time.text, sources: [], mentions: [], order: order++, ...(claim ? { claim } : {}) };
        if (inferred) entry.inferred = true;
        entries.set(key, entry);
      }
      const ref: SourceRef = { article: article.id, text: sentence.text, start: sentence.start, end: sentence.end };
      if (!entry.sources.some((s) => s.article === ref.article && s.start === ref.start)) entry.sources.push(ref);
      entry.mentions.push({ article: article.id, text: time.text, start: time.start, end: time.end, value: time.value, rule: time.rule, ...(inferred ? { inferred: true } : {}) });
    }
  }
  return [...entries.values()]
    .sort((a, b) => {
      const ka = chronologicalKey(a.value);
      const kb = chronologicalKey(b.value);
      if (ka !== kb) return ka < kb ? -1 : 1;
      if (a.value !== b.value) return a.value < b.value ? -1 : 1;
      return Number(a.inferred ?? false) - Number(b.inferred ?? false) || a.order - b.order;
    })
    .map(({ order: _order, ...entry }) => entry);
}
