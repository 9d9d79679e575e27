/**
 * The orchestrator. For each document, in this order:
 *   1. extract   (src/extract)   page -> ExtractedArticle: main text and metadata
 *   2. annotate  (src/annotate)  main text -> entities, times, quantities, claims, against the publish date
 *   3. cluster   (src/cluster)   the article joins a story or opens one, seeing only earlier articles
 *   4. store     (src/store)     article, annotations, assignment and the clusterer rows this article changed,
 *                                in one transaction
 * Steps 1-2 are pure (`processDocument`); steps 3-4 need the stream's state (`Ingestor`). The cross-check
 * (src/crosscheck) runs when a story is read, over the story's stored articles.
 */
import { createHash } from 'node:crypto';
import { extractArticle, type ExtractOptions } from './extract/index.ts';
import { annotate } from './annotate/index.ts';
import { StreamClusterer, type ClusterOptions } from './cluster/index.ts';
import { PipelineError, asPipelineError, type ArticleRecord, type Assignment, type ClusterInput, type RawDocument } from './model.ts';
import { StaleClustererState, type Store } from './store/types.ts';
import { dayOf } from './util/dates.ts';

export interface PipelineOptions {
  extract?: ExtractOptions;
  /** Reference date for relative expressions when the page gives no publish date. */
  referenceDate?: string | null;
  /** Clock for `ingestedAt`; injectable so tests are deterministic. */
  now?: () => Date;
}

/**
 * The content hash that keys a document: the same page bytes (after decoding, with line endings and
 * trailing white space normalised) from the same URL and outlet are the same document.
 */
export function documentId(doc: RawDocument): string {
  const normalized = doc.content.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').trim();
  const hash = createHash('sha256');
  hash.update(doc.kind).update('\0').update(doc.url ?? '').update('\0').update(doc.outlet ?? '').update('\0').update(normalized);
  return hash.digest('hex').slice(0, 20);
}

/** Extracts and annotates one document. Throws PipelineError with a specific code on bad input. */
export function processDocument(doc: RawDocument, options: PipelineOptions = {}): ArticleRecord {
  const article = extractArticle(doc, options.extract);
  if (!article.text.trim()) throw new PipelineError('no_content', `${doc.input}: no article text found`);
  const referenceDate = dayOf(article.published) ?? dayOf(doc.published) ?? options.referenceDate ?? null;
  const annotations = annotate(article.text, { referenceDate });
  return {
    id: documentId(doc),
    input: doc.input,
    url: article.url ?? doc.url ?? null,
    article,
    annotations,
    ingestedAt: (options.now?.() ?? new Date()).toISOString(),
  };
}

/** A small fictional page in both input forms, to load the models and lazy tables before real work. */
const WARM_UP_PARAGRAPH =
  'The Harlow county council said on Tuesday that it would reopen the Dunmere bridge to traffic next week, ' +
  'after repairs that cost more than 2 million crowns, according to the council\'s engineer, Mara Velk.';
const WARM_UP_PAGES: RawDocument[] = [
  {
    input: 'warm-up.html',
    kind: 'html',
    content: `<html lang="en"><head><title>Dunmere bridge to reopen</title></head><body><article><h1>Dunmere bridge to reopen</h1><p>${WARM_UP_PARAGRAPH}</p><p>${WARM_UP_PARAGRAPH}</p></article></body></html>`,
  },
  { input: 'warm-up.txt', kind: 'text', content: `Dunmere bridge to reopen\n\n${WARM_UP_PARAGRAPH}\n\n${WARM_UP_PARAGRAPH}\n` },
];

/**
 * Runs the pipeline once on built-in pages without a time budget, so that the first real document of a
 * fresh process or thread is not charged for loading the models (under load that alone can pass the
 * per-document budget).
 */
export function warmUpPipeline(): void {
  for (const page of WARM_UP_PAGES) {
    try {
      processDocument(page, { extract: { timeBudgetMs: Number.POSITIVE_INFINITY } });
    } catch {
      // A warm-up failure changes nothing: the real documents report their own errors.
    }
  }
}

/** What the clusterer sees of a stored article. */
export function clusterInputOf(record: ArticleRecord): ClusterInput {
  return {
    id: record.id,
    title: record.article.title,
    text: record.article.text,
    // No fallback to the ingest time: a page without a date must not look months away from its story.
    published: record.article.published,
    outlet: record.article.outlet,
    entities: [...new Set(record.annotations.entities.map((e) => e.canonical))],
  };
}

/**
 * Tries of one article whose save found the store's clusterer rows moved on (another writer): each try
 * reloads the state first, so more than one is needed only while another writer keeps storing.
 */
const STALE_STATE_ATTEMPTS = 3;

