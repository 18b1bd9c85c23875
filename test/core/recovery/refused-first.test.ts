import { describe, expect, it, vi } from 'vitest';
import { setup, refusal, ask } from './support.js';

describe('createRecovery: the refused request first', () => {
  it('holds everyone until the wait is over, then lets the refused request go first, alone', async () => {
    const { recovery } = setup();
    const first = recovery.tryAcquire(() => 'GET /a')!;
    recovery.answered({ ok: false, status: 429 }, 'GET /a', 1000, undefined);
    recovery.failed(refusal(1000));
    first(refusal(1000));
    expect(recovery.snapshot().state).toBe('holding');
    const log: Array<[string, number]> = [];
    const fresh = ask(recovery, 'GET /fresh', log);
    await vi.advanceTimersByTimeAsync(999);
    expect(log).toEqual([]);
    await vi.advanceTimersByTimeAsync(11);
    // The gate is open, but the refused request is not back yet: the fresh one waits for it.
    expect(log).toEqual([]);
    expect(recovery.snapshot().state).toBe('ramping');
    const probe = ask(recovery, 'GET /a', log);
    await vi.advanceTimersByTimeAsync(0);
    expect(log).toEqual([['GET /a', 1010]]);
    // One in flight: the fresh request waits for the probe's answer.
    (await probe)('answered');
    await vi.advanceTimersByTimeAsync(0);
    expect(log.map(([key]) => key)).toEqual(['GET /a', 'GET /fresh']);
    (await fresh)('answered');
  });

  it('waits for a refused request that does not come back only until its latest time', async () => {
    const { recovery } = setup();
    const first = recovery.tryAcquire(() => 'GET /gone')!;
    recovery.answered({ ok: false, status: 429 }, 'GET /gone', 1000, undefined);
    first('refused');
    const log: Array<[string, number]> = [];
    const fresh = ask(recovery, 'GET /fresh', log);
    await vi.advanceTimersByTimeAsync(2000);
    // The wait, 2.5 % of it for the retry's spread, and 20 ms for its way back.
    expect(log).toEqual([['GET /fresh', 1045]]);
    (await fresh)('answered');
  });

  it('lets the most often refused request go first', async () => {
    const { recovery } = setup();
    for (const key of ['GET /once', 'GET /twice', 'GET /twice']) {
      const place = recovery.tryAcquire(() => key) ?? (() => undefined);
      recovery.answered({ ok: false, status: 429 }, key, 0, undefined);
      place('refused');
    }
    const holder = await recovery.acquire(() => 'GET /holder');
    const log: Array<[string, number]> = [];
    const order = ['GET /fresh', 'GET /once', 'GET /twice'].map((key) => ask(recovery, key, log).then((release) => release('answered')));
    holder('answered');
    await vi.advanceTimersByTimeAsync(0);
    await Promise.all(order);
    expect(log.map(([key]) => key)).toEqual(['GET /twice', 'GET /once', 'GET /fresh']);
  });

  it('rejects with the abort reason and gives up its place in the queue', async () => {
    const { recovery } = setup();
    const place = recovery.tryAcquire(() => 'GET /r')!;
    recovery.answered({ ok: false, status: 429 }, 'GET /r', 0, undefined);
    const controller = new AbortController();
    const aborted = recovery.acquire(() => 'GET /a', controller.signal);
    const next = recovery.acquire(() => 'GET /b');
    controller.abort(new Error('gone'));
    await expect(aborted).rejects.toThrow('gone');
    place('refused');
    await expect(next).resolves.toBeTypeOf('function');
  });
});
