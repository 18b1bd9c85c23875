import ky, { type KyInstance } from 'ky';
import { createApiClient } from '../../src/core/index.js';

/** The clients the overhead benchmarks compare, by id: bare ky, the kit, and ky with one piece of the kit's setup at a time. */
export const OVERHEAD_CLIENTS = {
  bare: { label: 'ky.create({ retry: 0 })', create: (prefix: string, fetch?: typeof globalThis.fetch) => ky.create({ prefix, retry: 0, fetch }) },
  kit: { label: 'createApiClient()', create: (prefix: string, fetch?: typeof globalThis.fetch) => createApiClient({ prefix, fetch }) },
  'kit-no-gate': {
    label: 'createApiClient({ gate: false, retryBudget: false })',
    create: (prefix: string) => createApiClient({ prefix, gate: false, retryBudget: false }),
  },
  'after-response-hook': {
    label: '+ one empty afterResponse hook',
    create: (prefix: string) => ky.create({ prefix, retry: 0, hooks: { afterResponse: [() => undefined] } }),
  },
  'fetch-wrapper': { label: '+ a fetch wrapper reading status and headers', create: (prefix: string) => ky.create({ prefix, retry: 0, fetch: observingFetch }) },
  'one-hook': {
    label: '+ one empty beforeRequest hook',
    create: (prefix: string) => ky.create({ prefix, retry: 0, hooks: { beforeRequest: [() => undefined] } }),
  },
  'two-hooks': {
    label: '+ two empty beforeRequest hooks',
    create: (prefix: string) => ky.create({ prefix, retry: 0, hooks: { beforeRequest: [() => undefined, () => undefined] } }),
  },
  'parse-json': {
    label: '+ a parseJson option (JSON.parse)',
    create: (prefix: string) => ky.create({ prefix, retry: 0, parseJson: (text) => JSON.parse(text) as unknown }),
  },
  'promise-wrapper': {
    label: '+ a promise around each request, as the kit maps errors',
    create: (prefix: string) => withPromiseWrapper(ky.create({ prefix, retry: 0 })),
  },
  'kit-options': {
    label: "+ all of the kit's ky extension points, empty",
    create: (prefix: string) =>
      withPromiseWrapper(
        withContext(
          ky.create({
            prefix,
            retry: 0,
            fetch: observingFetch,
            parseJson: (text) => JSON.parse(text) as unknown,
            hooks: { beforeRequest: [() => undefined, () => undefined] },
          }),
        ),
      ),
  },
} satisfies Record<string, { label: string; create: (prefix: string, fetch?: typeof globalThis.fetch) => KyInstance }>;

/** The id of one of {@link OVERHEAD_CLIENTS}. */
export type OverheadClientId = keyof typeof OVERHEAD_CLIENTS;

// Passes a fresh `context` with every request, as the kit does to find the request's slot.
function withContext(client: KyInstance): KyInstance {
  const call = ((input, options) => client(input, { ...options, context: { slot: {} } })) as KyInstance;
  call.get = (input, options) => client.get(input, { ...options, context: { slot: {} } });
  return call;
}

// Wraps each request's promise and its body method as the kit does to map failures, mapping nothing.
function withPromiseWrapper(client: KyInstance): KyInstance {
  const call = ((input, options) => client(input, options)) as KyInstance;
  call.get = (input, options) => {
    const sent = client.get(input, options);
    const wrapped = sent.then((response) => response) as typeof sent;
    wrapped.json = (<T>() => sent.json<T>().catch((error: unknown) => Promise.reject(error))) as typeof sent.json;
    return wrapped;
  };
  return call;
}

// Reads what the kit's fetch wrapper reads.
async function observingFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const response = await fetch(input, init);
  if (response.status === 429 || response.headers.has('ratelimit')) response.headers.get('retry-after');
  return response;
}
