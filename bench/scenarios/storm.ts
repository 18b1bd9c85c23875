import { createTracedFetch, type DepartureRecord } from '../harness/fetch-trace.js';
import { runQueries, type QueryOutcome } from '../harness/run-queries.js';
import { startServerThread } from '../servers/server-thread.js';
import type { RequestRecord } from '../servers/server.js';
import { stormFigures, type StormFigures } from './storm-metrics.js';
import type { Strategy } from '../harness/strategies.js';

/** Settings of one rate-limit storm. */
export interface StormOptions {
  /** Concurrent queries. */
  queries: number;
  burst: number;
  ratePerSecond: number;
  /** Queries still running after this are cancelled and count as unsettled, ms. */
  deadlineMs: number;
  /** The server sends `RateLimit-Limit/-Remaining/-Reset` on every answer. @default false */
  advertiseQuota?: boolean;
}

/** One strategy's storm: the figures, plus the raw data they came from. */
export interface StormResult {
  strategy: Strategy['id'];
  options: StormOptions;
  figures: StormFigures;
  startedAt: number;
  records: RequestRecord[];
  departures: DepartureRecord[];
  outcomes: QueryOutcome[];
}

/**
 * Runs `queries` concurrent queries of one strategy against a fresh rate-limited server.
 *
 * @example
 * const result = await runStorm(kit, { queries: 50, burst: 10, ratePerSecond: 5, deadlineMs: 30_000 });
 */
export async function runStorm(strategy: Strategy, options: StormOptions): Promise<StormResult> {
  const server = await startServerThread({ burst: options.burst, ratePerSecond: options.ratePerSecond, advertiseQuota: options.advertiseQuota ?? false });
  try {
    const traced = createTracedFetch();
    const run = await runQueries(strategy.create(server.url, traced.fetch), options.queries, { deadlineMs: options.deadlineMs });
    const records = await server.records();
    return {
      strategy: strategy.id,
      options,
      figures: stormFigures(records, traced.departures, run, options),
      startedAt: run.startedAt,
      records,
      departures: traced.departures,
      outcomes: run.outcomes,
    };
  } finally {
    await server.close();
  }
}
