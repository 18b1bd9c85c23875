// The API report: every public name of every entry in `package.json`'s `exports`, with its type,
// as API Extractor reads it from the built declarations (`dist/*.d.ts`). One file per entry in
// `api/`, committed, so every change to the public surface shows in a diff.
//
//   node scripts/api-report.mjs            compares the reports with the build; exits 1 when stale
//   node scripts/api-report.mjs --update   rewrites the reports (`npm run api:update` builds first)
//
// `test/node/api-report.test.ts` runs the comparison in `npm test`, right after the build.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const packageJsonPath = path.join(root, 'package.json');

/** Where the committed reports live. */
export const reportFolder = path.join(root, 'api');

/**
 * Every entry of the package that has types: its subpath (`.`, `./core`, `./locales/de`, …), its
 * built declarations, and its committed report (`api/index.api.md`, `api/locales/de.api.md`, …).
 */
export function apiEntries() {
  const { exports } = JSON.parse(readFileSync(packageJsonPath, 'utf8'));
  return Object.entries(exports)
    .filter(([, target]) => typeof target === 'object' && typeof target.types === 'string')
    .map(([subpath, target]) => {
      const name = subpath === '.' ? 'index' : subpath.slice(2);
      return {
        subpath,
        declarations: path.join(root, target.types),
        report: path.join(reportFolder, `${name}.api.md`),
      };
    });
}

function configFor(ExtractorConfig, entry, tempFolder) {
  return ExtractorConfig.prepare({
    configObject: {
      projectFolder: root,
      mainEntryPointFilePath: entry.declarations,
      compiler: {
        overrideTsconfig: {
          compilerOptions: { lib: ['es2023', 'dom'], module: 'esnext', moduleResolution: 'bundler', jsx: 'react-jsx', strict: true, skipLibCheck: true, types: [] },
          files: [entry.declarations],
        },
      },
      apiReport: {
        enabled: true,
        reportFolder: path.dirname(entry.report),
        reportFileName: path.basename(entry.report, '.api.md'),
        reportTempFolder: tempFolder,
      },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        compilerMessageReporting: { default: { logLevel: 'error' } },
        extractorMessageReporting: {
          // Release tags (@public, @beta) are not used: the entries list what is public.
          'ae-missing-release-tag': { logLevel: 'none', addToApiReportFile: false },
          // The rest (a type a public signature uses but no entry exports, a link that resolves
          // nowhere) is written into the report, where a review sees it.
          default: { logLevel: 'none', addToApiReportFile: true },
        },
        tsdocMessageReporting: { default: { logLevel: 'none', addToApiReportFile: false } },
      },
    },
    configObjectFullPath: path.join(root, 'api-extractor.json'),
    packageJsonFullPath: packageJsonPath,
  });
}

/**
 * The names a report lists, sorted, types (interfaces and type aliases) marked `:type`: the
 * public surface of its entry, without the signatures.
 */
export function reportedNames(report) {
  const names = [...report.matchAll(/^export (?:declare )?(?:abstract )?(function|const|let|class|enum|namespace|interface|type) (\w+)/gm)];
  return [...new Set(names.map(([, kind, name]) => (kind === 'interface' || kind === 'type' ? `${name}:type` : name)))].sort();
}

/**
 * Runs API Extractor on each entry's built declarations and returns, per entry, the report the
 * build gives (`generated`) and the committed one (`committed`, `undefined` when there is none).
 * With `update`, the committed reports are rewritten first, so the two agree.
 */
export async function apiReports({ update = false } = {}) {
  // Loaded here: reading a committed report (`reportedNames`) needs none of it.
  const { CompilerState, Extractor, ExtractorConfig, ExtractorLogLevel } = await import('@microsoft/api-extractor');
  const entries = apiEntries();
  const missing = entries.filter((entry) => !existsSync(entry.declarations));
  if (missing.length > 0) {
    throw new Error(`No built declarations at ${missing.map((entry) => path.relative(root, entry.declarations)).join(', ')}: run \`npm run build\` first.`);
  }
  if (update) for (const entry of entries) mkdirSync(path.dirname(entry.report), { recursive: true });
  const tempFolder = mkdtempSync(path.join(tmpdir(), 'api-report-'));
  try {
    const configs = entries.map((entry) => configFor(ExtractorConfig, entry, tempFolder));
    // One TypeScript program for every entry: they share most of their declaration files.
    const compilerState = CompilerState.create(configs[0], { additionalEntryPoints: entries.map((entry) => entry.declarations) });
    return entries.map((entry, index) => {
      const errors = [];
      Extractor.invoke(configs[index], {
        localBuild: update,
        compilerState,
        messageCallback: (message) => {
          if (message.logLevel === ExtractorLogLevel.Error) errors.push(message.formatMessageWithLocation(root));
          // Everything worth seeing is in the report itself; a passing run prints nothing.
          message.handled = true;
        },
      });
      if (errors.length > 0) throw new Error(`API Extractor failed on ${entry.subpath}:\n${errors.join('\n')}`);
      const generated = readFileSync(path.join(tempFolder, path.basename(entry.report)), 'utf8');
      const committed = existsSync(entry.report) ? readFileSync(entry.report, 'utf8') : undefined;
      return { ...entry, generated, committed };
    });
  } finally {
    rmSync(tempFolder, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const update = process.argv.includes('--update');
  const reports = await apiReports({ update });
  const stale = reports.filter((report) => report.generated !== report.committed);
  for (const report of stale) console.error(`${path.relative(root, report.report)} differs from the build of ${report.subpath}.`);
  if (stale.length > 0) {
    console.error('Run `npm run api:update` and commit the reports if the change is meant.');
    process.exitCode = 1;
  } else {
    console.log(update ? `API reports written to ${path.relative(root, reportFolder)}/.` : 'API reports match the build.');
  }
}
