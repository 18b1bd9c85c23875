import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { ApiErrorBanner, useApiHealth, useApiQuery } from '../../src/index.js';
import { outageThenServed } from '../mocks/api.js';
import { liveApi, liveMeta, liveOf } from './live-api.js';

/** One panel of the page: `GET /api/<name>`, with the banner on the query's retry controls. */
function Panel({ name }: { name: string }) {
  const query = useApiQuery<{ total: number }>({ queryKey: ['panel', name], path: name });
  return (
    <section aria-label={name}>
      <h3>{name}</h3>
      {query.isSuccess ? (
        <p>{`${name}: ${query.data.total} this week`}</p>
      ) : (
        <ApiErrorBanner error={query.error} onRetryNow={query.retryNow} onStopRetrying={query.stopRetrying} showDetails={false} />
      )}
      {query.isPending && !query.error && <p>Loading…</p>}
    </section>
  );
}

/** A dashboard of two panels, and a line that tells the client's health. */
function Dashboard() {
  const health = useApiHealth();
  return (
    <>
      <h2>Dashboard</h2>
      <p>{`Service: ${health.state}`}</p>
      <Panel name="orders" />
      <Panel name="visits" />
    </>
  );
}

const meta = {
  title: 'Hooks/useApiHealth',
  component: Dashboard,
  tags: ['autodocs'],
  ...liveMeta(
    '`useApiHealth()` gives the client\'s view of the service: `up`, `degraded` or `down`, with the next probe\'s time. While the service is down and a failed query is on screen, the client keeps one probe going, ever more rarely; each failed query says when the next try is, and fills in again once the service answers.',
  ),
} satisfies Meta<typeof Dashboard>;

export default meta;
type Story = StoryObj<typeof meta>;

// A compressed policy, so the story runs in seconds: the queries give up after about 2 s.
const quickPolicy = { retryPolicy: { baseDelayMs: 250, maxDelayMs: 1000 } };

/**
 * The API answers 503 for 4 s (the log shows only the requests it served). Each panel shows its error once the policy gives up, the service
 * reads down, one probe at a time goes, and once one is answered both panels fill in again.
 */
export const OutageAndRecovery: Story = {
  name: 'Outage and recovery',
  // Which panel the answered probe was for depends on timing: the log's request column is hidden.
  parameters: { visualRegression: { mask: ['.story-log td:nth-child(3)'] } },
  loaders: [liveApi((log) => [outageThenServed(':panel', { total: 42 }, { outageMs: 4000, log })], quickPolicy)],
  play: async (context) => {
    const canvas = within(context.canvasElement);
    const { log } = liveOf(context);
    await waitFor(() => expect(canvas.getAllByRole('alert')).toHaveLength(2), { timeout: 5_000 });
    await expect(canvas.getByText('Service: down')).toBeVisible();
    // Each banner says the client keeps trying, counts down to the next probe, and offers to try now.
    await expect(canvas.getAllByRole('button', { name: 'Try now' })).toHaveLength(2);
    const countdowns = [...context.canvasElement.querySelectorAll('.aek-countdown__text')].map((text) => text.textContent);
    await expect(countdowns).toHaveLength(2);
    for (const text of countdowns) await expect(text).toMatch(/^We'll keep trying · next try in \d+ s$/);
    await expect(await canvas.findByText('orders: 42 this week', {}, { timeout: 8_000 })).toBeVisible();
    await expect(await canvas.findByText('visits: 42 this week', {}, { timeout: 3_000 })).toBeVisible();
    await expect(canvas.queryByRole('alert')).not.toBeInTheDocument();
    // Each panel was sent once more after the outage, no more (the log shows the served requests).
    await expect(log.entries().map((entry) => entry.status)).toEqual([200, 200]);
  },
};
