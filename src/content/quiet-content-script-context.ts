/**
 * WXT's ContentScriptContext without the DOM events a web page could observe.
 *
 * WXT's context announces every content script start with a CustomEvent on `document`, and every in-page navigation
 * with a CustomEvent on `window`, both named `<extension id>:content:wxt:…`. Events dispatched from the isolated world
 * reach the page's own listeners, and an extension id is public, so any page could learn that Cảnh Giác is installed
 * — even a clean page we never mark. `wxt.config.ts` resolves `wxt/utils/content-script-context` to this module for
 * the content script, so the context WXT hands to `main(ctx)` is this one:
 *
 * - No "script started" announcement, and no listening for newer scripts. WXT uses it to stop a script orphaned by an
 *   extension reload; here an orphan stops itself instead: every `ctx` timer checks `isValid` (false once the
 *   extension's runtime is gone), which invalidates the context and runs its `onInvalidated` clean-up. The content
 *   script keeps a 1 s repair interval on `ctx`, so an orphan removes its UI within a second.
 * - `wxt:locationchange` is watched and dispatched on a private EventTarget of this context (Navigation API in the
 *   isolated world, or polling the URL once a second where that API is missing), never on `window`.
 * Everything else (signal, timers, onInvalidated) is WXT's.
 */
import { ContentScriptContext as WxtContentScriptContext } from 'wxt/utils/content-script-context';

const LOCATION_CHANGE = 'wxt:locationchange';
const POLL_MS = 1000;

interface NavigationLike {
  addEventListener(type: 'navigate', listener: (event: { destination: { url: string } }) => void, options?: AddEventListenerOptions): void;
}

/** The event our private watcher dispatches (same fields as WXT's WxtLocationChangeEvent). */
export class LocationChangeEvent extends Event {
  readonly newUrl: URL;
  readonly oldUrl: URL;

  constructor(newUrl: URL, oldUrl: URL) {
    super(LOCATION_CHANGE);
    this.newUrl = newUrl;
    this.oldUrl = oldUrl;
  }
}

export class QuietContentScriptContext extends WxtContentScriptContext {
  private locationEvents: EventTarget | null = null;

  /** Not announced: see the module comment. */
  override stopOldScripts(): void {}

  /** Nothing to listen for: see the module comment. */
  override listenForNewerScripts(): void {}

  override addEventListener(target: EventTarget, type: string, handler: (event: Event) => void, options?: AddEventListenerOptions): void {
    if (type !== LOCATION_CHANGE) {
      target.addEventListener(type, handler, { ...options, signal: this.signal });
      return;
    }
    this.watchLocation().addEventListener(type, handler, { ...options, signal: this.signal });
  }

  /** Starts the private location watcher once; returns its event target. */
  private watchLocation(): EventTarget {
    if (this.locationEvents !== null) return this.locationEvents;
    const events = new EventTarget();
    this.locationEvents = events;
    if (this.isInvalid) return events;
    let lastUrl = new URL(location.href);
    const announce = (next: URL) => {
      if (next.href === lastUrl.href) return;
      const previous = lastUrl;
      lastUrl = next;
      events.dispatchEvent(new LocationChangeEvent(next, previous));
    };
    const navigation = (globalThis as { navigation?: Partial<NavigationLike> }).navigation;
    if (typeof navigation?.addEventListener === 'function') {
      // A page can dispatch a forged "navigate" on the shared object (no destination in our world): ignore it.
      navigation.addEventListener(
        'navigate',
        (event) => {
          const url = (event as { destination?: { url?: unknown } }).destination?.url;
          if (typeof url !== 'string') return;
          try {
            announce(new URL(url));
          } catch {
            // not a URL
          }
        },
        { signal: this.signal },
      );
    } else {
      this.setInterval(() => announce(new URL(location.href)), POLL_MS);
    }
    return events;
  }
}

export { QuietContentScriptContext as ContentScriptContext };
