/**
 * A streaming WARC reader (WARC/1.0 and 1.1, as written by Common Crawl for CC-NEWS): reads a `.warc` or
 * `.warc.gz` file record by record and yields the HTML and text pages it holds, one item per record.
 *
 * Sequence per record: version line -> WARC headers -> (response records) the HTTP status line and headers,
 * read line by line from the block -> the decision to keep or skip -> the body, read only when kept. A skipped
 * record's bytes are streamed past, never buffered, and a kept body is at most `maxRecordBytes`, so memory stays
 * flat whatever the archive's size. gzip files are decompressed as a stream: one gzip member per record (the
 * usual `.warc.gz`) and a single gzip stream over the whole file read the same.
 *
 * Offsets are byte offsets of a record's first byte in the decompressed WARC stream (not the compressed file
 * offsets of a CDX index: Node's gunzip does not expose member boundaries).
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip, brotliDecompressSync, gunzipSync, inflateSync, inflateRawSync } from 'node:zlib';
import { PipelineError, type RawDocument } from '../model.ts';
import { DEFAULT_WARC_MAX_RECORD_BYTES, MAX_HEADER_BYTES, PAGE_RECORD_TYPES } from './constants.ts';
import { charsetOf, pageKindOf, pageToDocument } from './pages.ts';

/** A page found in the archive: an HTTP response (or a resource record) of an HTML or text document. */
export interface WarcPage {
  kind: 'page';
  /** The archive the record was read from. */
  file: string;
  /** Byte offset of the record in the decompressed WARC stream. */
  offset: number;
  warcType: 'response' | 'resource';
  /** WARC-Record-ID, e.g. `<urn:uuid:...>`. */
  recordId: string | null;
  /** WARC-Target-URI: the page's URL. */
  uri: string | null;
  /** WARC-Date: when the page was crawled (not when it was published). */
  date: string | null;
  /** HTTP status of a response record (always 2xx: other statuses are skipped); null for a resource record. */
  status: number | null;
  /** The HTTP Content-Type (response) or the WARC Content-Type (resource). */
  contentType: string | null;
  charset: string | null;
  /** The payload: de-chunked and decompressed (Content-Encoding), at most maxRecordBytes. */
  body: Buffer;
}

export type WarcSkipReason =
  | 'record_type' // request, metadata, warcinfo, revisit, conversion, continuation records
  | 'not_http' // a response record whose block is not an HTTP message (DNS, ...)
  | 'bad_http' // an HTTP message that cannot be read (status line, chunking)
  | 'http_status' // an HTTP status other than 2xx
  | 'not_html' // a payload that is not an HTML or text page (images, PDF, JSON, ...)
  | 'too_large' // a record over maxRecordBytes, or a payload that decompresses past it
  | 'content_encoding' // a Content-Encoding that cannot be undone
  | 'empty_body'; // a page with no payload

/** A record that holds no page, with why. */
export interface WarcSkip {
  kind: 'skip';
  file: string;
  offset: number;
  reason: WarcSkipReason;
  detail: string;
  warcType: string | null;
  uri: string | null;
}

/** The archive cannot be read past this point (truncated, damaged, not a WARC file): always the last item. */
export interface WarcFailure {
  kind: 'error';
  file: string;
  offset: number;
  error: PipelineError;
}

export type WarcItem = WarcPage | WarcSkip | WarcFailure;

/** Counts of a read, filled in as the items are yielded. */
export interface WarcStats {
  records: number;
  pages: number;
  skipped: Partial<Record<WarcSkipReason, number>>;
  errors: number;
}

export interface WarcOptions {
  /** Records (and decompressed payloads) larger than this are skipped unread. Default 10 MB. */
  maxRecordBytes?: number;
  /** Filled in while reading, for a summary afterwards. */
  stats?: WarcStats;
}

export function newWarcStats(): WarcStats {
  return { records: 0, pages: 0, skipped: {}, errors: 0 };
}

