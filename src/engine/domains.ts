/**
 * Host checks for links, the page URL and hosts written inside the text.
 *
 * Order for one host: allowlist (exact registrable-domain match: brands' official domains + `allowlist`; never flagged)
 * → blocklisted `domain` patterns → brand impersonation (IDN homograph, brand on a free host, brand + lure keyword,
 * lookalike by edit distance or by confusable skeleton).
 *
 * Indexing (so 100k blocklisted domains and hundreds of brands stay fast):
 * - blocklist: two hash maps (`example.com` → matches it and its subdomains; `=host` → exact). A host is checked by
 *   walking its label suffixes (`a.b.example.com`, `b.example.com`, `example.com`, `com`): one lookup per label.
 * - brand keywords: a hash map for exact tokens, and a deletion index (SymSpell) for edit distance: every string obtained
 *   from a keyword by deleting up to its allowed distance (1 for 5–8 chars, 2 for longer) maps to that keyword. A host
 *   token is looked up with its own deletions (≤ 2), and only the keywords sharing a deletion are verified with the
 *   Damerau-Levenshtein (optimal string alignment) distance. No scan over all brands per host.
 * - substring containment of long keywords (≥ 5 chars) in a label without hyphens (`vietcombankxacminh`) loops over the
 *   long keywords with the native `includes`: a few hundred calls per label.
 */
import { parse } from 'tldts';
import { foldCharacters, foldPhrase } from './normalize.ts';
import { decodeHostToUnicode } from './punycode.ts';
import type { BrandSource } from './types.ts';

export type DomainHitKind = 'domain' | 'lookalike' | 'brand-keyword-domain' | 'brand-on-free-host' | 'idn-homograph';

/** Weights of the synthetic brand-impersonation indicators (≥ 80 makes an item `scam` on its own). */
export const DOMAIN_WEIGHTS = {
  /** Non-ASCII host whose confusable skeleton spells a brand keyword or official domain. */
  idnHomograph: 90,
  /** Brand keyword + lure keyword in one host: `vietcombank-xacminh.com`, `xacthuc-vcb.com`. */
  brandWithLure: 85,
  /** A host label one or two edits from a brand keyword, or spelling it with leet digits (`vietc0mbank`). */
  lookalikeFuzzy: 85,
  /** A brand keyword (≥ 5 chars) used verbatim in a host the brand does not own: `vietcombank.com.de`. */
  lookalikeExact: 80,
  /** A brand keyword in a subdomain of a free hosting service: `vcb-online.web.app`. */
  brandOnFreeHost: 80,
  /** A short keyword (< 5 chars) as a hyphen-separated token of the registrable label, no lure: `bidv-nanghanmuc.online`. */
  shortBrandToken: 60,
} as const;

/** Shortest keyword compared by edit distance or used alone; shorter ones (`vcb`, `momo`) only count as whole tokens
 *  next to a lure keyword or on a free host. */
const MIN_FUZZY_KEYWORD = 5;
/** Shortest keyword found anywhere inside a label ("vietcombankxacminh"); a shorter one (five letters: "chase", "vnpay",
 *  "vneid") only where a label or one of its dash-separated parts starts with it ("chasebank", "secure-chase-login"),
 *  or where the rest of the label is a lure ("capnhatvneid", "thanhtoanvnpay"): elsewhere inside a word it is usually
 *  part of another word ("purchase", "bachasec" — a securities firm's domain read as Chase). */
const MIN_CONTAINED_KEYWORD = 6;
const MIN_SUBSTRING_LURE = 4;
const MAX_TOKEN_LENGTH = 48;

export interface DomainHit {
  kind: DomainHitKind;
  /** The host as checked (lowercase, IDN decoded to Unicode). */
  host: string;
  /** Index into the blocked list's `pattern` numbers (kind `domain`). */
  pattern?: number;
  /** Index into `brands` (brand kinds). */
  brand?: number;
  keyword?: string;
  /** Weight of brand kinds (blocklisted hits use their pattern's weight). */
  weight?: number;
}

export interface HostCheck {
  host: string;
  registrable: string | null;
  allowlisted: boolean;
  hits: DomainHit[];
}

