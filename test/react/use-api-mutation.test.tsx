import { renderHook } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiClient, useApiMutation } from '../../src/index.js';
import { advanceClockAsync, advanceUntil, API, kitWrapper, fakeTimersForMockApi, useMockApi } from '../support/kit-wrapper.js';

const server = useMockApi();
const received: Array<{ at: number; key: string | null; body: unknown }> = [];

beforeEach(() => {
  fakeTimersForMockApi();
  received.length = 0;
});

function route(answers: Array<() => Response>) {
  server.use(
    http.post(`${API}/orders`, async ({ request }) => {
      received.push({ at: Date.now(), key: request.headers.get('idempotency-key'), body: await request.json() });
      return answers[Math.min(received.length - 1, answers.length - 1)]!();
    }),
  );
}

const created = () => HttpResponse.json({ id: 7 }, { status: 201 });
const serverError = () => HttpResponse.json({ status: 500, error: 'Boom', support_id: 'sup-500' }, { status: 500 });

function setup() {
  const client = createApiClient({ prefix: API });
  return kitWrapper(client, { retry: { random: () => 1 } });
}

describe('useApiMutation', () => {
  it('sends the variables as JSON and resolves mutateAsync with the parsed body', async () => {
    route([created]);
    const { wrapper } = setup();
    const { result } = renderHook(() => useApiMutation<{ id: number }, { sku: string }>({ path: 'orders' }), { wrapper });
    const pending = result.current.mutateAsync({ sku: 'A-1' });
    await advanceUntil(() => received.length === 1);
    await advanceClockAsync(50);
    await expect(pending).resolves.toEqual({ id: 7 });
    expect(received[0]!.body).toEqual({ sku: 'A-1' });
    expect(received[0]!.key).toBeNull();
  });

  it('sends a failing POST without an idempotency key exactly once', async () => {
    route([serverError, created]);
    const { wrapper } = setup();
    const { result } = renderHook(() => useApiMutation({ path: 'orders' }), { wrapper });
    result.current.mutate({ sku: 'A-1' } as never);
    await advanceUntil(() => result.current.isError);
    await advanceClockAsync(60_000);
    expect(received).toHaveLength(1);
    expect(result.current.error?.status).toBe(500);
    expect(result.current.scheduledRetry).toBeUndefined();
  });

  it('retries a POST with an idempotency key, reusing the key on every retry', async () => {
    route([serverError, serverError, created]);
    const { wrapper } = setup();
    const { result } = renderHook(() => useApiMutation<{ id: number }, { sku: string }>({ path: 'orders', idempotencyKey: true }), { wrapper });
    result.current.mutate({ sku: 'A-1' });
    await advanceUntil(() => result.current.isSuccess);
    expect(received).toHaveLength(3);
    const keys = new Set(received.map((request) => request.key));
    expect(keys.size).toBe(1);
    expect([...keys][0]).toMatch(/^[0-9a-f-]{32,36}$/);
  });

  it('gives each mutate call its own idempotency key', async () => {
    route([created]);
    const { wrapper } = setup();
    const { result } = renderHook(() => useApiMutation<{ id: number }, { sku: string }>({ path: 'orders', idempotencyKey: true }), { wrapper });
    const first = result.current.mutateAsync({ sku: 'A-1' });
    const second = result.current.mutateAsync({ sku: 'B-2' });
    await advanceUntil(() => received.length === 2);
    await advanceClockAsync(50);
    await Promise.all([first, second]);
    expect(received[0]!.key).not.toBe(received[1]!.key);
  });

  it.each([
    ['crypto.randomUUID is missing (an insecure origin)', (real: Crypto) => ({ getRandomValues: (bytes: Uint8Array<ArrayBuffer>) => real.getRandomValues(bytes) })],
    ['crypto is missing altogether', () => undefined],
  ])('makes a key of 32 hex digits, new for each call, where %s', async (_, crypto) => {
    route([created]);
    const { wrapper } = setup();
    const { result } = renderHook(() => useApiMutation<{ id: number }, { sku: string }>({ path: 'orders', idempotencyKey: true }), { wrapper });
    vi.stubGlobal('crypto', crypto(globalThis.crypto));
    try {
      const first = result.current.mutateAsync({ sku: 'A-1' });
      const second = result.current.mutateAsync({ sku: 'B-2' });
      await advanceUntil(() => received.length === 2);
      await advanceClockAsync(50);
      await Promise.all([first, second]);
    } finally {
      vi.unstubAllGlobals();
    }
    expect(received.map((request) => request.key)).toEqual([expect.stringMatching(/^[0-9a-f]{32}$/), expect.stringMatching(/^[0-9a-f]{32}$/)]);
    expect(received[0]!.key).not.toBe(received[1]!.key);
  });

  it('retries a POST answered 429 after the server’s wait, even without a key', async () => {
    route([() => HttpResponse.json({ status: 429, error: 'Slow down', support_id: 's' }, { status: 429, headers: { 'Retry-After': '2' } }), created]);
    const { wrapper } = setup();
    const { result } = renderHook(() => useApiMutation({ path: 'orders' }), { wrapper });
    result.current.mutate({ sku: 'A-1' } as never);
    await advanceUntil(() => result.current.scheduledRetry !== undefined);
    expect(result.current.scheduledRetry).toMatchObject({ attempt: 2, maxAttempts: 4 });
    await advanceUntil(() => result.current.isSuccess);
    expect(received).toHaveLength(2);
    expect(received[1]!.at - received[0]!.at).toBeGreaterThanOrEqual(2000);
  });

  it('stopRetrying ends a mutation’s retries with the same error', async () => {
    route([() => HttpResponse.json({ status: 503, error: 'Maintenance', support_id: 's' }, { status: 503, headers: { 'Retry-After': '30' } }), created]);
    const { wrapper } = setup();
    const { result } = renderHook(() => useApiMutation({ path: 'orders' }), { wrapper });
    result.current.mutate({ sku: 'A-1' } as never);
    await advanceUntil(() => result.current.scheduledRetry !== undefined);
    const failure = result.current.failureReason;
    result.current.stopRetrying();
    await advanceUntil(() => result.current.isError, { maxMs: 100 });
    expect(result.current.error).toBe(failure);
    await advanceClockAsync(60_000);
    expect(received).toHaveLength(1);
  });

  it('passes the call’s idempotency key and the client to a custom mutationFn', async () => {
    route([created]);
    const { wrapper } = setup();
    let seenKey: string | undefined;
    const { result } = renderHook(
      () =>
        useApiMutation<unknown, { sku: string }>({
          idempotencyKey: true,
          mutationFn: (variables, { client, idempotencyKey }) => {
            seenKey = idempotencyKey;
            return client.post('orders', { json: variables, headers: { 'idempotency-key': idempotencyKey } }).json();
          },
        }),
      { wrapper },
    );
    result.current.mutate({ sku: 'A-1' });
    await advanceUntil(() => result.current.isSuccess);
    expect(seenKey).toBeDefined();
    expect(received[0]!.key).toBe(seenKey);
  });
});
