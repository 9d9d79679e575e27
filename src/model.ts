/**
 * Shared records passed between the pipeline stages:
 *
 *   RawDocument --extract--> ExtractedArticle --annotate--> Annotations
 *   ArticleRecord (both, keyed by content hash) --cluster--> Assignment --crosscheck--> StoryBrief
 *
 * Every value a stage produces carries provenance: offsets into the text it refers to (`start`, `end`,
 * JavaScript string indices, end exclusive) and the rule or model that produced it (`rule`). Values the
 * system infers rather than reads (a date bounded from another article, say) carry `inferred: true`.
 * The JSON field names follow ../shared/cli-contract.md; internal fields are added, never renamed.
 */

/** ISO 8601 date or date-time as the contract spells it (`YYYY-MM-DD`, `YYYY-MM-DDThh:mm±hh:mm`, ...). */
export type IsoDate = string;

/** Which rule or model produced a value, and whether it was stated in the text or inferred. */
export interface Provenance {
  /** Stable name of the rule or model, e.g. `jsonld.datePublished`, `text.byline`, `ner.rules.title-person`. */
  rule: string;
  /** True when the value was inferred rather than read from the text. */
  inferred?: boolean;
}

/** A span of a text: `text === source.slice(start, end)`. */
export interface Span {
  text: string;
  start: number;
  end: number;
}

// ---------------------------------------------------------------------------------------------------
// Input and errors

export type InputKind = 'html' | 'text';

/** One document as it enters the pipeline, after bytes were decoded at the edge. */
export interface RawDocument {
  /** Where it came from: a file path, `-`, or `FILE:line` for a record of a JSONL file. */
  input: string;
  kind: InputKind;
  /** The decoded page: HTML source or scraped page text. */
  content: string;
  url?: string | null;
  /** Outlet name given by the caller (`--outlet`, JSONL `outlet`); beats what the page says. */
  outlet?: string | null;
  /** Publish date given by the caller (JSONL `published`); beats what the page says. */
  published?: IsoDate | null;
}

/**
 * Error codes of the contract's `{"ok": false, "error": {"code", "message"}}` lines. One code per kind of
 * rejection, so a batch report can be grouped by cause.
 */
export type ErrorCode =
  | 'not_found' // the path does not exist
  | 'unreadable' // exists but cannot be read (permissions, a device, ...)
  | 'empty' // zero bytes, or only white space
  | 'binary' // bytes that are not text (NUL bytes, an image, an archive that is not gzip)
  | 'invalid_utf8' // text in no encoding we could decode
  | 'too_large' // over the configured size limit
  | 'unsupported_type' // an extension or record kind the command does not read
  | 'invalid_json' // a JSONL line that is not JSON
  | 'invalid_record' // JSON of the wrong shape (missing `text`, wrong types)
  | 'invalid_date' // a date argument or field that is not ISO 8601
  | 'no_content' // extraction found no article text
  | 'timeout' // the per-document time budget ran out
  | 'internal'; // a bug: reported per document so the batch goes on

export class PipelineError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PipelineError';
  }
}

