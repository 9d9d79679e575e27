/**
 * Throughput of each stage on one core, and of ingest into the embedded store, on a corpus built from the
 * demo documents (repeated, each copy made unique so the store keeps it).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { readDocuments } from '../src/cli/documents.ts';
import { extractArticle } from '../src/extract/index.ts';
import { annotate } from '../src/annotate/index.ts';
import { StreamClusterer } from '../src/cluster/index.ts';
import { buildBrief } from '../src/crosscheck/index.ts';
import { openStore } from '../src/store/index.ts';
import { Ingestor, processDocument, clusterInputOf } from '../src/pipeline.ts';
import type { ArticleRecord, ExtractedArticle, RawDocument } from '../src/model.ts';
import type { BenchSection } from './main.ts';

const DEMO = resolve(dirname(fileURLToPath(import.meta.url)), '../examples/demo/pages');
/** Documents per stage measurement: enough for a few seconds per stage on this class of machine. */
const STAGE_DOCS = 2000;
/** Documents ingested into a fresh embedded store. */
const INGEST_DOCS = 500;

async function demoDocuments(): Promise<RawDocument[]> {
  const docs: RawDocument[] = [];
  for await (const item of readDocuments([DEMO])) if ('doc' in item) docs.push(item.doc);
  if (docs.length === 0) throw new Error(`no demo documents under ${DEMO}`);
  return docs;
}

/** `n` documents cycling through the demo set; each copy gets its own URL, so its content hash differs. */
function corpus(base: RawDocument[], n: number): RawDocument[] {
  return Array.from({ length: n }, (_, i) => {
    const doc = base[i % base.length];
    return { ...doc, input: `${doc.input}#${i}`, url: `https://bench.example/${i}` };
  });
}

interface Row {
  stage: string;
  docs: number;
  seconds: number;
  bytes: number;
  extra?: string;
}

function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const value = fn();
  return [value, (performance.now() - t0) / 1000];
}

export async function runPipelineBench(): Promise<BenchSection> {
  const base = await demoDocuments();
  const docs = corpus(base, STAGE_DOCS);
  const rows: Row[] = [];

  // Warm-up: JIT and lazy tables (gazetteers, chrono) load outside the measured runs.
  for (const doc of base) annotate(extractArticle(doc).text, { referenceDate: '2025-03-01' });

  const [articles, extractSeconds] = time(() => docs.map((d) => extractArticle(d)));
  rows.push({ stage: 'extract', docs: docs.length, seconds: extractSeconds, bytes: sumBytes(docs.map((d) => d.content)) });

  const [, annotateSeconds] = time(() => articles.map((a: ExtractedArticle) => annotate(a.text, { referenceDate: a.published?.slice(0, 10) ?? '2025-03-01' })));
  const tokens = articles.reduce((n, a) => n + a.text.split(/\s+/).length, 0);
  rows.push({
    stage: 'annotate',
    docs: articles.length,
    seconds: annotateSeconds,
    bytes: sumBytes(articles.map((a) => a.text)),
    extra: `${Math.round(tokens / annotateSeconds).toLocaleString('en-US')} tokens/s`,
  });

  const records: ArticleRecord[] = docs.map((d) => processDocument(d));
  const inputs = records.map(clusterInputOf);
  const clusterer = new StreamClusterer();
  const [, clusterSeconds] = time(() => inputs.map((i) => clusterer.assign(i)));
  rows.push({ stage: 'cluster', docs: inputs.length, seconds: clusterSeconds, bytes: sumBytes(inputs.map((i) => i.text)) });

  const dir = await mkdtemp(join(tmpdir(), 'crosscheck-bench-'));
  try {
    const store = await openStore(join(dir, 'db'));
    const ingestor = await Ingestor.open(store);
    const ingestDocs = docs.slice(0, INGEST_DOCS);
    const t0 = performance.now();
    let failed = 0;
    for (const doc of ingestDocs) if (!(await ingestor.ingest(doc)).ok) failed++;
    const ingestSeconds = (performance.now() - t0) / 1000;
    rows.push({
      stage: 'ingest (embedded store)',
      docs: ingestDocs.length,
      seconds: ingestSeconds,
      bytes: sumBytes(ingestDocs.map((d) => d.content)),
      extra: failed ? `${failed} failed` : 'extract + annotate + cluster + transactional write',
    });

    const stories = await store.listStories();
    const t1 = performance.now();
    let articlesInBriefs = 0;
    for (const story of stories) {
      const stored = await store.getStoryArticles(story.id);
      articlesInBriefs += stored.length;
      buildBrief(story, stored);
    }
    const briefSeconds = (performance.now() - t1) / 1000;
    rows.push({
      stage: 'story briefs (read + cross-check)',
      docs: articlesInBriefs,
      seconds: briefSeconds,
      bytes: 0,
      extra: `${stories.length} stories, ${((briefSeconds * 1000) / Math.max(1, stories.length)).toFixed(1)} ms per story`,
    });
    await store.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  const table = [
    '| stage | documents | seconds | documents/s | MB/s | notes |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
    ...rows.map(
      (r) =>
        `| ${r.stage} | ${r.docs} | ${r.seconds.toFixed(2)} | ${(r.docs / r.seconds).toFixed(0)} | ${r.bytes ? (r.bytes / 2 ** 20 / r.seconds).toFixed(2) : '–'} | ${r.extra ?? ''} |`,
    ),
  ].join('\n');
  const body = `${table}\n\nCorpus: the ${base.length} demo documents (examples/demo) cycled to ${STAGE_DOCS} documents (${INGEST_DOCS} for ingest), one process, one thread. MB/s counts the stage's input: page bytes for extract and ingest, main text for annotate and cluster.`;
  return { suite: 'pipeline', title: 'Pipeline stages (issue 2)', body };
}

function sumBytes(texts: string[]): number {
  return texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
}
