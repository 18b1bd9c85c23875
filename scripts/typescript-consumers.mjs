// The TypeScript compilers the published types are checked with in a consumer project (see
// check-package.sh): the lowest the README declares, and TypeScript 7, the native compiler. Both
// are installed beside the locked packages, without touching package.json or package-lock.json.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { installBeside } from './install-beside.mjs';
import { floorPrefix } from './peer-floor.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The lowest TypeScript the README promises, from its sentence "TypeScript X.Y or later". */
export function declaredLowestTypeScript() {
  const match = /TypeScript (\d+\.\d+) or later/.exec(readFileSync(path.join(root, 'README.md'), 'utf8'));
  if (!match) throw new Error('README.md no longer says "TypeScript X.Y or later"');
  return match[1];
}

/** Where the compilers are installed. */
export const compilersPrefix = `${floorPrefix}-typescript`;

/** Each compiler: the name it is installed under, and the version range. */
export function compilers() {
  return { 'typescript-lowest': `npm:typescript@~${declaredLowestTypeScript()}.0`, 'typescript-7': 'npm:typescript@^7.0.0' };
}

/** The `tsc` of an installed compiler. */
export const tscOf = (name) => path.join(compilersPrefix, 'node_modules', name, 'bin', 'tsc');

/** Installs the compilers unless they are there already. */
export function installCompilers() {
  const wanted = compilers();
  installBeside('consumer compilers', compilersPrefix, wanted, (name, installed) => {
    const [major, minor] = wanted[name].replace(/^npm:typescript@[~^]/, '').split('.');
    const ok = wanted[name].includes('@~') ? installed.startsWith(`${major}.${minor}.`) : installed.startsWith(`${major}.`);
    return ok ? undefined : `${name} is typescript@${installed}, expected ${wanted[name]}`;
  });
}
