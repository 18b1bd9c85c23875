'use client';
import type { Query, QueryKey } from '@tanstack/react-query';

/**
 * @internal Fails a query whose next retry react-query is holding (offline, or a hidden tab)
 * with `failure`, at once. The held retry runs outside any attempt, where the kit's own wait
 * could end it, so it is cancelled (back to the state before this fetch) and the failure set as
 * the query's error, as if the retry had been refused.
 */
export function endHeldQuery<TError>(query: Query<unknown, TError, unknown, QueryKey> | undefined, failure: TError | null | undefined): void {
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
