import type { RetryPolicy } from '../core/retry/retry-policy.js';
import { proposedScheduledRetry } from '../core/retry/retry-schedule.js';

/**
 * @internal The policy's `retryDelay` for the kit's hooks: it proposes the schedule as usual and
 * lets react-query go on at once, because the attempt itself waits (interruptibly) until due.
 * A retry the policy did not schedule (a `retry` of the caller's allows more) is slept by
 * react-query as usual, so it never goes without its backoff.
 */
export function holdInAttempt(policy: RetryPolicy): RetryPolicy['retryDelay'] {
  return (failureCount, error) => {
    const delay = policy.retryDelay(failureCount, error);
    return proposedScheduledRetry(error) === undefined ? delay : 0;
  };
}
