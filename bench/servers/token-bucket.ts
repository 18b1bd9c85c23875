/** Settings of a {@link TokenBucket}. */
export interface TokenBucketOptions {
  /** Tokens when full, and at start: how many requests may arrive at once. @default 10 */
  burst?: number;
  /** Tokens added per second, continuously. @default 5 */
  ratePerSecond?: number;
}

/** The answer of {@link TokenBucket.take}. */
export type TakeResult = { ok: true } | { ok: false; tokenAt: number };

/** A continuously refilled token bucket, the usual model of an API's rate limit. */
export interface TokenBucket {
  /** Takes one token at `now` (epoch ms); when none is left, says when the next one will be there. */
  take(now: number): TakeResult;
  /** The tokens there are at `now`, without taking one. */
  tokens(now: number): number;
}

/**
 * Creates a {@link TokenBucket}, full at the first `take`.
 *
 * @example
 * const bucket = createTokenBucket({ burst: 10, ratePerSecond: 5 });
 * bucket.take(Date.now()); // { ok: true }
 */
export function createTokenBucket({ burst = 10, ratePerSecond = 5 }: TokenBucketOptions = {}): TokenBucket {
  let tokens = burst;
  let updatedAt: number | undefined;
  const refill = (now: number) => {
    if (updatedAt !== undefined) tokens = Math.min(burst, tokens + ((now - updatedAt) / 1000) * ratePerSecond);
    updatedAt = now;
  };
  return {
    tokens(now) {
      refill(now);
      return tokens;
    },
    take(now) {
      refill(now);
      if (tokens >= 1) {
        tokens -= 1;
        return { ok: true };
      }
      return { ok: false, tokenAt: now + ((1 - tokens) / ratePerSecond) * 1000 };
    },
  };
}
