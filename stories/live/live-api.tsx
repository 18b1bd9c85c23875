import type { Decorator, Loader } from '@storybook/react-vite';
import { QueryClient } from '@tanstack/react-query';
import type { KyInstance } from 'ky';
import type { HttpHandler } from 'msw';
import { ApiKitProvider, createApiClient, createRateLimitGate, type ApiClientOptions, type RateLimitGate } from '../../src/index.js';
import { API_PREFIX } from '../mocks/api.js';
import { createRequestLog, type RequestLog as Log } from '../mocks/request-log.js';
import { RequestLog } from '../RequestLog.js';

/** What a live story runs on: its own client (and its gate), `QueryClient` and request log. */
export interface LiveApi {
  client: KyInstance;
  gate: RateLimitGate | undefined;
  queryClient: QueryClient;
  log: Log;
}

/**
 * A loader that gives the story a mocked API answered by `handlers` (which write to the story's
 * request log), a fresh client through `createApiClient`, and a fresh `QueryClient`.
 *
 * @example
 * ```ts
 * loaders: [liveApi((log) => [flakyThenServed('orders', data, { log })])]
 * ```
 */
export function liveApi(handlers: (log: Log) => HttpHandler[], options: ApiClientOptions = {}): Loader {
  return async ({ msw }) => {
    const log = createRequestLog();
    msw.use(...handlers(log));
    const gate = options.gate === false ? undefined : (options.gate ?? createRateLimitGate());
    const live: LiveApi = { client: createApiClient({ prefix: API_PREFIX, ...options, gate: gate ?? false }), gate, queryClient: new QueryClient(), log };
    return { live };
  };
}

/** The live API a {@link liveApi} loader made, read from the story context's `loaded`. */
export function liveOf({ loaded }: { loaded: Record<string, unknown> }): LiveApi {
  const live = loaded.live as LiveApi | undefined;
  if (!live) throw new Error('This story needs a `liveApi(...)` loader.');
  return live;
}

/** Stops what a live story left running (queries waiting for a retry, the gate's timer) when it is left. */
export function cleanUpLiveApi(context: { loaded: Record<string, unknown> }): () => void {
  return () => {
    const live = context.loaded.live as LiveApi | undefined;
    if (!live) return;
    void live.queryClient.cancelQueries();
    live.queryClient.clear();
    live.gate?.dispose();
  };
}

/** Renders the story inside an `ApiKitProvider` for its live API, with the request log beside it. */
export const withLiveApi: Decorator = (Story, context) => {
  const live = liveOf(context);
  return (
    <ApiKitProvider client={live.client} queryClient={live.queryClient}>
      <div className="story-live">
        <div className="story-live__ui">
          <Story />
        </div>
        <RequestLog log={live.log} />
      </div>
    </ApiKitProvider>
  );
};

/**
 * The part of its meta every live story file shares: the live API around each story, and a docs
 * page where each story runs in its own frame, with its own mocks, under `description`.
 */
export function liveMeta(description: string) {
  return {
    decorators: [withLiveApi],
    beforeEach: cleanUpLiveApi,
    parameters: {
      docs: { story: { inline: false, iframeHeight: 420 }, description: { component: description } },
      layout: 'padded',
    },
  };
}
