import type { RetryPolicyOptions } from '../retry-policy.js';
import { MAX_REMEMBERED, remember, type AdmissionRule } from './admission-rule.js';

/** How often a request was refused, and since when: the most often refused goes first. */
export interface Refusals {
  count: number;
  since: number;
}

/** How late a refused request's retry may come on top of its spread: its way to the query, and timer delay. */
const RETRY_ARRIVAL_MS = 20;

const NONE: Refusals = { count: 0, since: Number.POSITIVE_INFINITY };

/** @internal Whether a request with refusals `a` goes before one with `b`. */
export const precedes = (a: Refusals, b: Refusals): boolean => a.count > b.count || (a.count === b.count && a.since < b.since);

/**
 * @internal The rule of the refused request first: after a wait, until every refused request is
 * back (or its latest time has passed), only refused requests go, the most often refused first.
 */
export interface RefusedFirstRule extends AdmissionRule {
  /** A request asks for a place: it is back. Returns its refusals, for its place in the queue. */
  arrived(name: () => string): Refusals;
  /** The server refused `name` (`undefined`: its refusal was counted already) for `waitMs`, until `until`. */
  refused(name: string | undefined, until: number, waitMs: number, now: number): void;
  /** The service answered `name`: its refusals are over. */
  served(name: () => string): void;
}

/** @internal Creates the {@link RefusedFirstRule}. */
export function createRefusedFirstRule(policy: Readonly<Required<RetryPolicyOptions>>): RefusedFirstRule {
  // After a wait: until `openAt`, or until every refused request is back, only refused ones go.
  let openAt = 0;
  const comingBack = new Set<string>();
  const refusals = new Map<string, Refusals>();
  const holding = (now: number) => comingBack.size > 0 && now < openAt;
  return {
    admits: (name, now) => !holding(now) || refusals.has(name()),
    wakeAt: (now) => (holding(now) ? openAt : undefined),
    arrived(name) {
      if (comingBack.size === 0 && refusals.size === 0) return NONE;
      const named = name();
      comingBack.delete(named);
      return refusals.get(named) ?? NONE;
    },
    refused(name, until, waitMs, now) {
      const retried = waitMs <= policy.maxServerWaitMs;
      if (name !== undefined && retried) {
        if (now >= openAt) comingBack.clear();
        if (comingBack.size < MAX_REMEMBERED) comingBack.add(name);
      }
      if (waitMs > 0 && retried) openAt = Math.max(openAt, until + Math.ceil(waitMs * policy.serverWaitSpread) + RETRY_ARRIVAL_MS);
      if (name === undefined) return;
      const known = refusals.get(name);
      if (known) known.count += 1;
      else remember(refusals, name, { count: 1, since: now });
    },
    served(name) {
      if (refusals.size > 0) refusals.delete(name());
    },
  };
}
