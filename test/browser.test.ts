/**
 * The web interface in a real browser: Debian's Chromium driven by playwright-core, against `crosscheck
 * serve` on the demo corpus. Opens the demo, searches, opens a story and a claim's sources, checks the
 * highlighted spans against the API, ingests a pasted page and watches it appear, and proves that script
 * and event-handler payloads in an ingested page never run. Screenshots go to docs/screenshots/.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { readDocuments } from '../src/cli/documents.ts';
import { Ingestor } from '../src/pipeline.ts';
import { createToken, startServer, type RunningServer } from '../src/server/index.ts';
import { loadWebAssets, WEB_DIST_DIR } from '../src/server/web.ts';
import { openStore, type MaintainableStore } from '../src/store/index.ts';
import { DEMO_DIR, REPO_ROOT, SEEDS_DIR, freshStoreLocation, tempDir } from './helpers.ts';

const CHROMIUM = process.env.CROSSCHECK_CHROMIUM ?? '/usr/bin/chromium';
const SCREENSHOTS = join(REPO_ROOT, 'docs/screenshots');
const SKIP: string | false = !existsSync(CHROMIUM)
  ? `skipped: no Chromium at ${CHROMIUM} (.ci/run installs Debian's chromium; or set CROSSCHECK_CHROMIUM)`
  : !existsSync(join(WEB_DIST_DIR, 'index.html'))
    ? 'skipped: the web app is not built (npm run build:web; npm test builds it first)'
    : false;

/** A fictional page carrying script and event-handler payloads in its title, byline and text. */
const HOSTILE_PAGE = `<!doctype html><html><head><title>Quay festival <script>window.__xss = 'title'</script></title>
<meta property="og:site_name" content="Harbour &lt;img src=x onerror=&quot;window.__xss='outlet'&quot;&gt; Times">
</head><body><article><h1>Lantern night on Quay 9 <img src=x onerror="window.__xss='h1'"></h1>
<p class="byline">By Mira Tolvane <svg onload="window.__xss='svg'"></svg></p>
<p>Thousands walked the Quay 9 promenade in Port Sallow on Saturday as the lantern night returned,
organisers said. &lt;script&gt;window.__xss='text'&lt;/script&gt; The parade ran for three hours.</p>
<p>The harbour office said 12,000 lanterns were handed out, <a href="javascript:window.__xss='link'">a record</a>.</p>
<p><img src=x onerror="window.__xss='img'"> Stalls sold roasted chestnuts along the quay until midnight.</p>
</article></body></html>`;

const PASTED_TEXT = [
  'Ferry crews in Port Sallow vote to strike over rosters',
  'By Anselm Dreyk',
  'PORT SALLOW — Ferry crews of the Sallow Straits Line voted to strike for 48 hours from Monday, their union said on Thursday.',
  'The union said 81 percent of members backed the walkout after talks on new rosters failed.',
  'The company said it would run a reduced timetable and urged passengers to check sailings before travelling.',
].join('\n\n');

