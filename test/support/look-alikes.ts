import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { expect } from 'vitest';
import { ApiError } from '../../src/core/index.js';
// Internal: every kind and the status each maps to, to build look-alikes of every shape.
import { API_ERROR_KINDS, kindForStatus } from '../../src/core/errors/kinds.js';

// Any value a field of a broken or hostile look-alike may hold, with the values that are almost right.
const anyNumber = fc.oneof(
  fc.integer({ min: -1_000, max: 1_000 }),
  fc.constantFrom(0, 200, 204, 301, 399, 400, 408, 429, 500, 503, 599, 600, 1e9, -0, 429.5, Number.NaN, Number.POSITIVE_INFINITY),
  fc.double(),
);
const anyField = fc.oneof(fc.anything(), anyNumber, fc.string({ maxLength: 20 }));

/** The fields of an `ApiError`, each random: the right type or not, in range or not. */
export const lookAlikeFields = fc.record(
  {
    status: fc.oneof(anyNumber, anyField),
    kind: fc.oneof(fc.constantFrom(...API_ERROR_KINDS), fc.string({ maxLength: 12 }), anyField),
    message: fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), anyField),
    supportId: anyField,
    retryAfterMs: fc.oneof(anyNumber, anyField),
    retryable: fc.oneof(fc.boolean(), anyField),
    source: fc.oneof(fc.constantFrom('api', 'edge', 'client'), anyField),
    rayId: anyField,
    receivedAt: fc.oneof(anyNumber, anyField),
    method: anyField,
    url: anyField,
  },
  { requiredKeys: [] },
);

/**
 * Objects shaped like an `ApiError` that are not of this copy of the kit: made by hand, after a
 * JSON round trip of a real one whose fields were then changed, and from another realm.
 */
// A JSON value as text without calling its own `toString` (a parsed `{"toString": 1}` has none that works).
function asText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value) ?? '';
}

export const lookAlikes: fc.Arbitrary<object> = fc.oneof(
  // By hand: what `isApiError` accepts, the rest random.
  fc.tuple(lookAlikeFields, anyNumber, fc.string({ maxLength: 12 }), fc.string({ maxLength: 40 })).map(([fields, status, kind, message]) => ({
    ...fields,
    name: 'ApiError',
    status,
    kind,
    message,
  })),
  // A JSON round trip of a real error, then fields overwritten.
  fc.tuple(fc.integer({ min: 0, max: 999 }), lookAlikeFields).map(([status, fields]) => {
    const json = JSON.parse(JSON.stringify(new ApiError({ status }))) as Record<string, unknown>;
    const overwritten = JSON.parse(JSON.stringify({ ...json, ...fields }) ?? '{}') as Record<string, unknown>;
    return { ...overwritten, name: 'ApiError', kind: asText(overwritten.kind), status: Number(asText(overwritten.status)) || 0, message: asText(overwritten.message) };
  }),
  // Another realm: its own Object and Error.
  fc.tuple(anyNumber, fc.string({ maxLength: 12 }), fc.constantFrom('api', 'edge', 'client', 'moon')).map(([status, kind, source]) =>
    runInNewContext('Object.assign(new Error("from another realm"), { name: "ApiError", status, kind, source })', { status, kind, source }) as object,
  ),
);

const NO_RESPONSE_KINDS = new Set(['network', 'timeout', 'aborted', 'unknown']);

/**
 * Asserts what holds for every `ApiError`: status 0 or 400–599 (200–399 only with
 * `invalid_response`); a kind that agrees with the status (or `rate_limited` for most 4xx); no response is `source: 'client'`,
 * and a response never is; its times are dates that can be shown.
 */
export function expectApiErrorInvariants(error: ApiError): void {
  const { status, kind, source } = error;
  expect(error).toBeInstanceOf(ApiError);
  expect(Number.isNaN(new Date(error.receivedAt).getTime()), `receivedAt ${error.receivedAt}`).toBe(false);
  if (error.supportIdExpiresAt !== undefined) expect(Number.isNaN(new Date(error.supportIdExpiresAt).getTime())).toBe(false);
  expect(Number.isInteger(status), `status ${status}`).toBe(true);
  if (status === 0) {
    expect(NO_RESPONSE_KINDS.has(kind), `kind ${kind} with status 0`).toBe(true);
    expect(source).toBe('client');
    return;
  }
  expect(source === 'api' || source === 'edge', `source ${source} with status ${status}`).toBe(true);
  // A 4xx other than 401 and 408 may be a rate limit (GitHub's 403s).
  if (status >= 400 && status <= 599) expect([kindForStatus(status), ...(status <= 499 && status !== 401 && status !== 408 ? ['rate_limited'] : [])]).toContain(kind);
  else {
    expect(status >= 200 && status <= 399, `status ${status}`).toBe(true);
    expect(kind).toBe('invalid_response');
  }
}
