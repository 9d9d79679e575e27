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

/** How a page's bytes were decoded, and which rule chose the encoding. */
export interface DecodedText {
  text: string;
  /** The iconv-lite name of the encoding used (`utf-8`, `utf-16le`, `windows-1251`, `cp932`, ...). */
  encoding: string;
  /**
   * Which rule chose it: `bom`, `utf16-pattern` (NUL bytes every other byte), `http-header`, `meta`,
   * `utf8` (valid UTF-8; also when it contradicts a declared legacy charset), `sniffed` (nothing usable was
   * declared, or the declaration gave implausible text, and one legacy encoding gave plausible text),
   * `utf8-lossy` (UTF-8 with a rare stray byte, read as U+FFFD, as browsers do).
   */
  rule: 'bom' | 'utf16-pattern' | 'http-header' | 'meta' | 'utf8' | 'sniffed' | 'utf8-lossy';
}

/**
 * Decodes a page's bytes to a string. Order:
 *   1. a byte-order mark (UTF-8, UTF-16LE/BE), or UTF-16 recognised by its NUL byte pattern;
 *   2. bytes that are valid UTF-8 are UTF-8, whatever is declared: real text in a legacy encoding is almost
 *      never valid UTF-8 once it holds a few non-ASCII letters, while pages re-encoded to UTF-8 that kept an
 *      old `<meta charset=windows-1251>` are common, and trusting the meta would turn them into mojibake;
 *   3. the charset of the HTTP Content-Type header, then (HTML) `<meta charset>` / `http-equiv`, when it names
 *      a web text encoding (labels as the WHATWG Encoding standard maps them; `base64`, `utf-7`, ... are
 *      ignored), unless another encoding reads clearly better (DECLARATION_MARGIN): a wrong declaration;
 *   4. sniffing: the legacy encodings of SNIFF_CANDIDATES are scored on how much their text reads like a
 *      language (one script per word, normal letter case, frequent letters, no replacement or control
 *      characters, no stray UTF-8 sequences); the best plausible one wins;
 *   5. otherwise a declared legacy charset is used as declared, and with nothing declared (or a UTF-8
 *      declaration the bytes contradict) the input is rejected as `invalid_utf8`.
 * Rejects binary content and empty input with their own codes.
 */
export function decodeText(bytes: Buffer, label: string, kind: FileKind | null, headerCharset?: string | null): string {
  return decodePage(bytes, label, kind, headerCharset).text;
}

/** decodeText, also saying which encoding was used and why. */
export function decodePage(bytes: Buffer, label: string, kind: FileKind | null, headerCharset?: string | null): DecodedText {
  if (bytes.length === 0) throw new PipelineError('empty', `${label} is empty (0 bytes)`);
  const signature = binarySignature(bytes);
  if (signature) throw new PipelineError('binary', `${label} is not text: it looks like a ${signature}`);
  const decoded = decodeBytes(bytes, label, kind, headerCharset ?? null);
  if (decoded.text.trim() === '') throw new PipelineError('empty', `${label} holds only white space`);
  return decoded;
}

