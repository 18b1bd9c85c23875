import { RetryCountdown, useRateLimitStatus } from 'api-error-kit';

// One line for the whole page while the client's rate-limit gate holds every request.
export function RateLimitLine() {
  const { limited, until } = useRateLimitStatus();
  if (!limited || until === null) return null;
  return <RetryCountdown until={until} />;
}
