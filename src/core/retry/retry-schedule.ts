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
   * retry budget is spent, or the policy gave up and the client keeps probing while the failed
   * query is on screen): `at` is then when the next probe goes, the earliest this retry may.
   * After the policy gave up, `attempt` may be past `maxAttempts`: the client still tries.
   */
  waitingForService?: boolean;
}

// Keyed by the error object itself, so the schedule lives exactly as long as the failure does.
// react-query asks `retryDelay` before it asks `retry`, so a schedule is first only proposed (for
// the failure count it was computed at) and shows once the retry in force said yes.
interface Entry {
  schedule: ScheduledRetry;
  failureCount: number;
  decided: boolean;
}
// Whatever was thrown is looked up as it is (`as object`): a weak collection's `get`, `has` and
// `delete` answer `undefined` or `false` for a value that is no object; only `set` throws.
const schedules = new WeakMap<object, Entry>();
const verdicts = new WeakMap<object, boolean>();

/**
 * @internal Proposes when the retry after `error` (react-query's `failureCount`) is due; it is
 * not shown until {@link decideScheduledRetry} says the retry follows.
 */
export function proposeScheduledRetry(error: object, failureCount: number, schedule: ScheduledRetry): void {
  schedules.set(error, { schedule, failureCount, decided: false });
}

/**
 * @internal What the `retry` in force decided after `error` at `failureCount`: a proposed
 * schedule is kept when `retrying`, and dropped when not.
 */
export function decideScheduledRetry(error: unknown, failureCount: number, retrying: boolean): void {
  const entry = schedules.get(error as object);
  if (entry === undefined || entry.failureCount !== failureCount) return;
  if (retrying) entry.decided = true;
  else schedules.delete(error as object);
}

/** @internal The schedule proposed after `error`, decided or not (the kit's hooks wait for it in the next attempt). */
export function proposedScheduledRetry(error: unknown): ScheduledRetry | undefined {
  return schedules.get(error as object)?.schedule;
}

/**
 * @internal Records that the retry after `failure` waits for the service: it goes with the probe
 * at `at` (attempt `attempt`); kept as it is when nothing changed.
 */
export function scheduleWaitForService(failure: ApiError, at: number, attempt: number, maxAttempts: number): void {
  const known = getScheduledRetry(failure);
  if (known?.waitingForService && known.at === at && known.attempt === attempt) return;
  // react-query's failureCount before that attempt.
  const failureCount = attempt - 2;
  proposeScheduledRetry(failure, failureCount, { at, attempt, maxAttempts, since: failure.receivedAt, serverGiven: false, waitingForService: true });
  decideScheduledRetry(failure, failureCount, true);
}

/** @internal Forgets a schedule that said the retry after `failure` waits for the service. */
export function clearWaitForService(failure: object): void {
  if (getScheduledRetry(failure)?.waitingForService) clearScheduledRetry(failure);
}

/** @internal Forgets a recorded retry (it ran, or was called off). */
export function clearScheduledRetry(error: object): void {
  schedules.delete(error);
}

/**
 * When react-query will try again after this failure, as recorded by the kit's `retryDelay` once
 * the kit's `retry` (or, in the kit's hooks, whatever `retry` they were given) decided to try
 * again: `{ at, attempt, maxAttempts }`, or `undefined` when no retry is scheduled (the error is
 * final, not retryable, `retry` said no, or it did not come through the kit's retry policy).
 *
 * @example
 * const next = getScheduledRetry(query.error);
 * if (next) console.log(`attempt ${next.attempt} of ${next.maxAttempts} at ${new Date(next.at)}`);
 */
export function getScheduledRetry(error: unknown): ScheduledRetry | undefined {
  const entry = schedules.get(error as object);
  return entry?.decided ? entry.schedule : undefined;
}

/** @internal Records whether the client's retry budget allowed a retry after this failure. */
export function recordBudgetVerdict(error: ApiError, allowed: boolean): void {
  verdicts.set(error, allowed);
}

/** @internal The budget's verdict for this failure; `true` when no budget saw it. */
export function budgetAllows(error: unknown): boolean {
  return verdicts.get(error as object) ?? true;
}

const finals = new WeakSet<object>();

/** @internal Marks a failure as final: no retry follows it (`stopRetrying`). */
export function markFinal(error: object): void {
  finals.add(error);
  schedules.delete(error);
}

/** @internal Whether a failure was marked final. */
export function isFinal(error: unknown): boolean {
  return finals.has(error as object);
}
