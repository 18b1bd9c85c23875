// A POST that is safe to retry: each mutate call gets its own Idempotency-Key, reused by its retries.
import { useApiMutation } from 'api-error-kit';

interface NewOrder {
  sku: string;
  quantity: number;
}

export function PlaceOrder({ order }: { order: NewOrder }) {
  const placeOrder = useApiMutation<{ id: string }, NewOrder>({ path: 'orders', idempotencyKey: true });
  return (
    <button type="button" disabled={placeOrder.isPending} onClick={() => placeOrder.mutate(order)}>
      {placeOrder.scheduledRetry ? `Retrying (attempt ${placeOrder.scheduledRetry.attempt})…` : 'Place order'}
    </button>
  );
}
