import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/core/index.js';
// Internal: the budget is the client's own state, which the public API neither takes nor shows.
import { clientContextOf } from '../../src/core/client/guarded-instance.js';
import { createRetryBudget } from '../../src/core/retry/retry-budget.js';
import { budgetAllows } from '../../src/core/retry/failure-record.js';

const budgetOf = (client: unknown) => clientContextOf(client)?.budget;
import { reply, replyJson, useLocalServer } from '../support/local-server.js';

describe('createRetryBudget', () => {
  it('starts with 10 tokens and allows a retry only while more than 5 remain after the charge', () => {
    const budget = createRetryBudget();
    expect(budget.tokens()).toBe(10);
    expect([1, 2, 3, 4, 5, 6].map(() => budget.charge())).toEqual([true, true, true, true, false, false]);
    expect(budget.tokens()).toBe(4);
  });

  it('never goes below 0 tokens', () => {
    const budget = createRetryBudget();
    for (let index = 0; index < 15; index += 1) budget.charge();
    expect(budget.tokens()).toBe(0);
  });

  it('earns 0.1 token per success, exactly, up to the cap', () => {
    const budget = createRetryBudget();
    for (let index = 0; index < 5; index += 1) budget.charge();
    for (let index = 0; index < 10; index += 1) budget.deposit();
    expect(budget.tokens()).toBe(6);
    expect(budget.charge()).toBe(false);
    for (let index = 0; index < 200; index += 1) budget.deposit();
    expect(budget.tokens()).toBe(10);
  });

  it('takes other sizes and ratios', () => {
    const budget = createRetryBudget({ maxTokens: 4, tokenRatio: 0.5 });
    expect(budget.charge()).toBe(true);
    expect(budget.charge()).toBe(false);
    budget.deposit();
    expect(budget.tokens()).toBe(2.5);
  });
});

describe('the budget of a client', () => {
  const server = useLocalServer();

  it('is charged once per retryable failure and credited per successful response; spent, it holds retries but refuses none', async () => {
    const client = createApiClient({ prefix: server.url, gate: false });
    const budget = budgetOf(client)!;
    server.handle((_request, response) => replyJson(response, 503, { status: 503, error: 'down', support_id: 'd' }));
    const errors: unknown[] = [];
    for (let index = 0; index < 5; index += 1) errors.push(await client.get('a').json().catch((error: unknown) => error));
    expect(budget.tokens()).toBe(5);
    expect(budget.allows()).toBe(false);
    // Coordination decides when a retry goes, never whether the policy may retry.
    expect(errors.map((error) => budgetAllows(error))).toEqual([true, true, true, true, true]);

    server.handle((_request, response) => replyJson(response, 200, { ok: true }));
    for (let index = 0; index < 10; index += 1) await client.get('b').json();
    expect(budget.tokens()).toBe(6);
  });

  it('is not charged for failures that no retry could fix', async () => {
    // The console hints for 4xx answers are dev-hints.test.ts's subject; here they would only print.
    const client = createApiClient({ prefix: server.url, gate: false, devHints: false });
    server.handle((_request, response) => replyJson(response, 404, { status: 404, error: 'missing', support_id: 'm' }));
    await client.get('a').catch(() => undefined);
    server.handle((_request, response) => reply(response, 200, '<html>portal</html>', { 'content-type': 'text/html' }));
    await client.get('b').json().catch(() => undefined);
    expect(budgetOf(client)!.tokens()).toBe(10);
  });

  it('is shared by an extended client and absent with retryBudget: false', () => {
    const client = createApiClient({ prefix: server.url, gate: false });
    expect(budgetOf(client.extend({ timeout: 1_000 }))).toBe(budgetOf(client));
    expect(budgetOf(createApiClient({ retryBudget: false }))).toBeUndefined();
  });
});
