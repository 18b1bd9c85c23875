import { focusManager, onlineManager } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { ApiError, ApiErrorBanner, defaultMessages, RetryCountdown } from '../../src/index.js';
import { expectNoAxeViolations } from '../support/axe.js';
import { advanceClock, useFakeClockPerTest } from '../support/fake-clock.js';
import { NOW } from '../support/now.js';
import { scheduleRetry } from '../support/scheduled-retry.js';


useFakeClockPerTest(NOW);

afterEach(() => {
  onlineManager.setOnline(true);
  focusManager.setFocused(undefined);
});

function failure(init: ConstructorParameters<typeof ApiError>[0] = {}): ApiError {
  return new ApiError({ receivedAt: NOW, url: 'https://api.example.com/v1/orders', method: 'GET', ...init });
}

/** A failure with an automatic retry recorded, as the kit's retry policy records it for react-query. */
const scheduled = (init: ConstructorParameters<typeof ApiError>[0], options?: Parameters<typeof scheduleRetry>[1]) => scheduleRetry(failure(init), options);

const countdownText = () => document.querySelector('.aek-countdown__text')?.textContent;
const buttonNames = () => screen.queryAllByRole('button').map((button) => button.textContent);

describe('one retry action at a time', () => {
  test('while a retry is scheduled: "Retry now" and "Stop retrying", never "Try again"; when none is: "Try again" alone', () => {
    const handlers = { onRetry: vi.fn(), onRetryNow: vi.fn(), onStopRetrying: vi.fn() };
    const { rerender } = render(<ApiErrorBanner error={scheduled({ status: 503 })} {...handlers} showDetails={false} />);
    expect(buttonNames()).toEqual(['Retry now', 'Stop retrying']);
    rerender(<ApiErrorBanner error={failure({ status: 503 })} {...handlers} showDetails={false} />);
    expect(buttonNames()).toEqual(['Try again']);
  });

  test('"Retry now" pressed during the server\'s wait says the try goes at its time, until that wait ends', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const onRetryNow = vi.fn();
    const { container } = render(
      <ApiErrorBanner error={scheduled({ status: 429, retryAfterMs: 12_000 })} onRetryNow={onRetryNow} onStopRetrying={() => {}} showDetails={false} />,
    );
    const note = () => container.querySelector('.aek-banner__note');
    expect(note()?.textContent).toBe('');
    expect(note()?.getAttribute('role')).toBe('status');
    await user.click(screen.getByRole('button', { name: 'Retry now' }));
    expect(onRetryNow).toHaveBeenCalledTimes(1);
    expect(note()?.textContent).toBe(defaultMessages.waitRequested);
    await expectNoAxeViolations(container);
    advanceClock(12_000);
    expect(note()?.textContent).toBe('');
  });

  test('"Retry now" during the kit\'s own backoff goes at once, with nothing to explain', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const onRetryNow = vi.fn();
    const { container } = render(<ApiErrorBanner error={scheduled({ status: 503 })} onRetryNow={onRetryNow} showDetails={false} />);
    await user.click(screen.getByRole('button', { name: 'Retry now' }));
    expect(onRetryNow).toHaveBeenCalledTimes(1);
    expect(container.querySelector('.aek-banner__note')?.textContent).toBe('');
  });

  test('the countdown\'s own "Retry now" says so too during the server\'s wait', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const onRetryNow = vi.fn();
    const { container } = render(<RetryCountdown error={scheduled({ status: 429, retryAfterMs: 12_000 })} onRetryNow={onRetryNow} />);
    await user.click(screen.getByRole('button', { name: 'Retry now' }));
    expect(onRetryNow).toHaveBeenCalledTimes(1);
    expect(container.querySelector('.aek-countdown__note')?.textContent).toBe(defaultMessages.waitRequested);
  });
});

