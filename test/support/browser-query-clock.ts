import * as reactQuery from '@tanstack/react-query';
import { QueryClient, type DefaultOptions } from '@tanstack/react-query';
import { afterAll, afterEach, beforeAll, vi } from 'vitest';

// Where react-query has one (5.90 and later), its environment says this is a browser, as in an app.
const environment = (reactQuery as { environmentManager?: { setIsServer(isServer: () => boolean): void } }).environmentManager;

/**
 * For observed queries in Node as in a browser: react-query's environment says it is one (so it
 * retries and refetches), and `start` fakes the clock and makes a `QueryClient` of react-query
 * (like the healing it runs; on the peer floor, the core package alone may be another version).
 * The fake timers keep moving, so sockets work. Call it at the top of a test file; the query
 * client and the real timers are put back after each test.
 */
export function useBrowserQueryClock() {
  let queryClient: QueryClient | undefined;
  beforeAll(() => environment?.setIsServer(() => false));
  afterAll(() => environment?.setIsServer(() => typeof window === 'undefined'));
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
