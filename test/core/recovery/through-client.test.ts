import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../../src/core/index.js';
// Internal: the client's retry budget, which the public API does not show.
import { clientContextOf } from '../../../src/core/client/guarded-instance.js';
import { replyJson, useLocalServer } from '../../support/local-server.js';

describe('pacing through the client after a 429', () => {
  let limited = false;
  let inFlight = 0;
  let maxInFlightAfterReopen = 0;
  let reopened = false;

  const server = useLocalServer((request, response) => {
    if (request.url === '/first') {
      replyJson(response, 200, { ok: true });
      return;
    }
    if (!limited) {
      limited = true;
      replyJson(response, 429, { status: 429, error: 'Slow down', support_id: 'sup-1' }, { 'retry-after': '1' });
      return;
    }
    reopened = true;
    inFlight += 1;
    maxInFlightAfterReopen = Math.max(maxInFlightAfterReopen, inFlight);
    setTimeout(() => {
      inFlight -= 1;
      replyJson(response, 200, { ok: true });
    }, 30);
  });

  it('sends the requests held at the gate one at a time when the server let others through just before', async () => {
    const api = createApiClient({ prefix: server.url });
    await api.get('first');
    await api.get('limited').catch(() => undefined);
    const held = Array.from({ length: 12 }, (_, index) => api.get(`held/${index}`).json());
    await Promise.all(held);
    expect(reopened).toBe(true);
    // Twelve answers of 30 ms fit in the second after the wait: one at a time throughout, so a
    // server still at its limit would refuse one of them, not the crowd.
    expect(maxInFlightAfterReopen).toBe(1);
    const firstAfter = server.requests[2]!.at - server.requests[1]!.at;
    expect(firstAfter).toBeGreaterThanOrEqual(1000);
  });
});

describe('the refused request first, through the client', () => {
  const server = useLocalServer((request, response) => {
    const refuse = request.url === '/probe' && !server.requests.slice(0, -1).some((seen) => seen.path === '/probe');
    if (refuse) replyJson(response, 429, { status: 429, error: 'Slow down', support_id: 'sup-1' }, { 'retry-after': '0.3' });
    else replyJson(response, 200, { ok: true });
  });

  it('sends its retry before a request that reached the reopened gate first', async () => {
    // A wide spread, so the timing below has margins of about 100 ms either way.
    const api = createApiClient({ prefix: server.url, retryPolicy: { serverWaitSpread: 0.5 } });
    await expect(api.get('probe').json()).rejects.toMatchObject({ kind: 'rate_limited' });
    const fresh = api.get('fresh').json();
    // The gate reopens at 300 ms; the retry comes at 350 ms, within its spread (up to 450 ms).
    await new Promise((resolve) => setTimeout(resolve, 350));
    await Promise.all([fresh, api.get('probe').json()]);
    expect(server.requests.map((seen) => seen.path)).toEqual(['/probe', '/probe', '/fresh']);
  });
});

describe("with ky's throwHttpErrors: false, through the client", () => {
  const server = useLocalServer((request, response) => {
    const refuse = request.url === '/a' && !server.requests.slice(0, -1).some((seen) => seen.path === '/a');
    if (request.url?.startsWith('/down')) replyJson(response, 503, { status: 503, error: 'down', support_id: 'd' });
    else if (refuse) replyJson(response, 429, { status: 429, error: 'Slow down', support_id: 'sup-1' }, { 'retry-after': '0.3' });
    else replyJson(response, 200, { ok: true });
  });

  it('charges the budget for a 503 that resolves, as for one that rejects', async () => {
    const api = createApiClient({ prefix: server.url, throwHttpErrors: false });
    for (let index = 0; index < 3; index += 1) expect((await api.get('down')).status).toBe(503);
    expect(clientContextOf(api)!.budget!.tokens()).toBe(7);
  });

  it('does not count a 429 that resolves as a success: its retry still goes first', async () => {
    const api = createApiClient({ prefix: server.url, throwHttpErrors: false, retryPolicy: { serverWaitSpread: 0.5 } });
    expect((await api.get('a')).status).toBe(429);
    const fresh = api.get('fresh');
    await new Promise((resolve) => setTimeout(resolve, 350));
    await Promise.all([fresh, api.get('a')]);
    expect(server.requests.map((seen) => seen.path)).toEqual(['/a', '/a', '/fresh']);
  });
});
