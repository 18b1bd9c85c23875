import type { RequestSnapshot } from '../errors/ApiError.js';
import { isSecretParam, redactUrl, REDACTED } from '../errors/redact.js';
import { toApiError } from '../errors/to-api-error.js';

const METHOD = /^[A-Za-z]{1,16}$/;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,256}$/;
// Never copied: credentials are the person's own to add.
const DROPPED_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie']);
// Needed to reproduce a request, and no secret.
const KEPT_HEADERS = new Set(['idempotency-key']);
const AUTHORIZATION = '-H "Authorization: Bearer $API_KEY"';

/** Quotes a value for POSIX shells: single quotes, each `'` written as `'\''`. */
function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

function oneLine(value: string): string {
  return value.replace(/[\u0000-\u001F\u007F]+/g, ' ');
}

function readSnapshot(error: object): RequestSnapshot | undefined {
  try {
    const request = (error as { request?: unknown }).request as Partial<RequestSnapshot> | undefined;
    if (typeof request !== 'object' || request === null) return undefined;
    if (typeof request.method !== 'string' || typeof request.url !== 'string' || !Array.isArray(request.headers)) return undefined;
    return request as RequestSnapshot;
  } catch {
    return undefined;
  }
}

function headerArgument(name: string, value: string): string | undefined {
  const lower = name.toLowerCase();
  if (!HEADER_NAME.test(name) || DROPPED_HEADERS.has(lower)) return undefined;
  // A header whose name suggests a credential (the same names as query parameters) shows `[redacted]`.
  const shown = isSecretParam(lower) && !KEPT_HEADERS.has(lower) ? REDACTED : oneLine(value);
  return `-H ${shellQuote(`${lower}: ${shown}`)}`;
}

/**
 * The failed request as a curl command, for a developer to reproduce it in a terminal. Any
 * thrown value is accepted (it goes through `toApiError` first).
 *
 * The method, URL and headers come from the request the client sent (`ApiError#request`), or
 * from the error's `method` and `url` with the kit's `Accept: application/json` when that is
 * missing. Query-string secrets show as `[redacted]`; cookies are left out, and the
 * `Authorization` header is written as `"Authorization: Bearer $API_KEY"`, so the shell fills
 * in the key from the `API_KEY` variable and the command itself never holds a credential.
 * Without a recorded request, that header is added too (the API expects a key). The request
 * body is never included, since it may hold secrets: add `--data` yourself.
 *
 * Values are single-quoted for POSIX shells; `--globoff` is added when the URL has brackets or
 * braces (such as `[redacted]`), which curl would otherwise read as a pattern.
 *
 * @example
 * ```ts
 * formatCurl(error);
 * // curl -X GET 'https://api.example.com/v1/orders' -H 'accept: application/json' -H "Authorization: Bearer $API_KEY"
 * ```
 */
export function formatCurl(error: unknown): string {
  const apiError = toApiError(error);
  const snapshot = readSnapshot(apiError);
  const rawMethod = snapshot?.method ?? apiError.method;
  const method = typeof rawMethod === 'string' && METHOD.test(rawMethod) ? rawMethod.toUpperCase() : 'GET';
  const rawUrl = snapshot?.url ?? apiError.url;
  const url = typeof rawUrl === 'string' ? oneLine(redactUrl(rawUrl)) : '';

  const parts = ['curl', '-X', method];
  if (/[[\]{}]/.test(url)) parts.push('--globoff');
  parts.push(shellQuote(url));
  if (snapshot) {
    for (const entry of snapshot.headers) {
      if (!Array.isArray(entry) || typeof entry[0] !== 'string' || typeof entry[1] !== 'string') continue;
      const argument = headerArgument(entry[0], entry[1]);
      if (argument !== undefined) parts.push(argument);
    }
    if (snapshot.hadAuthorization === true) parts.push(AUTHORIZATION);
  } else {
    parts.push(`-H ${shellQuote('accept: application/json')}`, AUTHORIZATION);
  }
  return parts.join(' ');
}
