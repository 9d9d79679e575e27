/**
 * Property-based and fuzz tests: random and mutated HTML, random text, bytes in wrong encodings and random JSONL
 * go into every stage (extract, annotate, cluster, ingest), and each stage must neither crash nor hang: it
 * returns a well-formed result, or rejects the input with a PipelineError of a specific ErrorCode (never
 * `internal`, never a raw TypeError). Each case's CPU time is bounded; a watchdog kills the run and prints the
 * case if one never finishes. Most cases are small (10,000+ per stage); a few big ones (MBs, 100k-deep
 * nesting) run once each.
 *
 * Replaying: every property runs with a fixed seed (FUZZ_SEED, printed in the test names; override with
 * CROSSCHECK_FUZZ_SEED, scale run counts with CROSSCHECK_FUZZ_SCALE). On failure fast-check prints the seed, the
 * path and the shrunk counterexample: add it to test/regressions/<stage>.json, which the replay tests below run
 * every time (a failure in a module these tests do not own is kept there with `todo` set to its message).
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { decodeText, jsonlLines, sniffKind } from '../src/cli/inputs.ts';
import { documentFromRecord } from '../src/cli/documents.ts';
import { extractArticle } from '../src/extract/index.ts';
import { annotate } from '../src/annotate/index.ts';
import { StreamClusterer } from '../src/cluster/index.ts';
import { Ingestor, type IngestOutcome } from '../src/pipeline.ts';
import { openTestStore } from '../src/store/test-store.ts';
import type { MaintainableStore } from '../src/store/index.ts';
import { normalizeIsoDate } from '../src/util/dates.ts';
import type { ClusterInput, ExtractedArticle, RawDocument } from '../src/model.ts';
import { runCli, tempDir } from './helpers.ts';
import {
  BIG_CASE_CPU_MS, cpuMs, DECODE_CODES, EXTRACT_CODES, FUZZ_SEED, RECORD_CODES, SMALL_CASE_CPU_MS, Watchdog, anyText, assertSpecificError,
  bounded, boundedAsync, bytesOf, checkAnnotations, knownFailures, tolerateKnown, fictionalPage, jsonlLine, loadRegressions, newsSentence, newsText, pageBytes,
  rawDocument, referenceDate, runs, type ByteCase,
} from './fuzz-helpers.ts';

/** Generated cases per stage (times CROSSCHECK_FUZZ_SCALE). */
const CASES_PER_STAGE = 10_000;
/** Articles a clusterer sees before the fuzz test starts a fresh one: keeps each case's cost flat. */
const CLUSTERER_RESET_EVERY = 400;

const watchdog = new Watchdog();
after(() => watchdog.stop());

/** fast-check parameters of one stage's property: its own seed (derived from FUZZ_SEED), its run count. */
function params(stage: number, numRuns: number): fc.Parameters<unknown> {
  return { seed: FUZZ_SEED + stage, numRuns };
}

// ---------------------------------------------------------------------------------------------------
// Extract

/** What one extract case feeds in: a decoded document, page bytes, or a JSONL line. */
type ExtractInput = { doc: RawDocument } | { bytes: ByteCase } | { jsonl: string };

const extractInput: fc.Arbitrary<ExtractInput> = fc.oneof(
  { weight: 6, arbitrary: rawDocument.map((doc) => ({ doc })) },
  { weight: 2, arbitrary: pageBytes.map((bytes) => ({ bytes })) },
  { weight: 2, arbitrary: jsonlLine.map((jsonl) => ({ jsonl })) },
);

function describeExtract(input: ExtractInput): unknown {
  return 'bytes' in input ? { ...input.bytes, bytes: Buffer.from(input.bytes.bytes).toString('base64') } : input;
}

function checkArticle(article: ExtractedArticle): void {
  assert.equal(typeof article.text, 'string');
  assert.ok(article.text.trim().length > 0, 'an extracted article has text');
  assert.ok(article.title === null || typeof article.title === 'string');
  assert.ok(Array.isArray(article.authors) && article.authors.every((a) => typeof a === 'string'));
  assert.ok(Array.isArray(article.tags) && article.tags.every((a) => typeof a === 'string'));
  for (const date of [article.published, article.updated]) {
    assert.ok(date === null || /^\d{4}-\d{2}-\d{2}/.test(date), `date ${date}`);
  }
  assert.equal(typeof article.provenance, 'object');
}

