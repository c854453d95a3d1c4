import { browser, type Browser } from 'wxt/browser';
import type { CanhGiacDatabase } from '@/src/background/database';
import { loadActiveSnapshot } from '@/src/background/engine-store';
import type { Handlers } from '@/src/background/message-router';
import { readBuildConfig } from '@/src/shared/build-config';
import { resolveLanguage, translate } from '@/src/shared/i18n';
import { settingsItem, type Settings } from '@/src/shared/settings';
import { buildPreviewUrl, loadDraft, removeDraft, saveDraft } from './drafts';
import { createOutbox, type Outbox } from './outbox';
import { parseReportPayload } from './report-schema';
import { summarizeReport } from './report-summary';

export const OUTBOX_ALARM = 'canh-giac:report-outbox';
export const REPORT_MENU_ID = 'canh-giac:report';

type ReportHandlers = Pick<
  Handlers,
  'report:draft' | 'report:get-draft' | 'report:submit' | 'report:list' | 'report:retry' | 'families:list'
>;

/** The endpoint reports go to: the options page's override, else the build's `WXT_REPORT_URL` ('' when neither). */
export async function resolveReportEndpoint(): Promise<string> {
  const settings = await settingsItem.getValue();
  return settings.reportUrl?.trim() || readBuildConfig().reportUrl;
}

async function setOutboxAlarm(at: number | null): Promise<void> {
  if (at === null) {
    await browser.alarms.clear(OUTBOX_ALARM);
    return;
  }
  // Browsers round alarms up (Chrome: 30 s for packed extensions); a due report is sent at the next wake-up.
  await browser.alarms.create(OUTBOX_ALARM, { when: Math.max(at, Date.now() + 1000) });
}

function menuTitle(settings: Settings): string {
  return translate(resolveLanguage(settings.language, browser.i18n.getUILanguage()), 'reportContextMenu');
}

async function createReportMenu(): Promise<void> {
  const title = menuTitle(await settingsItem.getValue());
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: REPORT_MENU_ID, title, contexts: ['link', 'selection'] });
}

async function openReportPreviewFromMenu(info: Browser.contextMenus.OnClickData, tab: Browser.tabs.Tab | undefined) {
  if (info.menuItemId !== REPORT_MENU_ID) return;
  const url = info.linkUrl ?? info.pageUrl ?? tab?.url ?? '';
  const draft = await saveDraft({
    subject: info.linkUrl ? 'link' : 'selection',
    url,
    title: tab?.title ?? '',
    item: null,
    ...(info.selectionText ? { selection: info.selectionText } : {}),
    ...(tab?.id !== undefined ? { tabId: tab.id } : {}),
  });
  await browser.tabs.create({ url: buildPreviewUrl(draft), ...(tab?.id !== undefined ? { openerTabId: tab.id } : {}) });
}

/** Resolves after `promise` or `ms`, whichever comes first (the popup gets an answer without waiting for a slow endpoint). */
function settleWithin(promise: Promise<unknown>, ms: number): Promise<void> {
  return new Promise((done) => {
    const timer = setTimeout(done, ms);
    void promise.catch(() => undefined).finally(() => {
      clearTimeout(timer);
      done();
    });
  });
}

/**
 * Wires the reports feature into the background: the outbox and its alarm, the "Báo cáo lừa đảo" context menu, the
 * onboarding page on first install, and the report message handlers (spread into start-background's `handlers`).
 * Every listener is registered synchronously (call this from startBackground's synchronous part).
 */
export function startReports(db: CanhGiacDatabase): { handlers: ReportHandlers; outbox: Outbox } {
  const outbox = createOutbox({
    db,
    fetch: (url, init) => fetch(url, init),
    now: () => Date.now(),
    random: () => Math.random(),
    endpoint: resolveReportEndpoint,
    wakeAt: setOutboxAlarm,
  });
  const deliver = () => void outbox.deliverDue().catch((error: unknown) => console.error('[canh-giac] report delivery', error));

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === OUTBOX_ALARM) deliver();
  });
  browser.runtime.onStartup.addListener(deliver);
  browser.runtime.onInstalled.addListener((details) => {
    void createReportMenu().catch((error: unknown) => console.error('[canh-giac] context menu', error));
    if (details.reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/onboarding.html') });
    deliver();
  });
  browser.contextMenus.onClicked.addListener((info, tab) => void openReportPreviewFromMenu(info, tab));
  settingsItem.watch((next, previous) => {
    if (next.reportUrl !== previous?.reportUrl) deliver();
    if (next.language !== previous?.language) {
      void Promise.resolve(browser.contextMenus.update(REPORT_MENU_ID, { title: menuTitle(next) })).catch(() => undefined);
    }
  });

  const handlers: ReportHandlers = {
    'report:draft': async ({ url, title, item }, { tabId }) => {
      const draft = await saveDraft({ subject: item?.kind ?? 'page', url, title, item, ...(tabId !== undefined ? { tabId } : {}) });
      await browser.tabs.create({ url: buildPreviewUrl(draft), ...(tabId !== undefined ? { openerTabId: tabId } : {}) });
      return { draftId: draft.id };
    },
    'report:get-draft': async ({ draftId }) => loadDraft(draftId),
    'report:submit': async ({ report, draftId }) => {
      const payload = parseReportPayload(report);
      const record = await outbox.enqueue(payload);
      if (draftId) await removeDraft(draftId);
      await settleWithin(outbox.deliverDue(), 4000);
      return summarizeReport((await db.reports.get(record.id)) ?? record);
    },
    'report:list': async () => (await outbox.list()).map(summarizeReport),
    'report:retry': async ({ id }) => summarizeReport(await outbox.retryNow(id)),
    'families:list': async () => {
      const { source } = await loadActiveSnapshot(db);
      return {
        dbVersion: source.version,
        families: source.families.map(({ id, name, description }) => ({ id, name, description })),
      };
    },
  };
  return { handlers, outbox };
}
