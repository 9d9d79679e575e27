/**
 * Evaluation on the ECB+ dev file (one JSON document per line: `doc`, `topic`, `subtopic`, `sentences`):
 * topic = story, subtopic = event. ECB+ documents carry no publish dates, so the time window plays no part.
 * Only the text is read: the file's coreference annotations (`cross_doc_instances`) are gold labels and are
 * never shown to the clusterer. The file is read at run time from the shared data folder, never copied.
 *
 * Stream orders: `file` (the file's order: documents of one topic together, its two subtopics interleaved)
 * and seeded shuffles of it (topics interleaved: harder, and closer to a live stream).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { ClusterInput } from '../model.ts';
import { bcubed, type BCubedScore } from './bcubed.ts';
import { nmi } from './nmi.ts';
import { seededRandom } from '../util/random.ts';
import { StreamClusterer, type ClusterOptions } from './stream.ts';

export interface EcbDocument {
  input: ClusterInput;
  topic: string;
  subtopic: string;
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
    const row = JSON.parse(line) as { doc: string; topic: number | string; subtopic?: string; sentences: string[] };
    const topic = String(row.topic);
    out.push({ input: { id: row.doc, title: null, text: row.sentences.join(' ') }, topic, subtopic: row.subtopic ?? topic });
  }
  return out;
}

/** Deterministic Fisher-Yates shuffle (mulberry32), so a "random" stream order is reproducible. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export interface LevelScore extends BCubedScore {
  nmi: number;
  clusters: number;
}

export interface StreamScore {
  event: LevelScore;
  story: LevelScore;
}

function level(predicted: Map<string, string>, gold: Map<string, string>): LevelScore {
  return { ...bcubed(predicted, gold), nmi: nmi(predicted, gold), clusters: new Set(predicted.values()).size };
}

/**
 * Streams the documents through a fresh clusterer: events scored against subtopics, stories (the ids the
 * `cluster` command prints, as assigned on arrival) against topics.
 */
export function evaluateStream(docs: readonly EcbDocument[], options: Partial<ClusterOptions> = {}): StreamScore {
  const clusterer = new StreamClusterer(undefined, options);
  const events = new Map<string, string>();
  const stories = new Map<string, string>();
  const topics = new Map<string, string>();
  const subtopics = new Map<string, string>();
  for (const doc of docs) {
    const assignment = clusterer.assign(doc.input);
    events.set(doc.input.id, assignment.event);
    stories.set(doc.input.id, assignment.story);
    topics.set(doc.input.id, doc.topic);
    subtopics.set(doc.input.id, doc.subtopic);
  }
  return { event: level(events, subtopics), story: level(stories, topics) };
}

function meanLevel(runs: LevelScore[]): LevelScore {
  const mean = (pick: (r: LevelScore) => number) => runs.reduce((sum, r) => sum + pick(r), 0) / runs.length;
  return {
    precision: mean((r) => r.precision),
    recall: mean((r) => r.recall),
    f1: mean((r) => r.f1),
    nmi: mean((r) => r.nmi),
    clusters: mean((r) => r.clusters),
    items: runs[0]?.items ?? 0,
  };
}

/** Mean scores over seeded shuffles of the stream. */
export function evaluateShuffled(docs: readonly EcbDocument[], options: Partial<ClusterOptions>, seeds: readonly number[]): StreamScore {
  const runs = seeds.map((seed) => evaluateStream(shuffled(docs, seed), options));
  return { event: meanLevel(runs.map((r) => r.event)), story: meanLevel(runs.map((r) => r.story)) };
}
