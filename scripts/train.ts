/**
 * One entry for the training scripts: `npm run train -- <model> [options]` (package.json: "train": "tsx
 * scripts/train.ts").
 *
 *   ner      scripts/train-ner.ts      the NER tagger, models/ner-conll.bin
 *   claims   scripts/train-claims.ts   the attribution models, models/claims-polnear.bin
 *   cluster  src/cluster/train.ts      the clustering thresholds (prints them for src/cluster/model.ts)
 *
 * The remaining arguments go to the script unchanged. Each script runs in its own Node process with the tsx
 * loader, exactly as `npx tsx <script>` runs it (the scripts start themselves from their module body), and
 * this process exits with its status.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const TRAINING_SCRIPTS: Readonly<Record<string, string>> = {
  ner: 'scripts/train-ner.ts',
  claims: 'scripts/train-claims.ts',
  cluster: 'src/cluster/train.ts',
};

function usage(): string {
  const lines = Object.entries(TRAINING_SCRIPTS).map(([name, script]) => `  ${name.padEnd(8)} ${script}`);
  return `usage: npm run train -- <model> [options]\n${lines.join('\n')}\n`;
}

function main(): void {
  const [name, ...args] = process.argv.slice(2);
  if (name === undefined || name === '--help' || name === '-h') {
    process.stdout.write(usage());
    if (name === undefined) process.exitCode = 2;
    return;
  }
  const script = TRAINING_SCRIPTS[name];
  if (script === undefined) {
    process.stderr.write(`train: unknown model "${name}"\n${usage()}`);
    process.exitCode = 2;
    return;
  }
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(REPO, script), ...args], { cwd: REPO, stdio: 'inherit' });
  if (result.error) throw result.error;
  process.exitCode = result.status ?? 1;
}

main();
