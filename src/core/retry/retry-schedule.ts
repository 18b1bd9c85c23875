import type { ApiError } from '../ApiError.js';

/** When react-query will try a failed request again. */
export interface ScheduledRetry {
  /** When the next attempt is due (epoch ms). */
  at: number;
  /** The attempt that will run at `at` (attempt 1 is the first request; the first retry is 2). */
  attempt: number;
  /** How many attempts there are at most (the first request included). */
  maxAttempts: number;
  /** When the wait began (epoch ms): the failure's `receivedAt`. */
  since: number;
  /** Whether `at` is a wait the server asked for, which `retryNow` may not shorten. */
  serverGiven: boolean;
  /**
   * `true` while the retry waits behind a probe for the service to answer again (the client's
   * retry budget is spent): `at` is then when the next probe goes, the earliest this retry may.
   */
  waitingForService?: boolean;
}

// Keyed by the error object itself, so the schedule lives exactly as long as the failure does.
const schedules = new WeakMap<object, ScheduledRetry>();
const verdicts = new WeakMap<object, boolean>();

/** @internal Records when the retry after `error` is due. */
export function recordScheduledRetry(error: object, schedule: ScheduledRetry): void {
  schedules.set(error, schedule);
}

/** @internal Forgets a recorded retry (it ran, or was called off). */
export function clearScheduledRetry(error: object): void {
  schedules.delete(error);
}

/**
 * When react-query will try again after this failure, as recorded by the kit's `retryDelay`:
 * `{ at, attempt, maxAttempts }`, or `undefined` when no retry is scheduled (the error is final,
 * not retryable, or did not come through the kit's retry policy).
 *
 * @example
 * const next = getScheduledRetry(query.error);
 * if (next) console.log(`attempt ${next.attempt} of ${next.maxAttempts} at ${new Date(next.at)}`);
 */
export function getScheduledRetry(error: unknown): ScheduledRetry | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  return schedules.get(error);
}

/** @internal Records whether the client's retry budget allowed a retry after this failure. */
export function recordBudgetVerdict(error: ApiError, allowed: boolean): void {
  verdicts.set(error, allowed);
}

/** @internal The budget's verdict for this failure; `true` when no budget saw it. */
export function budgetAllows(error: unknown): boolean {
  return typeof error !== 'object' || error === null ? true : verdicts.get(error) ?? true;
}

const finals = new WeakSet<object>();

/** @internal Marks a failure as final: no retry follows it (`stopRetrying`). */
export function markFinal(error: object): void {
  finals.add(error);
  schedules.delete(error);
}

/** @internal Whether a failure was marked final. */
export function isFinal(error: unknown): boolean {
  return typeof error === 'object' && error !== null && finals.has(error);
}