export type IngestOutcome =
  | { input: string; ok: true; id: string; story: string; duplicate: boolean; title: string | null; outlet: string | null }
  | { input: string; ok: false; error: { code: string; message: string } };

/**
 * Streams documents into a store. Holds the clusterer, restored from the store's hot rows (recent events and
 * stories, document frequencies), so that every new article is assigned seeing all the stored ones; a late
 * article's cold candidates are fetched from the store before it is assigned. Each article's transaction
 * writes only the clusterer rows it changed, so a crash leaves nothing half-stored and a restart continues
 * with the same assignments.
 */
export class Ingestor {
  private constructor(
    private readonly store: Store,
    private clusterer: StreamClusterer,
    private readonly options: PipelineOptions & { cluster?: Partial<ClusterOptions> },
  ) {}

  static async open(store: Store, options: PipelineOptions & { cluster?: Partial<ClusterOptions> } = {}): Promise<Ingestor> {
    return new Ingestor(store, await Ingestor.restore(store, options.cluster), options);
  }

  /** The clusterer as the store left it: its hot rows, chosen by the options the stream runs with. */
  private static async restore(store: Store, cluster: Partial<ClusterOptions> | undefined): Promise<StreamClusterer> {
    let selection = new StreamClusterer(undefined, cluster).hotSelection();
    for (;;) {
      const state = await store.loadClustererState(selection);
      const clusterer = new StreamClusterer(state ?? undefined, cluster, { trackChanges: true });
      const wanted = clusterer.hotSelection();
      // Options saved with the stream may widen what is hot: load again with them.
      if (JSON.stringify(wanted) === JSON.stringify(selection)) return clusterer;
      selection = wanted;
    }
  }

  /** Bumped whenever the clusterer goes back to the stored state: a batch clustered before is stale. */
  private generation = 0;
  /** The batch pushBatch is writing. */
  private inFlight: WriteInFlight | null = null;
  /** Set by a batch that held stored ids: pushBatch looks the next batch's ids up before clustering it. */
  private lookUpIds = false;

  /** The clusterer as the store holds it, after work it did not keep. */
  private async restoreClusterer(): Promise<void> {
    this.generation++;
    this.clusterer = await Ingestor.restore(this.store, this.options.cluster);
  }

  /** Size (JSON bytes) of the clusterer changes the last article wrote: stays small as the store grows. */
  lastDeltaBytes = 0;

  /** What the clusterer holds in memory. */
  get clustererStats(): ReturnType<StreamClusterer['stats']> {
    return this.clusterer.stats();
  }

  /** Ingests one document; never throws for bad input, only reports it. */
  async ingest(doc: RawDocument): Promise<IngestOutcome> {
    let record: ArticleRecord;
    try {
      record = processDocument(doc, this.options);
    } catch (err) {
      return failure(doc.input, err);
    }
    return this.ingestRecord(record, doc);
  }

  /**
   * Clusters and stores an article already extracted and annotated (steps 3-4). `doc` names the input in
   * the outcome; by default the record's own `input`.
   */
  async ingestRecord(record: ArticleRecord, doc: Pick<RawDocument, 'input'> = { input: record.input }): Promise<IngestOutcome> {
    for (let attempt = 1; ; attempt++) {
      if (await this.store.hasArticle(record.id)) return this.alreadyStored(doc, record);
      const input = clusterInputOf(record);
      let assignment: Assignment;
      let changes: unknown;
      try {
        const cold = this.clusterer.coldQuery(input);
        if (cold && this.store.findClusterEvents) this.clusterer.admit(await this.store.findClusterEvents(cold));
        assignment = this.clusterer.assign(input);
        changes = this.clusterer.takeChanges();
        this.lastDeltaBytes = JSON.stringify(changes).length;
      } catch (err) {
        await this.restoreClusterer();
        return failure(doc.input, err);
      }
      try {
        const saved = await this.store.saveArticle(record, assignment, changes);
        if (!saved) {
          // Stored meanwhile by another writer: this clusterer counted it once too often.
          await this.restoreClusterer();
          return this.alreadyStored(doc, record);
        }
        return { input: doc.input, ok: true, id: record.id, story: assignment.story, duplicate: false, title: record.article.title, outlet: record.article.outlet };
      } catch (err) {
        // The transaction rolled back: the in-memory clusterer saw an article the store did not keep, so it
        // goes back to the stored state. When another writer stored articles since this clusterer loaded,
        // the article is assigned again on the state that writer left.
        await this.restoreClusterer();
        if (err instanceof StaleClustererState && attempt < STALE_STATE_ATTEMPTS) continue;
        return failure(doc.input, err);
      }
    }
  }

