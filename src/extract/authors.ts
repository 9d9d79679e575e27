/**
 * Author names from bylines and metadata: people only. Outlet names, roles ("Staff Writers") and dates glued
 * to a name are removed; wire agencies (Reuters, AP, AFP, ...) become the article's `credit`.
 */
import {
  BYLINE_PREFIX, MAX_NAME_CHARS, MAX_NAME_WORDS, NAME_PARTICLES, NON_PERSON_WORDS, WIRE_CREDITS,
} from './constants.ts';
import { AGENCY_NAME, BYLINE_TRAILER } from './meta-constants.ts';

export interface AuthorResult {
  authors: string[];
  credit: string | null;
}

export interface AuthorOptions {
  /**
   * Lowercased names known to be people (typed Person in JSON-LD, or named by two sources): kept even when
   * they equal the outlet's name, as on a personal site named after its author.
   */
  confirmedPeople?: ReadonlySet<string>;
}

/** Separators between names in one byline: commas, "and", "&", pipes, semicolons, bullets, slashes. */
const NAME_SEPARATORS = /\s*(?:,|;|\||&|\band\b|\bund\b|•|·|\s\/\s|\s[-–—]\s)\s*/i;

/** Everything from a date or a number on is not part of the name ("Jane Roe November 29, 2024 8:35 AM"). */
const GLUED_DATE =
  /\s+(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b\.?,?\s|\d|(?:updated|published|posted)\b).*$/i;

/**
 * "By" in the other languages of the development pages ("por", "par", "von", "di", "door", "av", "af"),
 * either case. Not "de": it opens names ("de Gaulle").
 */
const FOREIGN_BYLINE_PREFIX = /^\s*(?:[Pp]or|[Pp]ar|[Vv]on|[Dd]i|[Dd]oor|[Aa]v|[Aa]f)\s+(?=\p{Lu})/u;

/** A date (and the separator after it) at the start of a byline: "Dec. 19, 2025 · Jane Roe". */
const LEADING_DATE =
  /^(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\.?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})(?:\s*(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:am|pm)?)?\s*(?:[·•|,–—-]\s*)?/i;

/**
 * The last outlet suffix pattern built: a page cleans all its bylines against one outlet, and compiling the
 * pattern costs a hundred times its use. One entry, so it never grows.
 */
let lastSuffix: OutletSuffix = { outlet: '', pattern: null, upperName: '' };

interface OutletSuffix {
  outlet: string;
  pattern: RegExp | null;
  /** The name as the pattern matches it, uppercased: a text that does not hold it cannot match. */
  upperName: string;
}

function outletSuffix(outlet: string): OutletSuffix {
  if (lastSuffix.outlet === outlet) return lastSuffix;
  const name = outlet.trim().replace(/^the\s+/i, '');
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = escaped ? new RegExp(`[\\s,|·–—-]+(?:the\\s+)?${escaped}\\s*$`, 'i') : null;
  lastSuffix = { outlet, pattern, upperName: name.toUpperCase() };
  return lastSuffix;
}

/** Removes the outlet's name written after a person's name ("Jane Roe USA Outlet" -> "Jane Roe"). */
function stripOutletSuffix(text: string, outlet: string): string {
  const { pattern, upperName } = outletSuffix(outlet);
  // Characters the case-insensitive pattern takes as equal have equal uppercase forms, so the uppercased text
  // holds the uppercased name whenever the pattern matches: most bylines skip the pattern (compiled per outlet).
  if (!pattern || !text.toUpperCase().includes(upperName)) return text;
  const stripped = text.replace(pattern, '');
  return stripped.trim().length > 0 ? stripped : text;
}

/** Credits for other people's work in a byline ("Editing by ...", "Additional reporting by ..."). */
const SECONDARY_CREDIT = /\b(?:editing|edited|additional reporting|writing|compiled|graphics|photos?|video|illustrations?) by\b.*$/i;

/** Returns the wire agency a string names, or null ("The Associated Press" -> "AP"). */
export function wireCredit(text: string): string | null {
  const name = text.trim().replace(/^[(]|[)]$/g, '').replace(/\s+/g, ' ');
  const known = WIRE_CREDITS.get(name.toLowerCase());
  if (known) return known;
  // An agency named by its kind ("Meridian Press Agency") is credited as written.
  return name.length <= 60 && AGENCY_NAME.test(name) ? name : null;
}

function titleCaseIfShouting(name: string): string {
  if (name !== name.toUpperCase() || !/[A-Z]/.test(name)) return name;
  return name.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, lead: string, letter: string) => lead + letter.toUpperCase());
}

