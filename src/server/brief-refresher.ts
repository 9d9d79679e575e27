/**
 * Keeps stored briefs current in the background, so a story page reads one stored row instead of running a
 * cross-check while the reader waits. Stories an ingest through this server touched come first; a sweep of
 * every out-of-date brief runs at start and then periodically (other processes may write to a PostgreSQL
 * store). One brief at a time, yielding to requests between two.
 */
import { setImmediate as yieldToRequests } from 'node:timers/promises';
import { refreshBrief, refreshStaleBriefs, type BriefOptions } from '../briefs.ts';
import type { Store } from '../store/types.ts';

/** How often every out-of-date brief is looked for: writes by other processes show up within this. */
export const BRIEF_SWEEP_INTERVAL_MS = 30_000;

export interface BriefRefresherOptions extends BriefOptions {
  sweepIntervalMs?: number;
  logError: (error: unknown) => void;
}

export class BriefRefresher {
  private readonly touched = new Set<string>();
  private sweepWanted = false;
  private running: Promise<void> | null = null;
  private stopped = false;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly store: Store,
    private readonly options: BriefRefresherOptions,
  ) {
    // unref: a refresher alone never keeps the process alive.
    this.timer = setInterval(() => this.sweep(), options.sweepIntervalMs ?? BRIEF_SWEEP_INTERVAL_MS).unref();
  }

  /** The story changed: rebuild its brief soon. */
  touch(storyId: string): void {
    this.touched.add(storyId);
    this.start();
  }

  /** Rebuild every out-of-date brief of the store. */
  sweep(): void {
    this.sweepWanted = true;
    this.start();
  }

  /** Resolves when nothing is left to do (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async close(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.idle();
  }

  private start(): void {
    if (this.stopped || this.running) return;
    this.running = this.run().finally(() => {
      this.running = null;
    });
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      const [next] = this.touched;
      if (next !== undefined) {
        this.touched.delete(next);
        await this.refreshOne(next);
        await yieldToRequests();
        continue;
      }
      if (!this.sweepWanted) return;
      this.sweepWanted = false;
      try {
        await refreshStaleBriefs(this.store, {
          ...this.options,
          // Touched stories go first; the sweep resumes after them.
          shouldStop: () => this.stopped || this.touched.size > 0,
          pause: () => yieldToRequests(),
        });
      } catch (error) {
        if (!this.stopped) this.options.logError(error);
      }
      if (this.touched.size > 0) this.sweepWanted = true;
    }
  }

  private async refreshOne(storyId: string): Promise<void> {
    try {
      await refreshBrief(this.store, storyId, this.options);
    } catch (error) {
      if (!this.stopped) this.options.logError(error);
    }
  }
}
