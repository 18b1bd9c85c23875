import type { RetryPolicy } from '../core/retry-policy.js';

/**
 * @internal The policy's `retryDelay` for the kit's hooks: it records the schedule as usual but
 * lets react-query go on at once, because the attempt itself waits (interruptibly) until due.
 */
export function holdInAttempt(policy: RetryPolicy): RetryPolicy['retryDelay'] {
  return (failureCount, error) => {
    policy.retryDelay(failureCount, error);
    return 0;
  };
}
