import type { Meta, StoryObj } from '@storybook/react-vite';
import type { HttpHandler } from 'msw';
import { delay, http, HttpResponse } from 'msw';
import { expect, fn, spyOn, userEvent, waitFor, within } from 'storybook/test';
import { onlineManager } from '@tanstack/react-query';
import {
  ApiErrorBanner,
  createRetryPolicy,
  defaultMessages,
  formatCurl,
  formatErrorReport,
  toApiError,
  type ApiClientOptions,
  type ApiErrorKind,
  type ScheduledRetry,
} from '../src/index.js';
// Internal: which kinds can succeed later, the rule "Try again" follows.
import { isRetryableKind } from '../src/core/errors/kinds.js';
// Internal: what the kit's hooks record when react-query schedules a retry, so a story can show each phase.
import { clearScheduledRetry, decideRetry, proposeRetry } from '../src/core/retry/failure-record.js';
import { ar } from '../src/locales/ar.js';
import { de } from '../src/locales/de.js';
import { answerWith, cloudflareHtml, errorBody } from './mocks/api.js';
import { withDarkScheme } from './support/color-scheme.js';
import { COUNTDOWN_TEXT, expectCountdown } from './support/countdown-text.js';
import { withLanguage } from './support/language.js';
import { loadedError, requestFailure, type SendRequest } from './support/request-failure.js';

const meta = {
  title: 'Components/ApiErrorBanner',
  component: ApiErrorBanner,
  tags: ['autodocs'],
  args: { error: undefined, onRetry: fn(), showDetails: false },
  // The error comes from a real request made in each story's loader, not from a control.
  argTypes: { error: { control: false } },
  render: (args, { loaded }) => <ApiErrorBanner {...args} error={args.error ?? loadedError(loaded)} />,
  parameters: {
    docs: {
      description: {
        component:
          'Each story sends a real request through `createApiClient` to a mocked API (MSW) and shows the `ApiError` it failed with, so what you see is what the client makes of each answer. Only the title and the description are inside `role="alert"`; the support ID, the countdown and the buttons sit beside it.',
      },
    },
  },
} satisfies Meta<typeof ApiErrorBanner>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * A story whose error comes from a real request answered by `handlers`. On a docs page it runs in
 * its own frame: stories rendered side by side would otherwise reset each other's mocks.
 */
function failedRequest(handlers: HttpHandler[], send?: SendRequest, options?: ApiClientOptions) {
  return {
    loaders: [requestFailure(handlers, send, options)],
    parameters: { docs: { story: { inline: false, iframeHeight: 240 } } },
  };
}

/** A play function checking the kind's title and text, and that "Try again" shows only where retrying can help. */
function showsKind(kind: ApiErrorKind, { serverText }: { serverText?: string } = {}): Story['play'] {
  return async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const alert = canvas.getByRole('alert');
    await expect(alert).toHaveTextContent(defaultMessages[kind].title);
    await expect(alert).toHaveTextContent(serverText ?? defaultMessages[kind].description);
    await expect(canvasElement.querySelector('.aek-banner')).toHaveAttribute('data-kind', kind);
    const tryAgain = canvas.queryByRole('button', { name: 'Try again' });
    if (isRetryableKind(kind)) await expect(tryAgain).toBeInTheDocument();
    else await expect(tryAgain).not.toBeInTheDocument();
  };
}

const post = (path: string, json: unknown): SendRequest => (client) => client.post(path, { json }).json();
const get = (path: string): SendRequest => (client) => client.get(path).json();

// Every kind, in the order of `API_ERROR_KINDS`.

/** 400: the API's own `error` text is shown; trying the same request again cannot help. */
export const BadRequest: Story = {
  ...failedRequest([answerWith('orders', 400, 'The field "quantity" must be a positive integer.')], post('orders', { sku: 'A-1', quantity: -1 })),
  play: showsKind('bad_request', { serverText: 'The field "quantity" must be a positive integer.' }),
};

/** 401: the API key is missing or wrong. */
export const Unauthorized: Story = {
  ...failedRequest([answerWith('orders', 401, 'Invalid API key.')], get('orders'), { apiKey: 'sk_test_revoked' }),
  play: showsKind('unauthorized', { serverText: 'Invalid API key.' }),
};

