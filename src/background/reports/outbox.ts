import type { CanhGiacDatabase, ReportRecord } from '@/src/background/database';
import type { ReportPayload } from '@/src/shared/messages';

/**
 * The reports outbox: a confirmed report is written to Dexie first, then delivered by POST with its id as the
 * `Idempotency-Key`. All state lives in the database, so a service worker stopped at any moment (or a browser restart)
 * loses nothing: an attempt is recorded *before* its request goes out (attempts + 1, next attempt already scheduled),
 * so a worker killed mid-request retries later with the same key instead of forgetting the report. The endpoint
 * dedupes by that key, which is what makes "at least once" deliver exactly once.
 *
 * No browser API in here: fetch, the clock, randomness and the wake-up alarm are injected (see start-reports.ts).
 */

export interface BackoffPolicy {
  /** Delay before the second attempt; doubles each attempt. */
  baseMs: number;
  /** Longest delay between two attempts. */
  maxMs: number;
  /** Share of the delay taken off at random (0: none, 0.5: between half and the full delay). */
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 10_000, maxMs: 6 * 60 * 60 * 1000, jitter: 0.5 };

/** Delay before attempt `attempt + 1` after attempt number `attempt` (1-based) did not succeed. */
export function computeBackoff(attempt: number, random: () => number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const exponential = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential * (1 - policy.jitter * random()));
}

export type DeliveryOutcome =
  | { kind: 'sent' }
  | { kind: 'retry'; reason: string; retryAfterMs?: number }
  | { kind: 'rejected'; reason: string };

