import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { loadEngine, scanItem } from '@/src/engine';
import type { DatabaseSource } from '@/src/engine/types';
import { canonicalJson, type SiteSelectors } from '@/src/shared/feed-format';
import { CanhGiacDatabase } from '../database';
import { createFeedFiles } from '@/src/cli/feed-build';
import { DATABASE_CHECKS, compileForPublishing } from './database-checks';
import { FakeFeedServer, FEED_URL, TEST_PRIVATE_JWK, TEST_PUBLIC_KEY, makeDatabase, makeFeedFiles, signBody, subtle } from './feed.fixture';
import { ACTIVE_KEY, LEASE_KEY, SCHEDULE, acquireLease, computeBackoffMs, readFeedState } from './feed-state';
import { createFeedService, readFeedStatus, runFeedSync, type FeedConfig, type FeedSyncDeps } from './sync-feed';

const NEW_PHRASE = 'chuyển khoản phí kích hoạt ví';
const SELECTORS: SiteSelectors = {
  format: 1,
  version: 2,
  sites: {
    facebook: {
      hosts: ['facebook.com'],
      posts: ['[role=feed] [aria-posinset]'],
      comments: ['[role=article]'],
      postBody: ['@aria-describedby'],
      commentBody: ['div[dir=auto]'],
      skip: ['[role=button]'],
    },
  },
};
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const opened: CanhGiacDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

let dbCounter = 0;
async function openTestDatabase(name = `feed-test-${(dbCounter += 1)}`): Promise<CanhGiacDatabase> {
  const db = new CanhGiacDatabase(name);
  await db.open();
  opened.push(db);
  return db;
}

/** Installs `source` the way engine-store installs the bundled database. */
async function installBundled(db: CanhGiacDatabase, source: DatabaseSource, origin: 'bundled' | 'feed' = 'bundled'): Promise<void> {
  await db.snapshots.put({ version: source.version, origin, checksum: '', installedAt: 0, source });
}

interface Harness {
  deps: FeedSyncDeps;
  db: CanhGiacDatabase;
  server: FakeFeedServer;
  published: unknown[];
  selectors: SiteSelectors[];
  alarms: number[];
  logs: string[];
  clock: { now: number };
}

async function makeHarness(options: { base?: DatabaseSource; config?: Partial<FeedConfig>; db?: CanhGiacDatabase } = {}): Promise<Harness> {
  const db = options.db ?? (await openTestDatabase());
  if (options.base) await installBundled(db, options.base);
  const server = new FakeFeedServer();
  const clock = { now: Date.UTC(2026, 10, 29, 10, 0) };
  const h: Harness = { db, server, published: [], selectors: [], alarms: [], logs: [], clock, deps: undefined as unknown as FeedSyncDeps };
  h.deps = {
    db,
    fetch: server.fetch,
    subtle,
    now: () => clock.now,
    random: () => 0.5,
    config: async () => ({ feedUrl: FEED_URL, publicKey: TEST_PUBLIC_KEY, ...options.config }),
    checks: DATABASE_CHECKS,
    engine: {
      compile: compileForPublishing,
      publish: async (compiled) => {
        h.published.push(compiled);
      },
    },
    publishSelectors: async (selectors) => {
      h.selectors.push(selectors);
    },
    scheduleAlarm: async (when) => {
      h.alarms.push(when);
    },
    log: (level, message) => h.logs.push(`${level}: ${message}`),
    timeoutMs: 200,
  };
  return h;
}

async function activeVersion(db: CanhGiacDatabase): Promise<number | undefined> {
  return (await db.snapshots.orderBy('version').last())?.version;
}

