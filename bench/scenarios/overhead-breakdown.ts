import { compareClients, meanCost, type Comparison } from '../harness/client-runs.js';
import { OVERHEAD_CLIENTS, type OverheadClientId } from '../harness/overhead-clients.js';
import { startServerThread } from '../servers/server-thread.js';

/** One client setting against bare ky. */
export interface BreakdownRow {
  label: string;
  comparison: Comparison;
}

const SETTINGS: OverheadClientId[] = [
  'after-response-hook',
  'fetch-wrapper',
  'one-hook',
  'two-hooks',
  'parse-json',
  'promise-wrapper',
  'kit-options',
  'kit-no-gate',
  'kit',
];

/**
 * Where the kit's per-request cost comes from: ky with one piece of the kit's setup at a time,
 * and the kit with its gate and budget off, each against bare ky, each run alone on a fresh thread.
 *
 * @example
 * const rows = await measureOverheadBreakdown({ cycles: 2, warmup: 500, requests: 3000 });
 */
export async function measureOverheadBreakdown({ cycles, warmup, requests }: { cycles: number; warmup: number; requests: number }): Promise<BreakdownRow[]> {
  const server = await startServerThread({ rateLimit: false });
  try {
    const rows: BreakdownRow[] = [];
    for (const id of SETTINGS) {
      rows.push({ label: OVERHEAD_CLIENTS[id].label, comparison: await compareClients('bare', id, { url: server.url, warmup, requests }, cycles) });
    }
    return rows;
  } finally {
    await server.close();
  }
}

/** A row's client CPU time per request, µs. */
export function rowCpuMicros(row: BreakdownRow): number {
  return meanCost(row.comparison.candidateRuns).cpuMicros;
}
