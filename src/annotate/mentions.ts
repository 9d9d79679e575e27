/**
 * Entity mentions from the trained tagger (ner/) refined by the rules (entities.ts). The tagger decides
 * where names are and what type they have; the rules add what CoNLL-style tagging does not give.
 *
 * Sequence, per tagger span (first plausible wins):
 *   1. page furniture is dropped: navigation labels ("MORE NEWS", "Editors' Picks", "Trending Topics"),
 *      ALL-CAPS runs the gazetteer does not know, spans with stray lower-case words ("North korea Russia");
 *   2. the span is repaired: a glued lower-case prefix ("ministerAndrei Belousov") and a capitalised
 *      sentence starter ("Can Russia") are cut off; a picture credit ("Contributor/Getty Images") keeps
 *      only its agency, an ORG;
 *   3. a rule organisation that covers the span and its demonym is taken whole ("the Russian Defense
 *      Ministry" -> one ORG, where the tagger says MISC "Russian" + ORG "Defense Ministry");
 *   4. a rule mention with the same span lends its subtype (GPE, NORP), canonical hint, outlet flag and
 *      roles; the gazetteer's type wins over the tagger's, and a person with a title or role word
 *      ("counterpart No Kwang-chol") stays a person;
 *   5. otherwise the subtype comes from the gazetteer or the place head ("... Oblast" -> GPE).
 * Rule mentions that no tagger span overlaps are added when their rule is precise (gazetteer, title,
 * organisation or place head), so a name the tagger missed is still found.
 */

import {
  BOILERPLATE_PHRASES,
  COMMON_SENTENCE_STARTERS,
  CREDIT_WORDS,
  GAZETTEER,
  LOC_HEADS,
  NAME_INNER_LOWER_WORDS,
  NAVIGATION_PHRASES,
} from './constants.ts';
import { recognizeEntities, type EntityMention } from './entities.ts';
import { SPACE, classAt } from './ner/chars.ts';
import { recognize, type NerModel, type NerSpan } from './ner/index.ts';
import type { AnalyzedText } from './text.ts';

/** Rules precise enough to add a mention the tagger did not see. */
const TRUSTED_RULES = new Set([
  'entities.gazetteer',
  'entities.demonym-org',
  'entities.title-person',
  'entities.org-head',
  'entities.owned-org',
  'entities.loc-head',
]);
/**
 * Rules whose longer span beats the tagger's shorter spans inside it: a demonym joined to its organisation
 * ("Russian Defense Ministry"), names with an organisation or place head the tagger cut at a title word
 * ("General Staff"), persons with a name particle ("Faisal bin Qadir").
 */
const JOINING_RULES = new Set(['entities.demonym-org', 'entities.org-head', 'entities.owned-org', 'entities.loc-head']);
const NAME_PARTICLE_INSIDE = /\s(?:bin|ibn|bint|al|el|de|da|di|del|della|der|van|von|du|dos|das|la|le|abu|ben)\s/u;
const LOWER_NAME_PREFIX = /^\p{Ll}+[-‐]\p{Lu}/u;

const GLUED_LOWER_PREFIX = /^\p{Ll}{2,}(?=\p{Lu}\p{Ll})/u;
const FIRST_WORD = /^(\S+)\s+/u;
const WORDS = /\S+/gu;
const LOWER_START = /^\p{Ll}/u;
const HAS_LOWER = /\p{Ll}/u;
const HAS_LETTER = /\p{L}/u;
const TRAILING_PUNCTUATION = /[\s:.,;!?|•·–—-]+$/u;

interface Candidate {
  text: string;
  start: number;
  end: number;
  type: EntityMention['type'];
  rule: string;
  subtype?: string;
}

/** The trimmed line holding `offset`, without trailing punctuation. */
function lineAround(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  let end = text.indexOf('\n', offset);
  if (end < 0) end = text.length;
  return text.slice(start, end).trim().replace(TRAILING_PUNCTUATION, '');
}

