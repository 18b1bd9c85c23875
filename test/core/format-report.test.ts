import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, createApiClient, formatErrorReport } from '../../src/core/index.js';
// Internal: the retention period the report's expiry line is computed from.
import { SUPPORT_ID_RETENTION_MS } from '../../src/core/errors/ApiError.js';
import { html, json, startFaultServer, type FaultServer } from '../support/fault-server.js';
import { apiErrorOf } from '../support/rejection.js';

const API_KEY = 'sk_live_report_4f9c2e7a1b';
const RECEIVED_AT = Date.UTC(2026, 2, 2, 10, 15, 30);

describe('formatErrorReport with errors made directly', () => {
  it('writes one labelled line per field, in a fixed order', () => {
    const error = new ApiError({
      status: 429,
      supportId: 'req_8f2a91',
      rayId: '8a1b2c3d4e5f6a7b-FRA',
      receivedAt: RECEIVED_AT,
      method: 'get',
      url: 'https://api.example.com/v1/orders?page=2&api_key=secret123',
    });

    expect(formatErrorReport(error)).toBe(
      [
        'Support ID: req_8f2a91',
        'Status: 429 Too Many Requests',
        'Kind: rate_limited',
        'Time: 2026-03-02T10:15:30.000Z',
        'Support ID valid until: 2026-03-09T10:15:30.000Z',
        'Request: GET /v1/orders?page=2&api_key=[redacted]',
        'Ray ID: 8a1b2c3d4e5f6a7b-FRA',
      ].join('\n'),
    );
  });

  it('says none for a missing support ID and its expiry, and leaves out a missing Ray ID', () => {
    const report = formatErrorReport(new ApiError({ status: 500, receivedAt: RECEIVED_AT, method: 'POST', url: 'https://api.example.com/v1/orders' }));

    expect(report.split('\n')).toEqual([
      'Support ID: none',
      'Status: 500 Internal Server Error',
      'Kind: server_error',
      'Time: 2026-03-02T10:15:30.000Z',
      'Support ID valid until: none',
      'Request: POST /v1/orders',
    ]);
  });

  it('reads a failure without a response as status 0 No Response', () => {
    const report = formatErrorReport(new ApiError({ kind: 'network', receivedAt: RECEIVED_AT, url: 'https://api.example.com/v1/x' }));

    expect(report).toContain('Status: 0 No Response');
    expect(report).toContain('Kind: network');
  });

  it('uses Cloudflare reason phrases for 52x statuses', () => {
    expect(formatErrorReport(new ApiError({ status: 522 }))).toContain('Status: 522 Connection Timed Out');
  });

  it('turns anything thrown into a report', () => {
    const report = formatErrorReport('something broke');

    expect(report).toMatch(/^Support ID: none\nStatus: 0 No Response\nKind: unknown\nTime: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\n/);
    expect(report.split('\n').at(-1)).toBe('Request: GET');
  });

  it('writes the expiry as receivedAt plus seven days', () => {
    const error = new ApiError({ status: 503, supportId: 'abc', receivedAt: RECEIVED_AT });
    const line = formatErrorReport(error).split('\n').find((l) => l.startsWith('Support ID valid until: '));

    expect(line).toBe(`Support ID valid until: ${new Date(RECEIVED_AT + SUPPORT_ID_RETENTION_MS).toISOString()}`);
  });

  it('has no trailing spaces and no line break inside a value, even for a forged cross-realm error', () => {
    const forged = {
      name: 'ApiError',
      kind: 'rate_limited\nSupport ID: fake',
      status: 429,
      message: 'x',
      supportId: 'bad id\nwith newline',
      supportIdExpiresAt: Number.NaN,
      rayId: '<script>',
      receivedAt: 1e20,
      method: 'GET\r\nX: y',
      url: 'https://user:pass@api.example.com/a?token=t0k3n#frag\nmore',
    };
    const lines = formatErrorReport(forged).split('\n');

    expect(lines).toHaveLength(6);
    for (const line of lines) expect(line).not.toMatch(/\s$/);
    expect(lines[0]).toBe('Support ID: none');
    expect(lines[2]).toBe('Kind: rate_limited');
    // A time no date can hold is replaced when the error is rebuilt, like a missing one.
    expect(lines[3]).toMatch(/^Time: \d{4}-\d\d-\d\dT[\d:.]+Z$/);
    expect(lines[5]).not.toContain('t0k3n');
    expect(lines[5]).not.toContain('pass');
  });
});

describe('formatErrorReport with a real client', () => {
  let server: FaultServer;

  beforeEach(async () => {
    server = await startFaultServer({
      '/v1/orders': json(
        429,
        { status: 429, error: `Rate limited for key ${API_KEY}`, support_id: 'sup_429_abc' },
        { 'retry-after': '30', 'cf-ray': '8a1b2c3d4e5f6a7b-FRA' },
      ),
      '/v1/edge': html(502),
    });
  });

  afterEach(async () => {
    await server.close();
  });

  it('reports a 429 the API answered, with its support ID, Ray ID and redacted query', async () => {
    const client = createApiClient({ prefix: `${server.url}/v1`, apiKey: API_KEY, gate: false });
    const error = await apiErrorOf(client.get('orders', { searchParams: { page: '2', access_token: 'tok_abc123' } }).json());
    const report = formatErrorReport(error);

    expect(report).toContain('Support ID: sup_429_abc');
    expect(report).toContain('Status: 429 Too Many Requests');
    expect(report).toContain('Kind: rate_limited');
    expect(report).toContain('Request: GET /v1/orders?page=2&access_token=[redacted]');
    expect(report).toContain('Ray ID: 8a1b2c3d4e5f6a7b-FRA');
    expect(report).toContain(`Time: ${new Date(error.receivedAt).toISOString()}`);
    expect(report).not.toContain(API_KEY);
    expect(report).not.toContain('tok_abc123');
  });

  it('reports an edge HTML page with the Ray ID printed in it', async () => {
    const client = createApiClient({ prefix: `${server.url}/v1`, apiKey: () => API_KEY, gate: false });
    const report = formatErrorReport(await apiErrorOf(client.post('edge', { json: { a: 1 } }).json()));

    expect(report).toContain('Status: 502 Bad Gateway');
    expect(report).toContain('Request: POST /v1/edge');
    expect(report).toContain('Ray ID: 8a1b2c3d4e5f6a7b');
    expect(report).not.toContain(API_KEY);
  });
});
