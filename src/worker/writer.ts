/**
 * The single clustering writer of a PostgreSQL store. Every worker runs one, but only the holder of a
 * session advisory lock writes: it drains `pending_articles` in queue order through one Ingestor (cluster,
 * then save in one transaction), deleting each row after its save. The lock lives on a connection of its
 * own, so when the holder dies its lock goes with the connection and another worker's writer takes over,
 * restoring the clusterer from the store. A crash between save and delete is harmless: the next writer
 * finds the id stored and drops the row. A dead writer's last commit may land after the next writer loaded
 * the clusterer; the store then refuses that writer's next change (StaleClustererState) and it reloads.
 */
import pg from 'pg';
import { Ingestor, type IngestOutcome } from '../pipeline.ts';
import type { Store } from '../store/types.ts';
import type { SqlClient } from '../store/sql.ts';
import { nextPendingArticles, recordPendingFailure, removePendingArticle, removePendingArticles, type PendingArticle } from '../store/pending.ts';
import { CLUSTER_LOCK_PREFIX, DRAIN_BATCH, DRAIN_IDLE_MS, LOCK_RETRY_MS, MAX_DRAIN_ATTEMPTS } from './constants.ts';
import { Sleeper } from './sleeper.ts';

/** The advisory lock key of the writer of the store in `schema` (null: the default schema). */
export function clusterLockKey(schema: string | null): string {
  return `${CLUSTER_LOCK_PREFIX}:${schema ?? 'public'}`;
}

export interface ClusterWriterOptions {
  store: Store;
  /** Where the staging table is (the store's database and schema). */
  pending: SqlClient;
  /** Connection string of the database (the lock is database-wide; no schema needed). */
  connectionString: string;
  lockKey: string;
  /** An article stored (or found stored already). */
  onStored?: (outcome: IngestOutcome & { ok: true }, pending: PendingArticle) => void;
  /** An article the writer gave up on after MAX_DRAIN_ATTEMPTS failures; its row is removed after this. */
  onGiveUp?: (pending: PendingArticle, error: { code: string; message: string }) => Promise<void>;
  /** Lock taken or lost, and errors of the loop. */
  onEvent?: (event: { type: 'lock-acquired' | 'lock-released' | 'error'; message?: string }) => void;
  drainBatch?: number;
  idleMs?: number;
  lockRetryMs?: number;
}

export class ClusterWriter {
  private stopping = false;
  private readonly sleeper = new Sleeper();
  private loop: Promise<void> | null = null;
  /** The connection the lock lives on (kept between attempts). */
  private session: pg.Client | null = null;
  private holding = false;
  private lockLost = false;
  /** Articles stored by this writer since start. */
  stored = 0;
  /** Staged articles found stored already (a retried job, or a crash between save and delete). */
  duplicates = 0;
  /** Articles given up after repeated failures. */
  givenUp = 0;

  constructor(private readonly options: ClusterWriterOptions) {}

  get holdsLock(): boolean {
    return this.holding && !this.lockLost;
  }

  start(): void {
    this.loop ??= this.run();
  }

  /** Stops after the article in hand; releases the lock. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.sleeper.wake();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      try {
        if (await this.tryLock()) {
          this.options.onEvent?.({ type: 'lock-acquired' });
          await this.drainWhileHolding();
        }
      } catch (error) {
        this.options.onEvent?.({ type: 'error', message: (error as Error).message });
      }
      if (this.holding) {
        await this.releaseLock();
        this.options.onEvent?.({ type: 'lock-released' });
      }
      if (!this.stopping) await this.sleeper.sleep(this.options.lockRetryMs ?? LOCK_RETRY_MS);
    }
    await this.closeSession();
  }

  /**
   * Tries the lock on this writer's session, connecting it first when needed; a worker that does not get the
   * lock keeps the session and tries again later, rather than reconnecting every time.
   */
  private async tryLock(): Promise<boolean> {
    if (!this.session || this.lockLost) {
      await this.closeSession();
      const client = new pg.Client({ connectionString: this.options.connectionString, application_name: 'crosscheck-writer' });
      this.lockLost = false;
      // The connection failing means the lock is gone: stop writing before the next article.
      client.on('error', () => {
        this.lockLost = true;
      });
      client.on('end', () => {
        this.lockLost = true;
      });
      await client.connect();
      this.session = client;
    }
    const rows = await this.session.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [this.options.lockKey]);
    this.holding = rows.rows[0]?.locked === true;
    return this.holding;
  }

  /** Gives the lock up: unlocks on a healthy session, else closing the session releases it. */
  private async releaseLock(): Promise<void> {
    this.holding = false;
    if (!this.session) return;
    try {
      await this.session.query('SELECT pg_advisory_unlock(hashtext($1))', [this.options.lockKey]);
    } catch {
      await this.closeSession();
    }
  }

  private async closeSession(): Promise<void> {
    const client = this.session;
    this.session = null;
    this.holding = false;
    if (client) await client.end().catch(() => undefined);
  }

  private async drainWhileHolding(): Promise<void> {
    // Opened after taking the lock: the previous writer may have stored more since this process last looked.
    const ingestor = await Ingestor.open(this.options.store);
    while (!this.stopping && !this.lockLost) {
      const batch = await nextPendingArticles(this.options.pending, this.options.drainBatch ?? DRAIN_BATCH);
      if (batch.length === 0) {
        await this.sleeper.sleep(this.options.idleMs ?? DRAIN_IDLE_MS);
        continue;
      }
      if (this.stopping || this.lockLost) return;
      // One transaction for the batch (set-based statements): the writer's cost is per statement.
      const outcomes = await ingestor.ingestRecords(batch.map((pending) => ({ record: pending.record })));
      const done = batch.filter((_, i) => outcomes[i].ok);
      await removePendingArticles(this.options.pending, done.map((pending) => pending.id));
      let retry: Error | null = null;
      for (const [i, pending] of batch.entries()) {
        const outcome = outcomes[i];
        if (outcome.ok) {
          if (outcome.duplicate) this.duplicates++;
          else this.stored++;
          this.options.onStored?.(outcome, pending);
        } else {
          retry ??= await this.recordFailure(pending, outcome.error);
        }
      }
      // The loop gives the lock up and takes it again later; the failed article comes back first.
      if (retry) throw retry;
    }
  }

  /**
   * An article the store refused: counted against its row; after MAX_DRAIN_ATTEMPTS given up (dead-lettered)
   * and removed, else the error to retry it with.
   */
  private async recordFailure(pending: PendingArticle, error: { code: string; message: string }): Promise<Error | null> {
    const attempts = await recordPendingFailure(this.options.pending, pending.id, `${error.code}: ${error.message}`);
    if (attempts < MAX_DRAIN_ATTEMPTS) return new Error(`could not store ${pending.record.input} (attempt ${attempts}): ${error.message}`);
    this.givenUp++;
    await this.options.onGiveUp?.(pending, error);
    await removePendingArticle(this.options.pending, pending.id);
    return null;
  }
}
