/**
 * The clusterer's rows held in memory with the same semantics as the SQL tables of migration 002: apply a
 * ClusterStateDelta, read the hot state back, find cold events by key. For stores without SQL (tests, a
 * throwaway store) and as the reference the SQL store is tested against.
 */
import type { ClusterColdRows, ClusterProfileRow, ClusterSignatureRow, ClusterStateDelta, ClusterStateSnapshot, ColdEventQuery, HotSelection } from './types.ts';

/** True for a value shaped like a ClusterStateDelta (what the store accepts as clusterer changes). */
export function isClusterDelta(value: unknown): value is ClusterStateDelta {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.meta === 'object' && v.meta !== null && typeof v.halveDf === 'boolean' && Number.isInteger(v.baseSeq) &&
    ['df', 'profiles', 'removedStories', 'keys', 'signatures', 'aliases'].every((key) => Array.isArray(v[key]))
  );
}

/** First day of the hot dated rows for a selection (all rows when no selection is given). */
export function minDayOf(maxDay: number | null, selection: HotSelection | undefined): number {
  if (!selection || maxDay === null || !Number.isFinite(selection.retainDays)) return -2_147_483_648;
  return maxDay - selection.retainDays;
}

/** A LIMIT for SQL: null (no limit) when the selection sets none. */
export function selectionLimit(limit: number | undefined): number | null {
  return limit === undefined || !Number.isFinite(limit) ? null : limit;
}

export class ClusterRows {
  private meta: ClusterStateDelta['meta'] | null = null;
  private readonly df = new Map<string, number>();
  private readonly profiles = new Map<string, ClusterProfileRow>();
  private readonly keys = new Map<string, Set<string>>();
  private readonly signatures = new Map<string, ClusterSignatureRow>();
  private readonly aliases = new Map<string, string>();

  apply(delta: ClusterStateDelta): void {
    // A copy through JSON, as a database would keep it: later changes to the clusterer's objects do not leak in.
    const d = JSON.parse(JSON.stringify(delta)) as ClusterStateDelta;
    this.meta = d.meta;
    if (d.halveDf) {
      for (const [term, count] of this.df) {
        const half = Math.floor(count / 2);
        if (half > 0) this.df.set(term, half);
        else this.df.delete(term);
      }
    }
    for (const [term, count] of d.df) this.df.set(term, (this.df.get(term) ?? 0) + count);
    for (const row of d.profiles) this.profiles.set(`${row.kind}:${row.id}`, row);
    for (const [key, event] of d.keys) {
      let events = this.keys.get(key);
      if (!events) this.keys.set(key, (events = new Set()));
      events.add(event);
    }
    for (const row of d.signatures) if (!this.signatures.has(row.article)) this.signatures.set(row.article, row);
    for (const id of d.removedStories) this.profiles.delete(`story:${id}`);
    for (const [alias, story] of d.aliases) this.aliases.set(alias, story);
  }

  snapshot(selection?: HotSelection): ClusterStateSnapshot | null {
    if (!this.meta) return null;
    const minDay = minDayOf(this.meta.maxDay, selection);
    const events = [...this.profiles.values()].filter((row) => row.kind === 'event');
    const hot = [
      ...events.filter((row) => row.lastDay !== null && row.lastDay >= minDay),
      ...events
        .filter((row) => row.lastDay === null)
        .sort((a, b) => b.lastSeq - a.lastSeq)
        .slice(0, selectionLimit(selection?.undatedEvents) ?? Infinity),
    ];
    const signatures = [...this.signatures.values()];
    return {
      meta: this.meta,
      df: [...this.df],
      profiles: [...hot, ...this.storiesOf(hot)],
      signatures: [
        ...signatures.filter((row) => row.day !== null && row.day >= minDay),
        ...signatures
          .filter((row) => row.day === null)
          .sort((a, b) => b.seq - a.seq)
          .slice(0, selectionLimit(selection?.undatedSignatures) ?? Infinity),
      ],
      aliases: [...this.aliases],
    };
  }

