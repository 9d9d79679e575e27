/**
 * Claims and their attribution (v1, rules). Every sentence of the document is a claim; attributed ones
 * carry the source ("the ministry"), its kind (person / institution / outlet / anonymous), the cue
 * ("said") and a relay chain (`via`): "X, the Telegraph reported" after "NATO allies believe that" is the
 * Telegraph relaying NATO allies; "The TASS news agency report citing the ministry" is TASS relaying the
 * ministry. Sentences in the reporter's own voice get `source: null` and rule `claims.unattributed`;
 * passive attributions without an agent ("has been accused of", "is believed to") get `source: null`
 * with their cue and rule `claims.passive`.
 *
 * For each cue, the source is the noun phrase before it (back to a clause break), or after it for
 * "according to", "citing" and inverted "said the ministry". When a sentence has several attributions
 * the one whose content covers the others is the outer source and the others become `via`.
 */

import type { AnnotateContext, Claim, ClaimSource, Entity, SourceKind, Span } from '../model.ts';
import {
  ANONYMOUS_HEADS,
  CLAIM_CUES,
  GAZETTEER,
  HEDGE_PATTERN,
  INSTITUTION_NOUNS,
  MAX_SOURCE_TOKENS,
  MIN_CLAIM_TOKENS,
  OTHER_PRONOUNS,
  OUTLET_HEADS,
  OUTLET_NOUNS,
  PARTICIPLE_CUES,
  PARTICIPLE_FOLLOWERS,
  PASSIVE_AUXILIARIES,
  PERSON_NOUNS,
  PERSON_PRONOUNS,
  SOURCE_CLAUSE_OPENERS,
  SOURCE_CUE_FILLERS,
  SOURCE_PHRASE_WORDS,
} from './constants.ts';
import type { AnalyzedText, Token } from './text.ts';

/** The attribution extractor's entry point; it reads the resolved entities of the document. */
export type ClaimExtractor = (doc: AnalyzedText, context: AnnotateContext, entities: Entity[]) => Claim[];

