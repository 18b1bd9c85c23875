import type { HealFigures } from '../scenarios/heal.js';
import type { OutageFigures } from '../scenarios/outage.js';
import type { ScatteredFigures } from '../scenarios/scattered.js';
import type { RefusedOnceFigures } from '../scenarios/refused-once.js';
import { meanCost, type Comparison } from './client-runs.js';
import { rowCpuMicros, type BreakdownRow } from '../scenarios/overhead-breakdown.js';
import type { OverheadFigures } from '../scenarios/overhead.js';
import type { RenderFigures } from '../scenarios/render.js';
import type { StormResult } from '../scenarios/storm.js';
import type { Strategy } from './strategies.js';
import { fixed, formatTable } from './table.js';

function labelOf(strategies: readonly Strategy[], id: Strategy['id']): string {
  return strategies.find((strategy) => strategy.id === id)?.label ?? id;
}

/** The storm table of one N: counts, times and ratios per strategy. */
export function stormTable(results: readonly StormResult[], strategies: readonly Strategy[]): string {
  const kit = results.find((result) => result.strategy === 'kit');
  const rows = results.map(({ strategy, figures: f, options }) => [
    labelOf(strategies, strategy),
    f.requests,
    f.tooManyRequests,
    f.firstWaveTooManyRequests,
    `${f.sentIntoKnownCooldown} (${f.sentIntoKnownCooldownRefused})`,
    f.failures,
    f.unsettled,
    `${f.unsettled > 0 ? '>' : ''}${fixed(f.settleMs / 1000, 1)}`,
    fixed(f.idealMs / 1000, 1),
    // Failing queries end early: a time is only worth comparing when every query got its data.
    f.failures > 0 ? '–' : `${f.unsettled > 0 ? '>' : ''}${fixed(f.ratioToIdeal, 2)}`,
    f.windows.length,
    f.maxRoundsPerWindow,
    fixed(f.mean429PerWindow, 1),
    kit && kit.figures.tooManyRequests > 0 ? fixed(f.tooManyRequests / kit.figures.tooManyRequests, 2) : '–',
    `${options.deadlineMs / 1000}`,
  ]);
  return formatTable(
    ['strategy', 'requests', '429s', '1st-wave 429s', 'sent told to wait (429)', 'failed', 'unsettled', 'settled s', 'ideal s', '× ideal', 'windows', 'max rounds/win', '429s/win', '429s ÷ kit', 'deadline s'],
    rows,
  );
}

/** How long after the allowed time retries that followed a 429 left, per strategy. */
export function precisionTable(results: readonly StormResult[], strategies: readonly Strategy[]): string {
  const rows = results.map(({ strategy, figures: { precision: p } }) => [
    labelOf(strategies, strategy),
    p.retries,
    p.early,
    p.free.count,
    fixed(p.free.min, 1),
    fixed(p.free.median, 1),
    fixed(p.free.p95, 1),
    fixed(p.free.max, 1),
    p.freeOver10PercentLate,
    fixed(p.freeAfterAnswer.median, 1),
    fixed(p.freeAfterAnswer.p95, 1),
    p.underLaterCooldown.count,
    fixed(p.underLaterCooldown.median, 1),
    fixed(p.underLaterCooldown.p95, 1),
  ]);
  return formatTable(
    ['strategy', 'retries', 'early', 'free', 'min ms', 'median ms', 'p95 ms', 'max ms', '>10% late', 'from answer: median ms', 'p95 ms', 'held later', 'after opening: median ms', 'p95 ms'],
    rows,
  );
}

/** Requests during the outage and how the queries ended, per strategy. */
export function outageTable(figures: readonly OutageFigures[], strategies: readonly Strategy[]): string {
  const seconds = (ms: number | undefined) => (ms === undefined ? '–' : fixed(ms / 1000, 1));
  const rows = figures.map((f) => [
    labelOf(strategies, f.strategy),
    f.requestsDuringOutage,
    fixed(f.perQueryDuringOutage, 2),
    fixed(f.perQuery, 2),
    fixed(f.lastOutageRequestMs / 1000, 1),
    f.requestsAfterRecovery,
    f.successes,
    f.failures,
    f.unsettled,
    seconds(f.firstFailureMs),
    seconds(f.lastFailureMs),
    `${f.unsettled > 0 ? '>' : ''}${fixed(f.settleMs / 1000, 1)}`,
  ]);
  return formatTable(
    ['strategy', 'sent in outage', 'per query', 'per query, all', 'last in outage s', 'sent after', 'succeeded', 'failed', 'unsettled', 'first failed s', 'last failed s', 'settled s'],
    rows,
  );
}

