import { QueryClient } from '@tanstack/query-core';
import ky, { type KyInstance } from 'ky';
import { apiQueryDefaults, createApiClient, type ApiClientOptions, type RetryPolicyOptions } from '../../src/core/index.js';
// `healQueries` is public in the main entry; imported from its file, so React stays out of the bench.
import { healQueries } from '../../src/query/heal-queries.js';

/** What a strategy builds for one run: a query client and the fetch its queries call. */
export interface StrategySetup {
  queryClient: QueryClient;
  fetchItem: (id: string, signal: AbortSignal) => Promise<unknown>;
  /** Ends what the strategy runs beside the queries (the kit's healing, as `ApiKitProvider` runs it). */
  stop?: () => void;
}

/** A way a team could fetch from a rate-limited API with react-query. */
export interface Strategy {
  /** Short key, used in the JSON results. */
  id: string;
  /** The name printed in tables. */
  label: string;
  /** One line on how it is set up. */
  setup: string;
  /** Builds the client and query client; every request must go through `fetch`. */
  create(baseUrl: string, fetch: typeof globalThis.fetch): StrategySetup;
}

/** The fetch every strategy's queries call: `GET items/<id>`, JSON. */
export function itemFetcher(client: KyInstance): StrategySetup['fetchItem'] {
  return (id, signal) => client.get(`items/${id}`, { signal }).json();
}

/**
 * A strategy made of this kit: `createApiClient` with `client(fetch)`'s options (which must route
 * requests through `fetch`) under a `QueryClient` with `apiQueryDefaults(policy)`.
 */
export function kitStrategy(
  about: Pick<Strategy, 'id' | 'label' | 'setup'>,
  client: (fetch: typeof globalThis.fetch) => ApiClientOptions = (fetch) => ({ fetch }),
  policy?: RetryPolicyOptions,
): Strategy {
  return {
    ...about,
    create(baseUrl, fetch) {
      const api = createApiClient({ prefix: baseUrl, ...client(fetch) });
      const queryClient = new QueryClient({ defaultOptions: apiQueryDefaults(policy) });
      return { queryClient, fetchItem: itemFetcher(api), stop: healQueries(queryClient, api) };
    },
  };
}

/** react-query's own defaults (3 retries, 1 s, 2 s, 4 s) over a ky client that does not retry. */
export const reactQueryDefaults: Strategy = {
  id: 'react-query',
  label: 'react-query defaults',
  setup: "new QueryClient() over ky.create({ retry: 0 })",
  create(baseUrl, fetch) {
    return { queryClient: new QueryClient(), fetchItem: itemFetcher(ky.create({ prefix: baseUrl, fetch, retry: 0 })) };
  },
};

/**
 * ky 2 retrying on its own, react-query not retrying. ky waits exactly the `Retry-After` of a
 * 429 or 503; its `jitter` applies only to its computed backoff, never to a server-given wait.
 */
export const kyRetry: Strategy = {
  id: 'ky-retry',
  label: 'ky 2 retry',
  setup: 'ky.create({ retry: { limit: 10, jitter: true, afterStatusCodes: [413, 429, 503], maxRetryAfter: 300000 } }), react-query retry: false',
  create(baseUrl, fetch) {
    const client = ky.create({
      prefix: baseUrl,
      fetch,
      retry: { limit: 10, jitter: true, afterStatusCodes: [413, 429, 503], maxRetryAfter: 5 * 60_000 },
    });
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    return { queryClient, fetchItem: itemFetcher(client) };
  },
};

/** This kit: `createApiClient` (rate-limit gate and retry budget on) under `apiQueryDefaults()`. */
export const kit: Strategy = kitStrategy({
  id: 'kit',
  label: 'api-error-kit',
  setup: 'createApiClient() + new QueryClient({ defaultOptions: apiQueryDefaults() })',
});

/** The strategies, in the order the tables show them. */
export const STRATEGIES: readonly Strategy[] = [reactQueryDefaults, kyRetry, kit];