function decodeBytes(bytes: Buffer, label: string, kind: FileKind | null, headerCharset: string | null): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: bytes.subarray(3).toString('utf8'), encoding: 'utf-8', rule: 'bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes.subarray(2), 'utf-16le', 'bom', label);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes.subarray(2), 'utf-16be', 'bom', label);
  const pattern = utf16ByPattern(bytes);
  if (pattern) return utf16(bytes, pattern, 'utf16-pattern', label);
  if (looksBinary(bytes)) throw new PipelineError('binary', `${label} is not text: it holds NUL or control bytes`);

  if (isValidUtf8(bytes)) return { text: bytes.toString('utf8'), encoding: 'utf-8', rule: 'utf8' };

  // The HTTP header outranks the page's own declaration (as browsers order them); the BOM outranks both.
  const fromHeader = headerCharset ? webEncoding(headerCharset) : null;
  const metaLabel = kind === 'html' || kind === null ? declaredCharset(bytes) : null;
  const fromMeta = metaLabel ? webEncoding(metaLabel) : null;
  const declared = fromHeader ?? fromMeta;
  const declaredRule = fromHeader ? 'http-header' : 'meta';
  const declaredLabel = fromHeader ? headerCharset : metaLabel;

  const [best] = rankEncodings(bytes);
  if (declared && declared !== 'utf-8') {
    const declaredScore = plausibility(scoreSample(bytes, declared), bytes, declared);
    // The declaration stands unless its text is implausible, or another encoding reads clearly better (a
    // page in Shift_JIS labelled GBK decodes without errors, but into rare characters).
    const beaten = best.encoding !== declared && best.score >= MIN_PLAUSIBILITY && best.score - declaredScore >= DECLARATION_MARGIN;
    if (!beaten) return { text: iconv.decode(bytes, declared), encoding: declared, rule: declaredRule };
  }
  if (best.score >= MIN_PLAUSIBILITY) return { text: iconv.decode(bytes, best.encoding), encoding: best.encoding, rule: 'sniffed' };
  if (!declared || declared === 'utf-8') {
    // A long UTF-8 page with a stray byte or two (a truncated character pasted in) is still that page; text
    // mixing encodings throughout is refused rather than passed on as mojibake.
    const text = bytes.toString('utf8');
    const stray = countReplacements(text) - countReplacements(bytes.toString('latin1').replaceAll('\xef\xbf\xbd', '\ufffd'));
    if (stray * MIN_BYTES_PER_STRAY_BYTE <= bytes.length) return { text, encoding: 'utf-8', rule: 'utf8-lossy' };
  }

  const at = firstInvalidUtf8(bytes);
  const said = declared === 'utf-8' ? `declares ${declaredLabel} but is not valid UTF-8` : 'is not valid UTF-8';
  throw new PipelineError(
    'invalid_utf8',
    `${label} ${said} (first bad byte at offset ${at}), declares no other charset, and no legacy encoding decodes it plausibly`,
  );
}

function utf16(bytes: Buffer, encoding: 'utf-16le' | 'utf-16be', rule: DecodedText['rule'], label: string): DecodedText {
  const text = iconv.decode(bytes, encoding);
  // Binary bytes behind a UTF-16 BOM (or a NUL pattern by chance) decode to control characters.
  if (controlShare(text.slice(0, SNIFF_BYTES)) > MAX_CONTROL_CHAR_SHARE) {
    throw new PipelineError('binary', `${label} is not text: decoded as ${encoding.toUpperCase()} it holds control characters`);
  }
  return { text, encoding, rule };
}

/** Share of characters no text holds: controls, replacement characters, private use, lone surrogate halves
 * (random bytes read as UTF-16 give ~6% of these, text none). */
function controlShare(text: string): number {
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x1b) || (c >= 0x7f && c < 0xa0)) control++;
    else if (c === 0xfffd || (c >= 0xe000 && c < 0xf900)) control++;
    else if (c >= 0xd800 && c < 0xdc00 && !(i + 1 < text.length && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) < 0xe000)) control++;
    else if (c >= 0xd800 && c < 0xdc00) i++;
    else if (c >= 0xdc00 && c < 0xe000) control++;
  }
  return control / Math.max(1, text.length);
}

/** Share of NUL bytes at odd (or even) offsets above which BOM-less text is UTF-16LE (or BE): ASCII-range
 * characters, which every page's markup and spaces are made of, have one NUL byte each in UTF-16. A third
 * leaves room for pages mostly in another script (Hindi: ~10-30% ASCII spaces, digits and punctuation
 * does not reach it, so such pages still need a BOM, as browsers require). */
const UTF16_NUL_SHARE = 0.3;

function utf16ByPattern(bytes: Buffer): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul / pairs >= UTF16_NUL_SHARE && evenNul === 0) return 'utf-16le';
  if (evenNul / pairs >= UTF16_NUL_SHARE && oddNul === 0) return 'utf-16be';
  return null;
}

function isValidUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Web charset labels (WHATWG Encoding standard) to iconv-lite names. Labels outside this table are ignored
 * rather than passed to iconv-lite, which would also "decode" `base64`, `hex` or `utf-7` (a known XSS vector).
 * Where the standard maps a label to a superset (GB2312 -> GB18030, Shift_JIS -> windows-31j, EUC-KR ->
 * windows-949, ISO-8859-1 -> windows-1252), so do we. UTF-16 labels map to UTF-8: a page whose meta can be read
 * as ASCII is not UTF-16 (real UTF-16 is recognised by its BOM or NUL byte pattern first).
 */
