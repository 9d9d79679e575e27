/** Helpers for tests that run the `crosscheck` binary as a user would. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = join(REPO_ROOT, 'bin/crosscheck.js');
export const SHARED = resolve(REPO_ROOT, '../shared');
export const SEEDS_DIR = join(SHARED, 'seeds');
export const DATA_DIR = process.env.CROSSCHECK_DATA ?? join(SHARED, 'data');
export const DEMO_DIR = join(REPO_ROOT, 'examples/demo/pages');

/** Why a test that needs the seed pages is skipped, or false when they are there. */
export const SEEDS_MISSING: string | false = existsSync(SEEDS_DIR) ? false : `skipped: ${SEEDS_DIR} is absent`;

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout parsed as NDJSON; a non-JSON line fails the parse loudly. */
  lines: Array<Record<string, any>>;
}

/** Runs the binary; stdout is parsed as NDJSON unless `raw` (for --help and Markdown output). */
export function runCli(args: string[], options: { input?: string | Buffer; cwd?: string; env?: NodeJS.ProcessEnv; raw?: boolean } = {}): Promise<CliResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? REPO_ROOT,
      env: { ...process.env, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b) => out.push(b));
    child.stderr.on('data', (b) => err.push(b));
    child.on('error', fail);
    child.on('close', (code) => {
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8');
      const lines = (options.raw ? '' : stdout)
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => {
          try {
            return JSON.parse(l);
          } catch {
            throw new Error(`stdout line is not JSON: ${l.slice(0, 200)}\nstderr: ${stderr.slice(-2000)}`);
          }
        });
      done({ code, stdout, stderr, lines });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** Where a CLI test keeps its store: a folder under `dir`, or a fresh schema of the PostgreSQL server the
 * suite runs against (CROSSCHECK_TEST_POSTGRES). */
export { freshStoreLocation } from '../src/store/test-store.ts';

export async function tempDir(prefix = 'crosscheck-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}
