/** Gives back a request's place; `succeeded` grows the pace after a rate limit. */
export type Release = (succeeded: boolean) => void;

/**
 * How many requests may be in flight at once. Unlimited until the server rate-limits; then
 * requests go one at a time when the gate reopens, one more after each success (so the pace
 * doubles every round trip), and unlimited again at 64 (slow start, as TCP does after a loss).
 * Without it, every request held at the gate would leave together and most would be refused
 * again.
 */
export interface Admission {
  /** Waits for a place; rejects with the signal's reason when it aborts first. */
  acquire(signal?: AbortSignal | null): Promise<Release>;
  /** The server rate-limited: back to one request at a time. */
  restart(): void;
}

/** The pace at which admission stops limiting. */
const UNLIMITED_AFTER = 64;

/** Creates an {@link Admission}. */
export function createAdmission(): Admission {
  let limit = Number.POSITIVE_INFINITY;
  let active = 0;
  const queue: Array<(release: Release) => void> = [];

  const grant = (): Release => {
    active += 1;
    let released = false;
    return (succeeded) => {
      if (released) return;
      released = true;
      active -= 1;
      // One more per success: the pace doubles each round trip, not each answer.
      if (succeeded && Number.isFinite(limit)) limit = limit + 1 >= UNLIMITED_AFTER ? Number.POSITIVE_INFINITY : limit + 1;
      pump();
    };
  };

  const pump = () => {
    while (active < limit && queue.length > 0) queue.shift()!(grant());
  };

  return {
    acquire(signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      if (active < limit && queue.length === 0) return Promise.resolve(grant());
      return new Promise<Release>((resolve, reject) => {
        const admit = (release: Release) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(release);
        };
        const onAbort = () => {
          const index = queue.indexOf(admit);
          if (index !== -1) queue.splice(index, 1);
          reject(signal!.reason);
        };
        queue.push(admit);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
    restart() {
      limit = 1;
    },
  };
}
