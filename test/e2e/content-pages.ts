/**
 * Page objects for the content-script specs: the Facebook-like feed fixture (its `window.__fixture` API runs in the
 * page's world), the extension's state seen from the service worker, and clicks on buttons inside our CLOSED shadow
 * roots (reached through the DevTools protocol, which can pierce closed roots; page scripts cannot).
 */
import type { Page, Worker } from 'playwright-core';
import type { ExtensionSession } from './harness';

export interface MountedPost {
  id: string;
  index: number;
  expect: 'flag' | 'clean' | 'flag-after-see-more';
  warning: string | null;
  commentWarnings: { id: string; warning: string | null }[];
}

export interface FixtureCheck {
  ok: boolean;
  problems: string[];
  checked: number;
}

interface FixtureApi {
  mountedPosts(): MountedPost[];
  check(): FixtureCheck;
  expandSeeMore(id: string): boolean;
  loadComments(id: string): boolean;
  loadMore(n?: number): void;
  stats(): { rendered: number; created: number; removed: number; mounted: number; errors: string[] };
  bench(): { longTasks: { start: number; duration: number }[]; frames: LongFrame[]; latencies: number[] };
}

export interface LongFrame {
  start: number;
  duration: number;
  blocking: number;
  scripts: { url: string; fn: string; invoker: string; duration: number; world: string | null }[];
}

export class FeedPage {
  constructor(readonly page: Page) {}

  async open(origin: string, query = ''): Promise<void> {
    await this.page.goto(`${origin}/${query}`);
    await this.page.waitForSelector('html[data-fixture-ready="1"]');
  }
  mountedPosts(): Promise<MountedPost[]> {
    return this.page.evaluate(() => (window as unknown as { __fixture: FixtureApi }).__fixture.mountedPosts());
  }
  async post(id: string): Promise<MountedPost | undefined> {
    return (await this.mountedPosts()).find((p) => p.id === id);
  }
  async commentWarning(postId: string, commentId: string): Promise<string | null | undefined> {
    return (await this.post(postId))?.commentWarnings.find((c) => c.id === commentId)?.warning;
  }
  check(): Promise<FixtureCheck> {
    return this.page.evaluate(() => (window as unknown as { __fixture: FixtureApi }).__fixture.check());
  }
  stats() {
    return this.page.evaluate(() => (window as unknown as { __fixture: FixtureApi }).__fixture.stats());
  }
  expandSeeMore(id: string): Promise<boolean> {
    return this.page.evaluate((postId) => (window as unknown as { __fixture: FixtureApi }).__fixture.expandSeeMore(postId), id);
  }
  loadComments(id: string): Promise<boolean> {
    return this.page.evaluate((postId) => (window as unknown as { __fixture: FixtureApi }).__fixture.loadComments(postId), id);
  }
  bench() {
    return this.page.evaluate(() => (window as unknown as { __fixture: FixtureApi }).__fixture.bench());
  }
  warningCount(): Promise<number> {
    return this.page.locator('canhgiac-warning').count();
  }
}

interface ChromeApi {
  storage: {
    local: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
    session: { get(key: string): Promise<Record<string, unknown>> };
  };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
}

/** Merges `patch` into the stored settings (as the options page would). */
export async function patchSettings(session: ExtensionSession, patch: Record<string, unknown>): Promise<void> {
  const sw: Worker = await session.serviceWorker();
  await sw.evaluate(async (changes: Record<string, unknown>) => {
    const c = (globalThis as unknown as { chrome: ChromeApi }).chrome;
    const { settings } = (await c.storage.local.get('settings')) as { settings?: Record<string, unknown> };
    await c.storage.local.set({ settings: { ...(settings ?? {}), ...changes } });
  }, patch);
}

export interface StoredFindings {
  url: string;
  verdict: string;
  paused: boolean;
  items: { key: string; kind: string; verdict: string; categories: string[]; indicators: { match: string; family: string }[]; excerpt: string }[];
}

/** What the background holds for a tab (storage.session), and its badge text. */
export async function readTabState(session: ExtensionSession, tabId: number): Promise<{ findings: StoredFindings | null; badge: string }> {
  const sw = await session.serviceWorker();
  return sw.evaluate(async (id: number) => {
    const c = (globalThis as unknown as { chrome: ChromeApi }).chrome;
    const stored = await c.storage.session.get(`tab:${id}`);
    const badge = await c.action.getBadgeText({ tabId: id });
    return { findings: (stored[`tab:${id}`] as StoredFindings | undefined) ?? null, badge };
  }, tabId);
}

interface AxNode {
  nodeId: number;
  backendNodeId?: number;
  nodeName?: string;
  localName?: string;
  nodeValue?: string;
  attributes?: string[];
  children?: AxNode[];
  shadowRoots?: AxNode[];
}

export interface ShadowButton {
  text: string;
  backendNodeId: number;
  attributes: Record<string, string>;
}

function textOf(node: AxNode): string {
  if (node.nodeName === '#text') return node.nodeValue ?? '';
  return (node.children ?? []).map(textOf).join('');
}

/** Buttons inside the closed shadow roots of our hosts (`canhgiac-warning` / `canhgiac-banner`), in document order. */
export async function findShadowButtons(page: Page, hostName: string, hostIndex = 0): Promise<ShadowButton[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: AxNode };
    const hosts: AxNode[] = [];
    const walk = (node: AxNode) => {
      if (node.localName === hostName) hosts.push(node);
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(child);
    };
    walk(root);
    const host = hosts[hostIndex];
    if (!host) return [];
    const buttons: ShadowButton[] = [];
    const collect = (node: AxNode) => {
      if (node.localName === 'button') {
        const attrs: Record<string, string> = {};
        for (let i = 0; i + 1 < (node.attributes?.length ?? 0); i += 2) attrs[node.attributes![i]!] = node.attributes![i + 1]!;
        buttons.push({ text: textOf(node), backendNodeId: node.backendNodeId!, attributes: attrs });
      }
      for (const child of node.children ?? []) collect(child);
    };
    for (const shadow of host.shadowRoots ?? []) collect(shadow);
    return buttons;
  } finally {
    await cdp.detach();
  }
}

/** Clicks a button inside one of our closed shadow roots, with a real mouse click at its position. */
export async function clickShadowButton(page: Page, hostName: string, text: string, hostIndex = 0): Promise<void> {
  const button = (await findShadowButtons(page, hostName, hostIndex)).find((b) => b.text.trim() === text);
  if (!button) throw new Error(`no button "${text}" in ${hostName}[${hostIndex}]`);
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: button.backendNodeId });
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: button.backendNodeId })) as { model: { content: number[] } };
    const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
    await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  } finally {
    await cdp.detach();
  }
}