describe('web interface in Chromium', { skip: SKIP }, () => {
  let dir: string;
  let store: MaintainableStore;
  let server: RunningServer;
  let browser: Browser;
  let token: string;
  const errors: string[] = [];

  before(async () => {
    dir = await tempDir('crosscheck-browser-');
    store = await openStore(freshStoreLocation(dir));
    const ingestor = await Ingestor.open(store);
    const inputs = [DEMO_DIR];
    if (existsSync(SEEDS_DIR)) inputs.push(SEEDS_DIR);
    for await (const item of readDocuments(inputs, { acceptJsonl: true })) if ('doc' in item) await ingestor.ingest(item.doc);
    token = (await createToken(store, 'browser test')).token;
    server = await startServer({ store, port: 0, host: '127.0.0.1', webAssets: await loadWebAssets() });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    await mkdir(SCREENSHOTS, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function open(path: string, width = 1280): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    page.on('pageerror', (error) => errors.push(`${path}: ${error.message}`));
    page.on('console', (message) => {
      // The browser logs every 4xx answer as a console error; the token test provokes a 401 on purpose.
      if (message.type() === 'error' && !/favicon|status of 401/.test(message.text())) errors.push(`${path}: ${message.text()}`);
    });
    page.on('dialog', (dialog) => {
      errors.push(`${path}: a dialog opened: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.goto(`${server.url}${path}`);
    return page;
  }

  it('lists the demo stories and filters them by words', async () => {
    const page = await open('/');
    await page.locator('.story-card').first().waitFor();
    const stories = await page.locator('.story-card h2').allTextContents();
    assert.ok(stories.length >= 5, `demo stories listed: ${stories.join(' | ')}`);
    await page.screenshot({ path: join(SCREENSHOTS, 'stories.png') });

    await page.fill('#f-q', 'interest rate');
    await page.click('.filters button[type=submit]');
    await page.waitForURL(/\?q=interest/);
    await page.waitForFunction(() => document.querySelectorAll('.story-card').length > 0 && /match/.test(document.querySelector('#story-count')?.textContent ?? ''));
    const filtered = await page.locator('.story-card h2').allTextContents();
    assert.ok(filtered.length >= 1 && filtered.length < stories.length, `filtered: ${filtered.join(' | ')}`);
    assert.ok(filtered.some((title) => /rate/i.test(title)), filtered.join(' | '));
    await page.close();
  });

  it('opens a story, a claim’s sources side by side, and highlights exactly the source sentences', async () => {
    const list = (await (await fetch(`${server.url}/api/stories?q=fire%20terminal`)).json()) as { stories: Array<{ id: string }> };
    assert.ok(list.stories.length > 0, 'the port-fire story is found');
    const storyId = list.stories[0].id;
    const brief = (await (await fetch(`${server.url}/api/stories/${storyId}`)).json()) as {
      claims: Array<{ id: string; status: string; text: string; sources: Array<{ article: string; text: string }> }>;
    };
    const claim = brief.claims.find((c) => c.sources.length >= 2) ?? brief.claims[0];
    assert.ok(claim, 'the story has claims');

    const page = await open(`/stories/${encodeURIComponent(storyId)}`);
    await page.locator('.claims .claim').first().waitFor();
    const statuses = await page.locator('.claims .claim').evaluateAll((items) => items.map((item) => item.className));
    assert.equal(statuses.length, brief.claims.length, 'every claim shown');
    for (const status of statuses) assert.match(status, /claim--(corroborated|single-source|conflicting)/);

    const item = page.locator(`.claims [data-claim="${claim.id}"]`);
    await item.locator('.claim-toggle').click();
    await item.locator('.source-card').first().waitFor();
    await page.waitForFunction((id) => document.querySelectorAll(`[data-claim="${id}"] .source-card .context`).length > 0, claim.id);
    const marks = await item.locator('.source-card mark.source-span').allTextContents();
    assert.deepEqual(marks.sort(), claim.sources.map((source) => source.text).sort(), 'each source sentence highlighted, verbatim');
    assert.equal(await item.locator('.claim-toggle').getAttribute('aria-expanded'), 'true');
    await page.screenshot({ path: join(SCREENSHOTS, 'story.png'), fullPage: false });

    if (brief.claims.some((c) => c.status === 'conflicting')) {
      const conflicts = await page.locator('.conflicts .conflict').count();
      assert.ok(conflicts > 0, 'conflicting claims are shown together');
    }
    assert.ok((await page.locator('.timeline svg').count()) + (await page.locator('#timeline-heading').count()) > 0);
    await page.close();
  });

  it('keyboard users reach the claims and open one with Enter', async () => {
    const list = (await (await fetch(`${server.url}/api/stories?limit=1`)).json()) as { stories: Array<{ id: string }> };
    const page = await open(`/stories/${encodeURIComponent(list.stories[0].id)}`);
    await page.locator('.claims .claim-toggle').first().waitFor();
    await page.locator('.claims .claim-toggle').first().focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('.claims .claim-toggle').first().getAttribute('aria-expanded'), 'true');
    const unlabeled = await page.evaluate(() =>
      Array.from(document.querySelectorAll("input, textarea, select")).filter((input) => !(input as HTMLInputElement).labels?.length && !input.getAttribute('aria-label')).length,
    );
    assert.equal(unlabeled, 0, 'every form field has a label');
    await page.close();
  });

  it('fits a 375 px wide screen without sideways scrolling', async () => {
    const list = (await (await fetch(`${server.url}/api/stories?q=fire%20terminal`)).json()) as { stories: Array<{ id: string }> };
    for (const path of ['/', `/stories/${encodeURIComponent(list.stories[0].id)}`, '/ingest']) {
      const page = await open(path, 375);
      await page.locator('main h1').first().waitFor();
      await page.waitForTimeout(200);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `${path} overflows by ${overflow}px`);
      if (path.startsWith('/stories/')) await page.screenshot({ path: join(SCREENSHOTS, 'story-375.png') });
      await page.close();
    }
  });

  it('ingests a pasted page from the ingest page, and the open story list shows it live', async () => {
    const listPage = await open('/');
    await listPage.locator('.story-card').first().waitFor();
    const before = await listPage.locator('.story-card').count();

    const page = await open('/ingest');
    await page.fill('#token', token);
    await page.fill('#content', PASTED_TEXT);
    await page.fill('#outlet', 'Sallow Evening Star');
    await page.fill('#published', '2025-03-06');
    await page.click('.ingest form button[type=submit]');
    await page.locator('.success').waitFor();
    assert.match(await page.locator('.success').textContent() ?? '', /Ferry crews/);
    await page.click('.success a:has-text("Open its story")');
    await page.locator('main h1').waitFor();
    assert.match(await page.locator('main h1').textContent() ?? '', /Ferry crews/);

    await listPage.waitForFunction((count) => document.querySelectorAll('.story-card').length > count, before, { timeout: 10_000 });
    assert.match(await listPage.locator('.live-note').textContent() ?? '', /new article/);
    await page.close();
    await listPage.close();
  });

  it('refuses an ingest without a valid token, with a clear message', async () => {
    const page = await open('/ingest');
    await page.fill('#token', 'cct_0000_notarealtokenatall');
    await page.fill('#content', PASTED_TEXT);
    await page.click('.ingest form button[type=submit]');
    await page.locator('.error').waitFor();
    assert.match(await page.locator('.error').textContent() ?? '', /Bearer|token/i);
    await page.close();
  });

  it('never runs script or event-handler payloads of an ingested page', async () => {
    const response = await fetch(`${server.url}/api/ingest`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ html: HOSTILE_PAGE, url: 'https://harbour-times.example/lanterns' }),
    });
    assert.equal(response.status, 200, await response.clone().text());
    const { id, story } = (await response.json()) as { id: string; story: string };
    for (const path of [`/stories/${encodeURIComponent(story)}`, `/articles/${encodeURIComponent(id)}?start=0&end=5`, `/?q=lantern`]) {
      const page = await open(path);
      await page.locator('main h1').first().waitFor();
      const toggles = page.locator('.claims .claim-toggle');
      for (let i = 0; i < Math.min(await toggles.count(), 4); i++) await toggles.nth(i).click();
      await page.waitForTimeout(300);
      assert.equal(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss), undefined, `${path}: a payload ran`);
      const injected = await page.evaluate(() => document.querySelectorAll('main script, main img[onerror], main svg[onload], main a[href^="javascript:"]').length);
      assert.equal(injected, 0, `${path}: payload elements reached the page`);
      await page.close();
    }
    const reader = await open(`/articles/${encodeURIComponent(id)}`);
    await reader.locator('.article-text').waitFor();
    assert.match(await reader.locator('.article-text').textContent() ?? '', /<script>window.__xss='text'<\/script>/, 'the payload shows as text');
    await reader.close();
  });

  it('shows the seed story with its corroborated and single-source claims', { skip: existsSync(SEEDS_DIR) ? false : `skipped: ${SEEDS_DIR} is absent` }, async () => {
    const list = (await (await fetch(`${server.url}/api/stories?q=Belousov`)).json()) as { stories: Array<{ id: string }> };
    assert.ok(list.stories.length > 0, 'the seed story is stored');
    const page = await open(`/stories/${encodeURIComponent(list.stories[0].id)}`);
    await page.locator('.claims .claim').first().waitFor();
    assert.ok((await page.locator('.claims .claim--corroborated').count()) > 0, 'corroborated claims shown');
    assert.ok((await page.locator('.claims .claim--single-source').count()) > 0, 'single-source claims shown');
    // Written beside the committed screenshots but not committed: it shows text of the seed pages (.gitignore).
    await page.screenshot({ path: join(SCREENSHOTS, 'seed-story.local.png'), fullPage: true });
    await page.close();
  });

  it('raised no script errors in any page', () => {
    assert.deepEqual(errors, []);
  });
});
