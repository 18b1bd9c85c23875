'use client';
import type { KyInstance } from 'ky';
import { useContext, useSyncExternalStore } from 'react';
import { getApiHealth, type ApiHealth, type ApiHealthStore } from '../core/retry/health.js';
import { ApiKitContext } from './api-kit-context.js';
import { usageError } from './usage-error.js';

const UP: ApiHealth = { state: 'up', nextProbeAt: null, since: 0 };
const unknown: ApiHealthStore = { snapshot: () => UP, subscribe: () => () => undefined };

/**
 * The health of the provider's client (or of `client`) as state: `{ state, nextProbeAt, since }`,
 * read with `useSyncExternalStore`, so one line on a page can say the service is down and when
 * the client tries again. A value that is no client of `createApiClient` reads as `up`.
 *
 * @example
 * ```tsx
 * const health = useApiHealth();
 * if (health.state === 'down' && health.nextProbeAt !== null) return <RetryCountdown until={health.nextProbeAt} />;
 * ```
 */
export function useApiHealth(client?: KyInstance): ApiHealth {
  const kit = useContext(ApiKitContext);
  const target = client ?? kit?.client;
  if (target === undefined) throw usageError('useApiHealth', 'provider or client');
  const store = getApiHealth(target) ?? unknown;
  return useSyncExternalStore(store.subscribe, store.snapshot, store.snapshot);
}
