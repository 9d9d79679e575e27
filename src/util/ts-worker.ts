/**
 * Worker threads over TypeScript sources. The sources run through tsx, and a thread does not inherit the
 * loader hooks the main thread registered with `register()` (bin/crosscheck.js does so), so each thread
 * registers tsx itself before importing its TypeScript entry.
 */
import { Worker } from 'node:worker_threads';

export function startTsWorker(entry: URL, workerData?: unknown): Worker {
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData });
}
