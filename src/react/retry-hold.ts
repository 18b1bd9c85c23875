import { focusManager, onlineManager } from '@tanstack/react-query';
import { isApiError } from '../core/ApiError.js';
import { sendHeldRetryNow, stopHeldRetry } from '../core/retry/held-retries.js';
import { clearScheduledRetry, getScheduledRetry, isFinal, markFinal } from '../core/retry/retry-schedule.js';

interface Hold {
  now(): void;
  stop(): void;
}

// The kit's hooks wait for a retry inside the attempt (react-query's own sleep cannot be cut
// short), so `retryNow()` and `stopRetrying()` can act at once. Keyed by the failure waited on.
const holds = new WeakMap<object, Hold>();
const early = new WeakSet<object>();

function earliestAllowed(error: object, scheduledAt: number): number {
  const schedule = getScheduledRetry(error);
  if (!schedule?.serverGiven || !isApiError(error) || error.retryAfterMs === undefined) return Date.now();
  // Never before the time the server gave, even when asked to hurry.
  return Math.min(scheduledAt, error.receivedAt + error.retryAfterMs);
}

// The same condition react-query checks before a retry of its own: online, and the tab visible.
const mayContinue = () => onlineManager.isOnline() && focusManager.isFocused();

/**
 * @internal Waits until the retry scheduled after `failure` is due (at once when none is), then
 * until the browser is online and the tab visible. Rejects with `failure` itself once
 * `stopRetrying` was asked, also while it waits for the network or the tab, and with the abort
 * reason when the signal aborts (read only when there is a wait).
 */
export async function waitForScheduledRetry(failure: unknown, signalOf?: () => AbortSignal | undefined): Promise<void> {
  if (typeof failure !== 'object' || failure === null) return;
  if (isFinal(failure)) throw failure;
  const schedule = getScheduledRetry(failure);
  if (!schedule) return;
  const signal = signalOf?.();
  const target = early.has(failure) ? earliestAllowed(failure, schedule.at) : schedule.at;
  await new Promise<void>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Set while the retry is due and held for the network or the tab.
    let unsubscribe: (() => void) | undefined;
    const finish = (settle: () => void) => {
      if (timer !== undefined) clearTimeout(timer);
      unsubscribe?.();
      holds.delete(failure);
      signal?.removeEventListener('abort', onAbort);
      settle();
    };
    const onAbort = () => finish(() => reject(signal!.reason));
    const due = () => {
      timer = undefined;
      if (mayContinue()) return finish(resolve);
      const check = () => {
        if (mayContinue()) finish(resolve);
      };
      const unsubscribeOnline = onlineManager.subscribe(check);
      const unsubscribeFocus = focusManager.subscribe(check);
      unsubscribe = () => {
        unsubscribeOnline();
        unsubscribeFocus();
      };
    };
    const arm = (at: number) => {
      if (unsubscribe) return;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(due, Math.max(0, at - Date.now()));
    };
    if (signal?.aborted) return reject(signal.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    holds.set(failure, {
      now: () => arm(earliestAllowed(failure, schedule.at)),
      stop: () => finish(() => reject(failure)),
    });
    arm(target);
  });
  clearScheduledRetry(failure);
}

/**
 * @internal Skips the rest of the wait after `failure` (never before a server-given time).
 * Asked before the wait began (react-query held the retry while offline), it applies when it begins.
 */
export function retryNowAfter(failure: unknown): void {
  if (typeof failure !== 'object' || failure === null || !getScheduledRetry(failure)) return;
  // Held by the client behind a probe, it goes now; else the hook's own wait is cut short.
  if (sendHeldRetryNow(failure)) return;
  early.add(failure);
  holds.get(failure)?.now();
}

/** @internal Makes `failure` final: no further request; a waiting attempt fails with it at once. */
export function stopRetryingAfter(failure: unknown): void {
  if (typeof failure !== 'object' || failure === null) return;
  markFinal(failure);
  holds.get(failure)?.stop();
  stopHeldRetry(failure);
}
