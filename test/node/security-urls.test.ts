import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, createApiClient, formatCurl, formatErrorReport, toApiError } from '../../src/core/index.js';
import { json, resetConnection, startFaultServer, type FaultServer } from '../support/fault-server.js';
import { captureConsoleAsync } from '../support/console-capture.js';
import { apiErrorOf } from '../support/rejection.js';
// Internal: the one list of secret names, so every name on it is tried.
import { SECRET_NAME_WORDS } from '../../src/core/errors/redact.js';

const PROPERTY_RUNS = 50;

let server: FaultServer;

beforeAll(async () => {
  server = await startFaultServer({
    '/v1/items': json(404, { status: 404, error: 'Not found', support_id: 'sup-404' }),
    '/v1/reset': resetConnection(),
  });
});

afterAll(async () => {
  await server.close();
});

/** Every place an error carries or prints its URL. */
function urlOutputs(error: ApiError): string[] {
  return [error.url, error.toJSON().url, JSON.stringify(error), error.message, String(error), formatErrorReport(error), formatCurl(error), error.request?.url ?? ''];
}

describe('URLs in errors keep no credentials and no query-string secrets', { timeout: 30_000 }, () => {
  it('redacts every secret-looking query parameter and keeps the others', async () => {
    const client = createApiClient({ prefix: `${server.url}/v1`, gate: false });
    const secrets = {
      api_key: 'v-api-key-1',
      apiKey: 'v-api-key-2',
      access_token: 'v-token-3',
      client_secret: 'v-secret-4',
      password: 'v-password-5',
      'X-Amz-Signature': 'v-signature-6',
      auth: 'v-auth-7',
      session_id: 'v-session-8',
      code: 'v-code-9',
    };
    const { result: error, printed } = await captureConsoleAsync('warn', () =>
      apiErrorOf(client.get('items', { searchParams: { page: '2', ...secrets, sort: 'name' } }).json()),
    );

    expect(server.requests.at(-1)?.path).toContain('api_key=v-api-key-1');
    // The development hint for the 404 names the request by its redacted URL too.
    expect(printed).toEqual([expect.stringContaining(`GET ${error.url} answered 404`)]);
    for (const output of [...urlOutputs(error), ...printed]) {
      for (const value of Object.values(secrets)) expect(output).not.toContain(value);
    }
    expect(error.url).toBe(
      `${server.url}/v1/items?page=2&api_key=[redacted]&apiKey=[redacted]&access_token=[redacted]&client_secret=[redacted]` +
        '&password=[redacted]&X-Amz-Signature=[redacted]&auth=[redacted]&session_id=[redacted]&code=[redacted]&sort=name',
    );
  });

  it('redacts percent-encoded parameter names and drops the fragment', () => {
    const error = new ApiError({ status: 400, url: 'https://api.example.com/v1/a?api%5Fkey=enc-secret-1&Token=enc-secret-2#access_token=frag-secret' });

    for (const output of urlOutputs(error)) {
      expect(output).not.toContain('enc-secret-1');
      expect(output).not.toContain('enc-secret-2');
      expect(output).not.toContain('frag-secret');
    }
  });

  it('redacts secrets of a request that never got an answer', async () => {
    const client = createApiClient({ prefix: `${server.url}/v1`, gate: false });
    const error = await apiErrorOf(client.get('reset', { searchParams: { token: 'reset-secret-1' } }).json());

    expect(error.kind).toBe('network');
    expect(error.url).toBe(`${server.url}/v1/reset?token=[redacted]`);
    for (const output of urlOutputs(error)) expect(output).not.toContain('reset-secret-1');
  });

  it('redacts any parameter whose name holds a secret word, in any case, sent through a real client', async () => {
    // The hint of the first 404 would only print here; the test above checks what it shows.
    const client = createApiClient({ prefix: `${server.url}/v1`, gate: false, devHints: false });
    const name = fc
      .tuple(fc.stringMatching(/^[a-z_]{0,6}$/), fc.constantFrom(...SECRET_NAME_WORDS), fc.stringMatching(/^[a-z_]{0,6}$/), fc.boolean())
      .map(([before, word, after, upper]) => `${before}${upper ? word.toUpperCase() : word}${after}`);
    const value = fc.stringMatching(/^[A-Za-z0-9]{6,20}$/).map((text) => `S3CR3T${text}`);
    let runs = 0;

    await fc.assert(
      fc.asyncProperty(name, value, async (secretName, secretValue) => {
        runs += 1;
        const error = await apiErrorOf(client.get('items', { searchParams: { [secretName]: secretValue, page: '1' } }).json());
        for (const output of urlOutputs(error)) expect(output).not.toContain(secretValue);
        expect(error.url).toContain('page=1');
      }),
      { numRuns: PROPERTY_RUNS },
    );
    expect(runs).toBe(PROPERTY_RUNS);
  });

  it('keeps user info out of the URL of an error', () => {
    const error = new ApiError({ status: 500, url: 'https://alice:hunter2pass@api.example.com/v1/a' });

    expect(error.url).toBe('https://api.example.com/v1/a');
    for (const output of urlOutputs(error)) expect(output).not.toContain('hunter2pass');
  });

  it('keeps credentials and secrets out of the message of an error about a URL that could not be requested', async () => {
    // The platform names the whole URL in its message when it refuses to build the request.
    const client = createApiClient({ gate: false });
    const refusals: ApiError[] = [];
    for (const url of ['http://alice:hunter2pass@127.0.0.1:1/v1/a', '/v1/relative?api_key=relative-secret-1']) {
      try {
        await client.get(url).json();
      } catch (thrown) {
        refusals.push(toApiError(thrown));
      }
    }

    expect(refusals).toHaveLength(2);
    for (const error of refusals) {
      expect(error.message).not.toContain('hunter2pass');
      expect(error.message).not.toContain('relative-secret-1');
      expect(formatErrorReport(error)).not.toContain('hunter2pass');
      expect(JSON.stringify(error)).not.toContain('relative-secret-1');
    }
  });
});
