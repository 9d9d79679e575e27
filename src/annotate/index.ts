/**
 * The `annotate` stage: entities (with canonicals), time expressions, quantities and attributed claims
 * of one document's main text. Offsets are into `text`; every value names the rule that produced it.
 *
 * Sequence: segment once (tokens, sentences) -> recognise entity mentions (the trained tagger refined by
 * the rules, mentions.ts) -> resolve canonicals -> tag times -> tag quantities (skipping the time spans)
 * -> extract claims (reading the entities).
 * Each annotator is its own module with one entry function of a fixed type, so a trained model can
 * replace one without touching the others.
 */

import type { AnnotateContext, Annotations } from '../model.ts';
import { extractClaims } from './claims.ts';
import { recognizeMentions } from './mentions.ts';
import { tagQuantities } from './quantities.ts';
import { resolveEntities } from './resolve.ts';
import { analyzeText } from './text.ts';
import { tagTimes } from './time.ts';

export { mergeCanonicals } from './resolve.ts';
export { recognizeMentions } from './mentions.ts';
export type { ClaimExtractor } from './claims.ts';
export type { EntityMention, EntityRecognizer } from './entities.ts';
export type { QuantityTagger } from './quantities.ts';
export type { TimeTagger } from './time.ts';

/** Per-call switches of the annotate stage. */
export interface AnnotateOptions {
  /** Extract claims (default true); the benchmark and callers that only need names and dates turn it off. */
  claims?: boolean;
}

export function annotate(text: string, context: AnnotateContext, options: AnnotateOptions = {}): Annotations {
  const doc = analyzeText(text);
  const entities = resolveEntities(recognizeMentions(doc));
  const times = tagTimes(doc, context);
  const quantities = tagQuantities(doc, context, times);
  const claims = options.claims === false ? [] : extractClaims(doc, context, entities, { times, quantities });
  return { entities, times, quantities, claims };
}