export interface BlockedDomain {
  /** The caller's pattern number, returned in hits. */
  pattern: number;
  /** `example.com` (that domain and subdomains) or `=host` (exact). */
  value: string;
}

export interface DomainIndexSource {
  brands: readonly BrandSource[];
  allowlist: readonly string[];
  freeHosts: readonly string[];
  lureKeywords: readonly string[];
  blocked: readonly BlockedDomain[];
}

export interface DomainIndex {
  checkHost(host: string): HostCheck | null;
  serialize(): DomainIndexSource;
  readonly brands: readonly BrandSource[];
}

interface KeywordEntry {
  keyword: string;
  brand: number;
  maxDistance: number;
  /** The brand's `lureOnly`: the keyword counts only next to a lure, on a free host or in non-ASCII confusables. */
  lureOnly: boolean;
  /** The initials of a bank named by them (`initialsOf`), or "": no fuzzy match reads another bank's as these. */
  initials: string;
}

/** A bank named by its initials and "bank" ("tpbank", "vpbank", "mbbank", "seabank"). */
const INITIALS_BANK = /^([a-z]{1,3})bank$/;

/** The initials of a keyword or token named by them (`INITIALS_BANK`), "" for every other one. */
function initialsOf(keyword: string): string {
  return INITIALS_BANK.exec(keyword)?.[1] ?? '';
}

/** Letters in order: initials equal once rearranged ("vb" ~ "bv") sort alike. */
function sortLetters(letters: string): string {
  return [...letters].sort().join('');
}

/**
 * Whether a token whose own initials + "bank" are `own` (`initialsOf` of the token) names another bank than the
 * keyword's initials `initials`: not those rearranged, and no longer — "jp-bank" of Japan Post, "kbbank", "mbank" are
 * banks of their own, while "vbpank", "pvbank" (letters swapped) and "mbbbank" (one letter more) still read as
 * look-alikes of VPBank and MB.
 */
function isOtherInitials(own: string, initials: string): boolean {
  return initials !== '' && own !== '' && own.length <= initials.length && sortLetters(own) !== sortLetters(initials);
}

/** Strips port, trailing dot and surrounding junk; lowercases; decodes IDN labels. Empty string when not a host. */
export function normalizeHost(raw: string): string {
  let host = raw.trim().toLowerCase();
  host = host.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  host = host.replace(/[/?#].*$/s, '');
  host = host.replace(/^[^@]*@/, '');
  host = host.replace(/:\d*$/, '');
  host = host.replace(/\.+$/, '');
  return decodeHostToUnicode(host);
}

/** The registrable domain (eTLD+1, ICANN section of the public-suffix list) of a host, or null. */
export function registrableDomain(host: string): string | null {
  return parse(normalizeHost(host), { extractHostname: false, allowPrivateDomains: false }).domain;
}

/** Optimal-string-alignment Damerau-Levenshtein distance; returns max + 1 as soon as it exceeds `max`. */
export function measureEditDistance(a: string, b: string, max = Number.MAX_SAFE_INTEGER): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n] ?? max + 1;
}

function collectDeletions(word: string, depth: number, out: Set<string>): void {
  out.add(word);
  if (depth === 0 || word.length <= 1) return;
  for (let i = 0; i < word.length; i++) {
    const shorter = word.slice(0, i) + word.slice(i + 1);
    if (!out.has(shorter)) collectDeletions(shorter, depth - 1, out);
    else if (depth > 1) collectDeletions(shorter, depth - 1, out);
  }
}

const ASCII_LEET: ReadonlyArray<[RegExp, string]> = [
  [/0/g, 'o'],
  [/1/g, 'l'],
  [/3/g, 'e'],
  [/4/g, 'a'],
  [/5/g, 's'],
  [/7/g, 't'],
  [/rn/g, 'm'],
  [/vv/g, 'w'],
];

/** The confusable skeleton of a host label: homoglyphs and accents folded to Latin, leet digits to letters. */
export function computeSkeleton(label: string): string {
  let out = '';
  for (const ch of label) {
    if (ch.charCodeAt(0) < 0x80) {
      out += ch;
      continue;
    }
    const folded = foldPhrase(ch).replace(/[^a-z0-9-]/g, '');
    out += folded;
  }
  for (const [re, to] of ASCII_LEET) out = out.replace(re, to);
  return out;
}

