/**
 * The web interface: the single-page app built by Vite into web/dist (`npm run build:web`). Its files are
 * read once at start-up and served from memory; any other path outside /api/ gets index.html, whose script
 * routes on the client. Only the files the build produced can be served, so no request path reaches the disk.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { html } from './html.ts';

/** Where `vite build` writes the app (see vite.config.ts). */
export const WEB_DIST_DIR = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/** Hashed asset names never change content, so browsers may keep them for a year. */
const IMMUTABLE_MAX_AGE_SECONDS = 365 * 24 * 3600;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

interface Asset {
  body: Buffer;
  type: string;
}

/** Every file of the built app by URL path (`/index.html`, `/assets/index-1a2b.js`); empty when not built. */
export async function loadWebAssets(dir: string = WEB_DIST_DIR): Promise<Map<string, Asset>> {
  const assets = new Map<string, Asset>();
  async function walk(folder: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) {
        const type = CONTENT_TYPES[path.extname(entry.name).toLowerCase()];
        if (type) assets.set(`/${path.relative(dir, full).split(path.sep).join('/')}`, { body: await readFile(full), type });
      }
    }
  }
  await walk(dir);
  return assets;
}

const NOT_BUILT_PAGE = html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>crosscheck</title></head>
<body><h1>The web interface is not built</h1>
<p>Run <code>npm run build:web</code> (or <code>npm start</code>, which builds it), then reload. The API answers at
<a href="/api/openapi.json">/api/openapi.json</a>.</p></body></html>`.value;

export function registerWebRoutes(app: OpenAPIHono, assets: Map<string, Asset>): void {
  app.get('*', async (c, next) => {
    const requestPath = c.req.path;
    if (requestPath === '/api' || requestPath.startsWith('/api/')) return next();
    const asset = assets.get(requestPath);
    if (asset && requestPath !== '/index.html') {
      const immutable = requestPath.startsWith('/assets/');
      return c.body(new Uint8Array(asset.body), 200, {
        'Content-Type': asset.type,
        'Cache-Control': immutable ? `public, max-age=${IMMUTABLE_MAX_AGE_SECONDS}, immutable` : 'no-cache',
      });
    }
    // Files that look like assets but are not part of the build are real 404s, not app routes.
    if (requestPath.startsWith('/assets/') || /\.[a-z0-9]{1,5}$/i.test(requestPath)) return next();
    const index = assets.get('/index.html');
    if (!index) return c.html(NOT_BUILT_PAGE, 503);
    return c.body(new Uint8Array(index.body), 200, { 'Content-Type': index.type, 'Cache-Control': 'no-cache' });
  });
}
