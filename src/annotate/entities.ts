/**
 * Rule-based named-entity recogniser (v1). Reads capitalised token sequences and types them with a
 * gazetteer and head-word rules; names are resolved to canonicals afterwards by resolve.ts.
 *
 * Sequence of rules per capitalised sequence, first plausible wins at each position:
 *   1. boilerplate (ALL-CAPS runs, "Editors' Picks") is skipped;
 *   2. a gazetteer name, a demonym or country starting an organisation ("Russian Defense Ministry");
 *   3. a title ("Russian Defense Minister") followed by a name -> PERSON with the title as a role;
 *   4. head words: organisation heads -> ORG, place heads -> LOC, event heads -> MISC;
 *   5. two or more unknown capitalised tokens -> PERSON; one unknown token is typed by resolve.ts.
 *
 * Possessives: "Ukraine's General Staff" is two mentions, LOC "Ukraine" and ORG "General Staff"; the ORG
 * gets the owner's demonym in its canonical hint ("Ukrainian General Staff") so that "Ukraine's General
 * Staff" and "the Ukrainian General Staff" resolve to one entity.
 */

import type { Entity, EntityType } from '../model.ts';
import {
  BOILERPLATE_PHRASES,
  CALENDAR_WORDS,
  COMMON_SENTENCE_STARTERS,
  COUNTRY_DEMONYM,
  GAZETTEER,
  GIVEN_NAMES,
  HYPHEN_SUFFIX_WORDS,
  LOC_HEADS,
  LOWERCASE_ROLE_WORDS,
  MAX_GAZETTEER_TOKENS,
  MISC_HEADS,
  NAME_PARTICLE_PREFIX,
  NAME_PARTICLES,
  ORG_HEADS,
  OUTLET_HEADS,
  TITLE_HEADS,
  TITLE_MODIFIERS,
  type GazetteerEntry,
} from './constants.ts';
import type { AnalyzedText, Token } from './text.ts';

/** A recognised mention before resolution: everything of an Entity but its canonical. */
export interface EntityMention extends Omit<Entity, 'canonical' | 'resolution'> {
  /** Canonical proposed by the recogniser (gazetteer canonical, owner-qualified organisation name). */
  hint?: string;
  /** True for news outlets. */
  outlet?: boolean;
  /** A single capitalised token of unknown kind: resolve.ts types it (surname or not). */
  unknownSingle?: boolean;
}

/** The recogniser's entry point: a trained model replaces this function with the same signature. */
export type EntityRecognizer = (doc: AnalyzedText) => EntityMention[];

const HYPHENATED_KOREAN_GIVEN_NAME = /^\p{Lu}\p{Ll}+-\p{Ll}+$/u;
const ROLE_HEAD_WORDS = [
  'minister', 'president', 'spokesman', 'spokeswoman', 'spokesperson', 'leader', 'commander', 'chief',
  'ambassador', 'envoy', 'secretary', 'premier', 'chancellor', 'governor', 'mayor', 'general', 'director',
  'adviser', 'advisor', 'head', 'official', 'economist', 'analyst', 'lawmaker', 'senator', 'chairman',
];
/** Apposition after a name: ", the foreign minister," -> role "the foreign minister". */
const APPOSITION_ROLE = new RegExp(
  `^,\\s+((?:the|a|an|its|his|her|their)\\s+(?:[\\p{L}'’.-]+\\s+){0,4}?(?:${ROLE_HEAD_WORDS.join('|')}))(?=[,.;])`,
  'u',
);
/** The word without one trailing period ("Gen." -> "Gen"). */
function bare(word: string): string {
  return word.charCodeAt(word.length - 1) === 46 ? word.slice(0, -1) : word;
}

/** NAME_PARTICLE_PREFIX ("al-Assad"), tested only on words with a hyphen where a particle (2-3 letters) ends. */
function hasParticlePrefix(word: string): boolean {
  const second = word.charCodeAt(2);
  const third = word.charCodeAt(3);
  const hyphen = second === 45 || second === 0x2010 || third === 45 || third === 0x2010;
  return hyphen && NAME_PARTICLE_PREFIX.test(word);
}

