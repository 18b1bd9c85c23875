import type { RetryPolicy } from '../core/retry/retry-policy.js';
import { decideRetry, proposedRetry } from '../core/retry/failure-record.js';

/** A react-query `retry` option: a count, a switch, or a function of the failure. */
export type RetryOption<TError> = boolean | number | ((failureCount: number, error: TError) => boolean);

/**
 * @internal A kit hook's react-query options: `options` with the policy's `retry` and
 * `retryDelay` where they give none, in two wrappers.
 *
 * - `retryDelay` proposes the schedule as the policy's does, and lets react-query go on at once,
 *   because the attempt itself waits (interruptibly) until the retry is due. A retry the policy did
 *   not schedule (a `retry` of the caller's allows more) is slept by react-query as usual, so it
 *   never goes without its backoff. A `retryDelay` of the caller's replaces it.
 * - `retry` is the one in force (the caller's, else the policy's), and tells the schedule what it
 *   decided. react-query asks `retryDelay` before `retry`, so the proposed schedule shows only once
 *   the retry follows: a `retry: false` or a function that says no never leaves a promised retry behind.
 */
export function withHookRetry<TError, TOptions extends { retry?: RetryOption<TError> | undefined }>(policy: RetryPolicy, options: TOptions) {
  const given = options.retry;
  return {
    retryDelay: (failureCount: number, error: TError) => {
      const delay = policy.retryDelay(failureCount, error);
      return proposedRetry(error) === undefined ? delay : 0;
    },
    ...options,
    retry: (failureCount: number, error: TError) => {
      // The same reading of the option as react-query's own.
      const inForce = given ?? policy.retry;
      const retrying =
        inForce === true || (typeof inForce === 'number' && failureCount < inForce) || (typeof inForce === 'function' && inForce(failureCount, error));
      decideRetry(error, failureCount, retrying);
      return retrying;
    },
  };
}
