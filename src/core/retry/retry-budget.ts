/** Settings of a client's retry budget (`createApiClient`'s `retryBudget`). */
export interface RetryBudgetOptions {
  /** Tokens when full (and at start). @default 10 */
  maxTokens?: number;
  /** Tokens a successful response adds back. @default 0.1 */
  tokenRatio?: number;
}

/**
 * A client-wide retry budget in the style of gRPC's retry throttling: every failure that could
 * be retried costs one token, every successful response earns `tokenRatio` back, and retries
 * are allowed only while more than half of the tokens remain. A full outage thus stops retry
 * storms after a few failures, and the budget refills as traffic succeeds again.
 */
export interface RetryBudget {
  /** Charges one failure (floor 0) and says whether a retry is still allowed after the charge. */
  charge(): boolean;
  /** Credits one successful response (capped at `maxTokens`). */
  deposit(): void;
  /** Tokens left. */
  tokens(): number;
  /** Whether retries may go on their own schedules: more than half of the tokens remain. */
  allows(): boolean;
}

/**
 * Creates a {@link RetryBudget}.
 *
 * @example
 * const budget = createRetryBudget();
 * budget.charge(); // true: 9 tokens left, more than 5
 */
export function createRetryBudget({ maxTokens = 10, tokenRatio = 0.1 }: RetryBudgetOptions = {}): RetryBudget {
  let tokens = maxTokens;
  const threshold = maxTokens / 2;
  return {
    charge() {
      tokens = Math.max(0, tokens - 1);
      return tokens > threshold;
    },
    deposit() {
      // Rounded so that ten deposits of 0.1 really make 1.
      tokens = Math.min(maxTokens, Math.round((tokens + tokenRatio) * 1000) / 1000);
    },
    tokens: () => tokens,
    allows: () => tokens > threshold,
  };
}
