import { browser } from 'wxt/browser';
import { CanhGiacDatabase } from './database';
import { ensureEngine } from './engine-store';
import { startFeedSync } from './feed/start-feed';
import { createMessageRouter, type Handlers } from './message-router';
import { forgetTab, getTabState, saveTabFindings } from './tab-findings';
import { startReports } from './reports/start-reports';

/**
 * The background's composition root. Every listener is registered synchronously here (an MV3 service worker is
 * woken by events and may be stopped at any moment: nothing may depend on in-memory state surviving).
 */
export function startBackground(): void {
  const db = new CanhGiacDatabase();
  const feed = startFeedSync(db);
  const reports = startReports(db);

  const handlers: Handlers = {
    'tab:findings': async (findings, { tabId }) => {
      if (tabId !== undefined) await saveTabFindings(tabId, findings);
      return null;
    },
    'tab:get-state': async ({ tabId }) => getTabState(tabId),
    'engine:ensure': async () => ({ version: (await ensureEngine(db)).version }),
    'feed:status': async () => {
      await ensureEngine(db);
      return feed.status();
    },
    'feed:sync-now': async () => {
      await feed.sync(true);
      return feed.status();
    },
    ...reports.handlers,
  };

  browser.runtime.onMessage.addListener(
    createMessageRouter(handlers, { runtimeId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') }),
  );
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  browser.runtime.onInstalled.addListener(() => void ensureEngine(db));
  browser.runtime.onStartup.addListener(() => void ensureEngine(db));
  void db.open().then(() => ensureEngine(db)).catch((error: unknown) => console.error('[canh-giac] start-up failed', error));
}
