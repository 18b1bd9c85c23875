import { summarize, type Summary } from '../harness/stats.js';
import { CLOCK_TOLERANCE_MS, clientAllowedAt, groupByQuery, type RequestTrace } from '../harness/traces.js';

/** How long after the allowed time each retry that followed a 429 left, in ms. */
export interface RetryAfterPrecision {
  /** Retries that followed a 429. */
  retries: number;
  /** Retries that left before the allowed time (the server's 429 arrival plus `Retry-After`). */
  early: number;
  /**
   * Retries nothing else held: no later cooldown the client knew of ended between their own
   * allowed time plus 10% and their departure. Departure minus the allowed time.
   */
  free: Summary;
  /** Free retries that left later than 10% of the wait they were given. */
  freeOver10PercentLate: number;
  /**
   * Free retries, measured from the client's side: departure minus (the 429's arrival at the
   * client + `Retry-After`). The difference to `free` is the time the 429 took to reach the client.
   */
  freeAfterAnswer: Summary;
  /**
   * Retries a later cooldown applied to (another 429, answered before they left, asked for a
   * longer wait): departure minus the latest allowed time the client knew of that had passed.
   */
  underLaterCooldown: Summary;
}

/**
 * For every retry that followed a 429: how long after the allowed time it left, split into
 * retries nothing else held and retries a later cooldown held back.
 *
 * @example
 * const precision = retryAfterPrecision(joinTraces(records, departures));
 */
export function retryAfterPrecision(traces: readonly RequestTrace[]): RetryAfterPrecision {
  const refusals = traces.filter((trace) => clientAllowedAt(trace) !== undefined);
  const free: number[] = [];
  const freeAfterAnswer: number[] = [];
  const underLaterCooldown: number[] = [];
  let retries = 0;
  let early = 0;
  let freeOver10PercentLate = 0;
  for (const list of groupByQuery(traces).values()) {
    list.sort((a, b) => a.attempt - b.attempt);
    for (let index = 0; index + 1 < list.length; index += 1) {
      const refused = list[index]!;
      if (refused.status !== 429) continue;
      const retry = list[index + 1]!;
      const waitMs = refused.retryAfterS! * 1000;
      const lateness = retry.departedAt - refused.allowedAt!;
      retries += 1;
      if (lateness < 0) early += 1;
      const ownDeadline = (clientAllowedAt(refused) ?? refused.allowedAt!) + 0.1 * waitMs;
      const heldBy = refusals.filter((other) => {
        const otherAllowed = clientAllowedAt(other)!;
        return other.answeredAt! <= retry.departedAt && otherAllowed > ownDeadline && otherAllowed <= retry.departedAt + CLOCK_TOLERANCE_MS;
      });
      if (heldBy.length === 0) {
        free.push(lateness);
        const clientAllowed = clientAllowedAt(refused);
        if (clientAllowed !== undefined) freeAfterAnswer.push(retry.departedAt - clientAllowed);
        if (lateness > 0.1 * waitMs) freeOver10PercentLate += 1;
        continue;
      }
      const passed = refusals.map((other) => clientAllowedAt(other)!).filter((at) => at <= retry.departedAt);
      underLaterCooldown.push(retry.departedAt - Math.max(refused.allowedAt!, ...passed));
    }
  }
  return {
    retries,
    early,
    free: summarize(free),
    freeOver10PercentLate,
    freeAfterAnswer: summarize(freeAfterAnswer),
    underLaterCooldown: summarize(underLaterCooldown),
  };
}
