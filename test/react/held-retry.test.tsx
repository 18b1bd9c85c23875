import { render, renderHook, screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiErrorBanner, createApiClient, useApiQuery } from '../../src/index.js';
import { advanceUntil, API, kitWrapper, fakeTimersForMockApi, useMockApi } from '../support/kit-wrapper.js';

// With a budget of 2 tokens, one failure spends it: from then on the client holds every retry
// but one probe, so the second query's retry waits behind the first one's.
const server = useMockApi();
const arrivals: string[] = [];

beforeEach(() => {
  fakeTimersForMockApi();
  arrivals.length = 0;
  server.use(
    http.get(`${API}/:name`, ({ params }) => {
      arrivals.push(String(params.name));
      return HttpResponse.json({ status: 503, error: 'Down', support_id: `sup-${arrivals.length}` }, { status: 503 });
    }),
  );
});

function renderTwoQueries() {
  const client = createApiClient({ prefix: API, retryBudget: { maxTokens: 2 } });
  const { wrapper } = kitWrapper(client, { retry: { random: () => 0 } });
  return renderHook(() => [useApiQuery({ queryKey: ['a'], path: 'a' }), useApiQuery({ queryKey: ['b'], path: 'b' })] as const, { wrapper });
}

/** Runs until one query's retry waits behind the other's probe; returns its index. */
async function untilOneWaitsForTheService(result: { current: readonly [{ scheduledRetry?: { waitingForService?: boolean } }, { scheduledRetry?: { waitingForService?: boolean } }] }): Promise<number> {
  await advanceUntil(() => result.current.some((query) => query.scheduledRetry?.waitingForService === true), { maxMs: 5_000 });
  return result.current.findIndex((query) => query.scheduledRetry?.waitingForService === true);
}

describe('a retry held behind a probe', () => {
  it('has a scheduled retry that says it waits for the service, at the next probe, with its attempt', async () => {
    const { result } = renderTwoQueries();
    const held = await untilOneWaitsForTheService(result);
    const schedule = result.current[held]!.scheduledRetry!;
    expect(schedule).toMatchObject({ attempt: 2, maxAttempts: 4, serverGiven: false, waitingForService: true });
    expect(schedule.at).toBeGreaterThan(Date.now() - 1_000);
    // Held, not sent: each query sent its first request, and one probe went.
    expect(arrivals).toHaveLength(3);
  });

  it('goes at once on retryNow', async () => {
    const { result } = renderTwoQueries();
    const held = await untilOneWaitsForTheService(result);
    const before = arrivals.length;
    result.current[held]!.retryNow();
    await advanceUntil(() => arrivals.length > before, { stepMs: 1, maxMs: 50 });
    expect(arrivals.at(-1)).toBe(held === 0 ? 'a' : 'b');
  });

  it('fails at once with the same ApiError on stopRetrying, and sends nothing more for it', async () => {
    const { result } = renderTwoQueries();
    const held = await untilOneWaitsForTheService(result);
    const failure = result.current[held]!.failureReason;
    const name = held === 0 ? 'a' : 'b';
    const sentBefore = arrivals.filter((arrival) => arrival === name).length;
    result.current[held]!.stopRetrying();
    await advanceUntil(() => result.current[held]!.isError, { stepMs: 1, maxMs: 50 });
    expect(result.current[held]!.error).toBe(failure);
    await advanceUntil(() => result.current[1 - held]!.isError, { maxMs: 60_000 });
    expect(arrivals.filter((arrival) => arrival === name)).toHaveLength(sentBefore);
  });

  it('shows in the banner as the service being probed, with "Try now" and "Stop retrying", and "Try now" sends', async () => {
    const { result } = renderTwoQueries();
    const held = await untilOneWaitsForTheService(result);
    const query = result.current[held]!;
    render(<ApiErrorBanner result={query} />);
    screen.getByRole('progressbar', { value: { text: /^We'll keep trying · next try in \d+ s$/ } });
    screen.getByRole('button', { name: 'Stop retrying' });
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    const before = arrivals.length;
    screen.getByRole('button', { name: 'Try now' }).click();
    await advanceUntil(() => arrivals.length > before, { stepMs: 1, maxMs: 50 });
    expect(arrivals.at(-1)).toBe(held === 0 ? 'a' : 'b');
  });
});
