/** The CLI as a user runs it: spawn the binary, parse its NDJSON, check every line against the contract. */
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile, mkdir, readdir } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { runCli, tempDir, DEMO_DIR, freshStoreLocation } from './helpers.ts';
import { annotateLine, clusterLine, errorLine, extractLine, storyBrief, storySummaryLine } from '../src/contract.ts';

const PAGE = `<!doctype html><html lang="en"><head><title>Tide gauge fails in Port Avel | The Harbour Test Gazette</title>
<meta property="og:title" content="Tide gauge fails in Port Avel">
<meta property="article:published_time" content="2025-03-04T09:15:00+01:00"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Tide gauge fails in Port Avel</h1>
<p class="byline">By Lisbet Morrow</p>
<p>The tide gauge at the mouth of the river Avel stopped reporting on Monday, leaving the harbour master without live readings for more than 30 hours, officials said.</p>
<p>Engineers from the Avel Port Authority replaced a corroded sensor cable on Tuesday evening, according to a statement from the authority.</p>
<p>"We navigated on tables and radio reports from pilots," harbour master Edda Voss told the Gazette. About 40 ships entered the port during the outage.</p>
</article>
<aside><h3>Newsletter</h3><p>Subscribe to our morning briefing</p></aside>
<footer>© The Harbour Test Gazette. All rights reserved.</footer></body></html>`;

const TEXT = 'Officials in Port Avel said on Monday that Edda Voss, the harbour master, would visit Kelmar in March. ' +
  'More than 40 ships entered the port, according to the Avel Port Authority.';

