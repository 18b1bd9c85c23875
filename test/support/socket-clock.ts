import { act } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { passTime, passTimeUntil } from './moving-fake-clock.js';

/**
 * Runs each test of the file on fake timers that a real server on 127.0.0.1 can answer through:
 * `shouldAdvanceTime` keeps the clock moving, so sockets work, while {@link passTimeInActUntil} and
 * {@link passTimeInAct} cross waits and backoff at once.
 */
export function useSocketClockPerTest(): void {
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}

/** Lets `ms` of fake time pass inside `act`, in steps of at most 250 ms, letting real sockets answer. */
export async function passTimeInAct(ms: number): Promise<void> {
  for (let passed = 0; passed < ms; passed += 250) {
    await act(() => passTime(Math.min(250, ms - passed)));
  }
}

/** Lets fake time pass in small steps inside `act`, letting real sockets answer, until `done` holds. */
export function passTimeInActUntil(done: () => boolean, { stepMs = 50, maxSteps = 400 } = {}): Promise<void> {
  return passTimeUntil(done, { stepMs, maxSteps, pass: passTimeInAct });
}
