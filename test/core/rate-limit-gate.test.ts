import { setTimeout as realSleep } from 'node:timers/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApiClient, createRateLimitGate, type ApiError, type RateLimitGate } from '../../src/core/index.js';
// Internal: the gate a client makes for itself, whose state an app sees only through useRateLimitStatus.
import { getRateLimitGate } from '../../src/core/client/create-api-client.js';
import { replyJson, useLocalServer } from '../support/local-server.js';

const gates: RateLimitGate[] = [];

function gate(options?: Parameters<typeof createRateLimitGate>[0]): RateLimitGate {
  const created = createRateLimitGate(options);
  gates.push(created);
  return created;
}

afterEach(() => {
  for (const created of gates.splice(0)) created.dispose();
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('a single gate', () => {
  it('starts open and lets waiters through at once', async () => {
    const open = gate();
    expect(open.snapshot()).toEqual({ closedUntil: null });
    await expect(open.wait()).resolves.toBeUndefined();
  });

  it('closes until the given time, tells subscribers, and opens by itself then', async () => {
    vi.useFakeTimers();
    const closing = gate();
    const listener = vi.fn();
    closing.subscribe(listener);
    const until = Date.now() + 5_000;
    closing.closeUntil(until);
    expect(closing.snapshot()).toEqual({ closedUntil: until });
    expect(listener).toHaveBeenCalledTimes(1);

    await vi.advanceTimersByTimeAsync(4_999);
    expect(closing.snapshot().closedUntil).toBe(until);
    await vi.advanceTimersByTimeAsync(1);
    expect(closing.snapshot()).toEqual({ closedUntil: null });
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('returns the same snapshot object until the state changes', () => {
    const closing = gate();
    const open = closing.snapshot();
    expect(closing.snapshot()).toBe(open);
    closing.closeUntil(Date.now() + 60_000);
    const closed = closing.snapshot();
    expect(closed).not.toBe(open);
    expect(closing.snapshot()).toBe(closed);
    expect(Object.isFrozen(closed)).toBe(true);
  });

  it('holds waiters until it opens', async () => {
    vi.useFakeTimers();
    const closing = gate();
    closing.closeUntil(Date.now() + 2_000);
    let passed = 0;
    const waiters = Array.from({ length: 3 }, () => closing.wait().then(() => (passed += 1)));
    await vi.advanceTimersByTimeAsync(1_999);
    expect(passed).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    await Promise.all(waiters);
    expect(passed).toBe(3);
  });

  it('lets the later closing win and ignores an earlier one', async () => {
    vi.useFakeTimers();
    const closing = gate();
    const listener = vi.fn();
    closing.subscribe(listener);
    const now = Date.now();
    closing.closeUntil(now + 3_000);
    closing.closeUntil(now + 1_000);
    expect(closing.snapshot().closedUntil).toBe(now + 3_000);
    closing.closeUntil(now + 6_000);
    expect(closing.snapshot().closedUntil).toBe(now + 6_000);
    expect(listener).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(closing.snapshot().closedUntil).toBe(now + 6_000);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(closing.snapshot().closedUntil).toBeNull();
  });

  it('ignores times in the past and values that are not times', () => {
    const closing = gate();
    const listener = vi.fn();
    closing.subscribe(listener);
    closing.closeUntil(Date.now() - 1);
    closing.closeUntil(Number.NaN);
    closing.closeUntil(Number.POSITIVE_INFINITY);
    expect(closing.snapshot().closedUntil).toBeNull();
    expect(listener).not.toHaveBeenCalled();
  });

  it('stops calling a listener once it unsubscribes', () => {
    const closing = gate();
    const kept = vi.fn();
    const dropped = vi.fn();
    closing.subscribe(kept);
    const unsubscribe = closing.subscribe(dropped);
    expect(typeof unsubscribe).toBe('function');
    unsubscribe();
    unsubscribe();
    closing.closeUntil(Date.now() + 1_000);
    expect(kept).toHaveBeenCalledTimes(1);
    expect(dropped).not.toHaveBeenCalled();
  });

  it('rejects a waiter with the signal reason when it aborts, and at once when already aborted', async () => {
    const closing = gate();
    closing.closeUntil(Date.now() + 60_000);
    const controller = new AbortController();
    const waiting = closing.wait(controller.signal);
    const reason = new Error('page closed');
    controller.abort(reason);
    await expect(waiting).rejects.toBe(reason);
    const already = AbortSignal.abort('gone');
    await expect(closing.wait(already)).rejects.toBe('gone');
    await expect(gate().wait(already)).rejects.toBe('gone');
  });

  it('ignores a closing that is already over', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const closing = gate();
    closing.closeUntil(1_000_500);
    expect(closing.snapshot().closedUntil).toBe(1_000_500);
    vi.setSystemTime(2_000_000);
    closing.closeUntil(1_500_000);
    expect(closing.snapshot().closedUntil).toBe(1_000_500);
  });

  it('does not spin on a closing longer than a timer can wait', async () => {
    const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout');
    const closing = gate();
    closing.closeUntil(Date.now() + 40 * 24 * 3_600_000);
    await realSleep(50);
    const gateTimers = setTimeoutSpy.mock.calls.filter(([, delay]) => typeof delay === 'number' && delay > 1_000_000);
    expect(gateTimers).toHaveLength(1);
    expect(closing.snapshot().closedUntil).not.toBeNull();
  });
});

describe('gates that share a channel name', () => {
  it('share closings in the same tab, and only with the same name', () => {
    const first = gate({ channel: 'orders-api' });
    const second = gate({ channel: 'orders-api' });
    const other = gate({ channel: 'billing-api' });
    const until = Date.now() + 10_000;
    first.closeUntil(until);
    expect(second.snapshot().closedUntil).toBe(until);
    expect(other.snapshot().closedUntil).toBeNull();
    second.closeUntil(until + 5_000);
    expect(first.snapshot().closedUntil).toBe(until + 5_000);
  });

  it('stop sharing once disposed', () => {
    const first = gate({ channel: 'disposable' });
    const second = gate({ channel: 'disposable' });
    second.dispose();
    first.closeUntil(Date.now() + 10_000);
    expect(second.snapshot().closedUntil).toBeNull();
  });

  it('tell a gate in another tab through BroadcastChannel', async () => {
    // A fresh copy of the module has its own same-tab registry: like another tab, it can only hear BroadcastChannel.
    vi.resetModules();
    const otherTab = await import('../../src/core/retry/rate-limit-gate.js');
    const here = gate({ channel: 'cross-tab' });
    const there = otherTab.createRateLimitGate({ channel: 'cross-tab' });
    gates.push(there);
    const heard = new Promise<void>((resolve) => there.subscribe(resolve));
    const until = Date.now() + 30_000;
    here.closeUntil(until);
    await Promise.race([heard, realSleep(1_000).then(() => Promise.reject(new Error('no message from the other tab')))]);
    expect(there.snapshot().closedUntil).toBe(until);

    const heardBack = new Promise<void>((resolve) => here.subscribe(resolve));
    there.closeUntil(until + 1_000);
    await Promise.race([heardBack, realSleep(1_000).then(() => Promise.reject(new Error('no message back')))]);
    expect(here.snapshot().closedUntil).toBe(until + 1_000);
  });

  it('ignore messages that are not closings', async () => {
    const here = gate({ channel: 'noise' });
    const stranger = new BroadcastChannel('api-error-kit:noise');
    try {
      stranger.postMessage({ type: 'something-else', until: Date.now() + 10_000 });
      stranger.postMessage({ type: 'api-error-kit/close', until: 'tomorrow' });
      stranger.postMessage('close');
      await realSleep(50);
      expect(here.snapshot().closedUntil).toBeNull();
    } finally {
      stranger.close();
    }
  });

  it('close a gate created later in the same tab for a closing still running', () => {
    const early = gate({ channel: 'late-comer' });
    const until = Date.now() + 10_000;
    early.closeUntil(until);
    expect(gate({ channel: 'late-comer' }).snapshot().closedUntil).toBe(until);
    expect(gate({ channel: 'someone-else' }).snapshot().closedUntil).toBeNull();
    expect(gate().snapshot().closedUntil).toBeNull();
  });
});

/** A `localStorage` for Node, which has none: the one a browser gives every tab of an origin. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

describe('a tab opened during a closing', () => {
  // A fresh copy of the module: another tab, which shares only storage and BroadcastChannel.
  async function newTab(): Promise<typeof import('../../src/core/retry/rate-limit-gate.js')> {
    vi.resetModules();
    return import('../../src/core/retry/rate-limit-gate.js');
  }

  it('starts closed until the closing another tab of the channel wrote, synchronously', async () => {
    vi.stubGlobal('localStorage', memoryStorage());
    const until = Date.now() + 20_000;
    gate({ channel: 'opened-late' }).closeUntil(until);
    const tab = await newTab();
    const late = tab.createRateLimitGate({ channel: 'opened-late' });
    gates.push(late);
    expect(late.snapshot().closedUntil).toBe(until);
    const other = tab.createRateLimitGate({ channel: 'not-that-one' });
    gates.push(other);
    expect(other.snapshot().closedUntil).toBeNull();
  });

  it('starts open when the stored closing is over, absurd or not a time', async () => {
    const storage = memoryStorage();
    vi.stubGlobal('localStorage', storage);
    const tab = await newTab();
    for (const stored of [String(Date.now() - 1), String(Date.now() + 30 * 86_400_000), 'tomorrow', '']) {
      storage.setItem('api-error-kit:gate:stale', stored);
      const late = tab.createRateLimitGate({ channel: 'stale' });
      gates.push(late);
      expect(late.snapshot().closedUntil).toBeNull();
      late.dispose();
    }
  });

  it('still works where storage is missing or throws', async () => {
    const throwing = memoryStorage();
    throwing.getItem = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
    throwing.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    for (const storage of [undefined, throwing]) {
      vi.stubGlobal('localStorage', storage);
      const tab = await newTab();
      const first = tab.createRateLimitGate({ channel: 'no-storage' });
      gates.push(first);
      const until = Date.now() + 5_000;
      first.closeUntil(until);
      expect(first.snapshot().closedUntil).toBe(until);
    }
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    try {
      const tab = await newTab();
      const denied = tab.createRateLimitGate({ channel: 'denied' });
      gates.push(denied);
      denied.closeUntil(Date.now() + 5_000);
      expect(denied.snapshot().closedUntil).not.toBeNull();
    } finally {
      delete (globalThis as { localStorage?: unknown }).localStorage;
    }
  });
});

describe('the gate inside the client', () => {
  const server = useLocalServer();

  /**
   * Fake timers make the cooldowns instant to cross; `shouldAdvanceTime` keeps the clock moving
   * with real time so sockets and the server work, and only setTimeout/Date are faked so Node's
   * own I/O is untouched. Checks for "nothing arrived yet" leave hundreds of ms of margin.
   */
  function useHttpFriendlyFakeTimers() {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  }

  it('sends no request during the cooldown after a 429, even under concurrent requests', async () => {
    useHttpFriendlyFakeTimers();
    const client = createApiClient({ prefix: server.url });
    gates.push(getRateLimitGate(client)!);
    server.handle((_request, response) => replyJson(response, 429, { status: 429, error: 'slow down', support_id: 'r' }, { 'retry-after': '2' }));
    await client
      .get('first')
      .json()
      .catch(() => undefined);
    const reopensAt = getRateLimitGate(client)!.snapshot().closedUntil!;
    expect(reopensAt - Date.now()).toBeGreaterThan(1_900);

    server.handle((_request, response) => replyJson(response, 200, { ok: true }));
    const burst = Array.from({ length: 10 }, (_, index) => client.get(`burst/${index}`).json());
    await realSleep(100);
    expect(server.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_500);
    await realSleep(50);
    expect(server.requests).toHaveLength(1);

    await vi.advanceTimersByTimeAsync(600);
    await expect(Promise.all(burst)).resolves.toHaveLength(10);
    expect(server.requests).toHaveLength(11);
    for (const request of server.requests.slice(1)) expect(request.at).toBeGreaterThanOrEqual(reopensAt);
  });

  it('holds a request made while closed, and lets an abort end the wait', async () => {
    const client = createApiClient({ prefix: server.url });
    gates.push(getRateLimitGate(client)!);
    getRateLimitGate(client)!.closeUntil(Date.now() + 60_000);
    const controller = new AbortController();
    const waiting = client.get('held', { signal: controller.signal }).json();
    await realSleep(30);
    controller.abort(new Error('gave up'));
    await expect(waiting).rejects.toThrow('gave up');
    expect(server.requests).toHaveLength(0);
  });

  it('closes for the policy backoff after a 429 that gave no wait, longer for each one in a row', async () => {
    const client = createApiClient({ prefix: server.url, retryPolicy: { random: () => 0 } });
    const clientGate = getRateLimitGate(client)!;
    gates.push(clientGate);
    server.handle((_request, response) => replyJson(response, 429, { status: 429, error: 'Error 1015', support_id: 'cf' }));
    const before = Date.now();
    await client
      .get('a')
      .json()
      .catch(() => undefined);
    const first = clientGate.snapshot().closedUntil!;
    expect(first - before).toBeGreaterThanOrEqual(500);
    expect(first - Date.now()).toBeLessThanOrEqual(500);

    const settled = Date.now();
    await clientGate.wait();
    expect(Date.now() - settled).toBeGreaterThanOrEqual(first - settled - 5);
    await client
      .get('b')
      .json()
      .catch(() => undefined);
    const second = clientGate.snapshot().closedUntil!;
    expect(second - Date.now()).toBeGreaterThan(900);
    expect(second - Date.now()).toBeLessThanOrEqual(1_000);
  });

  it('closes for a 503 with Retry-After, but not for a 503 or 500 without one', async () => {
    const client = createApiClient({ prefix: server.url });
    const clientGate = getRateLimitGate(client)!;
    gates.push(clientGate);
    server.handle((_request, response) => replyJson(response, 503, { status: 503, error: 'down', support_id: 'd' }));
    await client.get('a').catch(() => undefined);
    expect(clientGate.snapshot().closedUntil).toBeNull();
    server.handle((_request, response) => replyJson(response, 500, { status: 500, error: 'oops', support_id: 'o' }, { 'retry-after': '30' }));
    await client.get('b').catch(() => undefined);
    expect(clientGate.snapshot().closedUntil).toBeNull();
    server.handle((_request, response) => replyJson(response, 503, { status: 503, error: 'maintenance', support_id: 'm' }, { 'retry-after': '30' }));
    const before = Date.now();
    await client.get('c').catch(() => undefined);
    expect(clientGate.snapshot().closedUntil! - before).toBeGreaterThanOrEqual(30_000);
  });

  it('closes for a wait given only in the body of a 429', async () => {
    const client = createApiClient({ prefix: server.url });
    const clientGate = getRateLimitGate(client)!;
    gates.push(clientGate);
    server.handle((_request, response) => replyJson(response, 429, { status: 429, error: 'slow', support_id: 's', retry_after: 45 }));
    const before = Date.now();
    await client.get('a').catch(() => undefined);
    const closedFor = clientGate.snapshot().closedUntil! - before;
    expect(closedFor).toBeGreaterThanOrEqual(45_000);
    expect(closedFor).toBeLessThan(46_000);
  });

  it('closes for exactly the body’s wait even after several 429s in a row, never for a longer backoff', async () => {
    const client = createApiClient({ prefix: server.url, retryPolicy: { random: () => 1 } });
    const clientGate = getRateLimitGate(client)!;
    gates.push(clientGate);
    server.handle((_request, response) => replyJson(response, 429, { status: 429, error: 'slow', support_id: 's', retry_after: 1 }));
    for (const path of ['a', 'b', 'c']) {
      const error = (await client.get(path).catch((thrown: unknown) => thrown)) as ApiError;
      // The third 429 in a row would back off 4 s: the server's 1 s wins.
      expect(clientGate.snapshot().closedUntil! - error.receivedAt).toBe(1000);
      await clientGate.wait();
    }
  });

  it('lets nothing leave while a 429’s body, which holds the wait, is still being read', async () => {
    const client = createApiClient({ prefix: server.url });
    gates.push(getRateLimitGate(client)!);
    server.handle((request, response) => {
      if (request.url !== '/slow-429') return replyJson(response, 200, { ok: true });
      response.writeHead(429, { 'content-type': 'application/json' });
      response.write('{"status":429,"error":"slow","support_id":"s",');
      setTimeout(() => response.end('"retry_after":1}'), 200);
    });
    const limited = client.get('slow-429').then(
      () => Promise.reject(new Error('the 429 did not fail')),
      (thrown: unknown) => thrown as ApiError,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const other = client.get('other').json();
    const error = await limited;
    await other;
    const otherArrival = server.requests.find((request) => request.path === '/other')!.at;
    expect(otherArrival - error.receivedAt).toBeGreaterThanOrEqual(1000);
  });

  it.each([
    ['the RateLimit draft header with r=0', { ratelimit: '"default";r=0;t=3', 'ratelimit-policy': '"default";q=100;w=60' }],
    ['RateLimit-Remaining: 0 with RateLimit-Reset', { 'ratelimit-remaining': '0', 'ratelimit-reset': '3' }],
    ['X-RateLimit-Remaining: 0 with an epoch X-RateLimit-Reset', { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': 'EPOCH+3' }],
  ])('closes early on a successful response that reports an exhausted quota: %s', async (_name, headers) => {
    useHttpFriendlyFakeTimers();
    const client = createApiClient({ prefix: server.url });
    const clientGate = getRateLimitGate(client)!;
    gates.push(clientGate);
    const resolved = Object.fromEntries(
      Object.entries(headers).map(([name, value]) => [name, value === 'EPOCH+3' ? String(Math.floor(Date.now() / 1000) + 3) : value]),
    );
    server.handle((_request, response) => replyJson(response, 200, { ok: true }, resolved));
    await expect(client.get('last-one').json()).resolves.toEqual({ ok: true });
    const closedFor = clientGate.snapshot().closedUntil! - Date.now();
    expect(closedFor).toBeGreaterThan(1_500);
    expect(closedFor).toBeLessThanOrEqual(3_000);

    const next = client.get('next').json();
    await realSleep(50);
    expect(server.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(3_100);
    await expect(next).resolves.toEqual({ ok: true });
    expect(server.requests).toHaveLength(2);
  });

  it('does not close early without a reset, or while quota remains', async () => {
    const client = createApiClient({ prefix: server.url });
    const clientGate = getRateLimitGate(client)!;
    gates.push(clientGate);
    server.handle((_request, response) => replyJson(response, 200, { ok: true }, { 'x-ratelimit-remaining': '0', 'ratelimit-remaining': '0' }));
    await client.get('a').json();
    expect(clientGate.snapshot().closedUntil).toBeNull();
    server.handle((_request, response) => replyJson(response, 200, { ok: true }, { ratelimit: '"default";r=4;t=30', 'ratelimit-remaining': '4', 'ratelimit-reset': '30' }));
    await client.get('b').json();
    expect(clientGate.snapshot().closedUntil).toBeNull();
  });

  it('shares one cooldown between two clients whose gates share a channel name', async () => {
    const first = createApiClient({ prefix: server.url, gate: gate({ channel: 'shared-client' }) });
    const second = createApiClient({ prefix: server.url, gate: gate({ channel: 'shared-client' }) });
    server.handle((_request, response) => replyJson(response, 429, { status: 429, error: 'slow', support_id: 's' }, { 'retry-after': '60' }));
    await first.get('a').catch(() => undefined);
    const controller = new AbortController();
    const held = second.get('b', { signal: controller.signal });
    await realSleep(50);
    expect(server.requests).toHaveLength(1);
    controller.abort();
    await expect(held).rejects.toBeInstanceOf(DOMException);
  });
});
