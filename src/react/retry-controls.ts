'use client';
import { getScheduledRetry, type ScheduledRetry } from '../core/retry/retry-schedule.js';
import { useRetryHeldByBrowser } from './browser-state.js';
import { retryNowAfter, stopRetryingAfter } from './retry-hold.js';

/** What the kit's query and mutation hooks add to react-query's result. */
export interface RetryControls {
  /**
   * Skips the rest of the wait and tries at once, where the server has not asked to wait (it then
   * sends at that time). The attempt counts as usual and pays the retry budget.
   */
  retryNow: () => void;
  /** Makes the current failure final: no further request; the last `ApiError` stays as the error. */
  stopRetrying: () => void;
  /** When the next automatic retry is due, which attempt it is and out of how many; `undefined` when none is. */
  scheduledRetry: ScheduledRetry | undefined;
  /** Whether the retry is held: the browser is offline, or the tab is hidden when the retry is due. */
  isRetryPaused: boolean;
}

/** @internal The shared part of `useApiQuery` and `useApiMutation`'s results. */
export function useRetryControls(failure: unknown, pausedByQuery: boolean): RetryControls {
  const scheduledRetry = getScheduledRetry(failure);
  const heldByBrowser = useRetryHeldByBrowser(scheduledRetry);
  return {
    retryNow: () => retryNowAfter(failure),
    stopRetrying: () => stopRetryingAfter(failure),
    scheduledRetry,
    isRetryPaused: pausedByQuery || heldByBrowser,
  };
}
