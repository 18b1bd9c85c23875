import { describe, expect, it, vi } from 'vitest';
import { ApiError, createApiClient, createRateLimitGate, type ApiClientOptions } from '../../src/core/index.js';
// Internal: the gate a client makes for itself, whose state an app sees only through useRateLimitStatus.
import { getRateLimitGate } from '../../src/core/client/create-api-client.js';
import { rejectionOf } from '../support/rejection.js';
import { reply, replyJson, startServer, useLocalServer } from '../support/local-server.js';

const server = useLocalServer();

function client(options: ApiClientOptions = {}) {
  // The console hints for 4xx answers are dev-hints.test.ts's subject; here they would only print.
  return createApiClient({ prefix: server.url, gate: false, devHints: false, ...options });
}

/** Resolves once the server has seen `count` requests (bounded). */
async function requestsArrived(count: number): Promise<void> {
  await vi.waitFor(() => expect(server.requests.length).toBeGreaterThanOrEqual(count), { timeout: 2_000, interval: 5 });
}

/** Runs `run`, then waits 20 ms and checks that no promise rejection went unhandled meanwhile. */
async function expectNoUnhandledRejection(run: () => Promise<void>): Promise<void> {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  try {
    await run();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(unhandled).toEqual([]);
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
}

const hang = () => {
  // Never answers: the client has to give up on its own.
};

describe('request headers', () => {
  it('always sends Accept: application/json', async () => {
    const api = client({ headers: { 'x-app': 'demo' } });
    await api.get('a');
    await api.get('b').json();
    await api.get('c').text();
    await api.post('d', { json: { x: 1 } }).json();
    await api.put('e', { headers: { 'x-extra': '1' } });
    expect(server.requests.map((request) => request.headers.accept)).toEqual(Array(5).fill('application/json'));
    expect(server.requests[0]!.headers['x-app']).toBe('demo');
    expect(server.requests[4]!.headers['x-extra']).toBe('1');
    expect(server.requests[3]!.headers['content-type']).toBe('application/json');
  });

  it('sends Accept: application/json even when a caller or a hook asks for something else', async () => {
    const api = client({
      headers: { Accept: 'text/html' },
      hooks: { beforeRequest: [({ request }) => request.headers.set('accept', 'text/plain')] },
    });
    await api.get('a', { headers: { accept: 'application/xml' } });
    expect(server.requests[0]!.headers.accept).toBe('application/json');
  });

  it('keeps headers given as a Headers object or as pairs', async () => {
    await client({ headers: new Headers({ 'x-one': '1' }) }).get('a');
    await client({ headers: [['x-two', '2']] }).get('b');
    expect(server.requests[0]!.headers).toMatchObject({ accept: 'application/json', 'x-one': '1' });
    expect(server.requests[1]!.headers).toMatchObject({ accept: 'application/json', 'x-two': '2' });
  });

  it('sends a string apiKey as a Bearer token', async () => {
    await client({ apiKey: 'sk_live_abc' }).get('a');
    expect(server.requests[0]!.headers.authorization).toBe('Bearer sk_live_abc');
  });

  it('calls a sync apiKey function for every request, so a refreshed token is used', async () => {
    let calls = 0;
    const api = client({ apiKey: () => `token-${++calls}` });
    await api.get('a');
    await api.get('b');
    await api.get('c');
    expect(calls).toBe(3);
    expect(server.requests.map((request) => request.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-2', 'Bearer token-3']);
  });

  it('awaits an async apiKey function for every request', async () => {
    const apiKey = vi.fn(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return 'async-token';
    });
    const api = client({ apiKey });
    await api.get('a');
    await api.get('b').json();
    expect(apiKey).toHaveBeenCalledTimes(2);
    expect(server.requests.map((request) => request.headers.authorization)).toEqual(['Bearer async-token', 'Bearer async-token']);
  });

  it('sends no Authorization header when the apiKey function has no key', async () => {
    await client({ apiKey: () => undefined }).get('a');
    await client({ apiKey: async () => null }).get('b');
    await client({ apiKey: '' }).get('c');
    expect(server.requests.map((request) => request.headers.authorization)).toEqual([undefined, undefined, undefined]);
  });

  it('fails with an ApiError when the apiKey function throws', async () => {
    const error = await rejectionOf(
      client({
        apiKey: () => {
          throw new Error('no session');
        },
      }).get('a'),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: 'unknown', message: 'no session' });
    expect(server.requests).toHaveLength(0);
  });
});

describe('ky retry is off', () => {
  it.each([500, 502, 503, 504, 408, 429])('sends a GET answered %i exactly once', async (status) => {
    server.handle((_request, response) => replyJson(response, status, { status, error: 'no', support_id: 'x' }, { 'retry-after': '0' }));
    const error = await rejectionOf(client().get('a').json());
    expect(error).toMatchObject({ status });
    expect(server.requests).toHaveLength(1);
  });

  it('stays off when a request or an extended client asks for retries', async () => {
    server.handle((_request, response) => replyJson(response, 503, { status: 503, error: 'no', support_id: 'x' }));
    await rejectionOf(client().get('a', { retry: 2 }).json());
    await rejectionOf(client().get('b', { retry: { limit: 1 } }).json());
    await rejectionOf(client().extend({ retry: 2 }).get('c').json());
    expect(server.requests.map((seen) => seen.path)).toEqual(['/a', '/b', '/c']);
  });

  it('sends a GET whose connection is reset exactly once', async () => {
    server.handle((request) => {
      request.socket.destroy();
    });
    const error = await rejectionOf(client().get('a'));
    expect(error).toMatchObject({ kind: 'network' });
    expect(server.requests).toHaveLength(1);
  });

  it('sends a GET that times out exactly once', async () => {
    server.handle(hang);
    const error = await rejectionOf(client({ timeout: 50 }).get('a'));
    expect(error).toMatchObject({ kind: 'timeout' });
    expect(server.requests).toHaveLength(1);
  });
});

describe('failures without a response', () => {
  it('maps a timeout to kind timeout, status 0, source client', async () => {
    server.handle(hang);
    const error = await rejectionOf(client({ timeout: 50 }).get('slow').json());
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: 'timeout', status: 0, source: 'client', retryable: true, method: 'GET', url: `${server.url}/slow` });
  });

  it('maps a socket destroyed by the server to kind network', async () => {
    server.handle((request) => {
      request.socket.destroy();
    });
    const error = await rejectionOf(client().post('orders', { json: { a: 1 } }).json());
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: 'network', status: 0, source: 'client', retryable: true, method: 'POST' });
  });

  it('maps a refused connection to kind network', async () => {
    const closed = await startServer();
    const url = closed.url;
    await closed.close();
    const error = await rejectionOf(createApiClient({ prefix: url }).get('a'));
    expect(error).toMatchObject({ kind: 'network', status: 0, source: 'client' });
  });

  it('maps a response cut off in the middle of its body to an ApiError', async () => {
    server.handle((request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      response.write('{"orders":[');
      setTimeout(() => request.socket.destroy(), 10);
    });
    const error = await rejectionOf(client().get('a').json());
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: 'network', status: 0 });
  });
});

