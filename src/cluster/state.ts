/**
 * The clusterer's serialisable state and its validation. The snapshot is plain JSON (arrays of entries,
 * not Maps) so it survives `JSON.parse(JSON.stringify(state))` exactly: numbers round-trip bit for bit and
 * arrays keep their order, which the candidate search depends on.
 */

export const STATE_FORMAT = 'crosscheck.cluster';
export const STATE_VERSION = 1;

export interface ClusterOptions {
  /** Combined score at or above which an article joins the best candidate story. */
  threshold: number;
  /** Stories with no date within this many days of the article are not candidates. */
  windowDays: number;
  /** MinHash Jaccard of 5-word shingles at or above which an article is a copy of an earlier one. */
  duplicateThreshold: number;
  /** Weight of the TF-IDF cosine in the combined score. */
  textWeight: number;
  /** Weight of the entity Jaccard in the combined score. */
  entityWeight: number;
  /** How many times a title term counts in the article vector. */
  titleWeight: number;
  /** Penalty at the far edge of the time window (linear in days). */
  timePenaltyMax: number;
  /** Stories kept in memory (least recently updated dropped first). */
  maxStories: number;
  /** Articles whose signatures are kept for duplicate detection (oldest dropped first). */
  maxDuplicateArticles: number;
}

export interface SerializedStory {
  id: string;
  /** Articles assigned so far. */
  size: number;
  /** Earliest and latest publish day (days since 1970-01-01, UTC), null when no article had a date. */
  first: number | null;
  last: number | null;
  /** Sum of the members' unit-length TF-IDF vectors (IDF as it was when each member arrived). */
  centroid: Array<[string, number]>;
  /** Squared length of the centroid. */
  norm2: number;
  /** Entity -> number of member articles naming it. */
  entities: Array<[string, number]>;
}

export interface SerializedCopy {
  id: string;
  story: string;
  /** Base64 MinHash signature. */
  signature: string;
}

export interface SerializedState {
  format: typeof STATE_FORMAT;
  version: typeof STATE_VERSION;
  options: ClusterOptions;
  /** Articles seen so far (the N of IDF). */
  documents: number;
  /** Document frequency per term. */
  df: Array<[string, number]>;
  /** Stories, least recently updated first. */
  stories: SerializedStory[];
  /** Inverted index: `t:term` or `e:entity` -> story ids, oldest first. */
  postings: Array<[string, string[]]>;
  /** Articles kept for duplicate detection, oldest first. */
  copies: SerializedCopy[];
}

const OPTION_KEYS: Array<keyof ClusterOptions> = [
  'threshold',
  'windowDays',
  'duplicateThreshold',
  'textWeight',
  'entityWeight',
  'titleWeight',
  'timePenaltyMax',
  'maxStories',
  'maxDuplicateArticles',
];

function fail(path: string, problem: string): never {
  throw new Error(`invalid clusterer state: ${path} ${problem}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkNumber(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(path, 'must be a finite number');
  return value;
}

function checkString(value: unknown, path: string): string {
  if (typeof value !== 'string') fail(path, 'must be a string');
  return value;
}

function checkArray(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) fail(path, 'must be an array');
  return value;
}

function checkEntries(value: unknown, path: string): Array<[string, number]> {
  return checkArray(value, path).map((entry, i) => {
    if (!Array.isArray(entry) || entry.length !== 2) fail(`${path}[${i}]`, 'must be a [string, number] pair');
    return [checkString(entry[0], `${path}[${i}][0]`), checkNumber(entry[1], `${path}[${i}][1]`)];
  });
}

function checkDay(value: unknown, path: string): number | null {
  return value === null ? null : checkNumber(value, path);
}

export function validateOptions(value: unknown, path = 'options'): ClusterOptions {
  if (!isRecord(value)) fail(path, 'must be an object');
  const options = {} as ClusterOptions;
  for (const key of OPTION_KEYS) options[key] = checkNumber(value[key], `${path}.${key}`);
  return options;
}

/** Checks every field of a snapshot; throws an Error naming the first bad field. */
export function validateState(value: unknown): SerializedState {
  if (!isRecord(value)) fail('(root)', 'must be an object returned by snapshot()');
  if (value.format !== STATE_FORMAT) fail('format', `must be "${STATE_FORMAT}"`);
  if (value.version !== STATE_VERSION) fail('version', `must be ${STATE_VERSION} (got ${JSON.stringify(value.version)})`);
  const options = validateOptions(value.options);
  const documents = checkNumber(value.documents, 'documents');
  const df = checkEntries(value.df, 'df');
  const storyIds = new Set<string>();
  const stories = checkArray(value.stories, 'stories').map((raw, i): SerializedStory => {
    const path = `stories[${i}]`;
    if (!isRecord(raw)) fail(path, 'must be an object');
    const id = checkString(raw.id, `${path}.id`);
    if (storyIds.has(id)) fail(`${path}.id`, `repeats story ${id}`);
    storyIds.add(id);
    return {
      id,
      size: checkNumber(raw.size, `${path}.size`),
      first: checkDay(raw.first, `${path}.first`),
      last: checkDay(raw.last, `${path}.last`),
      centroid: checkEntries(raw.centroid, `${path}.centroid`),
      norm2: checkNumber(raw.norm2, `${path}.norm2`),
      entities: checkEntries(raw.entities, `${path}.entities`),
    };
  });
  const postings = checkArray(value.postings, 'postings').map((entry, i): [string, string[]] => {
    const path = `postings[${i}]`;
    if (!Array.isArray(entry) || entry.length !== 2) fail(path, 'must be a [key, story ids] pair');
    return [checkString(entry[0], `${path}[0]`), checkArray(entry[1], `${path}[1]`).map((id, j) => checkString(id, `${path}[1][${j}]`))];
  });
  const copies = checkArray(value.copies, 'copies').map((raw, i): SerializedCopy => {
    const path = `copies[${i}]`;
    if (!isRecord(raw)) fail(path, 'must be an object');
    return {
      id: checkString(raw.id, `${path}.id`),
      story: checkString(raw.story, `${path}.story`),
      signature: checkString(raw.signature, `${path}.signature`),
    };
  });
  return { format: STATE_FORMAT, version: STATE_VERSION, options, documents, df, stories, postings, copies };
}
