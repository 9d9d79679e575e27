/**
 * Entity resolution: gives every mention the canonical name of the real entity it names, within one
 * document (`resolveEntities`) and across the documents of a story (`mergeCanonicals`).
 *
 * Within a document, in order:
 *   1. alias table ("DPRK" -> "North Korea", "U.S." -> "United States")            resolution `acronym`/`alias`
 *   2. same normalised name (any-ascii, lower case, British -> American spelling)   `exact`/`spelling`
 *   3. transliteration variants: every token equal, or within one edit, or
 *      Double Metaphone-equal within two edits ("Andrey" ~ "Andrei")             `translit`
 *   4. acronym of a longer organisation name in the document ("IAEA")             `acronym`
 *   5. single tokens: the surname (or East Asian family name) of a person          `surname`
 * A cluster's canonical is its alias, else its most frequent full form (first seen on a tie).
 */

import anyAscii from 'any-ascii';
import { doubleMetaphone } from 'double-metaphone';
import type { Entity, EntityType } from '../model.ts';
import {
  ALIASES,
  MAX_TRANSLIT_EDITS,
  MIN_TRANSLIT_TOKEN_LENGTH,
  SPELLING_VARIANTS,
  SURNAME_FIRST,
} from './constants.ts';
import type { EntityMention } from './entities.ts';

/** Edit distance allowed when the two tokens also sound alike (Double Metaphone). */
const MAX_PHONETIC_EDITS = 2;
const ACRONYM_STOPWORDS = new Set(['of', 'the', 'and', 'for', 'on', 'in']);
const NON_WORD = /[.\u2019']/g;
const SPLIT = /[\s-]+/;
const ACRONYM_SHAPE = /^(?:\p{Lu}\.?){2,6}$/u;

/**
 * Names recur across the documents of a stream: their key tokens and aliases are kept (until this many
 * names, then the caches start over; a few hundred KB).
 */
const NAME_CACHE_LIMIT = 20_000;
const keyTokensCache = new Map<string, readonly string[]>();
const aliasCache = new Map<string, string | undefined>();

/** Normalised tokens of a name: ASCII, lower case, no dots or possessives, American spelling. Shared: do not modify. */
export function nameKeyTokens(name: string): string[] {
  let tokens = keyTokensCache.get(name);
  if (tokens === undefined) {
    if (keyTokensCache.size >= NAME_CACHE_LIMIT) keyTokensCache.clear();
    tokens = computeKeyTokens(name);
    keyTokensCache.set(name, tokens);
  }
  return tokens as string[];
}

function computeKeyTokens(name: string): string[] {
  return anyAscii(name)
    .toLowerCase()
    .replace(/'s$/, '')
    .replace(NON_WORD, '')
    .split(SPLIT)
    .filter((t) => t.length > 0)
    .map((t) => SPELLING_VARIANTS.get(t) ?? t);
}

function aliasOf(name: string): string | undefined {
  if (aliasCache.has(name)) return aliasCache.get(name);
  if (aliasCache.size >= NAME_CACHE_LIMIT) aliasCache.clear();
  const alias = computeAlias(name);
  aliasCache.set(name, alias);
  return alias;
}

function computeAlias(name: string): string | undefined {
  const lowered = anyAscii(name).toLowerCase().replace(/\./g, '').trim();
  return ALIASES.get(lowered);
}

export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (current[j]! < rowMin) rowMin = current[j]!;
    }
    if (rowMin > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

const metaphoneCache = new Map<string, string>();
function metaphone(token: string): string {
  let code = metaphoneCache.get(token);
  if (code === undefined) {
    code = doubleMetaphone(token)[0];
    metaphoneCache.set(token, code);
  }
  return code;
}

/** Two normalised tokens are spellings of one name ("andrei" ~ "andrey", "zelensky" ~ "zelenskyy"). */
export function sameNameToken(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) < MIN_TRANSLIT_TOKEN_LENGTH) return false;
  const distance = editDistance(a, b, MAX_PHONETIC_EDITS);
  if (distance <= MAX_TRANSLIT_EDITS) return true;
  return distance <= MAX_PHONETIC_EDITS && metaphone(a) === metaphone(b);
}

function sameNameTokens(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (!sameNameToken(a[k]!, b[k]!)) return false;
  return true;
}

function initials(tokens: string[]): string {
  return tokens.filter((t) => !ACRONYM_STOPWORDS.has(t)).map((t) => t[0]).join('');
}

/** Tokens a lone mention of this person would use: the surname, or the family name for East Asian names. */
function surnameTokens(name: string, tokens: string[]): string[] {
  const result = [tokens[tokens.length - 1]!];
  const first = name.split(SPLIT)[0]!;
  if (SURNAME_FIRST.has(first) && tokens.length > 1) result.push(tokens[0]!);
  return result;
}

