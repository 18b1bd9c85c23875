import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { ApiError } from '../core/errors/ApiError.js';

// react-query's public options and results do not say what the kit needs here: the failure a
// retry follows (a query function gets only its context) and a way to fail a query whose retry
// react-query holds. Both are read or written through the query in the cache, and only here.

/**
 * @internal The failure the attempt of the query `queryKey` follows: react-query hands a query
 * function no failure count or reason, but the query's state holds the last one (`undefined` on a
 * first attempt).
 */
export function lastFailureOf(queryClient: QueryClient, queryKey: QueryKey): unknown {
  return queryClient.getQueryCache().find({ queryKey, exact: true })?.state.fetchFailureReason;
}

/**
 * @internal Fails the query `queryKey`, whose next retry react-query is holding (offline, or a
 * hidden tab), with `failure`, at once. The held retry runs outside any attempt, where the kit's
 * own wait could end it, so it is cancelled (back to the state before this fetch) and the failure
 * set as the query's error, as if the retry had been refused.
 */
export function endHeldQuery(queryClient: QueryClient, queryKey: QueryKey, failure: ApiError | null | undefined): void {
  const query = queryClient.getQueryCache().find({ queryKey, exact: true });
  if (!query || query.state.fetchStatus !== 'paused' || failure == null || query.state.fetchFailureReason !== failure) return;
  const { fetchFailureCount, errorUpdateCount } = query.state;
  void query.cancel({ revert: true });
  // No QueryClient method puts a query into an error state. `Query#setState` is the query's own
  // public method for that (react-query's persisters, broadcast plugin and devtools use it); the
  // other way, a fetch with a rejecting queryFn, would leave that queryFn in the query's options.
  query.setState({
    status: 'error',
    error: failure,
    errorUpdatedAt: Date.now(),
    errorUpdateCount: errorUpdateCount + 1,
    fetchFailureCount,
    fetchFailureReason: failure,
    fetchStatus: 'idle',
  });
}
