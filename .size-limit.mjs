// Bundle budget: the kit's own JavaScript, minified and gzipped, with peers left out.
// Entries come from the `exports` map, so a new entry point is measured without touching this file.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/** Everything the kit expects the app to provide. */
const ignore = [...Object.keys(pkg.peerDependencies ?? {}), 'react-dom', '@tanstack/query-core'];

/**
 * Budgets, minified and gzipped: about half a kilobyte (3–5 %) above what the kit measures, so a
 * fix fits and a regression fails CI. The React-free core is held to its own, smaller budget;
 * the total counts shared code once.
 */
const LIMITS = { '.': '18.2 kB', './core': '12.1 kB' };
const TOTAL_LIMIT = '18.2 kB';

/** `[subpath, file]` for every export that points at JavaScript (the stylesheet is left out). */
const jsEntries = Object.entries(pkg.exports)
  .map(([subpath, target]) => [subpath, typeof target === 'string' ? target : target.default])
  .filter(([, file]) => typeof file === 'string' && file.endsWith('.js'));

// The total is one bundle that uses every entry, so code shared between entries counts once.
// size-limit's own `import` option cannot take `'*'` for two files, hence this small loader.
const totalDir = new URL('./node_modules/.cache/size-limit/', import.meta.url);
mkdirSync(totalDir, { recursive: true });
const totalEntry = fileURLToPath(new URL('every-entry.js', totalDir));
writeFileSync(
  totalEntry,
  jsEntries
    .map(([, file], i) => `import * as entry${i} from ${JSON.stringify(fileURLToPath(new URL(file, import.meta.url)))};\n`)
    .join('') + `console.log(${jsEntries.map((_, i) => `entry${i}`).join(', ')});\n`,
);

export default [
  ...jsEntries.map(([subpath, file]) => ({
    name: `${pkg.name}${subpath.slice(1)}`,
    path: file,
    import: '*',
    gzip: true,
    ignore,
    limit: LIMITS[subpath] ?? TOTAL_LIMIT,
  })),
  { name: 'total (every entry, one bundle)', path: totalEntry, gzip: true, ignore, limit: TOTAL_LIMIT },
];
