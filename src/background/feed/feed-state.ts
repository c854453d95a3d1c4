import type { CanhGiacDatabase } from '../database';

/** What the sync remembers between runs (Dexie meta `feed:state`); survives the service worker being stopped. */
export interface FeedState {
  /** Validators of the last manifest that was fully processed (sent back as If-None-Match / If-Modified-Since). */
  etag: string | null;
  lastModified: string | null;
  /** The feed URL those validators belong to (a changed URL starts fresh). */
  url: string | null;
  lastCheck: number | null;
  lastSuccess: number | null;
  lastError: string | null;
  lastErrorAt: number | null;
  /** Consecutive failures (drives the back-off). */
  failures: number;
  /** No check before this time: the server's minimum wait (`minCheckSeconds`). */
  notBefore: number;
  /** When the next automatic check is scheduled. */
  nextCheck: number | null;
}

export const INITIAL_FEED_STATE: FeedState = {
  etag: null,
  lastModified: null,
  url: null,
  lastCheck: null,
  lastSuccess: null,
  lastError: null,
  lastErrorAt: null,
  failures: 0,
  notBefore: 0,
  nextCheck: null,
};

export const STATE_KEY = 'feed:state';
export const LEASE_KEY = 'feed:lease';
/** Meta record of the active database version: `{ version, checksum, installedAt }`. */
export const ACTIVE_KEY = 'feed:active';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const SCHEDULE = {
  /** First check after install: about a minute (with up to 30 s of jitter). */
  firstCheckMs: MINUTE,
  firstCheckJitterMs: 30_000,
  /** Periodic checks: every 6 h ± 20 %. */
  periodMs: 6 * HOUR,
  periodJitter: 0.2,
  /** Failures: 15 min × 2^(n−1) × (1 + random), capped at a day (Safe Browsing's update back-off). */
  backoffBaseMs: 15 * MINUTE,
  backoffCapMs: 24 * HOUR,
  /** A sync holds a lease this long (longer than any run: 20 s + 2 × 90 s of requests plus a compile). */
  leaseMs: 5 * MINUTE,
} as const;

export async function readFeedState(db: CanhGiacDatabase): Promise<FeedState> {
  const record = await db.meta.get(STATE_KEY);
  return { ...INITIAL_FEED_STATE, ...((record?.value as Partial<FeedState> | undefined) ?? {}) };
}

export async function writeFeedState(db: CanhGiacDatabase, state: FeedState): Promise<void> {
  await db.meta.put({ key: STATE_KEY, value: state });
}

/** When to check next after a success: the period with jitter, never before the server's minimum wait. */
export function computeNextCheck(now: number, random: number, notBefore: number): number {
  const jitter = (random * 2 - 1) * SCHEDULE.periodJitter;
  return Math.max(now + Math.round(SCHEDULE.periodMs * (1 + jitter)), notBefore);
}

/** How long to wait after the n-th consecutive failure (n ≥ 1): exponential with jitter, capped at a day. */
export function computeBackoffMs(failures: number, random: number): number {
  const exponent = Math.min(Math.max(failures, 1) - 1, 16);
  return Math.min(SCHEDULE.backoffBaseMs * 2 ** exponent * (1 + random), SCHEDULE.backoffCapMs);
}

interface Lease {
  owner: string;
  expiresAt: number;
}

/**
 * Takes the sync lease (Dexie meta, in one transaction) unless another run holds an unexpired one. The lease
 * deduplicates syncs across a stopped and restarted service worker; a killed run's lease simply expires.
 */
export async function acquireLease(db: CanhGiacDatabase, owner: string, now: number): Promise<boolean> {
  return db.transaction('rw', db.meta, async () => {
    const current = (await db.meta.get(LEASE_KEY))?.value as Lease | undefined;
    if (current && current.owner !== owner && current.expiresAt > now) return false;
    await db.meta.put({ key: LEASE_KEY, value: { owner, expiresAt: now + SCHEDULE.leaseMs } satisfies Lease });
    return true;
  });
}

export async function releaseLease(db: CanhGiacDatabase, owner: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const current = (await db.meta.get(LEASE_KEY))?.value as Lease | undefined;
    if (current?.owner === owner) await db.meta.delete(LEASE_KEY);
  });
}
