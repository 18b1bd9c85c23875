'use client';
import { ApiErrorBanner, useApiQuery } from 'api-error-kit';

export default function OrdersPage() {
  const orders = useApiQuery<Array<{ id: string }>>({ queryKey: ['orders'], path: 'orders' });
  if (orders.isError) return <ApiErrorBanner error={orders.error} onRetry={() => orders.refetch()} />;
  return <pre>{JSON.stringify(orders.data ?? [], null, 2)}</pre>;
}
