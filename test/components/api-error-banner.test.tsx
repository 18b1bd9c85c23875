import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { ApiError, ApiErrorBanner, type ApiErrorKind, defaultMessages, toApiError } from '../../src/index.js';
import { expectNoAxeViolations } from '../support/axe.js';
import { expectBoundaryReports } from '../support/console-capture.js';
import { advanceClock, useFakeClockPerTest } from '../support/fake-clock.js';
import { NOW } from '../support/now.js';
import { scheduleRetry } from '../support/scheduled-retry.js';
import { preloadDetailsModule } from '../support/details-module.js';

beforeAll(preloadDetailsModule);

const URL = 'https://api.example.com/v1/orders?page=2';

const STATUS_OF: Record<ApiErrorKind, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  not_acceptable: 406,
  timeout: 408,
  rate_limited: 429,
  server_error: 500,
  unavailable: 503,
  client_error: 418,
  network: 0,
  invalid_response: 200,
  aborted: 0,
  unknown: 0,
};

useFakeClockPerTest(NOW);

function failure(init: ConstructorParameters<typeof ApiError>[0] = {}): ApiError {
  return new ApiError({ receivedAt: NOW, url: URL, ...init });
}

const scheduled = (init: ConstructorParameters<typeof ApiError>[0]) => scheduleRetry(failure(init), { now: () => NOW });

