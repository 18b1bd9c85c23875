import { ApiError } from '../errors/ApiError.js';
import type { RetryBudget } from './retry-budget.js';
import { isServerRefusal, type RetryPolicyOptions } from './retry-policy.js';
import { clearWaitForService, getScheduledRetry, recordBudgetVerdict, scheduleWaitForService } from './failure-record.js';
import { remember } from './rules/admission-rule.js';

/**
 * A request that failed and may be retried: when first, how often, how long its attempt took, and
 * its last failure. The failure is held weakly: the query that retries holds it while it matters,
 * and an error held for good would keep its whole request (its stack's frames, the signals, the
 * response) for as long as the client lives.
 */
interface Outage {
  firstAt: number;
  failures: number;
  attemptMs: number;
  last: WeakRef<ApiError> | undefined;
}

const weakly = (error: ApiError | undefined) => (error === undefined ? undefined : new WeakRef(error));

/** @internal What probing needs to know of a request waiting for its turn. */
export interface ProbeCandidate {
  readonly name: string;
  /** The failure before this retry, as the query holds it: its schedule tells the truth while it waits. */
  readonly failure: ApiError | undefined;
  /** When the policy would have given up on it (epoch ms). */
  readonly deadline: number;
  /** When it asked for its place (epoch ms). */
  readonly arrivedAt: number;
  /** Ends its wait with `error`. */
  fail(error: unknown): void;
}

/**
 * @internal Probing while the retry budget is spent: one probe at a time carries the backoff for
 * everyone, the others wait for it without spending attempts, and each ends, as its own retry
 * would have, when the policy would have given up on it. A probe the service answers ends it.
 */
export interface Probing {
  /** Whether requests are held behind probes. */
  active(): boolean;
  /** Whether a probe is in flight. */
  inFlight(): boolean;
  /** While probing with no probe in flight: when the next one goes (epoch ms); else `null`. */
  nextProbeAt(): number | null;
  /** Since when the service is taken to be down (epoch ms), while probing; else `null`. */
  downSince(): number | null;
  /**
   * Takes the service to be down from `now`: the first probe may go at once, or, `afterGivingUp`
   * (a query's policy gave up), on the schedule that follows the policy's.
   */
  enter(now: number, afterGivingUp?: boolean): void;
  /** The next probe may go at `now` (the person asked, or the tab came back). */
  probeNow(now: number): void;
  /**
   * Whether nothing was served while the query that ended with `failure` was failing: since the
   * earliest its first attempt can have failed, the policy's shortest schedule before `failure`.
   */
  failedThroughout(failure: ApiError): boolean;
  /** When the policy would give up on a retry of `name` asked for at `now`. */
  deadlineOf(name: string, now: number): number;
  /** The last failure of `name`, while it is remembered. */
  lastFailure(name: string): ApiError | undefined;
  /** Whether `name` failed (or was refused) and was not served since: a request of that name is a retry. */
  failedBefore(name: string): boolean;
  /** A retryable failure that was mapped: charge the budget; `key` names its request. */
  failed(error: ApiError, key: string | undefined, now: number): void;
  /** A probe left, or came back. */
  probeInFlight(inFlight: boolean): void;
  /** The service answered `name`: returns `true` when that ended probing (the service is back). */
  served(name: () => string): boolean;
  /** The request `name`, which left at `departedAt` (a probe when `probe`), failed again with `error` (`undefined`: not mapped). */
  failedAgain(name: string, error: ApiError | undefined, departedAt: number, probe: boolean, now: number): void;
  /** Fails the waiters whose time is up (see the comment in the code); returns those that ended. */
  expire(queue: readonly ProbeCandidate[], now: number): ProbeCandidate[];
  /** The waiter that goes as the next probe at `now`, among those `unheld` lets go; `undefined` when none goes yet. */
  pick<W extends ProbeCandidate>(queue: readonly W[], now: number, unheld: (waiter: W) => boolean): W | undefined;
  /** When to look again while no probe is in flight. */
  wakeAt(queue: readonly ProbeCandidate[]): number;
  /** Makes each waiter's failure say when the next probe goes and that it waits for it (or no longer). */
  tell(queue: readonly ProbeCandidate[]): void;
}

/**
 * @internal Creates {@link Probing}; without a budget nobody is held for an outage. `lastServedAt`
 * says when the service last served a request: a service that still serves some is degraded, not
 * down, however many others fail, so a spent budget holds nobody while the last success is
 * fresher than the policy's first backoff.
 */
