// Peers just below the versions package.json accepts, installed under other names beside the
// locked packages for the floor run: the kit must name the problem when an app has one of them.
import path from 'node:path';
import { floorPrefix, lowestOf } from './peer-floor.mjs';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

/** Where the set is installed: beside the floor set, removed by `npm ci` with node_modules. */
export const belowFloorPrefix = `${floorPrefix}-below`;

/** The set's own node_modules. */
export const belowFloorModules = path.join(belowFloorPrefix, 'node_modules');

/**
 * Each entry: the name it is installed under, the peer it stands for, and the version (a range
 * takes the newest it allows). ky 1 is what npm installs on Node 20, where ky 2 does not run; ky
 * 2.0 and react-query 5.87 are the last releases below each floor.
 */
export const belowFloor = [
  { alias: 'ky-1', peer: 'ky', version: '1' },
  { alias: 'ky-2.0', peer: 'ky', version: '2.0' },
  { alias: 'react-query-5.87', peer: '@tanstack/react-query', version: '5.87' },
];

/** `npm install` specs: each alias → `npm:peer@version`. */
export function belowFloorPackages() {
  return Object.fromEntries(belowFloor.map(({ alias, peer, version }) => [alias, `npm:${peer}@${version}`]));
}

/** Whether `installed` (x.y.z) of `peer` is below the lowest version its peer range accepts. */
export function isBelowFloor(peer, installed) {
  const floor = lowestOf(manifest.peerDependencies[peer]).split('.').map(Number);
  const version = installed.split('-')[0].split('.').map(Number);
  for (let index = 0; index < 3; index += 1) if (version[index] !== floor[index]) return version[index] < floor[index];
  return false;
}
