import type { DefaultOptions } from '@tanstack/query-core';
import type { ApiError } from '../errors/ApiError.js';
import { budgetAllows, decideRetry, isFinal, proposeRetry } from './failure-record.js';
import { toApiError } from '../errors/to-api-error.js';

/** Settings of the kit's retry policy. Every number has a default from the design. */
export interface RetryPolicyOptions {
  /** Retries after the first request (so at most `maxRetries + 1` attempts). @default 3 */
  maxRetries?: number;
  /** The first backoff delay, before jitter, in ms. @default 1000 */
  baseDelayMs?: number;
  /** The longest backoff delay, in ms. @default 30000 */
  maxDelayMs?: number;
  /** A server-given wait longer than this is not retried automatically, in ms. @default 300000 (5 minutes) */
  maxServerWaitMs?: number;
  /**
   * The longest wait between two probes while the client keeps probing a service that is down
   * for the failed queries on screen, in ms. @default 300000 (5 minutes)
   */
  maxProbeDelayMs?: number;
  /** How much later than a server-given time a retry may leave, as a fraction of the wait. @default 0.025 */
  serverWaitSpread?: number;
  /** Source of randomness in [0, 1) for jitter. @default Math.random */
  random?: () => number;
  /** The clock, in epoch ms. @default Date.now */
  now?: () => number;
}

/** `retry` and `retryDelay` in react-query's shapes. */
export interface RetryPolicy {
  /** Whether to try again after `failureCount + 1` failed attempts. */
  retry: (failureCount: number, error: unknown) => boolean;
  /**
   * How long to wait before the next attempt, in ms. It proposes the schedule `getScheduledRetry`
   * shows, which holds once `retry` (called by react-query right after) says the retry follows.
   */
  retryDelay: (failureCount: number, error: unknown) => number;
  /** The backoff delay before the n-th retry (n = 1 for the first) when the server gave no wait. */
  backoffDelay: (retryNumber: number) => number;
  /** The settings in force, defaults filled in. */
  options: Readonly<Required<RetryPolicyOptions>>;
}

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE']);

/** Default policy settings (`docs/architecture.md`, "Where the numbers live", says what checks each). */
export const DEFAULT_RETRY_POLICY: Readonly<Required<RetryPolicyOptions>> = {
  maxRetries: 3,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  maxServerWaitMs: 5 * 60_000,
  maxProbeDelayMs: 5 * 60_000,
  // A quarter of the 10% the design allows: the rest is for the 429's way to the client and for
  // timer delay. With half, the benchmark at 200 queries saw retries 10.35% late on a 1-s wait.
  serverWaitSpread: 0.025,
  // Arrow functions, so a replaced global (fake timers, a mocked clock) is used at call time.
  random: () => Math.random(),
  now: () => Date.now(),
};

/** Whether the server asked for a wait that makes sending again safe: a 429, or a 503 with Retry-After. */
export function isServerRefusal(error: ApiError): boolean {
  return error.kind === 'rate_limited' || (error.kind === 'unavailable' && error.retryAfterMs !== undefined);
}

/** @internal Whether sending the request of `error` again is safe: an idempotent method, or an `Idempotency-Key`. */
export function isIdempotent(error: ApiError): boolean {
  if (IDEMPOTENT_METHODS.has(error.method)) return true;
  return error.request?.headers.some(([name]) => name === 'idempotency-key') ?? false;
}

/**
 * The kit's retry rules as react-query `retry` / `retryDelay` functions.
 *
 * - Only what can succeed later is retried: 408, 429, 5xx, network failures and timeouts.
 * - A server-given wait (`Retry-After`, the body field, a rate-limit reset) is honoured exactly:
 *   never earlier, at most `serverWaitSpread` later; one longer than `maxServerWaitMs` is left
 *   to the person.
 * - Otherwise the n-th retry waits d = min(`maxDelayMs`, `baseDelayMs` × 2^(n−1)), drawn
 *   uniformly from [d/2, d].
 * - A 429, or a 503 with a wait, is retried for any method (the server did nothing); 5xx,
 *   network and timeout failures only for idempotent methods or requests with an
 *   `Idempotency-Key`, so a failing POST is never sent twice.
 * - The client's retry budget has the last word.
 *
 * @example
 * ```ts
 * const policy = createRetryPolicy({ maxRetries: 5 });
 * useQuery({ queryKey: ['orders'], queryFn, retry: policy.retry, retryDelay: policy.retryDelay });
 * ```
 */
export function createRetryPolicy(options: RetryPolicyOptions = {}): RetryPolicy {
  const settings: Required<RetryPolicyOptions> = { ...DEFAULT_RETRY_POLICY, ...stripUndefined(options) };
  const { maxRetries, baseDelayMs, maxDelayMs, maxServerWaitMs, serverWaitSpread, random, now } = settings;

  const backoffDelay = (retryNumber: number): number => {
    const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, retryNumber - 1));
    return Math.round(ceiling / 2 + random() * (ceiling / 2));
  };

  const decide = (failureCount: number, thrown: unknown): boolean => {
    if (isFinal(thrown) || failureCount >= maxRetries) return false;
    // An ApiError comes back as it is.
    const error = toApiError(thrown);
    if (!error.retryable || !budgetAllows(thrown)) return false;
    if (error.retryAfterMs !== undefined && error.retryAfterMs > maxServerWaitMs) return false;
    return isServerRefusal(error) || isIdempotent(error);
  };

  const retry = (failureCount: number, thrown: unknown): boolean => {
    const retrying = decide(failureCount, thrown);
    decideRetry(thrown, failureCount, retrying);
    return retrying;
  };

  const retryDelay = (failureCount: number, thrown: unknown): number => {
    const error = toApiError(thrown);
    const current = now();
    const wait = error.retryAfterMs;
    const serverGiven = wait !== undefined;
    const delay = serverGiven
      ? Math.max(0, error.receivedAt + wait - current) + Math.round(random() * serverWaitSpread * wait)
      : backoffDelay(failureCount + 1);
    // Only proposed: react-query asks `retry` after this, and that answer decides.
    if (typeof thrown === 'object' && thrown !== null && decide(failureCount, thrown)) {
      proposeRetry(thrown, failureCount, {
        at: current + delay,
        attempt: failureCount + 2,
        maxAttempts: maxRetries + 1,
        since: Math.min(error.receivedAt, current),
        serverGiven,
      });
    }
    return delay;
  };

  return { retry, retryDelay, backoffDelay, options: settings };
}

/**
 * react-query `DefaultOptions` that apply the kit's retry policy to every query and mutation,
 * for an app that keeps its own `QueryClient` and plain `useQuery`.
 *
 * @example
 * ```ts
 * const queryClient = new QueryClient({ defaultOptions: apiQueryDefaults() });
 * ```
 */
export function apiQueryDefaults(options: RetryPolicyOptions = {}): DefaultOptions {
  const { retry, retryDelay } = createRetryPolicy(options);
  return { queries: { retry, retryDelay }, mutations: { retry, retryDelay } };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
