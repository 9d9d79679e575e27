/** The per-document time budget: stages call `tick()` in their loops and the budget is enforced there. */
import { PipelineError } from '../model.ts';
import { DEADLINE_CHECK_INTERVAL } from './constants.ts';

export class Deadline {
  private readonly endsAt: number;
  private steps = 0;

  constructor(private readonly budgetMs: number) {
    this.endsAt = performance.now() + budgetMs;
  }

  /** Counts one step; every DEADLINE_CHECK_INTERVAL steps, throws `timeout` when the budget is spent. */
  tick(): void {
    if (++this.steps % DEADLINE_CHECK_INTERVAL === 0) this.check();
  }

  /** Throws `timeout` when the budget is spent. */
  check(): void {
    if (performance.now() > this.endsAt) {
      throw new PipelineError('timeout', `extraction took longer than its budget of ${this.budgetMs} ms`);
    }
  }
}
