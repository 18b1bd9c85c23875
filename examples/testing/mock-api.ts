import { http } from 'msw';
import { setupServer } from 'msw/node';
import { apiAnswer } from 'api-error-kit/testing';

export const server = setupServer(
  http.get('https://api.example.com/v1/orders', () => apiAnswer('maintenance', { retryAfterSeconds: 10 })),
);