export const recognizeEntities: EntityRecognizer = (doc) => {
  const { text, tokens } = doc;
  const lowerWords = new Set<string>();
  for (const token of tokens) if (token.shape === 'lower') lowerWords.add(token.text);

  // Hyphenated words with a common second half ("Russian-backed") only keep their first half as a name.
  const breakAfter = new Uint8Array(tokens.length);
  const nameEnds = tokens.map((token) => token.nameEnd);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.shape !== 'cap' || token.possessive) continue;
    const hyphen = token.text.lastIndexOf('-');
    if (hyphen > 0 && HYPHEN_SUFFIX_WORDS.has(token.text.slice(hyphen + 1).toLowerCase())) {
      nameEnds[i] = token.start + hyphen;
      breakAfter[i] = 1;
    }
  }
  const surfaces = tokens.map((token, k) => (nameEnds[k] === token.end ? token.text : text.slice(token.start, nameEnds[k])));
  const surface = (i: number) => surfaces[i]!;
  const isEnd = (i: number) => tokens[i]!.possessive || breakAfter[i] === 1;

  // Memoised: the sequence builder asks about the same token several times.
  const nameTokenMemo = new Int8Array(tokens.length);
  const isNameToken = (i: number): boolean => {
    if (nameTokenMemo[i] === 0) nameTokenMemo[i] = computeNameToken(i) ? 1 : 2;
    return nameTokenMemo[i] === 1;
  };
  const computeNameToken = (i: number): boolean => {
    const token = tokens[i]!;
    if (token.shape !== 'cap' && token.shape !== 'upper' && !hasParticlePrefix(token.text)) return false;
    const word = surface(i);
    if (CALENDAR_WORDS.has(bare(word))) return false;
    // A word in an ALL-CAPS run ("MORE NEWS") is page furniture, unless the gazetteer knows it.
    if (token.shape === 'upper' && !token.text.includes('.') && !GAZETTEER.has(word)) {
      const upperAt = (k: number) => tokens[k]?.shape === 'upper' && !tokens[k]!.text.includes('.');
      if ((i > 0 && upperAt(i - 1) && adjacent(i - 1, i)) || (upperAt(i + 1) && adjacent(i, i + 1))) return false;
    }
    if (token.sentenceInitial || startsAfterQuoteOrColon(text, token.start)) {
      const lower = word.toLowerCase();
      if (COMMON_SENTENCE_STARTERS.has(lower)) return false;
      if (lowerWords.has(lower) && !GAZETTEER.has(word)) return false;
    }
    return true;
  };
  // Separated by exactly one space.
  const adjacent = (i: number, j: number) =>
    j < tokens.length && tokens[j]!.start - tokens[i]!.end === 1 && text.charCodeAt(tokens[i]!.end) === 32;

  const mentions: EntityMention[] = [];
  const splitter = new SequenceSplitter(doc, surfaces, mentions);
  let i = 0;
  while (i < tokens.length) {
    if (!isNameToken(i)) {
      i++;
      continue;
    }
    const boilerplate = boilerplateAt(text, tokens[i]!);
    if (boilerplate > 0) {
      while (i < tokens.length && tokens[i]!.start < boilerplate) i++;
      continue;
    }
    // Grow the sequence: adjacent name tokens, and connectors/particles between name tokens.
    let j = i;
    for (;;) {
      // A possessive ends the name, except a place owning an organisation ("Ukraine's General Staff").
      if (isEnd(j) && !(tokens[j]!.possessive && GAZETTEER.get(surface(j))?.subtype === 'GPE')) break;
      if (adjacent(j, j + 1) && isNameToken(j + 1) && !tokens[j + 1]!.sentenceInitial) {
        j++;
        continue;
      }
      const next = tokens[j + 1];
      if (next && next.shape === 'lower' && adjacent(j, j + 1)) {
        const lower = next.text;
        const hasHead = hasHeadWord(surfaces, i, j);
        if ((lower === 'of' || lower === 'for') && hasHead) {
          if (adjacent(j + 1, j + 2) && isNameToken(j + 2)) {
            j += 2;
            continue;
          }
          if (tokens[j + 2]?.text === 'the' && adjacent(j + 1, j + 2) && adjacent(j + 2, j + 3) && isNameToken(j + 3)) {
            j += 3;
            continue;
          }
        }
        if (NAME_PARTICLES.has(lower) && !hasHead && adjacent(j + 1, j + 2) && isNameToken(j + 2)) {
          j += 2;
          continue;
        }
      }
      break;
    }
    splitter.split(i, j + 1);
    i = j + 1;
  }
  addRoles(doc, mentions);
  mentions.sort((a, b) => a.start - b.start);
  return mentions;
};

