/**
 * The signed feed, end to end: the extension is built (into its own output folder) with a loopback feed URL and the
 * TEST-ONLY public key baked in; a newly published version with a new phrase is synced through "sync now" and a page
 * with that phrase is then flagged, without reloading the extension; a tampered version is rejected and the previous
 * one kept.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeDatabase, makeFeedFiles } from '../../src/background/feed/feed.fixture';
import { assembleDatabase } from '../../src/patterns';
import type { FeedStatus, Reply, TabFindings } from '../../src/shared/messages';
import { ROOT, launchExtension, startFixtureServer, waitFor, type ExtensionSession, type FixtureServer } from './harness';

declare const chrome: typeof import('wxt/browser').browser;

const MODE = 'e2efeed';
const EXTENSION_DIR = join(ROOT, `.output/chrome-mv3-${MODE}`);
const PUBLIC_KEY = readFileSync(join(ROOT, 'test/fixtures/feed-keys/test-only-feed-public-key.spki.b64'), 'utf8').trim();
/** Phrases no bundled database has: only the synced feed can flag them. */
const NEW_PHRASE = 'nộp phí kích hoạt quỹ xanh lam';
const TAMPERED_PHRASE = 'mã thưởng cầu vồng tím';

let server: FixtureServer;
let session: ExtensionSession;
let feedFiles = new Map<string, string>();
const feedRequests: { path: string; ifNoneMatch: string | undefined; status: number }[] = [];

/** Serves the feed under /feed/ the way a CDN would: CORS for the extension, ETags, 304 on If-None-Match. */
function serveFeed(req: IncomingMessage, res: ServerResponse): boolean {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  if (!path.startsWith('/feed/')) return false;
  const cors = {
    'access-control-allow-origin': '*',
    'access-control-allow-headers': 'if-none-match, if-modified-since',
    'access-control-expose-headers': 'etag',
  };
  if (req.method === 'OPTIONS') {
    res.writeHead(204, cors).end();
    return true;
  }
  const text = feedFiles.get(path.slice('/feed/'.length));
  const ifNoneMatch = req.headers['if-none-match'];
  if (text === undefined) {
    feedRequests.push({ path, ifNoneMatch, status: 404 });
    res.writeHead(404, cors).end('not found');
    return true;
  }
  const etag = `"${Buffer.from(text).length}-${text.slice(-24).replace(/[^A-Za-z0-9]/g, '')}"`;
  const status = ifNoneMatch === etag ? 304 : 200;
  feedRequests.push({ path, ifNoneMatch, status });
  res.writeHead(status, { ...cors, etag, 'content-type': 'application/json', 'cache-control': 'no-cache' });
  res.end(status === 304 ? undefined : text);
  return true;
}

function servePhrasePages(req: IncomingMessage, res: ServerResponse): boolean {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const phrase =
    path === '/new-phrase.html' ? NEW_PHRASE : path === '/both-phrases.html' ? `${NEW_PHRASE}, rồi nhập ${TAMPERED_PHRASE}` : null;
  if (!phrase) return false;
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(
    `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Tin tuyển dụng</title></head><body><main><article>` +
      `<h1>Việc làm tại nhà</h1><p>Chào bạn, để nhận việc hôm nay bạn chỉ cần ${phrase} theo hướng dẫn của chúng tôi.</p>` +
      `</article></main></body></html>`,
  );
  return true;
}

function buildExtension(feedUrl: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['wxt', 'build', '--mode', MODE], {
      cwd: ROOT,
      env: { ...process.env, WXT_FEED_URL: feedUrl, WXT_FEED_PUBLIC_KEY: PUBLIC_KEY },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`wxt build --mode ${MODE} failed:\n${output}`))));
  });
}

/** Sends a message from one of our extension pages (the popup), as the options page's "sync now" does. */
async function sendFromExtensionPage<T>(type: 'feed:status' | 'feed:sync-now'): Promise<T> {
  const popup = await session.openPopup();
  try {
    const reply = await popup.evaluate((messageType) => chrome.runtime.sendMessage({ type: messageType, payload: null }), type);
    const typed = reply as Reply<T>;
    if (!typed.ok) throw new Error(`${type} failed: ${typed.error}`);
    return typed.value;
  } finally {
    await popup.close();
  }
}

/**
 * The content script's findings for `page`, read from the background's `storage.session` (`tab:<id>`). Matched by
 * URL over all tabs: without the `tabs` permission `chrome.tabs.query` does not reveal tab URLs (harness.tabIdOf).
 */
async function findingsFor(page: Page, until: (findings: TabFindings) => boolean, label: string): Promise<TabFindings> {
  const url = page.url();
  return waitFor(
    async () => {
      const sw = await session.serviceWorker();
      const findings = await sw.evaluate(async (target: string) => {
        const all = (await chrome.storage.session.get(null)) as Record<string, TabFindings | undefined>;
        return Object.entries(all).find(([key, value]) => key.startsWith('tab:') && value?.url === target)?.[1];
      }, url);
      return findings && until(findings) ? findings : undefined;
    },
    15_000,
    `${label} on ${url}`,
  );
}

