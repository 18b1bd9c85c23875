import { DEFAULT_RETRY_POLICY } from './retry/retry-policy.js';

/** Gives back a request's place; `succeeded` grows the pace after a rate limit. */
export type Release = (succeeded: boolean) => void;

/**
 * How many requests may be in flight at once, and in which order waiting ones go. Unlimited
 * until the server refuses with a wait. Then requests go strictly one at a time, during the wait
 * and for as long again after it (at most a minute): a server still at its limit refuses one
 * request per window instead of a crowd. Once that time passes without another refusal, the
 * limit grows by one with each success (the pace doubles every round trip, as in TCP's slow
 * start) and is lifted at 64.
 * Waiting requests the server refused before go first (the most often refused first, then the
 * longest waiting), so no request is refused over and over while others pass. For that, after a
 * wait nobody is let through until every request refused in it has asked for a place again, or
 * until the latest time its retry could come (the wait, plus `retrySpread` of it).
 */
export interface Admission {
  /**
   * Waits for a place; rejects with the signal's reason when it aborts first. `key` names the
   * request (method and URL) for its place in the order; it is read only while refusals are
   * remembered.
   */
  acquire(signal?: AbortSignal | null, key?: () => string): Promise<Release>;
  /** A place at once when one is free and nobody waits, else `undefined`. */
  tryAcquire(key?: () => string): Release | undefined;
  /**
   * The server refused the request `key` and asked for `waitMs`: back to one request at a time,
   * and `key` goes first when it comes back.
   */
  restart(waitMs: number, key?: string): void;
}

/** Settings of {@link createAdmission}. */
export interface AdmissionOptions {
  /**
   * How much later than the server's time a refused request's retry may come back, as a
   * fraction of the wait: the retry policy's `serverWaitSpread`. @default `DEFAULT_RETRY_POLICY.serverWaitSpread` (0.025)
   */
  retrySpread?: number;
  /**
   * The longest server-given wait that is retried automatically (the retry policy's
   * `maxServerWaitMs`): after a longer one nobody is held for the refused request.
   * @default `DEFAULT_RETRY_POLICY.maxServerWaitMs` (300000)
   */
  longestRetriedWaitMs?: number;
}

/** The pace at which admission stops limiting. */
const UNLIMITED_AFTER = 64;
/** The longest time after a wait that requests still go one at a time: a rate window of a minute. */
const MAX_STRICT_MS = 60_000;
/** Refused requests remembered for their place in the order. */
const MAX_REFUSED = 512;
/** How late a retry may come on top of its spread: the failure's way to react-query, and timer delay. */
const RETRY_ARRIVAL_MS = 20;
/** The longest delay a timer takes; a longer one fires at once. */
const MAX_TIMER_MS = 2_147_483_647;

/** How often, and since when, the server has refused a request. */
interface Refusals {
  count: number;
  since: number;
}

interface Waiter {
  key: (() => string) | undefined;
  admit: (release: Release) => void;
  /** Its request's refusals so far: none for a fresh request. */
  refusals: Refusals;
}

const NONE: Refusals = { count: 0, since: Number.POSITIVE_INFINITY };

// Whether `a` goes before `b`.
function precedes(a: Refusals, b: Refusals): boolean {
  return a.count > b.count || (a.count === b.count && a.since < b.since);
}

/** Creates an {@link Admission}. */
export function createAdmission({
  retrySpread = DEFAULT_RETRY_POLICY.serverWaitSpread,
  longestRetriedWaitMs = DEFAULT_RETRY_POLICY.maxServerWaitMs,
}: AdmissionOptions = {}): Admission {
  let limit = Number.POSITIVE_INFINITY;
  let active = 0;
  // Until then a success does not grow the limit.
  let strictUntil = 0;
  // Until then, or until every refused request is back, nobody is let through.
  let openAt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const queue: Waiter[] = [];
  const refused = new Map<string, Refusals>();
  // Refused requests whose retry has not asked for a place yet.
  const comingBack = new Set<string>();

  const holding = () => comingBack.size > 0 && Date.now() < openAt;

  // A request asks for a place: it is back, and its refusals so far set its place in the order.
  const arrive = (key: (() => string) | undefined): Refusals => {
    if (!key || refused.size === 0) return NONE;
    const name = key();
    comingBack.delete(name);
    return refused.get(name) ?? NONE;
  };

  const grow = () => {
    if (!Number.isFinite(limit) || Date.now() < strictUntil) return;
    limit = limit + 1 >= UNLIMITED_AFTER ? Number.POSITIVE_INFINITY : limit + 1;
  };

  const grant = (key: (() => string) | undefined): Release => {
    active += 1;
    let released = false;
    return (succeeded) => {
      if (released) return;
      released = true;
      active -= 1;
      if (succeeded) {
        if (key && refused.size > 0) refused.delete(key());
        grow();
      }
      pump();
    };
  };

  const pump = () => {
    if (holding()) {
      if (queue.length > 0 && timer === undefined) {
        timer = setTimeout(() => {
          timer = undefined;
          pump();
        }, Math.min(openAt - Date.now(), MAX_TIMER_MS));
      }
      return;
    }
    while (active < limit && queue.length > 0) {
      const waiter = queue.shift()!;
      waiter.admit(grant(waiter.key));
    }
  };

  const admitAtOnce = (key: (() => string) | undefined): Release | undefined =>
    active < limit && queue.length === 0 && !holding() ? grant(key) : undefined;

  const tryAcquire = (key?: () => string): Release | undefined => {
    arrive(key);
    return admitAtOnce(key);
  };

  const enqueue = (waiter: Waiter) => {
    const index = queue.findIndex((other) => precedes(waiter.refusals, other.refusals));
    queue.splice(index === -1 ? queue.length : index, 0, waiter);
  };

  return {
    tryAcquire,
    acquire(signal, key) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      const refusals = arrive(key);
      const free = admitAtOnce(key);
      if (free) return Promise.resolve(free);
      return new Promise<Release>((resolve, reject) => {
        const waiter: Waiter = {
          key,
          admit: (release) => {
            signal?.removeEventListener('abort', onAbort);
            resolve(release);
          },
          refusals,
        };
        const onAbort = () => {
          const index = queue.indexOf(waiter);
          if (index !== -1) queue.splice(index, 1);
          reject(signal!.reason);
        };
        enqueue(waiter);
        signal?.addEventListener('abort', onAbort, { once: true });
        pump();
      });
    },
    restart(waitMs, key) {
      const now = Date.now();
      limit = 1;
      const wait = Math.max(0, waitMs);
      strictUntil = Math.max(strictUntil, now + wait + Math.min(wait, MAX_STRICT_MS));
      const retried = wait <= longestRetriedWaitMs;
      if (key !== undefined && retried) {
        // Whoever was refused before the last hold ended is not coming back.
        if (now >= openAt) comingBack.clear();
        if (comingBack.size < MAX_REFUSED) comingBack.add(key);
      }
      // A wait read from the body comes in a second call, without the key.
      if (wait > 0 && retried) openAt = Math.max(openAt, now + wait + Math.ceil(wait * retrySpread) + RETRY_ARRIVAL_MS);
      if (key === undefined) return;
      const known = refused.get(key);
      if (known) {
        known.count += 1;
        return;
      }
      refused.set(key, { count: 1, since: now });
      if (refused.size > MAX_REFUSED) refused.delete(refused.keys().next().value!);
    },
  };
}
