import { createTracedFetch } from '../harness/fetch-trace.js';
import { runMounted } from '../harness/run-mounted.js';
import { quantile } from '../harness/stats.js';
import type { Strategy } from '../harness/strategies.js';
import { startServerThread } from '../servers/server-thread.js';

/** Settings of the healing scenario. */
export interface HealOptions {
  queries: number;
  /** How long the server answers 503 (no `Retry-After`) after the first request, ms. */
  outageMs: number;
  /** How long the queries stay mounted after the outage, ms. */
  afterMs: number;
}

/** What one strategy did through an outage the page outlives. */
export interface HealFigures {
  strategy: Strategy['id'];
  requests: number;
  perQuery: number;
  /** Queries that showed an error. */
  showedError: number;
  /** When the person saw the error, ms from the start: median and latest. */
  errorMedianMs: number | undefined;
  errorLastMs: number | undefined;
  /** Queries that had data at the end. */
  back: number;
  /** When the last of them got its data, ms after the outage ended. */
  lastBackAfterOutageMs: number | undefined;
  /** Queries whose error showed the support ID of their own last answer. */
  ownSupportId: number;
}

/**
 * Runs `queries` queries that stay mounted through `outageMs` of 503 without `Retry-After` and
 * `afterMs` more, against one strategy's own server.
 */
export async function runHeal(strategy: Strategy, options: HealOptions): Promise<HealFigures> {
  const server = await startServerThread({ rateLimit: false, outageMs: options.outageMs });
  try {
    const { outcomes, startedAt } = await runMounted(strategy.create(server.url, createTracedFetch().fetch), options.queries, {
      mountedMs: options.outageMs + options.afterMs,
    });
    const records = await server.records();
    const outageEnd = records[0]!.at + options.outageMs;
    const errors = outcomes.flatMap((outcome) => (outcome.firstErrorAt === undefined ? [] : [outcome.firstErrorAt - startedAt]));
    const back = outcomes.filter((outcome) => outcome.hasData);
    // The server numbers its support IDs; a query's own last 503 is the last one to its path.
    const lastSupportIdOf = (id: string) => {
      const own = records.filter((record) => record.query === id && record.status === 503);
      return own.length === 0 ? undefined : `bench-${records.indexOf(own.at(-1)!) + 1}`;
    };
    return {
      strategy: strategy.id,
      requests: records.length,
      perQuery: records.length / options.queries,
      showedError: errors.length,
      errorMedianMs: errors.length === 0 ? undefined : quantile([...errors].sort((a, b) => a - b), 0.5),
      errorLastMs: errors.length === 0 ? undefined : Math.max(...errors),
      back: back.length,
      lastBackAfterOutageMs: back.length === 0 ? undefined : Math.max(...back.map((outcome) => outcome.dataAt! - outageEnd)),
      ownSupportId: outcomes.filter((outcome) => outcome.lastSupportId !== undefined && outcome.lastSupportId === lastSupportIdOf(outcome.id)).length,
    };
  } finally {
    await server.close();
  }
}
