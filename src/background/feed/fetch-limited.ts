import { FeedError } from './feed-error';

export interface LimitedResponse {
  status: number;
  /** The body as text ('' for 304). */
  text: string;
  etag: string | null;
  lastModified: string | null;
}

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  headers?: Record<string, string>;
}

/**
 * Fetches `url` and reads its body as UTF-8 text, enforcing a byte limit while the body streams (a lying or absent
 * Content-Length does not help an oversized response through) and one timeout for the whole exchange.
 * Errors are FeedErrors: `unreachable`, `timeout`, `http`, `too-large`, `invalid-json` (not UTF-8).
 */
export async function fetchLimited(fetchFn: typeof fetch, url: string, limits: FetchLimits): Promise<LimitedResponse> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, limits.timeoutMs);
  const fail = (error: unknown): never => {
    if (error instanceof FeedError) throw error;
    if (timedOut) throw new FeedError('timeout', `no complete answer from ${url} within ${limits.timeoutMs} ms`);
    throw new FeedError('unreachable', `cannot reach ${url}: ${error instanceof Error ? error.message : String(error)}`);
  };
  try {
    let response: Response;
    try {
      response = await fetchFn(url, {
        headers: limits.headers,
        signal: controller.signal,
        cache: 'no-store',
        credentials: 'omit',
        redirect: 'follow',
      });
    } catch (error) {
      return fail(error);
    }
    const etag = response.headers.get('etag');
    const lastModified = response.headers.get('last-modified');
    if (response.status === 304) return { status: 304, text: '', etag, lastModified };
    if (!response.ok) {
      void response.body?.cancel().catch(() => undefined);
      throw new FeedError('http', `HTTP ${response.status} for ${url}`);
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > limits.maxBytes) {
      void response.body?.cancel().catch(() => undefined);
      throw new FeedError('too-large', `${url} declares ${declared} bytes, over the ${limits.maxBytes}-byte limit`);
    }
    const bytes = await readAtMost(response, limits.maxBytes, url).catch(fail);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new FeedError('invalid-json', `${url} is not UTF-8 text`);
    }
    return { status: response.status, text, etag, lastModified };
  } finally {
    clearTimeout(timer);
  }
}

async function readAtMost(response: Response, maxBytes: number, url: string): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new FeedError('too-large', `${url} sent more than the ${maxBytes}-byte limit`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
