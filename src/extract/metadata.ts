/**
 * Metadata candidates of an HTML page, each tagged with the rule that found it and listed from the most
 * specific source to the last resort: JSON-LD, OpenGraph and `article:*` meta tags, other meta tags,
 * microdata, `<time>` elements, bylines, the `<title>` and `<h1>`, the URL. The caller takes the first
 * candidate that survives normalisation ("first plausible match wins").
 */
import { ARTICLE_TYPES, AUTHOR_META_KEYS, META_KEYS, TAG_META_KEYS, type MetaField } from './constants.ts';
import type { Deadline } from './deadline.ts';
import { classTokens, collapseSpace, decodeLeftoverEntities, textOf, type HtmlElement, type ParsedPage } from './dom.ts';
import {
  AUTHOR_LINK_PATH, MAX_AUTHOR_LINKS, MAX_TITLE_HEADINGS, MAX_TITLE_WORDS,
} from './meta-constants.ts';
import { declaredMetaKeys } from './meta-text.ts';
import { DOCUMENT_TITLE_RULE, SITE_NAME_RULE, documentArticleTitle } from './meta-title.ts';
import {
  anyTimeElementDate, deferredCandidate, foreignContexts, readsMonthFirst, scanTextDates, scriptDate, titleDate, visibleDates,
  type Candidate,
} from './meta-dates.ts';

export type { Candidate } from './meta-dates.ts';

/** Meta keys read beyond the shared META_KEYS lists (Dublin Core spelt with a colon is folded to a dot). */
const EXTRA_PUBLISHED_KEYS = [
  'dcterms.issued', 'dcterms.date', 'dc.date.created', 'article:published', 'og:published_time', 'publication_date',
  'date_published', 'datecreated', 'citation_online_date', 'citation_date', 'rnews:datepublished', 'displaydate',
  'originalpublicationdate', 'article_date_original', 'cxenseparse:recs:publishtime', 'created', 'release_date',
  'schema:datepublished', 'schema:datecreated',
];
/** Meta keys read after the page's marked visible dates: a bare `date` is often a crawl or edit date. */
const WEAK_PUBLISHED_KEYS = new Set(['date', 'dc.date', 'dcterms.date']);
const EXTRA_UPDATED_KEYS = ['dc.date.modified', 'dcterms.date.modified', 'article:updated_time', 'lastmod', 'revised', 'schema:datemodified'];
/** Title keys read beside the declared ones (meta-text.ts): last resorts when no declared title nor <title> gives one. */
const EXTRA_TITLE_KEYS = ['dcterms.title', 'og:title:default', 'sailthru.title', 'headline'];

export interface PageMetadata {
  /**
   * Metadata titles with the rule of each (any order; meta-title.ts ranks them): JSON-LD name and headline,
   * declared meta titles, the raw <title> (`html.title`) and as cut by the separator rules (DOCUMENT_TITLE_RULE),
   * other headline metadata; plus the declared site names (rule prefix SITE_NAME_RULE), never a title.
   */
  titles: Candidate<string>[];
  /** Texts of the page's first h1 elements outside navigation and sidebars, in document order. */
  headings: string[];
  /** Whether ambiguous slashed dates on this page read month first (a US English page). */
  monthFirst: boolean;
  /** Raw byline strings per source (one source may hold several names). */
  authors: Candidate<string[]>[];
  /** Organisation authors from JSON-LD: never people, but a wire agency among them is a credit. */
  organisationAuthors: string[];
  /** Names that JSON-LD types as a Person: a person even when the page's outlet has the same name. */
  personAuthors: string[];
  /**
   * Publication date candidates, most trusted first. The costly last resorts (text scans, scripts) are deferred
   * candidates: computed when choosePublished first reads them.
   */
  published: Candidate<string>[];
  updated: Candidate<string>[];
  outlets: Candidate<string>[];
  descriptions: Candidate<string>[];
  tags: Candidate<string[]>[];
  languages: Candidate<string>[];
  urls: Candidate<string>[];
}


/** Longest JSON-LD script read (a page that embeds megabytes of JSON is not worth the parse). */
const MAX_JSONLD_CHARS = 500_000;
/** How many byline elements are read at most: the first ones belong to the article, later ones to teasers. */
const MAX_BYLINE_ELEMENTS = 3;
/** Nodes read at most for a short label (byline, heading, date): labels are a few nodes deep. */
const MAX_LABEL_NODES = 200;
/** Byline element texts longer than this are author bios or whole teasers. */
const MAX_BYLINE_TEXT_CHARS = 120;

