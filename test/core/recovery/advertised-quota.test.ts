import { describe, expect, it, vi } from 'vitest';
import { createRateLimitGate } from '../../../src/core/retry/rate-limit-gate.js';
import { createAdvertisedQuotaRule } from '../../../src/core/retry/rules/advertised-quota.js';
import { setup, ask } from './support.js';

describe('createRecovery: the quota a server advertises', () => {
  it('lets no more leave before the reset than the server said remain, then one until a new count', async () => {
    const { recovery, gate } = setup();
    const first = recovery.tryAcquire(() => 'GET /0')!;
    recovery.answered({ ok: true, status: 200 }, 'GET /0', undefined, { remaining: 3, resetMs: 1000 });
    first('answered');
    const sent = [1, 2, 3, 4].map((index) => recovery.tryAcquire(() => `GET /${index}`));
    expect(sent.map((place) => typeof place)).toEqual(['function', 'function', 'function', 'undefined']);
    expect(gate!.snapshot().closedUntil).toBe(1000);
    const log: Array<[string, number]> = [];
    const later = [ask(recovery, 'GET /4', log), ask(recovery, 'GET /5', log)];
    for (const place of sent) place?.('answered');
    await vi.advanceTimersByTimeAsync(1000);
    // The reset passed without a new count: one goes, and its answer says how many more may.
    expect(log).toEqual([['GET /4', 1000]]);
    recovery.answered({ ok: true, status: 200 }, 'GET /4', undefined, { remaining: 5, resetMs: 1000 });
    (await later[0]!)('answered');
    await vi.advanceTimersByTimeAsync(0);
    expect(log).toHaveLength(2);
  });

  it('counts requests still in flight against the quota', () => {
    const { recovery, gate } = setup();
    const inFlight = [0, 1, 2].map((index) => recovery.tryAcquire(() => `GET /${index}`)!);
    recovery.answered({ ok: true, status: 200 }, 'GET /0', undefined, { remaining: 2, resetMs: 1000 });
    inFlight[0]!('answered');
    expect(gate!.snapshot().closedUntil).toBe(1000);
    expect(recovery.tryAcquire(() => 'GET /3')).toBeUndefined();
  });
});

describe('createAdvertisedQuotaRule', () => {
  it('admits what the count allows, closes the gate when it is used up, and forgets it on a success without one', () => {
    vi.useFakeTimers({ now: 0 });
    const gate = createRateLimitGate();
    let inFlight = 0;
    const rule = createAdvertisedQuotaRule(gate, () => inFlight);
    const anyone = () => 'GET /x';
    rule.answered(true, { remaining: 1, resetMs: 1000 }, 0);
    expect(rule.admits(anyone, 0)).toBe(true);
    expect(rule.wakeAt(0, [])).toBe(1000);
    rule.departed(0);
    inFlight = 1;
    expect(gate.snapshot().closedUntil).toBe(1000);
    expect(rule.admits(anyone, 0)).toBe(false);
    // After the reset with no new count: one at a time.
    expect(rule.admits(anyone, 1000)).toBe(false);
    inFlight = 0;
    expect(rule.admits(anyone, 1000)).toBe(true);
    rule.answered(true, undefined, 1000);
    expect(rule.wakeAt(1000, [])).toBeUndefined();
    gate.dispose();
  });
});
