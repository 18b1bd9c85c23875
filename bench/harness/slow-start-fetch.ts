import type { RateLimitGate } from '../../src/core/index.js';

/** Settings of {@link slowStartFetch}. */
export interface SlowStartOptions {
  /** The client's gate: a request held here leaves only while it is open. */
  gate: RateLimitGate;
  /** Requests in flight at the start. @default 1 */
  initialLimit?: number;
  /** Past this many requests in flight the limit is lifted. @default 64 */
  liftAt?: number;
}

/**
 * A proposal the kit does not ship, measured by the diagnostics run: a `fetch` that limits the
 * requests in flight from the very start, like TCP's slow start (one more with each success,
 * lifted at `liftAt`), so a crowd of first requests meets the server a few at a time. The kit's
 * own admission and gate sit above it; a request it holds also waits for the gate, since the
 * gate may have closed after the request passed it.
 *
 * @example
 * const gate = createRateLimitGate();
 * const client = createApiClient({ gate, fetch: slowStartFetch(fetch, { gate, initialLimit: 1 }) });
 */
export function slowStartFetch(fetch: typeof globalThis.fetch, { gate, initialLimit = 1, liftAt = 64 }: SlowStartOptions): typeof globalThis.fetch {
  let limit = initialLimit;
  let inFlight = 0;
  const queue: Array<() => void> = [];
  const pump = () => {
    while (inFlight < limit && queue.length > 0) {
      inFlight += 1;
      queue.shift()!();
    }
  };
  return async (input, init) => {
    await new Promise<void>((resolve) => {
      queue.push(resolve);
      pump();
    });
    await gate.wait();
    let response: Response | undefined;
    try {
      response = await fetch(input, init);
      return response;
    } finally {
      inFlight -= 1;
      if (response?.ok && Number.isFinite(limit)) limit = limit + 1 >= liftAt ? Number.POSITIVE_INFINITY : limit + 1;
      pump();
    }
  };
}
