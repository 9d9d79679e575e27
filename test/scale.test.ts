/**
 * Scaling out ingest (issue 9): worker threads into the embedded store, and worker processes pulling from
 * the PostgreSQL job queue with one clustering writer. The PostgreSQL tests run only when
 * CROSSCHECK_TEST_POSTGRES names a server (CI sets it); each uses fresh schemas, dropped afterwards.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { readDocuments } from '../src/cli/documents.ts';
import { Ingestor, documentId, processDocument, type IngestOutcome } from '../src/pipeline.ts';
import { PipelineError, type RawDocument } from '../src/model.ts';
import { openMemoryStore } from '../src/store/index.ts';
import { openPostgresDatabase } from '../src/store/pg-database.ts';
import { TEST_POSTGRES_URL, freshStoreLocation } from '../src/store/test-store.ts';
import { ingestWithWorkers, type OutcomeSink } from '../src/worker/ingest-threads.ts';
import { NdjsonWriter } from '../src/cli/output.ts';
import { JobQueue, queueSchemaOf, queueTimestamp } from '../src/worker/queue.ts';
import { isTransientFailure } from '../src/worker/worker.ts';
import { DEMO_DIR, REPO_ROOT } from './helpers.ts';

/** A budget no loaded test machine runs past, so timeouts do not make the two runs differ. */
const GENEROUS_TIME_BUDGET_MS = 60_000;
const PIPELINE = { extract: { timeBudgetMs: GENEROUS_TIME_BUDGET_MS } };

async function demoDocuments(): Promise<RawDocument[]> {
  const docs: RawDocument[] = [];
  for await (const item of readDocuments([DEMO_DIR])) if ('doc' in item) docs.push(item.doc);
  assert.ok(docs.length >= 10, `demo pages under ${DEMO_DIR}`);
  return docs;
}

/** `copies` copies of the demo pages, each copy under its own URL (so its own document id). */
function stream(base: RawDocument[], copies: number): RawDocument[] {
  const docs: RawDocument[] = [];
  for (let copy = 0; copy < copies; copy++) {
    for (const doc of base) docs.push({ ...doc, input: `${doc.input}#${copy}`, url: `https://scale-test.example/${copy}/${docs.length}` });
  }
  return docs;
}

/** A page with no article text: fails extraction with no_content, on every try. */
const EMPTY_PAGE: RawDocument = { input: 'empty-page.html', kind: 'html', content: '<html><body><nav>Home</nav></body></html>', url: null, outlet: null };

