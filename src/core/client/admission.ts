import type { BeforeRequestHook } from 'ky';
import { ApiError } from '../errors/ApiError.js';
import { isRequestSlot, REQUEST_SLOT } from './guarded-instance.js';
import { requestKey } from './request-key.js';
import { waitsOnlyWhileClosed, type RateLimitGate } from '../retry/rate-limit-gate.js';
import type { Recovery, Release } from '../retry/recovery.js';

// The place goes with the request, given back by the guard when it settles.
function keep(slot: unknown, release: Release): void {
  if (isRequestSlot(slot)) slot.release = release;
  else release('cancelled');
}

/**
 * @internal The `beforeRequest` hook that asks the recovery controller whether a request may
 * leave now, and waits for its turn when not. Synchronous while nothing holds requests back, as
 * almost always: no promise per request. A request that waited behind failing probes until the
 * policy would have given up ends with a copy of its last answer, given to `ended` (the caller's
 * `onError`): that failure was never mapped here, so nothing else reports it.
 */
export function admissionHook(recovery: Recovery, gate: RateLimitGate | undefined, ended: (error: ApiError) => void): BeforeRequestHook {
  const wait = async (request: Request, slot: unknown): Promise<void> => {
    // Another gate's `wait` may do more than its snapshot says: it is always asked first.
    if (gate && !waitsOnlyWhileClosed(gate)) await gate.wait(request.signal);
    const release = await recovery.acquire(() => requestKey(request), request.signal).catch((error: unknown) => {
      if (error instanceof ApiError) ended(error);
      throw error;
    });
    keep(slot, release);
  };
  return ({ request, options }) => {
    const slot = options.context[REQUEST_SLOT];
    const custom = gate !== undefined && !waitsOnlyWhileClosed(gate);
    const release = custom || request.signal.aborted ? undefined : recovery.tryAcquire(() => requestKey(request));
    if (!release) return wait(request, slot);
    keep(slot, release);
    return undefined;
  };
}
