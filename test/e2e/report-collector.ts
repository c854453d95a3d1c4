/**
 * A loopback report collector for the E2E tests: it stores reports like a real endpoint would (deduplicating by the
 * `Idempotency-Key` header) and can be switched to "unavailable" (503) or "down" (connection refused).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedReport {
  key: string;
  body: Record<string, unknown>;
  status: number;
  at: number;
}

export type CollectorMode = 'up' | 'unavailable' | 'down';

export interface ReportCollector {
  /** e.g. http://127.0.0.1:40123/v1/reports */
  url: string;
  /** Every POST that reached the collector (accepted or not). */
  requests: ReceivedReport[];
  /** Reports stored, by idempotency key (a duplicate key is answered 200 and not stored again). */
  accepted: Map<string, Record<string, unknown>>;
  setMode(mode: CollectorMode): Promise<void>;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startReportCollector(): Promise<ReportCollector> {
  const requests: ReceivedReport[] = [];
  const accepted = new Map<string, Record<string, unknown>>();
  let mode: CollectorMode = 'up';

  const server: Server = createServer(async (req, res) => {
    if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://x').pathname !== '/v1/reports') {
      res.writeHead(404).end();
      return;
    }
    const key = String(req.headers['idempotency-key'] ?? '');
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(await readBody(req)) as Record<string, unknown>;
    } catch {
      requests.push({ key, body: {}, status: 400, at: Date.now() });
      res.writeHead(400, { 'content-type': 'text/plain' }).end('body is not JSON');
      return;
    }
    if (mode === 'unavailable') {
      requests.push({ key, body, status: 503, at: Date.now() });
      res.writeHead(503, { 'content-type': 'text/plain' }).end('collector unavailable');
      return;
    }
    if (!key || body.id !== key || body.schema !== 'canh-giac.report/1') {
      requests.push({ key, body, status: 422, at: Date.now() });
      res.writeHead(422, { 'content-type': 'text/plain' }).end('missing Idempotency-Key or schema');
      return;
    }
    const duplicate = accepted.has(key);
    if (!duplicate) accepted.set(key, body);
    requests.push({ key, body, status: duplicate ? 200 : 201, at: Date.now() });
    res.writeHead(duplicate ? 200 : 201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: key, duplicate }));
  });

  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;

  const stop = () =>
    new Promise<void>((done) => {
      if (!server.listening) return done();
      server.close(() => done());
      server.closeAllConnections();
    });

  return {
    url: `http://127.0.0.1:${port}/v1/reports`,
    requests,
    accepted,
    async setMode(next) {
      mode = next;
      if (next === 'down') await stop();
      else if (!server.listening) await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
    },
    close: stop,
  };
}
