import type { ApiError } from './ApiError.js';
import { isDevelopmentBuild } from './build-mode.js';
import { callQuietly } from './call-quietly.js';
import { devHint } from './dev-hints.js';
import type { Recovery } from './retry/recovery.js';

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
  const hinted = new Set<number>();
  return (error, key) => {
    recovery.failed(error, key);
    if ((devHints ?? isDevelopmentBuild()) && !hinted.has(error.status)) {
      const hint = devHint(error);
      if (hint !== undefined) {
        hinted.add(error.status);
        console.warn(`[api-error-kit] ${hint}`);
      }
    }
    callQuietly(onError, error);
    return error;
  };
}
