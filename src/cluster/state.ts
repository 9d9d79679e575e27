/**
 * Options of the clusterer and validation of the state it is restored from (a ClusterStateSnapshot, as
 * `snapshot()` returns it and the store's `loadClustererState` rebuilds it from rows). Everything is plain
 * JSON, so a state survives `JSON.parse(JSON.stringify(state))` exactly.
 */
import type { ClusterMetaRow, ClusterProfileRow, ClusterSignatureRow, ClusterStateSnapshot } from '../store/types.ts';
import type { LinearModel } from './model.ts';
import { PAIR_FEATURES, type ProfileData } from './profile.ts';

export const STATE_FORMAT = 'crosscheck.cluster';
/**
 * 3: profile vectors keyed by term id (32-bit hash) instead of the term, and one-permutation MinHash
 * signatures. A version 2 state cannot be continued (its signatures are not comparable): re-ingest.
 */
export const STATE_VERSION = 3;

export interface ClusterOptions {
  /** Events and stories with no date within this many days of the article are not candidates. */
  windowDays: number;
  /** Estimated shingle containment at or above which an article is a copy of an earlier one. */
  duplicateThreshold: number;
  /** How many times a title term counts in the article vector. */
  titleWeight: number;
  /** (article, event) model: join the best event at logit >= its threshold. */
  eventModel: LinearModel;
  /** (article, story) model: a new event joins the best story at logit >= its threshold. */
  storyModel: LinearModel;
  /**
   * A story other than the article's scoring at >= storyModel.threshold + mergeMargin is merged into the
   * article's story (its id stays valid as an alias). Infinity turns merging off.
   */
  mergeMargin: number;
  /** Dated rows are kept in memory while their last day is within windowDays + this of the latest day. */
  retainMarginDays: number;
  maxUndatedEvents: number;
  maxUndatedSignatures: number;
  /** Document-frequency table size past which all counts are halved. */
  maxVocabulary: number;
}

/** The meta row's `state`: what the clusterer keeps beyond the counters the store indexes. */
export interface MetaState {
  format: typeof STATE_FORMAT;
  version: typeof STATE_VERSION;
  /** Articles counted in the document frequencies (halved with them). */
  documents: number;
  /** Options given explicitly when the stream started; the rest follow the code's defaults. */
  overrides: Partial<ClusterOptions>;
}

