'use client';
import { createContext, useContext } from 'react';
import type { KyInstance } from 'ky';
import type { ApiError } from '../core/errors/ApiError.js';
import type { RetryPolicy } from '../core/retry/retry-policy.js';
import { usageError } from './usage-error.js';

/** Called for a 401 or 403; resolve `true` when credentials were refreshed, so a 401 is retried once. */
export type AuthErrorHandler = (error: ApiError) => boolean | void | Promise<boolean | void>;

/** What {@link ApiKitProvider} shares with the kit's hooks. */
export interface ApiKitContextValue {
  client: KyInstance;
  policy: RetryPolicy;
  onAuthError: AuthErrorHandler | undefined;
  onError: ((error: ApiError) => void) | undefined;
}

/** @internal */
export const ApiKitContext = createContext<ApiKitContextValue | null>(null);

/** @internal Reads the provider's value; throws a clear error outside of it. */
export function useApiKit(hook: string): ApiKitContextValue {
  const value = useContext(ApiKitContext);
  if (value === null) throw usageError(hook, 'provider');
  return value;
}
