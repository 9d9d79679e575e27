/**
 * Turns command-line paths into a stream of documents for the pipeline: each file is one document, each
 * line of a `.jsonl` file one more. A file or line that cannot become a document yields a failure with its
 * own error code instead, so the batch goes on.
 */
import { PipelineError, asPipelineError, type InputKind, type RawDocument } from '../model.ts';
import { decodeText, expandPaths, jsonlLines, kindFromName, readInputBytes, sniffKind, type ReadOptions } from './inputs.ts';
import { normalizeIsoDate } from '../util/dates.ts';
import type { FetchOptions } from '../sources/fetch.ts';
import type { WarcStats } from '../sources/warc.ts';

export interface DocumentFailure {
  input: string;
  error: PipelineError;
}

export type DocumentItem = { doc: RawDocument } | DocumentFailure;

export interface DocumentOptions extends ReadOptions {
  /** Force HTML or text for every file (`--as`). */
  as?: InputKind;
  /** Whether `.jsonl` files are read as one document per line (ingest does, extract too). */
  acceptJsonl?: boolean;
  url?: string | null;
  outlet?: string | null;
  /** Arguments that are http(s) URLs are fetched with these options; without them a URL is a missing file. */
  fetch?: FetchOptions;
  /** Whether `.warc` / `.warc.gz` archives are read, one document per HTML or text response record. */
  acceptArchives?: boolean;
  /** Told, after each archive, how many records were read and why others were skipped. */
  onArchiveStats?: (path: string, stats: WarcStats) => void;
}

/** True for an argument that names a web page rather than a file. */
export function isUrlArgument(argument: string): boolean {
  return /^https?:\/\//i.test(argument);
}

export async function* readDocuments(paths: string[], options: DocumentOptions = {}): AsyncGenerator<DocumentItem> {
  for (const argument of paths) {
    if (isUrlArgument(argument) && options.fetch) {
      yield* fetchedDocuments(argument, options);
      continue;
    }
    yield* fileDocuments(argument, options);
  }
}

async function* fetchedDocuments(url: string, options: DocumentOptions): AsyncGenerator<DocumentItem> {
  const { fetchDocument } = await import('../sources/pages.ts');
  try {
    const doc = await fetchDocument(url, { fetchOptions: options.fetch });
    yield { doc: { ...doc, outlet: options.outlet ?? doc.outlet ?? null } };
  } catch (err) {
    yield { input: url, error: asPipelineError(err) };
  }
}

/** The pages of a WARC archive, streamed record by record; skipped records are counted in `stats`. */
async function* archiveDocuments(path: string, options: DocumentOptions): AsyncGenerator<DocumentItem> {
  const { readWarc, warcPageToDocument, newWarcStats } = await import('../sources/warc.ts');
  const stats = newWarcStats();
  for await (const item of readWarc(path, { maxRecordBytes: options.maxBytes, stats })) {
    if (item.kind === 'page') {
      try {
        yield { doc: { ...warcPageToDocument(item), outlet: options.outlet ?? null } };
      } catch (err) {
        yield { input: `${item.file}#${item.offset}`, error: asPipelineError(err) };
      }
    } else if (item.kind === 'error') {
      yield { input: item.file, error: item.error };
    }
  }
  options.onArchiveStats?.(path, stats);
}

async function* fileDocuments(argument: string, options: DocumentOptions): AsyncGenerator<DocumentItem> {
  for (const item of await expandPaths([argument])) {
    if (item.failure) {
      yield { input: item.path, error: item.failure };
      continue;
    }
    const path = item.path;
    if (options.acceptArchives && path !== '-' && /\.warc(\.gz)?$/i.test(path)) {
      yield* archiveDocuments(path, options);
      continue;
    }
    const kindByName = path === '-' ? null : kindFromName(path);
    if (path !== '-' && kindByName === null && !options.as) {
      yield {
        input: path,
        error: new PipelineError('unsupported_type', `${path}: not a page this command reads (.html, .htm, .txt, .jsonl, optionally .gz)`),
      };
      continue;
    }
    let content: string;
    try {
      const bytes = await readInputBytes(path, options);
      content = decodeText(bytes, path === '-' ? 'standard input' : path, options.as ?? kindByName);
    } catch (err) {
      yield { input: path, error: asPipelineError(err) };
      continue;
    }
    if (kindByName === 'jsonl' && !options.as) {
      if (!options.acceptJsonl) {
        yield { input: path, error: new PipelineError('unsupported_type', `${path}: this command does not read .jsonl`) };
        continue;
      }
      yield* jsonlDocuments(path, content, options);
      continue;
    }
    const kind = options.as ?? (kindByName === 'html' || kindByName === 'text' ? kindByName : sniffKind(content));
    yield { doc: { input: path, kind, content, url: options.url ?? null, outlet: options.outlet ?? null } };
  }
}

function* jsonlDocuments(path: string, content: string, options: DocumentOptions): Generator<DocumentItem> {
  for (const line of jsonlLines(path, content)) {
    if (line.error) {
      yield { input: line.where, error: line.error };
      continue;
    }
    try {
      yield { doc: documentFromRecord(line.value, line.where, options) };
    } catch (err) {
      yield { input: line.where, error: asPipelineError(err) };
    }
  }
}

/** A JSONL record `{"url"?, "html"?|"text"?, "outlet"?, "published"?}` as a document. */
export function documentFromRecord(value: unknown, input: string, options: DocumentOptions = {}): RawDocument {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new PipelineError('invalid_record', `${input}: expected a JSON object`);
  }
  const record = value as Record<string, unknown>;
  for (const key of ['url', 'html', 'text', 'outlet', 'published', 'id']) {
    if (record[key] !== undefined && record[key] !== null && typeof record[key] !== 'string') {
      throw new PipelineError('invalid_record', `${input}: field "${key}" must be a string`);
    }
  }
  const html = record.html as string | undefined;
  const text = record.text as string | undefined;
  if (!html && !text) throw new PipelineError('invalid_record', `${input}: needs a non-empty "html" or "text" field`);
  let published: string | null = null;
  if (record.published) {
    published = normalizeIsoDate(record.published as string);
    if (!published) throw new PipelineError('invalid_date', `${input}: "published" is not an ISO 8601 date: ${record.published}`);
  }
  return {
    input: typeof record.id === 'string' ? record.id : input,
    kind: html ? 'html' : 'text',
    content: (html ?? text) as string,
    url: (record.url as string | undefined) ?? options.url ?? null,
    outlet: (record.outlet as string | undefined) ?? options.outlet ?? null,
    published,
  };
}
