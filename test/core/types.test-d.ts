import { QueryClient, type DefaultOptions, type MutationOptions, type QueryObserverOptions } from '@tanstack/query-core';
import type { KyInstance, Options } from 'ky';
import { describe, expectTypeOf, test } from 'vitest';
import {
  ApiError,
  apiQueryDefaults,
  createApiClient,
  createRateLimitGate,
  createRetryPolicy,
  getScheduledRetry,
  isApiError,
  parseRetryAfter,
  toApiError,
  type ApiClientOptions,
  type ApiErrorJSON,
  type ApiErrorKind,
  type ApiErrorSource,
  type RateLimitGate,
  type RateLimitGateSnapshot,
  type ScheduledRetry,
} from '../../src/core/index.js';

describe('ApiError', () => {
  test('is an Error with the documented fields', () => {
    expectTypeOf<ApiError>().toExtend<Error>();
    expectTypeOf<ApiError['name']>().toEqualTypeOf<'ApiError'>();
    expectTypeOf<ApiError['status']>().toEqualTypeOf<number>();
    expectTypeOf<ApiError['kind']>().toEqualTypeOf<ApiErrorKind>();
    expectTypeOf<ApiError['message']>().toEqualTypeOf<string>();
    expectTypeOf<ApiError['supportId']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<ApiError['retryAfterMs']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<ApiError['retryable']>().toEqualTypeOf<boolean>();
    expectTypeOf<ApiError['source']>().toEqualTypeOf<'api' | 'edge' | 'client'>();
    expectTypeOf<ApiError['rayId']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<ApiError['receivedAt']>().toEqualTypeOf<number>();
    expectTypeOf<ApiError['supportIdExpiresAt']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<ApiError['method']>().toEqualTypeOf<string>();
    expectTypeOf<ApiError['url']>().toEqualTypeOf<string>();
    expectTypeOf<ApiError['cause']>().toEqualTypeOf<unknown>();
    expectTypeOf<ApiError['toJSON']>().returns.toEqualTypeOf<ApiErrorJSON>();
    expectTypeOf<ApiErrorSource>().toEqualTypeOf<'api' | 'edge' | 'client'>();
  });

  test('has exactly the documented kinds', () => {
    expectTypeOf<ApiErrorKind>().toEqualTypeOf<
      | 'bad_request'
      | 'unauthorized'
      | 'forbidden'
      | 'not_found'
      | 'not_acceptable'
      | 'timeout'
      | 'rate_limited'
      | 'server_error'
      | 'unavailable'
      | 'client_error'
      | 'network'
      | 'invalid_response'
      | 'aborted'
      | 'unknown'
    >();
  });

  test('has a toJSON shape with the documented keys', () => {
    expectTypeOf<keyof ApiErrorJSON>().toEqualTypeOf<
      | 'name'
      | 'kind'
      | 'status'
      | 'message'
      | 'supportId'
      | 'supportIdExpiresAt'
      | 'retryAfterMs'
      | 'retryable'
      | 'source'
      | 'rayId'
      | 'receivedAt'
      | 'method'
      | 'url'
    >();
  });

  test('narrows with isApiError and comes out of toApiError', () => {
    const thrown: unknown = new Error('x');
    if (isApiError(thrown)) expectTypeOf(thrown).toEqualTypeOf<ApiError>();
    expectTypeOf(toApiError).parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf(toApiError).returns.toEqualTypeOf<ApiError>();
  });
});