/** One document through extraction: an article, or a rejection with a specific code. */
function extractOne(doc: RawDocument, where: string): void {
  let article: ExtractedArticle;
  try {
    article = extractArticle(doc);
  } catch (err) {
    assertSpecificError(err, EXTRACT_CODES, where);
    return;
  }
  checkArticle(article);
}

/** Runs one extract case: decoding or record errors first, then extraction. */
function runExtractCase(input: ExtractInput): void {
  if ('doc' in input) return extractOne(input.doc, 'extract');
  if ('bytes' in input) {
    const { bytes, header, kind } = input.bytes;
    let content: string;
    try {
      content = decodeText(Buffer.from(bytes), 'fuzz.bin', kind, header);
    } catch (err) {
      assertSpecificError(err, DECODE_CODES, 'decodeText');
      return;
    }
    return extractOne({ input: 'fuzz.bin', kind: kind ?? sniffKind(content), content }, 'extract(bytes)');
  }
  for (const line of jsonlLines('fuzz.jsonl', input.jsonl)) {
    if (line.error) {
      assertSpecificError(line.error, RECORD_CODES, 'jsonlLines');
      continue;
    }
    let doc: RawDocument;
    try {
      doc = documentFromRecord(line.value, line.where);
    } catch (err) {
      assertSpecificError(err, RECORD_CODES, 'documentFromRecord');
      continue;
    }
    extractOne(doc, 'extract(jsonl)');
  }
}

describe('extract: random, broken and mutated pages', () => {
  test(`${runs(CASES_PER_STAGE)} generated cases (seed ${FUZZ_SEED + 1})`, (t) => {
    const cpu = cpuMs();
    fc.assert(
      fc.property(extractInput, (input) => {
        watchdog.start('extract', () => describeExtract(input));
        bounded('extract case', SMALL_CASE_CPU_MS, () => runExtractCase(input));
        watchdog.done();
      }),
      params(1, runs(CASES_PER_STAGE)),
    );
    t.diagnostic(`extract: ${runs(CASES_PER_STAGE)} cases in ${(cpuMs() - cpu).toFixed(0)} ms of CPU`);
  });

  for (const c of loadRegressions<ExtractInput | { bytes: { bytes: string; header: string | null; kind: 'html' | 'text' | null } }>('extract')) {
    test(`regression: ${c.name}`, { todo: c.todo }, () => {
      const input: ExtractInput = 'bytes' in c.input && typeof c.input.bytes.bytes === 'string'
        ? { bytes: { ...c.input.bytes, bytes: new Uint8Array(bytesOf(c.input.bytes.bytes)) } }
        : (c.input as ExtractInput);
      bounded(c.name, BIG_CASE_CPU_MS, () => runExtractCase(input));
    });
  }
});

// ---------------------------------------------------------------------------------------------------
// Annotate

interface AnnotateInput {
  text: string;
  referenceDate: string | null;
}

function runAnnotateCase(input: AnnotateInput): void {
  let annotations;
  try {
    annotations = annotate(input.text, { referenceDate: input.referenceDate });
  } catch (err) {
    // The annotator has no rejections of its own: any error must at least be a specific PipelineError.
    assertSpecificError(err, ['timeout'], 'annotate');
    return;
  }
  checkAnnotations(input.text, annotations);
}

/** Unfixed bugs of src/annotate recorded in test/regressions/annotate.json, and how often the cases hit them. */
const ANNOTATE_KNOWN = knownFailures('annotate');
const annotateKnownHits = new Map<string, number>();

describe('annotate: random text', () => {
  test(`${runs(CASES_PER_STAGE)} generated cases (seed ${FUZZ_SEED + 2})`, (t) => {
    const cpu = cpuMs();
    fc.assert(
      fc.property(fc.record({ text: anyText, referenceDate }), (input) => {
        watchdog.start('annotate', () => input);
        bounded('annotate case', SMALL_CASE_CPU_MS, () => tolerateKnown(ANNOTATE_KNOWN, annotateKnownHits, () => runAnnotateCase(input)));
        watchdog.done();
      }),
      params(2, runs(CASES_PER_STAGE)),
    );
    t.diagnostic(`annotate: ${runs(CASES_PER_STAGE)} cases in ${(cpuMs() - cpu).toFixed(0)} ms of CPU`);
    for (const [pattern, n] of annotateKnownHits) t.diagnostic(`annotate: ${n} cases hit the known bug /${pattern}/ (test/regressions/annotate.json)`);
  });

  for (const c of loadRegressions<AnnotateInput>('annotate')) {
    test(`regression: ${c.name}`, { todo: c.todo }, () => bounded(c.name, BIG_CASE_CPU_MS, () => runAnnotateCase(c.input)));
  }
});

