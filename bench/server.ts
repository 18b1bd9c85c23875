import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { preciseNow } from './clock.js';
import { createTokenBucket } from './token-bucket.js';

/** Settings of the benchmark API server. */
export interface BenchServerOptions {
  /** Rate-limit requests with a token bucket. @default true */
  rateLimit?: boolean;
  /** Requests the bucket lets through at once. @default 10 */
  burst?: number;
  /** Requests per second the bucket refills. @default 5 */
  ratePerSecond?: number;
  /** Answer 503 for this long after the first request, then recover. @default 0 (no outage) */
  outageMs?: number;
}

/** One request as the server saw it. */
export interface RequestRecord {
  /** Arrival, epoch ms (sub-millisecond). */
  at: number;
  path: string;
  /** The query the request belongs to: `<id>` in `/items/<id>`. */
  query: string | undefined;
  status: number;
  /** For a 429: the `Retry-After` sent, in seconds. */
  retryAfterS?: number;
  /** For a 429: the earliest time the answer allowed the next request (`at` + `Retry-After`). */
  allowedAt?: number;
  /** For a 429: when the bucket really had a token again. */
  tokenAt?: number;
}

/** A running benchmark server. */
export interface BenchServer {
  /** Base URL, `http://127.0.0.1:<port>/`. */
  url: string;
  /** Every request so far, in arrival order. */
  records(): RequestRecord[];
  close(): Promise<void>;
}

const ITEM_PATH = /^\/items\/([\w-]+)$/;

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

/**
 * Starts the API the benchmarks run against, on 127.0.0.1 and a free port. It follows the API's
 * error contract: a 429 carries `{status, error, support_id, retry_after}` and a `Retry-After`
 * header, both in whole seconds rounded up to when the bucket has a token again.
 *
 * @example
 * const server = await startBenchServer({ burst: 10, ratePerSecond: 5 });
 * await fetch(new URL('items/1', server.url));
 * server.records(); // [{ at, path: '/items/1', query: '1', status: 200 }]
 */
export async function startBenchServer(options: BenchServerOptions = {}): Promise<BenchServer> {
  const { rateLimit = true, burst = 10, ratePerSecond = 5, outageMs = 0 } = options;
  const bucket = createTokenBucket({ burst, ratePerSecond });
  const records: RequestRecord[] = [];
  let firstRequestAt: number | undefined;
  let supportIds = 0;

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const at = preciseNow();
    firstRequestAt ??= at;
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const query = ITEM_PATH.exec(path)?.[1];
    const record: RequestRecord = { at, path, query, status: 200 };
    records.push(record);
    const supportId = `bench-${++supportIds}`;

    if (at - firstRequestAt < outageMs) {
      record.status = 503;
      sendJson(response, 503, { status: 503, error: 'Service unavailable', support_id: supportId });
      return;
    }
    if (rateLimit) {
      const taken = bucket.take(at);
      if (!taken.ok) {
        const retryAfterS = Math.max(1, Math.ceil((taken.tokenAt - at) / 1000));
        Object.assign(record, { status: 429, retryAfterS, allowedAt: at + retryAfterS * 1000, tokenAt: taken.tokenAt });
        sendJson(
          response,
          429,
          { status: 429, error: 'Too many requests', support_id: supportId, retry_after: retryAfterS },
          { 'retry-after': String(retryAfterS) },
        );
        return;
      }
    }
    sendJson(response, 200, { id: query ?? null, ok: true });
  };

  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    records: () => records,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
