import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError, formatCurl, formatErrorReport, isApiError, toApiError } from '../../src/core/index.js';
// Internal: the cap on a message's length, which the public API does not name.
import { MAX_MESSAGE_LENGTH } from '../../src/core/errors/clean-text.js';

const NUM_RUNS = 300;
const SUPPORT_ID = /^[A-Za-z0-9._:-]{1,128}$/;
// C0 and C1 controls, and the invisible marks that reorder or hide text.
const CONTROL = /[\p{Cc}\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/u;

function throwingGetters(keys: string[]): object {
  const value: Record<string, unknown> = {};
  for (const key of keys) {
    Object.defineProperty(value, key, {
      enumerable: true,
      get() {
        throw new Error(`getter ${key} throws`);
      },
    });
  }
  return value;
}

function cyclic(extra: unknown): object {
  const value: Record<string, unknown> = { name: 'TypeError', message: 'cycle', extra };
  value.self = value;
  value.response = value;
  value.request = value;
  value.cause = value;
  return value;
}

const hostileProxy = (trap: keyof ProxyHandler<object>) =>
  new Proxy(
    {},
    {
      [trap]() {
        throw new Error(`trap ${trap} throws`);
      },
    },
  );

function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

const keyNames = fc.constantFrom('name', 'message', 'response', 'request', 'status', 'data', 'headers', 'url', 'method', 'kind');
const errorNames = fc.constantFrom('TypeError', 'HTTPError', 'TimeoutError', 'NetworkError', 'AbortError', 'Error', 'SyntaxError');
const anyText = fc.string({ unit: 'binary', maxLength: 300 });
const hugeText = fc.tuple(fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }), fc.integer({ min: 2_000, max: 20_000 })).map(([unit, times]) => unit.repeat(times));

/**
 * Makes a thrown value inside the property: fast-check itself inspects generated values, which
 * a hostile proxy would not survive.
 */
interface Thrown {
  make: () => unknown;
}

function thrown(make: () => unknown, label: string): Thrown {
  return { make, [fc.toStringMethod]: () => label } as Thrown;
}

const plain = (arbitrary: fc.Arbitrary<unknown>) => arbitrary.map((value) => thrown(() => value, fc.stringify(value)));

/** Values a program may throw, friendly or hostile. */
const thrownValue: fc.Arbitrary<Thrown> = fc.oneof(
  plain(fc.anything({ withBigInt: true, withMap: true, withSet: true, withObjectString: true, withNullPrototype: true, withTypedArray: true, withSparseArray: true, withUnicodeString: true })),
  plain(anyText),
  hugeText.map((text) => thrown(() => text, `huge string of ${text.length}`)),
  plain(fc.double()),
  plain(fc.integer()),
  plain(fc.constantFrom(null, undefined, Symbol('thrown'), () => 0, Number.NaN, -0, Number.POSITIVE_INFINITY)),
  fc.uniqueArray(keyNames, { minLength: 1 }).map((keys) => thrown(() => throwingGetters(keys), `throwing getters ${keys.join(', ')}`)),
  fc.anything().map((extra) => thrown(() => cyclic(extra), `cyclic with ${fc.stringify(extra)}`)),
  fc
    .constantFrom<keyof ProxyHandler<object>>('get', 'has', 'getPrototypeOf', 'ownKeys', 'getOwnPropertyDescriptor')
    .map((trap) => thrown(() => hostileProxy(trap), `proxy whose ${trap} throws`)),
  fc.constant(thrown(revokedProxy, 'revoked proxy')),
  plain(fc.record({ name: errorNames, message: fc.oneof(anyText, hugeText, fc.anything()) })),
  fc.tuple(errorNames, anyText).map(([name, message]) => thrown(() => Object.assign(new Error(message), { name }), `${name}: ${JSON.stringify(message)}`)),
  plain(fc.record({ name: fc.constant('HTTPError'), response: fc.anything(), data: fc.anything(), request: fc.anything() })),
);

function checkMapped(error: ApiError): void {
  expect(error).toBeInstanceOf(ApiError);
  // No response was involved, so the status can only be 0.
  expect(error.status).toBe(0);
  expect(typeof error.message).toBe('string');
  expect(error.message.length).toBeGreaterThan(0);
  expect(error.message.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
  expect(error.message).not.toMatch(CONTROL);
  expect(error.message).toBe(error.message.trim());
  if (error.supportId !== undefined) expect(error.supportId).toMatch(SUPPORT_ID);
  // Everything a UI or a logger does with it must work too.
  expect(() => JSON.stringify(error)).not.toThrow();
  expect(() => String(error)).not.toThrow();
  expect(() => formatErrorReport(error)).not.toThrow();
  expect(() => formatCurl(error)).not.toThrow();
}

describe('toApiError on arbitrary thrown values', { timeout: 30_000 }, () => {
  it('never throws and always returns a clean ApiError with status 0', () => {
    let runs = 0;
    fc.assert(
      fc.property(thrownValue, ({ make }) => {
        runs += 1;
        const value = make();
        let error: ApiError | undefined;
        expect(() => {
          error = toApiError(value);
        }).not.toThrow();
        checkMapped(error!);
      }),
      { numRuns: NUM_RUNS },
    );
    expect(runs).toBe(NUM_RUNS);
  });

  it('cleans and caps every message a thrown Error carries', () => {
    let runs = 0;
    fc.assert(
      fc.property(fc.oneof(anyText, hugeText), (message) => {
        runs += 1;
        const error = toApiError(new Error(message));
        expect(error.message.length).toBeGreaterThan(0);
        expect(error.message.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
        expect(error.message).not.toMatch(CONTROL);
        expect(error.message).not.toMatch(/\s{2}/u);
      }),
      { numRuns: NUM_RUNS },
    );
    expect(runs).toBe(NUM_RUNS);
  });

  it('replaces the secrets it is given wherever a thrown message repeats them', () => {
    let runs = 0;
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9_]{12,40}$/),
        fc.array(fc.string({ unit: 'grapheme-ascii', maxLength: 20 }), { minLength: 1, maxLength: 4 }),
        (secret, parts) => {
          runs += 1;
          const error = toApiError(new Error(parts.join(secret)), { secrets: [secret] });
          expect(error.message).not.toContain(secret);
          expect(JSON.stringify(error)).not.toContain(secret);
        },
      ),
      { numRuns: NUM_RUNS },
    );
    expect(runs).toBe(NUM_RUNS);
  });

  it('returns an ApiError it is given as the same object', () => {
    fc.assert(
      fc.property(fc.integer({ min: 400, max: 599 }), anyText, (status, message) => {
        const error = new ApiError({ status, message });
        expect(toApiError(error)).toBe(error);
      }),
      { numRuns: 50 },
    );
  });

  it('does not pass off an object that merely calls itself ApiError as one', () => {
    // A cross-realm ApiError has every field; a forged shape with only `name` and `kind`
    // must not come back as it is, without a status or a message.
    const forged = { name: 'ApiError', kind: 'rate_limited' };
    const error = toApiError(forged);

    expect(isApiError(error)).toBe(true);
    expect(typeof error.status).toBe('number');
    expect(typeof error.message).toBe('string');
  });
});
