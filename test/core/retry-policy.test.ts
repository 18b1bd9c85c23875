import { setTimeout as realSleep } from 'node:timers/promises';
import { MutationObserver, QueryClient } from '@tanstack/query-core';
import { describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  apiQueryDefaults,
  createApiClient,
  createRetryPolicy,
  getScheduledRetry,
  type ApiErrorInit,
} from '../../src/core/index.js';
// Internal: the client's own gate, and the final mark that stopRetrying() sets through the hooks.
import { getRateLimitGate } from '../../src/core/client/create-api-client.js';
import { stopRetrying } from '../../src/core/retry/failure-record.js';
import { replyJson, useLocalServer } from '../support/local-server.js';
import { passTimeUntil, useMovingFakeClock } from '../support/moving-fake-clock.js';
import { NOW } from '../support/now.js';

function failure(init: ApiErrorInit & { idempotencyKey?: boolean } = {}): ApiError {
  const { idempotencyKey, ...rest } = init;
  const method = rest.method ?? 'GET';
  return new ApiError({
    receivedAt: NOW,
    ...rest,
    request: {
      method,
      url: 'https://api.example.com/v1/orders',
      headers: idempotencyKey ? [['idempotency-key', 'key-1']] : [['accept', 'application/json']],
      hadAuthorization: false,
    },
  });
}

describe('retry: what is retried', () => {
  const { retry } = createRetryPolicy();

  it.each([408, 429, 500, 502, 503, 504, 520, 522, 599])('retries a GET answered %i', (status) => {
    expect(retry(0, failure({ status }))).toBe(true);
  });

  it('retries network failures and timeouts of a GET', () => {
    expect(retry(0, failure({ kind: 'network' }))).toBe(true);
    expect(retry(0, failure({ kind: 'timeout' }))).toBe(true);
  });

  it.each([400, 401, 403, 404, 406, 409, 422])('never retries %i', (status) => {
    expect(retry(0, failure({ status }))).toBe(false);
    expect(retry(0, failure({ status, method: 'PUT' }))).toBe(false);
  });

  it('never retries aborts, invalid responses or unknown errors', () => {
    expect(retry(0, failure({ kind: 'aborted' }))).toBe(false);
    expect(retry(0, failure({ status: 200, kind: 'invalid_response', retryable: false }))).toBe(false);
    expect(retry(0, new Error('bug in the app'))).toBe(false);
    expect(retry(0, 'thrown string')).toBe(false);
  });

  it('maps errors that are not ApiErrors before deciding', () => {
    expect(retry(0, new TypeError('fetch failed'))).toBe(true);
  });

  it('never waits a time that is no time for an object shaped like a rate-limited ApiError', () => {
    const forged = { name: 'ApiError', kind: 'rate_limited', status: 429, message: 'Slow down', retryable: true, retryAfterMs: 5000 };
    const { retry, retryDelay } = createRetryPolicy({ random: () => 0 });
    expect(retry(0, forged)).toBe(true);
    expect(retryDelay(0, forged)).toBeGreaterThanOrEqual(4000);
  });

  it('honours a Cloudflare retryable: false', () => {
    expect(retry(0, failure({ status: 500, retryable: false }))).toBe(false);
  });

  it('retries at most 3 times', () => {
    const error = failure({ status: 500 });
    expect([0, 1, 2, 3, 4].map((failureCount) => retry(failureCount, error))).toEqual([true, true, true, false, false]);
    expect(createRetryPolicy().options.maxRetries).toBe(3);
    expect(createRetryPolicy({ maxRetries: 1 }).retry(1, error)).toBe(false);
  });

  it('does not retry a server-given wait longer than 5 minutes', () => {
    expect(retry(0, failure({ status: 429, retryAfterMs: 300_000 }))).toBe(true);
    expect(retry(0, failure({ status: 429, retryAfterMs: 300_001 }))).toBe(false);
    expect(retry(0, failure({ status: 503, retryAfterMs: 3_600_000 }))).toBe(false);
  });

  it('never retries a failure marked final', () => {
    const error = failure({ status: 503 });
    stopRetrying(error);
    expect(retry(0, error)).toBe(false);
  });
});

