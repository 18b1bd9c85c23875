import { focusManager, onlineManager, type Query, type QueryCacheNotifyEvent, type QueryClient } from '@tanstack/react-query';
import type { KyInstance } from 'ky';
import { isApiError, type ApiError } from '../core/errors/ApiError.js';
import { clientContextOf } from '../core/client/guarded-instance.js';
import { getApiHealth } from '../core/retry/health.js';
import { DEFAULT_RETRY_POLICY, isIdempotent } from '../core/retry/retry-policy.js';
import { budgetAllows, clearWaitForService, getScheduledRetry, holdRetry, isFinal, releaseHeldRetry, scheduleWaitForService } from '../core/retry/failure-record.js';
import { MAX_TIMER_DELAY_MS } from '../core/retry/rate-limit-headers.js';

// react-query's own error type is whatever the app registered: a patient's is the kit's `ApiError`.
const errorOf = (query: Query): ApiError => query.state.error as unknown as ApiError;

/**
 * Heals the failed queries of `queryClient` that `client` (a client of `createApiClient`) served:
 * while the service is down and such a query is on screen (an observer), the tab visible and the
 * device online, one of them is refetched as the client's next probe, when the probe is due; each
 * of them says so (`getScheduledRetry` gives the next probe's time, `waitingForService`),
 * `retryNow()` sends the probe at once and `stopRetrying()` leaves the query out. Once the service
 * answers, every one of them is refetched (the client ramps them up).
 *
 * `ApiKitProvider` runs it for its client and `QueryClient`; call it yourself only without the
 * provider (plain `useQuery` with {@link apiQueryDefaults}), once per pair.
 *
 * A query is a patient when the policy gave up on it (or the client ended it behind failing
 * probes) with a retryable failure of an idempotent request made through `client`, and its
 * `meta.heal` is not `false`. Healing needs the client's retry budget, and does nothing for a
 * client made with `heal: false` or not made by `createApiClient`. Mutations are never re-sent.
 *
 * @returns The function that stops healing.
 * @example
 * ```tsx
 * const client = createApiClient({ prefix: '/api' });
 * const queryClient = new QueryClient({ defaultOptions: apiQueryDefaults() });
 * // Where the app starts, once: failed queries come back once the API answers again.
 * useEffect(() => healQueries(queryClient, client), []);
 * ```
 */
export function healQueries(queryClient: QueryClient, client: KyInstance): () => void {
  const context = clientContextOf(client);
  const health = getApiHealth(client);
  if (!context?.heal || !health) return () => undefined;
  const { recovery } = context;
  const maxAttempts = (context.retryPolicy?.maxRetries ?? DEFAULT_RETRY_POLICY.maxRetries) + 1;
  const cache = queryClient.getQueryCache();
  const told = new WeakSet<object>();
  let wasDown = recovery.snapshot().state === 'probing';
  let probe: Query | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let updating = false;

  const isPatient = (query: Query): boolean => {
    const error = query.state.error;
    return (
      query.state.status === 'error' &&
      query.state.fetchStatus === 'idle' &&
      query.getObserversCount() > 0 &&
      query.meta?.heal !== false &&
      // The policy gave up on it (a query told to retry less is not retried by healing either),
      // or the client ended it behind failing probes.
      (query.state.fetchFailureCount >= maxAttempts || !budgetAllows(error)) &&
      isApiError(error) &&
      error.retryable &&
      recovery.owns(error) &&
      !isFinal(error) &&
      isIdempotent(error)
    );
  };
  const refetch = (query: Query) => {
    void query.fetch().catch(() => undefined);
  };
  const disarm = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const mayProbe = () => onlineManager.isOnline() && focusManager.isFocused();

  // The patient whose last answer is the oldest goes: each failed query is probed in turn.
  const sendProbe = () => {
    timer = undefined;
    if (!mayProbe() || probe?.state.fetchStatus === 'fetching') return;
    const patients = cache.getAll().filter(isPatient);
    const oldest = patients.reduce<Query | undefined>((best, query) => (!best || errorOf(query).receivedAt < errorOf(best).receivedAt ? query : best), undefined);
    if (!oldest) return;
    probe = oldest;
    refetch(oldest);
  };

  const update = () => {
    if (updating) return;
    updating = true;
    try {
      const patients = cache.getAll().filter(isPatient);
      // A query that gave up while nothing was served since its failure: the service is down.
      for (const query of patients) {
        if (told.has(errorOf(query))) continue;
        told.add(errorOf(query));
        recovery.gaveUp(errorOf(query));
      }
      const { state, waiting } = recovery.snapshot();
      const down = state === 'probing';
      if (wasDown && !down) {
        for (const query of patients) {
          releaseHeldRetry(errorOf(query));
          clearWaitForService(errorOf(query));
          refetch(query);
        }
      }
      wasDown = down;
      disarm();
      if (!down) {
        for (const query of patients) {
          releaseHeldRetry(errorOf(query));
          clearWaitForService(errorOf(query));
        }
        return;
      }
      const next = health.snapshot().nextProbeAt;
      for (const query of patients) {
        const error = errorOf(query);
        const at = next ?? getScheduledRetry(error)?.at ?? Date.now();
        scheduleWaitForService(error, at, Math.max(maxAttempts, query.state.fetchFailureCount) + 1, maxAttempts);
        holdRetry(error, {
          now: () => {
            recovery.probeNow();
            probe = query;
            refetch(query);
          },
          stop: update,
        });
      }
      // Retries waiting in the client carry the probes themselves.
      if (next === null || waiting > 0 || patients.length === 0 || !mayProbe()) return;
      timer = setTimeout(sendProbe, Math.min(Math.max(0, next - Date.now()), MAX_TIMER_DELAY_MS));
    } finally {
      updating = false;
    }
  };

  // Back on screen or online: one probe at once.
  const onReturn = () => {
    if (!mayProbe() || recovery.snapshot().state !== 'probing') return;
    recovery.probeNow();
    update();
  };
  // A query failed, was served, or came on or off screen.
  const onQuery = (event: QueryCacheNotifyEvent) => {
    if (event.type !== 'updated' || event.action.type === 'error' || event.action.type === 'success') update();
  };
  const stops = [cache.subscribe(onQuery), health.subscribe(update), focusManager.subscribe(onReturn), onlineManager.subscribe(onReturn)];
  update();
  return () => {
    disarm();
    for (const stop of stops) stop();
  };
}
