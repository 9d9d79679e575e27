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
// HTML: structure

/** Elements whose whole subtree is never article text. */
export const DROPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'nav', 'button', 'select',
  'option', 'textarea', 'input', 'iframe', 'object', 'embed', 'svg', 'canvas', 'video', 'audio', 'figcaption',
  'figure', 'picture', 'img', 'map', 'dialog', 'menu', 'label', 'head', 'title', 'meta', 'link', 'source',
]);

/**
 * Elements dropped like DROPPED_TAGS in the strict pass only: when that pass finds nothing, the lenient
 * pass keeps them, for sites that wrap the whole page in a <form> (ASP.NET) or the article in an <aside>.
 */
export const SOFT_DROPPED_TAGS = new Set(['header', 'footer', 'aside', 'form']);

/** Elements that start a new paragraph of the output. */
export const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'blockquote', 'pre', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table',
  'tr', 'td', 'th', 'thead', 'tbody', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'address', 'center', 'details',
  'summary', 'body', 'html', 'caption', 'fieldset', 'hgroup',
]);

export const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Elements that hold a paragraph of their own when scoring (a `div` counts when it has text of its own). */
export const PARAGRAPH_TAGS = new Set(['p', 'pre', 'blockquote', 'td', 'dd', 'li']);

/** Containers that are never removed by their class/id (a page's `<body class="single-post has-comments">`). */
export const PROTECTED_TAGS = new Set(['html', 'body', 'main', 'article']);

/**
 * Class/id words that mark boilerplate containers. Matched as whole tokens of the class/id split on
 * non-letters (so `ad` matches `ad-slot` and `top_ad` but not `header` or `read`), or as a prefix of a
 * token for the longer words (`newsletter-signup`, `sharebar`).
 */
export const BOILERPLATE_CLASS_TOKENS = new Set([
  'nav', 'navbar', 'navigation', 'menu', 'share', 'sharing', 'social', 'related', 'comment', 'comments',
  'newsletter', 'subscribe', 'subscription', 'cookie', 'cookies', 'promo', 'promotion', 'ad', 'ads', 'advert',
  'advertisement', 'sponsor', 'sponsored', 'caption', 'figcaption', 'breadcrumb', 'breadcrumbs', 'sidebar',
  'footer', 'masthead', 'popup', 'modal', 'banner', 'outbrain', 'taboola', 'recirc', 'recommended', 'trending',
  'paywall', 'signup', 'disqus', 'widget', 'toolbar', 'pagination', 'pager', 'tags', 'byline', 'dateline',
  'credit', 'credits', 'hidden', 'skip', 'print', 'author', 'bio', 'meta',
]);

/** Longer class/id words also matched as the start of a token (`sharebar`, `newsletterbox`, `relatedposts`). */
export const BOILERPLATE_CLASS_PREFIXES = [
  'share', 'social', 'related', 'comment', 'newsletter', 'subscri', 'cookie', 'promo', 'advert', 'sponsor',
  'breadcrumb', 'sidebar', 'outbrain', 'taboola', 'recirc', 'recommend', 'trending', 'paywall', 'signup',
];

/**
 * A boilerplate-classed container is kept anyway when it holds at least this share of the page's text and
 * its text is mostly not links: a site that puts `class="post-comments-enabled"` on the article wrapper.
 * Half the text: boilerplate boxes are small next to the article on every page checked.
 */
export const PROTECT_TEXT_SHARE = 0.5;
export const PROTECT_MAX_LINK_DENSITY = 0.3;

// ---------------------------------------------------------------------------------------------------
// HTML: scoring

/** A paragraph shorter than this (characters) adds nothing to its ancestors' score (a label, a date). */
export const MIN_SCORED_PARAGRAPH_CHARS = 25;

/** Characters of paragraph text per score point, and the cap per paragraph (readability's 100 and 3). */
export const CHARS_PER_POINT = 100;
export const MAX_LENGTH_POINTS = 3;

/** Share of a paragraph's score given to its parent, grandparent and great-grandparent. */
export const ANCESTOR_SHARES = [1, 0.5, 1 / 3];

/** A paragraph matching the boilerplate vocabulary scores this fraction of its length score. */
export const BOILERPLATE_PARAGRAPH_FACTOR = 0.1;