type Json = unknown;

function asArray(value: Json): Json[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function asRecord(value: Json): Record<string, Json> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, Json>) : null;
}

function stringOf(value: Json): string | null {
  if (typeof value === 'string') return collapseSpace(decodeLeftoverEntities(value)) || null;
  if (typeof value === 'number') return String(value);
  const record = asRecord(value);
  if (record) return stringOf(record['@value'] ?? record.name ?? record.text);
  if (Array.isArray(value)) return value.length > 0 ? stringOf(value[0]) : null;
  return null;
}

function typesOf(node: Record<string, Json>): string[] {
  return asArray(node['@type']).filter((t): t is string => typeof t === 'string').map((t) => t.toLowerCase());
}

function parseJsonLoosely(text: string): Json | undefined {
  // The wrappers are looked for only when an end of the text can hold one: the regexes, anchored at the end,
  // would otherwise try every position of a long script.
  let trimmed = text.trim();
  if (trimmed.startsWith('<!--') || trimmed.endsWith('-->')) trimmed = trimmed.replace(/^<!--|-->$/g, '');
  if (trimmed.startsWith('/*') || trimmed.startsWith('<![CDATA[') || trimmed.endsWith(']]>') || trimmed.endsWith('*/')) {
    trimmed = trimmed.replace(/^(?:\/\*\s*)?<!\[CDATA\[(?:\s*\*\/)?|(?:\/\*\s*)?\]\]>(?:\s*\*\/)?$/g, '');
  }
  trimmed = trimmed.trim();
  try {
    return JSON.parse(trimmed);
  } catch {
    try {
      // Raw control characters inside strings are the commonest fault of hand-written JSON-LD.
      return JSON.parse(trimmed.replace(/[\u0000-\u001f]+/g, ' '));
    } catch {
      return undefined;
    }
  }
}

/** Every object node of the JSON-LD blocks (graphs flattened), iteratively. */
function jsonLdNodes(blocks: Json[], deadline: Deadline): Array<Record<string, Json>> {
  const nodes: Array<Record<string, Json>> = [];
  for (const parsed of blocks) {
    const stack: Json[] = [parsed];
    while (stack.length > 0) {
      deadline.tick();
      const value = stack.pop();
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) stack.push(value[i]);
        continue;
      }
      const record = asRecord(value);
      if (!record) continue;
      nodes.push(record);
      for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage', 'itemListElement']) {
        const inner = record[key];
        if (inner && typeof inner === 'object') stack.push(inner);
      }
    }
  }
  return nodes;
}

function pickArticleNode(nodes: Array<Record<string, Json>>): Record<string, Json> | null {
  let best: Record<string, Json> | null = null;
  let bestRank = ARTICLE_TYPES.length;
  for (const node of nodes) {
    const types = typesOf(node);
    for (const type of types) {
      const rank = ARTICLE_TYPES.indexOf(type);
      // An article node without a headline or date is a reference, not the description of this page.
      const describes = node.headline !== undefined || node.datePublished !== undefined || node.author !== undefined;
      if (rank >= 0 && rank < bestRank && (describes || rank >= ARTICLE_TYPES.indexOf('webpage'))) {
        best = node;
        bestRank = rank;
      }
    }
  }
  return best;
}

/** Article types whose JSON-LD node declares the page's title (a type naming one of these, as "NewsArticle"). */
const DECLARING_TYPES = /^Article|AdvertiserContentArticle|NewsArticle|AnalysisNewsArticle|AskPublicNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|Report|SatiricalArticle|ScholarlyArticle|MedicalScholarlyArticle|SocialMediaPosting|BlogPosting|LiveBlogPosting|DiscussionForumPosting|TechArticle|APIReference$/;
const SCHEMA_ORG = /^https?:\/\/schema\.org\/?$/;

function declaresArticle(node: Json): node is Record<string, Json> {
  const record = asRecord(node);
  return record !== null && typeof record['@type'] === 'string' && DECLARING_TYPES.test(record['@type']);
}

/**
 * The JSON-LD node whose name or headline declares the page's title, read as Readability.js reads it: the first
 * script holding a schema.org article (top level, in a top-level list, or in the `@graph`).
 */
