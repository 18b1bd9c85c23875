import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../src/core/ApiError.js';
import { createApiClient, createRateLimitGate, createRetryBudget, DEFAULT_RETRY_POLICY, getRetryBudget } from '../../src/core/index.js';
import { createRecovery, type Recovery, type Release } from '../../src/core/retry/recovery.js';
import { budgetAllows } from '../../src/core/retry/retry-schedule.js';
import { replyJson, useLocalServer } from '../support/local-server.js';

// The policy's longest backoff, so a test can count the times: 1 s, 2 s, 4 s, …
const ceilingBackoff = (retryNumber: number) => 1000 * 2 ** (retryNumber - 1);

function setup(options: { budget?: boolean; gate?: boolean } = {}) {
  vi.useFakeTimers({ now: 0 });
  const gate = options.gate === false ? undefined : createRateLimitGate();
  const budget = options.budget === false ? undefined : createRetryBudget();
  const recovery = createRecovery({ gate, budget, policy: DEFAULT_RETRY_POLICY, backoffDelay: ceilingBackoff });
  return { gate, budget, recovery };
}

const outage = (key: string, supportId = 'down-1') =>
  new ApiError({ status: 503, kind: 'unavailable', supportId, method: key.split(' ')[0], url: key.split(' ')[1] });
const refusal = (waitMs: number) => new ApiError({ status: 429, kind: 'rate_limited', retryAfterMs: waitMs });

/** Asks for a place for `key`; records the time it was given. */
function ask(recovery: Recovery, key: string, log: Array<[string, number]>): Promise<Release> {
  return recovery.acquire(() => key).then((release) => {
    log.push([key, Date.now()]);
    return release;
  });
}

/** A request `key` that leaves at once and fails with `error`, reported as the client does. */
function failNow(recovery: Recovery, key: string, error: ApiError): void {
  const release = recovery.tryAcquire(() => key) ?? (() => undefined);
  recovery.failed(error);
  release(error);
}

/** Spends the budget: `count` first requests leave together and fail. */
function outageOf(recovery: Recovery, count: number): void {
  const keys = Array.from({ length: count }, (_, index) => `GET /q/${index}`);
  const places = keys.map((key) => recovery.tryAcquire(() => key)!);
  keys.forEach((key, index) => {
    recovery.failed(outage(key), key);
    places[index]!(outage(key));
  });
}

/** Two requests leave together; the server refuses both with a one-second wait, told 100 ms apart. */
function refuseWave(recovery: Recovery): void {
  const places = ['GET /a', 'GET /b'].map((key) => recovery.tryAcquire(() => key)!);
  recovery.answered({ ok: false, status: 429 }, 'GET /a', 1000, undefined);
  places[0]!('refused');
  vi.setSystemTime(100);
  recovery.answered({ ok: false, status: 429 }, 'GET /b', 1000, undefined);
  places[1]!('refused');
}

afterEach(() => {
  vi.useRealTimers();
});

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

