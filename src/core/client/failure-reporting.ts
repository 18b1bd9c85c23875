import type { ApiError } from '../errors/ApiError.js';
import { callQuietly } from './call-quietly.js';
import { hintOnce } from '../diagnostics/dev-hints.js';
import type { Recovery } from '../retry/recovery.js';

/** @internal What {@link failureReporter} needs. */
export interface ReportingOptions {
  recovery: Recovery;
  onError: ((error: ApiError) => void | Promise<void>) | undefined;
  devHints: boolean | undefined;
}

/**
 * @internal Reports each mapped failure once: to recovery (the budget, a server-given wait), as a
 * console hint for a likely mistake (once per status), and to the caller's `onError`.
 */
export function failureReporter({ recovery, onError, devHints }: ReportingOptions): (error: ApiError, key?: string) => ApiError {
  const hint = hintOnce(devHints);
  return (error, key) => {
    recovery.failed(error, key);
    hint(error);
    callQuietly(onError, error);
    return error;
  };
}
