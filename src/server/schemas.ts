/**
 * Zod schemas of the REST API. The same schemas validate requests and generate the OpenAPI document
 * (GET /api/openapi.json). Response objects are "loose": the contract lets records gain fields, and a
 * client must ignore the ones it does not know.
 */
import { z } from '@hono/zod-openapi';
import { DEFAULT_STORY_PAGE_SIZE, MAX_ID_LENGTH, MAX_OFFSET, MAX_QUERY_CHARS, MAX_STORY_PAGE_SIZE } from './constants.ts';

// ---------------------------------------------------------------------------------------------------
// Requests

export const IdParamsSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(MAX_ID_LENGTH)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'story-3f2a9c' }),
});

export const StoryListQuerySchema = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_STORY_PAGE_SIZE)
    .default(DEFAULT_STORY_PAGE_SIZE)
    .openapi({
      param: { name: 'limit', in: 'query' },
      description: `Stories per page (1..${MAX_STORY_PAGE_SIZE}).`,
      example: DEFAULT_STORY_PAGE_SIZE,
    }),
  offset: z.coerce
    .number()
    .int()
    .min(0)
    .max(MAX_OFFSET)
    .default(0)
    // Spelled out because the generator marks a coerced number with minimum 0 as nullable (coercion maps
    // null to 0), which a query string can never be.
    .openapi({
      param: { name: 'offset', in: 'query' },
      type: 'integer',
      minimum: 0,
      maximum: MAX_OFFSET,
      default: 0,
      description: 'Stories to skip.',
      example: 0,
    }),
});

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .refine((day) => !Number.isNaN(Date.parse(`${day}T00:00:00Z`)), 'not a calendar date');

const searchText = z.string().trim().min(1).max(MAX_QUERY_CHARS);

export const StoryFilterQuerySchema = StoryListQuerySchema.extend({
  q: searchText.optional().openapi({
    param: { name: 'q', in: 'query' },
    description: 'Full-text search over the stories\' articles (web-search syntax: words, "phrases", -exclusions, or).',
    example: 'ferry terminal',
  }),
  entity: z.string().min(1).max(MAX_QUERY_CHARS).optional().openapi({
    param: { name: 'entity', in: 'query' },
    description: 'Only stories whose articles mention this entity canonical.',
  }),
  outlet: z.string().min(1).max(MAX_QUERY_CHARS).optional().openapi({
    param: { name: 'outlet', in: 'query' },
    description: 'Only stories covered by this outlet (exact name).',
  }),
  from: isoDay.optional().openapi({ param: { name: 'from', in: 'query' }, description: 'Stories seen on or after this day.', example: '2031-04-01' }),
  to: isoDay.optional().openapi({ param: { name: 'to', in: 'query' }, description: 'Stories seen on or before this day.', example: '2031-04-30' }),
});

const pageFields = {
  limit: StoryListQuerySchema.shape.limit,
  offset: StoryListQuerySchema.shape.offset,
};

export const EntityListQuerySchema = z.object({
  ...pageFields,
  q: searchText.optional().openapi({ param: { name: 'q', in: 'query' }, description: 'Canonicals containing this text.' }),
  type: z.enum(['PERSON', 'ORG', 'LOC', 'MISC']).optional().openapi({ param: { name: 'type', in: 'query' } }),
});

export const EntityParamsSchema = z.object({
  name: z
    .string()
    .min(1)
    .max(MAX_QUERY_CHARS)
    .openapi({ param: { name: 'name', in: 'path' }, description: 'The entity canonical, URL-encoded.', example: 'Ilsa Varnow' }),
});

export const SearchQuerySchema = z.object({
  ...pageFields,
  q: searchText.openapi({ param: { name: 'q', in: 'query' }, description: 'Words to find (web-search syntax).', example: 'bridge repairs' }),
});

export const IngestBodySchema = z
  .object({
    text: z.string().min(1).optional().openapi({ description: 'Scraped page text (the article and whatever surrounds it).' }),
    html: z.string().min(1).optional().openapi({ description: 'An HTML page.' }),
    url: z.string().url().max(2048).regex(/^https?:\/\//i, 'only http and https URLs').optional().openapi({
      description: 'Without text or html: the page to fetch. With them: where the page came from.',
    }),
    outlet: z.string().min(1).max(200).optional(),
    published: isoDay.or(z.string().datetime({ offset: true })).optional(),
  })
  .refine((body) => body.text !== undefined || body.html !== undefined || body.url !== undefined, 'give text, html or url')
  .refine((body) => !(body.text !== undefined && body.html !== undefined), 'give text or html, not both')
  .openapi('IngestRequest');