/** 403: signed in, but the key lacks the scope. */
export const Forbidden: Story = {
  ...failedRequest([answerWith('orders/42', 403, 'This API key lacks the orders:write scope.')], (client) => client.delete('orders/42').json()),
  play: showsKind('forbidden', { serverText: 'This API key lacks the orders:write scope.' }),
};

/** 404. */
export const NotFound: Story = {
  ...failedRequest([answerWith('orders/42', 404, 'Order 42 does not exist.')], get('orders/42')),
  play: showsKind('not_found', { serverText: 'Order 42 does not exist.' }),
};

/** 406: the API answers JSON only. */
export const NotAcceptable: Story = {
  ...failedRequest([answerWith('reports/7', 406, 'Only application/json is supported.')], get('reports/7')),
  play: showsKind('not_acceptable', { serverText: 'Only application/json is supported.' }),
};

/** No answer in time: the client's `timeout` (here 300 ms) ran out; there is no response, so no support ID. */
export const Timeout: Story = {
  ...failedRequest(
    [
      http.get('/api/reports/yearly', async () => {
        await delay(2000);
        return HttpResponse.json({ rows: [] });
      }),
    ],
    get('reports/yearly'),
    { timeout: 300 },
  ),
  play: showsKind('timeout'),
};

/**
 * 429 with `Retry-After: 30`: "Try again" keeps its name but is disabled, and the countdown stands
 * next to it, outside the alert (so its ticking is never announced).
 */
export const RateLimited: Story = {
  ...failedRequest([answerWith('orders', 429, 'Too many requests: slow down.', { headers: { 'Retry-After': '30' } })], get('orders')),
  play: async (context) => {
    await showsKind('rate_limited', { serverText: 'Too many requests: slow down.' })!(context);
    const canvas = within(context.canvasElement);
    await expect(canvas.getByRole('button', { name: 'Try again' })).toBeDisabled();
    await expectCountdown(context.canvasElement, /^You can try again in (\d+) s$/, 30);
    await expect(within(canvas.getByRole('alert')).queryByText(/try again in/)).not.toBeInTheDocument();
  },
};

/** 500. The play function copies the support ID. */
export const ServerError: Story = {
  ...failedRequest([answerWith('orders', 500, 'Internal error while loading orders.')], get('orders')),
  play: async (context) => {
    await showsKind('server_error', { serverText: 'Internal error while loading orders.' })!(context);
    const { canvasElement, loaded } = context;
    const canvas = within(canvasElement);
    const supportId = loadedError(loaded)?.supportId;
    await expect(supportId).toMatch(/^sup_/);
    // Headless Chromium refuses clipboard writes in the test frame: the copy is observed on
    // `navigator.clipboard.writeText`, which the component calls.
    const writeText = spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    await userEvent.click(canvas.getByRole('button', { name: 'Copy support ID' }));
    await expect(writeText).toHaveBeenCalledTimes(1);
    await expect(writeText).toHaveBeenCalledWith(supportId);
    await expect(canvas.getByText(supportId!)).toBeVisible();
    await expect(await canvas.findByText('Copied')).toBeVisible();
  },
};

/** 503 with `Retry-After: 120`: the server said it is maintenance. The person may try again when the wait is over. */
export const Maintenance: Story = {
  ...failedRequest(
    [answerWith('orders', 503, 'Scheduled maintenance: back at 14:00 UTC.', { headers: { 'Retry-After': '120' } })],
    get('orders'),
  ),
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await expect(canvas.getByRole('alert')).toHaveTextContent(`${defaultMessages.maintenance.title}Scheduled maintenance: back at 14:00 UTC.`);
    await expect(canvas.getByRole('button', { name: 'Try again' })).toBeDisabled();
    await expectCountdown(context.canvasElement, /^You can try again in (\d+) s$/, 120);
  },
};

/**
 * A bare 503 whose `error` only restates the status ("Service Unavailable"): nothing said it is
 * maintenance, and the banner does not repeat the status, so the kind's friendly text shows.
 */
export const ServiceUnavailable: Story = {
  ...failedRequest([answerWith('orders', 503, 'Service Unavailable')], get('orders')),
  play: async (context) => {
    await showsKind('unavailable')!(context);
    await expect(within(context.canvasElement).getByRole('alert')).not.toHaveTextContent('Service Unavailable');
  },
};

