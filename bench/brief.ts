/**
 * Story brief speed (issue 7): the cross-check of one 50-article story, and the same story read back from the
 * embedded store and cross-checked, as the `story` command does it.
 *
 * The story is built from the demo documents (examples/demo): all 19 annotated once, then cycled to
 * BRIEF_ARTICLES articles, each copy with its own id and URL and no copy mark, so every copy is aligned as if
 * it were a separate report (harder than a real story, where copies are marked and sentences differ less).
 * Times are CPU times (user + system of this process), which other processes on a shared machine do not
 * dilute; the median of the measured runs is reported beside the slowest.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDocuments } from '../src/cli/documents.ts';
import { buildBrief } from '../src/crosscheck/index.ts';
import { openStore } from '../src/store/index.ts';
import { processDocument } from '../src/pipeline.ts';
import type { ArticleRecord, Assignment, StorySummary } from '../src/model.ts';
import type { StoredArticle } from '../src/store/types.ts';
import type { BenchSection } from './main.ts';

const DEMO = resolve(dirname(fileURLToPath(import.meta.url)), '../examples/demo/pages');
/** Articles in the benchmark story: the size the issue sets the goal for. */
export const BRIEF_ARTICLES = 50;
/** Goal: one brief of a BRIEF_ARTICLES-article story, CPU milliseconds. */
export const BRIEF_GOAL_MS = 200;
/** Runs before measuring (JIT, lazy tables) and measured runs. */
const WARMUP_RUNS = 3;
const MEASURED_RUNS = 15;

const STORY_ID = 'bench-story';

/** CPU milliseconds (user + system) spent in `fn`. */
async function cpuMs(fn: () => unknown): Promise<number> {
  const before = process.cpuUsage();
  await fn();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/** The benchmark story: demo records cycled to `n` articles, each a distinct record. */
export async function benchStory(n = BRIEF_ARTICLES): Promise<{ summary: StorySummary; articles: StoredArticle[] }> {
  const base: ArticleRecord[] = [];
  for await (const item of readDocuments([DEMO])) if ('doc' in item) base.push(processDocument(item.doc, { now: () => new Date('2025-03-20T00:00:00Z') }));
  if (base.length === 0) throw new Error(`no demo documents under ${DEMO}`);
  const articles = Array.from({ length: n }, (_, i): StoredArticle => {
    const source = base[i % base.length];
    const id = `${source.id.slice(0, 12)}-${i}`;
    const record: ArticleRecord = { ...source, id, url: `https://bench.example/${i}` };
    const assignment: Assignment = {
      id,
      story: STORY_ID,
      explanation: { score: 0.5, parts: {}, sharedTerms: [], sharedEntities: [], decision: i === 0 ? 'opened' : 'joined' },
    };
    return { record, assignment };
  });
  const outlets = [...new Set(articles.map((a) => a.record.article.outlet).filter((o): o is string => !!o))];
  return { summary: { id: STORY_ID, title: null, articles: n, outlets, first_seen: null, last_seen: null }, articles };
}

export interface BriefBenchResult {
  articles: number;
  claims: number;
  briefMedianMs: number;
  briefMaxMs: number;
  readAndBriefMedianMs: number;
  readMedianMs: number;
}

/** The measurements, without writing a report (tests and the bench suite share it). */
export async function measureBrief(n = BRIEF_ARTICLES, runs = MEASURED_RUNS): Promise<BriefBenchResult> {
  const { summary, articles } = await benchStory(n);
  let claims = 0;
  for (let i = 0; i < WARMUP_RUNS; i++) claims = buildBrief(summary, articles).claims.length;
  const brief: number[] = [];
  for (let i = 0; i < runs; i++) brief.push(await cpuMs(() => buildBrief(summary, articles)));

  const dir = await mkdtemp(join(tmpdir(), 'crosscheck-bench-brief-'));
  const read: number[] = [];
  const readAndBrief: number[] = [];
  try {
    const store = await openStore(join(dir, 'db'));
    try {
      for (const { record, assignment } of articles) await store.saveArticle(record, assignment, null);
      const stored = await store.getStorySummary(STORY_ID);
      if (!stored) throw new Error('bench: the story was not stored');
      for (let i = 0; i < WARMUP_RUNS; i++) buildBrief(stored, await store.getStoryArticles(STORY_ID));
      for (let i = 0; i < Math.max(3, Math.floor(runs / 3)); i++) {
        let fetched: StoredArticle[] = [];
        read.push(await cpuMs(async () => (fetched = await store.getStoryArticles(STORY_ID))));
        readAndBrief.push(read[read.length - 1] + (await cpuMs(() => buildBrief(stored, fetched))));
      }
    } finally {
      await store.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return {
    articles: n,
    claims,
    briefMedianMs: median(brief),
    briefMaxMs: Math.max(...brief),
    readAndBriefMedianMs: median(readAndBrief),
    readMedianMs: median(read),
  };
}

export async function runBriefBench(): Promise<BenchSection> {
  const r = await measureBrief();
  const met = r.briefMedianMs < BRIEF_GOAL_MS ? 'yes' : 'no';
  const body = [
    '| measure | CPU ms (median) | CPU ms (slowest) | goal | met |',
    '| --- | ---: | ---: | ---: | :---: |',
    `| cross-check of a ${r.articles}-article story (buildBrief) | ${r.briefMedianMs.toFixed(1)} | ${r.briefMaxMs.toFixed(1)} | < ${BRIEF_GOAL_MS} | ${met} |`,
    `| read the story from the embedded store | ${r.readMedianMs.toFixed(1)} |  |  |  |`,
    `| read + cross-check (the \`story\` command's work) | ${r.readAndBriefMedianMs.toFixed(1)} |  |  |  |`,
    '',
    `Story: the 19 demo documents cycled to ${r.articles} articles, every copy a distinct, unmarked record (${r.claims} claims in the brief). ` +
      `CPU time of this process (user + system), median of ${MEASURED_RUNS} runs after ${WARMUP_RUNS} warm-up runs.`,
  ].join('\n');
  return { suite: 'brief', title: 'Story brief (issue 7)', body };
}
