import { describe, expect, it } from 'vitest';
import { createApiClient, isApiError, type ApiErrorKind } from '../../src/core/index.js';
// Internal: the English fallback texts a mapped error carries, which the public API does not name.
import { KIND_DESCRIPTIONS } from '../../src/core/errors/kinds.js';
import { cloudflare1015Page, cloudflare5xxPage, cloudflareJsonError } from '../support/cloudflare-pages.js';
import { apiErrorOf } from '../support/rejection.js';
import { reply, replyJson, useLocalServer } from '../support/local-server.js';

const server = useLocalServer();

function client(options: Parameters<typeof createApiClient>[0] = {}) {
  // The console hints for 4xx answers are dev-hints.test.ts's subject; here they would only print.
  return createApiClient({ prefix: server.url, gate: false, devHints: false, ...options });
}

describe('the API error body {status, error, support_id}', () => {
  const statuses: Array<[number, ApiErrorKind]> = [
    [400, 'bad_request'],
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [406, 'not_acceptable'],
    [429, 'rate_limited'],
    [500, 'server_error'],
    [503, 'unavailable'],
  ];

  it.each(statuses)('maps a %i with {status, error, support_id} to kind %s with the server message and support ID', async (status, kind) => {
    server.handle((_request, response) => replyJson(response, status, { status, error: `Failure ${status} happened`, support_id: `sup_${status}` }));
    const before = Date.now();
    const error = await apiErrorOf(client().get('v1/orders/7').json());
    expect(error.status).toBe(status);
    expect(error.kind).toBe(kind);
    expect(error.message).toBe(`Failure ${status} happened`);
    expect(error.supportId).toBe(`sup_${status}`);
    expect(error.source).toBe('api');
    expect(error.method).toBe('GET');
    expect(error.url).toBe(`${server.url}/v1/orders/7`);
    expect(error.receivedAt).toBeGreaterThanOrEqual(before);
    expect(error.supportIdExpiresAt).toBe(error.receivedAt + 7 * 24 * 3_600_000);
  });

  it('cleans the server message and drops an unusable support ID', async () => {
    server.handle((_request, response) =>
      replyJson(response, 400, { status: 400, error: '  Bad\u0000 field\n\t"qty" ', support_id: 'id with spaces <script>' }),
    );
    const error = await apiErrorOf(client().post('v1/orders', { json: { qty: -1 } }).json());
    expect(error.message).toBe('Bad field "qty"');
    expect(error.supportId).toBeUndefined();
    expect(error.supportIdExpiresAt).toBeUndefined();
    expect(error.method).toBe('POST');
  });

  it('redacts the API key when the server echoes it in its message', async () => {
    server.handle((_request, response) => replyJson(response, 401, { status: 401, error: 'Key sk_test_0123456789 is revoked', support_id: 'a1' }));
    const error = await apiErrorOf(client({ apiKey: 'sk_test_0123456789' }).get('v1/me').json());
    expect(error.message).toBe('Key [redacted] is revoked');
    expect(JSON.stringify(error)).not.toContain('sk_test_0123456789');
  });

  it('redacts secrets in the query string of the error url', async () => {
    server.handle((_request, response) => replyJson(response, 404, { status: 404, error: 'nope', support_id: 'b2' }));
    const error = await apiErrorOf(client().get('v1/files', { searchParams: { signature: 'abc', page: 3 } }).json());
    expect(error.url).toBe(`${server.url}/v1/files?signature=[redacted]&page=3`);
  });

  it('maps a 408 answer to kind timeout from the API', async () => {
    server.handle((_request, response) => replyJson(response, 408, { status: 408, error: 'Took too long', support_id: 't1' }));
    const error = await apiErrorOf(client().get('slow').json());
    expect(error).toMatchObject({ kind: 'timeout', status: 408, source: 'api', retryable: true, supportId: 't1' });
  });
});