describe('mistakes caught before sending', () => {
  it('rejects a malformed URL with an ApiError instead of throwing, also through a body method', async () => {
    const api = createApiClient({ gate: false });
    const bare = await rejectionOf(api.get('http://[not a host/'));
    const viaJson = await rejectionOf(api.get('http://[not a host/').json());
    for (const error of [bare, viaJson]) {
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).kind).toBe('unknown');
      expect((error as ApiError).source).toBe('client');
    }
  });

  it('names the method and URL of a request that failed before it was built', async () => {
    const api = createApiClient({
      prefix: server.url,
      apiKey: () => {
        throw new Error('no session');
      },
    });
    expect(await rejectionOf(api.post('orders?token=t0k3n'))).toMatchObject({ method: 'POST', url: 'orders?token=[redacted]' });
    expect(await rejectionOf(api('orders/1', { method: 'delete' }).json())).toMatchObject({ method: 'DELETE', url: 'orders/1' });
    expect(server.requests).toHaveLength(0);
  });

  it('keeps credentials out of the message when the URL itself is refused', async () => {
    const api = createApiClient({ gate: false });
    const error = (await rejectionOf(api.get('http://alice:hunter2pass@127.0.0.1:1/x?api_key=abc123'))) as ApiError;
    expect(error.message).not.toContain('hunter2pass');
    expect(error.message).not.toContain('abc123');
  });
});

