/**
 * The `annotate` stage: entities (with canonicals), time expressions, quantities and attributed claims
 * of one document's main text. Offsets are into `text`; every value names the rule that produced it.
 *
 * Sequence: segment once (tokens, sentences) -> recognise entity mentions -> resolve canonicals ->
 * tag times -> tag quantities (skipping the time spans) -> extract claims (reading the entities).
 * Each annotator is its own module with one entry function of a fixed type, so a trained model can
 * replace one without touching the others.
 */

import type { AnnotateContext, Annotations } from '../model.ts';
import { extractClaims } from './claims.ts';
import { recognizeEntities } from './entities.ts';
import { tagQuantities } from './quantities.ts';
import { resolveEntities } from './resolve.ts';
import { analyzeText } from './text.ts';
import { tagTimes } from './time.ts';

export { mergeCanonicals } from './resolve.ts';
export type { ClaimExtractor } from './claims.ts';
export type { EntityMention, EntityRecognizer } from './entities.ts';
export type { QuantityTagger } from './quantities.ts';
export type { TimeTagger } from './time.ts';

export function annotate(text: string, context: AnnotateContext): Annotations {
  const doc = analyzeText(text);
  const entities = resolveEntities(recognizeEntities(doc));
  const times = tagTimes(doc, context);
  const quantities = tagQuantities(doc, context, times);
  const claims = extractClaims(doc, context, entities);
  return { entities, times, quantities, claims };
}