const WEB_ENCODING_LABELS: Record<string, string> = {
  'utf-8': 'utf-8', utf8: 'utf-8', 'unicode-1-1-utf-8': 'utf-8', 'utf-16': 'utf-8', 'utf-16le': 'utf-8', 'utf-16be': 'utf-8',
  'us-ascii': 'windows-1252', ascii: 'windows-1252', 'iso-8859-1': 'windows-1252', 'iso8859-1': 'windows-1252', latin1: 'windows-1252',
  'l1': 'windows-1252', 'windows-1252': 'windows-1252', cp1252: 'windows-1252', 'x-cp1252': 'windows-1252', cp819: 'windows-1252',
  'iso-8859-2': 'iso-8859-2', latin2: 'iso-8859-2', 'iso-8859-3': 'iso-8859-3', 'iso-8859-4': 'iso-8859-4',
  'iso-8859-5': 'iso-8859-5', cyrillic: 'iso-8859-5', 'iso-8859-6': 'iso-8859-6', arabic: 'iso-8859-6',
  'iso-8859-7': 'iso-8859-7', greek: 'iso-8859-7', 'iso-8859-8': 'iso-8859-8', hebrew: 'iso-8859-8', 'iso-8859-8-i': 'iso-8859-8',
  'iso-8859-9': 'windows-1254', latin5: 'windows-1254', 'iso-8859-10': 'iso-8859-10', 'iso-8859-13': 'iso-8859-13',
  'iso-8859-14': 'iso-8859-14', 'iso-8859-15': 'iso-8859-15', latin9: 'iso-8859-15', 'iso-8859-16': 'iso-8859-16',
  'windows-1250': 'windows-1250', cp1250: 'windows-1250', 'windows-1251': 'windows-1251', cp1251: 'windows-1251',
  'windows-1253': 'windows-1253', cp1253: 'windows-1253', 'windows-1254': 'windows-1254', cp1254: 'windows-1254',
  'windows-1255': 'windows-1255', cp1255: 'windows-1255', 'windows-1256': 'windows-1256', cp1256: 'windows-1256',
  'windows-1257': 'windows-1257', cp1257: 'windows-1257', 'windows-1258': 'windows-1258', cp1258: 'windows-1258',
  'windows-874': 'windows-874', 'tis-620': 'windows-874', 'iso-8859-11': 'windows-874',
  'koi8-r': 'koi8-r', koi8: 'koi8-r', koi: 'koi8-r', cskoi8r: 'koi8-r', 'koi8-u': 'koi8-u', 'koi8-ru': 'koi8-u',
  ibm866: 'cp866', cp866: 'cp866', '866': 'cp866', macintosh: 'macintosh', mac: 'macintosh', 'x-mac-roman': 'macintosh',
  shift_jis: 'cp932', 'shift-jis': 'cp932', sjis: 'cp932', 'x-sjis': 'cp932', ms_kanji: 'cp932', 'windows-31j': 'cp932', csshiftjis: 'cp932',
  'euc-jp': 'euc-jp', 'x-euc-jp': 'euc-jp', cseucpkdfmtjapanese: 'euc-jp',
  gb2312: 'gb18030', gbk: 'gb18030', 'x-gbk': 'gb18030', gb18030: 'gb18030', chinese: 'gb18030', 'csgb2312': 'gb18030', 'iso-ir-58': 'gb18030',
  big5: 'big5hkscs', 'big5-hkscs': 'big5hkscs', 'x-x-big5': 'big5hkscs', 'cn-big5': 'big5hkscs', csbig5: 'big5hkscs',
  'euc-kr': 'cp949', 'ks_c_5601-1987': 'cp949', 'ks_c_5601-1989': 'cp949', korean: 'cp949', 'windows-949': 'cp949', csksc56011987: 'cp949',
};

/** The iconv-lite name of a web charset label, or null when it names nothing we decode. */
export function webEncoding(label: string): string | null {
  return WEB_ENCODING_LABELS[label.trim().toLowerCase()] ?? null;
}

