import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A request as the server saw it. */
export interface RecordedRequest {
  method: string;
  /** Path and query string. */
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  /** Arrival time, `Date.now()` of the server. */
  at: number;
}

/** Answers one request. `timers` are cleared when the server closes. */
export type Route = (request: IncomingMessage, response: ServerResponse, context: RouteContext) => void;

export interface RouteContext {
  /** The request, recorded with its body. */
  recorded: RecordedRequest;
  /** How many requests this route has answered before this one. */
  index: number;
  /** A `setTimeout` that is cleared when the server closes. */
  later: (callback: () => void, ms: number) => void;
}

/** A local HTTP server on 127.0.0.1 whose routes can misbehave on purpose. */
export interface FaultServer {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  readonly url: string;
  /** Every request received, in order of arrival. */
  readonly requests: RecordedRequest[];
  /** Sets (or replaces) the route for a path (without query string). */
  route(path: string, handler: Route): void;
  /** Closes every connection and pending timer, then the server. */
  close(): Promise<void>;
}

/** Starts a {@link FaultServer} on 127.0.0.1, port 0. Unknown paths answer 404 JSON. */
export async function startFaultServer(routes: Record<string, Route> = {}): Promise<FaultServer> {
  const table = new Map(Object.entries(routes));
  const counts = new Map<string, number>();
  const requests: RecordedRequest[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const sockets = new Set<Socket>();

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      const recorded: RecordedRequest = {
        method: request.method ?? 'GET',
        path,
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      };
      requests.push(recorded);
      const key = path.split('?')[0]!;
      const handler = table.get(key);
      const index = counts.get(key) ?? 0;
      counts.set(key, index + 1);
      if (!handler) {
        send(response, 404, JSON.stringify({ status: 404, error: 'No such route', support_id: 'test-404' }), { 'content-type': 'application/json' });
        return;
      }
      handler(request, response, { recorded, index, later });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const later = (callback: () => void, ms: number) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      callback();
    }, ms);
    timers.add(timer);
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    route(path, handler) {
      table.set(path, handler);
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Writes a whole answer: status, headers and body. */
export function send(response: ServerResponse, status: number, body: string | Uint8Array, headers: Record<string, string> = {}): void {
  response.writeHead(status, headers);
  response.end(body);
}

/** Answers with a status, a JSON body and headers. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Route {
  return (_request, response) => send(response, status, JSON.stringify(body), { 'content-type': 'application/json', ...headers });
}

/** Answers with raw bytes under any content type (or none). */
export function raw(status: number, body: string | Uint8Array, headers: Record<string, string> = {}): Route {
  return (_request, response) => send(response, status, body, headers);
}

/** An HTML page where JSON was promised, the way Cloudflare's edge answers. */
export function html(status: number, page = '<!DOCTYPE html><html><body><h1>Error</h1><p>Ray ID: 8a1b2c3d4e5f6a7b</p></body></html>'): Route {
  return raw(status, page, { 'content-type': 'text/html; charset=UTF-8', server: 'cloudflare' });
}

/** Destroys the connection without any answer. */
export function resetConnection(): Route {
  return (request) => {
    request.socket.destroy();
  };
}

/** Promises a JSON body, sends half of it, then destroys the connection. */
export function cutMidBody(status = 200): Route {
  return (_request, response) => {
    const body = JSON.stringify({ items: Array.from({ length: 50 }, (_, i) => ({ id: i, name: `item ${i}` })) });
    response.writeHead(status, { 'content-type': 'application/json', 'content-length': String(body.length) });
    response.write(body.slice(0, body.length / 2), () => response.socket?.destroy());
  };
}

/** Answers only after `ms` (past a client's timeout); the timer is cleared on close. */
export function slow(ms: number, then: Route = json(200, { ok: true })): Route {
  return (request, response, context) => {
    context.later(() => {
      if (!response.destroyed && !response.writableEnded) then(request, response, context);
    }, ms);
  };
}

/** A 200 whose JSON body is broken. */
export function brokenJson(): Route {
  return raw(200, '{"items": [1, 2', { 'content-type': 'application/json' });
}

/**
 * The first `count` requests get a 429 (with `Retry-After: retryAfterSeconds` when given),
 * later ones `then`.
 */
export function rateLimitBurst(count: number, retryAfterSeconds: number | undefined, then: Route = json(200, { ok: true })): Route {
  return (request, response, context) => {
    if (context.index >= count) {
      then(request, response, context);
      return;
    }
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (retryAfterSeconds !== undefined) headers['retry-after'] = String(retryAfterSeconds);
    send(response, 429, JSON.stringify({ status: 429, error: 'Too many requests', support_id: `rl-${context.index}` }), headers);
  };
}