// ---------------------------------------------------------------------------------------------------
// Errors

/** Error codes of the API's `{"error": {"code", "message"}}` bodies. */
export type ApiErrorCode = 'invalid_request' | 'unauthorized' | 'not_found' | 'too_large' | 'unprocessable' | 'rate_limited' | 'unavailable' | 'internal';

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(['invalid_request', 'unauthorized', 'not_found', 'too_large', 'unprocessable', 'rate_limited', 'unavailable', 'internal']),
      message: z.string(),
    }),
  })
  .openapi('Error');

// ---------------------------------------------------------------------------------------------------
// Shared records (mirroring src/model.ts)

const isoDate = z.string().openapi({ description: 'ISO 8601 date or date-time', example: '2031-03-14' });

const SpanFields = { text: z.string(), start: z.number().int(), end: z.number().int() };

const ProvenanceSchema = z.looseObject({ rule: z.string(), inferred: z.boolean().optional() });

export const SourceRefSchema = z
  .looseObject({ article: z.string(), ...SpanFields })
  .openapi('SourceRef', { description: 'A sentence or span of one article; offsets index its text.' });

export const StorySummarySchema = z
  .looseObject({
    id: z.string(),
    title: z.string().nullable(),
    articles: z.number().int(),
    outlets: z.array(z.string()),
    first_seen: isoDate.nullable(),
    last_seen: isoDate.nullable(),
  })
  .openapi('StorySummary');

export const StoryListSchema = z
  .object({
    stories: z.array(StorySummarySchema),
    limit: z.number().int(),
    offset: z.number().int(),
    total: z.number().int().openapi({ description: 'Stories matching the filters, all pages.' }),
  })
  .openapi('StoryList');

const EntityTypeField = z.enum(['PERSON', 'ORG', 'LOC', 'MISC']);

export const EntitySummarySchema = z
  .looseObject({ canonical: z.string(), type: EntityTypeField, articles: z.number().int(), mentions: z.number().int() })
  .openapi('EntitySummary');

export const EntityListSchema = z
  .object({ entities: z.array(EntitySummarySchema), limit: z.number().int(), offset: z.number().int() })
  .openapi('EntityList');

export const EntityDetailSchema = EntitySummarySchema.extend({
  aliases: z.array(z.string()),
  stories: z.array(StorySummarySchema.extend({ mentioning_articles: z.number().int() })),
}).openapi('EntityDetail');

export const ArticleHitSchema = z
  .looseObject({
    id: z.string(),
    title: z.string().nullable(),
    outlet: z.string().nullable(),
    published: z.string().nullable(),
    story: z.string(),
    snippet: z.string(),
  })
  .openapi('ArticleHit');

export const SearchResultSchema = z
  .object({
    stories: z.array(StorySummarySchema),
    articles: z.array(ArticleHitSchema),
    limit: z.number().int(),
    offset: z.number().int(),
  })
  .openapi('SearchResult');

export const IngestResultSchema = z
  .object({
    id: z.string(),
    story: z.string(),
    duplicate: z.boolean().openapi({ description: 'True when the page was stored already (nothing changed).' }),
    title: z.string().nullable(),
    outlet: z.string().nullable(),
  })
  .openapi('IngestResult');

const ClaimStatusSchema = z.enum(['corroborated', 'single-source', 'conflicting']);
const EntityTypeSchema = z.enum(['PERSON', 'ORG', 'LOC', 'MISC']);

