/**
 * Trains the attribution models (src/annotate/claims-model.ts, claims-source-model.ts) on PolNeAR train
 * and writes models/claims-polnear.bin (to a temporary file renamed into place). Prints dev scores after
 * each epoch (eval/claims.ts matching), with the model's own cues and with the gold cues (which isolates
 * the source and content models).
 *
 *   npx tsx scripts/train-claims.ts [--epochs N] [--out models/claims-polnear.bin]
 *
 * The data is read from ../shared/data (or $CROSSCHECK_DATA); nothing of it is copied into the model but
 * hashed feature weights and the cue lexicon (words that head or accompany attribution cues).
 */
import { renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_CLAIMS_MODEL_PATH, findAttributions, type CueSpan } from '../src/annotate/claims-attribution.ts';
import {
  CUE_ENSEMBLE,
  CUE_THRESHOLD_CANDIDATES,
  SOURCE_ENSEMBLE,
  MIN_CUE_EDGE_COUNT,
  MIN_CUE_EDGE_RATIO,
  MIN_CUE_HEAD_COUNT,
  MIN_CUE_HEAD_RATIO,
  THRESHOLD_HOLDOUT_EVERY,
  TRAINING_EPOCHS,
} from '../src/annotate/claims-constants.ts';
import {
  CONTENT_FEATURE_COUNT,
  CONTENT_LABELS,
  CUE_FEATURE_COUNT,
  HashedLinear,
  LABEL_CONTENT,
  LABEL_O,
  PerceptronTrainer,
  WordHashSet,
  contentFeatures,
  contentFrame,
  cueFeatures,
  cueStemSet,
  isCueCandidate,
  serializeClaimsModel,
  tokenContext,
  type ClaimsModel,
  type TokenContext,
} from '../src/annotate/claims-model.ts';
import { SOURCE_FEATURE_CAPACITY, SourceScratch, bestSource, isCandidate, sourceFeatures, type SourceFrame, type SourceSpan } from '../src/annotate/claims-source-model.ts';
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

interface GoldFrame {
  cue: CueSpan;
  /** Gold source tokens ({-1, -1} when the attribution has none), or null when it lies outside the sentence. */
  source: SourceSpan | null;
  /** Per token of the cue's sentence: LABEL_CONTENT or LABEL_O. */
  content: Uint8Array;
}

interface Prepared {
  gold: PolnearDoc;
  doc: AnalyzedText;
  ctx: TokenContext;
  /** Per token: inside a gold cue. */
  inCue: Uint8Array;
  frames: GoldFrame[];
  /** Prefix counts of gold cue tokens (the source model's "other cue inside" feature). */
  cueBefore: Int32Array;
}

/** Tokens whose span overlaps any of the fragments. */
function tokensIn(doc: AnalyzedText, fragments: Fragment[]): number[] {
  const found: number[] = [];
  for (let k = 0; k < doc.tokens.length; k++) {
    const t = doc.tokens[k]!;
    if (fragments.some((f) => t.start < f.end && f.start < t.end)) found.push(k);
  }
  return found;
}

function prepare(gold: PolnearDoc): Prepared {
  const doc = analyzeText(gold.text);
  const ctx = tokenContext(doc);
  const inCue = new Uint8Array(doc.tokens.length);
  for (const a of gold.attributions) for (const k of tokensIn(doc, a.cue)) inCue[k] = 1;
  const cueBefore = new Int32Array(doc.tokens.length + 1);
  for (let k = 0; k < doc.tokens.length; k++) cueBefore[k + 1] = cueBefore[k]! + inCue[k]!;
  return { gold, doc, ctx, inCue, frames: [], cueBefore };
}

const train = readPolnear('train').map(prepare);
const dev = readPolnear('dev').map(prepare);

/** The cue lexicon of a set of training documents, and per document its gold cue heads. */
interface Lexicon {
  cueWords: Set<string>;
  cueLeft: Set<string>;
  cueRight: Set<string>;
}

/** How often each word is part of a cue: the head of a gold cue is its most cue-like word. */
function cueRatios(docs: Prepared[]): (w: string) => number {
  const total = new Map<string, number>();
  const inCueCount = new Map<string, number>();
  for (const p of docs) {
    p.ctx.lower.forEach((w, k) => {
      total.set(w, (total.get(w) ?? 0) + 1);
      if (p.inCue[k]) inCueCount.set(w, (inCueCount.get(w) ?? 0) + 1);
    });
  }
  return (w: string) => (inCueCount.get(w) ?? 0) / (total.get(w) ?? 1);
}
const cueRatio = cueRatios(train);

