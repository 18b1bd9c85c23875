// Installs a set of packages into a folder of node_modules, beside the locked packages and without
// touching package.json or package-lock.json. A stamp holds what was installed, so a second run
// with the same set installs nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Installs `packages` (name → version or `npm:` alias) into `prefix` unless the stamp says they are
 * there already, then checks each installed version with `check`. Exits the process on failure.
 *
 * @param {string} label How the set is named in what is printed.
 * @param {string} prefix The folder to install into (its `node_modules` holds the packages).
 * @param {Record<string, string>} packages What to install.
 * @param {(name: string, installed: string) => string | undefined} check A complaint about an installed version, or `undefined`.
 * @param {string[]} [npmArgs] More arguments for `npm install`.
 */
export function installBeside(label, prefix, packages, check, npmArgs = []) {
  const wanted = JSON.stringify(packages, null, 2);
  const stamp = path.join(prefix, 'installed.json');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) {
    console.log(`${label}: already installed (${describe(packages)})`);
    return;
  }

  console.log(`${label}: installing ${describe(packages)}`);
  rmSync(prefix, { recursive: true, force: true });
  // Inside an npm script, run the same npm that runs it.
  const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm'];
  const specs = Object.entries(packages).map(([name, version]) => `${name}@${version}`);
  const args = ['install', '--no-save', '--no-package-lock', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', '--prefix', prefix, ...npmArgs, ...specs];
  const run = spawnSync(npm[0], [...npm.slice(1), ...args], { stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`${label}: npm install failed (exit ${run.status ?? run.signal})`);
    process.exit(1);
  }

  for (const name of Object.keys(packages)) {
    const installed = JSON.parse(readFileSync(path.join(prefix, 'node_modules', name, 'package.json'), 'utf8')).version;
    const complaint = check(name, installed);
    if (complaint !== undefined) {
      console.error(`${label}: ${complaint}`);
      process.exit(1);
    }
  }
  writeFileSync(stamp, wanted);
}

function describe(set) {
  return Object.entries(set).map(([name, version]) => `${name}@${version}`).join(' ');
}
