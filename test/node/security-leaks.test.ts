import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, createApiClient, formatCurl, formatErrorReport, type ApiKeySource } from '../../src/core/index.js';
import { json, resetConnection, send, startFaultServer, type FaultServer, type Route } from '../support/fault-server.js';
import { apiErrorOf } from '../support/rejection.js';
import { captureConsoleAsync } from '../support/console-capture.js';

const STRING_KEY = 'sk_live_9f8e7d6c5b4a3210';
const FUNCTION_KEY = 'sk_live_fn_0a1b2c3d4e5f';

/** Answers with the caller's own key everywhere a server could put it. */
function echo(status: number, shape: 'flat' | 'problem' | 'nested' | 'text' | 'html' | 'cloudflare'): Route {
  return (request, response) => {
    const key = String(request.headers.authorization ?? '').replace(/^Bearer /, '');
    const headers: Record<string, string> = { 'x-echo-key': key, 'www-authenticate': `Bearer realm="api", error="invalid_token", key="${key}"` };
    const bodies = {
      flat: { status, error: `The key ${key} is not valid`, support_id: 'sup-echo-1', key },
      problem: { type: 'about:blank', title: `Bad key ${key}`, detail: `Key ${key} was rejected`, status },
      nested: { error: { message: `Rejected ${key}`, support_id: 'sup-echo-2' } },
      cloudflare: { error_code: 1015, title: `Rate limited ${key}`, detail: `You (${key}) are being rate limited`, ray_id: '8a1b2c3d4e5f6a7b', retryable: true },
    };
    if (shape === 'text') {
      send(response, status, `Authorization ${key} failed`, { 'content-type': 'text/plain', ...headers });
    } else if (shape === 'html') {
      send(response, status, `<html><body><p>key ${key}</p><p>Ray ID: 8a1b2c3d4e5f6a7b</p></body></html>`, { 'content-type': 'text/html', ...headers });
    } else {
      const type = shape === 'problem' ? 'application/problem+json' : 'application/json';
      send(response, status, JSON.stringify(bodies[shape]), { 'content-type': type, ...headers });
    }
  };
}

const CASES: Array<[path: string, route: Route]> = [
  ['401-flat', echo(401, 'flat')],
  ['403-problem', echo(403, 'problem')],
  ['400-nested', echo(400, 'nested')],
  ['429-cloudflare', echo(429, 'cloudflare')],
  ['500-text', echo(500, 'text')],
  ['502-html', echo(502, 'html')],
  ['200-broken', (request, response) => send(response, 200, `{"key": "${String(request.headers.authorization)}"`, { 'content-type': 'application/json' })],
  ['reset', resetConnection()],
];

let server: FaultServer;

beforeAll(async () => {
  server = await startFaultServer(Object.fromEntries(CASES.map(([path, route]) => [`/v1/${path}`, route])));
});

afterAll(async () => {
  await server.close();
});

/** Every way an error is shown, logged or copied, except a deep inspection of its cause. */
function outputsOf(error: ApiError): Record<string, string> {
  return {
    message: error.message,
    toJSON: JSON.stringify(error.toJSON()),
    stringify: JSON.stringify(error),
    string: String(error),
    stack: error.stack ?? '',
    report: formatErrorReport(error),
    curl: formatCurl(error),
    url: error.url,
  };
}

/** The failures of every case, and the development hints the console was given for them. */
async function failures(apiKey: ApiKeySource): Promise<{ thrown: ApiError[]; reported: ApiError[]; hints: string[] }> {
  const reported: ApiError[] = [];
  const client = createApiClient({ prefix: `${server.url}/v1`, apiKey, gate: false, onError: (error) => void reported.push(error) });
  const thrown: ApiError[] = [];
  const { printed: hints } = await captureConsoleAsync('warn', async () => {
    for (const [path] of CASES) {
      const request = path.startsWith('400') ? client.post(path, { json: { a: 1 } }) : client.get(path);
      thrown.push(await apiErrorOf(request.json(), path));
    }
  });
  // The 400 is the one case here a hint speaks of; it names the request by its redacted URL.
  expect(hints).toEqual([expect.stringMatching(/^\[api-error-kit\] POST \S+\/v1\/400-nested answered 400: /)]);
  return { thrown, reported, hints };
}

function leaks(errors: ApiError[], key: string): string[] {
  return errors.flatMap((error) =>
    Object.entries(outputsOf(error))
      .filter(([, text]) => text.includes(key))
      .map(([where]) => `${error.status} ${error.kind}: ${where}`),
  );
}

describe('the API key never shows in what an error displays, logs or copies', () => {
  it('keeps a string key out of every output, even when the server echoes it everywhere', async () => {
    const { thrown, reported, hints } = await failures(STRING_KEY);

    expect(hints.filter((hint) => hint.includes(STRING_KEY))).toEqual([]);
    expect(server.requests.some((request) => request.headers.authorization === `Bearer ${STRING_KEY}`)).toBe(true);
    expect(thrown.map((error) => error.kind)).toEqual([
      'unauthorized',
      'forbidden',
      'bad_request',
      'rate_limited',
      'server_error',
      'server_error',
      'invalid_response',
      'network',
    ]);
    expect(reported).toEqual(thrown);
    expect(leaks(thrown, STRING_KEY)).toEqual([]);
  });

  it('keeps a key from a function out of every output, including a key refreshed between requests', async () => {
    let calls = 0;
    const refreshed = `${FUNCTION_KEY}_r2`;
    const { thrown, reported, hints } = await failures(async () => (++calls > 3 ? refreshed : FUNCTION_KEY));

    expect(hints.filter((hint) => hint.includes(FUNCTION_KEY))).toEqual([]);

    expect(calls).toBe(CASES.length);
    expect(reported).toHaveLength(CASES.length);
    expect(leaks(reported, FUNCTION_KEY)).toEqual([]);
    expect(leaks(reported, refreshed)).toEqual([]);
    expect(leaks(thrown, FUNCTION_KEY)).toEqual([]);
  });

  it('shows [redacted] where the server echoed the key in its message', async () => {
    const { thrown } = await failures(STRING_KEY);

    expect(thrown[0]!.message).toBe('The key [redacted] is not valid');
    expect(thrown[4]!.message).toBe('Authorization [redacted] failed');
  });

  it('keeps the key out of an error printed the way console.error prints it', async () => {
    // No echo here: whatever shows the key comes from the kit's own objects.
    server.route('/v1/plain-500', json(500, { status: 500, error: 'Internal error', support_id: 'sup-plain' }));
    const reported: ApiError[] = [];
    const client = createApiClient({ prefix: `${server.url}/v1`, apiKey: STRING_KEY, gate: false, onError: (error) => void reported.push(error) });
    const error = await apiErrorOf(client.get('plain-500').json(), 'plain-500');

    expect(reported).toEqual([error]);
    const printed = inspect(reported[0], { depth: 10 }).split('\n');
    expect(printed.length).toBeGreaterThan(5);
    // Lists the printed lines that hold the key (the cause's request headers, say).
    expect(printed.filter((line) => line.includes(STRING_KEY)).map((line) => line.trim())).toEqual([]);
  });
});