const CUE_PATTERN = new RegExp(`\\b(?:${[...CLAIM_CUES].sort((a, b) => b.length - a.length).join('|')})\\b`, 'gi');
const FORWARD_CUES = new Set(['according to', 'citing', 'cited']);
const INVERTIBLE_CUES = new Set(['said', 'says', 'added', 'adds', 'told', 'wrote', 'reported', 'stated', 'noted', 'warned']);
const BOUNDARY_CHARS = new Set([',', ';', ':', '"', '“', '”', '(', ')', '—', '–']);
const OUTLET_PHRASE = /\b(?:news agency|state media|state television|state tv|media|newspaper|broadcaster|tabloid|daily|magazine|outlet|wire service)\b/i;
const THAT_AFTER = /^[^;"“]{0,80}?\bthat\s+/;
const OPENING_PUNCTUATION = /^[\s:,"“]+/;
const TRAILING_PUNCTUATION = /[\s.,;:!?"”’]+$/;
const HEAD_CUT = /\s(?:with|in|at|from|of|familiar|close|who|for|on|inside|within)\s/i;
/** Hedges that qualify the whole sentence wherever they stand ("Unconfirmed reports say ..."). */
const SENTENCE_HEDGE = /\b(?:[Rr]eportedly|[Aa]llegedly|[Pp]urportedly|[Uu]nconfirmed|[Uu]nverified)\b/;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;

interface Attribution {
  source: ClaimSource;
  cue: Span;
  contentStart: number;
  contentEnd: number;
  /** The cue word, lower case. */
  verb: string;
  /** The source and cue follow the content (", the Telegraph reported"): it scopes over the clause before. */
  trailing: boolean;
}

function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

function isOutletEntity(entity: Entity): boolean {
  if (GAZETTEER.get(entity.text)?.outlet || GAZETTEER.get(entity.canonical)?.outlet) return true;
  return entity.type === 'ORG' && words(entity.text).some((w) => OUTLET_HEADS.has(w));
}

export const extractClaims: ClaimExtractor = (doc, _context, entities) => {
  const { text, tokens } = doc;
  const claims: Claim[] = [];
  let lastInstitution: { text: string; kind: SourceKind; canonical?: string } | null = null;
  const entitiesIn = (start: number, end: number) => entities.filter((e) => e.start >= start && e.end <= end);
  const lastPersonBefore = (offset: number): Entity | undefined => {
    for (let k = entities.length - 1; k >= 0; k--) {
      const e = entities[k]!;
      if (e.start < offset && e.type === 'PERSON') return e;
    }
    return undefined;
  };
  const lastOrgBefore = (offset: number): Entity | undefined => {
    for (let k = entities.length - 1; k >= 0; k--) {
      const e = entities[k]!;
      if (e.start < offset && e.type === 'ORG') return e;
    }
    return undefined;
  };

  /** Kind and canonical of a source phrase. */
  const classify = (start: number, end: number): { kind: SourceKind; canonical?: string } => {
    const phrase = text.slice(start, end);
    const lower = phrase.toLowerCase();
    const inside = entitiesIn(start, end);
    if (PERSON_PRONOUNS.has(lower)) {
      const person = lastPersonBefore(start);
      return person ? { kind: 'person', canonical: person.canonical } : { kind: 'person' };
    }
    if (OTHER_PRONOUNS.has(lower)) {
      if (lastInstitution) return { kind: lastInstitution.kind, canonical: lastInstitution.canonical };
      const org = lastOrgBefore(start);
      return org ? { kind: isOutletEntity(org) ? 'outlet' : 'institution', canonical: org.canonical } : { kind: 'anonymous' };
    }
    const cut = HEAD_CUT.exec(phrase);
    const headEnd = cut ? start + cut.index : end;
    const head = text.slice(start, headEnd);
    const headWords = words(head.toLowerCase());
    const headWord = headWords[headWords.length - 1] ?? '';
    const headEntities = inside.filter((e) => e.end <= headEnd);
    const person = headEntities.find((e) => e.type === 'PERSON');
    if (ANONYMOUS_HEADS.has(headWord) && !person) return { kind: 'anonymous' };
    const outlet = headEntities.find(isOutletEntity);
    if (outlet) return { kind: 'outlet', canonical: outlet.canonical };
    if (OUTLET_PHRASE.test(head) || OUTLET_NOUNS.has(headWord)) return { kind: 'outlet', ...(headEntities[0] ? { canonical: headEntities[0].canonical } : {}) };
    if (person) return { kind: 'person', canonical: person.canonical };
    const org = headEntities.find((e) => e.type === 'ORG') ?? headEntities.find((e) => e.type === 'LOC') ?? headEntities[0];
    if (org) return { kind: 'institution', canonical: org.canonical };
    if (headWords.some((w) => INSTITUTION_NOUNS.has(w))) return { kind: 'institution' };
    if (headWords.some((w) => PERSON_NOUNS.has(w))) return { kind: 'person' };
    return { kind: 'anonymous' };
  };

  /** A plausible source phrase: an entity, a pronoun or a source noun, and short. */
  const plausibleSource = (start: number, end: number): boolean => {
    if (end <= start) return false;
    const list = words(text.slice(start, end));
    if (list.length === 0 || list.length > MAX_SOURCE_TOKENS) return false;
    const lowerList = list.map((w) => w.toLowerCase());
    if (lowerList.length === 1 && (PERSON_PRONOUNS.has(lowerList[0]!) || OTHER_PRONOUNS.has(lowerList[0]!))) return true;
    if (entitiesIn(start, end).length > 0) return true;
    return lowerList.some((w) => ANONYMOUS_HEADS.has(w) || INSTITUTION_NOUNS.has(w) || OUTLET_NOUNS.has(w) || PERSON_NOUNS.has(w) || OUTLET_PHRASE.test(w));
  };

  const tokenIndexAt = (offset: number): number => {
    let lo = 0;
    let hi = tokens.length - 1;
    let found = tokens.length;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (tokens[mid]!.start >= offset) {
        found = mid;
        hi = mid - 1;
      } else lo = mid + 1;
    }
    return found;
  };

  /** Source phrase ending right before `cueStart`, scanning back to a clause break. */
  const sourceBefore = (sentenceStart: number, cueStart: number): { start: number; end: number; boundary: number } | null => {
    let k = tokenIndexAt(cueStart) - 1;
    const first = tokenIndexAt(sentenceStart);
    while (k >= first && SOURCE_CUE_FILLERS.has(tokens[k]!.text.toLowerCase())) k--;
    if (k < first) return null;
    const end = tokens[k]!.end;
    let startToken = k;
    let boundary = sentenceStart;
    while (startToken > first) {
      const previous: Token = tokens[startToken - 1]!;
      const gap = text.slice(previous.end, tokens[startToken]!.start);
      if ([...gap].some((ch) => BOUNDARY_CHARS.has(ch) || ch === '\n')) {
        boundary = previous.end + gap.search(/[^\s]/);
        break;
      }
      // "The United States and its allies": "and" after a name joins two sources, not two clauses.
      const joinsNames = previous.text === 'and' && startToken - 2 >= first && ['cap', 'upper'].includes(tokens[startToken - 2]!.shape);
      if (previous.shape === 'lower' && SOURCE_CLAUSE_OPENERS.has(previous.text) && !joinsNames) {
        boundary = previous.end;
        break;
      }
      if (k - startToken + 1 >= MAX_SOURCE_TOKENS) return null;
      startToken--;
    }
    const start = tokens[startToken]!.start;
    return { start, end, boundary };
  };

  /** Source phrase starting after `from` ("according to the ministry, ..."). */
  const sourceAfter = (from: number, sentenceEnd: number): { start: number; end: number } | null => {
    let k = tokenIndexAt(from);
    const startToken = k;
    let lastGood = -1;
    while (k < tokens.length && tokens[k]!.end <= sentenceEnd && k - startToken < MAX_SOURCE_TOKENS) {
      const token = tokens[k]!;
      const gapStart = k === startToken ? from : tokens[k - 1]!.end;
      const gap = text.slice(gapStart, token.start);
      if (k > startToken && [...gap].some((ch) => BOUNDARY_CHARS.has(ch) || ch === '.')) break;
      const lower = token.text.toLowerCase();
      const nameLike = token.shape === 'cap' || token.shape === 'upper' || token.shape === 'num';
      if (!nameLike && !SOURCE_PHRASE_WORDS.has(lower) && !INSTITUTION_NOUNS.has(lower) && !ANONYMOUS_HEADS.has(lower) && !OUTLET_NOUNS.has(lower) && !PERSON_NOUNS.has(lower)) break;
      if (!SOURCE_PHRASE_WORDS.has(lower) || nameLike || INSTITUTION_NOUNS.has(lower) || ANONYMOUS_HEADS.has(lower) || OUTLET_NOUNS.has(lower) || PERSON_NOUNS.has(lower)) lastGood = k;
      if (token.possessive && !nameLike) break;
      k++;
    }
    if (lastGood < startToken) return null;
    return { start: tokens[startToken]!.start, end: tokens[lastGood]!.end };
  };

  const makeSource = (start: number, end: number): ClaimSource => {
    const { kind, canonical } = classify(start, end);
    const source: ClaimSource = { text: text.slice(start, end), start, end, kind };
    if (canonical) source.canonical = canonical;
    return source;
  };

  for (const sentence of doc.sentences) {
    if (sentence.endToken - sentence.firstToken < MIN_CLAIM_TOKENS) continue;
    const sText = text.slice(sentence.start, sentence.end);
    let contentEndDefault = sentence.end;
    const trailing = TRAILING_PUNCTUATION.exec(sText);
    if (trailing) contentEndDefault = sentence.start + trailing.index;

    const attributions: Attribution[] = [];
    let passiveCue: Span | null = null;
    CUE_PATTERN.lastIndex = 0;
    for (let m = CUE_PATTERN.exec(sText); m; m = CUE_PATTERN.exec(sText)) {
      const cueStart = sentence.start + m.index;
      const cueEnd = cueStart + m[0].length;
      const verb = m[0].toLowerCase();
      const cue: Span = { text: m[0], start: cueStart, end: cueEnd };
      const cueToken = tokenIndexAt(cueStart);
      const previous = tokens[cueToken - 1];
      const next = tokens[cueToken + (verb === 'according to' ? 2 : 1)];
      if (previous && previous.sentence === tokens[cueToken]?.sentence && PASSIVE_AUXILIARIES.has(previous.text.toLowerCase())) {
        passiveCue ??= cue;
        continue;
      }
      if (PARTICIPLE_CUES.has(verb) && next && PARTICIPLE_FOLLOWERS.has(next.text.toLowerCase()) && !/,/.test(text.slice(cueEnd, next.start))) continue;

      if (FORWARD_CUES.has(verb)) {
        const after = sourceAfter(cueEnd, sentence.end);
        if (!after || !plausibleSource(after.start, after.end)) continue;
        if (verb === 'according to') {
          const before = text.slice(sentence.start, cueStart);
          const leading = before.trim().length === 0 || /^(?:\s*\S+){0,4}\s*$/.test(before) && !/,\s*$/.test(before);
          if (leading) {
            const rest = text.slice(after.end, contentEndDefault);
            const skip = OPENING_PUNCTUATION.exec(rest)?.[0].length ?? 0;
            attributions.push({ source: makeSource(after.start, after.end), cue, contentStart: after.end + skip, contentEnd: contentEndDefault, verb, trailing: false });
          } else {
            const contentEnd = sentence.start + before.replace(/[\s,]+$/, '').length;
            attributions.push({ source: makeSource(after.start, after.end), cue, contentStart: sentence.start, contentEnd, verb, trailing: true });
          }
        } else {
          // "X citing Y ...": X relays Y; the content is what follows.
          const outer = sourceBefore(sentence.start, cueStart);
          const viaSource = makeSource(after.start, after.end);
          const rest = text.slice(after.end, contentEndDefault);
          const contentStart = after.end + (OPENING_PUNCTUATION.exec(rest)?.[0].length ?? 0);
          if (outer && plausibleSource(outer.start, outer.end)) {
            const source = makeSource(outer.start, outer.end);
            source.via = [{ text: viaSource.text, kind: viaSource.kind, ...(viaSource.canonical ? { canonical: viaSource.canonical } : {}) }];
            attributions.push({ source, cue, contentStart, contentEnd: contentEndDefault, verb, trailing: false });
          } else {
            attributions.push({ source: viaSource, cue, contentStart, contentEnd: contentEndDefault, verb, trailing: false });
          }
        }
        continue;
      }

      const before = sourceBefore(sentence.start, cueStart);
      if (before && plausibleSource(before.start, before.end)) {
        const boundaryChar = text[before.boundary];
        const trailingAttribution = before.boundary > sentence.start && boundaryChar !== undefined && (boundaryChar === ',' || boundaryChar === '"' || boundaryChar === '”' || boundaryChar === '—');
        if (trailingAttribution) {
          const contentEnd = sentence.start + text.slice(sentence.start, before.boundary).replace(/[\s,"”—]+$/, '').length;
          attributions.push({ source: makeSource(before.start, before.end), cue, contentStart: sentence.start + (OPENING_PUNCTUATION.exec(sText)?.[0].length ?? 0), contentEnd, verb, trailing: true });
        } else {
          const tail = text.slice(cueEnd, contentEndDefault);
          const that = THAT_AFTER.exec(tail);
          const skip = that ? that[0].length : OPENING_PUNCTUATION.exec(tail)?.[0].length ?? 0;
          attributions.push({ source: makeSource(before.start, before.end), cue, contentStart: cueEnd + skip, contentEnd: contentEndDefault, verb, trailing: false });
        }
        continue;
      }
      // Inverted: ', said the ministry.'
      if (INVERTIBLE_CUES.has(verb) && /,\s*["”]?\s*$/.test(text.slice(sentence.start, cueStart))) {
        const after = sourceAfter(cueEnd, sentence.end);
        if (after && plausibleSource(after.start, after.end)) {
          const contentEnd = sentence.start + text.slice(sentence.start, cueStart).replace(/[\s,"”]+$/, '').length;
          attributions.push({ source: makeSource(after.start, after.end), cue, contentStart: sentence.start, contentEnd, verb, trailing: true });
        }
      }
    }

    const hedgedIn = (start: number, end: number) => HEDGE_PATTERN.test(text.slice(start, end));
    if (attributions.length === 0) {
      const claim: Claim = {
        text: sText,
        start: sentence.start,
        end: sentence.end,
        source: null,
        cue: passiveCue,
        content: { start: sentence.start, end: contentEndDefault },
        hedged: passiveCue !== null && /believed|reported|said|thought|alleged/i.test(passiveCue.text) ? true : hedgedIn(sentence.start, sentence.end),
        rule: passiveCue ? 'claims.passive' : 'claims.unattributed',
      };
      claims.push(claim);
      continue;
    }
    // The outer attribution: a trailing one (it scopes over the clause before it) whose content holds the
    // most other sources, then the widest; attributions whose source lies in its content are relays.
    const held = (a: Attribution) => attributions.filter((b) => b !== a && b.source.start >= a.contentStart && b.source.end <= a.contentEnd).length;
    attributions.sort((a, b) => Number(b.trailing) - Number(a.trailing) || held(b) - held(a) || b.contentEnd - b.contentStart - (a.contentEnd - a.contentStart));
    const outer = attributions[0]!;
    let contentStart = outer.contentStart;
    let contentEnd = outer.contentEnd;
    const via = [...(outer.source.via ?? [])];
    for (const inner of attributions.slice(1)) {
      if (inner.source.start >= outer.contentStart && inner.source.end <= outer.contentEnd) {
        via.push({ text: inner.source.text, kind: inner.source.kind, ...(inner.source.canonical ? { canonical: inner.source.canonical } : {}) });
        if (inner.contentStart >= contentStart && inner.contentStart < contentEnd) {
          contentStart = inner.contentStart;
          contentEnd = Math.min(contentEnd, inner.contentEnd);
        }
      }
    }
    const source: ClaimSource = { ...outer.source };
    if (via.length > 0) source.via = via;
    if (contentEnd <= contentStart) {
      contentStart = sentence.start;
      contentEnd = contentEndDefault;
    }
    claims.push({
      text: sText,
      start: sentence.start,
      end: sentence.end,
      source,
      cue: outer.cue,
      content: { start: contentStart, end: contentEnd },
      hedged: hedgedIn(contentStart, contentEnd) || SENTENCE_HEDGE.test(sText),
      rule: `claims.${outer.verb.replace(/\s+/g, '-')}`,
    });
    if (source.kind === 'institution' || source.kind === 'outlet') {
      lastInstitution = { text: source.text, kind: source.kind, ...(source.canonical ? { canonical: source.canonical } : {}) };
    }
  }
  return claims;
};
