/**
 * Vocabulary and thresholds of the HTML main-text extractor (html.ts) and the multilingual line vocabulary
 * read by vocabulary.ts. Values were tuned on the dev sets
 * (trafilatura-eval, wcxb-dev, readability-test-pages) by looking at the pages that lost the most and
 * changing one general rule at a time; each comment says what moved the value.
 */

// ---------------------------------------------------------------------------------------------------
// Parsing (dom.ts)

/**
 * Attributes the parser keeps: every one the extract stage reads (main text, metadata, dates, bylines). The
 * others (src, srcset, data-*, event handlers, inline SVG geometry) are about a third of a page's attributes
 * and were a fifth of the parse time; skipping them also saves decoding their entities. Add a name here and
 * to ElementAttributes / newAttributes in dom.ts to read a new attribute (dom.test.ts checks they agree).
 */
export const PARSED_ATTRIBUTES = [
  'class', 'id', 'style', 'hidden', 'aria-hidden', 'role', 'itemprop', 'type', 'rel', 'href', 'content', 'property',
  'name', 'http-equiv', 'lang', 'datetime', 'title', 'pubdate',
];

/**
 * Tag names matched in place while parsing (no copy): the most frequent tags of the dev pages. Any other tag
 * is read the ordinary way; this list only saves time.
 */
export const COMMON_TAGS = [
  'a', 'abbr', 'article', 'aside', 'b', 'blockquote', 'body', 'br', 'button', 'center', 'cite', 'code', 'dd', 'div',
  'dl', 'dt', 'em', 'figcaption', 'figure', 'font', 'footer', 'form', 'g', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head',
  'header', 'hr', 'html', 'i', 'iframe', 'img', 'input', 'label', 'li', 'link', 'main', 'meta', 'nav', 'noscript',
  'ol', 'option', 'p', 'path', 'picture', 'pre', 'script', 'section', 'select', 'small', 'source', 'span', 'strong',
  'style', 'sub', 'sup', 'svg', 'table', 'tbody', 'td', 'template', 'th', 'thead', 'time', 'title', 'tr', 'u', 'ul',
  'use', 'video', 'wbr',
];

// ---------------------------------------------------------------------------------------------------
// Structure

/**
 * Elements whose whole subtree is never article text. `rt`/`rp` are ruby annotations (the reading printed above
 * Japanese or Chinese characters): written out inline they split every word of the sentence.
 */
export const DROPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'nav', 'button', 'select', 'option', 'textarea', 'input', 'iframe',
  'object', 'embed', 'svg', 'canvas', 'video', 'audio', 'figcaption', 'figure', 'picture', 'img', 'map', 'dialog',
  'menu', 'label', 'head', 'title', 'meta', 'link', 'source', 'math', 'rt', 'rp',
]);

/**
 * Elements dropped like DROPPED_TAGS in the strict pass only: when that pass under-delivers, the lenient pass
 * keeps them, for sites that wrap the whole page in a <form> (ASP.NET) or the article in an <aside>.
 */
export const SOFT_DROPPED_TAGS = new Set(['header', 'footer', 'aside', 'form']);

/** Elements that start a new paragraph of the output (a table row is one paragraph, its cells joined by spaces). */
export const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'blockquote', 'pre', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table',
  'tr', 'thead', 'tbody', 'tfoot', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'address', 'center',
  'details', 'summary', 'body', 'html', 'caption', 'fieldset', 'hgroup', 'header', 'footer', 'aside', 'form',
  'figure', 'nav', 'legend',
]);

export const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * Elements that hold a paragraph of their own when scoring (a `div` counts when it has text of its own).
 * Sub-headings of 25+ characters count too: without them articles built of short sections lost to teaser
 * grids on the dev sets (trafilatura-eval -0.001, wcxb -0.001).
 */
export const PARAGRAPH_TAGS = new Set(['p', 'pre', 'blockquote', 'td', 'dd', 'li', 'h2', 'h3', 'h4']);

