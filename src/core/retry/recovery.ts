import { ApiError } from '../errors/ApiError.js';
import { MAX_TIMER_DELAY_MS } from './rate-limit-headers.js';
import type { RateLimitGate } from './rate-limit-gate.js';
import type { AdvertisedQuota } from './rate-limit-headers.js';
import { createProbing, type ProbeCandidate } from './probing.js';
import type { RetryBudget } from './retry-budget.js';
import { DEFAULT_RETRY_POLICY, isServerRefusal, type RetryPolicyOptions } from './retry-policy.js';
import { clearWaitForService, holdRetry, releaseHeldRetry } from './failure-record.js';
import type { AdmissionRule } from './rules/admission-rule.js';
import { createAdvertisedQuotaRule } from './rules/advertised-quota.js';
import { createLearnedPaceRule } from './rules/learned-pace.js';
import { createRampUp } from './rules/ramp-up.js';
import { createRefusalScopes } from './rules/refusal-scope.js';
import { createRefusalShare } from './rules/refusal-share.js';
import { createRefusedFirstRule, precedes, type Refusals } from './rules/refused-first.js';
import { createServerWaitRule } from './rules/server-wait.js';

/**
 * Where recovery stands: `open` (no limit), `holding` (the server asked for a wait: the gate is
 * closed), `probing` (the retry budget is spent: one probe at a time carries the backoff for
 * everyone) or `ramping` (after a wait or a successful probe: one request in flight, twice as
 * many with each success, until 64 lift the limit).
 */
export type RecoveryState = 'open' | 'holding' | 'probing' | 'ramping';

/**
 * The client's view of the service: `up`, `degraded` (it refused or failed some requests lately,
 * or requests are held for a wait or ramping up after one, while others are served) or `down`
 * (nothing was served since the retry budget ran out, or since a query gave up: probing).
 */
export type HealthState = 'up' | 'degraded' | 'down';

