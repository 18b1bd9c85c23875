import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiErrorBanner, ApiKitProvider, apiQueryDefaults, createApiClient, getScheduledRetry, isApiError, useApiMutation, useApiQuery } from '../../src/index.js';
import { replyJson, useLocalServer, type Handler } from '../support/local-server.js';
import { passTimeInAct, passTimeInActUntil, useSocketClockPerTest } from '../support/socket-clock.js';

const server = useLocalServer();

const rateLimited: Handler = (_request, response) =>
  replyJson(response, 429, { status: 429, error: 'Slow down', support_id: 'sup-429' }, { 'retry-after': '2' });
const serverError: Handler = (_request, response) => replyJson(response, 500, { status: 500, error: 'Boom', support_id: 'sup-500' });

const answers = [
  ['a 429 with Retry-After: 2', rateLimited],
  ['a 500', serverError],
] as const;

useSocketClockPerTest();

interface Seen {
  failure: unknown;
  scheduledRetry: unknown;
  settled: boolean;
}

function Failure({ failure, onRetryNow, onStopRetrying }: { failure: unknown; onRetryNow: () => void; onStopRetrying: () => void }) {
  return <ApiErrorBanner error={failure} onRetryNow={onRetryNow} onStopRetrying={onStopRetrying} showDetails={false} />;
}

function renderInKit(ui: React.ReactElement, queryClient = new QueryClient()) {
  const client = createApiClient({ prefix: server.url, retryBudget: false });
  return render(
    <ApiKitProvider client={client} queryClient={queryClient} retry={{ random: () => 0 }}>
      {ui}
    </ApiKitProvider>,
  );
}

function expectNoPromisedRetry(seen: Seen): void {
  expect(server.requests).toHaveLength(1);
  expect(isApiError(seen.failure)).toBe(true);
  expect(seen.scheduledRetry).toBeUndefined();
  expect(getScheduledRetry(seen.failure)).toBeUndefined();
  screen.getByRole('alert');
  expect(screen.queryByRole('button', { name: 'Retry now' })).toBeNull();
  expect(screen.queryByRole('button', { name: 'Stop retrying' })).toBeNull();
}

describe.each(answers)('a retry that is refused after %s', (_name, answer) => {
  beforeEach(() => server.handle(answer));

  function QueryProbe({ seen, retry }: { seen: Seen; retry: false | ((failureCount: number) => boolean) }) {
    const query = useApiQuery({ queryKey: ['refused'], path: 'orders', retry });
    seen.failure = query.error ?? query.failureReason;
    seen.scheduledRetry = query.scheduledRetry;
    seen.settled = query.isError;
    return <Failure failure={seen.failure} onRetryNow={query.retryNow} onStopRetrying={query.stopRetrying} />;
  }

  function MutationProbe({ seen, retry }: { seen: Seen; retry: false | ((failureCount: number) => boolean) }) {
    const mutation = useApiMutation({ path: 'orders', retry });
    seen.failure = mutation.error ?? mutation.failureReason;
    seen.scheduledRetry = mutation.scheduledRetry;
    seen.settled = mutation.isError;
    return (
      <>
        <button type="button" onClick={() => mutation.mutate(undefined)}>
          Send
        </button>
        <Failure failure={seen.failure} onRetryNow={mutation.retryNow} onStopRetrying={mutation.stopRetrying} />
      </>
    );
  }

  function PlainQueryProbe({ seen }: { seen: Seen }) {
    const client = createApiClient({ prefix: server.url, retryBudget: false });
    const query = useQuery({ queryKey: ['plain'], queryFn: () => client.get('orders').json(), retry: false });
    seen.failure = query.error ?? query.failureReason;
    seen.scheduledRetry = getScheduledRetry(seen.failure);
    seen.settled = query.isError;
    return <Failure failure={seen.failure} onRetryNow={() => undefined} onStopRetrying={() => undefined} />;
  }

  it.each([
    ['retry: false', false as const],
    ['a retry function that says no', () => false],
  ])('useApiQuery with %s sends once and promises nothing', async (_label, retry) => {
    const seen: Seen = { failure: undefined, scheduledRetry: undefined, settled: false };
    renderInKit(<QueryProbe seen={seen} retry={retry} />);
    await passTimeInActUntil(() => seen.settled);
    expectNoPromisedRetry(seen);
    await passTimeInAct(5_000);
    expectNoPromisedRetry(seen);
  });

  it.each([
    ['retry: false', false as const],
    ['a retry function that says no', () => false],
  ])('useApiMutation with %s sends once and promises nothing', async (_label, retry) => {
    const seen: Seen = { failure: undefined, scheduledRetry: undefined, settled: false };
    renderInKit(<MutationProbe seen={seen} retry={retry} />);
    act(() => screen.getByRole('button', { name: 'Send' }).click());
    await passTimeInActUntil(() => seen.settled);
    expectNoPromisedRetry(seen);
    await passTimeInAct(5_000);
    expectNoPromisedRetry(seen);
  });

  it('plain useQuery with apiQueryDefaults() and its own retry: false sends once and promises nothing', async () => {
    const seen: Seen = { failure: undefined, scheduledRetry: undefined, settled: false };
    const queryClient = new QueryClient({ defaultOptions: apiQueryDefaults({ random: () => 0 }) });
    render(
      <QueryClientProvider client={queryClient}>
        <PlainQueryProbe seen={seen} />
      </QueryClientProvider>,
    );
    await passTimeInActUntil(() => seen.settled);
    expectNoPromisedRetry(seen);
    await passTimeInAct(5_000);
    expectNoPromisedRetry(seen);
  });

  it('a retry function of the caller that says yes still shows the schedule, and the retry comes', async () => {
    const seen: Seen = { failure: undefined, scheduledRetry: undefined, settled: false };
    renderInKit(<QueryProbe seen={seen} retry={(failureCount) => failureCount < 1} />);
    await passTimeInActUntil(() => seen.scheduledRetry !== undefined);
    expect(server.requests).toHaveLength(1);
    expect(seen.scheduledRetry).toMatchObject({ attempt: 2, maxAttempts: 4 });
    expect(getScheduledRetry(seen.failure)).toBe(seen.scheduledRetry);
    screen.getByRole('button', { name: 'Stop retrying' });
    await passTimeInActUntil(() => seen.settled);
    expect(server.requests).toHaveLength(2);
    expect(seen.scheduledRetry).toBeUndefined();
    expect(screen.queryByRole('button', { name: 'Stop retrying' })).toBeNull();
  });
});
