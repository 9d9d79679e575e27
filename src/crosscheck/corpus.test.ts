/**
 * The cross-check on real pipeline output: the demo corpus (examples/demo, planted wire copy and death-toll
 * conflict, see its MANIFEST.json) and the two seed pages (../shared/seeds, read at run time, skipped with a
 * message when absent). Articles go through extract and annotate in process; stories are the manifest's events
 * (the demo) and the two seed pages together, whatever the clusterer decides, so these tests pin this stage.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDocuments } from '../cli/documents.ts';
import { StreamClusterer } from '../cluster/index.ts';
import { storyBrief } from '../contract.ts';
import type { StoryBrief, StoryClaim } from '../model.ts';
import { clusterInputOf, processDocument } from '../pipeline.ts';
import type { StoredArticle } from '../store/types.ts';
import { buildBrief, renderBriefMarkdown } from './index.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DEMO = join(REPO, 'examples/demo/pages');
const SEEDS = join(REPO, '../shared/seeds');
const SEEDS_MISSING = existsSync(SEEDS) ? false : `skipped: ${SEEDS} is absent (the seed pages are not part of the project)`;

/**
 * Extracted and annotated articles of a folder; `storyOf` names each one's story from its file name. The
 * clusterer still runs, for what it says beyond the story (copies).
 */
async function records(folder: string, storyOf: (file: string) => string): Promise<StoredArticle[]> {
  const clusterer = new StreamClusterer();
  const out: StoredArticle[] = [];
  for await (const item of readDocuments([folder])) {
    if (!('doc' in item)) continue;
    const record = processDocument(item.doc, { now: () => new Date('2030-01-01T00:00:00Z') });
    const assigned = clusterer.assign(clusterInputOf(record));
    out.push({ record, assignment: { id: record.id, story: storyOf(basename(record.input)), explanation: assigned.explanation } });
  }
  return out;
}

const summaryOf = (id: string, n: number) => ({ id, title: null, articles: n, outlets: [], first_seen: null, last_seen: null });

function assertOffsets(brief: StoryBrief, articles: readonly StoredArticle[]) {
  const textOf = new Map(articles.map((a) => [a.record.id, a.record.article.text]));
  for (const ref of [...brief.claims.flatMap((c) => c.sources), ...brief.timeline.flatMap((t) => t.sources), ...brief.summary.flatMap((s) => s.sources)]) {
    assert.equal(textOf.get(ref.article)?.slice(ref.start, ref.end), ref.text);
  }
}

describe('demo corpus', () => {
  let stories: Array<{ brief: StoryBrief; articles: StoredArticle[] }> = [];
  const fileOf = new Map<string, string>();
  const manifest = JSON.parse(readFileSync(join(REPO, 'examples/demo/MANIFEST.json'), 'utf8')) as {
    wire_copy: { files: string[] };
    conflict: { files: string[]; values: number[] };
    documents: Array<{ file: string; event: string }>;
  };
  const eventOf = new Map(manifest.documents.map((d) => [d.file, d.event]));

  before(async () => {
    const all = await records(DEMO, (file) => eventOf.get(file) ?? file);
    for (const a of all) fileOf.set(a.record.id, basename(a.record.input));
    const byStory = new Map<string, StoredArticle[]>();
    for (const a of all) byStory.set(a.assignment.story, [...(byStory.get(a.assignment.story) ?? []), a]);
    stories = [...byStory].map(([id, articles]) => ({ brief: buildBrief(summaryOf(id, articles.length), articles), articles }));
  });

  const sourcedBy = (claim: StoryClaim, file: string) => claim.sources.some((s) => fileOf.get(s.article) === file);

  it('every brief meets the contract and points at its sources exactly', () => {
    assert.equal(stories.length, 5);
    for (const { brief, articles } of stories) {
      storyBrief.parse(brief);
      assertOffsets(brief, articles);
      assert.ok(renderBriefMarkdown(brief).includes('## Claims'));
    }
  });

  it('reports the planted death toll conflict (14 vs 19)', () => {
    const [low, high] = [...manifest.conflict.values].sort((a, b) => a - b);
    const claims = stories.flatMap((s) => s.brief.claims);
    const fourteen = claims.find((c) => c.status === 'conflicting' && c.sources.some((s) => new RegExp(`killed ${low} people`).test(s.text)));
    const nineteen = claims.find((c) => c.status === 'conflicting' && c.sources.some((s) => new RegExp(`risen to ${high}`).test(s.text)));
    assert.ok(fourteen && nineteen, 'both tolls are conflicting claims');
    assert.ok(fourteen.conflicts_with?.includes(nineteen.id));
    assert.ok(nineteen.conflicts_with?.includes(fourteen.id));
    const story = stories.find((s) => s.brief.claims.includes(fourteen))!;
    const conflict = story.brief.conflicts?.find((c) => c.claims.includes(fourteen.id) && c.claims.includes(nineteen.id));
    assert.equal(conflict?.kind, 'number');
    assert.match(conflict?.detail ?? '', new RegExp(`${low}.*vs.*${high}|${high}.*vs.*${low}`));
    // The higher toll comes from one outlet only; the lower one from two publisher families (the Harbor
    // Ledger and the Kestrel Post are one).
    assert.equal(nineteen.independent_sources, 1);
    assert.equal(fourteen.independent_sources, 2);
  });

  it('counts the planted wire copy once', () => {
    const [first, second] = manifest.wire_copy.files;
    const claims = stories.flatMap((s) => s.brief.claims).filter((c) => sourcedBy(c, first) && sourcedBy(c, second));
    assert.ok(claims.length >= 5, `${claims.length} claims carried by both copies`);
    for (const claim of claims) {
      const outlets = new Set(claim.sources.map((s) => fileOf.get(s.article)!.split('--')[0]));
      // The two copies are two outlets but one source.
      assert.ok(claim.independent_sources <= outlets.size - 1, `${claim.text}: ${claim.independent_sources} of ${outlets.size} outlets`);
    }
    const onlyTheCopies = claims.filter((c) => c.sources.every((s) => [first, second].includes(fileOf.get(s.article)!)));
    assert.ok(onlyTheCopies.length > 0);
    for (const claim of onlyTheCopies) {
      assert.equal(claim.independent_sources, 1, claim.text);
      assert.equal(claim.status, 'single-source', claim.text);
    }
  });
});

