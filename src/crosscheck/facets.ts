/**
 * Statements ("facets") of a story's sentences: each action cue of a sentence (a verb or event noun of one
 * action class, see constants.ts) with the words around it, the entities, numbers and dates bound to it, its
 * actor, target and place, and whether it is negated. A sentence with no cue is one statement of class
 * `other`, compared by its wording. Two paraphrases of one fact give statements of one class whose windows,
 * entities and numbers agree; one sentence can state several facts ("arrived ... for talks with ...").
 *
 * Rules, in order (rule names in `rule`): cue lookup by exact inflected form; transfer cues take the class of
 * their object (troops -> deploy_forces, weapons -> supply_arms, food -> aid); an event noun after "the",
 * "this", ... with no argument after it is anaphoric ("the visit came days after") and is no statement;
 * cues of one class a few tokens apart are one statement; dates and numbers go to the nearest cue of their
 * clause; the actor is a possessor of an event noun, the agent after "by" in a passive, or the last party
 * named before the cue; the annotator's ClaimEvent fills what these rules leave empty when its action agrees.
 */
import type { Claim, Entity, Span, TimeExpression } from '../model.ts';
import { STOP_WORDS } from '../cluster/constants.ts';
import {
  ACTION_CUES,
  AGENT_NOUNS,
  AID_NOUNS,
  ANAPHORIC_DETERMINERS,
  ARGUMENT_PREPOSITIONS,
  ARMS_NOUNS,
  COUNTRY_REFERENCES,
  COUNTRY_TOKENS,
  FACET_WINDOW_AFTER,
  FACET_WINDOW_BEFORE,
  FORCE_NOUNS,
  MERGE_CUES_WITHIN,
  NEGATION_WINDOW,
  NEGATIONS,
  OBJECT_WINDOW_AFTER,
  OBJECT_WINDOW_BEFORE,
  PEOPLE_UNITS,
  PLACE_PREPOSITIONS,
  TARGET_PREPOSITIONS,
  type ActionClass,
} from './constants.ts';
import { sentenceNumbers, type NumberFact } from './numbers.ts';
import { splitSentences } from './sentences.ts';
import { concept, foldCase, stemWord, type Interner } from './text.ts';

export interface FacetTime {
  text: string;
  start: number;
  end: number;
  value: string;
  inferred: boolean;
  rule: string;
}

export interface Facet {
  /** Position in the story's facet list. */
  index: number;
  /** Identity for the whole cross-check of a story (kept when a later pass reuses the statement). */
  uid: number;
  /** Position of the article in the story's article order. */
  article: number;
  articleId: string;
  sentence: Span;
  /** Position of the sentence in its article. */
  sentenceIndex: number;
  action: ActionClass;
  /** The cue words (first to last merged cue); null for `other`. */
  cue: Span | null;
  negated: boolean;
  /** Concept ids of the words around the cue (the whole sentence for `other`), sorted, unique. */
  window: Int32Array;
  /** Concept ids of the whole sentence, sorted, unique. */
  words: Int32Array;
  /** Entity keys (story canonical, countries for their capitals and demonyms) of the sentence, sorted ids. */
  entities: Int32Array;
  actor: Party | null;
  target: Party | null;
  place: Party | null;
  numbers: NumberFact[];
  times: FacetTime[];
  /** Resolved calendar values of `times` (`2024`, `2024-11`, `2024-11-29`). */
  calendar: string[];
  /** ISO weekdays named without a date ("on Friday" unresolved: 5). */
  weekdays: number[];
  /** ISO weekdays of the resolved days in `calendar`. */
  dayWeekdays: number[];
  /** The annotator's claim whose span holds this sentence's cue, if any. */
  claim: Claim | null;
  rule: string;
}

/** An entity as a statement's argument: `key` compares across articles, `name` is shown. */
export interface Party {
  key: string;
  name: string;
}

/** What facets need of one article. */
export interface FacetInput {
  position: number;
  id: string;
  text: string;
  entities: Entity[];
  times: TimeExpression[];
  quantities: import('../model.ts').Quantity[];
  claims: Claim[];
  /** Document canonical -> story canonical. */
  canonicalOf: (canonical: string) => string;
}

