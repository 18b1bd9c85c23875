import { defineConfig } from 'tsdown';

/**
 * The main, core and testing entries and one per locale, ESM only. The output mirrors `src/` module by module: every module that starts
 * with `'use client'` keeps the directive (a bundled chunk would drop it), and both entries
 * share the same module files, so `ApiError` is one class whichever entry it came from.
 */
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    core: 'src/core/index.ts',
    // Fixtures for an app's own tests and stories: never imported by the other entries.
    testing: 'src/testing/index.ts',
    // One entry per shipped translation, so an app carries only the ones it imports.
    'locales/ar': 'src/locales/ar.ts',
    'locales/de': 'src/locales/de.ts',
    'locales/es': 'src/locales/es.ts',
    'locales/fr': 'src/locales/fr.ts',
    'locales/ja': 'src/locales/ja.ts',
    'locales/pt-BR': 'src/locales/pt-BR.ts',
    'locales/zh-CN': 'src/locales/zh-CN.ts',
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
