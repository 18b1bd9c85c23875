// Where the bytes of the kit go, as an app bundles it (run `npm run build` first).
//
//   node scripts/bundle-size.mjs [--json file]
//
// Each import below is bundled from the built package by its name, the way an app's production
// build does it: esbuild, minified, `process.env.NODE_ENV` set to "production", code splitting
// (lazy imports in chunks of their own), react, react-dom, ky and @tanstack/* left out. Prints
// for each import the gzipped size (level 9) of what loads up front and of what loads on demand,
// and for each module of the kit its minified bytes (esbuild's metafile) and its share of the
// gzipped size. The share is an estimate: each module's code (found through the source map) is
// gzipped alone, and the chunk's gzipped size is divided in proportion; text that repeats
// across modules compresses better together than alone.
//
// esbuild puts every module the package entry re-exports in a chunk loaded up front when a lazy
// chunk uses it (evanw/esbuild#3704), so its "up front" can hold code an app never runs;
// `scripts/check-production-bundle.mjs` checks the lazy split with Rolldown, which does not.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** What the size budget and this report measure: a typical app, and the React-free core. */
export const IMPORTS = {
  app: { from: 'api-error-kit', names: ['createApiClient', 'ApiKitProvider', 'useApiQuery', 'useApiMutation', 'ApiErrorBanner', 'RetryCountdown'] },
  core: { from: 'api-error-kit/core', names: ['createApiClient', 'apiQueryDefaults'] },
};

/** Built modules that only the banner's details disclosure needs (it loads them on demand). */
const DETAILS_MODULES = ['dist/components/ApiErrorDetails.js', 'dist/components/useApiErrorDetails.js', 'dist/core/diagnostics/format-curl.js', 'dist/core/diagnostics/format-report.js'];

/** The app brings these. */
export const PEERS = ['react', 'react-dom', 'ky', '@tanstack/*'];

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const gzipped = (text) => gzipSync(text, { level: 9 }).length;

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Source-map mappings as `[line][]: { column, source }` (generated column, source index). */
function decodeMappings(mappings) {
  const lines = [];
  let source = 0;
  for (const line of mappings.split(';')) {
    const segments = [];
    let column = 0;
    for (const segment of line.split(',')) {
      if (segment === '') continue;
      const fields = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = BASE64.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) {
          shift += 5;
        } else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += fields[0];
      if (fields.length > 1) source += fields[1];
      segments.push({ column, source: fields.length > 1 ? source : -1 });
    }
    lines.push(segments);
  }
  return lines;
}

/** The chunk's code cut into the pieces each source produced, joined per source. */
function codeBySource(code, map) {
  const pieces = new Map();
  const add = (source, text) => pieces.set(source, (pieces.get(source) ?? '') + text);
  const lines = code.split('\n');
  const mapped = decodeMappings(map.mappings);
  lines.forEach((line, index) => {
    const segments = mapped[index] ?? [];
    if (segments.length === 0 || segments[0].column > 0) add(-1, line.slice(0, segments[0]?.column ?? line.length));
    segments.forEach((segment, i) => add(segment.source, line.slice(segment.column, segments[i + 1]?.column ?? line.length)));
  });
  return new Map([...pieces].map(([source, text]) => [source === -1 ? '(esbuild)' : map.sources[source], text]));
}

/** `dist/core/client/create-api-client.js` for a built module, the path as given for anything else. */
function moduleName(path) {
  const absolute = path.startsWith('/') ? path : join(root, path);
  const inDist = relative(dist, absolute);
  return inDist.startsWith('..') ? relative(root, absolute).split(sep).join('/') : `dist/${inDist.split(sep).join('/')}`;
}