interface CueForm {
  action: ActionClass;
  lemma: string;
}

/** Inflections of a lemma: -s/-es/-ies, -ed/-d/-ied, -ing, with a doubled final consonant where English doubles it. */
function inflections(lemma: string): string[] {
  const forms = new Set([lemma]);
  const consonantY = /[^aeiou]y$/.test(lemma);
  forms.add(consonantY ? `${lemma.slice(0, -1)}ies` : /(?:s|sh|ch|x|z)$/.test(lemma) ? `${lemma}es` : `${lemma}s`);
  if (lemma.endsWith('e')) forms.add(`${lemma}d`).add(`${lemma.slice(0, -1)}ing`);
  else if (consonantY) forms.add(`${lemma.slice(0, -1)}ied`).add(`${lemma}ing`);
  else {
    forms.add(`${lemma}ed`).add(`${lemma}ing`);
    if (/^[^aeiou]*[aeiou][bdgmnpt]$/.test(lemma)) forms.add(`${lemma}${lemma.at(-1)}ed`).add(`${lemma}${lemma.at(-1)}ing`);
  }
  return [...forms];
}

const CUE_FORMS: ReadonlyMap<string, CueForm> = (() => {
  const table = new Map<string, CueForm>();
  for (const [action, words] of ACTION_CUES) {
    for (const word of words) {
      const exact = word.startsWith('=');
      const lemma = exact ? word.slice(1) : word;
      for (const form of exact ? [lemma] : inflections(lemma)) if (!table.has(form)) table.set(form, { action, lemma });
    }
  }
  return table;
})();

const REPORTING_VERBS: ReadonlySet<string> = new Set(['said', 'says', 'told', 'reported', 'announced', 'added', 'confirmed', 'stated', 'wrote']);
function afterReportingVerb(tokens: readonly Token[], at: number): boolean {
  return REPORTING_VERBS.has(tokens[at - 1]?.word ?? '') || REPORTING_VERBS.has(tokens[at - 2]?.word ?? '');
}

const COUNTRY_KEYS: ReadonlySet<string> = new Set(COUNTRY_REFERENCES.values());
const ARTICLES = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their']);
const BY = new Set(['by']);
const WEAK_ACTIONS: ReadonlySet<ActionClass> = new Set(['aid', 'cooperate']);
const PASSIVE_AUXILIARIES = new Set(['was', 'were', 'been', 'being', 'is', 'are', 'be']);
const PARTY_TYPES = new Set(['PERSON', 'ORG', 'LOC']);
const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
/** Punctuation that closes a clause: a date or number does not bind across it to a cue. */
const CLAUSE_BREAK = /[,;:()\u2013\u2014]/;

interface Token {
  start: number;
  end: number;
  /** Folded, possessive dropped. */
  word: string;
  possessive: boolean;
  capitalised: boolean;
  /** Second part of a hyphenated compound ("President-elect"). */
  compound: boolean;
  /** Clause breaks before this token in the sentence. */
  breaks: number;
  /** Concept id of a content word, -1 for stop words and bare numbers. */
  concept: number;
}

const ASCII = /^[\x00-\x7f]*$/;
const CAPITAL = /^\p{Lu}/u;

/** Break characters as char codes: , ; : ( ) en dash, em dash. */
function isClauseBreak(code: number): boolean {
  return code === 44 || code === 59 || code === 58 || code === 40 || code === 41 || code === 0x2013 || code === 0x2014;
}

