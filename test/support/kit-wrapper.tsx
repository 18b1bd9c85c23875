import { QueryClient } from '@tanstack/react-query';
import { act } from '@testing-library/react';
import type { KyInstance } from 'ky';
import { setupServer, type SetupServer } from 'msw/node';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, vi } from 'vitest';
import { ApiKitProvider, type ApiKitProviderProps } from '../../src/index.js';

/** The origin every mocked API in the React tests answers on. */
export const API = 'http://127.0.0.1:4010';

/**
 * Gives the test file a mocked API at the network layer: listening before its tests (a request no
 * handler answers fails the test), closed after them. After each test the handlers added with
 * `server.use` are dropped and real timers come back, undoing {@link fakeTimersForMockApi}.
 *
 * @returns The MSW server, for `server.use(...)`.
 * @example
 * const server = useMockApi();
 * beforeEach(() => {
 *   fakeTimersForMockApi();
 *   server.use(http.get(`${API}/orders`, () => HttpResponse.json([])));
 * });
 */
export function useMockApi(): SetupServer {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    vi.useRealTimers();
  });
  afterAll(() => server.close());
  return server;
}

/** A wrapper for `renderHook` / `render` with the kit's provider around it. */
export function kitWrapper(client: KyInstance, props: Omit<ApiKitProviderProps, 'client' | 'children'> = {}) {
  const queryClient = props.queryClient ?? new QueryClient();
  return {
    queryClient,
    wrapper: ({ children }: { children: ReactNode }) => (
      <ApiKitProvider client={client} {...props} queryClient={queryClient}>
        {children}
      </ApiKitProvider>
    ),
  };
}

/** Advances fake time inside `act`, letting promises (MSW, react-query) settle on the way. */
export async function advanceClockAsync(ms: number): Promise<void> {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

/**
 * Fakes timers and `Date` from now on, leaving promises real, so that MSW and react-query still run
 * their promise chains; {@link useMockApi} puts the real timers back after each test.
 */
export function fakeTimersForMockApi(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
}

/**
 * Advances fake time in small steps until `done()` holds; fails after `maxMs` of fake time.
 * Returns the fake time that passed.
 */
export async function advanceUntil(done: () => boolean, { stepMs = 10, maxMs = 120_000 } = {}): Promise<number> {
  let elapsed = 0;
  while (!done()) {
    if (elapsed >= maxMs) throw new Error(`condition not met within ${maxMs} ms of fake time`);
    await advanceClockAsync(stepMs);
    elapsed += stepMs;
  }
  return elapsed;
}
