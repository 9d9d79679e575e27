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
import type { Store } from './store/types.ts';
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
      this.clusterer = await Ingestor.restore(this.store, this.options.cluster);
      return failure(doc.input, err);
    }
    try {
      const saved = await this.store.saveArticle(record, assignment, changes);
      if (!saved) {
        // Stored meanwhile by another writer: this clusterer counted it once too often.
        this.clusterer = await Ingestor.restore(this.store, this.options.cluster);
        return this.alreadyStored(doc, record);
      }
      return { input: doc.input, ok: true, id: record.id, story: assignment.story, duplicate: false, title: record.article.title, outlet: record.article.outlet };
    } catch (err) {
      // The transaction rolled back: the in-memory clusterer saw an article the store did not keep, so it
      // goes back to the stored state.
      this.clusterer = await Ingestor.restore(this.store, this.options.cluster);
      return failure(doc.input, err);
    }
  }

  /**
   * ingestRecord for consecutive articles, with the same outcomes and the same stored result, written in
   * one transaction of set-based statements (store.saveArticleBatch): the writer's cost per article is mostly
   * the statements, not the clustering. Ids stored already, or twice in the batch, are duplicates. When the
   * store has no batch write, or the batch fails (a concurrent writer stored one of its ids, a database
   * error), the clusterer goes back to the stored state and the articles go one by one.
   */
  async ingestRecords(items: Array<{ record: ArticleRecord; input?: string }>): Promise<IngestOutcome[]> {
    const store = this.store;
    if (!store.saveArticleBatch || !store.storedArticleIds || items.length < 2) return this.ingestOneByOne(items);
    const stored = await store.storedArticleIds(items.map(({ record }) => record.id));
    const outcomes: Array<IngestOutcome | null> = [];
    const assigned: Array<{ record: ArticleRecord; assignment: Assignment }> = [];
    let fresh: Array<{ record: ArticleRecord; assignment: Assignment }> = [];
    let deltas: unknown[] = [];
    const batchStory = new Map<string, string>();
    /** Items before this index are written (or duplicates): a failure after it leaves them as they are. */
    let committed = 0;
    const flush = async () => {
      if (fresh.length > 0 && !(await store.saveArticleBatch!(fresh, deltas))) throw new Error('an article of the batch was stored meanwhile');
      fresh = [];
      deltas = [];
      committed = outcomes.length;
    };
    try {
      for (const { record, input = record.input } of items) {
        if (stored.has(record.id)) {
          outcomes.push(await this.alreadyStored({ input }, record));
          continue;
        }
        const earlier = batchStory.get(record.id);
        if (earlier !== undefined) {
          outcomes.push({ input, ok: true, id: record.id, story: earlier, duplicate: true, title: record.article.title, outlet: record.article.outlet });
          continue;
        }
        const clusterInput = clusterInputOf(record);
        const cold = this.clusterer.coldQuery(clusterInput);
        if (cold && store.findClusterEvents) {
          // The store must hold what memory holds before cold rows come back from it: rows this batch
          // changed (a story merged away, an event evicted) would return in their older stored form.
          await flush();
          this.clusterer.admit(await store.findClusterEvents(cold));
        }
        const assignment = this.clusterer.assign(clusterInput);
        deltas.push(this.clusterer.takeChanges());
        fresh.push({ record, assignment });
        assigned.push({ record, assignment });
        batchStory.set(record.id, assignment.story);
        outcomes.push(null);
      }
      await flush();
    } catch {
      this.clusterer = await Ingestor.restore(store, this.options.cluster);
      return [...this.outcomesOf(items, outcomes.slice(0, committed), assigned), ...(await this.ingestOneByOne(items.slice(committed)))];
    }
    return this.outcomesOf(items, outcomes, assigned);
  }

  /** Outcomes of a batch: the known ones (duplicates) as they are, `null`s filled from `assigned` in order. */
  private outcomesOf(
    items: Array<{ record: ArticleRecord; input?: string }>,
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

  private async ingestOneByOne(items: Array<{ record: ArticleRecord; input?: string }>): Promise<IngestOutcome[]> {
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

function failure(input: string, err: unknown): IngestOutcome {
  const error = asPipelineError(err);
  return { input, ok: false, error: { code: error.code, message: error.message } };
}
