/**
 * Vocabulary and thresholds of attribution (claims*.ts). The trained model (claims-model.ts) finds cues,
 * sources and contents; these lists type the sources, resolve references, flag hedges and fix the few
 * constructions the model sees too rarely in its training data (relays, "according to").
 */

// ---------------------------------------------------------------------------------------------------
// Model and training thresholds

/**
 * Hash table size of the perceptron features, as a power of two. 2^18 = 262,144 buckets per label: the
 * training set yields about 400k distinct features, and at 2^18 collisions cost 0.3 points of source F1
 * against 2^20 on PolNeAR dev while the file stays under a megabyte.
 */
export const MODEL_HASH_BITS = 18;
/** Weights are stored as int16 multiples of this step; 1/64 changed no dev score against float32. */
export const QUANTIZATION_STEP = 1 / 64;
/** A word joins the cue lexicon when it is part of at least this many training cues (drops one-off typos). */
export const MIN_CUE_WORD_COUNT = 3;
/** ... and at least this share of its training occurrences are inside a cue ("said" 0.8, "to" 0.003). */
export const MIN_CUE_WORD_RATIO = 0.04;
/** A multi-word cue ("according to", "said in a statement") is kept when seen this often in training. */
export const MIN_CUE_PHRASE_COUNT = 4;
/** Cue decision margins the trainer tries on dev (in units of averaged perceptron score). */
export const CUE_THRESHOLD_CANDIDATES = [0.5, 0, -0.25, -0.5, -0.75, -1, -1.5, -2];
/** Training passes over PolNeAR train; dev F1 stopped rising after 6 (tried 4, 6, 8, 10). */
export const TRAINING_EPOCHS = 6;
/**
 * A source is at most this many tokens; longer SOURCE runs are cut to the part nearest the cue. PolNeAR
 * sources carry their appositions ("Angelique Brunner, a Washington-based developer and spokeswoman for
 * ..., said"): 12 cut 5% of dev sources, 30 cuts under 1%.
 */
export const MAX_SOURCE_TOKENS = 30;
/** The sentence-final rule (", the ministry said.") takes sources of at most this many tokens; longer ones are left to the model. */
export const FINAL_SOURCE_TOKENS = 8;
/** Sentences shorter than this (in word tokens) are captions or fragments, not claims. */
export const MIN_CLAIM_TOKENS = 4;
/** A direct quote continued after its cue sentence ("X said: "A. B. C."") runs over at most this many sentences. */
export const MAX_QUOTE_SENTENCES = 8;

// ---------------------------------------------------------------------------------------------------
// Rule cues

/** Cues whose source follows them ("according to the ministry", "citing officials"). */
export const FORWARD_CUES = new Set(['according', 'citing', 'quoting', 'per']);
/** Cues that relay a second source: "The TASS report citing the ministry" = TASS relaying the ministry. */
export const RELAY_CUES = new Set(['citing', 'quoting', 'cited', 'quoted']);
/** Nouns that make a preceding phrase an outlet's report ("the TASS news agency report citing ..."). */
export const REPORT_NOUNS = new Set(['report', 'reports', 'story', 'article', 'dispatch', 'broadcast', 'statement', 'footage']);

/** Multi-word cues that are always attributions, whatever the model says ("According to the source, ..."). */
export const ALWAYS_CUES: ReadonlyArray<readonly string[]> = [['according', 'to']];
/** Cues whose object may be the outlet that carries the source ("told Reuters", "indicated to Reuters"). */
export const TELLING_CUES = new Set(['told', 'tells', 'tell', 'telling', 'indicated', 'said', 'confirmed', 'explained', 'spoke', 'speaking', 'wrote']);
/** Lower-case words that may stand inside a source noun phrase after a relay cue ("citing the defence ministry"). */
export const SOURCE_PHRASE_WORDS = new Set([
  'the', 'a', 'an', 'its', 'his', 'her', 'their', 'of', 'news', 'state', 'state-run', 'local', 'senior', 'unnamed',
  'anonymous', 'two', 'three', 'several', 'other', 'western', 'military', 'intelligence', 'defense', 'defence',
  'foreign', 'top', 'government', 'independent', 'press', 'official', 'regional', 'national', 'federal',
]);

/** Cues of passive attributions without an agent ("is believed to", "has been accused of"). */
export const PASSIVE_CUES = new Set([
  'believed', 'thought', 'said', 'reported', 'alleged', 'accused', 'understood', 'expected', 'estimated',
  'suspected', 'rumoured', 'rumored', 'feared', 'considered', 'known', 'claimed', 'presumed',
]);
/** Verbs that make the next participle passive ("is believed", "has been accused"). */
export const PASSIVE_AUXILIARIES = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "isn't", "wasn't", "aren't", "weren't"]);

// ---------------------------------------------------------------------------------------------------
// Source kinds

/** Heads of anonymous sources ("a source", "officials", "people familiar with"). */
export const ANONYMOUS_HEADS = new Set([
  'source', 'sources', 'official', 'officials', 'person', 'people', 'insider', 'insiders', 'diplomat',
  'diplomats', 'aide', 'aides', 'observers', 'witnesses', 'residents', 'someone', 'analysts', 'experts',
  'critics', 'supporters', 'opponents', 'lawmakers', 'activists', 'voters', 'commentators', 'others', 'many',
]);
/** Words that keep a source anonymous even with a named institution inside ("a source with Ukraine's General Staff"). */
export const ANONYMOUS_DETERMINERS = new Set(['a', 'an', 'one', 'two', 'three', 'several', 'some', 'many', 'unnamed', 'anonymous', 'senior', 'other']);

