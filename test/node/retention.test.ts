import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { QueryClient, QueryObserver } from '@tanstack/query-core';
import { describe, expect, it } from 'vitest';
import { apiQueryDefaults, createApiClient } from '../../src/core/index.js';
import { replyJson, useLocalServer } from '../support/local-server.js';

// A long-lived client must not keep the failures it has seen: an error keeps its request, its
// response and, through its stack's frames, the closures and signals of the code that threw it.
// What it remembers of failures (for pacing, probing, refused-first) is bounded and small; the
// errors themselves belong to whoever holds them (a query's error), and go with them.

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

// A WeakRef keeps its target until the job that made it ends: collect across turns of the loop.
async function collectFully(): Promise<void> {
  for (let round = 0; round < 3; round += 1) {
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
  }
}

/** What `failing` rejects with, held weakly: the test itself must not keep it. */
async function weakly(failing: Promise<unknown>): Promise<WeakRef<object>> {
  try {
    await failing;
  } catch (error) {
    return new WeakRef(error as object);
  }
  throw new Error('expected a failure');
}

const FAILURES = 24;
// Short waits: once the retry budget is spent, requests wait for probes on this policy's schedule.
const FAST_POLICY = { baseDelayMs: 1, maxDelayMs: 2, maxProbeDelayMs: 5, maxRetries: 1 };

describe('what a client keeps of the failures it saw', () => {
  const server = useLocalServer((request, response) => {
    const status = request.url?.includes('/down/') ? 503 : 500;
    replyJson(response, status, { status, error: 'Failed', support_id: 'kept-1' });
  });

  it('keeps none of the errors it threw once nobody else holds them', async () => {
    const client = createApiClient({ prefix: server.url, devHints: false, retryPolicy: FAST_POLICY });
    const errors: Array<WeakRef<object>> = [];
    for (let index = 0; index < FAILURES; index += 1) {
      errors.push(await weakly(client.get(`${index % 2 === 0 ? 'down' : 'broken'}/${index}`).json()));
    }
    await collectFully();
    expect(errors.flatMap((error, index) => (error.deref() === undefined ? [] : [index]))).toEqual([]);
    // The client is still in use: what it forgot it was not meant to keep.
    server.handle((_request, response) => replyJson(response, 200, { ok: true }));
    await expect(client.get('after').json()).resolves.toEqual({ ok: true });
  });

  it('keeps none of the errors of queries that were removed, through react-query', async () => {
    const client = createApiClient({ prefix: server.url, devHints: false, retryPolicy: FAST_POLICY });
    const queryClient = new QueryClient({ defaultOptions: apiQueryDefaults(FAST_POLICY) });
    const errors: Array<WeakRef<object>> = [];
    for (let index = 0; index < FAILURES; index += 1) {
      const queryKey = ['items', index];
      const observer = new QueryObserver(queryClient, { queryKey, queryFn: ({ signal }) => client.get(`down/${index}`, { signal }).json() });
      errors.push(
        await weakly(
          new Promise<unknown>((_resolve, reject) => {
            const unsubscribe = observer.subscribe((result) => {
              if (result.status !== 'error') return;
              unsubscribe();
              reject(result.error);
            });
          }),
        ),
      );
      queryClient.removeQueries({ queryKey, exact: true });
    }
    await collectFully();
    expect(errors.flatMap((error, index) => (error.deref() === undefined ? [] : [index]))).toEqual([]);
    expect(queryClient.getQueryCache().getAll()).toHaveLength(0);
  });
});
