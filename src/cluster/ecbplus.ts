/**
 * Topic-level evaluation on the ECB+ dev file (one JSON document per line: `doc`, `topic`, `sentences`).
 * ECB+ topics are the stories; documents carry no publish dates, so the time window plays no part here.
 * The file is read at run time from the shared data folder, never copied into the project.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { ClusterInput } from '../model.ts';
import { bcubed, type BCubedScore } from './bcubed.ts';
import { StreamClusterer, type ClusterOptions } from './stream.ts';

export interface EcbDocument {
  input: ClusterInput;
  topic: string;
}

/** `$CROSSCHECK_DATA/clustering/ecbplus-dev.jsonl`, by default `<repo>/../shared/data/...`. */
export function ecbPlusDevPath(): string {
  const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const data = process.env.CROSSCHECK_DATA ?? path.join(repo, '..', 'shared', 'data');
  return path.join(data, 'clustering', 'ecbplus-dev.jsonl');
}

export function ecbPlusAvailable(file = ecbPlusDevPath()): boolean {
  return existsSync(file);
}

export function loadEcbPlus(file = ecbPlusDevPath()): EcbDocument[] {
  const out: EcbDocument[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as { doc: string; topic: number | string; sentences: string[] };
    out.push({ input: { id: row.doc, title: null, text: row.sentences.join(' ') }, topic: String(row.topic) });
  }
  return out;
}

/** Deterministic Fisher-Yates shuffle (mulberry32), so a "random" stream order is reproducible. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Streams the documents through a fresh clusterer and scores stories against topics. */
export function evaluateStream(docs: readonly EcbDocument[], options: Partial<ClusterOptions> = {}): BCubedScore & { stories: number } {
  const clusterer = new StreamClusterer(undefined, options);
  const predicted = new Map<string, string>();
  const gold = new Map<string, string>();
  for (const doc of docs) {
    predicted.set(doc.input.id, clusterer.assign(doc.input).story);
    gold.set(doc.input.id, doc.topic);
  }
  return { ...bcubed(predicted, gold), stories: new Set(predicted.values()).size };
}

/** Mean BCubed over several seeded shuffles of the stream (file order is grouped by topic: too easy). */
export function evaluateShuffled(docs: readonly EcbDocument[], options: Partial<ClusterOptions>, seeds: readonly number[]): BCubedScore & { stories: number } {
  const runs = seeds.map((seed) => evaluateStream(shuffled(docs, seed), options));
  const mean = (pick: (r: BCubedScore & { stories: number }) => number) => runs.reduce((sum, r) => sum + pick(r), 0) / runs.length;
  return { precision: mean((r) => r.precision), recall: mean((r) => r.recall), f1: mean((r) => r.f1), items: docs.length, stories: mean((r) => r.stories) };
}