function tokenize(text: string, sentence: Span, interner: Interner): Token[] {
  const tokens: Token[] = [];
  let breaks = 0;
  let last = sentence.start;
  const body = text.slice(sentence.start, sentence.end);
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(body); match; match = TOKEN.exec(body)) {
    const start = sentence.start + match.index;
    for (let k = last; k < start; k++) if (isClauseBreak(text.charCodeAt(k))) breaks++;
    const raw = match[0];
    last = start + raw.length;
    let word = ASCII.test(raw) ? raw.toLowerCase() : foldCase(raw).replace(/’/g, "'");
    const possessive = word.length > 2 && word.charCodeAt(word.length - 1) === 115 && word.charCodeAt(word.length - 2) === 39;
    if (possessive) word = word.slice(0, -2);
    const before = start > 0 ? text.charCodeAt(start - 1) : 0;
    const compound = before === 45 || before === 0x2010 || before === 0x2011;
    const first = raw.charCodeAt(0);
    const capitalised = first >= 65 && first <= 90 ? true : first < 128 ? false : CAPITAL.test(raw);
    // Bare numbers are compared as quantities; ordinals ("112th") stay words.
    const content = !(word.length < 2 || STOP_WORDS.has(word) || /^\d+$/.test(word));
    tokens.push({ start, end: last, word, possessive, capitalised, compound, breaks, concept: content ? interner.id(concept(stemWord(word))) : -1 });
  }
  return tokens;
}

/** The key an entity name is compared by: folded, punctuation dropped, capitals and demonyms as their country. */
export function partyKey(name: string): string {
  const folded = foldCase(name).replace(/[^\p{L}\p{N}]+/gu, ' ').trim().replace(/^the /, '');
  return COUNTRY_REFERENCES.get(folded) ?? folded;
}

/** A country key as shown: "north korea" -> "North Korea". */
function displayKey(key: string, fallback: string): string {
  if (partyKey(fallback) === foldCase(fallback).replace(/[^\p{L}\p{N}]+/gu, ' ').trim().replace(/^the /, '')) return fallback;
  return key.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
}

interface BoundEntity {
  entity: Entity;
  party: Party;
  /** First and last token of the mention. */
  first: number;
  last: number;
}

interface CueHit {
  token: number;
  action: ActionClass;
  lemma: string;
  word: string;
}

/** Index of the first token starting at or after `offset`. */
function tokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function transferClass(tokens: readonly Token[], i: number): ActionClass {
  const from = Math.max(0, i - OBJECT_WINDOW_BEFORE);
  const to = Math.min(tokens.length - 1, i + OBJECT_WINDOW_AFTER);
  for (let k = from; k <= to; k++) {
    if (k === i) continue;
    const w = tokens[k].word;
    if (FORCE_NOUNS.has(w)) return 'deploy_forces';
    if (ARMS_NOUNS.has(w)) return 'supply_arms';
    if (AID_NOUNS.has(w)) return 'aid';
  }
  return 'transfer';
}

function findCues(tokens: readonly Token[], inEntity: Uint8Array): CueHit[] {
  const hits: CueHit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (inEntity[i] || t.compound || (t.capitalised && i > 0)) continue; // "Strike Force" in a name, "May" the month, "President-elect"
    const form = CUE_FORMS.get(t.word);
    if (!form) continue;
    // An event noun after a determiner with nothing of its own after it refers back: "the visit came days after".
    if (i > 0 && ANAPHORIC_DETERMINERS.has(tokens[i - 1].word) && !(i + 1 < tokens.length && ARGUMENT_PREPOSITIONS.has(tokens[i + 1].word) && tokens[i + 1].breaks === t.breaks)) continue;
    const action = form.action === 'transfer' ? transferClass(tokens, i) : form.action;
    hits.push({ token: i, action, lemma: form.lemma, word: t.word });
  }
  // Weak classes ("to aid Russia's war", "amid deepening cooperation") state a fact of their own only when
  // the sentence states nothing more specific.
  const strong = hits.filter((h) => !WEAK_ACTIONS.has(h.action));
  return strong.length > 0 ? strong : hits;
}

/** Sentence cues grouped into statements: cues of one class a few tokens apart are one statement. */
function groupCues(hits: readonly CueHit[]): CueHit[][] {
  const groups: CueHit[][] = [];
  for (const hit of hits) {
    const same = groups.find((g) => g[0].action === hit.action && hit.token - g[g.length - 1].token <= MERGE_CUES_WITHIN * 2);
    const last = groups.at(-1);
    if (same && (same === last || hit.token - same[same.length - 1].token <= MERGE_CUES_WITHIN)) same.push(hit);
    else if (same && same === groups.at(-1)) same.push(hit);
    else groups.push([hit]);
  }
  return groups;
}

