import { describe, expect, it } from 'vitest';
import { ApiError, apiQueryDefaults, createApiClient } from '../../src/core/index.js';
// Internal: the gate a client makes for itself, whose state an app sees only through useRateLimitStatus.
import { getRateLimitGate } from '../../src/core/client/create-api-client.js';
import { replyJson, useLocalServer, type SeenRequest } from '../support/local-server.js';
import { passTimeUntil, useMovingFakeClock } from '../support/moving-fake-clock.js';

// Each scenario runs N queries at once against a real server on 127.0.0.1, under fake timers
// that keep moving (so sockets work) and are pushed forward in steps: the checks are on counts,
// order and the fake clock, never on wall time.

const server = useLocalServer();
const clock = useMovingFakeClock();

interface Settled {
  id: number;
  at: number;
  error?: ApiError;
}

/** Starts `count` queries of `items/<id>` at once and runs until all have settled. */
async function runQueries(count: number, onError?: (error: ApiError) => void): Promise<Settled[]> {
  const queryClient = clock.start(apiQueryDefaults());
  const client = createApiClient({ prefix: server.url, onError });
  const settled: Settled[] = [];
  for (let id = 0; id < count; id += 1) {
    void queryClient
      .fetchQuery({ queryKey: ['items', id], queryFn: ({ signal }) => client.get(`items/${id}`, { signal }).json() })
      .then(
        () => settled.push({ id, at: Date.now() }),
        (error: unknown) => settled.push({ id, at: Date.now(), error: error as ApiError }),
      );
  }
  await passTimeUntil(() => settled.length === count, { stepMs: 50, maxSteps: 1200 });
  getRateLimitGate(client)?.dispose();
  return settled;
}

const idOf = (seen: SeenRequest) => Number(/\/items\/(\d+)/.exec(seen.path)?.[1]);
const requestsOf = (id: number) => server.requests.filter((seen) => idOf(seen) === id);

/** Answers 503 (with `headers`) until `outageMs` after the first request, then 200; support IDs count up. */
function outageServer(outageMs: number, headers: Record<string, string> = {}): { statuses: number[] } {
  let start: number | undefined;
  const statuses: number[] = [];
  server.handle((_request, response, seen) => {
    start ??= seen.at;
    const down = seen.at - start < outageMs;
    statuses.push(down ? 503 : 200);
    if (down) replyJson(response, 503, { status: 503, error: 'down', support_id: `sup-${server.requests.length}` }, headers);
    else replyJson(response, 200, { ok: true });
  });
  return { statuses };
}

describe('an outage without Retry-After', () => {
  it('recovers every query with one probe at a time while the budget is spent, then ramps up', async () => {
    const { statuses } = outageServer(6_000);
    const settled = await runQueries(20);
    expect(settled.filter((query) => query.error)).toEqual([]);
    const duringOutage = statuses.filter((status) => status === 503).length;
    // 20 first requests and a few probes, where the policy alone would send up to 4 per query.
    expect(duringOutage).toBeGreaterThan(20);
    expect(duringOutage).toBeLessThanOrEqual(30);
    // Every query got its data with one request after the outage.
    expect(statuses.filter((status) => status === 200)).toHaveLength(20);
  });

  it('fails a query no sooner than the policy would have given up, with the support ID of its own last answer', async () => {
    outageServer(Number.POSITIVE_INFINITY);
    const reported: ApiError[] = [];
    const settled = await runQueries(30, (error) => reported.push(error));
    expect(settled.every((query) => query.error?.kind === 'unavailable')).toBe(true);
    // Each query's last failure reaches onError, also when it ended while waiting behind a probe.
    for (const query of settled) expect(reported).toContain(query.error);
    // At most 1.2 requests per query.
    expect(server.requests.length).toBeLessThanOrEqual(36);
    for (const query of settled) {
      const own = requestsOf(query.id);
      // The policy's longest schedule: 1 s + 2 s + 4 s after the first failure.
      expect(query.at).toBeGreaterThanOrEqual(own[0]!.at + 7_000);
      expect(query.at).toBeLessThanOrEqual(own[0]!.at + 7_000 * 1.5);
      expect(query.error!.supportId).toBe(`sup-${server.requests.indexOf(own.at(-1)!) + 1}`);
      expect(query.error!.url).toContain(`/items/${query.id}`);
    }
  });
});

