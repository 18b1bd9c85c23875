import { renderHook } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError, createApiClient, isApiError, useApiQuery, useRetryCountdown } from '../../src/index.js';
import { expectRenderToThrow } from '../support/console-capture.js';
import { advanceClockAsync, advanceUntil, API, kitWrapper, fakeTimersForMockApi, useMockApi } from '../support/kit-wrapper.js';

const server = useMockApi();
const arrivals: number[] = [];

beforeEach(() => {
  fakeTimersForMockApi();
  arrivals.length = 0;
});

function route(answers: Array<() => Response>) {
  server.use(
    http.get(`${API}/orders`, () => {
      arrivals.push(Date.now());
      const answer = answers[Math.min(arrivals.length - 1, answers.length - 1)]!;
      return answer();
    }),
  );
}

const ok = () => HttpResponse.json([{ id: 1 }]);
const rateLimitedInBody = () => HttpResponse.json({ status: 429, error: 'Slow down', support_id: 'sup-429', retry_after: 3 }, { status: 429 });
const serverError = () => HttpResponse.json({ status: 500, error: 'Boom', support_id: 'sup-500' }, { status: 500 });

// Without healing (probing for failed queries on screen, tested in heal.test.tsx), so that what
// follows a policy that gave up is nothing.
function setup(retry = { random: () => 1 }) {
  // The console hints for 4xx answers are dev-hints.test.ts's subject; here they would only print.
  const client = createApiClient({ prefix: API, devHints: false, heal: false });
  return { client, ...kitWrapper(client, { retry }) };
}