/** Which statement a token (a date, a number) belongs to: the nearest cue in its clause. */
function nearestGroup(groups: readonly CueHit[][], tokens: readonly Token[], at: number): number {
  let best = 0;
  let bestCost = Infinity;
  groups.forEach((group, g) => {
    for (const hit of group) {
      const a = Math.min(at, hit.token);
      const b = Math.max(at, hit.token);
      const crossings = Math.abs((tokens[b]?.breaks ?? 0) - (tokens[a]?.breaks ?? 0));
      const cost = crossings * 100 + (b - a);
      if (cost < bestCost) {
        bestCost = cost;
        best = g;
      }
    }
  });
  return best;
}

/** Whether one of `set` stands at most `reach` tokens before `first`, titles ("Defense Minister") passed over. */
function precededBy(tokens: readonly Token[], first: number, set: ReadonlySet<string>, reach = 3): boolean {
  for (let k = first - 1; k >= Math.max(0, first - reach); k--) {
    if (set.has(tokens[k].word)) return true;
    if (!tokens[k].capitalised && !ARTICLES.has(tokens[k].word) && k < first - 1) return false;
  }
  return false;
}

interface Arguments {
  actor: Party | null;
  target: Party | null;
  place: Party | null;
}

function readArguments(group: readonly CueHit[], tokens: readonly Token[], bound: readonly BoundEntity[]): Arguments {
  const cue = group[0].token;
  const lastCue = group[group.length - 1].token;
  // Demonyms count as their country ("a Ukrainian delegation"); other MISC names (events, laws) are no party.
  const parties = bound.filter((b) => PARTY_TYPES.has(b.entity.type) || (b.entity.type === 'MISC' && COUNTRY_KEYS.has(b.party.key)));
  const before = parties.filter((b) => b.last < cue);
  // Arguments follow the first cue ("arrived in Pyongyang for an official visit"), within the statement's window.
  const after = parties.filter((b) => b.first > cue && b.first - lastCue <= FACET_WINDOW_AFTER);
  let actor: Party | null = null;
  let target: Party | null = null;

  // "Belousov's visit", "North Korea's dispatch": the possessor of an event noun acts; of "supplier", receives.
  const possessor = before.find((b) => tokens[b.last].possessive && cue - b.last <= 3);
  const agentNoun = group.some((h) => AGENT_NOUNS.has(h.lemma));
  if (possessor && agentNoun) target = possessor.party;
  else if (possessor) actor = possessor.party;
  if (agentNoun) actor = parties.find((b) => b.last < cue && b !== possessor)?.party ?? null;

  // Passive: "was greeted by his counterpart No Kwang-chol" - the agent follows "by".
  const passive = cue > 0 && PASSIVE_AUXILIARIES.has(tokens[cue - 1].word);
  if (!actor && passive) {
    const agent = after.find((b) => b.first - lastCue <= FACET_WINDOW_AFTER && precededBy(tokens, b.first, BY, 4));
    if (agent) {
      actor = agent.party;
      target ??= before.at(-1)?.party ?? null;
    }
  }
  if (!actor) {
    const subject = [...before].reverse().find((b) => !precededBy(tokens, b.first, PLACE_PREPOSITIONS) && !tokens[b.last].possessive);
    actor = subject?.party ?? null;
  }
  const place = after.find((b) => b.entity.type === 'LOC' && precededBy(tokens, b.first, PLACE_PREPOSITIONS))?.party ?? null;
  if (!target) {
    const candidates = after.filter((b) => b.party.key !== actor?.key);
    target =
      candidates.find((b) => precededBy(tokens, b.first, TARGET_PREPOSITIONS))?.party ??
      candidates.find((b) => b.first - lastCue <= 2 && !precededBy(tokens, b.first, PLACE_PREPOSITIONS))?.party ??
      null;
  }
  if (!target && (group[0].action === 'visit' || group[0].action === 'meet') && place) target = place;
  return { actor, target, place };
}

function sortedUnique(ids: number[]): Int32Array {
  const sorted = Int32Array.from(ids).sort();
  let k = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[k++] = sorted[i];
  return sorted.subarray(0, k);
}