function fail(path: string, problem: string): never {
  throw new Error(`invalid clusterer state: ${path} ${problem}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function num(value: unknown, path: string): number {
  if (typeof value !== 'number' || Number.isNaN(value)) fail(path, 'must be a number');
  return value;
}

function str(value: unknown, path: string): string {
  if (typeof value !== 'string') fail(path, 'must be a string');
  return value;
}

function arr(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) fail(path, 'must be an array');
  return value;
}

function dayOrNull(value: unknown, path: string): number | null {
  return value === null ? null : num(value, path);
}

function entries(value: unknown, path: string): Array<[string, number]> {
  return arr(value, path).map((entry, i) => {
    if (!Array.isArray(entry) || entry.length !== 2) fail(`${path}[${i}]`, 'must be a [string, number] pair');
    return [str(entry[0], `${path}[${i}][0]`), num(entry[1], `${path}[${i}][1]`)];
  });
}

export /** Vector entries: [term id, weight]. */
function vectorEntries(value: unknown, path: string): Array<[number, number]> {
  return arr(value, path).map((entry, i) => {
    if (!Array.isArray(entry) || entry.length !== 2) fail(`${path}[${i}]`, 'must be a [term id, number] pair');
    const id = num(entry[0], `${path}[${i}][0]`);
    if (!Number.isInteger(id) || id <= 0 || id > 0xffffffff) fail(`${path}[${i}][0]`, 'must be a term id (1 .. 2^32 - 1)');
    return [id, num(entry[1], `${path}[${i}][1]`)];
  });
}

export function validateModel(value: unknown, path: string): LinearModel {
  if (!isRecord(value) || !isRecord(value.weights)) fail(path, 'must be {bias, weights, threshold}');
  const weights = {} as LinearModel['weights'];
  for (const feature of PAIR_FEATURES) weights[feature] = num(value.weights[feature], `${path}.weights.${feature}`);
  return { bias: num(value.bias, `${path}.bias`), weights, threshold: num(value.threshold, `${path}.threshold`) };
}

const NUMBER_OPTIONS = ['windowDays', 'duplicateThreshold', 'titleWeight', 'mergeMargin', 'retainMarginDays', 'maxUndatedEvents', 'maxUndatedSignatures', 'maxVocabulary'] as const;

/** Checks the options present in `value` (a partial set); throws naming the first bad one. */
export function validateOverrides(value: unknown, path = 'options'): Partial<ClusterOptions> {
  if (!isRecord(value)) fail(path, 'must be an object');
  const out: Partial<ClusterOptions> = {};
  for (const key of NUMBER_OPTIONS) {
    if (value[key] === undefined) continue;
    const n = key === 'mergeMargin' && value[key] === null ? Infinity : num(value[key], `${path}.${key}`);
    if (n < 0) fail(`${path}.${key}`, 'must be >= 0');
    out[key] = n;
  }
  if (value.eventModel !== undefined) out.eventModel = validateModel(value.eventModel, `${path}.eventModel`);
  if (value.storyModel !== undefined) out.storyModel = validateModel(value.storyModel, `${path}.storyModel`);
  return out;
}

export function validateProfileData(value: unknown, path: string): ProfileData {
  if (!isRecord(value)) fail(path, 'must be an object');
  return {
    size: num(value.size, `${path}.size`),
    first: dayOrNull(value.first, `${path}.first`),
    last: dayOrNull(value.last, `${path}.last`),
    lastSeq: num(value.lastSeq, `${path}.lastSeq`),
    centroid: vectorEntries(value.centroid, `${path}.centroid`),
    norm2: num(value.norm2, `${path}.norm2`),
    kind: vectorEntries(value.kind, `${path}.kind`),
    kindNorm2: num(value.kindNorm2, `${path}.kindNorm2`),
    lead: vectorEntries(value.lead, `${path}.lead`),
    leadNorm2: num(value.leadNorm2, `${path}.leadNorm2`),
    entities: entries(value.entities, `${path}.entities`),
    numbers: entries(value.numbers, `${path}.numbers`),
    years: entries(value.years, `${path}.years`),
    keys: arr(value.keys, `${path}.keys`).map((k, i) => str(k, `${path}.keys[${i}]`)),
  };
}

function validateMeta(value: unknown): ClusterMetaRow & { state: MetaState } {
  if (!isRecord(value)) fail('meta', 'must be an object');
  const state = value.state;
  if (!isRecord(state)) fail('meta.state', 'must be an object');
  if (state.format !== STATE_FORMAT) fail('meta.state.format', `must be "${STATE_FORMAT}"`);
  if (state.version !== STATE_VERSION) fail('meta.state.version', `must be ${STATE_VERSION} (got ${JSON.stringify(state.version)}; a state written by an older clusterer cannot be continued: re-ingest)`);
  return {
    seq: num(value.seq, 'meta.seq'),
    maxDay: dayOrNull(value.maxDay, 'meta.maxDay'),
    state: {
      format: STATE_FORMAT,
      version: STATE_VERSION,
      documents: num(state.documents, 'meta.state.documents'),
      overrides: validateOverrides(state.overrides ?? {}, 'meta.state.overrides'),
    },
  };
}

export interface ValidState extends ClusterStateSnapshot {
  meta: ClusterMetaRow & { state: MetaState };
}

/** Checks every field of a snapshot; throws an Error naming the first bad field. */
export function validateState(value: unknown): ValidState {
  if (!isRecord(value)) fail('(root)', 'must be an object returned by snapshot() or the store');
  const meta = validateMeta(value.meta);
  const df = entries(value.df, 'df');
  const ids = new Set<string>();
  const profiles = arr(value.profiles, 'profiles').map((raw, i): ClusterProfileRow => {
    const path = `profiles[${i}]`;
    if (!isRecord(raw)) fail(path, 'must be an object');
    if (raw.kind !== 'event' && raw.kind !== 'story') fail(`${path}.kind`, 'must be "event" or "story"');
    const id = str(raw.id, `${path}.id`);
    if (ids.has(`${raw.kind}:${id}`)) fail(`${path}.id`, `repeats ${raw.kind} ${id}`);
    ids.add(`${raw.kind}:${id}`);
    return {
      kind: raw.kind,
      id,
      story: str(raw.story, `${path}.story`),
      firstDay: dayOrNull(raw.firstDay, `${path}.firstDay`),
      lastDay: dayOrNull(raw.lastDay, `${path}.lastDay`),
      lastSeq: num(raw.lastSeq, `${path}.lastSeq`),
      profile: validateProfileData(raw.profile, `${path}.profile`),
    };
  });
  const signatures = arr(value.signatures, 'signatures').map((raw, i): ClusterSignatureRow => {
    const path = `signatures[${i}]`;
    if (!isRecord(raw)) fail(path, 'must be an object');
    return {
      article: str(raw.article, `${path}.article`),
      event: str(raw.event, `${path}.event`),
      day: dayOrNull(raw.day, `${path}.day`),
      seq: num(raw.seq, `${path}.seq`),
      shingles: num(raw.shingles, `${path}.shingles`),
      signature: str(raw.signature, `${path}.signature`),
    };
  });
  const aliases = arr(value.aliases, 'aliases').map((entry, i): [string, string] => {
    if (!Array.isArray(entry) || entry.length !== 2) fail(`aliases[${i}]`, 'must be a [alias, story] pair');
    return [str(entry[0], `aliases[${i}][0]`), str(entry[1], `aliases[${i}][1]`)];
  });
  return { meta, df, profiles, signatures, aliases };
}
