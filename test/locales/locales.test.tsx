import { render, screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { beforeAll, describe, expect, test } from 'vitest';
import { ApiError, ApiErrorBanner, ApiKitProvider, createApiClient, defaultMessages, type Messages } from '../../src/index.js';
// Internal: every kind, so each translation is checked for all of them.
import { API_ERROR_KINDS } from '../../src/core/errors/kinds.js';
import { ar } from '../../src/locales/ar.js';
import { de } from '../../src/locales/de.js';
import { es } from '../../src/locales/es.js';
import { fr } from '../../src/locales/fr.js';
import { ja } from '../../src/locales/ja.js';
import { ptBR } from '../../src/locales/pt-BR.js';
import { zhCN } from '../../src/locales/zh-CN.js';
import { preloadDetailsModule } from '../support/details-module.js';
import { useFakeClockPerTest } from '../support/fake-clock.js';
import { SHIPPED } from '../support/shipped-locales.js';

beforeAll(preloadDetailsModule);

// Noon UTC: the day support keeps the ID until (a week later, 9 March) is the same in every time
// zone from UTC−11 to UTC+11, so the dates below hold wherever the tests run.
const NOW = Date.UTC(2026, 2, 2, 12, 0, 0);
useFakeClockPerTest(NOW);

// Never called: the banners below show errors made in the test, so no request leaves.
const client = createApiClient({ prefix: 'http://127.0.0.1:9/api' });

const SAMPLE_DATE = new Date(NOW);
const locales = Object.entries(SHIPPED);

// Sample arguments for the texts that are functions.
const SAMPLES: Readonly<Record<string, unknown[][]>> = {
  supportIdValidUntil: [[SAMPLE_DATE]],
  formatTime: [[SAMPLE_DATE]],
  retryingIn: [[1], [2], [12]],
  canRetryIn: [[1], [2], [12]],
  probingIn: [[1], [2], [20]],
  canRetryAt: [[SAMPLE_DATE], [new Date(NOW + 3 * 24 * 3600_000)]],
  statusText: [
    [429, 'Too Many Requests'],
    [0, 'No Response'],
  ],
};

/** Every text of a set, keyed by its path (`rate_limited.title`, `retryingIn(12)`); functions called with the samples. */
function texts(messages: Messages): Array<[string, string]> {
  return Object.entries(messages).flatMap(([key, value]): Array<[string, string]> => {
    if (typeof value === 'string') return [[key, value]];
    if (typeof value === 'function') {
      const samples = SAMPLES[key];
      if (!samples) throw new Error(`No sample arguments for ${key}: add them to SAMPLES.`);
      return samples.map((args) => [`${key}(${args.join(', ')})`, String((value as (...args: unknown[]) => unknown)(...args))]);
    }
    const { title, description } = value as { title: string; description: string };
    return [
      [`${key}.title`, title],
      [`${key}.description`, description],
    ];
  });
}

const endsWithFullStop = (text: string) => /[.。]$/.test(text);

function rateLimited(): ApiError {
  return new ApiError({ status: 429, retryAfterMs: 1_200_000, supportId: 'req_8f2a91', receivedAt: NOW });
}

function renderBanner(messages: Messages, error: ApiError, wrap: (banner: ReactElement) => ReactElement = (banner) => banner) {
  return render(
    <ApiKitProvider client={client} messages={messages}>
      {wrap(<ApiErrorBanner error={error} onRetry={() => {}} onDismiss={() => {}} showDetails={false} />)}
    </ApiKitProvider>,
  );
}

describe.each(locales)('locale %s', (_tag, messages) => {
  test('has every key of the English texts, and no text is empty', () => {
    expect(Object.keys(messages).sort()).toEqual(Object.keys(defaultMessages).sort());
    for (const kind of API_ERROR_KINDS) expect(Object.keys(messages[kind]).sort()).toEqual(['description', 'title']);
    for (const [path, text] of texts(messages)) expect(text.trim(), path).not.toBe('');
  });

  test('ends a text with a full stop exactly where the English one does', () => {
    const english = new Map(texts(defaultMessages));
    for (const [path, text] of texts(messages)) expect(endsWithFullStop(text), `${path}: ${text}`).toBe(endsWithFullStop(english.get(path)!));
  });

  test('translates every kind', () => {
    for (const kind of API_ERROR_KINDS) {
      expect(messages[kind].title, kind).not.toBe(defaultMessages[kind].title);
      expect(messages[kind].description, kind).not.toBe(defaultMessages[kind].description);
    }
  });

  test('renders a 429 with its wait, support ID, validity and buttons through the provider', () => {
    const { container } = renderBanner(messages, rateLimited());
    expect(screen.getByRole('alert').textContent).toBe(messages.rate_limited.title + messages.rate_limited.description);
    screen.getByRole('button', { name: messages.copySupportId });
    expect(screen.getByRole('button', { name: messages.tryAgain })).toHaveProperty('disabled', true);
    screen.getByRole('button', { name: messages.dismiss });
    // Twenty minutes: beyond the automatic-retry cap, so told as a clock time, without a bar.
    expect(container.querySelector('.aek-countdown__text')?.textContent).toBe(messages.canRetryAt(new Date(NOW + 1_200_000)));
    expect(screen.queryByRole('progressbar')).toBeNull();
    screen.getByText(messages.supportIdLabel);
    const validUntil = new Date(NOW + 7 * 24 * 60 * 60 * 1000);
    screen.getByText(messages.supportIdValidUntil(validUntil));
  });

  test('calls a 503 maintenance only when the server said so', () => {
    const { rerender } = renderBanner(messages, new ApiError({ status: 503, receivedAt: NOW }));
    expect(screen.getByRole('alert').textContent).toBe(messages.unavailable.title + messages.unavailable.description);
    expect(messages.unavailable.title).not.toBe(messages.maintenance.title);
    rerender(
      <ApiKitProvider client={client} messages={messages}>
        <ApiErrorBanner error={new ApiError({ status: 503, retryAfterMs: 60_000, receivedAt: NOW })} showDetails={false} />
      </ApiKitProvider>,
    );
    expect(screen.getByRole('alert').textContent).toBe(messages.maintenance.title + messages.maintenance.description);
  });

  test('renders a 500, a network failure and a 404 with their own texts', () => {
    for (const [error, kind] of [
      [new ApiError({ status: 500, supportId: 'req_1', receivedAt: NOW }), 'server_error'],
      [new ApiError({ status: 0, kind: 'network', receivedAt: NOW }), 'network'],
      [new ApiError({ status: 404, supportId: 'req_2', receivedAt: NOW }), 'not_found'],
    ] as const) {
      const { unmount } = renderBanner(messages, error);
      expect(screen.getByRole('alert').textContent, kind).toBe(messages[kind].title + messages[kind].description);
      const tryAgain = screen.queryByRole('button', { name: messages.tryAgain });
      if (kind === 'not_found') expect(tryAgain).toBeNull();
      else expect(tryAgain).toHaveProperty('disabled', false);
      unmount();
    }
  });
});

describe('plurals, numbers and dates in each locale', () => {
  test('German', () => {
    expect(de.retryingIn(1)).toBe('Neuer Versuch in 1 Sekunde');
    expect(de.retryingIn(12)).toBe('Neuer Versuch in 12 Sekunden');
    expect(de.canRetryIn(1200)).toBe('Sie können es in 1.200 Sekunden erneut versuchen');
    expect(de.probingIn(20)).toBe('Wir versuchen es weiter · nächster Versuch in 20 Sekunden');
    expect(de.canRetryAt(new Date(NOW))).toMatch(/^Sie können es um \d\d:\d\d erneut versuchen$/);
    expect(de.supportIdValidUntil(new Date(NOW))).toMatch(/^Der Support kann diese ID bis zum 2\. März 2026 um \d\d:\d\d nachschlagen\.$/);
  });

  test('French, with no-break spaces', () => {
    expect(fr.retryingIn(1)).toBe('Nouvel essai dans 1\u00a0seconde');
    expect(fr.retryingIn(12)).toBe('Nouvel essai dans 12\u00a0secondes');
    expect(fr.canRetryIn(1200)).toBe('Vous pourrez réessayer dans 1\u202f200\u00a0secondes');
    expect(fr.retryingIn(1_000_000)).toBe('Nouvel essai dans 1\u202f000\u202f000\u00a0de\u00a0secondes');
    expect(fr.copyFallbackHint).toContain('sélectionné\u00a0: appuyez');
    expect(fr.supportIdValidUntil(new Date(NOW))).toMatch(/^Le support peut retrouver cet ID jusqu’au 2 mars 2026 à \d\d:\d\d\.$/);
  });

  test('Spanish', () => {
    expect(es.retryingIn(1)).toBe('Reintentando en 1 segundo');
    expect(es.retryingIn(1200)).toBe('Reintentando en 1200 segundos');
    expect(es.canRetryIn(12_000)).toBe('Podrá volver a intentarlo en 12.000 segundos');
    expect(es.retryingIn(1_000_000)).toBe('Reintentando en 1.000.000 de segundos');
    expect(es.supportIdValidUntil(new Date(NOW))).toMatch(/^El equipo de soporte puede consultar este ID hasta el 2 de marzo de 2026 a las \d\d:\d\d\.$/);
  });

  test('Brazilian Portuguese', () => {
    expect(ptBR.retryingIn(1)).toBe('Nova tentativa em 1 segundo');
    expect(ptBR.canRetryIn(1200)).toBe('Você poderá tentar novamente em 1.200 segundos');
    expect(ptBR.supportIdValidUntil(new Date(NOW))).toMatch(/^O suporte pode consultar este ID até 2 de março de 2026 às \d\d:\d\d\.$/);
  });

  test('Japanese', () => {
    expect(ja.retryingIn(1)).toBe('1秒後に再試行します');
    expect(ja.canRetryIn(1200)).toBe('1,200秒後に再試行できます');
    expect(ja.supportIdValidUntil(new Date(NOW))).toMatch(/^サポートがこの ID を確認できるのは 2026年3月2日 \d{1,2}:\d\d までです。$/);
  });

  test('Simplified Chinese', () => {
    expect(zhCN.retryingIn(1)).toBe('1 秒后重试');
    expect(zhCN.canRetryIn(1200)).toBe('1,200 秒后可重试');
    expect(zhCN.supportIdValidUntil(new Date(NOW))).toMatch(/^技术支持可在 2026年3月2日 \d{1,2}:\d\d 之前查询此 ID。$/);
  });

  test('Arabic, in all six plural categories', () => {
    expect(ar.retryingIn(0)).toBe('إعادة المحاولة خلال 0 ثانية');
    expect(ar.retryingIn(1)).toBe('إعادة المحاولة خلال ثانية واحدة');
    expect(ar.retryingIn(2)).toBe('إعادة المحاولة خلال ثانيتين');
    expect(ar.retryingIn(3)).toBe('إعادة المحاولة خلال 3 ثوانٍ');
    expect(ar.retryingIn(10)).toBe('إعادة المحاولة خلال 10 ثوانٍ');
    expect(ar.retryingIn(11)).toBe('إعادة المحاولة خلال 11 ثانية');
    expect(ar.canRetryIn(99)).toBe('يمكنك المحاولة مجددًا خلال 99 ثانية');
    expect(ar.canRetryIn(100)).toBe('يمكنك المحاولة مجددًا خلال 100 ثانية');
    expect(ar.canRetryIn(103)).toBe('يمكنك المحاولة مجددًا خلال 103 ثوانٍ');
    expect(ar.canRetryIn(1200)).toBe('يمكنك المحاولة مجددًا خلال 1,200 ثانية');
    expect(ar.supportIdValidUntil(new Date(NOW))).toContain('2 مارس 2026');
    expect(ar.probingIn(2)).toBe('سنواصل المحاولة · المحاولة التالية خلال ثانيتين');
  });
});

describe('right to left', () => {
  test('the banner takes its direction from the page: no `dir` of its own, the server text `dir="auto"`', () => {
    const { container } = renderBanner(ar, rateLimited(), (banner) => (
      <div lang="ar" dir="rtl">
        {banner}
      </div>
    ));
    const root = container.querySelector('.aek-banner')!;
    expect(root.closest('[dir]')?.getAttribute('dir')).toBe('rtl');
    for (const element of root.querySelectorAll('[dir]')) expect(element.getAttribute('dir')).toBe('auto');
    within(screen.getByRole('alert')).getByText(ar.rate_limited.title);
  });
});
