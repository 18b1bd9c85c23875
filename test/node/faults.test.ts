import { MutationObserver, QueryClient } from '@tanstack/query-core';
import type { KyInstance } from 'ky';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, apiQueryDefaults, createApiClient, isApiError, type ApiClientOptions, type ApiErrorKind } from '../../src/core/index.js';
// Internal: the gate a client makes for itself, whose state an app sees only through useRateLimitStatus.
import { getRateLimitGate } from '../../src/core/client/create-api-client.js';
import {
  brokenJson,
  cutMidBody,
  html,
  json,
  rateLimitBurst,
  resetConnection,
  slow,
  startFaultServer,
  type FaultServer,
  type RecordedRequest,
} from '../support/fault-server.js';

// Real sockets need real time: delays are kept tiny, Retry-After is 1 s, and every check on
// time is a lower bound (never earlier), which load cannot make flaky.
const FAST_POLICY = { baseDelayMs: 5, maxDelayMs: 20 };
// Only requests to the slow route get a short timeout: the server shares the event loop with
// 40 clients, and connecting them all can take longer than that on a busy machine.
const TIMEOUT_MS = 300;
const SLOW_ROUTES = new Set(['slow']);
const SETTLE_LIMIT_MS = 10_000;

type Outcome = { data: unknown } | { error: unknown };

let server: FaultServer;
let queryClient: QueryClient;
let unhandled: unknown[];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeEach(async () => {
  unhandled = [];
  process.on('unhandledRejection', onUnhandled);
  queryClient = new QueryClient({ defaultOptions: apiQueryDefaults(FAST_POLICY) });
  server = await startFaultServer({
    '/v1/ok': json(200, { ok: true }),
    '/v1/reset': resetConnection(),
    '/v1/cut': cutMidBody(),
    '/v1/slow': slow(3 * TIMEOUT_MS),
    '/v1/html': html(502),
    '/v1/broken': brokenJson(),
    '/v1/fail': json(500, { status: 500, error: 'Internal error', support_id: 'sup-500' }),
    '/v1/limited': rateLimitBurst(2, 1),
    '/v1/limited-once': rateLimitBurst(1, 1),
    '/v1/limited-bare': rateLimitBurst(3, undefined),
  });
});

afterEach(async () => {
  queryClient.clear();
  await server.close();
  // Let rejections of the last tick surface before looking.
  await new Promise((resolve) => setImmediate(resolve));
  process.off('unhandledRejection', onUnhandled);
  expect(unhandled).toEqual([]);
});

function makeClient(options: ApiClientOptions = {}): KyInstance {
  return createApiClient({ prefix: `${server.url}/v1`, apiKey: 'sk_fault_test_key', timeout: 8000, retryPolicy: FAST_POLICY, ...options });
}

function timeoutFor(path: string): number | undefined {
  return SLOW_ROUTES.has(path) ? TIMEOUT_MS : undefined;
}

// fetchQuery rather than query(): every 5.x has it, so this test runs on the lowest query-core too.
function query(client: KyInstance, path: string, op: string): Promise<unknown> {
  return queryClient.fetchQuery({
    queryKey: ['fault', op],
    queryFn: ({ signal }) => client.get(path, { signal, headers: { 'x-op': op }, timeout: timeoutFor(path) }).json(),
  });
}

function mutation(client: KyInstance, path: string, op: string, idempotencyKey?: string): Promise<unknown> {
  const headers: Record<string, string> = { 'x-op': op };
  if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
  const observer = new MutationObserver(queryClient, {
    mutationFn: (body: { op: string }) => client.post(path, { json: body, headers, timeout: timeoutFor(path) }).json(),
  });
  return observer.mutate({ op });
}

/** Settles every operation, or fails naming those still pending after the limit. */
async function settleAll(operations: Array<{ op: string; promise: Promise<unknown> }>): Promise<Map<string, Outcome>> {
  const outcomes = new Map<string, Outcome>();
  const all = Promise.all(
    operations.map(({ op, promise }) =>
      promise.then(
        (data) => outcomes.set(op, { data }),
        (error: unknown) => outcomes.set(op, { error }),
      ),
    ),
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), SETTLE_LIMIT_MS);
  });
  const result = await Promise.race([all, limit]);
  clearTimeout(timer);
  if (result === 'late') {
    const pending = operations.filter(({ op }) => !outcomes.has(op)).map(({ op }) => op);
    throw new Error(`still pending after ${SETTLE_LIMIT_MS} ms: ${pending.join(', ')}`);
  }
  return outcomes;
}

