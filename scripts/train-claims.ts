/**
 * Trains the attribution models (src/annotate/claims-model.ts) on PolNeAR train and writes
 * models/claims-polnear.bin. Prints dev scores after each epoch (eval/claims.ts matching).
 *
 *   npx tsx scripts/train-claims.ts [--epochs N] [--out models/claims-polnear.bin]
 *
 * The data is read from ../shared/data (or $CROSSCHECK_DATA); nothing of it is copied into the model but
 * hashed feature weights and the cue lexicon (words and phrases that mark attributions).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_CLAIMS_MODEL_PATH, findAttributions } from '../src/annotate/claims-attribution.ts';
import { CUE_THRESHOLD_CANDIDATES, MIN_CUE_PHRASE_COUNT, MIN_CUE_WORD_COUNT, MIN_CUE_WORD_RATIO, TRAINING_EPOCHS } from '../src/annotate/claims-constants.ts';
import {
  LABEL_CONTENT,
  LABEL_O,
  LABEL_SOURCE,
  CUE_FEATURE_COUNT,
  PerceptronTrainer,
  SPAN_FEATURE_COUNT,
  SPAN_LABELS,
  cueFeatures,
  cueFrame,
  cuePhraseTable,
  serializeClaimsModel,
  spanFeatures,
  tokenContext,
  type ClaimsModel,
  type TokenContext,
} from '../src/annotate/claims-model.ts';
import { analyzeText, type AnalyzedText } from '../src/annotate/text.ts';
import { asPredicted, emptyTally, overlapScore, readPolnear, scoreDocument, type Fragment, type PolnearDoc } from '../eval/claims.ts';
import { prf } from '../eval/metrics.ts';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const epochs = Number(option('--epochs') ?? TRAINING_EPOCHS);
const out = resolve(option('--out') ?? DEFAULT_CLAIMS_MODEL_PATH);

interface Prepared {
  doc: AnalyzedText;
  ctx: TokenContext;
  /** Per token: inside a gold cue. */
  cueGold: Uint8Array;
  /** Gold attributions as token data: cue run, per-token labels over the cue's sentence. */
  frames: Array<{ first: number; last: number; labels: Uint8Array }>;
}

/** Tokens whose span overlaps any of the fragments. */
function tokensIn(doc: AnalyzedText, fragments: Fragment[]): number[] {
  const out: number[] = [];
  for (let k = 0; k < doc.tokens.length; k++) {
    const t = doc.tokens[k]!;
    if (fragments.some((f) => t.start < f.end && f.start < t.end)) out.push(k);
  }
  return out;
}

function prepare(gold: PolnearDoc): Prepared {
  const doc = analyzeText(gold.text);
  const ctx = tokenContext(doc);
  const cueGold = new Uint8Array(doc.tokens.length);
  const frames: Prepared['frames'] = [];
  for (const a of gold.attributions) {
    const cue = tokensIn(doc, a.cue.slice(0, 1));
    if (cue.length === 0) continue;
    for (const k of cue) cueGold[k] = 1;
    const first = cue[0]!;
    let last = first;
    while (cue.includes(last + 1) && doc.tokens[last + 1]!.sentence === doc.tokens[first]!.sentence) last++;
    const sentence = doc.sentences[doc.tokens[first]!.sentence]!;
    const labels = new Uint8Array(sentence.endToken - sentence.firstToken);
    const source = new Set(tokensIn(doc, a.source));
    const content = new Set(tokensIn(doc, a.content));
    for (let k = sentence.firstToken; k < sentence.endToken; k++) {
      labels[k - sentence.firstToken] = source.has(k) ? LABEL_SOURCE : content.has(k) ? LABEL_CONTENT : LABEL_O;
    }
    frames.push({ first, last, labels });
  }
  return { doc, ctx, cueGold, frames };
}

const train = readPolnear('train').map(prepare);
const dev = readPolnear('dev');
process.stderr.write(`train: ${train.length} documents, ${train.reduce((s, d) => s + d.frames.length, 0)} attributions\n`);

