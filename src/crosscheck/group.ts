/**
 * Groups fact units that state the same fact in different articles, and finds pairs that state the
 * same fact with numbers or dates that cannot both be true.
 *
 * Pairs come from an inverted index on concepts and entities. A pair may merge only when each unit is
 * the other's closest match in its article (a fact is told once per article; "A fire swept through the
 * plant" must not pair with "52 people died in the fire at the plant" when "37 people died in the fire at
 * the plant" is closer). Mergeable pairs are taken best first (agglomerative, average-link guard), and a
 * group never holds two units of one article.
 */
import {
  AVERAGE_LINK_FACTOR,
  CONFLICT_MIN_OVERLAP,
  ENTITY_BONUS,
  GROUP_THRESHOLD,
  MAX_UNITS_PER_TOKEN,
  NUMBER_BONUS,
} from './constants.ts';
import { overlaps } from './numbers.ts';
import { dice, jaccard } from './text.ts';
import type { FactUnit } from './units.ts';

export interface PairComparison {
  /** Wording and entity overlap, numbers and dates aside: how close the two sentences are. */
  closeness: number;
  /** Evidence that the two state the same fact (0 when numbers or dates disagree). */
  similarity: number;
  /** Same fact, incompatible numbers or dates. */
  conflict: boolean;
}

export function compareUnits(a: FactUnit, b: FactUnit): PairComparison {
  const overlap = dice(a.concepts, b.concepts);
  const entities = jaccard(a.entities, b.entities);
  const sharesEntity = entities > 0;

  let compatibleUnits = 0;
  let incompatibleUnits = 0;
  const unitsOfB = new Set(b.numbers.map((n) => n.unit));
  for (const unit of new Set(a.numbers.map((n) => n.unit))) {
    if (!unitsOfB.has(unit)) continue;
    const left = a.numbers.filter((n) => n.unit === unit);
    const right = b.numbers.filter((n) => n.unit === unit);
    if (left.some((x) => right.some((y) => overlaps(x, y)))) compatibleUnits++;
    else incompatibleUnits++;
  }
  const numberConflict = incompatibleUnits > 0 && compatibleUnits === 0;
  const dateConflict = a.days.size > 0 && b.days.size > 0 && ![...a.days].some((d) => b.days.has(d)) && (sharesEntity || overlap >= GROUP_THRESHOLD);
  const closeness = overlap + ENTITY_BONUS * entities;
  if (numberConflict || dateConflict) return { closeness, similarity: 0, conflict: overlap >= CONFLICT_MIN_OVERLAP };
  return { closeness, similarity: closeness + (compatibleUnits > 0 ? NUMBER_BONUS : 0), conflict: false };
}

export interface Grouping {
  /** Groups of units, each ordered by unit index; groups ordered by their first unit. */
  groups: FactUnit[][];
  /** Pairs of group positions whose facts conflict. */
  conflicts: Array<[number, number]>;
}

const pairKey = (i: number, j: number) => (i < j ? `${i}:${j}` : `${j}:${i}`);

export function groupUnits(units: readonly FactUnit[]): Grouping {
  // Candidate pairs: units of different articles sharing a concept or an entity.
  const postings = new Map<string, number[]>();
  for (const unit of units) {
    for (const key of [...[...unit.concepts].map((c) => `c:${c}`), ...[...unit.entities].map((e) => `e:${e}`)]) {
      const list = postings.get(key);
      if (list) list.push(unit.index);
      else postings.set(key, [unit.index]);
    }
  }
  const similarity = new Map<string, number>();
  const conflictPairs: Array<[number, number]> = [];
  const compared = new Set<string>();
  // Per unit and other article: the closest unit there (ties to the earlier unit).
  const closest = new Map<string, { unit: number; closeness: number }>();
  const noteClosest = (from: FactUnit, to: FactUnit, closeness: number) => {
    const key = `${from.index}>${to.article}`;
    const current = closest.get(key);
    if (!current || closeness > current.closeness || (closeness === current.closeness && to.index < current.unit)) {
      closest.set(key, { unit: to.index, closeness });
    }
  };
  for (const list of postings.values()) {
    if (list.length > MAX_UNITS_PER_TOKEN) continue;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const a = units[list[x]];
        const b = units[list[y]];
        if (a.article === b.article) continue;
        const key = pairKey(a.index, b.index);
        if (compared.has(key)) continue;
        compared.add(key);
        const result = compareUnits(a, b);
        noteClosest(a, b, result.closeness);
        noteClosest(b, a, result.closeness);
        if (result.conflict) conflictPairs.push([Math.min(a.index, b.index), Math.max(a.index, b.index)]);
        else if (result.similarity > 0) similarity.set(key, result.similarity);
      }
    }
  }

  // Union-find over units; each root keeps its members, articles and conflicting units.
  const parent = units.map((u) => u.index);
  const members = new Map<number, number[]>(units.map((u) => [u.index, [u.index]]));
  const conflictsOf = new Map<number, Set<number>>();
  const noteConflict = (from: number, to: number) => {
    const set = conflictsOf.get(from);
    if (set) set.add(to);
    else conflictsOf.set(from, new Set([to]));
  };
  for (const [i, j] of conflictPairs) {
    noteConflict(i, j);
    noteConflict(j, i);
  }
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };

  const mutual = (i: number, j: number) =>
    closest.get(`${i}>${units[j].article}`)?.unit === j && closest.get(`${j}>${units[i].article}`)?.unit === i;
  const mergeable = [...similarity]
    .filter(([, s]) => s >= GROUP_THRESHOLD)
    .map(([key, s]) => {
      const [i, j] = key.split(':').map(Number);
      return { i, j, s };
    })
    .filter(({ i, j }) => mutual(i, j))
    .sort((p, q) => q.s - p.s || p.i - q.i || p.j - q.j);

  for (const { i, j } of mergeable) {
    const ri = find(i);
    const rj = find(j);
    if (ri === rj) continue;
    const left = members.get(ri)!;
    const right = members.get(rj)!;
    const articles = new Set(left.map((u) => units[u].article));
    if (right.some((u) => articles.has(units[u].article))) continue;
    if (left.some((u) => right.some((v) => conflictsOf.get(u)?.has(v)))) continue;
    let total = 0;
    for (const u of left) for (const v of right) total += similarity.get(pairKey(u, v)) ?? 0;
    if (total / (left.length * right.length) < GROUP_THRESHOLD * AVERAGE_LINK_FACTOR) continue;
    const [root, child] = ri < rj ? [ri, rj] : [rj, ri];
    parent[child] = root;
    members.set(root, [...members.get(root)!, ...members.get(child)!].sort((p, q) => p - q));
    members.delete(child);
  }

  const roots = [...members.keys()].sort((p, q) => p - q);
  const position = new Map(roots.map((root, k) => [root, k]));
  const groups = roots.map((root) => members.get(root)!.map((u) => units[u]));
  const linked = new Set<string>();
  const conflicts: Array<[number, number]> = [];
  for (const [i, j] of conflictPairs) {
    const gi = position.get(find(i))!;
    const gj = position.get(find(j))!;
    if (gi === gj) continue;
    const key = pairKey(gi, gj);
    if (linked.has(key)) continue;
    linked.add(key);
    conflicts.push(gi < gj ? [gi, gj] : [gj, gi]);
  }
  return { groups, conflicts };
}
