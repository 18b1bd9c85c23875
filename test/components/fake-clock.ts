import { cleanup } from '@testing-library/react';
import { vi } from 'vitest';

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
