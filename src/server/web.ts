/** The server-rendered web interface: story list, story brief, article. No client-side script. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Store } from '../store/types.ts';
import { loadBrief } from './api.ts';
import { STYLESHEET_PATH } from './constants.ts';
import { describeIssues } from './errors.ts';
import { IdParamsSchema, StoryListQuerySchema } from './schemas.ts';
import { STYLESHEET } from './style.ts';
import { renderArticlePage, renderErrorPage, renderStoryList, renderStoryPage } from './views.ts';

/** How long browsers may reuse the stylesheet: it only changes with a new release. */
const STYLESHEET_MAX_AGE_SECONDS = 3600;

export function registerWebRoutes(app: OpenAPIHono, store: Store): void {
  app.get(STYLESHEET_PATH, (c) =>
    c.body(STYLESHEET, 200, {
      'Content-Type': 'text/css; charset=utf-8',
      'Cache-Control': `public, max-age=${STYLESHEET_MAX_AGE_SECONDS}`,
    }),
  );

  app.get('/', async (c) => {
    const query = StoryListQuerySchema.safeParse(c.req.query());
    if (!query.success) return c.html(renderErrorPage(400, describeIssues(query.error.issues)), 400);
    const { limit, offset } = query.data;
    const stories = await store.listStories({ limit, offset });
    return c.html(renderStoryList(stories, limit, offset));
  });

  app.get('/stories/:id', async (c) => {
    const params = IdParamsSchema.safeParse(c.req.param());
    if (!params.success) return c.html(renderErrorPage(400, describeIssues(params.error.issues)), 400);
    const brief = await loadBrief(store, params.data.id);
    if (!brief) return c.html(renderErrorPage(404, 'No story with this id.'), 404);
    return c.html(renderStoryPage(brief));
  });

  app.get('/articles/:id', async (c) => {
    const params = IdParamsSchema.safeParse(c.req.param());
    if (!params.success) return c.html(renderErrorPage(400, describeIssues(params.error.issues)), 400);
    const stored = await store.getArticle(params.data.id);
    if (!stored) return c.html(renderErrorPage(404, 'No article with this id.'), 404);
    return c.html(renderArticlePage(stored));
  });
}
