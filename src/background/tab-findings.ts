import { browser } from 'wxt/browser';
import type { TabFindings, TabState } from '@/src/shared/messages';

/**
 * What each tab's content script found, kept in `storage.session` so it survives the service worker being stopped
 * (and is gone when the browser closes). Drives the toolbar badge and the popup.
 */
const keyFor = (tabId: number) => `tab:${tabId}`;

export async function saveTabFindings(tabId: number, findings: TabFindings): Promise<void> {
  await browser.storage.session.set({ [keyFor(tabId)]: findings });
  await updateBadge(tabId, findings);
}

export async function getTabState(tabId: number): Promise<TabState> {
  const stored = await browser.storage.session.get(keyFor(tabId));
  const findings = (stored[keyFor(tabId)] as TabFindings | undefined) ?? null;
  return { tabId, url: findings?.url ?? null, findings };
}

export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(keyFor(tabId));
}

/** Badge: "!" red for scam, "?" amber for suspicious, empty when nothing was found or protection is paused. */
export async function updateBadge(tabId: number, findings: TabFindings): Promise<void> {
  const text = findings.paused ? '' : findings.verdict === 'scam' ? '!' : findings.verdict === 'suspicious' ? '?' : '';
  try {
    await browser.action.setBadgeText({ tabId, text });
    if (text) await browser.action.setBadgeBackgroundColor({ tabId, color: text === '!' ? '#c62828' : '#ef6c00' });
  } catch {
    // The tab closed meanwhile.
  }
}
