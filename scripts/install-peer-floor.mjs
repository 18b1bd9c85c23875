// Installs the floor set (see peer-floor.mjs) into node_modules/.peer-floor, beside the locked
// packages and without touching package.json or package-lock.json. A stamp holds what was
// installed, so a second run with the same floor installs nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { floorModules, floorPrefix, floorVersions } from './peer-floor.mjs';

const versions = floorVersions();
const wanted = JSON.stringify(versions, null, 2);
const stamp = path.join(floorPrefix, 'installed.json');

if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) {
  console.log(`peer floor: already installed (${describe(versions)})`);
  process.exit(0);
}

console.log(`peer floor: installing ${describe(versions)}`);
rmSync(floorPrefix, { recursive: true, force: true });
// Inside an npm script, run the same npm that runs it.
const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm'];
const specs = Object.entries(versions).map(([name, version]) => `${name}@${version}`);
const args = ['install', '--no-save', '--no-package-lock', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', '--prefix', floorPrefix, ...specs];
const run = spawnSync(npm[0], [...npm.slice(1), ...args], { stdio: 'inherit' });
if (run.status !== 0) {
  console.error(`peer floor: npm install failed (exit ${run.status ?? run.signal})`);
  process.exit(1);
}

for (const [name, version] of Object.entries(versions)) {
  const installed = JSON.parse(readFileSync(path.join(floorModules, name, 'package.json'), 'utf8')).version;
  // A bare major (React's types) takes the newest of that major.
  if (version.includes('.') ? installed !== version : !installed.startsWith(`${version}.`)) {
    console.error(`peer floor: ${name} is ${installed}, expected ${version}`);
    process.exit(1);
  }
}
writeFileSync(stamp, wanted);

function describe(set) {
  return Object.entries(set).map(([name, version]) => `${name}@${version}`).join(' ');
}