describe('useApiQuery', () => {
  it('recovers from a 429 whose wait comes only in the body, never sending the retry early', async () => {
    route([rateLimitedInBody, ok]);
    const { wrapper } = setup({ random: () => 0 });
    const { result } = renderHook(() => useApiQuery<Array<{ id: number }>>({ queryKey: ['orders'], path: 'orders' }), { wrapper });

    await advanceUntil(() => result.current.failureCount === 1);
    expect(arrivals).toHaveLength(1);
    expect(result.current.failureReason?.kind).toBe('rate_limited');
    const scheduled = result.current.scheduledRetry!;
    expect(scheduled.attempt).toBe(2);
    expect(scheduled.maxAttempts).toBe(4);
    expect(scheduled.at - arrivals[0]!).toBeGreaterThanOrEqual(3000);

    await advanceUntil(() => arrivals.length === 2);
    expect(arrivals[1]! - arrivals[0]!).toBeGreaterThanOrEqual(3000);
    expect(arrivals[1]! - arrivals[0]!).toBeLessThan(3300);
    await advanceUntil(() => result.current.isSuccess);
    expect(result.current.data).toEqual([{ id: 1 }]);
    expect(result.current.scheduledRetry).toBeUndefined();
  });

  it('heals a flaky 500 on the third try with exponential backoff', async () => {
    route([serverError, serverError, ok]);
    const { wrapper } = setup();
    const { result } = renderHook(() => useApiQuery({ queryKey: ['orders'], path: 'orders' }), { wrapper });

    await advanceUntil(() => result.current.failureCount === 1);
    expect(result.current.scheduledRetry).toMatchObject({ attempt: 2, maxAttempts: 4 });
    await advanceUntil(() => result.current.failureCount === 2);
    expect(result.current.scheduledRetry).toMatchObject({ attempt: 3 });
    await advanceUntil(() => result.current.isSuccess);
    expect(arrivals).toHaveLength(3);
    // random() = 1 draws the top of [d/2, d]: 1 s, then 2 s, plus the mocked answer's own latency.
    expect(arrivals[1]! - arrivals[0]!).toBeGreaterThanOrEqual(1000);
    expect(arrivals[1]! - arrivals[0]!).toBeLessThan(1200);
    expect(arrivals[2]! - arrivals[1]!).toBeGreaterThanOrEqual(2000);
    expect(arrivals[2]! - arrivals[1]!).toBeLessThan(2200);
  });

  it.each([400, 401, 403, 404])('never retries a %i', async (status) => {
    route([() => HttpResponse.json({ status, error: 'No', support_id: 'sup-1' }, { status })]);
    const { wrapper } = setup();
    const { result } = renderHook(() => useApiQuery({ queryKey: ['orders', status], path: 'orders' }), { wrapper });

    await advanceClockAsync(60_000);
    expect(arrivals).toHaveLength(1);
    expect(result.current.isError).toBe(true);
    expect(result.current.error?.status).toBe(status);
    expect(result.current.scheduledRetry).toBeUndefined();
  });

  it('gives up after four attempts and keeps the last ApiError', async () => {
    route([serverError]);
    const { wrapper } = setup();
    const { result } = renderHook(() => useApiQuery({ queryKey: ['orders'], path: 'orders' }), { wrapper });

    await advanceUntil(() => result.current.isError);
    await advanceClockAsync(60_000);
    expect(arrivals).toHaveLength(4);
    expect(isApiError(result.current.error)).toBe(true);
    expect(result.current.error?.supportId).toBe('sup-500');
  });

  it('retryNow skips the rest of a backoff wait and counts as the next attempt', async () => {
    route([serverError, ok]);
    const { wrapper } = setup();
    const { result } = renderHook(() => useApiQuery({ queryKey: ['orders'], path: 'orders' }), { wrapper });

    await advanceUntil(() => result.current.scheduledRetry !== undefined);
    expect(result.current.scheduledRetry?.attempt).toBe(2);
    const askedAt = Date.now();
    result.current.retryNow();
    await advanceUntil(() => result.current.isSuccess);
    expect(arrivals).toHaveLength(2);
    expect(arrivals[1]! - askedAt).toBeLessThan(100);
  });

  it('retryNow never sends before a server-given time', async () => {
    route([rateLimitedInBody, ok]);
    const { wrapper } = setup({ random: () => 1 });
    const { result } = renderHook(() => useApiQuery({ queryKey: ['orders'], path: 'orders' }), { wrapper });

    await advanceUntil(() => result.current.scheduledRetry !== undefined);
    const failure = result.current.failureReason!;
    // With the spread at its maximum the scheduled retry is 2.5% after the server's time.
    expect(result.current.scheduledRetry!.at - failure.receivedAt).toBe(3075);
    result.current.retryNow();
    await advanceUntil(() => arrivals.length === 2);
    expect(arrivals[1]! - failure.receivedAt).toBeGreaterThanOrEqual(3000);
    expect(arrivals[1]! - failure.receivedAt).toBeLessThan(3075);
  });

  it('stopRetrying fails the query at once with the same ApiError and sends nothing more', async () => {
    route([serverError, ok]);
    const { wrapper } = setup();
    const { result } = renderHook(() => useApiQuery({ queryKey: ['orders'], path: 'orders' }), { wrapper });

    await advanceUntil(() => result.current.scheduledRetry !== undefined);
    const failure = result.current.failureReason;
    result.current.stopRetrying();
    await advanceClockAsync(1);
    expect(result.current.isError).toBe(true);
    expect(result.current.error).toBe(failure);
    expect(result.current.scheduledRetry).toBeUndefined();
    await advanceClockAsync(60_000);
    expect(arrivals).toHaveLength(1);
  });

  it('keeps backing off when the caller’s own retry allows more attempts than the policy', async () => {
    route([serverError]);
    const { wrapper } = setup();
    const { result } = renderHook(() => useApiQuery({ queryKey: ['orders'], path: 'orders', retry: 4 }), { wrapper });
    await advanceUntil(() => result.current.isError, { stepMs: 50 });
    expect(arrivals).toHaveLength(5);
    const gaps = arrivals.slice(1).map((at, index) => at - arrivals[index]!);
    // random() = 1: 1 s, 2 s, 4 s from the kit's schedule, then 8 s slept by react-query itself.
    [1000, 2000, 4000, 8000].forEach((delay, index) => {
      expect(gaps[index]).toBeGreaterThanOrEqual(delay);
      expect(gaps[index]).toBeLessThan(delay + 300);
    });
  });

  it('ends the countdown of a retry that stopRetrying called off', async () => {
    route([serverError, ok]);
    const { wrapper } = setup();
    const { result } = renderHook(
      () => {
        const query = useApiQuery({ queryKey: ['orders'], path: 'orders' });
        return { query, countdown: useRetryCountdown(query) };
      },
      { wrapper },
    );
    await advanceUntil(() => result.current.countdown.active);
    result.current.query.stopRetrying();
    await advanceUntil(() => result.current.query.isError);
    expect(result.current.countdown).toMatchObject({ active: false, remainingMs: 0 });
  });

  it('passes react-query’s context plus the client to a custom queryFn', async () => {
    route([ok]);
    const { wrapper, client } = setup();
    const seen: unknown[] = [];
    const { result } = renderHook(
      () =>
        useApiQuery({
          queryKey: ['orders', 'custom'],
          queryFn: ({ client: kyClient, signal, queryKey }) => {
            seen.push(kyClient, queryKey);
            return kyClient.get('orders', { signal }).json();
          },
        }),
      { wrapper },
    );
    await advanceUntil(() => result.current.isSuccess);
    expect(seen).toEqual([client, ['orders', 'custom']]);
    expect(result.current.data).toEqual([{ id: 1 }]);
  });

  // The query's error, after its queryFn threw `thrown` (not retried: the error is not retryable).
  async function errorAfterThrowing(thrown: unknown) {
    const { wrapper } = setup();
    const queryFn = () => {
      throw thrown;
    };
    const { result } = renderHook(() => useApiQuery({ queryKey: ['broken'], queryFn }), { wrapper });
    await advanceClockAsync(10);
    expect(result.current.isError).toBe(true);
    return result.current.error;
  }

  it('maps anything a custom queryFn throws to an ApiError', async () => {
    const error = await errorAfterThrowing('not an error');
    expect(isApiError(error)).toBe(true);
    expect(error?.kind).toBe('unknown');
  });

  it('turns an object a queryFn throws that only looks like an ApiError into a real one', async () => {
    const forged = { name: 'ApiError', kind: 'bogus', status: 404, message: 'No such order' };
    const error = await errorAfterThrowing(forged);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: 'not_found', message: 'No such order', cause: forged });
  });

  it('sends searchParams with the path', async () => {
    let url = '';
    server.use(
      http.get(`${API}/orders`, ({ request }) => {
        url = request.url;
        return ok();
      }),
    );
    const { wrapper } = setup();
    renderHook(() => useApiQuery({ queryKey: ['orders', 2], path: 'orders', searchParams: { page: 2 } }), { wrapper });
    await advanceClockAsync(10);
    expect(url).toBe(`${API}/orders?page=2`);
  });

  it('fails with a TypeError that says what is missing when given neither a path nor a queryFn', async () => {
    const { wrapper } = setup();
    const { result } = renderHook(() => useApiQuery({ queryKey: ['nothing'], retry: false }), { wrapper });
    await advanceClockAsync(10);
    expect(result.current.error?.kind).toBe('unknown');
    expect(result.current.error?.cause).toBeInstanceOf(TypeError);
    expect((result.current.error?.cause as TypeError).message).toBe('useApiQuery needs a `path` or a `queryFn`.');
  });

  it('throws a clear error outside the provider', async () => {
    await expectRenderToThrow(() => renderHook(() => useApiQuery({ queryKey: ['x'], path: 'x' })), /ApiKitProvider/);
  });
});
