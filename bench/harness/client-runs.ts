import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { OverheadClientId } from './overhead-clients.js';
import { meanInterval } from './stats.js';

/** What one run of a client is told: which client, where, and how many requests. */
export interface ClientRunSettings {
  client: OverheadClientId;
  /** The server's base URL (unused in memory). */
  url: string;
  /** Requests before measuring: connections, JIT. */
  warmup: number;
  requests: number;
  /** Answer from memory instead of the server: only the client's own work is left. */
  inMemory?: boolean;
}

/** One run's cost per request, µs. */
export interface ClientRun {
  cpuMicros: number;
  wallMicros: number;
}

/** Two clients compared run by run. */
export interface Comparison {
  baseline: OverheadClientId;
  candidate: OverheadClientId;
  settings: Omit<ClientRunSettings, 'client'>;
  baselineRuns: ClientRun[];
  candidateRuns: ClientRun[];
  /** Candidate ÷ baseline over all runs: client CPU time, and wall time. */
  cpuRatio: number;
  wallRatio: number;
  /** Candidate ÷ baseline CPU time, cycle by cycle (each cycle runs baseline, candidate, candidate, baseline). */
  cycleCpuRatios: number[];
  /** The mean of the cycles' CPU ratios and its 95 % confidence interval. */
  cycleCpuInterval: { mean: number; low: number; high: number };
}

/** Runs one client alone on a fresh worker thread. */
export async function runClient(settings: ClientRunSettings): Promise<ClientRun> {
  const worker = new Worker(new URL('./client-worker.ts', import.meta.url), { workerData: settings });
  const [run] = (await once(worker, 'message')) as [ClientRun];
  await worker.terminate();
  return run;
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

/**
 * Compares two clients, each run alone on a fresh thread, in cycles of baseline, candidate,
 * candidate, baseline, so drift in the machine's load falls on both alike. Clients measured
 * side by side in one thread are not compared fairly: there, two identical bare ky instances
 * differed by 10 % or more, the second one cheaper.
 *
 * @example
 * const kit = await compareClients('bare', 'kit', { url, warmup: 500, requests: 3000 }, 4);
 * kit.cpuRatio; // e.g. 1.03
 */
export async function compareClients(
  baseline: OverheadClientId,
  candidate: OverheadClientId,
  settings: Omit<ClientRunSettings, 'client'>,
  cycles: number,
): Promise<Comparison> {
  const baselineRuns: ClientRun[] = [];
  const candidateRuns: ClientRun[] = [];
  const cycleCpuRatios: number[] = [];
  for (let cycle = 0; cycle < cycles; cycle += 1) {
    const first = await runClient({ ...settings, client: baseline });
    const second = await runClient({ ...settings, client: candidate });
    const third = await runClient({ ...settings, client: candidate });
    const fourth = await runClient({ ...settings, client: baseline });
    baselineRuns.push(first, fourth);
    candidateRuns.push(second, third);
    cycleCpuRatios.push((second.cpuMicros + third.cpuMicros) / (first.cpuMicros + fourth.cpuMicros));
  }
  const cpu = (runs: ClientRun[]) => mean(runs.map((run) => run.cpuMicros));
  const wall = (runs: ClientRun[]) => mean(runs.map((run) => run.wallMicros));
  return {
    baseline,
    candidate,
    settings,
    baselineRuns,
    candidateRuns,
    cpuRatio: cpu(candidateRuns) / cpu(baselineRuns),
    wallRatio: wall(candidateRuns) / wall(baselineRuns),
    cycleCpuRatios,
    cycleCpuInterval: meanInterval(cycleCpuRatios),
  };
}

/** The mean cost per request of a comparison's runs of one side. */
export function meanCost(runs: ClientRun[]): ClientRun {
  return { cpuMicros: mean(runs.map((run) => run.cpuMicros)), wallMicros: mean(runs.map((run) => run.wallMicros)) };
}
