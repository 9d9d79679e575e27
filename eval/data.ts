/** Where the development data lives, and readers for its files. Nothing here is copied into the project. */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

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

export async function readJson<T>(path: string): Promise<T> {
  return JSON.parse(await readText(path)) as T;
}
