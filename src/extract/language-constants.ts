/**
 * Word lists and thresholds of the cheap language check (language.ts `readsAsDeclared`): a page whose text
 * plainly reads as the language it declares keeps that language without running the n-gram detector.
 *
 * The lists are each language's most frequent function words (articles, pronouns, prepositions,
 * conjunctions, auxiliaries), written from general knowledge of the languages, lower case, as the check
 * splits them (French `qu'il` is `qu` + `il`). A word may sit in several lists (`in`, `de`, `a`): it counts
 * toward each of them, and two languages are compared only by the words one list has and the other lacks.
 * Lists outside CHEAP_CHECK_LANGUAGES are only competitors: a Catalan page declared `es`, or a Danish one
 * declared `de`, meets its own list there and goes to the detector.
 */

export const FUNCTION_WORDS: Readonly<Record<string, readonly string[]>> = {
  en: [
    'the', 'of', 'and', 'to', 'is', 'was', 'that', 'for', 'it', 'with', 'as', 'on', 'be', 'at', 'by', 'this',
    'had', 'not', 'are', 'but', 'from', 'or', 'have', 'an', 'they', 'which', 'you', 'were', 'her', 'his',
    'she', 'he', 'there', 'would', 'their', 'we', 'him', 'been', 'has', 'when', 'who', 'will', 'more', 'if',
    'out', 'so', 'said', 'what', 'up', 'its', 'about', 'into', 'than', 'them', 'can', 'only', 'other',
    'some', 'could', 'these', 'may', 'then', 'do', 'any', 'my', 'now', 'such', 'our', 'over', 'after',
    'also', 'did', 'many', 'before', 'must', 'through', 'where', 'your', 'should', 'because', 'each',
    'just', 'those', 'how', 'very', 'while', 'both', 'being', 'under', 'between', 'against', 'since',
    'does', 'all', 'new', 'one', 'two', 'i', 'us', 'most', 'here', 'well', 'a', 'in', 'no', 'off', 'too',
  ],
  de: [
    'der', 'die', 'und', 'den', 'von', 'zu', 'das', 'mit', 'sich', 'des', 'auf', 'für', 'ist', 'im', 'dem',
    'nicht', 'ein', 'eine', 'als', 'auch', 'es', 'werden', 'aus', 'er', 'hat', 'dass', 'sie', 'nach', 'wird',
    'bei', 'einer', 'um', 'sind', 'noch', 'wie', 'einem', 'über', 'einen', 'zum', 'war', 'haben', 'nur',
    'oder', 'aber', 'vor', 'zur', 'bis', 'mehr', 'durch', 'sein', 'wurde', 'sei', 'hatte', 'kann', 'gegen',
    'vom', 'können', 'schon', 'wenn', 'habe', 'seine', 'ihre', 'dann', 'unter', 'wir', 'soll', 'ich',
    'eines', 'diese', 'dieser', 'wieder', 'keine', 'seiner', 'worden', 'zwischen', 'immer', 'gibt', 'alle',
    'diesem', 'seit', 'muss', 'doch', 'jetzt', 'ihr', 'sowie', 'damit', 'weil', 'müssen', 'hier', 'uns',
    'nun', 'sehr', 'dieses', 'denn', 'ihren', 'ihrer', 'sondern', 'man', 'ob', 'zwei', 'waren', 'wurden',
    'in', 'an', 'am', 'so', 'was', 'da', 'wo', 'will',
  ],
  fr: [
    'le', 'la', 'les', 'de', 'des', 'du', 'et', 'en', 'un', 'une', 'est', 'que', 'qui', 'dans', 'pour', 'pas',
    'au', 'sur', 'par', 'plus', 'ne', 'il', 'elle', 'se', 'ce', 'avec', 'sont', 'son', 'sa', 'ses', 'aux',
    'mais', 'ou', 'été', 'ont', 'cette', 'comme', 'nous', 'vous', 'ils', 'leur', 'même', 'tout', 'aussi',
    'fait', 'peut', 'entre', 'était', 'être', 'sans', 'après', 'deux', 'très', 'dont', 'ces', 'ainsi',
    'selon', 'avait', 'encore', 'elles', 'où', 'lors', 'depuis', 'je', 'on', 'y', 'non', 'si', 'car', 'tous',
    'avant', 'autres', 'alors', 'sous', 'bien', 'contre', 'chez', 'quand', 'déjà', 'notre', 'votre', 'leurs',
    'doit', 'cela', 'ça', 'faire', 'qu', 'c', 'j', 'n', 'à', 'a', 'l', 'd', 's',
  ],
  es: [
    'el', 'la', 'de', 'que', 'y', 'a', 'en', 'los', 'del', 'se', 'las', 'por', 'un', 'con', 'una', 'su', 'para',
    'es', 'al', 'lo', 'como', 'más', 'pero', 'sus', 'le', 'ya', 'o', 'este', 'sí', 'porque', 'esta',
    'entre', 'cuando', 'muy', 'sin', 'sobre', 'también', 'me', 'hasta', 'hay', 'donde', 'quien', 'desde',
    'todo', 'nos', 'durante', 'todos', 'uno', 'les', 'ni', 'contra', 'otros', 'ese', 'eso', 'ante', 'ellos',
    'esto', 'antes', 'algunos', 'qué', 'unos', 'yo', 'otro', 'otras', 'otra', 'él', 'tanto', 'esa', 'estos',
    'mucho', 'quienes', 'nada', 'muchos', 'cual', 'ella', 'estar', 'estas', 'algo', 'fue', 'ha', 'han',
    'son', 'está', 'sido', 'ser', 'según', 'tiene', 'puede', 'había', 'están', 'dijo', 'aunque', 'así',
  ],
  it: [
    'il', 'di', 'che', 'e', 'la', 'per', 'un', 'in', 'è', 'del', 'della', 'non', 'una', 'a', 'con', 'si',
    'da', 'le', 'i', 'sono', 'al', 'dei', 'alla', 'lo', 'gli', 'ha', 'nel', 'più', 'anche', 'come', 'ma',
    'delle', 'nella', 'questo', 'o', 'ci', 'degli', 'sul', 'dal', 'se', 'era', 'essere', 'stato', 'sua',
    'suo', 'loro', 'tra', 'fra', 'già', 'quando', 'dopo', 'hanno', 'solo', 'ancora', 'molto', 'tutti',
    'questa', 'perché', 'cosa', 'ne', 'stata', 'dalla', 'sulla', 'alle', 'agli', 'nei', 'nelle', 'sempre',
    'fatto', 'quella', 'quello', 'ogni', 'mentre', 'così', 'poi', 'dove', 'ed', 'nell', 'dell', 'all',
  ],
  pt: [
    'de', 'a', 'o', 'que', 'e', 'do', 'da', 'em', 'um', 'para', 'é', 'com', 'não', 'uma', 'os', 'no', 'se',
    'na', 'por', 'mais', 'as', 'dos', 'como', 'mas', 'foi', 'ao', 'ele', 'das', 'tem', 'à', 'seu', 'sua',
    'ou', 'ser', 'quando', 'muito', 'há', 'nos', 'já', 'está', 'eu', 'também', 'só', 'pelo', 'pela', 'até',
    'isso', 'ela', 'entre', 'era', 'depois', 'sem', 'mesmo', 'aos', 'ter', 'seus', 'quem', 'nas', 'esse',
    'eles', 'estão', 'você', 'tinha', 'foram', 'essa', 'num', 'nem', 'suas', 'meu', 'às', 'minha', 'têm',
    'numa', 'pelos', 'elas', 'havia', 'seja', 'qual', 'será', 'nós', 'lhe', 'deles', 'pelas', 'este',
    'dele', 'são', 'ainda', 'sobre', 'após', 'pode', 'então', 'assim', 'ano',
  ],
  nl: [
    'de', 'en', 'van', 'het', 'een', 'in', 'is', 'dat', 'op', 'te', 'zijn', 'voor', 'met', 'die', 'niet',
    'aan', 'er', 'om', 'ook', 'als', 'dan', 'maar', 'bij', 'of', 'uit', 'door', 'naar', 'nog', 'worden',
    'wordt', 'tot', 'wel', 'heeft', 'hebben', 'over', 'hij', 'ze', 'zij', 'kan', 'werd', 'was', 'deze', 'al',
    'geen', 'meer', 'dit', 'zo', 'nu', 'moet', 'veel', 'wat', 'we', 'wij', 'onder', 'hun', 'haar', 'na',
    'tussen', 'tegen', 'toen', 'omdat', 'waar', 'daar', 'jaar', 'twee', 'ik', 'je', 'zich', 'hem', 'zal',
  ],
  pl: [
    'i', 'w', 'na', 'z', 'się', 'nie', 'do', 'to', 'że', 'jest', 'o', 'jak', 'po', 'co', 'ale', 'przez',
    'dla', 'od', 'za', 'czy', 'jego', 'tak', 'już', 'tylko', 'być', 'może', 'jej', 'ich', 'był', 'była',
    'było', 'które', 'który', 'która', 'których', 'także', 'oraz', 'we', 'ze', 'są', 'będzie', 'tym',
    'tego', 'jako', 'jednak', 'gdy', 'bardzo', 'też', 'pod', 'przy', 'ma', 'mnie', 'lub', 'jeszcze', 'tej',
    'te', 'nad', 'bez', 'gdzie', 'kiedy', 'jeśli', 'sobie', 'można', 'został', 'została', 'mają',
  ],
  // Competitors only: close to Spanish, French and Italian; a Catalan page declared `es` must reach eld.
  ca: [
    'el', 'la', 'de', 'que', 'i', 'a', 'en', 'els', 'les', 'per', 'amb', 'del', 'un', 'una', 'es', 'al',
    'com', 'més', 'però', 'seu', 'seva', 'aquest', 'aquesta', 'també', 'ha', 'han', 'és', 'són', 'va', 'van',
    'hi', 'ho', 'aquests', 'dels', 'als', 'pel', 'fins', 'quan', 'molt', 'sense', 'ja', 'perquè', 'sobre',
    'entre', 'tot', 'ell', 'ella', 'nosaltres', 'seus', 'seves', 'havia', 'fer', 'ara', 'cap', 'on', 'qui',
  ],
  // Competitors only (Danish, Norwegian, Swedish in one list): they share many spellings with German and English.
  'da-no-sv': [
    'og', 'i', 'at', 'det', 'er', 'en', 'til', 'som', 'på', 'de', 'med', 'han', 'af', 'for', 'ikke', 'der',
    'var', 'jeg', 'sig', 'men', 'et', 'har', 'om', 'vi', 'min', 'havde', 'ham', 'hun', 'nu', 'over', 'da',
    'fra', 'du', 'ud', 'sin', 'dem', 'os', 'op', 'man', 'hans', 'hvor', 'eller', 'hvad', 'skal', 'selv',
    'her', 'alle', 'vil', 'blev', 'kunne', 'ind', 'når', 'være', 'dog', 'noget', 'ville', 'jo', 'deres',
    'efter', 'ned', 'skulle', 'denne', 'end', 'dette', 'mit', 'også', 'under', 'have', 'dig', 'anden',
    'mod', 'disse', 'hvis', 'din', 'nogle', 'hos', 'blive', 'mange', 'ad', 'bliver', 'hendes', 'været',
    'av', 'ble', 'ett', 'och', 'att', 'inte', 'är', 'ska', 'vara',
  ],
};

