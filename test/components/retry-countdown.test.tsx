import { onlineManager, QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Profiler, StrictMode, useState } from 'react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { ApiError, createRetryPolicy, RetryCountdown } from '../../src/index.js';
// Internal: the announcer's timing, so the test waits exactly as long as it.
import { ANNOUNCE_AFTER_MS, ANNOUNCEMENT_SHOWN_MS } from '../../src/components/useAnnouncement.js';
import { expectNoAxeViolations } from '../support/axe.js';
import { advanceClock, useFakeClockPerTest } from '../support/fake-clock.js';
import { NOW } from '../support/now.js';
import { scheduleRetry } from '../support/scheduled-retry.js';

const BAR_NAME = 'Time left before the next try';

useFakeClockPerTest(NOW);

afterEach(() => {
  onlineManager.setOnline(true);
});

/** The visible countdown text, which is also the progress bar's value text while the bar shows. */
function visibleText(): string {
  const text = document.querySelector('.aek-countdown__text')?.textContent ?? '';
  const bar = screen.queryByRole('progressbar', { name: BAR_NAME });
  if (bar) expect(bar.getAttribute('aria-valuetext')).toBe(text);
  return text;
}

/**
 * Runs the clock in 100 ms steps (each step holds at most one tick) and returns every text the
 * polite live region took, in order, starting from its text right after mounting.
 */
function announcementsWhileRunning(totalMs: number): string[] {
  const region = screen.getByRole('status');
  const texts: string[] = [];
  const note = () => {
    const text = region.textContent ?? '';
    if (text !== '' && text !== texts.at(-1)) texts.push(text);
  };
  note();
  for (let elapsed = 0; elapsed < totalMs; elapsed += 100) {
    advanceClock(100);
    note();
  }
  return texts;
}

const scheduledFailure = (init: ConstructorParameters<typeof ApiError>[0]) =>
  scheduleRetry(new ApiError({ receivedAt: NOW, url: 'https://api.example.com/v1/orders', ...init }), { now: () => NOW });

