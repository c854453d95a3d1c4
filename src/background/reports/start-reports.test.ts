import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CanhGiacDatabase } from '@/src/background/database';
import type { HandlerContext } from '@/src/background/message-router';
import type { FlaggedItem, ReportPayload } from '@/src/shared/messages';
import { settingsItem, DEFAULT_SETTINGS } from '@/src/shared/settings';
import { OUTBOX_ALARM, REPORT_MENU_ID, startReports } from './start-reports';

type MenuClick = (info: Record<string, unknown>, tab?: Record<string, unknown>) => void;

let db: CanhGiacDatabase;
let menuClick: MenuClick | undefined;
let dbCounter = 0;
const created: unknown[] = [];
const content = (tabId: number): HandlerContext => ({ kind: 'content', tabId, senderUrl: 'https://www.facebook.com/' });
const page: HandlerContext = { kind: 'extension-page', tabId: undefined, senderUrl: 'chrome-extension://test/popup.html' };

const payload: ReportPayload = {
  schema: 'canh-giac.report/1',
  id: '3b241101-e2bb-4255-8caf-4136c566a962',
  createdAt: '2026-11-29T10:00:00.000Z',
  subject: 'page',
  url: 'https://scam.example/',
  title: 'Scam',
  family: 'job-task',
  indicators: [],
  extensionVersion: '0.1.0',
  dbVersion: 1,
};

beforeEach(async () => {
  fakeBrowser.reset();
  created.length = 0;
  menuClick = undefined;
  // fake-browser leaves these unmocked: stand-ins that record what the background asks for.
  Object.assign(fakeBrowser.contextMenus, {
    create: (props: unknown) => void created.push(props),
    removeAll: async () => undefined,
    update: async () => undefined,
    onClicked: { addListener: (listener: MenuClick) => (menuClick = listener) },
  });
  Object.assign(fakeBrowser.i18n, { getUILanguage: () => 'vi' });
  db = new CanhGiacDatabase(`start-reports-${++dbCounter}`);
  await db.open();
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await new Promise((done) => setTimeout(done, 50)); // let deliveries started by onInstalled finish first
  db.close();
  await db.delete();
});

async function openedTabUrls(): Promise<string[]> {
  return (await fakeBrowser.tabs.query({})).map((tab) => tab.url ?? '');
}

describe('startReports', () => {
  it('report:draft keeps the draft in session storage and opens its preview next to the tab', async () => {
    const { handlers } = startReports(db);
    const item = { key: 'k', kind: 'post', verdict: 'scam', score: 120, categories: ['job-task'], indicators: [], excerpt: 'x' } as FlaggedItem;
    const { draftId } = await handlers['report:draft']({ url: 'https://www.facebook.com/groups/1', title: 'Nhóm', item }, content(7));
    const draft = await handlers['report:get-draft']({ draftId }, page);
    expect(draft).toMatchObject({ id: draftId, subject: 'post', url: 'https://www.facebook.com/groups/1', tabId: 7, item });
    expect(await openedTabUrls()).toContainEqual(expect.stringMatching(new RegExp(`/popup\\.html\\?draft=${draftId}&tabId=7$`)));
  });

  it('the context menu "Báo cáo lừa đảo" on a link drafts a report of the link target', async () => {
    startReports(db);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.1' });
    await vi.waitFor(() => expect(created).toEqual([{ id: REPORT_MENU_ID, title: 'Báo cáo lừa đảo', contexts: ['link', 'selection'] }]));
    menuClick?.({ menuItemId: REPORT_MENU_ID, linkUrl: 'https://t.me/nhiemvu', pageUrl: 'https://www.facebook.com/' }, { id: 3, title: 'FB' });
    await vi.waitFor(async () => expect((await openedTabUrls()).some((u) => u.includes('popup.html?draft='))).toBe(true));
    const url = new URL((await openedTabUrls()).find((u) => u.includes('popup.html?draft='))!);
    const draft = await startReports(db).handlers['report:get-draft']({ draftId: url.searchParams.get('draft')! }, page);
    expect(draft).toMatchObject({ subject: 'link', url: 'https://t.me/nhiemvu', title: 'FB', item: null, tabId: 3 });
  });

  it('opens the onboarding page on first install only', async () => {
    startReports(db);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.1' });
    expect((await openedTabUrls()).filter((u) => u.endsWith('/onboarding.html'))).toHaveLength(0);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await vi.waitFor(async () => expect((await openedTabUrls()).filter((u) => u.endsWith('/onboarding.html'))).toHaveLength(1));
  });

  it('report:submit validates, stores, and delivers to settings.reportUrl with the Idempotency-Key', async () => {
    const fetch = vi.fn(async (_url: string, _init: RequestInit) => new Response('', { status: 201 }));
    vi.stubGlobal('fetch', fetch);
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, reportUrl: 'https://reports.example.org/v1/reports' });
    const { handlers } = startReports(db);
    await expect(handlers['report:submit']({ report: { ...payload, url: 'javascript:alert(1)' } }, page)).rejects.toThrow(/url/);
    expect(await db.reports.count()).toBe(0);
    const summary = await handlers['report:submit']({ report: payload }, page);
    expect(summary).toMatchObject({ id: payload.id, state: 'sent', attempts: 1, url: payload.url, family: 'job-task' });
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('https://reports.example.org/v1/reports');
    expect(new Headers(init.headers).get('idempotency-key')).toBe(payload.id);
    expect(JSON.parse(String(init.body))).toEqual(payload);
    expect(await handlers['report:list'](null, page)).toHaveLength(1);
  });

  it('schedules the outbox alarm when delivery fails, and the alarm delivers', async () => {
    const fetch = vi.fn(async () => new Response('', { status: 503 }));
    vi.stubGlobal('fetch', fetch);
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, reportUrl: 'https://reports.example.org/v1/reports' });
    const { handlers } = startReports(db);
    expect((await handlers['report:submit']({ report: payload }, page)).state).toBe('pending');
    const alarm = await fakeBrowser.alarms.get(OUTBOX_ALARM);
    expect(alarm?.scheduledTime).toBeGreaterThan(Date.now());
    fetch.mockImplementation(async () => new Response('', { status: 200 }));
    await db.reports.update(payload.id, { nextAttemptAt: Date.now() });
    await fakeBrowser.alarms.onAlarm.trigger({ name: OUTBOX_ALARM, scheduledTime: Date.now(), periodInMinutes: undefined } as Parameters<typeof fakeBrowser.alarms.onAlarm.trigger>[0]);
    await vi.waitFor(async () => expect((await db.reports.get(payload.id))?.state).toBe('sent'));
  });
});
