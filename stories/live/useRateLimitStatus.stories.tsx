import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ApiErrorBanner, createRateLimitGate, RetryCountdown, useApiQuery, useRateLimitStatus } from '../../src/index.js';
import { API_PREFIX, sharedQuota } from '../mocks/api.js';
import { liveApi, liveMeta, liveOf } from './live-api.js';
import type { SecondTabReport, SecondTabSetup } from './second-tab.js';
import secondTabScript from './second-tab.ts?worker&url';

const WIDGETS = ['profile', 'orders', 'invoices', 'usage'] as const;
const LATE_WIDGET = 'notifications';

/**
 * One line for the whole page while the client's gate holds requests. It keeps the last closing
 * time, so the countdown can say when the wait is over after the gate has opened.
 */
function RateLimitLine() {
  const { limited, until } = useRateLimitStatus();
  const [lastUntil, setLastUntil] = useState<number | null>(null);
  if (until !== null && until !== lastUntil) setLastUntil(until);
  return (
    <div className="story-rate-limit-line" data-limited={limited}>
      <RetryCountdown
        until={lastUntil}
        messages={{
          canRetryIn: (seconds) => `Rate limited: requests wait and resume in ${seconds} s`,
          canRetryNow: 'Requests resumed',
        }}
      />
    </div>
  );
}

/** A widget on its own query; it stays quiet about rate limits, which the line above speaks for. */
function Widget({ name, enabled = true }: { name: string; enabled?: boolean }) {
  const query = useApiQuery<{ name: string; served: number }>({ queryKey: ['dashboard', name], path: `dashboard/${name}`, enabled });
  const failure = query.error ?? query.failureReason;
  return (
    <section className="story-widget" aria-label={name}>
      <h3>{name}</h3>
      {query.isSuccess ? (
        <p>Served as request {query.data.served}</p>
      ) : failure?.kind === 'rate_limited' ? (
        <p>Waiting for the rate limit</p>
      ) : failure ? (
        <ApiErrorBanner error={failure} showDetails={false} />
      ) : (
        <p>{enabled ? 'Loading…' : 'Not started'}</p>
      )}
    </section>
  );
}

/** A dashboard of several queries through one client; a fifth one starts half a second later. */
function Dashboard() {
  const [lateStarted, setLateStarted] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setLateStarted(true), 500);
    return () => clearTimeout(timer);
  }, []);
  return (
    <>
      <h2>Dashboard</h2>
      <RateLimitLine />
      <div className="story-widgets">
        {WIDGETS.map((name) => (
          <Widget key={name} name={name} />
        ))}
        <Widget name={LATE_WIDGET} enabled={lateStarted} />
      </div>
    </>
  );
}

const meta = {
  title: 'Hooks/useRateLimitStatus',
  component: Dashboard,
  tags: ['autodocs'],
  ...liveMeta(
    '`useRateLimitStatus()` reads the client\'s rate-limit gate: `{ limited, until, remainingMs }`. After a 429 the gate closes until the time the server gave, and every request through that client waits at the gate instead of being sent, so one line can speak for the whole page.',
  ),
} satisfies Meta<typeof Dashboard>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * Four widgets load at once behind one quota: the first is served, the other three get 429 with
 * `Retry-After: 2`. The gate closes; one status line counts down; a fifth widget that starts
 * during the wait is held at the gate and never sent early. After two seconds everything is served.
 */
export const SharedRateLimitGate: Story = {
  loaders: [liveApi((log) => [sharedQuota('dashboard/:name', { burst: 1, retryAfterSeconds: 2, log })])],
  // The order in which the reopened gate lets the held requests go is up to timing: the screenshots
  // leave out the widgets' request numbers and the log's request column.
  parameters: { visualRegression: { mask: ['.story-widget p', '.story-log td:nth-child(3)'] } },
  play: async (context) => {
    const canvas = within(context.canvasElement);
    const { log } = liveOf(context);
    await expect(await canvas.findByText(/^Rate limited: requests wait and resume in [12] s$/, { selector: '.aek-countdown__text' }, { timeout: 3_000 })).toBeVisible();
    await expect(context.canvasElement.querySelectorAll('.aek-countdown')).toHaveLength(1);

    await waitFor(() => expect(canvas.getAllByText(/^Served as request \d+$/)).toHaveLength(WIDGETS.length + 1), { timeout: 8_000 });
    await expect(canvas.getByText('Requests resumed', { selector: '.aek-countdown__text' })).toBeVisible();

    const entries = log.entries();
    const firstLimit = entries.find((entry) => entry.status === 429)!;
    await expect(entries.filter((entry) => entry.status === 429)).toHaveLength(WIDGETS.length - 1);
    // Nothing left the client during the wait: every request after the first burst came after it.
    const afterBurst = entries.slice(WIDGETS.length);
    for (const entry of afterBurst) await expect(entry.at - firstLimit.at).toBeGreaterThanOrEqual(2_000);
    const late = entries.filter((entry) => entry.path.endsWith(`/${LATE_WIDGET}`));
    await expect(late.map((entry) => entry.status)).toEqual([200]);
  },
};

