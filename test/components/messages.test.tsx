import { render, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, test } from 'vitest';
import { ApiError, ApiErrorBanner, defaultMessages, MessagesProvider, type PartialMessages, RetryCountdown } from '../../src/index.js';
// Internal: the English fallback texts the defaults must repeat, and the merge the provider and the
// `messages` props apply, tested on its own.
import { API_ERROR_KINDS, KIND_DESCRIPTIONS } from '../../src/core/errors/kinds.js';
import { mergeMessages } from '../../src/core/texts/messages.js';
import { expectNoAxeViolations } from '../support/axe.js';
import { advanceClock, useFakeClockPerTest } from '../support/fake-clock.js';
import { NOW } from '../support/now.js';
// Internal: the announcer's delay, so the test waits exactly as long as it.
import { ANNOUNCE_AFTER_MS } from '../../src/components/useAnnouncement.js';
import { preloadDetailsModule } from '../support/details-module.js';

beforeAll(preloadDetailsModule);


const german: PartialMessages = {
  rate_limited: { title: 'Zu viele Anfragen', description: 'Bitte warten Sie einen Moment.' },
  supportIdLabel: 'Support-ID',
  copySupportId: 'Support-ID kopieren',
  supportIdValidUntil: (date) =>
    `Der Support findet diese ID bis ${new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeZone: 'UTC' }).format(date)}.`,
  retryingIn: (seconds) => `Neuer Versuch in ${new Intl.NumberFormat('de-DE').format(seconds)} s`,
  canRetryIn: (seconds) => `Erneut möglich in ${new Intl.NumberFormat('de-DE').format(seconds)} s`,
  waitProgress: 'Verbleibende Wartezeit',
  tryAgain: 'Erneut versuchen',
  dismiss: 'Schließen',
  details: 'Einzelheiten',
};

useFakeClockPerTest(NOW);

function rateLimited(): ApiError {
  return new ApiError({ status: 429, retryAfterMs: 240_000, supportId: 'req_8f2a91', receivedAt: NOW });
}

async function expectGerman(): Promise<void> {
  expect(screen.getByRole('alert').textContent).toBe('Zu viele AnfragenBitte warten Sie einen Moment.');
  screen.getByRole('button', { name: 'Support-ID kopieren' });
  expect(screen.getByRole('button', { name: 'Erneut versuchen' })).toHaveProperty('disabled', true);
  screen.getByRole('button', { name: 'Schließen' });
  screen.getByRole('progressbar', { name: 'Verbleibende Wartezeit', value: { text: 'Erneut möglich in 240 s' } });
  expect(screen.getAllByRole('paragraph').map((paragraph) => paragraph.textContent)).toContain('Der Support findet diese ID bis 9. März 2026.');
  await screen.findByRole('group', { name: 'Einzelheiten' });
}

