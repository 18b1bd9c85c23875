import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ApiError, ApiErrorBanner, ApiKitProvider, createApiClient, RetryCountdown, useApiQuery, useRateLimitStatus } from '../../src/index.js';

function Page() {
  const orders = useApiQuery({ queryKey: ['orders'], path: 'orders' });
  const status = useRateLimitStatus();
  return (
    <main>
      <p>{orders.status}</p>
      <p>{status.limited ? 'limited' : 'open'}</p>
      <ApiErrorBanner error={new ApiError({ status: 429, message: 'Slow <b>down</b>', supportId: 'sup-ssr-1', retryAfterMs: 5000 })} onRetry={() => undefined} />
      <RetryCountdown until={Date.now() + 5000} />
    </main>
  );
}

describe('server rendering', () => {
  it('renders the provider, hooks and components where there is no window or document', () => {
    expect(typeof window).toBe('undefined');
    const html = renderToString(
      <ApiKitProvider client={createApiClient({ prefix: 'http://127.0.0.1:4010' })}>
        <Page />
      </ApiKitProvider>,
    );
    expect(html).toContain('sup-ssr-1');
    expect(html).toContain('Slow &lt;b&gt;down&lt;/b&gt;');
    expect(html).toContain('role="alert"');
    expect(html).toContain('open');
  });
});
