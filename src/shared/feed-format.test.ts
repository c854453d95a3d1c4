import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { webcrypto } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MINI_DATABASE } from '@/src/engine/mini-database.fixture';
import type { DatabaseSource, PatternSource } from '@/src/engine/types';
import {
  applyDiff,
  canonicalJson,
  computeDiff,
  decodeBase64,
  encodeBase64,
  importFeedPrivateKey,
  importFeedPublicKey,
  normalizeForFeed,
  sha256Hex,
  signManifest,
  verifyManifestSignature,
  type ManifestBody,
} from './feed-format';

const subtle = webcrypto.subtle as unknown as SubtleCrypto;
const KEYS = join(import.meta.dirname, '../../test/fixtures/feed-keys');
const publicSpki = readFileSync(join(KEYS, 'test-only-feed-public-key.spki.b64'), 'utf8');
const privateJwk = JSON.parse(readFileSync(join(KEYS, 'test-only-feed-private-key.jwk.json'), 'utf8')) as JsonWebKey;

describe('canonicalJson', () => {
  it('sorts keys at every depth, keeps array order, writes no white space and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'é "q"' }, u: undefined })).toBe(
      '{"a":{"c":"é \\"q\\"","d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('refuses values JSON cannot carry', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/NaN/);
    expect(() => canonicalJson({ a: () => 1 })).toThrow(/function/);
  });

  it('is the same for any key order and survives a JSON round trip', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        const reversed = JSON.parse(JSON.stringify(value), (_key, v: unknown) =>
          v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
        ) as unknown;
        expect(canonicalJson(reversed)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('hashes to a stable SHA-256', async () => {
    expect(await sha256Hex(subtle, canonicalJson({ b: 2, a: 1 }))).toBe(await sha256Hex(subtle, '{"a":1,"b":2}'));
    expect(await sha256Hex(subtle, '')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});

describe('base64', () => {
  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70_000 }), (bytes) => {
        expect([...decodeBase64(encodeBase64(bytes))]).toEqual([...bytes]);
      }),
      { numRuns: 50 },
    );
  });
});

describe('manifest signatures (ECDSA P-256, SHA-256)', () => {
  const body: ManifestBody = {
    format: 1,
    version: 9,
    created: '2026-11-29T10:00:00Z',
    sha256: 'a'.repeat(64),
    minCheckSeconds: 3600,
    snapshot: { path: 'snapshot-9.json', bytes: 100 },
    diffs: [{ from: 8, path: 'diff-8-9.json', sha256: 'b'.repeat(64), bytes: 10 }],
  };

  it('verifies what the private key signed, with the public key as SPKI or JWK', async () => {
    const manifest = await signManifest(subtle, await importFeedPrivateKey(subtle, privateJwk), body);
    expect(decodeBase64(manifest.signature)).toHaveLength(64); // IEEE P1363 r‖s, as WebCrypto makes and checks it
    expect(await verifyManifestSignature(subtle, await importFeedPublicKey(subtle, publicSpki), manifest)).toBe(true);
    const { d: _d, ...publicJwk } = privateJwk;
    const viaJwk = await importFeedPublicKey(subtle, JSON.stringify({ ...publicJwk, key_ops: ['verify'] }));
    expect(await verifyManifestSignature(subtle, viaJwk, manifest)).toBe(true);
  });

  it('rejects any change to the signed body, and garbage signatures', async () => {
    const key = await importFeedPublicKey(subtle, publicSpki);
    const manifest = await signManifest(subtle, await importFeedPrivateKey(subtle, privateJwk), body);
    expect(await verifyManifestSignature(subtle, key, { ...manifest, version: 10 })).toBe(false);
    expect(await verifyManifestSignature(subtle, key, { ...manifest, diffs: [] })).toBe(false);
    expect(await verifyManifestSignature(subtle, key, { ...manifest, signature: 'AAAA' })).toBe(false);
    expect(await verifyManifestSignature(subtle, key, { ...manifest, signature: '!!notbase64' })).toBe(false);
  });
});

function database(version: number, patterns: PatternSource[]): DatabaseSource {
  return { ...structuredClone(MINI_DATABASE), version, patterns };
}

const patternArb = fc.record({
  id: fc.stringMatching(/^[a-z]{1,6}(-[a-z0-9]{1,4})?$/),
  value: fc.stringMatching(/^[a-z]{3,12}( [a-z]{2,8})?$/),
  weight: fc.integer({ min: 1, max: 100 }),
});

describe('computeDiff / applyDiff', () => {
  it('rebuilds exactly the new database (same canonical JSON) from any old one', () => {
    fc.assert(
      fc.property(fc.array(patternArb, { maxLength: 40 }), fc.array(patternArb, { maxLength: 40 }), fc.boolean(), (a, b, newAllowlist) => {
        const toPattern = (p: { id: string; value: string; weight: number }): PatternSource => ({
          id: p.id,
          family: 'job-task',
          kind: 'phrase',
          value: p.value,
          signal: 'lure',
          weight: p.weight,
        });
        const unique = (list: typeof a) => [...new Map(list.map((p) => [p.id, toPattern(p)])).values()];
        const from = database(1, unique(a));
        const to = normalizeForFeed(database(2, unique(b)));
        if (newAllowlist) to.allowlist = ['example.org'];
        const diff = computeDiff(from, to);
        expect(diff.allowlist !== undefined).toBe(newAllowlist);
        expect(diff.families).toBeUndefined();
        const applied = applyDiff(from, JSON.parse(JSON.stringify(diff)) as typeof diff);
        expect(applied.ok).toBe(true);
        if (applied.ok) expect(canonicalJson(applied.candidate)).toBe(canonicalJson(to));
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a diff for another base, or one that does not fit the base', () => {
    const from = database(3, MINI_DATABASE.patterns);
    const to = normalizeForFeed(database(4, MINI_DATABASE.patterns.slice(1)));
    const diff = computeDiff(from, to);
    expect(applyDiff(database(2, MINI_DATABASE.patterns), diff)).toEqual({
      ok: false,
      reason: 'diff is for base version 3, installed is 2',
    });
    expect(applyDiff(database(3, MINI_DATABASE.patterns.slice(1)), diff)).toMatchObject({ ok: false, reason: /removes pattern/ });
    expect(applyDiff(from, { ...diff, to: 3 })).toMatchObject({ ok: false, reason: /not forward/ });
  });
});