// Cue lexicon: words often inside a cue, and the multi-word cues seen often enough.
const inCue = new Map<string, number>();
const total = new Map<string, number>();
const phrases = new Map<string, number>();
for (const p of train) {
  p.ctx.lower.forEach((w, k) => {
    total.set(w, (total.get(w) ?? 0) + 1);
    if (p.cueGold[k]) inCue.set(w, (inCue.get(w) ?? 0) + 1);
  });
  for (const f of p.frames) {
    if (f.last > f.first) {
      const phrase = p.ctx.lower.slice(f.first, f.last + 1).join(' ');
      phrases.set(phrase, (phrases.get(phrase) ?? 0) + 1);
    }
  }
}
const cueWords = new Set([...inCue].filter(([w, n]) => n >= MIN_CUE_WORD_COUNT && n / total.get(w)! >= MIN_CUE_WORD_RATIO).map(([w]) => w));
const cuePhrases = [...phrases].filter(([, n]) => n >= MIN_CUE_PHRASE_COUNT).map(([p]) => p);
process.stderr.write(`cue lexicon: ${cueWords.size} words, ${cuePhrases.length} phrases\n`);

const cueTrainer = new PerceptronTrainer(2);
const spanTrainer = new PerceptronTrainer(SPAN_LABELS);
const cueBuffer = new Int32Array(CUE_FEATURE_COUNT);
const spanBuffer = new Int32Array(SPAN_FEATURE_COUNT);
const order = train.map((_, i) => i);
let seed = 7;
const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);

function evaluate(model: ClaimsModel): { text: string; source: number } {
  const tally = emptyTally();
  for (const d of dev) scoreDocument(d.text, d.attributions, findAttributions(analyzeText(d.text), model).map(asPredicted), tally);
  const source = prf(tally.sourceTp, tally.sourceFp, tally.sourceFn);
  const f = (x: { precision: number; recall: number; f1: number }) => `${x.f1.toFixed(3)} (P ${x.precision.toFixed(3)} R ${x.recall.toFixed(3)})`;
  return { text: `source ${f(source)} cue ${f(overlapScore(tally.cue))} content ${f(overlapScore(tally.content))}`, source: source.f1 };
}

let model: ClaimsModel | null = null;
for (let epoch = 1; epoch <= epochs; epoch++) {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  let cueErrors = 0;
  let spanErrors = 0;
  for (const index of order) {
    const { doc, ctx, cueGold, frames } = train[index]!;
    for (const sentence of doc.sentences) {
      for (let k = sentence.firstToken; k < sentence.endToken; k++) {
        if (!cueWords.has(ctx.lower[k]!)) continue;
        if (cueTrainer.learn(cueBuffer, cueFeatures(ctx, k, sentence.firstToken, sentence.endToken, cueBuffer), cueGold[k]!) !== cueGold[k]) cueErrors++;
      }
    }
    for (const f of frames) {
      const sentence = doc.sentences[doc.tokens[f.first]!.sentence]!;
      const frame = cueFrame(ctx, f.first, f.last, sentence.firstToken, sentence.endToken, cueGold);
      let previous = LABEL_O;
      for (let k = sentence.firstToken; k < sentence.endToken; k++) {
        if (k >= f.first && k <= f.last) {
          previous = LABEL_O;
          continue;
        }
        const gold = f.labels[k - sentence.firstToken]!;
        // Teacher forcing: the gold previous label, as the greedy decoder sees its own.
        if (spanTrainer.learn(spanBuffer, spanFeatures(ctx, frame, k, previous, spanBuffer), gold) !== gold) spanErrors++;
        previous = gold;
      }
    }
  }
  model = { cue: cueTrainer.averaged(), span: spanTrainer.averaged(), cueWords, cuePhrases: cuePhraseTable(cuePhrases), cueThreshold: 0 };
  process.stderr.write(`epoch ${epoch}: cue errors ${cueErrors}, span errors ${spanErrors}; dev ${evaluate(model).text}\n`);
}
// The cue decision threshold: the perceptron's zero favours precision on this skewed task (most lexicon
// words are not cues); pick the margin with the best dev source F1.
if (model) {
  let best = { threshold: 0, source: -1 };
  for (const threshold of CUE_THRESHOLD_CANDIDATES) {
    const result = evaluate({ ...model, cueThreshold: threshold });
    process.stderr.write(`cue threshold ${threshold}: ${result.text}\n`);
    if (result.source > best.source) best = { threshold, source: result.source };
  }
  model = { ...model, cueThreshold: best.threshold };
}
if (model) {
  const bytes = serializeClaimsModel(model);
  writeFileSync(out, bytes);
  process.stderr.write(`wrote ${out} (${(bytes.length / 1024).toFixed(0)} KB)\n`);
}
