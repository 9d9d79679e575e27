/**
 * The extract stage: RawDocument -> ExtractedArticle.
 *
 * HTML: parse (htmlparser2, own tree) -> metadata candidates (JSON-LD, meta tags, <time>, bylines, title)
 * -> main text by block scoring (html.ts) -> fields chosen "first plausible candidate wins".
 * Text: classify the scraped lines (text.ts) -> body run, title, byline, standfirst, tags.
 * Then for both: the caller's url/outlet/published beat the page's, authors are cleaned to people,
 * a wire dateline gives the credit, the language is detected on the main text.
 */
import { PipelineError, type ExtractedArticle, type Provenance, type RawDocument } from '../model.ts';
import { cleanAuthors, wireCredit } from './authors.ts';
import { DEFAULT_TIME_BUDGET_MS, MIN_ARTICLE_CHARS, WIRE_DATELINE_PATTERN } from './constants.ts';
import { dateFromUrl, monthFromUrl, normalizeDate } from './dates.ts';
import { Deadline } from './deadline.ts';
import { collapseSpace, parseHtml, releasePage, type ParsedPage } from './dom.ts';
import { extractHtmlText } from './html.ts';
import { chooseLanguage, languageFromTag } from './language.ts';
import { choosePublished, findWrittenDate } from './meta-dates.ts';
import { chooseOutlet, hostOf } from './meta-outlet.ts';
import { chooseTitle } from './meta-title.ts';
import { readMetadata, type Candidate } from './metadata.ts';
import { extractFromText } from './text.ts';

export { cleanTitle } from './meta-title.ts';

export interface ExtractOptions {
  /** Per-document time budget in milliseconds (default 1000); past it the stage throws `timeout`. */
  timeBudgetMs?: number;
}

/** Most tags kept: longer keyword lists are SEO stuffing. */
const MAX_TAGS = 30;
/** Shortest description kept (characters). */
const MIN_DESCRIPTION_CHARS = 10;

function record(provenance: Record<string, Provenance>, field: string, rule: string): void {
  provenance[field] = { rule };
}

function firstDate(candidates: Candidate<string>[]): Candidate<string> | null {
  for (const candidate of candidates) {
    const value = normalizeDate(candidate.value) ?? findWrittenDate(candidate.value)?.value ?? null;
    if (value) return { value, rule: candidate.rule };
  }
  return null;
}

function uniqueTags(tags: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const tag of tags) {
    const clean = collapseSpace(tag);
    const key = clean.toLowerCase();
    if (!clean || seen.has(key)) continue;
    seen.add(key);
    out.push(clean);
    if (out.length >= MAX_TAGS) break;
  }
  return out;
}

function isHttpUrl(value: string): boolean {
  return /^https?:\/\/\S+$/i.test(value.trim());
}

/** Fields found in the page, before the caller's values and the shared clean-ups are applied. */
interface PageFields {
  text: string;
  textRule: string;
  /** The text is all the page holds (nothing was removed as boilerplate): a short text is then still an article. */
  wholePage?: boolean;
  title: Candidate<string> | null;
  authorSources: Candidate<string[]>[];
  extraCredits: string[];
  /** Names a source types as a person (JSON-LD Person): kept even when they equal the outlet's name. */
  personAuthors: string[];
  /** Publication date candidates, most trusted first; the URL's date is weighed in when choosing. */
  published: Candidate<string>[];
  updated: Candidate<string> | null;
  outlet: Candidate<string> | null;
  /** A wire or agency credit the page states apart from the byline (text mode). */
  credit?: Candidate<string> | null;
  description: Candidate<string> | null;
  tags: Candidate<string[]> | null;
  declaredLanguage: Candidate<string> | null;
  url: Candidate<string> | null;
  /** The parsed page (HTML only), released once the article is assembled (see extractArticle). */
  page?: ParsedPage;
}

function fromHtml(doc: RawDocument, deadline: Deadline): PageFields {
  const page = parseHtml(doc.content, deadline);
  const meta = readMetadata(page, deadline, doc.content);
  const url = meta.urls.find((c) => isHttpUrl(c.value)) ?? null;
  const outlet = chooseOutlet(meta.outlets, meta.titles, doc.url?.trim() || url?.value || null);
  const host = hostOf(doc.url?.trim() || url?.value || null);
  const siteNames = [doc.outlet ?? '', outlet?.value ?? '', ...meta.outlets.map((c) => c.value), host ?? '']
    .filter((s) => s.length > 0);

  const title = chooseTitle(meta.titles, meta.headings, siteNames);
  const { text, rule, wholePage } = extractHtmlText(page, title?.value ?? null, deadline);
  const description = meta.descriptions
    .map((c) => ({ value: collapseSpace(c.value), rule: c.rule }))
    .find((c) => c.value.length >= MIN_DESCRIPTION_CHARS) ?? null;
  const tags = meta.tags.find((c) => c.value.length > 0) ?? null;
  const declaredLanguage = meta.languages
    .map((c) => ({ value: languageFromTag(c.value) ?? '', rule: c.rule }))
    .find((c) => c.value !== '') ?? null;
  return {
    page,
    text, textRule: rule, wholePage, title, authorSources: meta.authors, extraCredits: meta.organisationAuthors,
    personAuthors: meta.personAuthors, published: meta.published, updated: firstDate(meta.updated), outlet,
    description, tags, declaredLanguage, url,
  };
}

