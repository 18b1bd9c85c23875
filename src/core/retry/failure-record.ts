import type { ApiError } from '../errors/ApiError.js';

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

/** @internal A wait under way for the retry after a failure, which the person may cut short or end. */
export interface RetryHold {
  /** Sends the retry now (`retryNow`). */
  now(): void;
  /** Ends the wait with the failure itself (`stopRetrying`). */
  stop(): void;
}

/**
 * What the kit knows about one failure for one retry cycle. These are not fields of `ApiError`:
 * they belong to the cycle, not to the failure's description, and react-query hands the kit
 * nothing but the error between `retryDelay`, `retry`, the next attempt and the render.
 */
interface FailureRecord {
  /** The retry proposed after the failure; shown only once `decided`. */
  schedule: ScheduledRetry | undefined;
  /**
   * react-query's `failureCount` the schedule was proposed at, so that only the `retry` call of
   * that same step decides it; `undefined` for a wait the client set (it is decided already).
   */
  failureCount: number | undefined;
  /** The `retry` in force said yes to the proposed schedule. */
  decided: boolean;
  /** `false` once the client's recovery refused a retry after this failure (its budget, probing). */
  budgetAllows: boolean;
  /** No retry follows, by any path (`stopRetrying`). */
  final: boolean;
  /** `retryNow` was asked before the attempt's own wait began: it starts cut short. */
  early: boolean;
  /** The kit hook's attempt waiting for the retry after this failure. */
  attemptWait: RetryHold | undefined;
  /** The retry the client holds behind a probe after this failure. */
  clientHold: RetryHold | undefined;
}

// Keyed by the error object itself, so a record lives exactly as long as the failure does.
// Whatever was thrown is looked up as it is (`as object`): a weak map's `get` answers `undefined`
// for a value that is no object; only `set` throws, and a record is made only for objects.
const records = new WeakMap<object, FailureRecord>();

const peek = (error: unknown): FailureRecord | undefined => records.get(error as object);

function recordOf(error: object): FailureRecord {
  let record = records.get(error);
  if (record === undefined) {
    record = {
      schedule: undefined,
      failureCount: undefined,
      decided: false,
      budgetAllows: true,
      final: false,
      early: false,
      attemptWait: undefined,
      clientHold: undefined,
    };
    records.set(error, record);
  }
  return record;
}

/**
 * @internal Proposes when the retry after `error` (react-query's `failureCount`) is due; it is
 * not shown until {@link decideRetry} says the retry follows. react-query asks `retryDelay`
 * before `retry`, so a retry that is refused must never show as scheduled.
 */
export function proposeRetry(error: object, failureCount: number, schedule: ScheduledRetry): void {
  const record = recordOf(error);
  record.schedule = schedule;
  record.failureCount = failureCount;
  record.decided = false;
}

/**
 * @internal What the `retry` in force decided after `error` at `failureCount`: a proposed
 * schedule is kept when `retrying`, and dropped when not.
 */
export function decideRetry(error: unknown, failureCount: number, retrying: boolean): void {
  const record = peek(error);
  if (record?.schedule === undefined || record.failureCount !== failureCount) return;
  if (retrying) record.decided = true;
  else record.schedule = undefined;
}

/** @internal The schedule proposed after `error`, decided or not (the kit's hooks wait for it in the next attempt). */
export function proposedRetry(error: unknown): ScheduledRetry | undefined {
  return peek(error)?.schedule;
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
  const record = peek(error);
  return record?.decided ? record.schedule : undefined;
}

/** @internal Forgets a recorded retry (it ran, or was called off). */
export function clearScheduledRetry(error: object): void {
  const record = peek(error);
  if (record) record.schedule = undefined;
}

/**
 * @internal Records that the retry after `failure` waits for the service: it goes with the probe
 * at `at` (attempt `attempt`); kept as it is when nothing changed. The client sets this schedule
 * itself, decided: no `retry` call of react-query's is asked about it.
 */
export function scheduleWaitForService(failure: ApiError, at: number, attempt: number, maxAttempts: number): void {
  const known = getScheduledRetry(failure);
  if (known?.waitingForService && known.at === at && known.attempt === attempt) return;
  const record = recordOf(failure);
  record.schedule = { at, attempt, maxAttempts, since: failure.receivedAt, serverGiven: false, waitingForService: true };
  record.failureCount = undefined;
  record.decided = true;
}

/** @internal Forgets a schedule that said the retry after `failure` waits for the service. */
export function clearWaitForService(failure: object): void {
  if (getScheduledRetry(failure)?.waitingForService) clearScheduledRetry(failure);
}

/** @internal Records whether the client's retry budget allowed a retry after this failure. */
export function recordBudgetVerdict(error: ApiError, allowed: boolean): void {
  recordOf(error).budgetAllows = allowed;
}

/** @internal The budget's verdict for this failure; `true` when no budget saw it. */
export function budgetAllows(error: unknown): boolean {
  return peek(error)?.budgetAllows ?? true;
}

/** @internal Whether a failure was made final (`stopRetrying`). */
export function isFinal(error: unknown): boolean {
  return peek(error)?.final ?? false;
}

/** @internal Whether `retryNow` was asked after `failure` (its wait is cut short, never before a server-given time). */
export function retryNowAsked(error: unknown): boolean {
  return peek(error)?.early ?? false;
}

/** @internal Records the kit hook's attempt waiting for the retry after `failure`; `undefined` when the wait ended. */
export function setAttemptWait(failure: object, wait: RetryHold | undefined): void {
  const record = wait === undefined ? peek(failure) : recordOf(failure);
  if (record) record.attemptWait = wait;
}

/** @internal Records the retry the client holds behind a probe after `failure`. */
export function holdRetry(failure: object, held: RetryHold): void {
  recordOf(failure).clientHold = held;
}

/** @internal Forgets the retry held after `failure` (it left, or ended). */
export function releaseHeldRetry(failure: object): void {
  const record = peek(failure);
  if (record) record.clientHold = undefined;
}

/**
 * @internal `retryNow()`: a retry the client holds behind a probe goes now; otherwise the
 * attempt's own wait is cut short (never before a server-given time), and when asked before that
 * wait began (react-query held the retry while offline), it applies when it begins. Nothing
 * happens when no retry is scheduled after `failure`.
 */
export function retryNow(failure: unknown): void {
  const record = peek(failure);
  if (record === undefined || getScheduledRetry(failure) === undefined) return;
  if (record.clientHold) return record.clientHold.now();
  record.early = true;
  record.attemptWait?.now();
}

/**
 * @internal `stopRetrying()`: makes `failure` final, so no retry follows it by any path; a
 * waiting attempt or a retry held by the client fails with it at once.
 */
export function stopRetrying(failure: unknown): void {
  if (typeof failure !== 'object' || failure === null) return;
  const record = recordOf(failure);
  record.final = true;
  record.schedule = undefined;
  record.attemptWait?.stop();
  record.clientHold?.stop();
}
