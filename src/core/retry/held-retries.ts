/** @internal What the person may do with a retry held behind a probe. */
export interface HeldRetry {
  /** Sends it at once (`retryNow`). */
  now(): void;
  /** Fails it with the failure it follows (`stopRetrying`). */
  stop(): void;
}

// A retry held behind a probe, by the failure it follows, for `retryNow` and `stopRetrying`.
const heldRetries = new WeakMap<object, HeldRetry>();

/** @internal Records the retry held after `failure`. */
export function holdRetry(failure: object, held: HeldRetry): void {
  heldRetries.set(failure, held);
}

/** @internal Forgets the retry held after `failure` (it left, or ended). */
export function releaseHeldRetry(failure: object): void {
  heldRetries.delete(failure);
}

/** @internal Sends a retry held behind a probe at once (`retryNow`); `false` when none waits after `failure`. */
export function sendHeldRetryNow(failure: unknown): boolean {
  const held = typeof failure === 'object' && failure !== null ? heldRetries.get(failure) : undefined;
  held?.now();
  return held !== undefined;
}

/** @internal Fails a retry held behind a probe with `failure` itself (`stopRetrying`). */
export function stopHeldRetry(failure: unknown): void {
  if (typeof failure === 'object' && failure !== null) heldRetries.get(failure)?.stop();
}
