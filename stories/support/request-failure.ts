import type { Loader } from '@storybook/react-vite';
import type { KyInstance } from 'ky';
import type { HttpHandler } from 'msw';
import { createApiClient, createRateLimitGate, isApiError, type ApiClientOptions, type ApiError } from '../../src/index.js';
import { API_PREFIX } from '../mocks/api.js';

/** Sends the story's request through the kit's client. */
export type SendRequest = (client: KyInstance) => Promise<unknown>;

const getOrders: SendRequest = (client) => client.get('orders').json();

/**
 * A loader that answers with `handlers`, sends one request through a fresh `createApiClient`
 * and hands its failure to the story as `loaded.error`: the banner then shows an `ApiError`
 * exactly as the client made it (method, URL, Retry-After, Ray ID and all).
 *
 * @example
 * ```ts
 * loaders: [requestFailure([answerWith('orders', 404, 'No such order.')])]
 * ```
 */
export function requestFailure(handlers: HttpHandler[], send: SendRequest = getOrders, options: ApiClientOptions = {}): Loader {
  return async ({ msw }) => {
    msw.use(...handlers);
    // The failure is made on purpose: its development hint would only print in every run.
    const gate = options.gate === false ? undefined : (options.gate ?? createRateLimitGate());
    const client = createApiClient({ prefix: API_PREFIX, devHints: false, ...options, gate: gate ?? false });
    try {
      await send(client);
    } catch (error) {
      if (!isApiError(error)) throw new Error('The client rejected with something other than an ApiError.', { cause: error });
      return { error };
    } finally {
      gate?.dispose();
    }
    throw new Error('The mocked request was expected to fail, and it succeeded.');
  };
}

/** The error a {@link requestFailure} loader produced. */
export function loadedError(loaded: Record<string, unknown>): ApiError | undefined {
  const error = loaded.error;
  return isApiError(error) ? error : undefined;
}
