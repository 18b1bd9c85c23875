import type { QueryObserver } from '@tanstack/react-query';
import { renderHook } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { createApiClient, useApiQuery } from '../../src/index.js';
import { advanceClockAsync, advanceUntil, API, kitWrapper, fakeTimersForMockApi, useMockApi } from '../support/kit-wrapper.js';

const server = useMockApi();

beforeEach(() => {
  fakeTimersForMockApi();
  server.use(http.get(`${API}/orders`, () => HttpResponse.json([{ id: 1 }])));
});

const KIT_FIELDS = ['retryNow', 'stopRetrying', 'scheduledRetry', 'isRetryPaused'];

describe("useApiQuery's result", () => {
  it.each([
    ['tracked properties', {}],
    ['notifyOnChangeProps', { notifyOnChangeProps: ['data' as const] }],
  ])("is a new object: react-query's own result is left as it made it (%s)", async (_name, extra) => {
    const { wrapper, queryClient } = kitWrapper(createApiClient({ prefix: API }));
    let observer: QueryObserver<unknown, unknown> | undefined;
    const ownResultsWithKitFields: string[][] = [];
    const { result, rerender } = renderHook(
      ({ id }: { id: number }) => {
        const query = useApiQuery({ queryKey: ['orders', id], path: 'orders', ...extra });
        // What react-query holds as this observer's result, right after the hook returned.
        if (observer) ownResultsWithKitFields.push(KIT_FIELDS.filter((field) => field in observer!.getCurrentResult()));
        return query;
      },
      { wrapper, initialProps: { id: 1 } },
    );
    await advanceUntil(() => result.current.data !== undefined);
    observer = queryClient.getQueryCache().find({ queryKey: ['orders', 1] })!.observers[0]!;
    // Another key whose data is cached: react-query's optimistic result for it becomes the observer's own.
    queryClient.setQueryData(['orders', 2], [{ id: 2 }]);
    rerender({ id: 2 });
    await advanceClockAsync(10);
    expect(result.current.data).toEqual([{ id: 2 }]);
    expect(ownResultsWithKitFields.length).toBeGreaterThan(0);
    for (const fields of ownResultsWithKitFields) expect(fields).toEqual([]);
    // Everything react-query gives is there, plus the kit's fields.
    const own = observer.getCurrentResult();
    expect(result.current).not.toBe(own);
    expect(Object.keys(result.current)).toEqual(expect.arrayContaining([...Object.keys(own), ...KIT_FIELDS]));
    expect({ ...result.current }).toMatchObject({ data: [{ id: 2 }], status: 'success', scheduledRetry: undefined });
  });

  it('keeps react-query tracking what a component reads: a change it did not read renders nothing', async () => {
    const { wrapper } = kitWrapper(createApiClient({ prefix: API }));
    let renders = 0;
    const { result } = renderHook(
      () => {
        renders += 1;
        const { data } = useApiQuery({ queryKey: ['orders'], path: 'orders', staleTime: 1_000 });
        return data;
      },
      { wrapper },
    );
    await advanceUntil(() => result.current !== undefined);
    const settled = renders;
    // The query turns stale after a second: `isStale` changes, and nothing here reads it.
    await advanceClockAsync(2_000);
    expect(renders).toBe(settled);
  });

  it('tracks every property once the result is spread, as react-query does', async () => {
    const { wrapper } = kitWrapper(createApiClient({ prefix: API }));
    let renders = 0;
    const { result } = renderHook(
      () => {
        renders += 1;
        return { ...useApiQuery({ queryKey: ['orders'], path: 'orders', staleTime: 1_000 }) };
      },
      { wrapper },
    );
    await advanceUntil(() => result.current.data !== undefined);
    const settled = renders;
    await advanceClockAsync(2_000);
    expect(result.current.isStale).toBe(true);
    expect(renders).toBe(settled + 1);
  });
});

