/**
 * Claims and their attribution. Sequence:
 *
 *   attributions (claims-attribution.ts: trained cue / source / content models, PolNeAR)
 *   -> relay rules: an attribution inside another's content is relayed by it ("NATO allies believe X,
 *      the Telegraph reported" = the Telegraph relaying NATO allies); "<outlet> report citing Y" = the
 *      outlet relaying Y; "<source> told <outlet>" = the source as carried by the outlet
 *   -> one claim per outer attribution, spanning its sentences (a quotation over several sentences is one
 *      claim); sources typed and resolved (claims-sources.ts: "it added" -> the ministry); the quote kind
 *      (direct / indirect / mixed) from the quotation marks around the content
 *   -> every other sentence is a claim in the reporter's own voice: source kind "document" (an empty span
 *      at the claim's start: the document names no one), cue null, rule `claims.unattributed`; a passive
 *      attribution without an agent ("is believed to") keeps its cue with `source: null` (someone unnamed
 *      said it), rule `claims.passive`
 *   -> hedges flagged (per token, claims-constants.ts word lists); each claim gets its normalised statement
 *      (events.ts).
 */

import type { AnnotateContext, Claim, ClaimSource, Entity, Quantity, SourceKind, Span, TimeExpression } from '../model.ts';
import { defaultClaimsModel, findAttributions, type Attribution } from './claims-attribution.ts';
import { WordHashFlags, WordHashSet, hashString, tokenContext, type TokenContext } from './claims-model.ts';
import * as words from './claims-constants.ts';
import { SourceMemory, typeSource } from './claims-sources.ts';
import { extractEvent } from './events.ts';
import { tokenFrom, type AnalyzedText } from './text.ts';

// Imported bindings copied once: the runner (tsx) reads imported bindings through getters, which costs in
// per-token loops.
const { ANONYMOUS_HEADS, FORWARD_CUES, HEDGE_AUXILIARIES, HEDGE_PARTICIPLES, HEDGE_RAISING_VERBS, HEDGE_WORDS, HEDGING_CUES, INSTITUTION_NOUNS, LOWER_CASE_HEDGE_WORDS, MIN_CLAIM_TOKENS, OUTLET_NOUNS, PASSIVE_AUXILIARIES, PASSIVE_CUES, PERSON_NOUNS, RELAY_CHAIN_CUES, RELAY_CUES, REPORT_NOUNS, SENTENCE_HEDGE_WORDS, SOURCE_PHRASE_WORDS, TELLING_CUES } = words;

/** What else the annotators found, for the claims' statements (times and quantities inside a claim). */
export interface ClaimInputs {
  times?: TimeExpression[];
  quantities?: Quantity[];
}

/** How the content is quoted: all inside quotation marks, none, or part ("called the plan "a disaster""). */
export type QuoteKind = 'direct' | 'indirect' | 'mixed';

/** A claim as this module makes it: attributed claims also say how their content is quoted. */
export interface AttributedClaim extends Claim {
  quote?: QuoteKind;
}

/**
 * The attribution extractor's entry point; it reads the resolved entities of the document and, when given,
 * its time and quantity annotations (for each claim's `event`).
 */
export type ClaimExtractor = (doc: AnalyzedText, context: AnnotateContext, entities: Entity[], inputs?: ClaimInputs) => AttributedClaim[];

type ViaLink = { text: string; kind: SourceKind; canonical?: string };

/** Hedge flags per token: a hedge of the content, and a hedge of the whole sentence. */
const HEDGE = 1;
const SENTENCE_HEDGE = 2;

const contains = (outer: Attribution, inner: Attribution) =>
  outer !== inner && inner.cue.start >= outer.content.start && inner.cue.end <= outer.content.end;

// The hedge word lists as flags per word hash (tokenContext's `word`): one probe per token, no string hashing.
const IN_HEDGE_WORDS = 1;
const IN_SENTENCE_HEDGE_WORDS = 2;
const IN_LOWER_CASE_HEDGE_WORDS = 4;
const IN_RAISING_VERBS = 8;
const IN_PARTICIPLES = 16;
const IN_AUXILIARIES = 32;
const HEDGE_LISTS = new WordHashFlags([
  [HEDGE_WORDS, IN_HEDGE_WORDS],
  [SENTENCE_HEDGE_WORDS, IN_SENTENCE_HEDGE_WORDS],
  [LOWER_CASE_HEDGE_WORDS, IN_LOWER_CASE_HEDGE_WORDS],
  [HEDGE_RAISING_VERBS, IN_RAISING_VERBS],
  [HEDGE_PARTICIPLES, IN_PARTICIPLES],
  [HEDGE_AUXILIARIES, IN_AUXILIARIES],
]);
const PASSIVE_CUE_HASHES = new WordHashSet(PASSIVE_CUES);
const TO_HASH = hashString('to') | 0;

