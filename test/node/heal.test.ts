import { focusManager, QueryObserver, type QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { apiQueryDefaults, createApiClient, getApiHealth, getScheduledRetry, type ApiError } from '../../src/core/index.js';
import { healQueries } from '../../src/index.js';
// Internal: the client's own gate.
import { getRateLimitGate } from '../../src/core/client/create-api-client.js';
import { replyJson, useLocalServer } from '../support/local-server.js';
import { useBrowserQueryClock } from '../support/browser-query-clock.js';
import { passTimeUntil } from '../support/moving-fake-clock.js';

// N observed queries (mounted `useQuery` hooks) against a real server on 127.0.0.1 that is down
// for a while, under fake timers that keep moving: the checks are on counts and order.

const server = useLocalServer();

const clock = useBrowserQueryClock();

/** Answers 503 while `down()` holds, else 200; support IDs count requests. */
function outageServer(down: () => boolean): void {
  server.handle((_request, response) => {
    if (down()) replyJson(response, 503, { status: 503, error: 'down', support_id: `sup-${server.requests.length}` });
    else replyJson(response, 200, { ok: true });
  });
}

/** `count` observed queries of `items/<id>` through a client made with `heal`, healed as an app without the provider heals them. */
function mount(queryClient: QueryClient, count: number, heal = true) {
  // Jitter in the middle of its range, so the probes' growing gaps are not left to chance.
  const client = createApiClient({ prefix: server.url, heal, retryPolicy: { random: () => 0.5 } });
  const stopHealing = healQueries(queryClient, client);
  const observers = Array.from(
    { length: count },
    (_, id) => new QueryObserver(queryClient, { queryKey: ['items', id], queryFn: ({ signal }) => client.get(`items/${id}`, { signal }).json() }),
  );
  const stops = observers.map((observer) => observer.subscribe(() => undefined));
  const results = () => observers.map((observer) => observer.getCurrentResult());
  return {
    client,
    results,
    errored: () => results().filter((result) => result.status === 'error' && result.fetchStatus === 'idle').length,
    withData: () => results().filter((result) => result.status === 'success').length,
    unmount() {
      for (const stop of stops) stop();
      stopHealing();
      getRateLimitGate(client)?.dispose();
    },
  };
}

const statusesAfter = (index: number) => server.requests.slice(index).length;

describe('healing after an outage, through the client', () => {
  it('shows every error, keeps one probe going, and brings every query back once the service answers', async () => {
    let down = true;
    outageServer(() => down);
    const queryClient = clock.start(apiQueryDefaults());
    const page = mount(queryClient, 40);
    await passTimeUntil(() => page.errored() === 40, { stepMs: 100, maxSteps: 200 });
    // Each query shows its own last answer.
    for (const result of page.results()) expect(result.error).toMatchObject({ kind: 'unavailable', supportId: expect.stringMatching(/^sup-/) });
    const health = getApiHealth(page.client)!;
    expect(health.snapshot().state).toBe('down');
    // Each failed query says it waits for the service, until the next probe.
    const next = health.snapshot().nextProbeAt;
    expect(next).toBeGreaterThan(Date.now());
    for (const result of page.results()) expect(getScheduledRetry(result.error)).toMatchObject({ waitingForService: true, at: next });
    // Down for a while longer: the probes go one at a time, further and further apart.
    const beforeProbes = server.requests.length;
    await passTimeUntil(() => Date.now() >= next! + 20_000, { stepMs: 200, maxSteps: 400 });
    const probes = server.requests.slice(beforeProbes);
    expect(probes.length).toBeGreaterThan(2);
    expect(probes.length).toBeLessThan(10);
    const gaps = probes.slice(1).map((seen, index) => seen.at - probes[index]!.at);
    expect(gaps.at(-1)).toBeGreaterThan(gaps[0]!);
    expect(page.errored()).toBe(40);
    // Back: the next probe is answered, and every query is refetched once.
    down = false;
    const backFrom = server.requests.length;
    await passTimeUntil(() => page.withData() === 40, { stepMs: 200, maxSteps: 200 });
    expect(statusesAfter(backFrom)).toBe(40);
    expect(health.snapshot().state).not.toBe('down');
    // At most 2.5 requests per query in all, probes included.
    expect(server.requests.length).toBeLessThanOrEqual(100);
    page.unmount();
  }, 30_000);

  it('sends one probe on focus during an outage, not a request per failed query', async () => {
    outageServer(() => true);
    const queryClient = clock.start(apiQueryDefaults());
    queryClient.mount();
    const page = mount(queryClient, 10);
    await passTimeUntil(() => page.errored() === 10, { stepMs: 100, maxSteps: 200 });
    const before = server.requests.length;
    focusManager.setFocused(false);
    focusManager.setFocused(true);
    await passTimeUntil(() => page.errored() === 10 && server.requests.length > before, { stepMs: 20, maxSteps: 100 });
    expect(server.requests.length - before).toBe(1);
    focusManager.setFocused(undefined);
    queryClient.unmount();
    page.unmount();
  }, 30_000);

  it('sends nothing more after the queries failed with heal: false', async () => {
    outageServer(() => true);
    const queryClient = clock.start(apiQueryDefaults());
    const page = mount(queryClient, 10, false);
    await passTimeUntil(() => page.errored() === 10, { stepMs: 100, maxSteps: 200 });
    const before = server.requests.length;
    for (const result of page.results()) expect(getScheduledRetry(result.error as ApiError)).toBeUndefined();
    const quietUntil = Date.now() + 30_000;
    await passTimeUntil(() => Date.now() >= quietUntil, { stepMs: 1_000, maxSteps: 40 });
    expect(server.requests.length).toBe(before);
    page.unmount();
  }, 30_000);
});