/** What the controller tells about itself; the same object until it changes. */
export interface RecoverySnapshot {
  readonly state: RecoveryState;
  /** While probing with no probe in flight: when the next one goes (epoch ms); else `null`. */
  readonly nextProbeAt: number | null;
  /** Requests waiting for their turn. */
  readonly waiting: number;
  /** The client's view of the service. */
  readonly health: HealthState;
  /** Since when `health` holds (epoch ms). */
  readonly healthSince: number;
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
  /**
   * A query gave up on `failure` and is still on screen: when nothing was served while it was
   * failing, the service is taken to be down, and probed (see `probing.ts`). Not without a retry budget.
   */
  gaveUp(failure: ApiError): void;
  /** The next probe may go at once (the person asked, or the tab came back). */
  probeNow(): void;
  /** Whether `error` is a failure of a request made through this client. */
  owns(error: unknown): boolean;
  snapshot(): RecoverySnapshot;
  /** Calls `listener` whenever the snapshot changes; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

interface Waiter extends ProbeCandidate {
  refusals: Refusals;
  admit: (release: Release) => void;
}

/**
 * Creates a {@link Recovery}: a queue of requests waiting for their turn, and the admission
 * rules (`rules/`) that say who may leave, each keeping its own evidence; probing during an
 * outage is its own part (`probing.ts`).
 */
export function createRecovery({ gate, budget, policy = DEFAULT_RETRY_POLICY, backoffDelay = () => policy.baseDelayMs }: RecoveryOptions = {}): Recovery {
  let active = 0;
  let lastAnswerAt = Number.NEGATIVE_INFINITY;
  let refusedInARow = 0;

  const serverWait = createServerWaitRule(gate);
  const refusedFirst = createRefusedFirstRule(policy);
  const quota = createAdvertisedQuotaRule(gate, () => active);
  const pace = createLearnedPaceRule();
  const ramp = createRampUp();
  const refusals = createRefusalShare();
  const scopes = createRefusalScopes();
  const probing = createProbing(budget, policy, () => lastAnswerAt);
  // In this order: the first rule that holds the queue says when to look again.
  const rules: readonly AdmissionRule[] = [serverWait, refusedFirst, quota, pace, scopes];

  const queue: Waiter[] = [];
  const listeners = new Set<() => void>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let snapshot: RecoverySnapshot = { state: 'open', nextProbeAt: null, waiting: 0, health: 'up', healthSince: Date.now() };
  // The failures of this client's requests, so a binding can tell them from others'.
  const own = new WeakSet<object>();
  const fullBudget = budget?.tokens();

  const publish = () => {
    const state: RecoveryState = serverWait.closed() ? 'holding' : probing.active() ? 'probing' : ramp.limiting() ? 'ramping' : 'open';
    const next = probing.nextProbeAt();
    const limited = state !== 'open' || scopes.holding(Date.now()) || (budget !== undefined && budget.tokens() < fullBudget!);
    const health: HealthState = state === 'probing' ? 'down' : limited ? 'degraded' : 'up';
    probing.tell(queue);
    if (state === snapshot.state && next === snapshot.nextProbeAt && queue.length === snapshot.waiting && health === snapshot.health) return;
    snapshot = { state, nextProbeAt: next, waiting: queue.length, health, healthSince: health === snapshot.health ? snapshot.healthSince : Date.now() };
    for (const listener of [...listeners]) listener();
  };

  // Whether a request may leave now, leaving probing and the ramp's limit aside.
  const unheld = (name: () => string, now: number) => rules.every((rule) => rule.admits(name, now));

  // The name is read only when something is remembered: almost never while all is well.
  const grant = (key: string | (() => string), probe: boolean): Release => {
    let name: string | undefined;
    const nameOf = () => (name ??= typeof key === 'string' ? key : key());
    const departedAt = Date.now();
    pace.departed(departedAt);
    serverWait.departed(nameOf);
    active += 1;
    if (probe) probing.probeInFlight(true);
    quota.departed(departedAt);
    let released = false;
    return (outcome) => {
      if (released) return;
      released = true;
      active -= 1;
      if (probe) probing.probeInFlight(false);
      settle(nameOf, probe, departedAt, outcome);
      pump();
    };
  };

  const settle = (nameOf: () => string, probe: boolean, departedAt: number, outcome: Outcome) => {
    const now = Date.now();
    if (outcome === 'refused' || (outcome instanceof ApiError && isServerRefusal(outcome))) pace.refusedFromBefore(departedAt, now);
    if (outcome === 'cancelled' || outcome === 'refused') return;
    const failedAgain = outcome === 'failed' || (outcome instanceof ApiError && outcome.retryable);
    if (failedAgain) {
      probing.failedAgain(nameOf(), outcome instanceof ApiError ? outcome : undefined, departedAt, probe, now);
      return;
    }
    lastAnswerAt = now;
    pace.served(departedAt, now);
    // Served although it left before the refusal that started the strict period: no rate was
    // used up then (a flaky service refuses at random); see `learned-pace.ts`.
    pace.servedFromBefore(departedAt, now);
    // Evidence the service is back: everyone goes, ramping up.
    const back = probing.served(nameOf);
    refusedFirst.served(nameOf);
    scopes.served(nameOf);
    if (back) ramp.restart();
    ramp.grow(pace.strict(now));
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

  const remove = (waiter: Waiter) => {
    const index = queue.indexOf(waiter);
    if (index !== -1) queue.splice(index, 1);
    return index !== -1;
  };

  const pumpProbing = (now: number) => {
    if (probing.inFlight()) return;
    for (const ended of probing.expire(queue, now)) remove(ended as Waiter);
    if (queue.length === 0) return;
    const probe = probing.pick(queue, now, (waiter) => unheld(() => waiter.name, now));
    if (probe) {
      remove(probe);
      probe.admit(grant(probe.name, true));
    } else if (!serverWait.closed()) {
      wake(probing.wakeAt(queue));
    }
  };

  const pump = () => {
    const now = Date.now();
    if (probing.active()) {
      pumpProbing(now);
    } else {
      // In order, past those a resource's own limit holds: they hold nobody else.
      while (ramp.admits(active)) {
        const index = queue.findIndex((waiter) => scopes.admits(() => waiter.name, now));
        if (index === -1 || !unheld(() => queue[index]!.name, now)) break;
        const [waiter] = queue.splice(index, 1);
        waiter!.admit(grant(waiter!.name, false));
      }
      if (queue.length > 0) {
        const waiting = queue.map((waiter) => waiter.name);
        for (const rule of rules) {
          const at = rule.wakeAt(now, waiting);
          if (at === undefined) continue;
          if (at !== null) wake(at);
          break;
        }
      }
    }
    publish();
  };

  gate?.subscribe(() => {
    if (!serverWait.closed()) serverWait.opened();
    pump();
  });

  // A wait longer than is retried fails at once, and holds nobody else.
  const holdResource = (name: string, until: number) => {
    if (until - Date.now() <= policy.maxServerWaitMs) scopes.hold(name, until);
  };

  // `counted`: the refusal of `name` was counted already (its head came first; this is its body's wait).
  const holdUntil = (until: number, name: string | undefined, counted = false) => {
    // A wait longer than is retried fails at once: it holds nobody else, who learn for themselves.
    if (!gate || until - Date.now() > policy.maxServerWaitMs) return;
    const now = Date.now();
    const wait = Math.max(0, until - now);
    // A refusal amid successes, with no pace learned: only its own retry waits (the policy's).
    if (!pace.paced(now) && refusals.isolated()) return;
    // A server that let others through just now limits a rate: after the wait, one at a time
    // for as long again. One that refused everyone (per resource, say) gets a ramp by evidence.
    const limitsARate = now - lastAnswerAt <= wait;
    if (limitsARate) pace.limitRate(until, wait, now, active);
    ramp.restart();
    if (name !== undefined) serverWait.refused(name, until, limitsARate);
    gate.closeUntil(until);
    refusedFirst.refused(counted ? undefined : name, until, wait, now);
  };

  return {
    tryAcquire(key) {
      if (probing.active() || !ramp.admits(active)) return undefined;
      const now = Date.now();
      if (queue.length > 0 && queue.some((waiter) => scopes.admits(() => waiter.name, now))) return undefined;
      // Nothing remembered, nothing held: the request goes without being named.
      let name: string | undefined;
      const nameOf = () => (name ??= key());
      refusedFirst.arrived(nameOf);
      return unheld(nameOf, now) ? grant(nameOf, false) : undefined;
    },
    acquire(key, signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      const name = key();
      const refusals = refusedFirst.arrived(() => name);
      return new Promise<Release>((resolve, reject) => {
        const failure = probing.lastFailure(name);
        const leave = () => {
          signal?.removeEventListener('abort', onAbort);
          if (!failure) return;
          releaseHeldRetry(failure);
          clearWaitForService(failure);
        };
        const waiter: Waiter = {
          name,
          refusals,
          failure,
          deadline: probing.deadlineOf(name, Date.now()),
          arrivedAt: Date.now(),
          admit: (release) => {
            leave();
            resolve(release);
          },
          fail: (error) => {
            leave();
            if (error instanceof ApiError) own.add(error);
            reject(error);
          },
        };
        const onAbort = () => {
          remove(waiter);
          leave();
          reject(signal!.reason);
          pump();
        };
        if (failure) {
          holdRetry(failure, {
            // Asked for by the person: it goes now, an ordinary attempt that pays the budget.
            now: () => {
              if (remove(waiter)) waiter.admit(grant(waiter.name, false));
              pump();
            },
            stop: () => {
              if (remove(waiter)) waiter.fail(failure);
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
      own.add(error);
      probing.failed(error, key, Date.now());
      if (isServerRefusal(error)) {
        // A 429 that said nothing about when (a Cloudflare 1015 page, say): back off.
        // Its key was already counted when its head arrived.
        const wait = error.retryAfterMs ?? backoffDelay(Math.max(1, refusedInARow));
        const until = (error.retryAfterMs !== undefined ? error.receivedAt : Date.now()) + wait;
        if (key !== undefined && scopes.owns(key)) holdResource(key, until);
        else holdUntil(until, key, true);
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
      let name: string | undefined;
      const nameOf = () => (name ??= typeof keyOf === 'string' ? keyOf : keyOf());
      // A resource with a limit of its own: its refusal holds its own requests, nobody else's.
      if ((response.status === 429 || waitMs !== undefined) && scopes.refused(nameOf(), advertised !== undefined, now)) {
        if (waitMs !== undefined) holdResource(nameOf(), now + waitMs);
        publish();
        return;
      }
      // Weighed against the successes only: other failures say nothing about a limit. Nor is the
      // refusal of a retry: the queries left on a page are those that keep failing, so at a
      // service that refuses some requests at random their retries are refused in runs, while
      // a limit the requests share refuses the fresh ones too.
      if (response.ok) refusals.answered(false);
      else if (waitMs !== undefined && !probing.failedBefore(nameOf())) refusals.answered(true);
      if (response.status === 429) {
        refusedInARow += 1;
        pace.refused(now, waitMs, !refusals.isolated());
      }
      quota.answered(response.ok, advertised, now);
      // Close at once on the headers; the body's wait, read later, can only lengthen it.
      if (waitMs !== undefined) holdUntil(now + waitMs, nameOf());
      publish();
    },
    gaveUp(failure) {
      // Served while the query was failing: degraded, not down.
      if (budget && failure.retryable && probing.failedThroughout(failure)) probing.enter(Date.now(), true);
      pump();
    },
    probeNow() {
      probing.probeNow(Date.now());
      pump();
    },
    owns: (error) => typeof error === 'object' && error !== null && own.has(error),
    snapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
