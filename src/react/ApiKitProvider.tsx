'use client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { KyInstance } from 'ky';
import { useMemo, useState, type ReactNode } from 'react';
import type { ApiError } from '../core/ApiError.js';
import type { PartialMessages } from '../core/messages.js';
import { apiQueryDefaults, createRetryPolicy, type RetryPolicyOptions } from '../core/retry/retry-policy.js';
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
  /** Retry policy settings for the kit's hooks (and a `QueryClient` the provider makes). */
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
  const [ownQueryClient] = useState(() => (queryClient ? undefined : new QueryClient({ defaultOptions: apiQueryDefaults(retry) })));
  const retryKey = JSON.stringify(retry ?? {});
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the policy changes with its settings' values, not their identity
  const policy = useMemo(() => createRetryPolicy(retry), [retryKey]);
  const value = useMemo<ApiKitContextValue>(() => ({ client, policy, onAuthError, onError }), [client, policy, onAuthError, onError]);
  return (
    <QueryClientProvider client={queryClient ?? ownQueryClient!}>
      <ApiKitContext.Provider value={value}>
        <MessagesProvider messages={messages}>{children}</MessagesProvider>
      </ApiKitContext.Provider>
    </QueryClientProvider>
  );
}
