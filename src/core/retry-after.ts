import { MAX_TIMER_DELAY_MS } from './max-timer-delay.js';

/**
 * The longest wait the kit represents, in milliseconds (about 24.8 days): the largest delay a
 * JavaScript timer accepts. Longer server values are clamped to it.
 */
export const MAX_RETRY_AFTER_MS = MAX_TIMER_DELAY_MS;

const DELTA_SECONDS = /^\d+(?:\.\d+)?$/;
// RFC 9110 HTTP-date: IMF-fixdate, the obsolete RFC 850 form, and asctime.
const HTTP_DATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+[\w :-]+$/i;
// asctime carries no zone; RFC 9110 says it is UTC, while `Date.parse` would read local time.
const ASCTIME = /^[A-Za-z]{3} ([A-Za-z]{3}) {1,2}(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function parseHttpDate(text: string): number {
  const asctime = ASCTIME.exec(text);
  if (!asctime) return Date.parse(text);
  const [, month, day, hours, minutes, seconds, year] = asctime;
  const monthIndex = MONTHS.indexOf(month!.toLowerCase());
  return monthIndex === -1 ? Number.NaN : Date.UTC(Number(year), monthIndex, Number(day), Number(hours), Number(minutes), Number(seconds));
}

function fromSeconds(seconds: number): number | undefined {
  if (!Number.isFinite(seconds) || seconds < 0) return undefined;
  return Math.min(Math.round(seconds * 1000), MAX_RETRY_AFTER_MS);
}

/**
 * Reads a `Retry-After` value (RFC 9110): delta-seconds (`"120"`, or a number of seconds) or an
 * HTTP-date (`"Wed, 21 Oct 2026 07:28:00 GMT"`), measured from `now`.
 *
 * @param value - the header or body value
 * @param now - the time to measure a date from, in epoch ms. Pass the response's `Date` header
 *   so a wrong client clock neither stretches nor shrinks the wait. @default Date.now()
 * @returns milliseconds to wait (0 for a date in the past), or `undefined` for garbage,
 *   negatives and empty values. Never `NaN`; at most {@link MAX_RETRY_AFTER_MS}.
 *
 * @example
 * parseRetryAfter('120'); // 120000
 * parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT'); // 0 (in the past)
 * parseRetryAfter('soon'); // undefined
 */
export function parseRetryAfter(value: unknown, now: number = Date.now()): number | undefined {
  if (typeof value === 'number') return fromSeconds(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text === '' || text.length > 64) return undefined;
  if (DELTA_SECONDS.test(text)) return fromSeconds(Number(text));
  if (!HTTP_DATE.test(text)) return undefined;
  const at = parseHttpDate(text);
  if (!Number.isFinite(at) || !Number.isFinite(now)) return undefined;
  return Math.min(Math.max(0, Math.round(at - now)), MAX_RETRY_AFTER_MS);
}

/** The server's clock per its `Date` header, or `undefined` when absent or unreadable. */
export function serverDate(headers: Headers): number | undefined {
  const value = headers.get('date');
  if (!value) return undefined;
  const at = parseHttpDate(value.trim());
  return Number.isFinite(at) ? at : undefined;
}

const BODY_FIELDS = ['retry_after', 'retryAfter', 'Retry-After'] as const;

/** The wait a JSON body asks for (`retry_after`, `retryAfter` or `Retry-After`, in seconds). */
export function retryAfterFromBody(body: unknown): number | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  let longest: number | undefined;
  for (const field of BODY_FIELDS) {
    const raw = (body as Record<string, unknown>)[field];
    // A body field is seconds, even as a string; dates belong in the header.
    const ms = typeof raw === 'string' && DELTA_SECONDS.test(raw.trim()) ? fromSeconds(Number(raw)) : typeof raw === 'number' ? fromSeconds(raw) : undefined;
    if (ms !== undefined && (longest === undefined || ms > longest)) longest = ms;
  }
  return longest;
}

/**
 * The reset time of an exhausted rate-limit quota, as milliseconds from now, read from the
 * IETF draft's `RateLimit: "name";r=0;t=N` (the latest reset of every exhausted policy), or
 * `RateLimit-Remaining: 0` with `RateLimit-Reset` (delta-seconds), or `X-RateLimit-Remaining: 0`
 * with `X-RateLimit-Reset` (epoch seconds when larger than 10^9, else delta-seconds).
 * `undefined` when no quota is reported exhausted or no reset is given.
 */
export function exhaustedQuotaResetMs(headers: Headers, now: number = Date.now()): number | undefined {
  return quotaResetMs(headers, now, true);
}

