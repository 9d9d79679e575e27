/**
 * Vocabulary and thresholds of the scraped-text extractor (text.ts). Thresholds were set on the dev pages
 * rendered to text by eval/page-text.ts (wcxb-dev, readability-test-pages, trafilatura-eval) and on the
 * fictional demo pages; each says how it was chosen. Phrases are matched on lowercased lines.
 */

// ---------------------------------------------------------------------------------------------------
// Line shape

/** Prose: at least this many words and a sentence ending (shorter sentence lines are labels) [6, 8, 10]. */
export const PROSE_MIN_WORDS = 8;
/** ... or at least this many words without one (a paragraph cut by the scraper). 50 beat 20/30/70/120 on the dev sets. */
export const PROSE_MIN_WORDS_UNPUNCTUATED = 50;
/** ... and then one inner punctuation mark per this many words (tag clouds and flattened menus have none; 25-1000 all alike). */
export const WORDS_PER_PUNCTUATION = 40;

/** Headline-shaped lines (titles, sub-headings, teaser titles): word count range. */
export const HEADLINE_MIN_WORDS = 2;
export const HEADLINE_MAX_WORDS = 30;

/** Characters of CJK script counted as one word (no spaces between words in those scripts). */
export const CJK_CHARS_PER_WORD = 2;

/** Hard-wrapped lines are joined when the upper one is at least this long and has no ending. */
export const UNWRAP_MIN_CHARS = 50;

// ---------------------------------------------------------------------------------------------------
// Body region: each line adds to the score of the region that holds it; the region with the best sum wins
// (maximum-sum contiguous run). Prose adds its length, everything else subtracts, so short interruptions
// (an advertisement label, a caption, a sub-heading) are bridged and long menus or teaser lists are not.
// The weights were set by one-at-a-time sweeps over the three dev sets (values tried in brackets); lower costs
// raise wcxb/readability recall and lower trafilatura-eval precision, the values below balance the three.

/** A prose line adds its characters times this weight. */
export const PROSE_WEIGHT = 1;
/** A prose line adds only its characters beyond this many (one-sentence teasers add little) [0, 40, 80]. */
export const PROSE_FREE_CHARS = 40;
/** A short non-boilerplate line (sub-heading, list item, label) costs this much [0, 5, 15, 30]. */
export const SHORT_LINE_COST = 5;
/**
 * A short line in a run of short lines costs this much more per line already in the run (menus) [1, 2, 3, 5, 10].
 * 3 before the article-header, news-feed and vocabulary rules; with them 2 (wcxb 0.899 -> 0.900, readability
 * 0.905 -> 0.906, trafilatura-eval 0.861 -> 0.859).
 */
export const SHORT_RUN_COST = 2;
/** The run cost stops growing at this many lines (a long list inside an article stays bridgeable) [4, 6, 8, 16]. */
export const SHORT_RUN_MAX = 8;
/** Boilerplate (vocabulary or repeated line), byline, dateline [30, 40, 45, 60, 100]. */
export const BOILERPLATE_COST = 60;
/** A caption: a common interruption inside articles, cheaper than other boilerplate (set by hand). */
export const CAPTION_COST = 20;
/** A truncated teaser of another article (set by hand: two teasers outweigh a paragraph). */
export const TEASER_COST = 150;
/** A line that ends articles (Related, comments, tags, "More on this story") [200, 400, 1000]. */
export const STOP_COST = 400;
/**
 * A dateline below a stop line and outside an article header: a comment's time stamp [60, 150, 300, 400]: 400
 * (trafilatura-eval 0.8741 -> 0.8745, wcxb 0.9011 -> 0.9027, readability equal).
 */
export const COMMENT_STAMP_COST = STOP_COST;

/**
 * A line without a sentence ending right under the region joins it as the article's last line from this many words
 * on (shorter ones are share counters, credits, labels) [6, 8, 10, 14]: 10 (text mode: trafilatura-eval 0.8865 ->
 * 0.8879, readability 0.9096 -> 0.9111, wcxb equal; 6 and 8 keep more furniture, 14 loses closing lines).
 */
export const CLOSING_LINE_MIN_WORDS = 10;
/** A region is widened over a gap of at most this many lines without a boundary (a chart's labels, a gallery). */
export const MAX_EXTENSION_GAP_LINES = 80;
/** ... to prose on the other side of at least this many characters [150, 250, 400] ... */
export const EXTENSION_MIN_CHARS = 150;
/**
 * ... and at least this share of the region's prose (a short block beside a long article is a box)
 * [0.05, 0.1, 0.15, 0.25]: 0.15 before the article-header and teaser rules, 0.1 with them (wcxb +0.0025).
 */
export const EXTENSION_MIN_SHARE = 0.1;

/** A line seen this many times on one page is boilerplate (menus appear twice: desktop and mobile). */
export const REPEATED_LINE_MIN = 2;
/** ... when it has at most this many words. */
export const REPEATED_LINE_MAX_WORDS = 12;
/**
 * A repeated sentence up to this many words (a form message, a promotion) is kept once; longer repeated
 * paragraphs are kept every time (the readability test pages repeat whole paragraphs as article text).
 */
export const REPEATED_SENTENCE_MAX_WORDS = 30;

/**
 * A byline or dateline under a headline and over an article's prose adds this much to the region holding it, so
 * that an article with a header beats a long footer notice or a sidebar without one [100, 150, 200, 300]: 200
 * (readability 0.893 -> 0.899; wcxb and trafilatura-eval within 0.001).
 */
export const ARTICLE_HEADER_SCORE = 200;
/** The headline stands at most this many lines over the byline or dateline (one more byline or dateline between). */
export const HEADER_HEADLINE_LINES = 2;
/** The article's prose starts at most this many lines under it (a standfirst, a caption, a share bar between). */
export const HEADER_PROSE_LINES = 4;
/**
 * ... and holds this many characters of paragraphs with short breaks at most: a teaser card's one-sentence
 * summary under an author and a date does not [300, 400, 600]: 300.
 */