function goldFrames(p: Prepared): void {
  const { doc, gold } = p;
  for (const a of gold.attributions) {
    const cueTokens = tokensIn(doc, a.cue.slice(0, 1));
    if (cueTokens.length === 0) continue;
    const first = cueTokens[0]!;
    const sentenceIndex = doc.tokens[first]!.sentence;
    let last = first;
    while (cueTokens.includes(last + 1) && doc.tokens[last + 1]!.sentence === sentenceIndex) last++;
    let head = first;
    for (let k = first; k <= last; k++) if (cueRatio(p.ctx.lower[k]!) > cueRatio(p.ctx.lower[head]!)) head = k;
    const sentence = doc.sentences[sentenceIndex]!;
    const sourceTokens = tokensIn(doc, a.source);
    let source: SourceSpan | null = { first: -1, last: -1 };
    if (sourceTokens.length > 0) {
      const s = { first: sourceTokens[0]!, last: sourceTokens[sourceTokens.length - 1]! };
      source = s.first >= sentence.firstToken && s.last < sentence.endToken ? s : null;
    }
    const contentTokens = new Set(tokensIn(doc, a.content));
    const content = new Uint8Array(sentence.endToken - sentence.firstToken);
    for (let k = sentence.firstToken; k < sentence.endToken; k++) content[k - sentence.firstToken] = contentTokens.has(k) ? LABEL_CONTENT : LABEL_O;
    p.frames.push({ cue: { first, last, head }, source, content });
  }
}
for (const p of train) goldFrames(p);
for (const p of dev) goldFrames(p);
process.stderr.write(`train: ${train.length} documents, ${train.reduce((s, d) => s + d.frames.length, 0)} attributions\n`);

/** Cue lexicon: words that head cues often enough, and the words cues carry beside their heads. */
function buildLexicon(docs: Prepared[]): Lexicon {
  const total = new Map<string, number>();
  for (const p of docs) for (const w of p.ctx.lower) total.set(w, (total.get(w) ?? 0) + 1);
  const headCount = new Map<string, number>();
  for (const p of docs) {
    for (const f of p.frames) {
      const w = p.ctx.lower[f.cue.head]!;
      headCount.set(w, (headCount.get(w) ?? 0) + 1);
    }
  }
  const cueWords = new Set([...headCount].filter(([w, n]) => n >= MIN_CUE_HEAD_COUNT && n / total.get(w)! >= MIN_CUE_HEAD_RATIO).map(([w]) => w));
  // Edge words are counted alone ("has", "also": beside any head) and as "<head> <word>" pairs for the word
  // right beside the head ("according to": "to" joins "according", not "said").
  const edgeIn = [new Map<string, number>(), new Map<string, number>()];
  const edgeSeen = [new Map<string, number>(), new Map<string, number>()];
  const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const p of docs) {
    for (const f of p.frames) {
      const sentence = p.doc.tokens[f.cue.head]!.sentence;
      const headWord = p.ctx.lower[f.cue.head]!;
      for (const [side, step] of [[0, -1], [1, 1]] as const) {
        for (let k = f.cue.head + step; k >= 0 && k < p.doc.tokens.length && p.doc.tokens[k]!.sentence === sentence; k += step) {
          if (p.ctx.gapBefore[step < 0 ? k + 1 : k] !== 0) break;
          const w = p.ctx.lower[k]!;
          const adjacent = k === f.cue.head + step;
          count(edgeSeen[side]!, w);
          if (adjacent) count(edgeSeen[side]!, `${headWord} ${w}`);
          if (!p.inCue[k]) break;
          count(edgeIn[side]!, w);
          if (adjacent) count(edgeIn[side]!, `${headWord} ${w}`);
        }
      }
    }
  }
  const edgeWords = (side: number) =>
    new Set([...edgeIn[side]!].filter(([w, n]) => n >= MIN_CUE_EDGE_COUNT && n / edgeSeen[side]!.get(w)! >= MIN_CUE_EDGE_RATIO).map(([w]) => w));
  return { cueWords, cueLeft: edgeWords(0), cueRight: edgeWords(1) };
}