const patternIds = (findings: TabFindings) => findings.items.flatMap((item) => item.indicators.map((i) => i.patternId));

/** Opens a page and waits until the content script reports that pattern `patternId` flagged it. */
async function openAndWaitForFlag(path: string, patternId: string): Promise<{ page: Page; findings: TabFindings }> {
  const page = await session.context.newPage();
  await page.goto(`${server.origin}${path}`);
  const findings = await findingsFor(page, (f) => patternIds(f).includes(patternId), `a finding of ${patternId}`);
  return { page, findings };
}

const bundledVersion = assembleDatabase().version;

beforeAll(async () => {
  server = await startFixtureServer();
  server.routes.push(serveFeed, servePhrasePages);
  await buildExtension(`${server.origin}/feed/`);
  session = await launchExtension({ extensionDir: EXTENSION_DIR });
}, 180_000);

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('feed sync (loopback feed, test key)', () => {
  it('starts on the bundled database', async () => {
    const status = await waitFor(async () => {
      const value = await sendFromExtensionPage<FeedStatus>('feed:status');
      return value.version > 0 ? value : null;
    });
    expect(status).toMatchObject({ version: bundledVersion, source: 'bundled' });
  });

  it('syncs a newly published version on "sync now" and flags its new phrase without reloading the extension', async () => {
    // A page opened before the sync: its content script has reported (on the bundled database).
    const openBefore = await session.context.newPage();
    await openBefore.goto(`${server.origin}/new-phrase.html?opened-before-sync`);
    await findingsFor(openBefore, () => true, 'first findings');

    const next = makeDatabase(bundledVersion + 1, [NEW_PHRASE]);
    feedFiles = await makeFeedFiles(next, { minCheckSeconds: 0 });
    const status = await sendFromExtensionPage<FeedStatus>('feed:sync-now');
    expect(status).toMatchObject({ version: bundledVersion + 1, source: 'feed', lastError: null });
    expect(status.patternCount).toBe(next.patterns.length);
    expect(status.lastSuccess).toBeGreaterThan(Date.now() - 60_000);
    expect(status.nextCheck).toBeGreaterThan(Date.now() + 3 * 3600_000);
    expect(feedRequests.map((r) => `${r.path} ${r.status}`)).toEqual([
      '/feed/manifest.json 200',
      `/feed/snapshot-${bundledVersion + 1}.json 200`,
    ]);

    // The compiled engine for the new version is in storage.local, where content scripts load it from.
    const sw = await session.serviceWorker();
    const engineVersion = await sw.evaluate(async () => {
      const { engine } = (await chrome.storage.local.get('engine')) as { engine?: { dbVersion: number } };
      return engine?.dbVersion;
    });
    expect(engineVersion).toBe(bundledVersion + 1);

    const { page, findings } = await openAndWaitForFlag('/new-phrase.html', 'job-extra-1');
    expect(findings.verdict).not.toBe('clean');
    await page.close();
    // The page that was already open swaps engines live and is flagged too, without being reloaded.
    const live = await findingsFor(openBefore, (f) => patternIds(f).includes('job-extra-1'), 'a live re-scan');
    expect(live.verdict).not.toBe('clean');
    await openBefore.close();
  });

  it('asks again with the ETag and gets 304 when nothing changed', async () => {
    feedRequests.length = 0;
    const status = await sendFromExtensionPage<FeedStatus>('feed:sync-now');
    expect(status).toMatchObject({ version: bundledVersion + 1, lastError: null });
    expect(feedRequests).toHaveLength(1);
    expect(feedRequests[0]).toMatchObject({ path: '/feed/manifest.json', status: 304 });
    expect(feedRequests[0]?.ifNoneMatch).toBeTruthy();
  });

  it('rejects a tampered version and keeps the previous one', async () => {
    const tampered = makeDatabase(bundledVersion + 2, [NEW_PHRASE, TAMPERED_PHRASE]);
    // Signed for one database, serving another: the snapshot's checksum no longer matches the signed manifest.
    feedFiles = await makeFeedFiles(makeDatabase(bundledVersion + 2, [NEW_PHRASE]), {
      minCheckSeconds: 0,
      snapshotValue: tampered,
    });
    const status = await sendFromExtensionPage<FeedStatus>('feed:sync-now');
    expect(status).toMatchObject({ version: bundledVersion + 1, source: 'feed' });
    expect(status.lastError).toMatch(/^checksum: snapshot snapshot-\d+\.json has SHA-256/);

    // A forged signature is rejected too.
    const manifest = JSON.parse(feedFiles.get('manifest.json') ?? '{}') as { sha256: string };
    manifest.sha256 = manifest.sha256.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    feedFiles.set('manifest.json', JSON.stringify(manifest));
    const second = await sendFromExtensionPage<FeedStatus>('feed:sync-now');
    expect(second.version).toBe(bundledVersion + 1);
    expect(second.lastError).toMatch(/^signature:/);

    // The page holds both phrases: the kept version flags the first (so the scan ran), never the tampered one's.
    const { page, findings } = await openAndWaitForFlag('/both-phrases.html', 'job-extra-1');
    expect(patternIds(findings)).not.toContain('job-extra-2');
    await page.close();
  });
});
