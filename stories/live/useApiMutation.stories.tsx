import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { ApiErrorBanner, useApiMutation } from '../../src/index.js';
import { idempotentCreate } from '../mocks/api.js';
import { liveApi, liveMeta, liveOf } from './live-api.js';

interface NewOrder {
  sku: string;
  quantity: number;
}

interface Order extends NewOrder {
  id: string;
}

/** A form-less "Place order" button on `useApiMutation({ path, idempotencyKey: true })`. */
function PlaceOrder() {
  const placeOrder = useApiMutation<Order, NewOrder>({ path: 'orders', idempotencyKey: true });
  const failure = placeOrder.error ?? placeOrder.failureReason;
  const submit = () => placeOrder.mutate({ sku: 'A-1', quantity: 2 });
  return (
    <>
      <h2>Checkout</h2>
      <button type="button" onClick={submit} disabled={placeOrder.isPending}>
        Place order
      </button>
      {placeOrder.isPending && <p>Placing the order…</p>}
      <ApiErrorBanner
        error={failure}
        onRetry={submit}
        onRetryNow={placeOrder.retryNow}
        onStopRetrying={placeOrder.stopRetrying}
        showDetails={false}
      />
      {placeOrder.isSuccess && <p>Order {placeOrder.data.id} created.</p>}
    </>
  );
}

const meta = {
  title: 'Hooks/useApiMutation',
  component: PlaceOrder,
  tags: ['autodocs'],
  ...liveMeta(
    '`useApiMutation` sends the variables as JSON to `path`. A POST that failed with a 5xx is retried only when it is safe: here `idempotencyKey: true` gives each `mutate` call its own `Idempotency-Key`, reused by all of its retries, so the server can tell a retry from a new order.',
  ),
} satisfies Meta<typeof PlaceOrder>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * Each order's first POST fails with 502 and its retry (after a 0.5–1 s backoff) succeeds: both
 * carry the same key. A second order gets a new key. The log's note shows each request's key.
 */
export const WithIdempotencyKey: Story = {
  loaders: [liveApi((log) => [idempotentCreate('orders', { log })])],
  play: async (context) => {
    const canvas = within(context.canvasElement);
    const { log } = liveOf(context);
    const button = canvas.getByRole('button', { name: 'Place order' });

    await userEvent.click(button);
    await expect(await canvas.findByText('Order ord_2 created.', {}, { timeout: 5_000 })).toBeVisible();
    await userEvent.click(button);
    await expect(await canvas.findByText('Order ord_4 created.', {}, { timeout: 5_000 })).toBeVisible();

    const entries = log.entries();
    await expect(entries.map((entry) => `${entry.method} ${entry.status}`)).toEqual(['POST 502', 'POST 201', 'POST 502', 'POST 201']);
    const keys = entries.map((entry) => entry.note);
    await expect(keys[0]).toMatch(/^key [0-9a-f]{8}$/);
    await expect(keys[1]).toBe(keys[0]);
    await expect(keys[3]).toBe(keys[2]);
    await expect(keys[2]).not.toBe(keys[0]);
    await expect(canvas.queryByRole('alert')).not.toBeInTheDocument();
  },
};