export const HEADER_MIN_PROSE_CHARS = 300;

/**
 * A truncated summary of another article ("...", "…") has at most this many words; a longer line ending so is the
 * writer's own ellipsis [30, 45, 60, unbounded]: 60 (trafilatura-eval 0.860 -> 0.862, the others equal).
 */
export const MAX_TEASER_WORDS = 60;
/**
 * A prose line directly above a truncated summary is that summary's headline only when it is headline-long: a longer
 * paragraph above a line ending in an ellipsis is the writer's own text [10, 15, 20, 30, 60]: 20 (text mode:
 * trafilatura-eval 0.8782 -> 0.8787, readability 0.9071 -> 0.9093, wcxb 0.9032 -> 0.9031).
 */
export const MAX_TEASER_HEADLINE_PROSE_WORDS = 20;
/**
 * A line ending in an ellipsis with no other such line within this many lines either side, and no headline
 * directly over it, is the writer's own trailing thought: teasers of other articles come in lists [1, 2, 3, 5]: 3
 * (trafilatura-eval text mode 0.8787 -> 0.8798, wcxb 0.9031 -> 0.9038, readability 0.9093 -> 0.9096).
 */
export const LONE_TEASER_NEIGHBOUR_LINES = 3;
/** ... when it has at least this many words ("Loading …" under a like button stays a teaser) [3, 5, 8]: 5. */
export const LONE_TEASER_MIN_WORDS = 5;
/** Headlines led by a time of day count as a news feed from this many on a page (a live blog's few entries do not) [3, 5, 8]. */
export const MIN_FEED_ITEMS = 5;

/** A list item led by a number (a quantity, a year) has at most this many words. */
export const MAX_LIST_ITEM_WORDS = 12;
/** A run of number-led items above the body is a list of the article from this many items on. */
export const MIN_LIST_ITEMS = 3;
/** At most this many other short lines stand between two items of the list. */
export const LIST_GAP_LINES = 4;

// ---------------------------------------------------------------------------------------------------
// The page's URL, when the caller gives it: the words of its last named path segment (the slug) name the article,
// and the first headline-shaped line holding them with prose under it is the article's headline. The region under
// it replaces the best-scoring region when that lies elsewhere (a sidebar, an author box, a footer with more prose
// than a short article). Measured together (text mode): trafilatura-eval 0.8798 -> 0.8857, wcxb 0.9038 -> 0.9040,
// readability equal (its pages come without a URL).

/** A slug names something from this many words on (one word is a section or an id). */
export const MIN_SLUG_WORDS = 2;
/** Slug words are at least this long (articles and prepositions of the slug are no evidence). */
export const SLUG_WORD_MIN_CHARS = 3;
/** The headline holds at least this share of the slug's words [0.5, 0.6, 0.75, 1]: 0.6 (0.5 within 0.0003). */
export const MIN_SLUG_SHARE = 0.6;
/** ... and at least this share of its own words are the slug's (a paragraph quoting them is not it) [0.3, 0.4, 0.5, 0.7]: 0.5. */
export const MIN_SLUG_LINE_SHARE = 0.5;
/** The article's first paragraph is at most this many lines under the headline [4, 8, 12]: 8. */
export const SLUG_PROSE_LINES = 8;
/**
 * The region under the headline wins when its score is at least this share of the best region's score (a short
 * article beside a long sidebar) [0, 0.1, 0.2, 0.35, 0.5, 0.7]: 0.2 (0 lets a headline repeated in a player bar
 * or a footer win over the article; 0.1-0.2 alike, 0.35 and up lose 0.001-0.004).
 */
export const SLUG_REGION_MIN_SHARE = 0.2;

// ---------------------------------------------------------------------------------------------------
// Header: title, byline, dateline, standfirst

/** How far before the body the title is looked for, in lines. */
export const HEADER_LOOKBACK_LINES = 15;
/** How far into the body region the title may sit (a disclaimer or breadcrumb line before the headline). */
export const HEADER_LOOKAHEAD_LINES = 3;
/** The title has at least this many words (a 1-word line is a section name). */
export const TITLE_MIN_WORDS = 2;
/** The standfirst (summary under the headline) has at least this many words. */
export const STANDFIRST_MIN_WORDS = 8;
/** ... and at most this many (a longer line is the first paragraph). */
export const STANDFIRST_MAX_WORDS = 60;
/**
 * Whether the standfirst stays in the text as its first paragraph (it is article content) besides being the
 * description. Measured: with it wcxb 0.895 / readability 0.888 / trafilatura-eval 0.853, without it
 * 0.896 / 0.887 / 0.848.
 */
export const KEEP_STANDFIRST_IN_TEXT = true;
/** Byline lines are short; a longer line starting with "by" is a sentence. */
export const MAX_BYLINE_CHARS = 160;
/** A dateline is short; longer lines with a date in them are sentences. */
export const MAX_DATELINE_CHARS = 90;
/** The date must be most of a dateline (its label and a reading time are the rest). */
export const MIN_DATELINE_DATE_SHARE = 0.4;
/** Lines after the body start still searched for a byline or dateline. */
export const BYLINE_LOOKAHEAD_LINES = 2;

/**
 * A copyright notice: "©" or "Copyright" with a year, or "all rights reserved" in several languages (a picture
 * credit, "© Name", has no year). The last one on the page, on a boilerplate line, ends the page as laid out:
 * what a scraper saves after it is overlays (cookie dialogs, sign-in and newsletter forms).
 */
