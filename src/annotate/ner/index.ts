/**
 * Statistical named-entity recogniser: an averaged-perceptron sequence tagger trained on CoNLL-2003
 * (scripts/train-ner.ts), shipped as models/ner-conll.bin with its gazetteers and word clusters inside.
 *
 *   recognize(text) = tokenize -> split sentences -> read the document's casing -> tag each sentence
 *                     (Viterbi; the document history carries earlier tags forward) -> spans with offsets
 */

import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTRACT_TYPE, DEFAULT_MODEL_FILE, NER_RULE } from './constants.ts';
import { DocumentState, observeDocumentCasing } from './features.ts';
import { NerModel } from './model.ts';
import { splitSentences, tokenize } from './tokenize.ts';

export { NerModel } from './model.ts';
export { evaluateConll, type ConllEvaluation } from './eval.ts';
export { splitSentences, tokenize, type NerSentence, type NerToken } from './tokenize.ts';

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

/** Loads a model file once per path (the default: the committed model) and keeps it for later calls. */
export function loadNerModel(path: string = DEFAULT_MODEL_PATH): NerModel {
  const key = resolve(path);
  let model = loaded.get(key);
  if (model === undefined) {
    model = NerModel.load(key);
    loaded.set(key, model);
  }
  return model;
}

/** Named entities of `text` (one document), in text order, with offsets into `text`. */
export function recognize(text: string, model: NerModel = loadNerModel()): NerSpan[] {
  const sentences = splitSentences(text, tokenize(text));
  const words = sentences.map((sentence) => sentence.tokens.map((token) => token.text));
  const doc = new DocumentState();
  observeDocumentCasing(doc, words);
  const spans: NerSpan[] = [];
  sentences.forEach((sentence, s) => {
    const labels = model.tagSentence(words[s], doc);
    for (const span of model.spans(labels, words[s].length)) {
      const start = sentence.tokens[span.start].start;
      const end = sentence.tokens[span.end - 1].end;
      spans.push({ text: text.slice(start, end), start, end, type: CONTRACT_TYPE[span.type], rule: NER_RULE });
    }
  });
  return spans;
}