describe('createApiClient', () => {
  test('returns a KyInstance', () => {
    expectTypeOf(createApiClient).returns.toEqualTypeOf<KyInstance>();
    expectTypeOf(createApiClient()).toEqualTypeOf<KyInstance>();
  });

  test('takes ky options plus apiKey, gate and onError', () => {
    expectTypeOf<ApiClientOptions>().toExtend<Omit<Options, 'retry'>>();
    createApiClient({ prefix: 'https://api.example.com', timeout: 5_000, apiKey: 'key' });
    createApiClient({ apiKey: () => 'key' });
    createApiClient({ apiKey: async () => 'key' });
    createApiClient({ apiKey: () => undefined });
    createApiClient({ gate: false });
    createApiClient({ gate: createRateLimitGate({ channel: 'api' }) });
    createApiClient({
      onError: (error) => {
        expectTypeOf(error).toEqualTypeOf<ApiError>();
      },
    });
    createApiClient({ onError: async () => undefined });
    // @ts-expect-error ky's retry is owned by the kit (off)
    createApiClient({ retry: 2 });
    // @ts-expect-error an apiKey is a string or a function returning one
    createApiClient({ apiKey: 42 });
  });
});

describe('retry policy', () => {
  test('createRetryPolicy returns retry and retryDelay in react-query shapes', () => {
    const policy = createRetryPolicy({ maxRetries: 2, random: () => 0.5, now: () => 0 });
    expectTypeOf(policy.retry).toEqualTypeOf<(failureCount: number, error: unknown) => boolean>();
    expectTypeOf(policy.retryDelay).toEqualTypeOf<(failureCount: number, error: unknown) => number>();
    expectTypeOf(policy.retry).toExtend<NonNullable<QueryObserverOptions<unknown, ApiError>['retry']>>();
    expectTypeOf(policy.retryDelay).toExtend<NonNullable<QueryObserverOptions<unknown, ApiError>['retryDelay']>>();
    expectTypeOf(policy.retry).toExtend<NonNullable<MutationOptions<unknown, ApiError>['retry']>>();
    expectTypeOf(policy.retryDelay).toExtend<NonNullable<MutationOptions<unknown, ApiError>['retryDelay']>>();
  });

  test('apiQueryDefaults is a DefaultOptions for new QueryClient', () => {
    expectTypeOf(apiQueryDefaults()).toExtend<DefaultOptions>();
    expectTypeOf(apiQueryDefaults).parameter(0).toEqualTypeOf<Parameters<typeof createRetryPolicy>[0]>();
    new QueryClient({ defaultOptions: apiQueryDefaults({ maxRetries: 1 }) });
  });

  test('getScheduledRetry returns the schedule or undefined', () => {
    expectTypeOf(getScheduledRetry).parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf(getScheduledRetry).returns.toEqualTypeOf<ScheduledRetry | undefined>();
    expectTypeOf<Pick<ScheduledRetry, 'at' | 'attempt' | 'maxAttempts'>>().toEqualTypeOf<{ at: number; attempt: number; maxAttempts: number }>();
  });

  test('parseRetryAfter returns milliseconds or undefined', () => {
    expectTypeOf(parseRetryAfter).returns.toEqualTypeOf<number | undefined>();
    expectTypeOf(parseRetryAfter).parameter(1).toEqualTypeOf<number | undefined>();
  });
});

describe('RateLimitGate', () => {
  test('is subscribable with closeUntil, wait and snapshot', () => {
    const gate = createRateLimitGate();
    expectTypeOf(gate).toEqualTypeOf<RateLimitGate>();
    expectTypeOf(gate.closeUntil).toEqualTypeOf<(epochMs: number) => void>();
    expectTypeOf(gate.wait).returns.toEqualTypeOf<Promise<void>>();
    expectTypeOf(gate.wait).parameter(0).toEqualTypeOf<AbortSignal | null | undefined>();
    expectTypeOf(gate.snapshot()).toEqualTypeOf<RateLimitGateSnapshot>();
    expectTypeOf<RateLimitGateSnapshot['closedUntil']>().toEqualTypeOf<number | null>();
    expectTypeOf(gate.subscribe).parameter(0).toEqualTypeOf<() => void>();
    expectTypeOf(gate.subscribe).returns.toEqualTypeOf<() => void>();
  });
});