describe('RetryCountdown', () => {
  test('counts down in whole seconds, rounding up, until the wait is over', () => {
    render(<RetryCountdown until={NOW + 30_000} />);
    expect(visibleText()).toBe('You can try again in 30 s');
    advanceClock(999);
    expect(visibleText()).toBe('You can try again in 30 s');
    advanceClock(1);
    expect(visibleText()).toBe('You can try again in 29 s');
    advanceClock(28_999);
    expect(visibleText()).toBe('You can try again in 1 s');
    advanceClock(1);
    expect(visibleText()).toBe('You can try again now');
  });

  test('accepts a Date and shows the progress of the wait on the bar', () => {
    render(<RetryCountdown until={new Date(NOW + 10_000)} />);
    const bar = screen.getByRole('progressbar', { name: BAR_NAME });
    expect(bar).toHaveProperty('value', 0);
    advanceClock(4_000);
    expect(bar).toHaveProperty('value', 0.4);
    advanceClock(5_999);
    expect(bar).toHaveProperty('value', 0.9999);
    // Over: the bar gives way to the text that says so.
    advanceClock(1);
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(visibleText()).toBe('You can try again now');
  });

  test('says "Retrying in" for a failure with an automatic retry scheduled', () => {
    const error = scheduledFailure({ status: 429, retryAfterMs: 12_000 });
    render(<RetryCountdown error={error} />);
    expect(visibleText()).toBe('Retrying in 12 s');
    advanceClock(12_000);
    expect(visibleText()).toBe('Retrying now');
  });

  test('says "You can try again in" for a failure whose server asked to wait but nothing retries', () => {
    const error = new ApiError({ status: 429, retryAfterMs: 240_000, receivedAt: NOW - 60_000 });
    render(<RetryCountdown error={error} />);
    expect(visibleText()).toBe('You can try again in 180 s');
    expect(screen.getByRole('progressbar', { name: BAR_NAME })).toHaveProperty('value', 0.25);
  });

  test('announces exactly twice during a 30-second wait: at its start and at its end', () => {
    render(<RetryCountdown until={NOW + 30_000} />);
    expect(announcementsWhileRunning(35_000)).toEqual(['You can try again in 30 s', 'You can try again now']);
  });

  test('keeps the ticking text out of every live region', () => {
    render(<RetryCountdown until={NOW + 30_000} />);
    const text = document.querySelector('.aek-countdown__text');
    expect(text?.textContent).toBe('You can try again in 30 s');
    expect(text?.closest('[aria-live], [role="status"], [role="alert"], [role="log"], [role="timer"]')).toBeNull();
  });

  test('calls onElapsed exactly once, when the wait is over', () => {
    const onElapsed = vi.fn();
    const { rerender } = render(<RetryCountdown until={NOW + 3_000} onElapsed={onElapsed} />);
    advanceClock(2_999);
    expect(onElapsed).not.toHaveBeenCalled();
    advanceClock(1);
    expect(onElapsed).toHaveBeenCalledTimes(1);
    rerender(<RetryCountdown until={NOW + 3_000} onElapsed={onElapsed} />);
    advanceClock(10_000);
    expect(onElapsed).toHaveBeenCalledTimes(1);
  });

  test('says "Waiting for the network" while a query result is paused, and does not elapse', () => {
    const error = scheduledFailure({ status: 503 });
    const onElapsed = vi.fn();
    const { rerender } = render(<RetryCountdown result={{ failureReason: error, fetchStatus: 'paused' }} onElapsed={onElapsed} />);
    expect(visibleText()).toBe('Waiting for the network');
    advanceClock(5_000);
    expect(visibleText()).toBe('Waiting for the network');
    expect(onElapsed).not.toHaveBeenCalled();
    rerender(<RetryCountdown result={{ failureReason: error, fetchStatus: 'fetching' }} onElapsed={onElapsed} />);
    expect(onElapsed).toHaveBeenCalledTimes(1);
  });

  test('says "Waiting for the network" while offline with a retry scheduled', () => {
    const error = scheduledFailure({ status: 429, retryAfterMs: 20_000 });
    render(<RetryCountdown error={error} />);
    expect(visibleText()).toBe('Retrying in 20 s');
    act(() => onlineManager.setOnline(false));
    expect(visibleText()).toBe('Waiting for the network');
    act(() => onlineManager.setOnline(true));
    expect(visibleText()).toBe('Retrying in 20 s');
  });

  test('shows "Retry now" while waiting when onRetryNow is given', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const onRetryNow = vi.fn();
    render(<RetryCountdown error={scheduledFailure({ status: 503 })} onRetryNow={onRetryNow} />);
    await user.click(screen.getByRole('button', { name: 'Retry now' }));
    expect(onRetryNow).toHaveBeenCalledTimes(1);
  });

  test('keeps one copy of its text on the page, apart from the moment it is announced', () => {
    render(<RetryCountdown until={NOW + 12_000} />);
    screen.getByText('You can try again in 12 s');
    advanceClock(ANNOUNCE_AFTER_MS);
    expect(screen.getByRole('status').textContent).toBe('You can try again in 12 s');
    advanceClock(ANNOUNCEMENT_SHOWN_MS);
    expect(screen.getByRole('status').textContent).toBe('');
    expect(screen.getByText(/You can try again in \d+ s/).textContent).toBe('You can try again in 11 s');
    advanceClock(12_000 - ANNOUNCE_AFTER_MS - ANNOUNCEMENT_SHOWN_MS);
    screen.getByText('You can try again now');
    advanceClock(ANNOUNCE_AFTER_MS);
    expect(screen.getByRole('status').textContent).toBe('You can try again now');
    advanceClock(ANNOUNCEMENT_SHOWN_MS);
    screen.getByText('You can try again now');
  });

  test('announces the start under StrictMode too, whose effects run twice', () => {
    render(
      <StrictMode>
        <RetryCountdown until={NOW + 12_000} />
      </StrictMode>,
    );
    advanceClock(ANNOUNCE_AFTER_MS);
    expect(screen.getByRole('status').textContent).toBe('You can try again in 12 s');
  });

  test('shows nothing visible when there is nothing to wait for', () => {
    render(<RetryCountdown until={null} />);
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('');
  });

  test('re-renders only itself on each tick, never its parent', () => {
    const parentRenders = vi.fn();
    const countdownCommits = vi.fn();
    function Parent() {
      parentRenders();
      return (
        <Profiler id="countdown" onRender={countdownCommits}>
          <RetryCountdown until={NOW + 10_000} />
        </Profiler>
      );
    }
    render(<Parent />);
    const commitsAtStart = countdownCommits.mock.calls.length;
    for (let second = 0; second < 10; second += 1) advanceClock(1_000);
    expect(parentRenders).toHaveBeenCalledTimes(1);
    expect(countdownCommits.mock.calls.length - commitsAtStart).toBeGreaterThanOrEqual(10);
    expect(visibleText()).toBe('You can try again now');
  });

  test('shares one timer between countdowns and leaves none once the waits are over', () => {
    render(
      <>
        <RetryCountdown until={NOW + 2_000} />
        <RetryCountdown until={NOW + 5_500} />
        <RetryCountdown error={scheduledFailure({ status: 429, retryAfterMs: 3_000 })} />
      </>,
    );
    // Once the start announcements are said and cleared, only the shared tick is left.
    advanceClock(ANNOUNCE_AFTER_MS + ANNOUNCEMENT_SHOWN_MS);
    expect(vi.getTimerCount()).toBe(1);
    advanceClock(6_000);
    // The end announcements, set once the waits are over, are said and cleared too.
    advanceClock(ANNOUNCE_AFTER_MS + ANNOUNCEMENT_SHOWN_MS);
    expect(vi.getTimerCount()).toBe(0);
  });

  test('leaves no timer behind when unmounted during a wait', () => {
    const { unmount } = render(<RetryCountdown until={NOW + 30_000} />);
    advanceClock(3_000);
    expect(vi.getTimerCount()).toBe(1);
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });

  test('counts down to the retry react-query scheduled for a failing query', async () => {
    const policy = createRetryPolicy({ random: () => 0 });
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: policy.retry, retryDelay: policy.retryDelay } } });
    const queryFn = vi.fn(async () => {
      throw new ApiError({ status: 503, retryAfterMs: 5_000, url: 'https://api.example.com/v1/orders' });
    });
    function Orders() {
      const [retried, setRetried] = useState(false);
      const orders = useQuery({ queryKey: ['orders'], queryFn });
      return <RetryCountdown result={orders} onElapsed={() => setRetried(true)} messages={retried ? { retryingNow: 'Retried' } : undefined} />;
    }
    render(
      <QueryClientProvider client={queryClient}>
        <Orders />
      </QueryClientProvider>,
    );
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(queryFn).toHaveBeenCalledTimes(1);
    expect(visibleText()).toBe('Retrying in 5 s');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(5_000);
    });
    expect(queryFn).toHaveBeenCalledTimes(2);
    queryClient.clear();
  });

  test('has no accessibility violations while waiting, paused and after the wait', async () => {
    const error = scheduledFailure({ status: 429, retryAfterMs: 2_000 });
    const { container, rerender } = render(<RetryCountdown error={error} onRetryNow={() => {}} />);
    await expectNoAxeViolations(container);
    rerender(<RetryCountdown result={{ failureReason: error, fetchStatus: 'paused' }} />);
    await expectNoAxeViolations(container);
    rerender(<RetryCountdown error={error} />);
    advanceClock(2_000);
    expect(visibleText()).toBe('Retrying now');
    await expectNoAxeViolations(container);
  });
});

test('a wait on an object shaped like an ApiError without receivedAt shows nothing to count down', () => {
  const forged = { name: 'ApiError', kind: 'rate_limited', status: 429, message: 'Slow down', retryAfterMs: 5000 };
  const { container } = render(<RetryCountdown error={forged as unknown as ApiError} />);
  expect(container.textContent).not.toMatch(/\d+ s/);
});