function declaredArticleNode(blocks: Json[]): Record<string, Json> | null {
  for (let parsed of blocks) {
    if (Array.isArray(parsed)) parsed = parsed.find(declaresArticle);
    const top = asRecord(parsed);
    if (!top) continue;
    const context = top['@context'];
    const vocab = asRecord(context)?.['@vocab'];
    if (!(typeof context === 'string' && SCHEMA_ORG.test(context)) && !(typeof vocab === 'string' && SCHEMA_ORG.test(vocab))) continue;
    const node = top['@type'] === undefined && Array.isArray(top['@graph']) ? top['@graph'].find(declaresArticle) : top;
    if (declaresArticle(node)) return node;
  }
  return null;
}

function keywordList(value: Json): string[] {
  const out: string[] = [];
  for (const item of asArray(value)) {
    const text = stringOf(item);
    if (!text) continue;
    for (const part of text.split(/\s*[,;|]\s*/)) if (part.trim()) out.push(part.trim());
  }
  return out;
}

function readJsonLd(scripts: string[], meta: PageMetadata, deadline: Deadline): void {
  const blocks: Json[] = [];
  for (const script of scripts) {
    if (script.length > MAX_JSONLD_CHARS) continue;
    const parsed = parseJsonLoosely(script);
    if (parsed !== undefined) blocks.push(parsed);
  }
  const nodes = jsonLdNodes(blocks, deadline);
  if (nodes.length === 0) return;
  const byId = new Map<string, Record<string, Json>>();
  for (const node of nodes) if (typeof node['@id'] === 'string') byId.set(node['@id'], node);
  const resolve = (value: Json): Record<string, Json> | null => {
    const record = asRecord(value);
    if (record && typeof record['@id'] === 'string' && record.name === undefined) return byId.get(record['@id']) ?? record;
    return record;
  };

  const add = (field: MetaField, value: Json, rule: string): void => {
    const text = stringOf(value);
    if (text) meta[field].push({ value: text, rule });
  };
  const declared = declaredArticleNode(blocks);
  if (declared) {
    if (typeof declared.name === 'string') add('titles', declared.name, 'jsonld.name');
    if (typeof declared.headline === 'string') add('titles', declared.headline, 'jsonld.headline');
  }
  const article = pickArticleNode(nodes);
  if (!article) return;
  add('published', article.datePublished ?? article.dateCreated, 'jsonld.datePublished');
  add('updated', article.dateModified, 'jsonld.dateModified');
  add('descriptions', article.description, 'jsonld.description');
  add('languages', article.inLanguage, 'jsonld.inLanguage');
  add('urls', article.url, 'jsonld.url');
  const publisher = resolve(article.publisher);
  if (publisher) add('outlets', publisher.name, 'jsonld.publisher');

  const people: string[] = [];
  for (const item of asArray(article.author ?? article.creator)) {
    if (typeof item === 'string') {
      people.push(item);
      continue;
    }
    const author = resolve(item);
    if (!author) continue;
    const name = stringOf(author.name);
    if (!name) continue;
    const types = typesOf(author);
    if (types.includes('person')) meta.personAuthors.push(name);
    if (!types.includes('person') && types.some((type) => type === 'organization' || type === 'newsmediaorganization' || type === 'corporation')) {
      meta.organisationAuthors.push(name);
    } else {
      people.push(name);
    }
  }
  if (people.length > 0) meta.authors.push({ value: people, rule: 'jsonld.author' });
  const keywords = keywordList(article.keywords);
  if (keywords.length > 0) meta.tags.push({ value: keywords, rule: 'jsonld.keywords' });
}

/** Whether an attribute value may hold one of the author words read by bylineTexts (`byline`, `byl`, `author`). */
function mayNameAuthor(value: string | undefined): boolean {
  return value !== undefined && /byl|author/i.test(value);
}

/**
 * The byline elements' texts: `rel=author`, `itemprop=author`, class/id `byline` or `author`, and links to an
 * author page (`/author/jane-roe`), outside comments, teasers and sidebars.
 */