/** Bundles one import as an app does and weighs it, chunk by chunk and module by module. */
export async function measure({ from, names }) {
  const work = mkdtempSync(join(tmpdir(), 'bundle-size-'));
  try {
    mkdirSync(join(work, 'node_modules'));
    symlinkSync(root, join(work, 'node_modules', 'api-error-kit'), 'dir');
    const entry = join(work, 'app.js');
    writeFileSync(entry, `import { ${names.join(', ')} } from ${JSON.stringify(from)};\nconsole.log(${names.join(', ')});\n`);
    const result = await build({
      entryPoints: [entry],
      absWorkingDir: work,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      minify: true,
      legalComments: 'none',
      define: { 'process.env.NODE_ENV': '"production"' },
      external: PEERS,
      sourcemap: 'external',
      metafile: true,
      write: false,
      outdir: join(work, 'out'),
      logLevel: 'warning',
    });
    const files = new Map(result.outputFiles.map((file) => [relative(work, file.path).split(sep).join('/'), file.text]));
    const outputs = Object.entries(result.metafile.outputs).filter(([file]) => file.endsWith('.js'));
    const entryFile = outputs.find(([, output]) => output.entryPoint !== undefined)?.[0];
    // What loads up front: the entry and every chunk it imports statically.
    const initial = new Set([entryFile]);
    for (const file of initial) {
      for (const imported of result.metafile.outputs[file].imports) if (imported.kind === 'import-statement' && !imported.external) initial.add(imported.path);
    }
    const chunks = outputs.map(([file, output]) => {
      const code = files.get(file);
      const gzip = gzipped(code);
      const pieces = codeBySource(code, JSON.parse(files.get(`${file}.map`)));
      const nameOf = (source) => (source === '(esbuild)' ? source : source === '../app.js' ? '(the import itself)' : moduleName(join(work, 'out', source)));
      const alone = new Map([...pieces].map(([source, text]) => [nameOf(source), gzipped(text)]));
      const aloneTotal = [...alone.values()].reduce((sum, size) => sum + size, 0);
      const modules = Object.entries(output.inputs)
        .map(([path, input]) => ({ module: path === 'app.js' ? '(the import itself)' : moduleName(join(work, path)), minified: input.bytesInOutput }))
        .map((module) => ({ ...module, gzip: Math.round((gzip * (alone.get(module.module) ?? 0)) / aloneTotal) }))
        .sort((a, b) => b.minified - a.minified);
      // What no module wrote: the chunk's imports and exports, and esbuild's glue between modules.
      const glue = output.bytes - modules.reduce((sum, module) => sum + module.minified, 0);
      modules.push({ module: '(imports, exports, glue)', minified: glue, gzip: Math.round((gzip * (alone.get('(esbuild)') ?? 0)) / aloneTotal) });
      return { file, upFront: initial.has(file), minified: output.bytes, gzip, modules };
    });
    const total = (upFront) => chunks.filter((chunk) => chunk.upFront === upFront).reduce((sum, chunk) => sum + chunk.gzip, 0);
    return { import: `{ ${names.join(', ')} } from '${from}'`, upFront: total(true), lazy: total(false), chunks };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;

/** `dist/core`, `dist/react`, … for a module: the layer it belongs to. */
const layerOf = (module) => (module.startsWith('dist/') ? module.split('/').slice(0, -1).join('/') || 'dist' : module);

function print(name, report) {
  console.log(`\n${name}: import ${report.import}`);
  console.log(`  up front ${kB(report.upFront)} gzipped, on demand ${kB(report.lazy)}`);
  const layers = new Map();
  for (const chunk of report.chunks.filter((c) => c.upFront)) {
    for (const module of chunk.modules) layers.set(layerOf(module.module), (layers.get(layerOf(module.module)) ?? 0) + module.gzip);
  }
  console.log(`  up front by layer (≈gzipped): ${[...layers].sort((a, b) => b[1] - a[1]).map(([layer, size]) => `${layer} ${kB(size)}`).join(', ')}`);
  const details = report.chunks
    .filter((chunk) => chunk.upFront)
    .flatMap((chunk) => chunk.modules)
    .filter((module) => DETAILS_MODULES.includes(module.module));
  if (details.length > 0) {
    const size = details.reduce((sum, module) => sum + module.gzip, 0);
    console.log(`  of which the details' own modules, up front only in esbuild's split: ≈${kB(size)} (${details.map((module) => module.module).join(', ')})`);
  }
  for (const chunk of report.chunks) {
    console.log(`\n  ${chunk.upFront ? 'up front ' : 'on demand'} ${chunk.file}: ${chunk.minified} B minified, ${chunk.gzip} B gzipped`);
    console.log('    minified  ≈gzipped  module');
    for (const module of chunk.modules) console.log(`    ${String(module.minified).padStart(8)}  ${String(module.gzip).padStart(8)}  ${module.module}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { json: { type: 'string' } } });
  const reports = {};
  for (const [name, spec] of Object.entries(IMPORTS)) {
    reports[name] = await measure(spec);
    print(name, reports[name]);
  }
  if (values.json) writeFileSync(values.json, `${JSON.stringify(reports, null, 2)}\n`);
}
