/**
 * The REST API under /api/. Every JSON route is declared with `createRoute`, so its zod schemas both validate
 * the request and describe it in the OpenAPI document served at /api/openapi.json. Write routes need a
 * bearer token (`crosscheck token create`).
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { EXPORT_FORMATS, exportBrief, renderBriefMarkdown, type ExportFormat } from '../crosscheck/index.ts';
import type { RawDocument, StoryBrief } from '../model.ts';
import { decodeText, kindFromName, sniffKind } from '../cli/inputs.ts';
import { asPipelineError } from '../model.ts';
import type { Store } from '../store/types.ts';
import { currentBrief, type BriefBuilder } from '../briefs.ts';
import { SSE_HEARTBEAT_MS } from './constants.ts';
import type { ResponseCache } from './response-cache.ts';
import { apiError, apiErrorBody } from './errors.ts';
import type { EventHub, ServerEvent } from './events.ts';
import type { IngestService } from './ingest.ts';
import type { RateLimiter } from './rate-limit.ts';
import {
  ArticleDetailSchema,
  EntityDetailSchema,
  EntityListQuerySchema,
  EntityListSchema,
  EntityParamsSchema,
  ErrorSchema,
  HealthSchema,
  IdParamsSchema,
  IngestBodySchema,
  IngestResultSchema,
  SearchQuerySchema,
  SearchResultSchema,
  StoryBriefSchema,
  StoryFilterQuerySchema,
  StoryListSchema,
} from './schemas.ts';
import { authenticate } from './tokens.ts';

export const OPENAPI_DOCUMENT_PATH = '/api/openapi.json';

/** Stories shown beside article hits by /api/search: the first screen of matches. */
const SEARCH_STORY_COUNT = 10;

const jsonError = (description: string) => ({
  content: { 'application/json': { schema: ErrorSchema } },
  description,
});

const jsonBody = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

const healthRoute = createRoute({
  method: 'get',
  path: '/api/health',
  summary: 'Liveness and store size',
  responses: { 200: jsonBody(HealthSchema, 'The server and its store answer.'), 500: jsonError('The store failed.') },
});

const listStoriesRoute = createRoute({
  method: 'get',
  path: '/api/stories',
  summary: 'List stories, most recently seen first, optionally filtered by text, entity, outlet and dates',
  request: { query: StoryFilterQuerySchema },
  responses: {
    200: jsonBody(StoryListSchema, 'One page of stories.'),
    400: jsonError('Invalid filter, `limit` or `offset`.'),
    500: jsonError('The store failed.'),
  },
});

const storyRoute = <P extends string, S extends z.ZodType>(path: P, summary: string, schema: S, description: string) =>
  createRoute({
    method: 'get',
    path,
    summary,
    request: { params: IdParamsSchema },
    responses: {
      200: jsonBody(schema, description),
      400: jsonError('Invalid id.'),
      404: jsonError('No story with this id.'),
      500: jsonError('The store or the cross-check failed.'),
    },
  });

const getStoryRoute = storyRoute('/api/stories/{id}', 'The cross-checked brief of one story (the contract’s `story ID --json`)', StoryBriefSchema, 'The story brief.');
const getStoryClaimsRoute = storyRoute(
  '/api/stories/{id}/claims',
  'The claims of one story with their status and sources',
  z.object({ claims: StoryBriefSchema.shape.claims }),
  'The story’s claims.',
);
const getStoryTimelineRoute = storyRoute(
  '/api/stories/{id}/timeline',
  'The dated events of one story with their sources',
  z.object({ timeline: StoryBriefSchema.shape.timeline }),
  'The story’s timeline.',
);

const getStoryGraphRoute = storyRoute(
  '/api/stories/{id}/graph',
  'The actor graph of one story: actor -> action -> target edges with counts and sources',
  z.looseObject({ nodes: z.array(z.looseObject({ id: z.string(), label: z.string() })), edges: z.array(z.looseObject({ actor: z.string(), action: z.string(), target: z.string(), count: z.number() })) }),
  'The actor graph.',
);

