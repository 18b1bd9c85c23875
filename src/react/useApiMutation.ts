'use client';
import {
  useMutation,
  type MutationFunctionContext,
  type QueryClient,
  type UseMutationOptions,
  type UseMutationResult,
} from '@tanstack/react-query';
import type { KyInstance } from 'ky';
import type { ApiError } from '../core/errors/ApiError.js';
import { useApiKit } from './api-kit-context.js';
import { withHookRetry } from '../query/hook-retry.js';
import { newIdempotencyKey } from '../query/idempotency-key.js';
import { useRetryControls, type RetryControls } from './retry-controls.js';
import { runAttempt } from '../query/run-attempt.js';
import { assertSupportedPeer } from '../core/diagnostics/outdated-peer.js';
import { usageError } from './usage-error.js';
import { withFields } from '../query/with-fields.js';

/** HTTP methods a mutation can use. */
export type ApiMutationMethod = 'post' | 'put' | 'patch' | 'delete';

/** react-query's mutation context, with `client` the kit's ky instance. */
export type ApiMutationFunctionContext = Omit<MutationFunctionContext, 'client'> & {
  /** The provider's ky instance. */
  client: KyInstance;
  /** The `QueryClient` the mutation runs in. */
  queryClient: QueryClient;
  /** This call's `Idempotency-Key` (the same for all of its retries) when `idempotencyKey` is on. */
  idempotencyKey: string | undefined;
};

/** Options of {@link useApiMutation}: react-query's own, plus `path`, `method` and `idempotencyKey`. */
export type UseApiMutationOptions<TData = unknown, TVariables = void, TOnMutateResult = unknown> = Omit<
  UseMutationOptions<TData, ApiError, TVariables, TOnMutateResult>,
  'mutationFn'
> & {
  /** Send the variables as the JSON body to this path and resolve with the parsed JSON. */
  path?: string;
  /** @default 'post' */
  method?: ApiMutationMethod;
  /**
   * Send an `Idempotency-Key` header: a new key for each `mutate` call, reused by all of its
   * retries, which lets a failing non-idempotent request (POST) be retried safely.
   * @default false
   */
  idempotencyKey?: boolean;
  /** A custom mutation function; it receives the variables and react-query's context plus `client`. */
  mutationFn?: (variables: TVariables, context: ApiMutationFunctionContext) => Promise<TData>;
};

/** react-query's mutation result plus the kit's {@link RetryControls}. */
export type UseApiMutationResult<TData = unknown, TVariables = void, TOnMutateResult = unknown> = UseMutationResult<
  TData,
  ApiError,
  TVariables,
  TOnMutateResult
> &
  RetryControls;

interface CallState {
  key: string | undefined;
  lastFailure: unknown;
}

// One entry per `mutate` call: react-query passes the same context object to all of its attempts.
const calls = new WeakMap<MutationFunctionContext, CallState>();

/**
 * react-query's `useMutation` with the kit's mutation rules: a 429 (or a 503 with a wait) is
 * retried after the wait; 5xx, network and timeout failures only for idempotent methods or with
 * `idempotencyKey`, so a POST is never sent twice by accident.
 *
 * @example
 * ```tsx
 * const placeOrder = useApiMutation<Order, NewOrder>({ path: 'orders', idempotencyKey: true });
 * const order = await placeOrder.mutateAsync({ sku: 'A-1', quantity: 2 });
 * ```
 */
export function useApiMutation<TData = unknown, TVariables = void, TOnMutateResult = unknown>(
  options: UseApiMutationOptions<TData, TVariables, TOnMutateResult>,
): UseApiMutationResult<TData, TVariables, TOnMutateResult> {
  const kit = useApiKit('useApiMutation');
  const { path, method = 'post', idempotencyKey = false, mutationFn, ...mutationOptions } = options;
  const result = useMutation<TData, ApiError, TVariables, TOnMutateResult>({
    ...withHookRetry(kit.policy, mutationOptions),
    mutationFn: async (variables, context) => {
      // react-query before 5.89 passes no context; the version the peer range asks for does.
      assertSupportedPeer('@tanstack/react-query', () => context !== undefined);
      let call = calls.get(context);
      if (!call) {
        call = { key: idempotencyKey ? newIdempotencyKey() : undefined, lastFailure: undefined };
        calls.set(context, call);
      }
      const { key } = call;
      const send = async (): Promise<TData> => {
        if (mutationFn) return mutationFn(variables, { ...context, client: kit.client, queryClient: context.client, idempotencyKey: key });
        if (path === undefined) throw usageError('useApiMutation', 'path or mutationFn');
        return kit.client(path, {
          method,
          json: variables,
          headers: key === undefined ? undefined : { 'idempotency-key': key },
        }).json<TData>();
      };
      try {
        return await runAttempt(send, call.lastFailure, kit);
      } catch (error) {
        call.lastFailure = error;
        throw error;
      }
    },
  });
  return withFields(result, useRetryControls(result.failureReason, result.isPaused, kit.client));
}
