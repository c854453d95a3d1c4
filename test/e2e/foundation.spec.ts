import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, startFixtureServer, waitFor, type ExtensionSession, type FixtureServer } from './harness';

let session: ExtensionSession;
let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer();
  session = await launchExtension();
});
afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('foundation', () => {
  it('starts the service worker and opens the Dexie database', async () => {
    const sw = await session.serviceWorker();
    const stores = await waitFor(
      () =>
        sw.evaluate(async () => {
          const dbs = await indexedDB.databases();
          if (!dbs.some((d) => d.name === 'canh-giac')) return null;
          return new Promise<string[]>((resolve, reject) => {
            const open = indexedDB.open('canh-giac');
            open.onsuccess = () => {
              resolve([...open.result.objectStoreNames].sort());
              open.result.close();
            };
            open.onerror = () => reject(open.error);
          });
        }),
      15_000,
      'the canh-giac IndexedDB database',
    );
    expect(stores).toEqual(['meta', 'reports', 'snapshots']);
  });

  it('runs the content script on a loopback page (seen from the background, not the page)', async () => {
    const page = await session.context.newPage();
    // The page records every window message it receives, and listens for the DOM events WXT's own context would
    // dispatch (named after our extension id, which is public): a clean page must receive none of them.
    await page.addInitScript((id: string) => {
      const seen: unknown[] = [];
      (window as unknown as { __seen: unknown[] }).__seen = seen;
      window.addEventListener('message', (event) => seen.push(event.data));
      for (const target of [window, document]) {
        for (const name of ['wxt:content-script-started', 'wxt:locationchange']) {
          target.addEventListener(`${id}:content:${name}`, (event) => seen.push(event.type));
        }
      }
    }, session.extensionId);
    await page.goto(`${server.origin}/plain-article.html`);
    const tabId = await session.tabIdOf(page);
    const sw = await session.serviceWorker();
    const findings = await waitFor(
      () =>
        sw.evaluate(async (id: number) => {
          const stored = await chrome.storage.session.get(`tab:${id}`);
          return stored[`tab:${id}`] as { url: string; verdict: string } | undefined;
        }, tabId),
      15_000,
      'findings from the content script',
    );
    expect(findings.url).toBe(`${server.origin}/plain-article.html`);
    expect(findings.verdict).toBe('clean');
    // Nothing reveals the extension to a clean page: no element of ours, no window message.
    expect(await page.locator('canhgiac-banner, canhgiac-warning').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __seen: unknown[] }).__seen)).toEqual([]);
    // An in-page navigation still reaches the content script (it reports the new URL)…
    await page.evaluate(() => history.pushState(null, '', '/plain-article.html?page=2'));
    await waitFor(
      () =>
        sw.evaluate(async (id: number) => {
          const stored = await chrome.storage.session.get(`tab:${id}`);
          const url = (stored[`tab:${id}`] as { url: string } | undefined)?.url;
          return url?.endsWith('?page=2') === true ? url : undefined;
        }, tabId),
      15_000,
      'findings for the new URL after history.pushState',
    );
    // …without any event the page could see.
    expect(await page.evaluate(() => (window as unknown as { __seen: unknown[] }).__seen)).toEqual([]);
    await page.close();
  });

  it.each([
    ['vi', 'Cảnh Giác', 'vi'],
    ['en', 'Cảnh Giác', 'en'],
  ] as const)('renders the popup in %s', async (language, title, lang) => {
    const sw = await session.serviceWorker();
    await sw.evaluate(async (choice: string) => {
      const { settings } = (await chrome.storage.local.get('settings')) as { settings?: Record<string, unknown> };
      await chrome.storage.local.set({ settings: { ...(settings ?? {}), language: choice } });
    }, language);
    const popup = await session.openPopup();
    await expect.poll(() => popup.locator('html').getAttribute('lang')).toBe(lang);
    await expect.poll(() => popup.locator('h1').first().textContent()).toContain(title);
    const body = (await popup.locator('body').innerText()).toLowerCase();
    if (language === 'en') expect(body).toMatch(/loading|nothing found|report/);
    else expect(body).toMatch(/đang tải|chưa phát hiện|báo cáo/);
    await popup.close();
  });
});
