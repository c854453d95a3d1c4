/**
 * The one typed message protocol between content scripts, extension pages (popup, options) and the background.
 *
 * Every message is `{ type, payload }`; the background answers with `{ ok: true, value } | { ok: false, error }`.
 * Each type declares which senders may use it (`from`); the background rejects anything else (see
 * src/background/message-router.ts). Add a message by adding one entry to `MessageSpecs` and one handler.
 */
import type { Indicator, VerdictLevel, FamilyId } from '@/src/engine/types';

/** Who may send a message: a content script in a web page tab, or one of our own extension pages. */
export type SenderKind = 'content' | 'extension-page';

/** One flagged item (post, comment, or the page itself) as the content script summarizes it for the popup/badge. */
export interface FlaggedItem {
  /** Stable within the tab: a hash of the item's text. */
  key: string;
  kind: 'page' | 'post' | 'comment';
  verdict: Exclude<VerdictLevel, 'clean'>;
  score: number;
  categories: FamilyId[];
  indicators: Pick<Indicator, 'patternId' | 'family' | 'signal' | 'kind' | 'match' | 'message'>[];
  /** The item's text, kept only in memory for the report preview (never sent unless the person confirms). */
  excerpt: string;
}

export interface TabFindings {
  url: string;
  title: string;
  /** The page-level verdict (the worst of the page and its items). */
  verdict: VerdictLevel;
  items: FlaggedItem[];
  /** Whether protection is paused on this site (then nothing is scanned). */
  paused: boolean;
}

export interface TabState {
  tabId: number;
  url: string | null;
  findings: TabFindings | null;
}

export interface FeedStatus {
  version: number;
  patternCount: number;
  source: 'bundled' | 'feed';
  lastSuccess: number | null;
  lastError: string | null;
  lastErrorAt: number | null;
  nextCheck: number | null;
  /** Whether feed updates are on; off when the build has no feed public key or no feed URL is set (not an error). */
  updates: 'on' | 'no-key' | 'no-url';
}

/** What a report is about: the page, one flagged post/comment, a link or a text selection (context menu). */
export type ReportSubject = 'page' | 'post' | 'comment' | 'link' | 'selection';

/**
 * A report as the endpoint receives it (JSON schema `canh-giac.report/1`, documented in
 * src/background/reports/README.md and validated in the background by report-schema.ts). The popup shows exactly
 * this object before the person confirms.
 */
export interface ReportPayload {
  schema: 'canh-giac.report/1';
  /** UUID v4; also sent as the `Idempotency-Key` header. */
  id: string;
  /** ISO 8601 timestamp (UTC) of the confirmation. */
  createdAt: string;
  subject: ReportSubject;
  url: string;
  title: string;
  /** The scam family the person chose (preselected from what was found); null: "other / not sure". */
  family: string | null;
  indicators: { patternId: string; family: string; signal: string; kind: string; match: string }[];
  note?: string;
  /** The flagged post's text or the selection, only when the person ticked "include the text". */
  text?: string;
  extensionVersion: string;
  dbVersion: number;
}

/** What a report preview starts from (kept in storage.session until the person confirms or leaves). */
export interface ReportDraft {
  id: string;
  createdAt: number;
  subject: ReportSubject;
  url: string;
  title: string;
  item: FlaggedItem | null;
  /** Selected text (context menu on a selection). */
  selection?: string;
  tabId?: number;
}

/** A report in the outbox as the popup lists it. */
export interface ReportSummary {
  id: string;
  createdAt: number;
  state: 'pending' | 'sent' | 'failed';
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  sentAt: number | null;
  url: string;
  title: string;
  family: string | null;
}

export interface FamilySummary {
  id: string;
  name: { vi: string; en: string };
  description: { vi: string; en: string };
}

/** Request/response pairs. `from` lists who may send it. */
export interface MessageSpecs {
  /** Content script → background: what this tab's scanner found (drives the badge and the popup). */
  'tab:findings': { req: TabFindings; res: null; from: 'content' };
  /** Popup → background: what a tab shows. */
  'tab:get-state': { req: { tabId: number }; res: TabState; from: 'extension-page' };
  /** Content script → background: make sure a compiled engine is in storage (wakes the worker on first run). */
  'engine:ensure': { req: null; res: { version: number }; from: 'content' | 'extension-page' };
  /** Any of ours → background: feed status for the UI. */
  'feed:status': { req: null; res: FeedStatus; from: 'extension-page' };
  /** Extension page → background: check the feed now. */
  'feed:sync-now': { req: null; res: FeedStatus; from: 'extension-page' };
  /**
   * Content script → background: the person pressed "report" on an inline warning or the page banner. The background
   * keeps the draft (storage.session) and opens the report preview (`popup.html?tabId=N&draft=ID`) in a tab;
   * nothing is sent until the person confirms there.
   */
  'report:draft': { req: { url: string; title: string; item: FlaggedItem | null }; res: { draftId: string }; from: 'content' };
  /** Extension page → background: the draft a report preview was opened for (null when it expired). */
  'report:get-draft': { req: { draftId: string }; res: ReportDraft | null; from: 'extension-page' };
  /** Extension page → background: the person confirmed this exact report; store it in the outbox and deliver it. */
  'report:submit': { req: { report: ReportPayload; draftId?: string }; res: ReportSummary; from: 'extension-page' };
  /** Extension page → background: the person's reports, newest first, with their delivery state. */
  'report:list': { req: null; res: ReportSummary[]; from: 'extension-page' };
  /** Extension page → background: try delivering a pending (or failed) report now. */
  'report:retry': { req: { id: string }; res: ReportSummary; from: 'extension-page' };
  /** Extension page → background: the scam families of the active database (for toggles and the report form). */
  'families:list': { req: null; res: { dbVersion: number; families: FamilySummary[] }; from: 'extension-page' };
}

export type MessageType = keyof MessageSpecs;
export type RequestOf<T extends MessageType> = MessageSpecs[T]['req'];
export type ResponseOf<T extends MessageType> = MessageSpecs[T]['res'];

export interface Envelope<T extends MessageType = MessageType> {
  type: T;
  payload: RequestOf<T>;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** Which sender kinds each message accepts; checked by the background for every message. */
export const MESSAGE_SENDERS: { [K in MessageType]: readonly SenderKind[] } = {
  'tab:findings': ['content'],
  'tab:get-state': ['extension-page'],
  'engine:ensure': ['content', 'extension-page'],
  'feed:status': ['extension-page'],
  'feed:sync-now': ['extension-page'],
  'report:draft': ['content'],
  'report:get-draft': ['extension-page'],
  'report:submit': ['extension-page'],
  'report:list': ['extension-page'],
  'report:retry': ['extension-page'],
  'families:list': ['extension-page'],
};

export function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return typeof type === 'string' && Object.prototype.hasOwnProperty.call(MESSAGE_SENDERS, type);
}
