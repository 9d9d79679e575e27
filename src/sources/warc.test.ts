import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile, open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync, constants as zlibConstants } from 'node:zlib';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import iconv from 'iconv-lite';
import { readWarc, warcPageToDocument, newWarcStats, isWarcPath, type WarcItem, type WarcPage } from './warc.ts';

// ---------------------------------------------------------------------------------------------------
// Fixture builders: fictional pages of an invented outlet, "The Harbour Ledger".

const CRLF = '\r\n';

function warcRecord(version: string, headers: Record<string, string>, block: Buffer): Buffer {
  const lines = [version, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`), `Content-Length: ${block.length}`, '', ''];
  return Buffer.concat([Buffer.from(lines.join(CRLF), 'latin1'), block, Buffer.from(CRLF + CRLF)]);
}

function httpMessage(statusLine: string, headers: Record<string, string>, body: Buffer): Buffer {
  const lines = [statusLine, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`), '', ''];
  return Buffer.concat([Buffer.from(lines.join(CRLF), 'latin1'), body]);
}

let recordCounter = 0;
function response(uri: string, statusLine: string, headers: Record<string, string>, body: Buffer, version = 'WARC/1.1'): Buffer {
  recordCounter++;
  return warcRecord(
    version,
    {
      'WARC-Type': 'response',
      'WARC-Date': '2031-03-04T05:06:07Z',
      'WARC-Record-ID': `<urn:uuid:00000000-0000-4000-8000-${String(recordCounter).padStart(12, '0')}>`,
      'WARC-Target-URI': uri,
      'Content-Type': 'application/http; msgtype=response',
    },
    httpMessage(statusLine, headers, body),
  );
}

function chunked(body: Buffer, size: number): Buffer {
  const parts: Buffer[] = [];
  for (let at = 0; at < body.length; at += size) {
    const piece = body.subarray(at, at + size);
    parts.push(Buffer.from(`${piece.length.toString(16)};ext=1${CRLF}`), piece, Buffer.from(CRLF));
  }
  parts.push(Buffer.from(`0${CRLF}${CRLF}`));
  return Buffer.concat(parts);
}

const pageOne = Buffer.from('<!doctype html><html><head><title>Ferry strike ends</title></head><body><p>The Harbour Ledger reports that the ferry strike in Port Amaranth ended on Tuesday.</p></body></html>');
const pageTwo = Buffer.from('<html><body><article><p>Lanterns return to Quillby Square after a decade, the council of Quillby said.</p></article></body></html>');
const pageLatin = iconv.encode('<html><body><p>Caf\u00e9 owners in Port Amaranth welcome the r\u00e9opening.</p></body></html>', 'windows-1252');
const pageGzipped = Buffer.from('<html><body><p>The Quillby tram line will close for repairs in May, officials said.</p></body></html>');
const plainText = Buffer.from('Port Amaranth weather bulletin: light rain expected over the harbour.');

/** The fictional archive: one record of each kind the reader must keep or skip. */
function fixtureRecords(): Buffer[] {
  return [
    warcRecord('WARC/1.0', { 'WARC-Type': 'warcinfo', 'WARC-Date': '2031-03-04T05:00:00Z', 'Content-Type': 'application/warc-fields' }, Buffer.from(`software: fictional-crawler/1.0${CRLF}`)),
    warcRecord('WARC/1.1', { 'WARC-Type': 'request', 'WARC-Target-URI': 'https://harbour-ledger.example/ferry', 'Content-Type': 'application/http; msgtype=request' }, Buffer.from(`GET /ferry HTTP/1.1${CRLF}Host: harbour-ledger.example${CRLF}${CRLF}`)),
    response('https://harbour-ledger.example/ferry', 'HTTP/1.1 200 OK', { 'Content-Type': 'text/html; charset=UTF-8', 'Content-Length': String(pageOne.length) }, pageOne, 'WARC/1.0'),
    response('<https://harbour-ledger.example/lanterns>', 'HTTP/1.1 200 OK', { 'Content-Type': 'text/html', 'Transfer-Encoding': 'chunked' }, chunked(pageTwo, 17)),
    response('https://harbour-ledger.example/logo.png', 'HTTP/1.1 200 OK', { 'Content-Type': 'image/png' }, Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])),
    warcRecord('WARC/1.1', { 'WARC-Type': 'metadata', 'WARC-Target-URI': 'https://harbour-ledger.example/ferry', 'Content-Type': 'application/warc-fields' }, Buffer.from(`fetchTimeMs: 120${CRLF}`)),
    response('https://harbour-ledger.example/missing', 'HTTP/1.1 404 Not Found', { 'Content-Type': 'text/html' }, Buffer.from('<html><body>gone</body></html>')),
    response('https://harbour-ledger.example/cafe', 'HTTP/1.1 200 OK', { 'Content-Type': 'text/html; charset=windows-1252' }, pageLatin),
    response('https://harbour-ledger.example/tram', 'HTTP/1.1 200 OK', { 'Content-Type': 'text/html; charset=utf-8', 'Content-Encoding': 'gzip' }, gzipSync(pageGzipped)),
    warcRecord('WARC/1.1', { 'WARC-Type': 'resource', 'WARC-Target-URI': 'https://harbour-ledger.example/weather.txt', 'WARC-Date': '2031-03-04T05:07:00Z', 'Content-Type': 'text/plain' }, plainText),
  ];
}