test('queue timestamps keep microseconds and strictly increase', () => {
  const now = Date.parse('2031-04-02T09:30:00.000Z');
  const first = queueTimestamp(now);
  const second = queueTimestamp(now);
  assert.match(first, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
  assert.ok(second > first, `${second} after ${first}`);
});

test('bad input is not retried, passing failures are', () => {
  assert.equal(isTransientFailure(new PipelineError('no_content', 'nothing')), false);
  assert.equal(isTransientFailure(new PipelineError('invalid_record', 'bad')), false);
  assert.equal(isTransientFailure(new PipelineError('timeout', 'slow')), true);
  assert.equal(isTransientFailure(new PipelineError('unreadable', 'network')), true);
  assert.equal(isTransientFailure(new Error('connection terminated')), true);
});

test('ingest with worker threads stores what a sequential ingest stores, with the same stories, in input order', async () => {
  const base = await demoDocuments();
  const streamed = stream(base, 2);
  const docs = [...streamed, EMPTY_PAGE, { ...streamed[3] }];
  const sequential = await openMemoryStore();
  const threaded = await openMemoryStore();
  try {
    const ingestor = await Ingestor.open(sequential, PIPELINE);
    const expected: IngestOutcome[] = [];
    for (const doc of docs) expected.push(await ingestor.ingest(doc));

    const lines: Array<Record<string, unknown>> = [];
    // Batches of 8: the stream crosses several batch edges (each batch clustered while the one before is written),
    // and the repeated page comes after its first copy is stored.
    const totals = await ingestWithWorkers(threaded, docs.map((doc) => ({ doc })), 2, { write: (line) => lines.push(line) }, { extract: PIPELINE.extract, batchSize: 8 });

    assert.equal(lines.length, docs.length);
    assert.deepEqual(lines.map((l) => l.input), docs.map((d) => d.input), 'one line per document, in input order');
    for (let i = 0; i < docs.length; i++) {
      const want = expected[i];
      const got = lines[i];
      assert.equal(got.ok, want.ok, `${docs[i].input}: ok`);
      if (want.ok && got.ok === true) {
        assert.equal(got.id, want.id);
        assert.equal(got.story, want.story, `${docs[i].input}: same story`);
        assert.equal(got.duplicate, want.duplicate);
      } else if (!want.ok) {
        assert.equal((got.error as { code: string }).code, want.error.code);
      }
    }
    assert.equal(lines.at(-2)?.ok, false, 'the empty page fails');
    // The command's NDJSON writer is a sink as it is (type-checked), counting the failure.
    const ndjson: OutcomeSink & NdjsonWriter = new NdjsonWriter(() => undefined);
    for (const line of lines) ndjson.write(line as Parameters<OutcomeSink['write']>[0]);
    assert.equal(ndjson.failures, 1);
    assert.equal(lines.at(-1)?.duplicate, true, 'the repeated page is stored once');
    assert.deepEqual(totals, { stored: base.length * 2, duplicates: 1, failed: 1 });
    assert.equal(await threaded.countArticles(), await sequential.countArticles());
    const story = (await threaded.listStories())[0];
    assert.deepEqual(
      (await threaded.getStoryArticles(story.id)).map((a) => a.record.annotations),
      (await sequential.getStoryArticles(story.id)).map((a) => a.record.annotations),
      'annotations made in a thread equal those made in the main thread',
    );
  } finally {
    await sequential.close();
    await threaded.close();
  }
});

const NO_POSTGRES = TEST_POSTGRES_URL ? false : 'skipped: set CROSSCHECK_TEST_POSTGRES to a PostgreSQL URL to run the worker tests';

interface WorkerChild {
  child: ChildProcess;
  stderr: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startWorkerProcess(location: string): WorkerChild {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(REPO_ROOT, 'src/worker/main.ts'), 'worker', '--db', location, '--concurrency', '2', '--time-budget', String(GENEROUS_TIME_BUDGET_MS)],
    { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const stderr: string[] = [];
  let partial = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    const text = partial + chunk.toString('utf8');
    const lines = text.split('\n');
    partial = lines.pop() ?? '';
    stderr.push(...lines);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('exit', (code, signal) => done({ code, signal })));
  return { child, stderr, exited };
}

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | null | false>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 250));
  }
}

async function dropSchemas(location: string): Promise<void> {
  const url = new URL(location);
  const schema = url.searchParams.get('schema');
  url.searchParams.delete('schema');
  const client = new pg.Client({ connectionString: url.href });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.query(`DROP SCHEMA IF EXISTS ${queueSchemaOf(location)} CASCADE`);
  } finally {
    await client.end();
  }
}

