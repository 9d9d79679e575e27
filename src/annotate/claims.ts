/**
 * Claims and their attribution. Sequence:
 *
 *   attributions (claims-attribution.ts: trained cue / source / content tagger, PolNeAR)
 *   -> relay rules: an attribution inside another's content is relayed by it ("NATO allies believe X,
 *      the Telegraph reported" = the Telegraph relaying NATO allies); "<outlet> report citing Y" = the
 *      outlet relaying Y; "<source> told <outlet>" = the source as carried by the outlet
 *   -> one claim per outer attribution, spanning its sentences (a quotation over several sentences is one
 *      claim); sources typed and resolved (claims-sources.ts: "it added" -> the ministry)
 *   -> every other sentence is a claim in the reporter's own voice: `source: null`, `cue: null`, rule
 *      `claims.unattributed` (a passive attribution without an agent, "is believed to", keeps its cue:
 *      `source: null`, rule `claims.passive`)
 *   -> hedges flagged; each claim gets its normalised statement (events.ts).
 *
 * Convention: a claim's `source` is never `kind: "document"`; the document's own voice is `source: null`.
 */

import type { AnnotateContext, Claim, ClaimSource, Entity, Quantity, SourceKind, Span, TimeExpression } from '../model.ts';
import { defaultClaimsModel, findAttributions, type Attribution } from './claims-attribution.ts';
import { tokenContext } from './claims-model.ts';
import {
  ANONYMOUS_HEADS,
  FORWARD_CUES,
  HEDGE_PATTERN,
  HEDGING_CUES,
  INSTITUTION_NOUNS,
  MIN_CLAIM_TOKENS,
  OUTLET_NOUNS,
  PASSIVE_AUXILIARIES,
  PASSIVE_CUES,
  PERSON_NOUNS,
  RELAY_CUES,
  REPORT_NOUNS,
  SOURCE_PHRASE_WORDS,
  TELLING_CUES,
} from './claims-constants.ts';
import { SourceMemory, typeSource } from './claims-sources.ts';
import { extractEvent } from './events.ts';
import type { AnalyzedText } from './text.ts';

/** What else the annotators found, for the claims' statements (times and quantities inside a claim). */
export interface ClaimInputs {
  times?: TimeExpression[];
  quantities?: Quantity[];
}

/**
 * The attribution extractor's entry point; it reads the resolved entities of the document and, when given,
 * its time and quantity annotations (for each claim's `event`).
 */
export type ClaimExtractor = (doc: AnalyzedText, context: AnnotateContext, entities: Entity[], inputs?: ClaimInputs) => Claim[];

