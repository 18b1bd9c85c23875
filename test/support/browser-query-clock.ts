import * as reactQuery from '@tanstack/react-query';
import { QueryClient } from '@tanstack/react-query';
import { afterAll, beforeAll } from 'vitest';
import { useMovingFakeClock } from './moving-fake-clock.js';

// Where react-query has one (5.90 and later), its environment says this is a browser, as in an app.
const environment = (reactQuery as { environmentManager?: { setIsServer(isServer: () => boolean): void } }).environmentManager;

/**
 * For observed queries in Node as in a browser: react-query's environment says it is one (so it
 * retries and refetches), and `start` fakes the clock (see {@link useMovingFakeClock}) and makes a
 * `QueryClient` of react-query, like the healing it runs (on the peer floor, the core package
 * alone may be another version). Call it at the top of a test file.
 */
export function useBrowserQueryClock() {
  beforeAll(() => environment?.setIsServer(() => false));
  afterAll(() => environment?.setIsServer(() => typeof window === 'undefined'));
  return useMovingFakeClock((defaultOptions) => new QueryClient({ defaultOptions }));
}