describe('crosscheck CLI', () => {
  let dir: string;
  before(async () => {
    dir = await tempDir();
    await writeFile(join(dir, 'page.html'), PAGE);
    await writeFile(join(dir, 'page2.html.gz'), gzipSync(PAGE));
    await writeFile(join(dir, 'doc.txt'), TEXT);
    await writeFile(join(dir, 'docs.jsonl'), JSON.stringify({ id: 'd1', text: TEXT, published: '2025-03-05' }) + '\n');
  });

  test('--help lists every command of the contract', async () => {
    const r = await runCli(['--help'], { raw: true });
    assert.equal(r.code, 0);
    for (const name of ['extract', 'annotate', 'cluster', 'ingest', 'stories', 'story', 'serve']) assert.match(r.stdout, new RegExp(`\\b${name}\\b`));
  });

  test('unknown commands and bad options are usage errors (exit 2)', async () => {
    assert.equal((await runCli(['frobnicate'])).code, 2);
    assert.equal((await runCli(['extract', '--no-such-flag', 'x.html'])).code, 2);
    const bad = await runCli(['annotate', '--reference-date', 'yesterday', join(dir, 'doc.txt')]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /reference-date/);
    assert.equal(bad.stdout, '');
  });

  test('extract: one contract line per file, HTML and gzip, with metadata', async () => {
    const r = await runCli(['extract', join(dir, 'page.html'), join(dir, 'page2.html.gz')]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.lines.length, 2);
    for (const line of r.lines) {
      extractLine.parse(line);
      assert.equal(line.title, 'Tide gauge fails in Port Avel');
      assert.deepEqual(line.authors, ['Lisbet Morrow']);
      assert.ok(line.published.startsWith('2025-03-04'));
      assert.match(line.text, /corroded sensor cable/);
      assert.doesNotMatch(line.text, /Subscribe|All rights reserved|Sport/);
    }
  });

  test('extract reads standard input with --as', async () => {
    const r = await runCli(['extract', '--as', 'html', '-'], { input: PAGE });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.lines[0].input, '-');
    assert.match(r.lines[0].text, /tide gauge/i);
  });

  test('annotate: spans slice the text, relative dates resolve against the reference date', async () => {
    const r = await runCli(['annotate', '--reference-date', '2025-03-05', join(dir, 'doc.txt')]);
    assert.equal(r.code, 0, r.stderr);
    const line = annotateLine.parse(r.lines[0]);
    assert.equal(line.id, join(dir, 'doc.txt'));
    for (const list of [line.entities, line.times, line.quantities, line.claims]) {
      for (const item of list) assert.equal(TEXT.slice(item.start, item.end), item.text);
    }
    assert.ok(line.times.some((t) => t.value === '2025-03-03'), `Monday before 2025-03-05: ${JSON.stringify(line.times)}`);
    assert.ok(line.quantities.some((q) => q.value === 40 || q.low === 40));
    assert.ok(line.entities.some((e) => e.text === 'Edda Voss' && e.type === 'PERSON'));
  });

  test('annotate: JSONL ids, and "published" per document', async () => {
    const r = await runCli(['annotate', join(dir, 'docs.jsonl')]);
    assert.equal(r.code, 0, r.stderr);
    const line = annotateLine.parse(r.lines[0]);
    assert.equal(line.id, 'd1');
    assert.ok(line.times.some((t) => t.value === '2025-03-03'));
  });

  test('cluster: one {id, story} per line in order; same event together, other apart', async () => {
    const stream = join(dir, 'stream.jsonl');
    const rows = [
      { id: 'a0', title: 'Storm closes the port of Kelmar', text: 'A storm closed the port of Kelmar on Monday. Ferries to Orsund were cancelled and the harbour master said the port would reopen when winds drop.' },
      { id: 'a1', title: 'Kelmar port closed by storm, officials say', text: 'Officials said the port of Kelmar was closed by a storm on Monday. Ferries to Orsund were cancelled until the winds drop, the harbour master said.' },
      { id: 'a2', title: 'Orsund hosts chess final', text: 'The national chess final opened in Orsund with twelve grandmasters. The winner receives a trophy and a place at the world championship.' },
    ];
    await writeFile(stream, rows.map((r) => JSON.stringify({ ...r, published: '2025-03-03' })).join('\n') + '\n');
    const r = await runCli(['cluster', stream]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.lines.map((l) => l.id), ['a0', 'a1', 'a2']);
    for (const l of r.lines) clusterLine.parse(l);
    assert.equal(r.lines[0].story, r.lines[1].story);
    assert.notEqual(r.lines[0].story, r.lines[2].story);
  });

  test('ingest --workers N: the same lines, ids and stories as a sequential ingest; a bad N is a usage error', async () => {
    const sequential = await runCli(['ingest', '--db', freshStoreLocation(join(dir, 'db-seq')), DEMO_DIR]);
    const threaded = await runCli(['ingest', '--db', freshStoreLocation(join(dir, 'db-threads')), '--workers', '2', DEMO_DIR]);
    assert.equal(threaded.code, sequential.code, threaded.stderr);
    assert.deepEqual(
      threaded.lines.map((l) => [l.input, l.ok, l.id, l.story]),
      sequential.lines.map((l) => [l.input, l.ok, l.id, l.story]),
    );
    const bad = await runCli(['ingest', '--db', freshStoreLocation(join(dir, 'db-bad')), '--workers', '0', DEMO_DIR]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--workers/);
  });

  test('ingest, stories and story: the demo corpus end to end, idempotent', async () => {
    const db = freshStoreLocation(join(dir, 'db'));
    const first = await runCli(['ingest', '--db', db, DEMO_DIR]);
    assert.equal(first.code, 0, first.stderr);
    const files = (await readdir(DEMO_DIR)).filter((f) => /\.(html|txt)$/.test(f));
    assert.equal(first.lines.length, files.length);
    assert.ok(first.lines.every((l) => l.ok === true && l.duplicate === false && typeof l.story === 'string'));

    const again = await runCli(['ingest', '--db', db, DEMO_DIR]);
    assert.equal(again.code, 0, again.stderr);
    assert.ok(again.lines.every((l) => l.ok === true && l.duplicate === true), 'second ingest stores nothing new');
    assert.deepEqual(again.lines.map((l) => l.id), first.lines.map((l) => l.id));

    const stories = await runCli(['stories', '--db', db]);
    assert.equal(stories.code, 0, stories.stderr);
    assert.ok(stories.lines.length >= 3);
    for (const s of stories.lines) storySummaryLine.parse(s);
    const total = stories.lines.reduce((n, s) => n + s.articles, 0);
    assert.equal(total, files.length, 'every stored article is in exactly one story');

    const story = await runCli(['story', stories.lines[0].id, '--db', db, '--json']);
    assert.equal(story.code, 0, story.stderr);
    assert.equal(story.lines.length, 1);
    const brief = storyBrief.parse(story.lines[0]);
    assert.equal(brief.id, stories.lines[0].id);
    assert.equal(brief.articles.length, stories.lines[0].articles);

    const md = await runCli(['story', stories.lines[0].id, '--db', db, '--md'], { raw: true });
    assert.equal(md.code, 0, md.stderr);
    assert.match(md.stdout, /^# /m);

    const missing = await runCli(['story', 'no-such-story', '--db', db]);
    assert.equal(missing.code, 3);
    errorLine.parse(missing.lines[0]);
    assert.equal(missing.lines[0].error.code, 'not_found');
  });
});

