/**
 * The whole pipeline on the two reference pages in ../shared/seeds (real pages on one event, as a scraper
 * saved them). Skips with a message where that folder is absent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli, tempDir, SEEDS_DIR, SEEDS_MISSING, freshStoreLocation } from './helpers.ts';
import { extractLine, storyBrief } from '../src/contract.ts';

const BOILERPLATE = ['Subscribe', 'indicates required', 'Advertisement', 'Install the Express App', 'Edit post', 'Skip to content', 'MORE NEWS', "Editors' Picks"];

async function seedFiles(): Promise<string[]> {
  return (await readdir(SEEDS_DIR)).filter((f) => f.endsWith('.txt')).sort().map((f) => join(SEEDS_DIR, f));
}

test('seeds: extraction drops the boilerplate and reads byline and date', { skip: SEEDS_MISSING }, async () => {
  const files = await seedFiles();
  assert.equal(files.length, 2);
  const r = await runCli(['extract', ...files]);
  assert.equal(r.code, 0, r.stderr);
  for (const line of r.lines) {
    extractLine.parse(line);
    assert.ok(line.text.length > 1000, `main text of ${line.input} is ${line.text.length} chars`);
    assert.match(line.text, /Belousov/);
    for (const phrase of BOILERPLATE) assert.ok(!line.text.includes(phrase), `${line.input} still holds "${phrase}"`);
    assert.ok(line.title && /Belousov|defence minister/i.test(line.title), `title: ${line.title}`);
  }
  const first = r.lines.find((l) => /\/000_/.test(l.input))!;
  assert.deepEqual(first.authors, ['Dmytro Basmat']);
  assert.ok(first.published?.startsWith('2024-11-29'), `published: ${first.published}`);
});

test('seeds: both pages land in one story with a contract-shaped brief', { skip: SEEDS_MISSING }, async () => {
  const db = freshStoreLocation(join(await tempDir(), 'db'));
  const ingest = await runCli(['ingest', '--db', db, ...(await seedFiles())]);
  assert.equal(ingest.code, 0, ingest.stderr);
  assert.equal(ingest.lines.length, 2);
  assert.equal(ingest.lines[0].story, ingest.lines[1].story, 'one story holds both pages');

  const stories = await runCli(['stories', '--db', db]);
  assert.equal(stories.lines.length, 1);
  assert.equal(stories.lines[0].articles, 2);

  const story = await runCli(['story', stories.lines[0].id, '--db', db, '--json']);
  const brief = storyBrief.parse(story.lines[0]);
  assert.equal(brief.articles.length, 2);
  assert.ok(brief.claims.some((c) => c.status === 'corroborated' && c.independent_sources >= 2), 'a fact both pages report is corroborated');
  assert.ok(brief.timeline.some((t) => t.value === '2024-11-29'));
  const belousov = brief.entities.filter((e) => /Belousov/.test(e.canonical));
  assert.equal(belousov.length, 1, `one canonical for Belousov: ${JSON.stringify(belousov)}`);
});