/** Another 4xx (409 Conflict): `client_error`. */
export const ClientError: Story = {
  ...failedRequest(
    [answerWith('orders/42', 409, 'Order 42 has already shipped and can no longer be changed.')],
    (client) => client.patch('orders/42', { json: { quantity: 3 } }).json(),
  ),
  play: showsKind('client_error', { serverText: 'Order 42 has already shipped and can no longer be changed.' }),
};

/** Offline: no response at all (`network`). */
export const Offline: Story = {
  ...failedRequest([http.get('/api/orders', () => HttpResponse.error())], get('orders')),
  play: showsKind('network'),
};

/** A 200 whose body is not JSON (a captive portal's login page): `invalid_response`. */
export const InvalidResponse: Story = {
  ...failedRequest(
    [
      http.get(
        '/api/orders',
        () => new HttpResponse('<!DOCTYPE html><html><body><h1>Hotel Wi-Fi</h1><form>Room number…</form></body></html>', { headers: { 'content-type': 'text/html' } }),
      ),
    ],
    get('orders'),
  ),
  play: showsKind('invalid_response'),
};

/**
 * An aborted request (the person navigated away, or react-query cancelled the query) is not a
 * failure to report: the banner renders nothing for it. This story shows that empty output.
 */
export const Aborted: Story = {
  args: { error: toApiError(new DOMException('The user aborted a request.', 'AbortError')) },
  decorators: [
    (Story) => (
      <div>
        <p className="story-note">An aborted request renders nothing: the banner below is empty on purpose.</p>
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).queryByRole('alert')).not.toBeInTheDocument();
    await expect(canvasElement.querySelector('.aek-banner')).toBeNull();
  },
};

/** Anything else thrown (here a bug in a query function): `unknown`, with the friendly text, never the raw message. */
export const Unknown: Story = {
  args: { error: toApiError(new TypeError("Cannot read properties of undefined (reading 'items')")) },
  play: showsKind('unknown'),
};

// Other states.

/** Cloudflare's rate-limit page (error 1015): HTML, so a friendly text instead of the markup, and the Ray ID. */
export const CloudflareRateLimitPage: Story = {
  ...failedRequest([cloudflareHtml('orders', { status: 429, rayId: '8a1b2c3d4e5f6a7b-FRA' })], get('orders')),
  play: async (context) => {
    await showsKind('rate_limited')!(context);
    const { canvasElement } = context;
    await expect(canvasElement.querySelector('.aek-banner')).toHaveAttribute('data-source', 'edge');
    await expect(within(canvasElement).getByText('8a1b2c3d4e5f6a7b-FRA')).toBeVisible();
    await expect(canvasElement.textContent).not.toMatch(/Error 1015|<html/);
  },
};

/** An automatic retry is scheduled: the countdown says "Retrying in …", with "Retry now", "Stop retrying" and "Dismiss". */
export const AutomaticRetryScheduled: Story = {
  ...failedRequest([answerWith('orders', 502, 'Bad gateway')], get('orders')),
  loaders: [
    async (context) => {
      const loaded = await requestFailure([answerWith('orders', 502, 'Bad gateway')], get('orders'))(context);
      // What the kit's hooks do after a failure: the retry policy records when react-query tries again.
      const error = loadedError(loaded ?? {});
      if (error) {
        // In react-query's order: the delay first, then the decision that the retry follows.
        const policy = createRetryPolicy({ baseDelayMs: 20_000, random: () => 1 });
        policy.retryDelay(0, error);
        policy.retry(0, error);
      }
      return loaded;
    },
  ],
  args: { onRetryNow: fn(), onStopRetrying: fn(), onDismiss: fn() },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expectCountdown(canvasElement, /^Retrying in (\d+) s$/, 20);
    await userEvent.click(canvas.getByRole('button', { name: 'Retry now' }));
    await expect(args.onRetryNow).toHaveBeenCalledTimes(1);
    await userEvent.click(canvas.getByRole('button', { name: 'Stop retrying' }));
    await expect(args.onStopRetrying).toHaveBeenCalledTimes(1);
    await userEvent.click(canvas.getByRole('button', { name: 'Dismiss' }));
    await expect(args.onDismiss).toHaveBeenCalledTimes(1);
  },
};