// ---------------------------------------------------------------------------------------------------
// Cluster

/** A ClusterInput as the CLI or the Ingestor builds one: published normalised (or null), entities canonicals. */
const clusterInput: fc.Arbitrary<Omit<ClusterInput, 'id'> & { id?: string }> = fc.record(
  {
    id: fc.oneof({ weight: 9, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom('a', 'b', '1', '') }),
    title: fc.option(fc.oneof(newsSentence, fc.string({ unit: 'binary', maxLength: 60 }))),
    text: anyText,
    published: fc.option(fc.oneof(fc.string({ maxLength: 25 }), fc.date({ noInvalidDate: true }).map((d) => d.toISOString())).map((s) => normalizeIsoDate(s))),
    outlet: fc.option(fc.oneof(fc.constantFrom('Kelmar Courier', 'Orsund Daily', 'Northwind Wire'), fc.string({ maxLength: 20 }))),
    entities: fc.option(fc.array(fc.oneof(fc.constantFrom('Edda Voss', 'Kelmar', 'Orsund Rail Company'), fc.string({ maxLength: 15 })), { maxLength: 8 })),
  },
  { requiredKeys: ['text'] },
);

/** A clusterer shared across cases (a stream), replaced every CLUSTERER_RESET_EVERY articles. */
class ClusterStream {
  private clusterer = new StreamClusterer();
  private seen = 0;

  assign(raw: Omit<ClusterInput, 'id'> & { id?: string }): void {
    if (this.seen++ % CLUSTERER_RESET_EVERY === 0) this.clusterer = new StreamClusterer();
    // Ids are unique unless the generator chose a repeated one (a stream that repeats an id must still work).
    const article: ClusterInput = { ...raw, id: raw.id ?? `doc-${this.seen}` };
    const a = this.clusterer.assign(article);
    assert.equal(a.id, article.id);
    assert.ok(typeof a.story === 'string' && a.story.length > 0, 'a story id');
    assert.ok(['joined', 'opened'].includes(a.explanation.decision));
    assert.ok(Number.isFinite(a.explanation.score), `score ${a.explanation.score}`);
    for (const [k, v] of Object.entries(a.explanation.parts)) assert.ok(Number.isFinite(v), `part ${k} = ${v}`);
    assert.equal(this.clusterer.canonicalStory(a.story), this.clusterer.canonicalStory(this.clusterer.canonicalStory(a.story)));
  }
}

