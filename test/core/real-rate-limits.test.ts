import type { ServerResponse } from 'node:http';
import { QueryClient } from '@tanstack/query-core';
import { afterEach, describe, expect, it } from 'vitest';
import { apiQueryDefaults, createApiClient, createRetryPolicy, type ApiError } from '../../src/core/index.js';
// Internal: the gate a client makes for itself, whose state an app sees only through useRateLimitStatus.
import { getRateLimitGate } from '../../src/core/client/create-api-client.js';
import { apiErrorOf } from '../support/rejection.js';
import { replyJson, useLocalServer } from '../support/local-server.js';

// The documented rate-limit answers of real APIs, with their waits scaled to 1–2 s, through the
// client as an app uses it (a plain `QueryClient` with the kit's policy), in real time: when each
// request arrives on the server's clock is the point.

const server = useLocalServer();
const created: Array<{ queryClient: QueryClient; client: ReturnType<typeof createApiClient> }> = [];

function kit() {
  const client = createApiClient({ prefix: server.url });
  const queryClient = new QueryClient({ defaultOptions: apiQueryDefaults() });
  created.push({ client, queryClient });
  return { client, queryClient, gate: getRateLimitGate(client)! };
}

afterEach(() => {
  for (const { client, queryClient } of created.splice(0)) {
    queryClient.clear();
    getRateLimitGate(client)?.dispose();
  }
});

/** How late a held request may arrive after the server's time: the retry's spread, and timers and sockets on a busy machine. */
const DEFAULTS = createRetryPolicy().options;
const lateBy = (waitMs: number) => Math.ceil(waitMs * DEFAULTS.serverWaitSpread) + 250;

const epochSeconds = (ms: number) => String(Math.ceil(ms / 1000));

/** Answers the first request with `refusal` and every later one with 200, and tells when the refusal left. */
function refuseOnce(status: number, headers: (now: number) => Record<string, string>, body: unknown = { status, error: 'Slow down' }) {
  const refusal = { at: 0 };
  server.handle((_request, response: ServerResponse) => {
    if (refusal.at === 0) {
      refusal.at = Date.now();
      replyJson(response, status, body, headers(refusal.at));
    } else {
      replyJson(response, 200, { ok: true });
    }
  });
  return refusal;
}

function arrivals() {
  return server.requests.map((request) => request.at);
}

async function query(queryClient: QueryClient, path: string, client: ReturnType<typeof createApiClient>) {
  return queryClient.fetchQuery({ queryKey: [path], queryFn: () => client.get(path).json() });
}

