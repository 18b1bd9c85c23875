import { QueryClient } from '@tanstack/react-query';
import { renderHook } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiClient, isApiError, useApiMutation, useApiQuery } from '../../src/index.js';
import { advanceClockAsync, advanceUntil, API, kitWrapper, fakeTimersForMockApi, useMockApi } from '../support/kit-wrapper.js';

const server = useMockApi();
const posts = new Map<string, number>();
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

// Routes that misbehave the way real servers and edges do.
const routes = ['ok', 'flaky', 'limited', 'html', 'broken-json', 'down', 'empty-500'] as const;

beforeEach(() => {
  fakeTimersForMockApi();
  posts.clear();
  unhandled.length = 0;
  process.on('unhandledRejection', onUnhandled);
  let flaky = 0;
  let limited = 0;
  server.use(
    http.get(`${API}/ok/:n`, ({ params }) => HttpResponse.json({ n: params.n })),
    http.get(`${API}/flaky/:n`, ({ params }) => (++flaky % 2 ? HttpResponse.json({ status: 500, error: 'Boom', support_id: 's' }, { status: 500 }) : HttpResponse.json({ n: params.n }))),
    http.get(`${API}/limited/:n`, ({ params }) =>
      ++limited % 3 ? HttpResponse.json({ status: 429, error: 'Slow down', support_id: 's' }, { status: 429, headers: { 'Retry-After': '1' } }) : HttpResponse.json({ n: params.n }),
    ),
    http.get(`${API}/html/:n`, () => new HttpResponse('<html><body>Ray ID: 8a1b2c3d4e5f6a7b</body></html>', { status: 502, headers: { 'content-type': 'text/html' } })),
    http.get(`${API}/broken-json/:n`, () => new HttpResponse('{"n": ', { status: 200, headers: { 'content-type': 'application/json' } })),
    http.get(`${API}/down/:n`, () => HttpResponse.json({ status: 503, error: 'Down', support_id: 's' }, { status: 503 })),
    http.get(`${API}/empty-500/:n`, () => new HttpResponse(null, { status: 500 })),
    http.post(`${API}/orders/:n`, ({ params }) => {
      posts.set(String(params.n), (posts.get(String(params.n)) ?? 0) + 1);
      return HttpResponse.json({ status: 502, error: 'Bad gateway', support_id: 's' }, { status: 502 });
    }),
  );
});
afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
});

describe('many hooks against a misbehaving API', () => {
  it('all settle with data or an ApiError, send no POST twice, and leave no timer behind after unmount', async () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { gcTime: 0 }, mutations: { gcTime: 0 } } });
    const { wrapper } = kitWrapper(createApiClient({ prefix: API }), { queryClient, retry: { random: () => 0.5 } });
    const { result, unmount } = renderHook(
      () => ({
        queries: routes.flatMap((route) => [1, 2, 3].map((n) => useApiQuery({ queryKey: [route, n], path: `${route}/${n}` }))),
        mutations: [1, 2, 3].map((n) => useApiMutation({ path: `orders/${n}` })),
      }),
      { wrapper },
    );
    for (const mutation of result.current.mutations) mutation.mutate({ item: 1 } as never);

    await advanceUntil(
      () => result.current.queries.every((query) => query.isSuccess || query.isError) && result.current.mutations.every((mutation) => mutation.isError || mutation.isSuccess),
      { stepMs: 100, maxMs: 120_000 },
    );
    for (const query of [...result.current.queries, ...result.current.mutations]) {
      if (query.isError) expect(isApiError(query.error)).toBe(true);
    }
    // The healthy route always succeeds; flaky and rate-limited ones may be cut short by the
    // client's retry budget, which this many failures at once drains on purpose.
    expect(result.current.queries.slice(0, 3).every((query) => query.isSuccess)).toBe(true);
    expect(result.current.queries.filter((query) => query.isError).map((query) => query.error?.kind)).not.toContain('unknown');
    expect([...posts.values()]).toEqual([1, 1, 1]);

    unmount();
    queryClient.clear();
    await advanceClockAsync(60_000);
    expect(vi.getTimerCount()).toBe(0);
    expect(unhandled).toEqual([]);
  });
});
