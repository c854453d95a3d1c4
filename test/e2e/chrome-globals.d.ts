// Code passed to `serviceWorker.evaluate()` runs inside the extension's service worker, where `chrome` is the
// extension API. These types let the specs type-check that code (the tests themselves run in Node).
import type { Browser } from '@wxt-dev/browser';

declare global {
  const chrome: typeof Browser;
}
export {};
