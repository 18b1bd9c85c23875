import { setTimeout as realSleep } from 'node:timers/promises';
import { QueryClient, type DefaultOptions } from '@tanstack/query-core';
import { afterEach, expect, vi } from 'vitest';

/**
 * Fake setTimeout/Date make backoffs instant to cross; `shouldAdvanceTime` keeps the clock moving
 * so that real sockets work, and {@link passTimeUntil} crosses waits at once. Call {@link useMovingFakeClock} in a `describe` block, `start` in a
 * test; the query client and the real timers are put back after each test. `create` makes the
 * query client (by default query-core's).
 */
export function useMovingFakeClock<Client extends { clear(): void } = QueryClient>(
  create: (defaultOptions: DefaultOptions) => Client = (defaultOptions) => new QueryClient({ defaultOptions }) as unknown as Client,
) {
  let queryClient: Client | undefined;
  afterEach(() => {
    queryClient?.clear();
    queryClient = undefined;
    vi.useRealTimers();
  });
  return {
    /** Fakes the clock and makes a query client with `defaultOptions`. */
    start(defaultOptions: DefaultOptions): Client {
      vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
      queryClient = create(defaultOptions);
      return queryClient;
    },
  };
}

/** Lets `ms` of fake time pass, then one real millisecond, so that real sockets can answer. */
export async function passTime(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  await realSleep(1);
}

/**
 * Lets fake time pass in steps of `stepMs`, each with `pass` ({@link passTime} unless told), until
 * `done` holds; fails after `maxSteps`.
 */
export async function passTimeUntil(
  done: () => boolean,
  { stepMs = 100, maxSteps = 600, pass = passTime }: { stepMs?: number; maxSteps?: number; pass?: (ms: number) => Promise<void> } = {},
): Promise<void> {
  for (let step = 0; step < maxSteps && !done(); step += 1) await pass(stepMs);
  expect(done()).toBe(true);
}
