/**
 * The scanner: finds what to judge (a site's posts and comments, or the page itself), judges only new or changed
 * content, and shows the result in place (inline warning or page banner, plus highlights).
 *
 * - Mutation records are batched (16 ms debounce, 40 ms at most) and mapped to the items they touch; a huge batch
 *   (> 1000 records) triggers a full rescan instead.
 * - Work runs in slices of ~10 ms; the first slice after a batch runs at once (a new post is judged right away).
 *   Items in or near the viewport go first (posts before comments) and their further slices are soon tasks;
 *   off-screen ones wait for idle time.
 * - An item is re-read only when something inside it changed, and judged only when its text+links hash is new
 *   (WeakMap element → hash, Map hash → verdict): a post Facebook re-creates after scrolling costs a read, not a match.
 * - Our hosts are re-attached when the page removes them while their item is still there, and their attributes are
 *   restored when the page edits them.
 */
import type { FamilySource, ScanInput, Verdict } from '@/src/engine/types';
import type { Language } from '@/src/shared/i18n';
import type { FlaggedItem } from '@/src/shared/messages';
import type { Settings } from '@/src/shared/settings';
import { describeVerdict, type ShownLevel } from './describe-verdict';
import { createRanges, extractContent, type ExtractedContent } from './extract-text';
import type { FormFinding } from './form-check';
import { hashString as hashText } from '@/src/engine';
import type { HighlightLayer } from './highlight-layer';
import { createMutationBatcher, type TimerApi } from './mutation-batcher';
import { createPageBanner, type PageBanner } from './page-banner';
import { mergeFormFinding, rankLevel, selectShownVerdict, type ShownVerdict } from './shown-verdict';
import { createSliceRunner } from './slice-runner';
import { isOwnElement, type ItemKind, type SiteAdapter } from './sites/site-adapter';
import type { Theme } from './ui-theme';
import { createWarningHost, type WarningHost } from './warning-ui';

export const FULL_RESCAN_RECORDS = 1000;
/**
 * Mutation batching: 16 ms after the last record, and at most 40 ms after the first of a batch. Facebook's feed keeps
 * changing while it scrolls (new posts, timestamps, lazy images), so a long maximum (Ghostery uses 1 s for cosmetic
 * filters) held warnings back. `npm run bench:browser -- --posts=200`, post → warning p50 / p95 / max: 25 ms + 1 s:
 * 87 / 196 / 1588 ms; 25 ms + 75 ms: 86 / 159 / 1188 ms; 16 ms + 40 ms: 68 / 189 / 924 ms (runs vary by ~±30 ms).
 * Work per batch stays bounded: only touched items are judged, in ~10 ms slices.
 */
export const BATCH_DEBOUNCE_MS = 16;
export const BATCH_MAX_WAIT_MS = 40;
const MAX_VERDICTS = 5000;
const MAX_REPORTED_ITEMS = 50;
const MAX_REATTACH = 50;
const PAGE_MIN_INTERVAL_MS = 750;
const MIN_TEXT_LENGTH = 6;

export interface ScannerOptions {
  doc: Document;
  /** A site with posts/comments, or null: the page is judged as one item and gets the banner. */
  adapter: SiteAdapter | null;
  timers: TimerApi;
  /**
   * Schedules the next work slice: soon (a normal task) when `urgent`, else in idle time (idle callback or timeout);
   * `timeRemaining` when the browser tells it.
   */
  scheduleSlice(run: (timeRemaining: number | null) => void, urgent: boolean): void;
  /**
   * Whether a reader can see `item` now or in a moment (in or near the viewport): such items are judged first, and
   * their slices do not wait for idle time. Without it every item waits its turn in idle time.
   */
  isNearViewport?(item: Element): boolean;
  /**
   * Watches items queued off-screen and calls `onVisible` when one comes near the viewport (an IntersectionObserver),
   * so an item the reader scrolls to is judged at once instead of waiting for idle time.
   */
  watchVisibility?(onVisible: (item: Element) => void): VisibilityWatch;
  now(): number;
  /** Judges one item; null while no engine is loaded (the item is judged when one arrives). */
  judge(input: ScanInput): Verdict | null;
  /**
   * Gets ready to judge an item in steps while `hasTime()` (compiling what its text needs); false when not done yet:
   * the item then goes on in the next slice, so one long post is not one long task. Optional.
   */
  prepare?(input: ScanInput, hasTime: () => boolean): boolean;
  families(): Readonly<Record<string, FamilySource>>;
  pageUrl(): string;
  prefs(): Pick<Settings, 'warnOn' | 'disabledFamilies'>;
  language(): Language;
  theme(): Theme;
  isDismissed(key: string): boolean;
  /** Page mode: the page's secret-form finding and whether the person trusts this site. */
  checkPage?(): { form: FormFinding | null; trusted: boolean };
  actions: {
    report(item: FlaggedItem): Promise<void>;
    dismiss(item: FlaggedItem): Promise<void>;
    trust(): Promise<void>;
    leave(): void;
  };
  highlights: HighlightLayer;
  /** Called (not throttled) whenever the set of flagged items or their verdicts changed. */
  onFindingsChanged(): void;
}

