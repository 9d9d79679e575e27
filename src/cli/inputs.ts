/**
 * The edge where bytes become documents: expands paths, reads files, rejects bad input with one specific
 * error code each (see ErrorCode in ../model.ts), and decodes text. Nothing past this module touches the
 * file system for input.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { extname, join, basename } from 'node:path';
import { gunzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { PipelineError, type InputKind } from '../model.ts';

/** Largest input file read, in bytes. 10 MB is ~50x the largest news page in the dev sets; bigger files are
 * almost always archives or dumps passed by mistake, and reading them would stall a batch. */
export const DEFAULT_MAX_INPUT_BYTES = 10 * 1024 * 1024;

/** Bytes inspected when sniffing for binary content: enough to see a file's magic number and first markup. */
const SNIFF_BYTES = 8192;

/** Share of control characters (other than tab/newline/CR/form feed) above which a file is binary. */
const MAX_CONTROL_CHAR_SHARE = 0.02;

const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml']);
const TEXT_EXTENSIONS = new Set(['.txt', '.text']);
const JSONL_EXTENSIONS = new Set(['.jsonl', '.ndjson']);

export type FileKind = InputKind | 'jsonl';

/** A file given on the command line or found in a folder, before it is read. */
export interface InputPath {
  path: string;
  /** Set when the path could not be used at all (missing, unreadable). */
  failure?: PipelineError;
}

/** Magic numbers of common binary formats, so the error says what the file looks like. */
const BINARY_SIGNATURES: Array<[string, number[]]> = [
  ['PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['ZIP archive', [0x50, 0x4b, 0x03, 0x04]],
  ['ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['WebAssembly module', [0x00, 0x61, 0x73, 0x6d]],
];

/**
 * Expands files and folders into the list of files to read, in a stable order: the arguments' order, and
 * within a folder its entries sorted by name (recursively; hidden entries skipped).
 */
export async function expandPaths(paths: string[]): Promise<InputPath[]> {
  const out: InputPath[] = [];
  for (const path of paths) {
    if (path === '-') {
      out.push({ path });
      continue;
    }
    let info;
    try {
      info = await stat(path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      out.push({
        path,
        failure:
          code === 'ENOENT' || code === 'ENOTDIR'
            ? new PipelineError('not_found', `no such file or folder: ${path}`)
            : new PipelineError('unreadable', `cannot read ${path}: ${(err as Error).message}`),
      });
      continue;
    }
    if (info.isDirectory()) {
      out.push(...(await expandFolder(path)));
    } else {
      out.push({ path });
    }
  }
  return out;
}

async function expandFolder(folder: string): Promise<InputPath[]> {
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (err) {
    return [{ path: folder, failure: new PipelineError('unreadable', `cannot list ${folder}: ${(err as Error).message}`) }];
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: InputPath[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) out.push(...(await expandFolder(path)));
    else out.push({ path });
  }
  return out;
}

/** What a file is, by its name: `page.html.gz` is HTML. Null when the extension is not one we read. */
export function kindFromName(path: string): FileKind | null {
  let name = basename(path).toLowerCase();
  if (name.endsWith('.gz')) name = name.slice(0, -3);
  const ext = extname(name);
  if (HTML_EXTENSIONS.has(ext)) return 'html';
  if (TEXT_EXTENSIONS.has(ext)) return 'text';
  if (JSONL_EXTENSIONS.has(ext)) return 'jsonl';
  return null;
}

/** Guesses HTML or text for content with no telling name (stdin): markup near the start means HTML. */
export function sniffKind(content: string): InputKind {
  const head = content.slice(0, 2048).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || /<(head|body|article|p|div)[\s>]/.test(head)) {
    return 'html';
  }
  return 'text';
}

export interface ReadOptions {
  maxBytes?: number;
}

/** Reads a file (or stdin for `-`) as bytes, enforcing the size limit and ungzipping `.gz`. */
export async function readInputBytes(path: string, options: ReadOptions = {}): Promise<Buffer> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_INPUT_BYTES;
  let bytes: Buffer;
  if (path === '-') {
    bytes = await readStdin(maxBytes);
  } else {
    let info;
    try {
      info = await stat(path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new PipelineError('not_found', `no such file: ${path}`);
      throw new PipelineError('unreadable', `cannot read ${path}: ${(err as Error).message}`);
    }
    if (!info.isFile()) throw new PipelineError('unreadable', `not a regular file: ${path}`);
    if (info.size > maxBytes) {
      throw new PipelineError('too_large', `${path} is ${formatBytes(info.size)}, over the ${formatBytes(maxBytes)} limit (--max-bytes)`);
    }
    try {
      bytes = await readFile(path);
    } catch (err) {
      throw new PipelineError('unreadable', `cannot read ${path}: ${(err as Error).message}`);
    }
  }
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: maxBytes });
    } catch (err) {
      const tooBig = (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || /larger than/.test((err as Error).message);
      throw tooBig
        ? new PipelineError('too_large', `${path} decompresses to more than the ${formatBytes(maxBytes)} limit (--max-bytes)`)
        : new PipelineError('binary', `${path} is a damaged gzip file: ${(err as Error).message}`);
    }
  }
  return bytes;
}