export const FOOTER_NOTICE =
  /(?:©|\(c\)|copyright)\s*(?:\d{4}\s*[-–]\s*)?\d{4}|^copyright\b|\b(?:all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|tutti i diritti riservati|wszelkie prawa zastrzeżone|alle rechten voorbehouden)\b/iu;
/** A footer notice is a short line (a longer one is a licence paragraph) ... */
export const MAX_FOOTER_NOTICE_CHARS = 200;
/**
 * ... among the page's last lines (footers of the dev pages run 10 to 50 lines; set by hand). Measured:
 * trafilatura-eval 0.8627 -> 0.8629 together with the boilerplate-line condition, wcxb and readability equal.
 */
export const FOOTER_NOTICE_LAST_LINES = 60;

/** Lines at the top of the page searched for the site name; lines at the bottom searched for a © notice. */
export const OUTLET_TOP_LINES = 12;
export const OUTLET_BOTTOM_LINES = 40;
/** A site name has at most this many words. */
export const OUTLET_MAX_WORDS = 5;

// ---------------------------------------------------------------------------------------------------
// Vocabulary

/** Words that open a byline, in the languages of the dev pages ("By", "Von", "Par", "Por", "Di", "Door"). */
export const BYLINE_OPENER = /^(?:(?:written|posted|reported|story|text|words)\s+)?(?:by|von|par|por|di|door|av|af|przez|från)\s*:?\s+(?=\p{Lu})/iu;
/**
 * A dated byline of blog software: "Posted on 3 May 2024 by Name", "Veröffentlicht am 17. Mai 2024 von Name". The
 * date is read from the whole line; the name follows the match.
 */
export const DATED_BYLINE =
  /^(?:posted|published|written|veröffentlicht|geschrieben|erstellt|publié|publicado|pubblicato)(?:\s+(?:on|am|le|el|il))?\s+[^,;|]{4,40}?\s+(?:by|von|par|por|di)\s+(?=\p{Lu})/iu;
/** A byline label ("Author: Name", "Autor: Name"). */
export const BYLINE_LABEL = /^(?:author|authors|autor|autorin|auteur|autore|autor\/in)\s*:\s*(?=\p{Lu})/iu;

/** Organisation words that make a byline part a wire or agency credit rather than a desk of the outlet. */
export const AGENCY_WORDS = /\b(?:press|agency|agence|agentur|agencia|agenzia|wire|news service|presse)\b/i;

/** A dateline label before a date ("Updated: ...", "Aktualisiert", "Mis à jour"). */
export const UPDATED_LABEL = /^(?:updated|last updated|modified|last modified|aktualisiert|mis à jour|actualizado|aggiornato)\b/i;

/**
 * Whole lines (lowercased, trimmed of bullets and edge punctuation) that end an article: what follows them
 * is related links, comments, tags or the footer.
 */
export const STOP_LINES = new Set([
  'related', 'related articles', 'related stories', 'related posts', 'related news', 'related topics',
  'related content', 'related reading', 'more on this story', 'more on this topic', 'more from', 'more stories',
  'more news', 'more articles', 'you may also like', 'you might also like', 'recommended', 'recommended for you',
  'recommended stories', 'read next', 'up next', 'what to read next', 'most read', 'most popular', 'most viewed',
  'trending', 'trending now', 'top stories', 'latest news', 'latest stories', 'comments', 'comment',
  'leave a comment', 'leave a reply', 'post a comment', 'add a comment', 'join the conversation', 'show comments',
  'load comments', 'view comments', 'share this', 'share this:', 'share this article', 'share this story',
  'about the author', 'about the authors', 'further reading', 'popular', 'editors picks', "editors' picks",
  "editor's picks", 'around the web', 'from around the web', 'sponsored stories', 'promoted stories',
  'more in', 'see also', 'keep reading', 'continue reading', 'explore more', 'in other news',
  // German, French, Spanish, Italian, Dutch
  'mehr zum thema', 'weitere artikel', 'das könnte sie auch interessieren', 'das könnte sie interessieren',
  'kommentare', 'kommentar', 'ähnliche artikel', 'verwandte artikel', 'meistgelesen', 'auch interessant',
  'lesen sie auch', 'weitere themen', 'à lire aussi', 'a lire aussi', 'lire aussi', 'sur le même sujet',
  'articles similaires', 'articles liés', 'commentaires', 'vous aimerez aussi', 'les plus lus', 'à voir aussi',
  'artículos relacionados', 'te puede interesar', 'comentarios', 'lo más leído', 'noticias relacionadas',
  'leggi anche', 'articoli correlati', 'commenti', 'potrebbe interessarti', 'gerelateerde artikelen',
  'lees ook', 'reacties', 'meest gelezen',
  // blog software (WordPress and others), English and German
  'previous post', 'next post', 'post navigation', 'older posts', 'newer posts', 'like this', 'like this:',
  'share this post', 'related posts:', 'you might be interested in', 'also on', 'recent posts', 'latest posts',
  'ähnliche beiträge', 'verwandte beiträge', 'weitere beiträge', 'neueste beiträge', 'letzte beiträge',
  'das könnte dich auch interessieren', 'das könnte dich interessieren', 'diese beiträge solltest du nicht verpassen',
  'was denkst du?', 'kommentar verfassen', 'kommentar schreiben', 'schreibe einen kommentar',
  'hinterlasse einen kommentar', 'teilen mit', 'diesen beitrag teilen', 'diese geschichte teilen', 'beitrag teilen',
  'artikel teilen', 'beitrags-navigation', 'beitragsnavigation', 'vorheriger beitrag',
  'nächster beitrag', 'über den autor', 'über die autorin', 'zum autor', 'mehr artikel', 'weitere nachrichten',
  'à propos de l’auteur', "à propos de l'auteur", 'articles récents', 'laisser un commentaire',
  'poster un commentaire', 'partager cet article', 'partager', 'voir aussi', 'dans la même rubrique',
  // further reading, popular posts and feedback boxes under articles
  'related coverage', 'explore further', 'read further', 'read more', 'more reading', 'pour approfondir',
  'en savoir plus', 'popular posts', 'popular articles', 'most popular posts', 'beliebte beiträge',
  'beliebteste beiträge', 'beliebte artikel', 'meistgelesene artikel', 'meistgelesene beiträge',
  'was this article helpful?', 'was this helpful?', 'did you find this article helpful?',
  'war der artikel nützlich?', 'war dieser artikel hilfreich?', 'war dieser beitrag hilfreich?',
  'hat dir der artikel gefallen?', 'hat ihnen der artikel gefallen?', 'hat dir dieser beitrag gefallen?',
  'möchten sie den artikel teilen?', 'artikel bewerten', 'bewerten', 'bewerten:', 'rate this', 'rate this article',
  // "read also" and related-links headings in more languages (Spanish, Portuguese, Polish, Dutch, German); with the
  // comment invitations below: trafilatura-eval 0.8609 -> 0.8629, readability and wcxb equal ("leia mais", "zum
  // thema", "weiterlesen" left out: buttons and sub-headings inside articles)
  'lea también', 'lee también', 'leer también', 'ver también', 'vea también', 'mire también', 'otras noticias',
  'más noticias', 'también te puede interesar', 'le puede interesar', 'contenido relacionado', 'temas relacionados',
  'contexto de la noticia', 'veja também', 'leia também', 'notícias relacionadas',
  'mais lidas', 'czytaj także', 'czytaj też', 'zobacz także', 'zobacz też', 'polecamy', 'inne artykuły',
  'inne artykuły autora', 'najczęściej czytane', 'zie ook', 'meer nieuws', 'schon gelesen',
  'schon gelesen?', 'auch lesen', 'zum weiterlesen', 'verwandte links',
  'verwandte themen', 'neueste artikel', 'neueste nachrichten', 'aktuelle news', 'aktuelle artikel',
  'empfohlen für dich', 'empfehlungen für sie', 'unsere empfehlungen', 'das könnte sie auch interessieren:',
  'noch mehr infos', 'noch mehr zum thema', 'passend zum thema', 'dazu passend',
  'you might also be interested in', 'you may also be interested in', 'more like this', 'related links',
  'related reads', 'read this next', 'also read', 'read also', 'more to explore', 'latest articles',
  // contact boxes under press releases and reports
  'weitere informationen', 'ansprechpartner', 'ansprechpartnerin', 'ihr ansprechpartner', 'ihre ansprechpartnerin',
  'pressekontakt', 'kontakt für journalisten', 'media contact', 'press contact', 'contacto de prensa',
]);