/** Containers never removed by their class/id (a page's `<body class="single-post has-comments">`). */
export const PROTECTED_TAGS = new Set(['html', 'body', 'main', 'article', '#root']);

/** ARIA roles of boilerplate regions. */
export const BOILERPLATE_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'dialog', 'alertdialog', 'menu', 'menubar', 'search', 'tablist']);

// ---------------------------------------------------------------------------------------------------
// Class and id vocabulary

/**
 * Class/id words of boilerplate containers (menus, share bars, comments, related lists, cookie and
 * newsletter boxes, advertisements), in English, German, French, Spanish and Italian. A class name is split
 * into words on `-`, `_`, digits and camel case (`relatedPosts` -> related, posts); a word matches when it
 * is in this set.
 */
export const BOILERPLATE_CLASS_WORDS = new Set([
  'nav', 'navbar', 'navigation', 'navi', 'menu', 'menus', 'submenu', 'megamenu', 'breadcrumb', 'breadcrumbs',
  'share', 'shares', 'sharing', 'sharebar', 'social', 'socials', 'socialmedia', 'comment', 'comments',
  'commentlist', 'respond', 'disqus', 'related', 'recommended', 'recommendation', 'recommendations', 'recirc',
  'recirculation', 'newsletter', 'newsletters', 'subscribe', 'subscription', 'signup', 'cookie', 'cookies',
  'consent', 'gdpr', 'cmp', 'promo', 'promos', 'promotion', 'ad', 'ads', 'adv', 'advert', 'adverts',
  'advertisement', 'advertising', 'adslot', 'adunit', 'dfp', 'gpt', 'sponsor', 'sponsored', 'sponsors',
  'outbrain', 'taboola', 'plista', 'ligatus', 'popup', 'modal', 'lightbox', 'footer', 'masthead', 'sidebar',
  'toolbar', 'pagination', 'pager', 'paging', 'tagcloud', 'trending', 'popular', 'paywall', 'login', 'signin',
  'skiplink', 'skip', 'print', 'noprint', 'byline', 'dateline', 'teaser', 'teasers', 'newsticker', 'ticker',
  'survey', 'poll', 'donate', 'donation', 'rating', 'ratings', 'carousel', 'slider', 'slideshow', 'gallery',
  'backlink', 'backlinks', 'pingback', 'pingbacks', 'trackback', 'trackbacks', 'offcanvas', 'overlay',
  // German
  'kommentar', 'kommentare', 'teilen', 'werbung', 'anzeige', 'anzeigen', 'empfehlung', 'empfehlungen',
  'verwandt', 'verwandte', 'weiterlesen', 'fusszeile', 'fuss', 'navigationsleiste', 'datenschutz',
  // French, Spanish, Italian, Dutch
  'partage', 'partager', 'commentaires', 'publicite', 'pub', 'compartir', 'comentarios', 'publicidad',
  'relacionados', 'condividi', 'commenti', 'correlati', 'pubblicita', 'reacties', 'delen', 'gerelateerd',
]);

/**
 * Weaker words: boilerplate only when the same class name has no content word (`entry-meta` and
 * `author-box` go, `author-content-text` stays).
 */
export const WEAK_BOILERPLATE_CLASS_WORDS = new Set([
  'meta', 'author', 'authors', 'bio', 'tags', 'tag', 'credit', 'credits', 'caption', 'captions', 'banner',
  'widget', 'widgets', 'aside', 'more', 'date', 'time', 'timestamp', 'source', 'sources',
  'topics', 'keywords', 'categories', 'category', 'follow', 'contact', 'copyright', 'legal', 'disclaimer',
  'header', 'actions', 'tools', 'utility', 'utilities', 'icons', 'badge',
  'autor', 'quelle', 'schlagworte', 'stichworte',
]);

/** Class words of article content: they keep a class name with a weak boilerplate word and add to a score. */
export const CONTENT_CLASS_WORDS = new Set([
  'article', 'articlebody', 'body', 'content', 'contents', 'story', 'storybody', 'text', 'blog', 'prose',
  'markdown', 'richtext', 'editor', 'copy', 'artikel', 'inhalt', 'beitrag', 'texte', 'contenu', 'contenido',
  'testo', 'corpo', 'cuerpo',
]);