describe('aborts', () => {
  it('rejects with the DOMException abort reason untouched', async () => {
    server.handle(hang);
    const controller = new AbortController();
    const promise = rejectionOf(client().get('a', { signal: controller.signal }).json());
    await requestsArrived(1);
    controller.abort();
    const reason: unknown = controller.signal.reason;
    expect(reason).toBeInstanceOf(DOMException);
    expect(await promise).toBe(reason);
  });

  it('rejects with a custom abort reason untouched, Error or not', async () => {
    server.handle(hang);
    for (const reason of [new Error('person left the page'), { why: 'navigated away' }, 'plain string']) {
      const controller = new AbortController();
      const promise = rejectionOf(client().get('a', { signal: controller.signal }));
      controller.abort(reason);
      expect(await promise).toBe(reason);
    }
  });

  it('rejects with the reason of an already aborted signal without sending', async () => {
    const reason = new Error('too late');
    const error = await rejectionOf(client().get('a', { signal: AbortSignal.abort(reason) }).json());
    expect(error).toBe(reason);
    expect(server.requests).toHaveLength(0);
  });

  it('rejects with the reason of a signal given to the client itself', async () => {
    server.handle(hang);
    const controller = new AbortController();
    const reason = { why: 'logged out' };
    const promise = rejectionOf(client({ signal: controller.signal }).get('a').json());
    await requestsArrived(1);
    controller.abort(reason);
    expect(await promise).toBe(reason);

    const extendedController = new AbortController();
    const extendedReason = new Error('view closed');
    const extended = client().extend({ signal: extendedController.signal });
    const extendedPromise = rejectionOf(extended.get('b'));
    extendedController.abort(extendedReason);
    expect(await extendedPromise).toBe(extendedReason);
  });

  it('does not call onError for an abort', async () => {
    server.handle(hang);
    const onError = vi.fn();
    const controller = new AbortController();
    const promise = rejectionOf(client({ onError }).get('a', { signal: controller.signal }).json());
    controller.abort();
    await promise;
    expect(onError).not.toHaveBeenCalled();
  });
});

describe('onError', () => {
  it('is called exactly once per failed request, with the error the request rejects with', async () => {
    const onError = vi.fn();
    const api = client({ onError, timeout: 50 });

    server.handle((_request, response) => replyJson(response, 500, { status: 500, error: 'boom', support_id: 's' }));
    const viaJson = await rejectionOf(api.get('a').json());
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]![0]).toBe(viaJson);

    const viaResponse = await rejectionOf(api.get('b'));
    expect(onError).toHaveBeenCalledTimes(2);
    expect(onError.mock.calls[1]![0]).toBe(viaResponse);

    server.handle((_request, response) => reply(response, 200, '<html>portal</html>', { 'content-type': 'text/html' }));
    const invalid = await rejectionOf(api.get('c').json());
    expect(invalid).toMatchObject({ kind: 'invalid_response' });
    expect(onError).toHaveBeenCalledTimes(3);
    expect(onError.mock.calls[2]![0]).toBe(invalid);

    server.handle(hang);
    const timeout = await rejectionOf(api.get('d').json());
    expect(onError).toHaveBeenCalledTimes(4);
    expect(onError.mock.calls[3]![0]).toBe(timeout);

    server.handle((request) => {
      request.socket.destroy();
    });
    const network = await rejectionOf(api.get('e').text());
    expect(onError).toHaveBeenCalledTimes(5);
    expect(onError.mock.calls[4]![0]).toBe(network);
  });

  it('is not called for a successful request', async () => {
    const onError = vi.fn();
    await expect(client({ onError }).get('ok').json()).resolves.toEqual({ ok: true });
    expect(onError).not.toHaveBeenCalled();
  });

  it('does not break the request when it throws', async () => {
    server.handle((_request, response) => replyJson(response, 404, { status: 404, error: 'missing', support_id: 'n' }));
    const error = await rejectionOf(
      client({
        onError: () => {
          throw new Error('logger down');
        },
      })
        .get('a')
        .json(),
    );
    expect(error).toMatchObject({ kind: 'not_found', message: 'missing' });
  });

  it('does not break the request, nor leave an unhandled rejection, when it rejects', async () => {
    await expectNoUnhandledRejection(async () => {
      server.handle((_request, response) => replyJson(response, 503, { status: 503, error: 'down', support_id: 'u' }));
      const error = await rejectionOf(
        client({
          onError: async () => {
            throw new Error('async logger down');
          },
        })
          .get('a')
          .json(),
      );
      expect(error).toMatchObject({ kind: 'unavailable' });
    });
  });

  it('leaves no unhandled rejection when only a body method is awaited', async () => {
    await expectNoUnhandledRejection(async () => {
      server.handle((_request, response) => replyJson(response, 500, { status: 500, error: 'x', support_id: 'x' }));
      await rejectionOf(client().get('a').json());
    });
  });
});

