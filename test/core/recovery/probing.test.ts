import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../src/core/index.js';
import { setup, outage, ask, outageOf, failNow } from './support.js';
// Internal: the recovery controller's decisions, tested on their own; through-client.test.ts runs them end to end.
import { budgetAllows } from '../../../src/core/retry/failure-record.js';

describe('createRecovery: probing while the budget is spent', () => {
  it('turns to probing when no more than half of the budget is left', () => {
    const { recovery } = setup();
    outageOf(recovery, 5);
    expect(recovery.snapshot()).toMatchObject({ state: 'probing', nextProbeAt: 0 });
  });

  it('sends one probe at a time; the others wait without being sent, and the probes back off', async () => {
    const { recovery } = setup();
    outageOf(recovery, 10);
    const log: Array<[string, number]> = [];
    await vi.advanceTimersByTimeAsync(500);
    const waiting = Array.from({ length: 10 }, (_, index) => ask(recovery, `GET /q/${index}`, log));
    await vi.advanceTimersByTimeAsync(0);
    expect(log).toEqual([['GET /q/0', 500]]);
    expect(recovery.snapshot()).toMatchObject({ state: 'probing', nextProbeAt: null, waiting: 9 });
    const probe = await waiting[0]!;
    recovery.failed(outage('GET /q/0'));
    probe(outage('GET /q/0'));
    // The next probe when the second retry's backoff (1–2 s) could first end, and it is another request.
    expect(recovery.snapshot()).toMatchObject({ state: 'probing', nextProbeAt: 1500, waiting: 9 });
    await vi.advanceTimersByTimeAsync(999);
    expect(log).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(log).toEqual([
      ['GET /q/0', 500],
      ['GET /q/1', 1500],
    ]);
    const second = await waiting[1]!;
    recovery.failed(outage('GET /q/1'));
    second(outage('GET /q/1'));
    expect(recovery.snapshot().nextProbeAt).toBe(1500 + 2000);
  });

  it('lets everyone go, ramping up, once a probe succeeds', async () => {
    const { recovery } = setup();
    outageOf(recovery, 10);
    const log: Array<[string, number]> = [];
    const waiting = Array.from({ length: 7 }, (_, index) => ask(recovery, `GET /q/${index}`, log));
    await vi.advanceTimersByTimeAsync(0);
    expect(log).toHaveLength(1);
    (await waiting[0]!)('answered');
    await vi.advanceTimersByTimeAsync(0);
    expect(recovery.snapshot().state).toBe('ramping');
    expect(log).toHaveLength(3);
    (await waiting[1]!)('answered');
    (await waiting[2]!)('answered');
    await vi.advanceTimersByTimeAsync(0);
    expect(log).toHaveLength(7);
  });

  it('fails the waiters when the policy would have given up, with the last answer, no sooner', async () => {
    const { recovery } = setup();
    outageOf(recovery, 10);
    // Each first failure was at 0 and took no time: the policy gives up 1 + 2 + 4 s later.
    const outcomes: unknown[] = [];
    const waiting = Array.from({ length: 5 }, (_, index) =>
      recovery.acquire(() => `GET /q/${index}`).then(
        (release) => ({ release, index }),
        (error: unknown) => outcomes.push(error),
      ),
    );
    let supportId = 0;
    // Each probe fails, until the deadline.
    for (let round = 0; round < 5 && outcomes.length === 0; round += 1) {
      await vi.advanceTimersByTimeAsync(recovery.snapshot().nextProbeAt! - Date.now());
      const probeIndex = await Promise.race(waiting.map((promise) => promise.then((value) => (typeof value === 'object' ? value : undefined))));
      if (!probeIndex) break;
      supportId += 1;
      const error = outage(`GET /q/${probeIndex.index}`, `down-probe-${supportId}`);
      recovery.failed(error, `GET /q/${probeIndex.index}`);
      probeIndex.release(error);
      waiting[probeIndex.index] = new Promise(() => undefined);
      if (Date.now() >= 7000) expect(budgetAllows(error)).toBe(false);
    }
    await vi.advanceTimersByTimeAsync(0);
    expect(Date.now()).toBeGreaterThanOrEqual(7000);
    expect(outcomes.length).toBeGreaterThan(0);
    for (const error of outcomes) {
      expect(error).toBeInstanceOf(ApiError);
      // Each with its own last answer: a probe's, or its first request's.
      expect(error).toMatchObject({ status: 503, supportId: expect.stringMatching(/^down-/) });
      expect(budgetAllows(error)).toBe(false);
    }
  });

  it('does not hold anyone without a budget', () => {
    const { recovery } = setup({ budget: false });
    outageOf(recovery, 20);
    expect(recovery.tryAcquire(() => 'GET /q/0')).toBeTypeOf('function');
  });
});

