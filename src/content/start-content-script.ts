import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { prepareScan, registrableDomain, scanItem, type Engine } from '@/src/engine';
import { resolveLanguage } from '@/src/shared/i18n';
import type { FlaggedItem, TabFindings } from '@/src/shared/messages';
import { sendMessage } from '@/src/shared/send-message';
import { isProtectionPaused, settingsItem, withDefaults, type Settings } from '@/src/shared/settings';
import { addDismissed, dismissedItemsItem, type DismissedItems } from './dismissed-items';
import { connectEngine } from './engine-client';
import { checkSecretForm, findSecretFields, readBrandText } from './form-check';
import { createHighlightLayer } from './highlight-layer';
import { postTask } from './post-task';
import { createScanner, type Scanner } from './scanner';
import { createFacebookAdapter } from './sites/facebook';
import type { SiteAdapter } from './sites/site-adapter';
import { chooseSiteSelectors, findSiteFor, siteSelectorsItem } from './sites/site-selectors';
import { createThrottle } from './throttle';
import { readPageTheme } from './ui-theme';

const FINDINGS_INTERVAL_MS = 400;
const REPAIR_INTERVAL_MS = 1000;
const MAX_TIMER_MS = 2_147_000_000;

/** Site adapters by the id used in `site-selectors.json`. */
const ADAPTERS: Record<string, typeof createFacebookAdapter> = { facebook: createFacebookAdapter };

/**
 * The content script proper (started by `load-content-script.ts` in a task of its own): reads settings and the
 * engine, runs the scanner while protection is on for this site, and reports findings to the background. Everything
 * it registers is tied to `ctx` (its abort signal, ctx timers and listeners) and our UI is removed when the context is
 * invalidated (extension reloaded or updated).
 */