/** Longest navigation phrase: a line longer than this (trimmed, without trailing punctuation) is not one. */
const LONGEST_NAVIGATION_PHRASE = Math.max(...[...NAVIGATION_PHRASES].map((phrase) => phrase.length));
/** Trailing characters `lineAround` drops (TRAILING_PUNCTUATION without \s). */
const TRAILING_MARKS = new Set([...':.,;!?|•·–—-'].map((ch) => ch.charCodeAt(0)));

/**
 * True when the line holding `offset` is a navigation label ("MORE NEWS"). Measures the line first: most
 * lines are paragraphs far longer than any label, and are not copied or lowercased.
 */
function onNavigationLine(text: string, offset: number): boolean {
  let start = text.lastIndexOf('\n', offset - 1) + 1;
  let end = text.indexOf('\n', offset);
  if (end < 0) end = text.length;
  while (start < end && classAt(text, start) & SPACE) start++;
  while (end > start && (TRAILING_MARKS.has(text.charCodeAt(end - 1)) || classAt(text, end - 1) & SPACE)) end--;
  if (end - start > LONGEST_NAVIGATION_PHRASE) return false;
  return NAVIGATION_PHRASES.has(lineAround(text, offset).toLowerCase());
}

function isFurniture(text: string, span: Candidate): boolean {
  const lower = span.text.toLowerCase();
  if (NAVIGATION_PHRASES.has(lower) || BOILERPLATE_PHRASES.has(span.text)) return true;
  if (onNavigationLine(text, span.start)) return true;
  const words = span.text.match(WORDS) ?? [];
  // "MORE NEWS": two or more ALL-CAPS words are page furniture unless the gazetteer knows the phrase.
  if (words.length >= 2 && !HAS_LOWER.test(span.text) && !GAZETTEER.has(span.text)) return true;
  // A tagger span with a stray lower-case word is a run of tags or menu items ("North korea Russia").
  return words.slice(1).some((w) => LOWER_START.test(w) && !NAME_INNER_LOWER_WORDS.has(w) && !LOWER_NAME_PREFIX.test(w));
}

/** True when `offset` starts a sentence or a line (only white space, quotes or brackets before it). */
function startsClause(text: string, offset: number): boolean {
  for (let k = offset - 1; k >= 0; k--) {
    const ch = text[k]!;
    if (ch === '\n') return true;
    if (ch === ' ' || ch === '\t' || ch === '"' || ch === '“' || ch === '‘' || ch === '(') continue;
    return ch === '.' || ch === '!' || ch === '?' || ch === ':';
  }
  return true;
}

function cut(text: string, span: Candidate, by: number): Candidate {
  const start = span.start + by;
  return { ...span, start, text: text.slice(start, span.end) };
}

/** Repairs one tagger span; returns the spans it stands for (none when it is page furniture). */
function repair(text: string, ner: NerSpan): Candidate[] {
  let span: Candidate = { text: ner.text, start: ner.start, end: ner.end, type: ner.type, rule: ner.rule };
  if (span.text.includes('/')) return pictureCredit(span);
  const glued = GLUED_LOWER_PREFIX.exec(span.text);
  if (glued) span = cut(text, span, glued[0].length);
  const first = FIRST_WORD.exec(span.text);
  if (first && !GAZETTEER.has(span.text) && COMMON_SENTENCE_STARTERS.has(first[1]!.toLowerCase()) && startsClause(text, span.start)) {
    span = cut(text, span, first[0].length);
  }
  if (!HAS_LETTER.test(span.text) || isFurniture(text, span)) return [];
  return [span];
}

/** "Contributor/Getty Images": the agency is an ORG; credit words and photographers' roles are not entities. */
function pictureCredit(span: Candidate): Candidate[] {
  const out: Candidate[] = [];
  let offset = 0;
  for (const part of span.text.split('/')) {
    const start = span.start + offset + (part.length - part.trimStart().length);
    const name = part.trim();
    offset += part.length + 1;
    if (name === '' || CREDIT_WORDS.has(name)) continue;
    const entry = GAZETTEER.get(name);
    out.push({ text: name, start, end: start + name.length, type: entry?.type ?? 'ORG', rule: 'entities.picture-credit' });
  }
  return out;
}