test('worker processes killed mid-run (one processing, then the writer): every document stored once, annotated, clustered as one process would', { skip: NO_POSTGRES, timeout: 900_000 }, async () => {
  const location = freshStoreLocation('');
  const base = await demoDocuments();
  const docs = stream(base, 6);
  // The test's queue client creates the queue with a short expiry and runs maintenance every second, so the
  // killed worker's jobs come back within seconds.
  const queue = await JobQueue.open(location, { supervise: true, maintenanceIntervalSeconds: 1, jobs: { expireInSeconds: 10, retryDelaySeconds: 1, retryLimit: 5 } });
  const db = await openPostgresDatabase(location, 2);
  const workers: WorkerChild[] = [];
  try {
    await queue.enqueue([...docs, EMPTY_PAGE].map((doc) => ({ kind: 'document' as const, doc, queuedAt: queueTimestamp() })));
    workers.push(startWorkerProcess(location), startWorkerProcess(location));
    const storedCount = async () => {
      const rows = await db.query<{ present: boolean }>("SELECT to_regclass('articles') IS NOT NULL AS present");
      return rows[0].present ? Number((await db.query<{ n: number }>('SELECT count(*)::integer AS n FROM articles'))[0].n) : 0;
    };
    const lockHolder = () => workers.find((w) => w.stderr.some((line) => line.includes('writer lock-acquired')));
    // 1. Kill the worker that does not cluster while jobs still wait: its handlers hold active jobs, which
    //    must expire and be retried by the others.
    const processor = await until('a writer storing articles while jobs wait', 600_000, async () => {
      const holder = lockHolder();
      return holder && (await storedCount()) >= 1 && (await queue.counts()).queued > 0 ? workers.find((w) => w !== holder)! : null;
    });
    processor.child.kill('SIGKILL');
    assert.equal((await processor.exited).signal, 'SIGKILL');
    // 2. A fresh worker joins; then the writer is killed while articles wait for it.
    const survivor = startWorkerProcess(location);
    workers.push(survivor);
    const writer = lockHolder()!;
    const before = await storedCount();
    await until('the writer to store more articles', 600_000, async () => (await storedCount()) > before);
    writer.child.kill('SIGKILL');
    assert.equal((await writer.exited).signal, 'SIGKILL');

    await until('every document stored and the queue drained', 600_000, async () => {
      const counts = await queue.counts();
      const pending = Number((await db.query<{ n: number }>('SELECT count(*)::integer AS n FROM pending_articles'))[0].n);
      const tookOver = survivor.stderr.some((line) => line.includes('writer lock-acquired'));
      return tookOver && (await storedCount()) === docs.length && counts.queued === 0 && counts.active === 0 && pending === 0;
    });
    assert.ok(survivor.stderr.some((line) => line.includes('writer lock-acquired')), 'the worker that joined took over the writer lock');

    // Stored exactly once each: the ids are the documents' ids, no more, no fewer.
    const rows = await db.query<{ id: string; input: string; annotations: unknown; story: string }>(
      "SELECT id, input, annotations, assignment->>'story' AS story FROM articles ORDER BY seq",
    );
    assert.deepEqual(new Set(rows.map((r) => r.id)), new Set(docs.map(documentId)));
    assert.equal(rows.length, docs.length);
    const byInput = new Map(docs.map((doc) => [doc.input, doc]));
    for (const row of rows) {
      const doc = byInput.get(row.input)!;
      assert.deepEqual(row.annotations, JSON.parse(JSON.stringify(processDocument(doc, PIPELINE).annotations)), `${row.input}: annotations as processDocument makes them`);
    }

    // The killed processor's jobs expired and were retried (and completed) by the others.
    const retried = await db.query<{ n: number }>(
      `SELECT count(*)::integer AS n FROM ${queue.schema}.job WHERE name = 'crosscheck-process' AND state = 'completed' AND retry_count > 0`,
    );
    assert.ok(Number(retried[0].n) >= 1, 'jobs active in the killed worker were retried');

    // The bad page went to the dead-letter queue, once, without retries.
    const counts = await queue.counts();
    assert.equal(counts.dead, 1);
    assert.equal((await queue.deadLetters(10))[0].input, EMPTY_PAGE.input);

    // The stories are those of one process ingesting the same documents in the order they were stored.
    const single = await openMemoryStore();
    try {
      const ingestor = await Ingestor.open(single, PIPELINE);
      for (const row of rows) {
        const outcome = await ingestor.ingest(byInput.get(row.input)!);
        assert.ok(outcome.ok, `${row.input} ingests in one process`);
        if (outcome.ok) assert.equal(outcome.story, row.story, `${row.input}: same story as one process assigns`);
      }
    } finally {
      await single.close();
    }

    // The surviving worker stops cleanly on SIGTERM.
    survivor.child.kill('SIGTERM');
    assert.equal((await survivor.exited).code, 0);
  } finally {
    for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
    await Promise.all(workers.map((w) => w.exited));
    await queue.close();
    await db.close();
    await dropSchemas(location);
  }
});

test('enqueue and worker --status through the commands', { skip: NO_POSTGRES, timeout: 300_000 }, async () => {
  const location = freshStoreLocation('');
  const run = (args: string[]) =>
    new Promise<{ code: number | null; stdout: string }>((done) => {
      const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'src/worker/main.ts'), ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'ignore'] });
      let stdout = '';
      child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      child.on('exit', (code) => done({ code, stdout }));
    });
  try {
    const enqueued = await run(['enqueue', '--db', location, DEMO_DIR, join(DEMO_DIR, 'no-such-page.html')]);
    const lines = enqueued.stdout.trim().split('\n').map((line) => JSON.parse(line));
    assert.equal(enqueued.code, 3, 'some inputs failed');
    assert.equal(lines.filter((line) => line.ok === true && line.queued === true).length, (await demoDocuments()).length);
    assert.equal(lines.filter((line) => line.ok === false)[0].error.code, 'not_found');
    const status = await run(['worker', '--db', location, '--status']);
    assert.equal(status.code, 0);
    const counts = JSON.parse(status.stdout);
    assert.equal(counts.queued, (await demoDocuments()).length);
    assert.deepEqual([counts.active, counts.failed, counts.dead, counts.pending, counts.stored], [0, 0, 0, 0, 0]);
    const refused = await run(['worker', '--db', '/tmp/some-folder', '--status']);
    assert.equal(refused.code, 2, 'a folder store is refused: workers need PostgreSQL');
  } finally {
    // The store's own tables are created by the first worker; none ran here.
    await dropSchemas(location);
  }
});
