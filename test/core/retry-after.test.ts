import { describe, expect, it } from 'vitest';
import { createApiClient, parseRetryAfter } from '../../src/core/index.js';
// Internal: the client's own gate, and the header readers tested on their own; parseRetryAfter is the public one.
import { getRateLimitGate } from '../../src/core/client/create-api-client.js';
import { exhaustedQuotaResetMs, MAX_RETRY_AFTER_MS, resetMs, retryAfterFromBody, retryAfterFromResponse, serverDate, waitFromHeaders } from '../../src/core/retry/rate-limit-headers.js';
import { apiErrorOf } from '../support/rejection.js';
import { replyJson, useLocalServer } from '../support/local-server.js';

const NOW = Date.UTC(1994, 10, 6, 8, 49, 0); // Sun, 06 Nov 1994 08:49:00 GMT
// Epoch-second resets only count as epochs above 10^9 (September 2001).
const LATER = Date.UTC(2026, 2, 1, 12, 0, 0);

describe('parseRetryAfter with delta-seconds', () => {
  it('reads whole seconds as milliseconds', () => {
    expect(parseRetryAfter('120')).toBe(120_000);
    expect(parseRetryAfter('0')).toBe(0);
    expect(parseRetryAfter(' 5 ')).toBe(5_000);
    expect(parseRetryAfter('007')).toBe(7_000);
  });

  it('reads numbers of seconds, as body fields carry them', () => {
    expect(parseRetryAfter(3)).toBe(3_000);
    expect(parseRetryAfter(1.5)).toBe(1_500);
    expect(parseRetryAfter(0)).toBe(0);
  });

  it('ignores a wait beyond the longest timer delay instead of clamping it into one', () => {
    expect(MAX_RETRY_AFTER_MS).toBe(2_147_483_647);
    expect(parseRetryAfter(String(Math.floor(MAX_RETRY_AFTER_MS / 1000)))).toBe(Math.floor(MAX_RETRY_AFTER_MS / 1000) * 1000);
    expect(parseRetryAfter(String(Math.ceil(MAX_RETRY_AFTER_MS / 1000)))).toBeUndefined();
    expect(parseRetryAfter('99999999999')).toBeUndefined();
  });

  it('returns undefined for garbage, negatives and empty values, never NaN', () => {
    for (const value of ['', '   ', 'soon', '-5', '-0.5', '1e3', '12abc', '0x10', 'Infinity', 'NaN', '5 seconds', '1,5', '+5']) {
      expect(parseRetryAfter(value)).toBeUndefined();
    }
    for (const value of [-1, Number.NaN, Number.POSITIVE_INFINITY, null, undefined, {}, ['5'], true]) {
      expect(parseRetryAfter(value)).toBeUndefined();
    }
    expect(parseRetryAfter('1'.repeat(65))).toBeUndefined();
  });
});