/** The languages the cheap check may confirm: the ones the lists cover well and eld names by the same code. */
export const CHEAP_CHECK_LANGUAGES: ReadonlySet<string> = new Set(['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'pl']);

/**
 * Words read in a window. 60 words of prose hold 15-25 listed function words in any of the listed
 * languages (share 0.27-0.45 on the dev pages), enough for the share below to be steady; more adds time.
 */
export const CHEAP_CHECK_WORDS = 60;

/** Fewer letter runs than this in the window and the check declines (short or mostly numbers and names). */
export const CHEAP_CHECK_MIN_WORDS = 40;

/**
 * Share of the window's words that must be in the declared language's list. On the dev pages, first
 * windows in the declared language reach 0.27-0.38 at their 5th percentile (Polish 0.17), first windows
 * in another language than the declared one at most 0.10: set between, twice the worst wrong one.
 */
export const CHEAP_CHECK_MIN_SHARE = 0.2;

/**
 * Against every other listed language, the words only in the declared language's list must outnumber
 * the words only in the other's by this factor (the other's count plus one, so a stray word does not
 * block). On the dev pages, first windows in the declared language reach 4-9.5 at their 5th percentile
 * (Polish 3) and first windows in another language at most 0.13; 3 is over 20 times the worst wrong one
 * and 4 would send about 30 more right pages (1%) to the detector.
 */
export const CHEAP_CHECK_DOMINANCE = 3;

/**
 * The second window: on a detector sample (LANGUAGE_SAMPLE_CHARS) of at least CHEAP_CHECK_TAIL_FROM_CHARS
 * characters, the words from CHEAP_CHECK_TAIL_CHARS before its end must read as the declared language too,
 * so a foreign-language opening or ending left to the detector is not missed. 600 characters hold about
 * 80-100 words, enough for CHEAP_CHECK_WORDS; below 1200 the two windows would mostly overlap.
 */
export const CHEAP_CHECK_TAIL_CHARS = 600;
export const CHEAP_CHECK_TAIL_FROM_CHARS = 1200;
