/**
 * Source kinds and canonicals. A source phrase is typed by what it holds, first match wins:
 *
 *   1. pronoun            "he" / "she" -> the last person named before; "it" / "they" -> the last
 *                         institution or outlet that was a source (else the last organisation named)
 *   2. anonymous          an indefinite anonymous head ("a source with Ukraine's General Staff", "officials")
 *   3. journalist         "a Reuters reporter" -> person
 *   4. outlet             an outlet entity or a known outlet name, or an outlet noun ("the influential daily")
 *   5. person             a person entity in the head, or a person noun ("the spokesman")
 *   6. institution        an organisation / place entity, or an institution noun ("the ministry")
 *   7. otherwise          anonymous
 *
 * A definite description without a name ("the ministry", "the influential daily", "the agency") takes the
 * canonical of the last source of its kind whose name shares the head noun, or else the last of its kind.
 */

import type { Entity, SourceKind, Span } from '../model.ts';
import * as annotateConstants from './constants.ts';
import * as words from './claims-constants.ts';

// Imported bindings copied once: the runner (tsx) reads imported bindings through getters, which costs in
// per-token loops.
const { ANONYMOUS_DETERMINERS, ANONYMOUS_HEADS, DEFINITE_DETERMINERS, GROUP_PRONOUNS, INSTITUTION_NOUNS, JOURNALIST_NOUNS, KNOWN_OUTLETS, OUTLET_NOUNS, OUTLET_PHRASES, PERSON_NOUNS, PERSON_PRONOUNS } = words;
const { GAZETTEER, OUTLET_HEADS } = annotateConstants;
/** First words of the known outlet names: an n-gram starting elsewhere is never looked up. */
const KNOWN_OUTLET_FIRST_WORDS = new Set([...KNOWN_OUTLETS].map((name) => name.split(' ')[0]!));

export interface TypedSource {
  kind: SourceKind;
  canonical?: string;
  /** How the kind or canonical was found (`pronoun`, `entity`, `description`, `noun`, ...). */
  via: string;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.&-]*/gu;
