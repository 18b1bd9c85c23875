/**
 * The Chromium that runs the stories as tests: `CHROMIUM_PATH`, else Debian's package.
 * Playwright's own browser download is not used.
 */
export const chromiumPath: string = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
