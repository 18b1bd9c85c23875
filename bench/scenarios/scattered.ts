import { createTracedFetch } from '../harness/fetch-trace.js';
import { runCycling } from '../harness/run-cycling.js';
import type { Strategy } from '../harness/strategies.js';
import { startServerThread } from '../servers/server-thread.js';

/** Settings of the scattered-failures scenario. */
export interface ScatteredOptions {
  /** Queries mounted at any time. */
  concurrent: number;
  durationMs: number;
}

/** What one strategy did against a flaky backend. */
export interface ScatteredFigures {
  strategy: Strategy['id'];
  settled: number;
  failed: number;
  failedShare: number;
  requests: number;
  tooManyRequests: number;
  /** 429s per settled query. */
  tooManyPerQuery: number;
  unhandledRejections: number;
  /** Heap growth after gc per 1000 settled queries, bytes; `undefined` without `--expose-gc`. */
  heapPerThousand: number | undefined;
}

/**
 * Cycles `concurrent` queries for `durationMs` against a server that fails 30 % of requests at
 * random (500, 429 with `Retry-After: 1`, 503, reset connections), for one strategy.
 */
export async function runScattered(strategy: Strategy, options: ScatteredOptions): Promise<ScatteredFigures> {
  const server = await startServerThread({ scattered: true });
  try {
    const counts = await runCycling(strategy.create(server.url, createTracedFetch().fetch), options);
    const records = await server.records();
    const tooMany = records.filter((record) => record.status === 429).length;
    return {
      strategy: strategy.id,
      settled: counts.settled,
      failed: counts.failed,
      failedShare: counts.settled === 0 ? 0 : counts.failed / counts.settled,
      requests: records.length,
      tooManyRequests: tooMany,
      tooManyPerQuery: counts.settled === 0 ? 0 : tooMany / counts.settled,
      unhandledRejections: counts.unhandledRejections,
      heapPerThousand:
        counts.heapBefore === undefined || counts.heapAfter === undefined || counts.settled === 0
          ? undefined
          : ((counts.heapAfter - counts.heapBefore) / counts.settled) * 1000,
    };
  } finally {
    await server.close();
  }
}
