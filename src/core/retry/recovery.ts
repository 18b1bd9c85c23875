import { ApiError } from '../ApiError.js';
import { MAX_TIMER_DELAY_MS } from '../max-timer-delay.js';
import type { RateLimitGate } from '../rate-limit-gate.js';
import type { AdvertisedQuota } from '../retry-after.js';
import type { RetryBudget } from './retry-budget.js';
import { DEFAULT_RETRY_POLICY, isServerRefusal, type RetryPolicyOptions } from './retry-policy.js';
import { clearScheduledRetry, decideScheduledRetry, getScheduledRetry, proposeScheduledRetry, recordBudgetVerdict } from './retry-schedule.js';

/**
 * Where recovery stands: `open` (no limit), `holding` (the server asked for a wait: the gate is
 * closed), `probing` (the retry budget is spent: one probe at a time carries the backoff for
 * everyone) or `ramping` (after a wait or a successful probe: one request in flight, twice as
 * many with each success, until 64 lift the limit).
 */
export type RecoveryState = 'open' | 'holding' | 'probing' | 'ramping';

/** What the controller tells about itself; the same object until it changes. */
export interface RecoverySnapshot {
  readonly state: RecoveryState;
  /** While probing with no probe in flight: when the next one goes (epoch ms); else `null`. */
  readonly nextProbeAt: number | null;
  /** Requests waiting for their turn. */
  readonly waiting: number;
}

/**
 * How a request that had a place ended: `'answered'` (the service answered with something other
 * than a retryable failure), `'failed'` (a retryable failure that was not mapped, as with ky's
 * `throwHttpErrors: false`), `'refused'` (likewise a 429: its wait is already known), `'cancelled'`
 * (aborted: says nothing about the service), or the mapped failure itself.
 */
export type Outcome = 'answered' | 'failed' | 'refused' | 'cancelled' | ApiError;

/** Gives back a request's place and says how it ended. */
export type Release = (outcome: Outcome) => void;

/** Settings of {@link createRecovery}. */
export interface RecoveryOptions {
  /** Where server-given waits are kept; without one they hold nobody. */
  gate?: RateLimitGate | undefined;
  /** The client-wide retry budget; without one nobody is held for an outage. */
  budget?: RetryBudget | undefined;
  /** The retry policy's settings (defaults filled in). */
  policy?: Readonly<Required<RetryPolicyOptions>>;
  /** The policy's backoff before the n-th retry (n = 1 for the first). */
  backoffDelay?: (retryNumber: number) => number;
}

/**
 * The one place that decides whether a request may leave now: for a server-given wait (the gate),
 * for the order refused requests come back in, for a quota the server advertised, and for the
 * retry budget during an outage. See `docs/architecture.md` for the state machine.
 */
