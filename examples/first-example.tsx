import { ApiErrorBanner, ApiKitProvider, createApiClient, useApiQuery } from 'api-error-kit';
import 'api-error-kit/styles.css';

interface Order {
  id: string;
  total: number;
}

const client = createApiClient({
  prefix: 'https://api.example.com/v1',
  apiKey: () => localStorage.getItem('token'),
});

function Orders() {
  const orders = useApiQuery<Order[]>({ queryKey: ['orders'], path: 'orders' });
  // While react-query retries, the failure is `failureReason`; once it gives up, it is `error`.
  // The banner shows the countdown to the next retry itself, beside "Retry now" and "Stop retrying".
  const failure = orders.error ?? orders.failureReason;
  if (failure) {
    return (
      <ApiErrorBanner
        error={failure}
        onRetry={() => orders.refetch()}
        onRetryNow={orders.retryNow}
        onStopRetrying={orders.stopRetrying}
      />
    );
  }
  if (!orders.data) return <p>Loading…</p>;
  return (
    <ul>
      {orders.data.map((order) => (
        <li key={order.id}>{order.total}</li>
      ))}
    </ul>
  );
}

export default function App() {
  return (
    <ApiKitProvider client={client}>
      <Orders />
    </ApiKitProvider>
  );
}
