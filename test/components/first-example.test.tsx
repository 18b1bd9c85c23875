import { render, screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import App from '../../examples/first-example.js';
import { advanceClockAsync, advanceUntil, fakeTimersForMockApi, useMockApi } from '../support/kit-wrapper.js';

const server = useMockApi();

beforeEach(() => {
  fakeTimersForMockApi();
  localStorage.setItem('token', 'sk_test_first');
  server.use(
    http.get('https://api.example.com/v1/orders', () =>
      HttpResponse.json({ status: 503, error: 'Down for maintenance', support_id: 'sup-first' }, { status: 503, headers: { 'retry-after': '10' } }),
    ),
  );
});

describe("the README's first example", () => {
  it('shows one countdown and one "Retry now" while the retry waits: the banner carries its own', async () => {
    render(<App />);
    await advanceUntil(() => screen.queryByRole('alert') !== null);
    // Past the countdown's announcement, so only visible text is found.
    await advanceClockAsync(2_000);
    expect(screen.getByRole('alert').textContent).toContain('Down for maintenance');
    expect(screen.getAllByText(/^Retrying in \d+ s$/)).toHaveLength(1);
    expect(screen.getAllByRole('button', { name: 'Retry now' })).toHaveLength(1);
    expect(screen.getAllByRole('button', { name: 'Stop retrying' })).toHaveLength(1);
  });
});