/** Media types of the export formats. */
const EXPORT_MEDIA_TYPES: Record<ExportFormat, string> = {
  json: 'application/json; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  'graph-json': 'application/json; charset=utf-8',
  graphml: 'application/graphml+xml; charset=utf-8',
  'events-tsv': 'text/tab-separated-values; charset=utf-8',
};
const EXPORT_FILE_SUFFIX: Record<ExportFormat, string> = {
  json: 'story.json',
  md: 'brief.md',
  csv: 'claims.csv',
  'graph-json': 'graph.json',
  graphml: 'graph.graphml',
  'events-tsv': 'events.tsv',
};

const exportStoryRoute = createRoute({
  method: 'get',
  path: '/api/stories/{id}/export/{format}',
  summary: 'One story exported: story JSON, Markdown brief, claims CSV, actor graph (JSON, GraphML), events TSV (GDELT-like)',
  request: {
    params: IdParamsSchema.extend({
      format: z.enum(EXPORT_FORMATS as unknown as [ExportFormat, ...ExportFormat[]]).openapi({ param: { name: 'format', in: 'path' } }),
    }),
  },
  responses: {
    200: { content: { 'application/octet-stream': { schema: z.string() } }, description: 'The export, as a download.' },
    400: jsonError('Invalid id or format.'),
    404: jsonError('No story with this id.'),
    500: jsonError('The store or the cross-check failed.'),
  },
});

const getStoryMarkdownRoute = createRoute({
  method: 'get',
  path: '/api/stories/{id}/markdown',
  summary: 'The brief of one story as Markdown (the contract’s `story ID --md`)',
  request: { params: IdParamsSchema },
  responses: {
    200: { content: { 'text/markdown': { schema: z.string() } }, description: 'The story brief as a Markdown document.' },
    400: jsonError('Invalid id.'),
    404: jsonError('No story with this id.'),
    500: jsonError('The store or the cross-check failed.'),
  },
});

const getArticleRoute = createRoute({
  method: 'get',
  path: '/api/articles/{id}',
  summary: 'One stored article: extraction, annotations and its story assignment',
  request: { params: IdParamsSchema },
  responses: {
    200: jsonBody(ArticleDetailSchema, 'The article.'),
    400: jsonError('Invalid id.'),
    404: jsonError('No article with this id.'),
    500: jsonError('The store failed.'),
  },
});

const listEntitiesRoute = createRoute({
  method: 'get',
  path: '/api/entities',
  summary: 'Entities of the store, most widely mentioned first',
  request: { query: EntityListQuerySchema },
  responses: { 200: jsonBody(EntityListSchema, 'One page of entities.'), 400: jsonError('Invalid query.'), 500: jsonError('The store failed.') },
});

const getEntityRoute = createRoute({
  method: 'get',
  path: '/api/entities/{name}',
  summary: 'One entity: its spellings and the stories that mention it',
  request: { params: EntityParamsSchema },
  responses: {
    200: jsonBody(EntityDetailSchema, 'The entity.'),
    400: jsonError('Invalid name.'),
    404: jsonError('No entity with this canonical.'),
    500: jsonError('The store failed.'),
  },
});

const searchRoute = createRoute({
  method: 'get',
  path: '/api/search',
  summary: 'Full-text search: matching stories and articles',
  request: { query: SearchQuerySchema },
  responses: { 200: jsonBody(SearchResultSchema, 'Stories and article hits.'), 400: jsonError('Invalid query.'), 500: jsonError('The store failed.') },
});

