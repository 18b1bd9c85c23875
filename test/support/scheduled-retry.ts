import { createRetryPolicy, type ApiError } from '../../src/index.js';

/**
 * Records on `error` the automatic retry that react-query would schedule after its first failure,
 * as the kit's hooks record it: the retry policy is asked for the delay, then for the decision, in
 * react-query's order. The policy draws the shortest backoff and reads the (fake) clock, unless
 * `options` says otherwise.
 *
 * @returns `error`, now with a scheduled retry.
 */
export function scheduleRetry(error: ApiError, options: NonNullable<Parameters<typeof createRetryPolicy>[0]> = {}): ApiError {
  const policy = createRetryPolicy({ random: () => 0, now: () => Date.now(), ...options });
  policy.retryDelay(0, error);
  policy.retry(0, error);
  return error;
}
