import type { DatabaseSource } from '@/src/engine/types';
import { FEED_LIMITS, type FeedManifest, type SiteSelectors } from '@/src/shared/feed-format';
import type { FeedStatus } from '@/src/shared/messages';
import type { CanhGiacDatabase } from '../database';
import { FeedError, describeFeedError } from './feed-error';
import {
  SCHEDULE,
  acquireLease,
  computeBackoffMs,
  computeNextCheck,
  readFeedState,
  releaseLease,
  writeFeedState,
  type FeedState,
} from './feed-state';
import { fetchLimited } from './fetch-limited';
import { installSnapshot, readActiveSnapshot } from './install-snapshot';
import { readDiff, readManifest, readSnapshot, type DatabaseChecks } from './verify-feed';

export interface FeedConfig {
  /** The feed folder URL (ends with `/`; one is added otherwise); '' when not configured. */
  feedUrl: string;
  /** The built-in public key (base64 SPKI or JWK JSON); '' when this build has none. */
  publicKey: string;
}

/** Compiles a database into what content scripts load, and publishes it (storage.local). */
export interface EnginePublisher {
  compile(db: DatabaseSource): Promise<unknown>;
  publish(compiled: unknown): Promise<void>;
}

/** Everything the sync touches, injected so unit tests can drive every path. */
export interface FeedSyncDeps {
  db: CanhGiacDatabase;
  fetch: typeof fetch;
  subtle: SubtleCrypto;
  now: () => number;
  random: () => number;
  config: () => Promise<FeedConfig>;
  checks: DatabaseChecks;
  engine: EnginePublisher;
  publishSelectors: (selectors: SiteSelectors) => Promise<void>;
  /** Sets the one feed alarm to fire at `when` (ms since epoch). */
  scheduleAlarm: (when: number) => Promise<void>;
  log: (level: 'info' | 'warn', message: string) => void;
  /** Runs before each check (the composition root installs the bundled database first, so versions compare right). */
  prepare?: () => Promise<unknown>;
  /** Per-request timeout (default 20 s for the manifest, 90 s for a snapshot or diff; the body counts). */
  timeoutMs?: number;
  limits?: { manifestBytes: number; databaseBytes: number };
}

export type SyncOutcome =
  | { kind: 'installed'; version: number; via: 'diff' | 'snapshot' }
  | { kind: 'up-to-date'; version: number }
  | { kind: 'not-modified' }
  | { kind: 'waiting'; until: number }
  | { kind: 'busy' }
  | { kind: 'disabled'; reason: string }
  | { kind: 'failed'; error: string };

const NO_KEY_MESSAGE = 'no-key: this build has no feed public key, so feed updates are off (the bundled database is used)';
const NO_URL_MESSAGE = 'not-configured: no feed URL is set (build-time WXT_FEED_URL or the options page)';

