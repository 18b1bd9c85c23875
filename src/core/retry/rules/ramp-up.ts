/** The pace at which ramping up ends. */
const UNLIMITED_AFTER = 64;

/**
 * @internal The ramp: after a wait or a successful probe, one request in flight, twice as many
 * with each success, until {@link UNLIMITED_AFTER} lift the limit. It limits how many are in
 * flight, not who goes; a probe is not held by it.
 */
export interface RampUp {
  /** Whether another request may leave with `inFlight` in flight. */
  admits(inFlight: number): boolean;
  /** Whether the ramp limits anything (the controller's state is `ramping`). */
  limiting(): boolean;
  /** Back to one in flight. */
  restart(): void;
  /** A success: double the limit, unless `strict` (one at a time after a rate limit). */
  grow(strict: boolean): void;
}

/** @internal Creates a {@link RampUp}, open at first. */
export function createRampUp(): RampUp {
  let limit = Number.POSITIVE_INFINITY;
  return {
    admits: (inFlight) => inFlight < limit,
    limiting: () => Number.isFinite(limit),
    restart() {
      limit = 1;
    },
    grow(strict) {
      // Each success doubles the pace: a few round trips from one request to no limit.
      if (!Number.isFinite(limit) || strict) return;
      limit = limit * 2 >= UNLIMITED_AFTER ? Number.POSITIVE_INFINITY : limit * 2;
    },
  };
}
