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
  ['meeting', 'talks', 'summit', 'meetings'],
  ['leaders', 'leadership', 'leader'],
  ['defense', 'defence'],
  ['programme', 'program'],
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

/** Claims in the summary. */
export const SUMMARY_MIN = 3;
export const SUMMARY_MAX = 5;

/** Content-word Dice at or above which a claim repeats one already in the summary. */
export const SUMMARY_REPEAT_THRESHOLD = 0.5;

// ---------------------------------------------------------------------------------------------------
// Statements: the action cues of a sentence (facets.ts). Classes follow the typology of src/annotate/events.ts
// (CAMEO root codes merged), so the aligner and the annotator speak of the same actions.

export type ActionClass =
  | 'visit'
  | 'meet'
  | 'negotiate'
  | 'cooperate'
  | 'deploy_forces'
  | 'supply_arms'
  | 'transfer'
  | 'attack'
  | 'fight'
  | 'territory_change'
  | 'casualty_damage'
  | 'threaten'
  | 'appoint_replace'
  | 'economic_measure'
  | 'accuse'
  | 'deny'
  | 'aid'
  | 'protest'
  | 'arrest'
  | 'evacuate'
  | 'other';

/**
 * Cue words per action class: verb lemmas and event nouns, inflected by facets.ts (-s, -ed, -ing, ...); a
 * word written `=form` matches only that exact form (for words whose other forms are nouns: "shells").
 * Attribution verbs ("said", "added", "reported") are not cues: they frame a fact, they are not the fact.
 */
export const ACTION_CUES: ReadonlyArray<readonly [ActionClass, readonly string[]]> = [
  ['visit', ['visit', 'arrive', 'arrival', 'travel', 'trip', 'tour', 'fly', '=flew', '=flown']],
  ['meet', ['meet', '=met', 'meeting', 'talks', 'greet', 'host', 'welcome', 'confer', 'summit', 'participate']],
  ['negotiate', ['negotiate', 'negotiation', 'mediate', 'sign', 'agree', 'agreement', 'deal', 'broker', 'propose', 'draft', 'treaty']],
  ['cooperate', ['cooperate', 'cooperation', 'deepen', 'strengthen', 'ally', 'alliance', 'partnership', 'coordinate']],
  ['deploy_forces', ['deploy', 'deployment', 'dispatch', 'station', 'mobilize', 'mobilise', 'redeploy', 'reinforce', 'amass']],
  ['transfer', ['send', '=sent', 'supply', 'supplier', 'provide', 'provider', 'deliver', 'delivery', 'ship', 'shipment', 'transfer', 'give', '=gave', 'sell', '=sold', 'export']],
  ['attack', ['attack', 'strike', '=struck', '=shelled', '=shelling', 'bomb', 'bombing', 'raid', 'invade', 'invasion', 'incursion', 'launch', 'ambush', 'assault']],
  ['fight', ['fight', '=fought', 'clash', 'engage', 'battle', 'combat', 'counterattack', 'counteroffensive']],
  ['territory_change', ['capture', 'recapture', 'regain', 'retake', 'seize', 'occupy', 'liberate', 'withdraw', 'retreat', 'advance', 'gain', 'lose', '=lost']],
  ['casualty_damage', ['kill', 'die', '=died', '=dead', 'death', 'injure', 'wound', 'destroy', 'damage', 'burn']],
  ['threaten', ['threaten', 'warn', 'warning', 'vow']],
  ['appoint_replace', ['appoint', 'appointment', 'replace', 'nominate', 'dismiss', 'sack', 'resign', 'resignation', 'elect', 'succeed', 'oust']],
  ['economic_measure', ['sanction', 'hike', 'cut', 'lower', 'raise', 'ban', 'embargo', 'tariff', 'freeze', 'devalue']],
  ['accuse', ['accuse', 'blame', 'condemn', 'criticize', 'criticise', 'denounce', 'allege']],
  ['deny', ['deny', 'denial', 'reject', 'refute']],
  ['aid', ['aid', 'help', 'assist', 'support', 'fund', 'finance']],
  ['protest', ['protest', 'demonstrate', 'demonstration', 'rally']],
  ['arrest', ['arrest', 'detain', 'jail', 'imprison', 'indict', 'convict']],
  ['evacuate', ['evacuate', 'evacuation', 'evacuee', 'shelter']],
];

/** Nouns of the cue list that name an agent ("supplier"): their possessor is the recipient, not the actor. */
export const AGENT_NOUNS: ReadonlySet<string> = new Set(['supplier', 'provider', 'host']);

