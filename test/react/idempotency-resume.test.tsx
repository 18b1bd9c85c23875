import { onlineManager } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient, useApiMutation } from '../../src/index.js';
import { replyJson, useLocalServer } from '../support/local-server.js';
import { kitWrapper } from '../support/kit-wrapper.js';
import { passTimeInAct, passTimeInActUntil, useSocketClockPerTest } from '../support/socket-clock.js';

const server = useLocalServer();

useSocketClockPerTest();
afterEach(() => {
  onlineManager.setOnline(true);
});

function setup() {
  const client = createApiClient({ prefix: server.url, retryBudget: false });
  const { wrapper, queryClient } = kitWrapper(client, { retry: { random: () => 1 } });
  const hook = renderHook(() => useApiMutation<{ id: number }, { sku: string }>({ path: 'orders', idempotencyKey: true }), { wrapper });
  return { ...hook, queryClient };
}

const keys = () => server.requests.map((request) => request.headers['idempotency-key']);

describe('the Idempotency-Key of a mutation resumed after going offline', () => {
  it('is the same for the retry sent once the browser is back online', async () => {
    server.handle((_request, response) => {
      if (server.requests.length === 1) {
        // The connection drops while the first attempt fails.
        onlineManager.setOnline(false);
        replyJson(response, 500, { status: 500, error: 'Boom', support_id: 'sup-1' });
      } else replyJson(response, 201, { id: 7 });
    });
    const { result } = setup();
    act(() => result.current.mutate({ sku: 'A-1' }));
    await passTimeInActUntil(() => result.current.failureCount === 1 && result.current.isPaused);
    await passTimeInAct(30_000);
    expect(server.requests).toHaveLength(1);

    act(() => onlineManager.setOnline(true));
    await passTimeInActUntil(() => result.current.isSuccess);
    expect(server.requests).toHaveLength(2);
    expect(keys()[0]).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(keys()[1]).toBe(keys()[0]);
  });

  it('is the same when the paused mutation is resumed with continue()', async () => {
    server.handle((_request, response) => {
      if (server.requests.length === 1) replyJson(response, 503, { status: 503, error: 'Busy', support_id: 'sup-1' });
      else replyJson(response, 201, { id: 7 });
    });
    const { result, queryClient } = setup();
    act(() => onlineManager.setOnline(false));
    act(() => result.current.mutate({ sku: 'A-1' }));
    await passTimeInActUntil(() => result.current.isPaused);
    expect(server.requests).toHaveLength(0);
    // Back online without react-query noticing; resumed by hand, as an app's own reconnect logic would.
    onlineManager.setOnline(true);
    const [mutation] = queryClient.getMutationCache().getAll();
    void mutation!.continue().catch(() => undefined);
    await passTimeInActUntil(() => result.current.isSuccess);
    expect(server.requests).toHaveLength(2);
    expect(keys()[0]).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(keys()[1]).toBe(keys()[0]);
  });
});
