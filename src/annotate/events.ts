/**
 * Normalised statements of claims (`ClaimEvent`): who did what to whom, where, when, how many, so two
 * paraphrases of one fact compare equal ("North Korea has dispatched over 10,000 troops to aid Russia" /
 * "North Korea has sent more than 10,000 soldiers to Russia" -> actor North Korea, deploy_forces, target
 * Russia, 10,000+ troops).
 *
 * Action typology, after the root codes of CAMEO (Conflict and Mediation Event Observations), merged to
 * what news cross-checking needs:
 *
 *   visit             travel to a place or a party (CAMEO 042/043)       "arrived in Pyongyang"
 *   meet              meet, host, talk with (036/040)                     "met with a delegation"
 *   negotiate         negotiate, mediate, sign, agree (046/057)           "signed a pact"
 *   cooperate         deepen or coordinate cooperation (05x/06x)          "deepened military ties"
 *   deploy_forces     send or station troops (15x force posture)          "dispatched 10,000 troops"
 *   supply_arms       provide weapons or ammunition (07x material aid)    "supplied artillery shells"
 *   transfer          send or give something else (07x)                   "sent a letter"
 *   attack            strike, shell, invade, launch (18x/19x)             "launched missiles at Kyiv"
 *   fight             clash, engage in combat (190)                       "clashed with Ukrainian forces"
 *   territory_change  capture, regain, lose, withdraw (19x/087)           "recaptured territory"
 *   casualty_damage   kill, injure, destroy, damage (18x/19x effects)     "killed 12 civilians"
 *   threaten          threaten, warn (13x)                                "warned of retaliation"
 *   appoint_replace   appoint, replace, dismiss, resign (leadership)      "replaced Sergei Shoigu"
 *   economic_measure  sanctions, tariffs, rate hikes, bans (16x/economic) "hiked its interest rate"
 *   accuse            accuse, blame, condemn, criticise (11x/12x)         "accused of supplying"
 *   deny              deny, reject (12x/13x)                              "denied the report"
 *   aid               help or support a party (07x)                       "to aid Russia"
 *   protest           demonstrate, rally (14x)                            "protested in the capital"
 *   arrest            arrest, detain, charge (173)                        "detained two journalists"
 *   statement         a public statement with no other event (01x)        "the ministry said"
 *   other             an event the verb lists do not cover
 *
 * Reading a claim's content (rules, first match wins): the first verb of the content found in the class
 * lists (transfer verbs take the class of their object: troops -> deploy_forces, weapons -> supply_arms,
 * food -> aid) gives `action` and `verb`; the actor is the last entity before that verb (else the claim's
 * source for a statement); the target the first place or organisation after it that is not the actor
 * (preferring one after "to", "against", ...); the place the first place after "in", "at", "near"; the
 * time the first time annotation inside the content; quantities the quantity annotations inside the
 * content with unit synonyms normalised; negated when a negation stands right before the verb.
 */

import type { Claim, ClaimEvent, Entity, Quantity, TimeExpression } from '../model.ts';
import * as vocabulary from './events-constants.ts';
import type { ActionClass } from './events-constants.ts';
import { WordHashMap, hashString } from './claims-model.ts';
import { tokenFrom, type AnalyzedText } from './text.ts';

// Imported bindings copied once: the runner (tsx) reads imported bindings through getters, which costs in
// per-token loops.
const { ACTION_VERBS, AID_NOUNS, ARMS_NOUNS, FORCE_NOUNS, IRREGULAR_FORMS, NEGATIONS, PLACE_PREPOSITIONS, TARGET_PREPOSITIONS, UNIT_SYNONYMS } = vocabulary;

export type { ActionClass } from './events-constants.ts';

/** How many tokens after a transfer verb its object noun may stand ("sent more than 10,000 North Korean soldiers"). */
const OBJECT_WINDOW = 8;
/** How many tokens before the verb a negation may stand ("did not immediately confirm"). */
const NEGATION_WINDOW = 3;

