'use client';
import { ApiKitProvider, createApiClient } from 'api-error-kit';
import { useState, type ReactNode } from 'react';

export function Providers({ children }: { children: ReactNode }) {
  // One client per browser session; created in state so server renders never share it.
  const [client] = useState(() => createApiClient({ prefix: '/api' }));
  return <ApiKitProvider client={client}>{children}</ApiKitProvider>;
}
