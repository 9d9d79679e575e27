/**
 * The story's articles prepared for the cross-check: in publication order, with valid annotations, their
 * publisher, entity canonicals merged across documents, and their statements (facets.ts).
 */
import type { Annotations, ArticleRecord, Span, TimeExpression } from '../model.ts';
import { mergeCanonicals } from '../annotate/resolve.ts';
import { outletKey } from '../cluster/publishers.ts';
import type { StoredArticle } from '../store/types.ts';
import { articleFacets, type Facet } from './facets.ts';
import { articlePublishers, relayedPublisher, type PublisherRef } from './sources.ts';
import { Interner } from './text.ts';

export interface StoryArticle {
  /** Position in publication order. */
  position: number;
  stored: StoredArticle;
  id: string;
  text: string;
  annotations: Annotations;
  publisher: PublisherRef;
  /** Per sentence start offset: the outlet it relays, when it relays one. */
  relays: Map<number, PublisherRef>;
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

function publishedTime(stored: StoredArticle): number {
  const published = stored.record.article.published;
  const ms = published ? Date.parse(published.length === 10 ? `${published}T00:00:00Z` : published) : NaN;
  return Number.isNaN(ms) ? Infinity : ms;
}

export function prepareArticles(articles: readonly StoredArticle[]): { ordered: StoryArticle[]; canonicalOf: (name: string) => string } {
  const publishers = articlePublishers(articles);
  const sorted = articles
    .map((stored, arrival) => ({ stored, arrival }))
    .sort((a, b) => publishedTime(a.stored) - publishedTime(b.stored) || a.arrival - b.arrival || (a.stored.record.id < b.stored.record.id ? -1 : 1));
  const annotations = sorted.map(({ stored }) => validAnnotations(stored.record));
  const merged = mergeCanonicals(annotations.map((a) => a.entities));
  const canonicalOf = (name: string) => merged.get(name) ?? name;
  const ordered = sorted.map(({ stored }, position): StoryArticle => {
    const text = stored.record.article.text;
    const a = annotations[position];
    const publisher = publishers.get(stored.record.id)!;
    // Relays are read per sentence when the statements are built (statementsOf).
    return { position, stored, id: stored.record.id, text, annotations: a, publisher, relays: new Map() };
  });
  return { ordered, canonicalOf };
}

/**
 * Statements of the story's articles, with `times` replaced per article where given (inferred dates). With
 * `previous` (the statements of an earlier pass), articles whose times did not change keep theirs.
 */
export function statementsOf(
  ordered: readonly StoryArticle[],
  canonicalOf: (name: string) => string,
  interner: Interner,
  retimed: ReadonlyMap<number, TimeExpression[]> = new Map(),
  previous?: readonly Facet[],
): Facet[] {
  const storyOutlets = new Set(ordered.map((a) => a.stored.record.article.outlet).filter((o): o is string => !!o).map(outletKey));
  const kept = new Map<number, Facet[]>();
  if (previous) {
    for (const f of previous) {
      if (retimed.has(f.article)) continue;
      const list = kept.get(f.article);
      if (list) list.push(f);
      else kept.set(f.article, [f]);
    }
  }
  const facets: Facet[] = [];
  for (const article of ordered) {
    const reuse = kept.get(article.position);
    if (reuse) {
      // The same statement objects, renumbered: the earlier pass's alignment is not used any more.
      for (const f of reuse) {
        f.index = facets.length;
        facets.push(f);
      }
      continue;
    }
    if (previous && !retimed.has(article.position)) continue; // no statements before either
    const times = retimed.get(article.position) ?? article.annotations.times;
    const first = facets.length;
    articleFacets({ position: article.position, id: article.id, text: article.text, ...article.annotations, times, canonicalOf }, interner, facets);
    article.relays.clear();
    let previousSentence = -1;
    for (let k = first; k < facets.length; k++) {
      const sentence = facets[k].sentence;
      if (sentence.start === previousSentence) continue;
      previousSentence = sentence.start;
      const relay = relayedPublisher(article.text, sentence, article.annotations.entities, article.annotations.claims, storyOutlets);
      if (relay && relay.key !== article.publisher.key) article.relays.set(sentence.start, relay);
    }
  }
  return facets;
}
