import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../src/core/index.js';
// Internal: the longest wait a timer can hold, beyond which a wait is ignored; the public API does not name it.
import { MAX_RETRY_AFTER_MS } from '../../src/core/retry/rate-limit-headers.js';

const NUM_RUNS = 1000;
const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun', 'Monday', 'Sunday', 'Foo'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Xyz'];

/** Text shaped like the forms RFC 9110 allows, and near misses of them. */
const dateLike = fc
  .tuple(
    fc.constantFrom(...DAYS),
    fc.integer({ min: -5, max: 40 }),
    fc.constantFrom(...MONTHS),
    fc.integer({ min: -300_000, max: 300_000 }),
    fc.integer({ min: -1, max: 99 }),
    fc.constantFrom(' GMT', ' UTC', '', ' +0200', ' PST'),
    fc.constantFrom(', ', ' ', ',  '),
  )
  .map(([day, date, month, year, hour, zone, comma]) => `${day}${comma}${date} ${month} ${year} ${hour}:00:00${zone}`);

const numberLike = fc.oneof(
  fc.double().map(String),
  fc.bigInt({ min: -(10n ** 80n), max: 10n ** 80n }).map(String),
  fc.stringMatching(/^[ \t]*[-+]?\d{0,30}(\.\d{0,30})?([eE][-+]?\d{1,4})?[ \t]*$/),
  fc.constantFrom('Infinity', '-Infinity', 'NaN', '0x10', '1_000', '٣', '１２', '-0', '0.0000001', '  7  '),
);

const anyValue = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 100 }),
  dateLike,
  numberLike,
  fc.double(),
  fc.integer(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, Number.MAX_VALUE, Number.MIN_VALUE, -1e-9),
);

function checkWait(result: number | undefined): void {
  if (result === undefined) return;
  expect(Number.isNaN(result)).toBe(false);
  expect(Number.isInteger(result)).toBe(true);
  expect(result).toBeGreaterThanOrEqual(0);
  expect(result).toBeLessThanOrEqual(MAX_RETRY_AFTER_MS);
}

describe('parseRetryAfter on arbitrary input', { timeout: 30_000 }, () => {
  it('returns undefined or a whole number of milliseconds within the cap, never NaN or negative', () => {
    let runs = 0;
    fc.assert(
      fc.property(anyValue, fc.integer({ min: 0, max: 4_102_444_800_000 }), (value, now) => {
        runs += 1;
        checkWait(parseRetryAfter(value, now));
      }),
      { numRuns: NUM_RUNS },
    );
    expect(runs).toBe(NUM_RUNS);
  });

  it('reads any whole number of delta-seconds as that many thousand milliseconds, and ignores one beyond the longest wait', () => {
    let runs = 0;
    fc.assert(
      fc.property(fc.nat({ max: 10_000_000 }), fc.constantFrom('', ' ', '\t'), (seconds, pad) => {
        runs += 1;
        expect(parseRetryAfter(`${pad}${seconds}${pad}`, NOW)).toBe(seconds * 1000 <= MAX_RETRY_AFTER_MS ? seconds * 1000 : undefined);
      }),
      { numRuns: NUM_RUNS },
    );
    expect(runs).toBe(NUM_RUNS);
  });

  it('reads any negative number as undefined', () => {
    let runs = 0;
    fc.assert(
      fc.property(fc.double({ max: -Number.MIN_VALUE, noNaN: true }), (value) => {
        runs += 1;
        expect(parseRetryAfter(value, NOW)).toBeUndefined();
        expect(parseRetryAfter(String(value), NOW)).toBeUndefined();
      }),
      { numRuns: NUM_RUNS },
    );
    expect(runs).toBe(NUM_RUNS);
  });

  it('reads an IMF-fixdate as the time until it, a past one as 0, and ignores one beyond the longest wait', () => {
    let runs = 0;
    fc.assert(
      fc.property(fc.integer({ min: -10 * 365 * 86_400, max: 30 * 86_400 }), (offsetSeconds) => {
        runs += 1;
        const at = NOW + offsetSeconds * 1000;
        expect(parseRetryAfter(new Date(at).toUTCString(), NOW)).toBe(at - NOW <= MAX_RETRY_AFTER_MS ? Math.max(0, at - NOW) : undefined);
      }),
      { numRuns: NUM_RUNS },
    );
    expect(runs).toBe(NUM_RUNS);
  });
});
