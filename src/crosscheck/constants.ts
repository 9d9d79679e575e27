/**
 * Word lists and thresholds of the cross-check. The thresholds are judgement calls checked against the
 * hand-made fixtures of crosscheck.test.ts (no labelled data for claim matching yet); later work tunes them.
 */

/**
 * Words that report the same fact in different outlets' wording. Each group maps to its first word; the
 * matcher compares stemmed forms, so inflections ("arrives", "arrived") need not all be listed.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['troops', 'soldiers', 'servicemen', 'forces', 'personnel'],
  ['dispatched', 'sent', 'deployed', 'send', 'dispatch', 'deploy'],
  ['arrived', 'arrives', 'arrival', 'arrive', 'visit', 'visited', 'visits', 'landed', 'reached'],
  ['died', 'killed', 'dead', 'deaths', 'death', 'die', 'fatalities', 'perished', 'lives'],
  ['injured', 'wounded', 'hurt', 'injuries'],
  ['people', 'persons', 'individuals', 'residents'],
  ['said', 'stated', 'announced', 'declared', 'confirmed'],
  ['began', 'started', 'begin', 'start', 'launched', 'opened'],
  ['ended', 'finished', 'concluded', 'closed'],
  ['fire', 'blaze', 'flames'],
  ['meeting', 'talks', 'summit'],
  ['buy', 'purchase', 'acquire', 'bought', 'acquired', 'purchased'],
  ['quit', 'resigned', 'resign', 'stepped'],
  ['arrested', 'detained', 'held'],
  ['city', 'town'],
  ['building', 'structure'],
];

/**
 * Phrases before a number that make it a bound or an estimate (used when the annotator gave no
 * quantities for a sentence). Longest first, so "more than" wins over "more".
 */
export const APPROXIMATION_PHRASES: ReadonlyArray<readonly [string, 'over' | 'under' | 'about' | 'at_least' | 'at_most' | 'up_to' | 'nearly']> = [
  ['in excess of', 'over'],
  ['more than', 'over'],
  ['greater than', 'over'],
  ['upwards of', 'over'],
  ['at least', 'at_least'],
  ['no fewer than', 'at_least'],
  ['as many as', 'up_to'],
  ['fewer than', 'under'],
  ['less than', 'under'],
  ['at most', 'at_most'],
  ['up to', 'up_to'],
  ['approximately', 'about'],
  ['roughly', 'about'],
  ['around', 'about'],
  ['about', 'about'],
  ['some', 'about'],
  ['nearly', 'nearly'],
  ['almost', 'nearly'],
  ['close to', 'nearly'],
  ['over', 'over'],
  ['above', 'over'],
  ['under', 'under'],
  ['below', 'under'],
];

/** Abbreviations whose period does not end a sentence. */
export const ABBREVIATIONS: ReadonlySet<string> = new Set(
  (
    'mr mrs ms dr prof sen rep gov gen col lt sgt capt cmdr adm st jr sr inc ltd corp co vs etc approx est ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun u.s u.k u.n e.g i.e a.m p.m'
  ).split(/\s+/),
);

/** Relative half-width of an "about N" estimate: "about 40" covers 36..44. */
export const ABOUT_TOLERANCE = 0.1;

/** "nearly N" covers N * (1 - this) .. N. */
export const NEARLY_TOLERANCE = 0.1;

/** Years a bare four-digit number is read as (a date, not a count). */
export const YEAR_RANGE: readonly [number, number] = [1800, 2100];

/**
 * Similarity at or above which two fact units (from different articles) state the same fact. Dice of the
 * content words is ~0.6-0.8 for the same sentence reworded with synonyms and ~0.2 for two sentences of one
 * story about different facts; 0.45 sits between (checked on the test fixtures).
 */
export const GROUP_THRESHOLD = 0.45;

/** Bonus weight of shared entity canonicals (Jaccard) in the unit similarity. */
export const ENTITY_BONUS = 0.2;

/** Bonus for a shared, compatible number with the same unit ("37 people" / "37 dead people"). */
export const NUMBER_BONUS = 0.15;

/**
 * When a unit joins a group, its mean similarity to all members must reach this share of
 * GROUP_THRESHOLD: stops chains A~B~C where A and C say different things.
 */
export const AVERAGE_LINK_FACTOR = 0.8;

/**
 * Content-word Dice at or above which two units with incompatible numbers (same unit) or different exact
 * dates are the same fact told differently, i.e. a conflict rather than two different facts. Lower than
 * GROUP_THRESHOLD because the differing numbers already make the wording differ.
 */
export const CONFLICT_MIN_OVERLAP = 0.4;

/** Tokens in more units than this are not used to find candidate pairs (they are still scored). */
export const MAX_UNITS_PER_TOKEN = 400;

/** Claims in the summary. */
export const SUMMARY_MIN = 3;
export const SUMMARY_MAX = 5;

/** Content-word Dice at or above which a claim repeats one already in the summary. */
export const SUMMARY_REPEAT_THRESHOLD = 0.5;
