/**
 * A fetched or archived HTTP page as a RawDocument: which media types are pages, and the fetch-then-decode
 * step shared by `ingest URL` and the feed watcher.
 */
import { PipelineError, type InputKind, type IsoDate, type RawDocument } from '../model.ts';
import { decodeText, sniffKind } from '../cli/inputs.ts';
import { fetchPage, type FetchedPage, type FetchOptions } from './fetch.ts';
import { HTML_MEDIA_TYPES, TEXT_MEDIA_TYPES } from './constants.ts';

/** The media type of a Content-Type value, lower case, without parameters (`text/html; charset=x` -> `text/html`). */
export function mediaTypeOf(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const type = contentType.split(';')[0].trim().toLowerCase();
  return type || null;
}

/** The charset parameter of a Content-Type value, if any. */
export function charsetOf(contentType: string | null | undefined): string | null {
  const match = contentType ? /;\s*charset\s*=\s*"?([\w.:-]+)/i.exec(contentType) : null;
  return match ? match[1] : null;
}

/** HTML or text for a page's media type; null when the type is not a page (an image, a PDF, JSON...). A missing
 * type counts as a page: many servers omit it, and decodeText rejects binary bodies anyway. */
export function pageKindOf(contentType: string | null | undefined): InputKind | 'unknown' | null {
  const type = mediaTypeOf(contentType);
  if (type === null) return 'unknown';
  if (HTML_MEDIA_TYPES.has(type)) return 'html';
  if (TEXT_MEDIA_TYPES.has(type)) return 'text';
  return null;
}

/** Decodes a page body into a document; throws a PipelineError (`empty`, `binary`, `invalid_utf8`, ...). */
export function pageToDocument(
  body: Buffer,
  fields: { input: string; url: string | null; contentType: string | null; charset: string | null; published?: IsoDate | null },
): RawDocument {
  const kind = pageKindOf(fields.contentType);
  if (kind === null) {
    throw new PipelineError('unsupported_type', `${fields.input}: ${mediaTypeOf(fields.contentType)} is not an HTML or text page`);
  }
  const content = decodeText(body, fields.input, kind === 'unknown' ? null : kind, fields.charset);
  const doc: RawDocument = { input: fields.input, kind: kind === 'unknown' ? sniffKind(content) : kind, content, url: fields.url, outlet: null };
  if (fields.published) doc.published = fields.published;
  return doc;
}

export interface FetchDocumentOptions {
  /** Passed to the fetcher (allowPrivate, limits, conditional headers). */
  fetchOptions?: FetchOptions;
  /** The fetcher; fetchPage unless a test injects another. */
  fetch?: (url: string, options: FetchOptions) => Promise<FetchedPage>;
  /** Publish date given by the source (a feed entry's), kept as the document's `published`. */
  published?: IsoDate | null;
}

/**
 * GETs a page (with fetchPage's SSRF guard, time and size limits) and decodes it into a RawDocument whose
 * `input` is the URL asked for and `url` the final URL after redirects. Throws a PipelineError: `unreadable`
 * for an HTTP status other than 2xx, `unsupported_type` for a body that is not HTML or text, and fetchPage's
 * and decodeText's codes otherwise.
 */
export async function fetchDocument(url: string, options: FetchDocumentOptions = {}): Promise<RawDocument> {
  const fetcher = options.fetch ?? fetchPage;
  const page = await fetcher(url, options.fetchOptions ?? {});
  return fetchedPageToDocument(url, page, options.published);
}

/** A fetched page as a document (see fetchDocument for the errors). */
export function fetchedPageToDocument(requested: string, page: FetchedPage, published?: IsoDate | null): RawDocument {
  if (page.status < 200 || page.status >= 300) {
    throw new PipelineError('unreadable', `${page.url} answered HTTP ${page.status}`);
  }
  return pageToDocument(page.body, { input: requested, url: page.url, contentType: page.contentType, charset: page.charset, published });
}