function splitTokens(label: string): string[] {
  const parts = label.split(/[-_]+/).filter((t) => t.length > 0);
  const tokens = new Set(parts);
  if (parts.length > 1) tokens.add(parts.join(''));
  tokens.add(label);
  return [...tokens].filter((t) => t.length <= MAX_TOKEN_LENGTH);
}

const NON_ASCII = /[^ -~]/; // anything outside printable ASCII (hosts never contain control characters)

export function compileDomainIndex(source: DomainIndexSource): DomainIndex {
  const allow = new Set<string>();
  const officialByBrand: Set<string>[] = [];
  const officialSkeletons = new Map<string, number>();
  source.brands.forEach((brand, b) => {
    const official = new Set<string>();
    for (const d of brand.domains) {
      const host = normalizeHost(d);
      allow.add(host);
      official.add(host);
      officialSkeletons.set(host.split('.').map(computeSkeleton).join('.'), b);
    }
    officialByBrand.push(official);
  });
  for (const d of source.allowlist) allow.add(normalizeHost(d));

  const freeHosts = new Set(source.freeHosts.map(normalizeHost));
  const lures = [...new Set(source.lureKeywords.map((k) => k.toLowerCase()))];
  const lureSet = new Set(lures);
  const longLures = lures.filter((k) => k.length >= MIN_SUBSTRING_LURE);

  const suffixBlock = new Map<string, number[]>();
  const exactBlock = new Map<string, number[]>();
  for (const { pattern, value } of source.blocked) {
    const exact = value.startsWith('=');
    const host = normalizeHost(exact ? value.slice(1) : value);
    if (host === '') continue;
    const map = exact ? exactBlock : suffixBlock;
    const list = map.get(host);
    if (list) list.push(pattern);
    else map.set(host, [pattern]);
  }

  const exactKeywords = new Map<string, KeywordEntry[]>();
  const longKeywords: KeywordEntry[] = [];
  const deletionIndex = new Map<string, KeywordEntry[]>();
  source.brands.forEach((brand, b) => {
    for (const raw of brand.keywords) {
      const keyword = raw.toLowerCase();
      if (keyword.length < 2) continue;
      const maxDistance = keyword.length < MIN_FUZZY_KEYWORD ? 0 : keyword.length <= 8 ? 1 : 2;
      const lureOnly = brand.lureOnly === true;
      const entry: KeywordEntry = { keyword, brand: b, maxDistance, lureOnly, initials: initialsOf(keyword) };
      const list = exactKeywords.get(keyword);
      if (list) list.push(entry);
      else exactKeywords.set(keyword, [entry]);
      if (maxDistance === 0) continue;
      longKeywords.push(entry);
      // Near-miss spellings of a lure-only brand are other names (`bachhoaanh` is a shop, not Bách Hóa Xanh).
      if (lureOnly) continue;
      const deletions = new Set<string>();
      collectDeletions(keyword, maxDistance, deletions);
      for (const d of deletions) {
        const bucket = deletionIndex.get(d);
        if (bucket) bucket.push(entry);
        else deletionIndex.set(d, [entry]);
      }
    }
  });

  /** Keywords within their allowed edit distance (> 0) of a token, via the deletion index. */
  function findFuzzy(token: string): KeywordEntry[] {
    if (token.length < MIN_FUZZY_KEYWORD - 2) return [];
    const deletions = new Set<string>();
    collectDeletions(token, 2, deletions);
    const found = new Set<KeywordEntry>();
    const own = initialsOf(token);
    for (const d of deletions) {
      const bucket = deletionIndex.get(d);
      if (!bucket) continue;
      for (const entry of bucket) {
        if (found.has(entry) || isOtherInitials(own, entry.initials)) continue;
        const dist = measureEditDistance(token, entry.keyword, entry.maxDistance);
        if (dist > 0 && dist <= entry.maxDistance) found.add(entry);
      }
    }
    return [...found];
  }

  function findExactOrContained(label: string, tokens: string[]): KeywordEntry[] {
    const found = new Set<KeywordEntry>();
    for (const t of tokens) for (const e of exactKeywords.get(t) ?? []) found.add(e);
    for (const e of longKeywords) {
      if (!label.includes(e.keyword)) continue;
      // A five-letter keyword inside a word: the word must be the keyword with lure keywords or digits around it
      // ("capnhatvneid", "vnpay247"), not another word ("purchase-online", "purchasesupport").
      if (
        e.keyword.length >= MIN_CONTAINED_KEYWORD ||
        tokens.some((t) => t.startsWith(e.keyword)) ||
        label.split(/[-_]+/).some((part) => part.includes(e.keyword) && part.split(e.keyword).every(isLureOrDigits))
      ) {
        found.add(e);
      }
    }
    return [...found];
  }

  /** An empty piece, digits or a lure keyword: what may stand around a short brand keyword inside one word. */
  function isLureOrDigits(piece: string): boolean {
    return piece === '' || /^\d+$/.test(piece) || lureSet.has(piece);
  }

  function hasLure(label: string, tokens: string[]): boolean {
    if (tokens.some((t) => lureSet.has(t))) return true;
    return longLures.some((k) => label.includes(k));
  }

  /**
   * Where a free host starts in a host's labels: 0 when the host is a free hosting service itself (`sites.google.com`),
   * i > 0 when labels 0…i-1 are a page on one (`vcb-online` of `vcb-online.web.app`), -1 when it is on none.
   */
  function findFreeHostStart(allLabels: readonly string[]): number {
    for (let i = 0; i < allLabels.length; i++) {
      if (freeHosts.has(allLabels.slice(i).join('.'))) return i;
    }
    return -1;
  }

  function checkBrands(host: string, registrable: string | null, publicSuffix: string | null, allLabels: readonly string[], freeStart: number): DomainHit[] {
    const suffixLabels = publicSuffix ? publicSuffix.split('.').length : 1;
    const labels = allLabels.slice(0, Math.max(0, allLabels.length - suffixLabels));
    const freeHostLabels = freeStart > 0 ? allLabels.slice(0, freeStart) : null;
    const best = new Map<number, DomainHit>();
    const offer = (hit: DomainHit): void => {
      const b = hit.brand ?? -1;
      // A brand's own domain is not an impersonation of it — except a page on a free host under that domain named for
      // the brand (`google-verify.sites.google.com`: anyone's page on Google's free host).
      if (hit.kind !== 'brand-on-free-host' && officialByBrand[b]?.has(registrable ?? '')) return;
      const prev = best.get(b);
      if (!prev || (prev.weight ?? 0) < (hit.weight ?? 0)) best.set(b, hit);
    };
    const isIdn = NON_ASCII.test(host);
    if (isIdn) {
      const skeleton = allLabels.map(computeSkeleton).join('.');
      const officialBrand = officialSkeletons.get(registrable ? skeleton.split('.').slice(-registrable.split('.').length).join('.') : '');
      if (officialBrand !== undefined) {
        offer({ kind: 'idn-homograph', host, brand: officialBrand, weight: DOMAIN_WEIGHTS.idnHomograph });
      }
    }
    const exactByLabel = labels.map((label) => findExactOrContained(label, splitTokens(label)));
    // A lure keyword must appear outside the brand keyword itself ("bank" inside "vietcombank" is not a lure).
    const lureAnywhere = labels.some((label, li) => {
      let rest = label;
      for (const e of exactByLabel[li] ?? []) rest = rest.split(e.keyword).join('-');
      return hasLure(rest, splitTokens(rest));
    });
    labels.forEach((label, li) => {
      const onFreeHost = freeHostLabels !== null && li < freeHostLabels.length;
      const nonAscii = NON_ASCII.test(label);
      const skeleton = computeSkeleton(label);
      const tokens = splitTokens(label);
      const skeletonTokens = skeleton === label ? tokens : splitTokens(skeleton);
      const exact = exactByLabel[li] ?? [];
      // A token that is exactly some brand's keyword is that brand, not a typo of a similar one (vpbank ≠ tpbank).
      const fuzzy = tokens.filter((t) => !exactKeywords.has(t)).flatMap(findFuzzy);
      const viaSkeleton = skeleton === label ? [] : findExactOrContained(skeleton, skeletonTokens);
      const viaSkeletonFuzzy =
        nonAscii && skeleton !== label ? skeletonTokens.filter((t) => !exactKeywords.has(t)).flatMap(findFuzzy) : [];
      for (const e of [...viaSkeleton, ...viaSkeletonFuzzy]) {
        if (nonAscii) offer({ kind: 'idn-homograph', host, brand: e.brand, keyword: e.keyword, weight: DOMAIN_WEIGHTS.idnHomograph });
        // Digits read as letters ("vinfast-q7" → "vinfast-qt", "sparkasse1") are a lure-only brand's dealers and branches.
        else if (e.maxDistance > 0 && !e.lureOnly) offer({ kind: 'lookalike', host, brand: e.brand, keyword: e.keyword, weight: DOMAIN_WEIGHTS.lookalikeFuzzy });
      }
      for (const e of [...exact, ...fuzzy]) {
        if (onFreeHost) offer({ kind: 'brand-on-free-host', host, brand: e.brand, keyword: e.keyword, weight: DOMAIN_WEIGHTS.brandOnFreeHost });
      }
      for (const e of exact) {
        if (lureAnywhere && !onFreeHost) offer({ kind: 'brand-keyword-domain', host, brand: e.brand, keyword: e.keyword, weight: DOMAIN_WEIGHTS.brandWithLure });
        else if (e.lureOnly) continue;
        else if (e.maxDistance > 0 && !onFreeHost) offer({ kind: 'lookalike', host, brand: e.brand, keyword: e.keyword, weight: DOMAIN_WEIGHTS.lookalikeExact });
        else if (!onFreeHost && li === labels.length - 1 && tokens.includes(e.keyword) && label.includes('-')) {
          offer({ kind: 'brand-keyword-domain', host, brand: e.brand, keyword: e.keyword, weight: DOMAIN_WEIGHTS.shortBrandToken });
        }
      }
      for (const e of fuzzy) {
        if (!onFreeHost) offer({ kind: 'lookalike', host, brand: e.brand, keyword: e.keyword, weight: DOMAIN_WEIGHTS.lookalikeFuzzy });
      }
    });
    return [...best.values()];
  }

  function checkHost(rawHost: string): HostCheck | null {
    const host = normalizeHost(rawHost);
    if (host === '' || !host.includes('.')) return null;
    const parsed = parse(host, { extractHostname: false, allowPrivateDomains: false });
    const registrable = parsed.domain;
    // Exact registrable-domain match; an allowlisted public suffix (gov.vn, edu.vn) covers every domain under it. A free
    // host serves anyone's pages, so a page on one is never allowlisted, even when the host belongs to an allowlisted
    // brand (sites.google.com under google.com).
    const suffix0 = parsed.publicSuffix;
    const allLabels = host.split('.');
    const freeStart = findFreeHostStart(allLabels);
    if (freeStart < 0 && ((registrable !== null && allow.has(registrable)) || allow.has(host) || (suffix0 !== null && allow.has(suffix0)))) {
      return { host, registrable, allowlisted: true, hits: [] };
    }
    const hits: DomainHit[] = [];
    for (const pattern of exactBlock.get(host) ?? []) hits.push({ kind: 'domain', host, pattern });
    let suffix = host;
    for (;;) {
      for (const pattern of suffixBlock.get(suffix) ?? []) hits.push({ kind: 'domain', host, pattern });
      const dot = suffix.indexOf('.');
      if (dot < 0) break;
      suffix = suffix.slice(dot + 1);
    }
    if (!parsed.isIp) hits.push(...checkBrands(host, registrable, parsed.publicSuffix, allLabels, freeStart));
    return { host, registrable, allowlisted: false, hits };
  }

  return {
    checkHost,
    brands: source.brands,
    serialize: () => ({
      brands: source.brands,
      allowlist: source.allowlist,
      freeHosts: source.freeHosts,
      lureKeywords: source.lureKeywords,
      blocked: source.blocked,
    }),
  };
}

