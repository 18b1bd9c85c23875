'use client';
import { useCallback, useSyncExternalStore } from 'react';
import { clientContextOf } from '../core/client/guarded-instance.js';
import type { RecoverySnapshot } from '../core/retry/recovery.js';
import { getScheduledRetry, retryNow, stopRetrying, type ScheduledRetry } from '../core/retry/failure-record.js';
import { useRetryHeldByBrowser } from './browser-state.js';

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

const noSubscription = () => () => undefined;
const noSnapshot = (): RecoverySnapshot | undefined => undefined;

/**
 * @internal The shared part of `useApiQuery` and `useApiMutation`'s results. Re-renders when the
 * client's recovery changes, since a retry held behind a probe is scheduled by the client.
 * `retryNow` and `stopRetrying` keep their identity while the failure is the same; `afterStop`
 * (itself stable for that failure) runs after `stopRetrying`.
 */
export function useRetryControls(failure: unknown, pausedByQuery: boolean, client?: unknown, afterStop?: () => void): RetryControls {
  const recovery = clientContextOf(client)?.recovery;
  useSyncExternalStore(recovery?.subscribe ?? noSubscription, recovery?.snapshot ?? noSnapshot, recovery?.snapshot ?? noSnapshot);
  const scheduledRetry = getScheduledRetry(failure);
  const heldByBrowser = useRetryHeldByBrowser(scheduledRetry);
  const retryNowAfterFailure = useCallback(() => retryNow(failure), [failure]);
  const stopRetryingAfterFailure = useCallback(() => {
    stopRetrying(failure);
    afterStop?.();
  }, [failure, afterStop]);
  return {
    retryNow: retryNowAfterFailure,
    stopRetrying: stopRetryingAfterFailure,
    scheduledRetry,
    isRetryPaused: pausedByQuery || heldByBrowser,
  };
}