describe('an outage with Retry-After', () => {
  it('sends nothing before the time given, and about two requests per query', async () => {
    outageServer(6_000, { 'retry-after': '5' });
    const settled = await runQueries(20);
    expect(settled.filter((query) => query.error)).toEqual([]);
    expect(server.requests.length).toBeLessThanOrEqual(42);
    const first = server.requests[0]!.at;
    const retries = server.requests.slice(20);
    expect(retries.every((seen) => seen.at >= first + 5_000)).toBe(true);
  });
});

describe('refusals with Retry-After: 2, one per query', () => {
  it('retries none early, and lets the first retry go alone before the others', async () => {
    const refusedAt = new Map<number, number>();
    server.handle((_request, response, seen) => {
      const id = idOf(seen);
      if (refusedAt.has(id)) return replyJson(response, 200, { ok: true });
      refusedAt.set(id, seen.at);
      replyJson(response, 429, { status: 429, error: 'slow down', support_id: `r-${id}` }, { 'retry-after': '2' });
    });
    const settled = await runQueries(20);
    expect(settled.filter((query) => query.error)).toEqual([]);
    expect(server.requests).toHaveLength(40);
    for (const seen of server.requests.slice(20)) expect(seen.at).toBeGreaterThanOrEqual(refusedAt.get(idOf(seen))! + 2_000);
  });
});

/** A token bucket of `burst` that refills `perSecond`; answers 429 with a whole-second Retry-After. */
function bucketServer({ burst, perSecond, advertise }: { burst: number; perSecond: number; advertise: boolean }): { refusedRetries: () => number } {
  let tokens = burst;
  let last: number | undefined;
  const seenIds = new Set<number>();
  let refusedRetries = 0;
  server.handle((_request, response, seen) => {
    const retry = seenIds.has(idOf(seen));
    seenIds.add(idOf(seen));
    last ??= seen.at;
    tokens = Math.min(burst, tokens + ((seen.at - last) / 1000) * perSecond);
    last = seen.at;
    const nextTokenS = Math.max(1, Math.ceil((1 - (tokens % 1)) / perSecond));
    const quota: Record<string, string> = advertise ? { 'ratelimit-limit': String(burst), 'ratelimit-remaining': String(Math.max(0, Math.floor(tokens) - 1)), 'ratelimit-reset': String(nextTokenS) } : {};
    if (tokens < 1) {
      if (retry) refusedRetries += 1;
      replyJson(response, 429, { status: 429, error: 'slow down', support_id: 'rl' }, { 'retry-after': String(nextTokenS), ...quota, ...(advertise ? { 'ratelimit-remaining': '0' } : {}) });
      return;
    }
    tokens -= 1;
    replyJson(response, 200, { ok: true }, quota);
  });
  return { refusedRetries: () => refusedRetries };
}

const refusalsOf = (id: number) => requestsOf(id).length - 1;

describe('a rate-limit storm', () => {
  it('settles every query, none refused more than twice', async () => {
    bucketServer({ burst: 10, perSecond: 5, advertise: false });
    const settled = await runQueries(30);
    expect(settled.filter((query) => query.error)).toEqual([]);
    for (let id = 0; id < 30; id += 1) expect(refusalsOf(id)).toBeLessThanOrEqual(2);
  });

  it('keeps to the rate the server was seen to allow: a few retries refused while it learns it, not one a second', async () => {
    const bucket = bucketServer({ burst: 10, perSecond: 5, advertise: false });
    const settled = await runQueries(60);
    expect(settled.filter((query) => query.error)).toEqual([]);
    // About 50 retries to serve at 5 a second. Sending one at a time after each wait, with no pace, gets one refused per wait: 6 of them.
    expect(bucket.refusedRetries()).toBeLessThanOrEqual(3);
  });

  it('with the quota advertised on every answer, sends no more than it says remain: at most one retry refused', async () => {
    bucketServer({ burst: 10, perSecond: 5, advertise: true });
    const settled = await runQueries(30);
    expect(settled.filter((query) => query.error)).toEqual([]);
    // The first 30 left before any answer: 10 served, 20 refused. Of the retries, at most one is refused.
    const retries = server.requests.length - 30;
    expect(retries - 20).toBeLessThanOrEqual(1);
  });
});
