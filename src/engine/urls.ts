/**
 * `url` patterns: an address prefix on a shared host (`t.me/handle`, `facebook.com/profile.php?id=123`,
 * `zalo.me/0987654321`) matched against links and URLs written in the text; and `unwrapRedirect` for the redirect
 * wrappers Facebook and Google put around outgoing links.
 *
 * Comparison: scheme dropped, host lowercased with `www.` (and Facebook's `m.`/`mbasic.`/`mobile.`/`web.`) removed,
 * `fb.com` read as `facebook.com` and `telegram.me`/`telegram.dog` as `t.me`; the path is compared case-insensitively
 * too (Telegram handles, Facebook usernames and Zalo numbers are case-insensitive). A pattern matches when its path is
 * a prefix of the URL's path ending at a segment boundary (`t.me/abc` matches `t.me/abc/12`, not `t.me/abcd`); when the
 * pattern has a query (`profile.php?id=1`), the path must be equal and every query parameter of the pattern must be in
 * the URL with the same value (in any order). A pattern without a path (a whole shared host) never matches.
 */

const SCHEME = /^(?:[a-z][a-z0-9+.-]*:)?\/\//i;
const DEFANGED_SCHEME = /^h(?:xx|\*\*)p(s?)(?::\/\/|\[:\]\/\/)/i;
const MAX_UNWRAP = 5;

interface UrlParts {
  host: string;
  path: string;
  query: string;
}

function splitUrl(url: string): UrlParts | null {
  let rest = url
    .trim()
    .replace(DEFANGED_SCHEME, 'http$1://')
    .replace(SCHEME, '')
    .replace(/\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)/gi, '.');
  const hashAt = rest.indexOf('#');
  if (hashAt >= 0) rest = rest.slice(0, hashAt);
  const hostEnd = rest.search(/[/?]/);
  const hostPart = hostEnd < 0 ? rest : rest.slice(0, hostEnd);
  const after = hostEnd < 0 ? '' : rest.slice(hostEnd);
  const queryAt = after.indexOf('?');
  const path = queryAt < 0 ? after : after.slice(0, queryAt);
  const query = queryAt < 0 ? '' : after.slice(queryAt + 1);
  const host = hostPart.replace(/^[^@]*@/, '').replace(/:\d*$/, '').replace(/\.+$/, '').toLowerCase();
  if (host === '' || !host.includes('.')) return null;
  return { host, path, query };
}

function readQueryParams(query: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = decodeQueryComponent(eq < 0 ? pair : pair.slice(0, eq));
    const value = decodeQueryComponent(eq < 0 ? '' : pair.slice(eq + 1));
    if (!params.has(key)) params.set(key, value);
  }
  return params;
}

function decodeQueryComponent(s: string): string {
  const plus = s.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(plus);
  } catch {
    return plus;
  }
}

function readRedirectTarget(parts: UrlParts): string | null {
  const { host, path, query } = parts;
  if (query === '') return null;
  const params = readQueryParams(query);
  // Facebook / Messenger / Instagram link shims: l.facebook.com/l.php?u=…, lm.facebook.com/l.php?u=…
  if (/^(?:l|lm|m|www|web|mbasic)\.(?:facebook\.com|messenger\.com)$/.test(host) && path === '/l.php') {
    return params.get('u') ?? null;
  }
  if (host === 'l.instagram.com' && (path === '/' || path === '')) return params.get('u') ?? null;
  // Google: www.google.com/url?q=… (also ?url=…), any Google country domain.
  if (/^(?:www\.)?google\.[a-z.]{2,10}$/.test(host) && path === '/url') {
    return params.get('q') ?? params.get('url') ?? null;
  }
  return null;
}

/**
 * The real target of a redirect wrapper (`https://l.facebook.com/l.php?u=https%3A%2F%2Fevil.com%2F&h=…` →
 * `https://evil.com/`), unwrapped repeatedly; other URLs are returned unchanged.
 */
export function unwrapRedirect(url: string): string {
  let current = url;
  for (let i = 0; i < MAX_UNWRAP; i++) {
    const parts = splitUrl(current);
    if (!parts) return current;
    const target = readRedirectTarget(parts);
    if (target === null || !/^(?:https?:\/\/|\/\/)/i.test(target.trim())) return current;
    current = target.trim();
  }
  return current;
}

const FACEBOOK_SUBDOMAINS = /^(?:m|mbasic|mobile|web|touch)\.facebook\.com$/;
const HOST_ALIASES: Readonly<Record<string, string>> = {
  'fb.com': 'facebook.com',
  'fb.me': 'facebook.com',
  'telegram.me': 't.me',
  'telegram.dog': 't.me',
};

function canonicalHost(host: string): string {
  let h = host.replace(/^www\./, '');
  if (FACEBOOK_SUBDOMAINS.test(h)) h = 'facebook.com';
  return HOST_ALIASES[h] ?? h;
}

export interface UrlKey {
  host: string;
  /** Lowercase path without a trailing slash ("" for the root). */
  path: string;
  params: Map<string, string>;
}

/** The comparable form of a URL or scheme-less URL pattern; null when there is no host. */
export function toUrlKey(url: string): UrlKey | null {
  const parts = splitUrl(url);
  if (!parts) return null;
  let path = parts.path.toLowerCase();
  try {
    path = decodeURIComponent(path);
  } catch {
    // keep it encoded
  }
  path = path.replace(/\/+$/, '');
  const params = new Map<string, string>();
  for (const [k, v] of readQueryParams(parts.query)) params.set(k.toLowerCase(), v.toLowerCase());
  return { host: canonicalHost(parts.host), path, params };
}

interface UrlEntry {
  pattern: number;
  path: string;
  params: [string, string][];
}

export interface UrlPatternSource {
  pattern: number;
  value: string;
}

export interface UrlIndex {
  /** Pattern numbers whose prefix the URL starts with. */
  match(url: string): number[];
  serialize(): UrlPatternSource[];
  readonly size: number;
}

function matchEntry(entry: UrlEntry, key: UrlKey): boolean {
  if (entry.params.length > 0) {
    if (key.path !== entry.path) return false;
    return entry.params.every(([k, v]) => key.params.get(k) === v);
  }
  if (!key.path.startsWith(entry.path)) return false;
  const next = key.path.charAt(entry.path.length);
  return next === '' || next === '/';
}

export function compileUrlIndex(patterns: readonly UrlPatternSource[]): UrlIndex {
  const byHost = new Map<string, UrlEntry[]>();
  let size = 0;
  for (const { pattern, value } of patterns) {
    const key = toUrlKey(value);
    if (!key || (key.path === '' && key.params.size === 0)) continue; // never a whole shared host
    const entry: UrlEntry = { pattern, path: key.path, params: [...key.params] };
    const list = byHost.get(key.host);
    if (list) list.push(entry);
    else byHost.set(key.host, [entry]);
    size++;
  }
  return {
    size,
    match(url: string): number[] {
      const key = toUrlKey(url);
      if (!key) return [];
      const entries = byHost.get(key.host);
      if (!entries) return [];
      return entries.filter((e) => matchEntry(e, key)).map((e) => e.pattern);
    },
    serialize: () => [...patterns],
  };
}

export function loadUrlIndex(data: readonly UrlPatternSource[]): UrlIndex {
  return compileUrlIndex(data);
}

/** This module's module-level expressions, compiled ahead of a tab's first scan (compile-ahead.ts; a test checks the list). */
export const URL_EXPRESSIONS: readonly RegExp[] = [
  SCHEME,
  DEFANGED_SCHEME,
  FACEBOOK_SUBDOMAINS,
];
