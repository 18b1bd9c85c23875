import ky, { type BeforeRequestHook, type KyInstance } from 'ky';
import { admissionHook } from './admission.js';
import { createAuthorization } from './authorization.js';
import { observingFetch } from './response-observer.js';
import { assertSupportedPeer } from '../diagnostics/outdated-peer.js';
import type { ApiClientOptions } from './options.js';
import { isHtmlBody } from '../errors/error-body.js';
import { callQuietly } from './call-quietly.js';
import { failureReporter } from './failure-reporting.js';
import { clientContextOf, isRequestSlot, REQUEST_SLOT, wrapInstance, type ClientContext } from './guarded-instance.js';
import { createRateLimitGate, type RateLimitGate } from '../retry/rate-limit-gate.js';
import { createRecovery } from '../retry/recovery.js';
import { createRetryBudget } from '../retry/retry-budget.js';
import { createRetryPolicy } from '../retry/retry-policy.js';
import { invalidResponseError } from '../errors/to-api-error.js';

export type { ApiClientOptions, ApiKeySource } from './options.js';

// Runs last, so it sees the request as it leaves, whatever the hooks before it changed.
const acceptJsonAndKeepRequest: BeforeRequestHook = ({ request, options }) => {
  if (request.headers.get('accept') !== 'application/json') request.headers.set('accept', 'application/json');
  const slot = options.context[REQUEST_SLOT];
  if (isRequestSlot(slot)) slot.request = request;
};

/**
 * Creates the kit's ky instance: `Accept: application/json` on every request, the API key as a
 * Bearer token, ky's own retry off (react-query retries, where the UI can see it), requests held
 * by the recovery controller while the server asked to wait or the service is down, and every
 * failure an {@link ApiError}, except an abort, which rejects with the abort reason untouched.
 *
 * @example
 * ```ts
 * const client = createApiClient({
 *   prefix: 'https://api.example.com/v1',
 *   apiKey: () => session.token,
 *   onError: (error) => console.warn(`API error ${error.status}, support ID ${error.supportId}`),
 * });
 * const orders = await client.get('orders').json<Order[]>();
 * ```
 */
export function createApiClient(options: ApiClientOptions = {}): KyInstance {
  const { apiKey, gate: gateOption, onError, retryPolicy, retryBudget, devHints, heal = true, hooks, parseJson, ...kyOptions } = options;
  const gate = gateOption === false ? undefined : gateOption ?? createRateLimitGate();
  const budget = retryBudget === false ? undefined : createRetryBudget(retryBudget);
  const policy = createRetryPolicy(retryPolicy);
  const recovery = createRecovery({ gate, budget, policy: policy.options, backoffDelay: policy.backoffDelay });
  const { authorize, secrets } = createAuthorization(apiKey);
  const report = failureReporter({ recovery, onError, devHints });
  const admit = admissionHook(recovery, gate, (error) => callQuietly(onError, error));

  const admitAndAuthorize: BeforeRequestHook = (state) => {
    const admitted = admit(state);
    return admitted instanceof Promise ? admitted.then(() => authorize(state.request)) : authorize(state.request);
  };

  const context: ClientContext = { gate, budget, recovery, secrets, report, signal: kyOptions.signal, retryPolicy, heal };
  const instance = ky.create({
    ...kyOptions,
    retry: 0,
    fetch: observingFetch(recovery, kyOptions.fetch, policy.options.maxServerWaitMs),
    parseJson: (text, { request, response }) => {
      try {
        if (text === '' && !parseJson) return undefined;
        return parseJson ? parseJson(text, { request, response }) : JSON.parse(text);
      } catch (cause) {
        if (!response.ok) {
          // An HTML page under a JSON type is the edge speaking: keep it for its Ray ID. Any other
          // unreadable body is only lost detail: ky keeps `data` undefined.
          if (isHtmlBody(text, response.headers)) return text;
          throw cause;
        }
        throw report(invalidResponseError(response, text, request, cause));
      }
    },
    hooks: {
      ...hooks,
      beforeRequest: [admitAndAuthorize, ...(hooks?.beforeRequest ?? []), acceptJsonAndKeepRequest],
    },
  });
  // Before anything is sent: with an older ky the client would fail every request without a word.
  assertSupportedPeer('ky', () => typeof (instance as { query?: unknown }).query === 'function');
  return wrapInstance(instance, context);
}

/**
 * The rate-limit gate of a client made by {@link createApiClient} (or extended from one), or
 * `undefined` when it has none.
 */
export function getRateLimitGate(client: unknown): RateLimitGate | undefined {
  return clientContextOf(client)?.gate;
}