  findEvents(query: ColdEventQuery): ClusterColdRows {
    const ids = new Set<string>();
    for (const key of query.keys) for (const id of this.keys.get(key) ?? []) ids.add(id);
    const found = [...ids]
      .map((id) => this.profiles.get(`event:${id}`))
      .filter((row): row is ClusterProfileRow => !!row && row.lastDay !== null && row.firstDay !== null && row.lastDay >= query.fromDay && row.firstDay <= query.toDay)
      .sort((a, b) => b.lastSeq - a.lastSeq || (a.id < b.id ? -1 : 1))
      .slice(0, query.limit);
    const events = new Set(found.map((row) => row.id));
    const signatures = [...this.signatures.values()].filter((row) => events.has(row.event)).sort((a, b) => a.seq - b.seq);
    return { profiles: [...found, ...this.storiesOf(found)], signatures };
  }

  /** Rows held, by table (for tests and monitoring). */
  counts(): { terms: number; profiles: number; keys: number; signatures: number; aliases: number } {
    let keys = 0;
    for (const events of this.keys.values()) keys += events.size;
    return { terms: this.df.size, profiles: this.profiles.size, keys, signatures: this.signatures.size, aliases: this.aliases.size };
  }

  private storiesOf(events: ClusterProfileRow[]): ClusterProfileRow[] {
    const ids = new Set(events.map((row) => this.aliases.get(row.story) ?? row.story));
    return [...ids].map((id) => this.profiles.get(`story:${id}`)).filter((row): row is ClusterProfileRow => !!row);
  }
}

/**
 * Folds the deltas of consecutive assignments into as few as the store can write with the same result:
 * one, or one more after each document-frequency halving (the increments before a halving are halved with
 * the stored counts, so they cannot be summed across it). Increments add up; the last version of a profile
 * wins; a story removed after its last update stays removed, one updated after its removal comes back; keys
 * and signatures keep their first occurrence (the store keeps the first); an alias keeps its last target.
 */
export function mergeClusterDeltas(deltas: ClusterStateDelta[]): ClusterStateDelta[] {
  const merged: ClusterStateDelta[] = [];
  let current: DeltaAccumulator | null = null;
  for (const delta of deltas) {
    if (!current || delta.halveDf) {
      if (current) merged.push(current.finish());
      current = new DeltaAccumulator(delta.halveDf);
    }
    current.add(delta);
  }
  if (current) merged.push(current.finish());
  return merged;
}

class DeltaAccumulator {
  private meta: ClusterStateDelta['meta'] | null = null;
  private readonly df = new Map<string, number>();
  private readonly profiles = new Map<string, ClusterProfileRow>();
  private readonly removedStories = new Set<string>();
  private readonly keys = new Map<string, [string, string]>();
  private readonly signatures = new Map<string, ClusterSignatureRow>();
  private readonly aliases = new Map<string, string>();

  /** The first delta's: the merged change starts where it started. */
  private baseSeq: number | null = null;

  constructor(private readonly halveDf: boolean) {}

  add(delta: ClusterStateDelta): void {
    this.baseSeq ??= delta.baseSeq;
    this.meta = delta.meta;
    for (const [term, count] of delta.df) this.df.set(term, (this.df.get(term) ?? 0) + count);
    for (const row of delta.profiles) {
      const key = `${row.kind}:${row.id}`;
      // Map order is first insertion: re-insert so the rows keep the order of their last update.
      this.profiles.delete(key);
      this.profiles.set(key, row);
      if (row.kind === 'story') this.removedStories.delete(row.id);
    }
    for (const id of delta.removedStories) {
      this.profiles.delete(`story:${id}`);
      this.removedStories.add(id);
    }
    for (const pair of delta.keys) {
      const key = `${pair[0]}\u0000${pair[1]}`;
      if (!this.keys.has(key)) this.keys.set(key, pair);
    }
    for (const row of delta.signatures) if (!this.signatures.has(row.article)) this.signatures.set(row.article, row);
    for (const [alias, story] of delta.aliases) {
      this.aliases.delete(alias);
      this.aliases.set(alias, story);
    }
  }

  finish(): ClusterStateDelta {
    if (!this.meta || this.baseSeq === null) throw new Error('mergeClusterDeltas: an empty group');
    return {
      baseSeq: this.baseSeq,
      meta: this.meta,
      halveDf: this.halveDf,
      df: [...this.df],
      profiles: [...this.profiles.values()],
      removedStories: [...this.removedStories],
      keys: [...this.keys.values()],
      signatures: [...this.signatures.values()],
      aliases: [...this.aliases],
    };
  }
}
