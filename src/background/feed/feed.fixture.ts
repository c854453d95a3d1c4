/**
 * Test support for the feed (not shipped): databases by version, a signer holding the TEST-ONLY key, and an
 * in-memory feed server whose `fetch` the sync uses. Forging bad-but-signed feeds is deliberate: a publisher bug
 * (wrong schema, unsafe regex, rollback) must be caught even when the signature is fine. Relative imports: the E2E
 * specs (no path aliases there) use it too.
 */
import { readFileSync } from 'node:fs';
import { webcrypto } from 'node:crypto';
import { join } from 'node:path';
import { MINI_DATABASE } from '../../engine/mini-database.fixture';
import type { DatabaseSource, PatternSource } from '../../engine/types';
import {
  FEED_FORMAT,
  canonicalJson,
  computeDiff,
  importFeedPrivateKey,
  normalizeForFeed,
  sha256Hex,
  signManifest,
  type FeedManifest,
  type ManifestBody,
} from '../../shared/feed-format';

export const subtle = webcrypto.subtle as unknown as SubtleCrypto;
const KEYS = join(import.meta.dirname, '../../../test/fixtures/feed-keys');
export const TEST_PUBLIC_KEY = readFileSync(join(KEYS, 'test-only-feed-public-key.spki.b64'), 'utf8').trim();
export const TEST_PRIVATE_JWK = JSON.parse(readFileSync(join(KEYS, 'test-only-feed-private-key.jwk.json'), 'utf8')) as JsonWebKey;
export const FEED_URL = 'https://feed.test/canh-giac/';

/** A valid database at `version`, with one extra phrase pattern per entry of `extraPhrases`. */
export function makeDatabase(version: number, extraPhrases: string[] = []): DatabaseSource {
  const extra: PatternSource[] = extraPhrases.map((value, i) => ({
    id: `job-extra-${i + 1}`,
    family: 'job-task',
    kind: 'phrase',
    value,
    signal: 'hallmark',
    weight: 70,
    lang: 'vi',
  }));
  return normalizeForFeed({
    ...structuredClone(MINI_DATABASE),
    version,
    created: new Date(Date.UTC(2026, 10, 1) + version * 60_000).toISOString(),
    patterns: [...structuredClone(MINI_DATABASE.patterns), ...extra],
  });
}

export async function signBody(body: ManifestBody, jwk: JsonWebKey = TEST_PRIVATE_JWK): Promise<FeedManifest> {
  return signManifest(subtle, await importFeedPrivateKey(subtle, jwk), body);
}

export interface PublishOptions {
  /** Raw JSON value served as the snapshot (default: the database itself); may be anything, even invalid. */
  snapshotValue?: unknown;
  /** Databases to publish diffs from. */
  diffsFrom?: DatabaseSource[];
  minCheckSeconds?: number;
  /** Edits the manifest body before it is signed. */
  editBody?: (body: ManifestBody) => void;
  selectors?: ManifestBody['selectors'];
}

/** The files of a feed publishing `db` (signed with the test key), as name → text. */
export async function makeFeedFiles(db: DatabaseSource, options: PublishOptions = {}): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const snapshotText = canonicalJson(options.snapshotValue ?? db);
  const snapshotPath = `snapshot-${db.version}.json`;
  files.set(snapshotPath, snapshotText);
  const diffs: ManifestBody['diffs'] = [];
  for (const base of options.diffsFrom ?? []) {
    const text = canonicalJson(computeDiff(base, db));
    const path = `diff-${base.version}-${db.version}.json`;
    files.set(path, text);
    diffs.push({ from: base.version, path, sha256: await sha256Hex(subtle, text), bytes: new TextEncoder().encode(text).length });
  }
  const body: ManifestBody = {
    format: FEED_FORMAT,
    version: db.version,
    created: db.created,
    sha256: await sha256Hex(subtle, canonicalJson(db)),
    minCheckSeconds: options.minCheckSeconds ?? 0,
    snapshot: { path: snapshotPath, bytes: new TextEncoder().encode(snapshotText).length },
    diffs,
    ...(options.selectors ? { selectors: options.selectors } : {}),
  };
  options.editBody?.(body);
  files.set('manifest.json', JSON.stringify(await signBody(body)));
  return files;
}

export type Route = (request: Request) => Response | Promise<Response>;

/** An in-memory feed host: serves files with ETags (answering If-None-Match with 304) and records requests. */
export class FakeFeedServer {
  readonly requests: { path: string; headers: Record<string, string> }[] = [];
  private readonly routes = new Map<string, Route>();

  constructor(readonly base: string = FEED_URL) {}

  /** Serves these files (replacing earlier ones of the same name). */
  serve(files: Map<string, string>): void {
    for (const [name, text] of files) {
      const etag = `"${name}-${text.length}-${hashText(text)}"`;
      this.routes.set(name, (request) =>
        request.headers.get('if-none-match') === etag
          ? new Response(null, { status: 304, headers: { etag } })
          : new Response(text, { status: 200, headers: { etag, 'content-type': 'application/json' } }),
      );
    }
  }

  route(name: string, handler: Route): void {
    this.routes.set(name, handler);
  }

  paths(): string[] {
    return this.requests.map((r) => r.path);
  }

  readonly fetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const path = request.url.startsWith(this.base) ? request.url.slice(this.base.length) : request.url;
    this.requests.push({ path, headers: Object.fromEntries(request.headers.entries()) });
    const route = this.routes.get(path);
    if (!route) return new Response('not found', { status: 404 });
    return route(request);
  };
}

function hashText(text: string): string {
  let h = 0;
  for (let i = 0; i < text.length; i += 1) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return (h >>> 0).toString(36);
}
