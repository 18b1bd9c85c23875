'use client';
import { QueryClient, QueryClientProvider, type DefaultOptions } from '@tanstack/react-query';
import type { KyInstance } from 'ky';
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { ApiError } from '../core/ApiError.js';
import { getRetryPolicyOptions } from '../core/guarded-instance.js';
import type { PartialMessages } from '../core/messages.js';
import { createRetryPolicy, type RetryPolicy, type RetryPolicyOptions } from '../core/retry-policy.js';
import { ApiKitContext, type ApiKitContextValue, type AuthErrorHandler } from './api-kit-context.js';
import { MessagesProvider } from './messages-context.js';

/** Props of {@link ApiKitProvider}. */
export interface ApiKitProviderProps {
  /** The client from `createApiClient`. */
  client: KyInstance;
  /**
   * A `QueryClient` of your own; the provider never changes it. @default a new one with
   * `apiQueryDefaults(retry)`
   */
  queryClient?: QueryClient;
  /** Texts for the components below (partial, deep-merged over `defaultMessages`). */
  messages?: PartialMessages;
  /**
   * Retry policy settings for the kit's hooks (and a `QueryClient` the provider makes), each
   * overriding the client's own (`createApiClient({ retryPolicy })`), which apply otherwise. A
   * new value of any setting, `random` and `now` included (by identity), takes effect at once.
   */
  retry?: RetryPolicyOptions;
  /**
   * Called for a 401 or a 403 from the kit's hooks, once per failed request. Resolve `true`
   * when credentials were refreshed: a 401 is then sent once more.
   */
  onAuthError?: AuthErrorHandler;
  /** Called for every failed attempt of the kit's hooks (besides the client's own `onError`). */
  onError?: (error: ApiError) => void;
  children?: ReactNode;
}

/**
 * Gives the kit's hooks their client and retry policy, the components their texts, and
 * react-query its `QueryClient`.
 *
 * @example
 * ```tsx
 * const client = createApiClient({ prefix: '/api' });
 * root.render(
 *   <ApiKitProvider client={client}>
 *     <App />
 *   </ApiKitProvider>,
 * );
 * ```
 */
export function ApiKitProvider({ client, queryClient, messages, retry, onAuthError, onError, children }: ApiKitProviderProps) {
  // The client's settings, each overridden by one the provider was given.
  const policy = useRetryPolicyOf({ ...getRetryPolicyOptions(client), ...stripUndefined(retry) });
  const own = useRef<{ queryClient: QueryClient; policy: RetryPolicy } | null>(null);
  // Made when first needed (also when a `queryClient` prop is taken away after mount), and kept.
  if (!queryClient && own.current === null) own.current = { queryClient: new QueryClient({ defaultOptions: queryDefaultsOf(policy) }), policy };
  useEffect(() => {
    // The provider's own QueryClient follows new retry settings; one it was given is never changed.
    if (own.current === null || own.current.policy === policy) return;
    own.current.policy = policy;
    own.current.queryClient.setDefaultOptions(queryDefaultsOf(policy));
  }, [policy]);
  const value = useMemo<ApiKitContextValue>(() => ({ client, policy, onAuthError, onError }), [client, policy, onAuthError, onError]);
  return (
    <QueryClientProvider client={queryClient ?? own.current!.queryClient}>
      <ApiKitContext.Provider value={value}>
        <MessagesProvider messages={messages}>{children}</MessagesProvider>
      </ApiKitContext.Provider>
    </QueryClientProvider>
  );
}

/** The retry policy of these settings, made anew when a value changes (functions by identity). */
function useRetryPolicyOf(retry: RetryPolicyOptions | undefined): RetryPolicy {
  const { maxRetries, baseDelayMs, maxDelayMs, maxServerWaitMs, serverWaitSpread, random, now } = retry ?? {};
  return useMemo(
    () => createRetryPolicy({ maxRetries, baseDelayMs, maxDelayMs, maxServerWaitMs, serverWaitSpread, random, now }),
    [maxRetries, baseDelayMs, maxDelayMs, maxServerWaitMs, serverWaitSpread, random, now],
  );
}

function stripUndefined(options: RetryPolicyOptions | undefined): RetryPolicyOptions {
  return Object.fromEntries(Object.entries(options ?? {}).filter(([, value]) => value !== undefined));
}

function queryDefaultsOf({ retry, retryDelay }: RetryPolicy): DefaultOptions {
  return { queries: { retry, retryDelay }, mutations: { retry, retryDelay } };
}