describe('createRecovery: degraded is not down', () => {
  it('does not turn to probing on a spent budget while the service serves other requests', () => {
    const { recovery, budget } = setup();
    const served = recovery.tryAcquire(() => 'GET /ok')!;
    recovery.answered({ ok: true, status: 200 }, 'GET /ok', undefined, undefined);
    served('answered');
    outageOf(recovery, 8);
    expect(budget!.allows()).toBe(false);
    expect(recovery.snapshot()).toMatchObject({ state: 'open', health: 'degraded' });
    expect(recovery.tryAcquire(() => 'GET /next')).toBeTypeOf('function');
  });

  it('turns to probing once nothing was served for longer than the first backoff', () => {
    const { recovery } = setup();
    const served = recovery.tryAcquire(() => 'GET /ok')!;
    recovery.answered({ ok: true, status: 200 }, 'GET /ok', undefined, undefined);
    served('answered');
    outageOf(recovery, 8);
    vi.setSystemTime(1001);
    failNow(recovery, 'GET /late', outage('GET /late'));
    expect(recovery.snapshot()).toMatchObject({ state: 'probing', health: 'down', healthSince: 1001 });
  });
});

describe('createRecovery: probing after a query gave up', () => {
  it('takes the service to be down when nothing was served since the failure, and probes ever more rarely, never beyond a quarter of the outage', async () => {
    const { recovery } = setup();
    const failure = outage('GET /q/0');
    vi.setSystemTime(7000);
    recovery.gaveUp(failure);
    expect(recovery.snapshot().health).toBe('down');
    const times: number[] = [];
    for (let round = 0; round < 12; round += 1) {
      const next = recovery.snapshot().nextProbeAt!;
      // The outage began when the policy's first request failed: 7 s before it gave up.
      expect(next - Date.now()).toBeLessThanOrEqual(Math.max(1000, Date.now() / 4));
      await vi.advanceTimersByTimeAsync(next - Date.now());
      times.push(Date.now());
      const probe = await recovery.acquire(() => 'GET /q/0');
      const again = outage('GET /q/0');
      recovery.failed(again, 'GET /q/0');
      probe(again);
    }
    const gaps = times.slice(1).map((at, index) => at - times[index]!);
    expect(gaps.at(-1)).toBeGreaterThan(gaps[0]!);
  });

  it('does nothing when the service answered after the failure, and sends the next probe at once when asked', () => {
    const { recovery } = setup();
    const failure = outage('GET /q/0');
    vi.setSystemTime(10);
    const served = recovery.tryAcquire(() => 'GET /ok')!;
    recovery.answered({ ok: true, status: 200 }, 'GET /ok', undefined, undefined);
    served('answered');
    recovery.gaveUp(failure);
    expect(recovery.snapshot().state).not.toBe('probing');
    vi.setSystemTime(5000);
    recovery.gaveUp(outage('GET /q/1'));
    expect(recovery.snapshot().nextProbeAt).toBeGreaterThan(5000);
    recovery.probeNow();
    expect(recovery.snapshot().nextProbeAt).toBe(5000);
  });
});
