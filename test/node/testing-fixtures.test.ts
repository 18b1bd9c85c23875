import { http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, createApiClient, isApiError, type ApiErrorJSON } from '../../src/core/index.js';
import { API_ERROR_SCENARIOS, apiAnswer, apiError, type ApiErrorFixtureOptions, type ApiErrorScenario } from '../../src/testing/index.js';

const PREFIX = 'https://api.example.com/v1';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());

/** What the kit's client makes of the scenario's answer, sent through MSW as an app's test would. */
async function throughClient(scenario: ApiErrorScenario, options: ApiErrorFixtureOptions = {}, method = 'get'): Promise<ApiError> {
  server.resetHandlers(http.all(`${PREFIX}/orders`, () => apiAnswer(scenario, options)));
  // A client per answer: no gate, budget or hint carries over from one scenario to the next.
  const client = createApiClient({ prefix: PREFIX, gate: false, retryBudget: false, devHints: false });
  const error = await client(`orders`, { method }).json().then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  if (!isApiError(error)) throw new Error(`${scenario}: the client did not reject with an ApiError`, { cause: error });
  return error;
}

/** `toJSON()` without what depends on the moment (times) or the address (URL). */
function comparable(error: ApiError): Omit<ApiErrorJSON, 'receivedAt' | 'supportIdExpiresAt' | 'url'> {
  const { receivedAt: _receivedAt, supportIdExpiresAt: _expires, url: _url, ...rest } = error.toJSON();
  return rest;
}

describe('api-error-kit/testing', () => {
  it('knows a failure of every kind an app must show well', () => {
    expect(new Set(API_ERROR_SCENARIOS.map((scenario) => apiError(scenario).kind))).toEqual(
      new Set(['bad_request', 'unauthorized', 'forbidden', 'not_found', 'rate_limited', 'server_error', 'unavailable', 'network', 'invalid_response']),
    );
  });

  it.each(API_ERROR_SCENARIOS)('builds for %s the ApiError the client makes of the same answer', async (scenario) => {
    expect(comparable(apiError(scenario))).toEqual(comparable(await throughClient(scenario)));
  });

  it('keeps the options given, in the answer and in the error alike', async () => {
    const options = { supportId: 'sup-own-1', message: 'Slow down, please', retryAfterSeconds: 7, method: 'POST' };
    const made = await throughClient('rateLimited', options, 'post');
    expect(comparable(apiError('rateLimited', options))).toEqual(comparable(made));
    expect(made).toMatchObject({ supportId: 'sup-own-1', message: 'Slow down, please', retryAfterMs: 7000, method: 'POST' });

    const edge = { rayId: '7f00aa11bb22cc33-AMS', retryAfterSeconds: 60 };
    expect(comparable(apiError('cloudflareRateLimit', edge))).toEqual(comparable(await throughClient('cloudflareRateLimit', edge)));
  });

  it('dates the error when asked, so a support-ID line can be tested at a fixed time', () => {
    const receivedAt = Date.UTC(2026, 0, 2, 3, 4, 5);
    expect(apiError('serverError', { receivedAt }).receivedAt).toBe(receivedAt);
  });
});
