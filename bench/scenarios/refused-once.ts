import { createTracedFetch } from '../harness/fetch-trace.js';
import { runQueries } from '../harness/run-queries.js';
import { summarize, type Summary } from '../harness/stats.js';
import type { Strategy } from '../harness/strategies.js';
import { groupByQuery, joinTraces } from '../harness/traces.js';
import { startServerThread } from '../servers/server-thread.js';

/** Settings of the refused-once scenario. */
export interface RefusedOnceOptions {
  queries: number;
  /** The `Retry-After` of each query's one 429, seconds. */
  retryAfterS: number;
  deadlineMs: number;
}

/** How precisely one strategy retried after its 429s. */
export interface RefusedOnceFigures {
  strategy: Strategy['id'];
  requests: number;
  /** Retries that left before the server's time (its 429's arrival plus `Retry-After`). */
  early: number;
  /** Every retry's departure minus the server's time, ms. */
  lateness: Summary;
  failures: number;
  unsettled: number;
  settleMs: number;
}

/**
 * Runs `queries` queries of one strategy against a server that refuses each query's first
 * request with a 429 and `Retry-After: retryAfterS`, then serves it: nothing is left to protect
 * after the wait, so a retry late by more than its own spread is time the person waits for nothing.
 *
 * @example
 * const figures = await runRefusedOnce(kit, { queries: 20, retryAfterS: 2, deadlineMs: 20_000 });
 */
export async function runRefusedOnce(strategy: Strategy, options: RefusedOnceOptions): Promise<RefusedOnceFigures> {
  const server = await startServerThread({ rateLimit: false, refuseFirstS: options.retryAfterS });
  try {
    const traced = createTracedFetch();
    const { outcomes, startedAt } = await runQueries(strategy.create(server.url, traced.fetch), options.queries, { deadlineMs: options.deadlineMs });
    const records = await server.records();
    const lateness: number[] = [];
    for (const list of groupByQuery(joinTraces(records, traced.departures)).values()) {
      list.sort((a, b) => a.attempt - b.attempt);
      const refused = list.find((trace) => trace.status === 429);
      const retry = refused && list[list.indexOf(refused) + 1];
      if (refused && retry) lateness.push(retry.departedAt - refused.allowedAt!);
    }
    return {
      strategy: strategy.id,
      requests: records.length,
      early: lateness.filter((ms) => ms < 0).length,
      lateness: summarize(lateness),
      failures: outcomes.filter((outcome) => outcome.status === 'error').length,
      unsettled: outcomes.filter((outcome) => outcome.status === 'unsettled').length,
      settleMs: Math.max(0, ...outcomes.map((outcome) => (outcome.settledAt ?? startedAt) - startedAt)),
    };
  } finally {
    await server.close();
  }
}
