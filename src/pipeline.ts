/**
 * The orchestrator. For each document, in this order:
 *   1. extract   (src/extract)   page -> ExtractedArticle: main text and metadata
 *   2. annotate  (src/annotate)  main text -> entities, times, quantities, claims, against the publish date
 *   3. cluster   (src/cluster)   the article joins a story or opens one, seeing only earlier articles
 *   4. store     (src/store)     article, annotations, assignment and clusterer state in one transaction
 * Steps 1-2 are pure (`processDocument`); steps 3-4 need the stream's state (`Ingestor`). The cross-check
 * (src/crosscheck) runs when a story is read, over the story's stored articles.
 */
import { createHash } from 'node:crypto';
import { extractArticle, type ExtractOptions } from './extract/index.ts';
import { annotate } from './annotate/index.ts';
import { StreamClusterer, type ClusterOptions } from './cluster/index.ts';
import { PipelineError, asPipelineError, type ArticleRecord, type ClusterInput, type RawDocument } from './model.ts';
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
 * Streams documents into a store. Holds the clusterer, restored from the store's saved state, so that
 * every new article is assigned seeing all the stored ones.
 */
export class Ingestor {
  private constructor(
    private readonly store: Store,
    private clusterer: StreamClusterer,
    private readonly options: PipelineOptions & { cluster?: Partial<ClusterOptions> },
  ) {}

  static async open(store: Store, options: PipelineOptions & { cluster?: Partial<ClusterOptions> } = {}): Promise<Ingestor> {
    const state = await store.loadClustererState();
    return new Ingestor(store, new StreamClusterer(state ?? undefined, options.cluster), options);
  }

  /** Ingests one document; never throws for bad input, only reports it. */
  async ingest(doc: RawDocument): Promise<IngestOutcome> {
    let record: ArticleRecord;
    try {
      record = processDocument(doc, this.options);
    } catch (err) {
      return failure(doc.input, err);
    }
    if (await this.store.hasArticle(record.id)) {
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
    const assignment = this.clusterer.assign(clusterInputOf(record));
    try {
      const saved = await this.store.saveArticle(record, assignment, this.clusterer.snapshot());
      return { input: doc.input, ok: true, id: record.id, story: assignment.story, duplicate: !saved, title: record.article.title, outlet: record.article.outlet };
    } catch (err) {
      // The transaction rolled back: the in-memory clusterer saw an article the store did not keep, so it
      // goes back to the stored state.
      const state = await this.store.loadClustererState();
      this.clusterer = new StreamClusterer(state ?? undefined, this.options.cluster);
      return failure(doc.input, err);
    }
  }
}

function failure(input: string, err: unknown): IngestOutcome {
  const error = asPipelineError(err);
  return { input, ok: false, error: { code: error.code, message: error.message } };
}