/** Asserts a sync failed with `code`, logged it, kept version `kept` and published nothing. */
async function expectRejected(h: Harness, code: string, kept: number, pattern?: RegExp) {
  const outcome = await runFeedSync(h.deps, true);
  expect(outcome).toMatchObject({ kind: 'failed' });
  const error = outcome.kind === 'failed' ? outcome.error : '';
  expect(error.startsWith(`${code}:`), error).toBe(true);
  if (pattern) expect(error).toMatch(pattern);
  expect(h.logs.some((line) => line.startsWith('warn:') && line.includes(error))).toBe(true);
  expect(await activeVersion(h.db)).toBe(kept);
  expect(h.published).toEqual([]);
  const status = await readFeedStatus(h.deps);
  expect(status).toMatchObject({ version: kept, lastError: error, lastErrorAt: h.clock.now });
  return error;
}

describe('runFeedSync: a good feed', () => {
  it('installs a newer snapshot, publishes a compiled engine that knows the new phrase, and schedules the next check', async () => {
    const base = makeDatabase(1);
    const h = await makeHarness({ base });
    h.server.serve(await makeFeedFiles(makeDatabase(2, [NEW_PHRASE]), { minCheckSeconds: 600 }));

    expect(await runFeedSync(h.deps, false)).toEqual({ kind: 'installed', version: 2, via: 'snapshot' });
    expect(h.server.paths()).toEqual(['manifest.json', 'snapshot-2.json']);
    expect(await activeVersion(h.db)).toBe(2);
    expect((await h.db.meta.get(ACTIVE_KEY))?.value).toMatchObject({ version: 2 });
    expect(h.published).toHaveLength(1);
    const engine = loadEngine(h.published[0]);
    expect(engine.version).toBe(2);
    const verdict = scanItem(engine, { text: `Bạn cần ${NEW_PHRASE} trước khi rút tiền` });
    expect(verdict.indicators.map((i) => i.patternId)).toContain('job-extra-1');

    const status = await readFeedStatus(h.deps);
    expect(status).toMatchObject({ version: 2, source: 'feed', lastSuccess: h.clock.now, lastError: null });
    expect(status.patternCount).toBe(makeDatabase(2, [NEW_PHRASE]).patterns.length);
    // Next check: 6 h ± 20 % (random 0.5 → exactly 6 h), and an alarm for it.
    expect(status.nextCheck).toBe(h.clock.now + SCHEDULE.periodMs);
    expect(h.alarms.at(-1)).toBe(status.nextCheck);
    // The lease is released.
    expect(await h.db.meta.get(LEASE_KEY)).toBeUndefined();
  });

  it('applies a diff when one fits the installed version (the snapshot is not downloaded)', async () => {
    const base = makeDatabase(3);
    const h = await makeHarness({ base });
    const next = makeDatabase(4, [NEW_PHRASE]);
    next.patterns = next.patterns.filter((p) => p.id !== 'generic-ib');
    h.server.serve(await makeFeedFiles(next, { diffsFrom: [makeDatabase(2), base] }));

    expect(await runFeedSync(h.deps, true)).toEqual({ kind: 'installed', version: 4, via: 'diff' });
    expect(h.server.paths()).toEqual(['manifest.json', 'diff-3-4.json']);
    const installed = (await h.db.snapshots.get(4))?.source;
    expect(canonicalJson(installed)).toBe(canonicalJson(next));
  });

  it('accepts the files `npm run feed:build` writes, diff and all', async () => {
    const base = makeDatabase(5);
    const h = await makeHarness({ base });
    const built = await createFeedFiles({
      privateKeyJwk: TEST_PRIVATE_JWK,
      database: makeDatabase(6, [NEW_PHRASE]),
      previous: [makeDatabase(4), base],
      minCheckSeconds: 0,
      maxDiffs: 10,
      selectors: SELECTORS,
    });
    expect([...built.files.keys()]).toEqual(['snapshot-6.json', 'diff-5-6.json', 'diff-4-6.json', 'manifest.json']);
    h.server.serve(built.files);
    expect(await runFeedSync(h.deps, true)).toEqual({ kind: 'installed', version: 6, via: 'diff' });
    expect(h.selectors).toEqual([SELECTORS]);
  });

  it('accepts a snapshot a host reformatted (the checksum is over the canonical form)', async () => {
    const h = await makeHarness({ base: makeDatabase(1) });
    const files = await makeFeedFiles(makeDatabase(2));
    files.set('snapshot-2.json', JSON.stringify(JSON.parse(files.get('snapshot-2.json') ?? ''), null, 2));
    h.server.serve(files);
    expect(await runFeedSync(h.deps, true)).toMatchObject({ kind: 'installed', version: 2 });
  });

  it('keeps only the new database and the last good one', async () => {
    const h = await makeHarness({ base: makeDatabase(1) });
    h.server.serve(await makeFeedFiles(makeDatabase(2)));
    await runFeedSync(h.deps, true);
    h.server.serve(await makeFeedFiles(makeDatabase(3)));
    expect(await runFeedSync(h.deps, true)).toMatchObject({ kind: 'installed', version: 3 });
    expect((await h.db.snapshots.toArray()).map((s) => s.version)).toEqual([2, 3]);
  });

  it('sends the ETag back and does nothing more on 304', async () => {
    const h = await makeHarness({ base: makeDatabase(1) });
    h.server.serve(await makeFeedFiles(makeDatabase(2)));
    await runFeedSync(h.deps, true);
    const { etag } = await readFeedState(h.db);
    expect(etag).toMatch(/^"manifest\.json-/);
    h.server.requests.length = 0;
    expect(await runFeedSync(h.deps, true)).toEqual({ kind: 'not-modified' });
    expect(h.server.requests).toHaveLength(1);
    expect(h.server.requests[0]?.headers['if-none-match']).toBe(etag);
  });

  it('reports up-to-date when the feed has the installed version', async () => {
    const base = makeDatabase(2);
    const h = await makeHarness({ base });
    h.server.serve(await makeFeedFiles(base));
    expect(await runFeedSync(h.deps, true)).toEqual({ kind: 'up-to-date', version: 2 });
    expect(h.server.paths()).toEqual(['manifest.json']);
  });

  it("respects the server's minimum wait, also for “sync now”", async () => {
    const h = await makeHarness({ base: makeDatabase(1) });
    h.server.serve(await makeFeedFiles(makeDatabase(2), { minCheckSeconds: 3600 }));
    await runFeedSync(h.deps, true);
    h.server.requests.length = 0;
    h.clock.now += 10 * MINUTE;
    expect(await runFeedSync(h.deps, true)).toEqual({ kind: 'waiting', until: h.clock.now - 10 * MINUTE + HOUR });
    expect(h.server.requests).toHaveLength(0);
    h.clock.now += HOUR;
    expect(await runFeedSync(h.deps, true)).toEqual({ kind: 'not-modified' });
  });
});

describe('runFeedSync: bad input is rejected and the last good database kept', () => {
  it('unreachable feed', async () => {
    const h = await makeHarness({ base: makeDatabase(1) });
    h.server.route('manifest.json', () => {
      throw new TypeError('Failed to fetch');
    });
    await expectRejected(h, 'unreachable', 1, /Failed to fetch/);
  });

  it('timeout (the server never answers)', async () => {
    const h = await makeHarness({ base: makeDatabase(1) });
    h.server.route(
      'manifest.json',
      (request) =>
        new Promise<Response>((_resolve, reject) => {
          request.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    );
    await expectRejected(h, 'timeout', 1, /200 ms/);
  });

  it('timeout while the body trickles in', async () => {
    const h = await makeHarness({ base: makeDatabase(1) });
    h.server.route('manifest.json', (request) => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"format":'));
          request.signal.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
        },
      });
      return new Response(body, { status: 200 });
    });
    await expectRejected(h, 'timeout', 1);
  });

  it.each([404, 500, 503])('HTTP %i', async (status) => {
    const h = await makeHarness({ base: makeDatabase(1) });
    h.server.route('manifest.json', () => new Response('nope', { status }));
    await expectRejected(h, 'http', 1, new RegExp(`HTTP ${status}`));
  });

  it('HTTP error on the snapshot after a good manifest', async () => {
    const h = await makeHarness({ base: makeDatabase(1) });
    const files = await makeFeedFiles(makeDatabase(2));
    files.delete('snapshot-2.json');
    h.server.serve(files);
    await expectRejected(h, 'http', 1, /snapshot-2\.json/);
  });

  it('invalid JSON (manifest and snapshot)', async () => {
    const h = await makeHarness({ base: makeDatabase(1) });
    h.server.route('manifest.json', () => new Response('{"format": 1,'));
    await expectRejected(h, 'invalid-json', 1, /manifest/);

    const h2 = await makeHarness({ base: makeDatabase(1) });
    const files = await makeFeedFiles(makeDatabase(2));
    files.set('snapshot-2.json', '{"format":1,"version":2');
    h2.server.serve(files);
    await expectRejected(h2, 'invalid-json', 1, /snapshot/);
  });

  it('wrong schema: a manifest missing its checksum', async () => {
    const h = await makeHarness({ base: makeDatabase(1) });
    const files = await makeFeedFiles(makeDatabase(2));
    const manifest = JSON.parse(files.get('manifest.json') ?? '') as Record<string, unknown>;
    delete manifest.sha256;
    files.set('manifest.json', JSON.stringify(manifest));
    h.server.serve(files);
    await expectRejected(h, 'schema', 1, /sha256/);
  });

  it('wrong schema: a signed snapshot that is not a valid database', async () => {
    const h = await makeHarness({ base: makeDatabase(1) });
    const bad = makeDatabase(2) as unknown as { patterns: { weight: number }[] };
    bad.patterns[0]!.weight = 500;
    h.server.serve(await makeFeedFiles(bad as unknown as DatabaseSource));
    await expectRejected(h, 'schema', 1, /weight/);
  });

  it('unknown format version', async () => {
    const h = await makeHarness({ base: makeDatabase(1) });
    h.server.serve(
      await makeFeedFiles(makeDatabase(2), {
        editBody: (body) => {
          (body as { format: number }).format = 2;
        },
      }),
    );
    await expectRejected(h, 'format', 1, /format 2; this extension reads format 1/);
  });

  it('bad signature: the manifest was changed after signing', async () => {
    const h = await makeHarness({ base: makeDatabase(1) });
    const files = await makeFeedFiles(makeDatabase(2));
    const manifest = JSON.parse(files.get('manifest.json') ?? '') as { minCheckSeconds: number };
    manifest.minCheckSeconds = 1;
    files.set('manifest.json', JSON.stringify(manifest));
    h.server.serve(files);
    await expectRejected(h, 'signature', 1);
  });

  it('bad signature: signed with another key', async () => {
    const h = await makeHarness({ base: makeDatabase(1) });
    const files = await makeFeedFiles(makeDatabase(2));
    const other = (await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const { signature: _signature, ...body } = JSON.parse(files.get('manifest.json') ?? '') as Awaited<ReturnType<typeof signBody>>;
    files.set('manifest.json', JSON.stringify(await signBody(body, await subtle.exportKey('jwk', other.privateKey))));
    h.server.serve(files);
    await expectRejected(h, 'signature', 1);
  });

  it('checksum mismatch: the snapshot was swapped for another database', async () => {
    const h = await makeHarness({ base: makeDatabase(1) });
    h.server.serve(await makeFeedFiles(makeDatabase(2), { snapshotValue: makeDatabase(2, ['phrase added by an attacker']) }));
    await expectRejected(h, 'checksum', 1, /manifest says/);
  });

  it('a diff for another base version falls back to the full snapshot', async () => {
    const base = makeDatabase(2);
    const h = await makeHarness({ base });
    const target = makeDatabase(3, [NEW_PHRASE]);
    // A manifest whose entry "from 2" points at the diff from 1 (a publisher bug; the signature is fine).
    const files = await makeFeedFiles(target, {
      diffsFrom: [makeDatabase(1)],
      editBody: (body) => {
        body.diffs[0]!.from = 2;
      },
    });
    h.server.serve(files);
    expect(await runFeedSync(h.deps, true)).toEqual({ kind: 'installed', version: 3, via: 'snapshot' });
    expect(h.logs.some((line) => /diff rejected.*diff-base: diff diff-1-3\.json goes from 1 to 3; expected 2 to 3/.test(line))).toBe(true);
  });

  it('a diff for another base version with no snapshot to fall back to', async () => {
    const h = await makeHarness({ base: makeDatabase(2) });
    const files = await makeFeedFiles(makeDatabase(3), {
      diffsFrom: [makeDatabase(1)],
      editBody: (body) => {
        body.diffs[0]!.from = 2;
      },
    });
    files.delete('snapshot-3.json');
    h.server.serve(files);
    await expectRejected(h, 'http', 2);
    expect(h.logs.some((line) => line.includes('diff-base'))).toBe(true);
  });

  it('a diff whose result does not match the manifest checksum (the installed base differs)', async () => {
    const installed = makeDatabase(2, ['local difference']);
    const h = await makeHarness({ base: installed });
    const files = await makeFeedFiles(makeDatabase(3), { diffsFrom: [makeDatabase(2)] });
    files.delete('snapshot-3.json');
    h.server.serve(files);
    await expectRejected(h, 'http', 2);
    expect(h.logs.some((line) => /diff rejected.*(checksum|diff-base)/.test(line))).toBe(true);
  });

  it('oversized response, enforced while streaming (no Content-Length)', async () => {
    const h = await makeHarness({ base: makeDatabase(1) });
    const files = await makeFeedFiles(makeDatabase(2));
    h.server.serve(files);
    let sent = 0;
    h.server.route('snapshot-2.json', () => {
      const chunk = new Uint8Array(256 * 1024).fill(0x20);
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          sent += chunk.byteLength;
          controller.enqueue(chunk);
        },
      });
      return new Response(body, { status: 200 });
    });
    await expectRejected(h, 'too-large', 1, /8388608-byte limit/);
    expect(sent).toBeLessThan(10 * 1024 * 1024);
  });

  it('oversized response, refused from its Content-Length', async () => {
    const h = await makeHarness({ base: makeDatabase(1) });
    h.server.route('manifest.json', () => new Response('{}', { headers: { 'content-length': String(10 * 1024 * 1024) } }));
    await expectRejected(h, 'too-large', 1, /declares/);
  });

  it('an unsafe regular expression', async () => {
    const h = await makeHarness({ base: makeDatabase(1) });
    const db = makeDatabase(2);
    db.patterns.push({ id: 'job-zz-catastrophic', family: 'job-task', kind: 'regex', value: '(nhiem vu+)+ ngay', signal: 'lure', weight: 20 });
    h.server.serve(await makeFeedFiles(db));
    await expectRejected(h, 'unsafe-regex', 1, /job-zz-catastrophic/);
  });

  it('prototype-pollution keys in the snapshot', async () => {
    const h = await makeHarness({ base: makeDatabase(1) });
    const db = makeDatabase(2);
    const files = await makeFeedFiles(db);
    // The JSON text carries "__proto__" as an own key (JSON.parse makes it one), checksummed and signed.
    const polluted = files.get('snapshot-2.json')!.replace('"allowlist":', '"__proto__":{"isAdmin":true},"allowlist":');
    const forged = await makeFeedFiles(db, { snapshotValue: JSON.parse(polluted) });
    h.server.serve(forged);
    await expectRejected(h, 'forbidden-key', 1, /__proto__/);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('prototype-pollution keys in the manifest', async () => {
    const h = await makeHarness({ base: makeDatabase(1) });
    const files = await makeFeedFiles(makeDatabase(2));
    files.set('manifest.json', files.get('manifest.json')!.replace('{', '{"constructor":{"prototype":{"x":1}},'));
    h.server.serve(files);
    await expectRejected(h, 'forbidden-key', 1, /constructor/);
  });

  it('rollback to an older version', async () => {
    const h = await makeHarness({ base: makeDatabase(5) });
    h.server.serve(await makeFeedFiles(makeDatabase(4)));
    await expectRejected(h, 'rollback', 5, /version 4, older than the installed 5/);
  });

  it('a snapshot whose version differs from the manifest', async () => {
    const h = await makeHarness({ base: makeDatabase(1) });
    h.server.serve(
      await makeFeedFiles(makeDatabase(2), {
        editBody: (body) => {
          body.version = 3;
        },
      }),
    );
    await expectRejected(h, 'version-mismatch', 1);
  });
});

