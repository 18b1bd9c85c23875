// Installs the floor set (see peer-floor.mjs) into node_modules/.peer-floor, beside the locked
// packages and without touching package.json or package-lock.json.
import { installBeside } from './install-beside.mjs';
import { floorPrefix, floorVersions } from './peer-floor.mjs';

const versions = floorVersions();
installBeside('peer floor', floorPrefix, versions, (name, installed) => {
  const version = versions[name];
  // A bare major (React's types) takes the newest of that major.
  const matches = version.includes('.') ? installed === version : installed.startsWith(`${version}.`);
  return matches ? undefined : `${name} is ${installed}, expected ${version}`;
});
