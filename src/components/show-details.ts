import { isDevelopmentBuild } from '../core/build-mode.js';

/**
 * Whether the banner shows its technical details when `showDetails` is not given: outside
 * production builds. Read at render, not at import.
 */
export function detailsShownByDefault(): boolean {
  return isDevelopmentBuild();
}
