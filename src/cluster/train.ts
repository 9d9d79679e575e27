/**
 * Learns the event and story scoring models (model.ts) on ECB+ dev, and measures them by cross-validation
 * over topics. Run: `npx tsx src/cluster/train.ts [--folds 5] [--grid-step 0.25] [--no-cv]`.
 *
 * Sequence, per fold (topics split into folds; the held-out fold's topics are never seen in training):
 *   1. pairs: the training documents are streamed (file order and seeded shuffles) with teacher forcing;
 *      every (article, candidate event) and (article, candidate story) pair found through the inverted
 *      index gives one example labelled by the gold subtopic / topic.
 *   2. weights: L2-regularised logistic regression on those pairs (the `time` feature is 0 throughout ECB+,
 *      which has no publish dates; its weight is set by judgement, TIME_WEIGHT).
 *   3. thresholds: coordinate search over the event threshold (best event-level BCubed F1) then the story
 *      threshold (best story-level F1), on greedy runs over the training documents.
 *   4. held out: the fold's documents streamed alone (file order, and 5 seeded shuffles), scored.
 * Finally the same on all topics gives the constants to paste into model.ts.
 */
import { ecbPlusAvailable, ecbPlusDevPath, evaluateShuffled, evaluateStream, loadEcbPlus, shuffled, type EcbDocument, type StreamScore } from './ecbplus.ts';
import { EVENT_MODEL, STORY_MODEL, type LinearModel } from './model.ts';
import { PAIR_FEATURES, type PairFeature } from './profile.ts';
import { StreamClusterer, type ClusterOptions, type TrainingPair } from './stream.ts';

/** Logit change per window of distance; ECB+ cannot teach it (no dates). Judgement: a story a full window away needs a clearly stronger match. */
const TIME_WEIGHT = -3;
const L2 = 1e-3;
const STORY_PAIRS = process.env.STORY_PAIRS ?? 'new';
/** Features the story model may leave out (STORY_EXCLUDED=numbers,years); none by default, see model.ts. */
const STORY_EXCLUDED: PairFeature[] = (process.env.STORY_EXCLUDED ?? '').split(',').filter(Boolean) as PairFeature[];
const PAIR_SEEDS = [11, 12, 13];
const TUNE_SEEDS = [21];
const REPORT_SEEDS = [1, 2, 3, 4, 5];
/** Threshold grids: -3..3 by 0.25, or by `--grid-step` (0.5 runs the cross-validation in half the time). */
const GRID_STEP = Number(process.argv[process.argv.indexOf('--grid-step') + 1]) || 0.25;
const EVENT_GRID = range(-3, 3, GRID_STEP);
const STORY_GRID = range(-3, 3, GRID_STEP);

function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let x = from; x <= to + 1e-9; x += step) out.push(Math.round(x * 100) / 100);
  return out;
}

function pairsOf(docs: EcbDocument[]): { events: TrainingPair[]; stories: TrainingPair[] } {
  const events: TrainingPair[] = [];
  const stories: TrainingPair[] = [];
  for (const order of [docs, ...PAIR_SEEDS.map((seed) => shuffled(docs, seed))]) {
    const clusterer = new StreamClusterer();
    for (const doc of order) {
      const step = clusterer.teach(doc.input, `gold-e:${doc.subtopic}`, `gold-s:${doc.topic}`);
      events.push(...step.events);
      // The story model decides when no event matched: train it on the articles that open an event.
      if (step.eventIsNew || STORY_PAIRS === 'all') stories.push(...step.stories);
    }
  }
  return { events, stories };
}

/** Logistic regression by Newton's method (IRLS), L2 on the weights, classes weighted to equal total mass. */
function logistic(pairs: TrainingPair[], excluded: readonly PairFeature[] = []): LinearModel {
  const features = PAIR_FEATURES.filter((f) => f !== 'time' && !excluded.includes(f));
  const d = features.length + 1;
  const positives = pairs.filter((p) => p.label).length;
  const negatives = pairs.length - positives;
  const weightOf = (label: boolean) => (label ? pairs.length / (2 * Math.max(1, positives)) : pairs.length / (2 * Math.max(1, negatives)));
  const rows = pairs.map((p) => [1, ...features.map((f) => p.values[f])]);
  let beta = new Array<number>(d).fill(0);
  for (let iteration = 0; iteration < 25; iteration++) {
    const grad = new Array<number>(d).fill(0);
    const hess = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    rows.forEach((x, n) => {
      const z = x.reduce((s, v, i) => s + v * beta[i], 0);
      const p = 1 / (1 + Math.exp(-z));
      const c = weightOf(pairs[n].label);
      const err = c * (p - (pairs[n].label ? 1 : 0));
      const curv = c * p * (1 - p);
      for (let i = 0; i < d; i++) {
        grad[i] += err * x[i];
        for (let j = 0; j < d; j++) hess[i][j] += curv * x[i] * x[j];
      }
    });
    for (let i = 1; i < d; i++) {
      grad[i] += L2 * pairs.length * beta[i];
      hess[i][i] += L2 * pairs.length;
    }
    const step = solve(hess, grad);
    beta = beta.map((b, i) => b - step[i]);
    if (Math.max(...step.map(Math.abs)) < 1e-6) break;
  }
  const weights = Object.fromEntries(PAIR_FEATURES.map((f) => [f, f === 'time' ? TIME_WEIGHT : features.includes(f) ? round3(beta[features.indexOf(f) + 1]) : 0])) as Record<PairFeature, number>;
  return { bias: round3(beta[0]), weights, threshold: 0 };
}

