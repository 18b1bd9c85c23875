import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ApiError, createRetryPolicy, RetryCountdown, type RetryCountdownProps } from '../src/index.js';
import { COUNTDOWN_TEXT as TEXT, expectCountdown } from './support/countdown-text.js';

const meta = {
  title: 'Components/RetryCountdown',
  component: RetryCountdown,
  tags: ['autodocs'],
  args: { onElapsed: fn() },
  argTypes: {
    until: { control: false },
    error: { control: false },
    result: { control: false },
  },
  // Times are taken when the story loads (`loaded.countdown`), so a story opened later still waits.
  render: (args, { loaded }) => <RetryCountdown {...args} {...(loaded.countdown as Partial<RetryCountdownProps> | undefined)} />,
} satisfies Meta<typeof RetryCountdown>;

export default meta;
type Story = StoryObj<typeof meta>;


/** A failed request whose automatic retry the kit's retry policy has scheduled `delayMs` from now. */
function scheduledFailure(delayMs: number): ApiError {
  const error = new ApiError({ status: 502, method: 'GET', url: '/api/orders' });
  // In react-query's order: the delay first, then the decision that the retry follows.
  const policy = createRetryPolicy({ baseDelayMs: delayMs, random: () => 1 });
  policy.retryDelay(0, error);
  policy.retry(0, error);
  return error;
}

/** A wait until a time (`until`), with nothing retrying by itself: "You can try again in 20 s". No "Retry now" without `onRetryNow`. */
export const Running: Story = {
  loaders: [() => ({ countdown: { until: Date.now() + 20_000 } })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expectCountdown(canvasElement, /^You can try again in (\d+) s$/, 20);
    await expect(canvas.queryByRole('button', { name: 'Retry now' })).not.toBeInTheDocument();
    await expect(canvas.getByRole('progressbar', { name: 'Time left before the next try' })).toBeVisible();
  },
};

/** An automatic retry react-query will run (a query's failure with its schedule): "Retrying in 20 s", with "Retry now". */
export const WithRetryNow: Story = {
  loaders: [() => ({ countdown: { error: scheduledFailure(20_000) } })],
  args: { onRetryNow: fn() },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expectCountdown(canvasElement, /^Retrying in (\d+) s$/, 20);
    await userEvent.click(canvas.getByRole('button', { name: 'Retry now' }));
    await expect(args.onRetryNow).toHaveBeenCalledTimes(1);
  },
};

/** The same automatic retry without `onRetryNow`: no button. */
export const WithoutRetryNow: Story = {
  loaders: [() => ({ countdown: { error: scheduledFailure(20_000) } })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expectCountdown(canvasElement, /^Retrying in (\d+) s$/, 20);
    await expect(canvas.queryByRole('button')).not.toBeInTheDocument();
  },
};

/**
 * Offline: react-query holds the retry (`fetchStatus: 'paused'`), so the countdown says so instead
 * of a false "0 s". The `result` here is a query result's shape.
 */
export const PausedOffline: Story = {
  loaders: [() => ({ countdown: { result: { failureReason: scheduledFailure(3_000), fetchStatus: 'paused' } } })],
  args: { onRetryNow: fn() },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Waiting for the network', { selector: TEXT })).toBeVisible();
    await expect(canvasElement.querySelector('.aek-countdown')).toHaveAttribute('data-state', 'paused');
    await expect(canvasElement.textContent).not.toMatch(/\b0 s\b/);
  },
};

/** A wait that was already over when the countdown first saw it: it says so, and `onElapsed` is called once. */
export const Elapsed: Story = {
  loaders: [() => ({ countdown: { until: Date.now() - 5_000 } })],
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('You can try again now', { selector: TEXT })).toBeVisible();
    await waitFor(() => expect(args.onElapsed).toHaveBeenCalledTimes(1));
    await expect(canvasElement.querySelector('.aek-countdown')).toHaveAttribute('data-state', 'done');
  },
};

/** A short wait running out: the whole seconds count down to the end, the bar gives way to the text that says so, `onElapsed` is called once. */
export const ReachesZero: Story = {
  loaders: [() => ({ countdown: { until: Date.now() + 2_500 } })],
  args: { onRetryNow: fn() },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expectCountdown(canvasElement, /^You can try again in (\d) s$/, 3);
    await expect(args.onElapsed).not.toHaveBeenCalled();
    await waitFor(() => expect(canvas.getByText('You can try again now', { selector: TEXT })).toBeVisible(), { timeout: 5_000 });
    await expect(args.onElapsed).toHaveBeenCalledTimes(1);
    await expect(canvas.queryByRole('progressbar')).not.toBeInTheDocument();
    // The end is announced politely, a moment after it is shown.
    await waitFor(() => expect(canvasElement.querySelector('.aek-countdown__announcer')).toHaveTextContent('You can try again now'));
    await expect(canvas.queryByRole('button', { name: 'Retry now' })).not.toBeInTheDocument();
  },
};
