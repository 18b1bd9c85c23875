import type { DepartureRecord } from '../harness/fetch-trace.js';
import { retryAfterPrecision, type RetryAfterPrecision } from './retry-precision.js';
import type { QueriesRun } from '../harness/run-queries.js';
import type { RequestRecord } from '../servers/server.js';
import { CLOCK_TOLERANCE_MS, clientAllowedAt, joinTraces, type RequestTrace } from '../harness/traces.js';

/** A cooldown window: from a 429 answered while none was in force, until the time it allowed. */
export interface CooldownWindow {
  /** Start and end, ms since the run started. */
  startMs: number;
  endMs: number;
  /** 429s answered inside the window. */
  tooManyRequests: number;
  /**
   * Rounds of 429s in the window. A round is the requests that left before the client had heard
   * of any 429 of the round before; a client that stops at the first answer wastes one round.
   */
  rounds: number;
  /** 200s answered from the window's end until the next window. */
  servedAfter: number;
}

/** What one storm run of one strategy measured. */
export interface StormFigures {
  requests: number;
  tooManyRequests: number;
  /** 429s to requests that left before the client had received any 429: nobody could know yet. */
  firstWaveTooManyRequests: number;
  /**
   * Requests that left while the client had already been told to wait (an earlier 429's
   * answer had arrived and its `Retry-After` had not run out), and how many of them got a 429.
   */
  sentIntoKnownCooldown: number;
  sentIntoKnownCooldownRefused: number;
  successes: number;
  failures: number;
  unsettled: number;
  /** The final errors, counted by name/kind/status. */
  failureKinds: Record<string, number>;
  /** From the start until the last query settled, ms (a lower bound when some are unsettled). */
  settleMs: number;
  /** (N − burst) / rate: the fastest the server allows, ms. */
  idealMs: number;
  ratioToIdeal: number;
  /** Most requests one query sent. */
  maxRequestsPerQuery: number;
  windows: CooldownWindow[];
  maxRoundsPerWindow: number;
  mean429PerWindow: number;
  precision: RetryAfterPrecision;
}

function countRounds(refused: readonly RequestTrace[]): number {
  let rounds = 0;
  let firstAnswerOfRound = Number.POSITIVE_INFINITY;
  for (const trace of [...refused].sort((a, b) => a.departedAt - b.departedAt)) {
    if (rounds === 0 || trace.departedAt > firstAnswerOfRound + CLOCK_TOLERANCE_MS) {
      rounds += 1;
      firstAnswerOfRound = trace.answeredAt ?? Number.POSITIVE_INFINITY;
    } else {
      firstAnswerOfRound = Math.min(firstAnswerOfRound, trace.answeredAt ?? Number.POSITIVE_INFINITY);
    }
  }
  return rounds;
}

function cooldownWindows(traces: readonly RequestTrace[], startedAt: number): CooldownWindow[] {
  const windows: Array<{ window: CooldownWindow; refused: RequestTrace[] }> = [];
  let current: { window: CooldownWindow; refused: RequestTrace[] } | undefined;
  for (const trace of traces) {
    if (trace.status === 200 && current && trace.arrivedAt >= current.window.endMs + startedAt) current.window.servedAfter += 1;
    if (trace.status !== 429) continue;
    if (!current || trace.arrivedAt >= current.window.endMs + startedAt) {
      current = {
        window: { startMs: trace.arrivedAt - startedAt, endMs: trace.allowedAt! - startedAt, tooManyRequests: 0, rounds: 0, servedAfter: 0 },
        refused: [],
      };
      windows.push(current);
    }
    current.window.tooManyRequests += 1;
    current.refused.push(trace);
  }
  return windows.map(({ window, refused }) => ({ ...window, rounds: countRounds(refused) }));
}

function knownCooldownViolations(traces: readonly RequestTrace[]): { sent: number; refused: number } {
  const refusals = traces.filter((trace) => trace.status === 429 && clientAllowedAt(trace) !== undefined);
  let sent = 0;
  let refused = 0;
  for (const trace of traces) {
    const told = refusals.some(
      (refusal) => refusal.answeredAt! + CLOCK_TOLERANCE_MS < trace.departedAt && trace.departedAt + CLOCK_TOLERANCE_MS < clientAllowedAt(refusal)!,
    );
    if (!told) continue;
    sent += 1;
    if (trace.status === 429) refused += 1;
  }
  return { sent, refused };
}

/**
 * Turns a storm run into figures, from what the server saw (`records`), what the client sent
 * (`departures`) and how the queries ended.
 *
 * @example
 * const figures = stormFigures(await server.records(), traced.departures, run, { burst: 10, ratePerSecond: 5 });
 */
export function stormFigures(
  records: readonly RequestRecord[],
  departures: readonly DepartureRecord[],
  run: QueriesRun,
  bucket: { burst: number; ratePerSecond: number },
): StormFigures {
  const { outcomes, startedAt } = run;
  const traces = joinTraces(records, departures);
  const failureKinds: Record<string, number> = {};
  for (const outcome of outcomes) {
    if (outcome.status !== 'error') continue;
    const key = outcome.error ?? 'unknown';
    failureKinds[key] = (failureKinds[key] ?? 0) + 1;
  }
  // With unsettled queries this is a lower bound: they were still running at the deadline.
  const settleMs = Math.max(0, ...outcomes.map((outcome) => (outcome.settledAt ?? startedAt) - startedAt));
  const idealMs = (Math.max(0, outcomes.length - bucket.burst) / bucket.ratePerSecond) * 1000;
  const windows = cooldownWindows(traces, startedAt);
  const violations = knownCooldownViolations(traces);
  const firstRefusalAnsweredAt = Math.min(...traces.filter((trace) => trace.status === 429).map((trace) => trace.answeredAt ?? Number.POSITIVE_INFINITY));
  return {
    requests: records.length,
    tooManyRequests: traces.filter((trace) => trace.status === 429).length,
    firstWaveTooManyRequests: traces.filter((trace) => trace.status === 429 && trace.departedAt < firstRefusalAnsweredAt).length,
    sentIntoKnownCooldown: violations.sent,
    sentIntoKnownCooldownRefused: violations.refused,
    successes: outcomes.filter((outcome) => outcome.status === 'success').length,
    failures: outcomes.filter((outcome) => outcome.status === 'error').length,
    unsettled: outcomes.filter((outcome) => outcome.status === 'unsettled').length,
    failureKinds,
    settleMs,
    idealMs,
    ratioToIdeal: settleMs / idealMs,
    maxRequestsPerQuery: Math.max(0, ...traces.map((trace) => trace.attempt)),
    windows,
    maxRoundsPerWindow: Math.max(0, ...windows.map((window) => window.rounds)),
    mean429PerWindow: windows.length === 0 ? 0 : windows.reduce((sum, window) => sum + window.tooManyRequests, 0) / windows.length,
    precision: retryAfterPrecision(traces),
  };
}
