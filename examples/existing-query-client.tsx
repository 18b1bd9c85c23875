// An app that already has a QueryClient and plain useQuery: apiQueryDefaults gives it the kit's
// retry policy (Retry-After honoured, only retryable failures retried, POSTs never sent twice),
// and healQueries brings failed queries back once the API answers again.
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { apiQueryDefaults, createApiClient, getScheduledRetry, healQueries } from 'api-error-kit';

const client = createApiClient({ prefix: '/api' });
export const queryClient = new QueryClient({ defaultOptions: apiQueryDefaults() });

function Orders() {
  const orders = useQuery({ queryKey: ['orders'], queryFn: ({ signal }) => client.get('orders', { signal }).json<string[]>() });
  const next = getScheduledRetry(orders.failureReason);
  if (next) return <p>Attempt {next.attempt} of {next.maxAttempts} at {new Date(next.at).toLocaleTimeString()}</p>;
  return <ul>{orders.data?.map((order) => <li key={order}>{order}</li>)}</ul>;
}

export function App() {
  useEffect(() => healQueries(queryClient, client), []);
  return (
    <QueryClientProvider client={queryClient}>
      <Orders />
    </QueryClientProvider>
  );
}
