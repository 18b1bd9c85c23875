import { createRateLimitGate } from '../../src/core/index.js';
import { slowStartFetch } from './slow-start-fetch.js';
import { kitStrategy, type Strategy } from './strategies.js';

/** The kit with its retry budget off: shows what the budget costs in a rate-limit storm. */
export const kitWithoutBudget: Strategy = kitStrategy(
  { id: 'kit-no-budget', label: 'kit, no retry budget', setup: 'createApiClient({ retryBudget: false }) + apiQueryDefaults()' },
  (fetch) => ({ fetch, retryBudget: false }),
);

/** The kit with its retry budget off and 10 retries: shows how many refusals a query meets. */
export const kitWithoutBudgetTenRetries: Strategy = kitStrategy(
  {
    id: 'kit-no-budget-10',
    label: 'kit, no budget, 10 retries',
    setup: 'createApiClient({ retryBudget: false }) + apiQueryDefaults({ maxRetries: 10 })',
  },
  (fetch) => ({ fetch, retryBudget: false }),
  { maxRetries: 10 },
);

/**
 * A proposal the kit does not ship: limiting the requests in flight from the very start (one,
 * then one more per success), on top of the kit's own pacing after a 429.
 */
export const kitSlowStart: Strategy = kitStrategy(
  {
    id: 'kit-slow-start',
    label: 'proposal: slow start',
    setup: 'createApiClient({ gate, fetch: slowStartFetch(fetch, { gate, initialLimit: 1 }) }) + apiQueryDefaults()',
  },
  (fetch) => {
    const gate = createRateLimitGate();
    return { gate, fetch: slowStartFetch(fetch, { gate, initialLimit: 1 }) };
  },
);

/** Variants of the kit that isolate one setting each, and an unshipped proposal; run with `--diagnostics`. */
export const DIAGNOSTIC_STRATEGIES: readonly Strategy[] = [kitWithoutBudget, kitWithoutBudgetTenRetries, kitSlowStart];
