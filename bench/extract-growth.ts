/**
 * The memory-growth run of the extract bench, in a child process of its own (bench/extract.ts starts it):
 * `node --expose-gc --import tsx bench/extract-growth.ts WARMUP PAGES PATH...`. Each extraction reads its page
 * from disk and drops it, so the corpus is never resident and the RSS figure is the extractor's own. After
 * WARMUP extractions (JIT, lazy tables, the caches filled) and two full collections the baseline is taken;
 * PAGES extractions later (the paths cycled), two more collections and the end figures. Prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { extractArticle } from '../src/extract/index.ts';

export interface GrowthResult {
  pages: number;
  warmup: number;
  rssBaseline: number;
  rssEnd: number;
  rssPeak: number;
  heapBaseline: number;
  heapEnd: number;
  /** Whether the child could force collections (`--expose-gc`): without it the figures include garbage. */
  gcExposed: boolean;
}

/** Extractions between two RSS samples for the peak figure. */
const PEAK_SAMPLE_EVERY = 250;

function readPage(path: string): string {
  const bytes = readFileSync(path);
  return (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

function fullGc(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  // Twice: the first collection's finalisers and weak references free more on the second.
  gc?.();
  gc?.();
}

function extractOne(path: string): void {
  try {
    extractArticle({ input: 'growth', kind: 'html', content: readPage(path) });
  } catch {
    /* failures are counted by the speed run */
  }
}

function main(): void {
  const [warmupArg, pagesArg, ...paths] = process.argv.slice(2);
  const warmup = Number(warmupArg);
  const pages = Number(pagesArg);
  if (!(paths.length > 0 && warmup >= 0 && pages > 0)) throw new Error('usage: extract-growth.ts WARMUP PAGES PATH...');
  for (let i = 0; i < warmup; i++) extractOne(paths[i % paths.length]);
  fullGc();
  const baseline = process.memoryUsage();
  let rssPeak = baseline.rss;
  for (let i = 0; i < pages; i++) {
    extractOne(paths[(warmup + i) % paths.length]);
    if (i % PEAK_SAMPLE_EVERY === 0) rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }
  fullGc();
  const end = process.memoryUsage();
  const result: GrowthResult = {
    pages, warmup, rssBaseline: baseline.rss, rssEnd: end.rss, rssPeak: Math.max(rssPeak, end.rss),
    heapBaseline: baseline.heapUsed, heapEnd: end.heapUsed, gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function',
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main();
