/** Where the development data lives, and readers for its files. Nothing here is copied into the project. */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeText } from '../src/cli/inputs.ts';
import { PipelineError } from '../src/model.ts';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DATA_DIR = process.env.CROSSCHECK_DATA ?? resolve(REPO_ROOT, '../shared/data');

export function dataPath(...parts: string[]): string {
  return join(DATA_DIR, ...parts);
}

export function hasData(...parts: string[]): boolean {
  return existsSync(dataPath(...parts));
}

/** Reads a file as UTF-8 text, ungzipping `.gz`. */
export async function readText(path: string): Promise<string> {
  const bytes = await readFile(path);
  return (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

/**
 * Reads an HTML page as the CLI and the server read it: the charset from the byte-order mark or the page's
 * own declaration, else detected (some dev pages are not UTF-8), ungzipping `.gz`. A page the CLI refuses
 * (bytes no encoding reads) comes back empty, so it scores as the failure it is for a user.
 */
export async function readPage(path: string): Promise<string> {
  const bytes = await readFile(path);
  try {
    return decodeText(path.endsWith('.gz') ? gunzipSync(bytes) : bytes, path, 'html');
  } catch (error) {
    if (error instanceof PipelineError) return '';
    throw error;
  }
}

export async function readJson<T>(path: string): Promise<T> {
  return JSON.parse(await readText(path)) as T;
}