describe('focus', () => {
  test('moves to "Try again" when the pressed "Stop retrying" goes away, never to the page', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const error = scheduled({ status: 503 });
    const final = failure({ status: 503 });
    function Page({ failed }: { failed: ApiError }) {
      return <ApiErrorBanner error={failed} onRetry={() => {}} onRetryNow={() => {}} onStopRetrying={() => rerender(<Page failed={final} />)} showDetails={false} />;
    }
    const { rerender } = render(<Page failed={error} />);
    await user.click(screen.getByRole('button', { name: 'Stop retrying' }));
    expect(screen.queryByRole('button', { name: 'Stop retrying' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Try again' }));
  });

  test('moves to the banner itself when no action is left', () => {
    const { rerender, container } = render(<ApiErrorBanner error={scheduled({ status: 503 })} onRetryNow={() => {}} showDetails={false} />);
    act(() => screen.getByRole('button', { name: 'Retry now' }).focus());
    rerender(<ApiErrorBanner error={failure({ status: 503 })} onRetryNow={() => {}} showDetails={false} />);
    expect(document.activeElement).toBe(container.querySelector('.aek-banner'));
  });

  test('leaves alone focus that is elsewhere on the page', () => {
    const { rerender } = render(
      <>
        <input aria-label="Search" />
        <ApiErrorBanner error={scheduled({ status: 503 })} onRetry={() => {}} onRetryNow={() => {}} showDetails={false} />
      </>,
    );
    act(() => screen.getByRole('button', { name: 'Retry now' }).focus());
    act(() => screen.getByRole('textbox', { name: 'Search' }).focus());
    rerender(
      <>
        <input aria-label="Search" />
        <ApiErrorBanner error={failure({ status: 503 })} onRetry={() => {}} onRetryNow={() => {}} showDetails={false} />
      </>,
    );
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Search' }));
  });

  test('stays on "Retry now" while the retry it scheduled runs: the button stays, aria-disabled, beside "Retrying now"', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const onRetryNow = vi.fn();
    const error = scheduled({ status: 503 });
    render(<ApiErrorBanner error={error} onRetryNow={onRetryNow} onStopRetrying={() => {}} showDetails={false} />);
    const retryNow = screen.getByRole('button', { name: 'Retry now' });
    act(() => retryNow.focus());
    // What the kit's hooks do when the retry leaves: its schedule is cleared; the failure stays until the answer.
    const { clearScheduledRetry } = await import('../../src/core/retry/failure-record.js');
    clearScheduledRetry(error);
    advanceClock(1_000);
    expect(countdownText()).toBe('Retrying now');
    expect(document.activeElement).toBe(retryNow);
    expect(retryNow.getAttribute('aria-disabled')).toBe('true');
    await user.click(retryNow);
    expect(onRetryNow).not.toHaveBeenCalled();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });
});

describe('true titles', () => {
  const alertText = () => screen.getByRole('alert').textContent;

  test('a 503 is maintenance only with a wait or a text that says so', () => {
    const { rerender } = render(<ApiErrorBanner error={failure({ status: 503 })} />);
    expect(alertText()).toBe(defaultMessages.unavailable.title + defaultMessages.unavailable.description);
    rerender(<ApiErrorBanner error={failure({ status: 503, retryAfterMs: 60_000 })} />);
    expect(alertText()).toBe(defaultMessages.maintenance.title + defaultMessages.maintenance.description);
    rerender(<ApiErrorBanner error={failure({ status: 503, message: 'Down for maintenance until 14:00 UTC.' })} />);
    expect(alertText()).toBe(`${defaultMessages.maintenance.title}Down for maintenance until 14:00 UTC.`);
    rerender(<ApiErrorBanner error={failure({ status: 503, message: 'Database overloaded.' })} />);
    expect(alertText()).toBe(`${defaultMessages.unavailable.title}Database overloaded.`);
  });

  test.each([
    [429, 'Too Many Requests', 'rate_limited'],
    [503, 'Service Unavailable', 'unavailable'],
    [503, '503 Service Unavailable', 'unavailable'],
    [500, 'internal server error.', 'server_error'],
  ] as const)('a %i whose text only restates the status ("%s") shows the friendly text', (status, message, kind) => {
    render(<ApiErrorBanner error={failure({ status, message })} />);
    expect(alertText()).toBe(defaultMessages[kind].title + defaultMessages[kind].description);
  });
});

test('"Copied" goes away when another support ID is shown', async () => {
  const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
  Object.defineProperty(window.navigator, 'clipboard', { value: { writeText: () => Promise.resolve() }, configurable: true });
  const { rerender } = render(<ApiErrorBanner error={failure({ status: 500, supportId: 'sup-first' })} showDetails={false} />);
  await user.click(screen.getByRole('button', { name: 'Copy support ID' }));
  // The clipboard's promise settles, and React applies what follows it.
  await act(async () => {});
  screen.getByText('Copied');
  rerender(<ApiErrorBanner error={failure({ status: 500, supportId: 'sup-second' })} showDetails={false} />);
  expect(screen.queryByText('Copied')).toBeNull();
  // The same ID again (a retry that failed the same way keeps it): still the one copied.
  rerender(<ApiErrorBanner error={failure({ status: 500, supportId: 'sup-first' })} showDetails={false} />);
  screen.getByText('Copied');
});

describe('a frame per phase', () => {
  test('a rate limit beyond the automatic-retry cap says until when, as a clock time', () => {
    const until = new Date(NOW + 3_600_000);
    render(<ApiErrorBanner error={failure({ status: 429, retryAfterMs: 3_600_000 })} onRetry={() => {}} />);
    expect(countdownText()).toBe(`You can try again at ${new Intl.DateTimeFormat(undefined, { timeStyle: 'short' }).format(until)}`);
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByRole('button', { name: 'Try again' })).toHaveProperty('disabled', true);
  });

  test('a retry held offline says it waits for the network, one held for a hidden tab says so', () => {
    render(<ApiErrorBanner error={scheduled({ status: 503 })} onRetryNow={() => {}} />);
    expect(countdownText()).toBe('Retrying in 1 s');
    act(() => onlineManager.setOnline(false));
    expect(countdownText()).toBe('Waiting for the network');
    act(() => onlineManager.setOnline(true));
    act(() => focusManager.setFocused(false));
    advanceClock(1_000);
    expect(countdownText()).toBe('Paused while this tab is hidden');
  });

  test('the same texts in the banner and in RetryCountdown', () => {
    const error = scheduled({ status: 503 });
    render(
      <>
        <ApiErrorBanner error={error} />
        <RetryCountdown error={error} />
      </>,
    );
    const texts = () => [...document.querySelectorAll('.aek-countdown__text')].map((text) => text.textContent);
    expect(texts()).toEqual(['Retrying in 1 s', 'Retrying in 1 s']);
    advanceClock(1_000);
    expect(texts()).toEqual(['Retrying now', 'Retrying now']);
  });
});

