import { accessSync, constants } from 'node:fs';
import { chromiumPath } from './chromium-path.js';

/** Vitest global setup of the `storybook` project: stops the run when there is no Chromium to test in. */
export default function requireBrowser(): void {
  try {
    accessSync(chromiumPath, constants.X_OK);
  } catch {
    throw new Error(
      [
        `No Chromium at ${chromiumPath}: the stories run as tests in a real browser.`,
        'Install one with `apt-get install -y chromium` (Debian/Ubuntu, as root),',
        'or set CHROMIUM_PATH to an installed Chromium or Chrome executable.',
      ].join('\n'),
    );
  }
}