/** Per-token hedge flags and their prefix counts, computed once per document. */
function hedgeCounts(doc: AnalyzedText, ctx: TokenContext): { content: Int32Array; sentence: Int32Array } {
  const { tokens } = doc;
  const word = ctx.word;
  const n = tokens.length;
  const counts = new Int32Array(2 * n + 2); // one allocation for both prefix counts
  const content = counts.subarray(0, n + 1);
  const sentence = counts.subarray(n + 1);
  let previousLists = 0;
  for (let k = 0; k < n; k++) {
    const lists = HEDGE_LISTS.get(word[k]!);
    let flags = 0;
    if (lists !== 0) {
      if (lists & IN_HEDGE_WORDS) flags |= HEDGE;
      if (lists & IN_SENTENCE_HEDGE_WORDS) flags |= SENTENCE_HEDGE;
      if (lists & IN_LOWER_CASE_HEDGE_WORDS && tokens[k]!.shape === 'lower') flags |= HEDGE;
      if (lists & (IN_RAISING_VERBS | IN_PARTICIPLES) && k + 1 < n && word[k + 1] === TO_HASH && tokens[k + 1]!.sentence === tokens[k]!.sentence) {
        if (lists & IN_RAISING_VERBS) flags |= HEDGE;
        if (lists & IN_PARTICIPLES && k > 0 && previousLists & IN_AUXILIARIES) flags |= HEDGE;
      }
    }
    content[k + 1] = content[k]! + (flags & HEDGE ? 1 : 0);
    sentence[k + 1] = sentence[k]! + (flags & SENTENCE_HEDGE ? 1 : 0);
    previousLists = lists;
  }
  return { content, sentence };
}


/** One past the last token starting before `offset`. */
function tokenTo(doc: AnalyzedText, offset: number): number {
  const { tokens } = doc;
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Characters trimmed from a content's ends: white space, quotation marks and clause punctuation. */
function isLeadingTrim(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13 || code === 34 || code === 0x201c || code === 0x2018 || code === 44 || code === 58;
}
function isTrailingTrim(code: number): boolean {
  return (
    code === 32 || code === 10 || code === 9 || code === 13 || code === 46 || code === 44 || code === 59 || code === 58 || code === 33 || code === 63 ||
    code === 34 || code === 0x201d || code === 0x2019
  );
}

function trimmedContent(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s < e && isLeadingTrim(text.charCodeAt(s))) s++;
  while (e > s && isTrailingTrim(text.charCodeAt(e - 1))) e--;
  return e > s ? { start: s, end: e } : { start, end };
}

/** Entities in text order (the resolver's order is kept when it already is). */
function inTextOrder(entities: Entity[]): Entity[] {
  for (let k = 1; k < entities.length; k++) if (entities[k]!.start < entities[k - 1]!.start) return [...entities].sort((a, b) => a.start - b.start);
  return entities;
}

