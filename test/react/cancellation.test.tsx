import { renderHook, waitFor } from '@testing-library/react';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiClient, useApiQuery } from '../../src/index.js';
import { kitWrapper } from '../support/kit-wrapper.js';

// A real server, so "the request was aborted" is what the server itself observes: its socket closing.
let server: Server;
let origin: string;
let opened: IncomingMessage[];
let waiting: ServerResponse[];
let closed: number;

beforeEach(async () => {
  opened = [];
  waiting = [];
  closed = 0;
  server = createServer((request, response) => {
    opened.push(request);
    waiting.push(response);
    request.socket.on('close', () => {
      closed += 1;
    });
    // Answers only when a test says so: otherwise only an abort ends the request.
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('cancelled queries', () => {
  it('abort their request when the last component using them unmounts', async () => {
    const { wrapper } = kitWrapper(createApiClient({ prefix: origin, timeout: false }));
    const { unmount } = renderHook(() => useApiQuery({ queryKey: ['slow'], path: 'slow' }), { wrapper });
    await waitFor(() => expect(opened).toHaveLength(1), { timeout: 2000 });
    expect(closed).toBe(0);
    unmount();
    await waitFor(() => expect(closed).toBe(1), { timeout: 2000 });
  });

  it('abort their request when react-query cancels them', async () => {
    const { wrapper, queryClient } = kitWrapper(createApiClient({ prefix: origin, timeout: false }));
    const { result } = renderHook(() => useApiQuery({ queryKey: ['slow'], path: 'slow' }), { wrapper });
    await waitFor(() => expect(opened).toHaveLength(1), { timeout: 2000 });
    await queryClient.cancelQueries({ queryKey: ['slow'] });
    await waitFor(() => expect(closed).toBe(1), { timeout: 2000 });
    expect(result.current.fetchStatus).toBe('idle');
  });
});

describe('a custom queryFn', () => {
  const answer = () => waiting[0]!.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ done: true }));

  it('that never reads the signal is not cancelled on unmount: its answer still fills the cache', async () => {
    const { wrapper, queryClient } = kitWrapper(createApiClient({ prefix: origin, timeout: false }));
    const { unmount } = renderHook(
      () => useApiQuery({ queryKey: ['custom'], queryFn: ({ client, queryKey }) => client.get(String(queryKey[0])).json() }),
      { wrapper },
    );
    await waitFor(() => expect(opened).toHaveLength(1), { timeout: 2000 });
    unmount();
    answer();
    await waitFor(() => expect(queryClient.getQueryData(['custom'])).toEqual({ done: true }), { timeout: 2000 });
    expect(closed).toBe(0);
  });

  it('that reads the signal is cancelled on unmount, and its request aborted', async () => {
    const { wrapper, queryClient } = kitWrapper(createApiClient({ prefix: origin, timeout: false }));
    const { unmount } = renderHook(
      () => useApiQuery({ queryKey: ['custom'], queryFn: ({ client, signal }) => client.get('custom', { signal }).json() }),
      { wrapper },
    );
    await waitFor(() => expect(opened).toHaveLength(1), { timeout: 2000 });
    unmount();
    await waitFor(() => expect(closed).toBe(1), { timeout: 2000 });
    expect(queryClient.getQueryData(['custom'])).toBeUndefined();
  });
});
