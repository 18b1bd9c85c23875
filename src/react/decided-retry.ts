import type { RetryPolicy } from '../core/retry/retry-policy.js';
import { decideScheduledRetry } from '../core/retry/retry-schedule.js';

/** A react-query `retry` option: a count, a switch, or a function of the failure. */
export type RetryOption<TError> = boolean | number | ((failureCount: number, error: TError) => boolean);

/**
 * @internal The `retry` in force for a kit hook (the caller's, else the policy's), as a function
 * that tells the retry schedule what it decided. react-query asks `retryDelay` before `retry`, so
 * the schedule `retryDelay` proposed shows only once this says the retry follows: a `retry: false`
 * or a function that says no never leaves a promised retry behind.
 */
export function decidedRetry<TError>(
  given: RetryOption<TError> | undefined,
  policy: RetryPolicy,
): (failureCount: number, error: TError) => boolean {
  return (failureCount, error) => {
    // The same reading of the option as react-query's own.
    const inForce = given ?? policy.retry;
    const retrying =
      inForce === true || (typeof inForce === 'number' && failureCount < inForce) || (typeof inForce === 'function' && inForce(failureCount, error));
    decideScheduledRetry(error, failureCount, retrying);
    return retrying;
  };
}
