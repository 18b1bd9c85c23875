import { HTTPError, NetworkError, TimeoutError, type NormalizedOptions } from 'ky';
import { describe, expect, it } from 'vitest';
import { ApiError, toApiError } from '../../src/core/index.js';
// Internal: the abort test and the fallback texts toApiError uses, which the public API does not name.
import { isAbortError } from '../../src/core/errors/to-api-error.js';
import { KIND_DESCRIPTIONS } from '../../src/core/errors/kinds.js';

const request = new Request('https://api.example.com/v1/orders?access_token=t0k3n&page=1', {
  method: 'PATCH',
  headers: { authorization: 'Bearer sk_live_secret', 'x-trace': 'abc' },
});

function httpError(status: number, data: unknown, headers: Record<string, string> = {}): HTTPError {
  const error = new HTTPError(new Response(null, { status, headers }), request, {} as NormalizedOptions);
  error.data = data;
  return error;
}

describe('toApiError on values that are not ky errors', () => {
  it('returns an ApiError as the same object', () => {
    const error = new ApiError({ status: 500 });
    expect(toApiError(error)).toBe(error);
  });

  it('rebuilds an ApiError from another realm from its fields, each checked', () => {
    const foreign = { name: 'ApiError', kind: 'not_found', status: 404, message: 'gone', supportId: 'sup-1', receivedAt: 1000 };
    const error = toApiError(foreign);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.toJSON()).toMatchObject({ kind: 'not_found', status: 404, message: 'gone', supportId: 'sup-1', receivedAt: 1000, source: 'api' });
    expect(error.cause).toBe(foreign);
  });

  it('keeps no bad field of something shaped like an ApiError', () => {
    const forged = {
      name: 'ApiError',
      kind: 'bogus',
      status: 503,
      message: 'x'.repeat(2000),
      supportId: { id: 1 },
      supportIdExpiresAt: Number.NaN,
      retryAfterMs: 'soon',
      retryable: 'yes',
      source: 'moon',
      rayId: { ray: 1 },
      receivedAt: undefined,
      method: { verb: 'GET' },
      url: 42,
    };
    const error = toApiError(forged);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.kind).toBe('unavailable');
    expect(error.message).toHaveLength(500);
    expect(error.supportId).toBeUndefined();
    expect(error.supportIdExpiresAt).toBeUndefined();
    expect(error.retryAfterMs).toBeUndefined();
    expect(error.retryable).toBe(true);
    expect(error.source).toBe('api');
    expect(error.rayId).toBeUndefined();
    expect(Number.isFinite(error.receivedAt)).toBe(true);
    expect(error.method).toBe('GET');
    expect(error.url).toBe('');
  });

  it.each([
    ['a 200 with a kind that does not exist', { name: 'ApiError', status: 200, kind: 'bogus' }, { status: 200, kind: 'invalid_response', source: 'api' }],
    ['a 429 that calls itself a network failure', { name: 'ApiError', status: 429, kind: 'network' }, { status: 429, kind: 'rate_limited', source: 'api' }],
    ['an impossible status with a kind of its own', { name: 'ApiError', status: 1e9, kind: 'rate_limited' }, { status: 0, kind: 'unknown', source: 'client' }],
    ['a 408 from the edge', { name: 'ApiError', status: 408, kind: 'network', source: 'edge' }, { status: 408, kind: 'timeout', source: 'edge' }],
    ['no response that calls itself the API', { name: 'ApiError', status: 0, kind: 'network', source: 'api' }, { status: 0, kind: 'network', source: 'client' }],
  ])('makes the fields of a look-alike agree: %s', (_name, lookAlike, expected) => {
    const error = toApiError({ message: 'm', ...lookAlike });
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject(expected);
  });

  it('maps an object that only calls itself ApiError instead of passing it off as one', () => {
    const forged = { name: 'ApiError', kind: 'rate_limited' };
    const error = toApiError(forged);
    expect(error).not.toBe(forged);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.kind).toBe('unknown');
    expect(error.cause).toBe(forged);
  });

  it('turns a thrown string into kind unknown with the string as its cleaned message', () => {
    const error = toApiError('  it\u0000 broke\n');
    expect(error).toBeInstanceOf(ApiError);
    expect(error.kind).toBe('unknown');
    expect(error.status).toBe(0);
    expect(error.source).toBe('client');
    expect(error.retryable).toBe(false);
    expect(error.message).toBe('it broke');
    expect(error.cause).toBe('  it\u0000 broke\n');
  });

  it.each([[42], [undefined], [null], [Symbol('thrown')], [true], [() => 'fn']])('turns a thrown %s into kind unknown with the default message', (thrown) => {
    const error = toApiError(thrown);
    expect(error.kind).toBe('unknown');
    expect(error.message).toBe(KIND_DESCRIPTIONS.unknown);
    expect(error.cause).toBe(thrown);
  });

  it('turns an Error into kind unknown, keeping its message and the error as cause', () => {
    const thrown = new RangeError('index out of range');
    const error = toApiError(thrown);
    expect(error.kind).toBe('unknown');
    expect(error.message).toBe('index out of range');
    expect(error.cause).toBe(thrown);
  });

  it('redacts secrets from a thrown message', () => {
    const error = toApiError(new Error('bad key sk_live_123456'), { secrets: ['sk_live_123456'] });
    expect(error.message).toBe('bad key [redacted]');
  });

  it('never throws on a proxy whose every trap throws', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('get');
        },
        getPrototypeOf() {
          throw new Error('getPrototypeOf');
        },
        has() {
          throw new Error('has');
        },
      },
    );
    const error = toApiError(hostile);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.kind).toBe('unknown');
    expect(error.cause).toBe(hostile);
  });

  it('never throws on a revoked proxy', () => {
    const revocable = Proxy.revocable({}, {});
    revocable.revoke();
    expect(toApiError(revocable.proxy).kind).toBe('unknown');
  });

  it('never throws on an object whose name and message getters throw', () => {
    const thrown = Object.defineProperties(
      {},
      {
        name: {
          get() {
            throw new Error('name');
          },
        },
        message: {
          get() {
            throw new Error('message');
          },
        },
      },
    );
    const error = toApiError(thrown);
    expect(error.kind).toBe('unknown');
    expect(error.message).toBe(KIND_DESCRIPTIONS.unknown);
    expect(error.cause).toBe(thrown);
  });

  it('handles a cyclic object and keeps it as cause', () => {
    const cyclic: Record<string, unknown> = { message: 'loop' };
    cyclic.self = cyclic;
    cyclic.request = cyclic;
    cyclic.response = cyclic;
    const error = toApiError(cyclic);
    expect(error.kind).toBe('unknown');
    expect(error.message).toBe('loop');
    expect(error.cause).toBe(cyclic);
    expect(() => JSON.stringify(error)).not.toThrow();
  });
});

