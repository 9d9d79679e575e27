/**
 * `crosscheck ingest --workers N` on any store, made for the embedded one (a single process): N worker
 * threads extract and annotate, while the main thread clusters and saves in input order, so the stories are
 * the ones a sequential ingest of the same documents makes. The main thread writes WRITE_BATCH articles at a
 * time in one transaction, clustering the next batch while the store writes one (on its own thread for the
 * embedded store: `ingest --workers` opens it so), and each thread keeps THREAD_QUEUE_DEPTH documents in
 * hand, bounding memory.
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
  /** Articles per write transaction (WRITE_BATCH); tests make it small to cross batch edges. */
  batchSize?: number;
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
  const batchSize = options.batchSize ?? WRITE_BATCH;
  const pool = new ProcessThreadPool(workers, { extract: options.extract });
  const totals: IngestTotals = { stored: 0, duplicates: 0, failed: 0 };
  const window: Pending[] = [];
  /** Batches handed to the ingestor whose lines are not written yet, oldest first (lines go out in order). */
  const unreported: Array<{ outcomes: Array<IngestOutcome | null>; missing: number }> = [];
  const report = (outcome: IngestOutcome) => {
    if (!outcome.ok) totals.failed++;
    else if (outcome.duplicate) totals.duplicates++;
    else totals.stored++;
    out.write(outcome);
    options.onDocument?.(totals);
  };
  /** Fills the oldest batches' gaps with the stored articles' outcomes, and writes the lines of whole batches. */
  const settle = (stored: IngestOutcome[]) => {
    let next = 0;
    for (const batch of unreported) {
      for (let i = 0; i < batch.outcomes.length && batch.missing > 0 && next < stored.length; i++) {
        if (batch.outcomes[i] === null) {
          batch.outcomes[i] = stored[next++];
          batch.missing--;
        }
      }
      if (next === stored.length) break;
    }
    while (unreported.length > 0 && unreported[0].missing === 0) for (const outcome of unreported.shift()!.outcomes) report(outcome!);
  };
  let ingestor: Ingestor | null = null;
  try {
    ingestor = await Ingestor.open(store);
    const active = ingestor;
    /**
     * Hands the oldest documents (up to batchSize, once their threads are done) to the ingestor, which
     * clusters them while it writes the batch before (pushBatch).
     */
    const writeOldest = async () => {
      const group = window.splice(0, batchSize);
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
      unreported.push({ outcomes, missing: records.length });
      settle(await active.pushBatch(records));
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
      // The threads keep THREAD_QUEUE_DEPTH documents each in hand while the oldest batch is clustered.
      while (window.length >= workers * THREAD_QUEUE_DEPTH + batchSize) await writeOldest();
    }
    while (window.length > 0) await writeOldest();
  } finally {
    // The batch in flight is stored (or redone) whatever stopped the loop: its lines go out too.
    if (ingestor) settle(await ingestor.drainBatches());
    await pool.close();
  }
  return totals;
}
