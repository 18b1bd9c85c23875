import type { Meta, StoryObj } from '@storybook/react-vite';
import { http, HttpResponse } from 'msw';
import { expect, fn, within } from 'storybook/test';
import { ApiErrorBanner } from '../src/index.js';
import { nextSupportId } from './mocks/api.js';
import { COUNTDOWN_TEXT } from './support/countdown-text.js';
import { STORY_LOCALES } from './support/language.js';
import { loadedError, requestFailure } from './support/request-failure.js';

const WAIT_SECONDS = 30;

// A 429 that says how long to wait and sends no text of its own, so every text on the banner is the locale's.
const rateLimitedWithoutText = http.get('/api/orders', () =>
  HttpResponse.json({ status: 429, support_id: nextSupportId() }, { status: 429, headers: { 'Retry-After': String(WAIT_SECONDS) } }),
);

const meta = {
  title: 'Locales/ApiErrorBanner',
  component: ApiErrorBanner,
  args: { error: undefined, onRetry: fn(), onDismiss: fn(), showDetails: false },
  argTypes: { error: { control: false } },
  render: (args, { loaded }) => <ApiErrorBanner {...args} error={args.error ?? loadedError(loaded)} />,
  parameters: {
    docs: {
      description: {
        component:
          'The banner in each shipped locale (`api-error-kit/locales/…`), chosen as the toolbar’s **Locale** would: the locale’s texts through `MessagesProvider`, `lang` (and for Arabic `dir="rtl"`) on a wrapper, as an app sets them on its page.',
      },
      story: { inline: false, iframeHeight: 260 },
    },
  },
} satisfies Meta<typeof ApiErrorBanner>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A story in the locale `tag`, checking that the banner shows the locale's texts and nothing in English. */
function inLocale(tag: string): Story {
  const { messages } = STORY_LOCALES[tag]!;
  return {
    globals: { locale: tag },
    loaders: [requestFailure([rateLimitedWithoutText])],
    play: async ({ canvasElement }) => {
      const canvas = within(canvasElement);
      await expect(canvas.getByRole('alert')).toHaveTextContent(messages.rate_limited.title + messages.rate_limited.description);
      await expect(canvas.getByRole('button', { name: messages.tryAgain })).toBeDisabled();
      await expect(canvas.getByRole('button', { name: messages.copySupportId })).toBeVisible();
      await expect(canvas.getByRole('button', { name: messages.dismiss })).toBeVisible();
      await expect(canvas.getByRole('progressbar', { name: messages.waitProgress })).toBeVisible();
      // A busy machine may have let a second or two pass since the answer.
      const countdown = canvasElement.querySelector(COUNTDOWN_TEXT)?.textContent;
      const expected = Array.from({ length: 5 }, (_, second) => messages.canRetryIn(WAIT_SECONDS - second));
      await expect(expected).toContain(countdown);
      await expect(canvasElement.querySelector('.aek-banner')!.closest('[lang]')).toHaveAttribute('lang', tag);
    },
  };
}

export const German: Story = inLocale('de');
export const French: Story = inLocale('fr');
export const Spanish: Story = inLocale('es');
export const BrazilianPortuguese: Story = inLocale('pt-BR');
export const Japanese: Story = inLocale('ja');
export const SimplifiedChinese: Story = inLocale('zh-CN');

/**
 * Arabic, right to left: `dir="rtl"` on an ancestor is all the banner needs. Its stylesheet uses
 * logical properties, so the accent bar moves to the right edge and the buttons start from the
 * right, while the support ID still reads left to right.
 */
export const Arabic: Story = {
  ...inLocale('ar'),
  play: async (context) => {
    await inLocale('ar').play!(context);
    const { canvasElement } = context;
    const canvas = within(canvasElement);
    const banner = canvasElement.querySelector<HTMLElement>('.aek-banner')!;
    const style = getComputedStyle(banner);
    await expect(style.direction).toBe('rtl');
    // The accent bar is the wider border at the inline start.
    await expect(parseFloat(style.borderRightWidth)).toBeGreaterThan(parseFloat(style.borderLeftWidth));
    const { messages } = STORY_LOCALES.ar!;
    const tryAgain = canvas.getByRole('button', { name: messages.tryAgain }).getBoundingClientRect();
    const dismiss = canvas.getByRole('button', { name: messages.dismiss }).getBoundingClientRect();
    // The first action sits at the inline start: on the right.
    await expect(tryAgain.left).toBeGreaterThan(dismiss.right);
    await expect(getComputedStyle(canvasElement.querySelector('.aek-banner__code')!).direction).toBe('ltr');
  },
};
