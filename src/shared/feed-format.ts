/**
 * The pattern feed's wire format, shared by `npm run feed:build` (Node) and the background's sync (service worker).
 * Everything here is pure WebCrypto + zod: no Node or browser-extension APIs. The format is documented in
 * src/background/feed/README.md; keep the two in step.
 *
 * Files a feed serves (all relative to the feed URL, which ends with `/`):
 * - `manifest.json`: small, signed (ECDSA P-256 / SHA-256 over the canonical manifest body without `signature`).
 * - `snapshot-<version>.json`: the whole database (`DatabaseSource`) in canonical form, patterns sorted by id.
 * - `diff-<from>-<to>.json`: a pattern-level diff (`FeedDiff`) from an older version.
 */
import { z } from 'zod';
import type { DatabaseSource, PatternSource } from '../engine/types';

/** The only manifest/diff format this extension reads. */
export const FEED_FORMAT = 1;

export const FEED_LIMITS = {
  /** The manifest is small; anything bigger is refused while it streams. */
  manifestBytes: 256 * 1024,
  /** A snapshot or diff response; refused while it streams beyond this. */
  databaseBytes: 8 * 1024 * 1024,
  /** Diffs a manifest may list. */
  diffs: 20,
  /** The longest minimum wait a server may ask for (a week); longer values are clamped. */
  maxMinCheckSeconds: 7 * 24 * 3600,
} as const;

/** A file name in the feed folder: no slashes, no scheme, so every file comes from the feed's own URL. */
const FILE_NAME = /^[a-z0-9][a-z0-9._-]{0,99}\.json$/;
const HEX_SHA256 = /^[0-9a-f]{64}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const SELECTOR_KEY = /^[a-z0-9][a-z0-9-]{0,63}$/;

const versionSchema = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const fileSchema = z.string().regex(FILE_NAME, 'must be a plain .json file name in the feed folder');

const selectorList = z.array(z.string().min(1).max(500)).max(50);
/**
 * Optional CSS selectors for the site adapters, signed with the manifest so a site's markup change can be fixed
 * without a store release. The same shape as src/content/sites/site-selectors.json (`SiteSelectorsFile`, which the
 * content script re-checks and uses when its `version` is at least the bundled one). Published to
 * `local:siteSelectors`.
 */
export const siteSelectorsSchema = z.strictObject({
  format: z.literal(1),
  version: versionSchema,
  sites: z
    .record(
      z.string().regex(SELECTOR_KEY),
      z.strictObject({
        hosts: selectorList,
        posts: selectorList,
        comments: selectorList,
        postBody: selectorList,
        commentBody: selectorList,
        skip: selectorList,
      }),
    )
    .refine((value) => Object.keys(value).length <= 50, 'too many sites'),
});
export type SiteSelectors = z.infer<typeof siteSelectorsSchema>;

export const manifestBodySchema = z.strictObject({
  format: z.literal(FEED_FORMAT),
  version: versionSchema,
  created: z.iso.datetime({ offset: true }),
  /** SHA-256 (hex) of the canonical JSON of the database at `version`. */
  sha256: z.string().regex(HEX_SHA256),
  /** Clients wait at least this long between checks (clamped to a week). */
  minCheckSeconds: z.number().int().min(0),
  snapshot: z.strictObject({ path: fileSchema, bytes: z.number().int().min(1) }),
  diffs: z
    .array(
      z.strictObject({
        from: versionSchema,
        path: fileSchema,
        /** SHA-256 (hex) of the canonical JSON of the diff file. */
        sha256: z.string().regex(HEX_SHA256),
        bytes: z.number().int().min(1),
      }),
    )
    .max(FEED_LIMITS.diffs),
  selectors: siteSelectorsSchema.optional(),
});
export type ManifestBody = z.infer<typeof manifestBodySchema>;

export const manifestSchema = manifestBodySchema.extend({
  /** Base64 IEEE-P1363 (r‖s, 64 bytes) ECDSA P-256 signature over `canonicalJson(body)`. */
  signature: z.string().regex(BASE64).max(200),
});
export type FeedManifest = z.infer<typeof manifestSchema>;

/** A pattern as a diff carries it: checked only for its id here; the whole result is validated as a database. */
const diffPatternSchema = z.looseObject({ id: z.string().min(1).max(200) });

/**
 * A pattern-level diff between two versions. Patterns are added, removed (by id) or changed (replaced whole, by id);
 * the other lists are replaced whole when they changed, absent otherwise. Applying it yields the `to` database with
 * patterns sorted by id, whose canonical SHA-256 must equal the manifest's.
 */
export const diffSchema = z.strictObject({
  format: z.literal(FEED_FORMAT),
  from: versionSchema,
  to: versionSchema,
  created: z.iso.datetime({ offset: true }),
  added: z.array(diffPatternSchema),
  removed: z.array(z.string().min(1).max(200)),
  changed: z.array(diffPatternSchema),
  families: z.array(z.unknown()).optional(),
  brands: z.array(z.unknown()).optional(),
  allowlist: z.array(z.unknown()).optional(),
  freeHosts: z.array(z.unknown()).optional(),
  lureKeywords: z.array(z.unknown()).optional(),
});
export type FeedDiff = z.infer<typeof diffSchema>;

/** The lists a diff replaces whole when they changed. */
export const REPLACED_LISTS = ['families', 'brands', 'allowlist', 'freeHosts', 'lureKeywords'] as const;

