import { compareClients, type Comparison } from '../harness/client-runs.js';
import { startServerThread } from '../servers/server-thread.js';

/** Settings of the overhead measurement. */
export interface OverheadOptions {
  /** Cycles of baseline, kit, kit, baseline; each run on a fresh thread. */
  cycles: number;
  /** Requests before measuring, per run. */
  warmup: number;
  /** Sequential requests measured per run on loopback. */
  requests: number;
  /** Sequential requests measured per run with the in-memory `fetch`. */
  inMemoryRequests: number;
}

/** The kit's client against a bare ky instance. */
export interface OverheadFigures {
  options: OverheadOptions;
  /** The largest step of a thread's CPU clock here, µs: a run must be many of them long. */
  cpuClockStepMicros: number;
  /** `createApiClient()` against `ky.create({ retry: 0 })` on loopback. */
  loopback: Comparison;
  /** Bare ky against bare ky, the same way: how far apart two identical clients measure. */
  control: Comparison;
  /** `createApiClient()` against bare ky with a `fetch` that answers from memory: only their own work. */
  inMemory: Comparison;
}

/**
 * The largest step in which this thread's CPU clock advanced during 200 ms of busy work. On
 * kernels that count thread time in scheduler ticks it is about 4000 µs.
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

/**
 * Sends sequential GETs through `createApiClient()` and `ky.create({ retry: 0 })`, each alone on a
 * fresh thread, against a server on its own thread; then bare ky against itself (the method's
 * noise) and both clients with a `fetch` that answers from memory (only their own work).
 *
 * @example
 * const figures = await measureOverhead({ cycles: 4, warmup: 500, requests: 3000, inMemoryRequests: 20000 });
 * figures.loopback.cpuRatio; // e.g. 1.03
 */
export async function measureOverhead(options: OverheadOptions): Promise<OverheadFigures> {
  const server = await startServerThread({ rateLimit: false });
  try {
    const settings = { url: server.url, warmup: options.warmup, requests: options.requests };
    const loopback = await compareClients('bare', 'kit', settings, options.cycles);
    const control = await compareClients('bare', 'bare', settings, options.cycles);
    const inMemory = await compareClients('bare', 'kit', { ...settings, requests: options.inMemoryRequests, inMemory: true }, options.cycles);
    return { options, cpuClockStepMicros: cpuClockStepMicros(), loopback, control, inMemory };
  } finally {
    await server.close();
  }
}
