import { QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { apiQueryDefaults, createApiClient, getApiHealth, type HealthState } from '../../src/core/index.js';
// Internal: the client's own gate.
import { getRateLimitGate } from '../../src/core/client/create-api-client.js';
import { replyJson, useLocalServer } from '../support/local-server.js';
import { useBrowserQueryClock } from '../support/browser-query-clock.js';
import { passTimeUntil } from '../support/moving-fake-clock.js';

// Observed queries against a real server on 127.0.0.1 that refuses some requests at random,
// under fake timers that keep moving: the checks are on counts and order.

const server = useLocalServer();

const clock = useBrowserQueryClock();

describe('a service that refuses some requests at random, through the client', () => {
  it('lets the other queries go while a run of refused ones waits for its own time', async () => {
    // Each query named `r…` fails once (500), its retry is refused (429, Retry-After: 1 s), and
    // the next one served; the rest are served at once.
    const attempts = new Map<string, number>();
    server.handle((request, response) => {
      const id = request.url!.split('/').pop()!;
      const attempt = (attempts.get(id) ?? 0) + 1;
      attempts.set(id, attempt);
      if (id.startsWith('r') && attempt === 1) {
        replyJson(response, 500, { status: 500, error: 'Internal error', support_id: `sup-${id}-1` });
      } else if (id.startsWith('r') && attempt === 2) {
        replyJson(response, 429, { status: 429, error: 'Too many requests', support_id: `sup-${id}-2` }, { 'retry-after': '1' });
      } else {
        replyJson(response, 200, { id });
      }
    });
    const queryClient = clock.start(apiQueryDefaults());
    const client = createApiClient({ prefix: server.url });
    const health = getApiHealth(client)!;
    const states = new Set<HealthState>();
    const stopHealth = health.subscribe(() => states.add(health.snapshot().state));
    const observers: Array<Pick<QueryObserver, 'getCurrentResult'>> = [];
    const stops: Array<() => void> = [];
    const mount = (ids: string[]) => {
      for (const id of ids) {
        const observer = new QueryObserver(queryClient, { queryKey: ['items', id], queryFn: ({ signal }) => client.get(`items/${id}`, { signal }).json() });
        observers.push(observer);
        stops.push(observer.subscribe(() => undefined));
      }
    };
    const withData = () => observers.filter((observer) => observer.getCurrentResult().status === 'success').length;
    const ids = (prefix: string, count: number) => Array.from({ length: count }, (_, index) => `${prefix}${index}`);

    // A page served well, then eight queries that keep failing: their retries refused in a row,
    // as many refusals as the successes weighed with them.
    mount(ids('a', 8));
    await passTimeUntil(() => withData() === 8, { stepMs: 20, maxSteps: 200 });
    mount(ids('r', 8));
    const failing = observers.slice(8);
    await passTimeUntil(() => failing.every((observer) => observer.getCurrentResult().failureCount === 2), { stepMs: 10, maxSteps: 400 });
    // The next queries go at once, not after the refused ones' time.
    mount(ids('b', 8));
    await passTimeUntil(() => withData() === 24, { stepMs: 50, maxSteps: 200 });

    const paths = server.requests.map((seen) => seen.path.split('/').pop()!);
    const lastNew = Math.max(...ids('b', 8).map((id) => paths.indexOf(id)));
    const firstRetry = Math.min(...ids('r', 8).map((id) => paths.lastIndexOf(id)));
    expect(lastNew).toBeLessThan(firstRetry);
    // One request per query, two more per failing one: nothing lost, nothing sent twice.
    expect(paths).toHaveLength(40);
    expect(states.has('down')).toBe(false);
    stopHealth();
    for (const stop of stops) stop();
    getRateLimitGate(client)?.dispose();
  }, 30_000);
});
