import { mayBeRateLimited } from '../errors/kinds.js';
import { exhaustedQuotaResetMs, waitFromHeaders } from './rate-limit-headers.js';

/**
 * @internal Whether an answer is a rate limit, held for like a 429: a 429; a 503 with a wait
 * header; any other 4xx (but 401 and 408) that says how long to wait (`Retry-After` or its
 * millisecond forms, `X-RateLimit-Reset-After`) or reports an exhausted quota with its reset, as
 * GitHub's 403s do. The body is not read: this is decided from the head, as it arrives.
 */
export function isRateLimitAnswer(status: number, headers: Headers): boolean {
  if (status === 429) return true;
  if (status === 503) return headers.has('retry-after') || waitFromHeaders(headers) !== undefined;
  return (
    mayBeRateLimited(status) && (waitFromHeaders(headers) !== undefined || exhaustedQuotaResetMs(headers) !== undefined)
  );
}
