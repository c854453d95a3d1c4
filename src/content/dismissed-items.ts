import { storage } from 'wxt/utils/storage';

/**
 * Items the person marked "not a scam", by the hash of their text (never the text itself), with when they did it.
 * Read and watched by every tab's content script; capped to the newest `MAX_DISMISSED`.
 */
export type DismissedItems = Record<string, number>;

export const MAX_DISMISSED = 2000;

export const dismissedItemsItem = storage.defineItem<DismissedItems>('local:dismissedItems', {
  fallback: {},
  version: 1,
});

/** Adds `key`, dropping the oldest entries beyond `max`. Pure. */
export function addDismissed(current: DismissedItems, key: string, now: number, max: number = MAX_DISMISSED): DismissedItems {
  const next: DismissedItems = { ...current, [key]: now };
  const keys = Object.keys(next);
  if (keys.length <= max) return next;
  const kept = keys.sort((a, b) => next[b]! - next[a]!).slice(0, max);
  return Object.fromEntries(kept.map((k) => [k, next[k]!]));
}
