import { QueryClient, useQuery } from '@tanstack/react-query';
import { render, renderHook, screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, ApiErrorBanner, ApiKitProvider, apiQueryDefaults, createApiClient, getScheduledRetry, useApiClient, useApiQuery } from '../../src/index.js';
import { expectRenderToThrow } from '../support/console-capture.js';
import { advanceClockAsync, advanceUntil, API, fakeTimersForMockApi, useMockApi } from '../support/kit-wrapper.js';

const server = useMockApi();
const arrivals: number[] = [];

beforeEach(() => {
  fakeTimersForMockApi();
  arrivals.length = 0;
  server.use(
    http.get(`${API}/missing`, () => {
      arrivals.push(Date.now());
      return HttpResponse.json({ status: 404, error: 'No such order', support_id: 'sup-404' }, { status: 404 });
    }),
    http.get(`${API}/limited`, () => {
      arrivals.push(Date.now());
      if (arrivals.length > 1) return HttpResponse.json({ ok: true });
      return HttpResponse.json({ status: 429, error: 'Slow down', support_id: 'sup-429' }, { status: 429, headers: { 'Retry-After': '2' } });
    }),
  );
});

// The console hints for 4xx answers are dev-hints.test.ts's subject; here they would only print.
const client = () => createApiClient({ prefix: API, devHints: false });

describe('ApiKitProvider', () => {
  it('gives useApiClient the client', () => {
    const api = client();
    const { result } = renderHook(() => useApiClient(), { wrapper: ({ children }) => <ApiKitProvider client={api}>{children}</ApiKitProvider> });
    expect(result.current).toBe(api);
  });

  it('throws a clear error from useApiClient outside the provider', async () => {
    await expectRenderToThrow(() => renderHook(() => useApiClient()), /useApiClient must be used inside <ApiKitProvider/);
  });

  it('says in a production build, shortly, which hook lacks the provider', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    try {
      await expectRenderToThrow(() => renderHook(() => useApiClient()), /^useApiClient: no provider$/);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('makes its own QueryClient with the kit’s defaults, so plain useQuery follows the policy too', async () => {
    const api = client();
    const { result } = renderHook(() => useQuery({ queryKey: ['missing'], queryFn: () => api.get('missing').json() }), {
      wrapper: ({ children }) => <ApiKitProvider client={api}>{children}</ApiKitProvider>,
    });
    await advanceUntil(() => result.current.isError);
    await advanceClockAsync(60_000);
    // react-query alone would have retried a 404 three times.
    expect(arrivals).toHaveLength(1);
  });

  it('never changes a QueryClient it is given, and its hooks still follow the policy under it', async () => {
    const queryClient = new QueryClient();
    const before = JSON.stringify(queryClient.getDefaultOptions());
    const { result } = renderHook(() => useApiQuery({ queryKey: ['missing'], path: 'missing' }), {
      wrapper: ({ children }) => (
        <ApiKitProvider client={client()} queryClient={queryClient}>
          {children}
        </ApiKitProvider>
      ),
    });
    await advanceUntil(() => result.current.isError);
    await advanceClockAsync(60_000);
    expect(arrivals).toHaveLength(1);
    expect(JSON.stringify(queryClient.getDefaultOptions())).toBe(before);
    expect(queryClient.getDefaultOptions().queries?.retry).toBeUndefined();
  });

  it('calls its onError for every failed attempt of the kit’s hooks', async () => {
    const onError = vi.fn();
    const { result } = renderHook(() => useApiQuery({ queryKey: ['missing'], path: 'missing' }), {
      wrapper: ({ children }) => (
        <ApiKitProvider client={client()} onError={onError}>
          {children}
        </ApiKitProvider>
      ),
    });
    await advanceUntil(() => result.current.isError);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]![0]).toMatchObject({ status: 404, supportId: 'sup-404' });
  });

  it('gives the components its messages', () => {
    render(
      <ApiKitProvider client={client()} messages={{ not_found: { title: 'Nicht gefunden' }, tryAgain: 'Erneut versuchen' }}>
        <ApiErrorBanner error={new ApiError({ status: 404 })} />
      </ApiKitProvider>,
    );
    expect(screen.getByRole('alert').textContent).toContain('Nicht gefunden');
  });

  it('renders its children', () => {
    render(
      <ApiKitProvider client={client()}>
        <p>inside</p>
      </ApiKitProvider>,
    );
    screen.getByText('inside');
  });
});

