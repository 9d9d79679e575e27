/**
 * The demo corpus's HTML pages against the truth in examples/demo/MANIFEST.json: outlet, title, authors,
 * published (same instant) and credit must all be right.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import { fileURLToPath } from 'node:url';
import { extractArticle } from './index.ts';

const demoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../examples/demo');
const manifestPath = path.join(demoDir, 'MANIFEST.json');

interface DemoDocument {
  file: string;
  kind: string;
  outlet: string;
  title: string;
  authors: string[];
  published: string;
  credit: string | null;
}

const documents: DemoDocument[] = existsSync(manifestPath)
  ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as { documents: DemoDocument[] }).documents.filter((d) => d.kind === 'html')
  : [];

test('demo HTML pages: metadata as in MANIFEST.json', { skip: documents.length > 0 ? false : `no demo manifest at ${manifestPath}` }, async (t) => {
  for (const doc of documents) {
    await t.test(doc.file, () => {
      const content = readFileSync(path.join(demoDir, 'pages', doc.file), 'utf8');
      const article = extractArticle({ input: doc.file, kind: 'html', content });
      assert.equal(article.outlet, doc.outlet, 'outlet');
      assert.equal(article.title, doc.title, 'title');
      assert.deepEqual(article.authors, doc.authors, 'authors');
      assert.equal(article.credit, doc.credit ?? null, 'credit');
      assert.ok(article.published, 'published found');
      assert.equal(Date.parse(article.published!), Date.parse(doc.published), `published ${article.published} vs ${doc.published}`);
      assert.match(article.published!, /[+-]\d{2}:\d{2}$/, 'the offset the page states is kept');
    });
  }
});
