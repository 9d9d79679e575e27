/** The commands of the contract, plus `demo` (what `npm start` runs). */
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
// Stage modules are imported inside each command, so a command loads only what it runs (`extract` never
// starts the database, `stories` never loads the language tables).
import { PipelineError, asPipelineError, type InputKind, type StoryBrief } from '../model.ts';
import type { Store } from '../store/types.ts';
import type { OpenStoreOptions } from '../store/index.ts';
import { DEFAULT_STORE_DIR } from '../store/constants.ts';
import { normalizeIsoDate, dayOf } from '../util/dates.ts';
import { DEFAULT_MAX_INPUT_BYTES, decodeText, expandPaths, jsonlLines, readInputBytes } from './inputs.ts';
import { isUrlArgument, readDocuments } from './documents.ts';
import { EXIT_OK, EXIT_SOME_FAILED, NdjsonWriter, Progress, UsageError, info } from './output.ts';
import { enqueueCommand, workerCommand } from './scale-commands.ts';
import { MAX_INGEST_THREADS } from '../worker/constants.ts';
import type { IngestOutcome } from '../pipeline.ts';

type Values = Record<string, string | boolean | undefined>;

interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  valueName?: string;
  help: string;
}

export interface Command {
  name: string;
  usage: string;
  summary: string;
  description?: string;
  options: Record<string, OptionSpec>;
  run(values: Values, positionals: string[]): Promise<number>;
}


const DB_OPTION: OptionSpec = {
  type: 'string',
  valueName: 'DB',
  help: `store location: a folder for the embedded store (default ./${DEFAULT_STORE_DIR}/)`,
};
const MAX_BYTES_OPTION: OptionSpec = {
  type: 'string',
  valueName: 'N',
  help: `largest input file in bytes (default ${DEFAULT_MAX_INPUT_BYTES})`,
};

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DEMO_CORPUS = resolve(REPO_ROOT, 'examples/demo/pages');

function requirePaths(positionals: string[], what = 'FILE'): string[] {
  if (positionals.length === 0) throw new UsageError(`give at least one ${what} (or - for standard input)`);
  return positionals;
}

