import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromiumPath } from './.storybook/chromium-path.js';
import { packageAliases } from './.storybook/package-aliases.js';
import { setColorScheme } from './.storybook/screenshot-commands.js';

const dirname = path.dirname(fileURLToPath(import.meta.url));

// Type tests are an experimental Vitest feature: the lockfile pins Vitest, as its notice asks, so
// the notice need not print on every run.
process.env.VITEST_DISABLE_EXPERIMENTAL_LOG ??= 'true';

export default defineConfig({
  test: {
    reporters: ['default', './scripts/plain-summary-reporter.ts'],
    // Vitest's speed hints (a vm pool, isolate: false) each give up the per-file isolation these
    // tests rely on (fake timers, MSW, globals a test stubs): advice to weigh once, not to print
    // after every run.
    experimental: { diagnostics: false },
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/core/**/*.test.ts', 'test/node/**/*.test.{ts,tsx}'],
          // Type tests (`*.test-d.ts[x]`) are compiled, not run: one project is enough.
          typecheck: { enabled: true, include: ['test/**/*.test-d.{ts,tsx}'] },
        },
      },
      {
        // The committed API reports against the built declarations: run by `npm test` after its
        // build, and by no run that does not build (`test:unit`, the peer-floor run).
        test: {
          name: 'api',
          environment: 'node',
          include: ['test/api/**/*.test.ts'],
        },
      },
      {
        // The README's examples import the package by its name, as an app does: here, its sources.
        resolve: { alias: packageAliases },
        test: {
          name: 'dom',
          environment: 'jsdom',
          // With the guides' example tests (`examples/**`), run as an app's own tests would be.
          include: ['test/react/**/*.test.{ts,tsx}', 'test/components/**/*.test.{ts,tsx}', 'test/locales/**/*.test.{ts,tsx}', 'examples/**/*.test.{ts,tsx}'],
          setupFiles: ['test/setup-dom.ts'],
        },
      },
      {
        // Every story is a test: rendered in Chromium, its play function run, and checked with axe.
        plugins: [storybookTest({ configDir: path.join(dirname, '.storybook') })],
        test: {
          name: 'storybook',
          // A cold browser start and the first story's module graph take several seconds here.
          testTimeout: 30_000,
          // Fails the run, with the way to install one, when the browser is missing.
          globalSetup: ['.storybook/require-browser.ts'],
          // Each story that passes is then screenshotted light, dark and right to left, and compared
          // with the baselines, which were drawn on Linux with Debian's Chromium and fonts.
          setupFiles: process.platform === 'linux' ? ['.storybook/visual-regression.ts'] : [],
          browser: {
            enabled: true,
            headless: true,
            commands: { setColorScheme },
            expect: {
              toMatchScreenshot: {
                // Runs here repeat to the pixel; more than 20 differing pixels (a changed corner
                // radius, one glyph) fail. Anti-aliasing pixels are not counted.
                comparatorName: 'pixelmatch',
                comparatorOptions: { threshold: 0.1, allowedMismatchedPixels: 20 },
                // Baselines are committed; the actual and diff images of a failure land in
                // `.vitest-attachments/` (ignored), at the paths the failure message prints.
                resolveScreenshotPath: ({ root, testFileName, arg, browserName, platform, ext }) =>
                  path.join(root, 'stories/__baselines__', testFileName, `${arg}-${browserName}-${platform}${ext}`),
              },
            },
            provider: playwright({
              // Dates and numbers the same on every machine.
              contextOptions: { locale: 'en-US', timezoneId: 'UTC' },
              launchOptions: {
                executablePath: chromiumPath,
                args: [
                  '--no-sandbox',
                  '--disable-gpu',
                  '--disable-background-networking',
                  '--disable-component-update',
                  '--disable-sync',
                  '--no-first-run',
                  // Glyphs drawn the same way on every run and machine, for the screenshots.
                  '--font-render-hinting=none',
                  '--force-color-profile=srgb',
                ],
              },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
