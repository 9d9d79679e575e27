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
/** A word joins the cue-head lexicon when it heads at least this many training cues (drops one-off typos). */
export const MIN_CUE_HEAD_COUNT = 2;
/** ... and heads a cue in at least this share of its training occurrences ("said" 0.9, "support" 0.18). */
export const MIN_CUE_HEAD_RATIO = 0.02;
/**
 * A word beside a cue head joins the cue ("has said", "according to") when training cues took it in at
 * least this share of the times it stood there, and at least MIN_CUE_EDGE_COUNT times.
 */
export const MIN_CUE_EDGE_RATIO = 0.5;
export const MIN_CUE_EDGE_COUNT = 3;
/**
 * Cue decision margins the trainer tries (in units of averaged perceptron score), scored by source F1 on
 * a held-out fifth of PolNeAR train (every THRESHOLD_HOLDOUT_EVERY-th document) with models trained on
 * the rest: dev is never used to choose.
 */
export const CUE_THRESHOLD_CANDIDATES = [4, 3, 2, 1, 0.5, 0, -0.5, -1, -1.5, -2, -3];
export const THRESHOLD_HOLDOUT_EVERY = 5;
/**
 * Cue perceptrons trained over different document orders and averaged (scripts/train-claims.ts): one
 * perceptron's dev source F1 moved by a point with the order alone. Held-out train source F1: 1 -> 0.657,
 * 3 -> 0.658, 5 -> 0.662.
 */
export const CUE_ENSEMBLE = 5;
/**
 * Source rankers bagged the same way: with gold cues, source F1 on held-out train 0.825 -> 0.829 and on dev
 * 0.854 -> 0.861 (1 -> 5 rankers); with the model's cues, held-out 0.665 -> 0.666.
 */
export const SOURCE_ENSEMBLE = 5;
/** Training passes over PolNeAR train: dev source F1 peaked at 3-4 (0.645 / 0.644) and slid to 0.640 by 8. */
export const TRAINING_EPOCHS = 4;
/**
 * A source is at most this many tokens. PolNeAR sources carry their appositions ("Angelique Brunner, a
 * Washington-based developer and spokeswoman for ..., said"): 30 cuts under 1% of training sources.
 */
export const MAX_SOURCE_TOKENS = 30;
/**
 * Tokens allowed between a source and its cue: before the cue ("Clinton, in a speech on Monday, said")
 * 86% of training sources touch the cue and 99% stand within 24 tokens; after it ("said on Tuesday the
 * ministry") 96% stand within 2.
 */
export const MAX_SOURCE_GAP_BEFORE = 24;
export const MAX_SOURCE_GAP_AFTER = 3;
/** Sentences shorter than this (in word tokens) are captions or fragments, not claims. */
export const MIN_CLAIM_TOKENS = 4;
/** A direct quote continued after its cue sentence ("X said: "A. B. C."") runs over at most this many sentences. */
export const MAX_QUOTE_SENTENCES = 8;

// ---------------------------------------------------------------------------------------------------
// Rule cues

/** Cues whose source follows them ("according to the ministry", "citing officials"). */
export const FORWARD_CUES = new Set(['according', 'citing', 'quoting', 'per']);
/**
 * Cue heads of communication and belief: a nested attribution with one of these joins its outer claim's
 * relay chain ("NATO allies believe ..., the Telegraph reported"); one of desire or intent ("Putin wants
 * to ...") is part of what is claimed, not a link of the chain.
 */
export const RELAY_CHAIN_CUES = new Set([
  'said', 'says', 'say', 'saying', 'told', 'tell', 'tells', 'telling', 'reported', 'reports', 'report', 'reporting',
  'according', 'citing', 'quoting', 'cited', 'quoted', 'believe', 'believes', 'believed', 'think', 'thinks',
  'thought', 'claim', 'claims', 'claimed', 'claiming', 'stated', 'states', 'announced', 'announces', 'added',
  'adds', 'noted', 'notes', 'confirmed', 'confirms', 'denied', 'denies', 'wrote', 'writes', 'estimated',
  'estimate', 'estimates', 'suspect', 'suspects', 'suspected', 'indicated', 'indicates', 'warned', 'warns',
  'argued', 'argues', 'insisted', 'insists', 'suggested', 'suggests', 'assessed', 'assess', 'assesses',
  'concluded', 'learned', 'understand', 'understands', 'understood', 'fear', 'fears', 'feared', 'expect',
  'expects', 'expected', 'alleged', 'alleges', 'explained', 'acknowledged', 'admitted', 'revealed', 'showed',
  'shows', 'found', 'find', 'finds', 'disclosed', 'announcement', 'statement', 'assessment',
]);
/** Cues that relay a second source: "The TASS report citing the ministry" = TASS relaying the ministry. */
export const RELAY_CUES = new Set(['citing', 'quoting', 'cited', 'quoted']);
/** Nouns that make a preceding phrase an outlet's report ("the TASS news agency report citing ..."). */
export const REPORT_NOUNS = new Set(['report', 'reports', 'story', 'article', 'dispatch', 'broadcast', 'statement', 'footage']);

