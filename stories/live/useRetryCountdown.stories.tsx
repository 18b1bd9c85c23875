import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { useApiQuery, useRetryCountdown } from '../../src/index.js';
import { maintenanceWindow } from '../mocks/api.js';
import { liveApi, liveMeta, liveOf } from './live-api.js';

interface ServiceStatus {
  state: string;
}

/**
 * A status panel of its own design on `useRetryCountdown(query)`: no kit component, just the
 * seconds, the progress and the paused flag the hook returns.
 */
function StatusPanel() {
  const status = useApiQuery<ServiceStatus>({ queryKey: ['status'], path: 'status' });
  const { active, seconds, paused, progress } = useRetryCountdown(status);
  const failure = status.error ?? status.failureReason;
  return (
    <>
      <h2>Service status</h2>
      {status.isSuccess && <p>{status.data.state}</p>}
      {failure && (
        <p>
          {failure.kind === 'unavailable' ? 'In maintenance.' : failure.message}{' '}
          {status.scheduledRetry && `Attempt ${status.scheduledRetry.attempt} of ${status.scheduledRetry.maxAttempts}`}
        </p>
      )}
      {active && (
        <p className="story-maintenance-countdown">
          {paused ? 'Waiting for the network' : `Checking again in ${seconds} s`}{' '}
          <progress max={1} value={progress} aria-label="Time until the next check" />
        </p>
      )}
    </>
  );
}

const meta = {
  title: 'Hooks/useRetryCountdown',
  component: StatusPanel,
  tags: ['autodocs'],
  ...liveMeta(
    '`useRetryCountdown(target)` returns `{ remainingMs, seconds, active, paused, progress }` for a time, an `ApiError` or a query or mutation result, re-rendering once per whole second. `RetryCountdown` is built on it; here a panel of its own design uses it directly.',
  ),
} satisfies Meta<typeof StatusPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * A maintenance window: the API answers 503 with `Retry-After: 1` for two seconds, then serves.
 * Each retry waits the second the server asked for, while the panel counts it down.
 */
export const MaintenanceWindow: Story = {
  loaders: [liveApi((log) => [maintenanceWindow('status', { state: 'All systems operational' }, { windowMs: 2_000, retryAfterSeconds: 1, log })])],
  play: async (context) => {
    const canvas = within(context.canvasElement);
    const { log } = liveOf(context);
    await expect(await canvas.findByText(/^Checking again in [12] s/, {}, { timeout: 3_000 })).toBeVisible();
    await expect(canvas.getByText(/In maintenance\. Attempt [23] of 4/)).toBeVisible();
    await expect(await canvas.findByText('All systems operational', {}, { timeout: 9_000 })).toBeVisible();
    const entries = log.entries();
    await expect(entries.map((entry) => entry.status)).toEqual([503, 503, 200]);
    await expect(entries[1]!.at - entries[0]!.at).toBeGreaterThanOrEqual(1_000);
    await expect(entries[2]!.at - entries[1]!.at).toBeGreaterThanOrEqual(1_000);
    await expect(canvas.queryByText(/Checking again/)).not.toBeInTheDocument();
  },
};
