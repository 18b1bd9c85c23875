import type { Meta, StoryObj } from '@storybook/react-vite';
import { ApiErrorBanner } from 'api-error-kit';
import { apiError } from 'api-error-kit/testing';

const meta = { component: ApiErrorBanner } satisfies Meta<typeof ApiErrorBanner>;
export default meta;
type Story = StoryObj<typeof meta>;

export const RateLimited: Story = { args: { error: apiError('rateLimited') } };
