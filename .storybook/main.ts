import type { StorybookConfig } from '@storybook/react-vite';
import { packageAliases } from './package-aliases.js';

const config: StorybookConfig = {
  framework: '@storybook/react-vite',
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  // The worker script MSW serves mocked responses from (`npx msw init ./public`).
  staticDirs: ['../public'],
  // The README's first example imports the kit by its name, as an app does: here, its sources.
  viteFinal: (viteConfig) => ({
    ...viteConfig,
    resolve: { ...viteConfig.resolve, alias: [...packageAliases, ...((viteConfig.resolve?.alias as typeof packageAliases | undefined) ?? [])] },
  }),
  core: {
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
    enableCrashReports: false,
  },
};

export default config;
