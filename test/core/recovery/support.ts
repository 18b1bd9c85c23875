import { afterEach, vi } from 'vitest';
import { ApiError } from '../../../src/core/errors/ApiError.js';
import { createRateLimitGate, createRetryBudget, DEFAULT_RETRY_POLICY } from '../../../src/core/index.js';
import { createRecovery, type Recovery, type Release } from '../../../src/core/retry/recovery.js';

// The policy's longest backoff, so a test can count the times: 1 s, 2 s, 4 s, …
const ceilingBackoff = (retryNumber: number) => 1000 * 2 ** (retryNumber - 1);

// Every test file that sets a controller up gets the real clock back after each test.
afterEach(() => {
  vi.useRealTimers();
});

/** A recovery controller on a fake clock at 0, with a gate and a budget unless told otherwise. */
export function setup(options: { budget?: boolean; gate?: boolean } = {}) {
  vi.useFakeTimers({ now: 0 });
  const gate = options.gate === false ? undefined : createRateLimitGate();
  const budget = options.budget === false ? undefined : createRetryBudget();
  const recovery = createRecovery({ gate, budget, policy: DEFAULT_RETRY_POLICY, backoffDelay: ceilingBackoff });
  return { gate, budget, recovery };
}

/** A 503 of the request `key` ("GET /path"). */
export const outage = (key: string, supportId = 'down-1') =>
  new ApiError({ status: 503, kind: 'unavailable', supportId, method: key.split(' ')[0], url: key.split(' ')[1] });
/** A 429 asking for `waitMs`. */
export const refusal = (waitMs: number) => new ApiError({ status: 429, kind: 'rate_limited', retryAfterMs: waitMs });

/** Asks for a place for `key`; records the time it was given. */
export function ask(recovery: Recovery, key: string, log: Array<[string, number]>): Promise<Release> {
  return recovery.acquire(() => key).then((release) => {
    log.push([key, Date.now()]);
    return release;
  });
}

/** A request `key` that leaves at once and fails with `error`, reported as the client does. */
export function failNow(recovery: Recovery, key: string, error: ApiError): void {
  const release = recovery.tryAcquire(() => key) ?? (() => undefined);
  recovery.failed(error);
  release(error);
}

/** Spends the budget: `count` first requests leave together and fail. */
export function outageOf(recovery: Recovery, count: number): void {
  const keys = Array.from({ length: count }, (_, index) => `GET /q/${index}`);
  const places = keys.map((key) => recovery.tryAcquire(() => key)!);
  keys.forEach((key, index) => {
    recovery.failed(outage(key), key);
    places[index]!(outage(key));
  });
}

/** Two requests leave together; the server refuses both with a one-second wait, told 100 ms apart. */
export function refuseWave(recovery: Recovery): void {
  const places = ['GET /a', 'GET /b'].map((key) => recovery.tryAcquire(() => key)!);
  recovery.answered({ ok: false, status: 429 }, 'GET /a', 1000, undefined);
  places[0]!('refused');
  vi.setSystemTime(100);
  recovery.answered({ ok: false, status: 429 }, 'GET /b', 1000, undefined);
  places[1]!('refused');
}


/** A request `key` that leaves when its turn comes and is answered at once with `status`. */
export async function serve(recovery: Recovery, key: string, status: number, log: Array<[string, number]>, waitMs?: number): Promise<void> {
  const release = await ask(recovery, key, log);
  recovery.answered({ ok: status < 400, status }, key, waitMs, undefined);
  release(status === 429 ? 'refused' : 'answered');
}

