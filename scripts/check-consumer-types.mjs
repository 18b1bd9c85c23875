// Type-checks the packed package in a consumer project, strict, with the lowest TypeScript the
// README declares and with TypeScript 7 (installed beside the locked packages): the published
// `.d.ts` files and an app's use of every entry must compile on both, lib checks included.
// Usage: node scripts/check-consumer-types.mjs <tarball>
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compilers, installCompilers, tscOf } from './typescript-consumers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tarball = process.argv[2];
if (!tarball) throw new Error('usage: node scripts/check-consumer-types.mjs <tarball>');

installCompilers();

const locked = (name) => JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
const work = mkdtempSync(path.join(tmpdir(), 'consumer-types-'));
try {
  writeFileSync(path.join(work, 'package.json'), JSON.stringify({ name: 'consumer-types', private: true, type: 'module' }));
  const peers = ['ky', '@tanstack/react-query', 'react', '@types/react'].map((name) => `${name}@${locked(name)}`);
  const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm'];
  const install = spawnSync(npm[0], [...npm.slice(1), 'install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', path.resolve(tarball), ...peers], { cwd: work, encoding: 'utf8' });
  if (install.status !== 0) throw new Error(`npm install in the consumer failed:\n${install.stdout}${install.stderr}`);

  mkdirSync(path.join(work, 'src'));
  // The README's first example as an app has it, and one file that uses every other entry.
  copyFileSync(path.join(root, 'examples', 'first-example.tsx'), path.join(work, 'src', 'App.tsx'));
  writeFileSync(
    path.join(work, 'src', 'entries.ts'),
    `import { createApiClient as coreClient, type ApiError } from 'api-error-kit/core';
import { apiAnswer, apiError } from 'api-error-kit/testing';
import { de } from 'api-error-kit/locales/de';
import { defaultMessages, type Messages } from 'api-error-kit';

export const client = coreClient({ prefix: 'https://api.example.com/v1', apiKey: async () => 'key' });
export const failure: ApiError = apiError('rateLimited', { retryAfterSeconds: 30 });
export const answer: Response = apiAnswer('cloudflareBadGateway');
export const german: Messages = de;
export const title: string = defaultMessages[failure.kind].title;
`,
  );
  writeFileSync(
    path.join(work, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        module: 'ESNext',
        moduleResolution: 'Bundler',
        jsx: 'react-jsx',
        strict: true,
        noEmit: true,
        // The kit's own .d.ts files are checked too, not only its use.
        skipLibCheck: false,
        types: [],
      },
      include: ['src'],
    }),
  );
  // The stylesheet import of the first example, as Vite's client types declare it.
  writeFileSync(path.join(work, 'src', 'css.d.ts'), "declare module '*.css';\n");

  const checked = [];
  for (const name of Object.keys(compilers())) {
    const tsc = tscOf(name);
    const version = execFileSync(process.execPath, [tsc, '--version'], { encoding: 'utf8' }).trim().replace(/^Version /, '');
    const run = spawnSync(process.execPath, [tsc, '-p', work], { encoding: 'utf8' });
    if (run.status !== 0) {
      console.error(`✖ consumer types with TypeScript ${version}:\n${run.stdout}${run.stderr}`);
      process.exit(1);
    }
    checked.push(version);
  }
  console.log(`✔ consumer types: every entry, strict, lib checks on, with TypeScript ${checked.join(' and ')}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
