/**
 * `npm run eval [-- SUITE…]`: scores on the development data in ../shared/data (or $CROSSCHECK_DATA),
 * printed beside the anchors' published scores and written to docs/evaluation.md.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from './data.ts';
import { fmt } from './metrics.ts';
import { extractSuite } from './extract.ts';
import { annotateSuite } from './annotate.ts';
import { clusterSuite } from './cluster.ts';
import { claimsSuite } from './claims.ts';
import type { EvalResult, EvalSuite } from './types.ts';

const SUITES: EvalSuite[] = [extractSuite, annotateSuite, claimsSuite, clusterSuite];
const REPORT = join(REPO_ROOT, 'docs/evaluation.md');

function table(result: EvalResult): string {
  const lines = ['| measure | crosscheck | goal | met | anchors (published) | detail |', '| --- | ---: | ---: | :---: | --- | --- |'];
  for (const r of result.rows) {
    const met = r.goal === undefined ? '' : (r.lowerIsBetter ? r.ours <= r.goal : r.ours >= r.goal) ? 'yes' : 'NO';
    const value = r.lowerIsBetter ? r.ours.toFixed(0) : fmt(r.ours);
    const goal = r.goal === undefined ? '' : r.lowerIsBetter ? `<= ${r.goal}` : `>= ${r.goal}`;
    lines.push(`| ${r.measure} | ${value} | ${goal} | ${met} | ${r.anchors} | ${r.detail ?? ''} |`);
  }
  return lines.join('\n');
}

async function writeSection(suite: EvalSuite, body: string): Promise<void> {
  await mkdir(dirname(REPORT), { recursive: true });
  let doc = existsSync(REPORT)
    ? await readFile(REPORT, 'utf8')
    : '# Evaluation\n\nScores written by `npm run eval` on the development sets in ../shared/data; held-out sets are measured from outside.\n';
  const start = `<!-- eval:${suite.name} -->`;
  const end = `<!-- /eval:${suite.name} -->`;
  const block = `${start}\n## ${suite.title}\n\nMeasured ${new Date().toISOString().slice(0, 10)}.\n\n${body}\n${end}`;
  const i = doc.indexOf(start);
  const j = doc.indexOf(end);
  doc = i >= 0 && j > i ? doc.slice(0, i) + block + doc.slice(j + end.length) : `${doc.trimEnd()}\n\n${block}\n`;
  await writeFile(REPORT, doc);
}

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const suites = wanted.length === 0 ? SUITES : SUITES.filter((s) => wanted.includes(s.name));
if (suites.length === 0) {
  process.stderr.write(`eval: unknown suite ${wanted.join(', ')}; known: ${SUITES.map((s) => s.name).join(', ')}\n`);
  process.exit(2);
}
for (const suite of suites) {
  process.stderr.write(`eval: ${suite.name}…\n`);
  const t0 = Date.now();
  const result = await suite.run();
  if (result.skipped) {
    process.stdout.write(`\n## ${suite.title}\nskipped: ${result.skipped}\n`);
    continue;
  }
  const body = table(result);
  process.stdout.write(`\n## ${suite.title} (${((Date.now() - t0) / 1000).toFixed(0)} s)\n\n${body}\n`);
  await writeSection(suite, body);
}
