import { describe, expect, it } from 'vitest';
import { setup, refusal, failNow, outageOf } from './support.js';

describe('createRecovery: open', () => {
  it('lets everything through at once while nothing went wrong', () => {
    const { recovery } = setup();
    const places = Array.from({ length: 100 }, (_, index) => recovery.tryAcquire(() => `GET /${index}`));
    expect(places.every((place) => typeof place === 'function')).toBe(true);
    expect(recovery.snapshot()).toMatchObject({ state: 'open', nextProbeAt: null });
  });

  it('is charged once per retryable failure, not for a paced refusal, and stays open above half the budget', () => {
    const { recovery, budget } = setup();
    outageOf(recovery, 4);
    failNow(recovery, 'GET /r', refusal(1000));
    expect(budget!.tokens()).toBe(6);
    expect(recovery.snapshot().state).not.toBe('probing');
  });
});