/** Any thrown value as a PipelineError; unexpected errors become `internal`, so the batch reports them and goes on. */
export function asPipelineError(err: unknown): PipelineError {
  if (err instanceof PipelineError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new PipelineError('internal', `internal error: ${message}`);
}

export interface ErrorLine {
  ok: false;
  error: { code: ErrorCode; message: string };
}

// ---------------------------------------------------------------------------------------------------
// Extraction

export interface ExtractedArticle {
  title: string | null;
  /** People only: no outlets, wire credits or "Staff". */
  authors: string[];
  /** Wire or agency credit ("Reuters", "AP"), kept apart from the authors. */
  credit: string | null;
  outlet: string | null;
  published: IsoDate | null;
  updated: IsoDate | null;
  language: string | null;
  description: string | null;
  tags: string[];
  url: string | null;
  /** Main text: paragraphs separated by a blank line, no boilerplate. */
  text: string;
  /** Per metadata field (`title`, `authors`, `published`, ...), the rule that produced it. */
  provenance: Record<string, Provenance>;
}

// ---------------------------------------------------------------------------------------------------
// Annotation (offsets into ExtractedArticle.text)

export type EntityType = 'PERSON' | 'ORG' | 'LOC' | 'MISC';

export interface Entity extends Span {
  type: EntityType;
  subtype?: string;
  /** The same string for every mention of one real entity in a document. */
  canonical: string;
  /** Why this mention got its canonical (e.g. `surname-of:Andrei Belousov`, `translit:Andrey~Andrei`). */
  resolution?: string;
  /** Roles and titles seen beside the mention ("Russian Defense Minister"). */
  roles?: string[];
  rule: string;
}

export type TimeType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

export interface TimeExpression extends Span {
  type: TimeType;
  /** TIMEX3 value: `2024-11-29`, `2024-05`, `2024-W47`, `P3Y`, `PAST_REF`, ... */
  value: string;
  rule: string;
  inferred?: boolean;
}

export interface Quantity extends Span {
  value: number | null;
  low?: number;
  high?: number;
  unit: string | null;
  approx?: 'over' | 'under' | 'about' | 'at_least' | 'at_most' | 'up_to' | 'nearly';
  rule: string;
}

export type SourceKind = 'person' | 'institution' | 'outlet' | 'anonymous' | 'document';

export interface ClaimSource extends Span {
  kind: SourceKind;
  /** Canonical name of the source where it resolves to an entity. */
  canonical?: string;
  /** Relay chain, outermost first: "TASS news agency report citing the ministry" = [TASS, the ministry]. */
  via?: Array<{ text: string; kind: SourceKind; canonical?: string }>;
}

/**
 * A claim's normalised statement for cross-checking: who did what to whom, where, when, how many. Two
 * paraphrases of one fact ("dispatched over 10,000 troops" / "sent more than 10,000 soldiers") give matching
 * statements. `action` is a class of the typology documented in src/annotate/events.ts.
 */
export interface ClaimEvent {
  actor: string | null;
  action: string;
  /** The cue or verb the action class was read from ("dispatched"). */
  verb: string | null;
  target: string | null;
  place: string | null;
  /** TIMEX3 value of the time the statement is about, when it has one. */
  time: string | null;
  quantities: Array<{ value: number | null; low?: number; high?: number; unit: string | null; approx?: string }>;
  negated: boolean;
  rule: string;
}

export interface Claim extends Span {
  source: ClaimSource | null;
  cue: Span | null;
  content: { start: number; end: number };
  hedged: boolean;
  event?: ClaimEvent;
  rule: string;
}

export interface Annotations {
  entities: Entity[];
  times: TimeExpression[];
  quantities: Quantity[];
  claims: Claim[];
}

/** Options shared by the annotators: the reference date relative expressions resolve against. */
export interface AnnotateContext {
  /** `YYYY-MM-DD` or a full ISO date-time; null when unknown (relative dates then stay unresolved). */
  referenceDate: IsoDate | null;
}

// ---------------------------------------------------------------------------------------------------
// Articles as stored

export interface ArticleRecord {
  /** Content hash of the normalized main text plus url/outlet: the same document twice is one record. */
  id: string;
  input: string;
  url: string | null;
  article: ExtractedArticle;
  annotations: Annotations;
  /** When this record was ingested (ISO date-time with offset). */
  ingestedAt: IsoDate;
}

// ---------------------------------------------------------------------------------------------------
// Clustering

/** What the clusterer sees of an article. */
export interface ClusterInput {
  id: string;
  title?: string | null;
  text: string;
  published?: IsoDate | null;
  outlet?: string | null;
  /** Canonical entity names, when the article was annotated. */
  entities?: string[];
}

export interface AssignmentExplanation {
  score: number;
  /** Parts of the score, by feature name (`text`, `title`, `entities`, `time`). */
  parts: Record<string, number>;
  sharedTerms: string[];
  sharedEntities: string[];
  /** `joined` an existing story, or `opened` a new one. */
  decision: 'joined' | 'opened';
  /** The article this one copies (wire copy or near-duplicate), if any. */
  duplicateOf?: string;
  duplicateSimilarity?: number;
}

export interface Assignment {
  id: string;
  story: string;
  explanation: AssignmentExplanation;
}

// ---------------------------------------------------------------------------------------------------
// Stories and the cross-check (the contract's `story ID --json`)

export interface SourceRef {
  article: string;
  text: string;
  start: number;
  end: number;
}

export type ClaimStatus = 'corroborated' | 'single-source' | 'conflicting';

export interface StoryClaim {
  id: string;
  text: string;
  status: ClaimStatus;
  independent_sources: number;
  sources: SourceRef[];
  conflicts_with?: string[];
  /** Publisher families counted as independent for this claim. */
  publishers?: string[];
  /** The normalised statement the sources were aligned on (who did what to whom, where, when, how many). */
  statement?: ClaimStatement;
}

/** A story claim's statement: an action class of src/annotate/events.ts and its arguments, as story canonicals. */
export interface ClaimStatement {
  actor: string | null;
  action: string;
  target: string | null;
  place: string | null;
  /** TIMEX3 value of the time the statement is about, when it has one. */
  time: string | null;
  quantities: Array<{ text: string; low: number | null; high: number | null; unit: string }>;
  negated: boolean;
}

/** One source of a timeline entry: the time expression inside the sentence, its value and whether it was inferred. */
export interface TimelineMention extends SourceRef {
  value: string;
  inferred?: boolean;
  rule: string;
}

/** An article's reference date bounded from the rest of its story (it had no publish date). */
export interface InferredReferenceDate {
  value: IsoDate;
  earliest: IsoDate;
  latest: IsoDate;
  inferred: true;
  rule: string;
  /** The unresolved expressions of the article and the dated statements they were matched with. */
  anchors: Array<{ expression: SourceRef & { value: string }; anchor: SourceRef & { value: string } }>;
}

export interface ActorGraph {
  nodes: Array<{ id: string; label: string; type: EntityType | null }>;
  edges: Array<{
    actor: string;
    action: string;
    target: string;
    /** Source sentences stating the edge. */
    count: number;
    independent_sources: number;
    claims: string[];
    sources: SourceRef[];
  }>;
}

export interface StorySummary {
  id: string;
  title: string | null;
  articles: number;
  outlets: string[];
  first_seen: IsoDate | null;
  last_seen: IsoDate | null;
}

export interface StoryBrief {
  id: string;
  title: string | null;
  summary: Array<{ text: string; sources: SourceRef[] }>;
  articles: Array<{
    id: string;
    title: string | null;
    outlet: string | null;
    authors: string[];
    published: IsoDate | null;
    url: string | null;
    /** Set when this article is a copy (wire copy or duplicate) of another article in the story. */
    duplicate_of?: string;
    /** Publisher family the article counts as (its original's, its wire agency's for a wire story). */
    publisher?: string;
    /** Set when the article had no publish date and its reference date was bounded from the story. */
    reference_date?: InferredReferenceDate;
  }>;
  claims: StoryClaim[];
  entities: Array<{ canonical: string; type: EntityType; aliases: string[]; articles: number }>;
  timeline: Array<{
    value: string;
    text: string;
    sources: SourceRef[];
    inferred?: boolean;
    /** The time expression as written in the first source ("on Friday"). */
    expression?: string;
    /** The claim the dated sentence belongs to. */
    claim?: string;
    mentions?: TimelineMention[];
  }>;
  /** Claims that cannot all be true, grouped: why, and which claims. */
  conflicts?: Array<{ id: string; kind: 'number' | 'date' | 'negation' | 'actor'; detail: string; claims: string[] }>;
  /** Per publisher family, the claims only it reported. */
  exclusives?: Array<{ publisher: string; outlets: string[]; articles: string[]; claims: Array<{ id: string; text: string }> }>;
  /** Actor -> action -> target edges of the story's statements. */
  actor_graph?: ActorGraph;
}