/** Multi-word cues that are always attributions, whatever the model says ("According to the source, ..."). */
export const ALWAYS_CUES: ReadonlyArray<readonly string[]> = [['according', 'to']];
/** Words in -ly that are no adverbs of a cue ("the rally said", "a family"): kept out of cue widening. */
export const NOT_CUE_ADVERBS = new Set(['rally', 'ally', 'family', 'supply', 'reply', 'assembly', 'monopoly', 'anomaly', 'july', 'italy', 'fly', 'belly', 'bully', 'only', 'early', 'daily', 'weekly', 'monthly', 'likely']);
/** Shortest -ly word taken as a cue adverb (5 letters: "truly", "fully"; shorter ones are rarely adverbs). */
export const MIN_CUE_ADVERB_LENGTH = 5;
/**
 * Punctuation attributions (claims-attribution.ts): a speaker's name before a colon ("PENCE: ...") or after a
 * signing dash ("“...” ― Name") has at most this many words; PolNeAR train's speaker colons name 1-5.
 */
export const MAX_SIGNATURE_TOKENS = 5;
/** A signed quotation is read back at most this many tokens to its opening mark (a few sentences). */
export const MAX_SIGNED_QUOTE_TOKENS = 200;
/** Lower-case words inside a speaker's name ("Blumenthal and Cohen", "Secretary of State"). */
export const NAME_CONNECTORS = new Set(['and', 'of', 'the', 'de', 'van', 'von', 'al', 'bin']);
/** Line labels before a colon that name no speaker ("UPDATE: ...", "Editor's note: ..."), lower case. */
export const SPEAKER_LABELS = new Set([
  'update', 'updated', 'note', 'editor’s note', "editor's note", 'editors note', 'photo', 'photos', 'video', 'watch',
  'read', 'read more', 'related', 'see also', 'source', 'sources', 'correction', 'clarification', 'exclusive',
  'breaking', 'breaking news', 'analysis', 'opinion', 'transcript', 'q', 'a', 'advertisement', 'warning',
  'disclosure', 'tags', 'topics', 'location', 'date', 'by', 'contact', 'email', 'phone', 'subscribe', 'listen',
  'follow', 'the latest', 'credit', 'image', 'caption', 'file', 'more', 'also', 'live', 'latest', 'timeline', 'background',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'here',
]);
/** Pronouns that are a whole source by themselves ("..., it says"). */
export const SUBJECT_PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you']);
/** Third-person subject pronouns: with a cue word between commas or after a quotation they report speech. */
export const THIRD_PERSON_SUBJECTS = new Set(['he', 'she', 'they', 'it']);
/** Relative pronouns that are the source of the clause they open ("the study, which notes ..."). */
export const RELATIVE_SUBJECTS = new Set(['who', 'which', 'that']);
/** Words opening an aside between a source and its cue ("Clinton, at a later briefing, said"), not an apposition. */
export const ASIDE_OPENERS = new Set(['at', 'in', 'on', 'during', 'after', 'before', 'with', 'like', 'unlike', 'speaking', 'while', 'when', 'for']);
/**
 * Appositions before a cue ("Kerr Putney, the police chief, said"): each half is at most this many tokens.
 * PolNeAR train's two-part sources before a cue have halves of 1-12 tokens; longer comma-free stretches
 * are mostly clauses.
 */
