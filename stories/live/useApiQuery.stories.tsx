import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ApiErrorBanner, useApiQuery } from '../../src/index.js';
import { answerWith, flakyThenServed, rateLimitedThenServed } from '../mocks/api.js';
import type { LoggedRequest } from '../mocks/request-log.js';
import { recordCountdown } from '../support/countdown-text.js';
import { liveApi, liveMeta, liveOf } from './live-api.js';

interface Order {
  id: string;
  total: string;
}

const ORDERS: Order[] = [
  { id: 'ord_1001', total: '€ 42.00' },
  { id: 'ord_1002', total: '€ 7.50' },
  { id: 'ord_1003', total: '€ 129.90' },
];

/** A list of orders from `GET /api/orders`, with the banner wired to the query's retry controls. */
function Orders() {
  const orders = useApiQuery<Order[]>({ queryKey: ['orders'], path: 'orders' });
  const failure = orders.error ?? orders.failureReason;
  return (
    <>
      <h2>Orders</h2>
      <ApiErrorBanner
        error={failure}
        onRetry={() => void orders.refetch()}
        onRetryNow={orders.retryNow}
        onStopRetrying={orders.stopRetrying}
        showDetails={false}
      />
      {orders.scheduledRetry && (
        <p>
          Attempt {orders.scheduledRetry.attempt} of {orders.scheduledRetry.maxAttempts} is scheduled.
        </p>
      )}
      {orders.isSuccess && (
        <ul aria-label="Orders">
          {orders.data.map((order) => (
            <li key={order.id}>
              {order.id}: {order.total}
            </li>
          ))}
        </ul>
      )}
      {orders.isPending && !failure && <p>Loading orders…</p>}
    </>
  );
}

const meta = {
  title: 'Hooks/useApiQuery',
  component: Orders,
  tags: ['autodocs'],
  ...liveMeta(
    '`useApiQuery` runs the real hook against a mocked API in each story: react-query retries with the kit\'s policy (the server\'s wait when it gave one, else exponential backoff with jitter), `scheduledRetry` says when the next attempt runs, and `retryNow` / `stopRetrying` act on the wait. The request log beside the UI shows every request the mocked API answered, and how long after the one before.',
  ),
} satisfies Meta<typeof Orders>;

export default meta;
type Story = StoryObj<typeof meta>;

const statuses = (entries: readonly LoggedRequest[]) => entries.map((entry) => entry.status);

/**
 * The API answers 429 twice with `retry_after: 1` in the body, then serves. The query waits exactly
 * what the server asked (never less, at most 10% more), counting down, and the list appears on the
 * third request.
 */
export const RateLimitedTwiceThenServed: Story = {
  loaders: [liveApi((log) => [rateLimitedThenServed('orders', ORDERS, { times: 2, retryAfterSeconds: 1, log })])],
  play: async (context) => {
    const canvas = within(context.canvasElement);
    const { log } = liveOf(context);
    const countdown = recordCountdown(context.canvasElement);
    await expect(await canvas.findByRole('list', { name: 'Orders' }, { timeout: 8_000 })).toBeVisible();
    countdown.stop();
    // The waits counted down to their end (never a false "0 s") before the query succeeded. Two
    // waits in a row can both read "Retrying in 1 s" with no change between them to observe, so
    // the request log below, not the texts, proves there were two.
    await expect(countdown.texts).toContain('Retrying in 1 s');
    await expect(countdown.texts.join('|')).not.toMatch(/\b0 s\b/);
    await expect(countdown.texts[0]).toMatch(/^Retrying in [12] s$/);
    const entries = log.entries();
    await expect(statuses(entries)).toEqual([429, 429, 200]);
    await expect(entries[1]!.at - entries[0]!.at).toBeGreaterThanOrEqual(1_000);
    await expect(entries[2]!.at - entries[1]!.at).toBeGreaterThanOrEqual(1_000);
    await expect(canvas.queryByRole('alert')).not.toBeInTheDocument();
  },
};

/**
 * The API fails with 500 twice, then serves. Without a server-given wait, the retries back off
 * exponentially with jitter: the first after 0.5–1 s, the second after 1–2 s.
 */
export const FlakyServerHealedByBackoff: Story = {
  loaders: [liveApi((log) => [flakyThenServed('orders', ORDERS, { failures: 2, log })])],
  play: async (context) => {
    const canvas = within(context.canvasElement);
    const { log } = liveOf(context);
    await expect(await canvas.findByRole('list', { name: 'Orders' }, { timeout: 8_000 })).toBeVisible();
    const entries = log.entries();
    await expect(statuses(entries)).toEqual([500, 500, 200]);
    await expect(entries[1]!.at - entries[0]!.at).toBeGreaterThanOrEqual(500);
    await expect(entries[2]!.at - entries[1]!.at).toBeGreaterThanOrEqual(1_000);
  },
};

/**
 * The API keeps failing with 500. "Stop retrying" makes the failure final: no further request is
 * sent and the error stays. "Try again" then sends the request again, and it is stopped again.
 */
export const StopRetryingThenTryAgain: Story = {
  loaders: [liveApi((log) => [answerWith('orders', 500, 'Internal error while loading orders.', { log })])],
  play: async (context) => {
    const canvas = within(context.canvasElement);
    const { log } = liveOf(context);
    await userEvent.click(await canvas.findByRole('button', { name: 'Stop retrying' }, { timeout: 3_000 }));
    await expect(log.entries()).toHaveLength(1);
    // The first retry would have left within 1 s: wait well past it, in real time.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await expect(log.entries()).toHaveLength(1);
    await expect(canvas.getByRole('alert')).toHaveTextContent('Internal error while loading orders.');
    await expect(canvas.queryByRole('button', { name: 'Stop retrying' })).not.toBeInTheDocument();

    const tryAgain = canvas.getByRole('button', { name: 'Try again' });
    await waitFor(() => expect(tryAgain).toBeEnabled());
    await userEvent.click(tryAgain);
    await waitFor(() => expect(log.entries()).toHaveLength(2), { timeout: 2_000 });
    await expect(within(canvas.getByRole('table', { name: 'Requests' })).getAllByRole('row')).toHaveLength(3);
    // Stopped once more, so the story ends in a state that stays (its screenshots are taken then).
    await userEvent.click(await canvas.findByRole('button', { name: 'Stop retrying' }, { timeout: 3_000 }));
    await expect(log.entries()).toHaveLength(2);
  },
};
