// Installs the peers just below the floor (see below-floor.mjs) beside the locked packages,
// without touching package.json or package-lock.json.
import { belowFloor, belowFloorPackages, belowFloorPrefix, isBelowFloor } from './below-floor.mjs';
import { installBeside } from './install-beside.mjs';

installBeside('below the peer floor', belowFloorPrefix, belowFloorPackages(), (alias, installed) => {
  const { peer, version } = belowFloor.find((entry) => entry.alias === alias);
  if (!`${installed}.`.startsWith(`${version}.`)) return `${alias} is ${peer}@${installed}, expected ${version}`;
  return isBelowFloor(peer, installed) ? undefined : `${alias} is ${peer}@${installed}, which the peer range accepts`;
  // Their peers (React) come from the locked packages: a second React would break the hooks.
}, ['--legacy-peer-deps']);