export function createProbing(budget: RetryBudget | undefined, policy: Readonly<Required<RetryPolicyOptions>>, lastServedAt: () => number): Probing {
  // The policy's longest schedule: when react-query's defaults give up on a failing query too.
  let longestSchedule = 0;
  for (let retry = 1; retry <= policy.maxRetries; retry += 1) longestSchedule += Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));

  let probing = false;
  let probeInFlight = false;
  let nextProbeAt = 0;
  let probeFailures = 0;
  let probeFailedAt = Number.NEGATIVE_INFINITY;
  let since = 0;
  const outages = new Map<string, Outage>();

  // While retries wait behind the probes: when the first of many queries would have retried on
  // its own, the earliest of the policy's jittered backoff, half its ceiling. Once the policy has
  // given up (the client keeps probing for the failed queries on screen): a jittered quarter of
  // the outage so far, capped, so the page is back within a quarter of the outage's length after
  // it ends, and a long outage is probed ever more rarely.
  const probeDelay = (failures: number, downForMs: number) => {
    if (failures <= policy.maxRetries) return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** failures) / 2;
    const ceiling = Math.min(policy.maxProbeDelayMs, Math.max(policy.baseDelayMs, downForMs / 4));
    return Math.round(ceiling / 2 + policy.random() * (ceiling / 2));
  };
  // The budget is spent: from now on one probe at a time; the first retry that comes is one.
  const enter = (now: number, afterGivingUp = false) => {
    if (probing) return;
    probing = true;
    probeFailures = afterGivingUp ? policy.maxRetries + 1 : 0;
    // A query gives up on a failing service the policy's longest schedule after its first failure.
    since = afterGivingUp ? now - longestSchedule : now;
    nextProbeAt = afterGivingUp ? now + probeDelay(probeFailures, now - since) : now;
  };
  const charge = (now: number) => {
    if (budget && !budget.charge() && now - lastServedAt() > policy.baseDelayMs) enter(now);
  };
  const deadlineOf = (name: string, now: number) => {
    const outage = outages.get(name);
    return outage ? outage.firstAt + longestSchedule + policy.maxRetries * outage.attemptMs : now + longestSchedule;
  };
  const failuresOf = (name: string) => outages.get(name)?.failures ?? 0;
  const next = () => (probing && !probeInFlight ? nextProbeAt : null);

  return {
    active: () => probing,
    inFlight: () => probeInFlight,
    nextProbeAt: next,
    downSince: () => (probing ? since : null),
    enter,
    probeNow(now) {
      nextProbeAt = Math.min(nextProbeAt, now);
    },
    // The shortest schedule is half the longest: each backoff is drawn from its upper half.
    failedThroughout: (failure) => lastServedAt() < failure.receivedAt - longestSchedule / 2,
    deadlineOf,
    lastFailure: (name) => outages.get(name)?.last?.deref(),
    failedBefore: (name) => outages.has(name),
    failed(error, key, now) {
      // Its body may fail after its head was answered: the failure is its last all the same.
      if (key !== undefined && error.retryable) {
        const outage = outages.get(key);
        if (outage) outage.last = weakly(error);
        else remember(outages, key, { firstAt: now, failures: 0, attemptMs: 0, last: weakly(error) });
      }
      const paced = isServerRefusal(error) && error.retryAfterMs !== undefined;
      if (error.retryable && !paced) charge(now);
    },
    probeInFlight(inFlight) {
      probeInFlight = inFlight;
    },
    served(name) {
      if (outages.size > 0) outages.delete(name());
      if (!probing) return false;
      probing = false;
      probeFailures = 0;
      return true;
    },
    failedAgain(name, error, departedAt, probe, now) {
      const outage = outages.get(name);
      if (outage) {
        if (outage.failures === 0) outage.attemptMs = Math.max(0, now - departedAt);
        outage.failures += 1;
        outage.last = weakly(error) ?? outage.last;
      } else {
        remember(outages, name, { firstAt: now, failures: 1, attemptMs: Math.max(0, now - departedAt), last: weakly(error) });
      }
      if (error && isServerRefusal(error)) return;
      // Not mapped, so not reported: charged here.
      if (!error) charge(now);
      // Past the time the policy would have given up: this failure is the last.
      if (probing && error && now >= deadlineOf(name, now)) recordBudgetVerdict(error, false);
      if (!probing || !probe) return;
      probeFailures += 1;
      probeFailedAt = now;
      nextProbeAt = now + probeDelay(probeFailures, now - since);
    },
    // The waiters whose time is up fail, as their own retry would have, when a probe failed at
    // about that time (no earlier than the first retry's backoff before it): evidence as fresh as
    // their own last attempt would have brought. Otherwise one of them probes first. So requests
    // that started moments apart do not each send one more probe. One that came after that probe
    // (a refetch of a query that gave up) waits for the next.
    expire(queue, now) {
      const ended: ProbeCandidate[] = [];
      for (const waiter of queue) {
        // One that never failed (or whose last failure nothing holds any more) has no answer of
        // its own to end with: it probes instead.
        const last = outages.get(waiter.name)?.last?.deref();
        if (waiter.deadline > now || !last || probeFailedAt < waiter.deadline - policy.baseDelayMs || waiter.arrivedAt > probeFailedAt) continue;
        ended.push(waiter);
        waiter.fail(finalCopy(last, waiter.name));
      }
      return ended;
    },
    pick(queue, now, unheld) {
      let best: (typeof queue)[number] | undefined;
      for (const waiter of queue) {
        if (!unheld(waiter)) continue;
        if (waiter.deadline <= now) return waiter;
        // The one with the most attempts left carries the backoff, so no query runs out early.
        if (!best || failuresOf(waiter.name) < failuresOf(best.name)) best = waiter;
      }
      return now >= nextProbeAt ? best : undefined;
    },
    wakeAt: (queue) => Math.min(nextProbeAt, ...queue.map((waiter) => waiter.deadline)),
    tell(queue) {
      const at = next();
      for (const waiter of queue) {
        if (!waiter.failure) continue;
        if (!probing) clearWaitForService(waiter.failure);
        else scheduleWaitForService(waiter.failure, at ?? getScheduledRetry(waiter.failure)?.at ?? Date.now(), failuresOf(waiter.name) + 1, policy.maxRetries + 1);
      }
    },
  };
}

// A request that waited behind failing probes ends with its own last answer, as its own retry
// would have: the same status, message and support ID, for this request, and final.
function finalCopy(last: ApiError, name: string): ApiError {
  const space = name.indexOf(' ');
  const copy = new ApiError({
    ...last.toJSON(),
    method: space === -1 ? 'GET' : name.slice(0, space),
    url: space === -1 ? name : name.slice(space + 1),
    cause: last,
  });
  recordBudgetVerdict(copy, false);
  return copy;
}