/** A 429 asking for one second: the countdown reaches zero and "Try again" comes back. */
export const RateLimitedWaitEnds: Story = {
  ...failedRequest([answerWith('orders', 429, 'Too many requests: slow down.', { headers: { 'Retry-After': '1' } })], get('orders')),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const tryAgain = canvas.getByRole('button', { name: 'Try again' });
    await expect(tryAgain).toBeDisabled();
    await waitFor(() => expect(tryAgain).toBeEnabled(), { timeout: 3000 });
    await expect(canvas.getByText('You can try again now', { selector: COUNTDOWN_TEXT })).toBeVisible();
    await userEvent.click(tryAgain);
    await expect(args.onRetry).toHaveBeenCalledTimes(1);
  },
};

/** A server that sent no support ID: no ID line, no copy button, nothing to look up. */
export const MissingSupportId: Story = {
  ...failedRequest([http.get('/api/orders', () => HttpResponse.json({ status: 500, error: 'Database connection lost.' }, { status: 500 }))], get('orders')),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('alert')).toHaveTextContent('Database connection lost.');
    await expect(canvas.queryByRole('button', { name: 'Copy support ID' })).not.toBeInTheDocument();
    await expect(canvas.queryByText(/Support ID/)).not.toBeInTheDocument();
  },
};

const longMessage = `Validation failed for batch ${'A1b2C3d4'.repeat(16)}: ${Array.from({ length: 60 }, (_, index) => `items[${index}].sku must match ^[A-Z]-[0-9]+$`).join('; ')}`;

/** A very long message: cut to 500 characters, and long unbroken words wrap instead of overflowing. */
export const VeryLongMessage: Story = {
  ...failedRequest([answerWith('orders', 400, longMessage)], post('orders', { items: [] })),
  play: async ({ canvasElement }) => {
    const description = canvasElement.querySelector('.aek-banner__description');
    await expect(description?.textContent?.length).toBeLessThanOrEqual(500);
    const banner = canvasElement.querySelector('.aek-banner')!;
    await expect(banner.scrollWidth).toBeLessThanOrEqual(banner.clientWidth);
  },
};

const markup = `<img src="x" onerror="alert('hi')"><b>quantity</b> must be positive`;

/** A server message that holds markup is never shown, not even as text: the kind's own description stands in for it. */
export const MarkupInMessage: Story = {
  ...failedRequest([answerWith('orders', 400, markup)], post('orders', { quantity: 0 })),
  play: async ({ canvasElement }) => {
    const alert = within(canvasElement).getByRole('alert');
    await expect(alert).toHaveTextContent(defaultMessages.bad_request.description);
    await expect(alert).not.toHaveTextContent('quantity');
    await expect(alert.querySelector('img, b')).toBeNull();
  },
};

/** A 429 in German (`api-error-kit/locales/de`) through the `messages` prop, the API's own text in German. */
export const SecondLanguage: Story = {
  // An API that answers in the person's language (its `error` text is shown as sent).
  ...failedRequest([answerWith('orders', 429, 'Zu viele Anfragen für diesen API-Schlüssel.', { headers: { 'Retry-After': '30' } })], get('orders')),
  args: { messages: de },
  decorators: [withLanguage('de')],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('alert')).toHaveTextContent('Zu viele AnfragenZu viele Anfragen für diesen API-Schlüssel.');
    await expect(canvas.getByRole('button', { name: 'Erneut versuchen' })).toBeDisabled();
    await expect(canvas.getByRole('button', { name: 'Support-ID kopieren' })).toBeVisible();
    await expectCountdown(canvasElement, /^Sie können es in (\d+) Sekunden erneut versuchen$/, 30);
  },
};

/** The stylesheet's dark palette (what `prefers-color-scheme: dark` selects), on a maintenance 503 with its countdown. */
export const DarkMode: Story = {
  ...failedRequest([answerWith('orders', 503, 'Scheduled maintenance: back at 14:00 UTC.', { headers: { 'Retry-After': '90' } })], get('orders')),
  decorators: [withDarkScheme],
  play: async ({ canvasElement }) => {
    const banner = canvasElement.querySelector('.aek-banner')!;
    await expect(getComputedStyle(banner).backgroundColor).toBe('rgb(42, 27, 24)');
  },
};