export async function runContentScript(ctx: ContentScriptContext): Promise<void> {
  if (ctx.isInvalid) return;
  const doc = document;
  const timers = { setTimeout: (fn: () => void, ms: number) => ctx.setTimeout(fn, ms), clearTimeout: (id: number) => clearTimeout(id) };
  // The engine is read from storage alongside the settings (not after them) and loaded in tasks of its own; the
  // scanner starts once it is there (without it nothing can be judged: reading posts before would be wasted work).
  let engine: Engine | null = null;
  let engineChanged: ((first: boolean) => void) | null = null;
  void connectEngine({
    signal: ctx.signal,
    onEngine: (next) => {
      const first = engine === null;
      engine = next;
      engineChanged?.(first);
    },
  });
  const [storedSettings, storedDismissed, storedSelectors] = await Promise.all([
    settingsItem.getValue(),
    dismissedItemsItem.getValue(),
    siteSelectorsItem.getValue(),
  ]);
  if (ctx.isInvalid) return;
  let settings: Settings = withDefaults(storedSettings);
  let dismissed: DismissedItems = storedDismissed ?? {};
  let pauseTimer: number | null = null;

  const hostname = () => location.hostname;
  const siteDomain = () => registrableDomain(hostname()) ?? hostname();
  const isTrusted = () => settings.trustedSites.includes(siteDomain()) || settings.trustedSites.includes(hostname());
  const language = () => resolveLanguage(settings.language, navigator.language);
  const isPaused = () => isProtectionPaused(settings, hostname());

  const buildAdapter = (selectors: unknown): SiteAdapter | null => {
    const site = findSiteFor(hostname(), chooseSiteSelectors(selectors));
    const factory = site ? ADAPTERS[site.id] : undefined;
    return site && factory ? factory(site.selectors, doc) : null;
  };

  const sendFindings = () => {
    if (ctx.isInvalid) return;
    const paused = isPaused();
    const summary = scanner.summarize();
    const findings: TabFindings = {
      url: location.href,
      title: doc.title,
      verdict: paused ? 'clean' : summary.verdict,
      items: paused ? [] : summary.items,
      paused,
    };
    sendMessage('tab:findings', findings).catch(() => undefined);
  };
  const findingsThrottle = createThrottle(sendFindings, FINDINGS_INTERVAL_MS, timers);

  /** In the viewport or within one viewport height of it (items hidden with display:none have an empty box). */
  const isNearViewport = (item: Element) => {
    const rect = item.getBoundingClientRect();
    const height = window.innerHeight;
    return (rect.width > 0 || rect.height > 0) && rect.bottom >= -height && rect.top <= 2 * height;
  };

  /** Calls `onVisible` when a watched item comes within one viewport height of the screen (as `isNearViewport`). */
  const watchVisibility = (onVisible: (item: Element) => void) => {
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) if (entry.isIntersecting) onVisible(entry.target);
      },
      { rootMargin: '100% 0px 100% 0px' },
    );
    return {
      observe: (item: Element) => observer.observe(item),
      unobserve: (item: Element) => observer.unobserve(item),
      disconnect: () => observer.disconnect(),
    };
  };

  const createFor = (adapter: SiteAdapter | null): Scanner =>
    createScanner({
      doc,
      adapter,
      timers,
      scheduleSlice: (run, urgent) => {
        if (urgent) {
          postTask(() => run(null), ctx.signal);
        } else if (typeof requestIdleCallback === 'function') {
          ctx.requestIdleCallback((deadline) => run(deadline.didTimeout ? null : deadline.timeRemaining()), { timeout: 50 });
        } else {
          ctx.setTimeout(() => run(null), 0);
        }
      },
      isNearViewport,
      watchVisibility,
      now: () => performance.now(),
      judge: (input) => (engine ? scanItem(engine, input) : null),
      prepare: (input, hasTime) => (engine ? prepareScan(engine, input, hasTime) : true),
      families: () => engine?.families ?? {},
      pageUrl: () => location.href,
      prefs: () => settings,
      language,
      theme: () => readPageTheme(doc),
      isDismissed: (key) => Object.prototype.hasOwnProperty.call(dismissed, key),
      checkPage: () => {
        const trusted = isTrusted();
        if (!engine) return { form: null, trusted };
        const fields = findSecretFields(doc);
        if (fields.size === 0) return { form: null, trusted };
        const check = engine.domains.checkHost(hostname());
        return {
          trusted,
          form: checkSecretForm({
            fields,
            brandText: readBrandText(doc),
            host: hostname(),
            registrable: check?.registrable ?? registrableDomain(hostname()),
            allowlisted: check?.allowlisted ?? false,
            brands: engine.domains.brands,
            brandFamilies: engine.brandFamilies,
          }),
        };
      },
      actions: {
        report: async (item: FlaggedItem) => {
          await sendMessage('report:draft', { url: location.href, title: doc.title, item });
        },
        dismiss: async (item: FlaggedItem) => {
          dismissed = addDismissed(dismissed, item.key, Date.now());
          await dismissedItemsItem.setValue(dismissed);
        },
        trust: async () => {
          const current = withDefaults(await settingsItem.getValue());
          const domain = siteDomain();
          if (!current.trustedSites.includes(domain)) {
            settings = { ...current, trustedSites: [...current.trustedSites, domain] };
            await settingsItem.setValue(settings);
          }
        },
        leave: () => {
          if (history.length > 1) history.back();
          ctx.setTimeout(() => location.replace('about:blank'), 600);
        },
      },
      highlights: createHighlightLayer(doc),
      onFindingsChanged: () => findingsThrottle.request(),
    });

  let scanner = createFor(buildAdapter(storedSelectors));

  /** Starts or stops the scanner for the current settings; schedules the end of a timed pause. */
  const applyPause = () => {
    if (pauseTimer !== null) clearTimeout(pauseTimer);
    pauseTimer = null;
    if (isPaused()) {
      scanner.stop();
      const until = [settings.globalPause?.until, settings.sitePauses[hostname()]]
        .filter((u): u is number => typeof u === 'number' && u > Date.now())
        .sort((a, b) => b - a)[0];
      if (until !== undefined) pauseTimer = ctx.setTimeout(applyPause, Math.min(MAX_TIMER_MS, until - Date.now() + 50));
    } else if (engine) {
      scanner.start();
    }
    findingsThrottle.request();
  };

  ctx.onInvalidated(() => {
    scanner.stop();
    findingsThrottle.cancel();
  });

  const unwatchSettings = settingsItem.watch((value) => {
    const previous = settings;
    settings = withDefaults(value);
    const wasPaused = isProtectionPaused(previous, hostname());
    if (wasPaused !== isPaused() || isPaused()) applyPause();
    else scanner.rescanAll();
    findingsThrottle.request();
  });
  const unwatchDismissed = dismissedItemsItem.watch((value) => {
    const before = dismissed;
    dismissed = value ?? {};
    for (const key of Object.keys(dismissed)) if (!(key in before)) scanner.forget(key);
    if (Object.keys(before).some((key) => !(key in dismissed))) scanner.rescanAll();
  });
  const unwatchSelectors = siteSelectorsItem.watch((value) => {
    const wasRunning = scanner.running;
    scanner.stop();
    scanner = createFor(buildAdapter(value));
    if (wasRunning) scanner.start();
  });
  ctx.signal.addEventListener(
    'abort',
    () => {
      unwatchSettings();
      unwatchDismissed();
      unwatchSelectors();
    },
    { once: true },
  );

  ctx.addEventListener(window, 'wxt:locationchange', () => {
    scanner.rescanAll();
    findingsThrottle.request();
  });
  ctx.setInterval(() => scanner.repair(), REPAIR_INTERVAL_MS);
  const themeObserver = new MutationObserver(() => scanner.updateTheme());
  themeObserver.observe(doc.documentElement, { attributes: true, attributeFilter: ['class'] });
  ctx.signal.addEventListener('abort', () => themeObserver.disconnect(), { once: true });

  engineChanged = (first) => {
    if (first) applyPause();
    else scanner.rescanAll({ rejudge: true });
  };
  applyPause();
}