describe('retry: methods that change things', () => {
  const { retry } = createRetryPolicy();

  it('retries a 429 for any method: the server did nothing', () => {
    for (const method of ['POST', 'PATCH', 'PUT', 'DELETE']) expect(retry(0, failure({ status: 429, method }))).toBe(true);
  });

  it('retries a 503 with a wait for any method, but not a POST 503 without one', () => {
    expect(retry(0, failure({ status: 503, method: 'POST', retryAfterMs: 2_000 }))).toBe(true);
    expect(retry(0, failure({ status: 503, method: 'POST' }))).toBe(false);
  });

  it.each(['POST', 'PATCH'])('does not retry a %s that failed with a 500, a network failure or a timeout', (method) => {
    expect(retry(0, failure({ status: 500, method }))).toBe(false);
    expect(retry(0, failure({ status: 502, method }))).toBe(false);
    expect(retry(0, failure({ kind: 'network', method }))).toBe(false);
    expect(retry(0, failure({ kind: 'timeout', method }))).toBe(false);
  });

  it('retries those failures for idempotent methods', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']) {
      expect(retry(0, failure({ status: 500, method }))).toBe(true);
      expect(retry(0, failure({ kind: 'network', method }))).toBe(true);
    }
  });

  it('retries them for a POST that carries an Idempotency-Key', () => {
    expect(retry(0, failure({ status: 500, method: 'POST', idempotencyKey: true }))).toBe(true);
    expect(retry(0, failure({ kind: 'network', method: 'POST', idempotencyKey: true }))).toBe(true);
    expect(retry(0, failure({ kind: 'timeout', method: 'PATCH', idempotencyKey: true }))).toBe(true);
  });
});

describe('retryDelay', () => {
  it('backs off d = min(30 s, 1 s × 2^(n−1)) for the n-th retry, drawn from [d/2, d]', () => {
    const low = createRetryPolicy({ random: () => 0, now: () => NOW });
    const high = createRetryPolicy({ random: () => 0.999_999, now: () => NOW });
    const error = failure({ status: 500 });
    const ceilings = [1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000];
    ceilings.forEach((ceiling, failureCount) => {
      expect(low.retryDelay(failureCount, error)).toBe(ceiling / 2);
      expect(high.retryDelay(failureCount, error)).toBe(ceiling);
    });
    expect(createRetryPolicy({ random: () => 0.5 }).retryDelay(0, error)).toBe(750);
  });

  it('spreads the backoff uniformly over [d/2, d] with the default randomness', () => {
    const { retryDelay } = createRetryPolicy();
    const delays = Array.from({ length: 400 }, () => retryDelay(0, failure({ status: 503 })));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(500);
    expect(Math.max(...delays)).toBeLessThanOrEqual(1_000);
    expect(delays.filter((delay) => delay < 750).length).toBeGreaterThan(100);
    expect(delays.filter((delay) => delay >= 750).length).toBeGreaterThan(100);
  });

  it('waits exactly the server-given time, at most 2.5% later by default (a quarter of the 10% allowed)', () => {
    const error = failure({ status: 429, retryAfterMs: 10_000 });
    expect(createRetryPolicy({ random: () => 0, now: () => NOW }).retryDelay(0, error)).toBe(10_000);
    expect(createRetryPolicy({ random: () => 0.999_999, now: () => NOW }).retryDelay(0, error)).toBe(10_250);
    expect(createRetryPolicy({ random: () => 0.5, now: () => NOW }).retryDelay(2, error)).toBe(10_125);
  });

  it('spreads a server-given wait by serverWaitSpread', () => {
    const error = failure({ status: 429, retryAfterMs: 10_000 });
    expect(createRetryPolicy({ random: () => 0.999_999, now: () => NOW, serverWaitSpread: 0.1 }).retryDelay(0, error)).toBe(11_000);
    expect(createRetryPolicy({ random: () => 0.999_999, now: () => NOW, serverWaitSpread: 0 }).retryDelay(0, error)).toBe(10_000);
  });

  it('measures the server-given wait from when the failure arrived, never leaving earlier', () => {
    const error = failure({ status: 503, retryAfterMs: 10_000 });
    expect(createRetryPolicy({ random: () => 0, now: () => NOW + 4_000 }).retryDelay(0, error)).toBe(6_000);
    expect(createRetryPolicy({ random: () => 0, now: () => NOW + 15_000 }).retryDelay(0, error)).toBe(0);
  });
});

