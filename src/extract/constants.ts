/**
 * Vocabulary and thresholds of the extract stage. Every threshold says how it was chosen; the values are
 * first-version settings picked by hand on the seed pages, the readability test pages and fictional
 * fixtures, to be calibrated against the extraction evaluation sets later.
 */

// ---------------------------------------------------------------------------------------------------
// Options

/** Default per-document time budget (ms): the contract's batch runs many documents per second. */
export const DEFAULT_TIME_BUDGET_MS = 1000;

/** How many loop iterations pass between two looks at the clock (a clock read costs more than a step). */
export const DEADLINE_CHECK_INTERVAL = 1024;

// ---------------------------------------------------------------------------------------------------
// Article threshold (HTML structure and scoring constants are in html-constants.ts)

/** Below this many characters (about one short sentence) the page has no article: a bare index page, an empty shell. */
export const MIN_ARTICLE_CHARS = 25;

// ---------------------------------------------------------------------------------------------------
// Boilerplate vocabulary (shared by HTML paragraphs and scraped-text lines)

/**
 * Whole lines (compared lowercased, trimmed of bullets and punctuation at the ends) that are never article
 * text. Kept short and specific; longer sentences are matched by BOILERPLATE_LINE_PATTERNS.
 */
export const BOILERPLATE_LINES = new Set([
  'skip to content', 'skip to main content', 'skip to navigation', 'edit post', 'advertisement', 'advertising',
  'ad', 'sponsored', 'sponsored content', 'subscribe', 'subscribe now', 'sign up', 'sign in', 'log in', 'login',
  'register', 'indicates required', 'more news', 'news feed', "editors' picks", 'editors picks', "editor's picks",
  'follow us', 'share', 'share this', 'share this article', 'share on facebook', 'share on twitter', 'tweet',
  'email', 'print', 'read more', 'read next', 'see also', 'related', 'related articles', 'related stories',
  'related news', 'trending', 'trending topics', 'trending now', 'most read', 'most popular', 'featured',
  'multimedia', 'edition', 'from the homepage', 'a better experience', 'premium', 'comments', 'leave a comment',
  'load comments', 'show comments', 'view comments', 'menu', 'search', 'close', 'home', 'top stories',
  'latest news', 'recommended', 'recommended for you', 'you may also like', 'more from', 'watch', 'listen',
  'listen to this article', 'continue reading', 'back to top', 'cookie settings', 'accept', 'accept all',
  'all rights reserved', 'copy link', 'link copied', 'x', 'facebook', 'twitter', 'linkedin', 'whatsapp',
  'reddit', 'telegram', 'instagram', 'youtube', 'successfully subscribed', 'successfuly subscribed',
]);

