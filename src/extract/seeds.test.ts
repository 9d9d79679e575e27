/**
 * Acceptance on the two seed pages (scraped text as saved by a scraper). The pages are read at test time
 * from <repo>/../shared/seeds and never copied into the project; expectations are located by rules.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { extractArticle } from './index.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const seedsDir = path.resolve(repoRoot, '../shared/seeds');
const seedsPresent = existsSync(seedsDir);

const FORBIDDEN = [
  'Subscribe', 'indicates required', 'Advertisement', 'Install the Express App', 'Edit post', 'Skip to content',
  'MORE NEWS', "Editors' Picks",
];

/** Body paragraphs by rule: lines of at least `minWords` words that end a sentence with a period. */
function sentenceLines(content: string, minWords: number): string[] {
  return content
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.split(/\s+/).length >= minWords && /\.$/.test(line));
}

const seedFiles = seedsPresent ? readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort() : [];

test('seed pages', { skip: seedsPresent ? false : `seeds folder not found at ${seedsDir}` }, async (t) => {
  assert.ok(seedFiles.length > 0, 'the seeds folder holds .txt pages');
  for (const file of seedFiles) {
    await t.test(file, () => {
      const content = readFileSync(path.join(seedsDir, file), 'utf8');
      const article = extractArticle({ input: file, kind: 'text', content });

      const bodyLines = sentenceLines(content, 25);
      const firstSentence = sentenceLines(content, 12)[0];
      assert.ok(bodyLines.length >= 3, 'the rule finds body paragraphs in the seed');
      for (const line of bodyLines) assert.ok(article.text.includes(line), `body paragraph missing: ${line.slice(0, 60)}…`);
      // The standfirst (kept as article content) or the first body paragraph opens the text: no title,
      // byline or caption before it.
      assert.ok(article.text.startsWith(article.description ?? firstSentence) || article.text.startsWith(firstSentence), 'text starts with the standfirst or the first body paragraph');
      for (const word of FORBIDDEN) assert.ok(!article.text.includes(word), `text contains boilerplate "${word}"`);
      assert.ok(!/Getty Images|\(Photo:/.test(article.text), 'photo captions are left out');
      assert.ok(article.text.includes('Belousov'));
      assert.match(article.text, /\n\n/, 'paragraphs are separated by a blank line');

      // Title: a headline line of the page, above the body, not a navigation line.
      assert.ok(article.title, 'title found');
      const lines = content.split('\n').map((line) => line.trim());
      const titleLine = lines.indexOf(article.title!);
      assert.ok(titleLine >= 0, 'title is a line of the page');
      assert.ok(titleLine < lines.indexOf(firstSentence), 'title comes before the body');
      assert.ok(article.title!.includes('Belousov') || article.title!.includes('North Korea'), 'title is the headline');
      assert.equal(article.language, 'en');
      assert.equal(article.provenance.title?.rule, 'text.title');
    });
  }

  const first = seedFiles.find((f) => f.startsWith('000'));
  await t.test('000: byline gives author and published', { skip: first ? false : 'no seed named 000*' }, () => {
    const content = readFileSync(path.join(seedsDir, first!), 'utf8');
    const article = extractArticle({ input: first!, kind: 'text', content });
    assert.deepEqual(article.authors, ['Dmytro Basmat']);
    assert.ok(article.published?.startsWith('2024-11-29'), `published: ${article.published}`);
    assert.ok(!article.published!.endsWith('Z'), 'zone unknown: no Z');
    assert.match(article.published!, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'time without offset');
    assert.ok(article.text.includes('Pyongyang'));
    assert.ok(!article.text.includes('…'), 'the truncated teaser of another article is left out');
    assert.equal(article.provenance.authors?.rule, 'text.byline');
  });

  const third = seedFiles.find((f) => f.startsWith('003'));
  await t.test('003: standfirst and tags', { skip: third ? false : 'no seed named 003*' }, () => {
    const content = readFileSync(path.join(seedsDir, third!), 'utf8');
    const article = extractArticle({ input: third!, kind: 'text', content });
    assert.ok(article.description, 'standfirst read as description');
    assert.ok(article.text.startsWith(article.description!), 'the standfirst opens the text');
    assert.equal(article.text.split(article.description!).length, 2, 'the standfirst appears once');
    assert.ok(article.tags.includes('Russia'), `tags: ${article.tags.join(', ')}`);
    assert.ok(!article.text.includes('Tags:'));
  });
});
