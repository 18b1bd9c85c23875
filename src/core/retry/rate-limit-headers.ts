/**
 * The longest delay a JavaScript timer takes, in milliseconds (2^31 − 1, about 24.8 days): a
 * longer one fires at once, so every timer of the kit is clamped to it.
 */
export const MAX_TIMER_DELAY_MS = 2_147_483_647;

/**
 * The longest wait the kit reads, in milliseconds (about 24.8 days): the largest delay a
 * JavaScript timer accepts. A longer value makes no sense as a wait: it is ignored, never clamped.
 */
export const MAX_RETRY_AFTER_MS = MAX_TIMER_DELAY_MS;

const DELTA_SECONDS = /^\d+(?:\.\d+)?$/;
// RFC 9110 HTTP-date: IMF-fixdate, the obsolete RFC 850 form, and asctime.
const HTTP_DATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+[\w :-]+$/i;
// asctime carries no zone; RFC 9110 says it is UTC, while `Date.parse` would read local time.
const ASCTIME = /^[A-Za-z]{3} ([A-Za-z]{3}) {1,2}(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// A reset larger than this many seconds is an epoch timestamp (September 2001 onwards); larger
// than this many milliseconds, an epoch in milliseconds.
const EPOCH_SECONDS_FROM = 1e9;
const EPOCH_MS_FROM = 1e12;

function parseHttpDate(text: string): number {
  const asctime = ASCTIME.exec(text);
  if (!asctime) return Date.parse(text);
  const [, monthName = '', day, hours, minutes, seconds, year] = asctime;
  const month = MONTHS.indexOf(monthName.toLowerCase());
  if (month === -1) return Number.NaN;
  return Date.UTC(Number(year), month, Number(day), Number(hours), Number(minutes), Number(seconds));
}

/** A wait in milliseconds, or `undefined` when it is not one: negative, not finite, or beyond {@link MAX_RETRY_AFTER_MS}. */
function fromMs(ms: number): number | undefined {
  return Number.isFinite(ms) && ms >= 0 && ms <= MAX_RETRY_AFTER_MS ? Math.round(ms) : undefined;
}

function fromSeconds(seconds: number): number | undefined {
  return fromMs(seconds * 1000);
}

/** The wait until an epoch time `at` (ms), read against `now`: 0 when it has passed. */
function untilEpoch(at: number, now: number): number | undefined {
  return Number.isFinite(now) ? fromMs(Math.max(0, at - now)) : undefined;
}

/** A non-negative decimal number written as text (`"120"`, `"1.5"`), or `NaN`. */
function decimal(value: unknown): number {
  return typeof value === 'string' && DELTA_SECONDS.test(value.trim()) ? Number(value) : Number.NaN;
}

/** Delta-seconds written as text (`"120"`, `"1.5"`), in milliseconds. */
function fromSecondsText(value: unknown): number | undefined {
  return fromSeconds(decimal(value));
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
 *   negatives, empty values and waits longer than a timer can hold. Never `NaN`.
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
  return untilEpoch(parseHttpDate(text), now);
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
 * A quota's reset as milliseconds from `now`: an epoch when it is clearly one (above 10^12, epoch
 * milliseconds; above 10^9, epoch seconds, as GitHub, GitLab and Discord send it), else
 * delta-seconds (decimals allowed). `undefined` for anything else, and for a reset beyond
 * {@link MAX_RETRY_AFTER_MS}: a value that makes no sense is ignored, never clamped into a huge wait.
 *
 * @example
 * resetMs('30'); // 30000
 * resetMs(String(Math.floor(Date.now() / 1000) + 61)); // about 61000
 */
export function resetMs(value: unknown, now: number = Date.now()): number | undefined {
  const number = decimal(value);
  if (number > EPOCH_MS_FROM) return untilEpoch(number, now);
  return number > EPOCH_SECONDS_FROM ? untilEpoch(number * 1000, now) : fromSeconds(number);
}

/**
 * The reset time of an exhausted rate-limit quota, as milliseconds from now, read from the
 * IETF draft's `RateLimit: "name";r=0;t=N` (the latest reset of every exhausted policy), or
 * `RateLimit-Remaining: 0` with `RateLimit-Reset`, or `X-RateLimit-Remaining: 0` with
 * `X-RateLimit-Reset` (each reset read by {@link resetMs}). `undefined` when no quota is reported
 * exhausted or no reset is given.
 */
export function exhaustedQuotaResetMs(headers: Headers, now: number = Date.now()): number | undefined {
  return quotaResetMs(headers, now, true);
}

/**
 * Every quota a response reports, in order: each policy of the IETF draft's `RateLimit` (at most
 * 32), then `RateLimit-Remaining` with `RateLimit-Reset`, then `X-RateLimit-Remaining` with
 * `X-RateLimit-Reset`. Each is `[remaining as written, reset in ms from now]`.
 */
function reportedQuotas(headers: Headers, now: number): Array<[remaining: string | null | undefined, resetMs: number | undefined]> {
  // An epoch reset is read against the server's clock, like an HTTP-date: client clock skew does not count.
  const reference = serverDate(headers) ?? now;
  return [
    ...(headers.get('ratelimit') ?? '')
      .split(',')
      .slice(0, 32)
      .map((policy): [string | undefined, number | undefined] => {
        const params = draftParams(policy);
        return [params.get('r') ?? '', resetMs(params.get('t'), reference)];
      }),
    [headers.get('ratelimit-remaining'), resetMs(headers.get('ratelimit-reset'), reference)],
    [headers.get('x-ratelimit-remaining'), resetMs(headers.get('x-ratelimit-reset'), reference)],
  ];
}

/**
 * The latest reset of the quotas reported exhausted (`remaining` 0) or, unless `requireExhausted`,
 * reported with a reset and no remaining count. A quota with requests left never counts: it is not
 * what refused, and closing for it would hold requests the server would take.
 */
function quotaResetMs(headers: Headers, now: number, requireExhausted: boolean): number | undefined {
  return longest(
    reportedQuotas(headers, now).map(([remaining, reset]) => (isZero(remaining) || (!requireExhausted && remaining == null) ? reset : undefined)),
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
  for (const [text, reset] of reportedQuotas(headers, now)) {
    if (text == null || reset === undefined || !DELTA_SECONDS.test(text.trim())) continue;
    const remaining = Math.floor(Number(text));
    if (!Number.isSafeInteger(remaining)) continue;
    if (!tightest || remaining < tightest.remaining || (remaining === tightest.remaining && reset > tightest.resetMs)) tightest = { remaining, resetMs: reset };
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

/** A header in milliseconds (`retry-after-ms: 1500`), as the Azure and OpenAI SDKs read it. */
const fromMsText = (value: string | null) => fromMs(decimal(value));

/**
 * The headers that say how long to wait, in the order they are read: the first that holds a
 * usable value wins. The millisecond headers come first, as in the Azure and OpenAI SDKs: they are
 * the precise form of a `Retry-After` sent beside them.
 */
const WAIT_HEADERS: ReadonlyArray<[name: string, read: (value: string | null, now: number) => number | undefined]> = [
  ['retry-after-ms', fromMsText],
  ['x-ms-retry-after-ms', fromMsText],
  ['retry-after', parseRetryAfter],
  // Discord: decimal seconds.
  ['x-ratelimit-reset-after', fromSecondsText],
];

/**
 * The wait the response's headers ask for, in milliseconds (see {@link WAIT_HEADERS}), with an
 * HTTP-date read against the response's `Date`; `undefined` when none holds a usable value.
 */
export function waitFromHeaders(headers: Headers, now: number = Date.now()): number | undefined {
  const reference = serverDate(headers) ?? now;
  for (const [name, read] of WAIT_HEADERS) {
    const wait = read(headers.get(name), reference);
    if (wait !== undefined) return wait;
  }
  return undefined;
}

/**
 * The wait a failed response asks for, in milliseconds: the wait headers ({@link waitFromHeaders})
 * or the body's field, whichever is longer; else the reset of a quota reported exhausted or
 * without a count (`RateLimit`'s exhausted policies, `RateLimit-Reset`, `X-RateLimit-Reset`).
 */
export function retryAfterFromResponse(headers: Headers, body: unknown, now: number = Date.now()): number | undefined {
  const fromHeader = waitFromHeaders(headers, now);
  const fromBody = retryAfterFromBody(body);
  if (fromHeader !== undefined || fromBody !== undefined) return Math.max(fromHeader ?? 0, fromBody ?? 0);
  // The response already failed, so a reset is the wait even without `Remaining: 0`.
  return quotaResetMs(headers, now, false);
}