/**
 * Legacy encodings tried when the bytes are not UTF-8, in order of preference on a tie (Western European
 * first: the most common non-UTF-8 web pages). One per script family: the ISO variants of a script decode
 * its letters the same way as their windows- sibling for the bytes that matter.
 */
const SNIFF_CANDIDATES = [
  'windows-1252', 'windows-1250', 'windows-1251', 'koi8-r', 'windows-1253', 'windows-1255', 'windows-1256',
  'cp932', 'euc-jp', 'gb18030', 'big5hkscs', 'cp949',
];

/** Bytes scored per candidate: a page's first 64 KB say what its encoding is; scoring all 10 MB would not. */
const SCORE_SAMPLE_BYTES = 64 * 1024;

/**
 * Least score per non-ASCII character (see scoreText) for a decoding to count as plausible. Calibrated on
 * test/encodings.test.ts's pages: right decodings of Russian (windows-1251, KOI8-R), Arabic, Japanese, Chinese
 * (GB18030, Big5), Korean, French and Polish text score 1.3-2.0; the wrong candidates score up to 1.3 where they
 * share the page's letters (windows-1256 holds French é, è, à), so the ranking separates those; Latin-1 or
 * windows-1251 mixed with UTF-8 scores -2 or less in every candidate, and is refused.
 */
const MIN_PLAUSIBILITY = 0.6;
/**
 * UTF-8 with at most one invalid sequence per this many bytes is read with U+FFFD in their place: the dev
 * pages that have any have one or two in 20-200 KB, while mixed encodings have one every few words.
 */
const MIN_BYTES_PER_STRAY_BYTE = 10_000;

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

/** How much better (score per non-ASCII character) another encoding must read for a declared charset to be
 * overruled. Right decodings beat the runner-up by 0.35-1.3 on the calibration pages (French, where windows-1250
 * ties windows-1252, is the exception: a tie keeps the declaration). */
const DECLARATION_MARGIN = 0.3;

/** The sniffing candidates with their plausibility (score per non-ASCII character), best first; ties keep
 * SNIFF_CANDIDATES' order. For diagnostics and tests: decodeText uses the first when it passes MIN_PLAUSIBILITY. */
export function rankEncodings(bytes: Buffer): Array<{ encoding: string; score: number }> {
  return SNIFF_CANDIDATES.map((encoding) => ({ encoding, score: plausibility(scoreSample(bytes, encoding), bytes, encoding) })).sort(
    (a, b) => b.score - a.score,
  );
}

function scoreSample(bytes: Buffer, encoding: string): TextScore {
  const sample = bytes.length > SCORE_SAMPLE_BYTES ? bytes.subarray(0, SCORE_SAMPLE_BYTES) : bytes;
  let text = iconv.decode(sample, encoding);
  // A multi-byte character cut by the sample's end decodes to one replacement character: not the page's fault.
  if (sample.length < bytes.length) text = text.slice(0, -1);
  return scoreText(text);
}

/** Encodings of one byte per character: only for them do UTF-8 sequences among the bytes betray mixed
 * encodings (the double-byte CJK encodings form such sequences all the time). */
const MULTI_BYTE_CANDIDATES = new Set(['cp932', 'euc-jp', 'gb18030', 'big5hkscs', 'cp949']);

/** Score per non-ASCII character, after the penalty for UTF-8 sequences among the bytes. */
function plausibility(score: TextScore, bytes: Buffer, encoding: string): number {
  if (score.nonAscii === 0) return 1;
  if (MULTI_BYTE_CANDIDATES.has(encoding)) return score.total / score.nonAscii;
  const sample = bytes.length > SCORE_SAMPLE_BYTES ? bytes.subarray(0, SCORE_SAMPLE_BYTES) : bytes;
  return (score.total - STRAY_UTF8_PENALTY * countUtf8Sequences(sample)) / score.nonAscii;
}

/** Penalty per valid multi-byte UTF-8 sequence in bytes that are not UTF-8 as a whole: such a file mixes two
 * encodings (Latin-1 text pasted into UTF-8), and no single legacy decoding reads it right. */
const STRAY_UTF8_PENALTY = 4;

