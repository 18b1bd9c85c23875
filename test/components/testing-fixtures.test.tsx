import { render, screen } from '@testing-library/react';
import { ApiErrorBanner, defaultMessages } from 'api-error-kit';
import { API_ERROR_SCENARIOS, apiError } from 'api-error-kit/testing';
import { describe, expect, it } from 'vitest';

// How an app tests its error states with the fixtures: no server, the banner as the person sees it.
describe('the banner for each fixture of api-error-kit/testing', () => {
  it.each(API_ERROR_SCENARIOS)('shows %s as an alert with its title', (scenario) => {
    const error = apiError(scenario);
    render(<ApiErrorBanner error={error} onRetry={() => undefined} />);
    // A 503 that gave a wait is maintenance, as the server said.
    const title = scenario === 'maintenance' ? defaultMessages.maintenance.title : defaultMessages[error.kind].title;
    expect(screen.getByRole('alert').textContent).toContain(title);
  });

  it('offers the support ID of an API answer and a retry that waits for the server', () => {
    render(<ApiErrorBanner error={apiError('rateLimited', { supportId: 'sup-app-7', retryAfterSeconds: 30 })} onRetry={() => undefined} />);
    expect(screen.getByRole('alert').textContent).toContain('Too many requests');
    screen.getByText('sup-app-7');
    screen.getByRole('button', { name: 'Copy support ID' });
    expect(screen.getByRole('button', { name: 'Try again' }).hasAttribute('disabled')).toBe(true);
  });

  it('shows a Cloudflare page as the edge with its Ray ID, never its markup', () => {
    render(<ApiErrorBanner error={apiError('cloudflareBadGateway', { rayId: '7f00aa11bb22cc33-AMS' })} />);
    screen.getByText('7f00aa11bb22cc33-AMS');
    expect(document.body.innerHTML).not.toContain('cf-wrapper');
  });
});