describe('other JSON error shapes', () => {
  it('reads RFC 9457 problem+json', async () => {
    server.handle((_request, response) =>
      reply(response, 422, JSON.stringify({ type: 'https://example.com/probs/qty', title: 'Invalid quantity', status: 422, detail: 'qty must be at least 1' }), {
        'content-type': 'application/problem+json',
      }),
    );
    const error = await apiErrorOf(client().post('v1/orders').json());
    expect(error).toMatchObject({ kind: 'client_error', status: 422, message: 'qty must be at least 1', source: 'api' });
  });

  it('reads {error: {message}}', async () => {
    server.handle((_request, response) => replyJson(response, 403, { error: { message: 'Missing scope orders:write', code: 'scope' } }));
    const error = await apiErrorOf(client().get('v1/orders').json());
    expect(error).toMatchObject({ kind: 'forbidden', message: 'Missing scope orders:write', source: 'api' });
  });

  it('reads the API error body and its wait when it comes as text/plain', async () => {
    server.handle((_request, response) =>
      reply(response, 429, JSON.stringify({ status: 429, error: 'Too many', support_id: 'txt-1', retry_after: 12 }), { 'content-type': 'text/plain' }),
    );
    const error = await apiErrorOf(client().get('v1/orders').json());
    expect(error).toMatchObject({ kind: 'rate_limited', message: 'Too many', supportId: 'txt-1', retryAfterMs: 12_000, source: 'api' });
  });

  it('reads a Cloudflare JSON error as the edge, with its Ray ID, wait and message', async () => {
    server.handle((_request, response) =>
      replyJson(response, 429, cloudflareJsonError('8a1b2c3d4e5f6a7b'), { 'cf-ray': '8a1b2c3d4e5f6a7b-FRA', server: 'cloudflare' }),
    );
    const error = await apiErrorOf(client().get('v1/orders').json());
    expect(error).toMatchObject({
      kind: 'rate_limited',
      status: 429,
      source: 'edge',
      rayId: '8a1b2c3d4e5f6a7b-FRA',
      retryAfterMs: 30_000,
      message: 'You are being rate limited by the website owner.',
      retryable: true,
    });
    expect(error.supportId).toBeUndefined();
  });

  it('honours retryable: false in a Cloudflare JSON error', async () => {
    server.handle((_request, response) =>
      replyJson(response, 500, cloudflareJsonError('8a1b2c3d4e5f6a7b', { status: 500, error_code: 1101, retryable: false, retry_after: undefined })),
    );
    const error = await apiErrorOf(client().get('v1/orders').json());
    expect(error).toMatchObject({ kind: 'server_error', source: 'edge', retryable: false, rayId: '8a1b2c3d4e5f6a7b' });
  });
});

describe('errors that passed through Cloudflare', () => {
  const behindCloudflare = { 'cf-ray': '8a1b2c3d4e5f6a7b-FRA', server: 'cloudflare' };
  const problem = (body: object) => (_request: unknown, response: Parameters<typeof replyJson>[0]) =>
    replyJson(response, 400, body, { ...behindCloudflare, 'content-type': 'application/problem+json' });

  it.each([
    ['title and detail', { type: 'https://example.com/probs/qty', title: 'Invalid quantity', detail: 'qty must be at least 1', status: 400 }, 'qty must be at least 1'],
    ['only a title', { title: 'Invalid quantity' }, 'Invalid quantity'],
    ['only a detail', { detail: 'qty must be at least 1' }, 'qty must be at least 1'],
  ])('calls the API the source of its problem+json with %s', async (_name, body, message) => {
    server.handle(problem(body));
    const error = await apiErrorOf(client().post('v1/orders', { json: { qty: 0 } }).json());
    expect(error).toMatchObject({ kind: 'bad_request', status: 400, source: 'api', message, rayId: '8a1b2c3d4e5f6a7b-FRA' });
  });

  it.each([
    ['the API error body', { status: 429, error: 'Slow down', support_id: 'sup-1' }, 'Slow down'],
    ['{error: {message}}', { error: { message: 'Slow down' } }, 'Slow down'],
  ])('calls the API the source of %s', async (_name, body, message) => {
    server.handle((_request, response) => replyJson(response, 429, body, behindCloudflare));
    const error = await apiErrorOf(client().get('v1/orders').json());
    expect(error).toMatchObject({ kind: 'rate_limited', source: 'api', message, rayId: '8a1b2c3d4e5f6a7b-FRA' });
  });

  it.each([
    ['Cloudflare\'s own JSON', cloudflareJsonError('8a1b2c3d4e5f6a7b')],
    ['JSON with no recognisable error', { ok: false, code: 17 }],
    ['an empty JSON object', {}],
  ])('calls %s the edge', async (_name, body) => {
    server.handle((_request, response) => replyJson(response, 502, body, behindCloudflare));
    const error = await apiErrorOf(client().get('v1/orders').json());
    expect(error).toMatchObject({ kind: 'server_error', source: 'edge', rayId: '8a1b2c3d4e5f6a7b-FRA' });
  });
});

