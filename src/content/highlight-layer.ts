/**
 * In-place highlights of the indicators' words with the CSS Custom Highlight API: Ranges registered under
 * `canhgiac-scam` / `canhgiac-suspicious`, styled by `::highlight()` rules in a constructable stylesheet appended
 * to `document.adoptedStyleSheets` (never replacing the page's). No node is wrapped or edited. The page shares the
 * highlight registry and can clear it: `repair()` (called on a timer and after each scan slice) puts ours back.
 * Highlights are an extra: the inline warning never depends on them.
 */
import type { ShownLevel } from './describe-verdict';

export const HIGHLIGHT_NAMES: Record<ShownLevel, string> = { scam: 'canhgiac-scam', suspicious: 'canhgiac-suspicious' };

const HIGHLIGHT_CSS = `
::highlight(canhgiac-scam) { background-color: rgba(229, 57, 53, 0.28); text-decoration: underline wavy #c62828; }
::highlight(canhgiac-suspicious) { background-color: rgba(251, 140, 0, 0.25); text-decoration: underline dotted #b45309; }
`;

interface HighlightLike {
  add(range: AbstractRange): unknown;
  delete(range: AbstractRange): boolean;
  clear(): void;
  readonly size: number;
}
interface HighlightRegistryLike {
  get(name: string): unknown;
  set(name: string, highlight: HighlightLike): unknown;
  delete(name: string): boolean;
}

export interface HighlightLayer {
  /** Replaces the ranges of `owner` (an item). */
  set(owner: Element, level: ShownLevel, ranges: readonly Range[]): void;
  remove(owner: Element): void;
  clear(): void;
  /** Re-registers our highlights and stylesheet if the page removed them; returns true when something was repaired. */
  repair(): boolean;
  /** Drops owners no longer in the document. */
  prune(): void;
  readonly supported: boolean;
  readonly rangeCount: number;
}

function readRegistry(view: Window | null): { registry: HighlightRegistryLike; Highlight: new (...ranges: AbstractRange[]) => HighlightLike } | null {
  const w = view as (Window & { CSS?: { highlights?: HighlightRegistryLike }; Highlight?: new (...r: AbstractRange[]) => HighlightLike }) | null;
  const registry = w?.CSS?.highlights ?? (typeof CSS !== 'undefined' ? (CSS as unknown as { highlights?: HighlightRegistryLike }).highlights : undefined);
  const ctor = w?.Highlight ?? (globalThis as { Highlight?: new (...r: AbstractRange[]) => HighlightLike }).Highlight;
  return registry && ctor ? { registry, Highlight: ctor } : null;
}

export function createHighlightLayer(doc: Document): HighlightLayer {
  const api = readRegistry(doc.defaultView);
  const owners = new Map<Element, { level: ShownLevel; ranges: readonly Range[] }>();
  let highlights: Record<ShownLevel, HighlightLike> | null = null;
  let sheet: CSSStyleSheet | null = null;

  const ensureSheet = (): boolean => {
    try {
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(HIGHLIGHT_CSS);
      }
      if (!doc.adoptedStyleSheets.includes(sheet)) {
        doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
        return true;
      }
    } catch {
      // No constructable stylesheets: highlights keep the browser's default look (none), warnings still show.
    }
    return false;
  };
  const ensureRegistered = (): boolean => {
    if (!api || !highlights) return false;
    let repaired = false;
    for (const level of ['scam', 'suspicious'] as const) {
      if (api.registry.get(HIGHLIGHT_NAMES[level]) !== highlights[level]) {
        api.registry.set(HIGHLIGHT_NAMES[level], highlights[level]);
        repaired = true;
      }
    }
    return ensureSheet() || repaired;
  };
  const removeRanges = (owner: Element) => {
    const entry = owners.get(owner);
    if (!entry || !highlights) return;
    for (const range of entry.ranges) highlights[entry.level].delete(range);
    owners.delete(owner);
  };

  return {
    supported: api !== null,
    set(owner, level, ranges) {
      removeRanges(owner);
      if (!api || ranges.length === 0) return;
      highlights ??= { scam: new api.Highlight(), suspicious: new api.Highlight() };
      for (const range of ranges) highlights[level].add(range);
      owners.set(owner, { level, ranges });
      ensureRegistered();
    },
    remove: removeRanges,
    clear() {
      for (const owner of [...owners.keys()]) removeRanges(owner);
      if (api && highlights) {
        for (const level of ['scam', 'suspicious'] as const) {
          if (api.registry.get(HIGHLIGHT_NAMES[level]) === highlights[level]) api.registry.delete(HIGHLIGHT_NAMES[level]);
        }
      }
      highlights = null;
      if (sheet) {
        const ours = sheet;
        try {
          doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== ours);
        } catch {
          // ignore
        }
      }
    },
    repair() {
      if (owners.size === 0) return false;
      return ensureRegistered();
    },
    prune() {
      for (const owner of [...owners.keys()]) if (!owner.isConnected) removeRanges(owner);
    },
    get rangeCount() {
      let n = 0;
      for (const entry of owners.values()) n += entry.ranges.length;
      return n;
    },
  };
}