async function collect(path: string, options: Parameters<typeof readWarc>[1] = {}): Promise<WarcItem[]> {
  const items: WarcItem[] = [];
  for await (const item of readWarc(path, options)) items.push(item);
  return items;
}

const pages = (items: WarcItem[]) => items.filter((item): item is WarcPage => item.kind === 'page');

async function withTempDir(run: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'crosscheck-warc-'));
  try {
    await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------

test('a .warc.gz with one gzip member per record yields the HTML and text pages and counts skips by reason', async () => {
  await withTempDir(async (dir) => {
    const records = fixtureRecords();
    const path = join(dir, 'fixture.warc.gz');
    await writeFile(path, Buffer.concat(records.map((record) => gzipSync(record))));
    const stats = newWarcStats();
    const items = await collect(path, { stats });

    assert.equal(items.length, records.length, 'one item per record');
    assert.ok(items.every((item) => item.kind !== 'error'));
    const found = pages(items);
    assert.deepEqual(
      found.map((page) => page.uri),
      ['https://harbour-ledger.example/ferry', 'https://harbour-ledger.example/lanterns', 'https://harbour-ledger.example/cafe', 'https://harbour-ledger.example/tram', 'https://harbour-ledger.example/weather.txt'],
    );
    const [ferry, lanterns, cafe, tram, weather] = found;
    assert.deepEqual(ferry.body, pageOne);
    assert.equal(ferry.status, 200);
    assert.equal(ferry.charset, 'UTF-8');
    assert.equal(ferry.date, '2031-03-04T05:06:07Z');
    assert.match(ferry.recordId ?? '', /^<urn:uuid:/);
    assert.deepEqual(lanterns.body, pageTwo, 'chunked transfer encoding undone (with chunk extensions)');
    assert.equal(cafe.charset, 'windows-1252');
    assert.deepEqual(tram.body, pageGzipped, 'gzip content encoding undone');
    assert.equal(weather.warcType, 'resource');
    assert.equal(weather.status, null);
    assert.deepEqual(weather.body, plainText);

    const skips = items.filter((item) => item.kind === 'skip');
    assert.deepEqual(
      skips.map((item) => item.kind === 'skip' && `${item.reason}:${item.detail}`),
      ['record_type:warcinfo record', 'record_type:request record', 'not_html:payload of type image/png', 'record_type:metadata record', 'http_status:HTTP 404'],
    );
    assert.deepEqual(stats, { records: 10, pages: 5, skipped: { record_type: 3, not_html: 1, http_status: 1 }, errors: 0 });

    // Offsets are positions in the decompressed stream: each points at its record's version line.
    const plain = Buffer.concat(records);
    for (const item of items) assert.match(plain.toString('latin1', item.offset, item.offset + 8), /^WARC\/1\.[01]/);
    assert.equal(items[2].offset, records[0].length + records[1].length);
  });
});

test('an uncompressed .warc and a single gzip stream read the same as per-record members', async () => {
  await withTempDir(async (dir) => {
    const plain = Buffer.concat(fixtureRecords());
    await writeFile(join(dir, 'a.warc'), plain);
    await writeFile(join(dir, 'b.warc.gz'), gzipSync(plain, { level: zlibConstants.Z_BEST_SPEED }));
    const summary = (items: WarcItem[]) => items.map((item) => `${item.kind}@${item.offset}:${item.kind === 'page' ? item.body.length : ''}`);
    const fromPlain = await collect(join(dir, 'a.warc'));
    const fromStream = await collect(join(dir, 'b.warc.gz'));
    assert.equal(pages(fromPlain).length, 5);
    assert.deepEqual(summary(fromStream), summary(fromPlain));
  });
});

test('a truncated final record gives a clear error item after the complete records, not a crash', async () => {
  await withTempDir(async (dir) => {
    const records = fixtureRecords();
    const members = records.map((record) => gzipSync(record));
    const whole = Buffer.concat(members);
    // Cut the last gzip member in half: gunzip fails with "unexpected end of file".
    const cutGz = whole.subarray(0, whole.length - Math.floor(members[members.length - 1].length / 2));
    await writeFile(join(dir, 'cut.warc.gz'), cutGz);
    const items = await collect(join(dir, 'cut.warc.gz'));
    const last = items[items.length - 1];
    assert.equal(pages(items).length, 4, 'the four pages before the cut are read');
    assert.equal(last.kind, 'error');
    assert.ok(last.kind === 'error');
    assert.equal(last.error.code, 'unreadable');
    assert.match(last.error.message, /cut\.warc\.gz: cannot read the record at offset \d+: unexpected end of file/);
    assert.equal(items.filter((item) => item.kind === 'error').length, 1);

    // Uncompressed, cut inside the last block: the message names the offset and the missing bytes.
    const plain = Buffer.concat(records);
    await writeFile(join(dir, 'cut.warc'), plain.subarray(0, plain.length - 30));
    const plainItems = await collect(join(dir, 'cut.warc'));
    const plainLast = plainItems[plainItems.length - 1];
    assert.ok(plainLast.kind === 'error');
    const lastStart = plain.length - records[records.length - 1].length;
    assert.equal(plainLast.offset, lastStart);
    assert.match(plainLast.error.message, new RegExp(`truncated record at offset ${lastStart}: the file ends 26 bytes before the end of its \\d+-byte block`));

    // Cut inside the WARC headers.
    await writeFile(join(dir, 'cut-head.warc'), plain.subarray(0, lastStart + 20));
    const headItems = await collect(join(dir, 'cut-head.warc'));
    const headLast = headItems[headItems.length - 1];
    assert.ok(headLast.kind === 'error');
    assert.match(headLast.error.message, /ends inside its WARC headers/);
  });
});

test('a record over maxRecordBytes is skipped unread and the next record is still found', async () => {
  await withTempDir(async (dir) => {
    const big = Buffer.alloc(3 * 1024 * 1024, 'a');
    const records = [
      response('https://harbour-ledger.example/huge', 'HTTP/1.1 200 OK', { 'Content-Type': 'text/html' }, big),
      response('https://harbour-ledger.example/ferry', 'HTTP/1.1 200 OK', { 'Content-Type': 'text/html' }, pageOne),
    ];
    await writeFile(join(dir, 'big.warc.gz'), Buffer.concat(records.map((record) => gzipSync(record))));
    const items = await collect(join(dir, 'big.warc.gz'), { maxRecordBytes: 1024 * 1024 });
    assert.equal(items[0].kind, 'skip');
    assert.ok(items[0].kind === 'skip');
    assert.equal(items[0].reason, 'too_large');
    assert.match(items[0].detail, /over the 1048576-byte limit/);
    assert.deepEqual(pages(items).map((page) => page.uri), ['https://harbour-ledger.example/ferry']);
  });
});

test('files that are not WARC archives give one specific error item', async () => {
  await withTempDir(async (dir) => {
    await writeFile(join(dir, 'page.warc'), '<html><body>not an archive</body></html>');
    await writeFile(join(dir, 'empty.warc'), '');
    const notWarc = await collect(join(dir, 'page.warc'));
    const missing = await collect(join(dir, 'absent.warc.gz'));
    const empty = await collect(join(dir, 'empty.warc'));
    assert.deepEqual(
      [notWarc, missing, empty].map((items) => items.map((item) => (item.kind === 'error' ? item.error.code : item.kind))),
      [['unsupported_type'], ['not_found'], ['empty']],
    );
    assert.ok(isWarcPath('cc-news-2031.warc.gz') && isWarcPath('x.WARC') && !isWarcPath('x.html.gz'));
  });
});

test('warcPageToDocument decodes with the HTTP charset and keeps the crawl date out of published', async () => {
  await withTempDir(async (dir) => {
    const path = join(dir, 'fixture.warc.gz');
    await writeFile(path, Buffer.concat(fixtureRecords().map((record) => gzipSync(record))));
    const found = pages(await collect(path));
    const cafe = warcPageToDocument(found[2]);
    assert.equal(cafe.kind, 'html');
    assert.equal(cafe.url, 'https://harbour-ledger.example/cafe');
    assert.equal(cafe.input, `${path}#${found[2].offset}`);
    assert.match(cafe.content, /Caf\u00e9 owners in Port Amaranth welcome the r\u00e9opening/);
    assert.equal(cafe.published, undefined);
    const weather = warcPageToDocument(found[4]);
    assert.equal(weather.kind, 'text');
    assert.equal(weather.content, plainText.toString());
  });
});

// ---------------------------------------------------------------------------------------------------
// Memory: 10,000 records streamed with flat memory.

function exposedGc(): (() => void) | null {
  if (typeof globalThis.gc === 'function') return globalThis.gc as () => void;
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return null;
  }
}

