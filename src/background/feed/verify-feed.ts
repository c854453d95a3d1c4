import type { DatabaseSource } from '@/src/engine/types';
import { findForbiddenKeys, type ParseResult } from '@/src/patterns/database-schema';
import {
  FEED_FORMAT,
  applyDiff,
  canonicalJson,
  diffSchema,
  importFeedPublicKey,
  manifestSchema,
  sha256Hex,
  verifyManifestSignature,
  type FeedManifest,
} from '@/src/shared/feed-format';
import { FeedError } from './feed-error';

/** Content checks a database must pass before it is used (the schema helper's parser and the engine's regex filter). */
export interface DatabaseChecks {
  /** `parseDatabaseSource` from src/patterns/database-schema.ts. */
  parse: (json: unknown) => ParseResult;
  /** A reason the regular expression is unsafe, or null when it is safe. */
  checkRegex: (source: string) => string | null;
}

/** Parses JSON text and refuses prototype-pollution keys anywhere in it. */
export function parseFeedJson(text: string, what: string): unknown {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new FeedError('invalid-json', `${what} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const forbidden = findForbiddenKeys(json);
  if (forbidden.length > 0) throw new FeedError('forbidden-key', `${what} contains ${forbidden.slice(0, 3).join('; ')}`);
  return json;
}

function checkFormat(json: unknown, what: string): void {
  const format = typeof json === 'object' && json !== null ? (json as { format?: unknown }).format : undefined;
  if (format !== FEED_FORMAT) {
    throw new FeedError('format', `${what} has format ${JSON.stringify(format ?? null)}; this extension reads format ${FEED_FORMAT}`);
  }
}

/** Parses and authenticates a manifest: JSON, no forbidden keys, known format, schema, then the signature. */
export async function readManifest(subtle: SubtleCrypto, publicKeyText: string, text: string): Promise<FeedManifest> {
  const json = parseFeedJson(text, 'manifest');
  checkFormat(json, 'manifest');
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new FeedError('schema', `manifest does not match the schema: ${first ? `${first.path.join('.')}: ${first.message}` : 'unknown'}`);
  }
  let key: CryptoKey;
  try {
    key = await importFeedPublicKey(subtle, publicKeyText);
  } catch (error) {
    throw new FeedError('no-key', `the built-in feed public key cannot be imported: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!(await verifyManifestSignature(subtle, key, parsed.data))) {
    throw new FeedError('signature', `manifest signature does not verify with the built-in key (version ${parsed.data.version})`);
  }
  return parsed.data;
}

/**
 * Checks that `json` (parsed from `text`, when there is a text) has the canonical SHA-256 `expected`. Feeds serve
 * canonical files, so the raw text's hash usually matches and the costly canonicalization is skipped; a host that
 * reformatted the file still passes through the canonical form.
 */
async function checkChecksum(subtle: SubtleCrypto, json: unknown, text: string | null, expected: string, what: string): Promise<void> {
  if (text !== null && (await sha256Hex(subtle, text)) === expected) return;
  const actual = await sha256Hex(subtle, canonicalJson(json));
  if (actual !== expected) throw new FeedError('checksum', `${what} has SHA-256 ${actual}, the manifest says ${expected}`);
}

/** Validates a candidate database whose canonical SHA-256 must be `expectedSha256` and whose version must be `version`. */
export async function checkDatabase(
  subtle: SubtleCrypto,
  checks: DatabaseChecks,
  candidate: unknown,
  expectedSha256: string,
  version: number,
  what: string,
  text: string | null = null,
): Promise<DatabaseSource> {
  await checkChecksum(subtle, candidate, text, expectedSha256, what);
  const parsed = checks.parse(candidate);
  if (!parsed.ok) {
    throw new FeedError('schema', `${what} is not a valid database: ${parsed.errors.slice(0, 3).join('; ')}`);
  }
  if (parsed.db.version !== version) {
    throw new FeedError('version-mismatch', `${what} holds version ${parsed.db.version}, the manifest says ${version}`);
  }
  for (const pattern of parsed.db.patterns) {
    if (pattern.kind !== 'regex') continue;
    const reason = checks.checkRegex(pattern.value);
    if (reason !== null) throw new FeedError('unsafe-regex', `${what}: pattern "${pattern.id}" is an unsafe regular expression (${reason})`);
  }
  return parsed.db;
}

/** Reads a snapshot file (the whole database). */
export async function readSnapshot(subtle: SubtleCrypto, checks: DatabaseChecks, manifest: FeedManifest, text: string): Promise<DatabaseSource> {
  const what = `snapshot ${manifest.snapshot.path}`;
  const json = parseFeedJson(text, what);
  return checkDatabase(subtle, checks, json, manifest.sha256, manifest.version, what, text);
}

/** Reads a diff file and applies it to the installed database; the result is checked like a snapshot. */
export async function readDiff(
  subtle: SubtleCrypto,
  checks: DatabaseChecks,
  manifest: FeedManifest,
  entry: FeedManifest['diffs'][number],
  base: DatabaseSource,
  text: string,
): Promise<DatabaseSource> {
  const what = `diff ${entry.path}`;
  const json = parseFeedJson(text, what);
  await checkChecksum(subtle, json, text, entry.sha256, what);
  checkFormat(json, what);
  const parsed = diffSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new FeedError('schema', `${what} does not match the diff schema: ${first ? `${first.path.join('.')}: ${first.message}` : 'unknown'}`);
  }
  const diff = parsed.data;
  if (diff.from !== entry.from || diff.to !== manifest.version) {
    throw new FeedError('diff-base', `${what} goes from ${diff.from} to ${diff.to}; expected ${entry.from} to ${manifest.version}`);
  }
  const applied = applyDiff(base, diff);
  if (!applied.ok) throw new FeedError('diff-base', `${what}: ${applied.reason}`);
  return checkDatabase(subtle, checks, applied.candidate, manifest.sha256, manifest.version, `${what} applied to ${base.version}`);
}
