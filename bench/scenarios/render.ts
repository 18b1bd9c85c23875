import { once } from 'node:events';
import { Worker } from 'node:worker_threads';

/** Renders counted while a `RetryCountdown` counts down, in real time. */
export interface RenderFigures {
  durationMs: number;
  /** Renders of the parent component after its mount: the countdown must not cause any. */
  parentRenders: number;
  /** Commits the countdown's Profiler saw, mount included: about one a second is the target. */
  countdownCommits: number;
  /** Commits the parent's Profiler saw after mount (its subtree includes the countdown). */
  parentProfilerCommits: number;
  /** Changes of the visible countdown text. */
  textChanges: number;
  firstText: string | undefined;
  lastText: string | undefined;
}

/**
 * Renders `<RetryCountdown until={now + durationMs} />` under a parent in jsdom, on a worker
 * thread, and counts renders with React's `Profiler` until the wait is over.
 *
 * @example
 * const figures = await measureRendering(30_000);
 * figures.parentRenders; // 1: the mount only
 */
export async function measureRendering(durationMs: number): Promise<RenderFigures> {
  const worker = new Worker(new URL('./render-worker.tsx', import.meta.url), { workerData: { durationMs } });
  const [message] = (await once(worker, 'message')) as [
    { parent: number; parentCommits: number; countdownCommits: number; textChanges: number; firstText?: string; lastText?: string },
  ];
  await worker.terminate();
  return {
    durationMs,
    parentRenders: message.parent - 1,
    countdownCommits: message.countdownCommits,
    parentProfilerCommits: message.parentCommits,
    textChanges: message.textChanges,
    firstText: message.firstText,
    lastText: message.lastText,
  };
}
