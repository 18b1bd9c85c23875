'use client';
import { focusManager, onlineManager } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import type { ScheduledRetry } from '../core/retry/failure-record.js';
import { useDeadlinePassed } from './ticker.js';

const subscribeOnline = (listener: () => void) => onlineManager.subscribe(listener);
const readOnline = () => onlineManager.isOnline();
const subscribeFocus = (listener: () => void) => focusManager.subscribe(listener);
const readFocus = () => focusManager.isFocused();
const onServer = () => true;

/** @internal Whether react-query thinks the browser is online; re-renders when that changes. */
export function useIsOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, readOnline, onServer);
}

/** Whether react-query thinks the tab is visible; re-renders when that changes. */
function useIsFocused(): boolean {
  return useSyncExternalStore(subscribeFocus, readFocus, onServer);
}

/** @internal What holds a scheduled retry back: the browser is offline, or the tab is hidden. */
export type RetryHold = 'network' | 'tab';

/**
 * @internal What holds the `scheduled` retry, if anything: the browser is offline, or the tab is
 * hidden once the retry is due (as react-query's own retries wait); re-renders when that changes.
 */
export function useRetryHold(scheduled: ScheduledRetry | undefined): RetryHold | undefined {
  const online = useIsOnline();
  const focused = useIsFocused();
  const due = useDeadlinePassed(focused ? undefined : scheduled?.at);
  if (scheduled === undefined) return undefined;
  return !online ? 'network' : !focused && due ? 'tab' : undefined;
}

/** @internal Whether react-query holds the `scheduled` retry (see {@link useRetryHold}). */
export function useRetryHeldByBrowser(scheduled: ScheduledRetry | undefined): boolean {
  return useRetryHold(scheduled) !== undefined;
}
