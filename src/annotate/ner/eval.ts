/**
 * CoNLL-2003 reading and conlleval-style scoring: an entity counts only when its exact token span and its
 * type both match the gold one; precision, recall and F1 over entities, overall and per type.
 */

import { readFileSync } from 'node:fs';
import { CONLL_TYPES, type ConllType } from './constants.ts';
import type { NerModel, TokenSpan } from './model.ts';

export interface ConllSentence {
  words: string[];
  /** NER tags as in the file (IOB1 or IOB2: `B-PER`, `I-ORG`, `O`). */
  tags: string[];
}

export interface ConllDocument {
  sentences: ConllSentence[];
}

export interface Score {
  precision: number;
  recall: number;
  f1: number;
  /** Gold entities. */
  support: number;
}

export interface ConllEvaluation extends Score {
  perType: Record<ConllType, Score>;
  tokens: number;
  /** Wall time of tagging alone (features + Viterbi), in milliseconds. */
  taggingMs: number;
}

/** Reads a CoNLL file (token POS chunk NER per line), splitting documents at -DOCSTART- lines. */
export function readConll(path: string): ConllDocument[] {
  const documents: ConllDocument[] = [];
  let doc: ConllDocument = { sentences: [] };
  let sentence: ConllSentence = { words: [], tags: [] };
  const flushSentence = (): void => {
    if (sentence.words.length > 0) doc.sentences.push(sentence);
    sentence = { words: [], tags: [] };
  };
  const flushDocument = (): void => {
    flushSentence();
    if (doc.sentences.length > 0) documents.push(doc);
    doc = { sentences: [] };
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '') {
      flushSentence();
      continue;
    }
    const fields = trimmed.split(' ');
    if (fields[0] === '-DOCSTART-') {
      flushDocument();
      continue;
    }
    sentence.words.push(fields[0]);
    sentence.tags.push(fields[fields.length - 1]);
  }
  flushDocument();
  return documents;
}

/** Entities of a tag sequence, read as conlleval does (an I- after O or another type opens an entity). */
export function tagSpans(tags: readonly string[]): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let open: TokenSpan | null = null;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i];
    if (tag === 'O') {
      open = null;
      continue;
    }
    const position = tag[0];
    const type = tag.slice(2) as ConllType;
    if (open !== null && open.type === type && position === 'I') open.end = i + 1;
    else {
      open = { start: i, end: i + 1, type };
      spans.push(open);
    }
  }
  return spans;
}

function score(correct: number, predicted: number, gold: number): Score {
  const precision = predicted === 0 ? 0 : correct / predicted;
  const recall = gold === 0 ? 0 : correct / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, support: gold };
}

/** Scores `model` on already-read documents. */
export function evaluateDocuments(documents: readonly ConllDocument[], model: NerModel): ConllEvaluation {
  const counts = new Map<ConllType, { correct: number; predicted: number; gold: number }>();
  for (const type of CONLL_TYPES) counts.set(type, { correct: 0, predicted: 0, gold: 0 });
  let tokens = 0;
  let taggingMs = 0;
  for (const doc of documents) {
    const words = doc.sentences.map((s) => s.words);
    const began = performance.now();
    const labels = model.tagDocument(words);
    taggingMs += performance.now() - began;
    doc.sentences.forEach((sentence, i) => {
      tokens += sentence.words.length;
      const gold = tagSpans(sentence.tags);
      const predicted = model.spans(labels[i], sentence.words.length);
      const goldKeys = new Set(gold.map((s) => `${s.start}:${s.end}:${s.type}`));
      for (const s of gold) counts.get(s.type)!.gold++;
      for (const s of predicted) {
        const c = counts.get(s.type)!;
        c.predicted++;
        if (goldKeys.has(`${s.start}:${s.end}:${s.type}`)) c.correct++;
      }
    });
  }
  let correct = 0;
  let predicted = 0;
  let gold = 0;
  const perType = {} as Record<ConllType, Score>;
  for (const type of CONLL_TYPES) {
    const c = counts.get(type)!;
    perType[type] = score(c.correct, c.predicted, c.gold);
    correct += c.correct;
    predicted += c.predicted;
    gold += c.gold;
  }
  return { ...score(correct, predicted, gold), perType, tokens, taggingMs };
}

/** Reads a CoNLL file and scores `model` on it (exact span and type). */
export function evaluateConll(path: string, model: NerModel): ConllEvaluation {
  return evaluateDocuments(readConll(path), model);
}