describe('parseRetryAfter with an HTTP-date', () => {
  it('reads an IMF-fixdate against the given now', () => {
    expect(parseRetryAfter('Sun, 06 Nov 1994 08:49:37 GMT', NOW)).toBe(37_000);
  });

  it('reads the obsolete RFC 850 form', () => {
    expect(parseRetryAfter('Sunday, 06-Nov-94 08:49:37 GMT', NOW)).toBe(37_000);
  });

  it('reads the asctime form as UTC whatever the local time zone', () => {
    const zone = process.env.TZ;
    try {
      for (const tz of ['UTC', 'America/New_York', 'Asia/Kolkata']) {
        process.env.TZ = tz;
        expect(parseRetryAfter('Sun Nov  6 08:49:37 1994', NOW)).toBe(37_000);
        expect(parseRetryAfter('Sun Nov 16 08:49:00 1994', NOW)).toBe(10 * 24 * 3_600_000);
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('returns 0 for a date in the past', () => {
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT')).toBe(0);
    expect(parseRetryAfter('Sun, 06 Nov 1994 08:48:00 GMT', NOW)).toBe(0);
  });

  it('defaults now to the current time', () => {
    const inTenSeconds = new Date(Math.floor(Date.now() / 1000) * 1000 + 10_000).toUTCString();
    const wait = parseRetryAfter(inTenSeconds)!;
    expect(wait).toBeGreaterThan(9_000);
    expect(wait).toBeLessThanOrEqual(10_000);
  });

  it('returns undefined for a malformed date', () => {
    expect(parseRetryAfter('Sun, 99 Nov 1994 08:49:37 GMT', NOW)).toBeUndefined();
    expect(parseRetryAfter('Tomorrow, at noon', NOW)).toBeUndefined();
    expect(parseRetryAfter('2026-01-01T00:00:00Z', NOW)).toBeUndefined();
    expect(parseRetryAfter('Sun, 06 Nov 1994 08:49:37 GMT', Number.NaN)).toBeUndefined();
  });
});

describe('retryAfterFromBody', () => {
  it('reads retry_after, retryAfter and Retry-After in seconds', () => {
    expect(retryAfterFromBody({ retry_after: 30 })).toBe(30_000);
    expect(retryAfterFromBody({ retryAfter: '12' })).toBe(12_000);
    expect(retryAfterFromBody({ 'Retry-After': 4 })).toBe(4_000);
  });

  it('takes the longest when several fields are present', () => {
    expect(retryAfterFromBody({ retry_after: 3, retryAfter: 9, 'Retry-After': '6' })).toBe(9_000);
  });

  it('ignores dates, garbage, negatives and non-object bodies', () => {
    expect(retryAfterFromBody({ retry_after: 'Wed, 21 Oct 2015 07:28:00 GMT' })).toBeUndefined();
    expect(retryAfterFromBody({ retry_after: -3 })).toBeUndefined();
    expect(retryAfterFromBody({ retry_after: 'later' })).toBeUndefined();
    expect(retryAfterFromBody('retry_after: 3')).toBeUndefined();
    expect(retryAfterFromBody([{ retry_after: 3 }])).toBeUndefined();
    expect(retryAfterFromBody(null)).toBeUndefined();
  });
});

describe('retryAfterFromResponse', () => {
  it('lets the longer of header and body win', () => {
    expect(retryAfterFromResponse(new Headers({ 'retry-after': '10' }), { retry_after: 3 })).toBe(10_000);
    expect(retryAfterFromResponse(new Headers({ 'retry-after': '3' }), { retry_after: 10 })).toBe(10_000);
    expect(retryAfterFromResponse(new Headers({ 'retry-after': 'garbage' }), { retryAfter: 2 })).toBe(2_000);
    expect(retryAfterFromResponse(new Headers(), { retryAfter: 2 })).toBe(2_000);
  });

  it('reads an HTTP-date against the response Date header, not the client clock', () => {
    const headers = new Headers({ date: 'Sun, 06 Nov 1994 08:49:00 GMT', 'retry-after': 'Sun, 06 Nov 1994 08:49:30 GMT' });
    // The client clock is decades ahead of the server: without the Date header this would be 0.
    expect(retryAfterFromResponse(headers, undefined, Date.UTC(2030, 0, 1))).toBe(30_000);
    // And far behind it: without the Date header this would be decades.
    expect(retryAfterFromResponse(headers, undefined, Date.UTC(1970, 0, 1))).toBe(30_000);
  });

  it('falls back to the client clock when the Date header is missing or unreadable', () => {
    const headers = new Headers({ date: 'yesterday', 'retry-after': 'Sun, 06 Nov 1994 08:49:30 GMT' });
    expect(retryAfterFromResponse(headers, undefined, NOW)).toBe(30_000);
    expect(serverDate(headers)).toBeUndefined();
  });

  it('falls back to RateLimit-Reset as delta-seconds', () => {
    expect(retryAfterFromResponse(new Headers({ 'ratelimit-reset': '42' }), undefined)).toBe(42_000);
  });

  it('reads X-RateLimit-Reset as epoch seconds above 10^9 and as delta-seconds below', () => {
    const epoch = String(Math.floor(LATER / 1000) + 90);
    expect(retryAfterFromResponse(new Headers({ 'x-ratelimit-reset': epoch }), undefined, LATER)).toBe(90_000);
    expect(retryAfterFromResponse(new Headers({ 'x-ratelimit-reset': '90' }), undefined, LATER)).toBe(90_000);
    // 10^9 seconds is no epoch and, as delta-seconds, decades: no wait at all.
    expect(retryAfterFromResponse(new Headers({ 'x-ratelimit-reset': '1000000000' }), undefined, LATER)).toBeUndefined();
    expect(retryAfterFromResponse(new Headers({ 'x-ratelimit-reset': '1000000001' }), undefined, 2_000_000_000_000)).toBe(0);
  });

  it('reads an epoch X-RateLimit-Reset against the response Date header', () => {
    const headers = new Headers({ date: new Date(LATER).toUTCString(), 'x-ratelimit-reset': String(LATER / 1000 + 20) });
    expect(retryAfterFromResponse(headers, undefined, LATER + 3_600_000)).toBe(20_000);
  });

  it('reads the RateLimit draft header t= of an exhausted policy', () => {
    expect(retryAfterFromResponse(new Headers({ ratelimit: '"default";r=0;t=15' }), undefined)).toBe(15_000);
  });

  it('prefers Retry-After over quota resets', () => {
    expect(retryAfterFromResponse(new Headers({ 'retry-after': '5', 'ratelimit-reset': '60' }), undefined)).toBe(5_000);
  });

  it('returns undefined when nothing says how long to wait', () => {
    expect(retryAfterFromResponse(new Headers({ 'content-type': 'application/json' }), { error: 'x' })).toBeUndefined();
  });
});

describe('every reset header', () => {
  const epochIn = (seconds: number) => String(Math.floor(LATER / 1000) + seconds);

  it('reads an epoch in seconds or milliseconds as the time until it, and small numbers as delta-seconds', () => {
    expect(resetMs(epochIn(61), LATER)).toBe(61_000);
    expect(resetMs(String(LATER + 1_500), LATER)).toBe(1_500);
    expect(resetMs('1.5', LATER)).toBe(1_500);
    expect(resetMs(epochIn(-30), LATER)).toBe(0);
  });

  it('ignores what makes no sense instead of clamping it into a huge wait', () => {
    for (const value of ['-5', 'soon', '', '1e9', 'Infinity', '999999999', epochIn(30 * 86_400), String(LATER + 30 * 86_400_000), null, undefined]) {
      expect(resetMs(value, LATER)).toBeUndefined();
    }
  });

  it.each([
    ['ratelimit-remaining', 'ratelimit-reset'],
    ['x-ratelimit-remaining', 'x-ratelimit-reset'],
  ])('reads %s: 0 with %s as an epoch (GitLab, GitHub) or as seconds', (remaining, reset) => {
    expect(retryAfterFromResponse(new Headers({ [remaining]: '0', [reset]: epochIn(61) }), undefined, LATER)).toBe(61_000);
    expect(retryAfterFromResponse(new Headers({ [remaining]: '0', [reset]: '61' }), undefined, LATER)).toBe(61_000);
  });

  it("reads the draft's t= as an epoch when it clearly is one", () => {
    expect(exhaustedQuotaResetMs(new Headers({ ratelimit: `"default";r=0;t=${epochIn(20)}` }), LATER)).toBe(20_000);
  });

  it('never takes the reset of a quota with requests left as the wait (GitLab.com: 595 left)', () => {
    const headers = new Headers({ 'ratelimit-remaining': '595', 'ratelimit-reset': epochIn(61) });
    expect(retryAfterFromResponse(headers, undefined, LATER)).toBeUndefined();
    expect(exhaustedQuotaResetMs(headers, LATER)).toBeUndefined();
  });
});

describe('every header that says how long to wait', () => {
  it('reads retry-after-ms and x-ms-retry-after-ms as milliseconds (Azure, OpenAI)', () => {
    expect(waitFromHeaders(new Headers({ 'retry-after-ms': '1500' }))).toBe(1_500);
    expect(waitFromHeaders(new Headers({ 'x-ms-retry-after-ms': '1500' }))).toBe(1_500);
    expect(waitFromHeaders(new Headers({ 'retry-after-ms': '12.6' }))).toBe(13);
  });

  it('reads X-RateLimit-Reset-After as decimal seconds (Discord)', () => {
    expect(waitFromHeaders(new Headers({ 'x-ratelimit-reset-after': '1.234' }))).toBe(1_234);
  });

  it('takes the first usable one in the SDKs\' order: milliseconds, then Retry-After, then Reset-After', () => {
    expect(waitFromHeaders(new Headers({ 'retry-after-ms': '1500', 'x-ms-retry-after-ms': '900', 'retry-after': '2' }))).toBe(1_500);
    expect(waitFromHeaders(new Headers({ 'x-ms-retry-after-ms': '900', 'retry-after': '2' }))).toBe(900);
    expect(waitFromHeaders(new Headers({ 'retry-after': '2', 'x-ratelimit-reset-after': '5' }))).toBe(2_000);
    expect(waitFromHeaders(new Headers({ 'retry-after-ms': 'soon', 'retry-after': '2' }))).toBe(2_000);
    expect(waitFromHeaders(new Headers({ 'retry-after-ms': '-1', 'x-ratelimit-reset-after': '5' }))).toBe(5_000);
  });

  it('lets the longer of the headers and the body win, and a wait header beat a quota reset', () => {
    expect(retryAfterFromResponse(new Headers({ 'retry-after-ms': '1500' }), { retry_after: 3 })).toBe(3_000);
    expect(retryAfterFromResponse(new Headers({ 'retry-after-ms': '1500', 'ratelimit-remaining': '0', 'ratelimit-reset': '60' }), undefined)).toBe(1_500);
  });
});

describe('exhaustedQuotaResetMs', () => {
  it('reads the RateLimit draft: the latest reset of every policy with r=0', () => {
    expect(exhaustedQuotaResetMs(new Headers({ ratelimit: '"burst";r=0;t=5, "daily";r=0;t=3600, "minute";r=7;t=40' }))).toBe(3_600_000);
    expect(exhaustedQuotaResetMs(new Headers({ ratelimit: '"minute";r=7;t=40' }))).toBeUndefined();
    expect(exhaustedQuotaResetMs(new Headers({ ratelimit: '"minute";r=0' }))).toBeUndefined();
    expect(exhaustedQuotaResetMs(new Headers({ ratelimit: '"minute";r=0;t=soon' }))).toBeUndefined();
  });

  it('pairs RateLimit-Remaining: 0 with RateLimit-Reset', () => {
    expect(exhaustedQuotaResetMs(new Headers({ 'ratelimit-remaining': '0', 'ratelimit-reset': '12' }))).toBe(12_000);
    expect(exhaustedQuotaResetMs(new Headers({ 'ratelimit-remaining': '3', 'ratelimit-reset': '12' }))).toBeUndefined();
    expect(exhaustedQuotaResetMs(new Headers({ 'ratelimit-remaining': '0' }))).toBeUndefined();
    expect(exhaustedQuotaResetMs(new Headers({ 'ratelimit-remaining': '0', 'x-ratelimit-reset': '12' }))).toBeUndefined();
  });

  it('pairs X-RateLimit-Remaining: 0 with X-RateLimit-Reset', () => {
    const epoch = String(Math.floor(LATER / 1000) + 45);
    expect(exhaustedQuotaResetMs(new Headers({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': epoch }), LATER)).toBe(45_000);
    expect(exhaustedQuotaResetMs(new Headers({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '45' }), LATER)).toBe(45_000);
    expect(exhaustedQuotaResetMs(new Headers({ 'x-ratelimit-remaining': '', 'x-ratelimit-reset': '45' }), LATER)).toBeUndefined();
    expect(exhaustedQuotaResetMs(new Headers({ 'x-ratelimit-remaining': '0', 'ratelimit-reset': '45' }), LATER)).toBeUndefined();
  });
});

describe('Retry-After through the client', () => {
  const server = useLocalServer();

  it('reads an HTTP-date Retry-After against a server Date far from the client clock', async () => {
    const serverNow = Date.UTC(2001, 0, 1, 0, 0, 0);
    server.handle((_request, response) =>
      replyJson(response, 429, { status: 429, error: 'slow', support_id: 'd1' }, {
        date: new Date(serverNow).toUTCString(),
        'retry-after': new Date(serverNow + 40_000).toUTCString(),
      }),
    );
    const client = createApiClient({ prefix: server.url });
    const error = await apiErrorOf(client.get('x').json());
    expect(error.retryAfterMs).toBe(40_000);
    const closedUntil = getRateLimitGate(client)!.snapshot().closedUntil!;
    expect(closedUntil - error.receivedAt).toBeGreaterThanOrEqual(40_000 - 1_000);
    expect(closedUntil - error.receivedAt).toBeLessThanOrEqual(40_000);
    getRateLimitGate(client)!.dispose();
  });

  it('takes the body field when the header is missing (a CORS-hidden header looks the same)', async () => {
    server.handle((_request, response) => replyJson(response, 503, { status: 503, error: 'maintenance', support_id: 'm', retry_after: 8 }));
    const error = await apiErrorOf(createApiClient({ prefix: server.url, gate: false }).get('x').json());
    expect(error).toMatchObject({ kind: 'unavailable', retryAfterMs: 8_000 });
  });

  it('takes the longer of the header and the body field', async () => {
    server.handle((_request, response) =>
      replyJson(response, 429, { status: 429, error: 'slow', support_id: 's', retryAfter: 20 }, { 'retry-after': '5' }),
    );
    const error = await apiErrorOf(createApiClient({ prefix: server.url, gate: false }).get('x').json());
    expect(error.retryAfterMs).toBe(20_000);
  });

  it('reads RateLimit-Reset and X-RateLimit-Reset from a 429 without Retry-After', async () => {
    server.handle((_request, response) => replyJson(response, 429, { status: 429, error: 'a', support_id: 'a' }, { 'ratelimit-reset': '25' }));
    expect((await apiErrorOf(createApiClient({ prefix: server.url, gate: false }).get('x').json())).retryAfterMs).toBe(25_000);
    server.handle((_request, response) => replyJson(response, 429, { status: 429, error: 'b', support_id: 'b' }, { 'x-ratelimit-reset': '17' }));
    expect((await apiErrorOf(createApiClient({ prefix: server.url, gate: false }).get('x').json())).retryAfterMs).toBe(17_000);
  });
});