export const extractClaims: ClaimExtractor = (doc, _context, entities, inputs = {}) => {
  const { text, sentences, tokens } = doc;
  const ordered = inTextOrder(entities);
  const ctx = tokenContext(doc);
  const attributions = findAttributions(doc, defaultClaimsModel(), ctx);
  const hedges = hedgeCounts(doc, ctx);
  const hedgedWithin = (from: number, to: number) => hedges.content[to]! - hedges.content[from]! > 0;
  const sentenceHedgedWithin = (from: number, to: number) => hedges.sentence[to]! - hedges.sentence[from]! > 0;
  const memory = new SourceMemory();
  const claims: AttributedClaim[] = [];
  const covered = new Uint8Array(sentences.length);

  const link = (source: ClaimSource): ViaLink => ({ text: source.text, kind: source.kind, ...(source.canonical ? { canonical: source.canonical } : {}) });
  const makeSource = (span: Span): ClaimSource => {
    const typed = typeSource(text, span, ordered, memory);
    const source: ClaimSource = { text: span.text, start: span.start, end: span.end, kind: typed.kind };
    if (typed.canonical) source.canonical = typed.canonical;
    return source;
  };

  // Attributions by the sentence of their cue, in text order.
  const bySentence = new Map<number, Attribution[]>();
  for (const a of attributions) {
    const list = bySentence.get(a.firstSentence);
    if (list) list.push(a);
    else bySentence.set(a.firstSentence, [a]);
    // A quotation that opened sentences before its trailing cue ("“A. B,” said X."): its first sentences
    // belong to the attributed claim, not to the reporter's voice.
    for (let s = tokens[tokenFrom(doc, a.content.start)]?.sentence ?? a.firstSentence; s < a.firstSentence; s++) covered[s] = 1;
  }

  for (let s = 0; s < sentences.length; s++) {
    const sentence = sentences[s]!;
    const here = bySentence.get(s);
    if (here) {
      // Outer attributions: not inside another's content.
      for (const outer of here) {
        if (here.some((b) => contains(b, outer))) continue;
        const claim = attributedClaim(outer, here);
        if (claim) claims.push(claim);
        for (let k = s; k <= outer.lastSentence; k++) covered[k] = 1;
      }
      continue;
    }
    if (covered[s]) continue;
    if (sentence.endToken - sentence.firstToken < MIN_CLAIM_TOKENS) continue;
    const content = trimmedContent(text, sentence.start, sentence.end);
    const claimText = text.slice(sentence.start, sentence.end);
    const passiveCue = agentlessPassive(doc, ctx, sentence.firstToken, sentence.endToken);
    if (passiveCue) {
      claims.push({ text: claimText, start: sentence.start, end: sentence.end, source: null, cue: passiveCue, content, hedged: true, rule: 'claims.passive' });
      continue;
    }
    claims.push({
      text: claimText,
      start: sentence.start,
      end: sentence.end,
      source: { text: '', start: sentence.start, end: sentence.start, kind: 'document' },
      cue: null,
      content,
      hedged: hedgedWithin(sentence.firstToken, sentence.endToken) || sentenceHedgedWithin(sentence.firstToken, sentence.endToken),
      rule: 'claims.unattributed',
    });
  }

  const times = inputs.times ?? [];
  const quantities = inputs.quantities ?? [];
  for (const claim of claims) claim.event = extractEvent(doc, claim, ordered, times, quantities, ctx.lower, ctx.word);
  return claims;

  /** The claim of one outer attribution, with the attributions nested in it as its relay chain. */
  function attributedClaim(outer: Attribution, here: Attribution[]): AttributedClaim | null {
    const sentence = sentences[outer.firstSentence]!;
    const cueWord = ctx.lower[outer.cueHead]!;
    // Model cues name the rule by their words ("claims.said"); punctuation cues keep their own rule.
    let rule = outer.rule.startsWith('claims.model') ? `claims.${ctx.lower.slice(outer.cueFirst, outer.cueLast + 1).join('-')}` : outer.rule;
    // The chain of attributions nested in this one, outermost first; it stops at a cue of desire or intent
    // ("Putin wants to ..."), which is part of the claim, not a relay.
    const chain: Attribution[] = [];
    let current = outer;
    for (;;) {
      const inner = here.find((b) => contains(current, b) && !here.some((c) => c !== b && contains(current, c) && contains(c, b)));
      if (!inner || !RELAY_CHAIN_CUES.has(ctx.lower[inner.cueHead]!)) break;
      chain.push(inner);
      current = inner;
    }
    let sourceSpan = outer.source;
    let contentFrom = -1;
    const via: ViaLink[] = [];
    if (RELAY_CUES.has(cueWord)) {
      if (outer.source && outer.source.start >= outer.cue.end) {
        // "... report citing the ministry": the phrase before the relay cue relays the cited source.
        const relayer = relayingPhrase(doc, outer);
        if (relayer) {
          via.push(link(makeSource(outer.source)));
          sourceSpan = relayer;
          rule = 'claims.relay-citing';
        }
      } else {
        // "The TASS news agency report citing the ministry didn't specify ...": the cited phrase follows the cue.
        const cited = citedPhrase(doc, outer);
        if (cited) {
          via.push(link(makeSource(cited)));
          sourceSpan = outer.source ? withoutReportNoun(text, outer.source) : relayingPhrase(doc, outer);
          contentFrom = cited.end;
          rule = 'claims.relay-citing';
        }
      }
    }
    const source: ClaimSource | null = sourceSpan ? makeSource(sourceSpan) : null;
    for (const inner of chain) if (inner.source) via.push(link(makeSource(inner.source)));
    // "<source> told Reuters" / "indicated to Reuters": the outlet that carries an anonymous source.
    if (source && TELLING_CUES.has(cueWord)) {
      const recipient = outletRecipient(doc, outer, ordered, memory);
      if (recipient) via.push(recipient);
    }
    if (source && via.length > 0) source.via = via;
    const innermost = [...chain].reverse().find((a) => a.source !== null) ?? outer; // an agentless inner cue ("aiming to") does not narrow the content
    // A nested content never runs past its outer one ("X believe that C, the Telegraph reported").
    let contentStart = Math.max(innermost.content.start, contentFrom);
    const contentEnd = Math.min(innermost.content.end, outer.content.end);
    // PolNeAR's contents keep the complementizer ("said that C", "told Reuters that C"); a claim's content is
    // the clause itself.
    const firstContentToken = tokenFrom(doc, contentStart);
    if (
      tokens[firstContentToken]?.text === 'that' &&
      firstContentToken > innermost.cueLast &&
      firstContentToken + 1 < tokens.length &&
      tokens[firstContentToken + 1]!.start < contentEnd
    ) {
      contentStart = tokens[firstContentToken + 1]!.start;
    }
    const content = trimmedContent(text, contentStart, contentEnd);
    // A content the cue's reading could not place (it ends before it starts) is no claim at all: better none
    // than a span that points nowhere.
    if (content.end <= content.start) return null;
    const last = sentences[outer.lastSentence]!;
    const start = Math.min(sentence.start, content.start);
    const end = Math.max(last.end, content.end);
    const contentFirst = tokenFrom(doc, content.start);
    const contentEndToken = tokenTo(doc, content.end);
    const hedged =
      hedgedWithin(contentFirst, contentEndToken) ||
      sentenceHedgedWithin(tokenFrom(doc, start), tokenTo(doc, end)) ||
      HEDGING_CUES.has(ctx.lower[outer.cueLast]!) ||
      chain.some((a) => HEDGING_CUES.has(ctx.lower[a.cueLast]!)) ||
      (source === null && HEDGING_CUES.has(cueWord));
    const claim: AttributedClaim = {
      text: text.slice(start, end),
      start,
      end,
      source,
      cue: outer.cue,
      content,
      hedged,
      quote: quoteKind(ctx, contentFirst, contentEndToken, outer),
      rule: source !== null ? rule : outer.rule.endsWith('passive') ? 'claims.passive' : 'claims.unsourced',
    };
    if (source) memory.remember(source.kind, source.canonical, source.text);
    return claim;
  }
};

