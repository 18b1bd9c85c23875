import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { ApiError, ApiErrorBanner, defaultMessages, formatCurl, formatErrorReport } from '../../src/index.js';
import { expectNoAxeViolations } from '../support/axe.js';
import { useFakeClockPerTest } from '../support/fake-clock.js';
import { NOW } from '../support/now.js';
import { preloadDetailsModule } from '../support/details-module.js';

beforeAll(preloadDetailsModule);

const SUPPORT_ID = 'req_8f2a91:eu-1.a';

useFakeClockPerTest(NOW);

function failure(): ApiError {
  return new ApiError({
    status: 429,
    supportId: SUPPORT_ID,
    receivedAt: NOW,
    method: 'GET',
    url: 'https://api.example.com/v1/orders?api_key=secret123&page=2',
  });
}

/** user-event, with the clipboard replaced by `clipboard` (`undefined` when the API is missing). */
function setup(clipboard: Partial<Clipboard> | undefined) {
  const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
  // After setup, which installs its own clipboard stub.
  Object.defineProperty(window.navigator, 'clipboard', { value: clipboard, configurable: true });
  return user;
}

/** Lets the clipboard's promise settle inside `act`, so React applies what follows it. */
async function settle(): Promise<void> {
  await act(async () => {});
}

function statusTexts(): string[] {
  return screen.getAllByRole('status').map((status) => status.textContent ?? '');
}

describe('copying from the banner', () => {
  test('copies exactly the support ID and says "Copied" politely for about two seconds', async () => {
    const writeText = vi.fn(async (_text: string) => {});
    const user = setup({ writeText });
    const { container } = render(<ApiErrorBanner error={failure()} showDetails={false} />);
    const copyStatus = screen.getAllByRole('status')[0]!;
    expect(copyStatus.textContent).toBe('');

    await user.click(screen.getByRole('button', { name: 'Copy support ID' }));
    await settle();
    expect(writeText).toHaveBeenCalledTimes(1);
    expect(writeText).toHaveBeenCalledWith(SUPPORT_ID);
    expect(copyStatus.textContent).toBe('Copied');
    expect(copyStatus.getAttribute('aria-live')).toBe('polite');
    await expectNoAxeViolations(container);
    const timersWhileCopied = vi.getTimerCount();

    act(() => {
      vi.advanceTimersByTime(1_900);
    });
    expect(copyStatus.textContent).toBe('Copied');
    act(() => {
      vi.advanceTimersByTime(200);
    });
    expect(copyStatus.textContent).toBe('');
    // The "Copied" timer is gone (what is left belongs to jsdom's animation frames).
    expect(vi.getTimerCount()).toBe(timersWhileCopied - 1);
  });

  test('selects the ID and says how to copy it when the Clipboard API is missing', async () => {
    const user = setup(undefined);
    const { container } = render(<ApiErrorBanner error={failure()} showDetails={false} />);
    await user.click(screen.getByRole('button', { name: 'Copy support ID' }));
    await settle();
    expect(window.getSelection()?.toString()).toBe(SUPPORT_ID);
    expect(statusTexts()).toContain(defaultMessages.copyFallbackHint);
    expect(statusTexts()).not.toContain('Copied');
    await expectNoAxeViolations(container);
  });

  test('selects the ID and says how to copy it when the clipboard refuses', async () => {
    const writeText = vi.fn(async (_text: string) => {
      throw new DOMException('Write permission denied.', 'NotAllowedError');
    });
    const user = setup({ writeText });
    render(<ApiErrorBanner error={failure()} showDetails={false} />);
    await user.click(screen.getByRole('button', { name: 'Copy support ID' }));
    await settle();
    expect(writeText).toHaveBeenCalledWith(SUPPORT_ID);
    expect(window.getSelection()?.toString()).toBe(SUPPORT_ID);
    expect(statusTexts()).toContain(defaultMessages.copyFallbackHint);
  });

  test('copies the report for a support ticket with "Copy details"', async () => {
    const writeText = vi.fn(async (_text: string) => {});
    const user = setup({ writeText });
    const error = failure();
    render(<ApiErrorBanner error={error} showDetails />);
    const details = await screen.findByRole('group', { name: 'Details' });
    await user.click(within(details).getByRole('button', { name: 'Copy details' }));
    await settle();
    expect(writeText).toHaveBeenCalledWith(formatErrorReport(error));
    expect(within(details).getByRole('status').textContent).toBe('Copied');
    expect(writeText.mock.calls[0]![0]).not.toContain('secret123');
  });

  test('copies the request as curl with "Copy as curl"', async () => {
    const writeText = vi.fn(async (_text: string) => {});
    const user = setup({ writeText });
    const error = failure();
    render(<ApiErrorBanner error={error} showDetails />);
    await user.click(await screen.findByRole('button', { name: 'Copy as curl' }));
    await settle();
    expect(writeText).toHaveBeenCalledWith(formatCurl(error));
    expect(writeText.mock.calls[0]![0]).not.toContain('secret123');
  });

  test('shows the report selected when copying the details is refused', async () => {
    const user = setup({
      writeText: async () => {
        throw new DOMException('Write permission denied.', 'NotAllowedError');
      },
    });
    const error = failure();
    const { container } = render(<ApiErrorBanner error={error} showDetails />);
    const details = await screen.findByRole('group', { name: 'Details' });
    await user.click(within(details).getByRole('button', { name: 'Copy details' }));
    await settle();
    expect(window.getSelection()?.toString()).toBe(formatErrorReport(error));
    expect(within(details).getByRole('status').textContent).toBe(defaultMessages.copyFallbackHint);
    await expectNoAxeViolations(container);
  });
});