function countUtf8Sequences(bytes: Buffer): number {
  let count = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) continue;
    let ok = true;
    for (let k = 1; k < length; k++) if ((bytes[i + k] & 0xc0) !== 0x80) ok = false;
    if (ok) {
      count++;
      i += length - 1;
    }
  }
  return count;
}

type Script = 'latin' | 'greek' | 'cyrillic' | 'hebrew' | 'arabic' | 'indic' | 'thai' | 'hangul' | 'kana' | 'han' | 'other';

function scriptOf(c: number): Script {
  if (c < 0x250) return 'latin';
  if (c >= 0x1e00 && c < 0x1f00) return 'latin';
  if (c >= 0x370 && c < 0x400) return 'greek';
  if (c >= 0x400 && c < 0x530) return 'cyrillic';
  if (c >= 0x590 && c < 0x600) return 'hebrew';
  if ((c >= 0x600 && c < 0x780) || (c >= 0xfb50 && c < 0xfe00) || (c >= 0xfe70 && c < 0xff00)) return 'arabic';
  if (c >= 0x900 && c < 0xe00) return 'indic';
  if (c >= 0xe00 && c < 0xe80) return 'thai';
  if ((c >= 0xac00 && c < 0xd7b0) || (c >= 0x1100 && c < 0x1200) || (c >= 0x3130 && c < 0x3190)) return 'hangul';
  if (c >= 0x3040 && c < 0x3100) return 'kana';
  if ((c >= 0x4e00 && c < 0xa000) || (c >= 0x3400 && c < 0x4dc0) || (c >= 0xf900 && c < 0xfb00)) return 'han';
  return 'other';
}

/** Scripts that share words: Japanese writes one word in kanji and kana. */
function compatibleScripts(a: Script, b: Script): boolean {
  if (a === b) return true;
  const japanese = (s: Script) => s === 'han' || s === 'kana';
  return japanese(a) && japanese(b);
}

/**
 * Letters that make up a large share of running text in each script (lowercase): a right decoding is full of
 * them, a wrong one (KOI8-R read as windows-1251, GB18030 read as Big5, ...) scatters over rare ones. Each
 * list covers ~40-60% of the letters (Cyrillic: Russian letter counts; Han: the most frequent characters of
 * Chinese news, simplified and traditional forms; Hangul: the most frequent Korean syllables; Latin: the
 * accented letters of the major Western and Central European languages).
 */
const FREQUENT_LETTERS = new Set(
  [
    'оеаинтсрвлкмдпу',
    'éèêàâçëïîôûùüöäßñóíúáãõœåøæłąęśćźżńčšžřěůýőű',
    'αεοιντσρ',
    'ابةتدرسعفقلمنهوي',
    'אבדהויכלמנרשת',
    '的一是不了在人有我他这中大来上国个到说们为子和你地出道也时年会对后要以于就生能下过新发作部经家同成法工政府市公',
    '日月本年十二三四五六七八九百千万元区县省民长开表示将已将被从与及等多',
    '這來國個說們為時會對後於過發經與們義關現開長問點體還實進從無當動說',
    '이다는의에하고을가한지서기로사자도정대어일있를들시수부',
    'のにはをたがでてとしれさいなるかもすまっん',
  ].join(''),
);

/** Accented letters in one word from which a Latin word made mostly of them counts as misread (Vietnamese and
 * Polish words reach two, `łąkę` three; a Cyrillic word read as windows-1252 reaches its length). */
const MIN_ACCENTED_RUN = 4;

/** Punctuation and signs of ordinary text, neither evidence for nor against a decoding. */
const TYPOGRAPHIC = new Set([...'«»“”„‘’‚–—…•·°§©®™€£¥¢¡¿×÷±¶†‡‰‹›\u00a0\u00ad№、。「」『』・〈〉《》【】〔〕（）！？，．：；～＂＇']);

interface TextScore {
  total: number;
  nonAscii: number;
}

/** Han or Hangul characters from which their mix is judged (fewer say too little). */
const MIN_IDEOGRAPHS_JUDGED = 8;
/**
 * Least share of frequent characters (FREQUENT_LETTERS) among a text's Han (or Hangul) characters. Chinese,
 * Japanese and Korean news reach 20-45% with those lists; bytes of another encoding read as GB18030, Big5 or
 * windows-949 (which accept most byte pairs) give characters spread evenly over thousands, 0-5% frequent ones.
 */