/** Reads a `Retry-After` header (seconds or an HTTP date) as a delay in ms. */
export function parseRetryAfter(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * What an HTTP answer means for a report: 2xx accepted (a duplicate key must also get 2xx); 408, 429 and 5xx are
 * temporary (retry); any other status is the endpoint rejecting the report (failed, with the reason, no retry).
 */
export function classifyResponse(status: number, body: string, retryAfter: string | null, now: number): DeliveryOutcome {
  if (status >= 200 && status < 300) return { kind: 'sent' };
  const detail = body.trim().slice(0, 200);
  const reason = `HTTP ${status}${detail ? `: ${detail}` : ''}`;
  if (status === 408 || status === 429 || status >= 500) {
    const retryAfterMs = parseRetryAfter(retryAfter, now);
    return retryAfterMs === undefined ? { kind: 'retry', reason } : { kind: 'retry', reason, retryAfterMs };
  }
  return { kind: 'rejected', reason };
}

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface OutboxDeps {
  db: CanhGiacDatabase;
  fetch: FetchLike;
  now: () => number;
  random: () => number;
  /** The report endpoint ('' when none is configured: reports wait in the outbox). */
  endpoint: () => Promise<string>;
  /** Asks to be woken at `at` (ms since epoch) to deliver due reports; null clears the wake-up. */
  wakeAt: (at: number | null) => Promise<void>;
  backoff?: BackoffPolicy;
  /** A request that takes longer is abandoned and retried. */
  timeoutMs?: number;
}

export interface DeliveryRun {
  sent: string[];
  retrying: string[];
  failed: string[];
  /** True when no endpoint is configured (nothing was attempted). */
  noEndpoint: boolean;
}

export const NO_ENDPOINT_ERROR = 'no report endpoint configured';

export interface Outbox {
  /** Stores a confirmed report (idempotent on its id: the same report twice is stored once). */
  enqueue(payload: ReportPayload): Promise<ReportRecord>;
  /** Delivers every pending report that is due; concurrent calls share one run (and re-run once if asked meanwhile). */
  deliverDue(): Promise<DeliveryRun>;
  /** Makes a pending or failed report due now and delivers. */
  retryNow(id: string): Promise<ReportRecord>;
  /** All reports, newest first. */
  list(): Promise<ReportRecord[]>;
  /** Sets the wake-up to the earliest pending attempt (after a browser restart alarms may be gone). */
  scheduleWake(): Promise<void>;
}

export function createOutbox(deps: OutboxDeps): Outbox {
  const { db } = deps;
  const policy = deps.backoff ?? DEFAULT_BACKOFF;
  const timeoutMs = deps.timeoutMs ?? 30_000;
  let running: Promise<DeliveryRun> | null = null;
  let again = false;

  async function scheduleWake(): Promise<void> {
    const pending = await db.reports.where('state').equals('pending').toArray();
    const endpoint = await deps.endpoint();
    const next = pending.reduce<number | null>((min, r) => (min === null || r.nextAttemptAt < min ? r.nextAttemptAt : min), null);
    await deps.wakeAt(endpoint && next !== null ? next : null);
  }

  /** Claims one due report for an attempt (atomically): returns the attempt number, or null when not due/not pending. */
  async function claim(id: string, now: number): Promise<ReportRecord | null> {
    return db.transaction('rw', db.reports, async () => {
      const record = await db.reports.get(id);
      if (!record || record.state !== 'pending' || record.nextAttemptAt > now) return null;
      const attempts = record.attempts + 1;
      const claimed: ReportRecord = { ...record, attempts, nextAttemptAt: now + computeBackoff(attempts, deps.random, policy) };
      await db.reports.put(claimed);
      return claimed;
    });
  }

  async function attempt(record: ReportRecord, endpoint: string): Promise<DeliveryOutcome> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await deps.fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': record.id },
        body: JSON.stringify(record.payload),
        credentials: 'omit',
        cache: 'no-store',
        signal: controller.signal,
      });
      const body = response.ok ? '' : await response.text().catch(() => '');
      return classifyResponse(response.status, body, response.headers.get('retry-after'), deps.now());
    } catch (error) {
      const reason = controller.signal.aborted ? `timed out after ${timeoutMs} ms` : error instanceof Error ? error.message : String(error);
      return { kind: 'retry', reason: `network: ${reason}` };
    } finally {
      clearTimeout(timer);
    }
  }

  /** Records an attempt's outcome, unless the record changed meanwhile (another attempt or a manual retry). */
  async function settle(claimed: ReportRecord, outcome: DeliveryOutcome): Promise<void> {
    await db.transaction('rw', db.reports, async () => {
      const current = await db.reports.get(claimed.id);
      if (!current || current.attempts !== claimed.attempts || current.state === 'sent') return;
      if (outcome.kind === 'sent') {
        await db.reports.put({ ...current, state: 'sent', sentAt: deps.now(), nextAttemptAt: 0, lastError: null });
      } else if (outcome.kind === 'rejected') {
        await db.reports.put({ ...current, state: 'failed', nextAttemptAt: 0, lastError: outcome.reason });
      } else {
        const retryAt = Math.max(current.nextAttemptAt, deps.now() + Math.min(outcome.retryAfterMs ?? 0, policy.maxMs));
        await db.reports.put({ ...current, nextAttemptAt: retryAt, lastError: outcome.reason });
      }
    });
  }

  async function runOnce(): Promise<DeliveryRun> {
    const run: DeliveryRun = { sent: [], retrying: [], failed: [], noEndpoint: false };
    const endpoint = await deps.endpoint();
    const now = deps.now();
    const due = await db.reports.where('nextAttemptAt').belowOrEqual(now).filter((r) => r.state === 'pending').toArray();
    if (!endpoint) {
      run.noEndpoint = true;
      await db.reports.bulkPut(due.filter((r) => r.lastError !== NO_ENDPOINT_ERROR).map((r) => ({ ...r, lastError: NO_ENDPOINT_ERROR })));
      await deps.wakeAt(null);
      return run;
    }
    for (const candidate of due.sort((a, b) => a.createdAt - b.createdAt)) {
      const claimed = await claim(candidate.id, deps.now());
      if (!claimed) continue;
      // Wake-up set before the request: a worker stopped while waiting for the answer still retries.
      await scheduleWake();
      const outcome = await attempt(claimed, endpoint);
      await settle(claimed, outcome);
      if (outcome.kind === 'sent') run.sent.push(claimed.id);
      else if (outcome.kind === 'rejected') run.failed.push(claimed.id);
      else run.retrying.push(claimed.id);
    }
    await scheduleWake();
    return run;
  }

  function deliverDue(): Promise<DeliveryRun> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        let run = await runOnce();
        while (again) {
          again = false;
          const next = await runOnce();
          run = {
            sent: [...run.sent, ...next.sent],
            retrying: [...run.retrying, ...next.retrying],
            failed: [...run.failed, ...next.failed],
            noEndpoint: next.noEndpoint,
          };
        }
        return run;
      } finally {
        running = null;
        again = false;
      }
    })();
    return running;
  }

  return {
    async enqueue(payload) {
      return db.transaction('rw', db.reports, async () => {
        const existing = await db.reports.get(payload.id);
        if (existing) return existing;
        const record: ReportRecord = {
          id: payload.id,
          createdAt: deps.now(),
          state: 'pending',
          attempts: 0,
          nextAttemptAt: deps.now(),
          lastError: null,
          sentAt: null,
          payload: { ...payload },
        };
        await db.reports.add(record);
        return record;
      });
    },
    deliverDue,
    async retryNow(id) {
      await db.transaction('rw', db.reports, async () => {
        const record = await db.reports.get(id);
        if (!record) throw new Error(`no report ${id}`);
        if (record.state === 'sent') return;
        await db.reports.put({ ...record, state: 'pending', nextAttemptAt: deps.now() });
      });
      await deliverDue();
      const record = await db.reports.get(id);
      if (!record) throw new Error(`no report ${id}`);
      return record;
    },
    list: () => db.reports.orderBy('createdAt').reverse().toArray(),
    scheduleWake,
  };
}