/** Nouns naming institutions when they head a source ("the ministry said"). */
export const INSTITUTION_NOUNS = new Set([
  'ministry', 'government', 'army', 'military', 'agency', 'council', 'staff', 'kremlin', 'department',
  'allies', 'authorities', 'police', 'command', 'forces', 'office', 'administration', 'commission',
  'committee', 'parliament', 'court', 'embassy', 'headquarters', 'regime', 'service', 'navy', 'bank',
  'company', 'firm', 'group', 'union', 'alliance', 'cabinet', 'prosecutors', 'investigators', 'campaign',
  'party', 'congress', 'senate', 'house', 'board', 'organization', 'organisation', 'institute', 'university',
  'states', 'coalition', 'mission', 'secretariat', 'federation', 'directorate', 'bureau', 'pentagon',
  'white', 'nato', 'un', 'eu',
]);

/** Nouns that make a source a news outlet ("state media", "the TASS news agency", "the influential daily"). */
export const OUTLET_NOUNS = new Set([
  'media', 'newspaper', 'outlet', 'broadcaster', 'tabloid', 'daily', 'weekly', 'magazine', 'channel',
  'television', 'tv', 'wire', 'paper', 'website', 'publication', 'network', 'radio', 'news',
]);
/** Two-word outlet heads ("news agency", "state media"). */
export const OUTLET_PHRASES = ['news agency', 'state media', 'state television', 'state tv', 'wire service', 'news outlet', 'news site'];

/** Nouns for people who report: a source headed by one is a person ("a Reuters reporter"). */
export const JOURNALIST_NOUNS = new Set(['reporter', 'reporters', 'journalist', 'journalists', 'correspondent', 'correspondents', 'editor', 'columnist', 'anchor', 'host']);

/** Person nouns that head a person source without a name ("the spokesman", "the minister"). */
export const PERSON_NOUNS = new Set([
  'spokesman', 'spokeswoman', 'spokesperson', 'minister', 'president', 'leader', 'commander', 'general',
  'ambassador', 'governor', 'mayor', 'chancellor', 'premier', 'envoy', 'secretary', 'candidate', 'nominee',
  'senator', 'congressman', 'congresswoman', 'chairman', 'chairwoman', 'director', 'chief', 'adviser',
  'advisor', 'manager', 'lawyer', 'attorney', 'pollster', 'strategist', 'professor', 'economist', 'analyst',
  'judge', 'founder', 'ceo', 'father', 'mother', 'wife', 'husband', 'son', 'daughter', 'man', 'woman', 'mr', 'mrs', 'ms',
]);

export const PERSON_PRONOUNS = new Set(['he', 'she', 'i']);
export const GROUP_PRONOUNS = new Set(['it', 'they', 'we']);
/** Descriptive back-references to the last institution or outlet ("the ministry", "the influential daily"). */
export const DEFINITE_DETERMINERS = new Set(['the', 'this', 'that']);

/** Known outlets when the entity recogniser does not mark them (lower case, full phrase). */
export const KNOWN_OUTLETS = new Set([
  'reuters', 'ap', 'afp', 'tass', 'ria', 'ria novosti', 'interfax', 'yonhap', 'kcna', 'xinhua', 'bbc', 'cnn',
  'fox news', 'nbc', 'cbs', 'abc', 'msnbc', 'npr', 'bloomberg', 'politico', 'axios', 'breitbart',
  'the associated press', 'associated press', 'agence france-presse', 'al jazeera', 'the telegraph',
  'telegraph', 'the guardian', 'guardian', 'the new york times', 'new york times', 'the washington post',
  'washington post', 'the wall street journal', 'wall street journal', 'the times', 'financial times',
  'the hill', 'cnbc', 'usa today', 'the economist', 'der spiegel', 'le monde', 'kyiv independent', 'ukrinform',
]);

// ---------------------------------------------------------------------------------------------------
// Hedges

/**
 * Hedge markers inside a claim's content. "may" and "could" only in lower case (never the month May);
 * "is believed to" and kin as passive phrases.
 */
export const HEDGE_PATTERN =
  /\b(?:[Rr]eportedly|[Aa]llegedly|[Pp]urportedly|[Aa]pparently|[Uu]nconfirmed|[Uu]nverified|[Pp]ossibly|[Pp]robably|[Pp]resumably|(?:is|are|was|were|be|been) (?:believed|thought|said|reported|alleged|understood|suspected|rumou?red) to|may|might|could|suspected|appears? to|seems? to)\b/;
/** Cues that hedge the whole claim by themselves ("NATO allies believe ..."). */
export const HEDGING_CUES = new Set(['believe', 'believes', 'believed', 'think', 'thinks', 'thought', 'suspect', 'suspects', 'suspected', 'estimate', 'estimates', 'estimated', 'alleged', 'alleges', 'claimed', 'claims', 'speculated', 'suggested', 'suggests']);
