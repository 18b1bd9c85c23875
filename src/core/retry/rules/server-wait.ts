import type { RateLimitGate } from '../rate-limit-gate.js';
import { MAX_REMEMBERED, remember, type AdmissionRule } from './admission-rule.js';

/** @internal The rule of the gate: nobody leaves while the server's wait runs, except a refused request whose own time has come. */
export interface ServerWaitRule extends AdmissionRule {
  /** Whether the gate is closed. */
  closed(): boolean;
  /** A request left: remembered when it left while the gate was closed. */
  departed(name: () => string): void;
  /**
   * The server refused `name` until `until`. A wave the server refused whole, with nothing let
   * through (per resource, say): each of its retries may go at its own time instead of the
   * wave's latest. Refused again once the gate closed, or behind successes (`limitsARate`),
   * everyone waits for the gate.
   */
  refused(name: string, until: number, limitsARate: boolean): void;
  /** The gate opened: what was remembered for its closing is over. */
  opened(): void;
}

/** @internal Creates the {@link ServerWaitRule} of `gate` (none: it holds nobody). */
export function createServerWaitRule(gate: RateLimitGate | undefined): ServerWaitRule {
  // The requests that left while the gate was closed (their own time had come).
  const leftWhileClosed = new Set<string>();
  // The refusals of a wave the server refused whole tell the same thing, told moments apart.
  const ownTimes = new Map<string, number>();
  const closed = () => gate !== undefined && gate.snapshot().closedUntil !== null;
  const ownTime = (name: string) => ownTimes.get(name) ?? Number.POSITIVE_INFINITY;
  return {
    closed,
    admits: (name, now) => !closed() || (ownTimes.size > 0 && ownTime(name()) <= now),
    wakeAt(now, waiting) {
      if (!closed()) return undefined;
      const own = waiting.map(ownTime).filter((at) => at > now);
      return own.length > 0 ? Math.min(...own) : null;
    },
    departed(name) {
      if (closed() && leftWhileClosed.size < MAX_REMEMBERED) leftWhileClosed.add(name());
      if (ownTimes.size > 0) ownTimes.delete(name());
    },
    refused(name, until, limitsARate) {
      if (!limitsARate && !leftWhileClosed.has(name)) remember(ownTimes, name, Math.max(ownTimes.get(name) ?? 0, until));
      else ownTimes.clear();
    },
    opened() {
      ownTimes.clear();
      leftWhileClosed.clear();
    },
  };
}