export interface Recovery {
  /** A place at once when nothing holds this request, else `undefined` (then call {@link Recovery.acquire}). */
  tryAcquire(key: () => string): Release | undefined;
  /**
   * Waits for a place. Rejects with the signal's reason on abort, and with a final `ApiError`
   * (a copy of the service's last failed answer) when the request waited behind failing probes
   * until the policy would have given up on it.
   */
  acquire(key: () => string, signal?: AbortSignal | null): Promise<Release>;
  /** A failure of the request named `key` was mapped: charge the budget, hold for a server-given wait. */
  failed(error: ApiError, key?: string): void;
  /** A response arrived (head only): `waitMs` is a refusal's wait read from its headers, `quota` what it advertises. */
  answered(response: { ok: boolean; status: number }, key: string | (() => string), waitMs: number | undefined, quota: AdvertisedQuota | undefined, at?: number): void;
  snapshot(): RecoverySnapshot;
  /** Calls `listener` whenever the snapshot changes; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

/** The pace at which ramping up ends. */
const UNLIMITED_AFTER = 64;
/** The longest time after a wait that requests go strictly one at a time: a rate window of a minute. */
const MAX_STRICT_MS = 60_000;
/** Requests remembered for their refusals or failures. */
const MAX_REMEMBERED = 512;
/** How late a refused request's retry may come on top of its spread: its way to the query, and timer delay. */
const RETRY_ARRIVAL_MS = 20;

interface Refusals {
  count: number;
  since: number;
}

/** A request that failed and may be retried: when first, how often, how long its attempt took, and its last failure. */
interface Outage {
  firstAt: number;
  failures: number;
  attemptMs: number;
  last: ApiError | undefined;
}

interface Waiter {
  name: string;
  /** The failure before this retry, as the query holds it: its schedule tells the truth while it waits. */
  failure: ApiError | undefined;
  refusals: Refusals;
  /** While probing: when the policy would have given up on it (epoch ms). */
  deadline: number;
  admit: (release: Release) => void;
  fail: (error: unknown) => void;
}

const NONE: Refusals = { count: 0, since: Number.POSITIVE_INFINITY };

// A retry held behind a probe, by the failure it follows, for `retryNow` and `stopRetrying`.
const heldRetries = new WeakMap<object, { now: () => void; stop: () => void }>();

/** @internal Sends a retry held behind a probe at once (`retryNow`); `false` when none waits after `failure`. */
export function sendHeldRetryNow(failure: unknown): boolean {
  const held = typeof failure === 'object' && failure !== null ? heldRetries.get(failure) : undefined;
  held?.now();
  return held !== undefined;
}

/** @internal Fails a retry held behind a probe with `failure` itself (`stopRetrying`). */
export function stopHeldRetry(failure: unknown): void {
  if (typeof failure === 'object' && failure !== null) heldRetries.get(failure)?.stop();
}

const precedes = (a: Refusals, b: Refusals) => a.count > b.count || (a.count === b.count && a.since < b.since);

/** Creates a {@link Recovery}. */
export function createRecovery({ gate, budget, policy = DEFAULT_RETRY_POLICY, backoffDelay = () => policy.baseDelayMs }: RecoveryOptions = {}): Recovery {
  // The policy's longest schedule: when react-query's defaults give up on a failing query too.
  let longestSchedule = 0;
  for (let retry = 1; retry <= policy.maxRetries; retry += 1) longestSchedule += Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));

  let limit = Number.POSITIVE_INFINITY;
  let active = 0;
  let strictUntil = 0;
  let lastAnswerAt = Number.NEGATIVE_INFINITY;
  let refusedInARow = 0;
  // The rate a server was seen to allow (one request per `paceMs`), from the period's first
  // refusal (`periodFrom`) to its latest: kept while requests go one at a time after a rate limit.
  // Kept as a theoretical next departure `pacedAt`, which may run ahead of now by `burstMs`: what
  // the server's allowance refilled while the gate was closed, rounded to whole requests.
  let paceMs = 0;
  let burstMs = 0;
  let pacedAt = Number.NEGATIVE_INFINITY;
  let periodFrom = 0;
  let servedInPeriod = 0;
  // After a wait: until then, or until every refused request is back, only refused ones go.
  let openAt = 0;
  const comingBack = new Set<string>();
  const refused = new Map<string, Refusals>();
  // The requests that left while the gate was closed (their own time had come).
  const leftWhileClosed = new Set<string>();
  // The refusals of a wave the server refused whole tell the same thing, told moments apart.
  const ownTimes = new Map<string, number>();
  // Probing.
  let probing = false;
  let probeInFlight = false;
  let nextProbeAt = 0;
  let probeFailures = 0;
  let probeFailedAt = Number.NEGATIVE_INFINITY;
  const outages = new Map<string, Outage>();
  // The server's own count: how many may still leave before `until`.
  let quota: { left: number; until: number } | undefined;

  const queue: Waiter[] = [];
  const listeners = new Set<() => void>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let snapshot: RecoverySnapshot = { state: 'open', nextProbeAt: null, waiting: 0 };

  const gateClosed = () => gate !== undefined && gate.snapshot().closedUntil !== null;
  const holdingForRefused = (now: number) => comingBack.size > 0 && now < openAt;
  const pacedUntil = (now: number) => (paceMs > 0 && now < strictUntil ? pacedAt - burstMs : 0);

  // While probing, each waiter's failure says when the next probe goes and that it waits for it.
  const tellWaiters = (next: number | null) => {
    for (const waiter of queue) {
      if (!waiter.failure) continue;
      const known = getScheduledRetry(waiter.failure);
      if (!probing) {
        if (known?.waitingForService) clearScheduledRetry(waiter.failure);
        continue;
      }
      const at = next ?? known?.at ?? Date.now();
      if (known?.waitingForService && known.at === at) continue;
      const attempt = (outages.get(waiter.name)?.failures ?? 0) + 1;
      // react-query's failureCount before that attempt.
      const failureCount = attempt - 2;
      proposeScheduledRetry(waiter.failure, failureCount, {
        at,
        attempt,
        maxAttempts: policy.maxRetries + 1,
        since: waiter.failure.receivedAt,
        serverGiven: false,
        waitingForService: true,
      });
      decideScheduledRetry(waiter.failure, failureCount, true);
    }
  };

  const publish = () => {
    const state: RecoveryState = gateClosed() ? 'holding' : probing ? 'probing' : Number.isFinite(limit) ? 'ramping' : 'open';
    const next = probing && !probeInFlight ? nextProbeAt : null;
    tellWaiters(next);
    if (state === snapshot.state && next === snapshot.nextProbeAt && queue.length === snapshot.waiting) return;
    snapshot = { state, nextProbeAt: next, waiting: queue.length };
    for (const listener of [...listeners]) listener();
  };

  const remember = <T>(map: Map<string, T>, key: string, value: T) => {
    map.set(key, value);
    if (map.size > MAX_REMEMBERED) map.delete(map.keys().next().value!);
  };

  const deadlineOf = (name: string, now: number) => {
    const outage = outages.get(name);
    return outage ? outage.firstAt + longestSchedule + policy.maxRetries * outage.attemptMs : now + longestSchedule;
  };

  // Whether a request may leave now, leaving probing and the ramp's limit aside.
  const unheld = (waiter: Pick<Waiter, 'name'>, now: number) => {
    if (gateClosed() && !((ownTimes.get(waiter.name) ?? Number.POSITIVE_INFINITY) <= now)) return false;
    if (holdingForRefused(now) && !refused.has(waiter.name)) return false;
    if (now < pacedUntil(now)) return false;
    return quota === undefined || (now < quota.until ? quota.left > 0 : active === 0);
  };

  // The name is read only when something is remembered: almost never while all is well.
  const grant = (key: string | (() => string), probe: boolean): Release => {
    let name: string | undefined;
    const nameOf = () => (name ??= typeof key === 'string' ? key : key());
    const departedAt = Date.now();
    if (paceMs > 0) pacedAt = Math.max(pacedAt, departedAt) + paceMs;
    if (gateClosed() && leftWhileClosed.size < MAX_REMEMBERED) leftWhileClosed.add(nameOf());
    if (ownTimes.size > 0) ownTimes.delete(nameOf());
    active += 1;
    if (probe) probeInFlight = true;
    if (quota !== undefined && Date.now() < quota.until) {
      quota.left -= 1;
      // The server's count is used up: nobody else leaves before its reset.
      if (quota.left <= 0) gate?.closeUntil(quota.until);
    }
    let released = false;
    return (outcome) => {
      if (released) return;
      released = true;
      active -= 1;
      if (probe) probeInFlight = false;
      settle(nameOf, probe, departedAt, outcome);
      pump();
    };
  };

  // Each success doubles the pace: a few round trips from one request to no limit.
  const growAfterSuccess = (now: number) => {
    if (!Number.isFinite(limit) || now < strictUntil) return;
    limit = limit * 2 >= UNLIMITED_AFTER ? Number.POSITIVE_INFINITY : limit * 2;
  };

  const settle = (nameOf: () => string, probe: boolean, departedAt: number, outcome: Outcome) => {
    const now = Date.now();
    if (outcome === 'cancelled' || outcome === 'refused') return;
    const failedAgain = outcome === 'failed' || (outcome instanceof ApiError && outcome.retryable);
    if (!failedAgain) {
      lastAnswerAt = now;
      // Served from what the rate refilled: those that left before the period's first refusal
      // were served from what the server had saved up.
      if (departedAt >= periodFrom) servedInPeriod += 1;
      if (outages.size > 0) outages.delete(nameOf());
      if (refused.size > 0) refused.delete(nameOf());
      if (probing) {
        // Evidence the service is back: everyone goes, ramping up.
        probing = false;
        probeFailures = 0;
        limit = 1;
      }
      growAfterSuccess(now);
      return;
    }
    const error = outcome instanceof ApiError ? outcome : undefined;
    const name = nameOf();
    const outage = outages.get(name);
    if (outage) {
      if (outage.failures === 0) outage.attemptMs = Math.max(0, now - departedAt);
      outage.failures += 1;
      outage.last = error ?? outage.last;
    } else {
      remember(outages, name, { firstAt: now, failures: 1, attemptMs: Math.max(0, now - departedAt), last: error });
    }
    if (error && isServerRefusal(error)) return;
    // Not mapped, so not reported: charged here.
    if (!error && budget && !budget.charge()) enterProbing(now);
    // Past the time the policy would have given up: this failure is the last.
    if (probing && outcome instanceof ApiError && now >= deadlineOf(name, now)) recordBudgetVerdict(outcome, false);
    if (!probing || !probe) return;
    probeFailures += 1;
    probeFailedAt = now;
    // When the first of many queries would have retried on its own: the earliest of the
    // policy's jittered backoff, half its ceiling.
    nextProbeAt = now + Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** probeFailures) / 2;
  };

  // The waiters whose time is up fail, as their own retry would have, when a probe failed at
  // about that time (no earlier than the first retry's backoff before it): evidence as fresh as
  // their own last attempt would have brought. Otherwise one of them probes first. So requests
  // that started moments apart do not each send one more probe.
  const expire = (now: number) => {
    for (const waiter of [...queue]) {
      // One that never failed has no answer of its own to end with: it probes instead.
      const last = outages.get(waiter.name)?.last;
      if (waiter.deadline > now || !last || probeFailedAt < waiter.deadline - policy.baseDelayMs) continue;
      queue.splice(queue.indexOf(waiter), 1);
      waiter.fail(finalCopy(last, waiter.name));
    }
  };

  // The budget is spent: from now on one probe at a time; the first retry that comes is one.
  const enterProbing = (now: number) => {
    if (probing) return;
    probing = true;
    probeFailures = 0;
    nextProbeAt = now;
  };

  const pickProbe = (now: number): Waiter | undefined => {
    let best: Waiter | undefined;
    for (const waiter of queue) {
      if (!unheld(waiter, now)) continue;
      if (waiter.deadline <= now) return waiter;
      // The one with the most attempts left carries the backoff, so no query runs out early.
      if (!best || (outages.get(waiter.name)?.failures ?? 0) < (outages.get(best.name)?.failures ?? 0)) best = waiter;
    }
    return now >= nextProbeAt ? best : undefined;
  };

  const wake = (at: number) => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(
      () => {
        timer = undefined;
        pump();
      },
      Math.min(Math.max(0, at - Date.now()), MAX_TIMER_DELAY_MS),
    );
    (timer as { unref?: () => void }).unref?.();
  };

  const pump = () => {
    const now = Date.now();
    if (probing) {
      if (!probeInFlight) expire(now);
      if (!probeInFlight && queue.length > 0) {
        const probe = pickProbe(now);
        if (probe) {
          queue.splice(queue.indexOf(probe), 1);
          probe.admit(grant(probe.name, true));
        } else if (!gateClosed()) {
          wake(Math.min(nextProbeAt, ...queue.map((waiter) => waiter.deadline)));
        }
      }
    } else {
      while (queue.length > 0 && active < limit && unheld(queue[0]!, now)) {
        const waiter = queue.shift()!;
        waiter.admit(grant(waiter.name, false));
      }
      if (queue.length > 0 && !gateClosed()) {
        const paced = pacedUntil(now);
        if (holdingForRefused(now)) wake(openAt);
        else if (quota !== undefined && now < quota.until) wake(quota.until);
        else if (now < paced) {
          // Held to the pace: the demand is above the server's rate, so keep to it a while longer.
          strictUntil = Math.max(strictUntil, paced + paceMs);
          wake(paced);
        }
      } else if (queue.length > 0) {
        const own = queue.map((waiter) => ownTimes.get(waiter.name) ?? Number.POSITIVE_INFINITY).filter((at) => at > now);
        if (own.length > 0) wake(Math.min(...own));
      }
    }
    publish();
  };

  gate?.subscribe(() => {
    if (!gateClosed()) {
      ownTimes.clear();
      leftWhileClosed.clear();
    }
    pump();
  });

  const arrive = (key: () => string): { name: string; refusals: Refusals } => {
    const name = key();
    comingBack.delete(name);
    return { name, refusals: refused.get(name) ?? NONE };
  };

  // `counted`: the refusal of `name` was counted already (its head came first; this is its body's wait).
  const holdUntil = (until: number, name: string | undefined, counted = false) => {
    // A wait longer than is retried fails at once: it holds nobody else, who learn for themselves.
    if (!gate || until - Date.now() > policy.maxServerWaitMs) return;
    const now = Date.now();
    const wait = Math.max(0, until - now);
    // A server that let others through just now limits a rate: after the wait, one at a time
    // for as long again. One that refused everyone (per resource, say) gets a ramp by evidence.
    const limitsARate = now - lastAnswerAt <= wait;
    if (limitsARate) strictUntil = Math.max(strictUntil, until + Math.min(wait, MAX_STRICT_MS));
    limit = 1;
    // A wave the server refused whole, with nothing let through (per resource, say): each of its
    // retries may go at its own time instead of the wave's latest. Refused again once the gate
    // closed, or behind successes, everyone waits for the gate.
    if (name !== undefined && !limitsARate && !leftWhileClosed.has(name)) remember(ownTimes, name, Math.max(ownTimes.get(name) ?? 0, until));
    else if (name !== undefined) ownTimes.clear();
    gate.closeUntil(until);
    const retried = wait <= policy.maxServerWaitMs;
    if (counted) name = undefined;
    if (name !== undefined && retried) {
      if (now >= openAt) comingBack.clear();
      if (comingBack.size < MAX_REMEMBERED) comingBack.add(name);
    }
    if (wait > 0 && retried) openAt = Math.max(openAt, until + Math.ceil(wait * policy.serverWaitSpread) + RETRY_ARRIVAL_MS);
    if (name === undefined) return;
    const known = refused.get(name);
    if (known) known.count += 1;
    else remember(refused, name, { count: 1, since: now });
  };

  return {
    tryAcquire(key) {
      if (probing || queue.length > 0 || active >= limit) return undefined;
      const now = Date.now();
      // Nothing remembered, nothing held: the request goes without being named.
      if (refused.size === 0 && comingBack.size === 0 && !gateClosed() && now >= pacedUntil(now) && (quota === undefined || (now < quota.until && quota.left > 0))) return grant(key, false);
      const arrived = arrive(key);
      return unheld(arrived, Date.now()) ? grant(arrived.name, false) : undefined;
    },
    acquire(key, signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      const arrived = arrive(key);
      return new Promise<Release>((resolve, reject) => {
        const failure = outages.get(arrived.name)?.last;
        const leave = () => {
          signal?.removeEventListener('abort', onAbort);
          if (!failure) return;
          heldRetries.delete(failure);
          if (getScheduledRetry(failure)?.waitingForService) clearScheduledRetry(failure);
        };
        const waiter: Waiter = {
          ...arrived,
          failure,
          deadline: deadlineOf(arrived.name, Date.now()),
          admit: (release) => {
            leave();
            resolve(release);
          },
          fail: (error) => {
            leave();
            reject(error);
          },
        };
        const dequeue = () => {
          const index = queue.indexOf(waiter);
          if (index === -1) return false;
          queue.splice(index, 1);
          return true;
        };
        const onAbort = () => {
          dequeue();
          leave();
          reject(signal!.reason);
          pump();
        };
        if (failure) {
          heldRetries.set(failure, {
            // Asked for by the person: it goes now, an ordinary attempt that pays the budget.
            now: () => {
              if (dequeue()) waiter.admit(grant(waiter.name, false));
              pump();
            },
            stop: () => {
              if (dequeue()) waiter.fail(failure);
              pump();
            },
          });
        }
        const index = queue.findIndex((other) => precedes(waiter.refusals, other.refusals));
        queue.splice(index === -1 ? queue.length : index, 0, waiter);
        signal?.addEventListener('abort', onAbort, { once: true });
        pump();
      });
    },
    failed(error, key) {
      // Its body may fail after its head was answered: the failure is its last all the same.
      if (key !== undefined && error.retryable) {
        const outage = outages.get(key);
        if (outage) outage.last = error;
        else remember(outages, key, { firstAt: Date.now(), failures: 0, attemptMs: 0, last: error });
      }
      const paced = isServerRefusal(error) && error.retryAfterMs !== undefined;
      if (budget && error.retryable && !paced && !budget.charge()) enterProbing(Date.now());
      if (isServerRefusal(error)) {
        // A 429 that said nothing about when (a Cloudflare 1015 page, say): back off.
        // Its key was already counted when its head arrived.
        const wait = error.retryAfterMs ?? backoffDelay(Math.max(1, refusedInARow));
        holdUntil((error.retryAfterMs !== undefined ? error.receivedAt : Date.now()) + wait, key, true);
      }
      publish();
    },
    answered(response, keyOf, waitMs, advertised, at) {
      const now = at ?? Date.now();
      if (response.ok) {
        budget?.deposit();
        lastAnswerAt = now;
        refusedInARow = 0;
      }
      if (response.status === 429) {
        refusedInARow += 1;
        // The period's first refusal and this one both found the allowance used up, so what was
        // served between them is what the server's rate let through in that time, plus less than
        // one request it had refilled: counted as a whole one, erring fast, so that a pace too
        // fast meets a refusal that corrects it over a longer time, where one too slow would never
        // learn better. A refusal after the strict time starts afresh.
        if (now >= strictUntil) {
          paceMs = 0;
          periodFrom = now;
          servedInPeriod = 0;
        } else if (servedInPeriod > 0) {
          paceMs = (now - periodFrom) / (servedInPeriod + 1);
          burstMs = Math.max(0, (waitMs ?? 0) - paceMs / 2);
        }
      }
      if (advertised !== undefined && gate) {
        // The newest count wins; requests still in flight may not be in it yet.
        quota = { left: advertised.remaining - Math.max(0, active - 1), until: now + advertised.resetMs };
        if (quota.left <= 0) gate.closeUntil(quota.until);
      } else if (response.ok) {
        quota = undefined;
      }
      // Close at once on the headers; the body's wait, read later, can only lengthen it.
      if (waitMs !== undefined) holdUntil(now + waitMs, typeof keyOf === 'string' ? keyOf : keyOf());
      publish();
    },
    snapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
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