/** Hedges that qualify the whole sentence wherever they stand ("Unconfirmed reports say ..."). */
const SENTENCE_HEDGE = /\b(?:[Rr]eportedly|[Aa]llegedly|[Pp]urportedly|[Uu]nconfirmed|[Uu]nverified)\b/;
const TRAILING_PUNCTUATION = /[\s.,;:!?"”’]+$/;
const LEADING_PUNCTUATION = /^[\s"“‘,:]+/;

type ViaLink = { text: string; kind: SourceKind; canonical?: string };

const contains = (outer: Attribution, inner: Attribution) =>
  outer !== inner && inner.cue.start >= outer.content.start && inner.cue.end <= outer.content.end;

function trimmedContent(text: string, start: number, end: number): { start: number; end: number } {
  const slice = text.slice(start, end);
  const lead = LEADING_PUNCTUATION.exec(slice)?.[0].length ?? 0;
  const trail = TRAILING_PUNCTUATION.exec(slice.slice(lead));
  const newEnd = trail ? start + lead + trail.index : end;
  return newEnd > start + lead ? { start: start + lead, end: newEnd } : { start, end };
}

export const extractClaims: ClaimExtractor = (doc, _context, entities, inputs = {}) => {
  const { text, sentences } = doc;
  const ordered = [...entities].sort((a, b) => a.start - b.start);
  const ctx = tokenContext(doc);
  const attributions = findAttributions(doc, defaultClaimsModel(), ctx);
  const memory = new SourceMemory();
  const claims: Claim[] = [];
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
    const list = bySentence.get(a.firstSentence) ?? [];
    list.push(a);
    bySentence.set(a.firstSentence, list);
  }

  for (let s = 0; s < sentences.length; s++) {
    const sentence = sentences[s]!;
    const here = bySentence.get(s) ?? [];
    const claimsBefore = claims.length;
    // Outer attributions: not inside another's content.
    const outers = here.filter((a) => !here.some((b) => contains(b, a)));
    for (const outer of outers) {
      let rule = `claims.${outer.cue.text.toLowerCase().replace(/\s+/g, '-')}`;
      // The chain of attributions nested in this one, outermost first.
      const chain: Attribution[] = [];
      let current = outer;
      for (;;) {
        const inner = here.find((b) => contains(current, b) && !here.some((c) => c !== b && contains(current, c) && contains(c, b)));
        if (!inner) break;
        chain.push(inner);
        current = inner;
      }
      let sourceSpan = outer.source;
      let contentFrom = -1;
      const via: ViaLink[] = [];
      const cueWord = outer.cue.text.toLowerCase().split(/\s+/)[0]!;
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
      let source: ClaimSource | null = sourceSpan ? makeSource(sourceSpan) : null;
      for (const inner of chain) if (inner.source) via.push(link(makeSource(inner.source)));
      // "<source> told Reuters" / "indicated to Reuters": the outlet that carries an anonymous source.
      if (source && TELLING_CUES.has(cueWord)) {
        const recipient = outletRecipient(doc, outer, ordered, memory);
        if (recipient) via.push(recipient);
      }
      if (source && via.length > 0) source.via = via;
      const innermost = [...chain].reverse().find((a) => a.source !== null) ?? outer; // an agentless inner cue ("aiming to") does not narrow the content
      // A nested content never runs past its outer one ("X believe that C, the Telegraph reported").
      const content = trimmedContent(text, Math.max(innermost.content.start, contentFrom), Math.min(innermost.content.end, outer.content.end));
      const last = sentences[outer.lastSentence]!;
      const start = Math.min(sentence.start, content.start);
      const end = Math.max(last.end, content.end);
      const cueWords = [outer, ...chain].map((a) => a.cue.text.toLowerCase());
      const hedged =
        HEDGE_PATTERN.test(text.slice(content.start, content.end)) ||
        SENTENCE_HEDGE.test(text.slice(start, end)) ||
        cueWords.some((w) => HEDGING_CUES.has(w.split(/\s+/).pop()!)) ||
        (source === null && HEDGING_CUES.has(cueWord));
      const claim: Claim = {
        text: text.slice(start, end),
        start,
        end,
        source,
        cue: outer.cue,
        content,
        hedged,
        rule: source !== null ? rule : outer.rule.endsWith('passive') ? 'claims.passive' : 'claims.unsourced',
      };
      claims.push(claim);
      if (source) memory.remember(source.kind, source.canonical, source.text);
      for (let k = s; k <= outer.lastSentence; k++) covered[k] = 1;
    }
    if (claims.length > claimsBefore || covered[s]) continue;
    if (sentence.endToken - sentence.firstToken < MIN_CLAIM_TOKENS) continue;
    const content = trimmedContent(text, sentence.start, sentence.end);
    const passiveCue = agentlessPassive(doc, sentence.firstToken, sentence.endToken);
    if (passiveCue) {
      claims.push({
        text: text.slice(sentence.start, sentence.end),
        start: sentence.start,
        end: sentence.end,
        source: null,
        cue: passiveCue,
        content,
        hedged: true,
        rule: 'claims.passive',
      });
      continue;
    }
    claims.push({
      text: text.slice(sentence.start, sentence.end),
      start: sentence.start,
      end: sentence.end,
      source: null,
      cue: null,
      content,
      hedged: HEDGE_PATTERN.test(text.slice(content.start, content.end)) || SENTENCE_HEDGE.test(text.slice(sentence.start, sentence.end)),
      rule: 'claims.unattributed',
    });
  }

  const times = inputs.times ?? [];
  const quantities = inputs.quantities ?? [];
  for (const claim of claims) claim.event = extractEvent(doc, claim, ordered, times, quantities, ctx.lower);
  return claims;
};

/** "is believed to", "has been accused of": an attribution without an agent; returns the participle. */
function agentlessPassive(doc: AnalyzedText, first: number, end: number): Span | null {
  const { tokens } = doc;
  for (let k = first + 1; k + 1 < end; k++) {
    const token = tokens[k]!;
    if (token.shape !== 'lower' || !PASSIVE_CUES.has(token.text) || !PASSIVE_AUXILIARIES.has(tokens[k - 1]!.text.toLowerCase())) continue;
    const next = tokens[k + 1]!.text.toLowerCase();
    if (next !== 'to' && next !== 'of' && next !== 'that') continue;
    if (tokens[k + 2]?.text.toLowerCase() === 'by') continue;
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
