import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StoryBrief } from '../model.ts';
import { renderStoryPage } from './views.ts';

/** A hand-built fictional brief with one claim of each status, independent of the cross-check heuristics. */
const BRIEF: StoryBrief = {
  id: 'story-dam',
  title: 'Reservoir dam at Lake Tirn <b>inspected</b>',
  summary: [
    { text: 'Engineers inspected the Lake Tirn dam.', sources: [{ article: 'a1', text: 'Engineers inspected the Lake Tirn dam.', start: 0, end: 38 }] },
  ],
  articles: [
    { id: 'a1', title: 'Dam inspected', outlet: 'Tirn Valley News', authors: ['Ines Marrow'], published: '2032-06-01', url: 'https://tvn.example/dam' },
    { id: 'a2', title: 'Dam check', outlet: 'Brae & Tor "Herald"', authors: [], published: '2032-06-02', url: 'javascript:alert(1)' },
  ],
  claims: [
    { id: 'c1', text: 'The dam is safe.', status: 'corroborated', independent_sources: 2, sources: [
      { article: 'a1', text: 'The dam is safe, engineers said.', start: 40, end: 72 },
      { article: 'a2', text: 'Engineers said the dam is safe.', start: 0, end: 31 },
    ] },
    { id: 'c2', text: 'Repairs will cost 4 million.', status: 'conflicting', independent_sources: 1, conflicts_with: ['c3'], sources: [
      { article: 'a1', text: 'Repairs will cost 4 million.', start: 80, end: 108 },
    ] },
    { id: 'c3', text: 'Repairs will cost 9 million.', status: 'single-source', independent_sources: 1, sources: [
      { article: 'a2', text: 'Repairs will cost 9 million.', start: 40, end: 68 },
    ] },
  ],
  entities: [{ canonical: 'Lake Tirn', type: 'LOC', aliases: ['Tirn'], articles: 2 }],
  timeline: [{ value: '2032-05-30', text: 'on Sunday', inferred: true, sources: [{ article: 'a1', text: 'on Sunday', start: 5, end: 14 }] }],
};

describe('renderStoryPage', () => {
  const page = renderStoryPage(BRIEF);

  it('colours each claim by its status and labels it in words', () => {
    assert.ok(page.includes('<div class="claim claim--corroborated" id="claim-c1">'));
    assert.ok(page.includes('<div class="claim claim--conflicting" id="claim-c2">'));
    assert.ok(page.includes('<div class="claim claim--single-source" id="claim-c3">'));
    assert.ok(page.includes('<span class="status status--conflicting">conflicting</span>'));
    assert.ok(page.includes('conflicts with <a href="#claim-c3">c3</a>'));
  });

  it('shows each source sentence with its outlet, escaped', () => {
    assert.ok(page.includes('<span class="outlet">Tirn Valley News</span>: “The dam is safe, engineers said.”'));
    assert.ok(page.includes('<span class="outlet">Brae &amp; Tor &quot;Herald&quot;</span>: “Engineers said the dam is safe.”'));
  });

  it('escapes the title, keeps http links and drops javascript: links', () => {
    assert.ok(page.includes('<h1>Reservoir dam at Lake Tirn &lt;b&gt;inspected&lt;/b&gt;</h1>'));
    assert.ok(!page.includes('<b>'));
    assert.ok(page.includes('href="https://tvn.example/dam"'));
    assert.ok(!page.includes('javascript:'));
  });

  it('renders the timeline and entities', () => {
    assert.ok(page.includes('<time>2032-05-30</time> (inferred) — on Sunday'));
    assert.ok(page.includes('<tr><td>Lake Tirn</td><td>LOC</td><td>Tirn</td><td>2</td></tr>'));
  });
});
