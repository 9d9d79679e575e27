/**
 * Attributions of one document: cue, source and content spans, as PolNeAR annotates them (every
 * attribution, nested ones included). claims.ts turns them into claims (one per outer attribution, inner
 * sources as the relay chain); eval/claims.ts scores them.
 *
 *   tokens -> cue model on lexicon words -> cue runs (+ learned multi-word cues) -> per cue: span model
 *   tags the sentence O / SOURCE / CONTENT -> source = the SOURCE run nearest the cue -> content = the
 *   CONTENT tokens -> direct quotes continued over later sentences join the content.
 */

import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Span } from '../model.ts';
import { ALWAYS_CUES, FINAL_SOURCE_TOKENS, FORWARD_CUES as FORWARD_RULE_CUES, MAX_QUOTE_SENTENCES, MAX_SOURCE_TOKENS, PASSIVE_AUXILIARIES, PASSIVE_CUES } from './claims-constants.ts';
import {
  GAP_COMMA,
  GAP_QUOTE,
  GAP_STOP,
  LABEL_CONTENT,
  LABEL_O,
  LABEL_SOURCE,
  CUE_FEATURE_COUNT,
  SPAN_FEATURE_COUNT,
  cueFeatures,
  cueFrame,
  loadClaimsModel,
  spanFeatures,
  tokenContext,
  type ClaimsModel,
  type TokenContext,
} from './claims-model.ts';
import type { AnalyzedText } from './text.ts';

// Imported bindings copied once: the test and CLI runner (tsx) reads imported bindings through getters,
// which costs in the per-token loops below.
const O = LABEL_O;
const SOURCE = LABEL_SOURCE;
const CONTENT = LABEL_CONTENT;
const COMMA = GAP_COMMA;
const QUOTE = GAP_QUOTE;
const STOP = GAP_STOP;

export interface Attribution {
  cue: Span;
  /** Token indices of the cue, first and last. */
  cueFirst: number;
  cueLast: number;
  source: Span | null;
  /** Token indices of the source, when there is one. */
  sourceFirst: number;
  sourceLast: number;
  /** Hull of the content parts. */
  content: Span;
  /** The content as the model tagged it: runs of CONTENT tokens (a split quote gives two). */
  contentParts: Array<{ start: number; end: number }>;
  /** Sentences (indices into doc.sentences) the attribution spans, first to last. */
  firstSentence: number;
  lastSentence: number;
  rule: string;
}

export const DEFAULT_CLAIMS_MODEL_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../../models/claims-polnear.bin');

let defaultModel: ClaimsModel | null = null;

/** The committed model, loaded once. */
export function defaultClaimsModel(): ClaimsModel {
  defaultModel ??= loadClaimsModel(DEFAULT_CLAIMS_MODEL_PATH);
  return defaultModel;
}

const span = (text: string, start: number, end: number): Span => ({ text: text.slice(start, end), start, end });

/** Marks the tokens the cue model takes for cue words; returns the per-token flags. */
function tagCues(doc: AnalyzedText, ctx: TokenContext, model: ClaimsModel): Uint8Array {
  const flags = new Uint8Array(doc.tokens.length);
  const features = new Int32Array(CUE_FEATURE_COUNT);
  for (const sentence of doc.sentences) {
    for (let k = sentence.firstToken; k < sentence.endToken; k++) {
      if (!model.cueWords.has(ctx.lower[k]!)) continue;
      const count = cueFeatures(ctx, k, sentence.firstToken, sentence.endToken, features);
      if (model.cue.margin(features, count) > model.cueThreshold) flags[k] = 1;
    }
  }
  // Rule cues the model may miss at the start of a sentence ("According to the source, ...").
  for (let k = 0; k < flags.length; k++) {
    for (const phrase of ALWAYS_CUES) {
      if (ctx.lower[k] !== phrase[0]) continue;
      let ok = k + phrase.length <= flags.length;
      for (let j = 1; ok && j < phrase.length; j++) ok = ctx.lower[k + j] === phrase[j];
      if (ok) for (let j = 0; j < phrase.length; j++) flags[k + j] = 1;
    }
  }
  // Multi-word cues learned in training ("according to", "said in a statement") take their whole phrase.
  for (let k = 0; k < flags.length; k++) {
    if (!flags[k]) continue;
    const phrases = model.cuePhrases.get(ctx.lower[k]!);
    if (!phrases) continue;
    for (const phrase of phrases) {
      let ok = k + phrase.length <= flags.length;
      for (let j = 1; ok && j < phrase.length; j++) ok = ctx.lower[k + j] === phrase[j] && doc.tokens[k + j]!.sentence === doc.tokens[k]!.sentence && (ctx.gapBefore[k + j]! & ~0) === 0;
      if (ok) {
        for (let j = 1; j < phrase.length; j++) flags[k + j] = 1;
        break;
      }
    }
  }
  return flags;
}

