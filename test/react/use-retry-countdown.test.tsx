import { onlineManager } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { ApiError, getScheduledRetry, type RetryCountdownTarget, useRetryCountdown } from '../../src/index.js';
// Internal: clears a recorded schedule, as react-query's next attempt does, without running one.
import { clearScheduledRetry } from '../../src/core/retry/failure-record.js';
import { advanceClock, useFakeClockPerTest } from '../support/fake-clock.js';
import { NOW } from '../support/now.js';
import { scheduleRetry } from '../support/scheduled-retry.js';


useFakeClockPerTest(NOW);

afterEach(() => {
  onlineManager.setOnline(true);
});

const withSchedule = (init: ConstructorParameters<typeof ApiError>[0], random = 0) =>
  scheduleRetry(new ApiError({ receivedAt: NOW, method: 'GET', ...init }), { random: () => random, now: () => NOW });

function countdown(target: RetryCountdownTarget) {
  const renders = vi.fn();
  const hook = renderHook(
    ({ value }: { value: RetryCountdownTarget }) => {
      renders();
      return useRetryCountdown(value);
    },
    { initialProps: { value: target } },
  );
  return { ...hook, renders };
}

describe('useRetryCountdown', () => {
  test('returns an idle countdown for null', () => {
    const { result } = countdown(null);
    expect(result.current).toEqual({ remainingMs: 0, seconds: 0, active: false, paused: false, progress: 0 });
    expect(vi.getTimerCount()).toBe(0);
  });

  test('counts whole seconds rounded up, re-rendering only when they change', () => {
    const { result, renders } = countdown(NOW + 2_300);
    expect(result.current).toMatchObject({ remainingMs: 2_300, seconds: 3, active: true, paused: false, progress: 0 });
    const rendersAtStart = renders.mock.calls.length;
    advanceClock(299);
    expect(renders).toHaveBeenCalledTimes(rendersAtStart);
    advanceClock(1);
    expect(result.current).toMatchObject({ remainingMs: 2_000, seconds: 2 });
    advanceClock(1_000);
    expect(result.current).toMatchObject({ remainingMs: 1_000, seconds: 1, active: true });
    advanceClock(999);
    expect(result.current).toMatchObject({ remainingMs: 1_000, seconds: 1, active: true });
    advanceClock(1);
    expect(result.current).toEqual({ remainingMs: 0, seconds: 0, active: false, paused: false, progress: 1 });
    expect(renders).toHaveBeenCalledTimes(rendersAtStart + 3);
    expect(vi.getTimerCount()).toBe(0);
  });

  test('runs progress linearly from mount to the end of a bare time', () => {
    const { result } = countdown(new Date(NOW + 10_000));
    expect(result.current.progress).toBe(0);
    advanceClock(3_000);
    expect(result.current.progress).toBe(0.3);
    advanceClock(7_000);
    expect(result.current.progress).toBe(1);
  });

  test("counts to an ApiError's receivedAt plus retryAfterMs, progress starting at receivedAt", () => {
    const error = new ApiError({ status: 429, retryAfterMs: 10_000, receivedAt: NOW - 2_000 });
    const { result } = countdown(error);
    expect(result.current).toEqual({ remainingMs: 8_000, seconds: 8, active: true, paused: false, progress: 0.2 });
  });

  test("counts to an ApiError's scheduled retry rather than its Retry-After", () => {
    const error = withSchedule({ status: 429, retryAfterMs: 10_000 }, 0.5);
    const at = getScheduledRetry(error)!.at;
    expect(at).toBe(NOW + 10_125);
    const { result } = countdown(error);
    expect(result.current).toMatchObject({ remainingMs: 10_125, seconds: 11, active: true });
  });

  test("counts to a query result's failure schedule, and to its error once final", () => {
    const error = withSchedule({ status: 503 });
    const { result, rerender } = countdown({ failureReason: error, error: null, fetchStatus: 'fetching' });
    expect(result.current).toMatchObject({ remainingMs: 500, seconds: 1, active: true, paused: false });
    const final = new ApiError({ status: 429, retryAfterMs: 60_000, receivedAt: NOW });
    rerender({ value: { failureReason: null, error: final, fetchStatus: 'idle' } });
    expect(result.current).toMatchObject({ remainingMs: 60_000, seconds: 60, active: true });
  });

  test('is paused while a query is paused or a mutation waits for the network', () => {
    const error = withSchedule({ status: 503 });
    const { result, rerender } = countdown({ failureReason: error, fetchStatus: 'paused' });
    expect(result.current).toMatchObject({ paused: true, active: true });
    advanceClock(5_000);
    expect(result.current).toMatchObject({ paused: true, active: true, seconds: 0 });
    rerender({ value: { failureReason: error, isPaused: true } });
    expect(result.current.paused).toBe(true);
    rerender({ value: { failureReason: error, isPaused: false } });
    expect(result.current).toMatchObject({ paused: false, active: false });
  });

  test('is paused while offline only when a retry is scheduled', () => {
    const scheduled = withSchedule({ status: 429, retryAfterMs: 20_000 });
    const { result, rerender } = countdown(scheduled);
    act(() => onlineManager.setOnline(false));
    expect(result.current.paused).toBe(true);
    rerender({ value: NOW + 20_000 });
    expect(result.current.paused).toBe(false);
    act(() => onlineManager.setOnline(true));
    rerender({ value: scheduled });
    expect(result.current.paused).toBe(false);
  });

  test('keeps counting to a retry whose schedule was cleared when it began', () => {
    const error = withSchedule({ status: 503 });
    const { result } = countdown({ failureReason: error, fetchStatus: 'fetching' });
    expect(result.current.seconds).toBe(1);
    clearScheduledRetry(error);
    advanceClock(500);
    expect(result.current).toMatchObject({ remainingMs: 0, seconds: 0, active: false, progress: 1 });
  });

  test('shares one timer among all countdowns and stops it when nothing waits', () => {
    const first = countdown(NOW + 1_500);
    const second = countdown(NOW + 4_000);
    expect(vi.getTimerCount()).toBe(1);
    advanceClock(1_500);
    expect(first.result.current.active).toBe(false);
    expect(vi.getTimerCount()).toBe(1);
    second.unmount();
    expect(vi.getTimerCount()).toBe(0);
  });
});