/**
 * Canonical JSON: object keys sorted by UTF-16 code units, no white space, array order kept, `undefined` members
 * dropped (as JSON.stringify does). Two equal values always give the same string, so its SHA-256 is a checksum.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('canonical JSON has no NaN or Infinity');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
  }
  throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The database as a feed publishes it: patterns sorted by id (diffs rebuild exactly this order). */
export function normalizeForFeed(db: DatabaseSource): DatabaseSource {
  return { ...db, patterns: [...db.patterns].sort(byId) };
}

export async function sha256Hex(subtle: SubtleCrypto, text: string): Promise<string> {
  const digest = new Uint8Array(await subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/\s+/g, ''));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const ECDSA_KEY = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const ECDSA_SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;

/** Imports the feed's public key: a JWK (JSON text) or base64 SPKI (DER), as `WXT_FEED_PUBLIC_KEY` holds it. */
export async function importFeedPublicKey(subtle: SubtleCrypto, text: string): Promise<CryptoKey> {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    const jwk = JSON.parse(trimmed) as JsonWebKey;
    return subtle.importKey('jwk', { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }, ECDSA_KEY, false, ['verify']);
  }
  return subtle.importKey('spki', decodeBase64(trimmed), ECDSA_KEY, false, ['verify']);
}

/** Imports a private signing key from a JWK (the `--key` file of feed:build). */
export async function importFeedPrivateKey(subtle: SubtleCrypto, jwk: JsonWebKey): Promise<CryptoKey> {
  return subtle.importKey('jwk', jwk, ECDSA_KEY, false, ['sign']);
}

/** The bytes a manifest signature covers: the canonical JSON of every member but `signature`. */
export function signedManifestText(manifest: ManifestBody | FeedManifest): string {
  const { signature: _signature, ...body } = manifest as FeedManifest;
  return canonicalJson(body);
}

export async function signManifest(subtle: SubtleCrypto, privateKey: CryptoKey, body: ManifestBody): Promise<FeedManifest> {
  const signature = await subtle.sign(ECDSA_SIGN, privateKey, new TextEncoder().encode(signedManifestText(body)));
  return { ...body, signature: encodeBase64(new Uint8Array(signature)) };
}

export async function verifyManifestSignature(subtle: SubtleCrypto, publicKey: CryptoKey, manifest: FeedManifest): Promise<boolean> {
  let signature: Uint8Array<ArrayBuffer>;
  try {
    signature = decodeBase64(manifest.signature);
  } catch {
    return false;
  }
  return subtle.verify(ECDSA_SIGN, publicKey, signature, new TextEncoder().encode(signedManifestText(manifest)));
}

/** The diff that turns `from` into `to` (both as published; `to` is normalized by the caller or here). */
export function computeDiff(from: DatabaseSource, to: DatabaseSource): FeedDiff {
  const before = new Map(from.patterns.map((p) => [p.id, canonicalJson(p)]));
  const after = new Set(to.patterns.map((p) => p.id));
  const diff: FeedDiff = {
    format: FEED_FORMAT,
    from: from.version,
    to: to.version,
    created: to.created,
    added: [],
    removed: from.patterns.filter((p) => !after.has(p.id)).map((p) => p.id).sort(),
    changed: [],
  };
  for (const pattern of [...to.patterns].sort(byId)) {
    const old = before.get(pattern.id);
    if (old === undefined) diff.added.push({ ...pattern });
    else if (old !== canonicalJson(pattern)) diff.changed.push({ ...pattern });
  }
  for (const list of REPLACED_LISTS) {
    if (canonicalJson(from[list]) !== canonicalJson(to[list])) diff[list] = to[list];
  }
  return diff;
}

/**
 * Applies a diff to the installed database. Returns an UNVALIDATED candidate (validate it as a database and compare
 * its checksum before use), or a reason why the diff does not fit this base.
 */
export function applyDiff(base: DatabaseSource, diff: FeedDiff): { ok: true; candidate: unknown } | { ok: false; reason: string } {
  if (diff.from !== base.version) return { ok: false, reason: `diff is for base version ${diff.from}, installed is ${base.version}` };
  if (diff.to <= diff.from) return { ok: false, reason: `diff goes from ${diff.from} to ${diff.to}, not forward` };
  const patterns = new Map<string, unknown>(base.patterns.map((p: PatternSource) => [p.id, p]));
  for (const id of diff.removed) {
    if (!patterns.delete(id)) return { ok: false, reason: `diff removes pattern "${id}" that the base lacks` };
  }
  for (const pattern of diff.changed) {
    if (!patterns.has(pattern.id)) return { ok: false, reason: `diff changes pattern "${pattern.id}" that the base lacks` };
    patterns.set(pattern.id, pattern);
  }
  for (const pattern of diff.added) {
    if (patterns.has(pattern.id)) return { ok: false, reason: `diff adds pattern "${pattern.id}" that the base already has` };
    patterns.set(pattern.id, pattern);
  }
  const ids = [...patterns.keys()].sort();
  const candidate: Record<string, unknown> = {
    format: base.format,
    version: diff.to,
    created: diff.created,
    families: diff.families ?? base.families,
    patterns: ids.map((id) => patterns.get(id)),
    brands: diff.brands ?? base.brands,
    allowlist: diff.allowlist ?? base.allowlist,
    freeHosts: diff.freeHosts ?? base.freeHosts,
    lureKeywords: diff.lureKeywords ?? base.lureKeywords,
  };
  return { ok: true, candidate };
}
