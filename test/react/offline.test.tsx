import { focusManager, onlineManager } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiClient, useApiMutation, useApiQuery, useRetryCountdown } from '../../src/index.js';
import { advanceClockAsync, advanceUntil, API, kitWrapper, fakeTimersForMockApi, useMockApi } from '../support/kit-wrapper.js';

const server = useMockApi();
const arrivals: number[] = [];
let goOfflineOnFirstFailure = false;

beforeEach(() => {
  fakeTimersForMockApi();
  arrivals.length = 0;
  server.use(
    http.get(`${API}/orders`, () => {
      arrivals.push(Date.now());
      if (arrivals.length > 1) return HttpResponse.json([]);
      if (goOfflineOnFirstFailure) onlineManager.setOnline(false);
      return HttpResponse.json({ status: 502, error: 'Bad gateway', support_id: 's' }, { status: 502 });
    }),
  );
});
afterEach(() => {
  onlineManager.setOnline(true);
  focusManager.setFocused(undefined);
  goOfflineOnFirstFailure = false;
});

function setup() {
  const { wrapper } = kitWrapper(createApiClient({ prefix: API }), { retry: { random: () => 1 } });
  return renderHook(() => useApiQuery({ queryKey: ['orders'], path: 'orders' }), { wrapper });
}

describe('retries while offline', () => {
  it('are held by react-query (fetchStatus paused) and go once the browser is back online', async () => {
    goOfflineOnFirstFailure = true;
    const { result } = setup();
    await advanceUntil(() => result.current.fetchStatus === 'paused');
    expect(result.current.isRetryPaused).toBe(true);
    expect(result.current.scheduledRetry).toMatchObject({ attempt: 2 });

    await advanceClockAsync(60_000);
    expect(arrivals).toHaveLength(1);

    act(() => onlineManager.setOnline(true));
    await advanceUntil(() => result.current.isSuccess);
    expect(arrivals).toHaveLength(2);
    expect(result.current.isRetryPaused).toBe(false);
  });

  it('end at once with the same error when stopRetrying is asked while react-query holds them', async () => {
    goOfflineOnFirstFailure = true;
    const { result } = setup();
    await advanceUntil(() => result.current.fetchStatus === 'paused');
    const failure = result.current.failureReason;

    act(() => result.current.stopRetrying());
    await advanceClockAsync(1);
    expect(result.current).toMatchObject({ isError: true, fetchStatus: 'idle', isRetryPaused: false, scheduledRetry: undefined });
    expect(result.current.error).toBe(failure);
    expect(result.current.failureCount).toBe(1);

    // The held retry is gone: nothing is sent while offline, however long.
    await advanceClockAsync(60_000);
    expect(arrivals).toHaveLength(1);
    expect(result.current.error).toBe(failure);
  });

  it('are held when the browser goes offline during the wait, and say so', async () => {
    const { result } = setup();
    await advanceUntil(() => result.current.scheduledRetry !== undefined);
    act(() => onlineManager.setOnline(false));
    expect(result.current.isRetryPaused).toBe(true);

    await advanceClockAsync(30_000);
    expect(arrivals).toHaveLength(1);

    act(() => onlineManager.setOnline(true));
    await advanceUntil(() => result.current.isSuccess);
    expect(arrivals).toHaveLength(2);
  });

  it('wait for a hidden tab to be shown again once they are due, as react-query’s own retries do', async () => {
    const { result } = setup();
    await advanceUntil(() => result.current.scheduledRetry !== undefined);
    act(() => focusManager.setFocused(false));
    expect(result.current.isRetryPaused).toBe(false);

    await advanceClockAsync(30_000);
    expect(arrivals).toHaveLength(1);
    // Said without anything else re-rendering the hook once the retry was due.
    expect(result.current.isRetryPaused).toBe(true);

    act(() => focusManager.setFocused(true));
    await advanceUntil(() => result.current.isSuccess);
    expect(arrivals).toHaveLength(2);
  });

  it('say paused once a retry is due while the tab is hidden', async () => {
    const { result } = renderHook(
      () => {
        const query = useApiQuery({ queryKey: ['orders'], path: 'orders' });
        return { query, countdown: useRetryCountdown(query) };
      },
      { wrapper: kitWrapper(createApiClient({ prefix: API }), { retry: { random: () => 1 } }).wrapper },
    );
    await advanceUntil(() => result.current.query.scheduledRetry !== undefined);
    act(() => focusManager.setFocused(false));
    expect(result.current.countdown).toMatchObject({ active: true, paused: false });
    await advanceClockAsync(30_000);
    expect(result.current.countdown).toMatchObject({ active: true, paused: true });
    expect(arrivals).toHaveLength(1);
  });

  it('end at once with the same error when stopRetrying is asked while a due retry waits for the tab', async () => {
    const { result } = setup();
    await advanceUntil(() => result.current.scheduledRetry !== undefined);
    act(() => focusManager.setFocused(false));
    await advanceClockAsync(30_000);
    const failure = result.current.failureReason;

    act(() => result.current.stopRetrying());
    await advanceClockAsync(1);
    expect(result.current).toMatchObject({ isError: true, fetchStatus: 'idle' });
    expect(result.current.error).toBe(failure);

    // The held retry is gone: nothing is sent while the tab stays hidden, however long.
    await advanceClockAsync(60_000);
    expect(arrivals).toHaveLength(1);
    expect(result.current.error).toBe(failure);
  });
});

describe('a mutation whose due retry waits for the network', () => {
  it('ends at once with the same error when stopRetrying is asked, and sends nothing more', async () => {
    const puts: number[] = [];
    server.use(
      http.put(`${API}/orders/1`, () => {
        puts.push(Date.now());
        return HttpResponse.json({ status: 502, error: 'Bad gateway', support_id: 's' }, { status: 502 });
      }),
    );
    const { wrapper } = kitWrapper(createApiClient({ prefix: API }), { retry: { random: () => 1 } });
    const { result } = renderHook(() => useApiMutation({ path: 'orders/1', method: 'put' }), { wrapper });
    act(() => result.current.mutate());
    await advanceUntil(() => result.current.scheduledRetry !== undefined);
    // Offline before the retry is due: the kit's own wait holds it, react-query does not pause it.
    act(() => onlineManager.setOnline(false));
    await advanceClockAsync(30_000);
    const failure = result.current.failureReason;
    expect(failure).toBeDefined();

    act(() => result.current.stopRetrying());
    await advanceClockAsync(1);
    expect(result.current).toMatchObject({ isError: true });
    expect(result.current.error).toBe(failure);

    act(() => onlineManager.setOnline(true));
    await advanceClockAsync(30_000);
    expect(puts).toHaveLength(1);
  });
});
