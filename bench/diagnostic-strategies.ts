import { QueryClient } from '@tanstack/query-core';
import { apiQueryDefaults, createApiClient } from '../src/core/index.js';
import { createPacedGate } from './paced-gate.js';
import type { Strategy } from './strategies.js';

/** The kit with its retry budget off: shows what the budget costs in a rate-limit storm. */
export const kitWithoutBudget: Strategy = {
  id: 'kit-no-budget',
  label: 'kit, no retry budget',
  setup: 'createApiClient({ retryBudget: false }) + apiQueryDefaults()',
  create(baseUrl, fetch) {
    const client = createApiClient({ prefix: baseUrl, fetch, retryBudget: false });
    const queryClient = new QueryClient({ defaultOptions: apiQueryDefaults() });
    return { queryClient, fetchItem: (id, signal) => client.get(`items/${id}`, { signal }).json() };
  },
};

/** The kit with its retry budget off and 10 retries: shows how the gate releases its waiters. */
export const kitWithoutBudgetTenRetries: Strategy = {
  id: 'kit-no-budget-10',
  label: 'kit, no budget, 10 retries',
  setup: 'createApiClient({ retryBudget: false }) + apiQueryDefaults({ maxRetries: 10 })',
  create(baseUrl, fetch) {
    const client = createApiClient({ prefix: baseUrl, fetch, retryBudget: false });
    const queryClient = new QueryClient({ defaultOptions: apiQueryDefaults({ maxRetries: 10 }) });
    return { queryClient, fetchItem: (id, signal) => client.get(`items/${id}`, { signal }).json() };
  },
};

/** The proposed fix: no budget charge for 429s, and a gate that paces what it lets out. */
export const kitPaced: Strategy = {
  id: 'kit-paced',
  label: 'proposal: paced gate',
  setup: 'createApiClient({ gate: createPacedGate(), retryBudget: false }) + apiQueryDefaults()',
  create(baseUrl, fetch) {
    const gate = createPacedGate();
    const client = createApiClient({ prefix: baseUrl, gate, fetch: gate.track(fetch), retryBudget: false });
    const queryClient = new QueryClient({ defaultOptions: apiQueryDefaults() });
    return { queryClient, fetchItem: (id, signal) => client.get(`items/${id}`, { signal }).json() };
  },
};

/** The proposal, also pacing the very first requests (one in flight until answers come back). */
export const kitPacedFromStart: Strategy = {
  id: 'kit-paced-start-1',
  label: 'proposal: paced from start',
  setup: 'createApiClient({ gate: createPacedGate({ initialLimit: 1 }), retryBudget: false }) + apiQueryDefaults()',
  create(baseUrl, fetch) {
    const gate = createPacedGate({ initialLimit: 1 });
    const client = createApiClient({ prefix: baseUrl, gate, fetch: gate.track(fetch), retryBudget: false });
    const queryClient = new QueryClient({ defaultOptions: apiQueryDefaults() });
    return { queryClient, fetchItem: (id, signal) => client.get(`items/${id}`, { signal }).json() };
  },
};

/** Variants of the kit that isolate one setting each, and the proposed fix; run with `--diagnostics`. */
export const DIAGNOSTIC_STRATEGIES: readonly Strategy[] = [kitWithoutBudget, kitWithoutBudgetTenRetries, kitPaced, kitPacedFromStart];
