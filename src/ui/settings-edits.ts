import type { PauseUntil, Settings } from '@/src/shared/settings';

/** Pure edits of the settings object (the popup and options save the result; content scripts react live). */

export const HOUR_MS = 60 * 60 * 1000;

export function pauseSite(settings: Settings, host: string, until: PauseUntil): Settings {
  return { ...settings, sitePauses: { ...settings.sitePauses, [host]: until } };
}

export function resumeSite(settings: Settings, host: string): Settings {
  const sitePauses = { ...settings.sitePauses };
  delete sitePauses[host];
  return { ...settings, sitePauses };
}

export function setGlobalPause(settings: Settings, paused: boolean): Settings {
  const next = { ...settings };
  if (paused) next.globalPause = { until: null };
  else delete next.globalPause;
  return next;
}

/** Drops site pauses that have ended (so the options list only shows live ones). */
export function dropExpiredPauses(settings: Settings, now: number): Settings {
  const sitePauses = Object.fromEntries(
    Object.entries(settings.sitePauses).filter(([, until]) => until === null || until > now),
  );
  return { ...settings, sitePauses };
}

export function setFamilyEnabled(settings: Settings, family: string, enabled: boolean): Settings {
  const others = settings.disabledFamilies.filter((f) => f !== family);
  return { ...settings, disabledFamilies: enabled ? others : [...others, family] };
}

export function removeTrustedSite(settings: Settings, site: string): Settings {
  return { ...settings, trustedSites: settings.trustedSites.filter((s) => s !== site) };
}

/** The host a page's protection is paused by (the settings key), or null for pages we do not scan. */
export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.hostname : null;
  } catch {
    return null;
  }
}