/** Class/id words that suggest article content (readability's positive weight). */
export const POSITIVE_CLASS = /(^|[^a-z])(article|body|content|entry|main|post|story|text|blog|prose)([^a-z]|$)/;
/** Score added to or taken from a container by its class/id (readability uses 25). */
export const CLASS_WEIGHT = 25;
/** Starting score of a container by its tag: divs and articles hold text, lists and tables less so. */
export const TAG_BASE_SCORE: Record<string, number> = {
  article: 10, main: 5, div: 5, section: 3, pre: 3, td: 3, blockquote: 3, ol: -3, ul: -3, dl: -3, form: -3,
  li: -3, th: -5, h1: -5, h2: -5, h3: -5, h4: -5, h5: -5, h6: -5,
};

/** A sibling of the best container joins it when its score is at least this share of the best score. */
export const SIBLING_SCORE_SHARE = 0.2;
/** ... or when it is a paragraph at least this long with a link density below SIBLING_MAX_LINK_DENSITY. */
export const SIBLING_MIN_PARAGRAPH_CHARS = 80;
export const SIBLING_MAX_LINK_DENSITY = 0.25;

/**
 * The chosen container widens to an ancestor holding at least CLIMB_MIN_GAIN more clean paragraph text,
 * while each ancestor passed is at least CLIMB_MIN_PROSE_SHARE paragraph text and at most
 * CLIMB_MAX_LINK_DENSITY links. Set on the readability pages where articles are split into sections
 * between image blocks (telegraph, engadget); a higher share stopped too early, a lower one took in teasers.
 */
export const CLIMB_MIN_GAIN = 0.25;
export const CLIMB_MIN_PROSE_SHARE = 0.6;
export const CLIMB_MAX_LINK_DENSITY = 0.3;

/** Output paragraphs whose text is more than this share links are link lists (menus, related stories). */
export const MAX_PARAGRAPH_LINK_DENSITY = 0.5;
/** ... unless long: a long paragraph with many inline links is still prose. */
export const LINKY_PARAGRAPH_MIN_CHARS = 200;

/**
 * When the chosen container yields less text than this (characters), the extractor falls back to every
 * paragraph of the page that passes the paragraph filters (trafilatura's "fallback when under-delivered").
 */
export const MIN_MAIN_TEXT_CHARS = 200;

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

/** Lines starting a tag list (`Tags:`, `Topics:`); the rest of the line and the next line hold the tags. */
export const TAG_LIST_LABEL = /^(tags|topics|tagged|tagged with|keywords|related topics)\s*:\s*/i;

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
// Scraped text (text mode)

/** A line seen this many times on one page is boilerplate (newsletter forms repeat "Subscribe" ten times). */
export const REPEATED_LINE_MIN = 3;

/** Prose: at least this many words and a sentence ending... */
export const PROSE_MIN_WORDS = 8;
/** ... or at least this many words without one (a long paragraph cut by the scraper). */
export const PROSE_MIN_WORDS_UNPUNCTUATED = 50;

/** Headline-like lines (titles, sub-headings, teaser titles): word count range. */
export const HEADLINE_MIN_WORDS = 3;
export const HEADLINE_MAX_WORDS = 30;
/** The page title has at least this many words (a 2-word line is a section name or an outlet tagline). */
export const TITLE_MIN_WORDS = 4;

/** Non-prose lines allowed in a row inside the body run before it is cut (a sub-heading, a caption pair). */
export const MAX_BODY_GAP_LINES = 3;

/** How far before the body the title and byline are looked for, in non-empty lines. */
export const HEADER_LOOKBACK_LINES = 15;

/** The standfirst (summary under the headline) has at least this many words. */
export const STANDFIRST_MIN_WORDS = 8;

/** Byline lines are short; a longer line starting with "by" is a sentence. */
export const MAX_BYLINE_CHARS = 160;

/** Words that may be joined with the next capitalised word when a tag list is split on capitals. */
export const TAG_JOINING_WORDS = new Set([
  'north', 'south', 'east', 'west', 'new', 'united', 'saudi', 'hong', 'sri', 'san', 'los', 'las', 'el', 'costa',
  'puerto', 'sierra', 'middle', 'latin', 'central', 'white', 'prime', 'supreme', 'european',
]);

/** A tag list without separators is split on capitals only when it is longer than this many words. */
export const MAX_TAG_WORDS = 4;

// ---------------------------------------------------------------------------------------------------
// Language

/** Characters of main text given to the language detector (more adds time, not accuracy). */
export const LANGUAGE_SAMPLE_CHARS = 3000;
/** Texts shorter than this (characters) are not given to the detector: too short to be reliable. */
export const LANGUAGE_MIN_CHARS = 20;

// ---------------------------------------------------------------------------------------------------
// Dates

/** Years accepted as publication dates: before the web or far ahead is a parsing accident. */
export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;

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
