import { act, render, screen } from '@testing-library/react';
import { delay, http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiErrorBanner, createApiClient, useApiQuery } from '../../src/index.js';
import { advanceUntil, API, kitWrapper, fakeTimersForMockApi, useMockApi } from '../support/kit-wrapper.js';

// The banner on a real query against a mocked API: what it says and where focus is while the
// retries of a 503 and a 429 run, each answer taking a moment to come.
const server = useMockApi();
const answers: Array<() => Response> = [];
let sent = 0;

beforeEach(() => {
  fakeTimersForMockApi();
  sent = 0;
  answers.length = 0;
  server.use(
    http.get(`${API}/orders`, async () => {
      const answer = answers[Math.min(sent, answers.length - 1)]!;
      sent += 1;
      await delay(400);
      return answer();
    }),
  );
});

const unavailable = () => HttpResponse.json({ status: 503, error: 'Service Unavailable', support_id: `sup-${sent}` }, { status: 503 });
const limited = () =>
  HttpResponse.json({ status: 429, error: 'Too Many Requests', support_id: `sup-${sent}` }, { status: 429, headers: { 'Retry-After': '3' } });
const served = () => HttpResponse.json([{ id: 1 }]);

function Orders() {
  const orders = useApiQuery({ queryKey: ['orders'], path: 'orders' });
  if (orders.isSuccess) return <p>Orders loaded</p>;
  return <ApiErrorBanner result={orders} showDetails={false} />;
}

function renderOrders(Panel = Orders) {
  // Without healing: what follows a query that gave up is heal.test.tsx's subject.
  const { wrapper: Wrapper, queryClient } = kitWrapper(createApiClient({ prefix: API, heal: false }), { retry: { random: () => 1 } });
  render(
    <Wrapper>
      <Panel />
    </Wrapper>,
  );
  return queryClient;
}

const countdownText = () => document.querySelector('.aek-countdown__text')?.textContent;
const banner = () => document.querySelector('.aek-banner');

describe('the banner of a query being retried', () => {
  it('says "Retrying now" while the request after a 429\'s wait is in flight, with no "Try again"', async () => {
    answers.push(limited, served);
    renderOrders();
    await advanceUntil(() => countdownText() === 'Retrying in 3 s', { maxMs: 2_000 });
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    await advanceUntil(() => sent === 2, { maxMs: 4_000 });
    expect(countdownText()).toBe('Retrying now');
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Retry now' }).getAttribute('aria-disabled')).toBe('true');
    await advanceUntil(() => screen.queryByText('Orders loaded') !== null, { maxMs: 2_000 });
  });

  it('keeps focus on "Retry now" as each retry leaves and fails, then hands it to "Try again" when retries end', async () => {
    answers.push(unavailable);
    renderOrders();
    await advanceUntil(() => screen.queryByRole('button', { name: 'Retry now' }) !== null, { maxMs: 2_000 });
    const retryNow = screen.getByRole('button', { name: 'Retry now' });
    act(() => retryNow.focus());
    const seen = new Set<string>();
    await advanceUntil(
      () => {
        seen.add(countdownText() ?? '');
        // Never on the page: on the banner's control, or (once retries end) on "Try again".
        expect(banner()?.contains(document.activeElement)).toBe(true);
        return screen.queryByRole('button', { name: 'Try again' }) !== null;
      },
      { maxMs: 60_000 },
    );
    expect(seen).toContain('Retrying now');
    expect(sent).toBe(4);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Try again' }));
  });

  it('hands focus to "Try again" when "Stop retrying" is pressed', async () => {
    answers.push(unavailable);
    renderOrders();
    await advanceUntil(() => screen.queryByRole('button', { name: 'Stop retrying' }) !== null, { maxMs: 2_000 });
    const stop = screen.getByRole('button', { name: 'Stop retrying' });
    act(() => stop.focus());
    act(() => stop.click());
    await advanceUntil(() => screen.queryByRole('button', { name: 'Try again' }) !== null, { maxMs: 100 });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Try again' }));
    expect(sent).toBe(1);
  });

});

describe('the banner of a query that failed after it had data', () => {
  // The data stays on screen, and the banner above it: react-query keeps such a query's error
  // while it fetches again (one without data goes back to pending, and its banner away).
  function OrdersWithData() {
    const orders = useApiQuery<Array<{ id: number }>>({ queryKey: ['orders'], path: 'orders' });
    return (
      <>
        <ApiErrorBanner result={orders} showDetails={false} />
        {orders.data && <p>{orders.data.length} orders</p>}
      </>
    );
  }

  it('says "Retrying now" while the try "Try again" started is in flight, with focus kept on it', async () => {
    answers.push(served, unavailable, unavailable, unavailable, unavailable, served);
    const queryClient = renderOrders(OrdersWithData);
    await advanceUntil(() => screen.queryByText('1 orders') !== null, { maxMs: 2_000 });
    void queryClient.refetchQueries({ queryKey: ['orders'] });
    await advanceUntil(() => screen.queryByRole('button', { name: 'Try again' }) !== null, { maxMs: 60_000 });
    expect(sent).toBe(5);
    const tryAgain = screen.getByRole('button', { name: 'Try again' });
    act(() => tryAgain.focus());
    act(() => tryAgain.click());
    await advanceUntil(() => screen.queryByText('Retrying now') !== null, { maxMs: 100 });
    expect(sent).toBe(6);
    expect(tryAgain.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(tryAgain);
    // Pressed again while the try runs: no second request.
    act(() => tryAgain.click());
    await advanceUntil(() => banner() === null, { maxMs: 2_000 });
    expect(sent).toBe(6);
  });
});
