import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { chromiumPath } from './chromium-path.js';

/** The fonts the screenshot baselines were drawn with, and the Debian packages that have them. */
const SCREENSHOT_FONTS: Readonly<Record<string, string>> = {
  'DejaVu Sans': 'fonts-dejavu-core',
  'Liberation Mono': 'fonts-liberation',
  'Droid Sans Fallback': 'fonts-droid-fallback',
};

/**
 * Vitest global setup of the `storybook` project: stops the run when there is no Chromium to test
 * in, or (on Linux, where the screenshots are compared) when a font of the baselines is missing,
 * which would fail every screenshot for a reason the diffs do not show.
 */
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
  if (process.platform !== 'linux') return;
  const installed = execFileSync('fc-list', [':', 'family'], { encoding: 'utf8' });
  const missing = Object.keys(SCREENSHOT_FONTS).filter((family) => !installed.includes(family));
  if (missing.length > 0) {
    throw new Error(
      [
        `Missing font(s) for the screenshot comparisons: ${missing.join(', ')}.`,
        `Install them with \`apt-get install -y --no-install-recommends ${missing.map((family) => SCREENSHOT_FONTS[family]).join(' ')}\`.`,
      ].join('\n'),
    );
  }
}