describe('extend and the rate-limit gate', () => {
  it('keeps the mapping, the key and the gate in an extended client', async () => {
    const gate = createRateLimitGate();
    const api = createApiClient({ prefix: server.url, apiKey: 'k_extend', gate, devHints: false });
    const extended = api.extend({ headers: { 'x-extended': 'yes' } });
    expect(getRateLimitGate(extended)).toBe(gate);
    server.handle((_request, response) => replyJson(response, 400, { status: 400, error: 'bad', support_id: 'e' }));
    const error = await rejectionOf(extended.get('a').json());
    expect(error).toBeInstanceOf(ApiError);
    expect(server.requests[0]!.headers).toMatchObject({ authorization: 'Bearer k_extend', 'x-extended': 'yes', accept: 'application/json' });
    gate.dispose();
  });

  it("asks a gate of the app's own making before every request, even while it reports itself open", async () => {
    const own = createRateLimitGate();
    let letThrough: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (letThrough = resolve));
    const waits: string[] = [];
    const gate = {
      ...own,
      wait: (signal?: AbortSignal | null) => {
        waits.push('wait');
        return held.then(() => own.wait(signal));
      },
    };
    const api = createApiClient({ prefix: server.url, gate });
    const pending = api.get('held').json();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(waits).toEqual(['wait']);
    expect(server.requests).toHaveLength(0);
    letThrough();
    await pending;
    expect(server.requests).toHaveLength(1);
    own.dispose();
  });

  it('creates a gate per client by default and none with gate: false', () => {
    const first = createApiClient({ prefix: server.url });
    const second = createApiClient({ prefix: server.url });
    expect(getRateLimitGate(first)).toBeDefined();
    expect(getRateLimitGate(first)).not.toBe(getRateLimitGate(second));
    expect(getRateLimitGate(client())).toBeUndefined();
    expect(getRateLimitGate({})).toBeUndefined();
  });
});

describe('when a failure is dated', () => {
  it('dates a failure from its head, not from the end of a slow body', async () => {
    let headSentAt = 0;
    let bodyEndedAt = 0;
    server.handle((_request, response) => {
      response.writeHead(503, { 'content-type': 'application/json' });
      response.flushHeaders();
      headSentAt = Date.now();
      setTimeout(() => {
        bodyEndedAt = Date.now();
        response.end(JSON.stringify({ status: 503, error: 'Down', support_id: 'sup-slow' }));
      }, 300);
    });
    const api = client();
    const error = await rejectionOf(api.get('slow-body').json());
    expect(error).toBeInstanceOf(ApiError);
    const failure = error as ApiError;
    expect(failure.supportId).toBe('sup-slow');
    expect(failure.receivedAt).toBeGreaterThanOrEqual(headSentAt);
    // The body came 300 ms after the head: a date near the head's arrival is not the body's end.
    expect(failure.receivedAt).toBeLessThan(bodyEndedAt - 150);
  });
});
