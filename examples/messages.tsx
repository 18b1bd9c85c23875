import { ApiErrorBanner, ApiKitProvider, createApiClient, type PartialMessages } from 'api-error-kit';

// Partial and deep-merged over the English defaults: say only what differs.
const german: PartialMessages = {
  rate_limited: { title: 'Zu viele Anfragen', description: 'Bitte warten Sie einen Moment.' },
  tryAgain: 'Erneut versuchen',
  copySupportId: 'Support-ID kopieren',
  retryingIn: (seconds) => `Neuer Versuch in ${new Intl.NumberFormat('de').format(seconds)} s`,
};

const client = createApiClient({ prefix: '/api' });

export function App({ error }: { error: unknown }) {
  return (
    <ApiKitProvider client={client} messages={german}>
      {/* A prop overrides the provider for one banner. */}
      <ApiErrorBanner error={error} messages={{ dismiss: 'Schließen' }} onDismiss={() => undefined} />
    </ApiKitProvider>
  );
}