/** True for a file name the WARC reader reads (`.warc`, `.warc.gz`). */
export function isWarcPath(path: string): boolean {
  return /\.warc(\.gz)?$/i.test(path);
}

/**
 * Reads a `.warc` or `.warc.gz` file as a stream and yields one item per record: pages, skips with their
 * reason, and at most one failure (the last item) when the file is missing, damaged or truncated. Never throws.
 * Breaking out of the loop closes the file.
 */
export async function* readWarc(path: string, options: WarcOptions = {}): AsyncGenerator<WarcItem> {
  const stats = options.stats;
  let gzipped: boolean;
  try {
    gzipped = await startsWithGzipMagic(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const error =
      code === 'ENOENT' || code === 'ENOTDIR'
        ? new PipelineError('not_found', `no such file: ${path}`)
        : new PipelineError('unreadable', `cannot read ${path}: ${(err as Error).message}`);
    if (stats) stats.errors++;
    yield { kind: 'error', file: path, offset: 0, error };
    return;
  }
  const file = createReadStream(path);
  const gunzip = gzipped ? createGunzip() : null;
  if (gunzip) file.on('error', (err) => gunzip.destroy(err));
  const source = gunzip ? file.pipe(gunzip) : file;
  try {
    yield* readWarcStream(source, path, options);
  } finally {
    file.destroy();
    gunzip?.destroy();
  }
}

async function startsWithGzipMagic(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

/**
 * Reads WARC records from a stream of decompressed bytes (for standard input or an already-opened stream);
 * `label` names the source in items and messages. Same items as readWarc.
 */
export async function* readWarcStream(source: AsyncIterable<Buffer | string>, label: string, options: WarcOptions = {}): AsyncGenerator<WarcItem> {
  const maxRecordBytes = options.maxRecordBytes ?? DEFAULT_WARC_MAX_RECORD_BYTES;
  const stats = options.stats;
  const iterator = source[Symbol.asyncIterator]();
  const reader = new ByteReader(iterator);
  const count = (item: WarcItem): WarcItem => {
    if (!stats) return item;
    if (item.kind === 'page') {
      stats.records++;
      stats.pages++;
    } else if (item.kind === 'skip') {
      stats.records++;
      stats.skipped[item.reason] = (stats.skipped[item.reason] ?? 0) + 1;
    } else stats.errors++;
    return item;
  };
  let recordOffset = 0;
  try {
    for (;;) {
      const item = await readRecord(reader, label, maxRecordBytes, (offset) => (recordOffset = offset));
      if (item === null) {
        if (reader.offset === 0) {
          yield count({ kind: 'error', file: label, offset: 0, error: new PipelineError('empty', `${label} is empty`) });
        }
        return;
      }
      yield count(item);
      if (item.kind === 'error') return;
    }
  } catch (err) {
    // Only the byte source throws here (a damaged or truncated gzip stream, a read error).
    const message = err instanceof Error ? err.message : String(err);
    yield count({
      kind: 'error',
      file: label,
      offset: recordOffset,
      error: new PipelineError('unreadable', `${label}: cannot read the record at offset ${recordOffset}: ${message}`),
    });
  } finally {
    await iterator.return?.();
  }
}

/** One record as an item, or null at the clean end of the stream. */
async function readRecord(
  reader: ByteReader,
  label: string,
  maxRecordBytes: number,
  markStart: (offset: number) => void,
): Promise<WarcItem | null> {
  // Records are separated by two CRLFs; extra blank lines are tolerated.
  let start: number;
  let versionLine: Line | null;
  do {
    start = reader.offset;
    markStart(start);
    versionLine = await reader.readLine(MAX_HEADER_BYTES);
    if (versionLine === null) return null;
  } while (versionLine.text.trim() === '');
  const fail = (code: 'unreadable' | 'unsupported_type', message: string): WarcFailure => ({
    kind: 'error',
    file: label,
    offset: start,
    error: new PipelineError(code, `${label}: ${message}`),
  });
  if (!/^WARC\/\d+\.\d+$/.test(versionLine.text.trim())) {
    return start === 0
      ? fail('unsupported_type', 'not a WARC file (it does not start with a WARC/1.x record)')
      : fail('unreadable', `damaged archive: expected a WARC record at offset ${start}, found ${JSON.stringify(versionLine.text.slice(0, 40))}`);
  }
  const headers = await readHeaderBlock(reader, MAX_HEADER_BYTES);
  if (headers === 'truncated') return fail('unreadable', `truncated record at offset ${start}: the file ends inside its WARC headers`);
  if (headers === 'too_long') return fail('unreadable', `damaged record at offset ${start}: WARC headers longer than ${MAX_HEADER_BYTES} bytes`);
  const lengthText = headers.get('content-length');
  const length = lengthText !== undefined && /^\d+$/.test(lengthText) ? Number(lengthText) : NaN;
  if (!Number.isSafeInteger(length)) {
    return fail('unreadable', `damaged record at offset ${start}: Content-Length is ${lengthText === undefined ? 'missing' : JSON.stringify(lengthText)}`);
  }
  const warcType = headers.get('warc-type')?.toLowerCase() ?? null;
  const uri = stripAngles(headers.get('warc-target-uri'));
  let remaining = length;
  const truncated = (): WarcFailure =>
    fail('unreadable', `truncated record at offset ${start}: the file ends ${remaining} bytes before the end of its ${length}-byte block`);
  const skip = async (reason: WarcSkipReason, detail: string): Promise<WarcItem> => {
    const skipped = await reader.skip(remaining);
    if (skipped < remaining) {
      remaining -= skipped;
      return truncated();
    }
    return { kind: 'skip', file: label, offset: start, reason, detail, warcType, uri };
  };

  if (warcType === null || !PAGE_RECORD_TYPES.has(warcType)) return skip('record_type', `${warcType ?? 'untyped'} record`);
  if (length > maxRecordBytes) return skip('too_large', `${length}-byte record, over the ${maxRecordBytes}-byte limit`);

  let status: number | null = null;
  let contentType = headers.get('content-type') ?? null;
  let transferEncoding: string | null = null;
  let contentEncoding: string | null = null;
  if (warcType === 'response') {
    if (contentType && !/^application\/http\b/i.test(contentType)) return skip('not_http', `response record of type ${contentType}`);
    const statusLine = await reader.readLine(Math.min(remaining, MAX_HEADER_BYTES));
    if (statusLine === null) return truncated();
    remaining -= statusLine.bytes;
    const match = /^HTTP\/\d(?:\.\d)?\s+(\d{3})\b/.exec(statusLine.text);
    if (!match) return skip('bad_http', `no HTTP status line (${JSON.stringify(statusLine.text.slice(0, 40))})`);
    status = Number(match[1]);
    const httpHeaders = await readHeaderBlock(reader, Math.min(remaining, MAX_HEADER_BYTES), (bytes) => (remaining -= bytes));
    if (httpHeaders === 'truncated') return remaining <= 0 ? skip('bad_http', 'HTTP headers run past the block') : truncated();
    if (httpHeaders === 'too_long') return skip('bad_http', 'HTTP headers run past the block or the header limit');
    contentType = httpHeaders.get('content-type') ?? null;
    transferEncoding = httpHeaders.get('transfer-encoding')?.toLowerCase() ?? null;
    contentEncoding = httpHeaders.get('content-encoding')?.toLowerCase() ?? null;
    if (status < 200 || status >= 300) return skip('http_status', `HTTP ${status}`);
  }
  if (pageKindOf(contentType) === null) return skip('not_html', `payload of type ${contentType}`);

  const block = await reader.read(remaining);
  if (block.length < remaining) {
    remaining -= block.length;
    return truncated();
  }
  let body = block;
  if (transferEncoding && /\bchunked\b/.test(transferEncoding)) {
    const dechunked = dechunk(block);
    if (dechunked === null) return { kind: 'skip', file: label, offset: start, reason: 'bad_http', detail: 'damaged chunked transfer encoding', warcType, uri };
    body = dechunked;
  }
  if (contentEncoding && contentEncoding !== 'identity') {
    const decoded = decodeContent(body, contentEncoding, maxRecordBytes);
    if (typeof decoded === 'string') {
      const reason: WarcSkipReason = decoded.startsWith('over') ? 'too_large' : 'content_encoding';
      return { kind: 'skip', file: label, offset: start, reason, detail: decoded, warcType, uri };
    }
    body = decoded;
  }
  if (body.length === 0) return { kind: 'skip', file: label, offset: start, reason: 'empty_body', detail: 'no payload', warcType, uri };
  return {
    kind: 'page',
    file: label,
    offset: start,
    warcType: warcType as 'response' | 'resource',
    recordId: headers.get('warc-record-id') ?? null,
    uri,
    date: headers.get('warc-date') ?? null,
    status,
    contentType,
    charset: charsetOf(contentType),
    body,
  };
}

function stripAngles(value: string | undefined): string | null {
  if (value === undefined) return null;
  // WARC/1.0's grammar showed the URI in angle brackets; some writers kept them.
  const trimmed = value.trim();
  return trimmed.startsWith('<') && trimmed.endsWith('>') ? trimmed.slice(1, -1) : trimmed;
}

/**
 * Reads `Name: value` lines up to a blank line (continuation lines folded in); names lower case, the first of
 * a repeated name kept. `limit` bounds the bytes read; `onBytes` hears how many bytes each line took.
 */
async function readHeaderBlock(
  reader: ByteReader,
  limit: number,
  onBytes?: (bytes: number) => void,
): Promise<Map<string, string> | 'truncated' | 'too_long'> {
  const headers = new Map<string, string>();
  let used = 0;
  let last: string | null = null;
  for (;;) {
    if (used >= limit) return 'too_long';
    const line = await reader.readLine(limit - used);
    if (line === null) return 'truncated';
    used += line.bytes;
    onBytes?.(line.bytes);
    if (!line.complete) return used >= limit ? 'too_long' : 'truncated';
    if (line.text === '') return headers;
    if ((line.text.startsWith(' ') || line.text.startsWith('\t')) && last !== null) {
      headers.set(last, `${headers.get(last)} ${line.text.trim()}`);
      continue;
    }
    const colon = line.text.indexOf(':');
    if (colon <= 0) continue; // a damaged header line is ignored, as HTTP clients do
    const name = line.text.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.text.slice(colon + 1).trim());
    last = name;
  }
}

/** Undoes chunked transfer encoding; null when the body is not chunked as it says. A missing last chunk (a
 * capture cut short) keeps the chunks read. */
function dechunk(block: Buffer): Buffer | null {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = block.indexOf(0x0a, at);
    if (eol === -1) return parts.length > 0 ? Buffer.concat(parts) : null;
    const sizeText = block.subarray(at, eol).toString('latin1').split(';')[0].trim();
    if (!/^[0-9a-f]+$/i.test(sizeText)) return null;
    const size = parseInt(sizeText, 16);
    at = eol + 1;
    if (size === 0) return Buffer.concat(parts);
    parts.push(block.subarray(at, Math.min(at + size, block.length)));
    if (at + size >= block.length) return Buffer.concat(parts);
    at += size;
    // The chunk's closing CRLF (or a bare LF).
    if (block[at] === 0x0d) at++;
    if (block[at] === 0x0a) at++;
  }
}