const ingestRoute = createRoute({
  method: 'post',
  path: '/api/ingest',
  summary: 'Ingest a page: pasted text or HTML, an uploaded file (multipart field `file`), or a URL to fetch',
  security: [{ bearer: [] }],
  request: {
    body: {
      content: {
        'application/json': { schema: IngestBodySchema },
        'multipart/form-data': {
          schema: z.object({
            file: z.any().optional().openapi({ type: 'string', format: 'binary', description: 'An .html, .htm or .txt page.' }),
            url: z.string().optional(),
            outlet: z.string().optional(),
            published: z.string().optional(),
          }),
        },
      },
      // Not `required`: with it the router would run both validators on every request; each now runs only
      // for its own content type, and the handler refuses any other.
      required: false,
    },
  },
  responses: {
    200: jsonBody(IngestResultSchema, 'Stored (or found stored already: `duplicate`).'),
    400: jsonError('Malformed request.'),
    401: jsonError('No valid bearer token.'),
    413: jsonError('Body over the size limit.'),
    422: jsonError('The page could not be read or holds no article (the message says why).'),
    429: jsonError('Too many writes from this address or with this token (see Retry-After).'),
    500: jsonError('The store failed.'),
  },
});

export interface ApiDependencies {
  store: Store;
  /** Answers and values of the list routes reused for a short while (ResponseCache). */
  lists: ResponseCache;
  /** How briefs out of date are rebuilt on a read (default: in this thread). */
  buildBrief?: BriefBuilder;
  hub: EventHub;
  ingest: IngestService;
  writesPerToken: RateLimiter;
  /** Articles a brief is built from at most (DEFAULT_MAX_STORY_ARTICLES). */
  maxStoryArticles?: number;
}