function conceptIds(tokens: readonly Token[], from: number, to: number): number[] {
  const out: number[] = [];
  for (let k = Math.max(0, from); k <= Math.min(tokens.length - 1, to); k++) if (tokens[k].concept >= 0) out.push(tokens[k].concept);
  return out;
}

const PEOPLE = concept(stemWord('people'));
const PEOPLE_STEMS: ReadonlySet<string> = new Set([...PEOPLE_UNITS].map((w) => concept(stemWord(w))));

/**
 * What a number counts, made comparable: counts of people under one unit; a unit guessed from the next word
 * gives way to "the number of X" before it ("the number of people killed ... has risen to 19"); a casualty
 * count without a unit of its own counts people.
 */
function normaliseNumbers(numbers: NumberFact[], text: string, sentence: Span, action: ActionClass): NumberFact[] {
  if (numbers.length === 0) return numbers;
  const numberOf = /\bnumber of ([A-Za-z\u00C0-\u024F]+)/i.exec(text.slice(sentence.start, sentence.end));
  return numbers.map((n) => {
    let unit = n.unit;
    if (n.unitFrom === 'next-word' && numberOf && sentence.start + (numberOf.index ?? 0) < n.start) unit = concept(stemWord(foldCase(numberOf[1])));
    else if (n.unitFrom === 'next-word' && action === 'casualty_damage') unit = PEOPLE;
    if (PEOPLE_STEMS.has(unit)) unit = PEOPLE;
    return unit === n.unit ? n : { ...n, unit };
  });
}

