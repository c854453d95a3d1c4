/**
 * The E2E harness: launches Debian's Chromium (playwright-core, no browser download) with the built extension
 * loaded, serves fixture pages on 127.0.0.1 (plain HTTP, and HTTPS for `www.facebook.com` mapped to loopback),
 * reaches the service worker and opens the popup for a tab. Specs in this folder reuse it.
 */
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = process.env.EXTENSION_DIR ?? join(ROOT, '.output/chrome-mv3');
export const FIXTURE_PAGES = join(ROOT, 'test/fixtures/pages');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

export interface FixtureServer {
  /** e.g. http://127.0.0.1:40123 */
  origin: string;
  port: number;
  /** Extra routes tried before static files (return true when handled). */
  routes: RouteHandler[];
  close(): Promise<void>;
}

function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): void {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
  if (!file.startsWith(root) || !existsSync(file)) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
  res.end(readFileSync(file));
}

async function listen(server: Server, routes: RouteHandler[], scheme: 'http' | 'https'): Promise<FixtureServer> {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `${scheme}://127.0.0.1:${port}`,
    port,
    routes,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

function handlerFor(root: string, routes: RouteHandler[]) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    for (const route of routes) if (await route(req, res)) return;
    serveStatic(root, req, res);
  };
}

/** Serves `root` (default: test/fixtures/pages) over HTTP on 127.0.0.1. */
export async function startFixtureServer(root: string = FIXTURE_PAGES): Promise<FixtureServer> {
  const routes: RouteHandler[] = [];
  return listen(createHttpServer(handlerFor(root, routes)), routes, 'http');
}

/** Serves `root` over HTTPS with the test-only certificate (for `https://www.facebook.com/` mapped to loopback). */
export async function startTlsFixtureServer(root: string = FIXTURE_PAGES): Promise<FixtureServer> {
  const routes: RouteHandler[] = [];
  const tls = join(ROOT, 'test/fixtures/tls');
  const server = createHttpsServer(
    { key: readFileSync(join(tls, 'test-only-key.pem')), cert: readFileSync(join(tls, 'test-only-cert.pem')) },
    handlerFor(root, routes),
  );
  return listen(server, routes, 'https');
}

interface TabsApi {
  tabs: { query(query: object): Promise<{ id?: number; url?: string; pendingUrl?: string }[]> };
  storage: { session: { get(keys: null): Promise<Record<string, unknown>> } };
}

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  /** The (current) service worker; it stops when idle, so call again in long tests. */
  serviceWorker(): Promise<Worker>;
  /** Opens our popup page in a tab (optionally describing tab `tabId`, as `popup.html?tabId=N`). */
  openPopup(tabId?: number): Promise<Page>;
  /** The browser's tab id of a page, read through the extension (for `?tabId=`). */
  tabIdOf(page: Page): Promise<number>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Map www.facebook.com (and facebook.com) to this loopback port (an HTTPS fixture server). */
  facebookPort?: number;
  /** Map more host names to loopback ports (e.g. a lookalike domain served by a fixture server). */
  hostPorts?: Record<string, number>;
  extensionDir?: string;
  /**
   * Keep the onboarding tab the extension opens on install (default: close it). Left open, it becomes the active tab,
   * and headless Chromium then throttles every other tab to about one frame per second (ThrottleUndrawnFrames).
   */
  keepOnboarding?: boolean;
}

/** Launches Chromium with the built extension in a fresh profile. */
export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionSession> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run \`npm run build\` first.`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'canh-giac-e2e-'));
  const args = [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--lang=vi',
  ];
  const rules: string[] = [];
  if (options.facebookPort) {
    for (const host of ['www.facebook.com', 'facebook.com', 'l.facebook.com']) rules.push(`MAP ${host} 127.0.0.1:${options.facebookPort}`);
    args.push('--ignore-certificate-errors');
  }
  for (const [host, port] of Object.entries(options.hostPorts ?? {})) rules.push(`MAP ${host} 127.0.0.1:${port}`);
  if (rules.length > 0) args.push(`--host-resolver-rules=${rules.join(',')}`);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args,
    viewport: { width: 1100, height: 900 },
  });
  if (!options.keepOnboarding) {
    const closeIfOnboarding = (page: Page) => {
      const check = () => {
        if (page.url().endsWith('/onboarding.html')) void page.close().catch(() => undefined);
      };
      check();
      page.on('framenavigated', check);
    };
    context.pages().forEach(closeIfOnboarding);
    context.on('page', closeIfOnboarding);
  }
  const serviceWorker = async () =>
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL((await serviceWorker()).url()).host;

  return {
    context,
    extensionId,
    serviceWorker,
    async openPopup(tabId?: number) {
      const page = await context.newPage();
      const query = tabId === undefined ? '' : `?tabId=${tabId}`;
      await page.goto(`chrome-extension://${extensionId}/popup.html${query}`);
      return page;
    },
    async tabIdOf(page: Page) {
      // Without the "tabs" permission tabs.query() hides web pages' URLs: then find the tab by the findings its
      // content script reported (storage.session `tab:<id>`), waiting a little for the first report.
      const url = page.url();
      return waitFor(
        async () =>
          (await serviceWorker()).evaluate(async (target: string) => {
            const api = (globalThis as unknown as { chrome: TabsApi }).chrome;
            const tabs = await api.tabs.query({});
            const tab = tabs.find((t) => t.url === target || t.pendingUrl === target);
            if (tab?.id !== undefined) return tab.id;
            const stored = await api.storage.session.get(null);
            for (const [key, value] of Object.entries(stored)) {
              if (key.startsWith('tab:') && (value as { url?: string } | null)?.url === target) return Number(key.slice(4));
            }
            return null;
          }, url),
        10_000,
        `the tab of ${url}`,
      );
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Polls `probe` until it returns a truthy value (or throws after `timeoutMs`). */
export async function waitFor<T>(probe: () => Promise<T> | T, timeoutMs = 10_000, label = 'condition'): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out waiting for ${label}${last ? `: ${String(last)}` : ''}`);
}