/** Right to left, in Arabic: the layout mirrors, while the support ID still reads left to right. */
export const RightToLeft: Story = {
  ...failedRequest([answerWith('orders', 429, 'طلبات كثيرة لمفتاح الواجهة البرمجية هذا.', { headers: { 'Retry-After': '30' } })], get('orders')),
  args: { messages: ar },
  decorators: [withLanguage('ar', 'rtl')],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('alert')).toHaveTextContent('طلبات كثيرة جدًا');
    await expect(canvas.getByRole('button', { name: 'حاول مرة أخرى' })).toBeDisabled();
    const code = canvasElement.querySelector('.aek-banner__code')!;
    await expect(getComputedStyle(code).direction).toBe('ltr');
    await expect(getComputedStyle(canvasElement.querySelector('.aek-banner')!).direction).toBe('rtl');
  },
};

/** The technical details, opened: method, URL, status, time, with "Copy details" and "Copy as curl". */
export const WithDetails: Story = {
  ...failedRequest(
    [http.post('/api/orders', () => HttpResponse.json(errorBody(422, 'The SKU A-9 is not sold any more.'), { status: 422 }))],
    (client) => client.post('orders', { json: { sku: 'A-9', quantity: 1 }, searchParams: { api_key: 'sk_live_secret', dry_run: 'false' } }).json(),
    { apiKey: 'sk_live_secret' },
  ),
  args: { showDetails: true },
  parameters: { docs: { story: { inline: false, iframeHeight: 420 } } },
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    const error = loadedError(loaded)!;
    // The details' code is loaded on demand: the disclosure appears a moment after the banner.
    await userEvent.click(await canvas.findByText('Details', { selector: 'summary' }, { timeout: 3_000 }));
    await expect(canvas.getByText('422 Unprocessable Content')).toBeVisible();
    await expect(canvas.getByText(/api_key=\[redacted\]/)).toBeVisible();
    await expect(canvasElement.textContent).not.toContain('sk_live_secret');
    const writeText = spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    await userEvent.click(canvas.getByRole('button', { name: 'Copy details' }));
    await expect(writeText).toHaveBeenLastCalledWith(formatErrorReport(error));
    await userEvent.click(canvas.getByRole('button', { name: 'Copy as curl' }));
    await expect(writeText).toHaveBeenLastCalledWith(formatCurl(error));
    await expect(writeText.mock.calls.flat().join('\n')).not.toContain('sk_live_secret');
  },
};

/** Where the Clipboard API is refused, the ID is selected instead and the banner says how to copy it. */
export const CopyFallback: Story = {
  ...failedRequest([answerWith('orders', 500, 'Internal error while loading orders.')], get('orders')),
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    const supportId = loadedError(loaded)!.supportId!;
    spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('Write permission denied.', 'NotAllowedError'));
    await userEvent.click(canvas.getByRole('button', { name: 'Copy support ID' }));
    await expect(await canvas.findByText(/Copying is not available here/)).toBeVisible();
    await expect(window.getSelection()?.toString()).toBe(supportId);
  },
};

/** The error of a failed `GET /api/orders` (a 502) with an automatic retry recorded `inMs` ahead, as the kit's hooks record it. */
function withRetryScheduled(inMs: number, schedule: Partial<ScheduledRetry> = {}): Story['loaders'] {
  return [
    async (context) => {
      const loaded = await requestFailure([answerWith('orders', 502, 'Bad gateway')], get('orders'))(context);
      const error = loadedError(loaded ?? {});
      if (error) {
        const now = Date.now();
        proposeRetry(error, 0, { at: now + inMs, attempt: 2, maxAttempts: 4, since: now, serverGiven: false, ...schedule });
        decideRetry(error, 0, true);
      }
      return loaded;
    },
  ];
}

/**
 * After queries failed, the client keeps one probe going: the banner of a failed query says when
 * the next try is and offers "Try now" (and "Stop retrying"), never "Try again" beside them.
 */
