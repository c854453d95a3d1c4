/**
 * The content script in real Chromium: the Facebook-like feed served as https://www.facebook.com/ on loopback, and
 * standalone pages (task-scam landing page, fake bank login on a lookalike domain, a news article about scams).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { clickShadowButton, FeedPage, findShadowButtons, patchSettings, readTabState } from './content-pages';
import {
  FIXTURE_PAGES,
  ROOT,
  launchExtension,
  startFixtureServer,
  startTlsFixtureServer,
  waitFor,
  type ExtensionSession,
  type FixtureServer,
} from './harness';

const FACEBOOK = 'https://www.facebook.com';
const LOOKALIKE = 'vietcombank-xacminh.com';
const SCREENSHOTS = join(ROOT, 'assets/screenshots');

let session: ExtensionSession;
let facebook: FixtureServer;
let pages: FixtureServer;

beforeAll(async () => {
  facebook = await startTlsFixtureServer(join(FIXTURE_PAGES, 'facebook'));
  pages = await startFixtureServer();
  session = await launchExtension({ facebookPort: facebook.port, hostPorts: { [LOOKALIKE]: pages.port } });
  await patchSettings(session, { language: 'vi' });
  mkdirSync(SCREENSHOTS, { recursive: true });
});
afterAll(async () => {
  await session?.close();
  await facebook?.close();
  await pages?.close();
});

async function openFeed(query = '?initial=10&virtualize=0'): Promise<FeedPage> {
  const feed = new FeedPage(await session.context.newPage());
  await feed.open(FACEBOOK, query);
  // The engine is compiled by the background on first run: wait until the first scam post is flagged.
  await waitFor(async () => (await feed.post('p-task-scam'))?.warning, 20_000, 'the first warning');
  return feed;
}

const flaggedIds = (posts: { id: string; warning: string | null }[]) => posts.filter((p) => p.warning).map((p) => p.id);

describe('Facebook-like feed', () => {
  let feed: FeedPage;
  beforeAll(async () => {
    feed = await openFeed();
  });
  afterAll(async () => feed.page.close());

  it('warns on scam posts and comments, not on benign ones (including a police warning that quotes the scam)', async () => {
    await waitFor(async () => (await feed.mountedPosts()).filter((p) => p.expect === 'flag').every((p) => p.warning), 10_000, 'all scam posts flagged');
    const posts = await feed.mountedPosts();
    const expectedFlagged = posts.filter((p) => p.expect === 'flag').map((p) => p.id);
    expect(flaggedIds(posts).sort()).toEqual(expectedFlagged.sort());
    expect(expectedFlagged).toEqual(expect.arrayContaining(['p-task-scam', 'p-bank-phish', 'p-shared', 'p-image-alt']));
    expect((await feed.post('p-police-warning'))?.warning).toBeNull();
    expect(await feed.commentWarning('p-pho', 'c-pho-scam')).toMatch(/scam|suspicious/);
    for (const benign of ['c-pho-1', 'c-pho-2', 'c-pho-reply']) expect(await feed.commentWarning('p-pho', benign)).toBeNull();
    // The post that holds the scam comment is not flagged itself.
    expect((await feed.post('p-pho'))?.warning).toBeNull();
  });

  it("leaves the page's own nodes untouched and exposes nothing but the host and its data-verdict", async () => {
    expect(await feed.check()).toEqual(expect.objectContaining({ ok: true, problems: [] }));
    const hosts = await feed.page.evaluate(() =>
      [...document.querySelectorAll('canhgiac-warning')].map((h) => ({
        attributes: [...h.attributes].map((a) => a.name),
        shadowRoot: h.shadowRoot === null,
        children: h.childNodes.length,
        text: h.textContent,
      })),
    );
    expect(hosts.length).toBeGreaterThan(0);
    for (const host of hosts) expect(host).toEqual({ attributes: ['data-verdict'], shadowRoot: true, children: 0, text: '' });
    // No stray stylesheets or attributes added to the document by us besides the highlight sheet.
    expect(await feed.page.evaluate(() => document.documentElement.getAttributeNames().sort())).toEqual(['class', 'data-fixture-ready', 'id', 'lang']);
  });

  it('rescans a post when "Xem thêm" expands it, and comments when they load', async () => {
    expect((await feed.post('p-see-more'))?.warning).toBeNull();
    expect(await feed.expandSeeMore('p-see-more')).toBe(true);
    await waitFor(async () => (await feed.post('p-see-more'))?.warning, 5_000, 'warning after Xem thêm');
    expect(await feed.loadComments('p-pho')).toBe(true);
    await waitFor(() => feed.commentWarning('p-pho', 'c-pho-late-scam'), 5_000, 'warning on a late comment');
    expect(await feed.commentWarning('p-pho', 'c-pho-3')).toBeNull();
    expect((await feed.check()).ok).toBe(true);
  });

  it('tells the background what it found: tab state and badge', async () => {
    const tabId = await session.tabIdOf(feed.page);
    const state = await waitFor(async () => {
      const s = await readTabState(session, tabId);
      return s.findings && s.findings.items.length >= 5 ? s : null;
    }, 10_000, 'findings in the background');
    expect(state.findings!.verdict).toBe('scam');
    expect(state.badge).toBe('!');
    const task = state.findings!.items.find((i) => i.excerpt.includes('TUYỂN CỘNG TÁC VIÊN'));
    expect(task?.categories).toContain('job-task');
    expect(task?.indicators.map((i) => i.match.toLowerCase())).toContain('nạp tiền làm nhiệm vụ');
  });

  it('re-applies its highlights when a page script clears CSS.highlights', async () => {
    const has = () => feed.page.evaluate(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('canhgiac-scam'));
    await waitFor(has, 5_000, 'highlights registered');
    const clearedNow = await feed.page.evaluate(() => {
      const registry = (CSS as unknown as { highlights: Map<string, unknown> }).highlights;
      registry.clear();
      return registry.has('canhgiac-scam'); // read in the same task: nothing of ours can run in between
    });
    expect(clearedNow).toBe(false);
    await waitFor(has, 5_000, 'highlights re-applied');
  });

  it('puts a warning back when the page removes it', async () => {
    await feed.page.evaluate(() => {
      for (const host of document.querySelectorAll('canhgiac-warning')) host.remove();
    });
    await waitFor(async () => (await feed.post('p-task-scam'))?.warning, 5_000, 'warning re-attached');
    await feed.page.evaluate(() => document.querySelector('canhgiac-warning')?.setAttribute('hidden', ''));
    await waitFor(() => feed.page.evaluate(() => ![...document.querySelectorAll('canhgiac-warning')].some((h) => h.hasAttribute('hidden'))), 3_000, 'attribute removed');
  });

  it('is keyboard and screen-reader accessible (buttons with names, a disclosure with aria-expanded)', async () => {
    const buttons = await findShadowButtons(feed.page, 'canhgiac-warning');
    expect(buttons.map((b) => b.text)).toEqual(['Vì sao?', 'Báo cáo', 'Không phải lừa đảo']);
    expect(buttons[0]!.attributes['aria-expanded']).toBe('false');
    const cdp = await feed.page.context().newCDPSession(feed.page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value: string }; name?: { value: string } }[] };
    await cdp.detach();
    const named = nodes.filter((n) => n.role?.value === 'button').map((n) => n.name?.value);
    expect(named).toEqual(expect.arrayContaining(['Vì sao?', 'Báo cáo', 'Không phải lừa đảo']));
    // Reach the first warning's "why" button with the keyboard and open it with Enter.
    await clickShadowButton(feed.page, 'canhgiac-warning', 'Vì sao?');
    await waitFor(async () => (await findShadowButtons(feed.page, 'canhgiac-warning'))[0]?.attributes['aria-expanded'] === 'true', 3_000, 'expanded');
    await feed.page.keyboard.press('Enter');
    await waitFor(async () => (await findShadowButtons(feed.page, 'canhgiac-warning'))[0]?.attributes['aria-expanded'] === 'false', 3_000, 'collapsed by keyboard');
    await feed.page.keyboard.press('Tab');
    expect(await feed.page.evaluate(() => document.activeElement?.localName)).toBe('canhgiac-warning');
  });

  it('saves a screenshot of an inline warning', async () => {
    const handle = await feed.page.$('[data-fixture-post="p-task-scam"]');
    await handle!.scrollIntoViewIfNeeded();
    await clickShadowButton(feed.page, 'canhgiac-warning', 'Vì sao?');
    await feed.page.waitForTimeout(200);
    // caret: 'initial' — Playwright's default caret hiding leaves style="" on editable nodes (the fixture's check would see it).
    await handle!.screenshot({ path: join(SCREENSHOTS, 'inline-warning.png'), caret: 'initial' });
  });

  it('pauses live for the site (warnings and highlights go, without a reload) and comes back when resumed', async () => {
    const before = await feed.warningCount();
    expect(before).toBeGreaterThan(0);
    await patchSettings(session, { sitePauses: { 'www.facebook.com': null } });
    await waitFor(async () => (await feed.warningCount()) === 0, 5_000, 'warnings removed');
    expect(await feed.page.evaluate(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('canhgiac-scam'))).toBe(false);
    const tabId = await session.tabIdOf(feed.page);
    await waitFor(async () => (await readTabState(session, tabId)).findings?.paused, 5_000, 'paused in the background');
    expect((await readTabState(session, tabId)).badge).toBe('');
    await patchSettings(session, { sitePauses: {} });
    await waitFor(async () => (await feed.warningCount()) >= before, 5_000, 'warnings restored');
    expect(await feed.check()).toEqual(expect.objectContaining({ ok: true, problems: [] }));
  });

  it('"not a scam" hides that item and remembers it', async () => {
    const target = await feed.post('p-image-alt');
    expect(target?.warning).toBeTruthy();
    const index = await feed.page.evaluate(() =>
      [...document.querySelectorAll('canhgiac-warning')].findIndex((h) => h.closest('[data-fixture-post]')?.getAttribute('data-fixture-post') === 'p-image-alt'),
    );
    await clickShadowButton(feed.page, 'canhgiac-warning', 'Không phải lừa đảo', index);
    await waitFor(async () => (await feed.post('p-image-alt'))?.warning === null, 5_000, 'dismissed');
    await feed.page.reload();
    await feed.page.waitForSelector('html[data-fixture-ready="1"]');
    await waitFor(async () => (await feed.post('p-task-scam'))?.warning, 10_000, 'warnings after reload');
    expect((await feed.post('p-image-alt'))?.warning).toBeNull();
    await session.serviceWorker().then((sw) => sw.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { remove(k: string): Promise<void> } } } }).chrome.storage.local.remove('dismissedItems')));
  });
});

describe('infinite scroll with virtualization', () => {
  it('warns on posts re-created after being scrolled away, and the feed still works', async () => {
    const feed = await openFeed('?posts=60&initial=5&batch=5');
    const page = feed.page;
    for (let i = 0; i < 40; i++) {
      await page.mouse.wheel(0, 900);
      await page.waitForTimeout(60);
    }
    const stats = await feed.stats();
    expect(stats.rendered).toBeGreaterThan(30);
    expect(stats.removed).toBeGreaterThan(0);
    for (let i = 0; i < 60; i++) {
      await page.mouse.wheel(0, -1200);
      await page.waitForTimeout(40);
    }
    await page.waitForTimeout(500);
    const after = await feed.stats();
    expect(after.created).toBeGreaterThan(stats.created); // posts were re-created
    const posts = await feed.mountedPosts();
    const scams = posts.filter((p) => p.expect === 'flag');
    expect(scams.length).toBeGreaterThan(0);
    for (const p of scams) expect(p.warning, p.id).toBeTruthy();
    for (const p of posts.filter((p) => p.expect === 'clean')) expect(p.warning, p.id).toBeNull();
    expect(await feed.check()).toEqual(expect.objectContaining({ ok: true }));
    await page.close();
  });
});

describe('standalone pages', () => {
  const bannerOf = (page: Page) => page.locator('canhgiac-banner').getAttribute('data-verdict', { timeout: 15_000 });

  it('warns on a task-scam landing page', async () => {
    const page = await session.context.newPage();
    await page.goto(`${pages.origin}/task-scam-landing.html`);
    expect(await bannerOf(page)).toBe('scam');
    const buttons = await findShadowButtons(page, 'canhgiac-banner');
    expect(buttons.map((b) => b.text)).toEqual(['Rời khỏi trang này', 'Báo cáo', 'Tôi tin trang này', 'Thu gọn']);
    await page.close();
  });

  it('warns strongly on a fake bank login on a lookalike domain, and saves a screenshot', async () => {
    const page = await session.context.newPage();
    await page.goto(`http://${LOOKALIKE}/fake-bank-login.html`);
    expect(await bannerOf(page)).toBe('scam');
    const tabId = await session.tabIdOf(page);
    const state = await waitFor(async () => (await readTabState(session, tabId)).findings?.items.length ? readTabState(session, tabId) : null, 10_000, 'page findings');
    expect(state.findings!.items[0]!.kind).toBe('page');
    expect(state.findings!.items[0]!.categories).toContain('bank-phishing');
    expect(state.badge).toBe('!');
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SCREENSHOTS, 'page-banner.png'), caret: 'initial' });
    await page.close();
  });

  it('warns on a bank login imitation asking for the OTP even on an unknown host (secret-form check)', async () => {
    const page = await session.context.newPage();
    await page.goto(`${pages.origin}/fake-bank-login.html`);
    expect(await bannerOf(page)).toBe('scam');
    await page.close();
  });

  it('"I trust this site" removes the banner and remembers the site', async () => {
    const page = await session.context.newPage();
    await page.goto(`${pages.origin}/task-scam-landing.html`);
    expect(await bannerOf(page)).toBe('scam');
    await clickShadowButton(page, 'canhgiac-banner', 'Tôi tin trang này');
    await waitFor(async () => (await page.locator('canhgiac-banner').count()) === 0, 5_000, 'banner removed');
    const sw = await session.serviceWorker();
    const trusted = await sw.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, { trustedSites?: string[] }>> } } } }).chrome;
      return (await c.storage.local.get('settings'))['settings']?.trustedSites ?? [];
    });
    expect(trusted).toContain('127.0.0.1');
    await patchSettings(session, { trustedSites: [] });
    await page.close();
  });

  it('shows nothing on a news article about scams', async () => {
    const page = await session.context.newPage();
    await page.goto(`${pages.origin}/news-scam-article.html`);
    const tabId = await session.tabIdOf(page);
    await waitFor(async () => (await readTabState(session, tabId)).findings, 10_000, 'findings for the article');
    await page.waitForTimeout(1_000);
    expect(await page.locator('canhgiac-banner, canhgiac-warning').count()).toBe(0);
    expect((await readTabState(session, tabId)).findings?.verdict).toBe('clean');
    await page.close();
  });
});
