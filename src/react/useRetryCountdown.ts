'use client';
import { useState } from 'react';
import { isApiError, type ApiError } from '../core/errors/ApiError.js';
import { getScheduledRetry, isFinal, type ScheduledRetry } from '../core/retry/failure-record.js';
import { useRetryHold, type RetryHold } from './browser-state.js';
import { useWholeSecondsLeft } from './ticker.js';

/**
 * The parts of a react-query query or mutation result the countdown reads: the failure being
 * retried (`failureReason`) or the final one (`error`), and whether react-query holds the retry.
 */
export interface RetryingResult {
  /** The latest failure, while react-query still retries. */
  failureReason?: unknown;
  /** The final failure. */
  error?: unknown;
  /** A query's fetch status: `'paused'` while it waits for the network. */
  fetchStatus?: string;
  /** A mutation's: `true` while it waits for the network. */
  isPaused?: boolean;
}

/**
 * What a countdown counts down to: a time (epoch ms or `Date`), an `ApiError` (its scheduled
 * retry, else `receivedAt + retryAfterMs`), a query or mutation result (its failure's schedule),
 * or nothing.
 */
export type RetryCountdownTarget = number | Date | ApiError | RetryingResult | null | undefined;

/** What {@link useRetryCountdown} returns, as of the latest tick (once per whole second of the wait). */
export interface RetryCountdownState {
  /** Milliseconds left; 0 when there is no wait or it is over. */
  remainingMs: number;
  /** Whole seconds left, rounded up: 1 until the wait is over. */
  seconds: number;
  /** Whether a wait is going on (time is left, or react-query holds the retry). */
  active: boolean;
  /** Whether react-query holds the retry: offline, or the result's fetch is paused. */
  paused: boolean;
  /** From 0 when the wait began to 1 when it ends, linear in time. */
  progress: number;
}

/** @internal A countdown target, read. */
export interface ResolvedTarget {
  /** When the wait ends (epoch ms), if there is one. */
  deadline: number | undefined;
  /** When the wait began, when the target knows it (a failure's `receivedAt`, a schedule's `since`). */
  start: number | undefined;
  /** The automatic retry react-query will run at `deadline`, if one is scheduled. */
  scheduled: ScheduledRetry | undefined;
  /** Whether the result itself says react-query is holding it (`fetchStatus: 'paused'`, `isPaused`). */
  heldByResult: boolean;
}

const NOTHING: ResolvedTarget = { deadline: undefined, start: undefined, scheduled: undefined, heldByResult: false };

function fromFailure(failure: unknown, heldByResult: boolean): ResolvedTarget {
  const scheduled = getScheduledRetry(failure);
  if (scheduled) return { deadline: scheduled.at, start: scheduled.since, scheduled, heldByResult };
  // Checked, not trusted: an object shaped like an ApiError may carry anything in these fields.
  const wait = isApiError(failure) ? failure.retryAfterMs : undefined;
  if (isApiError(failure) && Number.isFinite(failure.receivedAt) && typeof wait === 'number' && Number.isFinite(wait)) {
    return { deadline: failure.receivedAt + wait, start: failure.receivedAt, scheduled, heldByResult };
  }
  return { ...NOTHING, heldByResult };
}

/**
 * Reads a countdown target: when its wait ends, when it began, what holds it, and the failure it
 * is about (if it is an error or a result rather than a time). Never throws: a target whose reads
 * throw (a revoked proxy, a look-alike with a throwing getter) is no wait rather than a broken render.
 */
function readTarget(target: RetryCountdownTarget): { resolved: ResolvedTarget; failure: unknown } {
  try {
    if (target === null || target === undefined) return { resolved: NOTHING, failure: undefined };
    if (typeof target === 'number' || target instanceof Date) {
      const deadline = typeof target === 'number' ? target : target.getTime();
      return { resolved: Number.isFinite(deadline) ? { ...NOTHING, deadline } : NOTHING, failure: undefined };
    }
    if (isApiError(target)) return { resolved: fromFailure(target, false), failure: target };
    const failure = target.failureReason ?? target.error ?? undefined;
    return { resolved: fromFailure(failure, target.fetchStatus === 'paused' || target.isPaused === true), failure };
  } catch {
    return { resolved: NOTHING, failure: undefined };
  }
}

