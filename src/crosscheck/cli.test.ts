/** The `story` command's export flags, run as a user runs them (the binary, a temporary store). */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { DEMO_DIR, runCli, tempDir } from '../../test/helpers.ts';
import { storyBrief } from '../contract.ts';
import { CLAIMS_CSV_COLUMNS, EVENTS_TSV_COLUMNS } from './export.ts';

describe('crosscheck story exports', () => {
  let db: string;
  let id: string;

  before(async () => {
    db = join(await tempDir(), 'db');
    const files = ['harbor-ledger--port-fire.html', 'valmont-courier--port-fire.html', 'nbn--port-fire.txt'].map((f) => join(DEMO_DIR, f));
    const ingest = await runCli(['ingest', '--db', db, ...files]);
    assert.equal(ingest.code, 0, ingest.stderr);
    const stories = await runCli(['stories', '--db', db]);
    id = stories.lines.sort((a, b) => b.articles - a.articles)[0].id;
  });

  it('documents every format in --help', async () => {
    const help = await runCli(['story', '--help'], { raw: true });
    assert.equal(help.code, 0);
    for (const flag of ['--json', '--md', '--csv', '--graph-json', '--graphml', '--events-tsv', '--format']) assert.match(help.stdout, new RegExp(`${flag}\\b`));
  });

  it('keeps --json one contract object on one line', async () => {
    const r = await runCli(['story', id, '--db', db, '--json']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.lines.length, 1);
    const brief = storyBrief.parse(r.lines[0]);
    assert.ok(brief.claims.some((c) => c.status === 'conflicting'), 'the 14 vs 19 death toll');
  });

  it('prints the claims CSV, the events TSV, the graph as GraphML and JSON', async () => {
    const csv = await runCli(['story', id, '--db', db, '--csv'], { raw: true });
    assert.equal(csv.code, 0, csv.stderr);
    assert.ok(csv.stdout.startsWith(`${CLAIMS_CSV_COLUMNS.join(',')}\r\n`));
    const tsv = await runCli(['story', id, '--db', db, '--format', 'events-tsv'], { raw: true });
    assert.equal(tsv.code, 0, tsv.stderr);
    assert.ok(tsv.stdout.startsWith(`${EVENTS_TSV_COLUMNS.join('\t')}\n`));
    const graphml = await runCli(['story', id, '--db', db, '--graphml'], { raw: true });
    assert.match(graphml.stdout, /<graphml [^>]*>[\s\S]*<\/graphml>\n$/);
    const graph = await runCli(['story', id, '--db', db, '--graph-json']);
    assert.equal(graph.lines.length, 1);
    assert.ok(Array.isArray(graph.lines[0].nodes) && Array.isArray(graph.lines[0].edges));
  });

  it('refuses two formats or an unknown one as a usage error', async () => {
    assert.equal((await runCli(['story', id, '--db', db, '--csv', '--md'], { raw: true })).code, 2);
    assert.equal((await runCli(['story', id, '--db', db, '--format', 'xml'], { raw: true })).code, 2);
  });
});