/** Regular inflections of a verb lemma: visit -> visits, visited, visiting; arrive -> arrived, arriving. */
function verbForms(lemma: string): string[] {
  const forms = [lemma];
  const consonantY = /[^aeiou]y$/.test(lemma);
  forms.push(consonantY ? `${lemma.slice(0, -1)}ies` : /(?:s|sh|ch|x|z)$/.test(lemma) ? `${lemma}es` : `${lemma}s`);
  if (lemma.endsWith('e')) forms.push(`${lemma}d`, `${lemma.slice(0, -1)}ing`);
  else if (consonantY) forms.push(`${lemma.slice(0, -1)}ied`, `${lemma}ing`);
  else if (/^[^aeiou]*[aeiou][bdgmnpt]$/.test(lemma)) forms.push(`${lemma}${lemma.at(-1)}ed`, `${lemma}${lemma.at(-1)}ing`, `${lemma}ed`, `${lemma}ing`);
  else forms.push(`${lemma}ed`, `${lemma}ing`);
  return forms;
}

/** Every inflected form -> [class, lemma]; the first class listed for a form wins. */
const VERB_TABLE: ReadonlyMap<string, [ActionClass, string]> = (() => {
  const table = new Map<string, [ActionClass, string]>();
  const classOf = new Map<string, ActionClass>();
  for (const [action, lemmas] of ACTION_VERBS) {
    for (const lemma of lemmas) {
      if (!classOf.has(lemma)) classOf.set(lemma, action);
      for (const form of verbForms(lemma)) if (!table.has(form)) table.set(form, [action, lemma]);
    }
  }
  for (const [form, lemma] of IRREGULAR_FORMS) {
    const action = classOf.get(lemma);
    if (action && !table.has(form)) table.set(form, [action, lemma]);
  }
  return table;
})();

/** The same table keyed by the word hash of claims-model.ts's tokenContext: no string hashing per token. */
const VERB_TABLE_BY_HASH = new WordHashMap<[ActionClass, string]>([...VERB_TABLE].map(([form, entry]) => [hashString(form) | 0, entry] as const));

const PLACE_TYPES = new Set(['LOC']);
const PARTY_TYPES = new Set(['LOC', 'ORG', 'PERSON']);

function normaliseUnit(unit: string | null): string | null {
  if (unit === null) return null;
  const lower = unit.toLowerCase();
  return UNIT_SYNONYMS.get(lower) ?? lower;
}

function normaliseQuantity(q: Quantity): ClaimEvent['quantities'][number] {
  const out: ClaimEvent['quantities'][number] = { value: q.value, unit: normaliseUnit(q.unit) };
  // "over 10,000" / "more than 10,000" / "at least 10,000": a lower bound of the count.
  const low = q.low ?? (q.approx === 'over' || q.approx === 'at_least' ? q.value ?? undefined : undefined);
  const high = q.high ?? (q.approx === 'under' || q.approx === 'at_most' || q.approx === 'up_to' || q.approx === 'nearly' ? q.value ?? undefined : undefined);
  if (low !== undefined) out.low = low;
  if (high !== undefined) out.high = high;
  if (q.approx) out.approx = q.approx;
  return out;
}

/** Entities fully inside [start, end), from a list in text order (binary search to the first). */
function within(list: Entity[], start: number, end: number): Entity[] {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  const out: Entity[] = [];
  for (let k = lo; k < list.length && list[k]!.start < end; k++) if (list[k]!.end <= end) out.push(list[k]!);
  return out;
}

/**
 * The statement of one claim. `entities` (in text order), `times` and `quantities` are the document's
 * annotations; `lowerWords` and `wordHashes`, when given, the lower-cased tokens and their hashes (claims-model.ts's
 * tokenContext, shared with the attribution models).
 */
