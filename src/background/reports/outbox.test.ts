import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CanhGiacDatabase } from '@/src/background/database';
import type { ReportPayload } from '@/src/shared/messages';
import {
  classifyResponse,
  computeBackoff,
  createOutbox,
  DEFAULT_BACKOFF,
  NO_ENDPOINT_ERROR,
  parseRetryAfter,
  type FetchLike,
  type OutboxDeps,
} from './outbox';

const ENDPOINT = 'https://reports.example.org/v1/reports';
let dbCounter = 0;
let db: CanhGiacDatabase;

function makePayload(n: number): ReportPayload {
  return {
    schema: 'canh-giac.report/1',
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    createdAt: '2026-11-29T10:00:00.000Z',
    subject: 'page',
    url: `https://scam-${n}.example/`,
    title: 'Việc nhẹ lương cao',
    family: 'job-task',
    indicators: [],
    extensionVersion: '0.1.0',
    dbVersion: 1,
  };
}

/** A fake endpoint: answers from a script of statuses (last one repeats), dedupes by Idempotency-Key like a real one. */
function makeCollector(script: (number | 'refuse' | 'hang')[]) {
  const requests: { key: string; body: ReportPayload }[] = [];
  const accepted = new Set<string>();
  let call = 0;
  const fetch: FetchLike = async (url, init) => {
    expect(url).toBe(ENDPOINT);
    const step = script[Math.min(call++, script.length - 1)];
    if (step === 'refuse') throw new TypeError('Failed to fetch');
    if (step === 'hang') return new Promise<Response>(() => undefined);
    const headers = new Headers(init.headers);
    const key = headers.get('idempotency-key') ?? '';
    requests.push({ key, body: JSON.parse(String(init.body)) as ReportPayload });
    if (step !== undefined && step >= 200 && step < 300) accepted.add(key);
    return new Response(step === 400 ? 'bad field: url' : '', { status: step ?? 500 });
  };
  return { fetch, requests, accepted, calls: () => call };
}

function makeClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

function makeDeps(overrides: Partial<OutboxDeps> & Pick<OutboxDeps, 'fetch' | 'now'>): OutboxDeps & { wakes: (number | null)[] } {
  const wakes: (number | null)[] = [];
  return {
    db,
    random: () => 0,
    endpoint: async () => ENDPOINT,
    wakeAt: async (at) => void wakes.push(at),
    wakes,
    ...overrides,
  };
}

