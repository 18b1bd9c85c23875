/**
 * @internal Calls a caller's logging callback (`onError`) with `value` (the failure). A callback that throws or
 * returns a rejecting promise must never become the request's failure, nor an unhandled rejection.
 */
export function callQuietly<T>(callback: ((value: T) => unknown) | undefined, value: T): void {
  if (!callback) return;
  try {
    const result = callback(value);
    if (result !== undefined) void Promise.resolve(result).catch(() => undefined);
  } catch {
    // A logger's failure must not become the request's failure.
  }
}