/** Words of content class names that add to a container's score (a subset: `page` or `col` say nothing). */
export const POSITIVE_CLASS_WORDS = new Set([
  'article', 'articlebody', 'body', 'content', 'entry', 'main', 'post', 'story', 'storybody', 'text', 'blog',
  'prose', 'markdown', 'richtext', 'artikel', 'inhalt', 'beitrag', 'contenu', 'contenido', 'testo', 'cuerpo',
]);

/** Class word prefixes of glued compounds (`sharebuttons`, `relatedposts`, `commentform`, `newsletterbox`). */
export const BOILERPLATE_CLASS_PREFIXES = [
  'share', 'social', 'related', 'comment', 'newsletter', 'subscri', 'cookie', 'advert', 'sponsor', 'breadcrumb',
  'sidebar', 'outbrain', 'taboola', 'recirc', 'recommend', 'paywall', 'signup', 'disqus', 'kommentar', 'werbung',
  'footer', 'navbar', 'navigation', 'teilen',
];
/** ... unless the word is one of these (`commentary` is an opinion piece, `socialist` a topic). */
export const BOILERPLATE_PREFIX_EXCEPTIONS = new Set(['commentary', 'commentaries', 'socialist', 'socialism', 'shared', 'advertorial']);

/** Class word suffixes of glued compounds (`socialshare`, `postcomments`, `articlerelated`). */
export const BOILERPLATE_CLASS_SUFFIXES = ['share', 'sharing', 'comments', 'related', 'newsletter', 'sidebar', 'footer', 'navigation', 'breadcrumbs'];

/** Whole class names of visually hidden elements (screen-reader labels, collapsed templates). */
export const HIDDEN_CLASS_NAMES = new Set([
  'hidden', 'hide', 'is-hidden', 'visually-hidden', 'visuallyhidden', 'sr-only', 'screen-reader-text',
  'screen-reader-only', 'screenreader', 'd-none', 'invisible', 'element-invisible', 'offscreen', 'u-hidden',
  'u-visually-hidden', 'a11y-hidden', 'hidden-visually', 'assistive-text', 'show-for-sr', 'element-hidden',
]);

/**
 * Class name prefixes that describe a state of the page rather than the element (`has-sidebar`,
 * `with-comments`, `no-ads`): such names are not read for boilerplate words.
 */
export const STATE_CLASS_PREFIXES = [
  'has-', 'with-', 'no-', 'show-', 'enable-', 'disable-', 'is-', 'can-', 'template-', 'page-template', 'single-format',
  'post-template', 'tag-', 'category-', 'format-', 'status-', 'type-', 'postid-', 'parent-pageid-',
];

/**
 * Class words that are never spared by PROTECT_PROSE_SHARE: on a blog with a long discussion the comments
 * hold most of the page's prose, and they are still not the article.
 */
export const UNPROTECTED_CLASS_WORDS = new Set([
  'comment', 'comments', 'commentlist', 'respond', 'disqus', 'kommentar', 'kommentare', 'commentaires', 'comentarios',
  'commenti', 'reacties', 'pingback', 'pingbacks', 'trackback', 'trackbacks', 'cookie', 'cookies', 'consent', 'gdpr',
  'cmp', 'datenschutz',
]);

/** Class words spared only at PROTECT_HIDDEN_PROSE_SHARE (a `page-footer` that holds the article does exist). */
export const HIGH_BAR_CLASS_WORDS = new Set(['footer', 'newsletter', 'sidebar', 'modal', 'popup', 'overlay']);

/** Class names of publishing systems' article wrappers (WordPress, microformats): never boilerplate. */
export const ARTICLE_WRAPPER_CLASS_NAMES = new Set(['hentry', 'h-entry', 'type-post', 'type-page', 'type-article', 'single-post', 'node-article']);

