// `npm run bench`: every benchmark in one run; prints tables and writes bench/results/<name>.json.
// Options: --name <name>, --queries 50,200, --outage-ms 6000,
// --only storm,storm-quota,precision,outage,outage-retry-after,heal,scattered,overhead,render,
// --heal-outages 20000,60000 (the outages the page outlives, ms),
// --seed 1,2,3 (the scattered failures' seeds: each strategy meets the same faults per seed),
// --strategies react-query,kit (run only these strategies, by id),
// --long-outages (also the 20 s and 60 s outages: two more minutes),
// --diagnostics (also runs variants of the kit that isolate one setting each, and breaks the
// overhead down),
// --quick (small and short: for checking the harness, not for figures).
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem, type as osType, release } from 'node:os';
import { parseArgs } from 'node:util';
import { DIAGNOSTIC_STRATEGIES } from './harness/diagnostic-strategies.js';
import { measureOverheadBreakdown, type BreakdownRow } from './scenarios/overhead-breakdown.js';
import { measureOverhead, type OverheadFigures } from './scenarios/overhead.js';
import { runHeal, type HealFigures } from './scenarios/heal.js';
import { runOutage, type OutageFigures } from './scenarios/outage.js';
import { runScattered, type ScatteredFigures } from './scenarios/scattered.js';
import { runRefusedOnce, type RefusedOnceFigures } from './scenarios/refused-once.js';
import { measureRendering, type RenderFigures } from './scenarios/render.js';
import { breakdownTable, healTable, outageTable, scatteredCommonTable, scatteredSummary, scatteredTable, overheadTable, precisionTable, refusedOnceTable, renderTable, stormTable } from './harness/report.js';
import { runStorm, type StormResult } from './scenarios/storm.js';
import { STRATEGIES } from './harness/strategies.js';

const { values } = parseArgs({
  options: {
    name: { type: 'string' },
    queries: { type: 'string' },
    'outage-ms': { type: 'string' },
    only: { type: 'string' },
    quick: { type: 'boolean', default: false },
    diagnostics: { type: 'boolean', default: false },
    'long-outages': { type: 'boolean', default: false },
    'heal-outages': { type: 'string' },
    seed: { type: 'string' },
    strategies: { type: 'string' },
  },
});

const quick = values.quick ?? false;
const queryCounts = (values.queries ?? (quick ? '20' : '50,200')).split(',').map(Number);
const outageMs = Number(values['outage-ms'] ?? (quick ? 3000 : 6000));
const outageLengths = [outageMs, ...(values['long-outages'] ? [20_000, 60_000] : [])];
const only = new Set((values.only ?? 'storm,storm-quota,precision,outage,outage-retry-after,heal,scattered,overhead,render').split(','));
const healOutages = (values['heal-outages'] ?? (quick ? '3000' : '20000,60000')).split(',').map(Number);
const healAfterMs = quick ? 5_000 : 45_000;
const scatteredMs = quick ? 5_000 : 40_000;
const scatteredWarmUpMs = quick ? 1_000 : 5_000;
const scatteredSeeds = (values.seed ?? (quick ? '1' : '1,2,3')).split(',').map(Number);
const name = values.name ?? `bench-${new Date().toISOString().replace(/[:.]/g, '-')}`;
const strategies = (values.diagnostics ? [...STRATEGIES, ...DIAGNOSTIC_STRATEGIES] : STRATEGIES).filter(
  (strategy) => values.strategies === undefined || values.strategies.split(',').includes(strategy.id),
);
const BURST = 10;
const RATE = 5;

const machine = {
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  os: `${osType()} ${release()}`,
  node: process.version,
  loadAverageAtStart: loadavg().map((value) => Math.round(value * 100) / 100),
};
console.log(`Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}, load ${machine.loadAverageAtStart.join(' ')}`);

const storms: Record<number, StormResult[]> = {};
if (only.has('storm')) {
  for (const queries of queryCounts) {
    const idealMs = ((queries - BURST) / RATE) * 1000;
    const deadlineMs = Math.round(2 * idealMs + 10_000);
    storms[queries] = [];
    for (const strategy of strategies) {
      const result = await runStorm(strategy, { queries, burst: BURST, ratePerSecond: RATE, deadlineMs });
      storms[queries].push(result);
      console.log(`  storm N=${queries} ${strategy.label}: ${(result.figures.settleMs / 1000).toFixed(1)} s`);
    }
    console.log(`\nRate-limit storm: N = ${queries}, bucket burst ${BURST}, ${RATE}/s, Retry-After in whole seconds`);
    console.log(stormTable(storms[queries], strategies));
    console.log(`\nRetry-After precision, N = ${queries}: how long after the allowed time each retry after a 429 left`);
    console.log(precisionTable(storms[queries], strategies));
    console.log();
  }
}

let stormQuota: StormResult[] | undefined;
if (only.has('storm-quota')) {
  const queries = queryCounts[0]!;
  const idealMs = ((queries - BURST) / RATE) * 1000;
  stormQuota = [];
  for (const strategy of strategies) {
    stormQuota.push(await runStorm(strategy, { queries, burst: BURST, ratePerSecond: RATE, deadlineMs: Math.round(2 * idealMs + 10_000), advertiseQuota: true }));
  }
  console.log(`\nRate-limit storm, quota advertised: N = ${queries}, RateLimit-Limit/-Remaining/-Reset on every answer`);
  console.log(stormTable(stormQuota, strategies));
  console.log();
}

