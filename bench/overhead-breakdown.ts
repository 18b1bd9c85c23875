import ky, { type KyInstance } from 'ky';
import { createApiClient } from '../src/core/index.js';
import { startServerThread } from './server-thread.js';
import { summarize, type Summary } from './stats.js';

/** Client CPU time per request of one client setting, against bare ky in the same rounds. */
export interface BreakdownRow {
  label: string;
  cpuMicros: Summary;
  /** ÷ bare ky, round by round. */
  ratio: Summary;
  /** ÷ bare ky, all rounds together. */
  totalRatio: number;
}

async function cpuPerRequest(client: KyInstance, requests: number): Promise<number> {
  const start = process.threadCpuUsage();
  for (let index = 0; index < requests; index += 1) await client.get('items/overhead').json();
  const used = process.threadCpuUsage(start);
  return (used.user + used.system) / requests;
}

/**
 * Where the kit's per-request cost comes from: ky with one piece of the kit's setup at a time,
 * and the kit with its gate and budget off, each against bare ky, round-robin.
 *
 * @example
 * const rows = await measureOverheadBreakdown({ rounds: 30, requestsPerRound: 200 });
 */
export async function measureOverheadBreakdown({ rounds, requestsPerRound }: { rounds: number; requestsPerRound: number }): Promise<BreakdownRow[]> {
  const server = await startServerThread({ rateLimit: false });
  try {
    const prefix = server.url;
    const clients: Array<[label: string, client: KyInstance]> = [
      ['ky.create({ retry: 0 })', ky.create({ prefix, retry: 0 })],
      ['+ one empty afterResponse hook', ky.create({ prefix, retry: 0, hooks: { afterResponse: [() => undefined] } })],
      ['+ a fetch wrapper reading status and headers', ky.create({ prefix, retry: 0, fetch: observingFetch })],
      ['+ two async beforeRequest hooks', ky.create({ prefix, retry: 0, hooks: { beforeRequest: [async () => undefined, async () => undefined] } })],
      [
        "+ the kit's ky options (fetch wrapper, parseJson, two hooks, a context per request)",
        withContext(
          ky.create({
            prefix,
            retry: 0,
            fetch: observingFetch,
            parseJson: (text) => JSON.parse(text) as unknown,
            hooks: { beforeRequest: [() => undefined, () => undefined] },
          }),
        ),
      ],
      ['createApiClient({ gate: false, retryBudget: false })', createApiClient({ prefix, gate: false, retryBudget: false })],
      ['createApiClient()', createApiClient({ prefix })],
    ];
    for (let round = 0; round < 3; round += 1) for (const [, client] of clients) await cpuPerRequest(client, requestsPerRound);
    const samples = clients.map((): number[] => []);
    for (let round = 0; round < rounds; round += 1) {
      for (const [index, [, client]] of clients.entries()) samples[index]!.push(await cpuPerRequest(client, requestsPerRound));
    }
    const bare = samples[0]!;
    const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
    return clients.map(([label], index) => ({
      label,
      cpuMicros: summarize(samples[index]!),
      ratio: summarize(samples[index]!.map((value, round) => value / bare[round]!)),
      totalRatio: sum(samples[index]!) / sum(bare),
    }));
  } finally {
    await server.close();
  }
}

// Passes a fresh `context` with every request, as the kit does to find the request's slot.
function withContext(client: KyInstance): KyInstance {
  const call = ((input, options) => client(input, { ...options, context: { slot: {} } })) as KyInstance;
  call.get = (input, options) => client.get(input, { ...options, context: { slot: {} } });
  return call;
}

// Reads what the kit's fetch wrapper reads.
async function observingFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const response = await fetch(input, init);
  if (response.status === 429 || response.headers.has('ratelimit')) response.headers.get('retry-after');
  return response;
}