/** itemprop values of the article body. */
export const ARTICLE_BODY_ITEMPROPS = new Set(['articlebody', 'reviewbody']);

// ---------------------------------------------------------------------------------------------------
// Scoring

/**
 * A boilerplate-classed container is kept anyway when it holds at least this share of the page's paragraph
 * prose (text in <p>/<pre> and text written straight into divs): an article in `c-layout-sidebar-left` or
 * `o-section--promo`. 0.5 lost two dev pages whose article shared the prose with a long FAQ; 0.4 gained them
 * and lost one.
 */
export const PROTECT_PROSE_SHARE = 0.4;
/**
 * An element dropped by a softer sign (a `hidden` attribute or style, a <header>/<aside>/<form> tag, a
 * hidden class) is spared only when it holds at least this share: hidden duplicates of the article (a raw
 * Markdown copy, a collapsed teaser) held about half of the prose on the pages checked, real articles 0.85+.
 */
export const PROTECT_HIDDEN_PROSE_SHARE = 0.7;
/** ... and its text is at most this share links. */
export const PROTECT_MAX_LINK_DENSITY = 0.3;

/** A paragraph shorter than this (characters) adds nothing to its ancestors' score (a label, a date). */
export const MIN_SCORED_PARAGRAPH_CHARS = 25;

/** Characters of paragraph text per score point, and the cap per paragraph (readability's 100 and 3). */
export const CHARS_PER_POINT = 100;
export const MAX_LENGTH_POINTS = 3;

/** Share of a paragraph's score given to its parent, grandparent and great-grandparent. */
export const ANCESTOR_SHARES = [1, 0.5, 1 / 3];

/** A paragraph matching the boilerplate vocabulary scores this fraction of its score. */
export const BOILERPLATE_PARAGRAPH_FACTOR = 0.1;

/** Score added to a container by a content class word (readability uses 25). */
export const CLASS_WEIGHT = 25;
/** Score added to a container marked `itemprop="articleBody"`: a publisher's own statement, worth two class words. */
export const ARTICLE_BODY_WEIGHT = 50;

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
 * between image blocks; a higher share stopped too early, a lower one took in teasers.
 */
export const CLIMB_MIN_GAIN = 0.25;
export const CLIMB_MIN_PROSE_SHARE = 0.6;
export const CLIMB_MAX_LINK_DENSITY = 0.3;
/**
 * ... or a smaller gain of at least CLIMB_MIN_CLEAN_PROSE_CHARS when what the ancestor adds is at least
 * CLIMB_CLEAN_PROSE_SHARE paragraph text: a story's first paragraphs set apart by a photo or a share bar.
 */
export const CLIMB_MIN_CLEAN_PROSE_CHARS = 100;
export const CLIMB_CLEAN_PROSE_SHARE = 0.8;

/**
 * The standfirst under the headline joins the text (leadParagraphs in html.ts) when it is a paragraph of at
 * least LEAD_MIN_CHARS with at most LEAD_MAX_LINK_DENSITY links, and the <h1> is at most LEAD_MAX_ELEMENTS
 * elements before the text's first paragraph.
 */
export const LEAD_MIN_CHARS = 60;
export const LEAD_MAX_LINK_DENSITY = 0.2;
export const LEAD_MAX_ELEMENTS = 60;

// ---------------------------------------------------------------------------------------------------
// Output paragraphs

/** Output paragraphs whose text is more than this share links are link lists (menus, related stories). */
export const MAX_PARAGRAPH_LINK_DENSITY = 0.5;
/** ... unless long: a long paragraph with many inline links is still prose. */
export const LINKY_PARAGRAPH_MIN_CHARS = 200;

/** Longest line ending the text that is dropped as a lead-in to removed links (`Weitere Informationen:`). */
export const MAX_LEAD_IN_CHARS = 60;
/** Most headings and lead-in lines dropped from the end of the text (see dropOrphanHeadings in html.ts). */
export const MAX_TRAILING_ORPHANS = 2;

/**
 * When the chosen container yields less text than this (characters), the next step of the fallback sequence
 * runs (trafilatura's "fallback when under-delivered").
 */
