import { environmentManager, QueryObserver } from '@tanstack/query-core';
import { preciseNow } from './clock.js';
import type { StrategySetup } from './strategies.js';

/** How one query ended. */
export interface QueryOutcome {
  id: string;
  /** `unsettled` when the run's deadline came first. */
  status: 'success' | 'error' | 'unsettled';
  /** When it settled, epoch ms. */
  settledAt: number | undefined;
  /** Failed attempts react-query saw. */
  failureCount: number;
  /** The final error's name and, for the kit's errors, kind. */
  error: string | undefined;
}

/** The result of {@link runQueries}. */
export interface QueriesRun {
  startedAt: number;
  outcomes: QueryOutcome[];
}

// react-query skips retries where `window` is missing (a server render); a browser app retries.
environmentManager.setIsServer(() => false);

function describeError(error: unknown): string | undefined {
  if (!(error instanceof Error)) return error === null || error === undefined ? undefined : String(error);
  const kind = (error as { kind?: unknown }).kind;
  const status = (error as { status?: unknown; response?: { status?: unknown } }).status ?? (error as { response?: { status?: unknown } }).response?.status;
  return [error.name, typeof kind === 'string' ? kind : undefined, typeof status === 'number' ? status : undefined].filter(Boolean).join(' ');
}

/**
 * Starts `count` queries at once, each observed like a mounted `useQuery`, and waits until every
 * one has settled or `deadlineMs` has passed (the rest are cancelled and reported `unsettled`).
 *
 * @example
 * const { outcomes } = await runQueries(kit.create(server.url), 50, { deadlineMs: 30_000 });
 */
export async function runQueries(setup: StrategySetup, count: number, { deadlineMs }: { deadlineMs: number }): Promise<QueriesRun> {
  const { queryClient, fetchItem } = setup;
  const startedAt = preciseNow();
  const unsubscribers: Array<() => void> = [];
  const outcomes: QueryOutcome[] = [];
  const settled = Array.from({ length: count }, (_, index) => {
    const id = String(index);
    const outcome: QueryOutcome = { id, status: 'unsettled', settledAt: undefined, failureCount: 0, error: undefined };
    outcomes.push(outcome);
    const observer = new QueryObserver(queryClient, { queryKey: ['items', id], queryFn: ({ signal }) => fetchItem(id, signal) });
    return new Promise<void>((resolve) => {
      unsubscribers.push(
        observer.subscribe((result) => {
          outcome.failureCount = result.failureCount;
          if (result.status === 'pending' || outcome.status !== 'unsettled') return;
          outcome.status = result.status;
          outcome.settledAt = preciseNow();
          outcome.error = describeError(result.error);
          resolve();
        }),
      );
    });
  });

  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, deadlineMs);
  });
  await Promise.race([Promise.all(settled), deadline]);
  clearTimeout(timer);
  for (const unsubscribe of unsubscribers) unsubscribe();
  await queryClient.cancelQueries();
  queryClient.clear();
  setup.stop?.();
  return { startedAt, outcomes };
}
