/**
 * `npm run bench:browser`: the content script's cost in real Chromium (not part of `npm test`).
 *
 * Scrolls a 500-post Facebook-like feed (test/fixtures/pages/facebook, ?bench=1) to the end, with the extension and
 * without it (baseline), and reports:
 * - long tasks (PerformanceObserver 'longtask') with and without the extension, and long animation frames (LoAF) in
 *   which the extension's scripts ran (LoAF names each script's source URL, so time is attributable);
 * - CPU time in the content script (DevTools CPU profile, self time by script URL);
 * - time from a scam post appearing to its warning (the fixture records both moments);
 * - JS heap per tab (performance.memory / Runtime.getHeapUsage after GC), with and without;
 * and, to decide where matching runs: the engine's stored size and load cost in a tab, against the round trip of one
 * runtime message to the background (what matching in the background would add per item).
 *
 *   npm run bench:browser                    # 500 posts
 *   npm run bench:browser -- --posts=200
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { FeedPage, type LongFrame } from './content-pages';
import { CHROMIUM_PATH, EXTENSION_DIR, FIXTURE_PAGES, launchExtension, startFixtureServer, startTlsFixtureServer, waitFor } from './harness';

const POSTS = Number(process.argv.find((a) => a.startsWith('--posts='))?.slice(8) ?? 500);
const WHEEL_PX = 700;
const WHEEL_PAUSE_MS = 40;

interface CpuProfile {
  nodes: { id: number; callFrame: { url: string; functionName: string }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time (ms) by script URL: the content script, the page, and the rest. */