interface Cluster {
  type: EntityType;
  tokens: string[];
  /** `tokens` joined by a space. */
  key: string;
  alias?: string;
  /** Surface forms by count, in first-seen order. */
  forms: Map<string, number>;
  members: number[];
}

function chooseCanonical(cluster: Cluster): string {
  if (cluster.alias) return cluster.alias;
  let best = '';
  let bestCount = 0;
  for (const [form, count] of cluster.forms) {
    if (count > bestCount) {
      best = form;
      bestCount = count;
    }
  }
  return best;
}

/**
 * The `resolution` string: the reason's kind, and what it relates when the mention differs from its
 * canonical: `surname-of:Andrei Belousov`, `translit:Andrey Belousov~Andrei Belousov`, `acronym:DPRK=North Korea`,
 * `spelling:Defence Ministry~Defense Ministry`, `alias:Kiev=Kyiv`, `owner:Ukrainian General Staff`.
 */
function explain(reason: string, text: string, canonical: string): string {
  if (reason === 'new' || reason === 'exact' || text === canonical) return reason;
  switch (reason) {
    case 'surname':
      return `surname-of:${canonical}`;
    case 'translit':
    case 'spelling':
      return `${reason}:${text}~${canonical}`;
    case 'acronym':
    case 'alias':
      return `${reason}:${text}=${canonical}`;
    default:
      return `${reason}:${canonical}`;
  }
}

/** Resolves the mentions of one document; returns entities sorted by start offset. */
export function resolveEntities(mentions: EntityMention[]): Entity[] {
  const clusters: Cluster[] = [];
  const clusterOf = new Array<number>(mentions.length).fill(-1);
  // `new` marks the first mention of an entity; later mentions say why they joined it.
  const reasons = new Array<string>(mentions.length).fill('new');
  const types = mentions.map((m) => m.type);

  // Pass 1: every mention but lone unknown tokens and single-token person names.
  for (let index = 0; index < mentions.length; index++) {
    const mention = mentions[index]!;
    const name = mention.hint ?? mention.text;
    const tokens = nameKeyTokens(name);
    if (tokens.length === 0) continue;
    if (mention.unknownSingle || (mention.type === 'PERSON' && tokens.length === 1)) continue;
    const alias = aliasOf(name);
    const key = tokens.join(' ');
    let found = -1;
    let reason = 'new';
    for (let c = 0; c < clusters.length && found < 0; c++) {
      const cluster = clusters[c]!;
      if (alias && cluster.alias === alias) {
        found = c;
        reason = ACRONYM_SHAPE.test(mention.text) ? 'acronym' : 'alias';
      } else if (cluster.type !== mention.type) continue;
      else if (cluster.key === key) {
        found = c;
        reason = nameKeyTokens(mention.text).join(' ') === mention.text.toLowerCase() ? 'exact' : 'spelling';
      } else if (sameNameTokens(cluster.tokens, tokens)) {
        found = c;
        reason = 'translit';
      } else if (mention.type === 'ORG' && tokens.length === 1 && ACRONYM_SHAPE.test(mention.text) && initials(cluster.tokens) === tokens[0]) {
        found = c;
        reason = 'acronym';
      } else if (mention.type === 'ORG' && cluster.tokens.length === 1 && initials(tokens) === cluster.tokens[0]) {
        // The acronym came first; the full name becomes the canonical.
        found = c;
        reason = 'acronym';
        cluster.forms = new Map([[name, 1]]);
        cluster.tokens = tokens;
        cluster.key = key;
      }
    }
    if (found < 0) {
      found = clusters.length;
      clusters.push({ type: mention.type, tokens, key, alias: alias, forms: new Map(), members: [] });
      if (alias) reason = ACRONYM_SHAPE.test(mention.text) ? 'acronym' : alias === name ? 'exact' : 'alias';
    }
    if (mention.hint && mention.hint !== mention.text && (reason === 'new' || reason === 'exact' || reason === 'spelling')) {
      reason = mention.rule.endsWith('entities.owned-org') ? 'owner' : ACRONYM_SHAPE.test(mention.text) ? 'acronym' : 'alias';
    }
    const cluster = clusters[found]!;
    cluster.forms.set(name, (cluster.forms.get(name) ?? 0) + 1);
    cluster.members.push(index);
    clusterOf[index] = found;
    reasons[index] = reason;
  }

  // Pass 2: lone tokens are surnames of a person of the document (the nearest one before, else after).
  const personClusters = clusters
    .map((c, i) => ({ c, i, surnames: surnameTokens([...c.forms.keys()][0]!, c.tokens) }))
    .filter(({ c }) => c.type === 'PERSON' && c.tokens.length > 1);
  for (let index = 0; index < mentions.length; index++) {
    if (clusterOf[index] >= 0) continue;
    const mention = mentions[index]!;
    const tokens = nameKeyTokens(mention.hint ?? mention.text);
    if (tokens.length === 0) continue;
    let best = -1;
    let bestDistance = Infinity;
    for (const { c: cluster, i, surnames } of personClusters) {
      if (tokens.length !== 1 || !surnames.some((s) => sameNameToken(s, tokens[0]!))) continue;
      const distance = Math.min(...cluster.members.map((m) => Math.abs(mentions[m]!.start - mention.start) + (mentions[m]!.start > mention.start ? 1e6 : 0)));
      if (distance < bestDistance) {
        bestDistance = distance;
        best = i;
      }
    }
    if (best >= 0) {
      clusterOf[index] = best;
      reasons[index] = 'surname';
      types[index] = 'PERSON';
      clusters[best]!.members.push(index);
      continue;
    }
    // Not a known person's surname: a name of its own, merged with same-named lone mentions.
    const key = tokens.join(' ');
    let found = clusters.findIndex((c) => c.key === key && (c.type === types[index] || mention.unknownSingle));
    if (found >= 0) {
      reasons[index] = 'exact';
      types[index] = clusters[found]!.type;
    } else {
      found = clusters.length;
      clusters.push({ type: mention.type, tokens, key, forms: new Map(), members: [] });
    }
    const cluster = clusters[found]!;
    const name = mention.hint ?? mention.text;
    cluster.forms.set(name, (cluster.forms.get(name) ?? 0) + 1);
    cluster.members.push(index);
    clusterOf[index] = found;
  }

  const canonicals = clusters.map(chooseCanonical);
  const entities: Entity[] = mentions.map((mention, index) => {
    const entity: Entity = {
      text: mention.text,
      start: mention.start,
      end: mention.end,
      type: types[index]!,
      canonical: clusterOf[index]! >= 0 ? canonicals[clusterOf[index]!]! : mention.text,
      resolution: '',
      rule: mention.rule,
    };
    entity.resolution = explain(reasons[index]!, mention.text, entity.canonical);
    if (mention.subtype) entity.subtype = mention.subtype;
    if (mention.roles) entity.roles = mention.roles;
    return entity;
  });
  entities.sort((a, b) => a.start - b.start || a.end - b.end);
  return entities;
}

