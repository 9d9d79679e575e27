/**
 * Writes through the server: pasted text or HTML, an uploaded file, or a URL fetched on request. Extract and
 * annotate are stateless and run as pages arrive; the clusterer is a single writer, so the clustering and
 * storing go through one writer loop that writes what has arrived in one batch. Each success is published to
 * the live-update streams.
 */
import type { ArticleRecord, RawDocument } from '../model.ts';
import { asPipelineError } from '../model.ts';
import { Ingestor, processDocument, type IngestOutcome } from '../pipeline.ts';
import { decodeText, sniffKind } from '../cli/inputs.ts';
import { fetchPage, type FetchOptions } from '../sources/fetch.ts';
import type { Store } from '../store/types.ts';
import type { EventHub } from './events.ts';

/** Records written in one transaction at most: a burst larger than this goes in several. */
const MAX_WRITE_BATCH = 64;

export interface IngestServiceOptions {
  /** Passed to URL fetches (allowPrivate for tests and intranets, limits). */
  fetch?: FetchOptions;
  /**
   * Extracts and annotates a document (by default processDocument, on this thread). The running server
   * hands it to a worker thread, so that ~30 ms of CPU per page do not stall the reads.
   */
  process?: (doc: RawDocument) => Promise<ArticleRecord>;
}

export class IngestService {
  private ingestor: Promise<Ingestor> | null = null;
  /** Processed records waiting for the single writer, with whoever waits for each outcome. */
  private readonly waiting: Array<{ doc: RawDocument; record: ArticleRecord; resolve: (outcome: IngestOutcome) => void }> = [];
  private writing = false;

  constructor(
    private readonly store: Store,
    private readonly hub: EventHub,
    private readonly options: IngestServiceOptions = {},
    /** Told the story each stored article went to (the brief refresher rebuilds it). */
    private readonly onStoryChanged: (storyId: string) => void = () => undefined,
  ) {}

  /** Fetches a URL and ingests the page. */
  async ingestUrl(url: string, fields: Pick<RawDocument, 'outlet' | 'published'> = {}): Promise<IngestOutcome> {
    try {
      const page = await fetchPage(url, this.options.fetch);
      if (page.status < 200 || page.status >= 300) {
        return { input: url, ok: false, error: { code: 'unreadable', message: `${page.url} answered HTTP ${page.status}` } };
      }
      const isText = /^text\/plain\b/i.test(page.contentType ?? '');
      const content = decodeText(page.body, page.url, isText ? 'text' : 'html', page.charset);
      return this.ingest({ input: url, kind: isText ? 'text' : sniffKind(content), content, url: page.url, ...fields });
    } catch (error) {
      const failure = asPipelineError(error);
      return { input: url, ok: false, error: { code: failure.code, message: failure.message } };
    }
  }

  /**
   * Loads the clusterer's state now rather than on the first write (on a large store it takes seconds);
   * a failure is left for that first write to report.
   */
  prepare(): Promise<void> {
    return this.openIngestor().then(
      () => undefined,
      () => undefined,
    );
  }

  private async openIngestor(): Promise<Ingestor> {
    this.ingestor ??= Ingestor.open(this.store);
    try {
      return await this.ingestor;
    } catch (error) {
      this.ingestor = null;
      throw error;
    }
  }

  /** Ingests one decoded document; never throws for bad input (the outcome says why it failed). */
  async ingest(doc: RawDocument): Promise<IngestOutcome> {
    let record: ArticleRecord;
    try {
      // Stateless, so outside the single-writer queue: pages are processed while earlier ones are stored.
      record = await (this.options.process ?? processInline)(doc);
    } catch (error) {
      const failure = asPipelineError(error);
      return { input: doc.input, ok: false, error: { code: failure.code, message: failure.message } };
    }
    return new Promise((resolve) => {
      this.waiting.push({ doc, record, resolve });
      if (!this.writing) void this.writeWaiting();
    });
  }

  /**
   * The single writer's loop (group commit): the records that arrived while the last batch was written go
   * together in the next one, one transaction for all, so that a burst of posts costs the event loop a few
   * statements rather than a few per page.
   */
  private async writeWaiting(): Promise<void> {
    this.writing = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, MAX_WRITE_BATCH);
        let outcomes: IngestOutcome[];
        try {
          const ingestor = await this.openIngestor();
          outcomes = await ingestor.ingestRecords(batch.map(({ doc, record }) => ({ record, input: doc.input })));
        } catch (error) {
          const failure = asPipelineError(error);
          outcomes = batch.map(({ doc }) => ({ input: doc.input, ok: false, error: { code: failure.code, message: failure.message } }));
        }
        // Live events go out before the answers, as they did when each post was written alone.
        await this.publish(outcomes);
        for (const [i, { resolve }] of batch.entries()) resolve(outcomes[i]);
      }
    } finally {
      this.writing = false;
    }
  }

  /** Tells the live-update streams and the brief refresher what the stored articles changed. */
  private async publish(outcomes: IngestOutcome[]): Promise<void> {
    const stories = new Set<string>();
    for (const outcome of outcomes) {
      if (!outcome.ok || outcome.duplicate) continue;
      this.onStoryChanged(outcome.story);
      this.hub.publish({ type: 'article', id: outcome.id, story: outcome.story, title: outcome.title, outlet: outcome.outlet });
      stories.add(outcome.story);
    }
    for (const id of stories) {
      const story = await this.store.getStorySummary(id).catch(() => null);
      if (story) this.hub.publish({ type: 'story', id: story.id, articles: story.articles, title: story.title });
    }
  }
}

async function processInline(doc: RawDocument): Promise<ArticleRecord> {
  return processDocument(doc);
}
