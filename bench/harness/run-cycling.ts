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
   * The heap after full collections: once the warm-up is over and the page emptied (`before`),
   * at the end of each eighth but the last with the queries live (`running`), and once the run
   * is over and the page emptied again (`after`). Empty without `gc` (`node --expose-gc`).
   */
  heap: { before?: HeapReading; running: HeapReading[]; after?: HeapReading };
}

const collect = (globalThis as { gc?: () => void }).gc;
const READINGS = 8;
/** Prefix of the warm-up's query ids, so the server's records of the warm-up can be told apart. */
export const WARM_UP_PREFIX = 'w';

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

/** Keeps `concurrent` queries (ids `<prefix><n>`) mounted until `endAt`; returns the page's controls. */
function cyclePage(setup: StrategySetup, concurrent: number, endAt: number, prefix: string, counts?: CyclingCounts) {
  const { queryClient, fetchItem } = setup;
  const live = new Set<() => void>();
  let next = 0;
  const mount = () => {
    if (Date.now() >= endAt) return;
    const id = `${prefix}${(next += 1)}`;
    const observer = new QueryObserver(queryClient, { queryKey: ['items', id], queryFn: ({ signal }) => fetchItem(id, signal) });
    let done = false;
    const unsubscribe = observer.subscribe((result) => {
      if (done || result.status === 'pending') return;
      done = true;
      if (counts) {
        counts.settled += 1;
        counts.settledIds.push(id);
        if (result.status === 'error') {
          counts.failed += 1;
          counts.failedQueries.push({ id, failureCount: result.failureCount });
        }
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
  return {
    /** Removes every query: what was in flight is cancelled and not counted. */
    async empty() {
      for (const unsubscribe of live) unsubscribe();
      live.clear();
      await queryClient.cancelQueries();
      queryClient.clear();
    },
  };
}

const sleepUntil = (at: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));

/**
 * Keeps `concurrent` queries mounted for `durationMs`: each is unmounted when it settles and a new
 * one (a new key) is mounted in its place, as on a page whose panels come and go. A warm-up of
 * `warmUpMs` on the same client comes first, not counted: it compiles the code and fills what the
 * client remembers up to its bounds, so the heap figures show what grows with the queries.
 */
export async function runCycling(
  setup: StrategySetup,
  { concurrent, durationMs, warmUpMs }: { concurrent: number; durationMs: number; warmUpMs: number },
): Promise<CyclingCounts> {
  const counts: CyclingCounts = { settled: 0, failed: 0, failedQueries: [], settledIds: [], unhandledRejections: 0, heap: { running: [] } };
  const onUnhandled = () => {
    counts.unhandledRejections += 1;
  };
  process.on('unhandledRejection', onUnhandled);
  const warmUpEnd = Date.now() + warmUpMs;
  const warmUp = cyclePage(setup, concurrent, warmUpEnd, WARM_UP_PREFIX);
  await sleepUntil(warmUpEnd);
  await warmUp.empty();
  counts.heap.before = await heapAfterGc(0);

  const startAt = Date.now();
  const page = cyclePage(setup, concurrent, startAt + durationMs, 'c', counts);
  for (let eighth = 1; eighth <= READINGS; eighth += 1) {
    await sleepUntil(startAt + (durationMs * eighth) / READINGS);
    if (eighth === READINGS) break;
    const reading = await heapAfterGc(counts.settled);
    if (reading) counts.heap.running.push(reading);
  }
  await page.empty();
  counts.heap.after = await heapAfterGc(counts.settled);
  setup.stop?.();
  process.off('unhandledRejection', onUnhandled);
  return counts;
}
