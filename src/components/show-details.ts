/**
 * Whether the banner shows its technical details when `showDetails` is not given: outside
 * production builds. Read at render, not at import.
 */
export function detailsShownByDefault(): boolean {
  try {
    // Written out in full so bundlers can replace `process.env.NODE_ENV` with the build mode;
    // where nothing replaced it and `process` does not exist (a browser), reading it throws: off.
    return process.env.NODE_ENV !== 'production';
  } catch {
    return false;
  }
}