/** Whether a cleaned string has the shape of a person's name. */
export function looksLikePersonName(name: string): boolean {
  if (name.length < 3 || name.length > MAX_NAME_CHARS) return false;
  if (/[\d@:/\\()[\]{}<>=#?!]/.test(name)) return false;
  const words = name.split(/\s+/);
  if (words.length < 2 || words.length > MAX_NAME_WORDS) return false;
  for (const word of words) {
    const lower = word.toLowerCase().replace(/[.,]$/, '');
    if (NON_PERSON_WORDS.has(lower)) return false;
    if (NAME_PARTICLES.has(lower)) continue;
    // Each remaining word starts with a capital (initials such as "J." included).
    if (!/^[\p{Lu}\p{Lt}]/u.test(word)) return false;
  }
  return true;
}

/** Longest and shortest name kept off the front of a byline part that goes on with a role or an outlet. */
const MAX_LEADING_NAME_WORDS = 3;
const MIN_LEADING_NAME_WORDS = 2;

/**
 * The person a byline part names: the whole part when it has a name's shape; else its first two or three words
 * when they do and the words after them name a role or an organisation ("Jane Roe Senior Editor", "Jane Roe
 * Harbor Health News"). Null when neither holds.
 */
function personBeforeRole(part: string): string | null {
  if (looksLikePersonName(part)) return part;
  const words = part.split(/\s+/);
  // The shortest name first: "Jane Roe Harbor Health News" is Jane Roe of Harbor Health News. A name does not
  // end with an initial ("Jane M." of "Jane M. Roe Editor").
  for (let take = MIN_LEADING_NAME_WORDS; take <= Math.min(MAX_LEADING_NAME_WORDS, words.length - 1); take++) {
    const rest = words.slice(take).map((w) => w.toLowerCase().replace(/[.,]$/, ''));
    if (!rest.some((w) => NON_PERSON_WORDS.has(w)) || /^\p{Lu}\.?$/u.test(words[take - 1])) continue;
    const name = words.slice(0, take).join(' ');
    if (looksLikePersonName(name)) return name;
  }
  return null;
}

function normalizeForCompare(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Cleans one byline part to a name, or returns null. */
function cleanPart(part: string): string {
  return part
    .replace(BYLINE_PREFIX, '')
    .replace(/^by(?=\p{Lu})/u, '')
    .replace(FOREIGN_BYLINE_PREFIX, '')
    .replace(/^[([]+|[)\]]+$/g, '')
    .replace(/^(?:and|&)\s+/i, '')
    .replace(/\S+@\S+/g, '')
    .replace(/^@\w+/, '')
    .replace(/['’]s$/, '')
    .replace(/^[\s"“”'‘’.,:;–—-]+|[\s"“”'‘’,:;–—-]+$/g, '')
    .trim();
}

/**
 * Reads author names from byline or metadata strings (each may hold several names).
 * `outlet` names the publisher so that a byline naming it is not taken for a person.
 */
export function cleanAuthors(raw: Iterable<string>, outlet: string | null = null, options: AuthorOptions = {}): AuthorResult {
  const confirmed = options.confirmedPeople ?? new Set<string>();
  const authors: string[] = [];
  const seen = new Set<string>();
  let credit: string | null = null;
  const outletKey = outlet ? normalizeForCompare(outlet) : null;
  // The outlet's name without a leading article, as words: "Outlet View" or "Outlet Staff" is no person.
  const outletCore = outlet ? outlet.toLowerCase().replace(/^the\s+/, '').trim() : '';

  for (const entry of raw) {
    if (!entry || /^https?:\/\//i.test(entry.trim())) continue;
    let text = entry.replace(/\s+/g, ' ').trim().replace(BYLINE_PREFIX, '').replace(/^by(?=\p{Lu})/u, '').replace(FOREIGN_BYLINE_PREFIX, '');
    // A date before the name ("May 3, 2024 · Jane Roe") or after it ("Jane Roe May 3, 2024") is no part of it.
    text = text.replace(LEADING_DATE, '');
    text = text.replace(SECONDARY_CREDIT, '').replace(GLUED_DATE, '').replace(BYLINE_TRAILER, '');
    // The outlet's name glued after a name: "Jane Roe USA Outlet", "Jane Roe, The Outlet".
    if (outletCore) text = stripOutletSuffix(text, outlet ?? '');
    // A parenthesised wire credit after a name: "Jane Roe (Reuters)". Other remarks in brackets after a name
    // (a home page, "(avec ...)", "(photos)") are no part of it.
    text = text.replace(/\s*\(([^()]*)\)/g, (whole, inner: string, at: number) => {
      const wire = wireCredit(inner);
      if (wire) credit ??= wire;
      return wire || (at > 0 && /\p{L}$/u.test(text.slice(0, at))) ? ' ' : whole;
    });
    for (const rawPart of text.split(NAME_SEPARATORS)) {
      const part = cleanPart(rawPart);
      if (!part) continue;
      const wire = wireCredit(part);
      if (wire) {
        credit ??= wire;
        continue;
      }
      const key = normalizeForCompare(part);
      const isConfirmed = confirmed.has(part.toLowerCase());
      if (!isConfirmed && outletKey && (key === outletKey || key === `the${outletKey}`)) continue;
      if (!isConfirmed && outletCore && ` ${part.toLowerCase()} `.includes(` ${outletCore} `)) continue;
      const name = personBeforeRole(titleCaseIfShouting(part));
      if (!name) continue;
      if (seen.has(key)) continue;
      seen.add(key);
      authors.push(name);
    }
  }
  return { authors, credit };
}
