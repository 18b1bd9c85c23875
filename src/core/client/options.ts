import type { Options } from 'ky';
import type { ApiError } from '../errors/ApiError.js';
import type { RateLimitGate } from '../retry/rate-limit-gate.js';
import type { RetryBudgetOptions } from '../retry/retry-budget.js';
import type { RetryPolicyOptions } from '../retry/retry-policy.js';

/** An API key, or a function that returns the current one (sync or async); called for every request. */
export type ApiKeySource = string | (() => string | null | undefined | Promise<string | null | undefined>);

/** Options of `createApiClient`: everything ky takes, plus the kit's own. */
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
   * `ApiKitProvider` and the kit's hooks use these settings too, unless the provider's `retry`
   * says otherwise (read them with `getRetryPolicyOptions(client)`).
   */
  retryPolicy?: RetryPolicyOptions;
  /**
   * Keep probing a service that is down while a query that failed is on screen, and refetch the
   * failed queries once it answers (done by `ApiKitProvider`; a query opts out with
   * `meta: { heal: false }`). `false` turns it off for this client. @default true
   */
  heal?: boolean;
  /** The client-wide retry budget (see `createRetryBudget`); `false` turns it off. @default 10 tokens */
  retryBudget?: RetryBudgetOptions | false;
  /**
   * Print a console hint, once per kind of mistake, for failures that usually mean a bug in the
   * calling code or the server's CORS set-up (404/405, 400, 406, a cross-origin 429 whose
   * `Retry-After` is hidden). @default true in development builds (`process.env.NODE_ENV !== 'production'`)
   */
  devHints?: boolean;
}
