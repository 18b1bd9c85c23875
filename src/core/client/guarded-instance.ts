import type { KyInstance, Options, ResponsePromise } from 'ky';
import { ApiError } from '../errors/ApiError.js';
import { headArrivedAt, isRefusal } from './response-observer.js';
import { requestKey } from './request-key.js';
import type { RateLimitGate } from '../retry/rate-limit-gate.js';
import type { Outcome, Recovery, Release } from '../retry/recovery.js';
import type { RetryBudget } from '../retry/retry-budget.js';
import type { RetryPolicyOptions } from '../retry/retry-policy.js';
import { isAbortError, toApiError } from '../errors/to-api-error.js';

/** @internal What a client made by `createApiClient` shares with its wrapped instances. */
export interface ClientContext {
  gate: RateLimitGate | undefined;
  budget: RetryBudget | undefined;
  /** Decides when requests may leave: see `createRecovery`. */
  recovery: Recovery;
  secrets: Set<string>;
  /** Reports a mapped failure once; `key` names its request (method and URL) when it was built. */
  report: (error: ApiError, key?: string) => ApiError;
  /** A signal given to the client itself (`createApiClient` or `extend`): its abort is an abort too. */
  signal: AbortSignal | null | undefined;
  /** Whether the failed queries on screen are healed (the `heal` option). */
  heal: boolean;
  /** The client's `retryPolicy` settings, which the kit's hooks use too unless told otherwise. */
  retryPolicy?: RetryPolicyOptions | undefined;
}

/**
 * The retry policy settings of a client made by `createApiClient` (its `retryPolicy` option):
 * the one configuration that its rate-limit gate, `ApiKitProvider` and the kit's hooks share.
 * `undefined` for any other value, or a client given none (the defaults then apply).
 *
 * @example
 * ```ts
 * const client = createApiClient({ prefix: '/api', retryPolicy: { maxRetries: 5 } });
 * const queryClient = new QueryClient({ defaultOptions: apiQueryDefaults(getRetryPolicyOptions(client)) });
 * ```
 */
export function getRetryPolicyOptions(client: unknown): RetryPolicyOptions | undefined {
  return clientContextOf(client)?.retryPolicy;
}

const contexts = new WeakMap<object, ClientContext>();
const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'query'] as const;
const BODY_METHODS = ['json', 'text', 'arrayBuffer', 'blob', 'formData', 'bytes'] as const;

type Input = Parameters<KyInstance>[0];

/**
 * @internal The `context` key under which a request made through the wrapper leaves its
 * `Request` for the error mapping: a body that breaks off mid-read fails outside ky's own error
 * path and carries no request.
 */
export const REQUEST_SLOT = 'apiErrorKitRequest';

/** @internal One request's slot: the request as sent, and its place among those in flight. */
export interface RequestSlot {
  request: Request | undefined;
  /** The method helper the request was made with (`get`, `post`, …), if any. */
  method?: string;
  /** The request's place among those in flight, given back when it settles. */
  release?: Release;
}

/** @internal Whether a `context` value is a {@link RequestSlot}. */
export function isRequestSlot(value: unknown): value is RequestSlot {
  return typeof value === 'object' && value !== null && 'request' in value;
}

/** @internal Wraps a ky instance so every failure of a request made through it is mapped and reported once. */
export function wrapInstance(instance: KyInstance, context: ClientContext): KyInstance {
  const send = <T>(request: (input: Input, options: Options) => ResponsePromise<T>, input: Input, options?: Options, method?: string) => {
    const slot: RequestSlot = { request: undefined, method };
    // ky's own retry stays off whatever a request or `extend` asks: retries belong to react-query.
    const withSlot: Options = { ...options, retry: 0, context: { ...options?.context, [REQUEST_SLOT]: slot } };
    try {
      return guard(request(input, withSlot), input, options, slot, context);
    } catch (error) {
      // ky throws some mistakes (a malformed URL) at once: they reject like any other failure.
      return guard(Promise.reject(error) as ResponsePromise<T>, input, options, slot, context);
    }
  };
  const call = ((input, options) => send((i, o) => instance(i, o), input, options)) as KyInstance;
  for (const method of HTTP_METHODS) {
    (call as unknown as Record<string, unknown>)[method] = (input: Input, options?: Options) =>
      send((i, o) => instance[method](i, o), input, options, method);
  }
  call.extend = (options) => {
    const signal = typeof options === 'object' && options.signal !== undefined ? options.signal : context.signal;
    return wrapInstance(instance.extend(options), { ...context, signal });
  };
  // `create` starts from scratch by ky's definition: none of this client's behaviour carries over.
  call.create = instance.create;
  Object.assign(call, { stop: instance.stop, retry: instance.retry });
  contexts.set(call, context);
  return call;
}

