/**
 * `npm run bench:feed [-- --phrases 50000 --domains 100000 --regexes 100]`: the cost of receiving a big database
 * through the feed, step by step, with the code the service worker runs (here in Node: Dexie runs on fake-indexeddb,
 * so the "store" figure is indicative only; a browser's IndexedDB is slower to write but the work is off the page).
 *
 * Steps: download (an in-memory response streamed through the size-limited reader), manifest signature, JSON parse +
 * forbidden-key scan, canonical JSON + SHA-256, schema (zod), regex safety, compile + serialize (the service
 * worker's work), atomic Dexie swap, and loadEngine (what each content script does with the published engine).
 */
import 'fake-indexeddb/auto';
import { webcrypto } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { compileEngine, loadEngine, serializeEngine } from '@/src/engine';
import { MINI_DATABASE } from '@/src/engine/mini-database.fixture';
import { checkSafeRegex } from '@/src/engine/regex-filter';
import type { DatabaseSource, PatternSource } from '@/src/engine/types';
import { LIMITS, parseDatabaseSource } from '@/src/patterns/database-schema';
import { CanhGiacDatabase } from '@/src/background/database';
import { fetchLimited } from '@/src/background/feed/fetch-limited';
import { installSnapshot } from '@/src/background/feed/install-snapshot';
import { parseFeedJson, readManifest } from '@/src/background/feed/verify-feed';
import {
  FEED_FORMAT,
  FEED_LIMITS,
  canonicalJson,
  importFeedPrivateKey,
  normalizeForFeed,
  sha256Hex,
  signManifest,
} from '@/src/shared/feed-format';

const subtle = webcrypto.subtle as unknown as SubtleCrypto;
const KEYS = join(import.meta.dirname, '../../test/fixtures/feed-keys');

const SYLLABLES = (
  'an ba ca da ga ha kha la ma na nga nha pha qua ra sa ta tha tra va xa bac cat dat hat lac mat nat phat sat tat ' +
  'xuan thu dong ha thang nam ngay gio tien vang bac dong lai von loi nhuan nap rut chuyen khoan phi le tu thien ' +
  'viec nhe luong cao nhiem vu don hang cong tac vien ngan hang mat khau'
).split(' ');

/** The n-th distinct phrase of four syllables (base-|SYLLABLES| digits). */
function phraseFor(n: number): string {
  const words: string[] = [];
  let rest = n;
  for (let i = 0; i < 4; i += 1) {
    words.push(SYLLABLES[rest % SYLLABLES.length] ?? 'x');
    rest = Math.floor(rest / SYLLABLES.length);
  }
  return words.join(' ');
}

export function makeBigDatabase(phrases: number, domains: number, regexes: number): DatabaseSource {
  const base = structuredClone(MINI_DATABASE);
  const families = ['job-task', 'bank-phishing', 'parcel'];
  const patterns: PatternSource[] = [...base.patterns];
  for (let i = 0; i < phrases; i += 1) {
    patterns.push({
      id: `bench-phrase-${i}`,
      family: families[i % 3] ?? 'job-task',
      kind: 'phrase',
      value: phraseFor(i + 7),
      signal: i % 2 ? 'lure' : 'payment',
      weight: 20 + (i % 60),
      lang: 'vi',
    });
  }
  for (let i = 0; i < domains; i += 1) {
    patterns.push({
      id: `bench-domain-${i}`,
      family: 'bank-phishing',
      kind: 'domain',
      value: `${i % 2 ? 'secure' : 'xacminh'}-${i.toString(36)}-vcb.${['top', 'xyz', 'online', 'site'][i % 4]}`,
      signal: 'channel',
      weight: 90,
      lang: 'any',
    });
  }
  for (let i = 0; i < regexes; i += 1) {
    patterns.push({
      id: `bench-regex-${i}`,
      family: 'job-task',
      kind: 'regex',
      value: `hoa hong ${phraseFor(i).split(' ')[0]} \\d{1,3} ?%`,
      signal: 'lure',
      weight: 20,
    });
  }
  return normalizeForFeed({ ...base, version: 1000, created: '2026-11-29T00:00:00Z', patterns });
}

interface Row {
  step: string;
  ms: number;
  heapMiB: number;
  note: string;
}

function heapMiB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