describe('bad input never stops a batch', () => {
  let dir: string;
  let mixed: string;
  before(async () => {
    dir = await tempDir();
    mixed = join(dir, 'mixed');
    await mkdir(mixed);
    await writeFile(join(mixed, 'a-good.html'), PAGE);
    await writeFile(join(mixed, 'b-empty.html'), '');
    await writeFile(join(mixed, 'c-binary.html'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    await writeFile(join(mixed, 'd-latin1.txt'), Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(' au lait, naïvely encoded')]));
    await writeFile(join(mixed, 'e-huge.html'), Buffer.alloc(50 * 1024 * 1024, 0x61));
    await writeFile(join(mixed, 'f-table.csv'), 'a,b\n1,2\n');
    await writeFile(join(mixed, 'g-nul.txt'), Buffer.from('text\0with\0nul bytes'));
    await writeFile(join(mixed, 'h-bad.jsonl'), '{"text": "The port of Kelmar reopened on Monday after a storm that closed it for two days, the harbour master Edda Voss said. Ferries to Orsund will sail again from Tuesday morning, and about 300 passengers who waited in the terminal were given hotel rooms by the port authority."}\nnot json\n{"html": 5}\n');
    await writeFile(join(mixed, 'i-whitespace.txt'), '   \n\n\t\n');
  });

  const EXPECTED: Array<[RegExp, string]> = [
    [/b-empty\.html$/, 'empty'],
    [/c-binary\.html$/, 'binary'],
    [/d-latin1\.txt$/, 'invalid_utf8'],
    [/e-huge\.html$/, 'too_large'],
    [/f-table\.csv$/, 'unsupported_type'],
    [/g-nul\.txt$/, 'binary'],
    [/h-bad\.jsonl:2$/, 'invalid_json'],
    [/h-bad\.jsonl:3$/, 'invalid_record'],
    [/i-whitespace\.txt$/, 'empty'],
    [/missing\.html$/, 'not_found'],
  ];

  function checkErrors(lines: Array<Record<string, any>>) {
    for (const [pattern, code] of EXPECTED) {
      const line = lines.find((l) => pattern.test(l.input ?? l.id));
      assert.ok(line, `a line for ${pattern}`);
      errorLine.parse(line);
      assert.equal(line.error.code, code, `${pattern}: ${JSON.stringify(line.error)}`);
      assert.ok(line.error.message.length > 10);
    }
  }

  test('extract: each bad file gets its own error code, the good ones are extracted', async () => {
    const r = await runCli(['extract', mixed, join(dir, 'missing.html')]);
    assert.equal(r.code, 3);
    checkErrors(r.lines);
    const good = r.lines.filter((l) => l.ok === true);
    assert.equal(good.length, 2, 'the good page and the good JSONL line');
    assert.match(good[0].text, /corroded sensor cable/);
  });

  test('ingest: bad files are reported, good ones stored, the store stays consistent', async () => {
    const db = freshStoreLocation(join(dir, 'db'));
    const r = await runCli(['ingest', '--db', db, mixed, join(dir, 'missing.html')]);
    assert.equal(r.code, 3);
    checkErrors(r.lines);
    assert.equal(r.lines.filter((l) => l.ok === true).length, 2);
    const stories = await runCli(['stories', '--db', db]);
    assert.equal(stories.code, 0, stories.stderr);
    assert.equal(stories.lines.reduce((n, s) => n + s.articles, 0), 2);
  });
});
