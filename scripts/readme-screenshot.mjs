// Draws docs/banner.png, the README's picture of the banner, from a story in headless Chromium.
// Run Storybook first (`npm run storybook`), then `node scripts/readme-screenshot.mjs [storybook URL]`.
import { chromium } from 'playwright';
import { fileURLToPath } from 'node:url';

const storybook = process.argv[2] ?? 'http://localhost:6006';
const STORY = 'components-apierrorbanner--maintenance';
const output = fileURLToPath(new URL('../docs/banner.png', import.meta.url));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none', '--force-color-profile=srgb'],
});
try {
  const page = await browser.newPage({ viewport: { width: 760, height: 400 }, deviceScaleFactor: 2, locale: 'en-US', timezoneId: 'UTC' });
  await page.goto(`${storybook}/iframe.html?id=${STORY}&viewMode=story`);
  const banner = page.locator('.aek-banner');
  // The story's play function has run once its countdown shows.
  await page.locator('.aek-countdown__text').waitFor({ timeout: 30_000 });
  await banner.screenshot({ path: output, animations: 'disabled' });
  console.log(`wrote ${output}`);
} finally {
  await browser.close();
}