/** Lines that start an end-of-article block whatever follows on the line. */
export const STOP_PATTERNS: RegExp[] = [
  /^(?:\d+\s+)?comments?\s*(?:\(\d+\)|:)?$/i,
  /^(?:\d+\s+)?(?:responses?|replies|kommentare|commentaires)\s*(?:\(\d+\))?$/i,
  /^your email address will not be published/i,
  /^(?:leave|post|write|submit) a (?:reply|comment)\b/i,
  /^(?:related|more)(?: articles| stories| posts| news)?\s*[:›»>]/i,
  /^tagged\s+\p{Lu}/u,
  /^(?:comment|kommentar|pingback|trackback)s? (?:by|von|de)\b/i,
  /^(?:\d+|one|two|ein|eine|zwei)\s+(?:thoughts?|gedanken|kommentare?|antworten|responses?|replies|comments?|réponses?|commentaires?)\s+(?:on|to|zu|zum|sur|à)\b/i,
  /^(?:about|über) (?:the|den|die) (?:author|autor|autorin)\b/i,
  // an author box headed by the author's name ("About Mina Torrell", "Über Jon Ek")
  /^(?:[Aa]bout|[Üü]ber|[Àà] propos de|[Ss]obre|[Oo] autorze) \p{Lu}[\p{L}'’.-]+(?: \p{Lu}[\p{L}'’.-]+){1,2}$/u,
  /^(?:responses?|replies|comments?|reactions?|antworten|kommentare|reaktionen) (?:to|on|zu|zum|zur)\s+["'“„«‘]/i,
  /^(?:more|mehr|weitere|plus) (?:from|aus|von|zum thema|zu diesem thema|de|du|des|sur)\b.{0,40}$/i,
  /\bkönnte(?:n)? (?:dich|sie|euch|ihnen) (?:auch |ebenfalls )?(?:interessieren|gefallen)\b/i,
  /^(?:related|popular|recent|latest|beliebte|ähnliche|neueste) (?:posts|articles|stories|beiträge|artikel) (?:zum thema|on|about|in|zu)\b/i,
  // "More on X", "Weitere Beiträge aus der Kolumne", "Más sobre X", "Mais sobre X", "Więcej o X"
  /^(?:weitere (?:beiträge|artikel|nachrichten|meldungen|texte) (?:aus|von|zu|zum|zur|über|der|des)|más (?:sobre|de)|mais (?:sobre|de)|więcej (?:o|z)|meer (?:over|van)|plus d'articles|d'autres articles)\b.{0,50}$/i,
  // an invitation to comment under the article
  /^(?:hinterlasse|hinterlassen sie|schreibe|schreiben sie|verfasse) (?:eine[nr]? )?(?:antwort|kommentar)/i,
  /^(?:kommentieren sie|kommentiere) (?:hier|jetzt|diesen)/i,
  /^(?:deja|dejar|escribe|escriba) (?:un|tu|su) (?:comentario|respuesta)/i,
  /^(?:laisser|laissez|écrire|écrivez) un (?:commentaire|message)/i,
  /^(?:deixe|deixar) (?:um|seu|o seu) comentário/i,
  /^(?:dodaj|napisz) komentarz/i,
];

