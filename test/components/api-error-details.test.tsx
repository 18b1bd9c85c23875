import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { ApiError, type ApiErrorDetailsProps, defaultMessages, formatCurl, formatErrorReport, PoliteAnnouncer, toApiError, useApiErrorDetails } from '../../src/index.js';
import { expectNoAxeViolations } from '../support/axe.js';
import { findDetailsInRealTime, preloadDetailsModule } from '../support/details-module.js';
import { useFakeClockPerTest } from '../support/fake-clock.js';
import { NOW } from '../support/now.js';

const DETAILS_MODULE = '../../src/components/ApiErrorDetails.js';

useFakeClockPerTest(NOW);

function failure(): ApiError {
  return new ApiError({
    status: 503,
    supportId: 'req_8f2a91',
    rayId: '8a1b2c3d4e5f6a7b-FRA',
    receivedAt: NOW,
    method: 'GET',
    url: 'https://api.example.com/v1/orders?api_key=secret123&page=2',
  });
}

/** user-event, with a clipboard whose `writeText` is returned. */
function setup() {
  const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
  const writeText = vi.fn(async (_text: string) => {});
  // After setup, which installs its own clipboard stub.
  Object.defineProperty(window.navigator, 'clipboard', { value: { writeText }, configurable: true });
  return { user, writeText };
}

/** Lets the clipboard's promise settle inside `act`, so React applies what follows it. */
async function settle(): Promise<void> {
  await act(async () => {});
}

/**
 * A fresh `ApiErrorBanner` whose details module counts how often it is loaded. Fresh, so its
 * lazy part has not been loaded by an earlier test.
 */
async function countingBanner() {
  const loads = { count: 0 };
  vi.resetModules();
  vi.doMock(DETAILS_MODULE, async (importOriginal) => {
    loads.count += 1;
    return importOriginal();
  });
  const { ApiErrorBanner } = await import('../../src/components/ApiErrorBanner.js');
  return { ApiErrorBanner, loads };
}

function MyDetails(props: ApiErrorDetailsProps) {
  const details = useApiErrorDetails(props);
  if (!details) return <p>No details</p>;
  return (
    <details {...details.getRootProps()} open>
      <summary {...details.getSummaryProps()}>{details.messages.details}</summary>
      <ul>
        {details.facts.map((fact) => (
          <li key={fact.label}>{`${fact.label}: ${fact.value}`}</li>
        ))}
      </ul>
      <button {...details.getCopyDetailsProps()} />
      <button {...details.getCopyCurlProps()} />
      <PoliteAnnouncer {...details.getCopyStatusProps()} />
    </details>
  );
}

describe('the banner\'s "Details" part', () => {
  afterEach(() => {
    vi.doUnmock(DETAILS_MODULE);
    vi.unstubAllEnvs();
  });

  test('shows the rest of the banner at once and the details once their code has loaded', async () => {
    const { ApiErrorBanner, loads } = await countingBanner();
    const { container } = render(<ApiErrorBanner error={failure()} onRetry={() => {}} showDetails />);
    expect(screen.getByRole('alert').textContent).toContain(defaultMessages.unavailable.title);
    screen.getByRole('button', { name: 'Copy support ID' });
    screen.getByRole('button', { name: 'Try again' });
    expect(screen.queryByRole('group', { name: 'Details' })).toBeNull();

    const details = await findDetailsInRealTime();
    within(details).getByRole('button', { name: 'Copy details' });
    within(details).getByRole('button', { name: 'Copy as curl' });
    expect(details.className).toBe('aek-banner__details');
    expect(loads.count).toBe(1);
    await expectNoAxeViolations(container);
  });

  test('never loads the details code in production unless showDetails asks for it', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    const { ApiErrorBanner, loads } = await countingBanner();
    const { rerender } = render(<ApiErrorBanner error={failure()} onRetry={() => {}} />);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1_000);
    });
    screen.getByRole('alert');
    expect(screen.queryByRole('group', { name: 'Details' })).toBeNull();
    expect(loads.count).toBe(0);

    rerender(<ApiErrorBanner error={failure()} onRetry={() => {}} showDetails />);
    expect(await findDetailsInRealTime()).toBeDefined();
    expect(loads.count).toBe(1);
  });

  test('reports only the latest copy, whether of the support ID or of the details', async () => {
    const { user, writeText } = setup();
    await preloadDetailsModule();
    const { ApiErrorBanner } = await import('../../src/components/ApiErrorBanner.js');
    const error = failure();
    render(<ApiErrorBanner error={error} showDetails />);
    const details = await screen.findByRole('group', { name: 'Details' });
    const supportIdStatus = within(screen.getByRole('button', { name: 'Copy support ID' }).parentElement!).getByRole('status');
    const detailsStatus = within(details).getByRole('status');

    await user.click(screen.getByRole('button', { name: 'Copy support ID' }));
    await settle();
    expect(supportIdStatus.textContent).toBe('Copied');
    expect(detailsStatus.textContent).toBe('');

    await user.click(within(details).getByRole('button', { name: 'Copy details' }));
    await settle();
    expect(writeText.mock.calls.map(([text]) => text)).toEqual([error.supportId, formatErrorReport(error)]);
    expect(supportIdStatus.textContent).toBe('');
    expect(detailsStatus.textContent).toBe('Copied');
  });
});

describe('useApiErrorDetails', () => {
  test('gives the facts and the copy buttons to your own markup, with a copy state of its own', async () => {
    const { user, writeText } = setup();
    const error = failure();
    const { container } = render(<MyDetails error={error} />);
    const details = screen.getByRole('group', { name: 'Details' });
    expect(within(details).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Method: GET',
      'URL: https://api.example.com/v1/orders?api_key=[redacted]&page=2',
      'Status: 503 Service Unavailable',
      'Ray ID: 8a1b2c3d4e5f6a7b-FRA',
      `Time: ${new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(NOW))}`,
    ]);

    await user.click(screen.getByRole('button', { name: 'Copy as curl' }));
    await settle();
    expect(writeText).toHaveBeenCalledWith(formatCurl(error));
    expect(writeText.mock.calls[0]![0]).not.toContain('secret123');
    expect(within(details).getByRole('status').textContent).toBe('Copied');
    await expectNoAxeViolations(container);
  });

  test('gives nothing for null, undefined and an aborted request', () => {
    const aborted = toApiError(new DOMException('The user aborted a request.', 'AbortError'));
    for (const error of [null, undefined, aborted]) {
      const { unmount } = render(<MyDetails error={error} />);
      expect(screen.getByRole('paragraph').textContent).toBe('No details');
      unmount();
    }
  });
});