describe('getScheduledRetry', () => {
  // react-query asks `retryDelay` first and `retry` right after: this is the order these follow.
  function fail(policy: ReturnType<typeof createRetryPolicy>, failureCount: number, error: unknown): number {
    const delay = policy.retryDelay(failureCount, error);
    policy.retry(failureCount, error);
    return delay;
  }

  it('records {at, attempt, maxAttempts} with attempt = failureCount + 2 and maxAttempts 4', () => {
    const policy = createRetryPolicy({ random: () => 0, now: () => NOW });
    const error = failure({ status: 500 });
    expect(getScheduledRetry(error)).toBeUndefined();
    const delay = fail(policy, 0, error);
    expect(getScheduledRetry(error)).toMatchObject({ at: NOW + delay, attempt: 2, maxAttempts: 4, serverGiven: false });
    fail(policy, 2, error);
    expect(getScheduledRetry(error)).toMatchObject({ at: NOW + 2_000, attempt: 4, maxAttempts: 4 });
  });

  it('shows nothing between retryDelay and the retry decision, nor when another retry said no', async () => {
    const policy = createRetryPolicy({ random: () => 0, now: () => NOW });
    const error = failure({ status: 429, retryAfterMs: 2_000 });
    policy.retryDelay(0, error);
    expect(getScheduledRetry(error)).toBeUndefined();
    policy.retry(0, error);
    expect(getScheduledRetry(error)).toMatchObject({ attempt: 2, serverGiven: true });

    // A query with a retry of its own that says no: react-query asks the policy's retryDelay, then
    // that retry, and never the policy's.
    const refused = failure({ status: 429, retryAfterMs: 2_000 });
    const asked: number[] = [];
    const queryClient = new QueryClient();
    await expect(
      queryClient.fetchQuery({
        queryKey: ['refused-by-its-own-retry'],
        queryFn: () => Promise.reject(refused),
        retryDelay: (failureCount, thrown) => {
          asked.push(failureCount);
          return policy.retryDelay(failureCount, thrown);
        },
        retry: () => false,
      }),
    ).rejects.toBe(refused);
    queryClient.clear();
    expect(asked).toEqual([0]);
    expect(getScheduledRetry(refused)).toBeUndefined();
  });

  it('ignores a retry decision about another failure count than the one the delay was for', () => {
    const policy = createRetryPolicy({ random: () => 0, now: () => NOW });
    const error = failure({ status: 500 });
    policy.retryDelay(1, error);
    policy.retry(0, error);
    expect(getScheduledRetry(error)).toBeUndefined();
  });

  it('marks a server-given time so that nothing may shorten it', () => {
    const policy = createRetryPolicy({ random: () => 0, now: () => NOW });
    const error = failure({ status: 429, retryAfterMs: 3_000 });
    fail(policy, 0, error);
    expect(getScheduledRetry(error)).toMatchObject({ at: NOW + 3_000, attempt: 2, serverGiven: true, since: NOW });
  });

  it('records nothing when no retry follows', () => {
    const policy = createRetryPolicy();
    const notFound = failure({ status: 404 });
    fail(policy, 0, notFound);
    expect(getScheduledRetry(notFound)).toBeUndefined();
    const exhausted = failure({ status: 500 });
    fail(policy, 3, exhausted);
    expect(getScheduledRetry(exhausted)).toBeUndefined();
    expect(getScheduledRetry(null)).toBeUndefined();
    expect(getScheduledRetry('error')).toBeUndefined();
  });

  it('says how many attempts a custom policy allows', () => {
    const error = failure({ status: 500 });
    fail(createRetryPolicy({ maxRetries: 5 }), 0, error);
    expect(getScheduledRetry(error)).toMatchObject({ attempt: 2, maxAttempts: 6 });
  });
});