function evaluate(docs: Prepared[], model: ClaimsModel, goldCues: boolean): { text: string; source: number } {
  const tally = emptyTally();
  for (const d of docs) {
    const cues = goldCues ? d.frames.map((f) => f.cue) : undefined;
    scoreDocument(d.gold.text, d.gold.attributions, findAttributions(d.doc, model, d.ctx, cues).map(asPredicted), tally);
  }
  const source = prf(tally.sourceTp, tally.sourceFp, tally.sourceFn);
  const f = (x: { precision: number; recall: number; f1: number }) => `${x.f1.toFixed(3)} (P ${x.precision.toFixed(3)} R ${x.recall.toFixed(3)})`;
  return { text: `source ${f(source)} cue ${f(overlapScore(tally.cue))} content ${f(overlapScore(tally.content))}`, source: source.f1 };
}

/** The mean of linear models of one shape (a bag of perceptrons). */
function averageModels(models: HashedLinear[]): HashedLinear {
  const weights = new Float32Array(models[0]!.weights.length);
  for (const model of models) for (let i = 0; i < weights.length; i++) weights[i]! += model.weights[i]! / models.length;
  return new HashedLinear(models[0]!.labels, weights);
}

/** Trains the three models on `docs` (cue threshold 0), reporting each epoch's scores on `report`. */
function trainOn(docs: Prepared[], report: { name: string; docs: Prepared[] }): ClaimsModel {
  const lexicon = buildLexicon(docs);
  const { cueWords, cueLeft, cueRight } = lexicon;
  process.stderr.write(`cue lexicon: ${cueWords.size} head words, ${cueLeft.size} left and ${cueRight.size} right edge words\n`);
  const cueWordHashes = new WordHashSet(cueWords);
  const cueStems = cueStemSet(cueWords);
  const isHead = docs.map((p) => {
    const heads = new Uint8Array(p.doc.tokens.length);
    for (const f of p.frames) heads[f.cue.head] = 1;
    return heads;
  });
  // The cue model is a bag of CUE_ENSEMBLE perceptrons, each over its own document order, averaged: the
  // order alone moved dev source F1 by up to a point.
  const cueTrainers = Array.from({ length: CUE_ENSEMBLE }, () => new PerceptronTrainer(2));
  const cueOrders = cueTrainers.map(() => docs.map((_, i) => i));
  // The source ranker is bagged the same way (SOURCE_ENSEMBLE).
  const sourceTrainers = Array.from({ length: SOURCE_ENSEMBLE }, () => new PerceptronTrainer(1));
  const sourceOrders = sourceTrainers.map(() => docs.map((_, i) => i));
  const contentTrainer = new PerceptronTrainer(CONTENT_LABELS);
  const cueBuffer = new Int32Array(CUE_FEATURE_COUNT);
  const contentBuffer = new Int32Array(CONTENT_FEATURE_COUNT);
  const goldBuffer = new Int32Array(SOURCE_FEATURE_CAPACITY);
  const guessBuffer = new Int32Array(SOURCE_FEATURE_CAPACITY);
  const scratch = new SourceScratch();
  const order = docs.map((_, i) => i);
  let seed = 7;
  const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  let model: ClaimsModel | null = null;
  const shuffle = (list: number[]) => {
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [list[i], list[j]] = [list[j]!, list[i]!];
    }
  };
  /** One pass of a cue trainer over one document; returns its errors. */
  const cuePass = (trainer: PerceptronTrainer, index: number): number => {
    const p = docs[index]!;
    const { doc, ctx } = p;
    const heads = isHead[index]!;
    let errors = 0;
    for (const sentence of doc.sentences) {
      for (let k = sentence.firstToken; k < sentence.endToken; k++) {
        if (!isCueCandidate(ctx, k, cueWordHashes, cueStems)) continue;
        if (p.inCue[k] && !heads[k]) continue; // a cue's other words ("has" of "has said") are neither heads nor non-cues
        if (!trainer.learnBinary(cueBuffer, cueFeatures(ctx, k, sentence.firstToken, sentence.endToken, cueBuffer), heads[k]!)) errors++;
      }
    }
    return errors;
  };
  /** One ranking step of a source trainer on a gold frame; false when it ranked wrong. */
  const sourceStep = (trainer: PerceptronTrainer, p: Prepared, f: GoldFrame): boolean => {
    const sentence = p.doc.sentences[p.doc.tokens[f.cue.first]!.sentence]!;
    const frame: SourceFrame = { ...f.cue, start: sentence.firstToken, end: sentence.endToken, cueBefore: p.cueBefore };
    if (!f.source || !isCandidate(frame, f.source)) return true;
    trainer.tick();
    const guess = bestSource(p.ctx, frame, trainer.model, scratch);
    if (guess.first === f.source.first && guess.last === f.source.last) return true;
    trainer.update(goldBuffer, sourceFeatures(p.ctx, frame, f.source, goldBuffer), 0, 1);
    trainer.update(guessBuffer, sourceFeatures(p.ctx, frame, guess, guessBuffer), 0, -1);
    return false;
  };
  for (let epoch = 1; epoch <= epochs; epoch++) {
    shuffle(order);
    for (let m = 1; m < sourceTrainers.length; m++) {
      shuffle(sourceOrders[m]!);
      for (const index of sourceOrders[m]!) for (const f of docs[index]!.frames) sourceStep(sourceTrainers[m]!, docs[index]!, f);
    }
    for (let m = 1; m < cueTrainers.length; m++) shuffle(cueOrders[m]!);
    let cueErrors = 0;
    let sourceErrors = 0;
    let contentErrors = 0;
    for (let m = 1; m < cueTrainers.length; m++) for (const index of cueOrders[m]!) cuePass(cueTrainers[m]!, index);
    for (const index of order) {
      const p = docs[index]!;
      const { doc, ctx } = p;
      cueErrors += cuePass(cueTrainers[0]!, index);
      for (const f of p.frames) {
        const sentence = doc.sentences[doc.tokens[f.cue.first]!.sentence]!;
        if (!sourceStep(sourceTrainers[0]!, p, f)) sourceErrors++;
        const source = f.source ?? { first: -1, last: -1 };
        const cframe = contentFrame(ctx, f.cue.first, f.cue.last, f.cue.head, sentence.firstToken, sentence.endToken, source.first, source.last, p.inCue);
        let previous = LABEL_O;
        for (let k = sentence.firstToken; k < sentence.endToken; k++) {
          if ((k >= f.cue.first && k <= f.cue.last) || (k >= source.first && k <= source.last)) {
            previous = LABEL_O;
            continue;
          }
          const gold = f.content[k - sentence.firstToken]!;
          // Teacher forcing: the gold previous label, as the greedy decoder sees its own.
          if (!contentTrainer.learnBinary(contentBuffer, contentFeatures(ctx, cframe, k, previous, contentBuffer), gold)) contentErrors++;
          previous = gold;
        }
      }
    }
    model = {
      cue: averageModels(cueTrainers.map((trainer) => trainer.averaged())),
      source: averageModels(sourceTrainers.map((trainer) => trainer.averaged())),
      content: contentTrainer.averaged(),
      cueWords,
      cueWordHashes,
      cueStems,
      cueLeft,
      cueRight,
      cueThreshold: 0,
    };
    process.stderr.write(`epoch ${epoch}: errors cue ${cueErrors}, source ${sourceErrors}, content ${contentErrors}\n`);
    process.stderr.write(`  ${report.name}, model cues: ${evaluate(report.docs, model, false).text}\n  ${report.name}, gold cues:  ${evaluate(report.docs, model, true).text}\n`);
  }
  return model!;
}