/** Direct when every content word stands inside quotation marks, indirect when none does, else mixed. */
function quoteKind(ctx: TokenContext, from: number, to: number, a: Attribution): QuoteKind {
  let quoted = 0;
  let words = 0;
  for (let k = from; k < to; k++) {
    if ((k >= a.cueFirst && k <= a.cueLast) || (k >= a.sourceFirst && k <= a.sourceLast)) continue;
    words++;
    quoted += ctx.inQuote[k]!;
  }
  return quoted === 0 ? 'indirect' : quoted === words ? 'direct' : 'mixed';
}

/** "is believed to", "has been accused of": an attribution without an agent; returns the participle. */
function agentlessPassive(doc: AnalyzedText, ctx: TokenContext, first: number, end: number): Span | null {
  const { tokens } = doc;
  for (let k = first + 1; k + 1 < end; k++) {
    const token = tokens[k]!;
    if (token.shape !== 'lower' || !PASSIVE_CUE_HASHES.has(ctx.word[k]!) || !PASSIVE_AUXILIARIES.has(ctx.lower[k - 1]!)) continue;
    const next = ctx.lower[k + 1]!;
    if (next !== 'to' && next !== 'of' && next !== 'that') continue;
    if (ctx.lower[k + 2] === 'by') continue;
    return { text: token.text, start: token.start, end: token.end };
  }
  return null;
}

/**
 * "The TASS news agency report citing the ministry": the noun phrase before a relay cue, when it names an
 * outlet or an outlet's report. Returns the relaying source span (without the trailing "report").
 */