describe('apiQueryDefaults', () => {
  it('puts the same retry and retryDelay on queries and mutations', () => {
    const defaults = apiQueryDefaults();
    expect(typeof defaults.queries?.retry).toBe('function');
    expect(defaults.queries?.retry).toBe(defaults.mutations?.retry);
    expect(defaults.queries?.retryDelay).toBe(defaults.mutations?.retryDelay);
  });
});

describe('the policy in a QueryClient against a real server', () => {
  const server = useLocalServer();
  const clock = useMovingFakeClock();
  let queryClient: QueryClient | undefined;

  function setup(options: Parameters<typeof createApiClient>[0] = {}, random = () => 0.5) {
    queryClient = clock.start(apiQueryDefaults({ random }));
    return createApiClient({ prefix: server.url, ...options });
  }

  it('recovers from a flaky 500 on the third try, waiting the recorded backoff between tries', async () => {
    const client = setup();
    server.handle((_request, response) => {
      if (server.requests.length < 3) replyJson(response, 500, { status: 500, error: 'flaky', support_id: `f${server.requests.length}` });
      else replyJson(response, 200, { orders: [1, 2, 3] });
    });
    const schedules: Array<ReturnType<typeof getScheduledRetry>> = [];
    queryClient!.getQueryCache().subscribe((event) => {
      const reason = event.query.state.fetchFailureReason;
      const schedule = getScheduledRetry(reason);
      if (schedule && !schedules.includes(schedule)) schedules.push(schedule);
    });
    let result: unknown;
    void queryClient!.fetchQuery({ queryKey: ['orders'], queryFn: ({ signal }) => client.get('orders', { signal }).json() }).then((data) => {
      result = data;
    });
    await passTimeUntil(() => result !== undefined);
    expect(result).toEqual({ orders: [1, 2, 3] });
    expect(server.requests).toHaveLength(3);
    // random 0.5: the first retry waits 750 ms, the second 1500 ms.
    expect(schedules.map((schedule) => schedule && { attempt: schedule.attempt, maxAttempts: schedule.maxAttempts })).toEqual([
      { attempt: 2, maxAttempts: 4 },
      { attempt: 3, maxAttempts: 4 },
    ]);
    const gaps = [server.requests[1]!.at - server.requests[0]!.at, server.requests[2]!.at - server.requests[1]!.at];
    expect(gaps[0]).toBeGreaterThanOrEqual(750);
    expect(gaps[1]).toBeGreaterThanOrEqual(1_500);
    server.requests.slice(1).forEach((request, index) => expect(request.at).toBeGreaterThanOrEqual(schedules[index]!.at));
    expect(gaps[0]).toBeLessThan(750 + 400);
    expect(gaps[1]).toBeLessThan(1_500 + 400);
  });

  it('gives up after 4 attempts of a GET that always fails', async () => {
    const client = setup();
    server.handle((_request, response) => replyJson(response, 502, { status: 502, error: 'bad gateway', support_id: 'g' }));
    let failed: unknown;
    void queryClient!.fetchQuery({ queryKey: ['down'], queryFn: () => client.get('down').json() }).catch((error: unknown) => {
      failed = error;
    });
    await passTimeUntil(() => failed !== undefined);
    expect(failed).toMatchObject({ kind: 'server_error', status: 502 });
    expect(server.requests).toHaveLength(4);
  });

  it('waits the Retry-After of a 429 before retrying, never earlier', async () => {
    const client = setup();
    server.handle((_request, response) => {
      if (server.requests.length === 1) replyJson(response, 429, { status: 429, error: 'slow', support_id: 'r' }, { 'retry-after': '3' });
      else replyJson(response, 200, { ok: 1 });
    });
    let result: unknown;
    void queryClient!.fetchQuery({ queryKey: ['limited'], queryFn: () => client.get('limited').json() }).then((data) => {
      result = data;
    });
    await passTimeUntil(() => result !== undefined);
    expect(server.requests).toHaveLength(2);
    const gap = server.requests[1]!.at - server.requests[0]!.at;
    expect(gap).toBeGreaterThanOrEqual(3_000);
    expect(gap).toBeLessThan(3_000 * 1.1 + 400);
    getRateLimitGate(client)!.dispose();
  });

  it('sends a failing POST without an idempotency key once', async () => {
    const client = setup({ gate: false });
    server.handle((_request, response) => replyJson(response, 500, { status: 500, error: 'charge failed', support_id: 'p' }));
    const observer = new MutationObserver(queryClient!, { mutationFn: () => client.post('payments', { json: { amount: 10 } }).json() });
    let failed: unknown;
    void observer.mutate().catch((error: unknown) => {
      failed = error;
    });
    await passTimeUntil(() => failed !== undefined);
    await vi.advanceTimersByTimeAsync(10_000);
    await realSleep(20);
    expect(failed).toMatchObject({ kind: 'server_error', method: 'POST' });
    expect(server.requests).toHaveLength(1);
  });

  it('retries a failing POST that carries an Idempotency-Key, with the same key', async () => {
    const client = setup({ gate: false });
    server.handle((_request, response) => replyJson(response, 500, { status: 500, error: 'charge failed', support_id: 'p' }));
    const observer = new MutationObserver(queryClient!, {
      mutationFn: () => client.post('payments', { json: { amount: 10 }, headers: { 'idempotency-key': 'pay-123' } }).json(),
    });
    let failed: unknown;
    void observer.mutate().catch((error: unknown) => {
      failed = error;
    });
    await passTimeUntil(() => failed !== undefined);
    expect(server.requests).toHaveLength(4);
    expect(new Set(server.requests.map((request) => request.headers['idempotency-key']))).toEqual(new Set(['pay-123']));
  });

  it('retries a POST refused with 429 or with a 503 that gives a wait', async () => {
    const client = setup({ gate: false });
    server.handle((_request, response) => {
      const count = server.requests.length;
      if (count === 1) replyJson(response, 429, { status: 429, error: 'slow', support_id: 'a' }, { 'retry-after': '1' });
      else if (count === 2) replyJson(response, 503, { status: 503, error: 'maintenance', support_id: 'b', retry_after: 1 });
      else replyJson(response, 201, { id: 'order-1' });
    });
    const observer = new MutationObserver(queryClient!, { mutationFn: () => client.post('orders', { json: { qty: 1 } }).json() });
    let result: unknown;
    void observer.mutate().then((data) => {
      result = data;
    });
    await passTimeUntil(() => result !== undefined);
    expect(result).toEqual({ id: 'order-1' });
    expect(server.requests).toHaveLength(3);
  });

  it('sends every attempt during an outage when the budget is off', async () => {
    const client = setup({ retryBudget: false }, () => 0);
    server.handle((_request, response) => replyJson(response, 503, { status: 503, error: 'outage', support_id: 'o' }));
    let settled = 0;
    for (let index = 0; index < 3; index += 1) {
      void queryClient!
        .fetchQuery({ queryKey: ['no-budget', index], queryFn: () => client.get(`x/${index}`).json() })
        .catch(() => undefined)
        .finally(() => (settled += 1));
    }
    await passTimeUntil(() => settled === 3);
    expect(server.requests).toHaveLength(12);
  });
});