export const ProbingTheService: Story = {
  ...failedRequest([]),
  loaders: withRetryScheduled(20_000, { waitingForService: true }),
  args: { onRetryNow: fn(), onStopRetrying: fn() },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expectCountdown(canvasElement, /^We'll keep trying · next try in (\d+) s$/, 20);
    await expect(canvas.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
    await userEvent.click(canvas.getByRole('button', { name: 'Try now' }));
    await expect(args.onRetryNow).toHaveBeenCalledTimes(1);
  },
};

/** The automatic retry's wait is over and its request runs: "Retrying now", its controls in place but `aria-disabled`. */
export const RetryingNow: Story = {
  ...failedRequest([]),
  loaders: withRetryScheduled(300),
  args: { onRetryNow: fn(), onStopRetrying: fn() },
  play: async ({ canvasElement, loaded, args }) => {
    const canvas = within(canvasElement);
    // What the kit's hooks do as the retry leaves: its schedule is cleared while the request runs.
    clearScheduledRetry(loadedError(loaded)!);
    await waitFor(() => expect(canvasElement.querySelector(COUNTDOWN_TEXT)).toHaveTextContent(/^Retrying now$/), { timeout: 2000 });
    const retryNow = canvas.getByRole('button', { name: 'Retry now' });
    await expect(retryNow).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(retryNow);
    await expect(args.onRetryNow).not.toHaveBeenCalled();
    await expect(retryNow).toHaveFocus();
  },
};

/** A retry held while the browser is offline: "Waiting for the network", not a false "0 s". */
export const WaitingForTheNetwork: Story = {
  ...failedRequest([]),
  loaders: withRetryScheduled(20_000),
  args: { onRetryNow: fn(), onStopRetrying: fn() },
  beforeEach: () => {
    onlineManager.setOnline(false);
    return () => onlineManager.setOnline(true);
  },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector(COUNTDOWN_TEXT)).toHaveTextContent(/^Waiting for the network$/);
  },
};

/**
 * A 429 whose wait (an hour) is beyond the automatic-retry cap: no automatic retry, and the
 * banner says until when as a clock time rather than counting 3,600 seconds.
 */
export const RateLimitedForAnHour: Story = {
  ...failedRequest([answerWith('orders', 429, 'Hourly quota used up.', { headers: { 'Retry-After': '3600' } })], get('orders')),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('button', { name: 'Try again' })).toBeDisabled();
    await expect(canvasElement.querySelector(COUNTDOWN_TEXT)).toHaveTextContent(/^You can try again at \S/);
    await expect(canvas.queryByRole('progressbar')).not.toBeInTheDocument();
  },
};

/** A banner with a retry scheduled, "Retry now", "Stop retrying" and "Dismiss", laid out by `decorator`: the narrow layout's checks. */
function narrow(decorator: NonNullable<Story['decorators']>): Story {
  return {
    ...failedRequest([]),
    loaders: withRetryScheduled(20_000),
    args: { onRetryNow: fn(), onStopRetrying: fn(), onDismiss: fn() },
    decorators: decorator,
    play: async ({ canvasElement }) => expectNoButtonAlone(canvasElement),
  };
}

/** A banner as wide as a small phone (320 px): the countdown on its own line, the buttons sharing the next. */
export const NarrowPhone: Story = narrow([
  (Story) => (
    <div style={{ inlineSize: 320 }}>
      <Story />
    </div>
  ),
]);

/** A banner in a narrow side column of a wide page: the same narrow layout, decided by its own width. */
export const NarrowColumn: Story = narrow([
  (Story) => (
    <div style={{ display: 'grid', gridTemplateColumns: '15rem 1fr', gap: '1rem' }}>
      <aside>
        <Story />
      </aside>
      <main className="story-note">The page's main column.</main>
    </div>
  ),
]);

/** Every button of the action row fills its line: none is left alone beside a gap, none overflows the banner. */
async function expectNoButtonAlone(canvasElement: HTMLElement): Promise<void> {
  const actions = canvasElement.querySelector<HTMLElement>('.aek-banner__actions')!;
  const row = actions.getBoundingClientRect();
  for (const button of actions.querySelectorAll(':scope > button')) {
    const box = button.getBoundingClientRect();
    await expect(box.right).toBeLessThanOrEqual(row.right + 0.5);
    await expect(box.left).toBeGreaterThanOrEqual(row.left - 0.5);
    const siblings = [...actions.querySelectorAll(':scope > button')].filter((other) => Math.abs(other.getBoundingClientRect().top - box.top) < 1);
    // Alone on its line only when it fills it.
    if (siblings.length === 1) await expect(box.width).toBeGreaterThan(row.width - 1);
  }
}