/** The statements of one article, appended to `out` (indices continue from `out.length`). */
export function articleFacets(input: FacetInput, interner: Interner, out: Facet[]): void {
  const { text } = input;
  const entities = [...input.entities].sort((a, b) => a.start - b.start);
  const sentences = splitSentences(text);
  const byStart = <T extends { start: number }>(list: readonly T[]) => [...list].sort((a, b) => a.start - b.start);
  const allTimes = byStart(input.times);
  const allQuantities = byStart(input.quantities);
  const allClaims = byStart(input.claims);
  // Annotations starting in [start, end), from a list sorted by start, by binary search.
  const startingIn = <T extends { start: number }>(list: readonly T[], start: number, end: number): T[] => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].start < start) lo = mid + 1;
      else hi = mid;
    }
    const out: T[] = [];
    for (let k = lo; k < list.length && list[k].start < end; k++) out.push(list[k]);
    return out;
  };
  let e = 0;
  sentences.forEach((sentence, sentenceIndex) => {
    const tokens = tokenize(text, sentence, interner);
    if (tokens.length === 0) return;
    const inEntity = new Uint8Array(tokens.length);
    const bound: BoundEntity[] = [];
    while (e < entities.length && entities[e].start < sentence.start) e++;
    for (let k = e; k < entities.length && entities[k].start < sentence.end; k++) {
      const entity = entities[k];
      const first = tokenAt(tokens, entity.start);
      let last = first;
      while (last + 1 < tokens.length && tokens[last + 1].start < entity.end) last++;
      if (first >= tokens.length) continue;
      for (let t = first; t <= last; t++) inEntity[t] = 1;
      const name = input.canonicalOf(entity.canonical || entity.text);
      const key = partyKey(name);
      bound.push({ entity, party: { key, name: displayKey(key, name) }, first, last });
    }
    const entityKeys = bound.map((b) => interner.id(`@${b.party.key}`));
    for (const t of tokens) if (COUNTRY_TOKENS.has(t.word)) entityKeys.push(interner.id(`@${COUNTRY_REFERENCES.get(t.word) ?? t.word}`));

    const sentenceTimes = startingIn(allTimes, sentence.start, sentence.end);
    // "..., the fire service said on Wednesday": when it was said is no date of the fact.
    const times = sentenceTimes.filter((t) => !afterReportingVerb(tokens, tokenAt(tokens, t.start)));
    // Claims overlapping the sentence: those starting in it, or before it and reaching into it.
    const claims = allClaims.filter((c) => c.start < sentence.end && sentence.start < c.end);
    const numbers = sentenceNumbers(text, sentence, startingIn(allQuantities, sentence.start, sentence.end), sentenceTimes);
    const words = sortedUnique(conceptIds(tokens, 0, tokens.length - 1));
    const entityIds = sortedUnique(entityKeys);
    const hits = findCues(tokens, inEntity);

    if (hits.length === 0) {
      // A sentence stating nothing checkable (no name, number, date or claim) is not a statement.
      if (bound.length + times.length + numbers.length + claims.length === 0) return;
      out.push({
        index: out.length,
        uid: interner.nextUid(),
        article: input.position,
        articleId: input.id,
        sentence,
        sentenceIndex,
        action: 'other',
        cue: null,
        negated: tokens.some((t) => NEGATIONS.has(t.word)),
        window: words,
        words,
        entities: entityIds,
        actor: null,
        target: null,
        place: null,
        numbers: normaliseNumbers(numbers, text, sentence, 'other'),
        ...timeFields(times),
        claim: claims[0] ?? null,
        rule: 'crosscheck.facet.sentence',
      });
      return;
    }

    const groups = groupCues(hits);
    const timesOf = groups.map(() => [] as TimeExpression[]);
    for (const time of times) timesOf[nearestGroup(groups, tokens, tokenAt(tokens, time.start))].push(time);
    const numbersOf = groups.map(() => [] as NumberFact[]);
    for (const n of numbers) numbersOf[nearestGroup(groups, tokens, tokenAt(tokens, n.start))].push(n);

    groups.forEach((group, g) => {
      const first = group[0].token;
      const last = group[group.length - 1].token;
      const cueStart = tokens[first].start;
      const cueEnd = tokens[last].end;
      const args = readArguments(group, tokens, bound);
      const claim = claims.find((c) => c.start <= cueStart && cueStart < c.end) ?? null;
      const event = claim?.event;
      if (event && event.action === group[0].action) {
        // The annotator read the same action: it fills what the rules here left open.
        const party = (name: string | null): Party | null => {
          if (!name) return null;
          const story = input.canonicalOf(name);
          const key = partyKey(story);
          return { key, name: displayKey(key, story) };
        };
        args.actor ??= party(event.actor);
        args.target ??= party(event.target);
        args.place ??= party(event.place);
      }
      let negated = false;
      for (let k = Math.max(0, first - NEGATION_WINDOW); k < first; k++) if (NEGATIONS.has(tokens[k].word) || tokens[k].word.endsWith("n't")) negated = true;
      out.push({
        index: out.length,
        uid: interner.nextUid(),
        article: input.position,
        articleId: input.id,
        sentence,
        sentenceIndex,
        action: group[0].action,
        cue: { text: text.slice(cueStart, cueEnd), start: cueStart, end: cueEnd },
        negated,
        window: sortedUnique(conceptIds(tokens, first - FACET_WINDOW_BEFORE, last + FACET_WINDOW_AFTER)),
        words,
        entities: entityIds,
        ...args,
        numbers: normaliseNumbers(numbersOf[g], text, sentence, group[0].action),
        ...timeFields(timesOf[g]),
        claim,
        rule: `crosscheck.facet.cue:${group.map((h) => h.word).join('+')}`,
      });
    });
  });
}

const CALENDAR_VALUE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;
const DAY_VALUE = /^\d{4}-\d{2}-\d{2}$/;

/** A statement's times with what the aligner compares precomputed. */
function timeFields(times: readonly TimeExpression[]): Pick<Facet, 'times' | 'calendar' | 'weekdays' | 'dayWeekdays'> {
  const calendar = times.map((t) => t.value).filter((v) => CALENDAR_VALUE.test(v));
  const weekdays: number[] = [];
  for (const t of times) {
    const m = /^XXXX-WXX-([1-7])$/.exec(t.value);
    if (m) weekdays.push(Number(m[1]));
  }
  const dayWeekdays = calendar.filter((v) => DAY_VALUE.test(v)).map((v) => {
    const d = new Date(`${v}T00:00:00Z`).getUTCDay();
    return d === 0 ? 7 : d;
  });
  return { times: times.map(facetTime), calendar, weekdays, dayWeekdays };
}

function facetTime(t: TimeExpression): FacetTime {
  return { text: t.text, start: t.start, end: t.end, value: t.value, inferred: t.inferred === true, rule: t.rule };
}
