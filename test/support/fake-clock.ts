import { act, cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';

/**
 * Fake timers that Testing Library can drive. Its async wrapper (used by user-event) ends each
 * interaction with a zero-delay timer and moves fake clocks only when it finds a global `jest`;
 * under Vitest that global is missing, so every `await user.click()` would wait forever.
 */
export function useFakeClock(now: number): void {
  vi.useFakeTimers({ shouldAdvanceTime: false });
  vi.setSystemTime(now);
  vi.stubGlobal('jest', { advanceTimersByTime: (ms: number) => vi.advanceTimersByTime(ms) });
}

/** Undoes {@link useFakeClock}, unmounting first so timers are cleared on the clock that set them. */
export function restoreClock(): void {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
}

/**
 * Runs each test of the file (or `describe` block) on a fake clock that starts at `now`:
 * {@link useFakeClock} before the test, {@link restoreClock} after it.
 *
 * @example
 * useFakeClockPerTest(Date.UTC(2026, 2, 2, 10, 15, 30));
 */
export function useFakeClockPerTest(now: number): void {
  beforeEach(() => {
    useFakeClock(now);
  });
  afterEach(() => {
    restoreClock();
  });
}

/** Moves the fake clock `ms` forward inside `act`, running the timers that fall due. */
export function advance(ms: number): void {
  act(() => {
    vi.advanceTimersByTime(ms);
  });
}