describe('runFeedSync: configuration', () => {
  it('a build without a public key refuses updates, keeps the bundled database and says so', async () => {
    const h = await makeHarness({ base: makeDatabase(1), config: { publicKey: '' } });
    h.server.serve(await makeFeedFiles(makeDatabase(2)));
    expect(await runFeedSync(h.deps, true)).toMatchObject({ kind: 'disabled' });
    expect(h.server.requests).toHaveLength(0);
    const status = await readFeedStatus(h.deps);
    expect(status).toMatchObject({ version: 1, source: 'bundled', nextCheck: null, updates: 'no-key', lastError: null });
  });

  it('no feed URL: nothing is fetched and the status says why', async () => {
    const h = await makeHarness({ base: makeDatabase(1), config: { feedUrl: '' } });
    expect(await runFeedSync(h.deps, true)).toMatchObject({ kind: 'disabled' });
    expect(await readFeedStatus(h.deps)).toMatchObject({ updates: 'no-url', lastError: null, nextCheck: null });
  });

  it('a feed URL without a trailing slash is read as a folder', async () => {
    const h = await makeHarness({ base: makeDatabase(1), config: { feedUrl: FEED_URL.slice(0, -1) } });
    h.server.serve(await makeFeedFiles(makeDatabase(2)));
    expect(await runFeedSync(h.deps, true)).toMatchObject({ kind: 'installed', version: 2 });
  });
});