function folderUrl(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/**
 * One feed check: manifest (conditional request) → signature → version rules → diff or snapshot → checksum, schema,
 * regex safety → compile → atomic swap → publish. Any failure leaves the last good database active, is logged with
 * its reason and backs off. `manual` ("sync now") skips the failure back-off but not the server's minimum wait.
 */
export async function runFeedSync(deps: FeedSyncDeps, manual: boolean): Promise<SyncOutcome> {
  const { db } = deps;
  await deps.prepare?.();
  const config = await deps.config();
  if (!config.publicKey || !config.feedUrl) {
    const reason = !config.publicKey ? NO_KEY_MESSAGE : NO_URL_MESSAGE;
    const state = await readFeedState(db);
    // Off by configuration: a state the status reports (`updates`), not an error to show.
    await writeFeedState(db, { ...state, nextCheck: null });
    deps.log('info', `feed: ${reason}`);
    return { kind: 'disabled', reason };
  }
  const start = deps.now();
  const before = await readFeedState(db);
  if (start < before.notBefore) {
    deps.log('info', `feed: the server asked to wait until ${new Date(before.notBefore).toISOString()}`);
    if (!manual) await deps.scheduleAlarm(before.notBefore);
    return { kind: 'waiting', until: before.notBefore };
  }
  const owner = `${start.toString(36)}-${Math.floor(deps.random() * 1e12).toString(36)}`;
  if (!(await acquireLease(db, owner, start))) {
    deps.log('info', 'feed: another sync is running');
    // The alarm that woke us is spent: look again once that run's lease has surely ended.
    if (!manual) await deps.scheduleAlarm(start + SCHEDULE.leaseMs);
    return { kind: 'busy' };
  }
  try {
    const outcome = await checkFeed(deps, config, before);
    const now = deps.now();
    const state = await readFeedState(db);
    const notBefore = outcome.manifest ? now + Math.min(outcome.manifest.minCheckSeconds, FEED_LIMITS.maxMinCheckSeconds) * 1000 : state.notBefore;
    const next: FeedState = {
      ...state,
      ...(outcome.validators ?? {}),
      url: config.feedUrl,
      lastCheck: now,
      lastSuccess: now,
      lastError: null,
      lastErrorAt: null,
      failures: 0,
      notBefore,
      nextCheck: computeNextCheck(now, deps.random(), notBefore),
    };
    await writeFeedState(db, next);
    await deps.scheduleAlarm(next.nextCheck ?? now);
    deps.log('info', `feed: ${outcome.result.kind}${'version' in outcome.result ? ` (version ${outcome.result.version})` : ''}`);
    return outcome.result;
  } catch (error) {
    const message = describeFeedError(error);
    const now = deps.now();
    const state = await readFeedState(db);
    const failures = state.failures + 1;
    const nextCheck = Math.max(now + computeBackoffMs(failures, deps.random()), state.notBefore);
    await writeFeedState(db, { ...state, lastCheck: now, lastError: message, lastErrorAt: now, failures, nextCheck });
    await deps.scheduleAlarm(nextCheck);
    deps.log('warn', `feed: rejected, keeping the installed database: ${message}`);
    return { kind: 'failed', error: message };
  } finally {
    await releaseLease(db, owner);
  }
}

interface CheckResult {
  result: SyncOutcome;
  manifest: FeedManifest | null;
  validators: Pick<FeedState, 'etag' | 'lastModified'> | null;
}

async function checkFeed(deps: FeedSyncDeps, config: FeedConfig, state: FeedState): Promise<CheckResult> {
  const base = folderUrl(config.feedUrl);
  const manifestTimeoutMs = deps.timeoutMs ?? 20_000;
  const timeoutMs = deps.timeoutMs ?? 90_000;
  const limits = deps.limits ?? FEED_LIMITS;
  const active = await readActiveSnapshot(deps.db);
  const activeVersion = active?.version ?? 0;

  const headers: Record<string, string> = {};
  if (state.url === config.feedUrl) {
    if (state.etag) headers['if-none-match'] = state.etag;
    if (state.lastModified) headers['if-modified-since'] = state.lastModified;
  }
  const response = await fetchLimited(deps.fetch, new URL('manifest.json', base).href, {
    timeoutMs: manifestTimeoutMs,
    maxBytes: limits.manifestBytes,
    headers,
  });
  if (response.status === 304) return { result: { kind: 'not-modified' }, manifest: null, validators: null };
  const manifest = await readManifest(deps.subtle, config.publicKey, response.text);
  const validators = { etag: response.etag, lastModified: response.lastModified };

  if (manifest.version < activeVersion) {
    throw new FeedError('rollback', `the feed offers version ${manifest.version}, older than the installed ${activeVersion}`);
  }
  if (manifest.version === activeVersion) {
    if (manifest.selectors) await deps.publishSelectors(manifest.selectors);
    return { result: { kind: 'up-to-date', version: activeVersion }, manifest, validators };
  }

  let database: DatabaseSource | null = null;
  let via: 'diff' | 'snapshot' = 'snapshot';
  const entry = active ? manifest.diffs.find((diff) => diff.from === active.version) : undefined;
  if (active && entry) {
    try {
      const diff = await fetchLimited(deps.fetch, new URL(entry.path, base).href, { timeoutMs, maxBytes: limits.databaseBytes });
      database = await readDiff(deps.subtle, deps.checks, manifest, entry, active.source, diff.text);
      via = 'diff';
    } catch (error) {
      deps.log('warn', `feed: diff rejected, falling back to the full snapshot: ${describeFeedError(error)}`);
    }
  }
  if (!database) {
    const snapshot = await fetchLimited(deps.fetch, new URL(manifest.snapshot.path, base).href, {
      timeoutMs,
      maxBytes: limits.databaseBytes,
    });
    database = await readSnapshot(deps.subtle, deps.checks, manifest, snapshot.text);
  }

  let compiled: unknown;
  try {
    compiled = await deps.engine.compile(database);
  } catch (error) {
    throw new FeedError('compile', `version ${manifest.version} does not compile: ${error instanceof Error ? error.message : String(error)}`);
  }
  const installed = await installSnapshot(deps.db, {
    version: database.version,
    origin: 'feed',
    checksum: manifest.sha256,
    installedAt: deps.now(),
    source: database,
  });
  if (!installed) return { result: { kind: 'up-to-date', version: (await readActiveSnapshot(deps.db))?.version ?? 0 }, manifest, validators };
  await deps.engine.publish(compiled);
  if (manifest.selectors) await deps.publishSelectors(manifest.selectors);
  return { result: { kind: 'installed', version: database.version, via }, manifest, validators };
}

/** The status the popup/options show. */
export async function readFeedStatus(deps: Pick<FeedSyncDeps, 'db' | 'config'>): Promise<FeedStatus> {
  const [active, state, config] = await Promise.all([readActiveSnapshot(deps.db), readFeedState(deps.db), deps.config()]);
  const updates = !config.publicKey ? 'no-key' : !config.feedUrl ? 'no-url' : 'on';
  const disabled = updates !== 'on';
  return {
    version: active?.version ?? 0,
    patternCount: active?.source.patterns.length ?? 0,
    source: active?.origin ?? 'bundled',
    lastSuccess: state.lastSuccess,
    // Updates that are off by configuration are a state, not an error: the popup explains it in the person's language.
    lastError: disabled ? null : state.lastError,
    lastErrorAt: disabled ? null : state.lastErrorAt,
    nextCheck: disabled ? null : state.nextCheck,
    updates,
  };
}

export interface FeedService {
  /** "Sync now" and alarms: one run at a time in this worker (the Dexie lease covers other workers). */
  sync(manual: boolean): Promise<SyncOutcome>;
  status(): Promise<FeedStatus>;
}

export function createFeedService(deps: FeedSyncDeps): FeedService {
  let running: Promise<SyncOutcome> | null = null;
  return {
    sync(manual) {
      running ??= runFeedSync(deps, manual).finally(() => {
        running = null;
      });
      return running;
    },
    status: () => readFeedStatus(deps),
  };
}
