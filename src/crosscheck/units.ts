/**
 * Fact units: the sentences of an article that state something checkable, i.e. that hold an entity, a
 * number, a time expression or a claim. Annotations are attached to the sentence they start in.
 */
import type { Annotations, ArticleRecord, Entity, Span, TimeExpression } from '../model.ts';
import { sentenceNumbers, type NumberFact } from './numbers.ts';
import { splitSentences } from './sentences.ts';
import { conceptSet, foldCase } from './text.ts';

export interface FactUnit {
  /** Position in the story's unit list (article order, then text order). */
  index: number;
  /** Position of the article in the story's article order. */
  article: number;
  articleId: string;
  sentence: Span;
  concepts: Set<string>;
  /** Folded entity canonicals. */
  entities: Set<string>;
  numbers: NumberFact[];
  /** Exact-day DATE values (`YYYY-MM-DD`). */
  days: Set<string>;
}

/** The annotations of a record whose offsets really point at their text (others are ignored). */
export function validAnnotations(record: ArticleRecord): Annotations {
  const text = record.article.text;
  const fits = (s: Span) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= text.length && text.slice(s.start, s.end) === s.text;
  const a = record.annotations ?? { entities: [], times: [], quantities: [], claims: [] };
  return {
    entities: (a.entities ?? []).filter(fits),
    times: (a.times ?? []).filter(fits),
    quantities: (a.quantities ?? []).filter(fits),
    claims: (a.claims ?? []).filter(fits),
  };
}

const startsIn = (sentence: Span) => (s: { start: number }) => s.start >= sentence.start && s.start < sentence.end;

export function factUnits(record: ArticleRecord, annotations: Annotations, articlePosition: number, firstIndex: number): FactUnit[] {
  const text = record.article.text;
  const units: FactUnit[] = [];
  for (const sentence of splitSentences(text)) {
    const inside = startsIn(sentence);
    const entities: Entity[] = annotations.entities.filter(inside);
    const times: TimeExpression[] = annotations.times.filter(inside);
    const claims = annotations.claims.filter(inside);
    const numbers = sentenceNumbers(text, sentence, annotations.quantities, annotations.times);
    if (entities.length + times.length + claims.length + numbers.length === 0) continue;
    units.push({
      index: firstIndex + units.length,
      article: articlePosition,
      articleId: record.id,
      sentence,
      concepts: conceptSet(sentence.text),
      entities: new Set(entities.map((e) => foldCase(e.canonical || e.text))),
      numbers,
      days: new Set(times.filter((t) => t.type === 'DATE' && /^\d{4}-\d{2}-\d{2}$/.test(t.value)).map((t) => t.value)),
    });
  }
  return units;
}
