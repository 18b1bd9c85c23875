/** How many of the latest answers are weighed. */
const WEIGHED = 16;

/**
 * @internal What share of the latest successes and refusals were refusals (429, or 503 with a wait). A refusal
 * amid successes is evidence about the request (or the resource) it refused, not about every
 * request of the client: it holds only its own retry, which the policy already sends no earlier
 * than the server's time. When at least half of the latest answers are refusals, the client is
 * over a limit it shares, and everyone waits. The controller weighs only fresh requests'
 * refusals (see `recovery.ts`).
 */
export interface RefusalShare {
  /** A success or a refusal arrived: `refused` when it asked the client to wait. */
  answered(refused: boolean): void;
  /** Whether fewer than half of the latest answers were refusals. */
  isolated(): boolean;
}

/** @internal Creates a {@link RefusalShare}. */
export function createRefusalShare(): RefusalShare {
  const latest: boolean[] = [];
  return {
    answered(refused) {
      latest.push(refused);
      if (latest.length > WEIGHED) latest.shift();
    },
    isolated: () => latest.filter(Boolean).length * 2 < Math.max(latest.length, 2),
  };
}
