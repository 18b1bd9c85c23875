import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { preciseNow } from '../harness/clock.js';
import { seededDraw } from './seeded-draw.js';
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
  /** The `Retry-After` of the outage's 503s, in seconds. @default none: nobody knows when it ends */
  outageRetryAfterS?: number;
  /**
   * Send `RateLimit-Limit`, `RateLimit-Remaining` (whole tokens left after this request) and
   * `RateLimit-Reset` (seconds until the next token, rounded up) on every answer. @default false
   */
  advertiseQuota?: boolean;
  /** Refuse each query's first request with 429 and this `Retry-After` (seconds), then serve it. Off by default. */
  refuseFirstS?: number;
  /**
   * A flaky backend instead of the bucket: each request at random gets 200 (70 %), 500 (10 %),
   * 429 with `Retry-After: 1` (10 %), 503 (5 %) or a reset connection (5 %). @default false
   */
  scattered?: boolean;
  /**
   * With `scattered`: the draw of each answer comes from this seed, the query and the request's
   * attempt number (see `seeded-draw.ts`), so every client meets the same faults. @default none: `Math.random()`
   */
  seed?: number;
}

/** One request as the server saw it. */
export interface RequestRecord {
  /** Arrival, epoch ms (sub-millisecond). */
  at: number;
  path: string;
  /** The query the request belongs to: `<id>` in `/items/<id>`. */
  query: string | undefined;
  /** The how-many-th request of its query this is (1 for the first). */
  attempt: number;
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
 * server.records(); // [{ at, path: '/items/1', query: '1', attempt: 1, status: 200 }]
 */
export async function startBenchServer(options: BenchServerOptions = {}): Promise<BenchServer> {
  const { rateLimit = true, burst = 10, ratePerSecond = 5, outageMs = 0, outageRetryAfterS, advertiseQuota = false, refuseFirstS, scattered = false, seed } = options;
  const attempts = new Map<string | undefined, number>();
  const refusedOnce = new Set<string | undefined>();
  const bucket = createTokenBucket({ burst, ratePerSecond });
  const records: RequestRecord[] = [];
  let firstRequestAt: number | undefined;
  let supportIds = 0;

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const at = preciseNow();
    firstRequestAt ??= at;
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const query = ITEM_PATH.exec(path)?.[1];
    const attempt = (attempts.get(query) ?? 0) + 1;
    attempts.set(query, attempt);
    const record: RequestRecord = { at, path, query, attempt, status: 200 };
    records.push(record);
    const supportId = `bench-${++supportIds}`;

    if (at - firstRequestAt < outageMs) {
      record.status = 503;
      const headers: Record<string, string> = {};
      if (outageRetryAfterS !== undefined) {
        headers['retry-after'] = String(outageRetryAfterS);
        Object.assign(record, { retryAfterS: outageRetryAfterS, allowedAt: at + outageRetryAfterS * 1000 });
      }
      sendJson(response, 503, { status: 503, error: 'Service unavailable', support_id: supportId }, headers);
      return;
    }
    const refuse = (retryAfterS: number, headers: Record<string, string> = {}) => {
      Object.assign(record, { status: 429, retryAfterS, allowedAt: at + retryAfterS * 1000 });
      sendJson(
        response,
        429,
        { status: 429, error: 'Too many requests', support_id: supportId, retry_after: retryAfterS },
        { 'retry-after': String(retryAfterS), ...headers },
      );
    };
    if (scattered) {
      const draw = seed === undefined ? Math.random() : seededDraw(seed, query ?? path, attempt);
      if (draw < 0.7) sendJson(response, 200, { id: query ?? null, ok: true });
      else if (draw < 0.8) {
        record.status = 500;
        sendJson(response, 500, { status: 500, error: 'Internal error', support_id: supportId });
      } else if (draw < 0.9) refuse(1);
      else if (draw < 0.95) {
        record.status = 503;
        sendJson(response, 503, { status: 503, error: 'Service unavailable', support_id: supportId });
      } else {
        record.status = 0;
        request.socket.destroy();
      }
      return;
    }
    if (refuseFirstS !== undefined && !refusedOnce.has(query)) {
      refusedOnce.add(query);
      refuse(refuseFirstS);
      return;
    }
    let quota: Record<string, string> = {};
    if (rateLimit) {
      const taken = bucket.take(at);
      if (advertiseQuota) {
        const left = bucket.tokens(at);
        quota = {
          'ratelimit-limit': String(burst),
          'ratelimit-remaining': String(Math.floor(left)),
          'ratelimit-reset': String(Math.max(1, Math.ceil((1 - (left % 1)) / ratePerSecond))),
        };
      }
      if (!taken.ok) {
        record.tokenAt = taken.tokenAt;
        refuse(Math.max(1, Math.ceil((taken.tokenAt - at) / 1000)), quota);
        return;
      }
    }
    sendJson(response, 200, { id: query ?? null, ok: true }, quota);
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
