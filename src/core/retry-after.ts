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
// Three letters each: a month's index is its position / 3 (a position between two names is none).
const MONTHS = 'janfebmaraprmayjunjulaugsepoctnovdec';

function parseHttpDate(text: string): number {
  const asctime = ASCTIME.exec(text);
  if (!asctime) return Date.parse(text);
  const [, , day, hours, minutes, seconds, year] = asctime.map(Number);
  const position = MONTHS.indexOf(asctime[1]!.toLowerCase());
  return position % 3 ? Number.NaN : Date.UTC(year!, position / 3, day, hours, minutes, seconds);
}

/** Milliseconds from now until `ms`, clamped to 0 … {@link MAX_RETRY_AFTER_MS}. */
function clampMs(ms: number): number {
  return Math.min(Math.max(0, Math.round(ms)), MAX_RETRY_AFTER_MS);
}

function fromSeconds(seconds: number): number | undefined {
  return Number.isFinite(seconds) && seconds >= 0 ? Math.min(Math.round(seconds * 1000), MAX_RETRY_AFTER_MS) : undefined;
}

/** Delta-seconds written as text (`"120"`, `"1.5"`), in milliseconds. */
function fromSecondsText(value: unknown): number | undefined {
  return typeof value === 'string' && DELTA_SECONDS.test(value.trim()) ? fromSeconds(Number(value)) : undefined;
}

/** The largest of the values given, `undefined` when none is. */
function longest(values: ReadonlyArray<number | undefined>): number | undefined {
  const given = values.filter((value) => value !== undefined);
  return given.length > 0 ? Math.max(...given) : undefined;
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
  return Number.isFinite(at) && Number.isFinite(now) ? clampMs(at - now) : undefined;
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
  // A body field is seconds, even as a string; dates belong in the header.
  return longest(
    BODY_FIELDS.map((field) => {
      const raw = (body as Record<string, unknown>)[field];
      return typeof raw === 'number' ? fromSeconds(raw) : fromSecondsText(raw);
    }),
  );
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

/**
 * Every quota a response reports, in order: each policy of the IETF draft's `RateLimit` (at most
 * 32), then `RateLimit-Remaining` with `RateLimit-Reset`, then `X-RateLimit-Remaining` with
 * `X-RateLimit-Reset`. Each is `[remaining as written, reset in ms from now, from the draft]`.
 */
function reportedQuotas(headers: Headers, now: number): Array<[remaining: string | null | undefined, resetMs: number | undefined, draft: boolean]> {
  // An epoch reset is read against the server's clock, like an HTTP-date: client clock skew does not count.
  const reference = serverDate(headers) ?? now;
  return [
    ...(headers.get('ratelimit') ?? '')
      .split(',')
      .slice(0, 32)
      .map((policy): [string | undefined, number | undefined, boolean] => {
        const params = draftParams(policy);
        return [params.get('r'), fromSecondsText(params.get('t')), true];
      }),
    [headers.get('ratelimit-remaining'), parseRetryAfter(headers.get('ratelimit-reset'), reference), false],
    [headers.get('x-ratelimit-remaining'), xRateLimitReset(headers.get('x-ratelimit-reset'), reference), false],
  ];
}

function quotaResetMs(headers: Headers, now: number, requireExhausted: boolean): number | undefined {
  return longest(
    reportedQuotas(headers, now).map(([remaining, resetMs, draft]) =>
      // A draft policy counts only when exhausted; the headers when exhausted or when not required to be.
      (draft ? Number(remaining) === 0 : !requireExhausted || isZero(remaining)) ? resetMs : undefined,
    ),
  );
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
  // Read for every response: most carry none of these.
  if (!['ratelimit', 'ratelimit-remaining', 'x-ratelimit-remaining'].some((name) => headers.has(name))) return undefined;
  let tightest: AdvertisedQuota | undefined;
  for (const [text, resetMs] of reportedQuotas(headers, now)) {
    if (text == null || resetMs === undefined || !DELTA_SECONDS.test(text.trim())) continue;
    const remaining = Math.floor(Number(text));
    if (!Number.isSafeInteger(remaining)) continue;
    if (!tightest || remaining < tightest.remaining || (remaining === tightest.remaining && resetMs > tightest.resetMs)) tightest = { remaining, resetMs };
  }
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

function isZero(value: string | null | undefined): boolean {
  return value != null && value.trim() !== '' && Number(value) === 0;
}

function xRateLimitReset(value: string | null, now: number): number | undefined {
  const seconds = value !== null && DELTA_SECONDS.test(value.trim()) ? Number(value) : Number.NaN;
  // Larger than 10^9 seconds: an epoch timestamp.
  return seconds > 1e9 ? clampMs(seconds * 1000 - now) : fromSeconds(seconds);
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
