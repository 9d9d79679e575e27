/**
 * Cross-checks on a worker thread, so that building a large story's brief (hundreds of milliseconds) never
 * holds up the requests the server's main thread answers meanwhile. The main thread still reads the
 * articles from the store and hands them over; the thread builds the brief and returns its JSON text.
 */
import type { Worker } from 'node:worker_threads';
import type { StorySummary } from '../model.ts';
import type { StoredArticle } from '../store/types.ts';
import { startTsWorker } from '../util/ts-worker.ts';

export interface BriefRequest {
  id: number;
  summary: StorySummary;
  articles: StoredArticle[];
}

export type BriefReply = { id: number; ok: true; json: string } | { id: number; ok: false; message: string };

const ENTRY = new URL('./brief-thread-entry.ts', import.meta.url);

export class BriefThread {
  private worker: Worker | null = null;
  private readonly waiting = new Map<number, { resolve: (json: string) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  private closed = false;

  /** The brief's JSON text, built on the thread (started on first use, restarted if it dies). */
  build(summary: StorySummary, articles: StoredArticle[]): Promise<string> {
    if (this.closed) return Promise.reject(new Error('the brief thread is closed'));
    const worker = (this.worker ??= this.start());
    const id = this.nextId++;
    // Referenced while a brief is awaited, so the process waits for it; idle, it never holds the process.
    worker.ref();
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, summary, articles } satisfies BriefRequest);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
    this.failAll(new Error('the brief thread was closed'));
  }

  private start(): Worker {
    const worker = startTsWorker(ENTRY);
    worker.on('message', (reply: BriefReply) => {
      const waiting = this.waiting.get(reply.id);
      if (!waiting) return;
      this.waiting.delete(reply.id);
      if (this.waiting.size === 0) worker.unref();
      if (reply.ok) waiting.resolve(reply.json);
      else waiting.reject(new Error(`building a brief failed: ${reply.message}`));
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      this.failAll(new Error(`the brief thread stopped: ${error.message}`));
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!this.closed) fail(new Error(`exit code ${code}`));
    });
    return worker;
  }

  private failAll(error: Error): void {
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }
}
