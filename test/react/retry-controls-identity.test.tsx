import { renderHook } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { createApiClient, useApiMutation, useApiQuery, type RetryControls } from '../../src/index.js';
import { advanceUntil, API, kitWrapper, fakeTimersForMockApi, useMockApi } from '../support/kit-wrapper.js';

// `retryNow` and `stopRetrying` act on the failure on screen: they keep their identity while it
// is the same (a memoised child or an effect that depends on them does not run again), and are
// new once another failure is.
const server = useMockApi();
let sent = 0;

beforeEach(() => {
  fakeTimersForMockApi();
  sent = 0;
  const unavailable = () => {
    sent += 1;
    return HttpResponse.json({ status: 503, error: 'Service Unavailable', support_id: `sup-${sent}` }, { status: 503 });
  };
  server.use(http.get(`${API}/orders`, unavailable), http.put(`${API}/orders`, unavailable));
});

/** The result after a render that changed nothing: the same failure, and the same controls for it. */
function expectSameControls(current: RetryControls & { failureReason: unknown }, first: RetryControls & { failureReason: unknown }): void {
  expect(current.failureReason).toBe(first.failureReason);
  expect(current.retryNow).toBe(first.retryNow);
  expect(current.stopRetrying).toBe(first.stopRetrying);
}

describe('retryNow and stopRetrying', () => {
  it("keep their identity across renders of useApiQuery while the failure is the same, and change with it", async () => {
    const { wrapper } = kitWrapper(createApiClient({ prefix: API, heal: false }), { retry: { random: () => 1 } });
    const { result, rerender } = renderHook(() => useApiQuery({ queryKey: ['orders'], path: 'orders' }), { wrapper });
    await advanceUntil(() => result.current.scheduledRetry?.attempt === 2, { maxMs: 1_000 });
    const first = result.current;
    rerender();
    expectSameControls(result.current, first);
    await advanceUntil(() => result.current.scheduledRetry?.attempt === 3, { maxMs: 5_000 });
    expect(result.current.failureReason).not.toBe(first.failureReason);
    expect(result.current.retryNow).not.toBe(first.retryNow);
    expect(result.current.stopRetrying).not.toBe(first.stopRetrying);
  });

  it('keep their identity across renders of useApiMutation while the failure is the same', async () => {
    const { wrapper } = kitWrapper(createApiClient({ prefix: API, heal: false }), { retry: { random: () => 1 } });
    const { result, rerender } = renderHook(() => useApiMutation({ path: 'orders', method: 'put' }), { wrapper });
    result.current.mutate(undefined, { onError: () => undefined });
    await advanceUntil(() => result.current.scheduledRetry?.attempt === 2, { maxMs: 1_000 });
    const first = result.current;
    rerender();
    expectSameControls(result.current, first);
    result.current.stopRetrying();
    await advanceUntil(() => result.current.isError, { maxMs: 1_000 });
    expect(sent).toBe(1);
  });
});
