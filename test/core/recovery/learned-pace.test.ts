import { describe, expect, it, vi } from 'vitest';
import { setup, ask, serve } from './support.js';
// Internal: the recovery controller, tested on its own; through-client.test.ts runs it end to end.
import type { Recovery } from '../../../src/core/retry/recovery.js';

describe('createRecovery: the strict period and the learned pace', () => {
  it('after a refusal right behind successes (a rate limit), sends one at a time for as long again as the wait', async () => {
    const { recovery } = setup();
    const ok = recovery.tryAcquire(() => 'GET /ok')!;
    recovery.answered({ ok: true, status: 200 }, 'GET /ok', undefined, undefined);
    ok('answered');
    const refused = recovery.tryAcquire(() => 'GET /r')!;
    recovery.answered({ ok: false, status: 429 }, 'GET /r', 1000, undefined);
    refused('refused');
    await vi.advanceTimersByTimeAsync(1100);
    for (let round = 0; round < 5; round += 1) {
      const log: Array<[string, number]> = [];
      const places = [ask(recovery, `GET /a/${round}`, log), ask(recovery, `GET /b/${round}`, log)];
      await vi.advanceTimersByTimeAsync(0);
      expect(log).toHaveLength(1);
      (await places[0]!)('answered');
      await vi.advanceTimersByTimeAsync(0);
      (await places[1]!)('answered');
    }
    // At 2 s the strict second is over: successes grow the limit again.
    vi.setSystemTime(2000);
    (recovery.tryAcquire(() => 'GET /c') ?? (await recovery.acquire(() => 'GET /c')))('answered');
    const log: Array<[string, number]> = [];
    void ask(recovery, 'GET /d', log);
    void ask(recovery, 'GET /e', log);
    await vi.advanceTimersByTimeAsync(0);
    expect(log).toHaveLength(2);
  });

  /** A wave that leaves at 0: one served, then `refused` refused for 600 ms, right behind it. */
  async function refusedWave(recovery: Recovery, refused: string[]) {
    const log: Array<[string, number]> = [];
    const places = ['GET /ok', ...refused].map((key) => recovery.tryAcquire(() => key)!);
    recovery.answered({ ok: true, status: 200 }, 'GET /ok', undefined, undefined);
    places[0]!('answered');
    refused.forEach((key, index) => {
      recovery.answered({ ok: false, status: 429 }, key, 600, undefined);
      places[index + 1]!('refused');
    });
    await vi.advanceTimersByTimeAsync(600);
    for (const key of refused) await serve(recovery, key, 200, log);
    await vi.advanceTimersByTimeAsync(400);
  }

  const REFUSED = ['GET /r', 'GET /a', 'GET /b', 'GET /c'];

  /**
   * A rate limit seen twice: a wave at 0 where one request was served and four refused, the
   * four served once the wait is over, and a second refusal at 1000, one second long, while
   * half of the answers so far were refusals. So at most 5 requests per 1000 ms (four served,
   * and up to one more for the fraction the server had refilled): one per 200 ms, erring fast.
   */
  async function learnPace(recovery: Recovery) {
    await refusedWave(recovery, REFUSED);
    await serve(recovery, 'GET /r2', 429, [], 1000);
    expect(recovery.snapshot().state).toBe('holding');
  }

  /** A recovery that learned the pace, at 2000: the second refusal's wait just over. */
  async function pacedAfterWait(): Promise<Recovery> {
    const { recovery } = setup();
    await learnPace(recovery);
    await vi.advanceTimersByTimeAsync(1000);
    return recovery;
  }

  /** Asks for places for `keys` at once, each served with a 200, and moves the clock `ms` on; returns when each left. */
  async function serveTogether(recovery: Recovery, keys: string[], ms: number): Promise<number[]> {
    const log: Array<[string, number]> = [];
    const served = Promise.all(keys.map((key) => serve(recovery, key, 200, log)));
    await vi.advanceTimersByTimeAsync(ms);
    await served;
    expect(log[0]![0]).toBe(keys[0]);
    return log.map(([, at]) => at);
  }

  const sevenAfter = (refused: string) => [refused, ...Array.from({ length: 6 }, (_, index) => `GET /p/${index}`)];

  it('after the wait, sends what refilled meanwhile at once, then one per the pace', async () => {
    const recovery = await pacedAfterWait();
    // Five refilled in the second of the wait: they go at once. Then one each 200 ms, the first
    // half of one early: what the wait refilled is rounded to whole requests.
    expect(await serveTogether(recovery, sevenAfter('GET /r2'), 1000)).toEqual([2000, 2000, 2000, 2000, 2000, 2100, 2300]);
  });

  it('corrects the pace with each further refusal, measured over the whole period', async () => {
    const recovery = await pacedAfterWait();
    await serveTogether(recovery, ['GET /r2', 'GET /x', 'GET /y', 'GET /z', 'GET /w'], 0);
    // The pace was too fast: the next one, at 2100, is refused. Nine served since 0 in 2100 ms.
    const refused = serve(recovery, 'GET /s', 429, [], 1000);
    await vi.advanceTimersByTimeAsync(100);
    await refused;
    await vi.advanceTimersByTimeAsync(1000);
    // One per 2100 / (9 + 1) = 210 ms, on from the schedule the old pace had run up to 3200
    // (it sent six since 2000, one more than the server had): four at once, then 210 apart.
    expect(await serveTogether(recovery, sevenAfter('GET /s'), 1000)).toEqual([3100, 3100, 3100, 3100, 3145, 3355, 3565]);
  });

  it('raises the pace by one request per window after two windows at it without a refusal (additive increase)', async () => {
    const recovery = await pacedAfterWait();
    const keys = sevenAfter('GET /r2').concat(Array.from({ length: 30 }, (_, index) => `GET /q/${index}`));
    const times = await serveTogether(recovery, keys, 6000);
    const gaps = times.slice(1).map((at, index) => at - times[index]!);
    // The window is the second refusal's wait (1000 ms, from 1000): five a window until 3000, so
    // one per 200 ms; then six a window (one per 167 ms); two windows on, seven (one per 143 ms).
    const paced = gaps.filter((gap) => gap > 0);
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(paced.slice(0, 7)).toEqual([100, 200, 200, 200, 200, 200, 200]);
    // The fake clock counts whole milliseconds: a pace of 166.7 ms leaves 165–175 ms apart.
    expect(mean(paced.slice(7, 18))).toBeCloseTo(1000 / 6, 0);
    expect(mean(paced.slice(-10))).toBeCloseTo(1000 / 7, 0);
  });

  it('spaces raises twice as far apart after the server refused one: its limit is near', async () => {
    const recovery = await pacedAfterWait();
    // The first raise comes two windows (of 1000 ms) after the refusal at 1000: one per 200 ms,
    // then one per 167 ms from 3345.
    const first: Array<[string, number]> = [];
    for (let index = 0; index < 12; index += 1) void serve(recovery, `GET /q/${index}`, 200, first);
    await vi.advanceTimersByTimeAsync(1400);
    expect(first.map(([, at]) => at).slice(-3)).toEqual([2945, 3145, 3345]);
    // The raised pace is refused at once.
    const refusedLog: Array<[string, number]> = [];
    void serve(recovery, 'GET /s', 429, refusedLog, 1000);
    await vi.advanceTimersByTimeAsync(400);
    const refusedAt = refusedLog[0]![1];
    expect(refusedAt).toBe(3512);
    const log: Array<[string, number]> = [];
    for (const key of ['GET /s', ...Array.from({ length: 50 }, (_, index) => `GET /t/${index}`)]) void serve(recovery, key, 200, log);
    await vi.advanceTimersByTimeAsync(7000);
    const gaps = log.slice(1).map(([, at], index) => ({ from: log[index]![1], gap: at - log[index]![1] })).filter(({ gap }) => gap > 0);
    // The pace learned anew (about 207 ms) holds for four windows from the refusal, not two; then
    // it is raised by one request per window.
    const before = gaps.filter(({ from }) => from < refusedAt + 4 * 1000);
    const after = gaps.filter(({ from }) => from > refusedAt + 4 * 1000 + 300);
    expect(before.length).toBeGreaterThan(10);
    expect(Math.min(...before.map(({ gap }) => gap))).toBeGreaterThanOrEqual(200);
    expect(after.length).toBeGreaterThan(10);
    expect(Math.max(...after.map(({ gap }) => gap))).toBeLessThan(180);
  });

  it('ends the strict period when the requests in flight with the refused one are served: refused at random, not over a rate', async () => {
    const { recovery } = setup();
    const keys = ['GET /ok', 'GET /r', 'GET /x', 'GET /y'];
    const places = keys.map((key) => recovery.tryAcquire(() => key)!);
    vi.setSystemTime(50);
    recovery.answered({ ok: true, status: 200 }, 'GET /ok', undefined, undefined);
    places[0]!('answered');
    recovery.answered({ ok: false, status: 429 }, 'GET /r', 1000, undefined);
    places[1]!('refused');
    // Both left before the refusal and are served after it: a rate limit would have refused them.
    for (const index of [2, 3]) {
      recovery.answered({ ok: true, status: 200 }, keys[index]!, undefined, undefined);
      places[index]!('answered');
    }
    await vi.advanceTimersByTimeAsync(1100);
    const log: Array<[string, number]> = [];
    for (const key of ['GET /r', 'GET /a', 'GET /b', 'GET /c']) void ask(recovery, key, log);
    await vi.advanceTimersByTimeAsync(0);
    // Not one at a time (a rate limit's strict period lets one go): the ramp grew with the successes.
    expect(log.length).toBeGreaterThan(1);
  });

  it('keeps the strict period when the few served answers of the wave are outnumbered by its refusals: a rate limit refused the rest', async () => {
    const { recovery } = setup();
    const keys = Array.from({ length: 8 }, (_, index) => `GET /items/${index}`);
    const places = keys.map((key) => recovery.tryAcquire(() => key)!);
    vi.setSystemTime(50);
    recovery.answered({ ok: true, status: 200 }, keys[0]!, undefined, undefined);
    places[0]!('answered');
    recovery.answered({ ok: false, status: 429 }, keys[1]!, 1000, undefined);
    places[1]!('refused');
    // The rest of the wave is refused, but for two served from what the server had left, whose
    // answers happen to be read last.
    for (const index of [2, 3, 4, 5]) {
      recovery.answered({ ok: false, status: 429 }, keys[index]!, 1000, undefined);
      places[index]!('refused');
    }
    for (const index of [6, 7]) {
      recovery.answered({ ok: true, status: 200 }, keys[index]!, undefined, undefined);
      places[index]!('answered');
    }
    await vi.advanceTimersByTimeAsync(1100);
    const log: Array<[string, number]> = [];
    for (const key of ['GET /items/10', 'GET /items/11', 'GET /items/12']) void ask(recovery, key, log);
    await vi.advanceTimersByTimeAsync(0);
    expect(log).toHaveLength(1);
  });

  it('stops keeping to it once the demand falls below it for the strict time', async () => {
    const recovery = await pacedAfterWait();
    expect((await serveTogether(recovery, sevenAfter('GET /r2').slice(0, 6), 400)).at(-1)).toBe(2100);
    // Strict until 3000 (the wait again after it ended); nothing waits after 2100.
    await vi.advanceTimersByTimeAsync(1000);
    const later: Array<[string, number]> = [];
    for (let index = 0; index < 6; index += 1) await serve(recovery, `GET /later/${index}`, 200, later);
    expect(later.map(([, at]) => at)).toEqual(Array(6).fill(Date.now()));
  });

  it('learns no pace from a refusal amid successes: a service that refuses at random refuses as often at any pace', async () => {
    const { recovery, gate } = setup();
    // Strict from a wave where one of two was refused; then four served, and one more refused
    // at 1000: two refusals of the seven answers.
    await refusedWave(recovery, ['GET /r']);
    for (const key of ['GET /a', 'GET /b', 'GET /c']) await serve(recovery, key, 200, []);
    await serve(recovery, 'GET /r2', 429, [], 1000);
    // Only its own retry waits: the others go at once, and no pace spaces them.
    expect(gate!.snapshot().closedUntil).toBeNull();
    const log: Array<[string, number]> = [];
    await Promise.all(['GET /x', 'GET /y', 'GET /z'].map((key) => serve(recovery, key, 200, log)));
    expect(log.map(([, at]) => at)).toEqual([1000, 1000, 1000]);
  });

  it('learns nothing from a refusal long after the last one: the strict time had run out', async () => {
    const { recovery } = setup();
    const log: Array<[string, number]> = [];
    await serve(recovery, 'GET /ok', 200, log);
    await serve(recovery, 'GET /r', 429, log, 500);
    // Strict until 1000; the next refusal comes at 5000.
    await vi.advanceTimersByTimeAsync(5000);
    for (const key of ['GET /r', 'GET /a', 'GET /b']) await serve(recovery, key, 200, log);
    await serve(recovery, 'GET /r2', 429, log, 500);
    await vi.advanceTimersByTimeAsync(500);
    const after: Array<[string, number]> = [];
    await Promise.all(['GET /r2', 'GET /x', 'GET /y'].map((key) => serve(recovery, key, 200, after)));
    // One at a time, each right after the other's answer: no pace.
    expect(after.map(([, at]) => at)).toEqual([5500, 5500, 5500]);
  });
});