/** A wait as last seen, and the failure it was about (its `heldByResult` is read anew each render). */
interface RememberedWait extends ResolvedTarget {
  failure: unknown;
  deadline: number;
  start: number;
}

/**
 * @internal A target's wait, with memory: a bare time's wait starts when first seen,
 * and a failure keeps its deadline after its schedule is cleared (that happens when the retry
 * begins, often before anything re-renders), so the countdown still reaches its end.
 */
export function useRetryWait(target: RetryCountdownTarget): ResolvedTarget {
  const { resolved, failure } = readTarget(target);
  const [remembered, setRemembered] = useState<RememberedWait>();
  const same = remembered !== undefined && remembered.failure === failure;

  // The retry scheduled after this failure has begun (its schedule is cleared when it leaves): it
  // stays the wait shown, so the person reads "Retrying now" rather than the failure as final.
  if (resolved.scheduled === undefined && same && remembered.scheduled !== undefined && !isFinal(failure)) {
    return { ...remembered, heldByResult: resolved.heldByResult };
  }
  if (resolved.deadline !== undefined) {
    const start = resolved.start ?? (same && remembered.deadline === resolved.deadline ? remembered.start : Date.now());
    // Only a new wait is remembered: a failure rebuilt on every render (one that crossed a JSON
    // boundary) is a new object with the same wait, and remembering each would render in a loop.
    if (remembered === undefined || remembered.deadline !== resolved.deadline || remembered.start !== start || remembered.scheduled !== resolved.scheduled) {
      setRemembered({ ...resolved, deadline: resolved.deadline, start, failure });
    }
    return { ...resolved, start };
  }
  // A remembered retry is over once the failure was made final (`stopRetrying`).
  if (failure !== undefined && same && !isFinal(failure)) {
    return { ...remembered, heldByResult: resolved.heldByResult };
  }
  return resolved;
}

/**
 * A countdown to the next try: the time the server asked to wait, or the retry react-query has
 * scheduled. Re-renders its component once per second of the wait (all countdowns on the page
 * share one timer, which stops when nothing waits) and never after the wait is over.
 *
 * `target` is an epoch-ms time, a `Date`, an `ApiError`, a query or mutation result, or `null`.
 * While react-query holds the retry (offline, `fetchStatus: 'paused'`, or a hidden tab when the
 * retry is due), `paused` is `true`:
 * show "Waiting for the network" rather than a false "0 s".
 *
 * @example
 * ```tsx
 * function Orders() {
 *   const orders = useApiQuery({ queryKey: ['orders'], path: 'orders' });
 *   const { active, seconds, paused } = useRetryCountdown(orders);
 *   if (!active) return null;
 *   return <p>{paused ? 'Waiting for the network' : `Retrying in ${seconds} s`}</p>;
 * }
 * ```
 */
export function useRetryCountdown(target: RetryCountdownTarget): RetryCountdownState {
  const { heldBy: _heldBy, ...state } = useCountdownOfWait(useRetryWait(target));
  return state;
}

/** @internal A countdown's state, and what holds its retry when it is paused. */
export interface CountdownOfWait extends RetryCountdownState {
  /** What holds the retry while `paused`: the network (offline, or a paused fetch) or a hidden tab. */
  heldBy: RetryHold | undefined;
}

/** @internal {@link useRetryCountdown} for a wait already read with {@link useRetryWait}. */
export function useCountdownOfWait(wait: ResolvedTarget): CountdownOfWait {
  const { deadline, start, scheduled, heldByResult } = wait;
  const hold = useRetryHold(scheduled);
  const seconds = useWholeSecondsLeft(deadline);
  const heldBy = heldByResult ? 'network' : hold;
  const paused = heldBy !== undefined;
  if (deadline === undefined) return { remainingMs: 0, seconds: 0, active: paused, paused, progress: 0, heldBy };

  const now = Date.now();
  const remainingMs = seconds === 0 ? 0 : Math.max(1, deadline - now);
  const total = deadline - (start ?? now);
  const progress = remainingMs === 0 || total <= 0 ? 1 : Math.min(1, Math.max(0, (now - (start ?? now)) / total));
  return { remainingMs, seconds, active: seconds > 0 || paused, paused, progress, heldBy };
}
