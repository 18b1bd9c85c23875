import ky, { type BeforeRequestHook, type KyInstance, type Options } from 'ky';
import { createAdmission, type Release } from './admission.js';
import type { ApiError } from './ApiError.js';
import { isDevelopmentBuild } from './build-mode.js';
import { devHint } from './dev-hints.js';
import { clientContextOf, isRequestSlot, REQUEST_SLOT, wrapInstance, type ClientContext } from './guarded-instance.js';
import { createRateLimitGate, waitsOnlyWhileClosed, type RateLimitGate } from './rate-limit-gate.js';
import { exhaustedQuotaResetMs, retryAfterFromResponse } from './retry-after.js';
import { createRetryBudget, type RetryBudget, type RetryBudgetOptions } from './retry-budget.js';
import { createRetryPolicy, isServerRefusal, type RetryPolicyOptions } from './retry/retry-policy.js';
import { recordBudgetVerdict } from './retry/retry-schedule.js';
import { invalidResponseError } from './to-api-error.js';

/** An API key, or a function that returns the current one (sync or async); called for every request. */
export type ApiKeySource = string | (() => string | null | undefined | Promise<string | null | undefined>);

/** Options of {@link createApiClient}: everything ky takes, plus the kit's own. */
export interface ApiClientOptions extends Omit<Options, 'retry'> {
  /** Sent as `Authorization: Bearer <key>`. A function is called for every request, so a refreshed token is used. */
  apiKey?: ApiKeySource;
  /**
   * The rate-limit gate requests wait at after a 429. @default a new gate for this client;
   * `false` turns the gate off.
   */
  gate?: RateLimitGate | false;
  /**
   * Called once for every failed request, after mapping and before any retry decision: the
   * place to log `supportId`. A throwing or rejecting `onError` never breaks the request.
   */
  onError?: (error: ApiError) => void | Promise<void>;
  /**
   * The backoff used to close the gate after a 429 that gave no wait, and the spread with which
   * refused requests come back (held requests wait for them, so the most often refused go first).
   * Give it the same settings as the retry policy of the queries.
   */
  retryPolicy?: RetryPolicyOptions;
  /** The client-wide retry budget (see `createRetryBudget`); `false` turns it off. @default 10 tokens */
  retryBudget?: RetryBudgetOptions | false;
  /**
   * Print a console hint, once per kind of mistake, for failures that usually mean a bug in the
   * calling code or the server's CORS set-up (404/405, 400, 406, a cross-origin 429 whose
   * `Retry-After` is hidden). @default true in development builds (`process.env.NODE_ENV !== 'production'`)
   */
  devHints?: boolean;
}
const MAX_REMEMBERED_KEYS = 8;

