import { exhaustedQuotaResetMs, waitFromHeaders } from './retry-after.js';

// A 401 keeps its own handling (fresh credentials, one retry); a 408 is a timeout.
const OWN_HANDLING = new Set([401, 408]);

/**
 * @internal Whether an answer is a rate limit, held for like a 429: a 429; a 503 with a wait
 * header; any other 4xx (but 401 and 408) that says how long to wait (`Retry-After` or its
 * millisecond forms, `X-RateLimit-Reset-After`) or reports an exhausted quota with its reset, as
 * GitHub's 403s do. The body is not read: this is decided from the head, as it arrives.
 */
export function isRateLimitAnswer(status: number, headers: Headers): boolean {
  if (status === 429) return true;
  if (status === 503) return headers.has('retry-after') || waitFromHeaders(headers) !== undefined;
  if (status < 400 || status > 499 || OWN_HANDLING.has(status)) return false;
  return waitFromHeaders(headers) !== undefined || exhaustedQuotaResetMs(headers) !== undefined;
}
