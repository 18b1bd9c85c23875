import { focusManager, onlineManager } from '@tanstack/react-query';
import { isApiError } from '../core/errors/ApiError.js';
import { clearScheduledRetry, getScheduledRetry, isFinal, retryNowAsked, setAttemptWait } from '../core/retry/failure-record.js';

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
 * until the browser is online and the tab visible. The kit's hooks wait inside the attempt, not
 * in react-query's own sleep, which cannot be cut short: so `retryNow()` and `stopRetrying()`
 * act at once. Rejects with `failure` itself once `stopRetrying` was asked, also while it waits
 * for the network or the tab, and with the abort reason when the signal aborts (read only when
 * there is a wait).
 */
export async function waitForScheduledRetry(failure: unknown, signalOf?: () => AbortSignal | undefined): Promise<void> {
  if (typeof failure !== 'object' || failure === null) return;
  if (isFinal(failure)) throw failure;
  const schedule = getScheduledRetry(failure);
  if (!schedule) return;
  const signal = signalOf?.();
  const target = retryNowAsked(failure) ? earliestAllowed(failure, schedule.at) : schedule.at;
  await new Promise<void>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Set while the retry is due and held for the network or the tab.
    let unsubscribe: (() => void) | undefined;
    const finish = (settle: () => void) => {
      if (timer !== undefined) clearTimeout(timer);
      unsubscribe?.();
      setAttemptWait(failure, undefined);
      signal?.removeEventListener('abort', onAbort);
      settle();
    };
    const onAbort = () => finish(() => reject(signal?.reason));
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
    setAttemptWait(failure, {
      now: () => arm(earliestAllowed(failure, schedule.at)),
      stop: () => finish(() => reject(failure)),
    });
    arm(target);
  });
  clearScheduledRetry(failure);
}