  /**
   * ingestRecord for consecutive articles, with the same outcomes and the same stored result, written in
   * one transaction of set-based statements (store.saveArticleBatch): the writer's cost per article is mostly
   * the statements, not the clustering. Ids stored already, or twice in the batch, are duplicates. When the
   * store has no batch write, or the batch fails (a concurrent writer stored one of its ids, a database
   * error), the clusterer goes back to the stored state and the articles go one by one.
   */
  async ingestRecords(items: BatchItem[]): Promise<IngestOutcome[]> {
    const store = this.store;
    if (!store.saveArticleBatch || !store.storedArticleIds || items.length < 2) return this.ingestOneByOne(items);
    const plan = newPlan(items);
    try {
      await this.clusterBatch(plan, await store.storedArticleIds(items.map(({ record }) => record.id)), new Map(), async () => undefined);
      if (!(await this.writePlan(plan))) throw new Error('an article of the batch was stored meanwhile');
    } catch {
      return this.redoAfterFailure(plan);
    }
    return this.outcomesOf(items, plan.outcomes, plan.assigned);
  }

  /**
   * ingestRecords for a writer whose store works on another thread (PGlite on its own, a server): each
   * batch is clustered while the one before it is written, so the store and this thread work at once.
   * Call it with consecutive batches, then `drainBatches()`; each call returns the outcomes of the batches
   * it finished (the one before, usually), in order. The stored result and the outcomes are those of
   * ingestRecords on the same batches.
   *
   * While one batch is written, the ids of the next are not looked up (that read would wait behind the
   * write): they are checked by the write itself. A batch holding a stored id rolls back and goes the way a
   * failed ingestRecords goes, and the batches after it look their ids up first until one has none stored.
   */
  async pushBatch(items: BatchItem[]): Promise<IngestOutcome[]> {
    const store = this.store;
    const finished: IngestOutcome[] = [];
    const previous = this.inFlight;
    this.inFlight = null;
    let previousSettled = previous === null;
    const settlePrevious = async () => {
      if (previousSettled) return;
      previousSettled = true;
      const generation = this.generation;
      finished.push(...(await this.settleWrite(previous!)));
      if (this.generation !== generation) throw new StalePlan();
    };
    if (!store.saveArticleBatch || items.length < 2 || this.lookUpIds) {
      await settlePrevious().catch(ignoreStalePlan);
      const outcomes = await this.ingestRecords(items);
      // A batch with nothing stored before: the next ones need not look their ids up first.
      this.lookUpIds = outcomes.some((outcome) => outcome.ok && outcome.duplicate);
      finished.push(...outcomes);
      return finished;
    }
    const plan = newPlan(items);
    const generation = this.generation;
    let failed = false;
    try {
      await this.clusterBatch(plan, new Set(), previous ? storyOfAssigned(previous.plan) : new Map(), settlePrevious);
    } catch (error) {
      failed = !(error instanceof StalePlan);
    }
    await settlePrevious().catch(ignoreStalePlan);
    if (failed || this.generation !== generation) {
      // Clustered on a state the store did not keep (the batch before failed) or cut short: the part
      // written stays, the rest goes the checked way.
      if (failed) await this.restoreClusterer();
      finished.push(...this.outcomesOf(items, plan.outcomes.slice(0, plan.committed), plan.assigned));
      finished.push(...(await this.ingestRecords(items.slice(plan.committed))));
      return finished;
    }
    this.inFlight = { plan, written: this.writePlan(plan).catch(() => false) };
    return finished;
  }

  /** Finishes the batch pushBatch left in flight; returns its outcomes. */
  async drainBatches(): Promise<IngestOutcome[]> {
    const last = this.inFlight;
    this.inFlight = null;
    return last ? this.settleWrite(last) : [];
  }

  /** The outcomes of a batch once its write settles; a failed write is redone one by one. */
  private async settleWrite({ plan, written }: WriteInFlight): Promise<IngestOutcome[]> {
    if (await written) return this.outcomesOf(plan.items, plan.outcomes, plan.assigned);
    this.lookUpIds = true;
    return this.redoAfterFailure(plan);
  }