/** Solves A x = b by Gaussian elimination with partial pivoting (A small and positive definite). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
    [m[col], m[pivot]] = [m[pivot], m[col]];
    const p = m[col][col] || 1e-12;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r][col] / p;
      for (let c = col; c <= n; c++) m[r][c] -= f * m[col][c];
    }
  }
  return m.map((row, i) => row[n] / (m[i][i] || 1e-12));
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function tuneScore(docs: EcbDocument[], options: Partial<ClusterOptions>): StreamScore {
  const runs = [evaluateStream(docs, options), ...TUNE_SEEDS.map((seed) => evaluateStream(shuffled(docs, seed), options))];
  const mean = (pick: (r: StreamScore) => number) => runs.reduce((s, r) => s + pick(r), 0) / runs.length;
  const event = { ...runs[0].event, f1: mean((r) => r.event.f1) };
  const story = { ...runs[0].story, f1: mean((r) => r.story.f1) };
  return { event, story };
}

/** Learns both models and their thresholds on `docs`. */
export function train(docs: EcbDocument[], log: (line: string) => void = () => undefined): { eventModel: LinearModel; storyModel: LinearModel } {
  const pairs = pairsOf(docs);
  const eventModel = logistic(pairs.events);
  const storyModel = logistic(pairs.stories, STORY_EXCLUDED);
  log(`  pairs: ${pairs.events.length} event (${pairs.events.filter((p) => p.label).length} same), ${pairs.stories.length} story (${pairs.stories.filter((p) => p.label).length} same)`);
  let best = -1;
  for (const t of EVENT_GRID) {
    const score = tuneScore(docs, { eventModel: { ...eventModel, threshold: t }, storyModel }).event.f1;
    if (score > best) {
      best = score;
      eventModel.threshold = t;
    }
  }
  log(`  event threshold ${eventModel.threshold}: event F1 ${best.toFixed(4)}`);
  best = -1;
  for (const t of STORY_GRID) {
    const score = tuneScore(docs, { eventModel, storyModel: { ...storyModel, threshold: t } }).story.f1;
    if (score > best) {
      best = score;
      storyModel.threshold = t;
    }
  }
  log(`  story threshold ${storyModel.threshold}: story F1 ${best.toFixed(4)}`);
  return { eventModel, storyModel };
}

function foldsOf(docs: EcbDocument[], k: number): EcbDocument[][] {
  const topics = shuffled([...new Set(docs.map((d) => d.topic))].sort(), 7);
  const foldOf = new Map(topics.map((topic, i) => [topic, i % k]));
  return Array.from({ length: k }, (_, i) => docs.filter((d) => foldOf.get(d.topic) === i));
}

function line(name: string, s: StreamScore): string {
  const f = (x: number) => x.toFixed(4);
  return `${name}: event P ${f(s.event.precision)} R ${f(s.event.recall)} F1 ${f(s.event.f1)} NMI ${f(s.event.nmi)} | story P ${f(s.story.precision)} R ${f(s.story.recall)} F1 ${f(s.story.f1)} NMI ${f(s.story.nmi)}`;
}

function main(): void {
  const file = ecbPlusDevPath();
  if (!ecbPlusAvailable(file)) {
    console.error(`ECB+ dev file not found at ${file}`);
    process.exitCode = 1;
    return;
  }
  const args = process.argv.slice(2);
  const k = Number(args[args.indexOf('--folds') + 1]) || 5;
  const docs = loadEcbPlus(file);
  console.log(line('current model.ts, all topics, file order', evaluateStream(docs, { eventModel: EVENT_MODEL, storyModel: STORY_MODEL })));
  if (!args.includes('--no-cv')) {
    const held: { file: StreamScore; shuffled: StreamScore }[] = [];
    foldsOf(docs, k).forEach((test, i) => {
      const trainDocs = docs.filter((d) => !test.includes(d));
      console.log(`fold ${i + 1}/${k}: ${new Set(test.map((d) => d.topic)).size} held-out topics, ${test.length} documents`);
      const models = train(trainDocs, console.log);
      const fileOrder = evaluateStream(test, models);
      const shuffledOrder = evaluateShuffled(test, models, REPORT_SEEDS);
      console.log(line('  held out, file order', fileOrder));
      console.log(line('  held out, 5 shuffles', shuffledOrder));
      held.push({ file: fileOrder, shuffled: shuffledOrder });
    });
    const mean = (pick: (r: { file: StreamScore; shuffled: StreamScore }) => number) => (held.reduce((s, r) => s + pick(r), 0) / held.length).toFixed(4);
    console.log(`CV mean (held-out topics): file order event F1 ${mean((r) => r.file.event.f1)} story F1 ${mean((r) => r.file.story.f1)}; shuffled event F1 ${mean((r) => r.shuffled.event.f1)} story F1 ${mean((r) => r.shuffled.story.f1)}`);
  }
  console.log('all topics:');
  const models = train(docs, console.log);
  console.log(line('all topics, file order', evaluateStream(docs, models)));
  console.log(line('all topics, 5 shuffles', evaluateShuffled(docs, models, REPORT_SEEDS)));
  console.log(`EVENT_MODEL = ${JSON.stringify(models.eventModel)}`);
  console.log(`STORY_MODEL = ${JSON.stringify(models.storyModel)}`);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() as string)) main();
