/**
 * `crosscheck serve`: the REST API under /api/ (OpenAPI document at /api/openapi.json) and the web interface
 * (the app built into web/dist) at /, over one Store.
 *
 * Request sequence: security headers (on every response, errors included) -> body size limit -> bearer
 * token for write routes -> route (zod-validated params, query and body) -> JSON, an event stream or an app
 * file; failures become `{"error": {"code", "message"}}` under /api/ and a plain page elsewhere, never a
 * stack trace.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { Store } from '../store/types.ts';
import { registerApiRoutes } from './api.ts';
import { CONTENT_SECURITY_POLICY, DEFAULT_MAX_BODY_BYTES, DEFAULT_RATE_LIMITS } from './constants.ts';
import { RateLimiter, type RateLimit } from './rate-limit.ts';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { apiError, describeIssues, isApiPath } from './errors.ts';
import { EventHub } from './events.ts';
import { html } from './html.ts';
import { IngestService, type IngestServiceOptions } from './ingest.ts';
import { BriefRefresher } from './brief-refresher.ts';
import { ResponseCache } from './response-cache.ts';
import { BriefThread } from './brief-thread.ts';
import { ProcessThreadPool } from '../worker/thread-pool.ts';
import type { BriefBuilder } from '../briefs.ts';
import { loadWebAssets, registerWebRoutes } from './web.ts';

export { OPENAPI_DOCUMENT_PATH } from './api.ts';
export { createToken } from './tokens.ts';
export type { ApiErrorCode } from './schemas.ts';
export { escapeHtml } from './html.ts';

export interface ServerOptions {
  store: Store;
  /** Largest request body in bytes (default DEFAULT_MAX_BODY_BYTES); larger ones get 413. */
  maxBodyBytes?: number;
  /** Where unexpected errors are reported (default: console.error, i.e. stderr). */
  logError?: (error: unknown) => void;
  /** Files of the built web app by path (loadWebAssets()); without them / explains how to build it. */
  webAssets?: Awaited<ReturnType<typeof loadWebAssets>>;
  /** Options of URL fetches made for ingest requests (allowPrivate for tests and intranets). */
  ingest?: IngestServiceOptions;
  /** Articles a story brief is built from at most (the most recent ones); DEFAULT_MAX_STORY_ARTICLES of src/briefs.ts. */
  maxStoryArticles?: number;
  /**
   * How long answers of the story list, search and entity routes are reused (DEFAULT_LIST_CACHE_MS; 0: never).
   * Writes through this server show in them within this time.
   */
  listCacheMs?: number;
  /** Request rate limits per client address and per write token (DEFAULT_RATE_LIMITS when absent). */
  rateLimits?: Partial<Record<keyof typeof DEFAULT_RATE_LIMITS, RateLimit>>;
}

/** Routes whose answers the list cache may reuse: the story list, search, entities, health. */
const LIST_ROUTE = /^\/api\/(?:stories|search|entities(?:\/[^/]+)?|health)$/;

/** The client's address, or `local` for in-process requests (tests). */
function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'local';
  } catch {
    return 'local';
  }
}

