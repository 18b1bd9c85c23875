import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ApiErrorBanner, useApiQuery } from '../../src/index.js';
import { answerWith } from '../mocks/api.js';
import { COUNTDOWN_TEXT } from '../support/countdown-text.js';
import { liveApi, liveMeta, liveOf } from './live-api.js';

/** `GET /api/orders` with the banner wired by its one prop: `result={orders}`. */
function Orders() {
  const orders = useApiQuery({ queryKey: ['orders'], path: 'orders' });
  return (
    <>
      <h2>Orders</h2>
      <ApiErrorBanner result={orders} showDetails={false} />
    </>
  );
}

const meta = {
  title: 'Components/ApiErrorBanner/With a query',
  component: Orders,
  ...liveMeta(
    '`<ApiErrorBanner result={orders} />` on a real `useApiQuery` against a mocked API: the banner wires "Try again", "Retry now" and "Stop retrying" to the query itself, and keeps focus inside itself while its controls follow the retries.',
  ),
} satisfies Meta<typeof Orders>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * The API answers 503 with `Retry-After: 2`, each answer taking 0.6 s. The play function presses
 * every control while the retries run and checks that focus never leaves the banner: "Retry now"
 * during the server's wait (the banner says the try goes at the server's time), the same button
 * while the retry runs ("Retrying now"; it stays, `aria-disabled`), then "Stop retrying".
 */
export const FocusStaysWhileRetrying: Story = {
  loaders: [liveApi((log) => [answerWith('orders', 503, 'Scheduled maintenance.', { headers: { 'Retry-After': '2' }, delayMs: 600, log })])],
  play: async (context) => {
    const { canvasElement } = context;
    const canvas = within(canvasElement);
    const { log } = liveOf(context);
    const banner = () => canvasElement.querySelector('.aek-banner');
    const focusInBanner = () => expect(banner()?.contains(document.activeElement)).toBe(true);
    const text = () => canvasElement.querySelector(COUNTDOWN_TEXT)?.textContent ?? '';

    const retryNow = await canvas.findByRole('button', { name: 'Retry now' }, { timeout: 3_000 });
    await expect(canvas.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
    await userEvent.click(retryNow);
    await expect(await canvas.findByText('The server asked to wait: the next try goes as soon as it allows.')).toBeVisible();
    await focusInBanner();

    // The retry leaves at the server's time and takes 0.6 s: the button stays, and keeps focus.
    // The countdown says "Retrying now" as its time comes, a moment before the query is fetching.
    await waitFor(
      () => {
        expect(text()).toBe('Retrying now');
        expect(retryNow).toHaveAttribute('aria-disabled', 'true');
      },
      { timeout: 3_000 },
    );
    await expect(retryNow).toHaveFocus();
    await userEvent.click(retryNow);
    await expect(retryNow).toHaveFocus();

    // It failed again: a new wait, the same button, focus still on it.
    await waitFor(() => expect(text()).toMatch(/^Retrying in \d s$/), { timeout: 3_000 });
    await expect(retryNow).toHaveFocus();
    await expect(log.entries()).toHaveLength(2);

    await userEvent.click(canvas.getByRole('button', { name: 'Stop retrying' }));
    await waitFor(() => expect(canvas.queryByRole('button', { name: 'Stop retrying' })).not.toBeInTheDocument());
    await focusInBanner();
    const tryAgain = canvas.getByRole('button', { name: 'Try again' });
    await expect(tryAgain).toBeDisabled();
    // The story ends once the server's wait is over, in a state that stays (its screenshots are taken then).
    await waitFor(() => expect(tryAgain).toBeEnabled(), { timeout: 4_000 });
    await expect(text()).toBe('You can try again now');
    await focusInBanner();
    await expect(log.entries()).toHaveLength(2);
  },
};