export function registerApiRoutes(app: OpenAPIHono, deps: ApiDependencies): void {
  const { store, hub, ingest, writesPerToken, lists } = deps;
  const briefOptions = { maxArticles: deps.maxStoryArticles, build: deps.buildBrief };
  /** The story's brief parsed, for the routes that serve a part of it or another format; null: no story. */
  const parsedBrief = async (id: string): Promise<StoryBrief | null> => {
    const found = await currentBrief(store, id, briefOptions);
    return found ? (JSON.parse(found.json) as StoryBrief) : null;
  };

  app.openapi(healthRoute, async (c) => c.json({ ok: true as const, articles: await store.countArticles() }, 200));

  app.openapi(listStoriesRoute, async (c) => {
    const { limit, offset, q, entity, outlet, from, to } = c.req.valid('query');
    const filter = { query: q, entity, outlet, from, to };
    // Every page of one list shares its count.
    const total = lists.memo(`stories:count:${JSON.stringify(filter)}`, () => store.countStories(filter));
    const [stories, count] = await Promise.all([store.listStories({ ...filter, limit, offset }), total]);
    return c.json({ stories, limit, offset, total: count }, 200);
  });

  app.openapi(getStoryRoute, async (c) => {
    const { id } = c.req.valid('param');
    // The stored JSON text goes out as it is: no parse and serialize of a brief tens of kilobytes long. (The
    // route's schema documents that text; hono's types only know responses built from objects.)
    const found = await currentBrief(store, id, briefOptions);
    return found
      ? (new Response(found.json, { status: 200, headers: { 'Content-Type': 'application/json; charset=UTF-8' } }) as never)
      : c.json(apiErrorBody('not_found', `No story with id ${JSON.stringify(id)}.`), 404);
  });

  app.openapi(getStoryClaimsRoute, async (c) => {
    const { id } = c.req.valid('param');
    const brief = await parsedBrief(id);
    return brief ? c.json({ claims: brief.claims }, 200) : c.json(apiErrorBody('not_found', `No story with id ${JSON.stringify(id)}.`), 404);
  });

  app.openapi(getStoryTimelineRoute, async (c) => {
    const { id } = c.req.valid('param');
    const brief = await parsedBrief(id);
    return brief ? c.json({ timeline: brief.timeline }, 200) : c.json(apiErrorBody('not_found', `No story with id ${JSON.stringify(id)}.`), 404);
  });

  app.openapi(getStoryGraphRoute, async (c) => {
    const { id } = c.req.valid('param');
    const brief = await parsedBrief(id);
    return brief
      ? c.json(brief.actor_graph ?? { nodes: [], edges: [] }, 200)
      : c.json(apiErrorBody('not_found', `No story with id ${JSON.stringify(id)}.`), 404);
  });

  app.openapi(exportStoryRoute, async (c) => {
    const { id, format } = c.req.valid('param');
    const brief = await parsedBrief(id);
    if (!brief) return c.json(apiErrorBody('not_found', `No story with id ${JSON.stringify(id)}.`), 404);
    const safeId = brief.id.replace(/[^A-Za-z0-9_-]/g, '_');
    return c.body(exportBrief(brief, format), 200, {
      'Content-Type': EXPORT_MEDIA_TYPES[format],
      'Content-Disposition': `attachment; filename="${safeId}-${EXPORT_FILE_SUFFIX[format]}"`,
    });
  });

  app.openapi(getStoryMarkdownRoute, async (c) => {
    const { id } = c.req.valid('param');
    const brief = await parsedBrief(id);
    if (!brief) return c.json(apiErrorBody('not_found', `No story with id ${JSON.stringify(id)}.`), 404);
    return c.body(renderBriefMarkdown(brief), 200, { 'Content-Type': 'text/markdown; charset=utf-8' });
  });

  app.openapi(getArticleRoute, async (c) => {
    const { id } = c.req.valid('param');
    const stored = await store.getArticle(id);
    if (!stored) return c.json(apiErrorBody('not_found', `No article with id ${JSON.stringify(id)}.`), 404);
    const { record, assignment } = stored;
    return c.json(
      {
        id: record.id,
        url: record.url,
        article: record.article,
        annotations: record.annotations,
        story: assignment.story,
        explanation: assignment.explanation,
      },
      200,
    );
  });

  app.openapi(listEntitiesRoute, async (c) => {
    const { limit, offset, q, type } = c.req.valid('query');
    return c.json({ entities: await store.listEntities({ limit, offset, query: q, type }), limit, offset }, 200);
  });

  app.openapi(getEntityRoute, async (c) => {
    const { name } = c.req.valid('param');
    const entity = await store.getEntity(name);
    if (!entity) return c.json(apiErrorBody('not_found', `No entity named ${JSON.stringify(name)}.`), 404);
    return c.json(entity, 200);
  });

  app.openapi(searchRoute, async (c) => {
    const { q, limit, offset } = c.req.valid('query');
    const [stories, articles] = await Promise.all([
      offset === 0 ? store.listStories({ query: q, limit: SEARCH_STORY_COUNT }) : Promise.resolve([]),
      store.searchArticles(q, { limit, offset }),
    ]);
    return c.json({ stories, articles, limit, offset }, 200);
  });

  app.use('/api/ingest', async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const token = await authenticate(store, c.req.header('authorization'));
    if (!token) {
      c.header('WWW-Authenticate', 'Bearer realm="crosscheck"');
      return apiError(c, 401, 'unauthorized', 'Write routes need `Authorization: Bearer <token>` (create one with `crosscheck token create`).');
    }
    const wait = writesPerToken.take(token.id);
    if (wait > 0) {
      c.header('Retry-After', String(Math.ceil(wait)));
      return apiError(c, 429, 'rate_limited', `Too many writes with this token; retry in ${Math.ceil(wait)} s.`);
    }
    return next();
  });

  app.openapi(
    ingestRoute,
    async (c) => {
      const type = c.req.header('content-type') ?? '';
      let doc: RawDocument | null = null;
      let fetchUrl: string | null = null;
      let fields: Pick<RawDocument, 'outlet' | 'published'> = {};
      if (/^multipart\/form-data/i.test(type)) {
        const form = await c.req.parseBody();
        const file = form.file;
        if (!(file instanceof File)) return c.json(apiErrorBody('invalid_request', 'file: expected an uploaded file in the multipart field `file`.'), 400);
        const text = (name: string) => (typeof form[name] === 'string' && form[name] !== '' ? (form[name] as string) : undefined);
        fields = { outlet: text('outlet'), published: text('published') };
        const kind = kindFromName(file.name);
        if (kind === 'jsonl') return c.json(apiErrorBody('unprocessable', 'unsupported_type: upload one page (.html, .htm or .txt), not a JSONL file.'), 422);
        try {
          const content = decodeText(Buffer.from(await file.arrayBuffer()), file.name || 'upload', kind);
          doc = { input: `upload:${file.name || 'page'}`, kind: kind ?? sniffKind(content), content, url: text('url') ?? null, ...fields };
        } catch (error) {
          const failure = asPipelineError(error);
          return c.json(apiErrorBody('unprocessable', `${failure.code}: ${failure.message}`), 422);
        }
      } else if (/^application\/json/i.test(type)) {
        const body = c.req.valid('json') as z.infer<typeof IngestBodySchema>;
        fields = { outlet: body.outlet, published: body.published };
        if (body.text !== undefined || body.html !== undefined) {
          const content = body.html ?? body.text ?? '';
          doc = { input: 'paste', kind: body.html !== undefined ? 'html' : 'text', content, url: body.url ?? null, ...fields };
        } else {
          fetchUrl = body.url ?? null;
        }
      } else {
        return c.json(apiErrorBody('invalid_request', 'Send application/json ({"text"|"html"|"url", ...}) or multipart/form-data with a `file`.'), 400);
      }
      const outcome = doc ? await ingest.ingest(doc) : await ingest.ingestUrl(fetchUrl ?? '', fields);
      if (!outcome.ok) return c.json(apiErrorBody('unprocessable', `${outcome.error.code}: ${outcome.error.message}`), 422);
      return c.json({ id: outcome.id, story: outcome.story, duplicate: outcome.duplicate, title: outcome.title, outlet: outcome.outlet }, 200);
    },
    // JSON bodies are validated by the route; a multipart body is read by the handler.
  );

  app.get('/api/events', (c) => {
    let unsubscribe: (() => void) | null = null;
    return streamSSE(c, async (stream) => {
      const pending: ServerEvent[] = [];
      let wake: (() => void) | null = null;
      unsubscribe = hub.subscribe((event) => {
        pending.push(event);
        wake?.();
      });
      if (!unsubscribe) {
        await stream.writeSSE({ event: 'error', data: JSON.stringify({ code: 'unavailable', message: 'Too many live streams; try again later.' }) });
        return;
      }
      stream.onAbort(() => {
        unsubscribe?.();
        wake?.();
      });
      await stream.writeSSE({ event: 'ready', data: '{}' });
      while (!stream.aborted) {
        const event = pending.shift();
        if (event) {
          await stream.writeSSE({ event: event.type, data: JSON.stringify(event) });
          continue;
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, SSE_HEARTBEAT_MS);
        });
        wake = null;
        // A comment line keeps proxies from closing an idle stream.
        if (pending.length === 0 && !stream.aborted) await stream.write(': heartbeat\n\n');
      }
      unsubscribe();
    });
  });

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', description: 'A token from `crosscheck token create`.' });
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/api/events',
    summary: 'Live updates (Server-Sent Events): `article` when an article is stored, `story` when a story changes',
    responses: { 200: { description: 'An event stream.', content: { 'text/event-stream': { schema: z.string() } } } },
  });

  app.doc31(OPENAPI_DOCUMENT_PATH, {
    openapi: '3.1.0',
    info: {
      title: 'crosscheck API',
      version: '0.2.0',
      description:
        'Stories cross-checked claim by claim, their articles, entities and search; ingest with a bearer token. ' +
        'Errors are `{"error": {"code", "message"}}` with codes `invalid_request` (400), `unauthorized` (401), ' +
        '`not_found` (404), `too_large` (413), `unprocessable` (422), `rate_limited` (429) and `internal` (500).',
    },
  });
}