describe('the answers of real APIs, in time', () => {
  it('GitLab 429 (Retry-After with RateLimit-Reset as an epoch): retried at the Retry-After, the gate closed only that long', async () => {
    const { client, queryClient, gate } = kit();
    const refusal = refuseOnce(429, (now) => ({ 'retry-after': '1', 'ratelimit-remaining': '0', 'ratelimit-reset': epochSeconds(now + 1_000) }));
    const served = query(queryClient, 'projects', client);
    await expect.poll(() => gate.snapshot().closedUntil, { interval: 10, timeout: 1_000 }).not.toBeNull();
    // The reset is an epoch a second ahead, not 56 years of delta-seconds.
    expect(gate.snapshot().closedUntil! - Date.now()).toBeLessThanOrEqual(2_000);
    await expect(served).resolves.toEqual({ ok: true });
    const [, retry] = arrivals();
    expect(retry! - refusal.at).toBeGreaterThanOrEqual(1_000);
    expect(retry! - refusal.at).toBeLessThanOrEqual(2_000 + lateBy(2_000));
  });

  it('GitLab.com 429 without Retry-After, quota left and an epoch reset a minute ahead: backs off, never waits for the reset', async () => {
    const { client, queryClient, gate } = kit();
    const refusal = refuseOnce(429, (now) => ({ 'ratelimit-remaining': '595', 'ratelimit-reset': epochSeconds(now + 61_000) }));
    const served = query(queryClient, 'projects', client);
    await expect(served).resolves.toEqual({ ok: true });
    const [, retry] = arrivals();
    // The policy's first backoff: at most its base delay.
    expect(retry! - refusal.at).toBeLessThanOrEqual(DEFAULTS.baseDelayMs + lateBy(DEFAULTS.baseDelayMs));
    expect(gate.snapshot().closedUntil).toBeNull();
  });

  it.each([
    ['retry-after-ms', { 'retry-after-ms': '1500' }],
    ['retry-after-ms beside a rounded Retry-After (OpenAI)', { 'retry-after-ms': '1500', 'retry-after': '2' }],
    ['x-ms-retry-after-ms (Cosmos DB)', { 'x-ms-retry-after-ms': '1500' }],
    ['X-RateLimit-Reset-After (Discord)', { 'x-ratelimit-reset-after': '1.5' }],
  ])('429 with %s: retried at 1.5 s, not before', async (_name, headers) => {
    const { client, queryClient, gate } = kit();
    const refusal = refuseOnce(429, () => headers);
    const served = query(queryClient, 'completions', client);
    // Once the refusal has reached the client, another request of the page is held too, to the same time.
    await expect.poll(() => gate.snapshot().closedUntil, { interval: 10, timeout: 1_000 }).not.toBeNull();
    const other = client.get('models').json();
    await expect(Promise.all([served, other])).resolves.toEqual([{ ok: true }, { ok: true }]);
    for (const at of arrivals().slice(1)) {
      expect(at - refusal.at).toBeGreaterThanOrEqual(1_500);
      expect(at - refusal.at).toBeLessThanOrEqual(1_500 + lateBy(1_500));
    }
  });

  it('GitHub secondary limit, 403 with retry-after: nothing leaves the client before it, and the query is retried then', async () => {
    const { client, queryClient } = kit();
    const refusal = refuseOnce(403, () => ({ 'retry-after': '2' }), { message: 'You have exceeded a secondary rate limit.' });
    const failures: ApiError[] = [];
    const served = queryClient.fetchQuery({
      queryKey: ['search'],
      queryFn: () =>
        client
          .get('search')
          .json()
          .catch((error: ApiError) => {
            failures.push(error);
            throw error;
          }),
    });
    await expect.poll(() => failures.length, { interval: 10, timeout: 1_000 }).toBe(1);
    expect(failures[0]).toMatchObject({ status: 403, kind: 'rate_limited', retryAfterMs: 2_000, message: 'You have exceeded a secondary rate limit.' });
    const next = client.get('user').json();
    await expect(Promise.all([served, next])).resolves.toEqual([{ ok: true }, { ok: true }]);
    for (const at of arrivals().slice(1)) {
      expect(at - refusal.at).toBeGreaterThanOrEqual(2_000);
      expect(at - refusal.at).toBeLessThanOrEqual(2_000 + lateBy(2_000));
    }
  });

  it.each([403, 429])('GitHub primary limit, %i with x-ratelimit-remaining: 0 and a reset an hour ahead: fails at once with that time, holds nobody else', async (status) => {
    const { client, queryClient, gate } = kit();
    let reset = 0;
    const refusal = refuseOnce(status, (now) => {
      reset = Math.ceil((now + 3_600_000) / 1000) * 1000;
      return { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset / 1000) };
    });
    const error = await apiErrorOf(query(queryClient, 'repos', client));
    const failedAfter = Date.now() - refusal.at;
    expect(error).toMatchObject({ status, kind: 'rate_limited' });
    // The server's time, read against its own (whole-second) Date header.
    expect(error.receivedAt + error.retryAfterMs!).toBeGreaterThanOrEqual(reset);
    expect(error.receivedAt + error.retryAfterMs!).toBeLessThanOrEqual(reset + 1_000);
    expect(failedAfter).toBeLessThan(1_000);
    expect(server.requests).toHaveLength(1);
    expect(gate.snapshot().closedUntil).toBeNull();

    // Another path goes at once, and learns for itself.
    const startedAt = Date.now();
    await expect(client.get('user').json()).resolves.toEqual({ ok: true });
    expect(server.requests[1]!.at - startedAt).toBeLessThan(500);
  });

  it('a far reset reported on a success holds no later request: each learns from its own answer', async () => {
    const { client, gate } = kit();
    server.handle((_request, response) =>
      replyJson(response, 200, { ok: true }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': epochSeconds(Date.now() + 3_600_000) }),
    );
    await client.get('first').json();
    expect(gate.snapshot().closedUntil).toBeNull();
    const startedAt = Date.now();
    await client.get('second').json();
    expect(server.requests[1]!.at - startedAt).toBeLessThan(500);
  });

  it('a short reset reported on a success with nothing left holds the next request until it', async () => {
    const { client } = kit();
    let reset = 0;
    server.handle((_request, response) => {
      reset ||= Math.ceil((Date.now() + 1_000) / 1000) * 1000;
      replyJson(response, 200, { ok: true }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset / 1000) });
    });
    await client.get('first').json();
    await client.get('second').json();
    // Read against the server's whole-second Date header: never before the reset, at most a second after.
    expect(server.requests[1]!.at).toBeGreaterThanOrEqual(reset);
    expect(server.requests[1]!.at).toBeLessThanOrEqual(reset + 1_000 + lateBy(2_000));
  });
});