export const MAX_APPOSITION_TOKENS = 14;
/** Words opening a clause, not a noun phrase, before a comma ("When the director, ..., said"). */
export const CLAUSE_OPENERS = new Set(['when', 'if', 'as', 'because', 'although', 'though', 'since', 'until', 'unless', 'whether', 'where', 'once', 'so', 'and', 'or', 'but', 'yet', 'then', 'than', 'to', 'by', 'from', 'of', 'about', 'under', 'over', 'through', 'without', 'despite', 'among', 'against', 'including', 'asked', 'said', 'says']);
/** Discourse words standing before a source's noun phrase, outside it ("Even China, ..., said"). */
export const DISCOURSE_OPENERS = new Set([
  'even', 'still', 'meanwhile', 'however', 'instead', 'also', 'now', 'then', 'yet', 'indeed', 'separately', 'later',
  'earlier', 'today', 'yesterday', 'tonight', 'moreover', 'last', 'this', 'next', 'monday', 'tuesday', 'wednesday',
  'thursday', 'friday', 'saturday', 'sunday', 'too', 'accordingly', 'himself', 'herself', 'themselves', 'itself',
]);
/** Auxiliaries and modals: a verb phrase starts at one, so a source noun phrase before a cue ends before it. */
export const CLAUSE_AUXILIARIES = new Set(['has', 'have', 'had', 'is', 'are', 'was', 'were', 'will', 'would', 'can', 'could', 'may', 'might', 'should', 'must', 'does', 'do', 'did', 'shall']);
/** Lower-case words that open a noun phrase half of an apposition ("the police chief", "one of the attorneys"). */
export const APPOSITION_DETERMINERS = new Set(['the', 'a', 'an', 'one', 'his', 'her', 'its', 'their', 'our', 'two', 'three', 'several', 'some', 'many', 'senator', 'state', 'former', 'retired']);
/** Subject pronouns that fuse with a cue's auxiliary ("It’s denouncing", "who’s called for"). */
export const CONTRACTED_SUBJECTS = new Set(['it', 'he', 'she', 'who', 'that', 'what', 'there']);
/** Words that may open a sentence before a participle cue ("After saying ..., she ..."). */
export const PARTICIPLE_OPENERS = new Set(['after', 'before', 'while', 'when', 'since', 'by', 'in', 'without', 'despite']);
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
 * Hedge markers inside a claim's content, matched per token (no regular expression over the text):
 * adverbs in any case ("Reportedly", "probably"), modals only in lower case (never the month May), and
 * "<is|was|...> <believed|thought|...> to" / "appears to" / "seems to".
 */
export const HEDGE_WORDS = new Set(['reportedly', 'allegedly', 'purportedly', 'apparently', 'unconfirmed', 'unverified', 'possibly', 'probably', 'presumably']);
export const LOWER_CASE_HEDGE_WORDS = new Set(['may', 'might', 'could', 'suspected']);
/** Hedges that qualify the whole sentence wherever they stand ("Unconfirmed reports say ..."). */
export const SENTENCE_HEDGE_WORDS = new Set(['reportedly', 'allegedly', 'purportedly', 'unconfirmed', 'unverified']);
/** "<auxiliary> <participle> to": "is believed to", "were said to". */
export const HEDGE_PARTICIPLES = new Set(['believed', 'thought', 'said', 'reported', 'alleged', 'understood', 'suspected', 'rumoured', 'rumored']);
export const HEDGE_AUXILIARIES = new Set(['is', 'are', 'was', 'were', 'be', 'been']);
/** "<verb> to": "appears to", "seem to". */
export const HEDGE_RAISING_VERBS = new Set(['appear', 'appears', 'seem', 'seems']);
/** Cues that hedge the whole claim by themselves ("NATO allies believe ..."). */
export const HEDGING_CUES = new Set(['believe', 'believes', 'believed', 'think', 'thinks', 'thought', 'suspect', 'suspects', 'suspected', 'estimate', 'estimates', 'estimated', 'alleged', 'alleges', 'claimed', 'claims', 'speculated', 'suggested', 'suggests']);

// ---------------------------------------------------------------------------------------------------
// Cue model context (claims-model.ts: cueSubjectClass, cueObjectClass)

/**
 * Words read past on the way back from a cue-head candidate to its subject ("she has repeatedly said",
 * "Trump also wants"): auxiliaries, negation and the adverbs cues carry (-ly adverbs are read past too).
 */
export const CUE_SUBJECT_SKIPS = new Set([
  'has', 'have', 'had', 'is', 'are', 'was', 'were', 'will', 'would', 'can', 'could', 'may', 'might', 'should', 'must',
  'does', 'do', 'did', 'shall', 'be', 'been', 'being', 'not', 'also', 'still', 'never', 'just', 'already', 'again',
  'even', 'now', 'then', 'often', 'once', 'always', 'too', 'later', 'first', 'soon', 'long', 'since',
]);
/** Pronouns naming a person or a group as the subject of a cue. */
export const CUE_PERSON_PRONOUNS = new Set(['he', 'she', 'i', 'we', 'they', 'you']);
/** Determiners and possessives: a lexicon word after one is a noun ("the call", "his support"). */
export const CUE_DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'some', 'any', 'no', 'every', 'each']);
/** Object pronouns after a cue ("told him", "asked them"). */
export const CUE_OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'it', 'us', 'me', 'you', 'he', 'she', 'they', 'we', 'i']);
/** Prepositions a cue's complement may open with ("talked about", "called for", "insisted on"). */
export const CUE_PREPOSITIONS = new Set(['about', 'on', 'of', 'for', 'with', 'against', 'into', 'over', 'at', 'in', 'from', 'by', 'as', 'out', 'up']);
/** Words opening an indirect question or clause after a cue ("asked whether", "explained how"). */
export const CUE_CLAUSE_OPENERS = new Set(['if', 'whether', 'how', 'what', 'why', 'when', 'where', 'who', 'which']);
