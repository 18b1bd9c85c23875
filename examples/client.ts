import { createApiClient, type ApiError } from 'api-error-kit';

declare const session: { token: string | undefined };
declare const tracker: { captureMessage(message: string, context: { tags: Record<string, string> }): void };

export const client = createApiClient({
  prefix: 'https://api.example.com/v1',
  // Called for every request, so a refreshed token is always the one sent.
  apiKey: () => session.token,
  // Once per failed request, after mapping and before any retry decision.
  onError: (error: ApiError) => {
    console.warn(`[api] ${error.method} ${error.url}: ${error.status} ${error.kind}, support ID ${error.supportId ?? 'none'}`);
    tracker.captureMessage(error.message, {
      tags: {
        support_id: error.supportId ?? 'none',
        status: String(error.status),
        kind: error.kind,
        ray_id: error.rayId ?? 'none',
      },
    });
  },
});
