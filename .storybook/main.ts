import type { StorybookConfig } from '@storybook/react-vite';
import { packageAliases } from './package-aliases.js';

const config: StorybookConfig = {
  framework: '@storybook/react-vite',
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  // The worker script MSW serves mocked responses from (`npx msw init ./public`).
  staticDirs: ['../public'],
  // A story opened on its own page (iframe.html) has no icon of its own: without one, the browser
  // asks for /favicon.ico, which nothing serves.
  previewHead: (head) => `${head}<link rel="icon" href="data:," />`,
  // The README's first example imports the kit by its name, as an app does: here, its sources.
  viteFinal: (viteConfig) => ({
    ...viteConfig,
    resolve: { ...viteConfig.resolve, alias: [...packageAliases, ...((viteConfig.resolve?.alias as typeof packageAliases | undefined) ?? [])] },
    build: {
      ...viteConfig.build,
      // Storybook's own manager and docs chunks pass Vite's 500 kB advice; a static Storybook is no
      // app bundle (the kit's own budgets are size-limit's).
      chunkSizeWarningLimit: 5_000,
      rolldownOptions: {
        ...viteConfig.build?.rolldownOptions,
        // Advice on slow plugins, printed when a build on a busy machine takes long: the machine's
        // load, not the build's fault.
        checks: { ...viteConfig.build?.rolldownOptions?.checks, pluginTimings: false },
        onwarn(warning, warn) {
          // "use client" marks the kit's and react-query's modules for React Server Components; a
          // bundle for the browser has no server part, so dropping it loses nothing.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('"use client"')) return;
          warn(warning);
        },
      },
    },
  }),
  core: {
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
    enableCrashReports: false,
  },
};

export default config;