/** Where a source's head ends: a preposition or relative pronoun after it ("a source with ..."). */
const HEAD_END = new Set(['with', 'in', 'at', 'from', 'of', 'familiar', 'close', 'who', 'for', 'on', 'inside', 'within', 'to', 'that', 'which']);
const POSSESSIVE = /['’]s?$/;

/** Remembers earlier sources so later references resolve ("it added", "the ministry said"). */
export class SourceMemory {
  /** Each source, with the lower-cased words of its canonical and its text once a lookup by head needed them. */
  private readonly recent: Array<{ kind: SourceKind; canonical: string; text: string; words?: readonly string[] }> = [];

  remember(kind: SourceKind, canonical: string | undefined, text: string): void {
    if (!canonical || kind === 'anonymous' || kind === 'document') return;
    this.recent.push({ kind, canonical, text });
  }

  /** The last remembered source of one of `kinds`, preferring one whose name holds `head`. */
  last(kinds: readonly SourceKind[], head?: string): { kind: SourceKind; canonical: string } | undefined {
    if (head) {
      for (let k = this.recent.length - 1; k >= 0; k--) {
        const r = this.recent[k]!;
        if (!kinds.includes(r.kind)) continue;
        r.words ??= [...r.canonical.toLowerCase().split(/\s+/), ...r.text.toLowerCase().split(/\s+/)];
        if (r.words.includes(head)) return r;
      }
    }
    for (let k = this.recent.length - 1; k >= 0; k--) if (kinds.includes(this.recent[k]!.kind)) return this.recent[k];
    return undefined;
  }
}

/** Outlet test results per entity record (a document's sources test the same entities again and again). */
const outletEntities = new WeakMap<Entity, boolean>();

export function isOutletEntity(entity: Entity): boolean {
  let known = outletEntities.get(entity);
  if (known === undefined) {
    known = testOutletEntity(entity);
    outletEntities.set(entity, known);
  }
  return known;
}

function testOutletEntity(entity: Entity): boolean {
  if (GAZETTEER.get(entity.text)?.outlet || GAZETTEER.get(entity.canonical)?.outlet) return true;
  if (KNOWN_OUTLETS.has(entity.text.toLowerCase()) || KNOWN_OUTLETS.has(entity.canonical.toLowerCase())) return true;
  return entity.type === 'ORG' && (entity.text.match(WORD) ?? []).some((w) => OUTLET_HEADS.has(w));
}

/** Entities in [start, end), from a text-ordered list (binary search to the first). */
export function entitiesWithin(entities: Entity[], start: number, end: number): Entity[] {
  let lo = 0;
  let hi = entities.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (entities[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  const out: Entity[] = [];
  for (let k = lo; k < entities.length && entities[k]!.start < end; k++) if (entities[k]!.end <= end) out.push(entities[k]!);
  return out;
}

function lastEntityBefore(entities: Entity[], offset: number, types: readonly string[]): Entity | undefined {
  for (let k = entities.length - 1; k >= 0; k--) {
    const e = entities[k]!;
    if (e.end <= offset && types.includes(e.type)) return e;
  }
  return undefined;
}

/** A known outlet name inside the phrase ("the Telegraph", "The TASS news agency"). */
function knownOutletIn(words: string[]): string | undefined {
  const lower = words.map((w) => w.toLowerCase());
  for (let n = Math.min(4, words.length); n >= 1; n--) {
    for (let i = 0; i + n <= words.length; i++) {
      if (!KNOWN_OUTLET_FIRST_WORDS.has(lower[i]!)) continue;
      const phrase = words.slice(i, i + n).join(' ');
      if (KNOWN_OUTLETS.has(phrase.toLowerCase())) return phrase.replace(/^the\s+/i, '');
    }
  }
  return undefined;
}

/** ASCII letters and digits: what \p{L} and \p{N} match below 128. */
const isAsciiAlphanumeric = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * The WORD matches of a phrase and where each ends, appended to `words` and `ends`. An ASCII phrase (most
 * sources) is scanned by character codes with the same classes; any other runs the regular expression.
 */
export function phraseWords(phrase: string, words: string[], ends: number[]): void {
  const n = phrase.length;
  for (let i = 0; i < n; i++) {
    if (phrase.charCodeAt(i) > 127) {
      WORD.lastIndex = 0;
      for (let m = WORD.exec(phrase); m; m = WORD.exec(phrase)) {
        words.push(m[0]);
        ends.push(WORD.lastIndex);
      }
      return;
    }
  }
  for (let i = 0; i < n; ) {
    if (!isAsciiAlphanumeric(phrase.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    for (; j < n; j++) {
      const c = phrase.charCodeAt(j);
      if (!(isAsciiAlphanumeric(c) || c === 39 || c === 46 || c === 38 || c === 45)) break; // ' . & -
    }
    words.push(phrase.slice(i, j));
    ends.push(j);
    i = j;
  }
}

/** Kind and canonical of a source span of `text`. `entities` must be in text order. */
export function typeSource(text: string, source: Span, entities: Entity[], memory: SourceMemory): TypedSource {
  const lower = source.text.toLowerCase();
  if (PERSON_PRONOUNS.has(lower)) {
    const person = lastEntityBefore(entities, source.start, ['PERSON']);
    return person ? { kind: 'person', canonical: person.canonical, via: 'pronoun' } : { kind: 'person', via: 'pronoun' };
  }
  if (GROUP_PRONOUNS.has(lower)) {
    const earlier = memory.last(['institution', 'outlet']);
    if (earlier) return { kind: earlier.kind, canonical: earlier.canonical, via: 'pronoun' };
    const org = lastEntityBefore(entities, source.start, ['ORG']);
    if (org) return { kind: isOutletEntity(org) ? 'outlet' : 'institution', canonical: org.canonical, via: 'pronoun' };
    return { kind: lower === 'it' ? 'institution' : 'anonymous', via: 'pronoun' };
  }

  // The words of the phrase and where each ends.
  const words: string[] = [];
  const wordEnds: number[] = [];
  phraseWords(source.text, words, wordEnds);
  const lowerWords = words.map((w) => w.toLowerCase().replace(POSSESSIVE, ''));
  let headCount = lowerWords.findIndex((w, i) => i > 0 && HEAD_END.has(w));
  if (headCount < 0) headCount = lowerWords.length;
  const headWords = lowerWords.slice(0, headCount);
  const headWord = headWords[headWords.length - 1] ?? '';
  const headText = words.slice(0, headCount).join(' ');
  const headEnd = headCount > 0 ? source.start + wordEnds[headCount - 1]! : source.end;
  const inside = entitiesWithin(entities, source.start, source.end);
  const inHead = inside.filter((e) => e.end <= headEnd);
  const person = inHead.find((e) => e.type === 'PERSON');

  const first = headWords[0] ?? '';
  if ((ANONYMOUS_HEADS.has(headWord) || ANONYMOUS_HEADS.has(first)) && !person && (ANONYMOUS_DETERMINERS.has(first) || !DEFINITE_DETERMINERS.has(first))) {
    return { kind: 'anonymous', via: 'noun' };
  }
  if (JOURNALIST_NOUNS.has(headWord)) return person ? { kind: 'person', canonical: person.canonical, via: 'entity' } : { kind: 'person', via: 'noun' };

  const outletEntity = inHead.find(isOutletEntity);
  if (outletEntity) return { kind: 'outlet', canonical: outletEntity.canonical, via: 'entity' };
  const headWordCased = words[headCount - 1] ?? '';
  if (OUTLET_HEADS.has(headWordCased) && headCount >= 2 && /^\p{Lu}/u.test(words[headCount - 2] ?? '')) {
    // "the Harbour Gazette", "the Morning Post": a capitalised name ending in an outlet head.
    return { kind: 'outlet', canonical: words.slice(0, headCount).join(' ').replace(/^the\s+/i, ''), via: 'outlet-head' };
  }
  // Outlet names are capitalised ("Reuters", "the Telegraph"): a phrase without a capital names none.
  const known = /\p{Lu}/u.test(headText) ? knownOutletIn(words.slice(0, headCount)) : undefined;
  if (known) return { kind: 'outlet', canonical: known, via: 'known-outlet' };
  const lowerHeadText = headText.toLowerCase();
  const outletNoun = OUTLET_PHRASES.some((p) => lowerHeadText.includes(p)) || OUTLET_NOUNS.has(headWord);
  if (outletNoun) {
    const named = inHead.find((e) => e.type === 'ORG' || e.type === 'MISC');
    if (named) return { kind: 'outlet', canonical: named.canonical, via: 'entity' };
    const earlier = DEFINITE_DETERMINERS.has(first) ? memory.last(['outlet'], headWord) : undefined;
    return earlier ? { kind: 'outlet', canonical: earlier.canonical, via: 'description' } : { kind: 'outlet', via: 'noun' };
  }
  if (person) return { kind: 'person', canonical: person.canonical, via: 'entity' };
  const org = inHead.find((e) => e.type === 'ORG') ?? inHead.find((e) => e.type === 'LOC') ?? inHead.find((e) => e.type === 'MISC');
  if (org) return { kind: 'institution', canonical: org.canonical, via: 'entity' };
  if (headWords.some((w) => INSTITUTION_NOUNS.has(w))) {
    // "the ministry": the last institution whose name holds "ministry", else the last organisation named
    // with that head word.
    if (DEFINITE_DETERMINERS.has(first) && headWords.length <= 3) {
      const earlier = memory.last(['institution'], headWord);
      if (earlier && earlier.canonical.toLowerCase().includes(headWord)) return { kind: 'institution', canonical: earlier.canonical, via: 'description' };
      let named: Entity | undefined;
      for (let k = entities.length - 1; k >= 0 && !named; k--) {
        const e = entities[k]!;
        if (e.end <= source.start && e.type === 'ORG' && e.canonical.toLowerCase().includes(headWord)) named = e;
      }
      if (named) return { kind: 'institution', canonical: named.canonical, via: 'description' };
    }
    return { kind: 'institution', via: 'noun' };
  }
  if (headWords.some((w) => PERSON_NOUNS.has(w))) {
    const named = DEFINITE_DETERMINERS.has(first) ? lastEntityBefore(entities, source.start, ['PERSON']) : undefined;
    return named ? { kind: 'person', canonical: named.canonical, via: 'description' } : { kind: 'person', via: 'noun' };
  }
  if (words.length > 0 && words.every((w) => /^\p{Lu}/u.test(w))) return { kind: 'person', via: 'capitalised' };
  return { kind: 'anonymous', via: 'fallback' };
}