async function readStdin(maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    total += (chunk as Buffer).length;
    if (total > maxBytes) throw new PipelineError('too_large', `standard input is over the ${formatBytes(maxBytes)} limit (--max-bytes)`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Decodes a page's bytes to a string. Order: byte-order mark; the charset of the HTTP Content-Type header when
 * the page was fetched; for HTML, a declared charset (`<meta charset>` / `http-equiv`) read through iconv-lite;
 * else strict UTF-8. Rejects binary content and
 * empty input with their own codes.
 */
export function decodeText(bytes: Buffer, label: string, kind: FileKind | null, headerCharset?: string | null): string {
  if (bytes.length === 0) throw new PipelineError('empty', `${label} is empty (0 bytes)`);
  const signature = binarySignature(bytes);
  if (signature) throw new PipelineError('binary', `${label} is not text: it looks like a ${signature}`);

  let text: string | null = null;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) text = bytes.subarray(3).toString('utf8');
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) text = iconv.decode(bytes.subarray(2), 'utf16le');
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = iconv.decode(bytes.subarray(2), 'utf16be');

  if (text === null) {
    if (looksBinary(bytes)) throw new PipelineError('binary', `${label} is not text: it holds NUL or control bytes`);
    // The HTTP header outranks the page's own declaration (as browsers order them); the BOM outranks both.
    const declared = headerCharset ?? (kind === 'html' || kind === null ? declaredCharset(bytes) : null);
    if (declared && !/^utf-?8$/i.test(declared) && iconv.encodingExists(declared)) {
      text = iconv.decode(bytes, declared);
    } else {
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        const at = firstInvalidUtf8(bytes);
        throw new PipelineError(
          'invalid_utf8',
          `${label} is not valid UTF-8 (first bad byte at offset ${at}) and declares no other charset`,
        );
      }
    }
  }
  if (text.trim() === '') throw new PipelineError('empty', `${label} holds only white space`);
  return text;
}

function binarySignature(bytes: Buffer): string | null {
  for (const [name, magic] of BINARY_SIGNATURES) {
    if (magic.every((b, i) => bytes[i] === b)) return name;
  }
  return null;
}

function looksBinary(bytes: Buffer): boolean {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return control / Math.max(1, n) > MAX_CONTROL_CHAR_SHARE;
}

function declaredCharset(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 4096).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)/i.exec(head);
  return m ? m[1] : null;
}

function firstInvalidUtf8(bytes: Buffer): number {
  // Binary search on the prefix that still decodes, so the message points at the bad byte.
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return lo;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} B`;
}

/** One non-blank line of a JSONL file: its place (`FILE:LINE`) and the parsed value, or why it is not JSON. */
export type JsonlLine = { where: string; value: unknown; error?: undefined } | { where: string; error: PipelineError };

/** The records of a JSONL file in order; blank lines are skipped, a line that is not JSON is reported. */
export function* jsonlLines(path: string, content: string): Generator<JsonlLine> {
  const lines = content.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    const where = `${path}:${i + 1}`;
    try {
      yield { where, value: JSON.parse(line) as unknown };
    } catch (err) {
      yield { where, error: new PipelineError('invalid_json', `${where}: not JSON (${(err as Error).message})`) };
    }
  }
}
