/**
 * Article text from a page as a scraper saved it (menus, forms, captions, teasers and footers all in the text,
 * one block per line).
 *
 * 1. Each line gets a kind from its shape (words, ending, capitals), its repetition on the page and the
 *    vocabulary (text-constants.ts, in several languages): prose, heading, short line, caption, byline,
 *    dateline, boilerplate, teaser of another article, tag list, or a stop line that ends articles.
 * 2. The body is the region with the best score: prose adds its length, every other line subtracts (a little
 *    for a sub-heading, a list item or a caption, more for a run of short lines, much more for teasers and
 *    stop lines), so short interruptions inside the article are bridged and menus or related links are not.
 *    When the caller gives the page's URL, the headline its slug names anchors the body: the region under it
 *    replaces a best region elsewhere that does not outscore it by far (a sidebar beside a short post).
 * 3. The title is the headline-shaped line just above the body (or in its first lines) that the body talks
 *    about and that a byline or dateline follows; byline, dateline and standfirst are read between title and
 *    body. The standfirst is the description and also the first paragraph of the text.
 * 4. Inside the region, prose, sub-headings and list items are kept; captions, labels and boxes are dropped.
 */
import { cleanAuthors, wireCredit } from './authors.ts';
import type { Deadline } from './deadline.ts';
import {
  AGENCY_WORDS, ARTICLE_HEADER_SCORE, AUTHOR_ROLE, SELF_INTRODUCTION, TRAILING_APPEAL, BIO_VERBS, BOILERPLATE_COST, BYLINE_LABEL, BYLINE_LOOKAHEAD_LINES, BYLINE_OPENER,
  CAPTION_COST, CAPTION_CREDIT_SUFFIX, CAPTION_NAMED_CREDIT, CAPTION_PAREN_LINE, CAPTION_POSITION, MAX_POSITION_CAPTION_CHARS, COMMENT_STAMP_COST, CAPTION_PAREN_CREDIT, CAPTION_PAREN_SUFFIX, CJK_CHARS_PER_WORD, DATED_BYLINE,
  EXTENSION_MIN_CHARS, EXTENSION_MIN_SHARE, EXTRA_BOILERPLATE_PATTERNS, FOOTER_NOTICE, FOOTER_NOTICE_LAST_LINES,
  CLOSING_LINE_MIN_WORDS, HEADER_HEADLINE_LINES, LONE_TEASER_MIN_WORDS, LONE_TEASER_NEIGHBOUR_LINES, MIN_SLUG_LINE_SHARE, MIN_SLUG_SHARE, MIN_SLUG_WORDS,
  SLUG_PROSE_LINES, SLUG_REGION_MIN_SHARE, SLUG_WORD_MIN_CHARS,
  HEADER_LOOKAHEAD_LINES, HEADER_LOOKBACK_LINES, HEADER_MIN_PROSE_CHARS, HEADER_PROSE_LINES, HEADLINE_MAX_WORDS,
  HEADLINE_MIN_WORDS, KEEP_STANDFIRST_IN_TEXT, MAX_BYLINE_CHARS, MAX_DATELINE_CHARS, MAX_EXTENSION_GAP_LINES,
  MAX_FOOTER_NOTICE_CHARS, MAX_LIST_ITEM_WORDS, MIN_LIST_ITEMS, LIST_GAP_LINES, MAX_TAG_LINES, MAX_TEASER_HEADLINE_PROSE_WORDS, MAX_TAG_LINE_WORDS, MAX_TAG_WORDS, MAX_TEASER_WORDS, MIN_DATELINE_DATE_SHARE, MIN_FEED_ITEMS,
  PROSE_FREE_CHARS, PROSE_MIN_WORDS, PROSE_MIN_WORDS_UNPUNCTUATED, PROSE_WEIGHT, REPEATED_LINE_MAX_WORDS,
  REPEATED_LINE_MIN, REPEATED_SENTENCE_MAX_WORDS, SHORT_BOILERPLATE_MAX_CHARS, SHORT_BOILERPLATE_PATTERNS,
  SHORT_LINE_COST, SHORT_RUN_COST, SHORT_RUN_MAX, STANDFIRST_MAX_WORDS, STANDFIRST_MIN_WORDS, STOP_COST, STOP_LINES,
  STOP_PATTERNS, TAG_JOINING_WORDS, TAG_LABEL, TEASER_COST, TITLE_MIN_WORDS, UNWRAP_MIN_CHARS, UPDATED_LABEL,
  WORDS_PER_PUNCTUATION,
} from './text-constants.ts';
import { ARTICLE_END_STOP, COMMENT_COUNT_HEADING, MAX_COMMENT_COUNT_LINE_CHARS, MIN_CLOSING_SENTENCE_WORDS, MIN_HEADER_CAPTION_WORDS, MIN_OPENING_SENTENCE_WORDS, MIN_PROSE_SHARE_ABOVE_END_STOP, SHORT_SENTENCE_END } from './text-region-constants.ts';
import { findLineDate } from './text-dates.ts';
import { findOutlet } from './text-outlet.ts';
import { isBoilerplateKeyedLine, isBoilerplateLine, isCaption, joinPatterns, lineKey, matchesAny } from './vocabulary.ts';

export type LineKind =
  | 'prose' | 'heading' | 'short' | 'caption' | 'byline' | 'dateline' | 'boilerplate' | 'repeated' | 'teaser' | 'tags'
  | 'stop';

export interface ClassifiedLine {
  text: string;
  words: number;
  kind: LineKind;
  /** How often the line occurs on the page. */
  repeats: number;
  /** A byline or dateline under a headline with prose just below it: the header of an article. */
  header?: boolean;
  /** A headline-shaped line naming what the page's URL names (its slug): the article's headline. */
  slugTitle?: boolean;
  /** The first paragraph under that headline. */
  slugLead?: boolean;
}

/** Options of the scraped-text extractor. */
export interface TextOptions {
  /** The page's address, when the caller gives it: its slug names the article. */
  url?: string | null;
}

export interface TextExtraction {
  text: string;
  title: string | null;
  /** Byline strings (cleaned into names by the caller). */
  bylines: string[];
  /** Wire or agency credit named in the byline ("Meridian Press Agency"), kept apart from the authors. */
  credit: string | null;
  published: string | null;
  updated: string | null;
  description: string | null;
  tags: string[];
  /** The outlet's name where the page states it (site-name line, © notice, "The X is reader-funded"). */
  outlet: string | null;
  /** Rule per field found (`title` -> `text.title`, ...). */
  rules: Record<string, string>;
}