/** Runs of flagged tokens inside one sentence, not broken by punctuation. */
function cueRuns(doc: AnalyzedText, ctx: TokenContext, flags: Uint8Array): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (let k = 0; k < flags.length; k++) {
    if (!flags[k]) continue;
    let last = k;
    while (last + 1 < flags.length && flags[last + 1] && doc.tokens[last + 1]!.sentence === doc.tokens[k]!.sentence && ctx.gapBefore[last + 1] === 0) last++;
    // A run of adverbs alone ("formally", "reportedly") is a modifier, not a cue.
    let adverbs = true;
    for (let j = k; j <= last && adverbs; j++) adverbs = ctx.lower[j]!.endsWith('ly');
    if (!adverbs) runs.push([k, last]);
    k = last;
  }
  return runs;
}

/** Finds every attribution of the document. */
export function findAttributions(doc: AnalyzedText, model: ClaimsModel = defaultClaimsModel(), context?: TokenContext): Attribution[] {
  const { text, tokens, sentences } = doc;
  const ctx = context ?? tokenContext(doc);
  const flags = tagCues(doc, ctx, model);
  const attributions: Attribution[] = [];
  const features = new Int32Array(SPAN_FEATURE_COUNT);
  const labels: number[] = [];
  for (const [first, last] of cueRuns(doc, ctx, flags)) {
    const sentenceIndex = tokens[first]!.sentence;
    const sentence = sentences[sentenceIndex]!;
    const frame = cueFrame(ctx, first, last, sentence.firstToken, sentence.endToken, flags);
    labels.length = 0;
    let previous = O;
    for (let k = sentence.firstToken; k < sentence.endToken; k++) {
      let label = O;
      if (k < first || k > last) label = model.span.best(features, spanFeatures(ctx, frame, k, previous, features));
      labels.push(label);
      previous = label;
    }
    const labelAt = (k: number) => labels[k - sentence.firstToken]!;

    // Source: the SOURCE run nearest the cue (before it first, as most sources stand).
    let sourceFirst = -1;
    let sourceLast = -1;
    for (let k = first - 1; k >= sentence.firstToken; k--) {
      if (labelAt(k) === SOURCE) {
        sourceLast = k;
        sourceFirst = k;
        while (sourceFirst - 1 >= sentence.firstToken && labelAt(sourceFirst - 1) === SOURCE && sourceLast - sourceFirst + 1 < MAX_SOURCE_TOKENS) sourceFirst--;
        break;
      }
    }
    if (sourceFirst < 0) {
      for (let k = last + 1; k < sentence.endToken; k++) {
        if (labelAt(k) === SOURCE) {
          sourceFirst = k;
          sourceLast = k;
          while (sourceLast + 1 < sentence.endToken && labelAt(sourceLast + 1) === SOURCE && sourceLast - sourceFirst + 1 < MAX_SOURCE_TOKENS) sourceLast++;
          break;
        }
      }
    }
    // A passive cue without an agent has no source ("is believed to", "has been accused of").
    let participle = first;
    while (participle < last && PASSIVE_AUXILIARIES.has(ctx.lower[participle]!)) participle++;
    const auxiliary = participle > first ? participle - 1 : first - 1;
    const passive = auxiliary >= sentence.firstToken && PASSIVE_AUXILIARIES.has(ctx.lower[auxiliary]!) && PASSIVE_CUES.has(ctx.lower[participle]!);
    if (passive && sourceLast < first) sourceFirst = sourceLast = -1;

    // Content: runs of CONTENT tokens.
    const parts: Array<{ start: number; end: number }> = [];
    for (let k = sentence.firstToken; k < sentence.endToken; k++) {
      if (labelAt(k) !== CONTENT) continue;
      let end = k;
      while (end + 1 < sentence.endToken && labelAt(end + 1) === CONTENT) end++;
      parts.push({ start: tokens[k]!.start, end: tokens[end]!.end });
      k = end;
    }
    // Sentence-final attribution ("<clause>, the ministry said."): read by rule, which is exact for this
    // common shape and which the model, trained on long sentences, gets wrong in short ones.
    const final = finalAttribution(doc, ctx, first, last);
    if (final) {
      sourceFirst = final.sourceFirst;
      sourceLast = final.sourceLast;
      parts.length = 0;
      parts.push(final.content);
    }
    // Trailing attribution ("<clause>, the Telegraph reported"): the content is the whole clause before the
    // source, nested attributions included; the model's own parts after the cue (a split quote) stay.
    if (sourceFirst > sentence.firstToken && sourceLast < first && (ctx.gapBefore[sourceFirst]! & COMMA) !== 0 && !hasComma(ctx, sourceFirst + 1, first + 1)) {
      const clauseStart = sentence.firstToken;
      const clauseEnd = sourceFirst - 1;
      if (clauseEnd >= clauseStart) {
        const after = parts.filter((p) => p.start >= tokens[last]!.end);
        parts.length = 0;
        parts.push({ start: tokens[clauseStart]!.start, end: tokens[clauseEnd]!.end }, ...after);
      }
    }
    // "believe that <clause>": the content is the whole clause after "that", up to the next comma.
    if (parts.length > 0 && frame.thatAfter === last + 1 && frame.thatAfter + 1 < sentence.endToken) {
      const startAfterThat = tokens[frame.thatAfter + 1]!.start;
      const head = parts[0]!;
      const firstContent = tokenIndexAtOrBefore(doc, head.start + 1);
      if (head.start > startAfterThat && !hasComma(ctx, frame.thatAfter + 2, firstContent + 1)) head.start = startAfterThat;
    }
    // "according to <source>" the model left without content or source: read both by rule.
    if ((parts.length === 0 || sourceFirst < 0) && ctx.lower[first] === 'according') {
      const rule = accordingTo(doc, ctx, first, last);
      if (rule) {
        sourceFirst = rule.sourceFirst;
        sourceLast = rule.sourceLast;
        parts.length = 0;
        parts.push(rule.content);
      }
    }
    // "indicated to Reuters on Nov. 23 that ...": the content starts after "that".
    if (parts.length > 0 && frame.thatAfter >= 0 && sourceFirst < first) {
      const that = tokens[frame.thatAfter]!;
      const head = parts[0]!;
      if (head.start <= that.start && that.end < head.end && head.start >= tokens[last]!.end && frame.thatAfter + 1 < sentence.endToken) {
        head.start = tokens[frame.thatAfter + 1]!.start;
      }
    }
    if (parts.length === 0) continue; // a cue with nothing attributed is a false cue
    let lastSentence = sentenceIndex;
    const lastContentToken = tokenIndexAtOrBefore(doc, parts[parts.length - 1]!.end);
    // Direct quote running past the sentence ("X said: "A. B. C.""): follow it to the closing quote.
    if (lastContentToken >= 0 && ctx.inQuote[lastContentToken] && lastContentToken === sentence.endToken - 1) {
      for (let s = sentenceIndex + 1; s < sentences.length && s <= sentenceIndex + MAX_QUOTE_SENTENCES; s++) {
        const next = sentences[s]!;
        if (next.endToken <= next.firstToken || !ctx.inQuote[next.firstToken]) break;
        if ((ctx.gapBefore[next.firstToken]! & QUOTE) !== 0) break; // a new quotation opens: not a continuation
        if (hasParagraphBreak(text, sentences[s - 1]!.end, next.start)) break;
        let end = next.endToken - 1;
        let closed = false;
        for (let k = next.firstToken + 1; k < next.endToken; k++) {
          if (!ctx.inQuote[k]) {
            end = k - 1;
            closed = true;
            break;
          }
        }
        parts.push({ start: tokens[next.firstToken]!.start, end: tokens[end]!.end });
        lastSentence = s;
        if (closed || (ctx.gapBefore[next.endToken]! & QUOTE) !== 0) break;
      }
    }
    // Split quote ("“A,” said X. “B.”"): the quotation after the cue sentence continues the same content.
    const trailingCue = parts[0]!.end <= tokens[first]!.start && ctx.inQuote[tokenIndexAtOrBefore(doc, parts[0]!.end)] === 1;
    if (trailingCue && lastSentence === sentenceIndex) {
      for (let s = sentenceIndex + 1; s < sentences.length && s <= sentenceIndex + MAX_QUOTE_SENTENCES; s++) {
        const next = sentences[s]!;
        if (next.endToken <= next.firstToken || !ctx.inQuote[next.firstToken]) break;
        if (hasParagraphBreak(text, sentences[s - 1]!.end, next.start)) break;
        if (s === sentenceIndex + 1 && (ctx.gapBefore[next.firstToken]! & QUOTE) === 0) break;
        let k = next.firstToken;
        while (k < next.endToken && ctx.inQuote[k]) k++;
        // A cue after the closing quote makes the sentence its own attribution ("“B,” she added.").
        if (flags.subarray(k, next.endToken).some((f) => f === 1)) break;
        parts.push({ start: tokens[next.firstToken]!.start, end: tokens[k - 1]!.end });
        lastSentence = s;
        if (k < next.endToken || (ctx.gapBefore[next.endToken]! & (QUOTE | STOP)) === (QUOTE | STOP)) break;
      }
    }
    const contentStart = parts[0]!.start;
    const contentEnd = parts[parts.length - 1]!.end;
    attributions.push({
      cue: span(text, tokens[first]!.start, tokens[last]!.end),
      cueFirst: first,
      cueLast: last,
      source: sourceFirst >= 0 ? span(text, tokens[sourceFirst]!.start, tokens[sourceLast]!.end) : null,
      sourceFirst,
      sourceLast,
      content: span(text, contentStart, contentEnd),
      contentParts: parts,
      firstSentence: sentenceIndex,
      lastSentence,
      rule: passive ? 'claims.model.passive' : 'claims.model',
    });
  }
  return attributions;
}

