/**
 * Word lists and tuning constants of the statistical recogniser. The large gazetteers (cities, countries,
 * first names) are compiled from devDependencies into the model file by scripts/train-ner.ts; only the
 * small hand lists live here.
 */

/** Rule name carried by every span the tagger produces. */
export const NER_RULE = 'ner.perceptron';

/** Model file committed with the repository, relative to the repository root. */
export const DEFAULT_MODEL_FILE = 'models/ner-conll.bin';

// ---------------------------------------------------------------------------------------------------
// Tokenizer and sentence splitter

/**
 * Abbreviations that keep their period ("Mr." is one token). Lowercased, without the final period.
 * Titles and months never end a sentence; the others end one only before a likely sentence starter.
 */
export const TITLE_ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'cpt', 'sgt', 'cmdr', 'adm', 'brig',
  'sen', 'rep', 'gov', 'pres', 'rev', 'hon', 'st', 'fr', 'sr', 'jr', 'messrs', 'mt', 'ft', 'no', 'nos',
  'vol', 'pp', 'fig', 'approx', 'vs', 'v', 'etc', 'cf', 'al', 'e.g', 'i.e',
]);
export const MONTH_ABBREVIATIONS = new Set([
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);
/** Company and place abbreviations: they may end a sentence ("... of Acme Corp. The ..."). */
export const FINAL_ABBREVIATIONS = new Set([
  'inc', 'corp', 'co', 'ltd', 'plc', 'llc', 'bros', 'dept', 'univ', 'assn', 'ave', 'blvd', 'rd',
  'ariz', 'ark', 'calif', 'colo', 'conn', 'del', 'fla', 'ga', 'ill', 'ind', 'kan', 'ky', 'la', 'md',
  'mass', 'mich', 'minn', 'miss', 'mo', 'mont', 'neb', 'nev', 'okla', 'ore', 'pa', 'tenn', 'tex', 'va',
  'vt', 'wash', 'wis', 'wyo', 'a.m', 'p.m',
]);
/** Words that start sentences: after "U.S." or "Corp." one of these means the period ended the sentence. */
export const SENTENCE_STARTERS = new Set([
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'this', 'that', 'these', 'those',
  'there', 'but', 'and', 'in', 'on', 'at', 'for', 'its', 'his', 'her', 'their', 'our', 'if', 'when',
  'while', 'after', 'before', 'as', 'some', 'many', 'most', 'officials', 'however', 'meanwhile', 'also',
]);
/** Clitics split off a word as the CoNLL / Penn Treebank tokenization does ("Ukraine's" -> "Ukraine" "'s"). */
export const CLITICS = ["'s", "'re", "'ve", "'ll", "'d", "'m", "n't"];

// ---------------------------------------------------------------------------------------------------
// Hand gazetteers (compiled into the model with the package gazetteers)

/** Last words of organisation names: "Acme Holdings", "Kelmar News Agency". */
export const ORG_SUFFIXES = [
  'inc', 'inc.', 'corp', 'corp.', 'co', 'co.', 'ltd', 'ltd.', 'plc', 'llc', 'ag', 'sa', 'nv', 'gmbh', 'spa',
  'group', 'holdings', 'bank', 'company', 'corporation', 'association', 'agency', 'ministry', 'council',
  'committee', 'commission', 'party', 'union', 'university', 'institute', 'foundation', 'federation',
  'fund', 'airlines', 'airways', 'motors', 'industries', 'international', 'news', 'times', 'post',
  'journal', 'club', 'united', 'city', 'rovers', 'wanderers', 'athletic', 'department', 'office',
  'service', 'services', 'army', 'navy', 'police', 'court', 'parliament', 'assembly', 'congress',
  'senate', 'exchange', 'systems', 'technologies', 'partners', 'securities', 'capital', 'investments',
  'network', 'television', 'radio', 'press', 'staff', 'front', 'movement', 'organisation', 'organization',
];
/** Words that precede person names. */
export const PERSON_TITLES = [
  'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'president', 'minister', 'premier', 'chancellor',
  'king', 'queen', 'prince', 'princess', 'pope', 'sheikh', 'general', 'gen.', 'colonel', 'col.',
  'senator', 'sen.', 'governor', 'gov.', 'mayor', 'judge', 'coach', 'striker', 'midfielder', 'defender',
  'spokesman', 'spokeswoman', 'chairman', 'chairwoman', 'secretary', 'ambassador', 'envoy', 'leader',
  'captain', 'commander', 'lieutenant', 'sir', 'lord', 'lady', 'rev.', 'father', 'deputy', 'director',
];
/** Regions, continents and sub-national units the package gazetteers lack. */
export const REGION_NAMES = [
  'europe', 'asia', 'africa', 'america', 'north america', 'south america', 'latin america',
  'central america', 'middle east', 'far east', 'balkans', 'caribbean', 'scandinavia', 'gulf',
  'pacific', 'atlantic', 'mediterranean', 'baltic', 'caucasus', 'siberia', 'crimea', 'donbas',
  'west bank', 'gaza', 'gaza strip', 'kashmir', 'tibet', 'kurdistan', 'chechnya', 'bosnia', 'kosovo',
  'england', 'scotland', 'wales', 'northern ireland', 'britain', 'great britain', 'soviet union',
  'alabama', 'alaska', 'arizona', 'arkansas', 'california', 'colorado', 'connecticut', 'delaware',
  'florida', 'georgia', 'hawaii', 'idaho', 'illinois', 'indiana', 'iowa', 'kansas', 'kentucky',
  'louisiana', 'maine', 'maryland', 'massachusetts', 'michigan', 'minnesota', 'mississippi', 'missouri',
  'montana', 'nebraska', 'nevada', 'new hampshire', 'new jersey', 'new mexico', 'new york',
  'north carolina', 'north dakota', 'ohio', 'oklahoma', 'oregon', 'pennsylvania', 'rhode island',
  'south carolina', 'south dakota', 'tennessee', 'texas', 'utah', 'vermont', 'virginia', 'washington',
  'west virginia', 'wisconsin', 'wyoming', 'ontario', 'quebec', 'bavaria', 'catalonia', 'punjab',
];
/** Nationalities and other demonyms (MISC in CoNLL); the language names of countries-list are added. */
export const DEMONYMS = [
  'american', 'americans', 'british', 'briton', 'britons', 'english', 'scottish', 'welsh', 'irish',
  'french', 'german', 'germans', 'italian', 'italians', 'spanish', 'spaniard', 'portuguese', 'dutch',
  'belgian', 'swiss', 'austrian', 'swedish', 'swede', 'norwegian', 'danish', 'dane', 'finnish', 'finn',
  'icelandic', 'polish', 'pole', 'poles', 'czech', 'slovak', 'hungarian', 'romanian', 'bulgarian',
  'serb', 'serbs', 'serbian', 'croat', 'croats', 'croatian', 'bosnian', 'slovenian', 'albanian',
  'macedonian', 'greek', 'greeks', 'turkish', 'turk', 'turks', 'cypriot', 'russian', 'russians',
  'ukrainian', 'ukrainians', 'belarusian', 'moldovan', 'georgian', 'armenian', 'azeri', 'azerbaijani',
  'kazakh', 'uzbek', 'tajik', 'kyrgyz', 'turkmen', 'afghan', 'pakistani', 'indian', 'indians',
  'bangladeshi', 'sri lankan', 'nepalese', 'chinese', 'japanese', 'korean', 'north korean',
  'south korean', 'taiwanese', 'mongolian', 'vietnamese', 'thai', 'cambodian', 'laotian', 'burmese',
  'malaysian', 'singaporean', 'indonesian', 'filipino', 'australian', 'australians', 'zealander',
  'canadian', 'canadians', 'mexican', 'mexicans', 'cuban', 'haitian', 'dominican', 'jamaican',
  'colombian', 'venezuelan', 'ecuadorean', 'ecuadorian', 'peruvian', 'bolivian', 'chilean',
  'argentine', 'argentinian', 'brazilian', 'uruguayan', 'paraguayan', 'israeli', 'israelis',
  'palestinian', 'palestinians', 'lebanese', 'syrian', 'jordanian', 'iraqi', 'iraqis', 'iranian',
  'saudi', 'kuwaiti', 'emirati', 'qatari', 'yemeni', 'omani', 'egyptian', 'libyan', 'tunisian',
  'algerian', 'moroccan', 'sudanese', 'ethiopian', 'eritrean', 'somali', 'kenyan', 'ugandan',
  'tanzanian', 'rwandan', 'burundian', 'congolese', 'nigerian', 'ghanaian', 'senegalese', 'ivorian',
  'liberian', 'angolan', 'zambian', 'zimbabwean', 'mozambican', 'namibian', 'south african',
  'european', 'europeans', 'asian', 'african', 'arab', 'arabs', 'arabic', 'latin', 'western', 'soviet',
  'kurdish', 'kurd', 'kurds', 'muslim', 'muslims', 'christian', 'christians', 'catholic', 'jewish',
  'jew', 'jews', 'islamic', 'hindu', 'sikh', 'buddhist', 'protestant', 'orthodox', 'sunni', 'shi\'ite',
  'shiite', 'chechen', 'tamil', 'basque', 'catalan', 'flemish', 'scot', 'scots', 'yankee', 'zionist',
  'republican', 'republicans', 'democrat', 'democrats', 'democratic', 'communist', 'communists',
];

// ---------------------------------------------------------------------------------------------------
// Model shape

/** Entity classes of CoNLL-2003 in label order, and the contract's names for them. */
export const CONLL_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type ConllType = (typeof CONLL_TYPES)[number];
export const CONTRACT_TYPE: Record<ConllType, 'PERSON' | 'ORG' | 'LOC' | 'MISC'> = {
  PER: 'PERSON',
  ORG: 'ORG',
  LOC: 'LOC',
  MISC: 'MISC',
};

/** Longest gazetteer entry in tokens; longer names are dropped when the gazetteers are compiled. */
export const MAX_GAZETTEER_TOKENS = 4;
