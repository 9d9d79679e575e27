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
import { BriefCache } from './brief-cache.ts';
import { EventHub } from './events.ts';
import { html } from './html.ts';
import { IngestService, type IngestServiceOptions } from './ingest.ts';
import { loadWebAssets, registerWebRoutes } from './web.ts';

export { OPENAPI_DOCUMENT_PATH, loadBrief } from './api.ts';
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
  /** Articles a story brief is built from at most (the most recent ones); DEFAULT_MAX_STORY_ARTICLES. */
  maxStoryArticles?: number;
  /** Request rate limits per client address and per write token (DEFAULT_RATE_LIMITS when absent). */
  rateLimits?: Partial<Record<keyof typeof DEFAULT_RATE_LIMITS, RateLimit>>;
}

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
  const { store } = options;
  const hub = new EventHub();
  const ingest = new IngestService(store, hub, options.ingest);
  const logError = options.logError ?? ((error: unknown) => console.error('crosscheck serve:', error));

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
  app.use(
    '*',
    bodyLimit({
      maxSize: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      onError: (c) =>
        isApiPath(c.req.path)
          ? apiError(c, 413, 'too_large', 'Request body too large.')
          : c.html(renderErrorPage(413, 'Request body too large.'), 413),
    }),
  );

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

  registerApiRoutes(app, { store, briefs: new BriefCache(), hub, ingest, writesPerToken: new RateLimiter(limits.writesPerToken), maxStoryArticles: options.maxStoryArticles });
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

  return app;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Listens on host:port (port 0 picks a free port; `url` tells which), with the built web app when present. */
export async function startServer(options: ServerOptions & { port: number; host: string }): Promise<RunningServer> {
  const app = createApp({ ...options, webAssets: options.webAssets ?? (await loadWebAssets()) });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, (info: AddressInfo) => {
      server.off('error', reject);
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            // Keep-alive connections would hold close() open until they time out.
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
    server.once('error', reject);
  });
}
