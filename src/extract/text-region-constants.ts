/**
 * Word lists and thresholds of the scraped-text region rules (text-mode extraction). The figures are the three
 * text-mode dev sets: trafilatura-eval snippet F1, wcxb word F1, readability-test-pages word F1.
 */

/**
 * A region is cut at a stop line that ends articles once at least this share of its prose lies above the line
 * [0.3, 0.5, 0.7]: 0.7 (trafilatura-eval 0.8966 -> 0.8968, wcxb 0.9045 -> 0.9052, readability 0.9113 -> 0.9124;
 * 0.3 and 0.5 cut long articles whose comment heading comes early, readability 0.910).
 */
export const MIN_PROSE_SHARE_ABOVE_END_STOP = 0.7;

/**
 * Stop lines that only ever close an article: the comments' heading ("5 Comments", "Kommentare"), the author box's
 * heading ("About the author", "Über die Autorin"), a share prompt ("Share this:", "Diese Geschichte teilen"). A
 * "Read more" or "Related" label also stands in a box inside articles, so it does not end one (measured: cutting at
 * any stop line loses in-article paragraphs, readability 0.9113 -> 0.9059).
 */
export const ARTICLE_END_STOP = /\b(?:comments?|kommentare?|commentaires?|comentarios?|commenti|reacties|about the author|über (?:die|den) autor(?:in)?|über den author|share this|teilen)\b/i;

/**
 * A short line ending like a sentence right above the body opens it from this many words on [3, 4, 5, 6]: 5
 * (trafilatura-eval 0.8979 -> 0.8981, readability 0.9124 -> 0.9130, wcxb equal; 6 loses the gain).
 */
export const MIN_OPENING_SENTENCE_WORDS = 5;
/** The ending of a sentence (a colon announces a list or a link: furniture). */
export const SHORT_SENTENCE_END = /[.!?]["'”’»)]?$/;

/**
 * A headline-shaped line right under the byline or dateline is the lead picture's caption from this many words on
 * [8, 12, 15]: 15 (trafilatura-eval 0.8981 -> 0.8985, wcxb 0.9052 -> 0.9053, readability equal; 8 and 12 drop
 * sub-headings, readability 0.9129).
 */
export const MIN_HEADER_CAPTION_WORDS = 15;

/**
 * A short line ending like a sentence right under the region closes the article from this many words on [4, 5, 6, 7]:
 * 5 (trafilatura-eval 0.8985 -> 0.8988, wcxb and readability equal; 4 keeps more furniture).
 */
export const MIN_CLOSING_SENTENCE_WORDS = 5;

/**
 * The heading of the comments counting them and naming the article ("11 responses to “Ferry crews strike”", "3
 * Kommentare zu „...“"): a stop line however long the quoted headline is.
 */
export const COMMENT_COUNT_HEADING =
  /^(?:\d+|one|two|ein|eine|zwei)\s+(?:thoughts?|gedanken|kommentare?|antworten|responses?|replies|comments?|réponses?|commentaires?)\s+(?:on|to|zu|zum|zur|sur|à)\s+["'“„«‘]/i;
/** ... up to this many characters (a headline of up to about 25 words in the quotes). */
export const MAX_COMMENT_COUNT_LINE_CHARS = 200;
