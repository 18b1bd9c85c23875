import type { ApiError } from '../core/errors/ApiError.js';
import { callQuietly } from '../core/client/call-quietly.js';
import { toApiError } from '../core/errors/to-api-error.js';
import type { ApiKitContextValue, AuthErrorHandler } from '../react/api-kit-context.js';
import { waitForScheduledRetry } from './attempt-wait.js';

async function askForFreshCredentials(onAuthError: AuthErrorHandler, error: ApiError): Promise<boolean> {
  try {
    return (await onAuthError(error)) === true;
  } catch {
    return false;
  }
}

// A 403 that is a rate limit (kind `rate_limited`) is no credentials problem: it is waited for instead.
const isAuthFailure = (error: ApiError) => error.kind === 'unauthorized' || error.kind === 'forbidden';

/**
 * @internal One attempt of a kit query or mutation: waits for the retry scheduled after
 * `previousFailure`, sends, and routes a 401/403 to the provider's `onAuthError` (a 401 is sent
 * once more when it says credentials were refreshed). Every failure is told to the provider's
 * `onError` and leaves as an `ApiError`; an abort leaves as it was thrown. `signal` is read only
 * when there is a wait to abort (reading react-query's marks the query as consuming it).
 */
export async function runAttempt<T>(
  send: () => Promise<T>,
  previousFailure: unknown,
  { onAuthError, onError }: ApiKitContextValue,
  signal?: () => AbortSignal | undefined,
): Promise<T> {
  await waitForScheduledRetry(previousFailure, signal);
  const failure = (thrown: unknown): ApiError => {
    const error = toApiError(thrown);
    if (error.kind === 'aborted') throw thrown;
    callQuietly(onError, error);
    return error;
  };
  try {
    return await send();
  } catch (thrown) {
    const error = failure(thrown);
    if (!onAuthError || !isAuthFailure(error) || !(await askForFreshCredentials(onAuthError, error)) || error.status !== 401) {
      throw error;
    }
    try {
      return await send();
    } catch (retried) {
      const again = failure(retried);
      // The app learns that the refresh did not help; the request is not sent a third time.
      if (isAuthFailure(again)) await askForFreshCredentials(onAuthError, again);
      throw again;
    }
  }
}