/** The refused-once table: how late each strategy's retries left after the server's time. */
export function refusedOnceTable(figures: readonly RefusedOnceFigures[], strategies: readonly Strategy[]): string {
  const rows = figures.map((f) => [
    labelOf(strategies, f.strategy),
    f.requests,
    f.lateness.count,
    f.early,
    fixed(f.lateness.min, 0),
    fixed(f.lateness.median, 0),
    fixed(f.lateness.p95, 0),
    fixed(f.lateness.max, 0),
    f.failures,
    f.unsettled,
    fixed(f.settleMs / 1000, 2),
  ]);
  return formatTable(['strategy', 'requests', 'retries', 'early', 'late min ms', 'median ms', 'p95 ms', 'max ms', 'failed', 'unsettled', 'settled s'], rows);
}

/** Time per request of the kit's client against bare ky. */
export function overheadTable(figures: OverheadFigures): string {
  const row = (label: string, comparison: Comparison) => {
    const baseline = meanCost(comparison.baselineRuns);
    const candidate = meanCost(comparison.candidateRuns);
    return [
      label,
      fixed(baseline.cpuMicros, 1),
      fixed(candidate.cpuMicros, 1),
      fixed(comparison.cpuRatio, 3),
      cycleRange(comparison),
      cycleInterval(comparison),
      fixed(comparison.wallRatio, 3),
    ];
  };
  return formatTable(
    ['per request', 'baseline CPU µs', 'candidate CPU µs', 'CPU ratio', 'per cycle', 'cycles: mean, 95 %', 'wall ratio'],
    [
      row('loopback: bare ky → createApiClient()', figures.loopback),
      row('control: bare ky → bare ky', figures.control),
      row('in memory: bare ky → createApiClient()', figures.inMemory),
    ],
  );
}

/** Client CPU time per request, setting by setting. */
export function breakdownTable(rows: readonly BreakdownRow[]): string {
  return formatTable(
    ['client', 'CPU µs/request', '÷ bare ky', 'per cycle', 'cycles: mean, 95 %', 'wall ÷ bare ky'],
    rows.map((row) => [
      row.label,
      fixed(rowCpuMicros(row), 1),
      fixed(row.comparison.cpuRatio, 3),
      cycleRange(row.comparison),
      cycleInterval(row.comparison),
      fixed(row.comparison.wallRatio, 3),
    ]),
  );
}

function cycleRange(comparison: Comparison): string {
  const ratios = comparison.cycleCpuRatios;
  return `${fixed(Math.min(...ratios), 3)}–${fixed(Math.max(...ratios), 3)}`;
}

// The mean of the cycles' ratios with its 95 % interval, e.g. "1.031 (1.012–1.050)".
function cycleInterval(comparison: Comparison): string {
  const { mean, low, high } = comparison.cycleCpuInterval;
  return Number.isNaN(low) ? fixed(mean, 3) : `${fixed(mean, 3)} (${fixed(low, 3)}–${fixed(high, 3)})`;
}

/** Renders during a countdown. */
export function renderTable(figures: RenderFigures): string {
  return formatTable(
    ['countdown s', 'countdown commits', 'per second', 'text changes', 'parent renders after mount', 'first text', 'last text'],
    [
      [
        fixed(figures.durationMs / 1000),
        figures.countdownCommits,
        fixed(figures.countdownCommits / (figures.durationMs / 1000), 2),
        figures.textChanges,
        figures.parentRenders,
        figures.firstText ?? '',
        figures.lastText ?? '',
      ],
    ],
  );
}

const seconds = (ms: number | undefined) => (ms === undefined ? '–' : fixed(ms / 1000, 1));