describe('Cloudflare HTML pages', () => {
  it('maps a 502 page to server_error from the edge with the cf-ray header and a friendly message', async () => {
    server.handle((_request, response) =>
      reply(response, 502, cloudflare5xxPage(502, '8a1b2c3d4e5f6a7b'), {
        'content-type': 'text/html; charset=UTF-8',
        'cf-ray': '8a1b2c3d4e5f6a7b-AMS',
        server: 'cloudflare',
      }),
    );
    const error = await apiErrorOf(client().get('v1/orders').json());
    expect(error).toMatchObject({ kind: 'server_error', status: 502, source: 'edge', rayId: '8a1b2c3d4e5f6a7b-AMS' });
    expect(error.message).toBe(KIND_DESCRIPTIONS.server_error);
    expect(error.message).not.toMatch(/[<>]/);
  });

  it('reads the Ray ID printed in the page when the header is missing', async () => {
    server.handle((_request, response) => reply(response, 504, cloudflare5xxPage(504, 'fedcba9876543210'), { 'content-type': 'text/html' }));
    const error = await apiErrorOf(client().get('v1/orders').json());
    expect(error).toMatchObject({ kind: 'server_error', status: 504, source: 'edge', rayId: 'fedcba9876543210' });
    expect(error.message).toBe(KIND_DESCRIPTIONS.server_error);
  });

  it('maps the 1015 rate-limit page to rate_limited from the edge', async () => {
    server.handle((_request, response) => reply(response, 429, cloudflare1015Page('0123456789abcdef'), { 'content-type': 'text/html' }));
    const error = await apiErrorOf(client().get('v1/orders').json());
    expect(error).toMatchObject({ kind: 'rate_limited', source: 'edge', rayId: '0123456789abcdef', retryable: true });
    expect(error.message).toBe(KIND_DESCRIPTIONS.rate_limited);
    expect(error.retryAfterMs).toBeUndefined();
  });

  it('treats HTML without a content type as a page, never as the message', async () => {
    server.handle((_request, response) => reply(response, 500, '<html><body><h1>Internal error</h1></body></html>'));
    const error = await apiErrorOf(client().get('v1/orders').json());
    expect(error).toMatchObject({ kind: 'server_error', source: 'edge', message: KIND_DESCRIPTIONS.server_error });
  });
});

describe('broken, empty and absurd bodies', () => {
  it.each([
    [500, 'server_error'],
    [503, 'unavailable'],
    [404, 'not_found'],
  ] as const)('keeps kind and source api for an empty %i body', async (status, kind) => {
    server.handle((_request, response) => reply(response, status, '', { 'content-type': 'application/json' }));
    const error = await apiErrorOf(client().get('v1/orders').json());
    expect(error).toMatchObject({ status, kind, source: 'api', message: KIND_DESCRIPTIONS[kind] });
  });

  it('keeps kind and source api for truncated JSON', async () => {
    server.handle((_request, response) => reply(response, 503, '{"status":503,"error":"Maint', { 'content-type': 'application/json' }));
    const error = await apiErrorOf(client().get('v1/orders').json());
    expect(error).toMatchObject({ status: 503, kind: 'unavailable', source: 'api', message: KIND_DESCRIPTIONS.unavailable });
  });

  it('uses a plain-text body as the cleaned message', async () => {
    server.handle((_request, response) => reply(response, 500, '  upstream\r\n\tconnect error\u0007  ', { 'content-type': 'text/plain' }));
    const error = await apiErrorOf(client().get('v1/orders').json());
    expect(error).toMatchObject({ kind: 'server_error', source: 'api', message: 'upstream connect error' });
  });

  it.each([
    ['\u0000<b>', 'text/plain'],
    ['\u200B\uFEFF <i>x</i>', 'text/plain'],
    ['Quota <\u0007b>exceeded</b>', 'text/plain'],
    ['Not allowed: <script>alert(1)', 'text/plain'],
    ['{"error":"<b\\u0000>bold</b>"}', 'application/json'],
  ])('never lets markup into the message, whatever surrounds it: %j', async (body, type) => {
    server.handle((_request, response) => reply(response, 400, body, { 'content-type': type }));
    const error = await apiErrorOf(client({ devHints: false }).get('v1/orders').json());
    expect(error).toMatchObject({ status: 400, kind: 'bad_request', message: KIND_DESCRIPTIONS.bad_request });
  });

  it('keeps a message that only mentions angle brackets', async () => {
    server.handle((_request, response) => reply(response, 400, 'limit must be < 10 and > 0', { 'content-type': 'text/plain' }));
    const error = await apiErrorOf(client({ devHints: false }).get('v1/orders').json());
    expect(error.message).toBe('limit must be < 10 and > 0');
  });

  it('caps a multi-megabyte text body to a 500-character message', async () => {
    const body = `Failure: ${'lorem ipsum '.repeat(500_000)}`;
    server.handle((_request, response) => reply(response, 500, body, { 'content-type': 'text/plain' }));
    const error = await apiErrorOf(client().get('v1/orders').json());
    expect(error.kind).toBe('server_error');
    expect(error.source).toBe('api');
    expect(error.message.startsWith('Failure: lorem ipsum')).toBe(true);
    expect(error.message.length).toBeLessThanOrEqual(500);
  });

  it('caps a multi-megabyte JSON message', async () => {
    server.handle((_request, response) => replyJson(response, 400, { status: 400, error: 'x'.repeat(4_000_000), support_id: 'big' }));
    const error = await apiErrorOf(client().get('v1/orders').json());
    expect(error).toMatchObject({ kind: 'bad_request', supportId: 'big', message: 'x'.repeat(500) });
  });

  it('keeps the kind of a status whose body is too large to read', async () => {
    server.handle((_request, response) => reply(response, 502, Buffer.alloc(11 * 1024 * 1024, 'a'), { 'content-type': 'text/plain' }));
    const error = await apiErrorOf(client().get('v1/orders').json());
    expect(error).toMatchObject({ status: 502, kind: 'server_error', source: 'api', message: KIND_DESCRIPTIONS.server_error });
  });
});