async function time<T>(rows: Row[], step: string, run: () => Promise<T> | T, note: (value: T) => string = () => ''): Promise<T> {
  const start = performance.now();
  const value = await run();
  const ms = performance.now() - start;
  rows.push({ step, ms, heapMiB: heapMiB(), note: note(value) });
  return value;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { phrases: { type: 'string' }, domains: { type: 'string' }, regexes: { type: 'string' } },
  });
  const phrases = Number(values.phrases ?? 50_000);
  const domains = Number(values.domains ?? 100_000);
  const regexes = Number(values.regexes ?? 100);
  const rows: Row[] = [];
  const baseline = heapMiB();

  const database = makeBigDatabase(phrases, domains, regexes);
  const snapshotText = canonicalJson(database);
  const bytes = Buffer.byteLength(snapshotText);
  const sha256 = await sha256Hex(subtle, snapshotText);
  const privateKey = await importFeedPrivateKey(subtle, JSON.parse(readFileSync(join(KEYS, 'test-only-feed-private-key.jwk.json'), 'utf8')) as JsonWebKey);
  const manifest = await signManifest(subtle, privateKey, {
    format: FEED_FORMAT,
    version: database.version,
    created: database.created,
    sha256,
    minCheckSeconds: 3600,
    snapshot: { path: `snapshot-${database.version}.json`, bytes },
    diffs: [],
  });
  const publicKey = readFileSync(join(KEYS, 'test-only-feed-public-key.spki.b64'), 'utf8');
  const encoded = new TextEncoder().encode(snapshotText);
  const startHeap = heapMiB();

  const fakeFetch: typeof fetch = async () =>
    new Response(
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < encoded.length; i += 64 * 1024) controller.enqueue(encoded.subarray(i, i + 64 * 1024));
          controller.close();
        },
      }),
    );
  const downloaded = await time(
    rows,
    'download (stream, size-limited)',
    () => fetchLimited(fakeFetch, 'https://feed.test/snapshot.json', { timeoutMs: 60_000, maxBytes: Math.max(bytes, FEED_LIMITS.databaseBytes) }),
    () => `${(bytes / 1024 / 1024).toFixed(1)} MiB; the shipped limit is ${FEED_LIMITS.databaseBytes / 1024 / 1024} MiB`,
  );
  await time(rows, 'manifest signature (ECDSA P-256)', () => readManifest(subtle, publicKey, JSON.stringify(manifest)));
  const json = await time(rows, 'JSON.parse + forbidden-key scan', () => parseFeedJson(downloaded.text, 'snapshot'));
  await time(
    rows,
    'SHA-256 of the served (canonical) text',
    async () => (await sha256Hex(subtle, downloaded.text)) === sha256,
    (ok) => (ok ? 'checksum matches: canonicalization skipped' : 'MISMATCH'),
  );
  await time(
    rows,
    'canonical JSON + SHA-256 (only for a reformatted file)',
    async () => (await sha256Hex(subtle, canonicalJson(json))) === sha256,
    (ok) => (ok ? 'checksum matches' : 'MISMATCH'),
  );
  const parsed = await time(
    rows,
    'schema (zod, parseDatabaseSource)',
    () => parseDatabaseSource(json),
    (r) => (r.ok ? 'valid' : `rejected: ${r.errors.length} error(s), e.g. ${r.errors[0] ?? ''} (LIMITS.patterns = ${LIMITS.patterns})`),
  );
  if (!parsed.ok) {
    // The schema caps a database at LIMITS.patterns: validate the same patterns in slices of that size for a figure.
    const whole = json as DatabaseSource;
    await time(
      rows,
      `schema, in slices of ${LIMITS.patterns} patterns`,
      () => {
        let errors = 0;
        for (let i = 0; i < whole.patterns.length; i += LIMITS.patterns) {
          const slice = parseDatabaseSource({ ...whole, patterns: whole.patterns.slice(i, i + LIMITS.patterns) });
          if (!slice.ok) errors += slice.errors.length;
        }
        return errors;
      },
      (errors) => (errors === 0 ? 'every slice valid' : `${errors} error(s)`),
    );
  }
  const validated: DatabaseSource = parsed.ok ? parsed.db : (json as DatabaseSource);
  await time(
    rows,
    'regex safety',
    () => validated.patterns.filter((p) => p.kind === 'regex' && !checkSafeRegex(p.value).ok).length,
    (unsafe) => `${regexes} regexes, ${unsafe} unsafe`,
  );
  const serialized = await time(
    rows,
    'compile + serialize (service worker)',
    () => serializeEngine(compileEngine(validated)),
    (s) => `${(Buffer.byteLength(JSON.stringify(s)) / 1024 / 1024).toFixed(1)} MiB serialized`,
  );
  const db = new CanhGiacDatabase('bench-feed');
  await db.open();
  await time(
    rows,
    'store: atomic Dexie swap (fake-indexeddb)',
    () => installSnapshot(db, { version: validated.version, origin: 'feed', checksum: sha256, installedAt: Date.now(), source: validated }),
    (installed) => (installed ? 'installed' : 'NOT installed'),
  );
  db.close();
  await db.delete();
  const wire = JSON.parse(JSON.stringify(serialized)) as unknown;
  await time(rows, 'loadEngine (each content script)', () => loadEngine(wire), (engine) => `${engine.patterns.length} patterns`);

  const total = rows.reduce((sum, row) => sum + row.ms, 0);
  console.log(
    `Feed benchmark: ${phrases} phrases + ${domains} domains + ${regexes} regexes (${validated.patterns.length} patterns, ` +
      `snapshot ${(bytes / 1024 / 1024).toFixed(1)} MiB), Node ${process.version}` +
      `${(globalThis as { gc?: unknown }).gc ? '' : ' (run with --expose-gc for steadier heap figures)'}\n`,
  );
  console.log('| step | time (ms) | heap after (MiB) | note |');
  console.log('|---|---:|---:|---|');
  for (const row of rows) console.log(`| ${row.step} | ${row.ms.toFixed(0)} | ${row.heapMiB.toFixed(0)} | ${row.note} |`);
  console.log(`| total | ${total.toFixed(0)} | | heap before the run ${startHeap.toFixed(0)} MiB (baseline ${baseline.toFixed(0)} MiB) |`);
  console.log(`\nPeak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
