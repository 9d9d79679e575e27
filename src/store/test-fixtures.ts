/** Fictional store fixtures (invented outlets, people and events), shared by the store's tests. */
import type { ArticleRecord, Assignment, Entity } from '../model.ts';

export interface ArticleSpec {
  id: string;
  title?: string | null;
  outlet?: string | null;
  published?: string | null;
  text?: string;
  entities?: Entity[];
  ingestedAt?: string;
}

export function makeRecord(spec: ArticleSpec): ArticleRecord {
  const text = spec.text ?? `Mayor Ilsa Varnow opened the Quillmarsh ferry terminal on Tuesday (${spec.id}).`;
  return {
    id: spec.id,
    input: `fixtures/${spec.id}.html`,
    url: `https://example.test/${spec.id}`,
    article: {
      title: spec.title === undefined ? `Ferry terminal opens (${spec.id})` : spec.title,
      authors: ['Pell Andriko'],
      credit: null,
      outlet: spec.outlet === undefined ? 'Harbor Ledger' : spec.outlet,
      published: spec.published === undefined ? '2031-04-02T09:30:00+02:00' : spec.published,
      updated: null,
      language: 'en',
      description: null,
      tags: ['transport'],
      url: `https://example.test/${spec.id}`,
      text,
      provenance: { title: { rule: 'html.h1' }, published: { rule: 'jsonld.datePublished' } },
    },
    annotations: {
      entities: spec.entities ?? [
        { text: 'Ilsa Varnow', start: 6, end: 17, type: 'PERSON', canonical: 'Ilsa Varnow', rule: 'ner.rules.title-person', roles: ['Mayor'] },
        { text: 'Quillmarsh', start: 29, end: 39, type: 'LOC', canonical: 'Quillmarsh', rule: 'ner.gazetteer' },
      ],
      times: [{ text: 'Tuesday', start: 63, end: 70, type: 'DATE', value: '2031-04-01', rule: 'time.weekday', inferred: true }],
      quantities: [{ text: 'over 40 berths', start: 0, end: 14, value: 40, unit: 'berth', approx: 'over', rule: 'qty.approx' }],
      claims: [],
    },
    ingestedAt: spec.ingestedAt ?? '2031-04-05T12:00:00+00:00',
  };
}

export function makeAssignment(id: string, story: string, decision: 'joined' | 'opened' = 'opened'): Assignment {
  return {
    id,
    story,
    explanation: { score: 0.625, parts: { text: 0.5, entities: 0.125 }, sharedTerms: ['ferry'], sharedEntities: ['Quillmarsh'], decision },
  };
}

