/**
 * A pool of worker threads running processDocument, for the embedded store (one process) and for the
 * server's ingests. Threads start through startTsWorker (the sources are TypeScript).
 */
import type { Worker } from 'node:worker_threads';
import { startTsWorker } from '../util/ts-worker.ts';
import { PipelineError, type ArticleRecord, type ErrorCode, type RawDocument } from '../model.ts';
import type { ExtractOptions } from '../extract/index.ts';

export interface ThreadRequest {
  id: number;
  doc: RawDocument;
}

/** What each thread receives at start (plain data: it crosses the thread boundary by structured clone). */
export interface ThreadSettings {
  extract?: ExtractOptions;
}

export type ThreadReply = { id: number; ok: true; record: ArticleRecord } | { id: number; ok: false; error: { code: string; message: string } };

const THREAD_ENTRY = new URL('./process-thread.ts', import.meta.url);

interface Slot {
  worker: Worker;
  /** Requests sent to this thread and not answered yet. */
  outstanding: Map<number, { resolve: (record: ArticleRecord) => void; reject: (error: Error) => void }>;
}

export class ProcessThreadPool {
  private readonly slots: Slot[] = [];
  private nextId = 0;
  private closed = false;

  constructor(
    readonly size: number,
    private readonly settings: ThreadSettings = {},
  ) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`threads must be a whole number >= 1, got ${size}`);
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const slot: Slot = { worker: startTsWorker(THREAD_ENTRY, this.settings), outstanding: new Map() };
    slot.worker.on('message', (reply: ThreadReply) => {
      const waiting = slot.outstanding.get(reply.id);
      if (!waiting) return;
      slot.outstanding.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.record);
      else waiting.reject(new PipelineError(reply.error.code as ErrorCode, reply.error.message));
    });
    const fail = (error: Error) => {
      // The documents in hand fail as internal errors; a fresh thread takes the place of the dead one.
      for (const waiting of slot.outstanding.values()) waiting.reject(new PipelineError('internal', `internal error: worker thread failed: ${error.message}`));
      slot.outstanding.clear();
      if (this.closed) return;
      const index = this.slots.indexOf(slot);
      if (index >= 0) this.slots[index] = this.spawn();
    };
    slot.worker.on('error', fail);
    slot.worker.on('exit', (code) => {
      if (!this.closed) fail(new Error(`exited with code ${code}`));
    });
    return slot;
  }

  /** Extracts and annotates `doc` on the least busy thread; rejects with the PipelineError the thread raised. */
  process(doc: RawDocument): Promise<ArticleRecord> {
    if (this.closed) return Promise.reject(new Error('the thread pool is closed'));
    let slot = this.slots[0];
    for (const candidate of this.slots) if (candidate.outstanding.size < slot.outstanding.size) slot = candidate;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      slot.outstanding.set(id, { resolve, reject });
      const request: ThreadRequest = { id, doc };
      slot.worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }
}
