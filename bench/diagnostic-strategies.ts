import { createPacedGate } from './paced-gate.js';
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
 * A proposal the kit does not ship: pacing the very first requests too (one in flight until
 * answers come back), on top of the pacing after a 429 that the kit does.
 */
export const kitPacedFromStart: Strategy = kitStrategy(
  {
    id: 'kit-paced-start-1',
    label: 'proposal: paced from start',
    setup: 'createApiClient({ gate: createPacedGate({ initialLimit: 1 }), retryBudget: false }) + apiQueryDefaults()',
  },
  (fetch) => {
    const gate = createPacedGate({ initialLimit: 1 });
    return { gate, fetch: gate.track(fetch), retryBudget: false };
  },
);

/** Variants of the kit that isolate one setting each, and an unshipped proposal; run with `--diagnostics`. */
export const DIAGNOSTIC_STRATEGIES: readonly Strategy[] = [kitWithoutBudget, kitWithoutBudgetTenRetries, kitPacedFromStart];
