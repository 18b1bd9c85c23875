'use client';
import type { KyInstance } from 'ky';
import { useApiKit } from './api-kit-context.js';

/**
 * The client given to {@link ApiKitProvider}. Throws outside the provider.
 *
 * @example
 * ```tsx
 * const client = useApiClient();
 * const onClick = () => client.post('orders', { json: order });
 * ```
 */
export function useApiClient(): KyInstance {
  return useApiKit('useApiClient').client;
}