export interface VisibilityWatch {
  observe(item: Element): void;
  unobserve(item: Element): void;
  disconnect(): void;
}

export interface ScanSummary {
  verdict: 'clean' | ShownLevel;
  items: FlaggedItem[];
}

export interface Scanner {
  start(): void;
  stop(): void;
  /** Re-reads everything: `rejudge` also forgets verdicts (a new engine). */
  rescanAll(options?: { rejudge?: boolean }): void;
  /** Removes the warning of every item with this key (after "not a scam"). */
  forget(key: string): void;
  updateTheme(): void;
  /** Re-attaches hosts and highlights the page removed. */
  repair(): void;
  summarize(): ScanSummary;
  readonly running: boolean;
  /** Processes pending mutations and queued work synchronously (tests and benchmarks). */
  drain(): void;
}

interface FlaggedEntry {
  key: string;
  kind: ItemKind | 'page';
  shown: ShownVerdict;
  summary: FlaggedItem;
  warning: WarningHost | null;
  anchor: Element | null;
  reattached: number;
}

function summarizeItem(key: string, kind: FlaggedItem['kind'], shown: ShownVerdict, text: string): FlaggedItem {
  return {
    key,
    kind,
    verdict: shown.verdict,
    score: shown.score,
    categories: shown.categories,
    indicators: shown.indicators.map(({ patternId, family, signal, kind: k, match, message }) => ({
      patternId,
      family,
      signal,
      kind: k,
      match,
      message,
    })),
    excerpt: text.replace(/\s+/g, ' ').trim().slice(0, 600),
  };
}

