// The lowest versions package.json promises for each peer, and where they are installed beside
// the locked ones for the floor run (`npm run test:floor`), without touching package-lock.json.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The folder the floor set is installed into; `npm ci` removes it with the rest of node_modules. */
export const floorPrefix = path.join(root, 'node_modules', '.peer-floor');

/** The floor set's own node_modules. */
export const floorModules = path.join(floorPrefix, 'node_modules');

/** Peers tested at their floor: each is aliased to its floor copy in the floor run. */
export const floorPeers = ['react', '@tanstack/react-query', '@tanstack/query-core', 'ky'];

/**
 * Packages that import React themselves: installed at their locked versions beside the floor React
 * (their React imports then find the floor copy), and aliased like the peers.
 */
const reactBound = ['react-dom', '@testing-library/react', '@testing-library/dom', 'react-error-boundary'];

/** Type packages for the floor React, checked by `tsc -p tsconfig.floor.json`: the newest of its major. */
const floorTypes = ['@types/react', '@types/react-dom'];

const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

/**
 * The lowest version a peer range accepts. Only the forms package.json uses are understood
 * (`^x.y.z`, `>=x.y.z`, joined by `||`); anything else throws, so a new range form cannot slip
 * past the floor run untested.
 *
 * @param {string} range A semver range from `peerDependencies`.
 * @returns {string} The lowest `x.y.z` it accepts.
 */
export function lowestOf(range) {
  const versions = range.split('||').map((part) => {
    const match = /^\s*(?:\^|>=)(\d+)\.(\d+)\.(\d+)\s*$/.exec(part);
    if (!match) throw new Error(`peer range "${range}": cannot find the lowest version of "${part.trim()}"`);
    return match.slice(1, 4).map(Number);
  });
  versions.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
  return versions[0].join('.');
}

/** The locked version of an installed package. */
function lockedVersion(name) {
  return JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
}

/**
 * Every package of the floor set with its version: the peers at the lowest version their range
 * accepts (react-dom with react), the React-bound test libraries at their locked versions, and
 * React's types at the floor's major (a bare major: the newest of it).
 *
 * @returns {Record<string, string>}
 */
export function floorVersions() {
  const versions = {};
  for (const name of floorPeers) {
    const range = manifest.peerDependencies?.[name];
    if (!range) throw new Error(`package.json has no peer range for ${name}`);
    versions[name] = lowestOf(range);
  }
  for (const name of reactBound) versions[name] = name === 'react-dom' ? versions.react : lockedVersion(name);
  for (const name of floorTypes) versions[name] = versions.react.split('.')[0];
  return versions;
}