function bylineTexts(page: ParsedPage, foreign: Uint8Array, deadline: Deadline): Candidate<string[]>[] {
  const found: Candidate<string[]>[] = [];
  const links: string[] = [];
  const taken: HtmlElement[] = [];
  const insideTaken = (element: HtmlElement): boolean => {
    for (const outer of taken) if (outer.order < element.order && element.order <= outer.lastOrder) return true;
    return false;
  };
  for (const element of page.elements) {
    deadline.tick();
    if (found.length >= MAX_BYLINE_ELEMENTS && links.length >= MAX_AUTHOR_LINKS) break;
    if (foreign[element.order]) continue;
    const { attrs } = element;
    if (!attrs.class && !attrs.id && !attrs.rel && !attrs.itemprop && !attrs.href) continue;
    // Only elements whose attributes may name an author are looked at further (a substring test first).
    const hinted = mayNameAuthor(attrs.class) || mayNameAuthor(attrs.id) || mayNameAuthor(attrs.rel) || mayNameAuthor(attrs.itemprop);
    const linkMayBeAuthor = element.tag === 'a' && attrs.href !== undefined && links.length < MAX_AUTHOR_LINKS;
    if (!hinted && !linkMayBeAuthor) continue;
    let rule: string | null = null;
    if (!hinted) {
      // A plain link: only its address can make it a byline (below).
    } else if (/(?:^|\s)author(?:\s|$)/i.test(attrs.rel ?? '')) rule = 'html.rel-author';
    else if ((element.attrs.itemprop ?? '').toLowerCase() === 'author') rule = 'html.itemprop-author';
    else if (element.tag !== 'meta' && element.tag !== 'body' && element.tag !== 'article' && element.tag !== 'html') {
      const tokens = classTokens(element);
      if (tokens.some((t) => t === 'byline' || t === 'byl' || t === 'author' || t === 'authors' || t === 'author-name' || t === 'byline__name')) {
        rule = 'html.byline';
      }
    }
    if (!rule && element.tag === 'a' && links.length < MAX_AUTHOR_LINKS && AUTHOR_LINK_PATH.test(element.attrs.href ?? '')) {
      const text = collapseSpace(textOf(element, MAX_BYLINE_TEXT_CHARS, MAX_LABEL_NODES));
      if (text && text.length <= MAX_BYLINE_TEXT_CHARS) links.push(text);
      continue;
    }
    if (!rule || found.length >= MAX_BYLINE_ELEMENTS || insideTaken(element)) continue;
    const text = collapseSpace(textOf(element, MAX_BYLINE_TEXT_CHARS * 2, MAX_LABEL_NODES));
    if (!text || text.length > MAX_BYLINE_TEXT_CHARS) continue;
    taken.push(element);
    found.push({ value: [text], rule });
  }
  if (links.length > 0) found.push({ value: links, rule: 'html.author-link' });
  return found;
}

/** The texts of the page's first h1 headings outside navigation, sidebars and teasers. */
function headings(h1Elements: HtmlElement[], foreign: Uint8Array): string[] {
  const out: string[] = [];
  for (const element of h1Elements) {
    if (foreign[element.order]) continue;
    const text = collapseSpace(textOf(element, 1000, MAX_LABEL_NODES));
    if (text && text.split(' ').length <= MAX_TITLE_WORDS) out.push(text);
    if (out.length >= MAX_TITLE_HEADINGS) break;
  }
  return out;
}

/** Meta keys as compared: lowercased; Dublin Core's `dc:title` / `DCTERMS:issued` folded to `dc.title`. */
function metaKeys(raw: string): string[] {
  return raw
    .toLowerCase()
    .split(/\s+/)
    .filter((key) => key.length > 0)
    .map((key) => key.replace(/^(dc|dcterms):/, '$1.'));
}

/**
 * Collects every metadata candidate of a parsed page. `html` is the page's source, read for dates that only
 * scripts hold (the parsed tree drops script text); without it that rule is skipped.
 */
