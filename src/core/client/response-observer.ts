import { requestKey } from './request-key.js';
import { isRateLimitAnswer } from '../retry/rate-limit-answer.js';
import { advertisedQuota, retryAfterFromResponse } from '../retry/rate-limit-headers.js';
import type { Recovery } from '../retry/recovery.js';

// When each failed response's head arrived: a failure is dated from it, not from when its body was
// read, so a server-given wait is not stretched by a busy client. Only failures are kept: an entry
// per success would cost every request a table write and the collector more work.
const arrivals = new WeakMap<Response, number>();

/** @internal When a failed `response`'s head arrived at the client (epoch ms), if it came through {@link observingFetch}. */
export function headArrivedAt(response: unknown): number | undefined {
  return response instanceof Response ? arrivals.get(response) : undefined;
}

/** @internal Whether a response is a refusal that asks the client to wait ({@link isRateLimitAnswer}). */
export function isRefusal(response: Response): boolean {
  return !response.ok && isRateLimitAnswer(response.status, response.headers);
}

/**
 * @internal A `fetch` that tells the recovery controller about every response's head as it
 * arrives, before ky reads any body: a refusal's wait from its headers, the quota it advertises,
 * and whether it succeeded. A fetch wrapper rather than an `afterResponse` hook: ky clones the
 * response for every such hook. A quota whose reset is beyond `maxWaitMs` (the longest wait retried
 * automatically) holds nobody: each request learns of it from its own answer.
 */
export function observingFetch(recovery: Recovery, fetch: typeof globalThis.fetch | undefined, maxWaitMs: number): typeof globalThis.fetch {
  return async (input, init) => {
    const response = await (fetch ?? globalThis.fetch)(input, init);
    const now = Date.now();
    if (!response.ok) arrivals.set(response, now);
    const key = () => (input instanceof Request ? requestKey(input) : `${init?.method ?? 'GET'} ${String(input)}`);
    // Without a wait in the headers the body may hold one: until it is read, the refusal's own
    // place (kept until then) holds every other request.
    const waitMs = isRefusal(response) ? retryAfterFromResponse(response.headers, undefined, now) ?? 0 : undefined;
    const quota = advertisedQuota(response.headers, now);
    recovery.answered(response, key, waitMs, quota && quota.resetMs <= maxWaitMs ? quota : undefined, now);
    return response;
  };
}
