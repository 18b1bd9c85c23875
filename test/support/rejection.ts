import { expect } from 'vitest';
import { ApiError } from '../../src/index.js';

function describeValue(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Awaits `promise` and returns what it rejected with; throws when it fulfils instead.
 *
 * @param what - Names the promise in the error thrown when it fulfils.
 * @default what - `'the request'`
 * @example
 * const error = await rejectionOf(client.get('missing').json());
 */
export async function rejectionOf(promise: Promise<unknown>, what = 'the request'): Promise<unknown> {
  const outcome = await promise.then(
    (value: unknown) => ({ fulfilled: true as const, value }),
    (error: unknown) => ({ fulfilled: false as const, error }),
  );
  if (outcome.fulfilled) throw new Error(`${what} did not fail: it gave ${describeValue(outcome.value)}`);
  return outcome.error;
}

/**
 * {@link rejectionOf}, checked to be an {@link ApiError}.
 *
 * @example
 * expect((await apiErrorOf(client.get('limited').json())).kind).toBe('rate_limited');
 */
export async function apiErrorOf(promise: Promise<unknown>, what?: string): Promise<ApiError> {
  const error = await rejectionOf(promise, what);
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}
