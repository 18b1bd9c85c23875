import { setTimeout as realSleep } from 'node:timers/promises';
import { QueryClient, type DefaultOptions } from '@tanstack/query-core';
import { afterEach, expect, vi } from 'vitest';

/**
 * Fake setTimeout/Date make backoffs instant to cross; `shouldAdvanceTime` keeps the clock moving
 * so that real sockets work. Call {@link useMovingFakeClock} in a `describe` block, `start` in a
 * test; the query client and the real timers are put back after each test.
 */
export function useMovingFakeClock() {
  let queryClient: QueryClient | undefined;
  afterEach(() => {
    queryClient?.clear();
    queryClient = undefined;
    vi.useRealTimers();
  });
  return {
    /** Fakes the clock and makes a `QueryClient` with `defaultOptions`. */
    start(defaultOptions: DefaultOptions): QueryClient {
      vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
      queryClient = new QueryClient({ defaultOptions });
      return queryClient;
    },
  };
}

/** Pushes fake time forward in steps until `done` holds; fails after `maxSteps`. */
export async function runUntil(done: () => boolean, { stepMs = 100, maxSteps = 600 } = {}): Promise<void> {
  for (let step = 0; step < maxSteps && !done(); step += 1) {
    await vi.advanceTimersByTimeAsync(stepMs);
    await realSleep(1);
  }
  expect(done()).toBe(true);
}
