// Checks what an app's production build loads up front from the kit (run `npm run build` first).
// A small app using the banner, the countdown and the hooks is bundled the way Vite bundles for
// production (Rolldown: minified, `process.env.NODE_ENV` set to "production", lazy imports in
// chunks of their own, peers left out), importing the kit by its package name. The banner's
// "Details" disclosure, with the report and curl formatters, must stay out of every chunk loaded
// up front: it is fetched only when details are shown. Development-only texts (the console hints)
// must be in no chunk at all, nor anything of the testing entry. Prints the gzipped size of the chunks loaded up front and lazily.
//
// Rolldown, not esbuild: esbuild's code splitting puts every module the package entry re-exports
// (here `formatCurl`, `formatErrorReport`, `useApiErrorDetails`) in a chunk loaded up front when a
// lazy chunk uses it, even if the app never imports it (evanw/esbuild#3704); Rollup, Rolldown and
// webpack do not.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { rolldown } from 'rolldown';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');

/** The app brings these. */
const PEERS = ['react', 'react-dom', '@tanstack/react-query', '@tanstack/query-core', 'ky'];

/** Built modules that only the details disclosure needs. */
const DETAILS_MODULES = ['components/ApiErrorDetails.js', 'components/useApiErrorDetails.js', 'core/diagnostics/format-curl.js', 'core/diagnostics/format-report.js'];

/** Text only the testing entry (`api-error-kit/testing`) has: it must be in no chunk of an app. */
const TESTING_MARKERS = ['sup-test-', 'You are being rate limited'];

/** Text only the details code produces: the curl command and the support-ticket report. */
const DETAILS_MARKERS = ['--globoff', 'Bearer $API_KEY', 'Support ID valid until:'];

/**
 * Text only development builds have: the console hints, how to fix a hook used the wrong way, and
 * the check that ky is recent enough with its message.
 */
const DEVELOPMENT_MARKERS = ['check the endpoint path', 'Access-Control-Expose-Headers', 'Wrap your app', 'which ky 2.1 added', 'npm install ky@'];

const failures = [];

if (!existsSync(join(dist, 'index.js'))) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}

// The testing markers prove something only if the testing entry has them.
const testingCode = readFileSync(join(dist, 'testing.js'), 'utf8');
for (const marker of TESTING_MARKERS) {
  if (!testingCode.includes(marker)) failures.push(`dist/testing.js does not contain ${JSON.stringify(marker)}: the markers are out of date`);
}

const work = mkdtempSync(join(tmpdir(), 'production-bundle-'));
let initialSize = 0;
let lazySize = 0;
let initialCount = 0;

try {
  // The app imports the kit by name, through the `exports` map and with its `sideEffects`.
  mkdirSync(join(work, 'node_modules'));
  symlinkSync(root, join(work, 'node_modules', 'api-error-kit'), 'dir');
  const entry = join(work, 'app.js');
  writeFileSync(
    entry,
    `import { createElement } from 'react';
import { ApiErrorBanner, ApiKitProvider, RetryCountdown, createApiClient, useApiQuery } from 'api-error-kit';

const client = createApiClient({ prefix: '/api' });

function Orders() {
  const orders = useApiQuery({ queryKey: ['orders'], path: 'orders' });
  return createElement(
    'section',
    null,
    createElement(ApiErrorBanner, { error: orders.error ?? orders.failureReason, onRetry: () => orders.refetch() }),
    createElement(RetryCountdown, { result: orders }),
  );
}

export function App() {
  return createElement(ApiKitProvider, { client }, createElement(Orders));
}
`,
  );

  const bundle = await rolldown({
    input: entry,
    cwd: work,
    platform: 'browser',
    external: (id) => PEERS.some((peer) => id === peer || id.startsWith(`${peer}/`)),
    transform: { define: { 'process.env.NODE_ENV': '"production"' } },
    logLevel: 'warn',
    // An app bundle drops `"use client"` on purpose: only the check's own bundle is made here.
    onLog(level, log, handler) {
      if (log.code !== 'MODULE_LEVEL_DIRECTIVE') handler(level, log);
    },
  });
  const { output } = await bundle.generate({ format: 'esm', minify: true });
  await bundle.close();

  const chunks = new Map(output.filter((item) => item.type === 'chunk').map((chunk) => [chunk.fileName, chunk]));
  const distModule = (id) => relative(dist, id).replaceAll('\\', '/');
  const gzipped = (chunk) => gzipSync(chunk.code, { level: 9 }).length;

  const entryChunk = [...chunks.values()].find((chunk) => chunk.isEntry);
  if (!entryChunk) throw new Error('Rolldown produced no entry chunk');
  // What the app loads up front: the entry and every chunk it imports statically.
  const initial = new Set([entryChunk.fileName]);
  for (const fileName of initial) {
    for (const imported of chunks.get(fileName).imports) if (chunks.has(imported)) initial.add(imported);
  }
  initialCount = initial.size;

  for (const fileName of initial) {
    const chunk = chunks.get(fileName);
    initialSize += gzipped(chunk);
    for (const module of chunk.moduleIds.map(distModule)) {
      if (DETAILS_MODULES.includes(module)) failures.push(`${fileName}, loaded up front, bundles dist/${module}`);
    }
    for (const marker of DETAILS_MARKERS) {
      if (chunk.code.includes(marker)) failures.push(`${fileName}, loaded up front, contains ${JSON.stringify(marker)} (details code)`);
    }
  }

  // The check proves something only if the details code is in the build, in a chunk that is
  // imported lazily.
  const lazyTargets = new Set([...initial].flatMap((fileName) => chunks.get(fileName).dynamicImports));
  const detailsChunk = [...chunks.values()].find((chunk) => chunk.moduleIds.some((id) => distModule(id) === 'components/ApiErrorDetails.js'));
  if (!detailsChunk) failures.push('no chunk holds dist/components/ApiErrorDetails.js: the banner no longer loads its details');
  else if (!lazyTargets.has(detailsChunk.fileName)) failures.push(`${detailsChunk.fileName} (the details) is not imported lazily`);
  for (const chunk of chunks.values()) {
    for (const marker of DEVELOPMENT_MARKERS) {
      if (chunk.code.includes(marker)) failures.push(`${chunk.fileName} contains ${JSON.stringify(marker)} (a development-only text)`);
    }
    for (const marker of TESTING_MARKERS) {
      if (chunk.code.includes(marker)) failures.push(`${chunk.fileName} contains ${JSON.stringify(marker)} (from api-error-kit/testing)`);
    }
  }
  const lazy = [...chunks.values()].filter((chunk) => !initial.has(chunk.fileName));
  lazySize = lazy.reduce((sum, chunk) => sum + gzipped(chunk), 0);
  for (const marker of DETAILS_MARKERS) {
    if (!lazy.some((chunk) => chunk.code.includes(marker))) failures.push(`no lazy chunk contains ${JSON.stringify(marker)}: the markers are out of date`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;
const sizes = `up front ${kB(initialSize)} gzipped (${initialCount} chunk(s)), lazy ${kB(lazySize)}`;
if (failures.length > 0) {
  console.error(`✖ production bundle, ${sizes}: the banner's details code must load lazily, development texts must be left out\n${failures.map((f) => `  ✖ ${f}`).join('\n')}`);
  process.exit(1);
}
console.log(`✔ production bundle, ${sizes}: the details code loads lazily, no development texts, nothing of api-error-kit/testing`);