const MIN_FREQUENT_IDEOGRAPH_SHARE = 0.1;
/** Per Han (or Hangul) character of a text that fails MIN_FREQUENT_IDEOGRAPH_SHARE: turns its +1 into -2. */
const RARE_IDEOGRAPH_PENALTY = 3;

/**
 * Scores a decoded text on how much it reads like a language, per non-ASCII character: +2 a frequent letter,
 * +1 another letter, 0 typographic punctuation, -2 a letter in a word mixing scripts (`Cafй`) or with a capital
 * after a small letter (`пРИВЕТ`: KOI8-R read as windows-1251), -2 a rare sign (box drawing, superscripts,
 * half-width katakana), -4 a replacement, control or private-use character.
 */
function scoreText(text: string): TextScore {
  let total = 0;
  let nonAscii = 0;
  const ideographs = { han: 0, hanFrequent: 0, hangul: 0, hangulFrequent: 0 };
  let i = 0;
  while (i < text.length) {
    const c = text.codePointAt(i)!;
    if (!isLetter(c)) {
      if (c >= 0x80) {
        nonAscii++;
        total += signScore(c);
      }
      i += c > 0xffff ? 2 : 1;
      continue;
    }
    // One word: a run of letters (and combining marks).
    const start = i;
    let firstScript: Script | null = null;
    let mixed = false;
    let badCase = false;
    let previousLower = false;
    while (i < text.length) {
      const w = text.codePointAt(i)!;
      if (!isLetter(w)) break;
      const script = scriptOf(w);
      if (script !== 'other') {
        if (firstScript === null) firstScript = script;
        else if (!compatibleScripts(firstScript, script)) mixed = true;
      }
      const ch = String.fromCodePoint(w);
      const lower = ch.toLowerCase();
      const isUpper = lower !== ch;
      if (isUpper && previousLower) badCase = true;
      previousLower = !isUpper && lower !== ch.toUpperCase();
      i += w > 0xffff ? 2 : 1;
    }
    const word = text.slice(start, i);
    // Latin words are mostly unaccented letters; a word made mostly of accented ones (`Ìýð`) is another
    // script's bytes read as windows-125x.
    if (firstScript === 'latin' && !mixed) {
      const accented = word.replace(/[A-Za-z]/g, '').length;
      if (accented >= MIN_ACCENTED_RUN && accented * 2 > word.length) mixed = true;
    }
    for (const ch of word) {
      if (ch.charCodeAt(0) < 0x80) continue;
      nonAscii++;
      // Letters of no script listed in scriptOf (half-width katakana, modifier letters, ...) are rare in text.
      const script = scriptOf(ch.codePointAt(0)!);
      const frequent = FREQUENT_LETTERS.has(ch.toLowerCase());
      if (script === 'han') {
        ideographs.han++;
        if (frequent) ideographs.hanFrequent++;
      } else if (script === 'hangul') {
        ideographs.hangul++;
        if (frequent) ideographs.hangulFrequent++;
      }
      if (mixed || badCase || script === 'other') total -= 2;
      else total += frequent ? 2 : 1;
    }
  }
  for (const [count, frequent] of [[ideographs.han, ideographs.hanFrequent], [ideographs.hangul, ideographs.hangulFrequent]]) {
    if (count >= MIN_IDEOGRAPHS_JUDGED && frequent < count * MIN_FREQUENT_IDEOGRAPH_SHARE) total -= RARE_IDEOGRAPH_PENALTY * count;
  }
  return { total, nonAscii };
}

function isLetter(c: number): boolean {
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  return /[\p{L}\p{M}]/u.test(String.fromCodePoint(c));
}

function signScore(c: number): number {
  if (c === 0xfffd || (c >= 0x80 && c < 0xa0) || (c >= 0xe000 && c < 0xf900)) return -4;
  if (TYPOGRAPHIC.has(String.fromCodePoint(c)) || (c >= 0x2000 && c < 0x2070) || (c >= 0x3000 && c < 0x3040) || (c >= 0xff01 && c < 0xff61)) return 0;
  if (c >= 0x30 && c <= 0x39) return 0;
  return -2;
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