export const MIN_MAIN_TEXT_CHARS = 200;

/**
 * Most characters of text written out per page: the longest article of the dev sets has about 100,000;
 * a page with megabytes of text is a dump, and copying it through the clean-up steps would spend the 1 s
 * budget (9.5 MB of text took 0.9 s before the cap).
 */
export const MAX_OUTPUT_CHARS = 500_000;

/** Nodes read at most when a short paragraph's text is checked against the vocabulary. */
export const MAX_PARAGRAPH_NODES = 500;

/**
 * Pages with more elements than this get the simple pass only (every kept paragraph, no scoring): a page
 * that large is generated (a dump, a feed) and the full pass would risk the 1 s budget. The largest page of
 * the dev sets has about 10,000 elements; 140,000 took 0.7 s for parse and scoring on one core.
 */
export const MAX_ELEMENTS_FOR_SCORING = 50_000;

// ---------------------------------------------------------------------------------------------------
// Line vocabulary beyond English (read by vocabulary.ts for both extractors)

/**
 * Whole lines (lowercased, trimmed of bullets and edge punctuation) that are never article text, in German,
 * French, Spanish, Italian and Dutch: share and print buttons, "read more", comment labels, ad labels.
 */
export const MULTILINGUAL_BOILERPLATE_LINES = new Set([
  // German
  'teilen', 'artikel teilen', 'auf facebook teilen', 'auf twitter teilen', 'per e-mail teilen', 'per mail teilen',
  'drucken', 'artikel drucken', 'e-mail', 'mail', 'weiterlesen', 'mehr lesen', 'mehr', 'mehr erfahren',
  'mehr zum thema', 'weitere artikel', 'lesen sie auch', 'auch interessant', 'das könnte sie auch interessieren',
  'dies könnte sie auch interessieren', 'ähnliche artikel', 'ähnliche beiträge', 'verwandte artikel',
  'verwandte beiträge', 'zurück', 'zurück zur übersicht', 'nach oben', 'zum seitenanfang', 'werbung', 'anzeige',
  'kommentare', 'kommentar', 'kommentar schreiben', 'kommentieren', 'antworten', 'antwort', 'abonnieren',
  'jetzt abonnieren', 'newsletter', 'zum newsletter', 'newsletter abonnieren', 'anmelden', 'registrieren',
  'suche', 'suchen', 'menü', 'schließen', 'startseite', 'impressum', 'datenschutz', 'datenschutzerklärung',
  'kontakt', 'alle rechte vorbehalten', 'schlagworte', 'themen', 'tags', 'artikel merken', 'merken',
  'vorlesen', 'artikel vorlesen', 'zum artikel', 'empfohlen', 'empfehlungen', 'beliebt',
  'meistgelesen', 'meist gelesen', 'top-themen', 'cookie-einstellungen', 'einstellungen', 'akzeptieren',
  'alle akzeptieren', 'ablehnen', 'bild vergrößern', 'foto', 'bild', 'video', 'galerie', 'bildergalerie',
  'teile diesen artikel', 'diesen artikel teilen', 'gefällt mir', 'link kopieren', 'beitrag teilen',
  'hinterlasse einen kommentar', 'schreibe einen kommentar', 'kommentar verfassen', 'ähnliche themen',
  // French
  'partager', 'partager cet article', 'imprimer', 'lire aussi', 'à lire aussi', 'lire la suite', 'voir aussi',
  'publicité', 'commentaires', 'commenter', 'répondre', "s'abonner", 'abonnez-vous', 'se connecter', 'rechercher',
  'accueil', 'tous droits réservés', 'sur le même sujet', 'articles similaires', 'fermer',
  // Spanish, Italian, Dutch
  'compartir', 'imprimir', 'leer más', 'lee también', 'leer también', 'te puede interesar', 'publicidad',
  'comentarios', 'responder', 'suscríbete', 'buscar', 'inicio', 'noticias relacionadas', 'cerrar',
  'condividi', 'stampa', 'leggi anche', 'leggi di più', 'pubblicità', 'commenti', 'rispondi', 'iscriviti', 'cerca',
  'articoli correlati', 'chiudi', 'delen', 'lees ook', 'lees meer', 'advertentie', 'reacties', 'reageer',
]);

