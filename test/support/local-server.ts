import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll } from 'vitest';

/** What the server saw of one request. */
export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** `Date.now()` when the request arrived (fake clock included). */
  at: number;
}

export type Handler = (request: IncomingMessage, response: ServerResponse, seen: SeenRequest) => void | Promise<void>;

/** A real HTTP server on 127.0.0.1 that records every request it gets. */
export interface LocalServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly requests: SeenRequest[];
  /** Replaces the handler for the following requests. */
  handle(handler: Handler): void;
  close(): Promise<void>;
}

/** Answers with a status, headers and a body, in one call. */
export function reply(response: ServerResponse, status: number, body: string | Buffer = '', headers: Record<string, string> = {}): void {
  response.writeHead(status, headers);
  response.end(body);
}

/** Answers with a JSON body. */
export function replyJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  reply(response, status, JSON.stringify(body), { 'content-type': 'application/json', ...headers });
}

/** Starts a server on 127.0.0.1, port 0. Unhandled requests get 200 `{}`. */
export async function startServer(initial?: Handler): Promise<LocalServer> {
  let handler: Handler = initial ?? ((_request, response) => replyJson(response, 200, {}));
  const requests: SeenRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const seen: SeenRequest = {
        method: request.method ?? 'GET',
        path: request.url ?? '/',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      };
      requests.push(seen);
      Promise.resolve(handler(request, response, seen)).catch((error: unknown) => {
        if (!response.headersSent) reply(response, 599, String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    handle(next) {
      handler = next;
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A {@link LocalServer} shared by the tests of a block: they may answer with it, not close it. */
export type SharedLocalServer = Omit<LocalServer, 'close'>;

const answerOk: Handler = (_request, response) => replyJson(response, 200, { ok: true });

/**
 * Gives the enclosing `describe` block (or the whole file) one local server: started before its
 * tests, closed after them, and put back after each test, its requests forgotten and its handler
 * reset to `handler`.
 *
 * @param handler - What the server answers until a test calls `handle`, and again after each test.
 * @default handler - 200 with the JSON body `{ "ok": true }`
 * @returns The server, whose members are readable inside tests and hooks (it starts in `beforeAll`).
 * @example
 * const server = useLocalServer();
 * it('reaches the server', async () => {
 *   await createApiClient({ prefix: server.url }).get('a');
 *   expect(server.requests).toHaveLength(1);
 * });
 */
export function useLocalServer(handler: Handler = answerOk): SharedLocalServer {
  let started: LocalServer | undefined;
  const current = (): LocalServer => {
    if (started === undefined) throw new Error('the local server starts in beforeAll: use it inside tests and hooks');
    return started;
  };
  beforeAll(async () => {
    started = await startServer(handler);
  });
  afterAll(async () => {
    await started?.close();
    started = undefined;
  });
  afterEach(() => {
    if (started === undefined) return;
    started.requests.length = 0;
    started.handle(handler);
  });
  return {
    get url() {
      return current().url;
    },
    get requests() {
      return current().requests;
    },
    handle(next) {
      current().handle(next);
    },
  };
}
