/**
 * Builds the static files of a pattern feed (see src/background/feed/README.md):
 *
 *   npm run feed:build -- --key KEY.jwk.json --out DIR [--db FILE] [--previous DIR_OR_SNAPSHOT…]
 *                         [--min-check-seconds N] [--selectors FILE] [--max-diffs N]
 *   npm run feed:build -- --new-key DIR        # writes a new ECDSA P-256 key pair into DIR
 *
 * Without --db the repository's own database (src/patterns) is published. --previous takes earlier snapshot files,
 * or folders holding `snapshot-<version>.json` (e.g. the previously published feed folder, or --out itself): a diff
 * is written from each of the newest --max-diffs (default 10) of them. The manifest is written last, through a
 * rename, so a host never serves a manifest naming files that are not there yet.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { webcrypto } from 'node:crypto';
import type { DatabaseSource } from '@/src/engine/types';
import { checkSafeRegex } from '@/src/engine/regex-filter';
import { parseDatabaseSource } from '@/src/patterns/database-schema';
import {
  FEED_FORMAT,
  canonicalJson,
  computeDiff,
  encodeBase64,
  importFeedPrivateKey,
  normalizeForFeed,
  sha256Hex,
  signManifest,
  siteSelectorsSchema,
  type ManifestBody,
} from '@/src/shared/feed-format';

const subtle = webcrypto.subtle as unknown as SubtleCrypto;

export interface BuildFeedOptions {
  privateKeyJwk: JsonWebKey;
  outDir: string;
  database: unknown;
  previous: unknown[];
  minCheckSeconds: number;
  selectors?: unknown;
  maxDiffs: number;
}

function validate(json: unknown, what: string): DatabaseSource {
  const parsed = parseDatabaseSource(json);
  if (!parsed.ok) throw new Error(`${what} is not a valid database:\n  ${parsed.errors.slice(0, 20).join('\n  ')}`);
  const unsafe = parsed.db.patterns
    .filter((p) => p.kind === 'regex')
    .map((p) => ({ id: p.id, check: checkSafeRegex(p.value) }))
    .filter((r) => !r.check.ok);
  if (unsafe.length > 0) {
    throw new Error(`${what} has unsafe regular expressions: ${unsafe.map((r) => `${r.id} (${r.check.ok ? '' : r.check.reason})`).join(', ')}`);
  }
  return parsed.db;
}

export interface FeedFiles {
  version: number;
  sha256: string;
  /** File name → content, in writing order (the manifest last). */
  files: Map<string, string>;
  diffsFrom: number[];
}