function maxBytes(values: Values): number {
  if (values['max-bytes'] === undefined) return DEFAULT_MAX_INPUT_BYTES;
  const n = Number(values['max-bytes']);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--max-bytes must be a positive whole number, got "${values['max-bytes']}"`);
  return n;
}

function inputKind(values: Values): InputKind | undefined {
  const as = values.as as string | undefined;
  if (as === undefined) return undefined;
  if (as !== 'html' && as !== 'text') throw new UsageError(`--as must be html or text, got "${as}"`);
  return as;
}

async function openStoreFor(values: Values, options: OpenStoreOptions = {}): Promise<Store> {
  const { openStore } = await import('../store/index.ts');
  return openStore((values.db as string | undefined) ?? process.env.CROSSCHECK_DB ?? DEFAULT_STORE_DIR, options);
}

async function withStore<T>(values: Values, fn: (store: Store) => Promise<T>, options: OpenStoreOptions = {}): Promise<T> {
  const store = await openStoreFor(values, options);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

const extractCommand: Command = {
  name: 'extract',
  usage: 'extract [--url URL] [--as html|text] FILE…',
  summary: 'extract the article (main text and metadata) from HTML pages or scraped page text',
  description:
    'FILE is an HTML page (.html, .htm, optionally .gz), a page\'s text as a scraper saved it (.txt), a folder of\n' +
    'them, a .jsonl of {"url"?, "html"?|"text"?, "outlet"?, "published"?}, or - for standard input.\n' +
    'One JSON object per document, in order.',
  options: {
    url: { type: 'string', valueName: 'URL', help: 'the page\'s URL (helps dates and outlet)' },
    as: { type: 'string', valueName: 'html|text', help: 'read every FILE as HTML or as scraped text, whatever its name' },
    outlet: { type: 'string', valueName: 'NAME', help: 'the outlet that published the pages' },
    'max-bytes': MAX_BYTES_OPTION,
  },
  async run(values, positionals) {
    const { extractArticle } = await import('../extract/index.ts');
    const out = new NdjsonWriter();
    const paths = requirePaths(positionals);
    const progress = new Progress('extract', (await expandPaths(paths)).length);
    for await (const item of readDocuments(paths, {
      as: inputKind(values),
      url: (values.url as string) ?? null,
      outlet: (values.outlet as string) ?? null,
      maxBytes: maxBytes(values),
      acceptJsonl: true,
    })) {
      if ('error' in item) {
        out.write({ input: item.input, ok: false, error: { code: item.error.code, message: item.error.message } });
      } else {
        try {
          const article = extractArticle(item.doc);
          out.write({ input: item.doc.input, ok: true, ...article });
        } catch (err) {
          const error = asPipelineError(err);
          out.write({ input: item.doc.input, ok: false, error: { code: error.code, message: error.message } });
        }
      }
      progress.tick(out.failures);
    }
    progress.stop();
    return out.exitCode;
  },
};

interface AnnotateItem {
  id: string;
  text?: string;
  published?: string | null;
  error?: PipelineError;
}

async function* annotateItems(paths: string[], limit: number): AsyncGenerator<AnnotateItem> {
  for (const item of await expandPaths(paths)) {
    if (item.failure) {
      yield { id: item.path, error: item.failure };
      continue;
    }
    let content: string;
    try {
      content = decodeText(await readInputBytes(item.path, { maxBytes: limit }), item.path, 'text');
    } catch (err) {
      yield { id: item.path, error: asPipelineError(err) };
      continue;
    }
    if (!/\.(jsonl|ndjson)(\.gz)?$/i.test(item.path)) {
      yield { id: item.path, text: content };
      continue;
    }
    for (const line of jsonlLines(item.path, content)) {
      const where = line.where;
      if (line.error) {
        yield { id: where, error: line.error };
        continue;
      }
      const record = line.value;
      const r = record as Record<string, unknown>;
      if (typeof record !== 'object' || record === null || Array.isArray(record) || typeof r.text !== 'string') {
        yield { id: where, error: new PipelineError('invalid_record', `${where}: expected {"id", "text", "published"?} with a string "text"`) };
        continue;
      }
      const id = typeof r.id === 'string' || typeof r.id === 'number' ? String(r.id) : where;
      let published: string | null = null;
      if (r.published !== undefined && r.published !== null) {
        published = typeof r.published === 'string' ? normalizeIsoDate(r.published) : null;
        if (!published) {
          yield { id, error: new PipelineError('invalid_date', `${where}: "published" is not an ISO 8601 date: ${JSON.stringify(r.published)}`) };
          continue;
        }
      }
      yield { id, text: r.text, published };
    }
  }
}

const annotateCommand: Command = {
  name: 'annotate',
  usage: 'annotate [--reference-date YYYY-MM-DD] FILE…',
  summary: 'find entities, dates, quantities and attributed claims in clean text',
  description:
    'FILE is clean text (one document per file) or .jsonl with one {"id", "text", "published"?} per line;\n' +
    '"published" overrides --reference-date for that document. Offsets index the given text.',
  options: {
    'reference-date': { type: 'string', valueName: 'YYYY-MM-DD', help: 'the date relative expressions resolve against' },
    'max-bytes': MAX_BYTES_OPTION,
  },
  async run(values, positionals) {
    let referenceDate: string | null = null;
    if (values['reference-date'] !== undefined) {
      referenceDate = normalizeIsoDate(values['reference-date'] as string);
      if (!referenceDate) throw new UsageError(`--reference-date must be an ISO date like 2024-11-29, got "${values['reference-date']}"`);
    }
    const { annotate } = await import('../annotate/index.ts');
    const out = new NdjsonWriter();
    const paths = requirePaths(positionals);
    const progress = new Progress('annotate', (await expandPaths(paths)).length);
    for await (const item of annotateItems(paths, maxBytes(values))) {
      if (item.error) {
        out.write({ id: item.id, ok: false, error: { code: item.error.code, message: item.error.message } });
      } else {
        try {
          const annotations = annotate(item.text ?? '', { referenceDate: dayOf(item.published) ?? dayOf(referenceDate) });
          out.write({ id: item.id, ok: true, ...annotations });
        } catch (err) {
          const error = asPipelineError(err);
          out.write({ id: item.id, ok: false, error: { code: error.code, message: error.message } });
        }
      }
      progress.tick(out.failures);
    }
    progress.stop();
    return out.exitCode;
  },
};

const clusterCommand: Command = {
  name: 'cluster',
  usage: 'cluster FILE.jsonl',
  summary: 'group a stream of articles into stories, each assigned when it arrives',
  description:
    'Input: one {"id", "title"?, "text", "published"?, "outlet"?} per line, in stream order.\n' +
    'Output: one {"id", "story", "explanation"} per input line, in order.',
  options: { 'max-bytes': MAX_BYTES_OPTION },
  async run(values, positionals) {
    const paths = requirePaths(positionals, 'FILE.jsonl');
    const { StreamClusterer } = await import('../cluster/index.ts');
    const out = new NdjsonWriter();
    const clusterer = new StreamClusterer();
    for (const item of await expandPaths(paths)) {
      if (item.failure) {
        out.write({ id: item.path, ok: false, error: { code: item.failure.code, message: item.failure.message } });
        continue;
      }
      let content: string;
      try {
        content = decodeText(await readInputBytes(item.path, { maxBytes: maxBytes(values) }), item.path, 'jsonl');
      } catch (err) {
        const error = asPipelineError(err);
        out.write({ id: item.path, ok: false, error: { code: error.code, message: error.message } });
        continue;
      }
      for (const line of jsonlLines(item.path, content)) {
        const where = line.where;
        if (line.error) {
          out.write({ id: where, ok: false, error: { code: line.error.code, message: line.error.message } });
          continue;
        }
        const r = line.value as Record<string, unknown>;
        if (typeof r !== 'object' || r === null || typeof r.text !== 'string' || (typeof r.id !== 'string' && typeof r.id !== 'number')) {
          out.write({ id: where, ok: false, error: { code: 'invalid_record', message: `${where}: expected {"id", "text", ...} with string text` } });
          continue;
        }
        const assignment = clusterer.assign({
          id: String(r.id),
          title: typeof r.title === 'string' ? r.title : null,
          text: r.text,
          published: typeof r.published === 'string' ? normalizeIsoDate(r.published) : null,
          outlet: typeof r.outlet === 'string' ? r.outlet : null,
        });
        out.write(assignment);
      }
    }
    return out.exitCode;
  },
};

const ingestCommand: Command = {
  name: 'ingest',
  usage: 'ingest [--db DB] [--outlet NAME] [--url URL] [--allow-private] [--workers N] PATH|URL…',
  summary: 'run the whole pipeline on pages and store articles, annotations and stories',
  description:
    'PATH: files or folders of HTML pages, scraped page text (.txt), .jsonl of\n' +
    '{"url"?, "html"?|"text"?, "outlet"?, "published"?}, and WARC archives (.warc, .warc.gz: every HTML or text\n' +
    'response record, streamed). URL: an http(s) page, fetched (private and loopback addresses are refused\n' +
    'unless --allow-private). The same document twice is stored once.\n' +
    'One line per document: {"input", "ok", "id", "story", "duplicate"} or an error line.',
  options: {
    db: DB_OPTION,
    outlet: { type: 'string', valueName: 'NAME', help: 'the outlet that published the pages' },
    url: { type: 'string', valueName: 'URL', help: 'the page\'s URL (for a single page)' },
    as: { type: 'string', valueName: 'html|text', help: 'read every file as HTML or as scraped text' },
    'max-bytes': MAX_BYTES_OPTION,
    'allow-private': { type: 'boolean', help: 'let URL arguments reach private and loopback addresses' },
    'defer-briefs': {
      type: 'boolean',
      help: 'do not rebuild the briefs of the stories that changed (`serve` or the first read builds them)',
    },
    workers: {
      type: 'string',
      valueName: 'N',
      help: 'extract and annotate on N worker threads while this thread clusters and stores, in input order',
    },
  },
  async run(values, positionals) {
    const paths = requirePaths(positionals, 'PATH');
    const workers = workerThreads(values);
    const options = {
      as: inputKind(values),
      url: (values.url as string) ?? null,
      outlet: (values.outlet as string) ?? null,
      maxBytes: maxBytes(values),
      acceptJsonl: true,
      acceptArchives: true,
      fetch: { allowPrivate: values['allow-private'] === true, maxBytes: maxBytes(values) },
      onArchiveStats: (path: string, stats: { records: number; pages: number; skipped: Record<string, number | undefined> }) => {
        const skipped = Object.entries(stats.skipped).map(([reason, n]) => `${n} ${reason}`).join(', ');
        info(`ingest: ${path}: ${stats.records} records, ${stats.pages} pages${skipped ? `; skipped ${skipped}` : ''}`);
      },
    };
    return withStore(
      values,
      (store) => ingestPaths(store, paths, options, new NdjsonWriter(), { briefs: values['defer-briefs'] !== true, workers }),
      // With worker threads the embedded store writes on a thread of its own while this one clusters.
      { thread: workers > 0 },
    );
  },
};

/** `--workers N`: 0 (the default) processes every document on the main thread. */
function workerThreads(values: Record<string, string | boolean | undefined>): number {
  const raw = values.workers;
  if (raw === undefined) return 0;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > MAX_INGEST_THREADS) {
    throw new UsageError(`--workers must be a whole number from 1 to ${MAX_INGEST_THREADS}, got "${raw}"`);
  }
  return n;
}

/**
 * Ingests every document under `paths`, handing each result line to `out` (NDJSON for `ingest`, a quieter
 * report for `demo`); then rebuilds the stored briefs of the stories that changed, unless told not to.
 */
async function ingestPaths(
  store: Store,
  paths: string[],
  options: Parameters<typeof readDocuments>[1],
  out: NdjsonWriter,
  { briefs = true, workers = 0 }: { briefs?: boolean; workers?: number } = {},
): Promise<number> {
  // URLs are not files; an archive counts as one step of the bar however many pages it holds.
  const progress = new Progress('ingest', (await expandPaths(paths.filter((path) => !isUrlArgument(path)))).length + paths.filter(isUrlArgument).length);
  let stored = 0;
  let duplicates = 0;
  const changedStories = new Set<string>();
  const record = (outcome: IngestOutcome) => {
    out.write(outcome);
    if (outcome.ok && outcome.duplicate) duplicates++;
    else if (outcome.ok) {
      stored++;
      changedStories.add(outcome.story);
    }
  };
  if (workers > 0) {
    const { ingestWithWorkers } = await import('../worker/ingest-threads.ts');
    await ingestWithWorkers(store, readDocuments(paths, options), workers, { write: record }, { onDocument: () => progress.tick(out.failures) });
  } else {
    const { Ingestor, warmUpPipeline } = await import('../pipeline.ts');
    const ingestor = await Ingestor.open(store);
    warmUpPipeline();
    for await (const item of readDocuments(paths, options)) {
      if ('error' in item) record({ input: item.input, ok: false, error: { code: item.error.code, message: item.error.message } });
      else record(await ingestor.ingest(item.doc));
      progress.tick(out.failures);
    }
  }
  progress.stop();
  info(`ingest: ${stored} stored, ${duplicates} already stored, ${out.failures} failed (${store.location})`);
  if (briefs && changedStories.size > 0) {
    const { refreshBrief } = await import('../briefs.ts');
    const briefProgress = new Progress('briefs', changedStories.size);
    for (const story of changedStories) {
      await refreshBrief(store, story);
      briefProgress.tick(0);
    }
    briefProgress.stop();
  }
  return out.exitCode;
}

const storiesCommand: Command = {
  name: 'stories',
  usage: 'stories [--db DB]',
  summary: 'list the stories in the store, most recent first',
  options: { db: DB_OPTION, limit: { type: 'string', valueName: 'N', help: 'at most N stories (default: all)' } },
  async run(values) {
    const limit = values.limit === undefined ? undefined : Number(values.limit);
    if (limit !== undefined && (!Number.isInteger(limit) || limit <= 0)) throw new UsageError(`--limit must be a positive whole number`);
    const out = new NdjsonWriter();
    await withStore(values, async (store) => {
      for (const story of await store.listStories({ limit })) out.write(story);
    });
    return EXIT_OK;
  },
};

/** Output formats of `story`: each has a flag of its own and a `--format` name. */
const STORY_FORMATS = ['json', 'md', 'csv', 'graph-json', 'graphml', 'events-tsv'] as const;
type StoryFormat = (typeof STORY_FORMATS)[number];

function storyFormat(values: Values): StoryFormat {
  const chosen = STORY_FORMATS.filter((f) => values[f] === true);
  const named = values.format as string | undefined;
  if (named !== undefined && !(STORY_FORMATS as readonly string[]).includes(named)) {
    throw new UsageError(`--format must be one of ${STORY_FORMATS.join(', ')}, got "${named}"`);
  }
  const all = [...new Set([...chosen, ...(named ? [named as StoryFormat] : [])])];
  if (all.length > 1) throw new UsageError(`choose one output format, got ${all.map((f) => `--${f}`).join(' and ')}`);
  return all[0] ?? 'json';
}

const storyCommand: Command = {
  name: 'story',
  usage: 'story ID [--db DB] [--json|--md|--csv|--graph-json|--graphml|--events-tsv|--format FORMAT]',
  summary: 'print one story\'s cross-checked brief as JSON (default), Markdown, or an export format',
  description:
    'The brief: claims aligned across articles, each corroborated (two or more independent publisher families),\n' +
    'single-source or conflicting, with every source sentence and its offsets; the summary, the conflicts, what\n' +
    'each publisher alone reported, the timeline (inferred dates flagged), entities and the actor graph.',
  options: {
    db: DB_OPTION,
    json: { type: 'boolean', help: 'one JSON object on one line (the default)' },
    md: { type: 'boolean', help: 'a readable Markdown brief' },
    csv: { type: 'boolean', help: 'the claims as CSV, one row per claim and source sentence' },
    'graph-json': { type: 'boolean', help: 'the actor graph (actor -> action -> target edges) as JSON' },
    graphml: { type: 'boolean', help: 'the actor graph as GraphML' },
    'events-tsv': { type: 'boolean', help: 'the claims\' statements as a GDELT-like events TSV (CAMEO root codes)' },
    format: { type: 'string', valueName: 'FORMAT', help: `one of ${STORY_FORMATS.join(', ')} (same as the flags)` },
  },
  async run(values, positionals) {
    if (positionals.length !== 1) throw new UsageError('give exactly one story ID (see `crosscheck stories`)');
    const format = storyFormat(values);
    const id = positionals[0];
    return withStore(values, async (store) => {
      const { currentBrief } = await import('../briefs.ts');
      const found = await currentBrief(store, id);
      if (!found) {
        new NdjsonWriter().write({ id, ok: false, error: { code: 'not_found', message: `no story with id ${id} in ${store.location}` } });
        return EXIT_SOME_FAILED;
      }
      if (format === 'json') {
        process.stdout.write(found.json + '\n');
        return EXIT_OK;
      }
      const { exportBrief } = await import('../crosscheck/index.ts');
      const brief = JSON.parse(found.json) as StoryBrief;
      if (format === 'md') process.stdout.write(exportBrief(brief, 'md') + '\n');
      else process.stdout.write(exportBrief(brief, format));
      return EXIT_OK;
    });
  },
};

const SERVE_OPTIONS: Record<string, OptionSpec> = {
  port: { type: 'string', valueName: 'PORT', help: 'TCP port (default 8080; 0 picks a free one)' },
  host: { type: 'string', valueName: 'HOST', help: 'address to listen on (default 127.0.0.1)' },
  'allow-private': {
    type: 'boolean',
    help: 'let URL ingest fetch private and loopback addresses (an intranet; refused by default)',
  },
  'read-rate': { type: 'string', valueName: 'N', help: 'API reads per second allowed per client address (default 200, bursts of 2N)' },
  'write-rate': { type: 'string', valueName: 'N', help: 'API writes per second allowed per token (default 5, bursts of 4N)' },
  'list-cache-ms': {
    type: 'string',
    valueName: 'MS',
    help: 'reuse answers of the story list, search and entity routes this long (default 500; 0 turns it off)',
  },
};

/** A positive rate from a flag, or undefined when the flag is absent. */
function rateFlag(values: Values, name: string): number | undefined {
  if (values[name] === undefined) return undefined;
  const rate = Number(values[name]);
  if (!Number.isFinite(rate) || rate <= 0) throw new UsageError(`--${name} must be a positive number of requests per second, got "${values[name]}"`);
  return rate;
}

/** Serves `store` until SIGINT or SIGTERM. */
async function serveUntilStopped(store: Store, values: Values): Promise<void> {
  const port = values.port === undefined ? 8080 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0-65535, got "${values.port}"`);
  const host = (values.host as string | undefined) ?? '127.0.0.1';
  const { startServer } = await import('../server/index.ts');
  const readRate = rateFlag(values, 'read-rate');
  const writeRate = rateFlag(values, 'write-rate');
  const listCacheMs = values['list-cache-ms'] === undefined ? undefined : Number(values['list-cache-ms']);
  if (listCacheMs !== undefined && !(Number.isInteger(listCacheMs) && listCacheMs >= 0)) {
    throw new UsageError(`--list-cache-ms must be a whole number of milliseconds >= 0, got "${values['list-cache-ms']}"`);
  }
  const server = await startServer({
    store,
    port,
    host,
    listCacheMs,
    ingest: { fetch: { allowPrivate: values['allow-private'] === true } },
    rateLimits: {
      ...(readRate ? { readsPerAddress: { perSecond: readRate, burst: 2 * readRate } } : {}),
      ...(writeRate ? { writesPerToken: { perSecond: writeRate, burst: 4 * writeRate } } : {}),
    },
  });
  info(`crosscheck: serving ${store.location} at ${server.url}/ (API under ${server.url}/api/, Ctrl-C to stop)`);
  await new Promise<void>((done) => {
    const stop = () => done();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
}

const serveCommand: Command = {
  name: 'serve',
  usage: 'serve [--db DB] [--port 8080] [--host 127.0.0.1] [--allow-private]',
  summary: 'serve the REST API under /api/ and the web interface at /',
  description:
    'Write routes (POST /api/ingest) need a bearer token: create one with `crosscheck token create`. ' +
    'The web interface is the app built by `npm run build:web`.',
  options: { db: DB_OPTION, ...SERVE_OPTIONS },
  async run(values) {
    // The server keeps the embedded store's statements off the thread that answers requests.
    await withStore(values, (store) => serveUntilStopped(store, values), { thread: true });
    return EXIT_OK;
  },
};

/** Seconds between two polling rounds of `watch` when --interval is not given. */
const DEFAULT_WATCH_INTERVAL_SECONDS = 300;

const watchCommand: Command = {
  name: 'watch',
  usage: 'watch [--db DB] [--state FILE] [--interval SECONDS] [--once] [--allow-private] FEED…',
  summary: 'poll RSS/Atom feeds and sitemaps, and ingest every new page they list',
  description:
    'FEED: feed or sitemap URLs. Polite by design: conditional GET (ETag, Last-Modified), robots.txt for the\n' +
    '`crosscheck` user agent, one request a second per host (slower when robots.txt sets a Crawl-delay).\n' +
    'What was seen is kept in the state file (default: watch-state.json in the store folder), so a restart\n' +
    'fetches nothing twice. One line per page, as `ingest` prints; Ctrl-C stops after the current page.',
  options: {
    db: DB_OPTION,
    state: { type: 'string', valueName: 'FILE', help: 'where the watcher keeps what it has seen' },
    interval: { type: 'string', valueName: 'SECONDS', help: `seconds between polling rounds (default ${DEFAULT_WATCH_INTERVAL_SECONDS})` },
    once: { type: 'boolean', help: 'one round, then exit' },
    'allow-private': { type: 'boolean', help: 'let feeds and pages on private and loopback addresses be fetched' },
  },
  async run(values, positionals) {
    const feeds = requirePaths(positionals, 'FEED');
    const intervalSeconds = values.interval === undefined ? DEFAULT_WATCH_INTERVAL_SECONDS : Number(values.interval);
    if (!Number.isFinite(intervalSeconds) || intervalSeconds < 1) throw new UsageError(`--interval must be a number of seconds >= 1, got "${values.interval}"`);
    const location = (values.db as string | undefined) ?? process.env.CROSSCHECK_DB ?? DEFAULT_STORE_DIR;
    const statePath =
      (values.state as string | undefined) ??
      (/^postgres(ql)?:\/\//i.test(location) ? resolve('crosscheck-watch-state.json') : resolve(location, 'watch-state.json'));
    const { FeedWatcher } = await import('../sources/watch.ts');
    const { readFile, writeFile, rename } = await import('node:fs/promises');
    let state: import('../sources/watch.ts').WatchState | undefined;
    try {
      state = JSON.parse(await readFile(statePath, 'utf8'));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new UsageError(`cannot read the watch state ${statePath}: ${(err as Error).message}`);
    }
    return withStore(values, async (store) => {
      const { Ingestor } = await import('../pipeline.ts');
      const ingestor = await Ingestor.open(store);
      const out = new NdjsonWriter();
      const watcher = new FeedWatcher({
        feeds,
        state,
        fetchOptions: { allowPrivate: values['allow-private'] === true },
        onDocument: async (doc) => out.write(await ingestor.ingest(doc)),
        onFailure: (failure) => out.write({ input: failure.input, ok: false, error: { code: failure.error.code, message: failure.error.message } }),
      });
      const saveState = async () => {
        // Write then rename: a crash never leaves half a state file.
        await writeFile(`${statePath}.tmp`, JSON.stringify(watcher.state));
        await rename(`${statePath}.tmp`, statePath);
      };
      if (values.once === true) {
        const report = await watcher.poll();
        await saveState();
        info(`watch: ${report.documents} new pages, ${report.failures.length} failures, ${report.pending} pending`);
        return out.exitCode;
      }
      const controller = new AbortController();
      const stop = () => controller.abort();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      info(`watch: polling ${feeds.length} feed${feeds.length === 1 ? '' : 's'} every ${intervalSeconds} s into ${store.location} (Ctrl-C to stop)`);
      await watcher.run({
        intervalMs: intervalSeconds * 1000,
        signal: controller.signal,
        onRound: async (report) => {
          await saveState();
          info(`watch: round done: ${report.documents} new pages, ${report.failures.length} failures, ${report.pending} pending`);
        },
      });
      await saveState();
      return out.exitCode;
    });
  },
};

const tokenCommand: Command = {
  name: 'token',
  usage: 'token create [--name NAME] | token list | token revoke ID   [--db DB]',
  summary: 'manage the bearer tokens that write routes of the API require',
  description:
    '`create` prints {"id", "name", "token"} once: the store keeps only a hash of the secret. `list` prints one ' +
    '{"id", "name", "created_at", "last_used_at", "revoked"} per token; `revoke ID` disables one.',
  options: { db: DB_OPTION, name: { type: 'string', valueName: 'NAME', help: 'what the token is for (default "api")' } },
  async run(values, positionals) {
    const [action, ...rest] = positionals;
    if (action === 'create' && rest.length === 0) {
      const name = (values.name as string | undefined) ?? 'api';
      return withStore(values, async (store) => {
        const { createToken } = await import('../server/tokens.ts');
        const { id, token } = await createToken(store, name);
        const created: { id: string; name: string; token: string } = { id, name, token };
        new NdjsonWriter().write(created);
        info('token: shown once; keep it secret. Send it as `Authorization: Bearer <token>`.');
        return EXIT_OK;
      });
    }
    if (action === 'list' && rest.length === 0) {
      return withStore(values, async (store) => {
        const out = new NdjsonWriter();
        for (const token of await store.listApiTokens()) out.write({ ...token });
        return EXIT_OK;
      });
    }
    if (action === 'revoke' && rest.length === 1) {
      return withStore(values, async (store) => {
        if (!(await store.revokeApiToken(rest[0]))) throw new UsageError(`no live token with id "${rest[0]}" (see \`crosscheck token list\`)`);
        info(`token: ${rest[0]} revoked`);
        return EXIT_OK;
      });
    }
    throw new UsageError('expected `token create [--name NAME]`, `token list` or `token revoke ID`');
  },
};

const demoCommand: Command = {
  name: 'demo',
  usage: 'demo [--db DB] [--serve [--port 8080] [--host 127.0.0.1]]',
  summary: 'ingest the bundled demo corpus (examples/demo) and print the story briefs; --serve then opens the web interface',
  options: {
    db: DB_OPTION,
    serve: { type: 'boolean', help: 'after ingesting, serve the web interface and API (what `npm start` does)' },
    ...SERVE_OPTIONS,
  },
  async run(values) {
    return withStore(values, async (store) => {
      info(`demo: ingesting ${DEMO_CORPUS} into ${store.location}`);
      const out = new NdjsonWriter((line) => {
        if (line.ok === false) info(`  failed ${line.input}: [${line.error?.code}] ${line.error?.message}`);
      });
      const code = await ingestPaths(store, [DEMO_CORPUS], { acceptJsonl: true }, out);
      const { renderBriefMarkdown } = await import('../crosscheck/index.ts');
      const { currentBrief } = await import('../briefs.ts');
      for (const summary of await store.listStories()) {
        const found = await currentBrief(store, summary.id);
        if (found) process.stdout.write(renderBriefMarkdown(JSON.parse(found.json) as StoryBrief) + '\n\n---\n\n');
      }
      if (values.serve === true) {
        await serveUntilStopped(store, values);
        return code;
      }
      info('demo: done. Browse it with `npx crosscheck serve`, then open http://127.0.0.1:8080/');
      return code;
    }, { thread: values.serve === true });
  },
};

export const COMMANDS: Command[] = [
  extractCommand,
  annotateCommand,
  clusterCommand,
  ingestCommand,
  storiesCommand,
  storyCommand,
  serveCommand,
  watchCommand,
  enqueueCommand,
  workerCommand,
  tokenCommand,
  demoCommand,
];