describe('back-off, deduplication and crashes', () => {
  it('backs off exponentially with jitter, capped at a day', async () => {
    expect(computeBackoffMs(1, 0)).toBe(15 * MINUTE);
    expect(computeBackoffMs(1, 0.999)).toBeLessThan(30 * MINUTE);
    expect(computeBackoffMs(3, 0)).toBe(60 * MINUTE);
    expect(computeBackoffMs(30, 0.9)).toBe(24 * HOUR);

    const h = await makeHarness({ base: makeDatabase(1) });
    h.server.route('manifest.json', () => new Response('down', { status: 503 }));
    const waits: number[] = [];
    for (let i = 0; i < 9; i += 1) {
      await runFeedSync(h.deps, false);
      const state = await readFeedState(h.db);
      waits.push((state.nextCheck ?? 0) - h.clock.now);
      expect(h.alarms.at(-1)).toBe(state.nextCheck);
      h.clock.now = state.nextCheck ?? h.clock.now;
    }
    // random 0.5 → 1.5 × 15 min × 2^(n−1): 22.5 min, 45 min, 90 min … then the one-day cap.
    expect(waits.slice(0, 3)).toEqual([22.5 * MINUTE, 45 * MINUTE, 90 * MINUTE]);
    expect(waits.at(-1)).toBe(24 * HOUR);
    expect((await readFeedState(h.db)).failures).toBe(9);

    // One success resets the back-off.
    h.server.serve(await makeFeedFiles(makeDatabase(2)));
    await runFeedSync(h.deps, false);
    expect(await readFeedState(h.db)).toMatchObject({ failures: 0, lastError: null });
  });

  it('concurrent syncs in one worker share one run', async () => {
    const h = await makeHarness({ base: makeDatabase(1) });
    h.server.serve(await makeFeedFiles(makeDatabase(2)));
    const service = createFeedService(h.deps);
    const [a, b, c] = await Promise.all([service.sync(true), service.sync(false), service.sync(true)]);
    expect(a).toEqual({ kind: 'installed', version: 2, via: 'snapshot' });
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(h.server.paths().filter((p) => p === 'manifest.json')).toHaveLength(1);
  });

  it('a lease held by another (restarted) worker blocks a second sync until it expires', async () => {
    const h = await makeHarness({ base: makeDatabase(1) });
    h.server.serve(await makeFeedFiles(makeDatabase(2)));
    expect(await acquireLease(h.db, 'other-worker', h.clock.now)).toBe(true);
    expect(await runFeedSync(h.deps, true)).toEqual({ kind: 'busy' });
    expect(h.server.requests).toHaveLength(0);
    expect(h.alarms).toEqual([]);
    // An alarm-driven run that finds the lease taken looks again when the lease has expired.
    expect(await runFeedSync(h.deps, false)).toEqual({ kind: 'busy' });
    expect(h.alarms).toEqual([h.clock.now + SCHEDULE.leaseMs]);
    h.clock.now += SCHEDULE.leaseMs + 1;
    expect(await runFeedSync(h.deps, true)).toMatchObject({ kind: 'installed', version: 2 });
  });

  it('a worker killed while downloading leaves the database consistent; the next worker finishes the job', async () => {
    const name = 'feed-test-killed-download';
    const first = await makeHarness({ base: makeDatabase(1), db: await openTestDatabase(name) });
    first.server.serve(await makeFeedFiles(makeDatabase(2)));
    let reached!: () => void;
    const atSnapshot = new Promise<void>((resolve) => (reached = resolve));
    first.server.route('snapshot-2.json', () => {
      reached();
      return new Promise<Response>(() => undefined); // the worker dies here: nothing ever settles
    });
    first.deps.timeoutMs = 60_000;
    void runFeedSync(first.deps, false);
    await atSnapshot;
    // "Kill": drop the worker's connection; a new worker opens the same database.
    first.db.close();
    const db = await openTestDatabase(name);
    expect((await db.snapshots.toArray()).map((s) => s.version)).toEqual([1]);
    expect(await db.meta.get(ACTIVE_KEY)).toBeUndefined();
    const second = await makeHarness({ db });
    second.server.serve(await makeFeedFiles(makeDatabase(2)));
    second.clock.now = first.clock.now + MINUTE;
    expect(await runFeedSync(second.deps, true)).toEqual({ kind: 'busy' }); // the dead worker's lease
    second.clock.now = first.clock.now + SCHEDULE.leaseMs + 1;
    expect(await runFeedSync(second.deps, true)).toMatchObject({ kind: 'installed', version: 2 });
    expect(second.published).toHaveLength(1);
  });

  it('a swap aborted inside its transaction changes nothing', async () => {
    const h = await makeHarness({ base: makeDatabase(1) });
    h.server.serve(await makeFeedFiles(makeDatabase(2)));
    // Abort between the two writes of the swap (snapshot stored, active version not yet recorded).
    const failActive = (key: string) => {
      if (key === ACTIVE_KEY) throw new Error('worker killed mid-transaction');
    };
    h.db.meta.hook('creating', failActive);
    const outcome = await runFeedSync(h.deps, true);
    h.db.meta.hook('creating').unsubscribe(failActive);
    expect(outcome).toMatchObject({ kind: 'failed' });
    expect((await h.db.snapshots.toArray()).map((s) => s.version)).toEqual([1]);
    expect(h.published).toEqual([]);
    // The next run installs it.
    h.clock.now = (await readFeedState(h.db)).nextCheck ?? h.clock.now;
    expect(await runFeedSync(h.deps, false)).toMatchObject({ kind: 'installed', version: 2 });
  });

  it('a worker killed after the swap but before publishing still has a consistent database', async () => {
    const h = await makeHarness({ base: makeDatabase(1) });
    h.server.serve(await makeFeedFiles(makeDatabase(2)));
    h.deps.engine.publish = async () => {
      throw new Error('worker killed before publishing');
    };
    await runFeedSync(h.deps, true);
    // Version 2 is active and complete; version 1 is kept as the last good one. engine-store republishes the active
    // database on the next start (ensureEngine), since the published engine is still version 1.
    expect((await h.db.snapshots.toArray()).map((s) => [s.version, s.origin])).toEqual([
      [1, 'bundled'],
      [2, 'feed'],
    ]);
    expect((await h.db.meta.get(ACTIVE_KEY))?.value).toMatchObject({ version: 2 });
  });
});
