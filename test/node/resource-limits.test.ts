import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApiClient, getApiHealth, isApiError } from '../../src/core/index.js';
// Internal: the client's own gate, to see that a resource's limit leaves it open.
import { getRateLimitGate } from '../../src/core/client/create-api-client.js';
import { replyJson, useLocalServer } from '../support/local-server.js';
import { passTimeUntil } from '../support/moving-fake-clock.js';

// A search endpoint with a limit of its own beside reads that are served, against a real server
// on 127.0.0.1, under fake timers that keep moving (so sockets work): the checks are on order and
// on the server's own times, not on wall times.

const server = useLocalServer();
afterEach(() => {
  vi.useRealTimers();
});

/** `/search` is always refused with `Retry-After: 1`; everything else is served. */
function limitedSearch(): void {
  server.handle((request, response) => {
    if (request.url?.startsWith('/search')) {
      replyJson(response, 429, { status: 429, error: 'Search is limited', support_id: `s-${server.requests.length}` }, { 'retry-after': '1' });
    } else {
      replyJson(response, 200, { ok: true });
    }
  });
}

const search = (client: ReturnType<typeof createApiClient>, q: string) =>
  client
    .get('search', { searchParams: { q } })
    .json()
    .catch((error: unknown) => {
      if (!isApiError(error) || error.status !== 429) throw error;
      return error;
    });

describe('a resource with a limit of its own', () => {
  it('holds its own requests until the server’s time and never the reads beside it', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    limitedSearch();
    const client = createApiClient({ prefix: server.url });
    const paths = () => server.requests.map((request) => request.path);

    // A page of reads, then a search, refused: a refusal amid successes holds nobody else yet.
    for (const id of [1, 2, 3]) await client.get(`items/${id}`).json();
    await search(client, 'a');
    await client.get('items/4').json();
    // Refused again with reads served in between: the limit is the search's own.
    await search(client, 'b');
    const refusedAt = server.requests.at(-1)!.at;

    // A search and two reads asked for together, within the search's wait: the reads go at once.
    const searching = search(client, 'c');
    const reads = Promise.all([client.get('items/5').json(), client.get('items/6').json()]);
    await reads;
    expect(paths().slice(-2).sort()).toEqual(['/items/5', '/items/6']);
    // Nobody else was held: the gate is open and the client only degraded.
    expect(getRateLimitGate(client)!.snapshot().closedUntil).toBeNull();
    expect(getApiHealth(client)!.snapshot().state).toBe('degraded');

    // The search leaves once the server's time for it has come, not before.
    await passTimeUntil(() => server.requests.length === 9, { stepMs: 100, maxSteps: 40 });
    await searching;
    const last = server.requests.at(-1)!;
    expect(last.path).toBe('/search?q=c');
    expect(last.at).toBeGreaterThanOrEqual(refusedAt + 1000);
  });

  it('holds every request when the refusal reports the API-wide quota', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    server.handle((request, response) => {
      if (request.url?.startsWith('/search')) {
        replyJson(response, 429, { status: 429, error: 'Slow down', support_id: 'q-1' }, { 'retry-after': '1', 'ratelimit-remaining': '0', 'ratelimit-reset': '1' });
      } else {
        replyJson(response, 200, { ok: true });
      }
    });
    const client = createApiClient({ prefix: server.url });
    for (const id of [1, 2, 3]) await client.get(`items/${id}`).json();
    await search(client, 'a');
    await client.get('items/4').json();
    await search(client, 'b');
    const refusedAt = server.requests.at(-1)!.at;
    // The quota is the API's: the read waits at the gate for the server's time too.
    const read = client.get('items/5').json();
    await passTimeUntil(() => server.requests.length === 7, { stepMs: 100, maxSteps: 40 });
    await read;
    expect(server.requests.at(-1)!.at).toBeGreaterThanOrEqual(refusedAt + 1000);
  });
});
