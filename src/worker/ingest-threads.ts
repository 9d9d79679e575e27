/**
 * `crosscheck ingest --workers N` on any store, made for the embedded one (a single process): N worker
 * threads extract and annotate, while the main thread clusters and saves in input order, so the stories are
 * the ones a sequential ingest of the same documents makes. The main thread writes WRITE_BATCH articles at a
 * time in one transaction while each thread keeps THREAD_QUEUE_DEPTH documents in hand, bounding memory.
 */
import { Ingestor, type IngestOutcome } from '../pipeline.ts';
import { asPipelineError, type ArticleRecord } from '../model.ts';
import type { Store } from '../store/types.ts';
import type { DocumentItem } from '../cli/documents.ts';
import { THREAD_QUEUE_DEPTH, WRITE_BATCH } from './constants.ts';
import { ProcessThreadPool } from './thread-pool.ts';
import type { ExtractOptions } from '../extract/index.ts';

/** Where outcome lines go: NdjsonWriter fits. */
export interface OutcomeSink {
  write(line: IngestOutcome | { input: string; ok: false; error: { code: string; message: string } }): void;
}

export interface IngestTotals {
  stored: number;
  duplicates: number;
  failed: number;
}

export interface ThreadIngestOptions {
  /** Extraction options of every thread (the time budget). */
  extract?: ExtractOptions;
  /** Called after each document's line is written (a progress bar's tick). */
  onDocument?: (totals: IngestTotals) => void;
}

type Pending = { input: string; result: Promise<ArticleRecord> } | { input: string; error: { code: string; message: string } };

/**
 * Ingests `docs` into `store` with `workers` threads for extract + annotate; one line per document goes to
 * `out`, in input order. Returns the totals (the caller prints them and picks the exit code).
 */
export async function ingestWithWorkers(
  store: Store,
  docs: AsyncIterable<DocumentItem> | Iterable<DocumentItem>,
  workers: number,
  out: OutcomeSink,
  options: ThreadIngestOptions = {},
): Promise<IngestTotals> {
  const pool = new ProcessThreadPool(workers, { extract: options.extract });
  const totals: IngestTotals = { stored: 0, duplicates: 0, failed: 0 };
  const window: Pending[] = [];
  try {
    const ingestor = await Ingestor.open(store);
    const report = (outcome: IngestOutcome) => {
      if (!outcome.ok) totals.failed++;
      else if (outcome.duplicate) totals.duplicates++;
      else totals.stored++;
      out.write(outcome);
      options.onDocument?.(totals);
    };
    /** Writes the oldest documents (up to WRITE_BATCH, once their threads are done) in one batch transaction. */
    const writeOldest = async () => {
      const group = window.splice(0, WRITE_BATCH);
      const records: Array<{ record: ArticleRecord; input: string }> = [];
      const outcomes: Array<IngestOutcome | null> = [];
      for (const item of group) {
        if ('error' in item) {
          outcomes.push({ input: item.input, ok: false, error: item.error });
          continue;
        }
        try {
          records.push({ record: await item.result, input: item.input });
          outcomes.push(null);
        } catch (err) {
          const error = asPipelineError(err);
          outcomes.push({ input: item.input, ok: false, error: { code: error.code, message: error.message } });
        }
      }
      const stored = await ingestor.ingestRecords(records);
      let next = 0;
      for (const outcome of outcomes) report(outcome ?? stored[next++]);
    };
    for await (const item of docs) {
      if ('error' in item) {
        window.push({ input: item.input, error: { code: item.error.code, message: item.error.message } });
      } else {
        const result = pool.process(item.doc);
        // Settled later, in order; until then a rejection must not count as unhandled.
        result.catch(() => undefined);
        window.push({ input: item.doc.input, result });
      }
      // The threads keep THREAD_QUEUE_DEPTH documents each in hand while the oldest batch is written.
      while (window.length >= workers * THREAD_QUEUE_DEPTH + WRITE_BATCH) await writeOldest();
    }
    while (window.length > 0) await writeOldest();
  } finally {
    await pool.close();
  }
  return totals;
}