/** Boilerplate phrases by first word, so a capitalised token is checked against a handful of phrases. */
const BOILERPLATE_BY_FIRST_WORD = new Map<string, string[]>();
for (const phrase of BOILERPLATE_PHRASES) {
  const first = phrase.split(/[\s'’]/)[0]!;
  BOILERPLATE_BY_FIRST_WORD.set(first, [...(BOILERPLATE_BY_FIRST_WORD.get(first) ?? []), phrase]);
}

/** End offset of a boilerplate phrase starting at the token, or 0. */
function boilerplateAt(text: string, token: Token): number {
  let cut = token.text.length;
  for (let k = 0; k < token.text.length; k++) {
    const code = token.text.charCodeAt(k);
    if (code === 39 || code === 0x2019) {
      cut = k;
      break;
    }
  }
  const phrases = BOILERPLATE_BY_FIRST_WORD.get(cut === token.text.length ? token.text : token.text.slice(0, cut));
  if (phrases === undefined) return 0;
  for (const phrase of phrases) {
    if (text.startsWith(phrase, token.start)) return token.start + phrase.length;
  }
  return 0;
}

function startsAfterQuoteOrColon(text: string, start: number): boolean {
  let k = start - 1;
  while (k >= 0 && text[k] === ' ') k--;
  const ch = text[k];
  return ch === '"' || ch === '“' || ch === ':' || ch === '(' || ch === '‘';
}

function hasHeadWord(surfaces: string[], from: number, to: number): boolean {
  for (let k = from; k <= to; k++) {
    const word = bare(surfaces[k]!);
    if (ORG_HEADS.has(word) || LOC_HEADS.has(word) || TITLE_HEADS.has(word)) return true;
  }
  return false;
}

const isOrgHead = (word: string) => ORG_HEADS.has(word);
const isOutletHead = (word: string) => OUTLET_HEADS.has(word);
const isGivenName = (word: string) => GIVEN_NAMES.has(word);
const isOrgOrTitleHead = (word: string) => ORG_HEADS.has(word) || TITLE_HEADS.has(word);

/**
 * Splits capitalised sequences into mentions. A class (not closures) so that nothing is allocated per
 * sequence; `surfaces[k]` is token k without possessive ending or hyphen suffix.
 */
class SequenceSplitter {
  private to = 0;

  constructor(
    private readonly doc: AnalyzedText,
    private readonly surfaces: string[],
    private readonly out: EntityMention[],
  ) {}

  /** A mention never includes a possessive ending or a hyphen suffix ("Russian-backed"). */
  private endOf(k: number): number {
    return this.doc.tokens[k]!.start + this.surfaces[k]!.length;
  }

  private words(a: number, b: number): string[] {
    const list: string[] = [];
    for (let k = a; k < b; k++) list.push(bare(this.surfaces[k]!));
    return list;
  }

  private emit(a: number, b: number, type: EntityType, rule: string, extra?: Partial<EntityMention>): void {
    const start = this.doc.tokens[a]!.start;
    const end = this.endOf(b - 1);
    this.out.push({ text: this.doc.text.slice(start, end), start, end, type, rule, ...extra });
  }

  /** Splits one capitalised sequence [from, to) into mentions. */
  split(from: number, to: number): void {
    this.to = to;
    const { text, tokens } = this.doc;
    const whole = text.slice(tokens[from]!.start, this.endOf(to - 1));
    if (BOILERPLATE_PHRASES.has(whole) || BOILERPLATE_PHRASES.has(text.slice(tokens[from]!.start, tokens[to - 1]!.end))) return;
    // ALL-CAPS runs of two or more words are page furniture ("MORE NEWS"), unless the gazetteer knows them.
    let upperCount = 0;
    for (let k = from; k < to; k++) if (tokens[k]!.shape === 'upper' && !tokens[k]!.text.includes('.')) upperCount++;
    if (upperCount >= 2 && upperCount === to - from && !GAZETTEER.has(whole)) return;

    let k = from;
    let owner: string | null = null;
    // A mid-sentence capitalised "The" belongs to a name only when the gazetteer says so ("The Hague").
    while (k < to && this.surfaces[k] === 'The' && !this.gazetteerMatch(k)) k++;
    while (k < to) {
      const segmentEnd = this.untilPossessive(k);
      const rest = this.words(k, segmentEnd);
      const orgHeadAt = rest.findIndex(isOrgHead);
      const gaz = this.gazetteerMatch(k);
      const nationality = gaz !== null && (gaz.entry.subtype === 'NORP' || gaz.entry.subtype === 'GPE');

      // Rule 2: a demonym or country followed by an organisation head: one ORG ("Russian Defense Ministry").
      if (gaz && nationality && !tokens[k + gaz.length - 1]!.possessive && orgHeadAt >= gaz.length) {
        const end = this.extendOrgTail(k + lastIndexWhere(rest, isOrgHead) + 1, segmentEnd);
        this.emit(k, end, 'ORG', 'entities.demonym-org', this.orgExtra(k, end, null));
        k = end;
        owner = null;
        continue;
      }
      if (gaz) {
        const end = k + gaz.length;
        const person = this.titleAt(end, segmentEnd);
        if (person && nationality) {
          // Rule 3 with a nationality: "Russian Defense Minister Andrei Belousov".
          this.emitGazetteer(k, end, gaz.entry);
          this.emitPerson(k, person.titleEnd, person.nameEnd);
          k = person.nameEnd;
          continue;
        }
        if (person === null && nationality && this.titleOnlyAt(end, segmentEnd)) {
          // "Russian President" with no name: only the nationality is an entity.
          this.emitGazetteer(k, end, gaz.entry);
          k = segmentEnd;
          continue;
        }
        this.emitGazetteer(k, end, gaz.entry);
        owner = tokens[end - 1]!.possessive && gaz.entry.subtype === 'GPE' ? (gaz.entry.canonical ?? this.surfaces[end - 1]!) : null;
        k = end;
        continue;
      }
      if (orgHeadAt >= 0) {
        // Rule 4: organisation head ("General Staff", "Ministry of Defence").
        const end = this.extendOrgTail(k + lastIndexWhere(rest, isOrgHead) + 1, segmentEnd);
        this.emit(k, end, 'ORG', owner ? 'entities.owned-org' : 'entities.org-head', this.orgExtra(k, end, owner));
        k = end;
        owner = null;
        continue;
      }
      const person = this.titleAt(k, segmentEnd);
      if (person) {
        this.emitPerson(k, person.titleEnd, person.nameEnd);
        k = person.nameEnd;
        continue;
      }
      if (this.titleOnlyAt(k, segmentEnd)) {
        k = segmentEnd;
        continue;
      }
      const last = rest[rest.length - 1]!;
      if (LOC_HEADS.has(last)) this.emit(k, segmentEnd, 'LOC', 'entities.loc-head', { subtype: 'GPE' });
      else if (MISC_HEADS.has(last)) this.emit(k, segmentEnd, 'MISC', 'entities.misc-head');
      else if (rest.length >= 2 || HYPHENATED_KOREAN_GIVEN_NAME.test(rest[0]!)) {
        const rule = GIVEN_NAMES.has(rest[0]!) ? 'entities.given-name' : 'entities.capitalised-sequence';
        this.emit(k, segmentEnd, 'PERSON', rule);
      } else if (tokens[k]!.shape === 'upper') this.emit(k, segmentEnd, 'ORG', 'entities.acronym');
      else this.emit(k, segmentEnd, 'MISC', 'entities.single-unknown', { unknownSingle: true });
      k = segmentEnd;
      owner = null;
    }
  }

  private untilPossessive(a: number): number {
    for (let m = a; m < this.to; m++) if (this.doc.tokens[m]!.possessive) return m + 1;
    return this.to;
  }

  private gazetteerMatch(a: number): { entry: GazetteerEntry; length: number } | null {
    const max = Math.min(MAX_GAZETTEER_TOKENS, this.to - a);
    const start = this.doc.tokens[a]!.start;
    for (let length = max; length >= 1; length--) {
      // Inner possessives belong to the name ("Democratic People's Republic"), the last one does not.
      const entry = GAZETTEER.get(this.doc.text.slice(start, this.endOf(a + length - 1)));
      if (entry) return { entry, length };
    }
    return null;
  }

  private emitGazetteer(a: number, b: number, entry: GazetteerEntry): void {
    const extra: Partial<EntityMention> = {};
    if (entry.subtype) extra.subtype = entry.subtype;
    if (entry.canonical) extra.hint = entry.canonical;
    if (entry.outlet) extra.outlet = true;
    this.emit(a, b, entry.type, 'entities.gazetteer', extra);
  }

  /** A title at `a` followed by name tokens before `b`: the person's name is [titleEnd, nameEnd). */
  private titleAt(a: number, b: number): { titleEnd: number; nameEnd: number } | null {
    let m = a;
    let lastHead = -1;
    while (m < b) {
      const word = bare(this.surfaces[m]!);
      if (TITLE_HEADS.has(word)) lastHead = m;
      else if (!TITLE_MODIFIERS.has(word) && !(GAZETTEER.get(word)?.subtype === 'NORP')) break;
      m++;
    }
    if (lastHead < 0 || lastHead + 1 >= b) return null;
    if (this.words(lastHead + 1, b).some(isOrgOrTitleHead)) return null;
    return { titleEnd: lastHead + 1, nameEnd: b };
  }

  private titleOnlyAt(a: number, b: number): boolean {
    if (a >= b) return false;
    for (let m = a; m < b; m++) {
      const word = bare(this.surfaces[m]!);
      if (!TITLE_HEADS.has(word) && !TITLE_MODIFIERS.has(word)) return false;
    }
    return TITLE_HEADS.has(bare(this.surfaces[b - 1]!));
  }

  private emitPerson(roleStart: number, titleEnd: number, nameEnd: number): void {
    const { text, tokens } = this.doc;
    const role = text.slice(tokens[roleStart]!.start, tokens[titleEnd - 1]!.end);
    this.emit(titleEnd, nameEnd, 'PERSON', 'entities.title-person', { roles: [role] });
  }

  /** "Ministry of Defence" was joined by the sequence builder; keep the tail tokens after the head. */
  private extendOrgTail(end: number, limit: number): number {
    return limit > end && !this.words(end, limit).some(isGivenName) ? limit : end;
  }

  private orgExtra(a: number, b: number, ownerName: string | null): Partial<EntityMention> {
    const list = this.words(a, b);
    const extra: Partial<EntityMention> = list.some(isOutletHead) ? { outlet: true } : {};
    if (ownerName) extra.hint = `${COUNTRY_DEMONYM.get(ownerName) ?? ownerName} ${list.join(' ')}`;
    return extra;
  }
}

function lastIndexWhere(list: string[], predicate: (w: string) => boolean): number {
  for (let k = list.length - 1; k >= 0; k--) if (predicate(list[k]!)) return k;
  return -1;
}

/** Index of the token starting at `offset` (binary search over the sorted tokens), or undefined. */
function tokenStartingAt(tokens: Token[], offset: number): number | undefined {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const start = tokens[mid]!.start;
    if (start === offset) return mid;
    if (start < offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** Roles beside a person: lower-case titles before ("leader Kim"), appositions after (", the minister,"). */
function addRoles(doc: AnalyzedText, mentions: EntityMention[]): void {
  const { text, tokens } = doc;
  for (const mention of mentions) {
    if (mention.type !== 'PERSON') continue;
    const roles = mention.roles ?? [];
    const first = tokenStartingAt(tokens, mention.start);
    if (first !== undefined && !mention.roles) {
      let k = first - 1;
      while (k >= 0 && tokens[k]!.shape === 'lower' && LOWERCASE_ROLE_WORDS.has(tokens[k]!.text) && text.slice(tokens[k]!.end, tokens[k + 1]!.start) === ' ') k--;
      if (k < first - 1) {
        let roleStart = tokens[k + 1]!.start;
        // Include a nationality right before ("North Korean counterpart").
        const before = mentions.find((m) => m.end === tokens[k]?.end && m.subtype === 'NORP' && text.slice(m.end, roleStart) === ' ');
        if (before) roleStart = before.start;
        roles.push(text.slice(roleStart, tokens[first - 1]!.end));
      }
    }
    const apposition = APPOSITION_ROLE.exec(text.slice(mention.end, mention.end + 80));
    if (apposition) roles.push(apposition[1]!);
    if (roles.length > 0) mention.roles = roles;
  }
}