describe('ApiKitProvider after mount', () => {
  function Probe({ name }: { name: string }) {
    const query = useApiQuery({ queryKey: [name], path: 'flaky' });
    const failure = query.failureReason;
    const wait = query.scheduledRetry && failure ? query.scheduledRetry.at - failure.receivedAt : undefined;
    return <p>{query.isSuccess ? 'loaded' : wait === undefined ? 'waiting' : `retry in ${wait} ms`}</p>;
  }

  beforeEach(() => {
    server.use(http.get(`${API}/flaky`, () => HttpResponse.json({ status: 500, error: 'Boom', support_id: 'sup-500' }, { status: 500 })));
  });

  it('uses new random and now functions of its retry settings', async () => {
    const api = client();
    const queryClient = new QueryClient();
    const { rerender } = render(
      <ApiKitProvider client={api} queryClient={queryClient} retry={{ random: () => 0 }}>
        <Probe name="first" />
      </ApiKitProvider>,
    );
    await advanceUntil(() => screen.queryByText(/retry in/) !== null);
    // random() = 0 draws the bottom of [d/2, d] for the first retry: 500 ms.
    screen.getByText('retry in 500 ms');
    rerender(
      <ApiKitProvider client={api} queryClient={queryClient} retry={{ random: () => 1 }}>
        <Probe name="second" />
      </ApiKitProvider>,
    );
    await advanceUntil(() => screen.queryByText(/retry in/) !== null);
    screen.getByText('retry in 1000 ms');
  });

  it('makes a QueryClient of its own when the one it was given is taken away', async () => {
    server.use(http.get(`${API}/flaky`, () => HttpResponse.json({ ok: true })));
    const api = client();
    const { rerender } = render(
      <ApiKitProvider client={api} queryClient={new QueryClient()}>
        <Probe name="given" />
      </ApiKitProvider>,
    );
    await advanceUntil(() => screen.queryByText('loaded') !== null);
    rerender(
      <ApiKitProvider client={api}>
        <Probe name="own" />
      </ApiKitProvider>,
    );
    await advanceUntil(() => screen.queryByText('loaded') !== null);
  });
});

describe('one retry configuration, carried by the client', () => {
  let flakyArrivals = 0;
  beforeEach(() => {
    flakyArrivals = 0;
    server.use(
      http.get(`${API}/flaky`, () => {
        flakyArrivals += 1;
        return HttpResponse.json({ status: 500, error: 'Boom', support_id: 'sup-500' }, { status: 500 });
      }),
    );
  });

  it("is what the provider's hooks and its own QueryClient use when the provider is given none", async () => {
    // Without healing, which would keep probing for the failed query on screen.
    const api = createApiClient({ prefix: API, retryPolicy: { maxRetries: 1, random: () => 0 }, heal: false });
    const wrapper = ({ children }: { children: ReactNode }) => <ApiKitProvider client={api}>{children}</ApiKitProvider>;
    const kit = renderHook(() => useApiQuery({ queryKey: ['kit'], path: 'flaky' }), { wrapper });
    await advanceUntil(() => kit.result.current.failureCount === 1);
    expect(kit.result.current.scheduledRetry).toMatchObject({ attempt: 2, maxAttempts: 2 });
    expect(kit.result.current.scheduledRetry!.at - kit.result.current.failureReason!.receivedAt).toBe(500);
    await advanceUntil(() => kit.result.current.isError);
    await advanceClockAsync(60_000);
    expect(flakyArrivals).toBe(2);

    flakyArrivals = 0;
    const plain = renderHook(() => useQuery({ queryKey: ['plain'], queryFn: () => api.get('flaky').json() }), { wrapper });
    await advanceUntil(() => plain.result.current.isError);
    await advanceClockAsync(60_000);
    expect(flakyArrivals).toBe(2);
  });

  it("gives way, setting by setting, to the provider's retry prop", async () => {
    const api = createApiClient({ prefix: API, retryPolicy: { maxRetries: 1, random: () => 0 } });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <ApiKitProvider client={api} retry={{ maxRetries: 2 }}>
        {children}
      </ApiKitProvider>
    );
    const { result } = renderHook(() => useApiQuery({ queryKey: ['kit'], path: 'flaky' }), { wrapper });
    await advanceUntil(() => result.current.failureCount === 1);
    expect(result.current.scheduledRetry).toMatchObject({ attempt: 2, maxAttempts: 3 });
    expect(result.current.scheduledRetry!.at - result.current.failureReason!.receivedAt).toBe(500);
    await advanceUntil(() => result.current.isError);
    expect(flakyArrivals).toBe(3);
  });
});

describe('apiQueryDefaults on an existing QueryClient', () => {
  it('makes plain useQuery honour Retry-After and record when the retry is due', async () => {
    const api = client();
    const queryClient = new QueryClient({ defaultOptions: apiQueryDefaults({ random: () => 0 }) });
    const { result } = renderHook(() => useQuery({ queryKey: ['limited'], queryFn: () => api.get('limited').json() }), {
      wrapper: ({ children }) => (
        <ApiKitProvider client={api} queryClient={queryClient}>
          {children}
        </ApiKitProvider>
      ),
    });
    await advanceUntil(() => result.current.failureCount === 1);
    const scheduled = getScheduledRetry(result.current.failureReason);
    expect(scheduled).toMatchObject({ attempt: 2, maxAttempts: 4, serverGiven: true });
    await advanceUntil(() => result.current.isSuccess);
    expect(arrivals[1]! - arrivals[0]!).toBeGreaterThanOrEqual(2000);
    expect(arrivals[1]! - arrivals[0]!).toBeLessThan(2200);
  });
});
