import { describe, expect, it, vi } from 'vitest';
// Internal: the recovery controller's rules, tested on their own; through-client.test.ts runs them end to end.
import { createRampUp } from '../../../src/core/retry/rules/ramp-up.js';
import { setup, ask } from './support.js';

describe('createRecovery: ramping up after a wait', () => {
  it('after refusing everyone, ramps up by evidence: one, then twice as many with each success', async () => {
    const { recovery } = setup();
    const refusedKeys = Array.from({ length: 8 }, (_, index) => `GET /r/${index}`);
    const firsts = refusedKeys.map((key) => recovery.tryAcquire(() => key)!);
    refusedKeys.forEach((key, index) => {
      recovery.answered({ ok: false, status: 429 }, key, 1000, undefined);
      firsts[index]!('refused');
    });
    await vi.advanceTimersByTimeAsync(1000);
    const log: Array<[string, number]> = [];
    const places = refusedKeys.map((key) => ask(recovery, key, log));
    await vi.advanceTimersByTimeAsync(0);
    expect(log).toHaveLength(1);
    (await places[0]!)('answered');
    await vi.advanceTimersByTimeAsync(0);
    // Limit 2, nobody in flight: two go.
    expect(log).toHaveLength(3);
    (await places[1]!)('answered');
    await vi.advanceTimersByTimeAsync(0);
    // Limit 4, one in flight: three more go.
    expect(log).toHaveLength(6);
    (await places[2]!)('answered');
    await vi.advanceTimersByTimeAsync(0);
    // Limit 8: all of them.
    expect(log).toHaveLength(8);
  });

});

describe('createRampUp', () => {
  it('is open at first, then doubles from one with each success outside the strict period, up to no limit', () => {
    const ramp = createRampUp();
    expect(ramp.limiting()).toBe(false);
    ramp.restart();
    expect([ramp.admits(0), ramp.admits(1)]).toEqual([true, false]);
    ramp.grow(true);
    expect(ramp.admits(1)).toBe(false);
    const limits: number[] = [];
    while (ramp.limiting() && limits.length < 10) {
      ramp.grow(false);
      let inFlight = 0;
      while (ramp.admits(inFlight) && inFlight < 100) inFlight += 1;
      limits.push(inFlight);
    }
    expect(limits).toEqual([2, 4, 8, 16, 32, 100]);
  });
});
