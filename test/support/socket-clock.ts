import { setTimeout as realSleep } from 'node:timers/promises';
import { act } from '@testing-library/react';
import { afterEach, beforeEach, expect, vi } from 'vitest';

/**
 * Runs each test of the file on fake timers that a real server on 127.0.0.1 can answer through:
 * `shouldAdvanceTime` keeps the clock moving, so sockets work, while {@link runUntil} and
 * {@link passTime} cross waits and backoff at once.
 */
export function useSocketClockPerTest(): void {
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}

/** Pushes fake time forward in small steps inside `act`, letting real sockets answer, until `done` holds. */
export async function runUntil(done: () => boolean, { stepMs = 50, maxSteps = 400 } = {}): Promise<void> {
  for (let step = 0; step < maxSteps && !done(); step += 1) await passTime(stepMs);
  expect(done()).toBe(true);
}

/** Lets `ms` of fake time pass inside `act`, in steps of at most 250 ms, letting real sockets answer. */
export async function passTime(ms: number): Promise<void> {
  for (let passed = 0; passed < ms; passed += 250) {
    await act(async () => {
      await vi.advanceTimersByTimeAsync(Math.min(250, ms - passed));
      await realSleep(1);
    });
  }
}