function fromText(doc: RawDocument, deadline: Deadline): PageFields {
  const found = extractFromText(doc.content, deadline, { url: doc.url?.trim() || null });
  const rule = (field: string, fallback: string): string => found.rules[field] ?? fallback;
  return {
    text: found.text,
    textRule: 'text.body-run',
    title: found.title ? { value: found.title, rule: rule('title', 'text.title') } : null,
    authorSources: found.bylines.length > 0 ? [{ value: found.bylines, rule: rule('authors', 'text.byline') }] : [],
    extraCredits: [],
    personAuthors: [],
    published: found.published ? [{ value: found.published, rule: rule('published', 'text.byline') }] : [],
    updated: found.updated ? { value: found.updated, rule: rule('updated', 'text.dateline') } : null,
    outlet: found.outlet ? { value: found.outlet, rule: rule('outlet', 'text.site-name') } : null,
    credit: found.credit ? { value: found.credit, rule: rule('credit', 'text.byline') } : null,
    description: found.description ? { value: found.description, rule: rule('description', 'text.standfirst') } : null,
    tags: found.tags.length > 0 ? { value: found.tags, rule: rule('tags', 'text.tags') } : null,
    declaredLanguage: null,
    url: null,
  };
}

/** Extracts the article (main text and metadata) of one document. Throws PipelineError `no_content`/`timeout`. */
export function extractArticle(doc: RawDocument, options: ExtractOptions = {}): ExtractedArticle {
  const deadline = new Deadline(options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS);
  const fields = doc.kind === 'html' ? fromHtml(doc, deadline) : fromText(doc, deadline);
  try {
    deadline.check();
    return articleFrom(doc, fields);
  } finally {
    // Only now: the published-date candidates read the page when they are chosen (meta-dates.ts).
    if (fields.page) releasePage(fields.page);
  }
}

/** The article from the fields read off the page: authors, credit, dates, language and their provenance. */
function articleFrom(doc: RawDocument, fields: PageFields): ExtractedArticle {
  const text = fields.text.trim();
  if (text.length < MIN_ARTICLE_CHARS && !(fields.wholePage && text.length > 0)) {
    const what = doc.kind === 'html' ? 'HTML page' : 'page text';
    throw new PipelineError(
      'no_content',
      `no article text found in ${what} ${doc.input} (${doc.content.length} characters in, ` +
        `${text.length} characters of text left after removing boilerplate)`,
    );
  }

  const provenance: Record<string, Provenance> = { text: { rule: fields.textRule } };

  const outletFromCaller = doc.outlet?.trim() || null;
  const outlet = outletFromCaller ?? fields.outlet?.value ?? null;
  if (outletFromCaller) record(provenance, 'outlet', 'input.outlet');
  else if (fields.outlet) record(provenance, 'outlet', fields.outlet.rule);

  // Authors: the first source that yields a person wins; every source may contribute a wire credit. A name
  // equal to the outlet's is a person when a source types it so or two sources name it (a personal site).
  const namedBy = new Map<string, number>();
  for (const source of fields.authorSources) {
    for (const name of new Set(source.value.map((v) => v.trim().toLowerCase()))) namedBy.set(name, (namedBy.get(name) ?? 0) + 1);
  }
  const confirmedPeople = new Set([
    ...fields.personAuthors.map((name) => name.trim().toLowerCase()),
    ...[...namedBy].filter(([, count]) => count >= 2).map(([name]) => name),
  ]);
  // An outlet read off a title suffix or the host name may be a person's own site ("Post title | Jane Roe"):
  // only a declared outlet name rules a byline out.
  const declaredOutlet = outletFromCaller ?? (fields.outlet && !/\.suffix$|^url\.host$/.test(fields.outlet.rule) ? fields.outlet.value : null);
  let authors: string[] = [];
  let credit: string | null = null;
  for (const source of fields.authorSources) {
    const cleaned = cleanAuthors(source.value, declaredOutlet, { confirmedPeople });
    credit ??= cleaned.credit;
    if (cleaned.authors.length > 0 && authors.length === 0) {
      authors = cleaned.authors;
      record(provenance, 'authors', source.rule);
    }
  }
  for (const organisation of fields.extraCredits) credit ??= wireCredit(organisation);
  if (credit) record(provenance, 'credit', 'byline.wire');
  if (!credit && fields.credit) {
    credit = fields.credit.value;
    record(provenance, 'credit', fields.credit.rule);
  }
  const dateline = WIRE_DATELINE_PATTERN.exec(text);
  if (!credit && dateline) {
    credit = wireCredit(dateline[1] ?? dateline[2] ?? '');
    if (credit) record(provenance, 'credit', 'text.wire-dateline');
  }

  const urlFromCaller = doc.url?.trim() || null;
  const url = urlFromCaller ?? fields.url?.value ?? null;
  if (urlFromCaller) record(provenance, 'url', 'input.url');
  else if (fields.url) record(provenance, 'url', fields.url.rule);

  let published: string | null = null;
  if (doc.published) {
    published = normalizeDate(doc.published) ?? doc.published;
    record(provenance, 'published', 'input.published');
  } else {
    const chosen = choosePublished(fields.published, dateFromUrl(url), monthFromUrl(url));
    if (chosen) {
      published = chosen.value;
      record(provenance, 'published', chosen.rule);
    }
  }

  const updated = fields.updated?.value ?? null;
  if (fields.updated) record(provenance, 'updated', fields.updated.rule);

  const title = fields.title?.value ?? null;
  if (fields.title) record(provenance, 'title', fields.title.rule);
  const description = fields.description?.value ?? null;
  if (fields.description) record(provenance, 'description', fields.description.rule);
  const tags = uniqueTags(fields.tags?.value ?? []);
  if (tags.length > 0 && fields.tags) record(provenance, 'tags', fields.tags.rule);

  const language = chooseLanguage(text, fields.declaredLanguage);
  if (language) record(provenance, 'language', language.rule);

  return { title, authors, credit, outlet, published, updated, language: language?.value ?? null, description, tags, url, text, provenance };
}