/**
 * The page of a second tab of the same origin: it loads the kit on its own (its own module
 * instances, as a new tab has), makes a gate of the channel and a client, sends one request at once,
 * and reports to the page that opened it. Its script is bundled on its own (Vite's worker bundling,
 * though it runs as a page's script), so the page works in the built Storybook as in development.
 */
function secondTabPage(channel: string): string {
  const setup: SecondTabSetup = { channel, prefix: new URL(API_PREFIX, window.location.href).href };
  return `<!doctype html><html lang="en"><head><title>Second tab</title></head><body><p>Second tab</p>
<script>window.secondTab = ${JSON.stringify(setup)};</script>
<script type="module" src="${new URL(secondTabScript, window.location.href).href}"></script></body></html>`;
}

/** One widget through a client whose gate shares a channel, and a second tab opened on demand. */
function TabsOfOneChannel({ channel }: { channel: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <h2>First tab</h2>
      <RateLimitLine />
      <div className="story-widgets">
        <Widget name="first" />
      </div>
      <button type="button" onClick={() => setOpen((was) => !was)}>
        {open ? 'Close the second tab' : 'Open a second tab'}
      </button>
      {open && <iframe title="Second tab" srcDoc={secondTabPage(channel)} width={240} height={60} />}
    </>
  );
}

// Its own name per run: what a run's gates wrote to storage is no closing for the next run.
const TABS_CHANNEL = `story-tabs-${Date.now().toString(36)}`;

/**
 * A tab opened during a cooldown learns it before its first request leaves. The first tab's widget
 * gets 429 with `Retry-After: 3`; its gate (channel shared with other tabs) closes. A second tab of
 * the same origin is opened during the wait: its gate starts closed, from what the first wrote to
 * `localStorage`, so its first request leaves only when the server allows it, and is served.
 */
export const TabOpenedDuringCooldown: Story = {
  render: () => <TabsOfOneChannel channel={TABS_CHANNEL} />,
  loaders: [
    (context) =>
      liveApi((log) => [sharedQuota('dashboard/:name', { burst: 0, retryAfterSeconds: 3, log })], { gate: createRateLimitGate({ channel: TABS_CHANNEL }) })(
        context,
      ),
  ],
  // Both tabs' requests go when the wait is over, in either order: the log's request column is left out.
  parameters: { visualRegression: { mask: ['.story-widget p', '.story-log td:nth-child(3)'] } },
  play: async (context) => {
    const canvas = within(context.canvasElement);
    const { log, gate: liveGate } = liveOf(context);
    const gate = liveGate!;
    await waitFor(() => expect(gate.snapshot().closedUntil).not.toBeNull(), { timeout: 3_000 });
    const closedUntil = gate.snapshot().closedUntil!;

    const reported = new Promise<SecondTabReport>((resolve) => {
      const onMessage = (event: MessageEvent<SecondTabReport>) => {
        if (event.data?.type !== 'story/second-tab') return;
        window.removeEventListener('message', onMessage);
        resolve(event.data);
      };
      window.addEventListener('message', onMessage);
    });
    await userEvent.click(canvas.getByRole('button', { name: 'Open a second tab' }));
    const report = await reported;
    // Its gate knew the first tab's closing from the start, and its request waited for it.
    await expect(report).toEqual({ type: 'story/second-tab', learned: closedUntil, status: 200 });
    const refusal = log.entries().find((entry) => entry.status === 429)!;
    const second = log.entries().filter((entry) => entry.path.endsWith('/dashboard/second'));
    await expect(second.map((entry) => entry.status)).toEqual([200]);
    await expect(second[0]!.at - refusal.at).toBeGreaterThanOrEqual(3_000);

    await waitFor(() => expect(canvas.getByText(/^Served as request \d+$/)).toBeVisible(), { timeout: 5_000 });
    await userEvent.click(canvas.getByRole('button', { name: 'Close the second tab' }));
  },
};
