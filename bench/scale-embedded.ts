/**
 * One embedded-store run of `npm run bench -- scale` in a process of its own (bench/scale.ts spawns it):
 * `node --import tsx bench/scale-embedded.ts THREADS DOCS` prints the run's figures as one JSON line.
 */
import { demoSources, embeddedRun, syntheticPage } from './scale.ts';

const [threads, docs] = process.argv.slice(2).map(Number);
if (!Number.isInteger(threads) || threads < 1 || !Number.isInteger(docs) || docs < 1) {
  process.stderr.write('usage: node --import tsx bench/scale-embedded.ts THREADS DOCS\n');
  process.exit(2);
}
const sources = await demoSources();
const pages = Array.from({ length: docs }, (_, i) => syntheticPage(sources, i));
process.stdout.write(`${JSON.stringify(await embeddedRun(pages, threads))}\n`);
