/**
 * `npm run bench [-- SUITE]`: throughput figures, printed and written to docs/benchmarks.md with the machine
 * and date. Each suite owns one marked section of that file, so running one suite keeps the others' figures.
 * Suites: pipeline (default): every stage and ingest into the embedded store, on a corpus built from the
 * demo documents; extract: extraction speed and memory on the dev HTML sets beside Readability.js; api: REST
 * API latency with 100k articles in the embedded store.
 */
import { cpus, totalmem, platform, release } from 'node:os';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runPipelineBench } from './pipeline.ts';
import { runAnnotateBench } from './annotate.ts';
import { runExtractBench } from './extract.ts';
import { runClusterBench } from './cluster.ts';
import { runApiBench, runLoadBench } from './api.ts';
import { runBriefBench } from './brief.ts';
import { runScaleBench } from './scale.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REPORT = join(ROOT, 'docs/benchmarks.md');

export interface BenchSection {
  suite: string;
  title: string;
  /** Markdown body: a table of figures and notes on how they were taken. */
  body: string;
}

const SUITES: Record<string, () => Promise<BenchSection>> = {
  pipeline: runPipelineBench,
  annotate: runAnnotateBench,
  extract: runExtractBench,
  cluster: runClusterBench,
  api: runApiBench,
  load: runLoadBench,
  brief: runBriefBench,
  scale: runScaleBench,
};

function machineLine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${cpu}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${platform()} ${release()}, Node ${process.version}`;
}

async function writeSection(section: BenchSection): Promise<void> {
  await mkdir(dirname(REPORT), { recursive: true });
  let doc = existsSync(REPORT)
    ? await readFile(REPORT, 'utf8')
    : '# Benchmarks\n\nFigures written by `npm run bench`; each section says the machine and date it was measured on.\n';
  const start = `<!-- bench:${section.suite} -->`;
  const end = `<!-- /bench:${section.suite} -->`;
  const block = `${start}\n## ${section.title}\n\nMeasured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machineLine()}.\n\n${section.body.trim()}\n${end}`;
  const i = doc.indexOf(start);
  const j = doc.indexOf(end);
  doc = i >= 0 && j > i ? doc.slice(0, i) + block + doc.slice(j + end.length) : `${doc.trimEnd()}\n\n${block}\n`;
  await writeFile(REPORT, doc);
}

async function main(): Promise<void> {
  const requested = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const names = requested.length === 0 ? ['pipeline'] : requested[0] === 'all' ? Object.keys(SUITES) : requested;
  for (const name of names) {
    const suite = SUITES[name];
    if (!suite) {
      process.stderr.write(`bench: unknown suite "${name}"; known: ${Object.keys(SUITES).join(', ')}, all\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`bench: running ${name}…\n`);
    const section = await suite();
    process.stdout.write(`\n${section.body}\n`);
    await writeSection(section);
    process.stderr.write(`bench: ${name} written to ${REPORT}\n`);
  }
}

await main();