function summarizeProfile(profile: CpuProfile): Map<string, number> {
  const urlOf = new Map(profile.nodes.map((n) => [n.id, n.callFrame.url || `(${n.callFrame.functionName || 'native'})`]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const url = urlOf.get(id) ?? '?';
    totals.set(url, (totals.get(url) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return totals;
}

/**
 * Continuous stretches of the main thread spent in the extension's code (a sample counts when any frame of its stack
 * is ours): what a long task attributable to the extension would be. LoAF does not name content-script (isolated
 * world) scripts, so the CPU profile is the attribution.
 */
function findExtensionRuns(profile: CpuProfile): number[] {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const ours = new Map<number, boolean>();
  const isOurs = (id: number): boolean => {
    const known = ours.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    const up = parent.get(id);
    const value = Boolean(node?.callFrame.url.startsWith('chrome-extension://')) || (up !== undefined && isOurs(up));
    ours.set(id, value);
    return value;
  };
  const runs: number[] = [];
  let run = 0;
  profile.samples.forEach((id, i) => {
    if (isOurs(id)) run += (profile.timeDeltas[i] ?? 0) / 1000;
    else if (run > 0) {
      runs.push(run);
      run = 0;
    }
  });
  if (run > 0) runs.push(run);
  return runs;
}

const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);
const quantile = (values: number[], q: number) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};
const ms = (n: number) => (Number.isFinite(n) ? `${n.toFixed(1)} ms` : '—');
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

async function heapUsed(page: Page, cdp: CDPSession): Promise<{ used: number; cdp: number }> {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const used = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return { used, cdp: usage.usedSize };
}

interface RunResult {
  longTasks: number;
  longTaskMs: number;
  longFrames: number;
  extensionFrames: number;
  extensionFramesOver50: number;
  maxExtensionScriptMs: number;
  contentCpuMs: number;
  pageCpuMs: number;
  latencies: number[];
  extensionRuns: number[];
  heap: { used: number; cdp: number };
  created: number;
  warnings: number;
  scrollMs: number;
}

async function scrollFeed(context: BrowserContext, origin: string, withExtension: boolean): Promise<RunResult> {
  const feed = new FeedPage(await context.newPage());
  const cdp = await context.newCDPSession(feed.page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await feed.open(origin, `?posts=${POSTS}&initial=5&batch=5&bench=1`);
  if (withExtension) await waitFor(async () => (await feed.mountedPosts()).some((p) => p.warning), 60_000, 'the first warning');
  else await feed.page.waitForTimeout(1_000);
  // On install the extension opens its onboarding tab, which becomes the active tab: headless Chromium then never
  // draws the feed's (background) tab, and viz throttles its begin frames to about one per second (trace:
  // SendBeginFrameDecision "ThrottleUndrawnFrames"), so the fixture's requestAnimationFrame-driven infinite scroll
  // crawls whatever the content script does. Scroll the tab a person would be looking at.
  await feed.page.bringToFront();
  await cdp.send('Profiler.start');
  const started = Date.now();
  let stable = 0;
  let lastY = -1;
  for (let i = 0; i < 5_000 && stable < 10; i++) {
    // Scrolled by the page (scrollBy), not by synthetic wheel input: headless Chromium's input acknowledgements
    // took up to 2 s per wheel step once out-of-page elements were inserted, although the main thread was idle
    // (Performance.getMetrics) — a harness artefact that would swamp the measurement.
    const { y, done } = await feed.page.evaluate((px) => {
      scrollBy(0, px);
      return { y: scrollY, done: document.getElementById('sentinel')?.getAttribute('aria-busy') === 'false' };
    }, WHEEL_PX);
    await feed.page.waitForTimeout(WHEEL_PAUSE_MS);
    stable = done && y === lastY ? stable + 1 : 0;
    lastY = y;
  }
  const scrollMs = Date.now() - started;
  await feed.page.waitForTimeout(1_000);
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
  const cpu = summarizeProfile(profile);
  const runs = findExtensionRuns(profile);
  const contentCpuMs = sum([...cpu].filter(([url]) => url.startsWith('chrome-extension://')).map(([, t]) => t));
  const pageCpuMs = sum([...cpu].filter(([url]) => url.includes('/feed.js')).map(([, t]) => t));
  const bench = await feed.bench();
  const isOurs = (s: LongFrame['scripts'][number]) => s.url.startsWith('chrome-extension://');
  const extFrames = bench.frames.filter((f) => f.scripts.some(isOurs));
  const extScriptMs = extFrames.map((f) => sum(f.scripts.filter(isOurs).map((s) => s.duration)));
  const stats = await feed.stats();
  const heap = await heapUsed(feed.page, cdp);
  const warnings = await feed.warningCount();
  await feed.page.close();
  return {
    longTasks: bench.longTasks.length,
    longTaskMs: sum(bench.longTasks.map((t) => t.duration)),
    longFrames: bench.frames.length,
    extensionFrames: extFrames.length,
    extensionFramesOver50: extScriptMs.filter((t) => t > 50).length,
    maxExtensionScriptMs: Math.max(0, ...extScriptMs),
    contentCpuMs,
    pageCpuMs,
    latencies: bench.latencies,
    extensionRuns: runs,
    heap,
    created: stats.created,
    warnings,
    scrollMs,
  };
}

const BASE_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=vi'];

async function main(): Promise<void> {
  const facebook = await startTlsFixtureServer(join(FIXTURE_PAGES, 'facebook'));
  const pages = await startFixtureServer();
  const origin = 'https://www.facebook.com';
  try {
    // ---- baseline: the same feed without the extension -----------------------------------------------------------
    const profile = mkdtempSync(join(tmpdir(), 'canh-giac-bench-'));
    const plain = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      viewport: { width: 1100, height: 900 },
      args: [...BASE_ARGS, `--host-resolver-rules=MAP www.facebook.com 127.0.0.1:${facebook.port}`, '--ignore-certificate-errors'],
    });
    const browserVersion = plain.browser()?.version() ?? '';
    const baseline = await scrollFeed(plain, origin, false);
    await plain.close();
    rmSync(profile, { recursive: true, force: true });

    // ---- with the extension ------------------------------------------------------------------------------------------
    const session = await launchExtension({ facebookPort: facebook.port });
    const loaded = await scrollFeed(session.context, origin, true);

    // ---- where should matching run? ------------------------------------------------------------------------------
    const sw = await session.serviceWorker();
    const engineBytes = await sw.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
      return JSON.stringify((await c.storage.local.get('engine'))['engine'] ?? null).length;
    });
    // A fresh tab on a small page: content-script CPU from injection to its first report (bundle parse, settings,
    // engine load from storage, page scan).
    const article = await session.context.newPage();
    const articleCdp = await session.context.newCDPSession(article);
    await articleCdp.send('Profiler.enable');
    await articleCdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await articleCdp.send('Profiler.start');
    await article.goto(`${pages.origin}/plain-article.html`);
    await session.tabIdOf(article).catch(() => undefined); // the content script's first report
    await article.waitForTimeout(500);
    const articleCpu = summarizeProfile(((await articleCdp.send('Profiler.stop')) as { profile: CpuProfile }).profile);
    const tabStartupMs = sum([...articleCpu].filter(([url]) => url.startsWith('chrome-extension://')).map(([, t]) => t));
    // Matching in the background would cost one runtime message per item (request + reply), measured from one of
    // our extension pages to the service worker with a small message the background answers.
    const ext = await session.context.newPage();
    await ext.goto(`chrome-extension://${session.extensionId}/popup.html`);
    const rtts = await ext.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome;
      const out: number[] = [];
      for (let i = 0; i < 200; i++) {
        const t = performance.now();
        await c.runtime.sendMessage({ type: 'tab:get-state', payload: { tabId: -1 } });
        out.push(performance.now() - t);
      }
      return out;
    });
    await session.close();

    const contentBytes = statSync(join(EXTENSION_DIR, 'content-scripts/content.js')).size;
    const scamPosts = loaded.latencies.length;
    const rows: [string, string, string][] = [
      ['posts scrolled (mounted incl. re-created)', `${POSTS} (${baseline.created})`, `${POSTS} (${loaded.created})`],
      ['scroll time', ms(baseline.scrollMs), ms(loaded.scrollMs)],
      ['long tasks > 50 ms (count / total)', `${baseline.longTasks} / ${ms(baseline.longTaskMs)}`, `${loaded.longTasks} / ${ms(loaded.longTaskMs)}`],
      ['long animation frames (LoAF)', String(baseline.longFrames), String(loaded.longFrames)],
      ['  LoAF with extension scripts', '—', String(loaded.extensionFrames)],
      ['  frames where extension scripts > 50 ms', '—', String(loaded.extensionFramesOver50)],
      ['  longest extension script time in a frame', '—', ms(loaded.maxExtensionScriptMs)],
      ['extension main-thread stretches > 50 ms (CPU profile)', '—', String(loaded.extensionRuns.filter((r) => r > 50).length)],
      ['  longest / p99 extension stretch', '—', `${ms(Math.max(0, ...loaded.extensionRuns))} / ${ms(quantile(loaded.extensionRuns, 0.99))}`],
      ['content-script CPU during the scroll', '—', `${ms(loaded.contentCpuMs)} (${ms(loaded.contentCpuMs / Math.max(1, loaded.created))}/post)`],
      ['fixture (page) CPU during the scroll', ms(baseline.pageCpuMs), ms(loaded.pageCpuMs)],
      [`post appears → warning (${scamPosts} warned posts) p50 / p95 / max`, '—', `${ms(quantile(loaded.latencies, 0.5))} / ${ms(quantile(loaded.latencies, 0.95))} / ${ms(Math.max(...loaded.latencies))}`],
      ['warnings in the DOM at the end', '0', String(loaded.warnings)],
      ['JS heap per tab after GC (performance.memory)', mb(baseline.heap.used), mb(loaded.heap.used)],
      ['JS heap per tab after GC (Runtime.getHeapUsage)', mb(baseline.heap.cdp), mb(loaded.heap.cdp)],
    ];
    const decision: [string, string][] = [
      ['content script bundle', `${(contentBytes / 1024).toFixed(0)} kB`],
      ['serialized engine in storage.local', `${(engineBytes / 1024).toFixed(0)} kB`],
      ['content-script CPU, tab start on a small page (parse + engine load + scan)', ms(tabStartupMs)],
      ['matching in the content script, per post (all work, from the profile)', ms(loaded.contentCpuMs / Math.max(1, loaded.created))],
      ['one runtime message round trip to the background p50 / p95', `${ms(quantile(rtts, 0.5))} / ${ms(quantile(rtts, 0.95))}`],
      [`→ background matching would add per ${loaded.created} posts (p50 round trips, sequential)`, ms(quantile(rtts, 0.5) * loaded.created)],
    ];
    const width = Math.max(...rows.map((r) => r[0].length), ...decision.map((r) => r[0].length)) + 2;
    console.log(`\nBrowser benchmark: ${POSTS}-post feed, Chromium ${browserVersion}, ${new Date().toISOString()}\n`);
    console.log(`${'metric'.padEnd(width)}${'without extension'.padEnd(26)}with extension`);
    console.log('-'.repeat(width + 50));
    for (const [name, a, b] of rows) console.log(`${name.padEnd(width)}${a.padEnd(26)}${b}`);
    console.log(`\nWhere matching runs\n${'-'.repeat(width + 24)}`);
    for (const [name, value] of decision) console.log(`${name.padEnd(width)}${value}`);
    console.log('');
  } finally {
    await facebook.close();
    await pages.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
