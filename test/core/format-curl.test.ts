import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, createApiClient, formatCurl } from '../../src/core/index.js';
import { json, startFaultServer, type FaultServer } from '../support/fault-server.js';
import { apiErrorOf } from '../support/rejection.js';

const API_KEY = 'sk_live_curl_77d1e0c9aa';

/** The words a POSIX shell makes of a command line (with API_KEY unset in the environment). */
function shellWords(command: string): string[] {
  const script = `set -- ${command.replace(/^curl /, '')}; for a in "$@"; do printf '%s\\0' "$a"; done`;
  const out = execFileSync('sh', ['-c', script], { env: { PATH: process.env.PATH ?? '', API_KEY: 'from-env' }, encoding: 'utf8' });
  return out.split('\0').slice(0, -1);
}

describe('formatCurl with errors made directly', () => {
  it('falls back to method and URL with the Accept header and the key placeholder', () => {
    const error = new ApiError({ status: 404, method: 'delete', url: 'https://api.example.com/v1/orders/7' });

    expect(formatCurl(error)).toBe(
      `curl -X DELETE 'https://api.example.com/v1/orders/7' -H 'accept: application/json' -H "Authorization: Bearer $API_KEY"`,
    );
  });

  it('writes the recorded request, without credentials or cookies', () => {
    const error = new ApiError({
      status: 500,
      method: 'POST',
      url: 'https://api.example.com/v1/orders',
      request: {
        method: 'POST',
        url: 'https://api.example.com/v1/orders',
        headers: [
          ['accept', 'application/json'],
          ['content-type', 'application/json'],
          ['idempotency-key', 'idem-1'],
          ['cookie', 'session=abc'],
          ['x-api-key', 'should-not-appear'],
        ],
        hadAuthorization: true,
      },
    });

    expect(formatCurl(error)).toBe(
      "curl -X POST 'https://api.example.com/v1/orders' -H 'accept: application/json' -H 'content-type: application/json'" +
        " -H 'idempotency-key: idem-1' -H 'x-api-key: [redacted]' -H \"Authorization: Bearer $API_KEY\"",
    );
  });

  it('leaves the Authorization header out when none was sent', () => {
    const error = new ApiError({
      status: 400,
      request: { method: 'GET', url: 'https://api.example.com/v1/a', headers: [['accept', 'application/json']], hadAuthorization: false },
    });

    expect(formatCurl(error)).toBe("curl -X GET 'https://api.example.com/v1/a' -H 'accept: application/json'");
  });

  it('escapes single quotes so a POSIX shell reads the same words back', () => {
    const error = new ApiError({
      status: 400,
      request: {
        method: 'GET',
        url: "https://api.example.com/v1/it's?q=a'b",
        headers: [['x-note', "it's $HOME `id` \"q\""]],
        hadAuthorization: true,
      },
    });
    const command = formatCurl(error);

    expect(shellWords(command)).toEqual([
      '-X',
      'GET',
      // The URL parser percent-encodes a quote in a query, never in a path.
      "https://api.example.com/v1/it's?q=a%27b",
      '-H',
      "x-note: it's $HOME `id` \"q\"",
      '-H',
      'Authorization: Bearer from-env',
    ]);
  });

  it('adds --globoff when the URL holds brackets, such as a redacted secret', () => {
    const error = new ApiError({ status: 401, url: 'https://api.example.com/v1/a?api_key=abc123def' });
    const command = formatCurl(error);

    expect(command).toContain("--globoff 'https://api.example.com/v1/a?api_key=[redacted]'");
    expect(command).not.toContain('abc123def');
  });

  it('turns anything thrown into a command', () => {
    expect(formatCurl(null)).toBe(`curl -X GET '' -H 'accept: application/json' -H "Authorization: Bearer $API_KEY"`);
  });
});

describe('formatCurl with a real client', () => {
  let server: FaultServer;

  beforeEach(async () => {
    server = await startFaultServer({
      '/v1/orders': json(500, { status: 500, error: `Internal error, key ${API_KEY}`, support_id: 'sup_500' }),
    });
  });

  afterEach(async () => {
    await server.close();
  });

  it('reproduces a failed POST with its headers and never the key or the body', async () => {
    const client = createApiClient({ prefix: `${server.url}/v1`, apiKey: API_KEY, headers: { 'x-client': 'web' }, gate: false });
    const error = await apiErrorOf(
      client.post('orders', { json: { card: '4242424242424242' }, headers: { 'idempotency-key': 'k-1' }, searchParams: { token: 'qs_secret_99' } }).json(),
    );
    const command = formatCurl(error);

    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(command).toMatch(/^curl -X POST --globoff 'http:\/\/127\.0\.0\.1:\d+\/v1\/orders\?token=\[redacted\]'/);
    expect(command).toContain("-H 'accept: application/json'");
    expect(command).toContain("-H 'content-type: application/json'");
    expect(command).toContain("-H 'idempotency-key: k-1'");
    expect(command).toContain("-H 'x-client: web'");
    expect(command.endsWith('-H "Authorization: Bearer $API_KEY"')).toBe(true);
    expect(command).not.toContain(API_KEY);
    expect(command).not.toContain('qs_secret_99');
    expect(command).not.toContain('4242');
  });

  it('never holds a key that comes from a function', async () => {
    const client = createApiClient({ prefix: `${server.url}/v1`, apiKey: async () => API_KEY, gate: false });
    const command = formatCurl(await apiErrorOf(client.get('orders').json()));

    expect(command).toContain('"Authorization: Bearer $API_KEY"');
    expect(command).not.toContain(API_KEY);
  });
});