export function extractEvent(
  doc: AnalyzedText,
  claim: Claim,
  entities: Entity[],
  times: TimeExpression[],
  quantities: Quantity[],
  lowerWords?: readonly string[],
  wordHashes?: Int32Array,
): ClaimEvent {
  const lower = lowerWords ?? doc.tokens.map((t) => t.text.toLowerCase());
  const { tokens } = doc;
  const { start, end } = claim.content;
  const cue = claim.cue;
  // Tokens of the content, the cue excluded.
  let first = tokenFrom(doc, start);
  const contentTokens: number[] = [];
  for (; first < tokens.length && tokens[first]!.start < end; first++) {
    const t = tokens[first]!;
    if (cue && t.start >= cue.start && t.end <= cue.end) continue;
    contentTokens.push(first);
  }

  let action: ActionClass = 'other';
  let verb: string | null = null;
  let verbIndex = -1;
  let rule = 'events.none';
  // The first verb of a specific class wins; "aid" and "statement" verbs only when nothing more specific follows
  // ("dispatched troops to aid Russia" is a deployment; "the ministry said" is a statement).
  let weak: { action: ActionClass; k: number } | null = null;
  for (let i = 0; i < contentTokens.length; i++) {
    const k = contentTokens[i]!;
    const entry = wordHashes ? VERB_TABLE_BY_HASH.get(wordHashes[k]!) : VERB_TABLE.get(lower[k]!);
    if (!entry || tokens[k]!.shape !== 'lower') continue; // verbs are lower case: not "Strike" in a name, not the month May
    let found = entry[0];
    if (found === 'transfer') found = objectClass(lower, contentTokens, i) ?? 'transfer';
    if (found === 'aid' || found === 'statement') {
      weak ??= { action: found, k };
      continue;
    }
    action = found;
    verbIndex = k;
    break;
  }
  if (verbIndex < 0 && weak) {
    action = weak.action;
    verbIndex = weak.k;
  }
  if (verbIndex >= 0) {
    verb = tokens[verbIndex]!.text;
    rule = `events.verb.${action}`;
  }

  const inContent = within(entities, start, end);
  const verbOffset = verbIndex >= 0 ? tokens[verbIndex]!.start : start;
  let actorEntity: Entity | undefined;
  for (const e of inContent) if (e.end <= verbOffset && PARTY_TYPES.has(e.type) && !precededBy(doc, lower, e.start, PLACE_PREPOSITIONS)) actorEntity = e;
  let actor: string | null = actorEntity?.canonical ?? null;
  // An attributed claim with no event verb is its source's statement; the document's own voice is not.
  if (verbIndex < 0 && claim.source && claim.source.kind !== 'document') {
    action = 'statement';
    verb = cue?.text ?? null;
    actor = claim.source.canonical ?? claim.source.text;
    rule = 'events.attributed-statement';
  }

  const after = inContent.filter((e) => e.start >= verbOffset && e.canonical !== actor);
  const targetEntity =
    after.find((e) => PARTY_TYPES.has(e.type) && precededBy(doc, lower, e.start, TARGET_PREPOSITIONS)) ??
    after.find((e) => PARTY_TYPES.has(e.type) && !precededBy(doc, lower, e.start, PLACE_PREPOSITIONS));
  const placeEntity = inContent.find((e) => PLACE_TYPES.has(e.type) && precededBy(doc, lower, e.start, PLACE_PREPOSITIONS) && e !== targetEntity && e.canonical !== actor);

  const time = times.find((t) => t.start >= start && t.end <= end && (t.type === 'DATE' || t.type === 'TIME')) ?? null;
  const eventQuantities = quantities.filter((q) => q.start >= start && q.end <= end).map(normaliseQuantity);

  let negated = false;
  if (verbIndex >= 0) {
    for (let k = verbIndex - 1; k >= Math.max(0, verbIndex - NEGATION_WINDOW); k--) {
      const w = lower[k]!.replace('’', "'");
      if (NEGATIONS.has(w) || w.endsWith("n't")) negated = true;
    }
  }

  return {
    actor,
    action,
    verb,
    target: targetEntity?.canonical ?? null,
    place: placeEntity?.canonical ?? null,
    time: time?.value ?? null,
    quantities: eventQuantities,
    negated,
    rule,
  };
}

/** The class an object noun gives a transfer verb ("sent ... soldiers" -> deploy_forces). */
function objectClass(lower: readonly string[], contentTokens: number[], i: number): ActionClass | null {
  for (let j = i + 1; j < contentTokens.length && j <= i + OBJECT_WINDOW; j++) {
    const w = lower[contentTokens[j]!]!;
    if (FORCE_NOUNS.has(w)) return 'deploy_forces';
    if (ARMS_NOUNS.has(w)) return 'supply_arms';
    if (AID_NOUNS.has(w)) return 'aid';
  }
  return null;
}

/** True when the word before `offset` (skipping one "the") is in `words`: "in Kursk", "to the Kremlin". */
function precededBy(doc: AnalyzedText, lower: readonly string[], offset: number, words: ReadonlySet<string>): boolean {
  let k = tokenFrom(doc, offset) - 1;
  if (k >= 0 && lower[k] === 'the') k--;
  return k >= 0 && words.has(lower[k]!);
}

