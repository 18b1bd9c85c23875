import { createRateLimitGate, type RateLimitGate } from '../src/core/index.js';

/** Settings of {@link createPacedGate}. */
export interface PacedGateOptions {
  /** Requests in flight before any 429 was seen. @default Infinity */
  initialLimit?: number;
  /** Past this many requests in flight the limit is lifted again. @default 32 */
  liftAt?: number;
}

/** A rate-limit gate that also paces the requests it lets through after a 429. */
export interface PacedGate extends RateLimitGate {
  /** Wraps `fetch` so the gate sees when each request it let through has been answered. */
  track(fetch: typeof globalThis.fetch): typeof globalThis.fetch;
}

interface Waiter {
  resolve: () => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | null | undefined;
  onAbort: () => void;
}

/**
 * A proposal, measured by the diagnostics run: the kit's gate, except that after a 429 it lets
 * waiting requests out one at a time in arrival order, one more in flight for every round of
 * successes (additive increase), and back to one at the next 429. When the gate reopens, the
 * server thus sees a probe rather than every held request at once.
 *
 * @example
 * const gate = createPacedGate();
 * const client = createApiClient({ gate, fetch: gate.track(fetch), retryBudget: false });
 */
export function createPacedGate({ initialLimit = Number.POSITIVE_INFINITY, liftAt = 32 }: PacedGateOptions = {}): PacedGate {
  const inner = createRateLimitGate();
  const queue: Waiter[] = [];
  let inFlight = 0;
  let limit = initialLimit;
  let successesAtLimit = 0;

  const pump = () => {
    if (inner.snapshot().closedUntil !== null) return;
    while (queue.length > 0 && inFlight < limit) {
      const waiter = queue.shift()!;
      waiter.signal?.removeEventListener('abort', waiter.onAbort);
      inFlight += 1;
      waiter.resolve();
    }
  };
  inner.subscribe(pump);

  const answered = (response: Response | undefined) => {
    inFlight -= 1;
    if (response?.status === 429) {
      limit = 1;
      successesAtLimit = 0;
      const seconds = Number(response.headers.get('retry-after'));
      // Close here, before anything else can run: the client closes the same gate a moment later.
      if (Number.isFinite(seconds) && seconds > 0) inner.closeUntil(Date.now() + seconds * 1000);
    } else if (response?.ok && Number.isFinite(limit)) {
      successesAtLimit += 1;
      if (successesAtLimit >= limit) {
        limit = limit + 1 > liftAt ? Number.POSITIVE_INFINITY : limit + 1;
        successesAtLimit = 0;
      }
    }
    pump();
  };

  return {
    ...inner,
    wait(signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      return new Promise<void>((resolve, reject) => {
        const waiter: Waiter = {
          resolve,
          reject,
          signal,
          onAbort: () => {
            queue.splice(queue.indexOf(waiter), 1);
            reject(signal!.reason);
          },
        };
        signal?.addEventListener('abort', waiter.onAbort, { once: true });
        queue.push(waiter);
        pump();
      });
    },
    track(fetch) {
      return async (input, init) => {
        let response: Response | undefined;
        try {
          response = await fetch(input, init);
          return response;
        } finally {
          answered(response);
        }
      };
    },
  };
}
