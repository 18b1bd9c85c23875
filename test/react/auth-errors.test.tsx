import { renderHook } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type ApiError, createApiClient, useApiQuery } from '../../src/index.js';
import { advanceClockAsync, advanceUntil, API, kitWrapper, fakeTimersForMockApi, useMockApi } from '../support/kit-wrapper.js';

const server = useMockApi();
const seenTokens: Array<string | null> = [];

beforeEach(() => {
  fakeTimersForMockApi();
  seenTokens.length = 0;
  server.use(
    http.get(`${API}/me`, ({ request }) => {
      const authorization = request.headers.get('authorization');
      seenTokens.push(authorization);
      if (authorization === 'Bearer fresh') return HttpResponse.json({ name: 'Ada' });
      return HttpResponse.json({ status: 401, error: 'Token expired', support_id: 'sup-401' }, { status: 401 });
    }),
    http.get(`${API}/admin`, () => HttpResponse.json({ status: 403, error: 'Missing scope admin', support_id: 'sup-403' }, { status: 403 })),
  );
});

describe('onAuthError', () => {
  it('retries a 401 once with refreshed credentials when it resolves true', async () => {
    let token = 'stale';
    const client = createApiClient({ prefix: API, apiKey: () => token });
    const onAuthError = vi.fn(async (_error: ApiError) => {
      token = 'fresh';
      return true;
    });
    const { wrapper } = kitWrapper(client, { onAuthError });
    const { result } = renderHook(() => useApiQuery({ queryKey: ['me'], path: 'me' }), { wrapper });
    await advanceUntil(() => result.current.isSuccess);
    expect(result.current.data).toEqual({ name: 'Ada' });
    expect(seenTokens).toEqual(['Bearer stale', 'Bearer fresh']);
    expect(onAuthError).toHaveBeenCalledTimes(1);
    expect(onAuthError.mock.calls[0]![0].status).toBe(401);
  });

  it('does not retry a 401 when the refresh fails, and calls the handler once', async () => {
    const client = createApiClient({ prefix: API, apiKey: 'stale' });
    const onAuthError = vi.fn(async () => false);
    const { wrapper } = kitWrapper(client, { onAuthError });
    const { result } = renderHook(() => useApiQuery({ queryKey: ['me'], path: 'me' }), { wrapper });
    await advanceUntil(() => result.current.isError);
    await advanceClockAsync(30_000);
    expect(seenTokens).toEqual(['Bearer stale']);
    expect(onAuthError).toHaveBeenCalledTimes(1);
    expect(result.current.error?.kind).toBe('unauthorized');
  });

  it('is called again when the 401 sent after a refresh fails too, and the request is not sent a third time', async () => {
    const client = createApiClient({ prefix: API, apiKey: 'still-stale' });
    const onAuthError = vi.fn(async (_error: ApiError) => true);
    const { wrapper } = kitWrapper(client, { onAuthError });
    const { result } = renderHook(() => useApiQuery({ queryKey: ['me'], path: 'me' }), { wrapper });
    await advanceUntil(() => result.current.isError);
    await advanceClockAsync(30_000);
    expect(seenTokens).toEqual(['Bearer still-stale', 'Bearer still-stale']);
    expect(onAuthError).toHaveBeenCalledTimes(2);
    expect(onAuthError.mock.calls.map(([error]) => error.status)).toEqual([401, 401]);
    expect(result.current.error?.kind).toBe('unauthorized');
  });

  it('treats a throwing handler as a failed refresh', async () => {
    const client = createApiClient({ prefix: API, apiKey: 'stale' });
    const { wrapper } = kitWrapper(client, {
      onAuthError: () => {
        throw new Error('refresh endpoint down');
      },
    });
    const { result } = renderHook(() => useApiQuery({ queryKey: ['me'], path: 'me' }), { wrapper });
    await advanceUntil(() => result.current.isError);
    expect(result.current.error?.status).toBe(401);
    expect(seenTokens).toHaveLength(1);
  });

  it('is called for a 403 too, which is never retried even when it says true', async () => {
    const onAuthError = vi.fn(() => true);
    const { wrapper } = kitWrapper(createApiClient({ prefix: API }), { onAuthError });
    const { result } = renderHook(() => useApiQuery({ queryKey: ['admin'], path: 'admin' }), { wrapper });
    await advanceUntil(() => result.current.isError);
    await advanceClockAsync(30_000);
    expect(onAuthError).toHaveBeenCalledTimes(1);
    expect(result.current.error?.kind).toBe('forbidden');
    expect(result.current.error?.message).toBe('Missing scope admin');
  });

  it('is not called for a 403 that is a rate limit: the query waits for it and is served', async () => {
    let refused = 0;
    server.use(
      http.get(`${API}/search`, () => {
        refused += 1;
        if (refused > 1) return HttpResponse.json({ items: [] });
        return HttpResponse.json({ message: 'You have exceeded a secondary rate limit.' }, { status: 403, headers: { 'retry-after': '2' } });
      }),
    );
    const onAuthError = vi.fn(() => true);
    const { wrapper } = kitWrapper(createApiClient({ prefix: API }), { onAuthError });
    const { result } = renderHook(() => useApiQuery({ queryKey: ['search'], path: 'search' }), { wrapper });
    await advanceUntil(() => result.current.failureCount === 1);
    expect(result.current.failureReason).toMatchObject({ status: 403, kind: 'rate_limited', retryAfterMs: 2_000 });
    await advanceUntil(() => result.current.isSuccess);
    expect(onAuthError).not.toHaveBeenCalled();
    expect(refused).toBe(2);
  });

  it('without a handler, a 401 is final after one request', async () => {
    const { wrapper } = kitWrapper(createApiClient({ prefix: API, apiKey: 'stale' }));
    const { result } = renderHook(() => useApiQuery({ queryKey: ['me'], path: 'me' }), { wrapper });
    await advanceUntil(() => result.current.isError);
    await advanceClockAsync(30_000);
    expect(seenTokens).toEqual(['Bearer stale']);
  });
});
