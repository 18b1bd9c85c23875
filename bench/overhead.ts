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
}

/** The kit's client against a bare ky instance. */
export interface OverheadFigures {
  options: OverheadOptions;
  bare: ClientCost;
  kit: ClientCost;
  /** kit ÷ bare wall time, one value per round. */
  wallRatio: Summary;
  /** kit ÷ bare client CPU time, one value per round: far less sensitive to other load on the machine. */
  cpuRatio: Summary;
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
 * Sends the same sequential GETs through `createApiClient()` and `ky.create({ retry: 0 })` on
 * loopback, interleaved round by round (alternating which goes first) so drift in the machine's
 * load hits both alike; the server answers from its own thread.
 *
 * @example
 * const figures = await measureOverhead({ rounds: 200, requestsPerRound: 20 });
 * figures.wallRatio.median; // e.g. 1.03
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
    const cost = (samples: Sample[]): ClientCost => ({
      wallMicros: summarize(samples.map((sample) => sample.wall)),
      cpuMicros: summarize(samples.map((sample) => sample.cpu)),
    });
    return {
      options,
      bare: cost(bareSamples),
      kit: cost(kitSamples),
      wallRatio: summarize(kitSamples.map((sample, index) => sample.wall / bareSamples[index]!.wall)),
      cpuRatio: summarize(kitSamples.map((sample, index) => sample.cpu / bareSamples[index]!.cpu)),
    };
  } finally {
    await server.close();
  }
}