export function readMetadata(page: ParsedPage, deadline: Deadline, html = ''): PageMetadata {
  const meta: PageMetadata = {
    titles: [], headings: [], monthFirst: false, authors: [], organisationAuthors: [], personAuthors: [], published: [],
    updated: [], outlets: [], descriptions: [], tags: [], languages: [], urls: [],
  };
  const metaValues = new Map<string, string[]>();
  const scripts: string[] = [];
  let htmlLang: string | null = null;
  let titleText: string | null = null;
  let canonical: string | null = null;
  const relTags: string[] = [];
  const foreign = foreignContexts(page);

  // Declared titles (meta-text.ts's keys); a later meta of the same key overrides an earlier one.
  const declaredTitles = new Map<string, string>();
  const h1Elements: HtmlElement[] = [];
  const h2Elements: HtmlElement[] = [];

  for (const element of page.elements) {
    deadline.tick();
    const { tag, attrs } = element;
    if (tag === 'h1') h1Elements.push(element);
    else if (tag === 'h2') h2Elements.push(element);
    if (tag === 'meta') {
      const value = attrs.content;
      if (!value || !value.trim()) continue;
      for (const key of declaredMetaKeys(attrs.property, attrs.name)) {
        if (key.endsWith('title')) declaredTitles.set(key, value.trim());
      }
      for (const key of metaKeys(attrs.property ?? attrs.name ?? attrs.itemprop ?? attrs['http-equiv'] ?? '')) {
        const list = metaValues.get(key) ?? [];
        list.push(collapseSpace(decodeLeftoverEntities(value)));
        metaValues.set(key, list);
      }
    } else if (tag === 'script' && attrs.type !== undefined && /ld\+json/i.test(attrs.type)) {
      scripts.push(textOf(element));
    } else if (tag === 'html' && attrs.lang) {
      htmlLang ??= attrs.lang;
    } else if (tag === 'title' && titleText === null) {
      titleText = collapseSpace(textOf(element, 1000, MAX_LABEL_NODES)) || null;
    } else if (tag === 'link' && (attrs.rel ?? '').toLowerCase() === 'canonical' && attrs.href) {
      canonical ??= attrs.href;
    } else if (tag === 'a' && attrs.rel !== undefined && /(?:^|\s)tag(?:\s|$)/i.test(attrs.rel)) {
      const text = collapseSpace(textOf(element, 100, MAX_LABEL_NODES));
      if (text) relTags.push(text);
    } else if (attrs.property && attrs.content && !foreign[element.order]) {
      // RDFa outside <head>: <span property="schema:dateCreated" content="2022-01-28T12:45:46+00:00">.
      for (const key of metaKeys(attrs.property)) {
        const list = metaValues.get(key) ?? [];
        list.push(collapseSpace(attrs.content));
        metaValues.set(key, list);
      }
    } else if (attrs.itemprop && !foreign[element.order]) {
      // Microdata outside <meta>: <span itemprop="datePublished" content="..."> or <time itemprop=...>.
      const key = attrs.itemprop.toLowerCase();
      if (key === 'datepublished' || key === 'datemodified' || key === 'headline') {
        const value = attrs.content ?? attrs.datetime ?? collapseSpace(textOf(element, 300, MAX_LABEL_NODES));
        if (value) {
          const list = metaValues.get(`itemprop:${key}`) ?? [];
          list.push(value);
          metaValues.set(`itemprop:${key}`, list);
        }
      }
    }
  }

  readJsonLd(scripts, meta, deadline);

  const fromKeys = (field: MetaField, keys: string[]): void => {
    for (const key of keys) {
      const value = metaValues.get(key)?.[0];
      if (value) meta[field].push({ value, rule: `meta.${key}` });
    }
  };

  // Titles: every source with its rule; meta-title.ts chooses. The <title> is kept raw (its suffix names the
  // outlet) and as cut by the separator rules, which read the page's headings only when a rule asks.
  for (const [key, value] of declaredTitles) meta.titles.push({ value, rule: `meta.${key}` });
  fromKeys('titles', EXTRA_TITLE_KEYS);
  const itempropHeadline = metaValues.get('itemprop:headline')?.[0];
  if (itempropHeadline) meta.titles.push({ value: collapseSpace(itempropHeadline), rule: 'microdata.headline' });
  if (titleText) {
    meta.titles.push({ value: titleText, rule: 'html.title' });
    const headingText = (element: HtmlElement): string => collapseSpace(textOf(element, 2000, MAX_LABEL_NODES));
    const cut = documentArticleTitle(titleText, {
      headingTexts: () => [...h1Elements, ...h2Elements].map(headingText),
      onlyH1: () => (h1Elements.length === 1 ? headingText(h1Elements[0]) || null : null),
    });
    if (cut) meta.titles.push({ value: cut, rule: DOCUMENT_TITLE_RULE });
  }
  meta.headings = headings(h1Elements, foreign);

  fromKeys('languages', META_KEYS.languages);
  if (htmlLang) meta.languages.push({ value: htmlLang, rule: 'html.lang' });
  meta.monthFirst = readsMonthFirst(meta.languages.find((c) => /^[a-z]{2}([-_][a-z]{2})?$/i.test(c.value.trim()))?.value ?? null);

  // Dates: JSON-LD (added), meta tags, microdata, visible dates, then a scan of the text as the last resort.
  fromKeys('published', [...META_KEYS.published, ...EXTRA_PUBLISHED_KEYS].filter((key) => !WEAK_PUBLISHED_KEYS.has(key)));
  for (const value of metaValues.get('itemprop:datepublished') ?? []) meta.published.push({ value, rule: 'microdata.datePublished' });
  fromKeys('updated', [...META_KEYS.updated, ...EXTRA_UPDATED_KEYS]);
  for (const value of metaValues.get('itemprop:datemodified') ?? []) meta.updated.push({ value, rule: 'microdata.dateModified' });
  const visible = visibleDates(page, foreign, meta.monthFirst, deadline);
  let scanned: Candidate<string> | null | undefined;
  const scan = (): Candidate<string> | null => (scanned === undefined ? (scanned = scanTextDates(page, foreign, meta.monthFirst, deadline)) : scanned);
  // A date written just under the headline ("Datum: 18.10.2021") is the article's: before the page's other
  // visible dates, which may be teasers'. A visible date element of the same day is more precise (a time, a zone).
  meta.published.push(deferredCandidate(() => {
    const near = scan();
    if (near?.rule !== 'text.heading-date-near') return null;
    return visible.published.find((c) => c.value.slice(0, 10) === near.value.slice(0, 10)) ?? near;
  }));
  meta.published.push(...visible.published.filter((c) => !c.rule.startsWith('html.date-element')));
  // A bare `date` meta is as often the crawl or modification date: after the marked visible dates.
  fromKeys('published', [...WEAK_PUBLISHED_KEYS]);
  meta.published.push(...visible.published.filter((c) => c.rule.startsWith('html.date-element')));
  meta.updated.push(...visible.updated);
  // Last resorts: a date in the title, a dateline under the headline, a date key in the scripts, any date.
  // Each is deferred: computed only when no earlier candidate gives a date (most pages never run them).
  const fromTitle = titleDate(meta.titles.filter((c) => c.rule === 'meta.og:title' || c.rule === 'html.title'), meta.monthFirst);
  if (fromTitle) meta.published.push(fromTitle);
  const monthFirst = meta.monthFirst;
  meta.published.push(
    deferredCandidate(() => (scan()?.rule.startsWith('text.heading-date') ? scan() : null)),
    deferredCandidate(() => scriptDate(html)),
    deferredCandidate(() => (scan()?.rule.startsWith('text.heading-date') ? null : scan())),
    deferredCandidate(() => titleDate(meta.descriptions.map((c) => ({ value: c.value, rule: 'meta.description' })), monthFirst)),
    deferredCandidate(() => anyTimeElementDate(page)),
  );

  fromKeys('outlets', META_KEYS.outlets);
  // The site names the page declares ride along with the titles (rule prefix SITE_NAME_RULE): a declared title
  // ending with one of them ("Headline | Outlet" beside og:site_name "Outlet") loses it in meta-title.ts.
  for (const outlet of meta.outlets) meta.titles.push({ value: outlet.value, rule: `${SITE_NAME_RULE}${outlet.rule}` });
  fromKeys('descriptions', META_KEYS.descriptions);
  fromKeys('urls', META_KEYS.urls);
  if (canonical) meta.urls.push({ value: canonical, rule: 'html.canonical' });

  for (const key of AUTHOR_META_KEYS) {
    const values = metaValues.get(key);
    if (values && values.length > 0) meta.authors.push({ value: values, rule: `meta.${key}` });
  }
  meta.authors.push(...bylineTexts(page, foreign, deadline));

  for (const key of TAG_META_KEYS) {
    const values = metaValues.get(key);
    if (!values) continue;
    // article:tag repeats one tag per meta; keyword metas hold a comma-separated list.
    const list = key === 'article:tag' ? values : values.flatMap((v) => v.split(/\s*[,;]\s*/));
    const cleaned = list.map((v) => v.trim()).filter((v) => v.length > 0);
    if (cleaned.length > 0) meta.tags.push({ value: cleaned, rule: `meta.${key}` });
  }
  if (relTags.length > 0) meta.tags.push({ value: relTags, rule: 'html.rel-tag' });
  return meta;
}