/** Rebuilds the hash maps from the serialized lists: linear in their size, no brand-by-brand comparisons. */
export function loadDomainIndex(data: DomainIndexSource): DomainIndex {
  return compileDomainIndex(data);
}

export interface TextUrl {
  /** Normalized host (lowercase, Unicode, defanged: `[.]` → `.`). */
  host: string;
  /** `host` + path/query as written (defanged, no scheme), for `url` patterns. */
  url: string;
  start: number;
  end: number;
  match: string;
  /** The host with homoglyphs/fancy letters folded to ASCII, when that differs from `host` ("vіetcombank.com.vn" → "vietcombank.com.vn"). */
  folded?: string;
}

/** Invisible characters (zero-width, soft hyphen, bidi marks, variation selectors) that may sit inside a written host. */
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;

const LABEL = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}\\p{M}_-]{0,61}[\\p{L}\\p{N}\\p{M}])?';
const DOT = '(?:\\.|\\[\\.\\]|\\(\\.\\)|\\{\\.\\}|\\[dot\\]|\\(dot\\))';
const SCHEME = '(?:(?:h[tx]{2}ps?|h\\*\\*ps?)(?::\\/\\/|\\[:\\]\\/\\/))?';
const TLD = '(?:\\p{L}{2,63}|xn--[a-z0-9-]{2,59})';
const TEXT_URL = new RegExp(
  `(?<![\\p{L}\\p{N}\\p{M}@._-])${SCHEME}((?:${LABEL}${DOT})+${TLD})(?![\\p{L}\\p{N}\\p{M}])(?::\\d{1,5})?(\\/[^\\s<>"'\`{}|\\\\^]*)?`,
  'giu',
);
const DEFANG = /\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)/giu;