function gazetteerExtra(mention: EntityMention, text: string): void {
  // Captions and headlines lower-case names ("russian defence minister"): try the capitalised form too.
  const entry = GAZETTEER.get(text) ?? GAZETTEER.get(text.charAt(0).toUpperCase() + text.slice(1));
  if (entry) {
    if (entry.subtype && (entry.type === mention.type || mention.type === 'MISC' || mention.type === 'LOC')) mention.subtype = entry.subtype;
    if (entry.canonical) mention.hint = entry.canonical;
    if (entry.outlet) mention.outlet = true;
    return;
  }
  if (mention.type === 'LOC') {
    const last = text.slice(text.lastIndexOf(' ') + 1);
    if (LOC_HEADS.has(last)) mention.subtype = 'GPE';
  }
}

/** One number per span (exact for offsets below 2^26). */
function spanKey(start: number, end: number): number {
  return start * 0x4000000 + end;
}

/**
 * Entity mentions of a document: the tagger's spans with the rules' refinements, sorted by start. `spans`:
 * the tagger's spans when the caller has them already (the benchmark times the tagger on its own).
 */
export function recognizeMentions(doc: AnalyzedText, model?: NerModel, spans: NerSpan[] = recognize(doc.text, model)): EntityMention[] {
  const { text } = doc;
  const rules = recognizeEntities(doc);
  const ruleAt = new Map<number, EntityMention>();
  for (const r of rules) ruleAt.set(spanKey(r.start, r.end), r);
  const candidates: Candidate[] = [];
  for (const span of spans) for (const candidate of repair(text, span)) candidates.push(candidate);

  const out: EntityMention[] = [];
  const joined = new Set<EntityMention>();
  let ruleIndex = 0;
  for (const c of candidates) {
    // Rule mentions are sorted by start: move to the first one that may overlap this candidate.
    while (ruleIndex < rules.length && rules[ruleIndex]!.end <= c.start) ruleIndex++;
    let covering: EntityMention | undefined;
    for (let k = ruleIndex; k < rules.length && rules[k]!.start < c.end; k++) {
      const r = rules[k]!;
      const joins = JOINING_RULES.has(r.rule) || (r.type === 'PERSON' && NAME_PARTICLE_INSIDE.test(r.text));
      if (joins && r.start <= c.start && c.end <= r.end && r.end - r.start > c.end - c.start) covering = r;
    }
    if (covering) {
      if (!joined.has(covering)) {
        joined.add(covering);
        out.push({ ...covering, rule: `${c.rule}+${covering.rule}` });
      }
      continue;
    }
    const mention: EntityMention = { text: c.text, start: c.start, end: c.end, type: c.type, rule: c.rule };
    const same = ruleAt.get(spanKey(c.start, c.end));
    if (same) {
      if (same.rule === 'entities.gazetteer' || (same.type === 'PERSON' && same.roles)) mention.type = same.type;
      if (same.subtype) mention.subtype = same.subtype;
      if (same.hint) mention.hint = same.hint;
      if (same.outlet) mention.outlet = true;
      if (same.roles) mention.roles = same.roles;
      mention.rule = `${c.rule}+${same.rule}`;
    } else gazetteerExtra(mention, c.text);
    out.push(mention);
  }

  // Precise rule mentions the tagger did not cover.
  // Characters covered by a mention so far: a rule mention overlaps one when it covers a marked character.
  const marked = new Uint8Array(text.length);
  for (const m of out) marked.fill(1, m.start, m.end);
  const covered = (r: EntityMention) => marked.subarray(r.start, r.end).includes(1);
  for (const r of rules) {
    if (!TRUSTED_RULES.has(r.rule) || joined.has(r) || covered(r)) continue;
    if (onNavigationLine(text, r.start)) continue;
    out.push(r);
    marked.fill(1, r.start, r.end);
  }
  out.sort((a, b) => a.start - b.start || a.end - b.end);
  return out;
}
