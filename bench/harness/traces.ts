import type { DepartureRecord } from './fetch-trace.js';
import type { RequestRecord } from '../servers/server.js';

/** One request seen from both ends: when the client sent it, and what the server did with it. */
export interface RequestTrace {
  query: string;
  /** 1 for the query's first request, 2 for its first retry, … */
  attempt: number;
  /** Client: when `fetch` was called, epoch ms. */
  departedAt: number;
  /** Client: when the answer arrived, epoch ms; `undefined` when none did. */
  answeredAt: number | undefined;
  /** Server: arrival, epoch ms. */
  arrivedAt: number;
  status: number;
  retryAfterS: number | undefined;
  /** Server: for a 429, its arrival plus the `Retry-After` it was given. */
  allowedAt: number | undefined;
}

/** Timers and clocks disagree by up to a millisecond: closer than this is not "before". */
export const CLOCK_TOLERANCE_MS = 1;

/** Groups items by their query, keeping their order. */
export function groupByQuery<T extends { query: string | undefined }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    if (item.query === undefined) continue;
    const list = groups.get(item.query) ?? [];
    list.push(item);
    groups.set(item.query, list);
  }
  return groups;
}

/**
 * Pairs the server's records with the client's departures. A query's requests are sequential,
 * so its n-th departure is its n-th arrival.
 */
export function joinTraces(records: readonly RequestRecord[], departures: readonly DepartureRecord[]): RequestTrace[] {
  const sent = groupByQuery(departures);
  const traces: RequestTrace[] = [];
  for (const [query, arrivals] of groupByQuery(records)) {
    const left = sent.get(query) ?? [];
    arrivals.forEach((record, index) => {
      const departure = left[index];
      traces.push({
        query,
        attempt: index + 1,
        departedAt: departure?.departedAt ?? record.at,
        answeredAt: departure?.answeredAt,
        arrivedAt: record.at,
        status: record.status,
        retryAfterS: record.retryAfterS,
        allowedAt: record.allowedAt,
      });
    });
  }
  return traces.sort((a, b) => a.arrivedAt - b.arrivedAt);
}

/** The allowed time as the client saw it: the 429's arrival at the client plus `Retry-After`. */
export function clientAllowedAt(trace: RequestTrace): number | undefined {
  return trace.answeredAt === undefined || trace.retryAfterS === undefined ? undefined : trace.answeredAt + trace.retryAfterS * 1000;
}
