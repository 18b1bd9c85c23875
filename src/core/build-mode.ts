/**
 * Whether this is a development build: `process.env.NODE_ENV !== 'production'`. Read when
 * called, not at import. Where nothing replaced `process.env.NODE_ENV` and `process` does not
 * exist (a browser without a bundler define), it is not.
 */
export function isDevelopmentBuild(): boolean {
  try {
    // Written out in full so bundlers can replace `process.env.NODE_ENV` with the build mode.
    return process.env.NODE_ENV !== 'production';
  } catch {
    return false;
  }
}
