/**
 * The REST API under /api/. Every route is declared with `createRoute`, so its zod schemas both validate
 * the request and describe it in the OpenAPI document served at /api/openapi.json.
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { buildBrief, renderBriefMarkdown } from '../crosscheck/index.ts';
import type { Store } from '../store/types.ts';
import { apiErrorBody } from './errors.ts';
import {
  ArticleDetailSchema,
  ErrorSchema,
  HealthSchema,
  IdParamsSchema,
  StoryBriefSchema,
  StoryListQuerySchema,
  StoryListSchema,
} from './schemas.ts';

export const OPENAPI_DOCUMENT_PATH = '/api/openapi.json';

const jsonError = (description: string) => ({
  content: { 'application/json': { schema: ErrorSchema } },
  description,
});

const healthRoute = createRoute({
  method: 'get',
  path: '/api/health',
  summary: 'Liveness and store size',
  responses: {
    200: { content: { 'application/json': { schema: HealthSchema } }, description: 'The server and its store answer.' },
    500: jsonError('The store failed.'),
  },
});

const listStoriesRoute = createRoute({
  method: 'get',
  path: '/api/stories',
  summary: 'List stories, most recent first as the store orders them',
  request: { query: StoryListQuerySchema },
  responses: {
    200: { content: { 'application/json': { schema: StoryListSchema } }, description: 'One page of stories.' },
    400: jsonError('Invalid `limit` or `offset`.'),
    500: jsonError('The store failed.'),
  },
});

const getStoryRoute = createRoute({
  method: 'get',
  path: '/api/stories/{id}',
  summary: 'The cross-checked brief of one story (the contract’s `story ID --json`)',
  request: { params: IdParamsSchema },
  responses: {
    200: { content: { 'application/json': { schema: StoryBriefSchema } }, description: 'The story brief.' },
    400: jsonError('Invalid id.'),
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
    200: {
      content: { 'text/markdown': { schema: { type: 'string' } } },
      description: 'The story brief as a Markdown document.',
    },
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
    200: { content: { 'application/json': { schema: ArticleDetailSchema } }, description: 'The article.' },
    400: jsonError('Invalid id.'),
    404: jsonError('No article with this id.'),
    500: jsonError('The store failed.'),
  },
});

/** The brief of a story, or null when the store has no such story. */
export async function loadBrief(store: Store, storyId: string) {
  const summary = await store.getStorySummary(storyId);
  if (!summary) return null;
  const articles = await store.getStoryArticles(storyId);
  return buildBrief(summary, articles);
}

export function registerApiRoutes(app: OpenAPIHono, store: Store): void {
  app.openapi(healthRoute, async (c) => c.json({ ok: true as const, articles: await store.countArticles() }, 200));

  app.openapi(listStoriesRoute, async (c) => {
    const { limit, offset } = c.req.valid('query');
    const stories = await store.listStories({ limit, offset });
    return c.json({ stories, limit, offset }, 200);
  });

  app.openapi(getStoryRoute, async (c) => {
    const { id } = c.req.valid('param');
    const brief = await loadBrief(store, id);
    if (!brief) return c.json(apiErrorBody('not_found', `No story with id ${JSON.stringify(id)}.`), 404);
    return c.json(brief, 200);
  });

  app.openapi(getStoryMarkdownRoute, async (c) => {
    const { id } = c.req.valid('param');
    const brief = await loadBrief(store, id);
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

  app.doc31(OPENAPI_DOCUMENT_PATH, {
    openapi: '3.1.0',
    info: {
      title: 'crosscheck API',
      version: '0.1.0',
      description:
        'Read-only access to stored stories and articles. Errors are `{"error": {"code", "message"}}` with ' +
        'codes `invalid_request` (400), `not_found` (404), `too_large` (413) and `internal` (500).',
    },
  });
}
