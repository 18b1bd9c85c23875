import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ApiError, isApiError, type ApiErrorKind } from '../../src/core/index.js';
// Internal: the fallback texts and the retention period, which an ApiError applies and the public API does not name.
import { KIND_DESCRIPTIONS } from '../../src/core/errors/kinds.js';
import { SUPPORT_ID_RETENTION_MS } from '../../src/core/errors/ApiError.js';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

describe('ApiError fields', () => {
  it('is an Error with the constant name ApiError', () => {
    const error = new ApiError({ status: 500 });
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.name).toBe('ApiError');
    expect(Object.prototype.toString.call(error)).toBe('[object Error]');
    expect(typeof error.stack).toBe('string');
  });

  it('keeps every field it is given', () => {
    const cause = new Error('underlying');
    const error = new ApiError({
      status: 429,
      kind: 'rate_limited',
      message: 'Slow down',
      supportId: 'req_01HZX:abc-1.2',
      retryAfterMs: 1500,
      retryable: true,
      source: 'edge',
      rayId: '8a1b2c3d4e5f6a7b-FRA',
      receivedAt: 1_700_000_000_000,
      method: 'post',
      url: 'https://api.example.com/v1/orders',
      cause,
    });
    expect(error.status).toBe(429);
    expect(error.kind).toBe('rate_limited');
    expect(error.message).toBe('Slow down');
    expect(error.supportId).toBe('req_01HZX:abc-1.2');
    expect(error.supportIdExpiresAt).toBe(1_700_000_000_000 + WEEK_MS);
    expect(error.retryAfterMs).toBe(1500);
    expect(error.retryable).toBe(true);
    expect(error.source).toBe('edge');
    expect(error.rayId).toBe('8a1b2c3d4e5f6a7b-FRA');
    expect(error.receivedAt).toBe(1_700_000_000_000);
    expect(error.method).toBe('POST');
    expect(error.url).toBe('https://api.example.com/v1/orders');
    expect(error.cause).toBe(cause);
  });

  it('defaults to status 0, kind unknown, source client, method GET and an empty url', () => {
    const before = Date.now();
    const error = new ApiError();
    expect(error.status).toBe(0);
    expect(error.kind).toBe('unknown');
    expect(error.source).toBe('client');
    expect(error.method).toBe('GET');
    expect(error.url).toBe('');
    expect(error.retryable).toBe(false);
    expect(error.message).toBe(KIND_DESCRIPTIONS.unknown);
    expect(error.receivedAt).toBeGreaterThanOrEqual(before);
    expect(error.receivedAt).toBeLessThanOrEqual(Date.now());
    expect(error.supportId).toBeUndefined();
    expect(error.supportIdExpiresAt).toBeUndefined();
    expect(error.retryAfterMs).toBeUndefined();
    expect(error.rayId).toBeUndefined();
    expect(error.cause).toBeUndefined();
  });

  it('derives the source from the status: api with a response, client without one', () => {
    expect(new ApiError({ status: 502 }).source).toBe('api');
    expect(new ApiError({ status: 0, kind: 'network' }).source).toBe('client');
  });

  it('sets supportIdExpiresAt to receivedAt plus seven days, only when there is a support ID', () => {
    expect(SUPPORT_ID_RETENTION_MS).toBe(WEEK_MS);
    const receivedAt = Date.UTC(2026, 0, 31, 23, 59, 59);
    const error = new ApiError({ status: 500, supportId: 'abc', receivedAt });
    expect(error.supportIdExpiresAt).toBe(receivedAt + WEEK_MS);
    expect(new Date(error.supportIdExpiresAt!).toISOString()).toBe('2026-02-07T23:59:59.000Z');
    expect(new ApiError({ status: 500, receivedAt }).supportIdExpiresAt).toBeUndefined();
    expect(new ApiError({ status: 500, supportId: 'not valid!', receivedAt }).supportIdExpiresAt).toBeUndefined();
  });

  it('uses the kind description when the message is missing or cleans to nothing', () => {
    expect(new ApiError({ status: 404 }).message).toBe(KIND_DESCRIPTIONS.not_found);
    expect(new ApiError({ status: 404, message: ' \n\t\u0000 ' }).message).toBe(KIND_DESCRIPTIONS.not_found);
    expect(new ApiError({ status: 404, message: '  No\n such   order ' }).message).toBe('No such order');
  });

  it('keeps the message within 500 characters when redacting a secret in it lengthens it', () => {
    const message = new ApiError({ status: 400, message: `${'x'.repeat(488)} ?token=abc` }).message;
    expect(message).toHaveLength(500);
    expect(message).not.toContain('abc');
    const many = Array.from({ length: 50 }, (_, index) => `?k${index}key=1`).join(' ');
    expect(new ApiError({ status: 400, message: many }).message.length).toBeLessThanOrEqual(500);
  });

  it('rejects unusable support IDs, ray IDs, methods and statuses', () => {
    const error = new ApiError({
      status: 1000,
      supportId: 'has space',
      rayId: '<script>',
      method: 'GET /admin',
    });
    expect(error.status).toBe(0);
    expect(error.supportId).toBeUndefined();
    expect(error.rayId).toBeUndefined();
    expect(error.method).toBe('GET');
    expect(new ApiError({ status: -1 }).status).toBe(0);
    expect(new ApiError({ status: 500.5 }).status).toBe(0);
  });

  it('keeps a non-negative finite retryAfterMs, rounded, and drops anything else', () => {
    expect(new ApiError({ retryAfterMs: 1234.6 }).retryAfterMs).toBe(1235);
    expect(new ApiError({ retryAfterMs: 0 }).retryAfterMs).toBe(0);
    expect(new ApiError({ retryAfterMs: -1 }).retryAfterMs).toBeUndefined();
    expect(new ApiError({ retryAfterMs: Number.NaN }).retryAfterMs).toBeUndefined();
    expect(new ApiError({ retryAfterMs: Number.POSITIVE_INFINITY }).retryAfterMs).toBeUndefined();
  });

  it('redacts secrets and user info from the url', () => {
    const error = new ApiError({ url: 'https://me:pw@api.example.com/v1/orders?api_key=sk_live_1&page=2' });
    expect(error.url).toBe('https://api.example.com/v1/orders?api_key=[redacted]&page=2');
  });

  it('lets an explicit retryable override the kind', () => {
    expect(new ApiError({ status: 503, retryable: false }).retryable).toBe(false);
    expect(new ApiError({ status: 400, retryable: true }).retryable).toBe(true);
  });

  it('keeps the request snapshot out of enumeration and JSON', () => {
    const request = { method: 'GET', url: 'https://api.example.com/x', headers: [['accept', 'application/json']] as const, hadAuthorization: true };
    const error = new ApiError({ status: 500, request });
    expect(error.request).toBe(request);
    expect(Object.keys(error)).not.toContain('request');
    expect(JSON.stringify(error)).not.toContain('hadAuthorization');
  });
});

