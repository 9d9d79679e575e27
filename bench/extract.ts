/**
 * Extraction speed on the dev HTML sets (../shared/data/extraction), one thread, beside Readability.js on
 * linkedom run on the same pages in the same process; peak RSS and RSS growth over 10,000 pages.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { extractArticle } from '../src/extract/index.ts';
import { dataPath, hasData, readText } from '../eval/data.ts';
import type { BenchSection } from './main.ts';

/** Extractions in the memory-growth run: the figure. */
const GROWTH_PAGES = 10_000;
/** Readability.js + linkedom runs on every SAMPLE_EVERY-th page (it is ~10x slower); both extractors are
 * timed on that sample for the speed ratio. */
const SAMPLE_EVERY = 4;
/** Pages extracted before the growth run's baseline is taken, so JIT and lazy tables are loaded. */
const GROWTH_WARMUP = 1_000;

interface Page {
  set: string;
  html: string;
}

async function loadPages(): Promise<Page[]> {
  const pages: Page[] = [];
  const sets: Array<[string, string]> = [
    ['trafilatura-eval', 'extraction/trafilatura-eval/html'],
    ['htmldate-eval', 'extraction/htmldate-eval/html'],
    ['wcxb-dev', 'extraction/wcxb-dev/html'],
  ];
  for (const [set, folder] of sets) {
    for (const name of (await readdir(dataPath(folder))).sort()) pages.push({ set, html: await readText(dataPath(folder, name)) });
  }
  const readability = dataPath('extraction/readability-test-pages');
  for (const name of (await readdir(readability)).sort()) {
    const file = ['source.html.gz', 'source.html'].map((f) => join(readability, name, f)).find((p) => existsSync(p));
    if (file) pages.push({ set: 'readability-test-pages', html: await readText(file) });
  }
  return pages;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

const mb = (bytes: number) => bytes / 2 ** 20;

export async function runExtractBench(): Promise<BenchSection> {
  if (!hasData('extraction')) return { suite: 'extract', title: 'Extraction speed (issue 3)', body: `skipped: no data under ${dataPath('extraction')}` };
  const pages = await loadPages();
  const bytes = pages.reduce((n, p) => n + Buffer.byteLength(p.html), 0);

  // Warm-up of both extractors on a slice, outside the measured runs.
  for (const page of pages.slice(0, 50)) {
    try { extractArticle({ input: 'warm', kind: 'html', content: page.html }); } catch { /* counted below */ }
  }
  let peakRss = process.memoryUsage().rss;
  let slowest = 0;
  let failed = 0;
  const t0 = performance.now();
  for (const page of pages) {
    const s = performance.now();
    try {
      extractArticle({ input: page.set, kind: 'html', content: page.html });
    } catch {
      failed++;
    }
    slowest = Math.max(slowest, performance.now() - s);
  }
  const ours = (performance.now() - t0) / 1000;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);

  const sample = pages.filter((_, i) => i % SAMPLE_EVERY === 0);
  const sampleBytes = sample.reduce((n, p) => n + Buffer.byteLength(p.html), 0);
  const t1 = performance.now();
  for (const page of sample) {
    try {
      extractArticle({ input: page.set, kind: 'html', content: page.html });
    } catch { /* counted above */ }
  }
  const oursOnSample = (performance.now() - t1) / 1000;
  const t2 = performance.now();
  let readabilityFailed = 0;
  for (const page of sample) {
    try {
      const { document } = parseHTML(page.html);
      new Readability(document as unknown as Document).parse();
    } catch {
      readabilityFailed++;
    }
  }
  const theirs = (performance.now() - t2) / 1000;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);

  // Memory growth: extract GROWTH_PAGES pages (cycling the set) and compare RSS after the warm-up with the end.
  gc();
  let baseline = 0;
  for (let i = 0; i < GROWTH_PAGES; i++) {
    if (i === GROWTH_WARMUP) {
      gc();
      baseline = process.memoryUsage().rss;
    }
    try {
      extractArticle({ input: 'growth', kind: 'html', content: pages[i % pages.length].html });
    } catch { /* failures counted in the first run */ }
    if (i % 500 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  gc();
  const growth = process.memoryUsage().rss - baseline;

  const n = pages.length;
  const rows = [
    '| extractor | pages | seconds | pages/s | MB/s | failed |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    `| crosscheck | ${n} | ${ours.toFixed(2)} | ${(n / ours).toFixed(0)} | ${(mb(bytes) / ours).toFixed(1)} | ${failed} |`,
    `| crosscheck, sample (every ${SAMPLE_EVERY}th page) | ${sample.length} | ${oursOnSample.toFixed(2)} | ${(sample.length / oursOnSample).toFixed(0)} | ${(mb(sampleBytes) / oursOnSample).toFixed(1)} | |`,
    `| Readability.js 0.6 + linkedom, same sample | ${sample.length} | ${theirs.toFixed(2)} | ${(sample.length / theirs).toFixed(0)} | ${(mb(sampleBytes) / theirs).toFixed(1)} | ${readabilityFailed} |`,
  ].join('\n');
  const gcNote = (globalThis as { gc?: unknown }).gc ? '' : ' (run without --expose-gc: figures include garbage not yet collected)';
  const body = `${rows}

- Speed-up over Readability.js + linkedom on the same sample in the same run: **${(theirs / oursOnSample).toFixed(1)}x**.
- Slowest page: ${slowest.toFixed(0)} ms (budget 1,000 ms).
- Peak RSS: ${mb(peakRss).toFixed(0)} MB (the ${n} pages, ${mb(bytes).toFixed(0)} MB of HTML, are held in memory).
- RSS growth over ${GROWTH_PAGES.toLocaleString('en-US')} extractions (after ${GROWTH_WARMUP.toLocaleString('en-US')} warm-up pages): ${mb(growth).toFixed(1)} MB${gcNote}.

Pages: every HTML page of trafilatura-eval, htmldate-eval, wcxb-dev and readability-test-pages (../shared/data/extraction), in one process, one thread; "failed" counts pages where no article text was found (crosscheck) or the parser threw (Readability).`;
  return { suite: 'extract', title: 'Extraction speed (issue 3)', body };
}
