/**
 * The embedded store's PGlite on a worker thread. PGlite runs each statement synchronously on the thread that
 * owns it, so in a server every query holds up every request meanwhile: under read load with ingest, the
 * event loop spent ~40% of its time inside PGlite and answers queued behind statements. Here the main thread
 * only sends statements and receives rows, and keeps answering requests while the store works.
 *
 * The same SqlDatabase interface as openPgliteDatabase; rows and parameters cross by structured clone.
 */
import type { Worker } from 'node:worker_threads';
import type { SqlClient, SqlDatabase, SqlParam } from './sql.ts';
import { startTsWorker } from '../util/ts-worker.ts';

const ENTRY = new URL('./pglite-thread-entry.ts', import.meta.url);

export interface ThreadStart {
  dataDir: string | undefined;
}

export type ThreadRequest =
  | { id: number; op: 'query'; sql: string; params: SqlParam[]; tx?: number }
  | { id: number; op: 'exec'; sql: string; tx?: number }
  | { id: number; op: 'begin' }
  | { id: number; op: 'end'; tx: number; commit: boolean }
  | { id: number; op: 'close' };

export type ThreadReply =
  | { id: number; ok: true; rows?: unknown }
  | { id: number; ok: false; error: { name: string; message: string; fields: Record<string, unknown> } };

/** Distributes a request without its id, so that the union stays a union. */
type RequestBody = ThreadRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

class StoreThread {
  private readonly waiting = new Map<number, { resolve: (rows: unknown) => void; reject: (error: Error) => void }>();
  /** Request 0 is the start-up: its reply says whether PGlite opened. */
  private nextId = 1;
  private stopped: Error | null = null;

  constructor(private readonly worker: Worker) {
    worker.on('message', (reply: ThreadReply) => this.settle(reply));
    worker.on('error', (error) => this.stop(new Error(`the store thread failed: ${error.message}`, { cause: error })));
    worker.on('exit', (code) => this.stop(new Error(`the store thread exited (code ${code})`)));
  }

  /** Resolves when PGlite has opened on the thread (or rejects with its error). */
  ready(): Promise<void> {
    return new Promise((resolve, reject) => this.waiting.set(0, { resolve: () => resolve(), reject }));
  }

  send(request: RequestBody): Promise<unknown> {
    return this.sendAs(this.nextId++, request);
  }

  /** Opens a transaction; its id is the id of the request that began it. */
  async begin(): Promise<number> {
    const id = this.nextId++;
    await this.sendAs(id, { op: 'begin' });
    return id;
  }

  private sendAs(id: number, request: RequestBody): Promise<unknown> {
    if (this.stopped) return Promise.reject(this.stopped);
    // Referenced only while something is awaited: an idle store never keeps the process alive (as in-thread PGlite).
    if (this.waiting.size === 0) this.worker.ref();
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id } as ThreadRequest);
    });
  }

  private settle(reply: ThreadReply): void {
    const waiting = this.waiting.get(reply.id);
    if (!waiting) return;
    this.waiting.delete(reply.id);
    if (this.waiting.size === 0) this.worker.unref();
    if (reply.ok) waiting.resolve(reply.rows);
    else waiting.reject(Object.assign(new Error(reply.error.message), reply.error.fields, { name: reply.error.name }));
  }

  private stop(error: Error): void {
    if (this.stopped) return;
    this.stopped = error;
    for (const { reject } of this.waiting.values()) reject(error);
    this.waiting.clear();
  }

  async terminate(): Promise<void> {
    this.stopped ??= new Error('the store is closed');
    await this.worker.terminate();
  }
}

function clientOf(thread: StoreThread, tx?: number): SqlClient {
  return {
    async query<Row extends object>(sql: string, params: SqlParam[] = []): Promise<Row[]> {
      return (await thread.send({ op: 'query', sql, params, tx })) as Row[];
    },
    async exec(script: string): Promise<void> {
      await thread.send({ op: 'exec', sql: script, tx });
    },
  };
}

/** Opens (creating when absent) a PGlite database in `dataDir` (in memory when undefined) on its own thread. */
export async function openPgliteThreadDatabase(dataDir: string | undefined): Promise<SqlDatabase> {
  const thread = new StoreThread(startTsWorker(ENTRY, { dataDir } satisfies ThreadStart));
  try {
    await thread.ready();
  } catch (error) {
    await thread.terminate();
    throw error;
  }
  const direct = clientOf(thread);
  return {
    query: direct.query,
    exec: direct.exec,
    async transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T> {
      const txId = await thread.begin();
      let result: T;
      try {
        result = await work(clientOf(thread, txId));
      } catch (error) {
        await thread.send({ op: 'end', tx: txId, commit: false }).catch(() => undefined);
        throw error;
      }
      await thread.send({ op: 'end', tx: txId, commit: true });
      return result;
    },
    async close(): Promise<void> {
      try {
        await thread.send({ op: 'close' });
      } finally {
        await thread.terminate();
      }
    },
  };
}
