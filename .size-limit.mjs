// Bundle budgets (run `npm run build` first): what an app's production build loads up front from
// the kit, minified and gzipped. Each check is bundled with Rolldown the way an app bundles the
// package: `process.env.NODE_ENV` set to "production", for the browser, lazy imports in chunks of
// their own (only the chunks loaded up front count), peers left out.
// `node scripts/bundle-size.mjs` shows where the bytes of the two imports go, module by module.
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/** Everything the kit expects the app to provide. */
const ignore = [...Object.keys(pkg.peerDependencies ?? {}), 'react-dom'];

/**
 * The imports an app makes, each with a budget a little (2–4 %) above what it measures, so a fix
 * fits and a regression fails.
 */
const IMPORTS = [
  {
    name: 'a typical app',
    entry: '.',
    names: ['createApiClient', 'ApiKitProvider', 'useApiQuery', 'useApiMutation', 'ApiErrorBanner', 'RetryCountdown'],
    limit: '20.4 kB',
  },
  { name: 'the React-free core', entry: './core', names: ['createApiClient', 'apiQueryDefaults'], limit: '11.8 kB' },
  { name: 'every export of the main entry', entry: '.', names: '*', limit: '22.2 kB' },
];

/**
 * Every other entry point is measured whole (`import *`) against the budget of the first prefix
 * that names it. An entry with no budget here is measured and reported but has no limit: give it
 * one when it is added.
 */
const ENTRY_LIMITS = [['./locales/', '2.1 kB'], ['./testing', '3.35 kB']];
// Whole stylesheets, not JavaScript.
const NOT_JAVASCRIPT = /\.css$/;

/** The JavaScript file an export of the package points at. */
function fileOf(subpath) {
  const target = pkg.exports[subpath];
  const file = typeof target === 'string' ? target : target?.default;
  if (typeof file !== 'string') throw new Error(`package.json exports no ${subpath}`);
  return file;
}

/** The app's bundler: production mode, for the browser. */
const production = (config) => ({
  ...config,
  platform: 'browser',
  transform: { ...config.transform, define: { ...config.transform?.define, 'process.env.NODE_ENV': '"production"' } },
});

const check = (name, path, names, limit) => ({
  name,
  path,
  import: names === '*' ? '*' : `{ ${names.join(', ')} }`,
  // The loader size-limit writes is the entry `index`: count it and the chunks it imports statically.
  entry: 'index',
  gzip: true,
  ignore,
  modifyRolldownConfig: production,
  ...(limit === undefined ? {} : { limit }),
});

const measured = new Set(IMPORTS.map(({ entry }) => entry));
// A pattern export (`./x/*`) names no single file: list its files as exports of their own to measure them.
const others = Object.keys(pkg.exports).filter(
  (subpath) => !measured.has(subpath) && !subpath.includes('*') && subpath !== './package.json' && !NOT_JAVASCRIPT.test(fileOf(subpath)),
);

export default [
  ...IMPORTS.map(({ name, entry, names, limit }) =>
    check(`${name}: ${names === '*' ? '*' : `{ ${names.join(', ')} }`} from '${`${pkg.name}${entry.slice(1)}`}'`, fileOf(entry), names, limit),
  ),
  ...others.map((subpath) =>
    check(`${pkg.name}${subpath.slice(1)} (every export)`, fileOf(subpath), '*', ENTRY_LIMITS.find(([prefix]) => subpath.startsWith(prefix))?.[1]),
  ),
];