describe('cluster: random article streams', () => {
  test(`${runs(CASES_PER_STAGE)} generated cases (seed ${FUZZ_SEED + 3})`, (t) => {
    const cpu = cpuMs();
    const stream = new ClusterStream();
    fc.assert(
      fc.property(clusterInput, (article) => {
        watchdog.start('cluster', () => article);
        bounded('cluster case', SMALL_CASE_CPU_MS, () => stream.assign(article));
        watchdog.done();
      }),
      params(3, runs(CASES_PER_STAGE)),
    );
    t.diagnostic(`cluster: ${runs(CASES_PER_STAGE)} cases in ${(cpuMs() - cpu).toFixed(0)} ms of CPU`);
  });

  for (const c of loadRegressions<Array<Omit<ClusterInput, 'id'> & { id?: string }>>('cluster')) {
    test(`regression: ${c.name}`, { todo: c.todo }, () => {
      const stream = new ClusterStream();
      bounded(c.name, BIG_CASE_CPU_MS, () => c.input.forEach((article) => stream.assign(article)));
    });
  }

  test('crosscheck cluster: random JSONL files give one line per input line, never a crash', async () => {
    const dir = await tempDir('crosscheck-fuzz-cluster-');
    try {
      const files = fc.sample(fc.array(jsonlLine, { minLength: 300, maxLength: 300 }), { seed: FUZZ_SEED + 4, numRuns: 3 });
      const paths: string[] = [];
      let expected = 0;
      for (const [i, lines] of files.entries()) {
        const path = join(dir, `random-${i}.jsonl`);
        await writeFile(path, lines.join('\n'));
        paths.push(path);
        expected += [...jsonlLines(path, lines.join('\n'))].length;
      }
      const r = await runCli(['cluster', ...paths]);
      assert.ok(r.code === 0 || r.code === 3, `exit ${r.code}: ${r.stderr.slice(-2000)}`);
      assert.equal(r.lines.length, expected, 'one output line per non-blank input line');
      for (const line of r.lines) {
        if (line.ok === false) assert.ok(RECORD_CODES.includes(line.error.code), JSON.stringify(line));
        else assert.ok(typeof line.story === 'string' && line.story.length > 0, JSON.stringify(line));
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

// ---------------------------------------------------------------------------------------------------
// Ingest

/** An ingest case: a fresh fictional article, a repeat of an earlier one, a random document, or a JSONL line. */
type IngestInput = { doc: RawDocument } | { repeat: number } | { jsonl: string };

const freshArticle: fc.Arbitrary<RawDocument> = fc.oneof(
  newsText.map((content) => ({ input: 'fuzz', kind: 'text' as const, content })),
  fictionalPage.map((content) => ({ input: 'fuzz', kind: 'html' as const, content })),
);

const ingestInput: fc.Arbitrary<IngestInput> = fc.oneof(
  { weight: 1, arbitrary: freshArticle.map((doc) => ({ doc })) },
  { weight: 8, arbitrary: fc.nat().map((repeat) => ({ repeat })) },
  { weight: 1, arbitrary: rawDocument.map((doc) => ({ doc })) },
  { weight: 3, arbitrary: jsonlLine.map((jsonl) => ({ jsonl })) },
);

/** The stream's bookkeeping: what was stored under which story, to compare with the store at the end. */
class IngestRun {
  readonly stored = new Map<string, string>();
  readonly docs: RawDocument[] = [];
  outcomes = 0;
  failures = 0;
  duplicates = 0;

  constructor(private readonly ingestor: Ingestor) {}

  private async ingest(doc: RawDocument): Promise<void> {
    let outcome: IngestOutcome;
    try {
      outcome = await this.ingestor.ingest(doc);
    } catch (err) {
      assert.fail(`Ingestor.ingest threw (it must report, not throw): ${(err as Error).stack ?? err}`);
    }
    this.outcomes++;
    if (!outcome.ok) {
      this.failures++;
      assert.ok(EXTRACT_CODES.includes(outcome.error.code as never), `ingest rejected with ${outcome.error.code}: ${outcome.error.message}`);
      return;
    }
    assert.ok(outcome.story.length > 0, 'a story id');
    if (outcome.duplicate) {
      this.duplicates++;
      assert.ok(this.stored.has(outcome.id), `duplicate of an id never stored: ${outcome.id}`);
    } else {
      assert.ok(!this.stored.has(outcome.id), `stored twice: ${outcome.id}`);
      this.stored.set(outcome.id, outcome.story);
      this.docs.push(doc);
    }
  }

  async run(input: IngestInput): Promise<void> {
    if ('doc' in input) return this.ingest(input.doc);
    if ('repeat' in input) {
      if (this.docs.length === 0) return;
      const doc = this.docs[input.repeat % this.docs.length];
      // Line endings and trailing spaces do not make another document.
      return this.ingest({ ...doc, content: doc.content.replace(/\n/g, '\r\n') + '  \n' });
    }
    for (const line of jsonlLines('fuzz.jsonl', input.jsonl)) {
      if (line.error) continue;
      let doc: RawDocument;
      try {
        doc = documentFromRecord(line.value, line.where);
      } catch (err) {
        assertSpecificError(err, RECORD_CODES, 'documentFromRecord');
        continue;
      }
      await this.ingest(doc);
    }
  }
}

describe('ingest: random documents into a store', () => {
  let store: MaintainableStore;
  let run: IngestRun;
  before(async () => {
    store = await openTestStore();
    run = new IngestRun(await Ingestor.open(store, { now: () => new Date('2024-06-01T12:00:00Z') }));
  });
  after(() => store.close());

  test(`${runs(CASES_PER_STAGE)} generated cases (seed ${FUZZ_SEED + 5}), then the store holds each stored article once`, async (t) => {
    const cpu = cpuMs();
    await fc.assert(
      fc.asyncProperty(ingestInput, async (input) => {
        watchdog.start('ingest', () => input);
        await boundedAsync('ingest case', SMALL_CASE_CPU_MS, () => run.run(input));
        watchdog.done();
      }),
      params(5, runs(CASES_PER_STAGE)),
    );
    assert.equal(await store.countArticles(), run.stored.size);
    for (const [id, story] of run.stored) {
      const stored = await store.getArticle(id);
      assert.ok(stored, `article ${id} is in the store`);
      assert.equal(stored.assignment.story, story);
    }
    const stories = await store.listStories();
    assert.equal(stories.reduce((n, s) => n + s.articles, 0), run.stored.size, 'every stored article counted in one story');
    t.diagnostic(`ingest: ${runs(CASES_PER_STAGE)} cases in ${(cpuMs() - cpu).toFixed(0)} ms of CPU: ${run.outcomes} documents, ${run.stored.size} stored, ${run.duplicates} duplicates, ${run.failures} rejected`);
  });

  for (const c of loadRegressions<RawDocument[]>('ingest')) {
    test(`regression: ${c.name}`, { todo: c.todo }, async () => {
      await boundedAsync(c.name, BIG_CASE_CPU_MS, async () => {
        for (const doc of c.input) await run.run({ doc });
      });
    });
  }
});

// ---------------------------------------------------------------------------------------------------
// Big cases: each once, with the big bound

const DEEP = 100_000;

const BIG_PAGES: Array<[string, () => string]> = [
  ['100k nested divs', () => `<html><body>${'<div>'.repeat(DEEP)}<p>The Kelmar harbour reopened on Monday after a storm, officials said.</p>${'</div>'.repeat(DEEP)}</body></html>`],
  ['100k unclosed nested inline tags', () => `<p>${'<b><i><span>'.repeat(DEEP / 3)}Edda Voss said the ferry line would reopen on Friday.`],
  ['100k unclosed paragraphs', () => `<article>${'<p>Ferries to Orsund resumed. '.repeat(DEEP)}`],
  ['100k nested tables', () => `${'<table><tr><td>'.repeat(DEEP / 3)}The council met.`],
  ['a 2 MB attribute', () => `<html><body><div class="${'x'.repeat(2_000_000)}"><p>The Kelmar Port Authority reopened the harbour on Monday, Edda Voss said.</p></div></body></html>`],
  ['an unterminated 2 MB attribute', () => `<html><body><div title="${'Kelmar '.repeat(300_000)}<p>Text after it.</p>`],
  ['50k attributes on one element', () => `<div ${Array.from({ length: 50_000 }, (_, i) => `data-a${i}="${i}"`).join(' ')}><p>The ferry line reopened on Friday, officials said.</p></div>`],
  ['a 3 MB word without spaces', () => `<p>${'Kelmar'.repeat(500_000)}</p>`],
  ['20k paragraphs', () => `<article>${Array.from({ length: 20_000 }, (_, i) => `<p>Paragraph ${i}: the Orsund rail tunnel stayed closed on Monday, Tomas Brandl said.</p>`).join('')}</article>`],
  ['an unclosed script of 2 MB', () => `<html><head><script>${'var a = "<p>not text</p>";'.repeat(80_000)}`],
  ['an unclosed comment of 2 MB', () => `<p>Visible text about the harbour of Kelmar and its ferries.</p><!--${'<p>hidden</p>'.repeat(150_000)}`],
  ['JSON-LD nested 100k deep', () => `<script type="application/ld+json">${'['.repeat(DEEP)}${']'.repeat(DEEP)}</script><p>The hospital wing opened in Drennick on Monday.</p>`],
  ['JSON-LD of 1 MB unterminated', () => `<script type="application/ld+json">{"headline": "${'a'.repeat(1_000_000)}</script><p>The hospital wing opened.</p>`],
  ['1 MB of angle brackets', () => '<'.repeat(500_000) + '>'.repeat(500_000)],
  ['1 MB of broken entities', () => `<p>${'&#x110000;&#0;&#xD800;&amp&lt'.repeat(30_000)}</p>`],
  ['a 1 MB title', () => `<html><head><title>${'Harbour reopens '.repeat(60_000)}</title></head><body><p>The harbour reopened on Monday.</p></body></html>`],
  ['200k meta tags', () => `<head>${'<meta name="author" content="Edda Voss">'.repeat(200_000)}</head><p>Text.</p>`],
];

describe('big cases', () => {
  for (const [name, make] of BIG_PAGES) {
    test(`extract: ${name}`, () => {
      const content = make();
      watchdog.start('extract(big)', () => ({ name, length: content.length }));
      bounded(name, BIG_CASE_CPU_MS, () => extractOne({ input: name, kind: 'html', content }, name));
      watchdog.done();
    });
  }

  test('extract: a 5 MB scraped text', () => {
    const content = fc.sample(newsText, { seed: FUZZ_SEED, numRuns: 1500 }).join('\n\n').slice(0, 5_000_000);
    watchdog.start('extract(big)', () => ({ name: '5 MB text', length: content.length }));
    bounded('5 MB text', BIG_CASE_CPU_MS, () => extractOne({ input: 'big.txt', kind: 'text', content }, 'big text'));
    watchdog.done();
  });

  const BIG_TEXTS: Array<[string, () => string]> = [
    ['200 KB of news', () => fc.sample(newsText, { seed: FUZZ_SEED, numRuns: 600 }).join('\n\n').slice(0, 200_000)],
    ['100k nested parentheses and quotes', () => `Edda Voss said ${'("'.repeat(50_000)}the harbour reopened${'")'.repeat(50_000)}.`],
    ['a 1 MB word', () => 'Kelmar'.repeat(170_000)],
    ['100k capitalised words', () => 'Edda Voss Kelmar Orsund Brandl '.repeat(20_000)],
    ['100k digits and units', () => '10,000,000.5 km $3bn 45% '.repeat(10_000)],
    ['100k date-like tokens', () => 'on 12/05/2024 at 09:30 last Friday in May 2019 '.repeat(5_000)],
    ['200k random code points', () => fc.sample(fc.string({ unit: 'binary', minLength: 200_000, maxLength: 200_000 }), { seed: FUZZ_SEED, numRuns: 1 })[0]],
  ];
  for (const [name, make] of BIG_TEXTS) {
    test(`annotate: ${name}`, () => {
      const text = make();
      watchdog.start('annotate(big)', () => ({ name, length: text.length }));
      bounded(name, BIG_CASE_CPU_MS, () => tolerateKnown(ANNOTATE_KNOWN, annotateKnownHits, () => runAnnotateCase({ text, referenceDate: '2024-05-12' })));
      watchdog.done();
    });
  }

  test('cluster: 1 MB text, 10k entities, a 100 KB title', () => {
    const stream = new ClusterStream();
    const text = fc.sample(newsText, { seed: FUZZ_SEED, numRuns: 3000 }).join('\n\n').slice(0, 1_000_000);
    watchdog.start('cluster(big)', () => ({ length: text.length }));
    bounded('big cluster input', BIG_CASE_CPU_MS, () => {
      stream.assign({ text, title: 'Harbour '.repeat(12_000), entities: Array.from({ length: 10_000 }, (_, i) => `Entity ${i}`), published: '2024-05-12' });
      stream.assign({ text: text.slice(0, 500_000), published: '2024-05-13' });
    });
    watchdog.done();
  });
});

// ---------------------------------------------------------------------------------------------------
// The CLI on a folder of random files: exit 0 or 3, one line per document, each ok or a specific error

describe('crosscheck extract on random files', () => {
  let dir: string;
  before(async () => {
    dir = await tempDir('crosscheck-fuzz-files-');
    await mkdir(join(dir, 'pages'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('200 random byte files and a random JSONL file', async () => {
    const pages = fc.sample(pageBytes, { seed: FUZZ_SEED + 6, numRuns: 200 });
    for (const [i, page] of pages.entries()) {
      const ext = page.kind === 'text' ? 'txt' : 'html';
      await writeFile(join(dir, 'pages', `p${String(i).padStart(3, '0')}.${ext}`), page.bytes);
    }
    const lines = fc.sample(jsonlLine, { seed: FUZZ_SEED + 7, numRuns: 200 }).join('\n');
    await writeFile(join(dir, 'pages', 'records.jsonl'), lines);
    const r = await runCli(['extract', join(dir, 'pages')]);
    assert.ok(r.code === 0 || r.code === 3, `exit ${r.code}: ${r.stderr.slice(-2000)}`);
    const expected = pages.length + [...jsonlLines('records.jsonl', lines)].length;
    assert.equal(r.lines.length, expected);
    const allowed = [...DECODE_CODES, ...EXTRACT_CODES, ...RECORD_CODES];
    for (const line of r.lines) {
      if (line.ok === false) assert.ok(allowed.includes(line.error.code), JSON.stringify(line).slice(0, 500));
      else assert.equal(typeof line.text, 'string');
    }
  });
});