beforeEach(async () => {
  db = new CanhGiacDatabase(`outbox-test-${++dbCounter}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('computeBackoff', () => {
  it('doubles each attempt up to the cap', () => {
    const delays = [1, 2, 3, 4].map((a) => computeBackoff(a, () => 0));
    expect(delays).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect(computeBackoff(40, () => 0)).toBe(DEFAULT_BACKOFF.maxMs);
  });
  it('takes up to half off at random (jitter) and never goes below half', () => {
    expect(computeBackoff(3, () => 1)).toBe(20_000);
    expect(computeBackoff(3, () => 0.5)).toBe(30_000);
  });
});

describe('classifyResponse', () => {
  it.each([
    [200, 'sent'],
    [201, 'sent'],
    [202, 'sent'],
    [400, 'rejected'],
    [404, 'rejected'],
    [413, 'rejected'],
    [422, 'rejected'],
    [408, 'retry'],
    [429, 'retry'],
    [500, 'retry'],
    [502, 'retry'],
    [503, 'retry'],
  ] as const)('HTTP %i → %s', (status, kind) => {
    expect(classifyResponse(status, '', null, 0).kind).toBe(kind);
  });
  it('keeps the reason of a rejection', () => {
    expect(classifyResponse(422, 'url: required', null, 0)).toEqual({ kind: 'rejected', reason: 'HTTP 422: url: required' });
  });
  it('reads Retry-After as seconds or a date', () => {
    expect(parseRetryAfter('120', 0)).toBe(120_000);
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:01:00 GMT', 0)).toBe(60_000);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
    expect(classifyResponse(503, '', '30', 0)).toMatchObject({ kind: 'retry', retryAfterMs: 30_000 });
  });
});

describe('outbox', () => {
  it('delivers a stored report once, with its id as the Idempotency-Key and the payload unchanged', async () => {
    const clock = makeClock();
    const collector = makeCollector([201]);
    const outbox = createOutbox(makeDeps({ fetch: collector.fetch, now: clock.now }));
    await outbox.enqueue(makePayload(1));
    const run = await outbox.deliverDue();
    expect(run.sent).toEqual([makePayload(1).id]);
    expect(collector.requests).toEqual([{ key: makePayload(1).id, body: makePayload(1) }]);
    const record = await db.reports.get(makePayload(1).id);
    expect(record).toMatchObject({ state: 'sent', attempts: 1, sentAt: clock.now(), lastError: null });
    // Nothing more to send: another run sends nothing.
    await outbox.deliverDue();
    expect(collector.requests).toHaveLength(1);
  });

  it('stores the same report once however often it is submitted (idempotent enqueue)', async () => {
    const outbox = createOutbox(makeDeps({ fetch: makeCollector([201]).fetch, now: makeClock().now }));
    await outbox.enqueue(makePayload(1));
    await outbox.enqueue({ ...makePayload(1), note: 'changed' });
    expect(await db.reports.count()).toBe(1);
    expect((await db.reports.get(makePayload(1).id))?.payload).not.toHaveProperty('note');
  });

  it('retries a 5xx with exponential backoff and delivers when the endpoint recovers', async () => {
    const clock = makeClock();
    const collector = makeCollector([503, 'refuse', 500, 202]);
    const deps = makeDeps({ fetch: collector.fetch, now: clock.now });
    const outbox = createOutbox(deps);
    const { id } = await outbox.enqueue(makePayload(1));
    const start = clock.now();

    expect((await outbox.deliverDue()).retrying).toEqual([id]);
    let record = await db.reports.get(id);
    expect(record).toMatchObject({ state: 'pending', attempts: 1, nextAttemptAt: start + 10_000, lastError: 'HTTP 503' });
    expect(deps.wakes.at(-1)).toBe(start + 10_000);

    // Not due yet: nothing is attempted.
    clock.advance(9_999);
    await outbox.deliverDue();
    expect(collector.calls()).toBe(1);

    clock.advance(1);
    await outbox.deliverDue();
    record = await db.reports.get(id);
    expect(record).toMatchObject({ attempts: 2, nextAttemptAt: clock.now() + 20_000 });
    expect(record?.lastError).toMatch(/^network: /);

    clock.advance(20_000);
    await outbox.deliverDue();
    expect(await db.reports.get(id)).toMatchObject({ attempts: 3, nextAttemptAt: clock.now() + 40_000, lastError: 'HTTP 500' });

    clock.advance(40_000);
    await outbox.deliverDue();
    expect(await db.reports.get(id)).toMatchObject({ state: 'sent', attempts: 4 });
    expect(collector.accepted).toEqual(new Set([id]));
    expect(new Set(collector.requests.map((r) => r.key))).toEqual(new Set([id]));
    expect(deps.wakes.at(-1)).toBeNull();
  });

  it('waits at least Retry-After when the endpoint asks for it', async () => {
    const clock = makeClock();
    const fetch: FetchLike = async () => new Response('', { status: 429, headers: { 'retry-after': '3600' } });
    const outbox = createOutbox(makeDeps({ fetch, now: clock.now }));
    const { id } = await outbox.enqueue(makePayload(1));
    await outbox.deliverDue();
    expect((await db.reports.get(id))?.nextAttemptAt).toBe(clock.now() + 3_600_000);
  });

  it('marks a 4xx rejection failed with the reason and never retries it on its own', async () => {
    const clock = makeClock();
    const collector = makeCollector([400]);
    const outbox = createOutbox(makeDeps({ fetch: collector.fetch, now: clock.now }));
    const { id } = await outbox.enqueue(makePayload(1));
    expect((await outbox.deliverDue()).failed).toEqual([id]);
    expect(await db.reports.get(id)).toMatchObject({ state: 'failed', lastError: 'HTTP 400: bad field: url', nextAttemptAt: 0 });
    clock.advance(DEFAULT_BACKOFF.maxMs * 10);
    await outbox.deliverDue();
    expect(collector.calls()).toBe(1);
  });

  it('lets the person retry a failed report, with the same key', async () => {
    const clock = makeClock();
    const collector = makeCollector([400, 200]);
    const outbox = createOutbox(makeDeps({ fetch: collector.fetch, now: clock.now }));
    const { id } = await outbox.enqueue(makePayload(1));
    await outbox.deliverDue();
    const record = await outbox.retryNow(id);
    expect(record.state).toBe('sent');
    expect(collector.requests.map((r) => r.key)).toEqual([id, id]);
  });

  it('survives a worker killed mid-request: a new outbox on the same database retries with the same key', async () => {
    const clock = makeClock();
    // The first worker's request goes out, the endpoint stores it, and the worker dies before reading the answer.
    const first = makeCollector(['hang']);
    const killed = createOutbox(makeDeps({ fetch: first.fetch, now: clock.now, timeoutMs: 60_000 }));
    const { id } = await killed.enqueue(makePayload(7));
    void killed.deliverDue();
    await expect.poll(async () => (await db.reports.get(id))?.attempts).toBe(1);
    const inFlight = await db.reports.get(id);
    expect(inFlight).toMatchObject({ state: 'pending', attempts: 1 });
    expect(inFlight!.nextAttemptAt).toBeGreaterThan(clock.now());

    // The browser restarts: a new database connection and a new outbox. Before the scheduled retry nothing is sent
    // (the old attempt may still be in flight); at the scheduled time it is delivered with the same key.
    const reopened = new CanhGiacDatabase(db.name);
    await reopened.open();
    const second = makeCollector([200]);
    const deps = makeDeps({ fetch: second.fetch, now: clock.now, db: reopened });
    const restarted = createOutbox(deps);
    await restarted.scheduleWake();
    expect(deps.wakes.at(-1)).toBe(inFlight!.nextAttemptAt);
    await restarted.deliverDue();
    expect(second.calls()).toBe(0);
    clock.advance(10_000);
    await restarted.deliverDue();
    expect(second.requests.map((r) => r.key)).toEqual([id]);
    expect(await reopened.reports.get(id)).toMatchObject({ state: 'sent', attempts: 2 });
    reopened.close();
  });

  it('keeps reports when the database is closed and reopened between enqueue and delivery (browser restart)', async () => {
    const clock = makeClock();
    const outbox = createOutbox(makeDeps({ fetch: makeCollector([503]).fetch, now: clock.now }));
    await outbox.enqueue(makePayload(1));
    await outbox.enqueue(makePayload(2));
    db.close();
    await db.open();
    const collector = makeCollector([200]);
    const restarted = createOutbox(makeDeps({ fetch: collector.fetch, now: clock.now }));
    const run = await restarted.deliverDue();
    expect(run.sent.sort()).toEqual([makePayload(1).id, makePayload(2).id]);
    expect(collector.accepted.size).toBe(2);
  });

  it('never sends one attempt twice when deliveries overlap (alarm and submit at once; two workers)', async () => {
    const clock = makeClock();
    const collector = makeCollector([200]);
    const a = createOutbox(makeDeps({ fetch: collector.fetch, now: clock.now }));
    const b = createOutbox(makeDeps({ fetch: collector.fetch, now: clock.now }));
    await a.enqueue(makePayload(1));
    await a.enqueue(makePayload(2));
    await Promise.all([a.deliverDue(), a.deliverDue(), b.deliverDue()]);
    expect(collector.requests.map((r) => r.key).sort()).toEqual([makePayload(1).id, makePayload(2).id]);
  });

  it('keeps reports waiting (no attempt counted) while no endpoint is configured, then sends them', async () => {
    const clock = makeClock();
    let endpoint = '';
    const collector = makeCollector([200]);
    const deps = makeDeps({ fetch: collector.fetch, now: clock.now, endpoint: async () => endpoint });
    const outbox = createOutbox(deps);
    const { id } = await outbox.enqueue(makePayload(1));
    expect((await outbox.deliverDue()).noEndpoint).toBe(true);
    expect(await db.reports.get(id)).toMatchObject({ state: 'pending', attempts: 0, lastError: NO_ENDPOINT_ERROR });
    expect(deps.wakes.at(-1)).toBeNull();
    endpoint = ENDPOINT;
    await outbox.deliverDue();
    expect(await db.reports.get(id)).toMatchObject({ state: 'sent', attempts: 1 });
  });

  it('lists reports newest first', async () => {
    const clock = makeClock();
    const outbox = createOutbox(makeDeps({ fetch: makeCollector([200]).fetch, now: clock.now }));
    await outbox.enqueue(makePayload(1));
    clock.advance(5);
    await outbox.enqueue(makePayload(2));
    expect((await outbox.list()).map((r) => r.id)).toEqual([makePayload(2).id, makePayload(1).id]);
  });
});