export const StoryBriefSchema = z
  .looseObject({
    id: z.string(),
    title: z.string().nullable(),
    summary: z.array(z.looseObject({ text: z.string(), sources: z.array(SourceRefSchema) })),
    articles: z.array(
      z.looseObject({
        id: z.string(),
        title: z.string().nullable(),
        outlet: z.string().nullable(),
        authors: z.array(z.string()),
        published: isoDate.nullable(),
        url: z.string().nullable(),
        duplicate_of: z.string().optional(),
      }),
    ),
    claims: z.array(
      z.looseObject({
        id: z.string(),
        text: z.string(),
        status: ClaimStatusSchema,
        independent_sources: z.number().int(),
        sources: z.array(SourceRefSchema),
        conflicts_with: z.array(z.string()).optional(),
        publishers: z.array(z.string()).optional(),
      }),
    ),
    entities: z.array(
      z.looseObject({
        canonical: z.string(),
        type: EntityTypeSchema,
        aliases: z.array(z.string()),
        articles: z.number().int(),
      }),
    ),
    timeline: z.array(
      z.looseObject({
        value: z.string().openapi({ description: 'TIMEX3 value' }),
        text: z.string(),
        sources: z.array(SourceRefSchema),
        inferred: z.boolean().optional(),
      }),
    ),
  })
  .openapi('StoryBrief', { description: 'The cross-checked story, as `crosscheck story ID --json` prints it.' });

export const ExtractedArticleSchema = z
  .looseObject({
    title: z.string().nullable(),
    authors: z.array(z.string()),
    credit: z.string().nullable(),
    outlet: z.string().nullable(),
    published: isoDate.nullable(),
    updated: isoDate.nullable(),
    language: z.string().nullable(),
    description: z.string().nullable(),
    tags: z.array(z.string()),
    url: z.string().nullable(),
    text: z.string(),
    provenance: z.record(z.string(), ProvenanceSchema),
  })
  .openapi('ExtractedArticle');

const SourceKindSchema = z.enum(['person', 'institution', 'outlet', 'anonymous', 'document']);

export const AnnotationsSchema = z
  .looseObject({
    entities: z.array(
      z.looseObject({
        ...SpanFields,
        type: EntityTypeSchema,
        subtype: z.string().optional(),
        canonical: z.string(),
        resolution: z.string().optional(),
        roles: z.array(z.string()).optional(),
        rule: z.string(),
      }),
    ),
    times: z.array(
      z.looseObject({
        ...SpanFields,
        type: z.enum(['DATE', 'TIME', 'DURATION', 'SET']),
        value: z.string(),
        rule: z.string(),
        inferred: z.boolean().optional(),
      }),
    ),
    quantities: z.array(
      z.looseObject({
        ...SpanFields,
        value: z.number().nullable(),
        low: z.number().optional(),
        high: z.number().optional(),
        unit: z.string().nullable(),
        approx: z.enum(['over', 'under', 'about', 'at_least', 'at_most', 'up_to', 'nearly']).optional(),
        rule: z.string(),
      }),
    ),
    claims: z.array(
      z.looseObject({
        ...SpanFields,
        source: z
          .looseObject({
            ...SpanFields,
            kind: SourceKindSchema,
            canonical: z.string().optional(),
            via: z
              .array(z.looseObject({ text: z.string(), kind: SourceKindSchema, canonical: z.string().optional() }))
              .optional(),
          })
          .nullable(),
        cue: z.looseObject(SpanFields).nullable(),
        content: z.looseObject({ start: z.number().int(), end: z.number().int() }),
        hedged: z.boolean(),
        rule: z.string(),
      }),
    ),
  })
  .openapi('Annotations', { description: 'Offsets index `article.text`.' });

export const AssignmentExplanationSchema = z
  .looseObject({
    score: z.number(),
    parts: z.record(z.string(), z.number()),
    sharedTerms: z.array(z.string()),
    sharedEntities: z.array(z.string()),
    decision: z.enum(['joined', 'opened']),
    duplicateOf: z.string().optional(),
    duplicateSimilarity: z.number().optional(),
  })
  .openapi('AssignmentExplanation', { description: 'Why the clusterer put the article in its story.' });

export const ArticleDetailSchema = z
  .object({
    id: z.string(),
    url: z.string().nullable(),
    article: ExtractedArticleSchema,
    annotations: AnnotationsSchema,
    story: z.string().openapi({ description: 'Id of the story the article was assigned to.' }),
    explanation: AssignmentExplanationSchema,
  })
  .openapi('ArticleDetail');

export const HealthSchema = z
  .object({ ok: z.literal(true), articles: z.number().int() })
  .openapi('Health');
