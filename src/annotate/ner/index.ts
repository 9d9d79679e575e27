/**
 * Statistical named-entity recogniser: an averaged-perceptron sequence tagger trained on CoNLL-2003
 * (scripts/train-ner.ts), shipped as models/ner-conll.bin with its gazetteers and word clusters inside.
 *
 *   recognize(text) = tokenize (offsets only) -> split sentences -> look words up in the word table ->
 *                     read the document's casing -> tag each sentence (Viterbi; the document history
 *                     carries earlier tags forward) -> spans with offsets
 */

import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTRACT_TYPE, DEFAULT_MODEL_FILE, NER_RULE } from './constants.ts';
import { NerModel } from './model.ts';
import { TokenOffsets, scanTokens, sentenceStarts } from './tokenize.ts';

export { NerModel } from './model.ts';
export { evaluateConll, type ConllEvaluation } from './eval.ts';
export { sentenceStarts, scanTokens, splitSentences, tokenize, TokenOffsets, type NerSentence, type NerToken } from './tokenize.ts';

export type NerType = 'PERSON' | 'ORG' | 'LOC' | 'MISC';

export interface NerSpan {
  text: string;
  start: number;
  end: number;
  type: NerType;
  rule: typeof NER_RULE;
  score?: number;
}

/** The committed model, resolved from this module's folder (src/annotate/ner -> repository root). */
export const DEFAULT_MODEL_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../../..', DEFAULT_MODEL_FILE);

const loaded = new Map<string, NerModel>();
/** The committed model once loaded: recognize() asks for it per document, without resolving its path again. */
let defaultModel: NerModel | null = null;

/** Loads a model file once per path (the default: the committed model) and keeps it for later calls. */
export function loadNerModel(path: string = DEFAULT_MODEL_PATH): NerModel {
  if (path === DEFAULT_MODEL_PATH && defaultModel !== null) return defaultModel;
  const key = resolve(path);
  let model = loaded.get(key);
  if (model === undefined) {
    model = NerModel.load(key);
    loaded.set(key, model);
  }
  if (path === DEFAULT_MODEL_PATH) defaultModel = model;
  return model;
}

/** Reused token buffer: recognize() runs once per document, one call at a time. */
const offsets = new TokenOffsets();

/** Named entities of `text` (one document), in text order, with offsets into `text`. */
export function recognize(text: string, model: NerModel = loadNerModel()): NerSpan[] {
  scanTokens(text, offsets);
  const sentences = sentenceStarts(text, offsets);
  const { starts, ends } = offsets;
  const labels = model.tagText(text, starts, ends, sentences);
  const spans: NerSpan[] = [];
  for (let s = 0; s + 1 < sentences.length; s++) {
    for (const span of model.spans(labels, sentences[s + 1], sentences[s])) {
      const start = starts[span.start];
      const end = ends[span.end - 1];
      spans.push({ text: text.slice(start, end), start, end, type: CONTRACT_TYPE[span.type], rule: NER_RULE });
    }
  }
  return spans;
}