/** Patterns for boilerplate lines and paragraphs (newsletter forms, app promotions, cookie notices). */
export const BOILERPLATE_LINE_PATTERNS: RegExp[] = [
  /^\*?\s*indicates required/i,
  /^enter your e-?mail/i,
  /^please,? enter (a )?(correct|valid) e-?mail/i,
  /^(thank you|thanks) for (signing up|subscribing)/i,
  /^we['’]ve sent you a confirmation/i,
  /^sign up (for|to) (our|the)\b.*\bnewsletter/i,
  /\bsubscribe to (our|the)\b.*\bnewsletter/i,
  /^install the .{1,40} app\b/i,
  /^download the .{1,40} app\b/i,
  /^get the .{1,40} app\b/i,
  /^this audio is (created|generated) with ai/i,
  /^stay updated with the latest\b/i,
  /^click here to (follow|subscribe|join|read)/i,
  /^follow us on\b/i,
  /^(we use|this (site|website) uses) cookies\b/i,
  /^by (clicking|continuing|using this site)\b.*\b(agree|accept|consent)/i,
  /^(copyright|©)\s/i,
  /^all rights reserved\b/i,
  /^(share|tweet|email|print) (this|on)\b/i,
  /^read more\s*[:›»>]/i,
  /^(also read|read also|see also|related)\s*[:›»>|-]/i,
  /^(advertisement|sponsored)\b.{0,20}$/i,
  /^(story continues|article continues) below/i,
  /^scroll to continue/i,
  /^(sign up|register|log in|subscribe) (to|for|now)\b.{0,80}$/i,
  /^(already|not) a subscriber\b/i,
  /^you have \d+ free articles?/i,
  /^(this|the) (article|story|content) is (for|available to) (subscribers|members)/i,
  /^(published|updated|last updated|posted)\s*:?\s*$/i,
  /^\d+\s*min(ute)?s?\s+read$/i,
];

/** Bullet characters and list markers stripped from the ends of lines before comparing them. */
export const LINE_DECORATION = /^[\s*•·●▪■►▶»›>|\-–—]+|[\s*•·●▪■►▶»›>|:\-–—]+$/g;

// ---------------------------------------------------------------------------------------------------
// Captions and credits

/**
 * A line or paragraph ending with a parenthesised photo credit is a caption: `(Photo: Outlet)`,
 * `(Name/Getty Images)`, `(AP Photo/Name)`, `(File photo)`.
 */
export const CAPTION_CREDIT_PATTERN =
  /\((?:[^()]{0,80}\b(?:photo|photos|photograph|image|images|picture|pictures|file|getty|shutterstock|epa|afp|reuters|ap|anadolu|sipa|alamy|courtesy|handout|via)\b[^()]{0,80}|[^()]{1,80}\/[^()]{1,80})\)\s*$/i;

/** A line starting with a credit label is a caption (`Photo: Name / Outlet`). */
export const CAPTION_PREFIX_PATTERN = /^(photo|image|picture|credit|photograph|illustration|source|file photo)\s*(:|by\b)/i;

/** Wire and agency names: a byline naming only them is a credit, not an author. Lowercase. */
export const WIRE_CREDITS = new Map<string, string>([
  ['reuters', 'Reuters'],
  ['thomson reuters', 'Reuters'],
  ['ap', 'AP'],
  ['associated press', 'AP'],
  ['the associated press', 'AP'],
  ['afp', 'AFP'],
  ['agence france-presse', 'AFP'],
  ['agence france presse', 'AFP'],
  ['dpa', 'dpa'],
  ['upi', 'UPI'],
  ['united press international', 'UPI'],
  ['bloomberg', 'Bloomberg'],
  ['bloomberg news', 'Bloomberg'],
  ['efe', 'EFE'],
  ['ansa', 'ANSA'],
  ['pti', 'PTI'],
  ['press trust of india', 'PTI'],
  ['ians', 'IANS'],
  ['ani', 'ANI'],
  ['xinhua', 'Xinhua'],
  ['tass', 'TASS'],
  ['interfax', 'Interfax'],
  ['yonhap', 'Yonhap'],
  ['kyodo', 'Kyodo'],
  ['aap', 'AAP'],
  ['cnn wire', 'CNN'],
]);

/** A wire dateline at the start of a story: `LONDON (Reuters) -`, `(AP) —`. Group 1 is the agency. */
export const WIRE_DATELINE_PATTERN = /^[\p{Lu}][\p{Lu}\p{Lt} .,'’/-]{0,60}\((Reuters|AP|AFP|dpa|UPI|Bloomberg|EFE|Xinhua|TASS|Yonhap|Kyodo|AAP|PTI|IANS|ANI)\)\s*[-–—:]|^\((Reuters|AP|AFP|dpa|UPI|Bloomberg|EFE|Xinhua|TASS|Yonhap|Kyodo|AAP|PTI|IANS|ANI)\)\s*[-–—:]/u;

// ---------------------------------------------------------------------------------------------------
// Authors

/** Words that introduce a byline, removed before the names are read. */
export const BYLINE_PREFIX = /^\s*(?:(?:written|posted|reported|reporting|words|story|text|compiled|edited)\s+)?by\s*:?\s+/i;

/**
 * Words that make a byline part a role or an organisation rather than a person (`Staff Writers`,
 * `Senior Correspondent`, `Newsroom`). Lowercase; matched as whole words.
 */
export const NON_PERSON_WORDS = new Set([
  'staff', 'writer', 'writers', 'reporter', 'reporters', 'correspondent', 'correspondents', 'editor', 'editors',
  'editorial', 'desk', 'team', 'newsroom', 'news', 'agency', 'agencies', 'wire', 'wires', 'service', 'services',
  'press', 'media', 'times', 'post', 'herald', 'journal', 'daily', 'tribune', 'gazette', 'online', 'digital',
  'network', 'bureau', 'contributor', 'contributors', 'columnist', 'admin', 'administrator', 'webmaster',
  'guest', 'author', 'authors', 'group', 'inc', 'ltd', 'llc', 'company', 'corporation', 'office', 'department',
  'ministry', 'magazine', 'radio', 'tv', 'television', 'channel', 'report', 'reports', 'analysis', 'opinion',
  'sport', 'sports', 'business', 'world', 'politics', 'feeds', 'syndication', 'partners', 'sponsored',
  'content', 'studio', 'lab', 'labs', 'bot', 'senior', 'chief', 'associate', 'special', 'contributing',
  'freelance', 'photographer', 'video', 'producer', 'anchor', 'host', 'intern', 'fellow', 'weekly', 'monthly',
  'edition', 'updated', 'published', 'read', 'min', 'minutes', 'view', 'views',
]);

/** Name particles written in lowercase inside a person's name (`Ursula von der Leyen`). */
export const NAME_PARTICLES = new Set([
  'von', 'van', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'dos', 'das', 'du', 'la', 'le', 'bin', 'bint',
  'al', 'el', 'ibn', 'ter', 'ten', 'y', 'e', 'st.', 'mc', 'ben',
]);

/** Longest plausible person name, in words and characters (longer strings are sentences or lists). */
export const MAX_NAME_WORDS = 5;
export const MAX_NAME_CHARS = 60;

// ---------------------------------------------------------------------------------------------------
// Titles

/** Separators between a headline and the site name in `<title>` / og:title (`Headline | Outlet`). */
export const TITLE_SITE_SEPARATORS = [' | ', ' – ', ' — ', ' - ', ' :: ', ' · ', ' • ', ' « ', ' » '];

/** A title suffix of at most this many words after a separator may be a site name and is cut. */
export const MAX_SITE_NAME_WORDS = 5;

// ---------------------------------------------------------------------------------------------------
// Language

/** Characters of main text given to the language detector (more adds time, not accuracy). */
export const LANGUAGE_SAMPLE_CHARS = 3000;
/** Texts shorter than this (characters) are not given to the detector: too short to be reliable. */
export const LANGUAGE_MIN_CHARS = 20;

// ---------------------------------------------------------------------------------------------------
// Dates

/** Time zone abbreviations with a fixed offset (minutes) as news pages use them. */
export const ZONE_OFFSETS = new Map<string, number>([
  ['utc', 0], ['gmt', 0], ['z', 0], ['bst', 60], ['cet', 60], ['cest', 120], ['eet', 120], ['eest', 180],
  ['msk', 180], ['ist', 330], ['pkt', 300], ['jst', 540], ['kst', 540], ['hkt', 480], ['sgt', 480],
  ['aest', 600], ['aedt', 660], ['est', -300], ['edt', -240], ['cst', -360], ['cdt', -300], ['mst', -420],
  ['mdt', -360], ['pst', -480], ['pdt', -420],
]);

export const MONTH_NAMES = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december',
];

// ---------------------------------------------------------------------------------------------------
// HTML metadata: where each field is looked for, most trusted first

export type MetaField = 'titles' | 'published' | 'updated' | 'outlets' | 'descriptions' | 'languages' | 'urls';

/** Meta keys (name, property, itemprop or http-equiv, lowercased) per field, most trusted first. */
export const META_KEYS: Record<MetaField, string[]> = {
  titles: ['og:title', 'twitter:title', 'sailthru.title', 'parsely-title', 'dc.title', 'title', 'headline'],
  published: [
    'article:published_time', 'og:article:published_time', 'datepublished', 'published_time', 'article.published',
    'parsely-pub-date', 'sailthru.date', 'publish-date', 'publishdate', 'pubdate', 'dc.date.issued',
    'dcterms.created', 'dc.date', 'citation_publication_date', 'date', 'original-publish-date', 'og:pubdate',
  ],
  updated: [
    'article:modified_time', 'og:article:modified_time', 'datemodified', 'og:updated_time', 'modified_time',
    'article.updated', 'dcterms.modified', 'last-modified',
  ],
  outlets: ['og:site_name', 'application-name', 'publisher', 'dc.publisher', 'twitter:app:name:iphone'],
  descriptions: ['og:description', 'description', 'twitter:description', 'dc.description', 'sailthru.description'],
  languages: ['content-language', 'og:locale', 'dc.language', 'inlanguage', 'language'],
  urls: ['og:url', 'twitter:url'],
};

export const AUTHOR_META_KEYS = [
  'author', 'article:author', 'byl', 'dc.creator', 'parsely-author', 'sailthru.author', 'citation_author',
  'twitter:creator',
];
export const TAG_META_KEYS = ['article:tag', 'news_keywords', 'parsely-tags', 'sailthru.tags', 'keywords'];

/** JSON-LD types of the node that describes the article, most specific first. */
export const ARTICLE_TYPES = [
  'newsarticle', 'reportagenews', 'analysisnewsarticle', 'opinionnewsarticle', 'backgroundnewsarticle',
  'reviewnewsarticle', 'article', 'blogposting', 'liveblogposting', 'socialmediaposting', 'techarticle',
  'scholarlyarticle', 'report', 'webpage', 'itempage', 'creativework',
];
