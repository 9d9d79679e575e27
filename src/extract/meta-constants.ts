/**
 * Vocabulary and thresholds of the metadata rules (title, dates, authors, outlet, language). Thresholds were
 * set on the development sets named beside each one (readability-test-pages, htmldate-eval, wcxb-dev) and on
 * the fictional fixtures of meta-*.test.ts; none names a site.
 */

// ---------------------------------------------------------------------------------------------------
// Dates

/** Publication dates before this year are parsing accidents (a founding year, a birthday, a law's date). */
export const PUBLISHED_MIN_YEAR = 1995;
/** ... and after this one too (a far-future "valid until" date). Not tied to the clock: extraction is pure. */
export const PUBLISHED_MAX_YEAR = 2100;

/**
 * Month names and abbreviations, lowercased without accents' variants folded (both spellings listed), per
 * month 1..12, for the languages of the development pages: English, German, French, Spanish, Italian,
 * Portuguese, Dutch, Scandinavian, Russian, Ukrainian, Polish and Czech. A name maps to its month number.
 */
export const MONTH_WORDS = new Map<string, number>();
const MONTHS_BY_LANGUAGE: string[][] = [
  // English
  ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'],
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'],
  ['jan', 'feb', 'mar', 'apr', 'may', 'june', 'july', 'aug', 'sept', 'oct', 'nov', 'dec'],
  // German (and Austrian Jänner)
  ['januar', 'februar', 'märz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'dezember'],
  ['jänner', 'feber', 'maerz', 'apr', 'mai', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dez'],
  ['jan', 'febr', 'mär', 'apr', 'mai', 'juni', 'juli', 'aug', 'sept', 'okt', 'nov', 'dez'],
  // French
  ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  ['janv', 'févr', 'mars', 'avr', 'mai', 'juin', 'juil', 'aout', 'sept', 'oct', 'nov', 'déc'],
  ['jan', 'fevrier', 'mar', 'avr', 'mai', 'juin', 'juil', 'août', 'sep', 'oct', 'nov', 'decembre'],
  // Spanish
  ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'setiembre', 'oct', 'nov', 'dic'],
  // Italian
  ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
  ['gen', 'feb', 'mar', 'apr', 'mag', 'giu', 'lug', 'ago', 'set', 'ott', 'nov', 'dic'],
  // Portuguese
  ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'],
  ['jan', 'fev', 'marco', 'abr', 'mai', 'jun', 'jul', 'ago', 'set', 'out', 'nov', 'dez'],
  // Dutch
  ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
  // Swedish, Danish, Norwegian
  ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
  ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'],
  // Russian (genitive as in "15 августа 2016", and nominative), Ukrainian, Polish, Czech (genitive)
  ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'],
  ['січня', 'лютого', 'березня', 'квітня', 'травня', 'червня', 'липня', 'серпня', 'вересня', 'жовтня', 'листопада', 'грудня'],
  ['stycznia', 'lutego', 'marca', 'kwietnia', 'maja', 'czerwca', 'lipca', 'sierpnia', 'września', 'października', 'listopada', 'grudnia'],
  ['ledna', 'února', 'března', 'dubna', 'května', 'června', 'července', 'srpna', 'září', 'října', 'listopadu', 'prosince'],
];
for (const names of MONTHS_BY_LANGUAGE) names.forEach((name, i) => { if (!MONTH_WORDS.has(name)) MONTH_WORDS.set(name, i + 1); });

/**
 * Words for "published" and "updated" in a byline or dateline ("Published 3 May 2024", "Veröffentlicht am",
 * "Publié le", "Actualizado"), lowercased. A date right after an update word is the update, not the publication.
 */
export const PUBLISHED_WORDS = /\b(?:published|posted|publish(?:ed)? (?:on|date)|first published|veröffentlicht|erschienen|publié|publiée|publicado|publicada|pubblicato|gepubliceerd|publicerad|date)\b/i;
export const UPDATED_WORDS = /\b(?:updated?|last (?:updated|modified)|modified|revised|aktualisiert|geändert|stand|mis à jour|mise à jour|modifié|actualizado|actualizada|aggiornato|bijgewerkt|uppdaterad)\b/i;

/**
 * Class/id words of elements that hold the article's date (tokens of class/id split on non-letters).
 * Checked in order of trust: an element marked "published" beats one marked only "date".
 */
// Not 'publication': it names a publication item (a link to a report, a press release), not the page's date.
export const PUBLISHED_CLASS_TOKENS = new Set([
  'published', 'publish', 'pubdate', 'posted', 'postdate', 'publishdate', 'publishedon', 'dateline',
  'publishdatetime', 'created', 'entrydate', 'veroeffentlicht', 'datepublished', 'firstpublished',
]);
export const DATE_CLASS_TOKENS = new Set([
  'date', 'time', 'datetime', 'timestamp', 'meta', 'byline', 'entry', 'info', 'postmeta', 'metadata', 'datum',
  'fecha', 'data', 'day', 'calendar', 'dated', 'zeit', 'article', 'post', 'details', 'story', 'author', 'header',
  'submitted', 'stamp', 'date-header', 'dateheader', 'detail',
]);
/** Class/id words that alone make an element a date holder (the rest only count beside a date in its text). */
export const STRONG_DATE_CLASS_TOKENS = new Set(['date', 'datetime', 'timestamp', 'datum', 'fecha', 'dated', 'dateheader', 'time', 'dateline', 'submitted']);
export const UPDATED_CLASS_TOKENS = new Set(['updated', 'modified', 'update', 'lastmod', 'lastupdated', 'datemodified', 'revised']);

/**
 * Class/id words of containers whose dates and names belong to other items than the article: comments,
 * teasers of related stories, sidebars, footers. Tokens as above; a prefix match for the longer ones.
 */
export const FOREIGN_CONTEXT_TOKENS = new Set([
  'comment', 'comments', 'commentlist', 'reply', 'replies', 'related', 'sidebar', 'recommended', 'recirc', 'trending',
  'popular', 'mostread', 'aside', 'nav', 'navigation', 'menu', 'disqus', 'respond', 'pingback', 'trackback',
  'archive', 'archives', 'calendar', 'breadcrumb', 'breadcrumbs', 'carousel', 'slider', 'ticker', 'promo',
  'newsletter', 'cookie', 'outbrain', 'taboola', 'readmore', 'suggest', 'suggestion', 'suggestions',
]);
export const FOREIGN_CONTEXT_PREFIXES = ['comment', 'related', 'sidebar', 'recommend', 'suggest', 'trending'];
/**
 * Elements whose subtree never holds the article's own date or byline. Not `footer`: article footers hold
 * the byline and timestamp on many blogs; a page footer's dates are copyright years without a day.
 */
export const FOREIGN_CONTEXT_TAGS = new Set(['aside', 'nav', 'form', 'select', 'option', 'button', 'script', 'style', 'noscript', 'template']);

/**
 * A container named like a sidebar or a form that holds at least this share of the page's elements is the
 * page's layout wrapper ("sidebar_content", ASP.NET's page-wide form), not a foreign box. Set on htmldate-eval:
 * comment sections and sidebars stay well below half of a page.
 */
export const WRAPPER_MIN_SHARE = 0.5;
/** How many ancestors are looked at to decide whether an element sits in a foreign context (comments, ...). */
export const MAX_CONTEXT_DEPTH = 25;
/** Visible date holders read at most (the article's date comes early; teasers repeat dates by the dozen). */
export const MAX_VISIBLE_DATE_ELEMENTS = 40;
/** Texts of date holders longer than this are paragraphs, not datelines (htmldate uses a similar cut). */
export const MAX_DATE_LABEL_CHARS = 200;
/** How many characters of the page's visible text (from its start) the last-resort scan reads. */
export const MAX_TEXT_SCAN_CHARS = 60_000;
/**
 * A date written at most this many characters after the start of the page's first h1 is the article's
 * dateline (headline, standfirst, byline come first). Set on htmldate-eval: 300 missed bylines under long
 * of each other (0.863-0.864); 800 is the middle.
 */
export const MAX_HEADING_DATE_DISTANCE = 800;
/**
 * A date at most this many characters after the start of the first h1 stands right under the headline: it
 * is read before the page's other visible dates. Set on htmldate-eval: 150-300 gave 720-721 right of 800,
 * 400-600 gave 722; 400 is the start of the plateau.
 */
export const NEAR_HEADING_DATE_DISTANCE = 400;
/**
 * The last-resort scan of the whole text takes the first date that appears at least this many times
 * or, failing that, the first date in the document's first part. Set on htmldate-eval.
 */
export const MIN_REPEATED_DATE = 2;

/**
 * A metadata timestamp in UTC whose day is one off the day the URL names was written in the publisher's
 * local time: the URL's day is the publisher's calendar day. More than this many days apart, the two name
 * different events (a re-publication) and the metadata wins.
 */
export const URL_DAY_TOLERANCE_DAYS = 1;

// ---------------------------------------------------------------------------------------------------
// Titles

/** Headings read as title candidates: the first few (a page's h1 is near the top; later ones are teasers). */
export const MAX_TITLE_HEADINGS = 3;
/** A heading longer than this many words is a paragraph styled as a heading. */
export const MAX_TITLE_WORDS = 40;
/**
 * A <title> cut at its last separator must keep at least this many words (counted by splitting on white space),
 * else the part before the first separator is cut instead ("Outlet | Short | Headline of the day"). Three, as
 * in Readability.js: the expected titles of readability-test-pages follow it.
 */
export const MIN_TITLE_WORDS_AFTER_CUT = 3;
/** A colon splits a <title> only when at most this many words stand before it (more: the colon is the headline's). */
export const MAX_TITLE_CUT_HEAD_WORDS = 5;
/** A cut title of at most this many words is too short to trust: the whole <title> is kept (Readability.js's 4). */
export const MAX_SHORT_TITLE_WORDS = 4;
/**
 * A <title> without separators shorter or longer than these (characters) may be a site name or a description:
 * the page's only h1 is taken instead (Readability.js's 15 and 150).
 */
export const UNSURE_TITLE_MIN_CHARS = 15;
export const UNSURE_TITLE_MAX_CHARS = 150;
/**
 * When JSON-LD gives a `name` and a `headline` that differ, one "agrees" with the <title> when more than this
 * share of its words (by characters) appear in it (Readability.js's 0.75).
 */
export const JSONLD_TITLE_MIN_SIMILARITY = 0.75;

/**
 * Declared meta titles in the order they are trusted (keys as meta-text.ts's declaredMetaKeys reads them):
 * Dublin Core first (a publisher that bothers with it means it), then OpenGraph, Weibo, a plain `title`, Twitter
 * and Parse.ly. The order of Readability.js, which the expected titles of readability-test-pages follow.
 */
export const DECLARED_TITLE_ORDER = [
  'meta.dc:title', 'meta.dcterm:title', 'meta.og:title', 'meta.weibo:article:title', 'meta.weibo:webpage:title',
  'meta.title', 'meta.twitter:title', 'meta.parsely-title',
];

/** Other metadata titles, in order of trust, read only when no declared title nor <title> gives one. */
export const TITLE_SOURCE_ORDER = [
  'meta.dcterms.title', 'meta.sailthru.title', 'microdata.headline', 'meta.headline', 'meta.og:title:default',
];

// ---------------------------------------------------------------------------------------------------
// Authors

/** Path words of author pages: a link to `/author/jane-roe` in the article's header is a byline. */
export const AUTHOR_LINK_PATH = /\/(?:authors?|autor(?:en)?|auteurs?|autore|staff|people|profiles?|contributors?|writers?|journalists?|redaktion|columnists?|reporters?)\/[^/?#]+/i;
/** Author links read at most: the byline's, not the teasers' further down. */
export const MAX_AUTHOR_LINKS = 3;

/** Phrases after a name in a byline that are not part of it ("Jane Roe on behalf of the Tools team"). */
export const BYLINE_TRAILER = /\s+(?:on behalf of|for the|in collaboration with|with additional reporting|contributed to this|is an? |is the |has been |was an? )\b.*$/i;

/**
 * A byline part naming a news agency by its kind ("Meridian Press Agency", "Nordic News Agency", "Agence
 * Centrale de Presse"): a wire credit even when the agency is not in the shared WIRE_CREDITS list.
 */
export const AGENCY_NAME = /^(?:\p{Lu}[\p{L}.'’-]*\s+){0,4}(?:press|news|wire|presse|nachrichten)[- ]?(?:agency|agentur|association|service)$|^(?:agence|agencia|agenzia|agência)\s+\p{Lu}/iu;

// ---------------------------------------------------------------------------------------------------
// Outlet

/** Generic site names that are no outlet's name (a CMS default, a platform). Lowercased. */
export const GENERIC_SITE_NAMES = new Set([
  'home', 'homepage', 'blog', 'news', 'website', 'my blog', 'my site', 'wordpress', 'blogger', 'medium', 'index',
  'untitled', 'site', 'articles', 'article',
]);

// ---------------------------------------------------------------------------------------------------
// Language

/**
 * Below this many characters of main text the detector's guess is weaker than what the page declares
 * (<html lang>, og:locale, content-language), so the declaration wins. Set on wcxb-dev short pages.
 */
export const LANGUAGE_TRUST_DETECTOR_CHARS = 200;
