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
  // The banner reads the query's failure itself (while react-query retries and once it gives up),
  // with the countdown to the next retry, "Retry now", "Stop retrying" and "Try again".
  if (orders.error ?? orders.failureReason) return <ApiErrorBanner result={orders} />;
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