function relayingPhrase(doc: AnalyzedText, a: Attribution): Span | null {
  const { text, tokens } = doc;
  const sentence = doc.sentences[a.firstSentence]!;
  let end = a.cueFirst - 1;
  if (end < sentence.firstToken) return null;
  // A comma before "citing" ends a clause ("..., citing officials"): the relayer is the clause's source, not a phrase.
  if (/[,;]/.test(text.slice(tokens[end]!.end, tokens[a.cueFirst]!.start))) return null;
  let first = end;
  while (first - 1 >= sentence.firstToken && end - first < 8 && !/[,;:"“”()]/.test(text.slice(tokens[first - 1]!.end, tokens[first]!.start))) first--;
  while (end > first && REPORT_NOUNS.has(tokens[end]!.text.toLowerCase())) end--;
  const hasReportNoun = end < a.cueFirst - 1;
  const phrase = text.slice(tokens[first]!.start, tokens[end]!.end);
  const lower = phrase.toLowerCase();
  const outletish = /\b(?:news agency|agency|media|newspaper|daily|broadcaster|television|tv|outlet|wire)\b/.test(lower) || hasReportNoun;
  if (!outletish) return null;
  return { text: phrase, start: tokens[first]!.start, end: tokens[end]!.end };
}

/** The source noun phrase right after a relay cue ("citing the ministry", "quoting two officials"). */
function citedPhrase(doc: AnalyzedText, a: Attribution): Span | null {
  const { text, tokens } = doc;
  const sentence = doc.sentences[a.firstSentence]!;
  const first = a.cueLast + 1;
  let last = -1;
  for (let k = first; k < sentence.endToken && k - first < 8; k++) {
    const token = tokens[k]!;
    if (k > first && /[,;:"“”()]/.test(text.slice(tokens[k - 1]!.end, token.start))) break;
    const lower = token.text.toLowerCase();
    const noun = INSTITUTION_NOUNS.has(lower) || ANONYMOUS_HEADS.has(lower) || OUTLET_NOUNS.has(lower) || PERSON_NOUNS.has(lower);
    if (token.shape === 'lower' && !noun && !SOURCE_PHRASE_WORDS.has(lower)) break;
    if (noun || token.shape !== 'lower') last = k;
    if (token.possessive && token.shape === 'lower') break;
  }
  if (last < first) return null;
  return { text: text.slice(tokens[first]!.start, tokens[last]!.end), start: tokens[first]!.start, end: tokens[last]!.end };
}

/** "The TASS news agency report" -> "The TASS news agency". */
function withoutReportNoun(text: string, span: Span): Span {
  const m = /\s+(?:report|reports|story|article|dispatch|broadcast|statement)$/i.exec(span.text);
  if (!m) return span;
  const end = span.start + m.index;
  return { text: text.slice(span.start, end), start: span.start, end };
}

/** The outlet a source spoke to ("told Reuters", "indicated to Reuters", "said to the Telegraph"). */
function outletRecipient(doc: AnalyzedText, a: Attribution, entities: Entity[], memory: SourceMemory): ViaLink | null {
  const { text, tokens } = doc;
  if (FORWARD_CUES.has(a.cue.text.toLowerCase().split(/\s+/)[0]!)) return null;
  let k = a.cueLast + 1;
  if (tokens[k]?.text.toLowerCase() === 'to') k++;
  const definite = tokens[k]?.text.toLowerCase() === 'the';
  const sentence = doc.sentences[a.firstSentence]!;
  if (k >= sentence.endToken) return null;
  let end = definite ? k + 1 : k;
  if (end >= sentence.endToken) return null;
  while (end + 1 < sentence.endToken && end - k < 4 && /^\s*$/.test(text.slice(tokens[end]!.end, tokens[end + 1]!.start)) && /^\p{Lu}|^the$/u.test(tokens[end + 1]!.text) && tokens[end]!.shape !== 'lower') end++;
  const span: Span = { text: text.slice(tokens[k]!.start, tokens[end]!.end), start: tokens[k]!.start, end: tokens[end]!.end };
  if (tokens[a.cueLast + 1]?.text.toLowerCase() !== 'to' && !/^(?:told|tell)/.test(a.cue.text.toLowerCase())) return null; // "said Reuters was ..." is content, not a recipient
  const typed = typeSource(text, span, entities, memory);
  if (typed.kind !== 'outlet') return null;
  return { text: span.text, kind: 'outlet', ...(typed.canonical ? { canonical: typed.canonical } : {}) };
}