describe('successful statuses with bodies that are not JSON', () => {
  it('maps a 200 HTML page (a captive portal) on .json() to invalid_response with status 200', async () => {
    server.handle((_request, response) => reply(response, 200, '<!doctype html><html><title>Sign in to Wi-Fi</title></html>', { 'content-type': 'text/html' }));
    const error = await apiErrorOf(client().get('v1/orders').json());
    expect(error).toMatchObject({ kind: 'invalid_response', status: 200, retryable: false, source: 'edge' });
    expect(error.message).toBe(KIND_DESCRIPTIONS.invalid_response);
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });

  it('maps a 200 with broken JSON on .json() to invalid_response from the API', async () => {
    server.handle((_request, response) => reply(response, 200, '{"orders": [1, 2', { 'content-type': 'application/json' }));
    const error = await apiErrorOf(client().get('v1/orders').json());
    expect(error).toMatchObject({ kind: 'invalid_response', status: 200, source: 'api', method: 'GET', url: `${server.url}/v1/orders` });
  });

  it('maps a 201 with broken JSON on .json() to invalid_response with status 201', async () => {
    server.handle((_request, response) => reply(response, 201, 'created!', { 'content-type': 'application/json' }));
    const error = await apiErrorOf(client().post('v1/orders').json());
    expect(error).toMatchObject({ kind: 'invalid_response', status: 201, method: 'POST' });
  });

  it('resolves a 204 without a body to undefined on .json()', async () => {
    server.handle((_request, response) => reply(response, 204));
    await expect(client().delete('v1/orders/1').json()).resolves.toBeUndefined();
  });

  it('resolves a 200 HTML page read as text: only JSON reads can be invalid', async () => {
    server.handle((_request, response) => reply(response, 200, '<p>hello</p>', { 'content-type': 'text/html' }));
    await expect(client().get('page').text()).resolves.toBe('<p>hello</p>');
  });
});

describe('every failure is an ApiError', () => {
  it('rejects the bare response promise with an ApiError too', async () => {
    server.handle((_request, response) => replyJson(response, 500, { status: 500, error: 'boom', support_id: 'z' }));
    const outcome = await client().get('v1/orders').then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(isApiError(outcome)).toBe(true);
    expect(outcome).toMatchObject({ kind: 'server_error', message: 'boom' });
  });

  it('maps an error thrown by a user hook to kind unknown', async () => {
    const error = await apiErrorOf(
      client({
        hooks: {
          beforeRequest: [
            () => {
              throw new Error('hook failed');
            },
          ],
        },
      })
        .get('v1/orders')
        .json(),
    );
    expect(error).toMatchObject({ kind: 'unknown', source: 'client', message: 'hook failed' });
  });
});

describe('an HTML page sent as application/json', () => {
  it('is the edge speaking: its Ray ID is read from the page and the markup is never the message', async () => {
    server.handle((_request, response) => reply(response, 502, cloudflare5xxPage(502, '0123456789abcdef'), { 'content-type': 'application/json' }));
    const error = await apiErrorOf(client().get('v1/orders').json());
    expect(error.kind).toBe('server_error');
    expect(error.source).toBe('edge');
    expect(error.rayId).toBe('0123456789abcdef');
    expect(error.message).not.toMatch(/</);
  });

  it('keeps truncated JSON out of the message: the status kind, and the API as the source', async () => {
    server.handle((_request, response) => reply(response, 500, '{"status":500,"error":"Internal', { 'content-type': 'application/json' }));
    const error = await apiErrorOf(client().get('v1/orders').json());
    expect(error.kind).toBe('server_error');
    expect(error.source).toBe('api');
    expect(error.message).not.toContain('{');
  });
});