/** Transfer cues take the class of what is transferred: troops are deployed, weapons supplied, food given. */
export const FORCE_NOUNS: ReadonlySet<string> = new Set([
  'troops', 'troop', 'soldiers', 'soldier', 'forces', 'personnel', 'servicemen', 'fighters', 'marines', 'paratroopers',
  'battalions', 'brigades', 'divisions', 'mercenaries', 'sailors', 'army', 'units',
]);
export const ARMS_NOUNS: ReadonlySet<string> = new Set([
  'weapons', 'weapon', 'arms', 'missiles', 'missile', 'shells', 'artillery', 'ammunition', 'munitions', 'rockets', 'drones',
  'tanks', 'jets', 'howitzers', 'rifles', 'equipment', 'launchers', 'bombs', 'warheads',
]);
export const AID_NOUNS: ReadonlySet<string> = new Set(['aid', 'food', 'medicine', 'funding', 'funds', 'money', 'assistance', 'grain', 'fuel', 'loans']);

/** Tokens either side of a transfer cue searched for its object ("sent more than 10,000 North Korean soldiers", "arms supplies"). */
export const OBJECT_WINDOW_AFTER = 8;
export const OBJECT_WINDOW_BEFORE = 2;

/** Words that negate a cue standing at most NEGATION_WINDOW tokens after them ("did not arrive", "never visited"). */
export const NEGATIONS: ReadonlySet<string> = new Set([
  'not', 'never', 'no', 'neither', 'nor', "didn't", "doesn't", "don't", "hasn't", "haven't", "hadn't", "wasn't", "weren't",
  "isn't", "aren't", "won't", "wouldn't", "couldn't", 'cannot', 'didn’t', 'doesn’t', 'hasn’t', 'wasn’t', 'weren’t', 'won’t',
]);
export const NEGATION_WINDOW = 3;

/** Determiners that make an event noun anaphoric ("the visit came days after ...") unless an argument follows. */
export const ANAPHORIC_DETERMINERS: ReadonlySet<string> = new Set(['the', 'this', 'that', 'these', 'those']);
/** Prepositions that give an event noun its own argument ("visit to Pyongyang", "talks with ...", "dispatch of troops"). */
export const ARGUMENT_PREPOSITIONS: ReadonlySet<string> = new Set(['to', 'of', 'with', 'in', 'by', 'on', 'into', 'from', 'against', 'between']);
/** Prepositions that introduce a place ("in Kursk Oblast"); an entity after one is not an actor. */
export const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'at', 'near', 'outside', 'inside', 'across', 'around', 'into', 'from']);
/** Prepositions that introduce a target or recipient ("to Russia", "against Ukraine", "with a delegation"). */
export const TARGET_PREPOSITIONS: ReadonlySet<string> = new Set(['to', 'against', 'on', 'with', 'for', 'by']);

/** Tokens either side of a cue whose words describe that statement (the facet's window). */
export const FACET_WINDOW_BEFORE = 6;
export const FACET_WINDOW_AFTER = 9;
/** Two cues of one class at most this many tokens apart are one statement ("arrived ... for an official visit"). */
export const MERGE_CUES_WITHIN = 7;

/**
 * Names that refer to a country in news prose: capitals and seats of government by metonymy ("Pyongyang
 * dispatched troops"), official short forms, demonyms. Used to compare statements, not to rename entities.
 */
export const COUNTRY_REFERENCES: ReadonlyMap<string, string> = new Map([
  ['pyongyang', 'north korea'], ['dprk', 'north korea'], ['north korean', 'north korea'], ['democratic people s republic of korea', 'north korea'],
  ['moscow', 'russia'], ['kremlin', 'russia'], ['russian', 'russia'], ['russian federation', 'russia'],
  ['kyiv', 'ukraine'], ['kiev', 'ukraine'], ['ukrainian', 'ukraine'],
  ['seoul', 'south korea'], ['rok', 'south korea'], ['south korean', 'south korea'], ['republic of korea', 'south korea'],
  ['beijing', 'china'], ['chinese', 'china'], ['washington', 'united states'], ['white house', 'united states'], ['american', 'united states'],
  ['us', 'united states'], ['u s', 'united states'], ['usa', 'united states'], ['united states of america', 'united states'],
  ['london', 'united kingdom'], ['uk', 'united kingdom'], ['britain', 'united kingdom'], ['great britain', 'united kingdom'], ['british', 'united kingdom'],
  ['paris', 'france'], ['french', 'france'], ['berlin', 'germany'], ['german', 'germany'], ['tokyo', 'japan'], ['japanese', 'japan'],
  ['tehran', 'iran'], ['iranian', 'iran'], ['jerusalem', 'israel'], ['israeli', 'israel'], ['ankara', 'turkey'], ['turkish', 'turkey'],
  ['minsk', 'belarus'], ['belarusian', 'belarus'], ['warsaw', 'poland'], ['polish', 'poland'], ['new delhi', 'india'], ['indian', 'india'],
]);
/** Words of the text that name a country without being tagged as an entity ("the DPRK"). Folded. */
export const COUNTRY_TOKENS: ReadonlySet<string> = new Set(['dprk', 'rok']);

