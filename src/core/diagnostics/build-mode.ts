/**
 * Whether this is a development build: `process.env.NODE_ENV !== 'production'`. Read when
 * called, not at import. Where nothing replaced `process.env.NODE_ENV` and `process` does not
 * exist (a browser without a bundler define), it is not.
 *
 * Code that must be left out of production bundles (development texts) cannot call this: an
 * app's bundler replaces `process.env.NODE_ENV` only where the expression is written, and drops
 * a branch only when its test is then a constant, which a call is not. So the few functions that
 * guard such texts write the same test out inside their own `try`, beside the texts
 * (`scripts/check-production-bundle.mjs` proves the texts are left out).
 */
export function isDevelopmentBuild(): boolean {
  try {
    return process.env.NODE_ENV !== 'production';
  } catch {
    return false;
  }
}