describe('the progress bar', () => {
  test('has the countdown as its value text, and a new bar, starting empty, for each new wait', () => {
    const first = scheduled({ status: 503 }, { baseDelayMs: 4_000 });
    const { rerender } = render(<ApiErrorBanner error={first} />);
    const bar = screen.getByRole('progressbar', { name: 'Time left before the next try', value: { text: 'Retrying in 2 s' } });
    advanceClock(1_500);
    expect(bar).toHaveProperty('value', 0.75);
    rerender(<ApiErrorBanner error={scheduled({ status: 503, receivedAt: Date.now() }, { baseDelayMs: 4_000 })} />);
    const next = screen.getByRole('progressbar', { value: { text: 'Retrying in 2 s' } });
    expect(next).not.toBe(bar);
    expect(next).toHaveProperty('value', 0);
  });
});

describe('the result prop', () => {
  test('wires a query result: its failure, refetch, retryNow and stopRetrying; explicit props win', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const query = { failureReason: scheduled({ status: 503 }), error: null, fetchStatus: 'fetching', refetch: vi.fn(), retryNow: vi.fn(), stopRetrying: vi.fn() };
    const { rerender } = render(<ApiErrorBanner result={query} showDetails={false} />);
    await user.click(screen.getByRole('button', { name: 'Retry now' }));
    await user.click(screen.getByRole('button', { name: 'Stop retrying' }));
    expect(query.retryNow).toHaveBeenCalledTimes(1);
    expect(query.stopRetrying).toHaveBeenCalledTimes(1);
    const final = { ...query, failureReason: null, error: failure({ status: 503 }), fetchStatus: 'idle' };
    rerender(<ApiErrorBanner result={final} showDetails={false} />);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(query.refetch).toHaveBeenCalledTimes(1);
    const onRetry = vi.fn();
    rerender(<ApiErrorBanner result={final} onRetry={onRetry} showDetails={false} />);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
    expect(query.refetch).toHaveBeenCalledTimes(1);
    rerender(<ApiErrorBanner result={final} error={null} showDetails={false} />);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('a mutation is sent again only where the server refused before doing anything', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const mutate = vi.fn();
    const variables = { item: 'book' };
    const { rerender } = render(<ApiErrorBanner result={{ error: failure({ status: 429, method: 'POST' }), mutate, variables }} showDetails={false} />);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(mutate).toHaveBeenCalledWith(variables);
    rerender(<ApiErrorBanner result={{ error: failure({ status: 500, method: 'POST' }), mutate, variables }} showDetails={false} />);
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  test('reads a paused fetch from the result', () => {
    render(<ApiErrorBanner result={{ failureReason: scheduled({ status: 503 }), fetchStatus: 'paused' }} />);
    expect(countdownText()).toBe('Waiting for the network');
  });
});