// The original error stays as `cause`; its request must not carry the credential into logs.
function scrubCredentials(error: unknown, slot: RequestSlot): void {
  for (const holder of [error, slot]) {
    try {
      const request = (holder as { request?: unknown }).request;
      if (request instanceof Request) request.headers.delete('authorization');
    } catch {
      // Immutable headers: nothing to scrub there.
    }
  }
}

// The method and URL of a request that failed before ky built it (a throwing `apiKey` or hook).
function intended(input: Input, options: Options | undefined, method: string | undefined): { method: string; url: string } {
  if (input instanceof Request) return { method: input.method, url: input.url };
  return { method: (options?.method ?? method ?? 'get').toUpperCase(), url: String(input) };
}

function guard<T>(
  promise: ResponsePromise<T>,
  input: Input,
  options: Options | undefined,
  slot: RequestSlot,
  context: ClientContext,
): ResponsePromise<T> {
  // The bare promise and a body method (`.json()`) reject with the same thrown value: map and
  // report it once, so `onError` and the retry budget see one failure, and both reject alike.
  let mapped: { from: unknown; to: ApiError } | undefined;
  const fail = (error: unknown): never => {
    const signals = [options?.signal, input instanceof Request ? input.signal : undefined, context.signal];
    if (signals.some((signal) => isAbortError(error, signal))) throw error;
    if (error instanceof ApiError) throw error;
    if (mapped && mapped.from === error && typeof error === 'object' && error !== null) throw mapped.to;
    const request = slot.request;
    const apiError = context.report(
      toApiError(error, { secrets: context.secrets, request, now: answeredAt(error), ...(request ? {} : intended(input, options, slot.method)) }),
      request ? requestKey(request) : undefined,
    );
    scrubCredentials(error, slot);
    mapped = { from: error, to: apiError };
    throw apiError;
  };
  const guarded = promise.then(
    (response) => {
      slot.release?.(outcomeOf(response));
      return response;
    },
    (error: unknown) => {
      let outcome: Outcome = 'cancelled';
      try {
        return fail(error);
      } catch (thrown) {
        if (thrown instanceof ApiError) outcome = thrown;
        throw thrown;
      } finally {
        // After the failure was reported, so a 429's gate is closed before anyone is let through.
        slot.release?.(outcome);
      }
    },
  ) as ResponsePromise<T>;
  // Callers often use only a body method; the bare promise must not report an unhandled rejection then.
  guarded.catch(() => undefined);
  // A request that failed before ky built it has no body methods: give it some, rejecting alike.
  const failedEarly = typeof promise.json !== 'function';
  for (const method of BODY_METHODS) {
    if (failedEarly) {
      (guarded as unknown as Record<string, unknown>)[method] = () => guarded;
      continue;
    }
    if (typeof promise[method] !== 'function') continue;
    (guarded as unknown as Record<string, unknown>)[method] = (...args: unknown[]) =>
      (promise[method] as (...a: unknown[]) => Promise<unknown>)(...args).catch(fail);
  }
  return guarded;
}

// When the failed response's head arrived; `undefined` (now) when there was none.
function answeredAt(error: unknown): number | undefined {
  try {
    return headArrivedAt((error as { response?: unknown } | null)?.response);
  } catch {
    return undefined;
  }
}

// A response that resolved although it failed (ky's `throwHttpErrors: false`) is no success.
function outcomeOf(response: Response): Outcome {
  if (response.ok) return 'answered';
  if (isRefusal(response)) return 'refused';
  return response.status === 408 || response.status >= 500 ? 'failed' : 'answered';
}

/** @internal The context of a client made by `createApiClient`, if `client` is one. */
export function clientContextOf(client: unknown): ClientContext | undefined {
  return typeof client === 'function' ? contexts.get(client) : undefined;
}