export function createScanner(options: ScannerOptions): Scanner {
  const { doc, adapter, timers, highlights } = options;
  let running = false;
  let observer: MutationObserver | null = null;
  let hostGuard: MutationObserver | null = null;
  let itemKeys = new WeakMap<Element, string>();
  const verdicts = new Map<string, Verdict>();
  const flagged = new Map<Element, FlaggedEntry>();
  const hostOwners = new WeakMap<Element, Element>();
  let banner: PageBanner | null = null;
  let lastPageScan = -Infinity;
  let pageTimer: number | null = null;

  const rememberVerdict = (key: string, verdict: Verdict) => {
    if (verdicts.size >= MAX_VERDICTS) {
      const oldest = verdicts.keys().next().value;
      if (oldest !== undefined) verdicts.delete(oldest);
    }
    verdicts.set(key, verdict);
  };

  // ---- hosts -------------------------------------------------------------------------------------------------

  const guardHost = (host: Element) => hostGuard?.observe(host, { attributes: true });

  const removeEntry = (item: Element) => {
    const entry = flagged.get(item);
    if (!entry) return;
    entry.warning?.host.remove();
    highlights.remove(item);
    flagged.delete(item);
  };

  const removeBanner = () => {
    banner?.host.remove();
    banner = null;
  };

  const attachWarning = (item: Element, entry: FlaggedEntry) => {
    if (!adapter || !entry.warning) return;
    const anchor = entry.anchor && entry.anchor.isConnected && item.contains(entry.anchor) ? entry.anchor : adapter.findAnchor(item);
    entry.anchor = anchor;
    if (entry.warning.host.parentNode !== anchor) anchor.appendChild(entry.warning.host);
  };

  const renderWarning = (item: Element, entry: FlaggedEntry) => {
    const view = describeVerdict(entry.shown, options.families(), options.language());
    if (!entry.warning) {
      const summary = () => flagged.get(item)?.summary ?? entry.summary;
      entry.warning = createWarningHost(doc, {
        report: () => options.actions.report(summary()),
        dismiss: async () => {
          await options.actions.dismiss(summary());
          removeEntry(item);
          options.onFindingsChanged();
        },
      });
      hostOwners.set(entry.warning.host, item);
      guardHost(entry.warning.host);
    }
    entry.warning.render(view, options.language(), options.theme());
    attachWarning(item, entry);
  };

  const renderBanner = (entry: FlaggedEntry) => {
    const view = describeVerdict(entry.shown, options.families(), options.language());
    if (!banner) {
      banner = createPageBanner(doc, {
        report: () => options.actions.report(flagged.get(doc.body)?.summary ?? entry.summary),
        leave: () => options.actions.leave(),
        trust: async () => {
          await options.actions.trust();
          removeEntry(doc.body);
          removeBanner();
          options.onFindingsChanged();
        },
      });
      hostOwners.set(banner.host, doc.body);
      guardHost(banner.host);
    }
    banner.render(view, options.language(), options.theme());
    if (banner.host.parentNode !== doc.documentElement) doc.documentElement.appendChild(banner.host);
  };

  // ---- judging -----------------------------------------------------------------------------------------------

  const show = (item: Element, kind: ItemKind | 'page', key: string, verdict: Verdict, content: ExtractedContent) => {
    const shown = options.isDismissed(key) ? null : selectShownVerdict(verdict, options.prefs());
    const previous = flagged.get(item);
    if (!shown) {
      if (previous) {
        removeEntry(item);
        if (kind === 'page') removeBanner();
        options.onFindingsChanged();
      }
      return;
    }
    const summary = summarizeItem(key, kind, shown, content.text);
    const entry: FlaggedEntry = previous ?? { key, kind, shown, summary, warning: null, anchor: null, reattached: 0 };
    entry.key = key;
    entry.kind = kind;
    entry.shown = shown;
    entry.summary = summary;
    flagged.set(item, entry);
    if (kind === 'page') renderBanner(entry);
    else renderWarning(item, entry);
    const ranges: Range[] = [];
    for (const indicator of shown.indicators) {
      if (indicator.signal === 'warning' || indicator.start === undefined || indicator.end === undefined) continue;
      ranges.push(...createRanges(content, indicator.start, indicator.end, doc));
    }
    highlights.set(item, shown.verdict, ranges);
    options.onFindingsChanged();
  };

  const readPage = (): ExtractedContent | null => {
    const body = doc.body;
    if (!body) return null;
    const content = extractContent(body, { skip: isOwnElement, maxChars: 40_000, maxLinks: 200 });
    const title = doc.title.trim();
    if (!title) return content;
    const shift = title.length + 1;
    return {
      text: `${title}\n${content.text}`,
      pieces: [{ node: null, start: 0, length: shift }, ...content.pieces.map((p) => ({ ...p, start: p.start + shift }))],
      links: content.links,
    };
  };

  /** Judges the page as one item; false when its judgment is not finished (see `ScannerOptions.prepare`). */
  const processPage = (hasTime: () => boolean): boolean => {
    const body = doc.body;
    if (!body) return true;
    lastPageScan = options.now();
    const content = readPage();
    if (!content) return true;
    const page = options.checkPage?.() ?? { form: null, trusted: false };
    const url = options.pageUrl();
    const formSignature = page.form ? `${page.form.brand}:${page.form.fields.join(',')}` : '';
    const key = hashText(`page\u0000${url}\u0000${content.text}\u0000${content.links.join(' ')}\u0000${formSignature}`);
    if (itemKeys.get(body) === key) return true;
    let verdict = verdicts.get(key);
    if (!verdict) {
      const input = { text: content.text, links: content.links, url };
      if (options.prepare && !options.prepare(input, hasTime)) return false;
      const judged = options.judge(input);
      if (!judged) return true;
      verdict = mergeFormFinding(judged, page.form);
      rememberVerdict(key, verdict);
    }
    itemKeys.set(body, key);
    if (page.trusted) {
      if (flagged.has(body)) {
        removeEntry(body);
        removeBanner();
        options.onFindingsChanged();
      }
      return true;
    }
    show(body, 'page', key, verdict, content);
    return true;
  };

  /** Judges an item; false when its judgment is not finished (see `ScannerOptions.prepare`). */
  const processItem = (item: Element, hasTime: () => boolean): boolean => {
    if (!running || !item.isConnected) return true;
    if (!adapter) return processPage(hasTime);
    const content = adapter.readItem(item);
    const kind = adapter.kindOf(item);
    const key = hashText(`${kind}\u0000${content.text}\u0000${content.links.join(' ')}`);
    if (itemKeys.get(item) === key) {
      const entry = flagged.get(item);
      if (entry?.warning && !entry.warning.host.isConnected) attachWarning(item, entry);
      return true;
    }
    if (content.text.trim().length < MIN_TEXT_LENGTH && content.links.length === 0) {
      itemKeys.set(item, key);
      if (flagged.has(item)) {
        removeEntry(item);
        options.onFindingsChanged();
      }
      return true;
    }
    let verdict = verdicts.get(key);
    if (!verdict) {
      const input = { text: content.text, links: content.links };
      if (options.prepare && !options.prepare(input, hasTime)) return false;
      const judged = options.judge(input);
      if (!judged) return true;
      verdict = judged;
      rememberVerdict(key, verdict);
    }
    itemKeys.set(item, key);
    show(item, kind, key, verdict, content);
    return true;
  };

  /** Off-screen items waiting in the idle lane, watched so that scrolling to one moves it to the urgent lane. */
  let visibility: VisibilityWatch | null = null;
  const watched = new Set<Element>();
  const unwatch = (item: Element) => {
    if (watched.delete(item)) visibility?.unobserve(item);
  };
  const promote = (item: Element) => {
    unwatch(item);
    if (running) runner.promote(item);
  };

  const runner = createSliceRunner<Element>({
    scheduler: { schedule: options.scheduleSlice, now: options.now },
    work: (item, hasTime) => {
      // An unfinished item stays watched: if it comes into view while it is being prepared, it is promoted.
      let finished = true;
      try {
        finished = processItem(item, hasTime);
      } finally {
        if (finished) unwatch(item);
      }
      return finished;
    },
    onSliceEnd: () => highlights.repair(),
  });

  /**
   * Queues items and runs a slice now: those a reader can see first, their posts before their comments (a post's
   * warning is the first thing read), each group in document order; then the off-screen ones.
   */
  const enqueueAndRun = (items: Iterable<Element>) => {
    const near = options.isNearViewport;
    if (!near) runner.enqueue(items);
    else {
      const posts: Element[] = [];
      const comments: Element[] = [];
      const later: Element[] = [];
      for (const item of items) {
        if (!near(item)) later.push(item);
        else if (adapter && adapter.kindOf(item) === 'comment') comments.push(item);
        else posts.push(item);
      }
      for (const item of [...posts, ...comments]) unwatch(item);
      runner.enqueue(posts, true);
      runner.enqueue(comments, true);
      runner.enqueue(later);
      if (visibility) {
        for (const item of later) {
          if (watched.has(item) || item === doc.body) continue;
          watched.add(item);
          visibility.observe(item);
        }
      }
    }
    runner.runSlice();
  };

  // ---- mutations ---------------------------------------------------------------------------------------------

  const schedulePage = () => {
    if (pageTimer !== null || !doc.body) return;
    const wait = Math.max(0, lastPageScan + PAGE_MIN_INTERVAL_MS - options.now());
    if (wait === 0) {
      enqueueAndRun([doc.body]);
      return;
    }
    pageTimer = timers.setTimeout(() => {
      pageTimer = null;
      if (running && doc.body) enqueueAndRun([doc.body]);
    }, wait);
  };

  const isOwnNode = (node: Node) => node.nodeType === 1 && isOwnElement(node as Element);

  const checkEntries = () => {
    for (const [item, entry] of [...flagged]) {
      if (entry.kind === 'page') {
        if (banner && !banner.host.isConnected && entry.reattached < MAX_REATTACH) {
          entry.reattached++;
          doc.documentElement.appendChild(banner.host);
        }
        continue;
      }
      if (!item.isConnected) {
        removeEntry(item);
        continue;
      }
      if (entry.warning && !entry.warning.host.isConnected && entry.reattached < MAX_REATTACH) {
        entry.reattached++;
        attachWarning(item, entry);
      }
    }
  };

  const collectAllItems = (): Element[] => {
    if (!adapter) return doc.body ? [doc.body] : [];
    adapter.reset();
    return adapter.findItems(doc);
  };

  const handleBatch = (records: MutationRecord[]) => {
    if (!running) return;
    let ownRemoved = false;
    let itemRemoved = false;
    if (!adapter) {
      let relevant = false;
      for (const record of records) {
        if (record.type === 'childList') {
          const added = Array.from(record.addedNodes);
          const removed = Array.from(record.removedNodes);
          if (removed.some(isOwnNode)) ownRemoved = true;
          if (added.length + removed.length > 0 && added.every(isOwnNode) && removed.every(isOwnNode)) continue;
        }
        relevant = true;
      }
      if (ownRemoved) checkEntries();
      if (relevant) schedulePage();
      return;
    }
    const dirty = new Set<Element>();
    if (records.length > FULL_RESCAN_RECORDS) {
      for (const item of collectAllItems()) dirty.add(item);
      checkEntries();
    } else {
      for (const record of records) {
        if (record.type === 'childList') {
          const added = Array.from(record.addedNodes);
          const removed = Array.from(record.removedNodes);
          if (removed.some(isOwnNode)) ownRemoved = true;
          if (removed.length > 0) itemRemoved = true;
          if (added.length + removed.length > 0 && added.every(isOwnNode) && removed.every(isOwnNode)) continue;
          for (const node of added) {
            if (node.nodeType !== 1 || isOwnNode(node)) continue;
            for (const item of adapter.findItems(node as Element)) dirty.add(item);
          }
        }
        const target = record.target;
        if (target.nodeType === 1 && isOwnElement(target as Element)) continue;
        const item = adapter.closestItem(target);
        if (item) dirty.add(item);
      }
      if (dirty.size === 0 && records.some((r) => r.addedNodes.length > 0)) {
        // Nothing matched: perhaps the layout changed under the chosen selectors. Try the fallbacks again.
        adapter.reset();
      }
      if (ownRemoved || itemRemoved) checkEntries();
    }
    if (dirty.size > 0) enqueueAndRun(dirty);
  };

  const batcher = createMutationBatcher({ timers, debounceMs: BATCH_DEBOUNCE_MS, maxWaitMs: BATCH_MAX_WAIT_MS, onBatch: handleBatch });

  const restoreHostAttributes = (records: MutationRecord[]) => {
    for (const record of records) {
      const host = record.target as Element;
      const name = record.attributeName;
      if (!name) continue;
      const item = hostOwners.get(host);
      const entry = item ? flagged.get(item) : undefined;
      if (name === 'data-verdict') {
        if (entry && host.getAttribute('data-verdict') !== entry.shown.verdict) host.setAttribute('data-verdict', entry.shown.verdict);
      } else if (host.hasAttribute(name)) {
        host.removeAttribute(name);
      }
    }
  };

  // ---- lifecycle ---------------------------------------------------------------------------------------------

  const clearAll = () => {
    for (const item of [...flagged.keys()]) removeEntry(item);
    removeBanner();
    highlights.clear();
  };

  return {
    get running() {
      return running;
    },
    start() {
      if (running) return;
      running = true;
      itemKeys = new WeakMap();
      observer = new MutationObserver((records) => batcher.push(records));
      observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
      hostGuard = new MutationObserver(restoreHostAttributes);
      visibility = options.watchVisibility?.(promote) ?? null;
      enqueueAndRun(collectAllItems());
    },
    stop() {
      if (!running) return;
      running = false;
      observer?.disconnect();
      hostGuard?.disconnect();
      observer = hostGuard = null;
      batcher.cancel();
      runner.clear();
      visibility?.disconnect();
      visibility = null;
      watched.clear();
      if (pageTimer !== null) timers.clearTimeout(pageTimer);
      pageTimer = null;
      clearAll();
      options.onFindingsChanged();
    },
    rescanAll({ rejudge = false } = {}) {
      if (rejudge) verdicts.clear();
      if (!running) return;
      itemKeys = new WeakMap();
      lastPageScan = -Infinity;
      const items = new Set(collectAllItems());
      for (const item of flagged.keys()) if (item.isConnected) items.add(item);
      enqueueAndRun(items);
    },
    forget(key) {
      let changed = false;
      for (const [item, entry] of [...flagged]) {
        if (entry.key !== key) continue;
        removeEntry(item);
        if (entry.kind === 'page') removeBanner();
        changed = true;
      }
      if (changed) options.onFindingsChanged();
    },
    updateTheme() {
      const theme = options.theme();
      for (const entry of flagged.values()) entry.warning?.setTheme(theme);
      banner?.setTheme(theme);
    },
    repair() {
      if (!running) return;
      checkEntries();
      highlights.repair();
    },
    summarize() {
      const items: FlaggedItem[] = [];
      let verdict: ScanSummary['verdict'] = 'clean';
      for (const [item, entry] of flagged) {
        if (entry.kind !== 'page' && !item.isConnected) continue;
        if (rankLevel(entry.shown.verdict) > rankLevel(verdict)) verdict = entry.shown.verdict;
        items.push(entry.summary);
      }
      items.sort((a, b) => rankLevel(b.verdict) - rankLevel(a.verdict) || b.score - a.score);
      return { verdict, items: items.slice(0, MAX_REPORTED_ITEMS) };
    },
    drain() {
      if (observer) batcher.push(observer.takeRecords());
      batcher.flush();
      lastPageScan = -Infinity;
      if (pageTimer !== null) {
        timers.clearTimeout(pageTimer);
        pageTimer = null;
        if (doc.body) runner.enqueue([doc.body]);
      }
      while (runner.size > 0) runner.runSlice();
    },
  };
}