  /**
   * Assigns the articles of `plan` in order, leaving their rows to write in the plan. `stored` ids and ids
   * seen earlier (in the batch, or `earlier`: the batch in flight) are duplicates. A late article needs its
   * cold candidates from the store, which must first hold what memory holds: `beforeStoreRead` settles what
   * is in flight, then the plan's rows so far are written.
   */
  private async clusterBatch(
    plan: BatchPlan,
    stored: Set<string>,
    earlier: Map<string, string>,
    beforeStoreRead: () => Promise<void>,
  ): Promise<void> {
    const store = this.store;
    const batchStory = new Map<string, string>();
    for (const { record, input = record.input } of plan.items) {
      if (stored.has(record.id)) {
        plan.outcomes.push(await this.alreadyStored({ input }, record));
        continue;
      }
      const story = batchStory.get(record.id) ?? earlier.get(record.id);
      if (story !== undefined) {
        plan.outcomes.push({ input, ok: true, id: record.id, story, duplicate: true, title: record.article.title, outlet: record.article.outlet });
        continue;
      }
      const clusterInput = clusterInputOf(record);
      const cold = this.clusterer.coldQuery(clusterInput);
      if (cold && store.findClusterEvents) {
        // Rows this batch changed (a story merged away, an event evicted) would come back in their older
        // stored form.
        await beforeStoreRead();
        if (!(await this.writePlan(plan))) throw new Error('an article of the batch was stored meanwhile');
        this.clusterer.admit(await store.findClusterEvents(cold));
      }
      const assignment = this.clusterer.assign(clusterInput);
      plan.deltas.push(this.clusterer.takeChanges());
      plan.fresh.push({ record, assignment });
      plan.assigned.push({ record, assignment });
      batchStory.set(record.id, assignment.story);
      plan.outcomes.push(null);
    }
  }

  /** Writes the plan's unwritten rows in one transaction; false when one of its ids was stored meanwhile. */
  private async writePlan(plan: BatchPlan): Promise<boolean> {
    if (plan.fresh.length > 0 && !(await this.store.saveArticleBatch!(plan.fresh, plan.deltas))) return false;
    plan.fresh = [];
    plan.deltas = [];
    plan.committed = plan.outcomes.length;
    return true;
  }

  /** After a failed batch write: the clusterer goes back to the stored state, the unwritten articles one by one. */
  private async redoAfterFailure(plan: BatchPlan): Promise<IngestOutcome[]> {
    await this.restoreClusterer();
    const written = this.outcomesOf(plan.items, plan.outcomes.slice(0, plan.committed), plan.assigned);
    return [...written, ...(await this.ingestOneByOne(plan.items.slice(plan.committed)))];
  }

  /** Outcomes of a batch: the known ones (duplicates) as they are, `null`s filled from `assigned` in order. */
  private outcomesOf(
    items: BatchItem[],
    outcomes: Array<IngestOutcome | null>,
    assigned: Array<{ record: ArticleRecord; assignment: Assignment }>,
  ): IngestOutcome[] {
    let next = 0;
    return outcomes.map((outcome, i) => {
      if (outcome) return outcome;
      const { record, assignment } = assigned[next++];
      return { input: items[i].input ?? record.input, ok: true, id: record.id, story: assignment.story, duplicate: false, title: record.article.title, outlet: record.article.outlet };
    });
  }

  private async ingestOneByOne(items: BatchItem[]): Promise<IngestOutcome[]> {
    const outcomes: IngestOutcome[] = [];
    for (const { record, input } of items) outcomes.push(await this.ingestRecord(record, { input: input ?? record.input }));
    return outcomes;
  }

  private async alreadyStored(doc: Pick<RawDocument, 'input'>, record: ArticleRecord): Promise<IngestOutcome> {
    const stored = await this.store.getArticle(record.id);
    return {
      input: doc.input,
      ok: true,
      id: record.id,
      story: stored?.assignment.story ?? '',
      duplicate: true,
      title: record.article.title,
      outlet: record.article.outlet,
    };
  }
}

/** An article for the batch methods; `input` names it in the outcome (by default the record's own). */
export interface BatchItem {
  record: ArticleRecord;
  input?: string;
}

/** A batch on its way: outcomes known so far, the assigned articles, and the rows not yet written. */
interface BatchPlan {
  items: BatchItem[];
  /** One per item handled so far: duplicates in place, null for an assigned article (in `assigned` order). */
  outcomes: Array<IngestOutcome | null>;
  assigned: Array<{ record: ArticleRecord; assignment: Assignment }>;
  fresh: Array<{ record: ArticleRecord; assignment: Assignment }>;
  /** The clusterer changes of the `fresh` articles. */
  deltas: unknown[];
  /** Items before this index are written (or duplicates): a failure after it leaves them as they are. */
  committed: number;
}

interface WriteInFlight {
  plan: BatchPlan;
  /** Settles to whether the batch was stored; never rejects. */
  written: Promise<boolean>;
}

function newPlan(items: BatchItem[]): BatchPlan {
  return { items, outcomes: [], assigned: [], fresh: [], deltas: [], committed: 0 };
}

function storyOfAssigned(plan: BatchPlan): Map<string, string> {
  return new Map(plan.assigned.map(({ record, assignment }) => [record.id, assignment.story]));
}

/** Thrown into a batch's clustering when the batch before it failed: what it clustered is stale. */
class StalePlan extends Error {}

function ignoreStalePlan(error: unknown): void {
  if (!(error instanceof StalePlan)) throw error;
}

function failure(input: string, err: unknown): IngestOutcome {
  const error = asPipelineError(err);
  return { input, ok: false, error: { code: error.code, message: error.message } };
}