/** Words around an outlet's name that make a sentence a relay of that outlet's reporting. */
export const RELAY_CUES: ReadonlySet<string> = new Set([
  'reported', 'reports', 'report', 'reporting', 'told', 'tells', 'according', 'citing', 'cited', 'quoted', 'quoting', 'indicated',
  'said', 'wrote', 'interview', 'published', 'revealed', 'seen',
]);
/** Tokens between a relay cue and an outlet's name (either order) for the sentence to count as a relay. */
export const RELAY_WINDOW = 4;

/** Units that count people: a casualty count without a unit counts people ("the toll rose to 19"). */
export const PEOPLE_UNITS: ReadonlySet<string> = new Set(['people', 'person', 'persons', 'dead', 'deaths', 'victims', 'lives', 'fatalities', 'individuals', 'residents']);

// ---------------------------------------------------------------------------------------------------
// Alignment thresholds (align.ts). Judgement calls checked on the hand-made fixtures of crosscheck.test.ts,
// the demo corpus (examples/demo/MANIFEST.json `facts`) and the two seed pages; later work tunes them on
// labelled claim pairs.

/** Weights of the statement score: the words around the cue, the whole sentence, the entities named. */
export const WEIGHT_WINDOW = 0.45;
export const WEIGHT_SENTENCE = 0.25;
export const WEIGHT_ENTITIES = 0.3;
/** A shared count with the same value and bound ("over 10,000" / "more than 10,000"). */
export const EXACT_NUMBER_BONUS = 0.2;
/** A shared count whose ranges only overlap ("thousands" / "over 10,000"). */
export const NUMBER_BONUS = 0.1;
/** The same resolved date, or a weekday that matches the other's date ("on Friday" / "on Nov. 29"). */
export const TIME_BONUS = 0.1;
/**
 * Score at or above which two statements of one action class are the same fact. Measured on the demo corpus
 * (per-event stories) and the seed pages: pairs that end up aligned score 0.41-0.9 (median ~0.6); pairs of
 * one class left apart have a median ~0.1 and a 90th percentile ~0.26-0.44. Above-threshold pairs that are
 * not each other's closest statement stay apart (the mutual-closest rule in align.ts), so the bar sits low.
 */
export const ALIGN_THRESHOLD = 0.36;
/** For sentences without an action cue only the wording speaks: a stricter bar. */
export const ALIGN_THRESHOLD_OTHER = 0.45;
/** A member joins a group only if its mean score to the members reaches this share of the threshold. */
export const AVERAGE_LINK_FACTOR = 0.8;
/**
 * Score (numbers and dates aside) at or above which two statements whose numbers, dates, polarity or actor
 * disagree are one fact told two ways, i.e. a conflict rather than two facts.
 */
export const CONFLICT_MIN_SCORE = 0.4;
/** Sentences without an action cue share fewer cues to tell one fact from another: they must be near paraphrases. */
export const CONFLICT_MIN_SCORE_OTHER = 0.55;
/** Actor conflicts need more: two actors of one action are often both true ("X and Y attacked"). */
export const ACTOR_CONFLICT_MIN_SCORE = 0.55;

/** Days after an anchored date searched for the reference dates under which a relative date resolves to it. */
export const INFERENCE_SEARCH_DAYS = 7;

/**
 * Candidate pairs come from shared words and entities. In a class of at least POSTING_CAP_MIN_BUCKET
 * statements, a word or entity held by more than POSTING_CAP_SHARE of them ("fire" in a fire story) finds no
 * pairs by itself: such pairs are still compared when they share a rarer word. On the demo corpus cycled to
 * 50 articles this skips ~60% of comparisons and changes no group.
 */
export const POSTING_CAP_SHARE = 0.3;
export const POSTING_CAP_MIN_BUCKET = 60;
