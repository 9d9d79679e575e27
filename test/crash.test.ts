/**
 * Crash safety: `crosscheck ingest` over 2,000 small fictional pages is killed with SIGKILL at random points
 * (3-5 times), restarted each time, and finally run to completion. Then every document must be stored exactly
 * once, with the annotations processDocument gives it, the stories must count every article once, and the
 * clusterer's stored state must have counted each article once (a killed transaction leaves nothing half-written).
 *
 * Runs on the embedded store (a folder: the killed process leaves its lock file behind, and the restart must
 * take it over) or, when CROSSCHECK_TEST_POSTGRES is set, on a fresh schema of that PostgreSQL server.
 * The seed of the documents and kill points is printed; replay with CROSSCHECK_CRASH_SEED.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { documentId, processDocument } from '../src/pipeline.ts';
import { openStore } from '../src/store/index.ts';
import { LOCK_FILE_NAME } from '../src/store/constants.ts';
import { TEST_POSTGRES_URL } from '../src/store/test-store.ts';
import type { ClusterStateSnapshot } from '../src/store/types.ts';
import type { RawDocument } from '../src/model.ts';
import { freshStoreLocation, runCli, tempDir } from './helpers.ts';
import { crashDocuments, runIngest } from './crash-helpers.ts';
import { seededRandom } from '../src/util/random.ts';

/** Documents ingested: enough for hundreds of stories and for kills to land at many points of the stream. */
const DOCUMENTS = Number(process.env.CROSSCHECK_CRASH_DOCUMENTS ?? 2000);
const SEED = Number(process.env.CROSSCHECK_CRASH_SEED ?? Date.now() % 1_000_000);

const dirs: string[] = [];
after(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function dropSchema(location: string): Promise<void> {
  const url = new URL(location);
  const schema = url.searchParams.get('schema');
  if (!schema || !/^\w+$/.test(schema)) return;
  url.searchParams.delete('schema');
  const client = new pg.Client({ connectionString: url.href });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

test(`ingest killed with SIGKILL and restarted stores every document exactly once (${TEST_POSTGRES_URL ? 'PostgreSQL' : 'embedded store'}, seed ${SEED})`, { timeout: 900_000 }, async (t) => {
  const random = seededRandom(SEED);
  const dir = await tempDir('crosscheck-crash-');
  dirs.push(dir);
  const pages = join(dir, 'pages');
  await mkdir(pages);
  const docs = crashDocuments(DOCUMENTS, SEED);
  for (const doc of docs) await writeFile(join(pages, doc.name), doc.html);
  const db = freshStoreLocation(join(dir, 'db'));
  const embedded = !TEST_POSTGRES_URL;
  if (!embedded) t.after(() => dropSchema(db));

  // Kill points: 3-5 of them, each a random number of documents further into the stream than the last (a run
  // re-reads the folder from the start, so its first lines are the documents already stored), plus a random
  // delay so that some kills land inside a transaction.
  const kills = 3 + Math.floor(random() * 3);
  const targets = Array.from({ length: kills }, () => Math.floor(DOCUMENTS * (0.05 + random() * 0.8))).sort((a, b) => a - b);
  let reached = 0;
  const started = performance.now();
  for (let k = 0; k < kills; k++) {
    // At least a few new documents per run, so every run stores something before it dies.
    const target = Math.max(targets[k], reached + 10);
    const delay = Math.floor(random() * 250);
    const run = await runIngest(db, pages, { killAfterLines: target, killDelayMs: delay });
    assert.equal(run.signal, 'SIGKILL', `run ${k + 1} was meant to be killed; it ended with code ${run.code}: ${run.stderr.slice(-2000)}`);
    for (const line of run.lines) assert.equal(line.ok, true, `run ${k + 1}: ${JSON.stringify(line)}`);
    reached = run.lines.length;
    t.diagnostic(`kill ${k + 1}/${kills}: after ${run.lines.length} documents (+${delay} ms), ${((performance.now() - started) / 1000).toFixed(0)} s in`);
    if (embedded) {
      // SIGKILL runs no exit handler: the lock stays, naming a dead process. The next run must take it over.
      assert.ok(existsSync(join(db, LOCK_FILE_NAME)), 'a killed ingest leaves its lock file');
    }
  }

  // The last run goes to the end. Under heavy load a page may overrun the extractor's time budget: it is
  // reported as `timeout`, and ingesting again (which skips what is stored) picks it up.
  let final = await runIngest(db, pages);
  for (let retry = 0; retry < 2 && final.lines.some((l) => l.ok === false && l.error.code === 'timeout'); retry++) {
    final = await runIngest(db, pages);
  }
  assert.equal(final.code, 0, `final run: exit ${final.code}: ${final.stderr.slice(-2000)}`);
  assert.equal(final.lines.length, DOCUMENTS, 'one line per document');
  for (const line of final.lines) assert.equal(line.ok, true, JSON.stringify(line));
  if (embedded) assert.ok(!existsSync(join(db, LOCK_FILE_NAME)), 'a finished ingest releases its lock');
  t.diagnostic(`all runs: ${((performance.now() - started) / 1000).toFixed(0)} s`);

  // The stories count every article once.
  const stories = await runCli(['stories', '--db', db]);
  assert.equal(stories.code, 0, stories.stderr);
  assert.equal(stories.lines.reduce((n, s) => n + s.articles, 0), DOCUMENTS);
  t.diagnostic(`${stories.lines.length} stories`);

  // Through the store API: each document's id is there, once, with the annotations processDocument gives it.
  const store = await openStore(db);
  try {
    assert.equal(await store.countArticles(), DOCUMENTS);
    const ids = new Set<string>();
    for (const doc of docs) {
      const raw: RawDocument = { input: join(pages, doc.name), kind: 'html', content: doc.html, url: null, outlet: null };
      const id = documentId(raw);
      assert.ok(!ids.has(id), `two documents share the id ${id}`);
      ids.add(id);
      const stored = await store.getArticle(id);
      assert.ok(stored, `${doc.name} (${id}) is stored`);
      const expected = processDocument(raw);
      assert.deepEqual(stored.record.annotations, JSON.parse(JSON.stringify(expected.annotations)), `${doc.name}: annotations`);
      assert.deepEqual(stored.record.article, JSON.parse(JSON.stringify(expected.article)), `${doc.name}: article`);
      assert.ok(await store.getStorySummary(stored.assignment.story), `${doc.name}: its story exists`);
    }
    // The clusterer's stored counters saw each article once: no transaction was half applied or replayed.
    const state = (await store.loadClustererState()) as ClusterStateSnapshot | null;
    assert.ok(state, 'the clusterer state is stored');
    assert.equal(state.meta.seq, DOCUMENTS, 'clusterer sequence number = articles stored');
  } finally {
    await store.close();
  }
});