/** Boilerplate line patterns beyond English (cookie and newsletter notices, "read also" links, comment counts). */
export const MULTILINGUAL_BOILERPLATE_LINE_PATTERNS: RegExp[] = [
  /^(wir verwenden|wir nutzen|diese (web)?seite (verwendet|nutzt)|diese website (verwendet|nutzt)|unsere website (verwendet|nutzt))\s.{0,40}cookies/i,
  /^(nous utilisons|ce site utilise) (des )?cookies/i,
  /^(utilizamos|usamos|este sitio (web )?utiliza) cookies/i,
  /^(questo sito (web )?utilizza|utilizziamo) (i )?cookie/i,
  /^(wij gebruiken|deze (web)?site gebruikt) cookies/i,
  /\bnewsletter\b.{0,40}\b(abonnieren|bestellen|anmelden)\b/i,
  /^(melden sie sich|jetzt|hier)\b.{0,40}\b(newsletter|anmelden|abonnieren)\b.{0,40}$/i,
  /^(lesen sie auch|lesen sie mehr|lies auch|mehr zum thema|auch interessant|siehe auch|weiterlesen|à lire aussi|lire aussi|voir aussi|leer también|lee también|leggi anche|lees ook)\b.{0,150}$/i,
  /^\d+\s+(kommentare?|comments?|antworten|reaktionen|commentaires?|comentarios?|commenti|reacties)$/i,
  /^(teilen|share|partager|compartir|condividi)\s*(auf|on|sur|en|su)?\s*(facebook|twitter|x|whatsapp|linkedin|xing|pinterest|e-?mail)\b.{0,40}$/i,
  /^(alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|tutti i diritti riservati)\b/i,
  /^(anzeige|werbung|publicité|publicidad|pubblicità)\b.{0,20}$/i,
  /^(foto|bild|quelle|fotos|bilder|grafik|illustration|crédit photo|photo)\s*:\s*\S.{0,100}$/i,
];

/**
 * Whole lines (lowercased, edge decoration and a closing colon removed) that label the furniture around an
 * article rather than its text: section titles of related lists, source and author boxes, tables of contents,
 * image buttons. Read by the HTML extractor only (the scraped-text extractor has its own vocabulary).
 */
export const FURNITURE_LINES = new Set([
  'about the author', 'keep reading', 'table of contents', 'related topics', 'related articles', 'most read',
  'bild anzeigen', 'bild schließen', 'weitere informationen',
  'empfohlene beiträge', 'empfohlene artikel', 'verwandte themen', 'verwandte themenbereiche', 'meistgelesene artikel',
  'meistdiskutierte artikel', 'mehr themen', 'zum weiterlesen', 'schon gelesen?', 'quellenangaben', 'quellen',
  'quellen ausblenden', 'zusatzinformationen', 'über den autor', 'über die autorin', 'teilen sie dies mit',
  'möchten sie den artikel teilen?', 'seite teilen', 'inhaltsverzeichnis', 'originalartikel', 'markiert mit',
  'vorschau auf den nächsten artikel', 'hier können sie den artikel bewerten', 'externer inhalt',
  'permalien', 'audios et vidéos sur le sujet', 'à propos de l’auteur', "à propos de l'auteur", 'sommaire',
  'notas relacionadas', 'artículos relacionados', 'zobacz także', 'czytaj także', 'czytaj też',
]);

/**
 * Photo captions and credits written as ordinary paragraphs (no <figcaption>), in the languages of the dev
 * sets: a credit label opening the line (`Abbildung 3: ...`, `Titelbild: Name`, `Crédits photos : Agence`,
 * `Foto © Name`), a zoom button's label fused with the caption (`Vergrößern Die neue Halle ...`), or a credit
 * closing it (`... (Bildquelle: Verband)`, `..., photo: Archiv`, `... © Agentur / Name`). Read by the HTML
 * extractor only, on lines of at most MAX_CAPTION_LINE_CHARS.
 */
