import { QueryErrorResetBoundary, useSuspenseQuery } from '@tanstack/react-query';
import { ApiErrorBanner, useApiClient } from 'api-error-kit';
import { Suspense } from 'react';
import { ErrorBoundary } from 'react-error-boundary';

function Profile() {
  const client = useApiClient();
  const { data } = useSuspenseQuery({
    queryKey: ['me'],
    queryFn: ({ signal }) => client.get('me', { signal }).json<{ name: string }>(),
  });
  return <p>Hello, {data.name}</p>;
}

// Inside <ApiKitProvider>: its QueryClient carries apiQueryDefaults, so this query retries by the kit's rules.
export function ProfilePage() {
  return (
    <QueryErrorResetBoundary>
      {({ reset }) => (
        <ErrorBoundary onReset={reset} FallbackComponent={ApiErrorBanner}>
          <Suspense fallback={<p>Loading…</p>}>
            <Profile />
          </Suspense>
        </ErrorBoundary>
      )}
    </QueryErrorResetBoundary>
  );
}
