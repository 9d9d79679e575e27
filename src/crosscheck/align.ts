/**
 * Claim alignment: groups statements (facets.ts) of different articles that state the same fact, and finds
 * pairs that state one fact in ways that cannot both be true (numbers, dates, polarity, actor).
 *
 * Sequence: statements are compared only within one action class, and only when they share a word of
 * their windows or an entity (an inverted index, so a story's cost grows with real overlaps, not with the
 * square of its size). A pair may merge only when each is the other's closest statement in its article (a
 * fact is told once per article: "After arriving in Pyongyang, Belousov was greeted ..." must not take the
 * place of "Belousov arrived in Pyongyang on Nov. 29" as the partner of "Belousov arrived on Friday").
 * Mergeable pairs are taken best first (agglomerative, average-link guard); a group never holds two
 * statements of one article nor two that conflict.
 */
import {
  ACTOR_CONFLICT_MIN_SCORE,
  ALIGN_THRESHOLD,
  ALIGN_THRESHOLD_OTHER,
  AVERAGE_LINK_FACTOR,
  CONFLICT_MIN_SCORE,
  CONFLICT_MIN_SCORE_OTHER,
  EXACT_NUMBER_BONUS,
  NUMBER_BONUS,
  POSTING_CAP_MIN_BUCKET,
  POSTING_CAP_SHARE,
  TIME_BONUS,
  WEIGHT_ENTITIES,
  WEIGHT_SENTENCE,
  WEIGHT_WINDOW,
} from './constants.ts';
import type { Facet } from './facets.ts';
import { overlaps, type NumberFact } from './numbers.ts';
import { diceIds } from './text.ts';

export type ConflictKind = 'number' | 'date' | 'negation' | 'actor';

export interface PairComparison {
  /** Wording and entity overlap, numbers and dates aside. */
  closeness: number;
  /** Evidence that the two state the same fact (0 when they disagree). */
  score: number;
  conflict: { kind: ConflictKind; detail: string } | null;
}

/** "2024-11" holds "2024-11-29": one is the other at a coarser grain. */
export function sameTime(a: string, b: string): boolean {
  return a === b || (a.length > b.length ? a.startsWith(b) && a[b.length] === '-' : b.startsWith(a) && b[a.length] === '-');
}