/**
 * Cross-document resolution for a story: maps every document-level canonical to one story-level
 * canonical. Same rules as within a document (alias, spelling, transliteration, acronym), plus a lone
 * name that is the surname of exactly one full person name in the story. The story canonical is the
 * form with the most mentions across documents (the longer one on a tie).
 */
export function mergeCanonicals(docs: Entity[][]): Map<string, string> {
  interface Name {
    canonical: string;
    type: EntityType;
    tokens: string[];
    mentions: number;
    group: number;
  }
  const names = new Map<string, Name>();
  for (const entities of docs) {
    for (const entity of entities) {
      const existing = names.get(entity.canonical);
      if (existing) existing.mentions++;
      else names.set(entity.canonical, { canonical: entity.canonical, type: entity.type, tokens: nameKeyTokens(entity.canonical), mentions: 1, group: -1 });
    }
  }
  const list = [...names.values()].sort((a, b) => b.tokens.length - a.tokens.length || b.mentions - a.mentions);
  const groups: Name[][] = [];
  for (const name of list) {
    const alias = aliasOf(name.canonical);
    let target = -1;
    for (let g = 0; g < groups.length && target < 0; g++) {
      const head = groups[g]![0]!;
      const compatible = head.type === name.type || head.type === 'MISC' || name.type === 'MISC';
      if (alias && (aliasOf(head.canonical) === alias || head.canonical === alias)) target = g;
      else if (!compatible) continue;
      else if (sameNameTokens(head.tokens, name.tokens)) target = g;
      else if (name.tokens.length === 1 && head.type === 'ORG' && ACRONYM_SHAPE.test(name.canonical) && initials(head.tokens) === name.tokens[0]) target = g;
    }
    if (target < 0 && name.tokens.length === 1 && name.type !== 'LOC') {
      const owners = groups
        .map((group, g) => ({ group, g }))
        .filter(({ group }) => group[0]!.type === 'PERSON' && group[0]!.tokens.length > 1)
        .filter(({ group }) => surnameTokens(group[0]!.canonical, group[0]!.tokens).some((s) => sameNameToken(s, name.tokens[0]!)));
      if (owners.length === 1) target = owners[0]!.g;
    }
    if (target < 0) {
      target = groups.length;
      groups.push([]);
    }
    name.group = target;
    groups[target]!.push(name);
  }
  const storyCanonical = groups.map((group) => {
    const alias = group.map((n) => aliasOf(n.canonical)).find((a) => a !== undefined);
    if (alias) return alias;
    const full = group.filter((n) => n.tokens.length === group[0]!.tokens.length);
    full.sort((a, b) => b.mentions - a.mentions || b.canonical.length - a.canonical.length || a.canonical.localeCompare(b.canonical));
    return full[0]!.canonical;
  });
  const result = new Map<string, string>();
  for (const name of names.values()) result.set(name.canonical, storyCanonical[name.group]!);
  return result;
}
