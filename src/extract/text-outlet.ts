/**
 * The outlet's name where a scraped page states it: a site-name line at the top of the page (before the
 * headline, among the navigation), confirmed by the page itself — the same name in the © notice, repeated in
 * the footer, named in a "The X is reader-funded" appeal, or in the article text. An acronym line ("NBN News")
 * yields to the spelled-out name beside it ("Northgate Broadcasting News"). Without a confirmed top line, the
 * © notice or the self-mention gives the name.
 */
import {
  COPYRIGHT_PREFIX, CORPORATE_SUFFIX, NOT_OUTLET_LINES, OUTLET_BOTTOM_LINES, OUTLET_MAX_WORDS, OUTLET_SELF_MENTION,
  OUTLET_TOP_LINES,
} from './text-constants.ts';
import { isBoilerplateLine, lineKey } from './vocabulary.ts';

export interface OutletFinding {
  name: string;
  /** `text.site-name`, `text.copyright` or `text.self-mention`. */
  rule: string;
}

/** Evidence a top line needs (points) to be taken for the site name. */
const MIN_TOP_LINE_POINTS = 2;
const COPYRIGHT_POINTS = 3;
const SELF_MENTION_POINTS = 3;
const SPELLED_OUT_POINTS = 2;
const REPEATED_POINTS = 2;
const MENTIONED_POINTS = 1;

/** Lowercase words of a name, without a leading "the". */
function nameWords(name: string): string[] {
  return name.toLowerCase().replace(/^the\s+/, '').split(/[^\p{L}\p{N}&]+/u).filter((w) => w.length > 0);
}

/** Whether two names denote the same organisation: one is the start of the other, or they share two leading words. */
function sameOrganisation(a: string, b: string): boolean {
  const x = nameWords(a);
  const y = nameWords(b);
  if (x.length === 0 || y.length === 0) return false;
  const shorter = x.length <= y.length ? x : y;
  const longer = x.length <= y.length ? y : x;
  if (shorter.every((w, i) => longer[i] === w)) return true;
  return x.length >= 2 && y.length >= 2 && x[0] === y[0] && x[1] === y[1];
}

/** Whether `short` starts with the initials of `long` ("NBN News" / "Northgate Broadcasting News"). */
function isAcronymOf(short: string, long: string): boolean {
  const head = short.split(/\s+/)[0];
  if (!/^\p{Lu}{2,6}$/u.test(head)) return false;
  const initials = long.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
  return initials.length >= 2 && initials.startsWith(head);
}

/** A short line whose words are capitalised: the shape of a site name ("Eastfield Observer", "KESTREL POST"). */
function looksLikeSiteName(line: string): boolean {
  const words = line.split(/\s+/);
  if (words.length < 1 || words.length > OUTLET_MAX_WORDS || line.length > 60) return false;
  if (/[.!?:;,|@/]$|\d{3,}|[()[\]{}]/.test(line)) return false;
  if (NOT_OUTLET_LINES.has(lineKey(line)) || isBoilerplateLine(line)) return false;
  return words.every((w) => /^[\p{Lu}\p{N}&]/u.test(w) || /^(?:the|of|and|de|la|le|der|die|das)$/i.test(w)) && /^\p{Lu}/u.test(line);
}

/** Title case for a name written in capitals ("KESTREL POST" -> "Kestrel Post"); acronyms up to 4 letters stay. */
function displayName(name: string): string {
  const trimmed = name.trim();
  if (trimmed !== trimmed.toUpperCase() || trimmed.replace(/[^\p{L}]/gu, '').length <= 4) return trimmed;
  return trimmed.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, lead: string, letter: string) => lead + letter.toUpperCase());
}

/** The owner named in a © notice ("© 2025 Eastfield Observer Trust. All rights reserved." -> "Eastfield Observer Trust"). */
export function copyrightOwner(line: string): string | null {
  if (!COPYRIGHT_PREFIX.test(line) || !/©|\(c\)|copyright/i.test(line)) return null;
  let rest = line.replace(COPYRIGHT_PREFIX, '');
  rest = rest.split(/\.\s|\s[|·•]\s|\s[-–—]\s/)[0].replace(/\.$/, '').trim();
  rest = rest.replace(CORPORATE_SUFFIX, '').replace(CORPORATE_SUFFIX, '').trim();
  const words = rest.split(/\s+/);
  if (words.length === 0 || words.length > OUTLET_MAX_WORDS + 1 || !/^\p{Lu}/u.test(rest)) return null;
  return rest;
}

/**
 * Finds the outlet named by the page. `lines` are the page's non-empty lines; `headerEnd` is the index of the
 * first line of the article (its title or body): site-name lines are looked for above it; `repeats` counts
 * how often each line occurs on the page.
 */
export function findOutlet(lines: string[], headerEnd: number, bodyText: string, repeats: number[]): OutletFinding | null {
  const owners: string[] = [];
  for (let i = Math.max(0, lines.length - OUTLET_BOTTOM_LINES); i < lines.length; i++) {
    const owner = copyrightOwner(lines[i]);
    if (owner) owners.push(owner);
  }
  const selfMentions: string[] = [];
  for (const line of lines) {
    const m = OUTLET_SELF_MENTION.exec(line);
    if (m) selfMentions.push(m[1].replace(/^the\s+/i, ''));
  }

  const topEnd = Math.min(headerEnd, OUTLET_TOP_LINES, lines.length);
  const candidates: string[] = [];
  for (let i = 0; i < topEnd; i++) if (looksLikeSiteName(lines[i])) candidates.push(lines[i]);

  const lowerBody = bodyText.toLowerCase();
  let best: { name: string; points: number } | null = null;
  for (const candidate of candidates) {
    let points = 0;
    if (owners.some((owner) => sameOrganisation(candidate, owner))) points += COPYRIGHT_POINTS;
    if (selfMentions.some((name) => sameOrganisation(candidate, name))) points += SELF_MENTION_POINTS;
    if (candidates.some((other) => other !== candidate && isAcronymOf(other, candidate))) points += SPELLED_OUT_POINTS;
    // Seen again on the page (in the footer): candidates are top lines, so a count above one means elsewhere.
    if ((repeats[lines.indexOf(candidate)] ?? 0) >= 2) points += REPEATED_POINTS;
    if (candidate.length >= 3 && lowerBody.includes(candidate.toLowerCase())) points += MENTIONED_POINTS;
    if (points >= MIN_TOP_LINE_POINTS && (!best || points > best.points)) best = { name: candidate, points };
  }
  if (best) return { name: displayName(best.name), rule: 'text.site-name' };
  if (selfMentions.length > 0) return { name: displayName(selfMentions[0]), rule: 'text.self-mention' };
  if (owners.length > 0) return { name: displayName(owners[0]), rule: 'text.copyright' };
  return null;
}