/**
 * URLs and bare hosts written in the text (`vietcombank-xacminh.com`, `hxxps://evil[.]com/x`), with UTF-16 offsets
 * into the original. A candidate counts only when its suffix is on the public-suffix list, so `v.v`, `TP.HCM` and
 * `14.10.2022` are not hosts.
 */
export function findUrlsInText(raw: string): TextUrl[] {
  const found: TextUrl[] = [];
  // Invisible characters are dropped first ("vietcom\u200Bbank.com.vn" is that host); `at` maps back to `raw`.
  let text = raw;
  let at: number[] | null = null;
  if (IGNORABLE.test(raw)) {
    text = '';
    at = [];
    for (let i = 0; i < raw.length; ) {
      const cp = raw.codePointAt(i) ?? 0;
      const ch = String.fromCodePoint(cp);
      if (!IGNORABLE.test(ch)) {
        for (let k = 0; k < ch.length; k++) at.push(i + k);
        text += ch;
      }
      i += ch.length;
    }
    at.push(raw.length);
  }
  const toRaw = (i: number): number => (at ? (at[i] ?? raw.length) : i);
  TEXT_URL.lastIndex = 0;
  for (let m = TEXT_URL.exec(text); m !== null; m = TEXT_URL.exec(text)) {
    const rawHost = m[1] ?? '';
    let path = m[2] ?? '';
    let matchText = m[0];
    const trimmed = path.replace(/[.,;:!?)\]}'"…]+$/u, '');
    if (trimmed.length !== path.length) {
      matchText = matchText.slice(0, matchText.length - (path.length - trimmed.length));
      path = trimmed;
    }
    const host = normalizeHost(rawHost.replace(DEFANG, '.'));
    const parsed = parse(host, { extractHostname: false, allowPrivateDomains: true });
    if (parsed.domain === null || (!parsed.isIcann && !parsed.isPrivate)) continue;
    const start = toRaw(m.index);
    const end = at ? toRaw(m.index + matchText.length - 1) + 1 : m.index + matchText.length;
    const url: TextUrl = { host, url: host + path.replace(DEFANG, '.'), start, end, match: raw.slice(start, end) };
    // eslint-disable-next-line no-control-regex
    if (/[^\x00-\x7f]/.test(host)) {
      const folded = foldCharacters(host);
      // eslint-disable-next-line no-control-regex
      if (folded !== host && !/[^\x00-\x7f]/.test(folded)) url.folded = folded;
    }
    found.push(url);
  }
  return found;
}

/** This module's module-level expressions, compiled ahead of a tab's first scan (compile-ahead.ts; a test checks the list). */
export const DOMAIN_EXPRESSIONS: readonly RegExp[] = [
  INITIALS_BANK,
  NON_ASCII,
  IGNORABLE,
  TEXT_URL,
  DEFANG,
];
