import type { Meta, StoryObj } from '@storybook/react-vite';
import { http } from 'msw';
import { expect, within } from 'storybook/test';
import App from '../examples/first-example.js';
import { apiAnswer } from '../src/testing/index.js';

/**
 * The README's first example (`examples/first-example.tsx`) as it is, against an API that answers
 * every request with `apiAnswer('maintenance')` from `api-error-kit/testing`: a 503 with
 * `Retry-After`, mocked by MSW at the network.
 */
const meta = {
  title: 'Getting started/First example',
  component: App,
  tags: ['!autodocs'],
} satisfies Meta<typeof App>;

export default meta;
type Story = StoryObj<typeof meta>;

export const DuringMaintenance: Story = {
  beforeEach({ msw }) {
    msw.use(http.get('https://api.example.com/v1/orders', () => apiAnswer('maintenance', { supportId: 'sup-first-1' })));
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert', {}, { timeout: 5_000 })).toHaveTextContent('Service in maintenance');
    await expect(canvas.getByText('sup-first-1')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Copy support ID' })).toBeVisible();
  },
};