export const CAPTION_LINE_PATTERNS: RegExp[] = [
  /^(?:abbildung|abb\.|titelbild|beitragsbild|aufmacherbild|bildquelle|bildnachweis|crédits? photos?|fotos?|bild|photos?|grafik|illustration)\s*\d*\s*(?::|©)/i,
  /^(?:vergrößern|bild vergrößern|enlarge image)\s+\S/i,
  /\((?:bildquelle|quelle|fotos?|bild|photos?|crédits? photos?|fuente|imagen)\s*:[^()]{1,80}\)\s*$/i,
  /,\s*(?:photo|foto|bild)\s*:\s*[^,.]{1,80}$/i,
  /\s©\s*[^.!?©]{1,60}$/,
];
export const MAX_CAPTION_LINE_CHARS = 300;

// ---------------------------------------------------------------------------------------------------
// Bylines and datelines kept out of the body

/** Longest line read as a byline or a dateline (characters); a longer line is a sentence. */
export const MAX_BYLINE_LINE_CHARS = 120;
/** How many paragraphs at the start of the text are looked at for a byline or dateline. */
export const BYLINE_HEAD_PARAGRAPHS = 4;

/**
 * A byline: `By Jane Roe`, `Von Max Muster und Erika Muster`, `Par Jean Dupont, à Paris`. Case-sensitive on
 * purpose: names are capitalised (`/i` would let \p{Lu} match any letter).
 */
export const BYLINE_LINE = /^(?:[Bb]y|BY|[Vv]on|VON|[Pp]ar|[Pp]or|[Dd]i|[Dd]oor|[Aa]v|[Aa]f|[Tt]ext|[Tt]exte|[Aa]utor|[Aa]uthor|[Aa]uteur|[Ww]ritten by|[Gg]eschrieben von)\s*:?\s+\p{Lu}[\p{L}'’.-]*(\s+(\p{Lu}[\p{L}'’.-]*|von|van|de|der|den|la|le|del|di|da))*(\s*(,|und|and|&|et|y|e|\/)\s*\p{Lu}[\p{L}'’.-]*(\s+\p{Lu}[\p{L}'’.-]*)*)*\s*([,|·•–—-].{0,60})?$/u;

/** Words a dateline is made of besides numbers: months, weekdays, "updated", "um", "Uhr", ... (lowercase). */
export const DATELINE_WORDS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'januar',
  'jänner', 'februar', 'märz', 'mai', 'juni', 'juli', 'oktober', 'dezember', 'janvier', 'février', 'mars', 'avril',
  'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre', 'enero', 'febrero', 'marzo', 'abril',
  'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre', 'gennaio', 'febbraio',
  'aprile', 'maggio', 'giugno', 'luglio', 'settembre', 'ottobre', 'dicembre', 'monday', 'tuesday', 'wednesday',
  'thursday', 'friday', 'saturday', 'sunday', 'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag',
  'sonntag', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche', 'mon', 'tue', 'wed', 'thu',
  'fri', 'sat', 'sun', 'mo', 'di', 'mi', 'do', 'fr', 'sa', 'so', 'published', 'updated', 'posted', 'last',
  'modified', 'on', 'at', 'am', 'pm', 'um', 'uhr', 'veröffentlicht', 'aktualisiert', 'zuletzt', 'stand', 'vom',
  'publié', 'le', 'mis', 'à', 'jour', 'publicado', 'actualizado', 'el', 'de', 'del', 'pubblicato', 'aggiornato',
  'il', 'est', 'edt', 'cet', 'cest', 'utc', 'gmt', 'et', 'pt', 'bst', 'mez', 'mesz', 'h', 'min', 'read', 'lesezeit',
  'minuten', 'minutes', 'ago', 'vor', 'stunden', 'hours', 'days', 'tagen', 'date', 'datum',
]);