// The cue decision threshold, by source F1 on a held-out part of train (every THRESHOLD_HOLDOUT_EVERY-th
// document) with models trained on the rest; dev stays for measuring.
const heldOut = train.filter((_, i) => i % THRESHOLD_HOLDOUT_EVERY === 0);
const fitted = train.filter((_, i) => i % THRESHOLD_HOLDOUT_EVERY !== 0);
process.stderr.write(`threshold selection: training on ${fitted.length} train documents, scoring ${heldOut.length} held out\n`);
const partial = trainOn(fitted, { name: 'held-out train', docs: heldOut });
let best = { threshold: 0, source: -1 };
for (const threshold of CUE_THRESHOLD_CANDIDATES) {
  const result = evaluate(heldOut, { ...partial, cueThreshold: threshold }, false);
  process.stderr.write(`cue threshold ${threshold}: held-out train ${result.text}\n`);
  if (result.source > best.source) best = { threshold, source: result.source };
}
process.stderr.write(`final models: all ${train.length} train documents, cue threshold ${best.threshold}\n`);
let model: ClaimsModel | null = { ...trainOn(train, { name: 'dev', docs: dev }), cueThreshold: best.threshold };
process.stderr.write(`dev at cue threshold ${best.threshold}: ${evaluate(dev, model, false).text}\n`);
if (model) {
  const bytes = serializeClaimsModel(model);
  const temporary = `${out}.tmp-${process.pid}`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, out);
  process.stderr.write(`wrote ${out} (${(bytes.length / 1024).toFixed(0)} KB), cue threshold ${best.threshold}\n`);
}
