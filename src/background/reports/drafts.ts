import { browser } from 'wxt/browser';
import type { ReportDraft } from '@/src/shared/messages';

/**
 * Report drafts (what a preview starts from) live in `storage.session`: they survive the service worker being
 * stopped, vanish when the browser closes, and are never sent anywhere — only a confirmed report enters the outbox.
 */
const PREFIX = 'report-draft:';

export async function saveDraft(fields: Omit<ReportDraft, 'id' | 'createdAt'>): Promise<ReportDraft> {
  const draft: ReportDraft = { ...fields, id: crypto.randomUUID(), createdAt: Date.now() };
  await browser.storage.session.set({ [PREFIX + draft.id]: draft });
  return draft;
}

export async function loadDraft(id: string): Promise<ReportDraft | null> {
  const stored = await browser.storage.session.get(PREFIX + id);
  return (stored[PREFIX + id] as ReportDraft | undefined) ?? null;
}

export async function removeDraft(id: string): Promise<void> {
  await browser.storage.session.remove(PREFIX + id);
}

/** The popup URL that shows a draft's preview (and describes the tab it came from). */
export function buildPreviewUrl(draft: ReportDraft): string {
  const params = new URLSearchParams({ draft: draft.id });
  if (draft.tabId !== undefined) params.set('tabId', String(draft.tabId));
  return browser.runtime.getURL(`/popup.html?${params.toString()}`);
}
