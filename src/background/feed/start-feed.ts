import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { SerializedEngine } from '@/src/engine';
import { readBuildConfig, type BuildConfig } from '@/src/shared/build-config';
import { engineItem } from '@/src/shared/engine-item';
import { settingsItem } from '@/src/shared/settings';
import type { CanhGiacDatabase } from '../database';
import { ensureEngine } from '../engine-store';
import { DATABASE_CHECKS, compileForPublishing } from './database-checks';
import { SCHEDULE, readFeedState } from './feed-state';
import { createFeedService, type FeedConfig, type FeedService, type FeedSyncDeps } from './sync-feed';

export const FEED_ALARM = 'canh-giac-feed';

/**
 * The feed URL is the options page's override when it is an http(s) URL, else the build's `WXT_FEED_URL`; the key is
 * always the build's (`WXT_FEED_PUBLIC_KEY`): a key that settings could change would protect nothing.
 */
export function resolveFeedConfig(settingsFeedUrl: string | null | undefined, build: BuildConfig): FeedConfig {
  const isHttpUrl = (text: string) => {
    try {
      return /^https?:$/.test(new URL(text).protocol);
    } catch {
      return false;
    }
  };
  const override = settingsFeedUrl?.trim() ?? '';
  const feedUrl = override && isHttpUrl(override) ? override : build.feedUrl.trim();
  return { feedUrl: isHttpUrl(feedUrl) ? feedUrl : '', publicKey: build.feedPublicKey.trim() };
}

/**
 * Wires the feed sync to the browser: the feed alarm (first check about a minute after install, then every few
 * hours with jitter, backed off after failures), the build-time key and URL (overridable URL in the options), the
 * engine published to storage.local and site selectors to `local:siteSelectors`. Registers its listeners
 * synchronously; call once from the background's composition root.
 */
export function startFeedSync(db: CanhGiacDatabase): FeedService {
  const build = readBuildConfig();
  const scheduleAlarm = async (when: number) => {
    await browser.alarms.create(FEED_ALARM, { when: Math.max(when, Date.now() + 30_000) });
  };
  const deps: FeedSyncDeps = {
    db,
    fetch: (input, init) => fetch(input, init),
    subtle: crypto.subtle,
    now: () => Date.now(),
    random: () => Math.random(),
    config: async () => resolveFeedConfig((await settingsItem.getValue()).feedUrl, build),
    checks: DATABASE_CHECKS,
    engine: {
      compile: compileForPublishing,
      publish: async (compiled) => {
        await engineItem.setValue(compiled as SerializedEngine);
      },
    },
    publishSelectors: async (selectors) => {
      await storage.setItem('local:siteSelectors', selectors);
    },
    scheduleAlarm,
    prepare: () => ensureEngine(db),
    log: (level, message) => (level === 'warn' ? console.warn : console.info)(`[canh-giac] ${message}`),
  };
  const service = createFeedService(deps);

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === FEED_ALARM) void service.sync(false);
  });
  browser.runtime.onInstalled.addListener(() => {
    void scheduleAlarm(Date.now() + SCHEDULE.firstCheckMs + Math.random() * SCHEDULE.firstCheckJitterMs);
  });
  // A feed URL set or changed in the options: check soon (the new URL starts without validators).
  settingsItem.watch((next, previous) => {
    if ((next?.feedUrl ?? null) !== (previous?.feedUrl ?? null)) void scheduleAlarm(Date.now() + SCHEDULE.firstCheckMs);
  });
  // A worker that starts without an alarm (first start, or alarms cleared) schedules one from the stored state.
  void browser.alarms
    .get(FEED_ALARM)
    .then(async (alarm) => {
      if (alarm) return;
      const state = await readFeedState(db);
      await scheduleAlarm(state.nextCheck ?? Date.now() + SCHEDULE.firstCheckMs);
    })
    .catch((error: unknown) => console.error('[canh-giac] feed alarm', error));
  return service;
}