let refusedOnce: RefusedOnceFigures[] | undefined;
if (only.has('precision')) {
  const queries = quick ? 10 : 20;
  refusedOnce = [];
  // One at a time: lateness is a timing.
  for (const strategy of strategies) refusedOnce.push(await runRefusedOnce(strategy, { queries, retryAfterS: 2, deadlineMs: 20_000 }));
  console.log(`Retry-After precision: ${queries} queries, each refused once with Retry-After: 2, then served`);
  console.log(refusedOnceTable(refusedOnce, strategies));
  console.log();
}

// The outages and the countdown take real time and measure counts, not timings: they run side by side.
const renderMs = quick ? 5000 : 30_000;
const rendering = only.has('render') ? measureRendering(renderMs) : undefined;

const outages: Record<string, OutageFigures[]> = {};
const outageRuns: Array<{ name: string; title: string; lengthMs: number; retryAfterS?: number }> = [];
if (only.has('outage')) {
  for (const lengthMs of outageLengths) outageRuns.push({ name: `${lengthMs / 1000}s`, title: `503 without Retry-After for ${lengthMs / 1000} s, then 200`, lengthMs });
}
if (only.has('outage-retry-after')) {
  outageRuns.push({ name: `${outageMs / 1000}s-retry-after-5`, title: `503 with Retry-After: 5 for ${outageMs / 1000} s, then 200`, lengthMs: outageMs, retryAfterS: 5 });
}
for (const run of outageRuns) {
  const queries = queryCounts[0]!;
  // Each strategy has its own server.
  const options = { queries, outageMs: run.lengthMs, retryAfterS: run.retryAfterS, deadlineMs: run.lengthMs + 25_000 };
  outages[run.name] = await Promise.all(strategies.map((strategy) => runOutage(strategy, options)));
  console.log(`Outage: N = ${queries}, ${run.title}`);
  console.log(outageTable(outages[run.name]!, strategies));
  console.log();
}

// The page outlives the outage: every strategy at once, each with its own server (counts, not timings).
const heals: Record<string, HealFigures[]> = {};
if (only.has('heal')) {
  const queries = queryCounts[0]!;
  for (const outage of healOutages) {
    heals[`${outage / 1000}s`] = await Promise.all(strategies.map((strategy) => runHeal(strategy, { queries, outageMs: outage, afterMs: healAfterMs })));
    console.log(`Outage the page outlives: N = ${queries}, 503 without Retry-After for ${outage / 1000} s, the queries mounted until ${healAfterMs / 1000} s after it`);
    console.log(healTable(heals[`${outage / 1000}s`]!, strategies, queries));
    console.log();
  }
}

// Throughput against a flaky backend: one strategy at a time.
let scattered: ScatteredFigures[] | undefined;
if (only.has('scattered')) {
  scattered = [];
  for (const seed of scatteredSeeds) {
    for (const strategy of strategies) scattered.push(await runScattered(strategy, { concurrent: 20, durationMs: scatteredMs, warmUpMs: scatteredWarmUpMs, seed }));
  }
  console.log(
    `Scattered failures: 20 queries cycling for ${scatteredMs / 1000} s; 70 % 200, 10 % 500, 10 % 429 (Retry-After: 1), 5 % 503, 5 % reset,` +
      ` drawn per query and attempt from each seed`,
  );
  console.log(scatteredTable(scattered, strategies));
  console.log(scatteredSummary(scattered, strategies));
  console.log('The same queries: those every strategy settled, per seed');
  console.log(scatteredCommonTable(scattered, strategies));
  console.log();
}

let render: RenderFigures | undefined;
if (rendering) {
  render = await rendering;
  console.log(`Rendering: <RetryCountdown until={now + ${renderMs / 1000} s} /> under a parent, React Profiler, jsdom`);
  console.log(renderTable(render));
  console.log();
}

let overhead: OverheadFigures | undefined;
if (only.has('overhead')) {
  overhead = await measureOverhead(
    quick ? { cycles: 1, warmup: 100, requests: 200, inMemoryRequests: 1000 } : { cycles: 8, warmup: 500, requests: 3000, inMemoryRequests: 20000 },
  );
  const { cycles, requests } = overhead.options;
  console.log(
    `Overhead: sequential GETs, each client alone on a fresh thread, ${cycles} cycles of baseline, candidate, candidate, baseline;` +
      ` ${requests} requests a run (a thread's CPU clock steps by up to ${Math.round(overhead.cpuClockStepMicros)} µs here)`,
  );
  console.log(overheadTable(overhead));
  console.log();
}

let overheadBreakdown: BreakdownRow[] | undefined;
if (only.has('overhead') && values.diagnostics) {
  overheadBreakdown = await measureOverheadBreakdown(quick ? { cycles: 1, warmup: 100, requests: 200 } : { cycles: 3, warmup: 500, requests: 3000 });
  console.log('Overhead breakdown: client CPU time per request on loopback, against bare ky, each client alone on a fresh thread');
  console.log(breakdownTable(overheadBreakdown));
  console.log();
}

const loadAverageAtEnd = loadavg().map((value) => Math.round(value * 100) / 100);
console.log(`Load average at the end: ${loadAverageAtEnd.join(' ')}`);
const file = new URL(`./results/${name}.json`, import.meta.url);
await mkdir(new URL('./results/', import.meta.url), { recursive: true });
await writeFile(
  file,
  `${JSON.stringify({ name, date: new Date().toISOString(), machine: { ...machine, loadAverageAtEnd }, strategies: strategies.map(({ id, label, setup }) => ({ id, label, setup })), storms, stormQuota, refusedOnce, outages, heals, scattered, overhead, overheadBreakdown, render }, null, 2)}\n`,
);
console.log(`Results: bench/results/${name}.json`);