/**
 * Creates the kit's ky instance: `Accept: application/json` on every request, the API key as a
 * Bearer token, ky's own retry off (react-query retries, where the UI can see it), requests held
 * at the rate-limit gate after a 429, and every failure an {@link ApiError}, except an abort,
 * which rejects with the abort reason untouched.
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
  const { apiKey, gate: gateOption, onError, retryPolicy, retryBudget, devHints, hooks, parseJson, ...kyOptions } = options;
  const gate = gateOption === false ? undefined : gateOption ?? createRateLimitGate();
  const budget = retryBudget === false ? undefined : createRetryBudget(retryBudget);
  const { backoffDelay: backoff, options: policy } = createRetryPolicy(retryPolicy);
  const secrets = new Set<string>();
  const hinted = new Set<number>();
  let rateLimitedInARow = 0;

  const admission = createAdmission({ retrySpread: policy.serverWaitSpread, longestRetriedWaitMs: policy.maxServerWaitMs });
  // The server refused until then: close the gate, and send one request at a time when it reopens.
  const holdUntil = (until: number, key?: string) => {
    if (!gate) return;
    gate.closeUntil(until);
    admission.restart(until - Date.now(), key);
  };

  const report = (error: ApiError): ApiError => {
    // A refusal that says when to come back is not a sign of an outage: the gate paces its retry.
    const paced = isServerRefusal(error) && error.retryAfterMs !== undefined;
    if (budget && error.retryable && !paced) recordBudgetVerdict(error, budget.charge());
    if (isServerRefusal(error)) {
      // A 429 that said nothing about when (a Cloudflare 1015 page, say): back off.
      holdUntil(error.retryAfterMs !== undefined ? error.receivedAt + error.retryAfterMs : Date.now() + backoff(rateLimitedInARow));
    }
    if ((devHints ?? isDevelopmentBuild()) && !hinted.has(error.status)) {
      const hint = devHint(error);
      if (hint !== undefined) {
        hinted.add(error.status);
        console.warn(`[api-error-kit] ${hint}`);
      }
    }
    if (onError) {
      try {
        void Promise.resolve(onError(error)).catch(() => undefined);
      } catch {
        // A logger's failure must not become the request's failure.
      }
    }
    return error;
  };

  const keep = (slot: unknown, release: Release) => {
    if (isRequestSlot(slot)) slot.release = release;
    else release(true);
  };

  // Waits while the gate is closed, then for a place among the requests in flight.
  const waitToAdmit = async (open: RateLimitGate, request: Request, slot: unknown): Promise<void> => {
    let release: Release;
    for (;;) {
      await open.wait(request.signal);
      release = await admission.acquire(request.signal, () => requestKey(request));
      // The gate may have closed again while this request waited for its place.
      if (open.snapshot().closedUntil === null) break;
      release(false);
    }
    keep(slot, release);
  };

  // Synchronous while nothing holds requests back, as almost always: no promise per request.
  const admit = (request: Request, slot: unknown): Promise<void> | undefined => {
    if (!gate) return undefined;
    const open = waitsOnlyWhileClosed(gate) && gate.snapshot().closedUntil === null && !request.signal.aborted;
    const release = open ? admission.tryAcquire(() => requestKey(request)) : undefined;
    if (!release) return waitToAdmit(gate, request, slot);
    keep(slot, release);
    return undefined;
  };

  const useKey = (request: Request, key: string | null | undefined): void => {
    if (!key) return;
    secrets.delete(key);
    secrets.add(key);
    if (secrets.size > MAX_REMEMBERED_KEYS) secrets.delete(secrets.values().next().value!);
    request.headers.set('authorization', `Bearer ${key}`);
  };

  const authorize = (request: Request): Promise<void> | undefined => {
    if (apiKey === undefined) return undefined;
    if (typeof apiKey === 'string') {
      useKey(request, apiKey);
      return undefined;
    }
    return (async () => useKey(request, await apiKey()))();
  };

  const admitAndAuthorize: BeforeRequestHook = ({ request, options: requestOptions }) => {
    const admitted = admit(request, requestOptions.context[REQUEST_SLOT]);
    return admitted ? admitted.then(() => authorize(request)) : authorize(request);
  };

  // Read from the response's head as it arrives, before ky reads any body.
  const observe = (response: Response, key: () => string): void => {
    const now = Date.now();
    if (response.ok) {
      budget?.deposit();
      rateLimitedInARow = 0;
    }
    if (!gate) return;
    const quotaReset = exhaustedQuotaResetMs(response.headers, now);
    if (quotaReset !== undefined && quotaReset > 0) gate.closeUntil(now + quotaReset);
    // Close at once on the headers; the body's wait, read later, can only lengthen it.
    if (response.status === 429) rateLimitedInARow += 1;
    else if (response.status !== 503 || !response.headers.has('retry-after')) return;
    // With a wait in the headers, close at once. Otherwise the body may hold one: until it is
    // read, the refusal's own place (kept until then) holds every other request at admission.
    const wait = retryAfterFromResponse(response.headers, undefined, now);
    holdUntil(now + (wait ?? 0), key());
  };

  // A fetch wrapper rather than an `afterResponse` hook: ky clones the response for every such hook.
  const fetchAndObserve = async (input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<Response> => {
    const response = await (kyOptions.fetch ?? globalThis.fetch)(input, init);
    observe(response, () => (input instanceof Request ? requestKey(input) : `${init?.method ?? 'GET'} ${String(input)}`));
    return response;
  };

  // Runs last, so it sees the request as it leaves, whatever the hooks before it changed.
  const remember: BeforeRequestHook = ({ request, options: requestOptions }) => {
    if (request.headers.get('accept') !== 'application/json') request.headers.set('accept', 'application/json');
    const slot = requestOptions.context[REQUEST_SLOT];
    if (isRequestSlot(slot)) slot.request = request;
  };

  const context: ClientContext = { gate, budget, secrets, report, signal: kyOptions.signal };
  const instance = ky.create({
    ...kyOptions,
    retry: 0,
    fetch: fetchAndObserve,
    parseJson: (text, { request, response }) => {
      try {
        if (text === '' && !parseJson) return undefined;
        return parseJson ? parseJson(text, { request, response }) : JSON.parse(text);
      } catch (cause) {
        // An error response's body is only read for its details: ky keeps `data` undefined.
        if (!response.ok) throw cause;
        throw report(invalidResponseError(response, text, request, cause));
      }
    },
    hooks: {
      ...hooks,
      beforeRequest: [admitAndAuthorize, ...(hooks?.beforeRequest ?? []), remember],
    },
  });
  return wrapInstance(instance, context);
}

/** A request's name in the admission order: a retry of a refused request finds its place by it. */
function requestKey(request: Request): string {
  return `${request.method} ${request.url}`;
}

/**
 * The rate-limit gate of a client made by {@link createApiClient} (or extended from one), or
 * `undefined` when it has none.
 */
export function getRateLimitGate(client: unknown): RateLimitGate | undefined {
  return clientContextOf(client)?.gate;
}

/** The retry budget of a client made by {@link createApiClient}, for inspection. */
export function getRetryBudget(client: unknown): RetryBudget | undefined {
  return clientContextOf(client)?.budget;
}
