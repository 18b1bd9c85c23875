import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAdmission, type Admission } from '../../src/core/admission.js';
import { createApiClient } from '../../src/core/index.js';
import { replyJson, useLocalServer } from '../support/local-server.js';

describe('createAdmission', () => {
  it('lets everything through until the server rate-limits', async () => {
    const admission = createAdmission();
    const releases = await Promise.all(Array.from({ length: 100 }, () => admission.acquire()));
    expect(releases).toHaveLength(100);
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('after a restart without a wait lets one through, then one more with each success', async () => {
    const admission = createAdmission();
    admission.restart(0);
    const admitted: number[] = [];
    const waiting = Array.from({ length: 7 }, (_, index) => admission.acquire().then((release) => (admitted.push(index), release)));
    await Promise.resolve();
    expect(admitted).toEqual([0]);
    (await waiting[0]!)(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(admitted).toEqual([0, 1, 2]);
    (await waiting[1]!)(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    // Limit 3, one still in flight: two more.
    expect(admitted).toEqual([0, 1, 2, 3, 4]);
  });

  it('does not grow on a failure, and stops limiting after enough successes', async () => {
    const admission = createAdmission();
    admission.restart(0);
    const first = await admission.acquire();
    const second = admission.acquire();
    first(false);
    const release = await second;
    release(true);
    // 2 → 3 → … → unlimited at 64, one success at a time.
    for (let successes = 1; successes < 64; successes++) (await admission.acquire())(true);
    const many = await Promise.all(Array.from({ length: 500 }, () => admission.acquire()));
    expect(many).toHaveLength(500);
  });

  // Asks for `count` places at once; says how many were given before any was released.
  async function admittedAtOnce(admission: Admission, count: number): Promise<number> {
    let admitted = 0;
    const waiting = Array.from({ length: count }, () => admission.acquire().then((release) => ((admitted += 1), release)));
    await new Promise((resolve) => setTimeout(resolve, 0));
    const atOnce = admitted;
    for (const next of waiting) (await next)(false);
    return atOnce;
  }

  // One at a time until `strictEnd` (a success just before it does not grow the pace), then two.
  async function expectOneAtATimeUntil(admission: Admission, strictEnd: number): Promise<void> {
    vi.setSystemTime(strictEnd - 1);
    (await admission.acquire())(true);
    expect(await admittedAtOnce(admission, 4)).toBe(1);
    vi.setSystemTime(strictEnd);
    (await admission.acquire())(true);
    expect(await admittedAtOnce(admission, 4)).toBe(2);
  }

  it('keeps to one at a time through the wait and as long again after it, then grows', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: 0 });
    const admission = createAdmission();
    admission.restart(1000);
    vi.setSystemTime(1999);
    (await admission.acquire())(true);
    await expectOneAtATimeUntil(admission, 2000);
    // A second refusal starts a new strict period from its own time.
    admission.restart(500);
    vi.setSystemTime(2999);
    (await admission.acquire())(true);
    expect(await admittedAtOnce(admission, 4)).toBe(1);
  });

  it('keeps to one at a time for at most a minute after a long wait', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: 0 });
    const admission = createAdmission();
    admission.restart(300_000);
    await expectOneAtATimeUntil(admission, 360_000);
  });

  // Queues `keys` behind a held place, lets them through one at a time and says in which order they went.
  async function admittedOrder(admission: Admission, keys: string[]): Promise<string[]> {
    admission.restart(0);
    const holder = await admission.acquire();
    const order: string[] = [];
    const waiting = keys.map((key) =>
      admission.acquire(undefined, () => key).then((release) => {
        order.push(key);
        release(true);
      }),
    );
    holder(false);
    await Promise.all(waiting);
    return order;
  }

  it('lets refused requests go first, the longest waiting first, until they succeed', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: 0 });
    const admission = createAdmission();
    admission.restart(0, 'GET /late');
    vi.setSystemTime(10);
    admission.restart(0, 'GET /later');
    expect(await admittedOrder(admission, ['GET /fresh', 'GET /later', 'GET /late'])).toEqual(['GET /late', 'GET /later', 'GET /fresh']);
    // Their success ended their precedence: now in arrival order.
    expect(await admittedOrder(admission, ['GET /fresh', 'GET /late'])).toEqual(['GET /fresh', 'GET /late']);
  });

  it('lets the most often refused request go first', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: 0 });
    const admission = createAdmission();
    admission.restart(0, 'GET /once');
    vi.setSystemTime(10);
    admission.restart(0, 'GET /twice');
    admission.restart(0, 'GET /twice');
    expect(await admittedOrder(admission, ['GET /fresh', 'GET /once', 'GET /twice'])).toEqual(['GET /twice', 'GET /once', 'GET /fresh']);
  });

  // Asks for a place for `key`; records when and in which order places were given.
  function ask(admission: Admission, key: string, log: Array<[string, number]>): Promise<void> {
    return admission.acquire(undefined, () => key).then((release) => {
      log.push([key, Date.now()]);
      release(true);
    });
  }

  // An admission whose server refused `key` with a one-second wait, at the time the gate reopens.
  function reopenedAfterRefusing(key: string): Admission {
    vi.useFakeTimers({ now: 0 });
    const admission = createAdmission({ retrySpread: 0.025 });
    admission.restart(1000, key);
    vi.setSystemTime(1000);
    return admission;
  }

  it('after a wait, holds everyone until the refused request is back, and lets it go first', async () => {
    const admission = reopenedAfterRefusing('GET /probe');
    const log: Array<[string, number]> = [];
    const fresh = ask(admission, 'GET /fresh', log);
    // The refused request's retry comes back within its spread, after the gate reopened.
    await vi.advanceTimersByTimeAsync(10);
    expect(log).toEqual([]);
    const probe = ask(admission, 'GET /probe', log);
    await Promise.all([fresh, probe]);
    expect(log).toEqual([
      ['GET /probe', 1010],
      ['GET /fresh', 1010],
    ]);
  });

  it('holds no longer than the latest time the refused request could come back', async () => {
    const admission = reopenedAfterRefusing('GET /gone');
    const log: Array<[string, number]> = [];
    const fresh = ask(admission, 'GET /fresh', log);
    await vi.advanceTimersByTimeAsync(100);
    await fresh;
    // The wait, 2.5 % of it for the retry's spread, and 20 ms for its way back.
    expect(log).toEqual([['GET /fresh', 1045]]);
    // Not back by then, it holds nobody after the next refusal: the one refused then is let
    // through as soon as it comes back, when the gate reopens.
    admission.restart(1000, 'GET /probe');
    vi.setSystemTime(2100);
    expect(admission.tryAcquire(() => 'GET /probe')).toBeTypeOf('function');
  });

  it('holds nobody for a request whose wait is too long to be retried automatically', () => {
    vi.useFakeTimers({ now: 0 });
    const admission = createAdmission({ longestRetriedWaitMs: 300_000 });
    admission.restart(600_000, 'GET /long');
    vi.setSystemTime(600_000);
    expect(admission.tryAcquire(() => 'GET /fresh')).toBeTypeOf('function');
  });

  it('lets a refused request that comes back alone through at once', () => {
    vi.useFakeTimers({ now: 0 });
    const admission = createAdmission();
    admission.restart(1000, 'GET /only');
    vi.setSystemTime(1000);
    expect(admission.tryAcquire(() => 'GET /only')).toBeTypeOf('function');
  });

  it('rejects with the abort reason and gives up its place in the queue', async () => {
    const admission = createAdmission();
    admission.restart(0);
    const holder = await admission.acquire();
    const controller = new AbortController();
    const aborted = admission.acquire(controller.signal);
    const next = admission.acquire();
    controller.abort(new Error('gone'));
    await expect(aborted).rejects.toThrow('gone');
    holder(false);
    await expect(next).resolves.toBeTypeOf('function');
  });
});

describe('pacing through the client after a 429', () => {
  let limited = false;
  let inFlight = 0;
  let maxInFlightAfterReopen = 0;
  let reopened = false;

  const server = useLocalServer((_request, response) => {
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

  it('sends the requests held at the gate one at a time, not all at once', async () => {
    const api = createApiClient({ prefix: server.url });
    await api.get('first').catch(() => undefined);
    const held = Array.from({ length: 12 }, (_, index) => api.get(`held/${index}`).json());
    await Promise.all(held);
    expect(reopened).toBe(true);
    // Twelve answers of 30 ms fit in the second after the wait: one at a time throughout, so a
    // server still at its limit would refuse one of them, not the crowd.
    expect(maxInFlightAfterReopen).toBe(1);
    const firstAfter = server.requests[1]!.at - server.requests[0]!.at;
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
