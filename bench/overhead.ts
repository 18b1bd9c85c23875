import ky, { type KyInstance } from 'ky';
import { createApiClient } from '../src/core/index.js';
import { preciseNow } from './clock.js';
import { startServerThread } from './server-thread.js';
import { summarize, type Summary } from './stats.js';

/** Settings of the overhead measurement. */
export interface OverheadOptions {
  /** Measured rounds; each runs both clients, in alternating order. */
  rounds: number;
  /** Sequential requests per client per round. */
  requestsPerRound: number;
}

/** Per-request cost of one client: wall time, and CPU time of the client's own thread. */
export interface ClientCost {
  /** Wall time per request, µs, one value per round. */
  wallMicros: Summary;
  /** CPU time of the client thread per request, µs, one value per round (the server runs on another thread). */
  cpuMicros: Summary;
  /** Wall and CPU time per request over all rounds together, µs. */
  total: { wallMicros: number; cpuMicros: number };
}

/** The clients' own work per request with a `fetch` that answers from memory: no network, no server. */
export interface InMemoryCost {
  requests: number;
  bareMicros: number;
  kitMicros: number;
}

/** The kit's client against a bare ky instance. */
export interface OverheadFigures {
  options: OverheadOptions;
  /** The largest step of this thread's CPU clock, µs: one round must be many of them long. */
  cpuClockStepMicros: number;
  bare: ClientCost;
  kit: ClientCost;
  /** kit ÷ bare over all rounds together: wall time, and client CPU time. The headline figures. */
  totalRatio: { wall: number; cpu: number };
  /** kit ÷ bare wall time, one value per round. */
  wallRatio: Summary;
  /** kit ÷ bare client CPU time, one value per round. */
  cpuRatio: Summary;
  inMemory: InMemoryCost;
}

interface Sample {
  wall: number;
  cpu: number;
}

async function measure(client: KyInstance, requests: number): Promise<Sample> {
  const cpuStart = process.threadCpuUsage();
  const start = preciseNow();
  for (let index = 0; index < requests; index += 1) await client.get('items/overhead').json();
  const wall = (preciseNow() - start) * 1000;
  const cpu = process.threadCpuUsage(cpuStart);
  return { wall: wall / requests, cpu: (cpu.user + cpu.system) / requests };
}

/**
 * The largest step in which this thread's CPU clock advanced during 200 ms of busy work. On
 * kernels that count thread time in scheduler ticks it is about 4000 µs, longer than a short
 * round of requests: hence rounds of hundreds.
 */
export function cpuClockStepMicros(): number {
  let largest = 0;
  let last = process.threadCpuUsage();
  const until = performance.now() + 200;
  while (performance.now() < until) {
    const now = process.threadCpuUsage();
    const step = now.user + now.system - (last.user + last.system);
    if (step > 0) {
      largest = Math.max(largest, step);
      last = now;
    }
  }
  return largest;
}

const answerFromMemory: typeof fetch = async () => new Response('{"ok":true}', { headers: { 'content-type': 'application/json' } });

// Thousands of requests per sample, so the CPU clock's steps do not count.
async function measureInMemory(samples: number, requests: number): Promise<InMemoryCost> {
  const prefix = 'http://127.0.0.1/';
  const bare = ky.create({ prefix, retry: 0, fetch: answerFromMemory });
  const kit = createApiClient({ prefix, fetch: answerFromMemory });
  await measure(bare, requests);
  await measure(kit, requests);
  let bareCpu = 0;
  let kitCpu = 0;
  for (let sample = 0; sample < samples; sample += 1) {
    bareCpu += (await measure(bare, requests)).cpu;
    kitCpu += (await measure(kit, requests)).cpu;
  }
  return { requests: samples * requests, bareMicros: bareCpu / samples, kitMicros: kitCpu / samples };
}

/**
 * Sends the same sequential GETs through `createApiClient()` and `ky.create({ retry: 0 })` on
 * loopback, interleaved round by round (alternating which goes first) so drift in the machine's
 * load hits both alike; the server answers from its own thread. Then both clients once more with
 * a `fetch` that answers from memory, which leaves only their own work to measure.
 *
 * @example
 * const figures = await measureOverhead({ rounds: 60, requestsPerRound: 200 });
 * figures.totalRatio.cpu; // e.g. 1.03
 */
export async function measureOverhead(options: OverheadOptions): Promise<OverheadFigures> {
  const server = await startServerThread({ rateLimit: false });
  try {
    const bare = ky.create({ prefix: server.url, retry: 0 });
    const kit = createApiClient({ prefix: server.url });
    // Warm-up: connections, JIT.
    for (let round = 0; round < 5; round += 1) {
      await measure(bare, options.requestsPerRound);
      await measure(kit, options.requestsPerRound);
    }
    const bareSamples: Sample[] = [];
    const kitSamples: Sample[] = [];
    for (let round = 0; round < options.rounds; round += 1) {
      const kitFirst = round % 2 === 1;
      const first = await measure(kitFirst ? kit : bare, options.requestsPerRound);
      const second = await measure(kitFirst ? bare : kit, options.requestsPerRound);
      kitSamples.push(kitFirst ? first : second);
      bareSamples.push(kitFirst ? second : first);
    }
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    const cost = (samples: Sample[]): ClientCost => ({
      wallMicros: summarize(samples.map((sample) => sample.wall)),
      cpuMicros: summarize(samples.map((sample) => sample.cpu)),
      total: { wallMicros: mean(samples.map((sample) => sample.wall)), cpuMicros: mean(samples.map((sample) => sample.cpu)) },
    });
    const bareCost = cost(bareSamples);
    const kitCost = cost(kitSamples);
    return {
      options,
      cpuClockStepMicros: cpuClockStepMicros(),
      bare: bareCost,
      kit: kitCost,
      totalRatio: { wall: kitCost.total.wallMicros / bareCost.total.wallMicros, cpu: kitCost.total.cpuMicros / bareCost.total.cpuMicros },
      wallRatio: summarize(kitSamples.map((sample, index) => sample.wall / bareSamples[index]!.wall)),
      cpuRatio: summarize(kitSamples.map((sample, index) => sample.cpu / bareSamples[index]!.cpu)),
      inMemory: await measureInMemory(10, 3000),
    };
  } finally {
    await server.close();
  }
}
