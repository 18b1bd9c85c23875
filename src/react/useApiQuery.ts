'use client';
import { hashKey, useQuery, useQueryClient, type QueryClient, type QueryFunctionContext, type QueryKey, type UseQueryOptions, type UseQueryResult } from '@tanstack/react-query';
import type { KyInstance, SearchParamsOption } from 'ky';
import { useCallback } from 'react';
import type { ApiError } from '../core/errors/ApiError.js';
import { useApiKit } from './api-kit-context.js';
import { endHeldQuery, lastFailureOf } from '../query/query-internals.js';
import { withHookRetry } from '../query/hook-retry.js';
import { useRetryControls, type RetryControls } from './retry-controls.js';
import { runAttempt } from '../query/run-attempt.js';
import { usageError } from './usage-error.js';
import { withFields } from '../query/with-fields.js';

/** react-query's query context, with `client` the kit's ky instance and `queryClient` react-query's. */
export type ApiQueryFunctionContext<TQueryKey extends QueryKey = QueryKey> = Omit<QueryFunctionContext<TQueryKey>, 'client'> & {
  /** The provider's ky instance. */
  client: KyInstance;
  /** The `QueryClient` the query runs in. */
  queryClient: QueryClient;
};

/** Options of {@link useApiQuery}: react-query's own, plus `path` / `searchParams` sugar. */
export type UseApiQueryOptions<TQueryFnData = unknown, TData = TQueryFnData, TQueryKey extends QueryKey = QueryKey> = Omit<
  UseQueryOptions<TQueryFnData, ApiError, TData, TQueryKey>,
  'queryFn'
> & {
  /** GET this path through the provider's client (with react-query's `signal`) and return the parsed JSON. */
  path?: string;
  /** Query parameters for `path`. */
  searchParams?: SearchParamsOption;
  /** A custom query function; it receives react-query's context plus `client`. */
  queryFn?: (context: ApiQueryFunctionContext<TQueryKey>) => TQueryFnData | Promise<TQueryFnData>;
};

/** react-query's result plus the kit's {@link RetryControls}. */
export type UseApiQueryResult<TData = unknown> = UseQueryResult<TData, ApiError> & RetryControls;

/**
 * react-query's `useQuery` with the kit's retry policy, typed `ApiError`s and visible retries:
 * the result says when the next retry is due (`scheduledRetry`), whether it is held
 * (`isRetryPaused`), and can `retryNow()` or `stopRetrying()`.
 *
 * @example
 * ```tsx
 * const orders = useApiQuery<Order[]>({ queryKey: ['orders'], path: 'orders' });
 * if (orders.isError) return <ApiErrorBanner error={orders.error} onRetry={() => orders.refetch()} />;
 * ```
 */
export function useApiQuery<TQueryFnData = unknown, TData = TQueryFnData, TQueryKey extends QueryKey = QueryKey>(
  options: UseApiQueryOptions<TQueryFnData, TData, TQueryKey>,
): UseApiQueryResult<TData> {
  const kit = useApiKit('useApiQuery');
  const { path, searchParams, queryFn, ...queryOptions } = options;
  const result = useQuery<TQueryFnData, ApiError, TData, TQueryKey>({
    ...withHookRetry(kit.policy, queryOptions),
    queryFn: (context) => {
      const send = async (): Promise<TQueryFnData> => {
        // Getters onto react-query's context: reading `signal` tells react-query that the query
        // can be cancelled (and reverted) on unmount, so only a queryFn that reads it does.
        if (queryFn) return queryFn(withFields(context, { client: kit.client, queryClient: context.client }) as ApiQueryFunctionContext<TQueryKey>);
        if (path === undefined) throw usageError('useApiQuery', 'path or queryFn');
        return kit.client.get(path, { searchParams, signal: context.signal }).json<TQueryFnData>();
      };
      return runAttempt(send, lastFailureOf(context.client, context.queryKey), kit, () => context.signal);
    },
  });
  const queryClient = useQueryClient();
  const failure = result.failureReason;
  const { queryKey } = queryOptions;
  // A query key is a new array on every render: its hash says whether it is the same query.
  const keyHash = hashKey(queryKey);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `keyHash` stands for `queryKey`
  const endHeld = useCallback(() => endHeldQuery(queryClient, queryKey, failure), [queryClient, keyHash, failure]);
  return withFields(result, useRetryControls(failure, result.fetchStatus === 'paused', kit.client, endHeld));
}