/**
 * Boilerplate lines that the shared vocabulary (constants.ts) does not hold: cookie banners, donation
 * appeals, newsletter pitches, share buttons, in several languages. Matched at the start of the line.
 */
export const EXTRA_BOILERPLATE_PATTERNS: RegExp[] = [
  // cookie notices in other languages, and a blog platform's own line under every post
  /\b(?:diese (?:website|webseite|seite) (?:verwendet|nutzt) cookies|ce site utilise des cookies|este sitio(?: web)? (?:utiliza|usa) cookies|questo sito (?:utilizza|usa) (?:i )?cookie)/i,
  /^(?:erstelle eine kostenlose website oder blog|create a free website or blog|bloggen auf wordpress|blog at wordpress)\b.{0,40}$/i,
  // a prompt to follow the outlet on a messenger or network, to sign in before commenting, to load an embedded map or video
  /^(?:folge|folgt|folgen sie|follow|síguenos|siguenos|suivez-nous|seguici|sigue)\b.{0,40}\b(?:telegram|instagram|facebook|twitter|whatsapp)\b/i,
  /\b(?:canal de telegram|telegram-kanal|telegram channel|whatsapp-kanal|canal de whatsapp)\b/i,
  /^(?:sie müssen (?:sich )?(?:anmelden|angemeldet sein)|du musst (?:dich )?(?:anmelden|angemeldet sein)|you must be logged in)\b.{0,20}\b(?:kommentar|comment)/i,
  /^(?:klicken sie|klicke) auf den (?:unteren |folgenden )?button,? um den inhalt von\b/i,
  /\bsubscription will auto[- ]?renew\b/i,
  /^your privacy (?:matters|is important)/i,
  /^(?:i agree|i accept|agree|got it|ok|okay|accept cookies|reject all|decline|manage (?:cookies|preferences|options)|cookie preferences|privacy settings)$/i,
  /\b(?:we|this (?:site|website)|our (?:site|website)|we and our partners) (?:use|uses|store|and our partners use) cookies\b/i,
  /\bcookies?\b.{0,120}\b(?:consent|accept|agree|experience|preferences|privacy policy)\b/i,
  /\b(?:is|are) reader[- ]funded\b/i,
  /\bplease consider (?:a |making a |supporting |subscribing|donating)/i,
  /^(?:enjoyed|liked|did you enjoy) this (?:piece|article|story|post)\?/i,
  /\bkept alive by (?:reader |our readers' )?donations\b/i,
  /^(?:unterstützen sie|unterstütze) (?:unseren|unsere|uns)\b/i,
  /\b(?:make|become) a (?:monthly |one-off |one-time )?(?:donation|contribution|supporter|member)\b/i,
  /^support (?:the |our |independent )?\p{L}*\s*(?:journalism|post|news|us)\b/iu,
  /^(?:sign up|subscribe|register) (?:for|to) (?:the |our )?.{0,50}$/i,
  /^get (?:the |our )?.{0,40}\b(?:newsletter|weekly|daily|briefing|brief|digest)\b.{0,30}$/i,
  /^(?:email address|e-mail address|your email|your e-mail|name \*|email \*|comment \*|website|post comment|submit)$/i,
  /^required fields are marked/i,
  /^(?:share|save|like|follow|copy|print|email|bookmark|listen|play|pause|next|previous|prev|more|less|loading\.*|load more|show more|see more|view more|view all|see all|open|back|top|up)$/i,
  /^(?:all rights reserved|terms of (?:use|service)|privacy policy|cookie policy|contact us|about us|advertise with us|accessibility help|sitemap|imprint|impressum|datenschutz|mentions légales|aviso legal)$/i,
  /^(?:wir verwenden cookies|diese (?:website|seite) verwendet cookies|nous utilisons des cookies|ce site utilise des cookies|utilizamos cookies|este sitio (?:web )?utiliza cookies)/i,
  /^(?:alle akzeptieren|akzeptieren|zustimmen|ich stimme zu|tout accepter|accepter|j'accepte|aceptar|acepto|accetta|accetto)$/i,
  /^(?:newsletter|abonnieren|jetzt abonnieren|s'abonner|abonnez-vous|suscríbete|iscriviti|anmelden|se connecter|connexion|iniciar sesión|werbung|publicité|anzeige|publicidad|pubblicità)\b.{0,40}$/i,
  /\bnot responsible for the content of external sites\b/i,
  /^(?:photo|image|video|audio|graphic|gallery)\s*\d*\s*(?:of|\/)\s*\d+$/i,
  /^\d+\s*(?:shares?|views?|likes?|comments?)$/i,
  /^(?:advertisement|anzeige|werbung|publicité|annonce|publicidad|publicidade|pubblicità|reklama|advertentie)\s*[-–—:]?\s*(?:scroll|continue|weiterlesen|.{0,30})$/i,
  // the controls of a web video player, spoken to screen readers
  /^(?:play video|play|pause|current time|duration time|duration|remaining time|time remaining|loaded|progress|stream type|playback rate|chapters|descriptions|descriptions off|subtitles|subtitles off|subtitles settings|captions|captions off|captions settings|audio track|fullscreen|non-fullscreen|exit fullscreen|mute|unmute|seek to live|replay|this is a modal window|beginning of dialog window|end of dialog window|close modal dialog)\b[^.!?]{0,40}$/i,
  /\b(?:opens captions settings dialog|selected$)/i,
  // licence, liability and hosting notices in footers
  /\bcreative commons\b.{0,80}\b(?:licen[cs]e|lizenz)\b|\b(?:licen[cs]ed|lizenz|licen[cs]e)\b.{0,80}\bcreative commons\b/i,
  /^(?:trotz sorgfältiger inhaltlicher kontrolle|haftungsausschluss|haftungshinweis|disclaimer\s*:)/i,
  /\bnot responsible for the (?:opinions|views|statements)\b/i,
  /^(?:proudly )?(?:powered by|bloggen auf|blog at|erstellt mit|bereitgestellt von|theme by|theme:)\s+\S.{0,40}$/i,
  /\btag cloud\b|\bschlagwortwolke\b/i,
  // a picture credit alone on its line ("Kuva: Name", "Imagen: Agency", "Źródło: ...")
  /^(?:photo|photos|image|images|picture|foto|fotos|bild|bilder|kuva|imagen|imagem|immagine|zdjęcie|źródło|fuente|fonte|credit|crédit|crédito|photo credit|bildquelle|bildnachweis|fotonachweis)\s*:\s*\S.{0,60}$/i,
  // labels of the page's own furniture: back links, share and embed notices, a magazine's current issue, the lead picture
  /^(?:zurück (?:zu|zur|zum)|back to) (?:allen |all |der |den |the )?\p{L}+(?: \p{L}+)?$/iu,
  /^(?:mit freunden teilen|externer inhalt|external content|die aktuelle ausgabe|unsere aktuelle ausgabe|beitragsbild|titelbild|featured image)\b.{0,40}$/i,
  // more appeals and notices: newsletters, donations, buttons, privacy, liability
  /^never miss (?:the latest|a story|an update)\b|^jede (?:kleine )?spende\b|^alle angaben ohne gewähr\b/i,
  /^jetzt (?:helfen|spenden|registrieren|anmelden|abonnieren|bestellen)!?$/i,
  /^wir respektieren (?:deine|ihre) privatsphäre\b|\b(?:korzystamy z|używamy) (?:plików )?cookies\b/i,
  // a figure's label and caption ("Abbildung 4: ...", "Fig. 2: ...")
  /^(?:abbildung|abb\.|figure|fig\.)\s*\d*\s*:\s*\S.{0,150}$/i,
  // a picture credit of names or agencies joined by slashes, alone on its line ("DCV / Oppitz", "Agency/Jon Ek")
  /^\p{Lu}[\p{L}.&'’-]*(?: \p{Lu}[\p{L}.&'’-]*){0,2} ?\/ ?\p{Lu}[\p{L}.&'’-]*(?: \p{Lu}[\p{L}.&'’-]*){0,2}$/u,
  // advertising and affiliate disclosures
  /^(?:advertising|affiliate) disclosure\b|\bmay (?:receive|earn) (?:a )?(?:compensation|commission)\b/i,  // Sentences under articles, from here to the end of the list: trafilatura-eval 0.8632 -> 0.8697, wcxb 0.9007 ->
  // 0.9009, readability equal.
  // newsletter pitches and sign-up consent
  /\bstraight to your inbox\b|\bdelivered (?:daily |weekly )?(?:to|in) your inbox\b|^(?:get|receive) (?:regular|daily|weekly|the latest) (?:updates|news)\b/i,
  /^(?:missing out on the latest|don['’]t miss (?:out|the latest))\b/i,
  /\bmit (?:der|meiner|ihrer) (?:anmeldung|eintragung|registrierung)\b.{0,40}\b(?:stimme|erkläre|willige) ich\b/i,
  /^(?:wir informieren sie|immer (?:aktuell )?informiert|bleiben sie (?:auf dem laufenden|informiert)|verpassen sie (?:keine|nichts))\b/i,
  // paywalls
  /^(?:to (?:view|read|continue reading) (?:the full|this|the rest of (?:this|the)) (?:story|article)|if you['’]re (?:seeing this message|already a subscriber))\b/i,
  /^(?:wählen sie ihren zugang|kostenlos registrieren und weiterlesen|jetzt (?:registrieren|abonnieren) und weiterlesen)\b/i,
  // donation appeals
  /\b(?:ihr beitrag|ihre spende|your (?:support|donation|contribution)) (?:hilft|helps|keeps|makes|allows)\b/i,
  /^(?:unterstützen sie|unterstütze|apoya|apóyanos|soutenez|support) (?:diese|this|unsere[nm]?|our|nuestro|notre)\s.{0,60}(?:journalismus|journalism|periodismo|journalisme|arbeit|work|form)/i,
  // comment rules and invitations to comment
  /\bcomments? (?:are|is) moderated\b|\bcomments? may be (?:republished|edited|removed)\b|\bwe ask that comments\b|^comments under (?:a )?pseudonym/i,
  /^(?:bitte registrieren sie sich|die redaktion behält sich vor|kommentare werden moderiert|para comentar (?:debes|debe|tienes))\b/i,
  /\b(?:we want to hear|let us know) what you think\b|^czekamy na (?:wasze|twoje|państwa)\b/i,
  /^(?:verraten|schreiben|erzählen) sie (?:uns )?(?:gerne |doch )?in den kommentaren\b|^(?:ich freue mich|wir freuen uns) (?:über|auf) (?:eure|ihre|deine) (?:kommentare|meinung)\b/i,
  // reprint and licence notices
  /\b(?:copyrighted property of|may not be (?:reproduced|republished|redistributed)|written permission (?:must be obtained|is required))\b/i,
  /^(?:materiał chroniony prawem|texte auf dieser (?:webseite|website|seite) stehen unter)\b/i,
  // appeals to readers who liked the piece, and feedback forms
  /^(?:gefällt (?:dir|ihnen) (?:unser|unsere|dieser|der)|sie lesen gern|if you (?:enjoyed|liked) (?:reading )?this|join (?:the )?(?:hundreds|thousands) of)\b/i,
  /^(?:abonnieren sie|abonniere) (?:unseren|unsere|jetzt)\b|^zapraszamy (?:też |także )?do subskrypcji/i,
  /^(?:wie gefällt ihnen|bitte teilen sie uns ihre (?:meinung|erfahrung)|wenn sie diese[nr]? (?:blogeintrag|beitrag|artikel) kommentieren)/i,
  // blog software's post footer ("This entry was posted in ...", "Der Beitrag wurde am ... veröffentlicht")
  /^(?:this (?:entry|post) was posted\b|(?:dieser|der) (?:beitrag|eintrag) wurde (?:am\b|(?:in|unter) .{0,80}veröffentlicht|veröffentlicht in\b))/i,
  // an author box: a person's name, then what they are ("Mina Torrell is a reporter at ...", "Jon Ek ist Redakteur")
  /^(?:\p{Lu}[\p{L}.'’-]+\s){1,3}(?:is|ist|est|es|jest) (?:a|an|the|ein|eine|der|die|un|une|el|la)?\s?[^.!?]{0,80}\b(?:writer|editor|journalist|reporter|correspondent|professor|founder|co-founder|author|columnist|redakteur(?:in)?|journalist(?:in)?|autor(?:in)?|professor(?:in)?|gründer(?:in)?|blogger(?:in)?|korrespondent(?:in)?)\b/u,
  // invitations to follow the outlet elsewhere
  /^(?:folgen sie uns|folge uns|síguenos|siga-nos|suivez-nous|obserwuj nas)\b|\b(?:nuestro canal de|unseren?) (?:youtube|telegram|whatsapp)(?:-kanal)?\b/i,
];

/**
 * Boilerplate patterns that can only match short lines (labels and buttons, at most SHORT_BOILERPLATE_MAX_CHARS
 * long): tested only on such lines, since their open starts and anchored ends are costly on long ones.
 */
export const SHORT_BOILERPLATE_PATTERNS: RegExp[] = [
  /^.{0,60}\b(?:sponsored|anzeige|gesponsert|sponsorisé)$/i,
  // a newsletter's name as a box heading ("Der Kestrel-Newsletter", "Harbour Daily Newsletter")
  /^(?:der |die |das |the |our |unser |le |la )?[\p{L}\p{N}.&'’]+(?:[ -][\p{L}\p{N}.&'’]+){0,2}[- ]newsletter$/iu,
  // print and download buttons
  /^(?:.{0,30}\s)?(?:drucken|ausdrucken|print(?: this)?(?: recipe| article| page| story)?|imprimer(?: la recette| l'article)?)$/i,
  /^(?:.{0,40}\s)?(?:als pdf(?: herunterladen| speichern)?|pdf(?: version| herunterladen| download)|download (?:the |as )?pdf)$/i,
  // the author line of a comment ("Jana says:", "admin sagt:", "Paul dit :")
  /^\S+(?:\s\S+){0,3}\s(?:says|said|sagt|schreibt|meint|dit|dice|scrive|zegt)\s?:$/i,
];
/** Longest line tested against SHORT_BOILERPLATE_PATTERNS: their longest match (60 characters and a label). */
export const SHORT_BOILERPLATE_MAX_CHARS = 80;

/** A label that starts a tag list ("Tags:", "Topics:", "Tagged", "Schlagwörter:", "Mots-clés :"). */
export const TAG_LABEL =
  /^(?:tags|topics|tagged(?: with| in)?|keywords|filed under|posted in|categories|category|related topics|schlagwörter|schlagworte|themen|stichwörter|getaggt mit|kategorien|kategorie|veröffentlicht in|mots-clés|mots clés|étiquettes|sujets|catégories|etiquetas|temas|argomenti|tag)\s*(?::\s*|\s+(?=\p{Lu})|$)/iu;

/** A tag list whose tags stand one a line ends at this many lines. */
export const MAX_TAG_LINES = 12;
/** A tag has at most this many words when tags stand one a line. */
export const MAX_TAG_LINE_WORDS = 4;

/** Words that may be joined with the next capitalised word when a tag list is split on capitals. */
export const TAG_JOINING_WORDS = new Set([
  'north', 'south', 'east', 'west', 'new', 'united', 'saudi', 'hong', 'sri', 'san', 'los', 'las', 'el', 'costa',
  'puerto', 'sierra', 'middle', 'latin', 'central', 'white', 'prime', 'supreme', 'european',
]);
/** A tag list without separators is split on capitals only when it is longer than this many words. */
export const MAX_TAG_WORDS = 4;

/**
 * A line ending with a credit after a label is a caption: "... Image: NBN / Rolf Ekdahl", "... Foto: dpa",
 * "... Photo by Name for Outlet".
 */
export const CAPTION_CREDIT_SUFFIX =
  /(?:^|[.!?)]\s+|\s[,/|–—-]\s*|,\s*)(?:image|images|imagen|imagem|immagine|photo|photos|photograph|picture|pictures|foto|fotos|fot\.|bild|bilder|kuva|zdjęcie|źródło|photographie|crédit|credit|credits|crédito|source|quelle|fuente|fonte|illustration|video)\s*(?::|by\b|von\b|de\b)\s*([^!?]{1,80})$/iu;
/**
 * A credit that ends with a full stop is still a credit when it is a name of a few capitalised words ("Foto: Archivo
 * Norte."), not a clause ("Source: the ministry said.").
 */
export const CAPTION_NAMED_CREDIT = /^\p{Lu}[\p{L}'’&-]*(?:\s(?:\p{Lu}[\p{L}'’&-]*|de|del|la|von|van|di|da)){0,3}\.$/u;
/** Where a person stands in a picture, or what kind of picture it is, in brackets: "(l.)", "(v. l.)", "(left)", "(Symbolbild)". */
export const CAPTION_POSITION =
  /\((?:l\.|r\.|li\.|re\.|m\.|v\.\s?l\.(?:\s?n\.\s?r\.)?|v\.\s?r\.|links|rechts|mitte|left|right|center|centre|from left|izq\.|der\.|izquierda|derecha|à gauche|à droite|symbolbild|symbolfoto|archivbild|archivfoto|file photo|file picture|illustrative photo)\)/iu;
/** ... in a line of at most this many characters (a caption of a sentence or two) [set by hand]. */
export const MAX_POSITION_CAPTION_CHARS = 300;
/** A parenthesised credit alone on its line, with a remark in brackets inside it ("(Photo: Agency/Name (cropped))"). */
export const CAPTION_PAREN_LINE = /^\((?:photo|foto|bild|image|imagen|imagem|picture|credit|crédit|quelle|source|fuente|fonte)\s*:.{1,120}\)$/iu;
/** A sentence followed by a parenthesised name of an organisation or person: "... the city. (Meridian Press Agency)". */
export const CAPTION_PAREN_CREDIT = /\((?:photo|foto|bild|image|imagen|kuva|picture|credit|crédit|quelle|source)\s*:[^()]{1,60}\)$/i;
export const CAPTION_PAREN_SUFFIX = /[.!?]["”’]?\s+\((?:[\p{Lu}][\p{L}'’.-]*)(?:[\s/&-]+[\p{Lu}][\p{L}'’.-]*){0,5}\)$/u;

/** Phrases that open the copyright notice of a page, the outlet's name follows. */
export const COPYRIGHT_PREFIX = /^(?:copyright\s*)?(?:©|\(c\)|copyright)\s*(?:\d{4}\s*[-–]\s*)?(?:\d{4})?\s*,?\s*/i;

/** Corporate suffixes cut from a © owner to get the outlet name ("Eastfield Observer Trust" stays: trust is no suffix). */
export const CORPORATE_SUFFIX = /[,\s]+(?:inc|ltd|llc|plc|gmbh|ag|s\.?a|sas|corp|co|limited|group|media group|all rights reserved)\.?$/i;

/** Lines announcing the outlet in a donation appeal: "The Kestrel Post is reader-funded". Group 1 is the name. */
export const OUTLET_SELF_MENTION = /^((?:the\s+)?\p{Lu}[\p{L}'’&.-]*(?:\s+\p{Lu}[\p{L}'’&.-]*){0,4}) (?:is|are) (?:reader[- ]funded|reader[- ]supported|independent|funded by)/u;

/** Taglines and navigation words that are never the site name at the top of a page. */
export const NOT_OUTLET_LINES = new Set([
  'home', 'news', 'menu', 'search', 'sign in', 'log in', 'login', 'subscribe', 'register', 'account', 'my account',
  'sections', 'skip to content', 'skip to main content', 'close', 'open', 'toggle navigation', 'navigation',
  'main menu', 'latest', 'live', 'watch live', 'weather', 'sport', 'sports', 'business', 'world', 'politics',
  'opinion', 'culture', 'support us', 'donate', 'e-edition', 'newsletters', 'podcasts', 'video', 'videos',
]);

/**
 * Verbs that follow a person's name at the start of an author's bio ("Mina Torrell is a reporter ...", "... ist
 * Redakteurin", "... écrit"), in the languages of the dev pages.
 */
export const BIO_VERBS = [
  'leitet', 'lehrt', 'studiert', 'studierte', 'dirige', 'enseigne', 'teaches', 'leads', 'runs',
  'is', 'was', 'has', 'writes', 'works', 'lives', 'covers', 'ist', 'war', 'hat', 'schreibt', 'arbeitet', 'lebt', 'est',
  'a', 'écrit', 'es', 'ha', 'escribe', 'è', 'scrive',
];

/** Roles of writers named near the start of an author's bio, in the languages of the dev pages. */
export const AUTHOR_ROLE =
  /\b(?:(?:senior |staff |contributing |freelance |managing |deputy )?(?:writer|editor|journalist|reporter|correspondent|columnist|author|contributor|blogger|photographer|critic)|founder|co-founder|(?:redakteur|journalist|autor|korrespondent|kolumnist|bloggerin|blogger|fotograf|gründer|herausgeber|ressortleiter)(?:in)?|ressort|redaktion|journaliste|rédacteur|rédactrice|chroniqueur|periodista|redactor|redactora|columnista|corresponsal|giornalista|dziennikar(?:z|ka)|redaktor(?:ka)?)\b/iu;
/** A writer introducing themselves ("Hallo, ich bin Mina, ...", "Hi, I'm Mina and ..."): an author box, not the story. */
export const SELF_INTRODUCTION =
  /^(?:(?:[Hh]allo|[Hh]ello|[Hh]i|[Hh]ey|[Ss]ervus|[Mm]oin|[Hh]ola|[Ss]alut|[Bb]onjour|[Cc]iao)[,!.]?\s+)?(?:[Ii]ch bin|[Ii]ch heiße|I am|I['’]m|[Mm]y name is|[Mm]ein [Nn]ame ist|[Jj]e suis|[Jj]e m['’]appelle|[Mm]e llamo|[Mm]i chiamo)\s+\p{Lu}/u;

/**
 * Words of an appeal to the reader (newsletter, subscription, sign-up, comments, donations, following the outlet):
 * the last paragraph of the body holding one is the page's appeal under the article, not the story's ending.
 */
export const TRAILING_APPEAL =
  /\b(?:newsletter\w*|subscribe to|sign up (?:for|to)|(?:to|in) your inbox|abonnieren sie|jetzt abonnieren|registrieren sie sich|ihre e-mail-adresse|your email address|suscríbete|boletín)\b/iu;
