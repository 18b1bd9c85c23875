import { act, cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';

/**
 * Fake timers that Testing Library can drive. Its async wrapper (used by user-event) ends each
 * interaction with a zero-delay timer and moves fake clocks only when it finds a global `jest`;
 * under Vitest that global is missing, so every `await user.click()` would wait forever.
 */
export function startFakeClock(now: number): void {
  vi.useFakeTimers({ shouldAdvanceTime: false });
  vi.setSystemTime(now);
  vi.stubGlobal('jest', { advanceTimersByTime: (ms: number) => vi.advanceTimersByTime(ms) });
}

/** Undoes {@link startFakeClock}, unmounting first so timers are cleared on the clock that set them. */
export function restoreClock(): void {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
}

/**
 * Runs each test of the file (or `describe` block) on a fake clock that starts at `now`:
 * {@link startFakeClock} before the test, {@link restoreClock} after it.
 *
 * @example
 * useFakeClockPerTest(Date.UTC(2026, 2, 2, 10, 15, 30));
 */
export function useFakeClockPerTest(now: number): void {
  beforeEach(() => {
    startFakeClock(now);
  });
  afterEach(() => {
    restoreClock();
  });
}

/**
 * Moves the fake clock `ms` forward inside `act`, running the timers that fall due, at once (no
 * promise settles on the way: for components on a clock, with no request in flight).
 */
export function advanceClock(ms: number): void {
  act(() => {
    vi.advanceTimersByTime(ms);
  });
}