describe('ApiErrorBanner', () => {
  test.each((Object.keys(STATUS_OF) as ApiErrorKind[]).filter((kind) => kind !== 'aborted'))('shows the title and friendly text of %s', async (kind) => {
    const error = failure({ kind, status: STATUS_OF[kind] });
    const { container } = render(<ApiErrorBanner error={error} onRetry={() => {}} showDetails />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe(`${defaultMessages[kind].title}${defaultMessages[kind].description}`);
    expect(screen.queryByRole('button', { name: 'Try again' }) !== null).toBe(error.retryable);
    await expectNoAxeViolations(container);
  });

  test('says what to do for each kind the API answers with', () => {
    const texts = (status: number, kind?: ApiErrorKind) => {
      const { unmount } = render(<ApiErrorBanner error={failure({ status, kind })} />);
      const text = screen.getByRole('alert').textContent ?? '';
      unmount();
      return text;
    };
    expect(texts(401)).toMatch(/API key.*sign in again/);
    expect(texts(403)).toMatch(/permission.*scope/);
    expect(texts(429)).toMatch(/wait/);
    expect(texts(503)).toMatch(/temporarily unavailable/);
    expect(texts(0, 'network')).toMatch(/internet connection/);
  });

  test('renders nothing for null, undefined and an aborted request', () => {
    const aborted = toApiError(new DOMException('The user aborted a request.', 'AbortError'));
    for (const error of [null, undefined, aborted]) {
      const { container, unmount } = render(<ApiErrorBanner error={error} onRetry={() => {}} />);
      expect(container.childElementCount).toBe(0);
      unmount();
    }
  });

  test('maps anything thrown, such as a failed fetch', () => {
    render(<ApiErrorBanner error={new TypeError('Failed to fetch')} />);
    expect(screen.getByRole('alert').textContent).toBe(`${defaultMessages.network.title}${defaultMessages.network.description}`);
  });

  test("shows the API's own error text, and the friendly text for an edge page", () => {
    const { rerender } = render(<ApiErrorBanner error={failure({ status: 422, message: 'The field "email" is not an email address.' })} />);
    expect(screen.getByRole('alert').textContent).toContain('The field "email" is not an email address.');
    rerender(<ApiErrorBanner error={failure({ status: 502, source: 'edge', message: 'Bad gateway from the edge' })} />);
    expect(screen.getByRole('alert').textContent).toBe(`${defaultMessages.server_error.title}${defaultMessages.server_error.description}`);
  });

  test('shows a message with markup literally and creates no element from it', () => {
    const markup = '<img src=x onerror="alert(1)"><b>bold</b><script>alert(2)</script>';
    render(<ApiErrorBanner error={failure({ status: 400, message: markup })} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain(markup);
    expect(within(alert).queryByRole('img')).toBeNull();
    expect(alert.querySelectorAll('img, b, script')).toHaveLength(0);
  });

  test('holds only the title and the description in the alert, everything else beside it', () => {
    render(<ApiErrorBanner error={scheduled({ status: 429, retryAfterMs: 12_000, supportId: 'req_8f2a91', rayId: '8a1b2c3d4e5f6a7b-FRA' })} onRetry={() => {}} onRetryNow={() => {}} onStopRetrying={() => {}} onDismiss={() => {}} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe(`${defaultMessages.rate_limited.title}${defaultMessages.rate_limited.description}`);
    expect(within(alert).queryAllByRole('button')).toHaveLength(0);
    expect(within(alert).queryByRole('progressbar')).toBeNull();
    expect(within(alert).queryByRole('code')).toBeNull();
    expect(screen.getByRole('progressbar').closest('[role="alert"]')).toBeNull();
  });

  test('shows the support ID in monospace, until when support keeps it, and the Ray ID', async () => {
    const error = failure({ status: 500, supportId: 'req_8f2a91', rayId: '8a1b2c3d4e5f6a7b-FRA' });
    const { container } = render(<ApiErrorBanner error={error} showDetails={false} />);
    const codes = screen.getAllByRole('code').map((code) => code.textContent);
    expect(codes).toEqual(['req_8f2a91', '8a1b2c3d4e5f6a7b-FRA']);
    expect(screen.getAllByRole('term').map((term) => term.textContent)).toEqual(['Support ID', 'Ray ID']);
    const until = new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(NOW + 7 * 24 * 3600_000));
    const paragraphs = screen.getAllByRole('paragraph').map((paragraph) => paragraph.textContent);
    expect(paragraphs).toContain(`Support can look this ID up until ${until}.`);
    screen.getByRole('button', { name: 'Copy support ID' });
    await expectNoAxeViolations(container);
  });

  test('shows no support ID, copy button or validity line when the server sent none', async () => {
    const { container } = render(<ApiErrorBanner error={failure({ status: 500 })} showDetails={false} />);
    expect(screen.queryAllByRole('code')).toHaveLength(0);
    expect(screen.queryByRole('button', { name: 'Copy support ID' })).toBeNull();
    expect(screen.getAllByRole('paragraph').map((paragraph) => paragraph.textContent)).toEqual([
      defaultMessages.server_error.title,
      defaultMessages.server_error.description,
    ]);
    await expectNoAxeViolations(container);
  });

  test('never offers "Try again" for 400, 401, 403, 404 or 406, even when marked retryable', () => {
    for (const status of [400, 401, 403, 404, 406]) {
      const { unmount } = render(<ApiErrorBanner error={failure({ status, retryable: true })} onRetry={() => {}} />);
      expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
      unmount();
    }
  });

  test('offers "Try again" for a 403 that is a rate limit, disabled until the server\'s time', () => {
    const error = failure({ status: 403, kind: 'rate_limited', retryAfterMs: 12_000 });
    expect(error.kind).toBe('rate_limited');
    render(<ApiErrorBanner error={error} onRetry={() => {}} />);
    expect(screen.getByRole('button', { name: 'Try again' })).toHaveProperty('disabled', true);
  });

  test('offers "Try again" only with a handler', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const onRetry = vi.fn();
    const { rerender } = render(<ApiErrorBanner error={failure({ status: 500 })} />);
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    rerender(<ApiErrorBanner error={failure({ status: 500 })} onRetry={onRetry} />);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  test('keeps "Try again" disabled with a countdown while the server asks to wait', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const onRetry = vi.fn();
    const { container } = render(<ApiErrorBanner error={failure({ status: 429, retryAfterMs: 12_000 })} onRetry={onRetry} />);
    const tryAgain = screen.getByRole('button', { name: 'Try again' });
    expect(tryAgain).toHaveProperty('disabled', true);
    screen.getByRole('progressbar', { value: { text: 'You can try again in 12 s' } });
    await expectNoAxeViolations(container);
    advanceClock(11_990);
    screen.getByRole('progressbar', { value: { text: 'You can try again in 1 s' } });
    expect(tryAgain).toHaveProperty('disabled', true);
    advanceClock(10);
    expect(tryAgain).toHaveProperty('disabled', false);
    expect(container.querySelector('.aek-countdown__text')?.textContent).toBe('You can try again now');
    await user.click(tryAgain);
    expect(onRetry).toHaveBeenCalledTimes(1);
    await expectNoAxeViolations(container);
  });

  test('does not show a countdown for a wait that was over before it was shown', () => {
    render(<ApiErrorBanner error={failure({ status: 429, retryAfterMs: 5_000, receivedAt: NOW - 10_000 })} onRetry={() => {}} />);
    expect(screen.getByRole('button', { name: 'Try again' })).toHaveProperty('disabled', false);
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  test('offers "Retry now" and "Stop retrying" while an automatic retry is scheduled', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const onRetryNow = vi.fn();
    const onStopRetrying = vi.fn();
    const error = scheduled({ status: 503, method: 'GET' });
    const { container } = render(<ApiErrorBanner error={error} onRetry={() => {}} onRetryNow={onRetryNow} onStopRetrying={onStopRetrying} />);
    screen.getByRole('progressbar', { value: { text: 'Retrying in 1 s' } });
    // One retry action at a time: "Retry now" stands for "Try again" while a retry is scheduled.
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Retry now' }));
    await user.click(screen.getByRole('button', { name: 'Stop retrying' }));
    expect(onRetryNow).toHaveBeenCalledTimes(1);
    expect(onStopRetrying).toHaveBeenCalledTimes(1);
    await expectNoAxeViolations(container);
  });

  test('hides "Retry now" and "Stop retrying" without a scheduled retry or without their handlers', () => {
    const { rerender } = render(<ApiErrorBanner error={failure({ status: 503 })} onRetryNow={() => {}} onStopRetrying={() => {}} />);
    expect(screen.queryByRole('button', { name: 'Retry now' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Stop retrying' })).toBeNull();
    rerender(<ApiErrorBanner error={scheduled({ status: 503 })} />);
    expect(screen.queryByRole('button', { name: 'Retry now' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Stop retrying' })).toBeNull();
  });

  test('offers "Dismiss" when onDismiss is given', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const onDismiss = vi.fn();
    const { rerender } = render(<ApiErrorBanner error={failure({ status: 404 })} />);
    expect(screen.queryByRole('button', { name: 'Dismiss' })).toBeNull();
    rerender(<ApiErrorBanner error={failure({ status: 404 })} onDismiss={onDismiss} />);
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });

  test('works as the FallbackComponent of react-error-boundary', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const thrown = failure({ status: 503, supportId: 'req_boundary' });
    let shouldFail = true;
    function Orders() {
      if (shouldFail) throw thrown;
      return <p>Orders loaded</p>;
    }
    await expectBoundaryReports(thrown, async () => {
      render(
        <ErrorBoundary FallbackComponent={ApiErrorBanner}>
          <Orders />
        </ErrorBoundary>,
      );
    });
    expect(screen.getByRole('alert').textContent).toContain(defaultMessages.unavailable.title);
    shouldFail = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('paragraph').textContent).toBe('Orders loaded');
  });

  test('shows the details in development: method, URL, status, Ray ID and time', async () => {
    const error = failure({ status: 429, method: 'POST', rayId: '8a1b2c3d4e5f6a7b-FRA' });
    const { container } = render(<ApiErrorBanner error={error} />);
    const details = await screen.findByRole('group', { name: 'Details' });
    const facts = within(details).getAllByRole('term').map((term) => term.textContent);
    const values = within(details).getAllByRole('definition').map((definition) => definition.textContent);
    expect(facts).toEqual(['Method', 'URL', 'Status', 'Ray ID', 'Time']);
    expect(values.slice(0, 4)).toEqual(['POST', URL, '429 Too Many Requests', '8a1b2c3d4e5f6a7b-FRA']);
    expect(values[4]).toBe(new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(NOW)));
    within(details).getByRole('button', { name: 'Copy details' });
    within(details).getByRole('button', { name: 'Copy as curl' });
    await expectNoAxeViolations(container);
  });

  test('hides the details in production unless showDetails asks for them, reading the mode at render', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    const { rerender } = render(<ApiErrorBanner error={failure({ status: 500 })} />);
    expect(screen.queryByRole('group', { name: 'Details' })).toBeNull();
    rerender(<ApiErrorBanner error={failure({ status: 500 })} showDetails />);
    await screen.findByRole('group', { name: 'Details' });
    // Their code is loaded now, so nothing but the mode can keep them away.
    rerender(<ApiErrorBanner error={failure({ status: 500 })} />);
    expect(screen.queryByRole('group', { name: 'Details' })).toBeNull();
    vi.stubEnv('NODE_ENV', 'development');
    rerender(<ApiErrorBanner error={failure({ status: 500 })} />);
    screen.getByRole('group', { name: 'Details' });
    vi.unstubAllEnvs();
  });

  test('hides the details when showDetails is false', async () => {
    const { rerender } = render(<ApiErrorBanner error={failure({ status: 500 })} showDetails />);
    await screen.findByRole('group', { name: 'Details' });
    rerender(<ApiErrorBanner error={failure({ status: 500 })} showDetails={false} />);
    expect(screen.queryByRole('group', { name: 'Details' })).toBeNull();
  });

  test('adds className to the root and leaves the error to its parent', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    function Page() {
      const [error, setError] = useState<unknown>(failure({ status: 404 }));
      return <ApiErrorBanner error={error} onDismiss={() => setError(null)} className="my-banner" />;
    }
    const { container } = render(<Page />);
    expect(container.firstElementChild?.className).toBe('aek-banner my-banner');
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(container.childElementCount).toBe(0);
  });
});

describe('ApiErrorBanner with objects that only look like an ApiError', () => {
  const base = { name: 'ApiError', status: 500, message: 'Boom' };
  const forged: Record<string, object> = {
    'an unknown kind': { ...base, kind: 'bogus' },
    'no receivedAt': { ...base, kind: 'server_error' },
    'a support ID expiry that is no time': { ...base, kind: 'server_error', supportId: 'sup-1', receivedAt: NOW, supportIdExpiresAt: 'soon' },
    'objects where text belongs': { ...base, kind: 'server_error', supportId: { id: 1 }, rayId: { ray: 1 }, method: { verb: 'GET' } },
    'a wait without receivedAt': { ...base, kind: 'rate_limited', status: 429, retryAfterMs: 5000 },
  };

  test.each(Object.keys(forged))('renders %s without crashing, details shown', async (name) => {
    render(<ApiErrorBanner error={forged[name]} onRetry={() => undefined} showDetails />);
    expect(screen.getByRole('alert').textContent).toContain('Boom');
    await screen.findByRole('group', { name: 'Details' });
  });
});
