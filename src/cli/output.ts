/**
 * Terminal output: NDJSON lines for machines on stdout, progress and messages for people on stderr (a bar
 * only when stderr is a terminal, so logs and pipes stay clean).
 */
import cliProgress from 'cli-progress';

export const EXIT_OK = 0;
export const EXIT_CRASH = 1;
export const EXIT_USAGE = 2;
export const EXIT_SOME_FAILED = 3;

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A result line as the contract spells it: `ok: false` lines carry `error`. */
type ResultLine = object & { ok?: boolean; input?: string; id?: string; error?: { code: string; message: string } };

/** Writes one JSON object per line to stdout, remembering whether any input failed. */
export class NdjsonWriter {
  failures = 0;
  lines = 0;
  /** `emit` receives each line; the default writes NDJSON to stdout. */
  constructor(private readonly emit: (line: ResultLine) => void = (line) => process.stdout.write(JSON.stringify(line) + '\n')) {}

  write(value: ResultLine): void {
    if (value.ok === false) this.failures++;
    this.lines++;
    this.emit(value);
  }

  get exitCode(): number {
    return this.failures > 0 ? EXIT_SOME_FAILED : EXIT_OK;
  }
}

/** A progress bar on stderr when it is a terminal; silent otherwise. */
export class Progress {
  private bar: cliProgress.SingleBar | null = null;

  constructor(label: string, total: number, enabled = Boolean(process.stderr.isTTY)) {
    if (!enabled || total < 2) return;
    this.bar = new cliProgress.SingleBar(
      {
        format: `${label} [{bar}] {value}/{total} {percentage}% | {rate}/s | eta {eta_formatted} | failed {failed}`,
        stream: process.stderr,
        hideCursor: true,
        clearOnComplete: false,
      },
      cliProgress.Presets.shades_classic,
    );
    this.bar.start(total, 0, { failed: 0, rate: '0' });
    this.startedAt = Date.now();
  }

  private startedAt = Date.now();

  tick(failed: number): void {
    if (!this.bar) return;
    const seconds = Math.max(0.001, (Date.now() - this.startedAt) / 1000);
    const done = (this.bar.getProgress() * this.bar.getTotal()) + 1;
    this.bar.increment(1, { failed, rate: (done / seconds).toFixed(1) });
  }

  /** Grows the total when a JSONL file turns out to hold many documents. */
  setTotal(total: number): void {
    this.bar?.setTotal(total);
  }

  stop(): void {
    this.bar?.stop();
  }
}

export function info(message: string): void {
  process.stderr.write(message + '\n');
}