/** Allowed growth of the heap and of RSS over the read. The pages themselves are ~60 MB of decompressed
 * HTML; a reader that kept them (or the file) would grow past this, one that streams stays a few MB up. */
const MAX_GROWTH_BYTES = 50 * 1024 * 1024;
const GENERATED_RECORDS = 10_000;
/** Without gc the heap holds garbage until the next collection: a generous bound, still under the 65 MB of
 * bodies read. */
const NO_GC_GROWTH_BYTES = 60 * 1024 * 1024;
/** Items between memory samples: 20 samples over the read. */
const SAMPLE_EVERY = 500;
/** Heap still held after the read and a full gc: nothing of the 10,000 pages should stay; 5 MB is room for
 * compiled code and caches that the first read warms up. */
const RETAINED_GROWTH_BYTES = 5 * 1024 * 1024;

test(`streams ${GENERATED_RECORDS.toLocaleString('en')} generated records with flat memory`, async () => {
  await withTempDir(async (dir) => {
    const path = join(dir, 'generated.warc.gz');
    const filler = '<p>Fictional filler paragraph about the Port Amaranth ferry timetable, repeated for size.</p>\n'.repeat(80);
    // Each record is its own gzip member, written as a stream so the test itself stays small in memory.
    const out = createWriteStream(path);
    for (let i = 0; i < GENERATED_RECORDS; i++) {
      const body = Buffer.from(`<html><body><h1>Bulletin ${i}</h1>${filler}<p>Record ${i} ends here.</p></body></html>`);
      const member = gzipSync(
        i % 10 === 9
          ? warcRecord('WARC/1.1', { 'WARC-Type': 'request', 'WARC-Target-URI': `https://harbour-ledger.example/b/${i}` }, Buffer.from(`GET /b/${i} HTTP/1.1${CRLF}${CRLF}`))
          : response(`https://harbour-ledger.example/b/${i}`, 'HTTP/1.1 200 OK', { 'Content-Type': 'text/html; charset=utf-8' }, body),
        { level: zlibConstants.Z_BEST_SPEED },
      );
      if (!out.write(member)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    const handle = await open(path, 'r');
    const fileSize = (await handle.stat()).size;
    await handle.close();

    const gc = exposedGc();
    gc?.();
    /** JS heap plus Buffer memory (kept outside the heap): where page bodies would pile up. */
    const live = (usage: NodeJS.MemoryUsage) => usage.heapUsed + usage.arrayBuffers;
    const before = process.memoryUsage();
    let peakHeap = live(before);
    let peakRss = before.rss;
    const stats = newWarcStats();
    let bodyBytes = 0;
    let n = 0;
    for await (const item of readWarc(path, { stats })) {
      if (item.kind === 'page') {
        bodyBytes += item.body.length;
        warcPageToDocument(item);
      }
      if (++n % SAMPLE_EVERY === 0) {
        // With gc exposed, the sample is the live heap (what a reader that buffered would grow), not garbage
        // waiting for the next collection.
        gc?.();
        const now = process.memoryUsage();
        peakHeap = Math.max(peakHeap, live(now));
        peakRss = Math.max(peakRss, now.rss);
      }
    }
    gc?.();
    const after = process.memoryUsage();
    const heapGrowth = Math.max(peakHeap, live(after)) - live(before);
    const rssGrowth = Math.max(peakRss, after.rss) - before.rss;
    const retainedHeap = live(after) - live(before);
    const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
    console.log(
      `# WARC memory: ${GENERATED_RECORDS} records (${mb(fileSize)} MB gz, ${mb(bodyBytes)} MB of page bodies): ` +
        `${gc ? 'live' : 'used'} heap+buffers growth ${mb(heapGrowth)} MB at peak, ${mb(retainedHeap)} MB after the read, ` +
        `RSS growth ${mb(rssGrowth)} MB at peak (gc ${gc ? 'exposed' : 'not exposed'})`,
    );
    assert.equal(stats.records, GENERATED_RECORDS);
    assert.equal(stats.pages, GENERATED_RECORDS * 0.9);
    assert.equal(stats.skipped.record_type, GENERATED_RECORDS * 0.1);
    assert.ok(bodyBytes > MAX_GROWTH_BYTES, 'the bodies read add up to more than the allowed growth');
    const bound = gc ? MAX_GROWTH_BYTES : NO_GC_GROWTH_BYTES;
    assert.ok(heapGrowth < bound, `heap grew ${mb(heapGrowth)} MB`);
    assert.ok(rssGrowth < bound, `RSS grew ${mb(rssGrowth)} MB`);
    if (gc) assert.ok(retainedHeap < RETAINED_GROWTH_BYTES, `heap kept ${mb(retainedHeap)} MB after the read`);
  });
});
