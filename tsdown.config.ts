import { defineConfig } from 'tsdown';

/**
 * Two entries, ESM only. The output mirrors `src/` module by module: every module that starts
 * with `'use client'` keeps the directive (a bundled chunk would drop it), and both entries
 * share the same module files, so `ApiError` is one class whichever entry it came from.
 */
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    core: 'src/core/index.ts',
  },
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  unbundle: true,
  dts: true,
  deps: {
    // Peers stay imports; the app brings them.
    neverBundle: [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\//, /^ky($|\/)/],
  },
  copy: [{ from: 'src/styles.css', to: 'dist' }],
  failOnWarn: true,
  checks: { pluginTimings: false },
});
