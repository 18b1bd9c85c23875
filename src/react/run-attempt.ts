import { ApiError } from '../core/ApiError.js';
import { callQuietly } from '../core/call-quietly.js';
import { toApiError } from '../core/to-api-error.js';
import type { AuthErrorHandler } from './api-kit-context.js';
import { waitForScheduledRetry } from './retry-hold.js';

/** @internal What one attempt of a kit hook needs. */
export interface AttemptOptions {
  /** The failure before this attempt, whose scheduled retry this attempt is. */
  previousFailure: unknown;
  /** The attempt's signal, read only when there is a wait to abort (reading react-query's marks the query as consuming it). */
  signal?: (() => AbortSignal | undefined) | undefined;
  onAuthError: AuthErrorHandler | undefined;
  onError: ((error: ApiError) => void) | undefined;
}

async function askForFreshCredentials(onAuthError: AuthErrorHandler, error: ApiError): Promise<boolean> {
  try {
    return (await onAuthError(error)) === true;
  } catch {
    return false;
  }
}

/**
 * @internal One attempt of a kit query or mutation: waits for its scheduled retry, sends, and
 * routes a 401/403 to `onAuthError` (a 401 is sent once more when it says credentials were
 * refreshed). Every failure leaves as an `ApiError`.
 */
export async function runAttempt<T>(send: () => Promise<T>, options: AttemptOptions): Promise<T> {
  await waitForScheduledRetry(options.previousFailure, options.signal);
  try {
    return await send();
  } catch (thrown) {
    const error = thrown instanceof ApiError ? thrown : toApiError(thrown);
    if (error.kind === 'aborted') throw thrown;
    callQuietly(options.onError, error);
    if (!options.onAuthError || (error.status !== 401 && error.status !== 403)) throw error;
    const refreshed = await askForFreshCredentials(options.onAuthError, error);
    if (!refreshed || error.status !== 401) throw error;
    try {
      return await send();
    } catch (retried) {
      const again = retried instanceof ApiError ? retried : toApiError(retried);
      if (again.kind === 'aborted') throw retried;
      callQuietly(options.onError, again);
      // The app learns that the refresh did not help; the request is not sent a third time.
      if (again.status === 401 || again.status === 403) await askForFreshCredentials(options.onAuthError, again);
      throw again;
    }
  }
}
