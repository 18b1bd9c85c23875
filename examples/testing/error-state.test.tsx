import '@testing-library/jest-dom/vitest';
import { render, screen } from '@testing-library/react';
import { ApiErrorBanner } from 'api-error-kit';
import { apiError } from 'api-error-kit/testing';
import { expect, it } from 'vitest';

it('tells the person when to try again', () => {
  render(<ApiErrorBanner error={apiError('rateLimited', { retryAfterSeconds: 30 })} onRetry={() => {}} />);
  expect(screen.getByRole('alert')).toHaveTextContent('Too many requests');
  expect(screen.getByRole('button', { name: 'Try again' })).toBeDisabled();
});