function quotaResetMs(headers: Headers, now: number, requireExhausted: boolean): number | undefined {
  // An epoch reset is read against the server's clock, like an HTTP-date: client clock skew does
  // not count. Read only when a reset is: this runs for every response.
  let reference: number | undefined;
  const serverNow = () => (reference ??= serverDate(headers) ?? now);
  let latest: number | undefined;
  const consider = (ms: number | undefined) => {
    if (ms !== undefined && (latest === undefined || ms > latest)) latest = ms;
  };
  const draft = headers.get('ratelimit');
  if (draft) {
    for (const policy of draft.split(',').slice(0, 32)) {
      const params = draftParams(policy);
      const remaining = params.get('r');
      const reset = params.get('t');
      if (remaining !== undefined && Number(remaining) === 0 && reset !== undefined && DELTA_SECONDS.test(reset)) {
        consider(fromSeconds(Number(reset)));
      }
    }
  }
  if (!requireExhausted || isZero(headers.get('ratelimit-remaining'))) {
    consider(parseRetryAfter(headers.get('ratelimit-reset'), serverNow()));
  }
  if (!requireExhausted || isZero(headers.get('x-ratelimit-remaining'))) {
    consider(xRateLimitReset(headers.get('x-ratelimit-reset'), serverNow()));
  }
  return latest;
}

/** A quota a response reports: how many requests remain until its reset. */
export interface AdvertisedQuota {
  /** Requests the server will still take before the reset. */
  remaining: number;
  /** Milliseconds from now until the quota resets. */
  resetMs: number;
}

/**
 * The tightest quota a response reports, with its reset: the IETF draft's `RateLimit:
 * "name";r=N;t=S` (each policy), `RateLimit-Remaining` with `RateLimit-Reset`, and
 * `X-RateLimit-Remaining` with `X-RateLimit-Reset`. The fewest remaining wins (on a tie, the later
 * reset). `undefined` when no quota with a reset is reported, so that nothing is guessed.
 *
 * @example
 * advertisedQuota(new Headers({ 'ratelimit-remaining': '4', 'ratelimit-reset': '2' })); // { remaining: 4, resetMs: 2000 }
 */
export function advertisedQuota(headers: Headers, now: number = Date.now()): AdvertisedQuota | undefined {
  const draft = headers.get('ratelimit');
  const remaining = headers.get('ratelimit-remaining');
  const xRemaining = headers.get('x-ratelimit-remaining');
  // Read for every response: most carry none of these.
  if (draft === null && remaining === null && xRemaining === null) return undefined;
  let tightest: AdvertisedQuota | undefined;
  const consider = (remainingText: string | null | undefined, resetMs: number | undefined) => {
    if (remainingText == null || resetMs === undefined || !DELTA_SECONDS.test(remainingText.trim())) return;
    const remaining = Math.floor(Number(remainingText));
    if (!Number.isSafeInteger(remaining)) return;
    if (!tightest || remaining < tightest.remaining || (remaining === tightest.remaining && resetMs > tightest.resetMs)) tightest = { remaining, resetMs };
  };
  if (draft) {
    for (const policy of draft.split(',').slice(0, 32)) {
      const params = draftParams(policy);
      const reset = params.get('t');
      consider(params.get('r'), reset !== undefined && DELTA_SECONDS.test(reset) ? fromSeconds(Number(reset)) : undefined);
    }
  }
  const reference = serverDate(headers) ?? now;
  if (remaining !== null) consider(remaining, parseRetryAfter(headers.get('ratelimit-reset'), reference));
  if (xRemaining !== null) consider(xRemaining, xRateLimitReset(headers.get('x-ratelimit-reset'), reference));
  return tightest;
}

function draftParams(policy: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const param of policy.split(';').slice(1)) {
    const [name, raw] = param.split('=');
    if (name && raw !== undefined) params.set(name.trim().toLowerCase(), raw.trim());
  }
  return params;
}

function isZero(value: string | null): boolean {
  return value !== null && value.trim() !== '' && Number(value) === 0;
}

function xRateLimitReset(value: string | null, now: number): number | undefined {
  if (value === null || !DELTA_SECONDS.test(value.trim())) return undefined;
  const seconds = Number(value);
  if (seconds > 1e9) return Math.min(Math.max(0, Math.round(seconds * 1000 - now)), MAX_RETRY_AFTER_MS);
  return fromSeconds(seconds);
}

/**
 * The wait a failed response asks for, in milliseconds: the `Retry-After` header (an HTTP-date
 * read against the response's `Date`), the body's field, whichever is longer; else the reset of
 * a quota (`RateLimit`'s exhausted policies, `RateLimit-Reset`, `X-RateLimit-Reset`).
 */
export function retryAfterFromResponse(headers: Headers, body: unknown, now: number = Date.now()): number | undefined {
  const reference = serverDate(headers) ?? now;
  const fromHeader = parseRetryAfter(headers.get('retry-after'), reference);
  const fromBody = retryAfterFromBody(body);
  if (fromHeader !== undefined || fromBody !== undefined) return Math.max(fromHeader ?? 0, fromBody ?? 0);
  // The response already failed, so a reset is the wait even without `Remaining: 0`.
  return quotaResetMs(headers, now, false);
}