/**
 * "<clause>, <source> <cue>." with the cue last in its sentence and a short source between a comma and
 * the cue: the source is that phrase, the content the clause before the comma.
 */
function finalAttribution(doc: AnalyzedText, ctx: TokenContext, first: number, last: number): { sourceFirst: number; sourceLast: number; content: { start: number; end: number } } | null {
  const { tokens } = doc;
  const sentence = doc.sentences[tokens[first]!.sentence]!;
  if (last !== sentence.endToken - 1 || FORWARD_RULE_CUES.has(ctx.lower[first]!)) return null;
  if ((ctx.gapBefore[first]! & (COMMA | QUOTE)) !== 0) return null;
  let sourceFirst = first - 1;
  while (sourceFirst > sentence.firstToken && (ctx.gapBefore[sourceFirst]! & COMMA) === 0 && first - sourceFirst < MAX_SOURCE_TOKENS) sourceFirst--;
  if (sourceFirst <= sentence.firstToken || (ctx.gapBefore[sourceFirst]! & COMMA) === 0) return null;
  if (first - sourceFirst > FINAL_SOURCE_TOKENS) return null;
  return { sourceFirst, sourceLast: first - 1, content: { start: tokens[sentence.firstToken]!.start, end: tokens[sourceFirst - 1]!.end } };
}

