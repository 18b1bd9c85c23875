import type { ApiError } from '../errors/ApiError.js';

/**
 * A hint for a developer about a failure that usually means a mistake in the calling code or the
 * server's set-up, or `undefined` when there is none. Development builds only: in a production
 * build (`process.env.NODE_ENV === 'production'`, which bundlers write in) there is never a hint,
 * and a bundler leaves the texts out.
 *
 * - 404 / 405: check the endpoint and the method.
 * - 400: check the body's shape and `Content-Type: application/json`.
 * - 406: the kit always asks for JSON, so something rewrote the `Accept` header.
 * - a cross-origin 429 without a visible wait: the server must list `Retry-After` in
 *   `Access-Control-Expose-Headers` (or send the wait in the body).
 */
export function devHint(error: ApiError): string | undefined {
  try {
    // The build-mode test, written out here (see `isDevelopmentBuild`).
    if (process.env.NODE_ENV !== 'production') return hintFor(error, globalThis.location?.origin);
  } catch {
    // No `process`: not a development build.
  }
  return undefined;
}

/**
 * @internal Prints {@link devHint}'s hint for a failure to the console, once per status, unless
 * `devHints` is `false`. Development builds only: in a production build there is no hint to
 * print, and a bundler leaves the texts out.
 */
export function hintOnce(devHints: boolean | undefined): (error: ApiError) => void {
  const hinted = new Set<number>();
  return (error) => {
    if (devHints === false || hinted.has(error.status)) return;
    const hint = devHint(error);
    if (hint === undefined) return;
    hinted.add(error.status);
    try {
      console.warn(`[api-error-kit] ${hint}`);
    } catch {
      // A hint that cannot be printed must not become the request's failure.
    }
  };
}

function hintFor(error: ApiError, pageOrigin: string | undefined): string | undefined {
  const where = `${error.method} ${error.url}`;
  switch (error.status) {
    case 404:
    case 405:
      return `${where} answered ${error.status}: check the endpoint path (and the client's prefix) and the HTTP method.`;
    case 400:
      return `${where} answered 400: check that the body has the shape the endpoint expects and is sent as JSON (ky's \`json\` option sets Content-Type: application/json).`;
    case 406:
      return `${where} answered 406: the kit always sends Accept: application/json, so a proxy or a hook rewrote the Accept header.`;
    case 429: {
      if (error.retryAfterMs !== undefined || pageOrigin === undefined) return undefined;
      let origin: string;
      try {
        origin = new URL(error.url).origin;
      } catch {
        return undefined;
      }
      if (origin === pageOrigin) return undefined;
      return `${where} answered 429 without a wait the browser lets scripts read: list Retry-After in the server's Access-Control-Expose-Headers, or send "retry_after" in the body. The kit falls back to exponential backoff.`;
    }
    default:
      return undefined;
  }
}
