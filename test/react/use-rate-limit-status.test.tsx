import { renderHook } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { createApiClient, createRateLimitGate, useApiQuery, useRateLimitStatus } from '../../src/index.js';
import { expectRenderToThrow } from '../support/console-capture.js';
import { advanceClockAsync, advanceUntil, API, kitWrapper, fakeTimersForMockApi, useMockApi } from '../support/kit-wrapper.js';

const server = useMockApi();
const arrivals: Array<{ path: string; at: number }> = [];

beforeEach(() => {
  fakeTimersForMockApi();
  arrivals.length = 0;
  server.use(
    http.get(`${API}/:name`, ({ params }) => {
      arrivals.push({ path: String(params.name), at: Date.now() });
      return HttpResponse.json({ name: params.name });
    }),
  );
});

describe('useRateLimitStatus', () => {
  it('is open by default', () => {
    const { wrapper } = kitWrapper(createApiClient({ prefix: API }));
    const { result } = renderHook(() => useRateLimitStatus(), { wrapper });
    expect(result.current).toEqual({ limited: false, until: null, remainingMs: 0 });
  });

  it('shows a closed gate, holds queries that start behind it, and opens on time', async () => {
    const gate = createRateLimitGate();
    const client = createApiClient({ prefix: API, gate });
    const { wrapper } = kitWrapper(client);
    const until = Date.now() + 5000;
    gate.closeUntil(until);

    const { result } = renderHook(
      () => ({
        status: useRateLimitStatus(),
        a: useApiQuery({ queryKey: ['a'], path: 'a' }),
        b: useApiQuery({ queryKey: ['b'], path: 'b' }),
      }),
      { wrapper },
    );
    expect(result.current.status).toEqual({ limited: true, until, remainingMs: 5000 });
    await advanceClockAsync(4900);
    expect(arrivals).toHaveLength(0);
    expect(result.current.a.isFetching).toBe(true);

    await advanceUntil(() => result.current.a.isSuccess && result.current.b.isSuccess);
    expect(arrivals.every(({ at }) => at >= until)).toBe(true);
    expect(result.current.status).toEqual({ limited: false, until: null, remainingMs: 0 });
  });

  it('closes after a 429 and keeps every other query of the client waiting until the server’s time', async () => {
    server.use(
      http.get(`${API}/limited`, () => {
        arrivals.push({ path: 'limited', at: Date.now() });
        return HttpResponse.json({ status: 429, error: 'Slow down', support_id: 's-1' }, { status: 429, headers: { 'Retry-After': '4' } });
      }),
    );
    const client = createApiClient({ prefix: API });
    const { wrapper } = kitWrapper(client);
    const { result } = renderHook(() => ({ status: useRateLimitStatus(), limited: useApiQuery({ queryKey: ['limited'], path: 'limited', retry: false }) }), {
      wrapper,
    });
    await advanceUntil(() => result.current.status.limited);
    const closedAt = arrivals[0]!.at;
    expect(result.current.status.until).toBeGreaterThanOrEqual(closedAt + 4000);

    const later = renderHook(() => useApiQuery({ queryKey: ['other'], path: 'other' }), { wrapper });
    await advanceUntil(() => later.result.current.isSuccess);
    const other = arrivals.find(({ path }) => path === 'other')!;
    expect(other.at - closedAt).toBeGreaterThanOrEqual(4000);
  });

  it('reads a given client outside the provider', () => {
    const gate = createRateLimitGate();
    const client = createApiClient({ prefix: API, gate });
    gate.closeUntil(Date.now() + 1000);
    const { result } = renderHook(() => useRateLimitStatus(client));
    expect(result.current.limited).toBe(true);
  });

  it('throws a clear error with neither provider nor client', async () => {
    await expectRenderToThrow(() => renderHook(() => useRateLimitStatus()), /ApiKitProvider/);
  });
});