function requestsOf(op: string): RecordedRequest[] {
  return server.requests.filter((request) => request.headers['x-op'] === op);
}

function kindOf(outcome: Outcome | undefined): ApiErrorKind | 'data' | 'not an ApiError' | 'missing' {
  if (!outcome) return 'missing';
  if ('data' in outcome) return 'data';
  return isApiError(outcome.error) && outcome.error instanceof ApiError ? outcome.error.kind : 'not an ApiError';
}

describe('many queries and mutations against a misbehaving server', () => {
  it('settles every one with data or a typed ApiError of the right kind', async () => {
    const client = makeClient();
    // What each route may end in: retries and the budget decide which, never anything else.
    const expected: Record<string, ReadonlyArray<ApiErrorKind | 'data'>> = {
      ok: ['data'],
      reset: ['network'],
      cut: ['network'],
      slow: ['timeout'],
      html: ['server_error'],
      broken: ['invalid_response'],
      fail: ['server_error'],
      limited: ['data', 'rate_limited'],
      'limited-bare': ['data', 'rate_limited'],
    };
    const routes = Object.keys(expected);
    const operations = Array.from({ length: 40 }, (_, i) => {
      const route = routes[i % routes.length]!;
      const op = `${i < 28 ? 'query' : 'mutation'}-${route}-${i}`;
      return { op, route, promise: i < 28 ? query(client, route, op) : mutation(client, route, op) };
    });

    const outcomes = await settleAll(operations);

    expect(outcomes.size).toBe(40);
    const unexpected = operations
      .map(({ op, route }) => ({ op, kind: kindOf(outcomes.get(op)), allowed: expected[route]! }))
      .filter(({ kind, allowed }) => !allowed.includes(kind as ApiErrorKind));
    expect(unexpected).toEqual([]);
  }, 20_000);

  it('never sends a POST twice without an idempotency key, whatever the fault', async () => {
    const client = makeClient();
    const routes = ['reset', 'cut', 'slow', 'html', 'fail'];
    const operations = routes.flatMap((route) =>
      [0, 1].map((n) => {
        const op = `post-${route}-${n}`;
        return { op, route, promise: mutation(client, route, op) };
      }),
    );

    const outcomes = await settleAll(operations);

    for (const { op, route } of operations) {
      expect(kindOf(outcomes.get(op))).not.toBe('data');
      // A request that times out may do so before it reaches the server; none is sent twice.
      const allowed = route === 'slow' ? [0, 1] : [1];
      expect({ op, sent: requestsOf(op).length }).toEqual({ op, sent: expect.toBeOneOf(allowed) });
    }
  }, 20_000);

  it('keeps the method and URL of a POST whose response was cut mid-body', async () => {
    const client = makeClient();
    const outcomes = await settleAll([{ op: 'cut-post', promise: client.post('cut', { json: { a: 1 } }).json() }]);
    const outcome = outcomes.get('cut-post');
    const error = outcome && 'error' in outcome ? (outcome.error as ApiError) : undefined;

    expect(error?.kind).toBe('network');
    // Without them the error reads as a GET, which the retry policy treats as safe to send again.
    expect(error?.method).toBe('POST');
    expect(error?.url).toBe(`${server.url}/v1/cut`);
  });

  it('sends a failing POST again only with its idempotency key, the same key each time', async () => {
    const client = makeClient();
    const outcomes = await settleAll([
      { op: 'keyed-a', promise: mutation(client, 'fail', 'keyed-a', 'idem-a') },
      { op: 'keyed-b', promise: mutation(client, 'fail', 'keyed-b', 'idem-b') },
    ]);

    expect(kindOf(outcomes.get('keyed-a'))).toBe('server_error');
    const sent = [...requestsOf('keyed-a'), ...requestsOf('keyed-b')];
    // Each sends at most its four attempts; fewer once the budget holds retries behind a probe.
    expect(sent.length).toBeGreaterThanOrEqual(4);
    expect(sent.length).toBeLessThanOrEqual(8);
    for (const request of requestsOf('keyed-a')) expect(request.headers['idempotency-key']).toBe('idem-a');
    for (const request of requestsOf('keyed-b')) expect(request.headers['idempotency-key']).toBe('idem-b');
  }, 20_000);
});

