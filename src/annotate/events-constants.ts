/**
 * Vocabulary of the claim statements (events.ts): verbs by action class, the object nouns that split
 * transfer verbs ("sent troops" / "sent missiles"), unit synonyms, negations.
 */

/** Action classes; see the typology at the top of events.ts. */
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
  | 'statement'
  | 'other';

/** Verb lemmas by class. Inflections come from `verbForms` plus IRREGULAR_FORMS. */
export const ACTION_VERBS: ReadonlyArray<[ActionClass, readonly string[]]> = [
  ['visit', ['visit', 'arrive', 'travel', 'tour', 'fly', 'land']],
  ['meet', ['meet', 'greet', 'host', 'receive', 'welcome', 'talk', 'confer']],
  ['negotiate', ['negotiate', 'mediate', 'sign', 'agree', 'broker', 'propose']],
  ['cooperate', ['cooperate', 'deepen', 'strengthen', 'ally', 'partner', 'coordinate']],
  ['deploy_forces', ['deploy', 'dispatch', 'station', 'mobilize', 'mobilise', 'redeploy', 'reinforce', 'amass']],
  ['supply_arms', ['arm', 'resupply']],
  ['transfer', ['send', 'supply', 'provide', 'deliver', 'ship', 'transfer', 'give', 'sell', 'export']],
  ['attack', ['attack', 'strike', 'shell', 'bomb', 'raid', 'invade', 'launch', 'fire', 'target', 'hit', 'ambush', 'assault']],
  ['fight', ['fight', 'clash', 'engage', 'battle', 'combat', 'counterattack']],
  ['territory_change', ['capture', 'recapture', 'regain', 'retake', 'seize', 'occupy', 'liberate', 'withdraw', 'retreat', 'advance', 'gain', 'lose']],
  ['casualty_damage', ['kill', 'die', 'injure', 'wound', 'destroy', 'damage', 'down', 'sink']],
  ['threaten', ['threaten', 'warn', 'vow']],
  ['appoint_replace', ['appoint', 'replace', 'name', 'nominate', 'dismiss', 'sack', 'resign', 'elect', 'succeed', 'oust']],
  ['economic_measure', ['sanction', 'hike', 'raise', 'cut', 'ban', 'embargo', 'tax', 'tariff', 'freeze', 'devalue', 'fuel']],
  ['accuse', ['accuse', 'blame', 'condemn', 'criticize', 'criticise', 'denounce', 'allege']],
  ['deny', ['deny', 'reject', 'refute', 'dismiss']],
  ['aid', ['aid', 'help', 'assist', 'support', 'back', 'fund', 'finance']],
  ['protest', ['protest', 'demonstrate', 'rally', 'march', 'strike']],
  ['arrest', ['arrest', 'detain', 'jail', 'imprison', 'charge', 'indict', 'convict', 'sentence']],
  ['statement', ['say', 'announce', 'state', 'declare', 'confirm', 'report', 'claim', 'add', 'tell', 'note', 'indicate', 'specify', 'comment']],
];

/** Irregular past forms (the regular ones are generated). */
export const IRREGULAR_FORMS: ReadonlyMap<string, string> = new Map([
  ['sent', 'send'], ['met', 'meet'], ['struck', 'strike'], ['fought', 'fight'], ['sold', 'sell'], ['gave', 'give'],
  ['given', 'give'], ['flew', 'fly'], ['flown', 'fly'], ['said', 'say'], ['told', 'tell'], ['lost', 'lose'],
  ['hit', 'hit'], ['shot', 'shoot'], ['led', 'lead'], ['held', 'hold'], ['took', 'take'], ['taken', 'take'],
  ['brought', 'bring'], ['sank', 'sink'], ['sunk', 'sink'], ['withdrew', 'withdraw'], ['withdrawn', 'withdraw'],
  ['arrived', 'arrive'], ['froze', 'freeze'], ['frozen', 'freeze'], ['came', 'come'], ['began', 'begin'],
]);

/** Nouns that make a transfer a deployment of forces ("sent 10,000 soldiers"). */
export const FORCE_NOUNS = new Set([
  'troops', 'troop', 'soldiers', 'soldier', 'forces', 'personnel', 'servicemen', 'fighters', 'marines',
  'paratroopers', 'units', 'battalions', 'brigades', 'divisions', 'mercenaries', 'sailors', 'pilots', 'army',
]);
/** Nouns that make a transfer an arms supply ("supplying artillery shells"). */
export const ARMS_NOUNS = new Set([
  'weapons', 'arms', 'missiles', 'missile', 'shells', 'artillery', 'ammunition', 'munitions', 'rockets',
  'drones', 'tanks', 'jets', 'howitzers', 'rifles', 'equipment', 'systems', 'launchers', 'bombs', 'warheads',
]);
/** Nouns that make a transfer aid ("sent food", "provided funding"). */
export const AID_NOUNS = new Set(['aid', 'food', 'medicine', 'supplies', 'funding', 'funds', 'money', 'assistance', 'grain', 'fuel', 'loans']);

/** Unit synonyms of counted nouns, normalised so paraphrases compare equal. */
export const UNIT_SYNONYMS: ReadonlyMap<string, string> = new Map([
  ['soldiers', 'troops'], ['soldier', 'troops'], ['troop', 'troops'], ['servicemen', 'troops'],
  ['military personnel', 'troops'], ['personnel', 'troops'], ['forces', 'troops'], ['fighters', 'troops'],
  ['people', 'people'], ['persons', 'people'], ['individuals', 'people'], ['civilians', 'civilians'],
  ['missile', 'missiles'], ['rocket', 'rockets'], ['shell', 'shells'], ['drone', 'drones'], ['tank', 'tanks'],
  ['per cent', 'percent'], ['pct', 'percent'], ['%', 'percent'],
]);

/** Words that negate the verb they precede ("did not confirm", "never visited"). */
export const NEGATIONS = new Set(['not', "n't", 'never', 'no', 'neither', 'nor', 'without', "didn't", "doesn't", "don't", "hasn't", "haven't", "hadn't", "wasn't", "weren't", "isn't", "aren't", "won't", "wouldn't", "couldn't", 'cannot']);

/** Prepositions that introduce a place ("in Kursk Oblast", "near Pokrovsk"). */
export const PLACE_PREPOSITIONS = new Set(['in', 'at', 'near', 'outside', 'inside', 'across', 'around', 'into']);
/** Prepositions that introduce a target or recipient ("to Russia", "against Ukraine"). */
export const TARGET_PREPOSITIONS = new Set(['to', 'against', 'on', 'with', 'for', 'from']);