describe('ApiError kind by status', () => {
  const cases: Array<[number, ApiErrorKind, boolean]> = [
    [400, 'bad_request', false],
    [401, 'unauthorized', false],
    [403, 'forbidden', false],
    [404, 'not_found', false],
    [406, 'not_acceptable', false],
    [408, 'timeout', true],
    [429, 'rate_limited', true],
    [500, 'server_error', true],
    [502, 'server_error', true],
    [503, 'unavailable', true],
    [504, 'server_error', true],
    ...[520, 521, 522, 523, 524, 525, 526, 527].map((status): [number, ApiErrorKind, boolean] => [status, 'server_error', true]),
    ...[402, 405, 409, 410, 413, 418, 422, 451, 499].map((status): [number, ApiErrorKind, boolean] => [status, 'client_error', false]),
    ...[501, 505, 511, 530, 599].map((status): [number, ApiErrorKind, boolean] => [status, 'server_error', true]),
  ];

  it.each(cases)('maps status %i to kind %s (retryable: %s)', (status, kind, retryable) => {
    const error = new ApiError({ status });
    expect(error.kind).toBe(kind);
    expect(error.retryable).toBe(retryable);
    expect(error.message).toBe(KIND_DESCRIPTIONS[kind]);
  });
});

describe('ApiError#toJSON', () => {
  it('returns exactly the documented fields, safe to log', () => {
    const error = new ApiError({
      status: 503,
      message: 'Down for maintenance',
      supportId: 'sup-1',
      retryAfterMs: 30_000,
      rayId: '8a1b2c3d4e5f6a7b-AMS',
      receivedAt: 1_000,
      method: 'delete',
      url: 'https://api.example.com/v1/x?token=abc',
      cause: new Error('secret detail'),
      request: { method: 'DELETE', url: 'https://api.example.com/v1/x', headers: [], hadAuthorization: true },
    });
    const json = error.toJSON();
    expect(Object.keys(json)).toEqual([
      'name',
      'kind',
      'status',
      'message',
      'supportId',
      'supportIdExpiresAt',
      'retryAfterMs',
      'retryable',
      'source',
      'rayId',
      'receivedAt',
      'method',
      'url',
    ]);
    expect(json).toEqual({
      name: 'ApiError',
      kind: 'unavailable',
      status: 503,
      message: 'Down for maintenance',
      supportId: 'sup-1',
      supportIdExpiresAt: 1_000 + WEEK_MS,
      retryAfterMs: 30_000,
      retryable: true,
      source: 'api',
      rayId: '8a1b2c3d4e5f6a7b-AMS',
      receivedAt: 1_000,
      method: 'DELETE',
      url: 'https://api.example.com/v1/x?token=[redacted]',
    });
    expect(JSON.parse(JSON.stringify(error))).toEqual(JSON.parse(JSON.stringify(json)));
  });
});

describe('isApiError', () => {
  it('accepts ApiError instances and rejects other values', () => {
    expect(isApiError(new ApiError())).toBe(true);
    expect(isApiError(new Error('x'))).toBe(false);
    expect(isApiError(null)).toBe(false);
    expect(isApiError(undefined)).toBe(false);
    expect(isApiError('ApiError')).toBe(false);
    expect(isApiError({ name: 'ApiError' })).toBe(false);
    expect(isApiError({ name: 'ApiError', kind: 'network', status: '0', message: '' })).toBe(false);
  });

  it('accepts an ApiError made in another realm', () => {
    const foreign: unknown = runInNewContext(`
      class ApiError extends Error {
        constructor() { super('from the iframe'); this.name = 'ApiError'; this.kind = 'rate_limited'; this.status = 429; }
      }
      new ApiError();
    `);
    expect(foreign instanceof Error).toBe(false);
    expect(foreign instanceof ApiError).toBe(false);
    expect(isApiError(foreign)).toBe(true);
  });

  it('accepts a plain object shaped like an ApiError (a duplicated bundle, a structured clone)', () => {
    const clone = structuredClone(new ApiError({ status: 500 }).toJSON());
    expect(isApiError(clone)).toBe(true);
  });

  it('returns false instead of throwing for objects whose getters throw', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('no reading');
        },
      },
    );
    expect(isApiError(hostile)).toBe(false);
    const revocable = Proxy.revocable({}, {});
    revocable.revoke();
    expect(isApiError(revocable.proxy)).toBe(false);
  });
});
