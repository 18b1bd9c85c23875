import { runCycling, WARM_UP_PREFIX, type CyclingCounts, type HeapReading } from '../harness/run-cycling.js';
import type { Strategy } from '../harness/strategies.js';
import { startServerThread } from '../servers/server-thread.js';

/** Settings of the scattered-failures scenario. */
export interface ScatteredOptions {
  /** Queries mounted at any time. */
  concurrent: number;
  durationMs: number;
  /** The server's seed: every strategy run with the same seed meets the same faults (see `seeded-draw.ts`). */
  seed: number;
  /** The warm-up on the same client before the run: not counted (see `run-cycling.ts`). */
  warmUpMs: number;
}

/** A query that ended in an error, and what the server answered each of its requests. */
export interface FailedQuery {
  id: string;
  /** Failures react-query counted. */
  failureCount: number;
  /** The status of each of its requests in order (0: connection reset). */
  answers: number[];
}

/** What one strategy did against a flaky backend. */
export interface ScatteredFigures {
  strategy: Strategy['id'];
  seed: number;
  settled: number;
  failed: number;
  failedShare: number;
  requests: number;
  tooManyRequests: number;
  /** 429s per settled query. */
  tooManyPerQuery: number;
  unhandledRejections: number;
  /**
   * Heap after gc that outlived the run, per 1000 settled queries (bytes): the reading once the
   * run is over and the page emptied, minus the one after the warm-up (`run-cycling.ts`);
   * `undefined` without `--expose-gc`.
   */
  heapPerThousand: number | undefined;
  /**
   * Heap after gc grown per 1000 settled queries while the queries were live: the least-squares
   * slope of the readings at the end of each eighth but the last.
   */
  heapRunningPerThousand: number | undefined;
  /** The raw data: heap readings, every failed query with its answers, and each settled query's 429s. */
  heap: CyclingCounts['heap'];
  failedQueries: FailedQuery[];
  settledQueries: Array<{ id: string; failed: boolean; tooMany: number }>;
}

const perThousand = (from: HeapReading | undefined, to: HeapReading | undefined) =>
  from === undefined || to === undefined || to.settled === from.settled ? undefined : ((to.heapUsed - from.heapUsed) / (to.settled - from.settled)) * 1000;

function slopePerThousand(readings: readonly HeapReading[]): number | undefined {
  if (readings.length < 2) return undefined;
  const meanX = readings.reduce((sum, r) => sum + r.settled, 0) / readings.length;
  const meanY = readings.reduce((sum, r) => sum + r.heapUsed, 0) / readings.length;
  const sxx = readings.reduce((sum, r) => sum + (r.settled - meanX) ** 2, 0);
  if (sxx === 0) return undefined;
  return (readings.reduce((sum, r) => sum + (r.settled - meanX) * (r.heapUsed - meanY), 0) / sxx) * 1000;
}

/**
 * Cycles `concurrent` queries for `durationMs` against a server that fails 30 % of requests
 * (500, 429 with `Retry-After: 1`, 503, reset connections), drawn from `seed`, for one strategy.
 */
export async function runScattered(strategy: Strategy, options: ScatteredOptions): Promise<ScatteredFigures> {
  const server = await startServerThread({ scattered: true, seed: options.seed });
  try {
    // The global fetch: nothing here reads departures, and a trace would grow the heap measured.
    const counts = await runCycling(strategy.create(server.url, globalThis.fetch), options);
    const records = (await server.records()).filter((record) => !record.query?.startsWith(WARM_UP_PREFIX));
    const tooMany = records.filter((record) => record.status === 429).length;
    const answers = new Map<string, number[]>();
    for (const record of records) {
      if (record.query === undefined) continue;
      const list = answers.get(record.query) ?? [];
      list.push(record.status);
      answers.set(record.query, list);
    }
    const { before, after, running } = counts.heap;
    return {
      strategy: strategy.id,
      seed: options.seed,
      settled: counts.settled,
      failed: counts.failed,
      failedShare: counts.settled === 0 ? 0 : counts.failed / counts.settled,
      requests: records.length,
      tooManyRequests: tooMany,
      tooManyPerQuery: counts.settled === 0 ? 0 : tooMany / counts.settled,
      unhandledRejections: counts.unhandledRejections,
      heapPerThousand: perThousand(before, after),
      heapRunningPerThousand: slopePerThousand(running),
      heap: counts.heap,
      failedQueries: counts.failedQueries.map((query) => ({ ...query, answers: answers.get(query.id) ?? [] })),
      settledQueries: counts.settledIds.map((id) => ({
        id,
        failed: counts.failedQueries.some((query) => query.id === id),
        tooMany: (answers.get(id) ?? []).filter((status) => status === 429).length,
      })),
    };
  } finally {
    await server.close();
  }
}
