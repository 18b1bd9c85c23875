import { QueryObserver } from '@tanstack/query-core';
import type { StrategySetup } from './strategies.js';
import './run-queries.js';

/** One heap reading after a full collection: how many queries had settled by then, and the heap (bytes). */
export interface HeapReading {
  settled: number;
  heapUsed: number;
}

/** What {@link runCycling} counted. */
export interface CyclingCounts {
  settled: number;
  failed: number;
  /** The queries that ended in an error, with the failures react-query counted for each. */
  failedQueries: Array<{ id: string; failureCount: number }>;
  /** Every query that settled, in order. */
  settledIds: string[];
  /** Rejections nobody handled while it ran. */
  unhandledRejections: number;
  /**
   * The heap after full collections at fixed points: before the first query, at each eighth of
   * the run (the queries live), and after the last query was removed and the strategy stopped.
   * Empty without `gc` (`node --expose-gc`).
   */
  heap: HeapReading[];
}

const collect = (globalThis as { gc?: () => void }).gc;
const READINGS = 8;

// Collections with turns of the event loop between them, so finalizers and weak callbacks run
// and what they free is collected too: one collection alone swung by megabytes between runs.
async function heapAfterGc(settled: number): Promise<HeapReading | undefined> {
  if (!collect) return undefined;
  for (let round = 0; round < 3; round += 1) {
    collect();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { settled, heapUsed: process.memoryUsage().heapUsed };
}

/**
 * Keeps `concurrent` queries mounted for `durationMs`: each is unmounted when it settles and a new
 * one (a new key) is mounted in its place, as on a page whose panels come and go.
 */
export async function runCycling(setup: StrategySetup, { concurrent, durationMs }: { concurrent: number; durationMs: number }): Promise<CyclingCounts> {
  const { queryClient, fetchItem } = setup;
  const counts: CyclingCounts = { settled: 0, failed: 0, failedQueries: [], settledIds: [], unhandledRejections: 0, heap: [] };
  const read = async () => {
    const reading = await heapAfterGc(counts.settled);
    if (reading) counts.heap.push(reading);
  };
  await read();
  const onUnhandled = () => {
    counts.unhandledRejections += 1;
  };
  process.on('unhandledRejection', onUnhandled);
  const startAt = Date.now();
  const endAt = startAt + durationMs;
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
      counts.settledIds.push(id);
      if (result.status === 'error') {
        counts.failed += 1;
        counts.failedQueries.push({ id, failureCount: result.failureCount });
      }
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
  for (let eighth = 1; eighth <= READINGS; eighth += 1) {
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAt + (durationMs * eighth) / READINGS - Date.now())));
    if (eighth < READINGS) await read();
  }
  for (const unsubscribe of live) unsubscribe();
  await queryClient.cancelQueries();
  queryClient.clear();
  setup.stop?.();
  await read();
  process.off('unhandledRejection', onUnhandled);
  return counts;
}
