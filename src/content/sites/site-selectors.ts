import { storage } from 'wxt/utils/storage';
import bundled from './site-selectors.json';

/**
 * Where each supported site keeps its posts and comments: ordered fallback CSS selectors anchored on roles and ARIA
 * (class names on such sites are hashed and change with every release). Kept as data so the pattern feed can ship a
 * fix without a store release: the feed publishes `local:siteSelectors`; the bundled JSON is the fallback.
 *
 * - `posts` / `comments`: tried in order; the first selector that matches anything is used.
 * - `postBody` / `commentBody`: where an item's own text sits (the inline warning goes there); `@aria-describedby`
 *   means "the element the item's aria-describedby points to".
 * - `skip`: parts of an item that are not its text (buttons such as "Xem thêm", the comment box, toolbars).
 */
export interface SiteSelectors {
  hosts: string[];
  posts: string[];
  comments: string[];
  postBody: string[];
  commentBody: string[];
  skip: string[];
}

export interface SiteSelectorsFile {
  format: 1;
  version: number;
  sites: Record<string, SiteSelectors>;
}

export const BUNDLED_SITE_SELECTORS: SiteSelectorsFile = bundled as SiteSelectorsFile;

export const siteSelectorsItem = storage.defineItem<SiteSelectorsFile | null>('local:siteSelectors', {
  fallback: null,
});

const LIST_KEYS = ['hosts', 'posts', 'comments', 'postBody', 'commentBody', 'skip'] as const;

/** Whether a CSS selector parses (a broken selector from a feed must not stop the scanner). */
function isValidSelector(selector: string, doc: Document | null): boolean {
  if (selector.startsWith('@')) return selector === '@aria-describedby';
  if (!doc) return true;
  try {
    doc.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
}

/**
 * Checks a selectors file from storage: the right format, every list an array of strings; invalid selectors are
 * dropped. Returns null when the file is unusable (then the bundled one is used).
 */
export function parseSiteSelectors(value: unknown, doc: Document | null = typeof document === 'undefined' ? null : document): SiteSelectorsFile | null {
  if (typeof value !== 'object' || value === null) return null;
  const file = value as Partial<SiteSelectorsFile>;
  if (file.format !== 1 || typeof file.version !== 'number' || typeof file.sites !== 'object' || file.sites === null) return null;
  const sites: Record<string, SiteSelectors> = {};
  for (const [id, raw] of Object.entries(file.sites as Record<string, unknown>)) {
    if (typeof raw !== 'object' || raw === null) continue;
    const site = {} as SiteSelectors;
    let ok = true;
    for (const key of LIST_KEYS) {
      const list = (raw as Record<string, unknown>)[key];
      if (!Array.isArray(list) || !list.every((s) => typeof s === 'string')) {
        ok = false;
        break;
      }
      site[key] = key === 'hosts' ? (list as string[]) : (list as string[]).filter((s) => isValidSelector(s, doc));
    }
    if (ok && site.posts.length > 0) sites[id] = site;
  }
  return Object.keys(sites).length > 0 ? { format: 1, version: file.version, sites } : null;
}

/** The newer of the stored (feed) selectors and the bundled ones. */
export function chooseSiteSelectors(stored: unknown): SiteSelectorsFile {
  const parsed = parseSiteSelectors(stored);
  return parsed && parsed.version >= BUNDLED_SITE_SELECTORS.version ? parsed : BUNDLED_SITE_SELECTORS;
}

/** Which site (if any) a hostname belongs to: the host itself or a parent domain listed in `hosts`. */
export function findSiteFor(hostname: string, file: SiteSelectorsFile): { id: string; selectors: SiteSelectors } | null {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  for (const [id, selectors] of Object.entries(file.sites)) {
    if (selectors.hosts.some((h) => host === h || host.endsWith(`.${h}`))) return { id, selectors };
  }
  return null;
}
