'use client';
import { useState } from 'react';
import { useDeadlinePassed } from '../react/ticker.js';
import { useRetryWait, type ResolvedTarget, type RetryCountdownTarget } from '../react/useRetryCountdown.js';

/** @internal A wait as a component shows it. */
export interface ShownWait extends ResolvedTarget {
  /** Whether the wait's end is still ahead. */
  waiting: boolean;
  /** Whether the wait was seen going on: then its end is worth saying, not only its absence. */
  seen: boolean;
}

/**
 * @internal Whether the wait ending at `deadline` was seen going on (`goingOn` in some render):
 * once it was, a component keeps saying that it is over; one already over when first seen is not
 * announced. Forgotten when another wait comes.
 */
export function useWaitSeen(deadline: number | undefined, goingOn: boolean): boolean {
  const [seenFor, setSeenFor] = useState<number>();
  if (deadline !== undefined && goingOn && seenFor !== deadline) setSeenFor(deadline);
  return deadline !== undefined && (goingOn || seenFor === deadline);
}

/**
 * @internal The wait behind a target (see `useRetryWait`), whether it still runs, and whether it
 * was seen running. Re-renders once, when the wait ends: not on every second.
 */
export function useShownWait(target: RetryCountdownTarget): ShownWait {
  const wait = useRetryWait(target);
  const passed = useDeadlinePassed(wait.deadline);
  const waiting = wait.deadline !== undefined && !passed;
  return { ...wait, waiting, seen: useWaitSeen(wait.deadline, waiting) };
}
