import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, createApiClient } from '../../src/core/index.js';
// Internal: the hint texts themselves; through the public API they are console output in development.
import { devHint } from '../../src/core/diagnostics/dev-hints.js';
import { replyJson, useLocalServer } from '../support/local-server.js';

const server = useLocalServer();
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

/** A page at `origin`, as a browser tab is. */
const onPageAt = (origin: string) => vi.stubGlobal('location', { origin });

describe('devHint', () => {
  it('points at the endpoint and method for 404 and 405', () => {
    expect(devHint(new ApiError({ status: 404, method: 'GET', url: 'https://api.test/v1/ordrs' }))).toMatch(/GET https:\/\/api.test\/v1\/ordrs answered 404: check the endpoint/);
    expect(devHint(new ApiError({ status: 405, method: 'DELETE', url: 'https://api.test/v1/orders' }))).toMatch(/HTTP method/);
  });

  it('points at the body shape and Content-Type for 400, and at the Accept header for 406', () => {
    expect(devHint(new ApiError({ status: 400 }))).toMatch(/Content-Type: application\/json/);
    expect(devHint(new ApiError({ status: 406 }))).toMatch(/rewrote the Accept header/);
  });

  it('explains Access-Control-Expose-Headers for a cross-origin 429 without a readable wait', () => {
    const hidden = new ApiError({ status: 429, url: 'https://api.test/v1/orders' });
    onPageAt('https://app.test');
    expect(devHint(hidden)).toMatch(/Access-Control-Expose-Headers/);
    expect(devHint(new ApiError({ status: 429, url: 'https://api.test/v1/orders', retryAfterMs: 1000 }))).toBeUndefined();
    onPageAt('https://api.test');
    expect(devHint(hidden)).toBeUndefined();
  });

  it('has nothing to say about failures that are not the caller’s mistake', () => {
    for (const status of [401, 403, 500, 503, 0]) expect(devHint(new ApiError({ status }))).toBeUndefined();
  });

  it('gives none in a production build, where bundlers leave the texts out', () => {
    vi.stubEnv('NODE_ENV', 'production');
    for (const status of [400, 404, 405, 406]) expect(devHint(new ApiError({ status }))).toBeUndefined();
  });
});

describe('the client’s console hints', () => {
  it('warns once per kind of mistake when asked to, and never leaks the key', async () => {
    server.handle((_request, response) => replyJson(response, 404, { status: 404, error: 'No route', support_id: 's-1' }));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const api = createApiClient({ prefix: server.url, gate: false, devHints: true, apiKey: 'sk_live_hint_key' });
    await api.get('ordrs?api_key=sk_live_hint_key').catch(() => undefined);
    await api.get('ordrs').catch(() => undefined);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/^\[api-error-kit\] GET .*answered 404/);
    expect(String(warn.mock.calls[0]![0])).not.toContain('sk_live_hint_key');
  });

  it('stays silent in a production build, even with devHints: true', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    server.handle((_request, response) => replyJson(response, 404, { status: 404, error: 'No route', support_id: 's-3' }));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await createApiClient({ prefix: server.url, gate: false, devHints: true }).get('ordrs').catch(() => undefined);
    expect(warn).not.toHaveBeenCalled();
  });

  it('stays silent with devHints: false', async () => {
    server.handle((_request, response) => replyJson(response, 400, { status: 400, error: 'Bad', support_id: 's-2' }));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await createApiClient({ prefix: server.url, gate: false, devHints: false }).post('orders', { json: {} }).catch(() => undefined);
    expect(warn).not.toHaveBeenCalled();
  });
});