describe('seed pages', { skip: SEEDS_MISSING }, () => {
  let brief: StoryBrief;
  let articles: StoredArticle[];
  let dated: string;
  let undated: string;

  before(async () => {
    articles = await records(SEEDS, () => 'seeds');
    assert.equal(articles.length, 2);
    brief = buildBrief(summaryOf('seeds', 2), articles);
    dated = articles.find((a) => a.record.article.published)!.record.id;
    undated = articles.find((a) => !a.record.article.published)!.record.id;
  });

  /** The claim whose sources mention every fragment (in one sentence each), the most corroborated first. */
  const claimOf = (...fragments: RegExp[]) => {
    const found = brief.claims
      .filter((c) => fragments.every((f) => c.sources.some((s) => f.test(s.text))))
      .sort((a, b) => b.independent_sources - a.independent_sources);
    assert.ok(found.length > 0, `no claim with ${fragments.join(' ')}`);
    return found[0];
  };

  it('meets the contract and points at its sources exactly', () => {
    storyBrief.parse(brief);
    assertOffsets(brief, articles);
  });

  for (const [what, fragments] of [
    ['the troop dispatch (over 10,000)', [/over 10,000 troops/, /more than 10,000 soldiers/]],
    ["Belousov's arrival for the visit", [/arrived in Pyongyang/, /arrived in North Korea/]],
    ['the talks with the military and political leadership', [/meetings with/, /talks with North Korean military and political/]],
    ['North Korean arms supplies to Russia', [/supplier of artillery/, /accused of supplying artillery/]],
  ] as const) {
    it(`corroborates ${what} by 2 sources`, () => {
      const claim = claimOf(...fragments);
      assert.equal(claim.status, 'corroborated', claim.text);
      assert.equal(claim.independent_sources, 2);
      assert.deepEqual(new Set(claim.sources.map((s) => s.article)), new Set([dated, undated]));
    });
  }

  for (const [what, fragment] of [
    ['the greeting by No Kwang-chol', /No Kwang-chol/],
    ["Ukraine's loss of over 40 percent of its Kursk gains", /40 percent/],
    ['Belousov replacing Shoigu in May', /replaced Sergei Shoigu/],
    ["Yoon's meeting with Umerov", /Umerov/],
  ] as const) {
    it(`keeps ${what} single-source`, () => {
      const claims = brief.claims.filter((c) => c.text.match(fragment) || c.sources.some((s) => fragment.test(s.text)));
      assert.ok(claims.length > 0);
      const own = claims.find((c) => fragment.test(c.text));
      assert.ok(own, `a claim of its own for ${fragment}`);
      assert.equal(own.status, 'single-source', own.text);
      assert.equal(own.independent_sources, 1);
    });
  }

  it('holds the dated events on the timeline', () => {
    const at = (value: string, fragment: RegExp) => brief.timeline.find((t) => t.value === value && t.sources.some((s) => fragment.test(s.text)));
    for (const [value, fragment] of [
      ['2024-05', /Shoigu/],
      ['2024-06', /state visit/],
      ['2024-08', /incursion/],
      ['2024-11-23', /Reuters/],
      ['2024-11-29', /arrived in Pyongyang/],
      ['2025-01-20', /inauguration/],
    ] as const) {
      assert.ok(at(value, fragment), `${value} ${fragment} in ${JSON.stringify(brief.timeline.map((t) => [t.value, t.text.slice(0, 40)]))}`);
    }
  });

  it("resolves the undated page's Friday to 2024-11-29, marked inferred", () => {
    const friday = brief.timeline.find((t) => t.value === '2024-11-29' && t.sources.some((s) => s.article === undated));
    assert.ok(friday, JSON.stringify(brief.timeline));
    assert.equal(friday.inferred, true);
    assert.match(friday.expression ?? '', /Friday/);
    assert.ok(friday.mentions?.every((m) => m.inferred && m.article === undated));
    const page = brief.articles.find((a) => a.id === undated)!;
    assert.equal(page.published, null);
    assert.equal(page.reference_date?.value, '2024-11-29');
    assert.equal(page.reference_date?.inferred, true);
  });

  it('merges Belousov into one entity with his spellings', () => {
    const belousov = brief.entities.filter((e) => /Belousov/.test(e.canonical));
    assert.equal(belousov.length, 1);
    assert.equal(belousov[0].articles, 2);
  });
});
