/**
 * Fetches one web page for ingestion, safely: http(s) only, a time limit, a size limit, at most a few
 * redirects, and no private, loopback or link-local addresses unless allowed (so a URL given to the server
 * cannot reach the machine's own services). The address check runs inside the socket's DNS lookup, so the
 * address checked is the address connected to (no window for DNS rebinding).
 */
import http from 'node:http';
import https from 'node:https';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { PipelineError } from '../model.ts';

export const DEFAULT_FETCH_TIMEOUT_MS = 15_000;
export const DEFAULT_FETCH_MAX_BYTES = 10 * 1024 * 1024;
/** Redirects followed: news sites chain a couple (http -> https -> canonical host). */
export const MAX_REDIRECTS = 5;
export const USER_AGENT = 'crosscheck/0.1 (news cross-checking engine; fetches only pages its user asked for)';

export interface FetchOptions {
  timeoutMs?: number;
  maxBytes?: number;
  /** Allow private, loopback and link-local addresses (for a newsroom's own intranet, or tests). */
  allowPrivate?: boolean;
  userAgent?: string;
  /** Extra request headers (conditional GET: If-None-Match, If-Modified-Since). */
  headers?: Record<string, string>;
}

export interface FetchedPage {
  /** The final URL, after redirects. */
  url: string;
  status: number;
  contentType: string | null;
  /** The charset of the Content-Type header, if any. */
  charset: string | null;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** Address ranges a fetch refuses unless allowPrivate: loopback, private, link-local, CGNAT, multicast, reserved. */
const FORBIDDEN = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) FORBIDDEN.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['::ffff:0:0', 96], ['64:ff9b::', 96],
] as const) FORBIDDEN.addSubnet(network, prefix, 'ipv6');

export function isForbiddenAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  return FORBIDDEN.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** The URL, checked: http or https, no credentials. */
export function checkFetchUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new PipelineError('invalid_record', `not a URL: ${JSON.stringify(raw.slice(0, 200))}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new PipelineError('invalid_record', `only http and https URLs can be fetched, not ${url.protocol}`);
  }
  if (url.username || url.password) throw new PipelineError('invalid_record', 'URLs with credentials are refused');
  return url;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const list = addresses as LookupAddress[];
      const refused = allowPrivate ? undefined : list.find((entry) => isForbiddenAddress(entry.address));
      if (refused) {
        const denied: NodeJS.ErrnoException = new Error(`${hostname} resolves to ${refused.address}, a private or local address`);
        denied.code = 'ECROSSCHECKPRIVATE';
        return callback(denied, []);
      }
      if (options.all) return callback(null, list);
      callback(null, list[0].address, list[0].family);
    });
  };
}

function charsetOf(contentType: string | null): string | null {
  const match = contentType ? /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType) : null;
  return match ? match[1] : null;
}

function requestOnce(url: URL, options: Required<Omit<FetchOptions, 'headers'>> & { headers: Record<string, string> }): Promise<FetchedPage> {
  // A literal IP address skips DNS, so it is checked here.
  const literal = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(literal) && !options.allowPrivate && isForbiddenAddress(literal)) {
    return Promise.reject(new PipelineError('invalid_record', `${url.host} is a private or local address; refused`));
  }
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.get(
      url,
      {
        headers: { 'User-Agent': options.userAgent, Accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5', ...options.headers },
        lookup: guardedLookup(options.allowPrivate) as never,
        timeout: options.timeoutMs,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let total = 0;
        const declared = Number(response.headers['content-length']);
        if (Number.isFinite(declared) && declared > options.maxBytes) {
          response.destroy();
          return reject(new PipelineError('too_large', `${url.href} is ${declared} bytes, over the ${options.maxBytes}-byte limit`));
        }
        response.on('data', (chunk: Buffer) => {
          total += chunk.length;
          if (total > options.maxBytes) {
            response.destroy();
            reject(new PipelineError('too_large', `${url.href} is over the ${options.maxBytes}-byte limit`));
            return;
          }
          chunks.push(chunk);
        });
        response.on('end', () => {
          const contentType = response.headers['content-type'] ?? null;
          resolve({ url: url.href, status: response.statusCode ?? 0, contentType, charset: charsetOf(contentType), headers: response.headers, body: Buffer.concat(chunks) });
        });
        response.on('error', (error) => reject(new PipelineError('unreadable', `${url.href}: ${error.message}`)));
      },
    );
    const deadline = setTimeout(() => request.destroy(new Error(`no complete answer within ${options.timeoutMs} ms`)), options.timeoutMs);
    request.on('close', () => clearTimeout(deadline));
    request.on('timeout', () => request.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECROSSCHECKPRIVATE') reject(new PipelineError('invalid_record', `${error.message}; refused`));
      else if (/within \d+ ms/.test(error.message)) reject(new PipelineError('timeout', `${url.href}: ${error.message}`));
      else reject(new PipelineError('unreadable', `${url.href}: ${error.message}`));
    });
  });
}

/**
 * GETs `raw`, following redirects (each target checked again). Resolves for any final status; callers decide
 * what a 304 or 404 means. Rejects with a PipelineError: invalid_record (bad or refused URL), timeout,
 * too_large, unreadable (network errors, too many redirects).
 */
export async function fetchPage(raw: string, options: FetchOptions = {}): Promise<FetchedPage> {
  const settings = {
    timeoutMs: options.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS,
    maxBytes: options.maxBytes ?? DEFAULT_FETCH_MAX_BYTES,
    allowPrivate: options.allowPrivate ?? false,
    userAgent: options.userAgent ?? USER_AGENT,
    headers: options.headers ?? {},
  };
  let url = checkFetchUrl(raw);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const page = await requestOnce(url, settings);
    const location = page.headers.location;
    if (page.status >= 300 && page.status < 400 && page.status !== 304 && location) {
      url = checkFetchUrl(new URL(location, url).href);
      continue;
    }
    return page;
  }
  throw new PipelineError('unreadable', `${raw}: more than ${MAX_REDIRECTS} redirects`);
}
