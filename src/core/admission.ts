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
 * longest waiting), so no request is refused over and over while others pass.
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
  /** The server refused the request `key` and asked for `waitMs`: back to one request at a time. */
  restart(waitMs: number, key?: string): void;
}

/** The pace at which admission stops limiting. */
const UNLIMITED_AFTER = 64;
/** The longest time after a wait that requests still go one at a time: a rate window of a minute. */
const MAX_STRICT_MS = 60_000;
/** Refused requests remembered for their place in the order. */
const MAX_REFUSED = 512;

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
export function createAdmission(): Admission {
  let limit = Number.POSITIVE_INFINITY;
  let active = 0;
  // Until then a success does not grow the limit.
  let strictUntil = 0;
  const queue: Waiter[] = [];
  const refused = new Map<string, Refusals>();

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
    while (active < limit && queue.length > 0) {
      const waiter = queue.shift()!;
      waiter.admit(grant(waiter.key));
    }
  };

  const tryAcquire = (key?: () => string): Release | undefined => (active < limit && queue.length === 0 ? grant(key) : undefined);

  const enqueue = (waiter: Waiter) => {
    const index = queue.findIndex((other) => precedes(waiter.refusals, other.refusals));
    queue.splice(index === -1 ? queue.length : index, 0, waiter);
  };

  return {
    tryAcquire,
    acquire(signal, key) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      const free = tryAcquire(key);
      if (free) return Promise.resolve(free);
      return new Promise<Release>((resolve, reject) => {
        const waiter: Waiter = {
          key,
          admit: (release) => {
            signal?.removeEventListener('abort', onAbort);
            resolve(release);
          },
          refusals: (key && refused.size > 0 ? refused.get(key()) : undefined) ?? NONE,
        };
        const onAbort = () => {
          const index = queue.indexOf(waiter);
          if (index !== -1) queue.splice(index, 1);
          reject(signal!.reason);
        };
        enqueue(waiter);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
    restart(waitMs, key) {
      const now = Date.now();
      limit = 1;
      const wait = Math.max(0, waitMs);
      strictUntil = Math.max(strictUntil, now + wait + Math.min(wait, MAX_STRICT_MS));
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