function renderErrorPage(status: number, message: string): string {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Error ${status} · crosscheck</title></head>
<body><h1>Error ${status}</h1><p>${message}</p><p><a href="/">crosscheck</a></p></body></html>`.value;
}

export function createApp(options: ServerOptions): OpenAPIHono {
  return createServerParts(options).app;
}

/** The app and what runs beside it: the brief refresher, stopped when the server closes. */
function createServerParts(
  options: ServerOptions,
  buildBrief?: BriefBuilder,
): { app: OpenAPIHono; briefs: BriefRefresher; ingest: IngestService } {
  const { store } = options;
  const hub = new EventHub();
  const logError = options.logError ?? ((error: unknown) => console.error('crosscheck serve:', error));
  const briefs = new BriefRefresher(store, { maxArticles: options.maxStoryArticles, build: buildBrief, logError });
  const lists = new ResponseCache(options.listCacheMs);
  const ingest = new IngestService(store, hub, options.ingest, (storyId) => {
    briefs.touch(storyId);
    lists.invalidate();
  });

  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success) return apiError(c, 400, 'invalid_request', describeIssues(result.error.issues));
    },
  });

  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: CONTENT_SECURITY_POLICY,
      xFrameOptions: 'DENY',
      referrerPolicy: 'no-referrer',
      xContentTypeOptions: 'nosniff',
      crossOriginResourcePolicy: 'same-origin',
      // HSTS is for whoever terminates TLS in front of this server, not for a local http listener.
      strictTransportSecurity: false,
    }),
  );
  const limitBody = bodyLimit({
    maxSize: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    onError: (c) =>
      isApiPath(c.req.path)
        ? apiError(c, 413, 'too_large', 'Request body too large.')
        : c.html(renderErrorPage(413, 'Request body too large.'), 413),
  });
  // Reads have no body. Skipping them matters: the limit's check builds the request's web Request object,
  // which the node adapter otherwise never makes for a GET (a tenth of the event loop's time under load).
  app.use('*', (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limitBody(c, next)));

  const limits = { ...DEFAULT_RATE_LIMITS, ...options.rateLimits };
  const readsPerAddress = new RateLimiter(limits.readsPerAddress);
  const writesPerAddress = new RateLimiter(limits.writesPerAddress);
  app.use('/api/*', async (c, next) => {
    const limiter = c.req.method === 'GET' || c.req.method === 'HEAD' ? readsPerAddress : writesPerAddress;
    const wait = limiter.take(clientAddress(c));
    if (wait > 0) {
      c.header('Retry-After', String(Math.ceil(wait)));
      return apiError(c, 429, 'rate_limited', `Too many requests from this address; retry in ${Math.ceil(wait)} s.`);
    }
    return next();
  });

  app.use('/api/*', lists.middleware((path) => LIST_ROUTE.test(path)));
  registerApiRoutes(app, {
    store,
    hub,
    ingest,
    lists,
    writesPerToken: new RateLimiter(limits.writesPerToken),
    maxStoryArticles: options.maxStoryArticles,
    buildBrief,
  });
  registerWebRoutes(app, options.webAssets ?? new Map());

  app.notFound((c) =>
    isApiPath(c.req.path)
      ? apiError(c, 404, 'not_found', `No route for ${c.req.method} ${c.req.path}.`)
      : c.html(renderErrorPage(404, 'Page not found.'), 404),
  );

  app.onError((error, c) => {
    if (error instanceof HTTPException && error.status < 500) {
      const message = error.message || 'Bad request.';
      return isApiPath(c.req.path)
        ? apiError(c, error.status, 'invalid_request', message)
        : c.html(renderErrorPage(error.status, message), error.status);
    }
    logError(error);
    return isApiPath(c.req.path)
      ? apiError(c, 500, 'internal', 'Internal server error.')
      : c.html(renderErrorPage(500, 'Internal server error.'), 500);
  });

  return { app, briefs, ingest };
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Listens on host:port (port 0 picks a free port; `url` tells which), with the built web app when present. */
export async function startServer(options: ServerOptions & { port: number; host: string }): Promise<RunningServer> {
  // Briefs are built on a thread of their own: a large story's cross-check must not stall other requests.
  const thread = new BriefThread();
  // Ingested pages are extracted and annotated on a thread too (~30 ms of CPU a page, models loaded there).
  const processing = new ProcessThreadPool(1);
  const { app, briefs, ingest } = createServerParts(
    {
      ...options,
      webAssets: options.webAssets ?? (await loadWebAssets()),
      ingest: { ...options.ingest, process: (doc) => processing.process(doc) },
    },
    (summary, articles) => thread.build(summary, articles),
  );
  const stopThreads = async () => {
    await briefs.close();
    await Promise.all([thread.close(), processing.close()]);
  };
  // In the background: briefs missing or out of date (`ingest --defer-briefs`, another process) are built
  // now rather than by the first reader of each story, and the clusterer is loaded before the first write.
  briefs.sweep();
  void ingest.prepare();
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, (info: AddressInfo) => {
      server.removeAllListeners('error');
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}`,
        close: async () => {
          await stopThreads();
          await new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            // Keep-alive connections would hold close() open until they time out.
            if ('closeAllConnections' in server) server.closeAllConnections();
          });
        },
      });
    });
    server.once('error', (error) => {
      // Nothing listens: stop what started beside it.
      void stopThreads();
      reject(error);
    });
  });
}