describe('toApiError on aborts', () => {
  it('maps an AbortError DOMException to kind aborted, source client, not retryable', () => {
    const controller = new AbortController();
    controller.abort();
    const error = toApiError(controller.signal.reason);
    expect(error.kind).toBe('aborted');
    expect(error.source).toBe('client');
    expect(error.status).toBe(0);
    expect(error.retryable).toBe(false);
    expect(error.cause).toBe(controller.signal.reason);
  });

  it('maps any error named AbortError to kind aborted', () => {
    expect(toApiError(Object.assign(new Error('stop'), { name: 'AbortError' })).kind).toBe('aborted');
  });

  it('recognises a custom abort reason when given the signal', () => {
    const controller = new AbortController();
    const reason = { why: 'the person left the page' };
    controller.abort(reason);
    expect(isAbortError(reason, controller.signal)).toBe(true);
    expect(isAbortError({ why: 'the person left the page' }, controller.signal)).toBe(false);
    expect(isAbortError(reason, new AbortController().signal)).toBe(false);
  });
});

describe('toApiError on ky errors', () => {
  it('maps a TimeoutError to kind timeout with the request method and a redacted url', () => {
    const error = toApiError(new TimeoutError(request), { now: 5_000 });
    expect(error.kind).toBe('timeout');
    expect(error.status).toBe(0);
    expect(error.source).toBe('client');
    expect(error.retryable).toBe(true);
    expect(error.method).toBe('PATCH');
    expect(error.url).toBe('https://api.example.com/v1/orders?access_token=[redacted]&page=1');
    expect(error.receivedAt).toBe(5_000);
  });

  it('maps a NetworkError and fetch network TypeErrors to kind network', () => {
    expect(toApiError(new NetworkError(request, { cause: new TypeError('fetch failed') })).kind).toBe('network');
    expect(toApiError(new TypeError('fetch failed')).kind).toBe('network');
    expect(toApiError(new TypeError('Failed to fetch')).kind).toBe('network');
    expect(toApiError(new TypeError('NetworkError when attempting to fetch resource.')).kind).toBe('network');
    expect(toApiError(new TypeError('Load failed')).kind).toBe('network');
    expect(toApiError(new TypeError('undefined is not a function')).kind).toBe('unknown');
  });

  it('keeps the request snapshot without the Authorization value', () => {
    const error = toApiError(new NetworkError(request));
    expect(error.request).toEqual({
      method: 'PATCH',
      url: 'https://api.example.com/v1/orders?access_token=[redacted]&page=1',
      headers: [['x-trace', 'abc']],
      hadAuthorization: true,
    });
    expect(JSON.stringify(error.request)).not.toContain('sk_live_secret');
  });

  it('uses the request from the context when the thrown value has none', () => {
    const error = toApiError(new TypeError('fetch failed'), { request });
    expect(error.method).toBe('PATCH');
    expect(error.url).toContain('https://api.example.com/v1/orders');
  });

  it('maps an HTTPError with the API error body', () => {
    const thrown = httpError(429, { status: 429, error: 'Quota exceeded', support_id: 'sup_123' }, { 'retry-after': '7' });
    const error = toApiError(thrown, { now: 10_000 });
    expect(error.kind).toBe('rate_limited');
    expect(error.status).toBe(429);
    expect(error.message).toBe('Quota exceeded');
    expect(error.supportId).toBe('sup_123');
    expect(error.retryAfterMs).toBe(7_000);
    expect(error.source).toBe('api');
    expect(error.receivedAt).toBe(10_000);
    expect(error.supportIdExpiresAt).toBe(10_000 + 7 * 24 * 3_600_000);
    expect(error.method).toBe('PATCH');
    expect(error.cause).toBe(thrown);
  });

  it('keeps the kind of the status when the body is empty', () => {
    const error = toApiError(httpError(502, undefined));
    expect(error.kind).toBe('server_error');
    expect(error.source).toBe('api');
    expect(error.message).toBe(KIND_DESCRIPTIONS.server_error);
  });

  it('redacts the API key when the server echoes it', () => {
    const error = toApiError(httpError(401, { status: 401, error: 'Invalid key sk_live_secret' }), { secrets: ['sk_live_secret'] });
    expect(error.kind).toBe('unauthorized');
    expect(error.message).toBe('Invalid key [redacted]');
  });
});
