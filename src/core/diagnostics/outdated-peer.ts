/** A peer the kit needs a recent enough version of. */
export type Peer = 'ky' | '@tanstack/react-query';

/**
 * @internal In development builds, throws an error that names the problem and its fix when
 * `supported()` says the app's copy of `peer` is older than the kit's peer range accepts. Each
 * peer is recognised by what it does, not by a version number (a bundle may not carry one): ky
 * 2.1 added the `query` method to every instance; react-query 5.89 passes a context to the
 * mutation function. In production builds (`process.env.NODE_ENV === 'production'`, which
 * bundlers write in) it checks nothing, and a bundler leaves the check and its texts out.
 */
export function assertSupportedPeer(peer: Peer, supported: () => boolean): void {
  let outdated = false;
  try {
    // The build-mode test, written out here (see `isDevelopmentBuild`).
    if (process.env.NODE_ENV !== 'production') outdated = !supported();
  } catch {
    // No `process`: not a development build.
  }
  if (outdated) throw new Error(explain(peer));
}

function explain(peer: Peer): string {
  switch (peer) {
    case 'ky':
      return (
        'api-error-kit needs ky 2.1 or later, and the ky this app loads is older: its instances have no `.query()` method, which ky 2.1 added. ' +
        'Install a supported version with `npm install ky@^2.1.0`. ky 2 needs Node 22 or later: on an older Node, npm installs ky 1.'
      );
    case '@tanstack/react-query':
      return (
        'api-error-kit needs @tanstack/react-query 5.89 or later, and the one this app loads is older: it called the mutation function without the context react-query 5.89 passes to it. ' +
        'Install a supported version with `npm install @tanstack/react-query@^5.89.0`.'
      );
  }
}
