'use client';
import { useCallback, useSyncExternalStore } from 'react';

interface Subscription {
  readonly deadline: number;
  readonly listener: () => void;
  /** Whole seconds left when the listener was last told. */
  seconds: number;
}

const subscriptions = new Set<Subscription>();
let timer: ReturnType<typeof setTimeout> | undefined;
let timerAt = Number.POSITIVE_INFINITY;

/** Whole seconds left until `deadline`, rounded up: 1 until the wait is over, then 0. */
function wholeSecondsLeft(deadline: number, now: number): number {
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}

// The next moment any subscription's whole-second count changes.
function nextChange(now: number): number {
  let next = Number.POSITIVE_INFINITY;
  for (const { deadline } of subscriptions) {
    const remaining = deadline - now;
    if (remaining > 0) next = Math.min(next, now + ((remaining - 1) % 1000) + 1);
  }
  return next;
}

function schedule(): void {
  const now = Date.now();
  const next = nextChange(now);
  if (next === timerAt && timer !== undefined) return;
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  timerAt = next;
  // Nothing waits: the clock stops until someone subscribes again.
  if (next !== Number.POSITIVE_INFINITY) timer = setTimeout(tick, next - now);
}

function tick(): void {
  timer = undefined;
  timerAt = Number.POSITIVE_INFINITY;
  const now = Date.now();
  for (const subscription of [...subscriptions]) {
    const seconds = wholeSecondsLeft(subscription.deadline, now);
    if (seconds === subscription.seconds) continue;
    subscription.seconds = seconds;
    subscription.listener();
  }
  schedule();
}

/**
 * Calls `listener` each time the whole seconds left until `deadline` change (the last
 * time when the deadline is reached). All subscriptions share one timer, armed for the next
 * change of any of them and cleared when nothing is left to wait for.
 */
function subscribeToDeadline(deadline: number, listener: () => void): () => void {
  const subscription: Subscription = { deadline, listener, seconds: wholeSecondsLeft(deadline, Date.now()) };
  subscriptions.add(subscription);
  schedule();
  return () => {
    subscriptions.delete(subscription);
    schedule();
  };
}

const noSubscription = () => () => {};

/** `read()`, re-read each time the whole seconds left until `deadline` change; `undefined` subscribes to nothing. */
function useDeadline<T>(deadline: number | undefined, read: () => T): T {
  const subscribe = useCallback(
    (listener: () => void) => (deadline === undefined ? noSubscription() : subscribeToDeadline(deadline, listener)),
    [deadline],
  );
  return useSyncExternalStore(subscribe, read, read);
}

/**
 * @internal The whole seconds left until `deadline` (rounded up), re-rendering the calling
 * component only when that number changes. `undefined` means nothing to wait for (always 0).
 */
export function useWholeSecondsLeft(deadline: number | undefined): number {
  return useDeadline(deadline, () => (deadline === undefined ? 0 : wholeSecondsLeft(deadline, Date.now())));
}

/**
 * @internal Whether `deadline` has passed (`true` when there is none), re-rendering the calling
 * component once, when it passes: not on every second.
 */
export function useDeadlinePassed(deadline: number | undefined): boolean {
  return useDeadline(deadline, () => deadline === undefined || Date.now() >= deadline);
}
