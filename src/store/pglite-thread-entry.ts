/**
 * The worker thread that owns an embedded store's PGlite (see pglite-thread.ts). Each message is one request;
 * a transaction stays open across messages until its commit or rollback arrives, and PGlite's own lock makes
 * the requests without a transaction wait for it, as they would in one thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { ThreadReply, ThreadRequest, ThreadStart } from './pglite-thread.ts';

/** Why a transaction is rolled back on the caller's word: thrown inside PGlite's transaction, caught here. */
class RollbackRequested extends Error {}

interface OpenTransaction {
  tx: Transaction;
  finish: (commit: boolean) => void;
  /** Settles when PGlite has committed or rolled back. */
  done: Promise<void>;
}

const port = parentPort!;
const { dataDir } = workerData as ThreadStart;
const transactions = new Map<number, OpenTransaction>();

function errorFields(error: unknown): ThreadReply & { ok: false } {
  const source = error instanceof Error ? error : new Error(String(error));
  const fields: Record<string, unknown> = {};
  // The driver's error fields (code, detail, position, ...) go across with the message.
  for (const [key, value] of Object.entries(source)) if (['string', 'number', 'boolean'].includes(typeof value)) fields[key] = value;
  return { id: -1, ok: false, error: { name: source.name, message: source.message, fields } };
}

function begin(db: PGlite, id: number): Promise<void> {
  return new Promise<void>((opened, failed) => {
    let finish!: (commit: boolean) => void;
    const decided = new Promise<boolean>((resolve) => (finish = resolve));
    let tx: Transaction | undefined;
    const done = db
      .transaction(async (open) => {
        tx = open;
        opened();
        if (!(await decided)) throw new RollbackRequested();
      })
      .then(
        () => undefined,
        (error: unknown) => {
          if (!(error instanceof RollbackRequested)) throw error;
        },
      );
    done.catch((error: unknown) => {
      // BEGIN itself failed: the transaction never opened.
      if (tx !== undefined) return;
      transactions.delete(id);
      failed(error);
    });
    transactions.set(id, {
      get tx() {
        if (tx === undefined) throw new Error(`transaction ${id} has not begun`);
        return tx;
      },
      finish,
      done,
    });
  });
}

async function handle(db: PGlite, request: ThreadRequest): Promise<unknown> {
  switch (request.op) {
    case 'query': {
      const target = request.tx === undefined ? db : transactionOf(request.tx).tx;
      return (await target.query(request.sql, request.params)).rows;
    }
    case 'exec': {
      const target = request.tx === undefined ? db : transactionOf(request.tx).tx;
      await target.exec(request.sql);
      return undefined;
    }
    case 'begin':
      await begin(db, request.id);
      return undefined;
    case 'end': {
      const open = transactionOf(request.tx);
      open.finish(request.commit);
      try {
        await open.done;
      } finally {
        transactions.delete(request.tx);
      }
      return undefined;
    }
    case 'close':
      await db.close();
      return undefined;
  }
}

function transactionOf(id: number): OpenTransaction {
  const open = transactions.get(id);
  if (!open) throw new Error(`transaction ${id} is not open on the store thread`);
  return open;
}

async function main(): Promise<void> {
  let db: PGlite;
  try {
    db = dataDir === undefined ? await PGlite.create() : await PGlite.create(dataDir);
  } catch (error) {
    port.postMessage({ ...errorFields(error), id: 0 } satisfies ThreadReply);
    return;
  }
  port.postMessage({ id: 0, ok: true } satisfies ThreadReply);
  port.on('message', (request: ThreadRequest) => {
    handle(db, request).then(
      (rows) => port.postMessage({ id: request.id, ok: true, rows } satisfies ThreadReply),
      (error: unknown) => port.postMessage({ ...errorFields(error), id: request.id } satisfies ThreadReply),
    );
  });
}

void main();