describe('messages', () => {
  test('has the English texts the accessible names rely on', () => {
    expect(defaultMessages.retryingIn(12)).toBe('Retrying in 12 s');
    expect(defaultMessages.canRetryIn(12)).toBe('You can try again in 12 s');
    expect(defaultMessages.copySupportId).toBe('Copy support ID');
    expect(defaultMessages.copied).toBe('Copied');
    expect(defaultMessages.waitingForNetwork).toBe('Waiting for the network');
    expect(defaultMessages.tryAgain).toBe('Try again');
    expect(defaultMessages.retryNow).toBe('Retry now');
    expect(defaultMessages.stopRetrying).toBe('Stop retrying');
    expect(defaultMessages.dismiss).toBe('Dismiss');
    expect(defaultMessages.details).toBe('Details');
    expect(defaultMessages.copyDetails).toBe('Copy details');
    expect(defaultMessages.copyAsCurl).toBe('Copy as curl');
    for (const kind of API_ERROR_KINDS) {
      expect(defaultMessages[kind].title).not.toBe('');
      expect(defaultMessages[kind].description).toBe(KIND_DESCRIPTIONS[kind]);
    }
  });

  test('deep-merges partial messages, later ones winning, and skips undefined values', () => {
    const merged = mergeMessages(
      defaultMessages,
      { rate_limited: { title: 'Slow down' }, tryAgain: 'Retry' },
      undefined,
      { tryAgain: 'Again', dismiss: undefined, rate_limited: { description: undefined } },
    );
    expect(merged.rate_limited).toEqual({ title: 'Slow down', description: defaultMessages.rate_limited.description });
    expect(merged.tryAgain).toBe('Again');
    expect(merged.dismiss).toBe('Dismiss');
    expect(defaultMessages.rate_limited.title).toBe('Too many requests');
  });

  test('shows a second language given through the messages prop', async () => {
    const { container } = render(<ApiErrorBanner error={rateLimited()} onRetry={() => {}} onDismiss={() => {}} showDetails messages={german} />);
    await expectGerman();
    await expectNoAxeViolations(container);
  });

  test('shows a second language given through the messages context', async () => {
    render(
      <MessagesProvider messages={german}>
        <ApiErrorBanner error={rateLimited()} onRetry={() => {}} onDismiss={() => {}} showDetails />
      </MessagesProvider>,
    );
    await expectGerman();
  });

  test('lets the prop override the context, and an inner provider the outer one', () => {
    render(
      <MessagesProvider messages={german}>
        <MessagesProvider messages={{ dismiss: 'Ausblenden' }}>
          <ApiErrorBanner error={rateLimited()} onDismiss={() => {}} messages={{ rate_limited: { title: 'Langsamer, bitte' } }} />
        </MessagesProvider>
      </MessagesProvider>,
    );
    expect(screen.getByRole('alert').textContent).toBe('Langsamer, bitteBitte warten Sie einen Moment.');
    screen.getByRole('button', { name: 'Ausblenden' });
    screen.getByRole('button', { name: 'Support-ID kopieren' });
  });

  test('translates the countdown through the prop and the context', () => {
    const { unmount } = render(<RetryCountdown until={NOW + 12_000} messages={german} />);
    screen.getByRole('progressbar', { name: 'Verbleibende Wartezeit', value: { text: 'Erneut möglich in 12 s' } });
    unmount();
    render(
      <MessagesProvider messages={german}>
        <RetryCountdown until={NOW + 12_000} />
      </MessagesProvider>,
    );
    const bar = screen.getByRole('progressbar', { name: 'Verbleibende Wartezeit', value: { text: 'Erneut möglich in 12 s' } });
    advanceClock(ANNOUNCE_AFTER_MS);
    expect(within(bar.parentElement!).getByRole('status').textContent).toBe('Erneut möglich in 12 s');
  });
});

describe('texts of the wrong type', () => {
  // Translations often come from JSON files, where a missing text is `null` and a function cannot be.
  const fromJson = JSON.parse(
    '{"rate_limited": null, "server_error": {"title": null, "description": 7}, "tryAgain": null, "retryingIn": "Neuer Versuch in {s} s", "canRetryIn": "Erneut in {s} s", "dismiss": "Schließen"}',
  ) as PartialMessages;

  test('are skipped: the defaults stand, the texts of the right type apply', () => {
    const merged = mergeMessages(defaultMessages, fromJson);
    expect(merged.rate_limited).toEqual(defaultMessages.rate_limited);
    expect(merged.server_error).toEqual(defaultMessages.server_error);
    expect(merged.tryAgain).toBe(defaultMessages.tryAgain);
    expect(merged.retryingIn).toBe(defaultMessages.retryingIn);
    expect(merged.dismiss).toBe('Schließen');
  });

  test('never break a render', () => {
    render(
      <MessagesProvider messages={fromJson}>
        <ApiErrorBanner error={new ApiError({ status: 429, retryAfterMs: 12_000 })} onRetry={() => undefined} onDismiss={() => undefined} showDetails={false} />
        <RetryCountdown until={Date.now() + 5_000} />
      </MessagesProvider>,
    );
    expect(within(screen.getByRole('alert')).getByText(defaultMessages.rate_limited.title)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Schließen' })).toBeTruthy();
    expect(screen.getByText('You can try again in 5 s')).toBeTruthy();
  });
});
