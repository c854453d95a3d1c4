import { storage } from 'wxt/utils/storage';

/** When a pause ends (ms since epoch), or null for "until turned back on". */
export type PauseUntil = number | null;

export interface Settings {
  /** Protection paused everywhere (absent: not paused). */
  globalPause?: { until: PauseUntil };
  /** Sites (hostnames) where protection is paused. */
  sitePauses: Record<string, PauseUntil>;
  /** Which verdicts show a warning: only `scam`, or `suspicious` and `scam`. */
  warnOn: 'scam' | 'suspicious';
  /** Scam families the person turned off. */
  disabledFamilies: string[];
  /** Overrides of the build-time feed and report URLs (null: use the build's). */
  feedUrl: string | null;
  reportUrl: string | null;
  language: 'auto' | 'vi' | 'en';
  /** Registrable domains the person trusts ("I trust this site"): no page warning there. */
  trustedSites: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  sitePauses: {},
  warnOn: 'suspicious',
  disabledFamilies: [],
  feedUrl: null,
  reportUrl: null,
  language: 'auto',
  trustedSites: [],
};

const rawSettingsItem = storage.defineItem<Partial<Settings>>('local:settings', {
  fallback: {},
  version: 1,
});

/**
 * Settings live in `storage.local` (not IndexedDB) so content scripts can read and watch them live.
 * v1 is the first released shape; bump `version` and add a migration for any change to it. Every read goes through
 * `withDefaults`, so a stored object missing fields (older, imported or hand-edited) still yields complete settings.
 */
export const settingsItem = {
  getValue: async (): Promise<Settings> => withDefaults(await rawSettingsItem.getValue()),
  setValue: (value: Settings): Promise<void> => rawSettingsItem.setValue(value),
  watch: (callback: (next: Settings, previous: Settings) => void): (() => void) =>
    rawSettingsItem.watch((next, previous) => callback(withDefaults(next), withDefaults(previous))),
};

/** Fills in defaults for fields an older or imported settings object lacks. */
export function withDefaults(partial: Partial<Settings> | null | undefined): Settings {
  return { ...DEFAULT_SETTINGS, ...(partial ?? {}), sitePauses: { ...(partial?.sitePauses ?? {}) } };
}

function isActivePause(until: PauseUntil | undefined, now: number): boolean {
  return until === null || (typeof until === 'number' && until > now);
}

/** Whether protection is paused for `host` at `now` (globally or for the site). */
export function isProtectionPaused(settings: Settings, host: string, now: number = Date.now()): boolean {
  if (settings.globalPause && isActivePause(settings.globalPause.until, now)) return true;
  return Object.prototype.hasOwnProperty.call(settings.sitePauses, host) && isActivePause(settings.sitePauses[host], now);
}
