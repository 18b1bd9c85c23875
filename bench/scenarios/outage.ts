import { createTracedFetch } from '../harness/fetch-trace.js';
import { runQueries } from '../harness/run-queries.js';
import { startServerThread } from '../servers/server-thread.js';
import type { Strategy } from '../harness/strategies.js';

/** Settings of the outage scenario. */
export interface OutageOptions {
  queries: number;
  /** How long the server answers 503 after the first request, ms. */
  outageMs: number;
  /** The 503s' `Retry-After`, in seconds; none by default. */
  retryAfterS?: number;
  /** Queries still running after this are cancelled and count as unsettled, ms. */
  deadlineMs: number;
}

/** What one strategy did through the outage. */
export interface OutageFigures {
  strategy: Strategy['id'];
  /** Requests answered 503, i.e. sent during the outage. */
  requestsDuringOutage: number;
  perQueryDuringOutage: number;
  /** Requests after the server recovered. */
  requestsAfterRecovery: number;
  successes: number;
  failures: number;
  unsettled: number;
  /** From the start until the last query settled, ms (a lower bound when some are unsettled). */
  settleMs: number;
  /** When the last request of the outage arrived, ms from the start. */
  lastOutageRequestMs: number;
  /** When the first and the last failed query failed, ms from the start; `undefined` when none did. */
  firstFailureMs: number | undefined;
  lastFailureMs: number | undefined;
  /** Requests per query in all. */
  perQuery: number;
}

/**
 * Runs `queries` concurrent queries of one strategy against a server that answers 503 (no
 * `Retry-After`: nobody knows when it will be back) for `outageMs`, then 200.
 *
 * @example
 * const figures = await runOutage(kit, { queries: 50, outageMs: 20_000, deadlineMs: 45_000 });
 */
export async function runOutage(strategy: Strategy, options: OutageOptions): Promise<OutageFigures> {
  const server = await startServerThread({ rateLimit: false, outageMs: options.outageMs, outageRetryAfterS: options.retryAfterS });
  try {
    const { outcomes, startedAt } = await runQueries(strategy.create(server.url, createTracedFetch().fetch), options.queries, { deadlineMs: options.deadlineMs });
    const records = await server.records();
    const during = records.filter((record) => record.status === 503);
    const failed = outcomes.filter((outcome) => outcome.status === 'error').map((outcome) => (outcome.settledAt ?? startedAt) - startedAt);
    return {
      strategy: strategy.id,
      requestsDuringOutage: during.length,
      perQueryDuringOutage: during.length / options.queries,
      requestsAfterRecovery: records.length - during.length,
      successes: outcomes.filter((outcome) => outcome.status === 'success').length,
      failures: outcomes.filter((outcome) => outcome.status === 'error').length,
      unsettled: outcomes.filter((outcome) => outcome.status === 'unsettled').length,
      settleMs: Math.max(0, ...outcomes.map((outcome) => (outcome.settledAt ?? startedAt) - startedAt)),
      lastOutageRequestMs: during.length === 0 ? 0 : Math.max(...during.map((record) => record.at - startedAt)),
      firstFailureMs: failed.length === 0 ? undefined : Math.min(...failed),
      lastFailureMs: failed.length === 0 ? undefined : Math.max(...failed),
      perQuery: records.length / options.queries,
    };
  } finally {
    await server.close();
  }
}