/** A headline led by a time of day: an item of a news feed. */
const TIME_LED_HEADLINE = /^\d{1,2}[:h.]\d{2}\s+(?!(?:am|pm|a\.m\.|p\.m\.|uhr|h|hrs|et|gmt|utc|cet)\b)[\p{Lu}\p{N}"'“«„]/u;
/** Sentence endings, allowing a closing quote or bracket after the mark. */
const SENTENCE_END = /[.!?:;。！？]["'”’»)\]]*(?:\s?\[(?:\d{1,3}|[a-z]|citation needed)\])*$/;
const TRUNCATED_END = /(?:…|\.\.\.)["'”’]?$/;
/** A relative time with no reference to resolve it against ("Updated 2 hours ago", "vor 3 Tagen"). */
const RELATIVE_DATELINE =
  /^(?:(?:updated|published|posted|aktualisiert|mis à jour)\s*:?\s*)?(?:\d+|an?|one)\s+(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago$|^(?:vor|il y a|hace)\s+\d+\s+\p{L}+$/iu;
/** A time of day alone on its line: the stamp of a live-blog entry or a list of latest news. */
const TIME_ONLY = /^\d{1,2}[:h.]\d{2}(?:\s*(?:am|pm|uhr|h))?$/i;
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/g;
/** A month name glued to a name by a scraper ("GiuffridaMar 5, 2025"). */
const GLUED_MONTH = /(\p{Ll})((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)/gu;

/** A line with CJK script in it (tested before counting its characters). */
const HAS_CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

/** Words of a line: runs of non-space characters (lines are collapsed to single spaces), or CJK characters in pairs. */
function wordCount(text: string): number {
  let spaced = text.length > 0 ? 1 : 0;
  for (let i = text.indexOf(' '); i >= 0; i = text.indexOf(' ', i + 1)) spaced++;
  if (!HAS_CJK.test(text)) return spaced;
  const cjk = text.match(CJK)?.length ?? 0;
  return Math.max(spaced, Math.round(cjk / CJK_CHARS_PER_WORD));
}

/** Joins lines cut by a hard wrap: a long line without an ending followed directly by a lowercase start. */
function unwrapLines(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const previous = out.length > 0 ? out[out.length - 1].trim() : '';
    if (previous.length >= UNWRAP_MIN_CHARS && !SENTENCE_END.test(previous) && /^\s*\p{Ll}/u.test(line)) {
      out[out.length - 1] = `${previous} ${line.trim()}`;
    } else {
      out.push(line);
    }
  }
  return out;
}

/** Longest line compared by its normalised key; longer lines (paragraphs) are compared as written, which is cheaper. */
const MAX_KEYED_LINE_CHARS = 200;

/** The key under which repeated lines are counted. */
function repeatKey(line: string): string {
  return line.length <= MAX_KEYED_LINE_CHARS ? lineKey(line) : line.toLowerCase();
}

/** Longest line tested against the extra boilerplate patterns: longer lines are paragraphs. */
const MAX_EXTRA_BOILERPLATE_CHARS = 300;

const EXTRA_BOILERPLATE = joinPatterns(EXTRA_BOILERPLATE_PATTERNS);
const SHORT_BOILERPLATE = joinPatterns(SHORT_BOILERPLATE_PATTERNS);
const STOP = joinPatterns(STOP_PATTERNS);

function isExtraBoilerplate(text: string): boolean {
  if (text.length > MAX_EXTRA_BOILERPLATE_CHARS) return false;
  if (text.length <= SHORT_BOILERPLATE_MAX_CHARS && matchesAny(SHORT_BOILERPLATE, text)) return true;
  return matchesAny(EXTRA_BOILERPLATE, text);
}

/** A short line with a © credit in it is a picture credit ("Harbour at dusk © Name / Agency"). */
const MAX_COPYRIGHT_CAPTION_CHARS = 150;
const COPYRIGHT_CREDIT = /\S\s*©\s*(?:[^.!?]|\.(?=\S)){1,60}$/;

/** A tag line ("Tags: a, b, c") has at most this many words; a longer line starting "Themen" is a sentence. */
const MAX_TAG_LINE_TOTAL_WORDS = 40;

/**
 * A label and a headline on one line ("Related: ...", "Lesen Sie auch: ..."): one link inside the article. The
 * Spanish, Portuguese and Polish labels ("Lea también:", "Lea:", "Czytaj też:") added: trafilatura-eval text mode
 * 0.8857 -> 0.8865, the other sets equal.
 */
const INLINE_LINK =
  /^(?:related|read more|read also|also read|see also|watch|listen|lesen sie auch|lesen sie mehr|auch interessant|mehr zum thema|siehe auch|lire aussi|à lire aussi|a lire aussi|voir aussi|leer más|lee también|leer también|lea también|lea más|lea|lee|leia também|leia mais|veja também|leggi anche|lees ook|le puede interesar|te puede interesar|puede interesarte|vea también|ver también|puedes ver|mira|mire|leé también|informate más|auch lesen|lesen sie hier|lesen sie dazu|dowiedz się więcej|czytaj (?:też|także|również|więcej)|zobacz (?:też|także|również))\s*:\s*\S+(?:\s+\S+){2,}$/i;
const MAX_INLINE_LINK_CHARS = 200;

/** Stop lines are labels: a longer line is a sentence that happens to start like one. */
const MAX_STOP_LINE_CHARS = 80;

/**
 * The shared boilerplate vocabulary of every language (vocabulary.ts) with the line's key computed once.
 * Measured against the English-only vocabulary: trafilatura-eval 0.859 -> 0.860, the other sets equal.
 */
function isVocabularyBoilerplate(text: string, key: string): boolean {
  return text.length <= MAX_KEYED_LINE_CHARS && isBoilerplateKeyedLine(text, key);
}

/**
 * Sentence breaks a caption with a parenthesised credit holds at most (two sentences): a paragraph of several
 * sentences that ends by naming its source ("... (Source: Name)") is the article citing it, not a picture's caption
 * [1, 2, 3, none]: 1 (readability text mode 0.9061 -> 0.9072; wcxb and trafilatura-eval equal).
 */
const MAX_CAPTION_SENTENCE_BREAKS = 1;
const SENTENCE_BREAK = /[.!?]["”’»)]?\s+[\p{Lu}"“„«]/gu;

function isCaptionLine(text: string): boolean {
  if (isCaption(text)) return true;
  if (CAPTION_PAREN_SUFFIX.test(text) || CAPTION_PAREN_CREDIT.test(text)) {
    return (text.match(SENTENCE_BREAK)?.length ?? 0) <= MAX_CAPTION_SENTENCE_BREAKS;
  }
  // "... Image: NBN / Rolf Ekdahl", "Bild: Name/Shutterstock.com": the credit ends the line, no sentence after it.
  const credit = CAPTION_CREDIT_SUFFIX.exec(text);
  if (credit && !/[.!?]\s/.test(credit[1]) && (!/[.!?]$/.test(credit[1]) || CAPTION_NAMED_CREDIT.test(credit[1]))) return true;
  if (CAPTION_PAREN_LINE.test(text)) return true;
  // "Name (l.) and Name at the pier.", "The closed pier (symbolic picture).": a picture's people or kind named in brackets.
  if (text.length <= MAX_POSITION_CAPTION_CHARS && CAPTION_POSITION.test(text)) {
    return (text.match(SENTENCE_BREAK)?.length ?? 0) <= MAX_CAPTION_SENTENCE_BREAKS;
  }
  return text.length <= MAX_COPYRIGHT_CAPTION_CHARS && COPYRIGHT_CREDIT.test(text);
}

/** The byline without its opener ("By ", "Von ", "Author:"), or null when the line is no byline. */
function bylineBody(text: string): string | null {
  if (text.length > MAX_BYLINE_CHARS) return null;
  const glued = /^By(?=\p{Lu}\p{Ll})/u.exec(text);
  const opener = glued ?? BYLINE_OPENER.exec(text) ?? BYLINE_LABEL.exec(text) ?? DATED_BYLINE.exec(text);
  if (!opener) return null;
  return text.slice(opener[0].length).replace(GLUED_MONTH, '$1 $2').trim();
}

function isByline(text: string, words: number): boolean {
  const body = bylineBody(text);
  if (body === null) return false;
  const { authors, credit } = cleanAuthors([body]);
  // "By Staff" names nobody but is still a byline, not a heading.
  return authors.length > 0 || credit !== null || (words <= 8 && !SENTENCE_END.test(text));
}

/** Fields set apart by bars ("Friday | 14 June | 15:49 | 0 comments"): a row of page furniture, not a sentence. */
const FIELD_SEPARATOR = / \| /g;
/** A row of fields has at least this many bars, and no field longer than MAX_FIELD_WORDS words [set by hand]. */
const MIN_FIELD_SEPARATORS = 2;
const MAX_FIELD_WORDS = 8;

function isFieldRow(text: string): boolean {
  if ((text.match(FIELD_SEPARATOR)?.length ?? 0) < MIN_FIELD_SEPARATORS) return false;
  return text.split(' | ').every((field) => wordCount(field) <= MAX_FIELD_WORDS);
}

/** The kind a line has from its shape alone. */
function shapeOf(text: string, words: number): LineKind {
  if (TRUNCATED_END.test(text) && words >= 3 && words <= MAX_TEASER_WORDS) return 'teaser';
  if (words >= PROSE_MIN_WORDS && SENTENCE_END.test(text)) return 'prose';
  // A long line without an ending is a paragraph cut by the scraper only when it has punctuation inside (a tag
  // cloud or a menu flattened into one line has none).
  if (words >= PROSE_MIN_WORDS_UNPUNCTUATED && (text.match(/[,.;:!?]\s/g)?.length ?? 0) * WORDS_PER_PUNCTUATION >= words) return 'prose';
  if (words >= HEADLINE_MIN_WORDS && words <= HEADLINE_MAX_WORDS && !/\.$/.test(text) && /^[\p{Lu}\p{N}"'“‘«¿¡]/u.test(text)) {
    return 'heading';
  }
  return 'short';
}

function classify(text: string, key: string, words: number, repeats: number, firstOccurrence: boolean): LineKind {
  if (TAG_LABEL.test(text) && words <= MAX_TAG_LINE_TOTAL_WORDS) return 'tags';
  // "Related: <headline>" is one link set into the article, not the start of the end-of-article links.
  if (text.length <= MAX_INLINE_LINK_CHARS && INLINE_LINK.test(text)) return 'boilerplate';
  if (text.length <= MAX_STOP_LINE_CHARS && (STOP_LINES.has(key) || matchesAny(STOP, text))) return 'stop';
  // "11 responses to “<the headline>”": the count of comments names the article, so its length is the headline's.
  if (text.length <= MAX_COMMENT_COUNT_LINE_CHARS && COMMENT_COUNT_HEADING.test(text)) return 'stop';
  if (isVocabularyBoilerplate(text, key) || isExtraBoilerplate(text) || isFieldRow(text)) return 'boilerplate';
  if (repeats >= REPEATED_LINE_MIN && (words <= REPEATED_LINE_MAX_WORDS || (!firstOccurrence && words <= REPEATED_SENTENCE_MAX_WORDS))) return 'repeated';
  if (isCaptionLine(text)) return 'caption';
  if (isByline(text, words)) return 'byline';
  if (text.length <= MAX_DATELINE_CHARS) {
    if (RELATIVE_DATELINE.test(text) || TIME_ONLY.test(text)) return 'dateline';
    const found = findLineDate(text);
    if (found && found.text.length >= text.length * MIN_DATELINE_DATE_SHARE) return 'dateline';
  }
  return shapeOf(text, words);
}

/** Classifies every non-empty line of a scraped page. */
export function classifyLines(content: string, deadline: Deadline): ClassifiedLine[] {
  const lines = unwrapLines(content.split(/\r\n|\r|\n/))
    .map((line) => line.replace(/[\s\u00a0\u200b]+/g, ' ').trim())
    .filter((line) => line.length > 0);
  const keys = lines.map(repeatKey);
  const repeats = new Map<string, number>();
  for (const key of keys) repeats.set(key, (repeats.get(key) ?? 0) + 1);
  const seen = new Set<string>();
  const classified = lines.map((text, index): ClassifiedLine => {
    deadline.tick();
    const words = wordCount(text);
    const key = keys[index];
    const count = repeats.get(key) ?? 0;
    const firstOccurrence = !seen.has(key);
    seen.add(key);
    return { text, words, kind: classify(text, key, words, count, firstOccurrence), repeats: count };
  });
  // An ellipsis between two paragraphs is the writer's, not a cut teaser.
  for (let i = 1; i + 1 < classified.length; i++) {
    const line = classified[i];
    if (line.kind === 'teaser' && classified[i - 1].kind === 'prose' && classified[i + 1].kind === 'prose') {
      line.kind = line.words >= PROSE_MIN_WORDS ? 'prose' : 'short';
    }
  }
  // A lone line ending in an ellipsis, with no other truncated line near it and no headline over it, is the
  // writer's own trailing thought: teasers of other articles come in lists.
  for (let i = 0; i < classified.length; i++) {
    const line = classified[i];
    if (line.kind !== 'teaser') continue;
    const above = classified[i - 1];
    // Under a headline (a heading, or a headline-long line ending in a question or exclamation): a teaser card.
    if (above && (above.kind === 'heading' || (above.kind === 'prose' && above.words <= MAX_TEASER_HEADLINE_PROSE_WORDS && !above.text.endsWith('.')))) continue;
    let neighbour = false;
    for (let j = Math.max(0, i - LONE_TEASER_NEIGHBOUR_LINES); j <= Math.min(classified.length - 1, i + LONE_TEASER_NEIGHBOUR_LINES); j++) {
      if (j !== i && TRUNCATED_END.test(classified[j].text)) neighbour = true;
    }
    if (!neighbour && line.words >= LONE_TEASER_MIN_WORDS) line.kind = line.words >= PROSE_MIN_WORDS ? 'prose' : 'short';
  }
  // A headline directly followed by a truncated summary is a teaser of another article.
  for (let i = 0; i + 1 < classified.length; i++) {
    if (classified[i + 1].kind === 'teaser' && (classified[i].kind === 'heading' || (classified[i].kind === 'prose' && classified[i].words <= MAX_TEASER_HEADLINE_PROSE_WORDS))) {
      classified[i].kind = 'teaser';
    }
  }
  markNewsFeed(classified);
  markArticleHeaders(classified);
  return classified;
}

/**
 * A feed of latest news beside the article: headlines led by their time of day ("14:32 Minister resigns"). With
 * several of them on the page they are teasers of other articles, whatever their shape.
 */
function markNewsFeed(lines: ClassifiedLine[]): void {
  const stamped: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].words <= MAX_TEASER_WORDS && TIME_LED_HEADLINE.test(lines[i].text)) stamped.push(i);
  }
  if (stamped.length < MIN_FEED_ITEMS) return;
  for (const i of stamped) lines[i].kind = 'teaser';
}

/** Marks bylines and datelines that sit under a headline (a line or two above) and over prose (a few lines below). */
function markArticleHeaders(lines: ClassifiedLine[]): void {
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if ((line.kind !== 'byline' && line.kind !== 'dateline') || line.repeats > 1) continue;
    let headline = false;
    for (let j = i - 1; j >= Math.max(0, i - HEADER_HEADLINE_LINES); j--) {
      if (lines[j].kind === 'heading' && !lines[j].text.endsWith(':')) headline = true;
      if (lines[j].kind !== 'byline' && lines[j].kind !== 'dateline') break;
    }
    if (!headline) continue;
    for (let j = i + 1; j <= Math.min(lines.length - 1, i + HEADER_PROSE_LINES); j++) {
      if (lines[j].kind === 'prose') {
        // An article follows, not a teaser's one-sentence summary: a few paragraphs with short breaks at most.
        let chars = 0;
        for (let k = j; k < lines.length && chars < HEADER_MIN_PROSE_CHARS; k++) {
          if (lines[k].kind === 'prose') chars += lines[k].text.length;
          else if (lines[k].kind !== 'heading' && lines[k].kind !== 'short' && lines[k].kind !== 'caption') break;
        }
        line.header = chars >= HEADER_MIN_PROSE_CHARS;
        break;
      }
      if (lines[j].kind === 'stop' || lines[j].kind === 'teaser' || lines[j].kind === 'tags') break;
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// The URL's slug

/** Lowercased words folded to ASCII letters ("Zapfsäulen" and "zapfsaeulen" meet). */
function foldedWords(text: string): string[] {
  const folded = text.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
    .normalize('NFD').replace(/\p{M}/gu, '');
  return folded.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The words of the URL's last path segment that names something (not an id, not "index.html"). */
function slugWords(url: string): string[] {
  let path: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return [];
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return [];
  }
  const segments = path.split('/').reverse();
  for (const segment of segments) {
    const words = foldedWords(segment.replace(/\.(?:s?html?|php|aspx?|jsp)$/i, ''))
      .filter((w) => w.length >= SLUG_WORD_MIN_CHARS && !/^\d+$/.test(w));
    if (words.length >= MIN_SLUG_WORDS) return words;
  }
  return [];
}

/** Marks headline-shaped lines that hold most of the slug's words and little else. */
function markSlugHeadline(lines: ClassifiedLine[], url: string | null): void {
  if (!url) return;
  const slug = slugWords(url);
  if (slug.length < MIN_SLUG_WORDS) return;
  const slugSet = new Set(slug);
  // The first line naming the article with prose under it: the headline (a breadcrumb has none, a player bar or a
  // "next article" link further down repeats it).
  let best = -1;
  for (let i = 0; i < lines.length && best < 0; i++) {
    const line = lines[i];
    if (line.words < TITLE_MIN_WORDS || line.words > HEADLINE_MAX_WORDS) continue;
    if (line.kind !== 'heading' && line.kind !== 'repeated' && line.kind !== 'short' && line.kind !== 'prose') continue;
    const words = foldedWords(line.text).filter((w) => w.length >= SLUG_WORD_MIN_CHARS);
    if (words.length === 0) continue;
    const lineSet = new Set(words);
    const slugShare = slug.filter((w) => lineSet.has(w)).length / slug.length;
    const lineShare = words.filter((w) => slugSet.has(w)).length / words.length;
    if (slugShare < MIN_SLUG_SHARE || lineShare < MIN_SLUG_LINE_SHARE) continue;
    for (let j = i + 1; j < Math.min(lines.length, i + 1 + SLUG_PROSE_LINES); j++) if (lines[j].kind === 'prose') best = i;
  }
  if (best < 0) return;
  lines[best].slugTitle = true;
  for (let j = best + 1; j < Math.min(lines.length, best + 1 + SLUG_PROSE_LINES); j++) {
    if (lines[j].kind === 'prose') {
      lines[j].slugLead = true;
      break;
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Body region

interface Region {
  start: number;
  end: number;
  score: number;
}

/** What a line adds to the score of a region holding it; `shortRun` counts the non-prose lines just before it. */
function lineScore(line: ClassifiedLine, shortRun: number): number {
  if (line.header) return ARTICLE_HEADER_SCORE;
  switch (line.kind) {
    case 'prose':
      return Math.max(0, line.text.length - PROSE_FREE_CHARS) * PROSE_WEIGHT;
    case 'heading':
    case 'short':
      return -(SHORT_LINE_COST + SHORT_RUN_COST * Math.min(shortRun, SHORT_RUN_MAX));
    case 'caption':
      return -CAPTION_COST;
    case 'repeated':
      return -BOILERPLATE_COST;
    case 'teaser':
      return -TEASER_COST;
    case 'tags':
    case 'stop':
      return -STOP_COST;
    default:
      return -BOILERPLATE_COST;
  }
}

/** The contiguous region of lines with the highest score (maximum-sum run); null when no line adds anything. */
function bestRegion(lines: ClassifiedLine[]): Region | null {
  let best: Region | null = null;
  let start = 0;
  let sum = 0;
  let shortRun = 0;
  // Below a line that ends articles, a time stamp outside an article header is a comment's: it costs as much as the
  // stop line, so that a run of comments is not joined to the article above it.
  let afterStop = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.kind === 'stop') afterStop = true;
    const score = afterStop && line.kind === 'dateline' && !line.header ? -COMMENT_STAMP_COST : lineScore(line, shortRun);
    shortRun = line.kind === 'prose' ? 0 : shortRun + 1;
    if (sum <= 0) {
      start = i;
      sum = 0;
    }
    sum += score;
    if (score > 0 && (!best || sum > best.score)) best = { start, end: i, score: sum };
  }
  // A region that won by its header starts, like any other, at its first prose line: the lines between the header
  // and the body are read as header lines (title, standfirst), not as body.
  if (best) while (best.start < best.end && lines[best.start].kind !== 'prose') best.start++;
  return best;
}

/**
 * The region that starts at the paragraph under the headline the URL names, as far down as its score is best. It
 * replaces the best region when that one lies elsewhere (a sidebar's or a footer's longer prose).
 */
function preferSlugRegion(lines: ClassifiedLine[], best: Region): Region {
  const lead = lines.findIndex((line) => line.slugLead);
  if (lead < 0 || (best.start <= lead && lead <= best.end)) return best;
  let anchored: Region | null = null;
  let sum = 0;
  let shortRun = 0;
  for (let i = lead; i < lines.length; i++) {
    const line = lines[i];
    sum += lineScore(line, shortRun);
    shortRun = line.kind === 'prose' ? 0 : shortRun + 1;
    if (!anchored || sum > anchored.score) anchored = { start: lead, end: i, score: sum };
    if (line.kind === 'stop' && sum < 0) break;
  }
  return anchored && anchored.score > best.score * SLUG_REGION_MIN_SHARE ? anchored : best;
}

/**
 * The page's copyright notice in its last lines ("© 2025 Name. All rights reserved."): the end of the page as its
 * writer laid it out. What a scraper saves after it is overlays (cookie dialogs, sign-in and newsletter forms).
 */
function footerStart(lines: ClassifiedLine[]): number {
  for (let i = lines.length - 1; i >= Math.max(0, lines.length - FOOTER_NOTICE_LAST_LINES); i--) {
    const text = lines[i].text;
    // A notice set in a caption ("Photo: Name © 2021 Agency") is a heading or short line, not a footer line.
    if (lines[i].kind === 'boilerplate' && text.length <= MAX_FOOTER_NOTICE_CHARS && FOOTER_NOTICE.test(text)) return i;
  }
  return -1;
}

/** Lines that no region extension crosses: ends of articles, and bylines or datelines (another article's header, a comment). */
function isBoundary(line: ClassifiedLine): boolean {
  return line.kind === 'stop' || line.kind === 'tags' || line.kind === 'teaser' || line.kind === 'byline' || line.kind === 'dateline';
}

/** Prose characters of the lines from..to (inclusive). */
function proseChars(lines: ClassifiedLine[], from: number, to: number): number {
  let chars = 0;
  for (let i = from; i <= to; i++) if (lines[i].kind === 'prose') chars += lines[i].text.length;
  return chars;
}

/**
 * Widens the best region over a long interruption (a chart, a table of labels, a gallery) when prose of the
 * same article continues on the other side: the lines between hold no boundary, and the other side has
 * substantial prose of its own.
 */
function extendRegion(lines: ClassifiedLine[], region: Region): Region {
  const extended = { ...region };
  const mainChars = proseChars(lines, region.start, region.end);
  // Downwards: the next prose block after a boundary-free gap.
  for (;;) {
    let i = extended.end + 1;
    while (i < lines.length && i - extended.end <= MAX_EXTENSION_GAP_LINES && lines[i].kind !== 'prose' && !isBoundary(lines[i])) i++;
    if (i >= lines.length || lines[i].kind !== 'prose' || i - extended.end > MAX_EXTENSION_GAP_LINES) break;
    let j = i;
    while (j + 1 < lines.length && !isBoundary(lines[j + 1]) && (lines[j + 1].kind === 'prose' || (j + 2 < lines.length && lines[j + 2].kind === 'prose'))) j++;
    const chars = proseChars(lines, i, j);
    if (chars < EXTENSION_MIN_CHARS || chars < mainChars * EXTENSION_MIN_SHARE) break;
    extended.end = j;
  }
  // Upwards, the same way.
  for (;;) {
    let i = extended.start - 1;
    while (i >= 0 && extended.start - i <= MAX_EXTENSION_GAP_LINES && lines[i].kind !== 'prose' && !isBoundary(lines[i])) i--;
    if (i < 0 || lines[i].kind !== 'prose' || extended.start - i > MAX_EXTENSION_GAP_LINES) break;
    let j = i;
    while (j - 1 >= 0 && !isBoundary(lines[j - 1]) && (lines[j - 1].kind === 'prose' || (j - 2 >= 0 && lines[j - 2].kind === 'prose'))) j--;
    const chars = proseChars(lines, j, i);
    // Prose right under an article's header is that article's opening, however long the rest is (an introduction
    // above a table of contents).
    if (chars < EXTENSION_MIN_CHARS || (chars < mainChars * EXTENSION_MIN_SHARE && !underArticleHeader(lines, j))) break;
    extended.start = j;
  }
  return extended;
}

/** Whether an article header (a byline or dateline under a headline) stands just above line `index`. */
function underArticleHeader(lines: ClassifiedLine[], index: number): boolean {
  for (let k = index - 1; k >= Math.max(0, index - HEADER_PROSE_LINES); k--) {
    if (lines[k].header) return true;
    if (lines[k].kind === 'prose' || isBoundary(lines[k])) return false;
  }
  return false;
}

/** A list item led by a number: a quantity ("200 g flour", "½ cup"), a year ("1957 First building"), a step ("2."). */
const NUMBER_LED = /^\(?(?:\d|[½¼¾⅓⅔⅛])/;

function isNumberedItem(line: ClassifiedLine): boolean {
  return line.words <= MAX_LIST_ITEM_WORDS && (line.kind === 'heading' || line.kind === 'short' || line.kind === 'repeated') &&
    NUMBER_LED.test(line.text);
}

/**
 * Whether a heading-shaped line is page furniture rather than a sub-heading: it names the page's source, holds a date, a reading time or a
 * count of comments, a picture agency's name, or words glued together by the scraper ("Jump to RecipePrint Recipe").
 */
function isFurniture(line: ClassifiedLine): boolean {
  return FURNITURE_MARKS.test(line.text) || GLUED_WORDS.test(line.text) || findLineDate(line.text) !== null;
}

/** A source line ("From the X wiki"), reading times, comment counts, picture agencies, words glued by a scraper. */
const FURNITURE_MARKS = /^from\s|\d+\s*(?:min(?:utes?|uten)?\.?|words|wörter|comments?|kommentare?)\b|\b(?:getty|images|imago|shutterstock|istock|dpa|afp|reuters)\b/i;
const GLUED_WORDS = /\p{Ll}\p{Lu}\p{Ll}/u;

/** Whether line `index` is an item of a list of number-led lines (another one stands next to it or one line away). */
function inNumberedList(lines: ClassifiedLine[], index: number): boolean {
  if (!isNumberedItem(lines[index])) return false;
  for (let k = Math.max(0, index - 2); k <= Math.min(lines.length - 1, index + 2); k++) {
    if (k !== index && isNumberedItem(lines[k])) return true;
  }
  return false;
}

/**
 * The first line of a list of number-led items that ends right above line `start` (at most LIST_GAP_LINES other lines
 * between two items: the item's name on its own line, a sub-label "For the filling:"), or `start` when there is none
 * or it is too short to be a list.
 */
function numberedListAbove(lines: ClassifiedLine[], start: number): number {
  let top = start;
  let items = 0;
  let gap = 0;
  for (let i = start - 1; i >= 0 && gap <= LIST_GAP_LINES; i--) {
    const line = lines[i];
    if (isNumberedItem(line)) {
      items++;
      top = i;
      gap = 0;
    } else if (line.kind === 'heading' || line.kind === 'short' || line.kind === 'repeated') {
      gap++;
    } else {
      break;
    }
  }
  if (items < MIN_LIST_ITEMS) return start;
  // The list's label ("For the base:", "Ingredients:") heads it.
  const label = lines[top - 1];
  return label && (label.kind === 'heading' || label.kind === 'short') && label.text.endsWith(':') ? top - 1 : top;
}

/** A person's name opening a paragraph and a verb of a bio after it ("Mina Torrell is ...", "Orla van Venn ist ..."). */
const LEADING_NAME = new RegExp(
  String.raw`^(\p{Lu}[\p{Ll}'’-]+(?:\s+(?:von|van|de|der|da|di|le|la))?(?:\s+\p{Lu}[\p{L}'’-]+){1,2})\s+(?:${BIO_VERBS.join('|')})\s`,
  'u',
);
/** A line naming the author outside the paragraph is short: a byline, an author box's heading ("About Mina Torrell") [set by hand]. */
const MAX_AUTHOR_LINE_WORDS = 8;

/**
 * The author's bio at the end of an article: a last paragraph that opens with a person's name which the page also
 * gives on a short line of its own (the byline, the author box's heading). It describes the writer, not the story.
 * Measured: trafilatura-eval text mode 0.8779 -> 0.8782, wcxb 0.9027 -> 0.9032, readability 0.9072 -> 0.9071.
 */
function trimAuthorBio(lines: ClassifiedLine[], region: Region): Region {
  let last = region.end;
  while (last > region.start && lines[last].kind !== 'prose') last--;
  if (last <= region.start) return region;
  if (isSelfDescription(lines[last].text) || TRAILING_APPEAL.test(lines[last].text)) {
    return { ...region, end: previousProse(lines, region, last) };
  }
  const name = LEADING_NAME.exec(lines[last].text)?.[1];
  if (!name) return region;
  // The name alone on its line, or inside a byline or an author box's label; a longer heading holding it ("Rocky Hill
  // Ranch") is a section of the article about a place or a product of that name.
  const named = lines.some((line, i) => i !== last && line.words <= MAX_AUTHOR_LINE_WORDS && line.text.includes(name) &&
    (line.text === name || line.kind === 'byline' || line.kind === 'stop' || line.kind === 'boilerplate'));
  if (!named) return region;
  return { ...region, end: previousProse(lines, region, last) };
}

/**
 * A region that runs on past a line that only ever closes an article ("Comments", "About the author", "Share this:")
 * holds comments or an author box below it: a long article's score carries the region over the stop line's cost. When
 * most of the region's prose lies above that line, the region ends at the last paragraph above it.
 */
function trimTailAfterStop(lines: ClassifiedLine[], region: Region): Region {
  const total = proseChars(lines, region.start, region.end);
  let above = 0;
  for (let i = region.start; i < region.end; i++) {
    if (lines[i].kind === 'prose') above += lines[i].text.length;
    if (lines[i].kind === 'stop' && ARTICLE_END_STOP.test(lines[i].text) && above >= total * MIN_PROSE_SHARE_ABOVE_END_STOP) {
      const end = previousProse(lines, region, i);
      return end > region.start ? { ...region, end } : region;
    }
  }
  return region;
}

/**
 * An author box inside the region: a paragraph opening with a person's name and a verb of a bio, right under a line
 * holding that name alone which the page also shows elsewhere (the byline above the article, a second author box). A
 * story's paragraph about a person follows other paragraphs, not a line of the name alone repeated on the page.
 * (Also dropping any paragraph that describes its writer by a writer's role, wherever it stands, lost more than it
 * gained: trafilatura-eval 0.8979 -> 0.8974.)
 */
function isAuthorBoxParagraph(lines: ClassifiedLine[], index: number): boolean {
  const text = lines[index].text;
  const name = LEADING_NAME.exec(text)?.[1];
  if (!name || index === 0) return false;
  const above = lines[index - 1];
  if (above.text !== name) return false;
  return above.repeats > 1 || lines.some((line) => line.kind === 'byline' && line.text.includes(name));
}

/**
 * The lead picture's caption under the article's header: a long line without a sentence ending right below the byline
 * or the dateline ("Crews at the pier on Monday: the strike may last a week"). A sub-heading there is short; a long one
 * elsewhere, between two paragraphs, is as often the article's own as a caption (measured: dropping those too lost
 * readability 0.9130 -> 0.9125).
 */
function isHeaderCaption(lines: ClassifiedLine[], index: number): boolean {
  const line = lines[index];
  if (line.kind !== 'heading' || line.words < MIN_HEADER_CAPTION_WORDS || index === 0) return false;
  const above = lines[index - 1];
  return above.kind === 'byline' || above.kind === 'dateline';
}

/** The prose line above `index` inside the region (the region's start at the latest). */
function previousProse(lines: ClassifiedLine[], region: Region, index: number): number {
  let end = index - 1;
  while (end > region.start && lines[end].kind !== 'prose') end--;
  return end;
}

/** Characters at the head of a paragraph searched for the role a bio gives its writer. */
const BIO_HEAD_CHARS = 200;

/**
 * A last paragraph that describes its writer: a name, a verb of a bio and a writer's role near its start ("Mina Torrell
 * is a senior writer at ...", "Orla van Venn leitet das Ressort ..."), or the writer introducing themselves ("Hallo, ich
 * bin Mina, ..."). A story's own last paragraph about a person rarely names a role of writing in its first words.
 */
function isSelfDescription(text: string): boolean {
  if (SELF_INTRODUCTION.test(text)) return true;
  return LEADING_NAME.test(text) && AUTHOR_ROLE.test(text.slice(0, BIO_HEAD_CHARS));
}

/**
 * The article's last line when it has no sentence ending (a closing remark, a credit line, a code line): a
 * headline-shaped or short line right under the region, long enough to be a sentence, belongs to it. A region ends
 * on prose, since every other line subtracts, so such a line is otherwise always lost.
 */
function includeClosingLine(lines: ClassifiedLine[], region: Region): Region {
  const next = lines[region.end + 1];
  if (!next || (next.kind !== 'heading' && next.kind !== 'short')) return region;
  // A shorter one joins when it ends like a sentence ("I hope you like the new look.").
  if (next.words < CLOSING_LINE_MIN_WORDS && !(next.words >= MIN_CLOSING_SENTENCE_WORDS && SHORT_SENTENCE_END.test(next.text))) return region;
  return { ...region, end: region.end + 1 };
}

// ---------------------------------------------------------------------------------------------------
// Header: title, byline, dateline, standfirst

/** Content words of a line, lowercased (letters and digits, at least 4 characters, any script). */
function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]{4,}/gu) ?? []);
}

/** Share of the title's content words that the body uses. */
function bodyOverlap(title: string, bodyWords: Set<string>): number {
  const words = contentWords(title);
  if (words.length === 0) return 0;
  return words.filter((w) => bodyWords.has(w)).length / words.length;
}

/** Weights of the title score: closeness to the body, a byline or dateline below, words shared with the body. */
const TITLE_DISTANCE_PENALTY = 0.15;
const TITLE_BYLINE_BONUS = 1.5;
const TITLE_OVERLAP_WEIGHT = 2;
/** Lines under a candidate title searched for its byline or dateline (a standfirst and a caption may come first). */
const TITLE_BYLINE_WINDOW = 4;
/** Characters of the body's first paragraphs compared with a candidate title. */
const TITLE_COMPARE_CHARS = 3000;
/** A candidate title scoring below this is none (a menu item far above the body, sharing no words with it). */
const MIN_TITLE_SCORE = 0.2;
/** Prose characters of the region allowed above a title found inside it (a disclaimer line, not a paragraph). */
const MAX_PROSE_ABOVE_TITLE = 400;
/** ... and without a byline or dateline under it: one short line (a kicker sentence), not a paragraph. */
const MAX_PROSE_ABOVE_UNCONFIRMED_TITLE = 150;

function isTitleShaped(line: ClassifiedLine): boolean {
  if (line.words < TITLE_MIN_WORDS || line.words > HEADLINE_MAX_WORDS) return false;
  if (line.kind === 'heading') return true;
  // A headline repeated on the page (breadcrumb, share box) is still the headline.
  return line.kind === 'repeated' && !isBoilerplateLine(line.text) &&
    !isExtraBoilerplate(line.text) && shapeOf(line.text, line.words) === 'heading';
}

function findTitle(lines: ClassifiedLine[], region: Region, bodyWords: Set<string>): number {
  let best = -1;
  let bestScore = MIN_TITLE_SCORE;
  const from = Math.max(0, region.start - HEADER_LOOKBACK_LINES);
  const to = Math.min(region.end - 1, region.start + HEADER_LOOKAHEAD_LINES);
  for (let i = to; i >= from; i--) {
    const line = lines[i];
    let headerFollows = false;
    for (let j = i + 1; j <= Math.min(lines.length - 1, i + TITLE_BYLINE_WINDOW); j++) {
      const kind = lines[j].kind;
      if (kind === 'byline' || kind === 'dateline') {
        headerFollows = true;
        break;
      }
      if (kind === 'prose' && lines[j].words > STANDFIRST_MAX_WORDS) break;
    }
    if (i >= region.start) {
      // Inside the region only below a line or two (a disclaimer), or when a byline confirms the headline.
      let above = 0;
      for (let j = region.start; j < i; j++) if (lines[j].kind === 'prose') above += lines[j].text.length;
      if (above > (headerFollows ? MAX_PROSE_ABOVE_TITLE : MAX_PROSE_ABOVE_UNCONFIRMED_TITLE)) continue;
    }
    if (i < region.start && (line.kind === 'teaser' || line.kind === 'tags' || line.kind === 'stop')) break;
    if (!isTitleShaped(line) || inNumberedList(lines, i)) continue;
    let score = bodyOverlap(line.text, bodyWords) * TITLE_OVERLAP_WEIGHT - Math.abs(region.start - i) * TITLE_DISTANCE_PENALTY;
    if (headerFollows) score += TITLE_BYLINE_BONUS;
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  }
  return best;
}

/**
 * Two headlines stacked right above the body: the upper one is the article's headline, the lower one its sub-headline
 * ("Ferry crews strike" over "Night-shift pay at the heart of the dispute"), which opens the body. The title search
 * prefers the line nearest the body, so it is moved up to the upper line.
 */
function headlineAboveSubheadline(lines: ClassifiedLine[], title: number, region: Region): number {
  if (title < 1 || title !== region.start - 1 || lines[title].kind !== 'heading') return title;
  const above = lines[title - 1];
  if (above.kind !== 'heading' || !isTitleShaped(above) || above.text.endsWith(':') || isFurniture(above)) return title;
  return title - 1;
}

/** Byline parts naming a wire or agency: the credit ("Meridian Press Agency", "Reuters"). */
function bylineCredit(body: string): string | null {
  for (const part of body.split(/\s*(?:,|;|\||\s{2,}|\s[-–—·•]\s)\s*/)) {
    const clean = part.replace(/^(?:and|&)\s+/i, '').trim();
    const wire = wireCredit(clean);
    if (wire) return wire;
    const words = clean.split(/\s+/);
    if (AGENCY_WORDS.test(clean) && words.length <= 5 && words.every((w) => /^[\p{Lu}&]/u.test(w)) && !/\d/.test(clean)) {
      return clean;
    }
  }
  return null;
}

/**
 * The names of a byline and its wire credit. Parts after the first part that is no person are the outlet's
 * desk and the reporter's place ("By Saskia Fenn, NBN News, Port Sallow"): they are not names.
 */
function readByline(text: string): { names: string; credit: string | null } {
  let body = bylineBody(text) ?? text;
  const date = findLineDate(body);
  if (date) body = body.slice(0, date.index).trim();
  body = body.replace(/\s+(?:updated|published|posted)\b.*$/i, '').replace(/[\s,|·•-]+$/, '');
  const names: string[] = [];
  for (const part of body.split(/\s*[,;|]\s*/)) {
    if (cleanAuthors([part]).authors.length === 0 && names.length > 0) break;
    names.push(part);
  }
  return { names: names.join(', '), credit: bylineCredit(body) };
}

function splitTags(raw: string): string[] {
  const parts = raw.split(/\s*(?:[,;|•·]|\s{2,})\s*/).map((p) => p.trim()).filter((p) => p.length > 0);
  const out: string[] = [];
  for (const part of parts) {
    const words = part.split(' ');
    if (words.length <= MAX_TAG_WORDS) {
      out.push(part);
      continue;
    }
    // A list written without separators ("military North korea Russia"): a tag starts at each capital,
    // unless the word before is one that opens a longer name ("North", "South", "New").
    let tag: string[] = [];
    for (const word of words) {
      const previous = tag.length > 0 ? tag[tag.length - 1].toLowerCase() : '';
      if (tag.length > 0 && /^\p{Lu}/u.test(word) && !TAG_JOINING_WORDS.has(previous)) {
        out.push(tag.join(' '));
        tag = [];
      }
      tag.push(word);
    }
    if (tag.length > 0) out.push(tag.join(' '));
  }
  return out;
}

function uniqueCaseless(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = value.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Tags after a label: on the label's line ("Tags: A, B"), on the next line, or one a line ("Related Topics"). */
function readTags(lines: ClassifiedLine[], from: number): string[] {
  for (let i = from; i < lines.length; i++) {
    if (lines[i].kind !== 'tags') continue;
    const rest = lines[i].text.replace(TAG_LABEL, '').replace(/^[\s:]+/, '').trim();
    if (rest) return uniqueCaseless(splitTags(rest.replace(/^[\s*•·-]+/, '')));
    const next = lines[i + 1];
    if (!next) return [];
    if (/[,;|•·]/.test(next.text) || next.words > MAX_TAG_WORDS * 2) return uniqueCaseless(splitTags(next.text.replace(/^[\s*•·-]+/, '')));
    const oneALine: string[] = [];
    for (let j = i + 1; j < Math.min(lines.length, i + 1 + MAX_TAG_LINES); j++) {
      const line = lines[j];
      if (line.words > MAX_TAG_LINE_WORDS || line.kind === 'stop' || line.kind === 'tags' || line.kind === 'prose') break;
      oneALine.push(line.text.replace(/^[\s*•·-]+/, ''));
    }
    return uniqueCaseless(oneALine);
  }
  return [];
}

function readDate(result: TextExtraction, line: ClassifiedLine, rule: string): void {
  const found = findLineDate(line.text);
  if (!found) return;
  if (UPDATED_LABEL.test(line.text.replace(/^[\s·•|-]+/, ''))) {
    if (!result.updated) {
      result.updated = found.value;
      result.rules.updated = rule;
    }
  } else if (!result.published) {
    result.published = found.value;
    result.rules.published = rule;
  }
}

/** Whether a line can be the standfirst: a summary sentence or two, not a label, caption, byline or furniture (a credit, a date). */
function isStandfirstShaped(line: ClassifiedLine): boolean {
  return (line.kind === 'prose' || line.kind === 'heading' || line.kind === 'short') &&
    line.words >= STANDFIRST_MIN_WORDS && line.words <= STANDFIRST_MAX_WORDS && !(line.kind !== 'prose' && isFurniture(line));
}

/** Extracts the article from scraped page text. Returns an empty text when the page holds no article. */
export function extractFromText(content: string, deadline: Deadline, options: TextOptions = {}): TextExtraction {
  const lines = classifyLines(content, deadline);
  markSlugHeadline(lines, options.url ?? null);
  const result: TextExtraction = {
    text: '', title: null, bylines: [], credit: null, published: null, updated: null, description: null, tags: [],
    outlet: null, rules: {},
  };

  // Lines below the page's copyright notice are overlays: the article is looked for above the notice when there is
  // prose there.
  const footer = footerStart(lines);
  const aboveFooter = footer > 0 ? lines.slice(0, footer) : lines;
  let best = bestRegion(aboveFooter);
  let scope = aboveFooter;
  if (!best) {
    best = bestRegion(lines);
    scope = lines;
  }
  if (best) best = preferSlugRegion(scope, best);
  const region = best ? includeClosingLine(scope, trimAuthorBio(scope, trimTailAfterStop(scope, extendRegion(scope, best)))) : null;
  if (!region) {
    // No prose at all: keep whatever is not boilerplate (a short note, a list).
    result.text = lines.filter((l) => l.kind === 'heading' || l.kind === 'short').map((l) => l.text).join('\n\n');
    return finish(result, lines, 0);
  }

  // The title is about the beginning of the body: its first paragraphs are enough to compare with.
  const bodyWords = new Set<string>();
  let compared = 0;
  for (let i = region.start; i <= region.end && compared < TITLE_COMPARE_CHARS; i++) {
    if (lines[i].kind !== 'prose') continue;
    for (const w of contentWords(lines[i].text)) bodyWords.add(w);
    compared += lines[i].text.length;
  }
  const titleIndex = headlineAboveSubheadline(lines, findTitle(lines, region, bodyWords), region);
  let bodyStart = Math.max(region.start, titleIndex + 1);
  if (titleIndex >= 0) {
    result.title = lines[titleIndex].text;
    result.rules.title = 'text.title';
  }

  // Header lines: between the title (or a few lines above the body) and the first body lines.
  const headerFrom = titleIndex >= 0 ? titleIndex + 1 : Math.max(0, region.start - BYLINE_LOOKAHEAD_LINES - 1);
  let firstProse = bodyStart;
  while (firstProse < region.end && lines[firstProse].kind !== 'prose') firstProse++;
  const headerTo = Math.min(region.end, firstProse + BYLINE_LOOKAHEAD_LINES);
  for (let i = headerFrom; i <= headerTo; i++) {
    const line = lines[i];
    if (line.kind === 'byline') {
      const { names, credit } = readByline(line.text);
      if (names) {
        result.bylines.push(names);
        result.rules.authors ??= 'text.byline';
      }
      if (credit && !result.credit) {
        result.credit = credit;
        result.rules.credit = 'text.byline';
      }
      readDate(result, line, 'text.byline');
    } else if (line.kind === 'dateline') {
      readDate(result, line, 'text.dateline');
    }
  }

  // Standfirst: a summary line between the title and the body, or a first body line cut off from the rest of
  // the body by a caption, byline or dateline. It stays in the text as the first paragraph.
  let standfirst = -1;
  if (titleIndex >= 0) {
    for (let i = titleIndex + 1; i < firstProse + 1 && i <= region.end; i++) {
      const line = lines[i];
      if (i === firstProse) {
        const next = lines[i + 1];
        if (i < region.end && next && (next.kind === 'caption' || next.kind === 'byline' || next.kind === 'dateline') &&
          isStandfirstShaped(line)) standfirst = i;
        break;
      }
      if (isStandfirstShaped(line)) {
        standfirst = i;
        break;
      }
    }
  }
  if (standfirst >= 0) {
    result.description = lines[standfirst].text;
    result.rules.description = 'text.standfirst';
    if (KEEP_STANDFIRST_IN_TEXT && standfirst < bodyStart) bodyStart = standfirst;
    if (!KEEP_STANDFIRST_IN_TEXT && standfirst >= bodyStart) bodyStart = standfirst + 1;
  }
  // A sub-heading right above the first paragraph, below the title, opens the body.
  const above = lines[bodyStart - 1];
  if (titleIndex >= 0 && bodyStart === region.start && bodyStart - 1 > titleIndex && above && above.kind === 'heading' && !isFurniture(above)) bodyStart--;
  // So does a short sentence there ("First published in the Okesund Courier."): an opening note of the writer's.
  else if (bodyStart === region.start && bodyStart - 1 > titleIndex && above && above.kind === 'short' &&
    above.words >= MIN_OPENING_SENTENCE_WORDS && SHORT_SENTENCE_END.test(above.text) && !isFurniture(above)) bodyStart--;
  // A list of quantities right above the body (a recipe's ingredients, a timeline's years) is its first part.
  bodyStart = Math.max(numberedListAbove(lines, bodyStart), titleIndex + 1);

  const body: string[] = [];
  let inBox = false;
  for (let i = bodyStart; i <= region.end; i++) {
    deadline.tick();
    const line = lines[i];
    if (i === titleIndex) continue;
    switch (line.kind) {
      case 'prose':
        inBox = false;
        if (!isAuthorBoxParagraph(lines, i)) body.push(line.text);
        break;
      case 'heading':
      case 'short':
        if ((!inBox || i === standfirst) && !isHeaderCaption(lines, i)) body.push(line.text);
        break;
      case 'stop':
      case 'tags':
        // A related-links box inside the article: its link lines are left out up to the next paragraph.
        inBox = true;
        break;
      default:
        break;
    }
  }
  result.text = body.join('\n\n');
  return finish(result, lines, titleIndex >= 0 ? titleIndex : region.start);
}

/** Reads the page-level fields: tags and outlet. */
function finish(result: TextExtraction, lines: ClassifiedLine[], headerEnd: number): TextExtraction {
  result.tags = readTags(lines, 0);
  if (result.tags.length > 0) result.rules.tags = 'text.tags';
  const outlet = findOutlet(lines.map((l) => l.text), headerEnd, result.text, lines.map((l) => l.repeats));
  if (outlet) {
    result.outlet = outlet.name;
    result.rules.outlet = outlet.rule;
  }
  return result;
}
