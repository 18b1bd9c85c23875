import { act, render, screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiErrorBanner, createApiClient, useApiHealth, useApiQuery } from '../../src/index.js';
import { advanceClockAsync, advanceUntil, API, kitWrapper, fakeTimersForMockApi, useMockApi } from '../support/kit-wrapper.js';

// A page of three panels through an outage and back, on a fake clock, with the API mocked at the
// network layer: what the person sees, and the requests the API gets.
const server = useMockApi();
const arrivals: string[] = [];
let down = true;

beforeEach(() => {
  fakeTimersForMockApi();
  arrivals.length = 0;
  down = true;
  server.use(
    http.get(`${API}/:name`, ({ params }) => {
      arrivals.push(String(params.name));
      if (down) return HttpResponse.json({ status: 503, error: 'Down', support_id: `sup-${arrivals.length}` }, { status: 503 });
      return HttpResponse.json({ name: params.name });
    }),
  );
});

function Panel({ name }: { name: string }) {
  const query = useApiQuery<{ name: string }>({ queryKey: [name], path: name });
  if (query.data) return <p>{`Loaded ${query.data.name}`}</p>;
  return <ApiErrorBanner error={query.error} onRetryNow={query.retryNow} onStopRetrying={query.stopRetrying} showDetails={false} />;
}

function Health() {
  const health = useApiHealth();
  return <p>{`Service ${health.state}`}</p>;
}

function renderPage() {
  const client = createApiClient({ prefix: API });
  const { wrapper: Wrapper } = kitWrapper(client, { retry: { random: () => 0 } });
  return render(
    <Wrapper>
      <Health />
      <Panel name="a" />
      <Panel name="b" />
      <Panel name="c" />
    </Wrapper>,
  );
}

describe('a page through an outage and back', () => {
  it('shows each error, keeps one probe going, and fills in again once the service answers', async () => {
    renderPage();
    await advanceUntil(() => screen.queryAllByRole('alert').length === 3, { maxMs: 20_000 });
    screen.getByText('Service down');
    const failedRequests = arrivals.length;
    // Each banner says the client keeps trying and offers to try now; probes go on a backoff, one
    // request at a time.
    expect(screen.getAllByRole('button', { name: 'Try now' })).toHaveLength(3);
    expect(screen.getAllByText(/^We'll keep trying · next try in \d+ s$/)).toHaveLength(3);
    await advanceClockAsync(10_000);
    const probes = arrivals.length - failedRequests;
    expect(probes).toBeGreaterThan(0);
    expect(probes).toBeLessThanOrEqual(6);
    expect(screen.getAllByRole('alert')).toHaveLength(3);

    down = false;
    const beforeRecovery = arrivals.length;
    await advanceUntil(() => screen.queryAllByText(/^Loaded /).length === 3, { stepMs: 100, maxMs: 20_000 });
    expect(screen.queryAllByRole('alert')).toHaveLength(0);
    screen.getByText(/^Service (up|degraded)$/);
    // One answered probe, then one request per remaining panel.
    expect(arrivals.length - beforeRecovery).toBe(3);
  });

  it('sends the probe at once when the person asks', async () => {
    renderPage();
    await advanceUntil(() => screen.queryAllByRole('alert').length === 3, { maxMs: 20_000 });
    await advanceClockAsync(100);
    down = false;
    const before = arrivals.length;
    await act(async () => screen.getAllByRole('button', { name: 'Try now' })[0]!.click());
    await advanceClockAsync(50);
    expect(arrivals.length).toBeGreaterThan(before);
    await advanceUntil(() => screen.queryAllByText(/^Loaded /).length === 3, { maxMs: 2_000 });
  });
});
