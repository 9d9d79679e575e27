/**
 * Quick grid search for the join threshold and entity weight on ECB+ dev (topic = story).
 * Run: `npx tsx src/cluster/tune-ecbplus.ts`. Prints one line per setting, best last.
 */
import { ecbPlusAvailable, ecbPlusDevPath, evaluateShuffled, evaluateStream, loadEcbPlus } from './ecbplus.ts';

const SEEDS = [1, 2, 3, 4, 5];

function main(): void {
  const file = ecbPlusDevPath();
  if (!ecbPlusAvailable(file)) {
    console.error(`ECB+ dev file not found at ${file}`);
    process.exitCode = 1;
    return;
  }
  const docs = loadEcbPlus(file);
  const results: Array<{ threshold: number; entityWeight: number; f1: number; p: number; r: number; stories: number }> = [];
  for (const entityWeight of [0, 0.15, 0.3, 0.45]) {
    for (let threshold = 0.1; threshold <= 0.301; threshold += 0.02) {
      const t = Math.round(threshold * 100) / 100;
      const score = evaluateShuffled(docs, { threshold: t, entityWeight }, SEEDS);
      results.push({ threshold: t, entityWeight, f1: score.f1, p: score.precision, r: score.recall, stories: score.stories });
      console.log(`entityWeight=${entityWeight} threshold=${t.toFixed(2)} P=${score.precision.toFixed(3)} R=${score.recall.toFixed(3)} F1=${score.f1.toFixed(3)} stories=${score.stories.toFixed(1)}`);
    }
  }
  results.sort((a, b) => a.f1 - b.f1);
  const best = results[results.length - 1];
  console.log(`best: ${JSON.stringify(best)}`);
  const fileOrder = evaluateStream(docs, { threshold: best.threshold, entityWeight: best.entityWeight });
  console.log(`file order at best: P=${fileOrder.precision.toFixed(3)} R=${fileOrder.recall.toFixed(3)} F1=${fileOrder.f1.toFixed(3)}`);
}

main();