/** The outage the page outlives: what the person sees, and what the server got, per strategy. */
export function healTable(results: readonly HealFigures[], strategies: readonly Strategy[], queries: number): string {
  const rows = results.map((f) => [
    labelOf(strategies, f.strategy),
    `${f.requests} (${fixed(f.perQuery, 2)})`,
    f.showedError,
    seconds(f.errorMedianMs),
    seconds(f.errorLastMs),
    f.ownSupportId,
    `${f.back} of ${queries}`,
    seconds(f.lastBackAfterOutageMs),
  ]);
  return formatTable(['strategy', 'requests (per query)', 'showed error', 'error seen s: median', 'last', 'own last support ID', 'with data at the end', 'last data s after outage'], rows);
}

/** Scattered failures: how many queries a flaky backend let the page settle, per seed and strategy. */
export function scatteredTable(results: readonly ScatteredFigures[], strategies: readonly Strategy[]): string {
  const kB = (bytes: number | undefined) => (bytes === undefined ? '–' : fixed(bytes / 1024, 1));
  const rows = results.map((f) => [
    f.seed,
    labelOf(strategies, f.strategy),
    f.settled,
    `${f.failed} (${fixed(f.failedShare * 100, 1)} %)`,
    f.requests,
    f.tooManyRequests,
    fixed(f.tooManyPerQuery, 3),
    f.unhandledRejections,
    kB(f.heapPerThousand),
    kB(f.heapRunningPerThousand),
  ]);
  return formatTable(
    ['seed', 'strategy', 'settled', 'failed (share)', 'requests', '429s', '429s per query', 'unhandled rejections', 'heap kB kept per 1000', 'heap kB grown per 1000 while running'],
    rows,
  );
}

/** Scattered failures over every seed: per strategy, the mean and the range of each figure. */
export function scatteredSummary(results: readonly ScatteredFigures[], strategies: readonly Strategy[]): string {
  const ids = [...new Set(results.map((f) => f.strategy))];
  const spread = (values: number[], digits: number, scale = 1) => {
    const scaled = values.map((value) => value * scale);
    const mean = scaled.reduce((sum, value) => sum + value, 0) / scaled.length;
    return `${fixed(mean, digits)} (${fixed(Math.min(...scaled), digits)}–${fixed(Math.max(...scaled), digits)})`;
  };
  const rows = ids.map((id) => {
    const runs = results.filter((f) => f.strategy === id);
    const heap = runs.flatMap((f) => (f.heapPerThousand === undefined ? [] : [f.heapPerThousand]));
    return [
      labelOf(strategies, id),
      runs.length,
      spread(runs.map((f) => f.settled), 0),
      spread(runs.map((f) => f.failedShare), 2, 100),
      spread(runs.map((f) => f.tooManyPerQuery), 3),
      runs.reduce((sum, f) => sum + f.unhandledRejections, 0),
      heap.length === 0 ? '–' : spread(heap, 1, 1 / 1024),
    ];
  });
  return formatTable(['strategy', 'seeds', 'settled: mean (min–max)', 'failed %', '429s per query', 'unhandled rejections', 'heap kB kept per 1000'], rows);
}

/**
 * Scattered failures on the same queries: per seed, only the queries every strategy settled, so
 * each met the same faults on the same attempts and a difference is the policy's alone.
 */
export function scatteredCommonTable(results: readonly ScatteredFigures[], strategies: readonly Strategy[]): string {
  const rows: Array<Array<string | number>> = [];
  for (const seed of [...new Set(results.map((f) => f.seed))]) {
    const runs = results.filter((f) => f.seed === seed);
    const settledBy = runs.map((f) => new Set(f.settledQueries.map((query) => query.id)));
    for (const f of runs) {
      const common = f.settledQueries.filter((query) => settledBy.every((ids) => ids.has(query.id)));
      const failed = common.filter((query) => query.failed).length;
      const tooMany = common.reduce((sum, query) => sum + query.tooMany, 0);
      rows.push([seed, labelOf(strategies, f.strategy), common.length, `${failed} (${fixed((failed / Math.max(1, common.length)) * 100, 2)} %)`, fixed(tooMany / Math.max(1, common.length), 3)]);
    }
  }
  return formatTable(['seed', 'strategy', 'queries settled by all', 'failed (share)', '429s per query'], rows);
}