/** Undoes a Content-Encoding, bounded by `maxBytes`; a string says why it could not. */
function decodeContent(body: Buffer, encoding: string, maxBytes: number): Buffer | string {
  const options = { maxOutputLength: maxBytes };
  try {
    if (encoding === 'gzip' || encoding === 'x-gzip') return gunzipSync(body, options);
    if (encoding === 'br') return brotliDecompressSync(body, options);
    if (encoding === 'deflate') {
      // "deflate" is zlib-wrapped by the standard, raw in some servers.
      try {
        return inflateSync(body, options);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw err;
        return inflateRawSync(body, options);
      }
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return `over ${maxBytes} bytes once decompressed (${encoding})`;
    return `damaged ${encoding} payload: ${(err as Error).message}`;
  }
  return `unknown content encoding ${JSON.stringify(encoding)}`;
}

/** A WARC page as a document for the pipeline. `input` is `FILE#OFFSET`; the WARC-Date is the crawl date and is
 * not used as `published`. Throws decodeText's PipelineErrors (`binary`, `invalid_utf8`, `empty`). */
export function warcPageToDocument(page: WarcPage): RawDocument {
  return pageToDocument(page.body, { input: `${page.file}#${page.offset}`, url: page.uri, contentType: page.contentType, charset: page.charset });
}

// ---------------------------------------------------------------------------------------------------

interface Line {
  /** The line without its CRLF or LF, read as Latin-1 (header bytes are ASCII; Latin-1 never fails). */
  text: string;
  /** Bytes consumed, line end included. */
  bytes: number;
  /** False when the stream ended before a line end. */
  complete: boolean;
}

/** Pull-based reader over a stream of byte chunks: lines, exact reads and skips, holding at most one chunk
 * plus one partial line. */
class ByteReader {
  private head: Buffer = Buffer.alloc(0);
  private ended = false;
  /** Bytes consumed so far. */
  offset = 0;

  constructor(private readonly source: AsyncIterator<Buffer | string>) {}

  private async pull(): Promise<boolean> {
    while (!this.ended) {
      const next = await this.source.next();
      if (next.done) {
        this.ended = true;
        return false;
      }
      const chunk = typeof next.value === 'string' ? Buffer.from(next.value, 'latin1') : next.value;
      if (chunk.length === 0) continue;
      this.head = this.head.length === 0 ? chunk : Buffer.concat([this.head, chunk]);
      return true;
    }
    return false;
  }

  private consume(n: number): void {
    this.head = this.head.subarray(n);
    this.offset += n;
  }

  /** The next line; null at the end of the stream. A line longer than `max` bytes is cut at `max`. */
  async readLine(max: number): Promise<Line | null> {
    let scanFrom = 0;
    for (;;) {
      const eol = this.head.indexOf(0x0a, scanFrom);
      if (eol !== -1 && eol < max) {
        const end = eol > 0 && this.head[eol - 1] === 0x0d ? eol - 1 : eol;
        const text = this.head.toString('latin1', 0, end);
        this.consume(eol + 1);
        return { text, bytes: eol + 1, complete: true };
      }
      if (this.head.length >= max) {
        const text = this.head.toString('latin1', 0, max);
        this.consume(max);
        return { text, bytes: max, complete: false };
      }
      scanFrom = this.head.length;
      if (!(await this.pull())) {
        if (this.head.length === 0) return null;
        const bytes = this.head.length;
        const text = this.head.toString('latin1');
        this.consume(bytes);
        return { text, bytes, complete: false };
      }
    }
  }

  /** Exactly `n` bytes (fewer only at the end of the stream), copied out of the stream's chunks. */
  async read(n: number): Promise<Buffer> {
    const parts: Buffer[] = [];
    let need = n;
    while (need > 0) {
      if (this.head.length === 0 && !(await this.pull())) break;
      const take = Math.min(need, this.head.length);
      parts.push(this.head.subarray(0, take));
      this.consume(take);
      need -= take;
    }
    return Buffer.concat(parts, n - need);
  }

  /** Discards `n` bytes without keeping them; returns how many there were. */
  async skip(n: number): Promise<number> {
    let need = n;
    while (need > 0) {
      if (this.head.length === 0 && !(await this.pull())) break;
      const take = Math.min(need, this.head.length);
      this.consume(take);
      need -= take;
    }
    return n - need;
  }
}
