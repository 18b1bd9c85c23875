import { QueryObserver } from '@tanstack/query-core';
import type { StrategySetup } from './strategies.js';
import './run-queries.js';

/** What {@link runCycling} counted. */
export interface CyclingCounts {
  settled: number;
  failed: number;
  /** Rejections nobody handled while it ran. */
  unhandledRejections: number;
  /** Heap after a full collection, at the start and at the end (bytes); `undefined` without `gc`. */
  heapBefore: number | undefined;
  heapAfter: number | undefined;
}

const collect = (globalThis as { gc?: () => void }).gc;
const heapAfterGc = () => {
  if (!collect) return undefined;
  collect();
  return process.memoryUsage().heapUsed;
};

/**
 * Keeps `concurrent` queries mounted for `durationMs`: each is unmounted when it settles and a new
 * one (a new key) is mounted in its place, as on a page whose panels come and go.
 */
export async function runCycling(setup: StrategySetup, { concurrent, durationMs }: { concurrent: number; durationMs: number }): Promise<CyclingCounts> {
  const { queryClient, fetchItem } = setup;
  const counts: CyclingCounts = { settled: 0, failed: 0, unhandledRejections: 0, heapBefore: heapAfterGc(), heapAfter: undefined };
  const onUnhandled = () => {
    counts.unhandledRejections += 1;
  };
  process.on('unhandledRejection', onUnhandled);
  const endAt = Date.now() + durationMs;
  const live = new Set<() => void>();
  let next = 0;
  const mount = () => {
    if (Date.now() >= endAt) return;
    const id = `c${(next += 1)}`;
    const observer = new QueryObserver(queryClient, { queryKey: ['items', id], queryFn: ({ signal }) => fetchItem(id, signal) });
    let done = false;
    const unsubscribe = observer.subscribe((result) => {
      if (done || result.status === 'pending') return;
      done = true;
      counts.settled += 1;
      if (result.status === 'error') counts.failed += 1;
      // Unmounted once settled, off this notification, and a new panel takes its place.
      setTimeout(() => {
        unsubscribe();
        live.delete(unsubscribe);
        queryClient.removeQueries({ queryKey: ['items', id], exact: true });
        mount();
      }, 0);
    });
    live.add(unsubscribe);
  };
  for (let slot = 0; slot < concurrent; slot += 1) mount();
  await new Promise((resolve) => setTimeout(resolve, durationMs));
  for (const unsubscribe of live) unsubscribe();
  await queryClient.cancelQueries();
  queryClient.clear();
  setup.stop?.();
  counts.heapAfter = heapAfterGc();
  process.off('unhandledRejection', onUnhandled);
  return counts;
}
