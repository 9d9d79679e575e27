/**
 * Averaged structured perceptron training (Collins 2002) for the tagger in model.ts. Documents are visited
 * in a seeded shuffle each epoch, sentences in order inside a document, so the document history features
 * see the tagger's own earlier predictions exactly as at tagging time. Averaging uses the usual
 * timestamp trick: averaged = w - (sum of t * update) / t_end.
 */

import { type ConllDocument, tagSpans } from './eval.ts';
import { DocumentState, MAX_FEATURES_PER_TOKEN, observeDocumentCasing, type HashBits, type Lexicon } from './features.ts';
import { type LabelScheme, NerModel, newHeader } from './model.ts';
import { seededRandom } from '../../util/random.ts';

export interface TrainOptions {
  epochs: number;
  scheme: LabelScheme;
  /** log2 of the weight table's row count. */
  hashBits: number;
  seed: number;
  /** Written into the model header. */
  trainedOn: string;
  /** Called after each epoch with the averaged, quantized model of that epoch. */
  onEpoch?: (epoch: number, model: NerModel) => void;
}

interface PreparedDocument {
  words: string[][];
  gold: Int32Array[];
  casing: HashBits;
}

/** Label indices of a sentence's gold entities in the model's scheme. */
function goldLabels(tags: readonly string[], labels: readonly string[], scheme: LabelScheme): Int32Array {
  const out = new Int32Array(tags.length);
  const index = (label: string): number => labels.indexOf(label);
  for (const span of tagSpans(tags)) {
    const single = span.end - span.start === 1;
    for (let i = span.start; i < span.end; i++) {
      let position = i === span.start && scheme !== 'IO' ? 'B' : 'I';
      if (scheme === 'BILOU') {
        if (single) position = 'U';
        else if (i === span.end - 1) position = 'L';
      }
      out[i] = index(`${position}-${span.type}`);
    }
  }
  return out;
}

/** Trains a tagger and returns its averaged, Int16-quantized model (the last epoch's). */
export function trainTagger(documents: readonly ConllDocument[], lexicon: Lexicon, options: TrainOptions): NerModel {
  const header = newHeader(options.scheme, options.hashBits);
  const L = header.labels.length;
  const size = (1 << options.hashBits) * L;
  const weights = new Float32Array(size);
  const totals = new Float64Array(size);
  const transitions = new Float32Array((L + 1) * L);
  const transitionTotals = new Float64Array((L + 1) * L);
  const model = new NerModel(header, weights, transitions, lexicon);
  const prepared: PreparedDocument[] = documents.map((doc) => {
    const words = doc.sentences.map((s) => s.words);
    const state = new DocumentState();
    observeDocumentCasing(state, words);
    return { words, gold: doc.sentences.map((s) => goldLabels(s.tags, header.labels, options.scheme)), casing: state.casing };
  });
  const random = seededRandom(options.seed);
  const order = prepared.map((_, i) => i);
  let predicted = new Int32Array(256);
  let time = 1;
  let result: NerModel | null = null;
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const d of order) {
      const doc = prepared[d];
      const state = new DocumentState(doc.casing);
      doc.words.forEach((words, s) => {
        const n = words.length;
        if (predicted.length < n) predicted = new Int32Array(n * 2);
        model.tagSentence(words, state, predicted);
        const gold = doc.gold[s];
        const { features, counts } = model.features;
        for (let i = 0; i < n; i++) {
          const g = gold[i];
          const p = predicted[i];
          if (g !== p) {
            const first = i * MAX_FEATURES_PER_TOKEN;
            for (let k = first; k < first + counts[i]; k++) {
              const row = features[k] * L;
              weights[row + g] += 1;
              totals[row + g] += time;
              weights[row + p] -= 1;
              totals[row + p] -= time;
            }
          }
          const goldFrom = i > 0 ? gold[i - 1] : L;
          const predictedFrom = i > 0 ? predicted[i - 1] : L;
          if (goldFrom !== predictedFrom || g !== p) {
            transitions[goldFrom * L + g] += 1;
            transitionTotals[goldFrom * L + g] += time;
            transitions[predictedFrom * L + p] -= 1;
            transitionTotals[predictedFrom * L + p] -= time;
          }
        }
        time++;
      });
    }
    const averaged = new Float32Array(size);
    for (let k = 0; k < size; k++) averaged[k] = weights[k] - totals[k] / time;
    const averagedTransitions = new Float32Array(transitions.length);
    for (let k = 0; k < transitions.length; k++) averagedTransitions[k] = transitions[k] - transitionTotals[k] / time;
    result = NerModel.quantize(model, averaged, averagedTransitions, `${options.trainedOn}; ${epoch} epochs`);
    options.onEpoch?.(epoch, result);
  }
  if (result === null) throw new Error('trainTagger needs at least one epoch');
  return result;
}
