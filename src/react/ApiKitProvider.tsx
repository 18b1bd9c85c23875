'use client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { KyInstance } from 'ky';
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { ApiError } from '../core/errors/ApiError.js';
import { getRetryPolicyOptions } from '../core/client/guarded-instance.js';
import type { PartialMessages } from '../core/texts/messages.js';
import { apiQueryDefaults, createRetryPolicy, DEFAULT_RETRY_POLICY, type RetryPolicyOptions } from '../core/retry/retry-policy.js';
import { ApiKitContext, type ApiKitContextValue, type AuthErrorHandler } from './api-kit-context.js';
import { healQueries } from '../query/heal-queries.js';
import { MessagesProvider } from './messages-context.js';

const SETTINGS = Object.keys(DEFAULT_RETRY_POLICY) as Array<keyof RetryPolicyOptions>;

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
  /** The part of the app that uses the kit. */
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
  const fromClient = getRetryPolicyOptions(client);
  // Each setting the provider's, else the client's; a new value (a function by identity) makes a new policy.
  const values = SETTINGS.map((name) => retry?.[name] ?? fromClient?.[name]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the settings change with their values
  const settings = useMemo(() => Object.fromEntries(SETTINGS.map((name, index) => [name, values[index]])) as RetryPolicyOptions, values);
  const policy = useMemo(() => createRetryPolicy(settings), [settings]);
  const own = useRef<QueryClient | null>(null);
  // Made when first needed (also when a `queryClient` prop is taken away after mount), and kept.
  if (!queryClient && !own.current) own.current = new QueryClient({ defaultOptions: apiQueryDefaults(settings) });
  useEffect(() => {
    // The provider's own QueryClient follows new settings; one it was given is never changed.
    own.current?.setDefaultOptions(apiQueryDefaults(settings));
  }, [settings]);
  const inUse = queryClient ?? own.current!;
  // The failed queries on screen come back once the service answers again (the client's `heal`).
  useEffect(() => healQueries(inUse, client), [inUse, client]);
  const value = useMemo<ApiKitContextValue>(() => ({ client, policy, onAuthError, onError }), [client, policy, onAuthError, onError]);
  return (
    <QueryClientProvider client={inUse}>
      <ApiKitContext.Provider value={value}>
        <MessagesProvider messages={messages}>{children}</MessagesProvider>
      </ApiKitContext.Provider>
    </QueryClientProvider>
  );
}