/** ISO weekday (1 = Monday) of a `YYYY-MM-DD` value. */
export function isoWeekday(day: string): number {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

function describeNumber(n: NumberFact): string {
  return n.text.replace(/\s+/g, ' ');
}

function compareNumbers(a: readonly NumberFact[], b: readonly NumberFact[]): { bonus: number; conflict: string | null } {
  if (a.length === 0 || b.length === 0) return NO_NUMBERS;
  let compatible = 0;
  let exact = 0;
  let incompatible: string | null = null;
  const seen: string[] = [];
  for (const x of a) {
    const unit = x.unit;
    if (unit === '_' || seen.includes(unit)) continue;
    seen.push(unit);
    let shared = false;
    let agree = false;
    let same = false;
    for (const y of b) {
      if (y.unit !== unit) continue;
      shared = true;
      for (const l of a) {
        if (l.unit !== unit) continue;
        if (l.low === y.low && l.high === y.high) same = true;
        else if (overlaps(l, y)) agree = true;
      }
    }
    if (!shared) continue;
    if (same) exact++;
    else if (agree) compatible++;
    else incompatible ??= `${a.filter((n) => n.unit === unit).map(describeNumber).join(', ')} vs ${b.filter((n) => n.unit === unit).map(describeNumber).join(', ')}`;
  }
  if (exact + compatible > 0) return { bonus: exact > 0 ? EXACT_NUMBER_BONUS : NUMBER_BONUS, conflict: null };
  return incompatible ? { bonus: 0, conflict: incompatible } : NO_NUMBERS;
}

const NO_NUMBERS = { bonus: 0, conflict: null };

function compareTimes(a: Facet, b: Facet): { bonus: number; conflict: string | null } {
  const left = a.calendar;
  const right = b.calendar;
  if (left.length === 0 && right.length === 0 && (a.weekdays.length === 0 || b.weekdays.length === 0)) return NO_NUMBERS;
  for (const x of left) for (const y of right) if (sameTime(x, y)) return { bonus: TIME_BONUS, conflict: null };
  // "on Friday" (unresolved) and "on Nov. 29" (a Friday) can be one date.
  for (const w of a.weekdays) if (b.dayWeekdays.includes(w)) return { bonus: TIME_BONUS, conflict: null };
  for (const w of b.weekdays) if (a.dayWeekdays.includes(w)) return { bonus: TIME_BONUS, conflict: null };
  // One stated date each, at one grain, that differ: "reopened on June 3" / "reopened on June 4".
  if (left.length === 1 && right.length === 1 && left[0].length === right[0].length) return { bonus: 0, conflict: `${left[0]} vs ${right[0]}` };
  return NO_NUMBERS;
}

export function compareFacets(a: Facet, b: Facet): PairComparison {
  const sentence = diceIds(a.words, b.words);
  const entities = diceIds(a.entities, b.entities);
  const closeness =
    a.action === 'other' ? sentence + 0.2 * entities : WEIGHT_WINDOW * diceIds(a.window, b.window) + WEIGHT_SENTENCE * sentence + WEIGHT_ENTITIES * entities;
  const numbers = compareNumbers(a.numbers, b.numbers);
  const times = compareTimes(a, b);
  let conflict: PairComparison['conflict'] = null;
  if (numbers.conflict) conflict = { kind: 'number', detail: numbers.conflict };
  else if (times.conflict && !numbers.bonus) conflict = { kind: 'date', detail: times.conflict };
  else if (a.action !== 'other' && a.negated !== b.negated) conflict = { kind: 'negation', detail: a.negated ? 'denied vs stated' : 'stated vs denied' };
  else if (
    a.action !== 'other' &&
    a.actor &&
    b.actor &&
    a.actor.key !== b.actor.key &&
    a.target &&
    b.target &&
    a.target.key === b.target.key &&
    closeness >= ACTOR_CONFLICT_MIN_SCORE &&
    !mentions(b, a.actor.key) &&
    !mentions(a, b.actor.key)
  ) {
    conflict = { kind: 'actor', detail: `${a.actor.name} vs ${b.actor.name}` };
  }
  const conflictBar = a.action === 'other' ? CONFLICT_MIN_SCORE_OTHER : CONFLICT_MIN_SCORE;
  if (conflict) return { closeness, score: 0, conflict: closeness >= conflictBar ? conflict : null };
  return { closeness, score: closeness + numbers.bonus + times.bonus, conflict: null };
}

/** Whether a statement's sentence names an entity key (an actor named elsewhere in the sentence is no rival). */
function mentions(facet: Facet, key: string): boolean {
  return facet.actor?.key === key || facet.target?.key === key || facet.place?.key === key;
}

export interface GroupConflict {
  /** Positions of the two groups in `groups`. */
  groups: [number, number];
  kind: ConflictKind;
  detail: string;
  /** The two statements that disagree. */
  facets: [number, number];
}

export interface Alignment {
  /** Groups of statements, each ordered by statement index; groups ordered by their first statement. */
  groups: Facet[][];
  conflicts: GroupConflict[];
}

/** Statement uids stay below this (2^26 statements per story), so a pair of them is one safe integer key. */
const UID_SPACE = 2 ** 26;

const thresholdOf = (facet: Facet) => (facet.action === 'other' ? ALIGN_THRESHOLD_OTHER : ALIGN_THRESHOLD);

/**
 * Comparisons kept between passes, by the statements' `uid`s: a second pass (after dates were inferred for
 * some articles) compares again only the pairs that hold a new statement.
 */
export type ComparisonCache = Map<number, PairComparison>;

export function alignFacets(facets: readonly Facet[], cache?: ComparisonCache): Alignment {
  const n = facets.length;
  const scores = new Map<number, number>();
  const pairKey = (i: number, j: number) => (i < j ? i * n + j : j * n + i);
  const rawConflicts: Array<{ i: number; j: number; kind: ConflictKind; detail: string }> = [];
  // Per statement and other article: the closest statement there (ties to the earlier one), in flat arrays.
  let articles = 0;
  for (const f of facets) if (f.article + 1 > articles) articles = f.article + 1;
  const closestFacet = new Int32Array(n * articles).fill(-1);
  const closestScore = new Float64Array(n * articles);
  const noteClosest = (from: Facet, to: Facet, closeness: number) => {
    const key = from.index * articles + to.article;
    const current = closestFacet[key];
    if (current < 0 || closeness > closestScore[key] || (closeness === closestScore[key] && to.index < current)) {
      closestFacet[key] = to.index;
      closestScore[key] = closeness;
    }
  };

  // Inverted index per action class over window words and entities (ids of one interner: no collisions).
  const postings = new Map<string, Map<number, number[]>>();
  for (const f of facets) {
    let index = postings.get(f.action);
    if (!index) postings.set(f.action, (index = new Map()));
    for (const id of f.window) push(index, id, f.index);
    for (const id of f.entities) push(index, id, f.index);
  }
  const bucketSize = new Map<string, number>();
  for (const f of facets) bucketSize.set(f.action, (bucketSize.get(f.action) ?? 0) + 1);
  const stamp = new Int32Array(n).fill(-1);
  for (const a of facets) {
    stamp[a.index] = a.index;
    const index = postings.get(a.action)!;
    const size = bucketSize.get(a.action)!;
    const cap = size >= POSTING_CAP_MIN_BUCKET ? POSTING_CAP_SHARE * size : Infinity;
    const visit = (list: number[] | undefined) => {
      if (!list || list.length > cap) return;
      for (const j of list) {
        if (j <= a.index || stamp[j] === a.index) continue;
        stamp[j] = a.index;
        const b = facets[j];
        if (b.article === a.article) continue;
        let result: PairComparison | undefined;
        if (cache) {
          const key = a.uid < b.uid ? a.uid * UID_SPACE + b.uid : b.uid * UID_SPACE + a.uid;
          result = cache.get(key);
          if (!result) cache.set(key, (result = compareFacets(a, b)));
        } else result = compareFacets(a, b);
        noteClosest(a, b, result.closeness);
        noteClosest(b, a, result.closeness);
        if (result.conflict) rawConflicts.push({ i: a.index, j, ...result.conflict });
        else if (result.score > 0) scores.set(pairKey(a.index, j), result.score);
      }
    };
    for (const id of a.window) visit(index.get(id));
    for (const id of a.entities) visit(index.get(id));
  }

  const mutual = (i: number, j: number) => closestFacet[i * articles + facets[j].article] === j && closestFacet[j * articles + facets[i].article] === i;

  // Union-find; each root keeps its members.
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const members = new Map<number, number[]>(facets.map((f) => [f.index, [f.index]]));
  // A sentence that contradicts another cannot also confirm it through another of its statements.
  const sentenceOf = (i: number) => `${facets[i].article}:${facets[i].sentence.start}`;
  const conflictSet = new Set<string>();
  for (const { i, j } of rawConflicts) if (mutual(i, j)) conflictSet.add(`${sentenceOf(i)}|${sentenceOf(j)}`).add(`${sentenceOf(j)}|${sentenceOf(i)}`);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const mergeable = [...scores]
    .map(([key, s]) => ({ i: Math.floor(key / n), j: key % n, s }))
    .filter(({ i, j, s }) => s >= thresholdOf(facets[i]) && mutual(i, j))
    .sort((p, q) => q.s - p.s || p.i - q.i || p.j - q.j);

  for (const { i, j } of mergeable) {
    const ri = find(i);
    const rj = find(j);
    if (ri === rj) continue;
    const left = members.get(ri)!;
    const right = members.get(rj)!;
    const seen = new Set(left.map((u) => facets[u].article));
    if (right.some((u) => seen.has(facets[u].article))) continue;
    if (left.some((u) => right.some((v) => conflictSet.has(`${sentenceOf(u)}|${sentenceOf(v)}`)))) continue;
    let total = 0;
    for (const u of left) for (const v of right) total += scores.get(pairKey(u, v)) ?? 0;
    if (total / (left.length * right.length) < thresholdOf(facets[i]) * AVERAGE_LINK_FACTOR) continue;
    const [root, child] = ri < rj ? [ri, rj] : [rj, ri];
    parent[child] = root;
    members.set(root, [...left, ...right].sort((p, q) => p - q));
    members.delete(child);
  }

  const roots = [...members.keys()].sort((p, q) => p - q);
  const position = new Map(roots.map((root, k) => [root, k]));
  const groups = roots.map((root) => members.get(root)!.map((u) => facets[u]));
  const linked = new Set<number>();
  const conflicts: GroupConflict[] = [];
  for (const { i, j, kind, detail } of rawConflicts) {
    // Like a match, a conflict is between counterparts: "raised rates to 9%" is no rival of "cut the rate to
    // 4.25%" when the other article also says "cut the rate to 4.25%".
    if (!mutual(i, j)) continue;
    const gi = position.get(find(i))!;
    const gj = position.get(find(j))!;
    if (gi === gj) continue;
    const key = gi < gj ? gi * roots.length + gj : gj * roots.length + gi;
    if (linked.has(key)) continue;
    linked.add(key);
    conflicts.push(gi < gj ? { groups: [gi, gj], kind, detail, facets: [i, j] } : { groups: [gj, gi], kind, detail, facets: [j, i] });
  }
  return { groups, conflicts };
}

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
