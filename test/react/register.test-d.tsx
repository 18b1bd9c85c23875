import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { expectTypeOf, test } from 'vitest';
import { type ApiError, type RetryControls, useApiMutation, useApiQuery } from '../../src/index.js';

// The augmentation the README documents: ApiError becomes react-query's default error type.
declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiError;
  }
}

test('plain useQuery reports ApiError once Register is augmented', () => {
  const result = useQuery({ queryKey: ['x'], queryFn: async () => 1 });
  expectTypeOf(result.error).toEqualTypeOf<ApiError | null>();
});

test('useApiQuery is typed by its data and reports ApiError with retry controls', () => {
  const result = useApiQuery<{ id: number }[]>({ queryKey: ['orders'], path: 'orders' });
  expectTypeOf(result.data).toEqualTypeOf<{ id: number }[] | undefined>();
  expectTypeOf(result.error).toEqualTypeOf<ApiError | null>();
  expectTypeOf(result).toMatchTypeOf<UseQueryResult<{ id: number }[], ApiError> & RetryControls>();
  expectTypeOf(result.retryNow).toEqualTypeOf<() => void>();
});

test('useApiMutation types its variables and data', () => {
  const mutation = useApiMutation<{ id: number }, { sku: string }>({ path: 'orders', idempotencyKey: true });
  expectTypeOf(mutation.mutateAsync).parameter(0).toEqualTypeOf<{ sku: string }>();
  expectTypeOf(mutation.mutateAsync).returns.resolves.toEqualTypeOf<{ id: number }>();
  expectTypeOf(mutation.error).toEqualTypeOf<ApiError | null>();
});