/** Builds the feed's files in memory: canonical snapshot, diffs from the newest previous versions, signed manifest. */
export async function createFeedFiles(options: Omit<BuildFeedOptions, 'outDir'>): Promise<FeedFiles> {
  const database = normalizeForFeed(validate(options.database, 'the database'));
  const previous = options.previous.map((json, i) => normalizeForFeed(validate(json, `previous snapshot #${i + 1}`)));
  for (const old of previous) {
    if (old.version >= database.version) {
      throw new Error(`refusing to publish version ${database.version}: a previous snapshot has version ${old.version} (versions only go up)`);
    }
  }
  const selectors = options.selectors === undefined ? undefined : siteSelectorsSchema.parse(options.selectors);
  const key = await importFeedPrivateKey(subtle, options.privateKeyJwk);
  const files = new Map<string, string>();

  const snapshotText = canonicalJson(database);
  const sha256 = await sha256Hex(subtle, snapshotText);
  const snapshotPath = `snapshot-${database.version}.json`;
  files.set(snapshotPath, snapshotText);

  const newest = new Map<number, DatabaseSource>();
  for (const old of previous) newest.set(old.version, old);
  const bases = [...newest.values()].sort((a, b) => b.version - a.version).slice(0, options.maxDiffs);
  const diffs: ManifestBody['diffs'] = [];
  for (const base of bases) {
    const text = canonicalJson(computeDiff(base, database));
    const path = `diff-${base.version}-${database.version}.json`;
    files.set(path, text);
    diffs.push({ from: base.version, path, sha256: await sha256Hex(subtle, text), bytes: Buffer.byteLength(text) });
  }

  const body: ManifestBody = {
    format: FEED_FORMAT,
    version: database.version,
    created: new Date().toISOString(),
    sha256,
    minCheckSeconds: options.minCheckSeconds,
    snapshot: { path: snapshotPath, bytes: Buffer.byteLength(snapshotText) },
    diffs,
    ...(selectors ? { selectors } : {}),
  };
  const manifest = await signManifest(subtle, key, body);
  files.set('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  return { version: database.version, sha256, files, diffsFrom: diffs.map((d) => d.from) };
}

/** Writes snapshot, diffs and the signed manifest into `outDir` (the manifest last, through a rename). */
export async function buildFeed(options: BuildFeedOptions): Promise<FeedFiles> {
  const built = await createFeedFiles(options);
  mkdirSync(options.outDir, { recursive: true });
  for (const [name, text] of built.files) {
    if (name === 'manifest.json') continue;
    writeFileSync(join(options.outDir, name), text);
  }
  const temporary = join(options.outDir, `.manifest-${process.pid}.tmp`);
  writeFileSync(temporary, built.files.get('manifest.json') ?? '');
  renameSync(temporary, join(options.outDir, 'manifest.json'));
  return built;
}

/** Generates a new signing key pair: the private JWK (keep it secret) and the public key as base64 SPKI. */
export async function generateFeedKeyPair(): Promise<{ privateJwk: JsonWebKey; publicSpki: string; publicJwk: JsonWebKey }> {
  const pair = (await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const privateJwk = await subtle.exportKey('jwk', pair.privateKey);
  const publicJwk = await subtle.exportKey('jwk', pair.publicKey);
  const publicSpki = encodeBase64(new Uint8Array(await subtle.exportKey('spki', pair.publicKey)));
  return { privateJwk, publicSpki, publicJwk };
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

/** Snapshot files named by --previous: files as given, folders scanned for `snapshot-<n>.json`. */
function collectPrevious(paths: string[]): unknown[] {
  const out: unknown[] = [];
  for (const path of paths) {
    if (!existsSync(path)) throw new Error(`--previous ${path}: no such file or folder`);
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).filter((n) => /^snapshot-\d+\.json$/.test(n))) out.push(readJson(join(path, name)));
    } else {
      out.push(readJson(path));
    }
  }
  return out;
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      key: { type: 'string' },
      out: { type: 'string' },
      db: { type: 'string' },
      previous: { type: 'string', multiple: true },
      'min-check-seconds': { type: 'string' },
      selectors: { type: 'string' },
      'max-diffs': { type: 'string' },
      'new-key': { type: 'string' },
      help: { type: 'boolean' },
    },
    allowPositionals: false,
  });
  if (values.help) {
    console.log(readFileSync(new URL(import.meta.url), 'utf8').split('*/')[0]);
    return;
  }
  if (values['new-key']) {
    const dir = values['new-key'];
    mkdirSync(dir, { recursive: true });
    const pair = await generateFeedKeyPair();
    const privatePath = join(dir, 'feed-private-key.jwk.json');
    writeFileSync(privatePath, `${JSON.stringify(pair.privateJwk, null, 2)}\n`, { mode: 0o600 });
    chmodSync(privatePath, 0o600);
    writeFileSync(join(dir, 'feed-public-key.spki.b64'), `${pair.publicSpki}\n`);
    console.log(`Wrote ${privatePath} (keep it secret) and ${join(dir, 'feed-public-key.spki.b64')}.`);
    console.log(`Build the extension with WXT_FEED_PUBLIC_KEY=${pair.publicSpki}`);
    return;
  }
  if (!values.key || !values.out) throw new Error('usage: feed:build --key KEY.jwk.json --out DIR [--db FILE] [--previous DIR_OR_FILE…]');
  const minCheckSeconds = Number(values['min-check-seconds'] ?? 3600);
  const maxDiffs = Number(values['max-diffs'] ?? 10);
  if (!Number.isInteger(minCheckSeconds) || minCheckSeconds < 0) throw new Error('--min-check-seconds must be a whole number ≥ 0');
  if (!Number.isInteger(maxDiffs) || maxDiffs < 0) throw new Error('--max-diffs must be a whole number ≥ 0');
  const built = await buildFeed({
    privateKeyJwk: readJson(values.key) as JsonWebKey,
    outDir: values.out,
    database: values.db ? readJson(values.db) : (await import('@/src/patterns')).assembleDatabase(),
    previous: collectPrevious(values.previous ?? []),
    minCheckSeconds,
    selectors: values.selectors ? readJson(values.selectors) : undefined,
    maxDiffs,
  });
  console.log(
    `Feed version ${built.version} (sha256 ${built.sha256.slice(0, 16)}…) in ${values.out}: ${[...built.files.keys()].join(', ')}` +
      (built.diffsFrom.length ? `; diffs from ${built.diffsFrom.join(', ')}` : '; no diffs'),
  );
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(`feed:build: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