describe('createRecovery: holding for a server wait, then ramping up', () => {
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

  it('lets each retry of a wave the server refused whole go at its own time, not at the latest of theirs', async () => {
    const { recovery, gate } = setup();
    refuseWave(recovery);
    expect(gate!.snapshot().closedUntil).toBe(1100);
    await vi.advanceTimersByTimeAsync(900);
    // At 1000 the gate is closed for /b's refusal, but /a's own time has come.
    expect(recovery.tryAcquire(() => 'GET /fresh')).toBeUndefined();
    const retry = recovery.tryAcquire(() => 'GET /a');
    expect(retry).toBeTypeOf('function');
    // Refused again: now everyone waits for the gate, /b included.
    recovery.answered({ ok: false, status: 429 }, 'GET /a', 1000, undefined);
    retry!('refused');
    await vi.advanceTimersByTimeAsync(100);
    expect(recovery.tryAcquire(() => 'GET /b')).toBeUndefined();
  });

  it('holds every retry until the latest closing when the server let others through just before', async () => {
    const { recovery } = setup();
    const ok = recovery.tryAcquire(() => 'GET /ok')!;
    recovery.answered({ ok: true, status: 200 }, 'GET /ok', undefined, undefined);
    ok('answered');
    refuseWave(recovery);
    await vi.advanceTimersByTimeAsync(900);
    expect(recovery.tryAcquire(() => 'GET /a')).toBeUndefined();
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

  it('holds nobody for a request whose wait is too long to be retried automatically', async () => {
    const { recovery } = setup();
    const place = recovery.tryAcquire(() => 'GET /long')!;
    recovery.answered({ ok: false, status: 429 }, 'GET /long', 600_000, undefined);
    place('refused');
    await vi.advanceTimersByTimeAsync(600_000);
    expect(recovery.tryAcquire(() => 'GET /fresh')).toBeTypeOf('function');
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

/** A request `key` that leaves when its turn comes and is answered at once with `status`. */
async function serve(recovery: Recovery, key: string, status: number, log: Array<[string, number]>, waitMs?: number): Promise<void> {
  const release = await ask(recovery, key, log);
  recovery.answered({ ok: status < 400, status }, key, waitMs, undefined);
  release(status === 429 ? 'refused' : 'answered');
}

describe('createRecovery: keeping to the rate a server was seen to allow', () => {
  /**
   * A rate limit seen twice: a refusal at 0 right behind a success, four successes once its
   * wait is over, and a second refusal at 1000, one second long. So at most 5 requests per
   * 1000 ms (four served, and up to one more for the fraction the server had refilled): one per
   * 200 ms, erring fast.
   */
  async function learnPace(recovery: Recovery) {
    const log: Array<[string, number]> = [];
    await serve(recovery, 'GET /ok', 200, log);
    await serve(recovery, 'GET /r', 429, log, 600);
    await vi.advanceTimersByTimeAsync(600);
    for (const key of ['GET /r', 'GET /a', 'GET /b', 'GET /c']) await serve(recovery, key, 200, log);
    await vi.advanceTimersByTimeAsync(400);
    await serve(recovery, 'GET /r2', 429, log, 1000);
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
    const refused = serve(recovery, 'GET /r3', 429, [], 1000);
    await vi.advanceTimersByTimeAsync(100);
    await refused;
    await vi.advanceTimersByTimeAsync(1000);
    // One per 2100 / (9 + 1) = 210 ms, on from the schedule the old pace had run up to 3200
    // (it sent six since 2000, one more than the server had): four at once, then 210 apart.
    expect(await serveTogether(recovery, sevenAfter('GET /r3'), 1000)).toEqual([3100, 3100, 3100, 3100, 3145, 3355, 3565]);
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

describe('pacing through the client after a 429', () => {
  let limited = false;
  let inFlight = 0;
  let maxInFlightAfterReopen = 0;
  let reopened = false;

  const server = useLocalServer((request, response) => {
    if (request.url === '/first') {
      replyJson(response, 200, { ok: true });
      return;
    }
    if (!limited) {
      limited = true;
      replyJson(response, 429, { status: 429, error: 'Slow down', support_id: 'sup-1' }, { 'retry-after': '1' });
      return;
    }
    reopened = true;
    inFlight += 1;
    maxInFlightAfterReopen = Math.max(maxInFlightAfterReopen, inFlight);
    setTimeout(() => {
      inFlight -= 1;
      replyJson(response, 200, { ok: true });
    }, 30);
  });

  it('sends the requests held at the gate one at a time when the server let others through just before', async () => {
    const api = createApiClient({ prefix: server.url });
    await api.get('first');
    await api.get('limited').catch(() => undefined);
    const held = Array.from({ length: 12 }, (_, index) => api.get(`held/${index}`).json());
    await Promise.all(held);
    expect(reopened).toBe(true);
    // Twelve answers of 30 ms fit in the second after the wait: one at a time throughout, so a
    // server still at its limit would refuse one of them, not the crowd.
    expect(maxInFlightAfterReopen).toBe(1);
    const firstAfter = server.requests[2]!.at - server.requests[1]!.at;
    expect(firstAfter).toBeGreaterThanOrEqual(1000);
  });
});

describe('the refused request first, through the client', () => {
  const server = useLocalServer((request, response) => {
    const refuse = request.url === '/probe' && !server.requests.slice(0, -1).some((seen) => seen.path === '/probe');
    if (refuse) replyJson(response, 429, { status: 429, error: 'Slow down', support_id: 'sup-1' }, { 'retry-after': '0.3' });
    else replyJson(response, 200, { ok: true });
  });

  it('sends its retry before a request that reached the reopened gate first', async () => {
    // A wide spread, so the timing below has margins of about 100 ms either way.
    const api = createApiClient({ prefix: server.url, retryPolicy: { serverWaitSpread: 0.5 } });
    await expect(api.get('probe').json()).rejects.toMatchObject({ kind: 'rate_limited' });
    const fresh = api.get('fresh').json();
    // The gate reopens at 300 ms; the retry comes at 350 ms, within its spread (up to 450 ms).
    await new Promise((resolve) => setTimeout(resolve, 350));
    await Promise.all([fresh, api.get('probe').json()]);
    expect(server.requests.map((seen) => seen.path)).toEqual(['/probe', '/probe', '/fresh']);
  });
});

describe("with ky's throwHttpErrors: false, through the client", () => {
  const server = useLocalServer((request, response) => {
    const refuse = request.url === '/a' && !server.requests.slice(0, -1).some((seen) => seen.path === '/a');
    if (request.url?.startsWith('/down')) replyJson(response, 503, { status: 503, error: 'down', support_id: 'd' });
    else if (refuse) replyJson(response, 429, { status: 429, error: 'Slow down', support_id: 'sup-1' }, { 'retry-after': '0.3' });
    else replyJson(response, 200, { ok: true });
  });

  it('charges the budget for a 503 that resolves, as for one that rejects', async () => {
    const api = createApiClient({ prefix: server.url, throwHttpErrors: false });
    for (let index = 0; index < 3; index += 1) expect((await api.get('down')).status).toBe(503);
    expect(getRetryBudget(api)!.tokens()).toBe(7);
  });

  it('does not count a 429 that resolves as a success: its retry still goes first', async () => {
    const api = createApiClient({ prefix: server.url, throwHttpErrors: false, retryPolicy: { serverWaitSpread: 0.5 } });
    expect((await api.get('a')).status).toBe(429);
    const fresh = api.get('fresh');
    await new Promise((resolve) => setTimeout(resolve, 350));
    await Promise.all([fresh, api.get('a')]);
    expect(server.requests.map((seen) => seen.path)).toEqual(['/a', '/a', '/fresh']);
  });
});