describe('the rate-limit gate under a burst of 429s', () => {
  it('sends nothing before the time a 429 with Retry-After gave, then serves every request', async () => {
    let firstLimit: ((error: ApiError) => void) | undefined;
    const limited = new Promise<ApiError>((resolve) => {
      firstLimit = resolve;
    });
    const client = makeClient({ onError: (error) => (error.kind === 'rate_limited' ? firstLimit?.(error) : undefined) });

    const first = { op: 'first', promise: query(client, 'limited-once', 'first') };
    await limited;
    expect(getRateLimitGate(client)?.snapshot().closedUntil).not.toBeNull();
    const sentAt = server.requests[0]!.at;
    const later = Array.from({ length: 24 }, (_, i) => {
      const op = `later-${i}`;
      return { op, promise: i % 3 === 0 ? mutation(client, 'ok', op) : query(client, i % 2 ? 'ok' : 'limited-once', op) };
    });

    const outcomes = await settleAll([first, ...later]);

    expect(server.requests[0]!.headers['x-op']).toBe('first');
    const early = server.requests.slice(1).filter((request) => request.at < sentAt + 1000);
    expect(early.map((request) => `${request.path} ${request.at - sentAt} ms after the 429`)).toEqual([]);
    for (const { op } of [first, ...later]) expect({ op, kind: kindOf(outcomes.get(op)) }).toEqual({ op, kind: 'data' });
  }, 20_000);

  it('holds requests for the backoff after each 429 that gave no wait', async () => {
    // The gate's backoff after the n-th 429 in a row is at least half of 200 ms × 2^(n−1).
    const client = makeClient({ retryPolicy: { baseDelayMs: 200, maxDelayMs: 2000 } });

    const outcomes = await settleAll([{ op: 'bare', promise: query(client, 'limited-bare', 'bare') }]);

    expect(kindOf(outcomes.get('bare'))).toBe('data');
    const arrivals = requestsOf('bare').map((request) => request.at);
    expect(arrivals).toHaveLength(4);
    const gaps = arrivals.slice(1).map((at, i) => at - arrivals[i]!);
    expect(gaps[0]).toBeGreaterThanOrEqual(100);
    expect(gaps[1]).toBeGreaterThanOrEqual(200);
    expect(gaps[2]).toBeGreaterThanOrEqual(400);
  }, 20_000);
});

describe('the retry budget during an outage', () => {
  it('holds the retries of 40 failing queries behind one probe at a time, and fails each with its own last answer', async () => {
    const client = makeClient();
    const operations = Array.from({ length: 40 }, (_, i) => ({ op: `outage-${i}`, promise: query(client, 'fail', `outage-${i}`) }));

    const outcomes = await settleAll(operations);

    for (const { op } of operations) {
      const outcome = outcomes.get(op);
      expect(kindOf(outcome)).toBe('server_error');
      expect(outcome && 'error' in outcome ? outcome.error : undefined).toMatchObject({ supportId: 'sup-500', url: expect.stringContaining('/v1/fail') });
    }
    // Retries alone would make 120: after the budget is spent, the others wait for the probe.
    expect(server.requests.length - 40).toBeGreaterThan(0);
    expect(server.requests.length - 40).toBeLessThan(40);
  }, 20_000);

  it('lets every query use all its retries when the budget is off', async () => {
    const client = makeClient({ retryBudget: false });
    const operations = Array.from({ length: 40 }, (_, i) => ({ op: `no-budget-${i}`, promise: query(client, 'fail', `no-budget-${i}`) }));

    await settleAll(operations);

    expect(server.requests).toHaveLength(160);
  }, 20_000);
});
