/**
 * The JSON lines of ../shared/cli-contract.md as zod schemas: the one statement of the output shapes, used by
 * the tests that check every command and available to the API's validation. Objects are loose (`.passthrough`
 * semantics are zod 4's default for `z.looseObject`): the contract lets us add fields, never drop them.
 */
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2})?)?)?)?$/, 'an ISO 8601 date');
const nullableDate = isoDate.nullable();
const span = { text: z.string(), start: z.number().int().nonnegative(), end: z.number().int().nonnegative() };

export const errorLine = z.looseObject({
  ok: z.literal(false),
  error: z.looseObject({ code: z.string().min(1), message: z.string().min(1) }),
});

export const extractLine = z.looseObject({
  input: z.string(),
  ok: z.literal(true),
  title: z.string().nullable(),
  authors: z.array(z.string()),
  outlet: z.string().nullable(),
  published: nullableDate,
  updated: nullableDate,
  language: z.string().nullable(),
  description: z.string().nullable(),
  tags: z.array(z.string()),
  text: z.string(),
});

const entity = z.looseObject({
  ...span,
  type: z.enum(['PERSON', 'ORG', 'LOC', 'MISC']),
  subtype: z.string().optional(),
  canonical: z.string(),
});
const time = z.looseObject({ ...span, type: z.enum(['DATE', 'TIME', 'DURATION', 'SET']), value: z.string() });
const quantity = z.looseObject({
  ...span,
  value: z.number().nullable(),
  low: z.number().optional(),
  high: z.number().optional(),
  unit: z.string().nullable(),
  approx: z.string().optional(),
});
const claim = z.looseObject({
  ...span,
  source: z.looseObject({ ...span, kind: z.enum(['person', 'institution', 'outlet', 'anonymous', 'document']) }).nullable(),
  cue: z.looseObject(span).nullable(),
  content: z.looseObject({ start: z.number().int(), end: z.number().int() }),
  hedged: z.boolean(),
});

export const annotateLine = z.looseObject({
  id: z.string(),
  ok: z.literal(true),
  entities: z.array(entity),
  times: z.array(time),
  quantities: z.array(quantity),
  claims: z.array(claim),
});

export const clusterLine = z.looseObject({ id: z.string(), story: z.string().min(1) });

export const storySummaryLine = z.looseObject({
  id: z.string(),
  title: z.string().nullable(),
  articles: z.number().int().nonnegative(),
  outlets: z.array(z.string()),
  first_seen: nullableDate,
  last_seen: nullableDate,
});

const sourceRef = z.looseObject({ article: z.string(), text: z.string(), start: z.number().int(), end: z.number().int() });

export const storyBrief = z.looseObject({
  id: z.string(),
  title: z.string().nullable(),
  summary: z.array(z.looseObject({ text: z.string(), sources: z.array(sourceRef) })),
  articles: z.array(
    z.looseObject({
      id: z.string(),
      title: z.string().nullable(),
      outlet: z.string().nullable(),
      authors: z.array(z.string()),
      published: nullableDate,
      url: z.string().nullable(),
    }),
  ),
  claims: z.array(
    z.looseObject({
      id: z.string(),
      text: z.string(),
      status: z.enum(['corroborated', 'single-source', 'conflicting']),
      independent_sources: z.number().int().nonnegative(),
      sources: z.array(sourceRef),
      conflicts_with: z.array(z.string()).optional(),
    }),
  ),
  entities: z.array(z.looseObject({ canonical: z.string(), type: z.string(), aliases: z.array(z.string()), articles: z.number().int() })),
  timeline: z.array(z.looseObject({ value: z.string(), text: z.string(), sources: z.array(sourceRef) })),
});