/**
 * "According to S, C." / "C, according to S.": the source runs from the cue to the next comma (or the
 * sentence end); the content is the rest of the sentence after that comma, or the clause before the cue.
 */
function accordingTo(doc: AnalyzedText, ctx: TokenContext, first: number, last: number): { sourceFirst: number; sourceLast: number; content: { start: number; end: number } } | null {
  const { tokens } = doc;
  const sentence = doc.sentences[doc.tokens[first]!.sentence]!;
  const sourceFirst = last + 1;
  if (sourceFirst >= sentence.endToken) return null;
  let sourceLast = sourceFirst;
  while (sourceLast + 1 < sentence.endToken && (ctx.gapBefore[sourceLast + 1]! & COMMA) === 0 && sourceLast - sourceFirst + 1 < MAX_SOURCE_TOKENS) sourceLast++;
  if (first > sentence.firstToken) {
    return { sourceFirst, sourceLast, content: { start: tokens[sentence.firstToken]!.start, end: tokens[first - 1]!.end } };
  }
  if (sourceLast + 1 >= sentence.endToken) return null;
  return { sourceFirst, sourceLast, content: { start: tokens[sourceLast + 1]!.start, end: tokens[sentence.endToken - 1]!.end } };
}

/** True when a comma stands before any token in [from, to). */
function hasComma(ctx: TokenContext, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if ((ctx.gapBefore[k]! & COMMA) !== 0) return true;
  return false;
}

function hasParagraphBreak(text: string, from: number, to: number): boolean {
  return text.slice(from, to).includes('\n');
}

/** Index of the last token starting before `offset` (binary search). */
function tokenIndexAtOrBefore(doc: AnalyzedText, offset: number): number {
  const { tokens } = doc;
  let lo = 0;
  let hi = tokens.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
