import { QueryObserver } from '@tanstack/query-core';
import { preciseNow } from './clock.js';
import type { StrategySetup } from './strategies.js';
import './run-queries.js';

/** What one query, mounted throughout, went through. */
export interface MountedOutcome {
  id: string;
  /** When it first showed an error (the person sees it), epoch ms. */
  firstErrorAt: number | undefined;
  /** The support ID of the error it showed last. */
  lastSupportId: string | undefined;
  /** When it last got data, epoch ms. */
  dataAt: number | undefined;
  /** Whether it had data at the end. */
  hasData: boolean;
}

/**
 * Mounts `count` queries at once, each observed like a mounted `useQuery`, and keeps them mounted
 * for `mountedMs` whatever happens (the person keeps the page open).
 */
export async function runMounted(setup: StrategySetup, count: number, { mountedMs }: { mountedMs: number }): Promise<{ startedAt: number; outcomes: MountedOutcome[] }> {
  const { queryClient, fetchItem } = setup;
  const startedAt = preciseNow();
  const outcomes: MountedOutcome[] = [];
  const unsubscribers = Array.from({ length: count }, (_, index) => {
    const outcome: MountedOutcome = { id: String(index), firstErrorAt: undefined, lastSupportId: undefined, dataAt: undefined, hasData: false };
    outcomes.push(outcome);
    const observer = new QueryObserver(queryClient, { queryKey: ['items', outcome.id], queryFn: ({ signal }) => fetchItem(outcome.id, signal) });
    return observer.subscribe((result) => {
      if (result.status === 'error') {
        outcome.firstErrorAt ??= preciseNow();
        outcome.lastSupportId = (result.error as { supportId?: string } | null)?.supportId;
      }
      if (result.status === 'success' && !outcome.hasData) outcome.dataAt = preciseNow();
      outcome.hasData = result.status === 'success';
    });
  });
  await new Promise((resolve) => setTimeout(resolve, mountedMs));
  for (const unsubscribe of unsubscribers) unsubscribe();
  await queryClient.cancelQueries();
  queryClient.clear();
  setup.stop?.();
  return { startedAt, outcomes };
}
