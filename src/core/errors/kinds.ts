/**
 * What went wrong, as a stable name a UI can switch on.
 *
 * - `bad_request` 400, `unauthorized` 401, `forbidden` 403, `not_found` 404,
 *   `not_acceptable` 406, `timeout` 408 or no answer in time, `rate_limited` 429,
 *   `server_error` 500, 502, 504, 520–527 and other 5xx, `unavailable` 503,
 *   `client_error` other 4xx.
 * - `network`: no response at all (offline, DNS, connection reset, a CORS-blocked answer).
 * - `invalid_response`: a successful status whose body should be JSON and is not.
 * - `aborted`: the request was cancelled by its caller.
 * - `unknown`: anything else that was thrown.
 */
export type ApiErrorKind =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'not_acceptable'
  | 'timeout'
  | 'rate_limited'
  | 'server_error'
  | 'unavailable'
  | 'client_error'
  | 'network'
  | 'invalid_response'
  | 'aborted'
  | 'unknown';

const KIND_BY_STATUS: Readonly<Record<number, ApiErrorKind>> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  406: 'not_acceptable',
  408: 'timeout',
  429: 'rate_limited',
  503: 'unavailable',
};

/**
 * The kind of an HTTP error status.
 *
 * @example
 * kindForStatus(429); // 'rate_limited'
 * kindForStatus(522); // 'server_error' (a Cloudflare origin timeout)
 */
export function kindForStatus(status: number): ApiErrorKind {
  const known = KIND_BY_STATUS[status];
  if (known) return known;
  if (status >= 500 && status <= 599) return 'server_error';
  if (status >= 400 && status <= 499) return 'client_error';
  return 'unknown';
}

/**
 * @internal Whether an answer of this status may be a rate limit though its status says otherwise:
 * any 4xx but 401 (which has its own handling: fresh credentials) and 408 (a timeout). GitHub
 * answers its rate limits with 403.
 */
export function mayBeRateLimited(status: number): boolean {
  return status >= 400 && status <= 499 && status !== 401 && status !== 408;
}

const RETRYABLE_KINDS: readonly ApiErrorKind[] = ['timeout', 'rate_limited', 'server_error', 'unavailable', 'network'];

/** Whether a failure of this kind can succeed when tried again later (408, 429, 5xx, network, timeout). */
export function isRetryableKind(kind: ApiErrorKind): boolean {
  return RETRYABLE_KINDS.includes(kind);
}

/**
 * A short English description per kind: the message of an error whose server said nothing
 * usable. Components show their own translatable texts (`defaultMessages`).
 */
export const KIND_DESCRIPTIONS: Readonly<Record<ApiErrorKind, string>> = {
  bad_request: 'The request was not accepted. Check what was sent and try again.',
  unauthorized: 'You are not signed in, or your API key is missing or incorrect. Check the key or sign in again.',
  forbidden: 'You are signed in but do not have permission (or the scope) to do this.',
  not_found: 'What you asked for does not exist, or has been removed.',
  not_acceptable: 'The server cannot answer in the format that was asked for (JSON is required).',
  timeout: 'The server took too long to answer.',
  rate_limited: 'Too many requests in a short time. Please wait a moment before trying again.',
  server_error: 'Something went wrong on the server. It has been noted; trying again usually helps.',
  unavailable: 'The service is temporarily unavailable. Please try again shortly.',
  client_error: 'The request could not be completed.',
  network: 'The server could not be reached. Check your internet connection.',
  invalid_response: 'The server sent an answer that could not be read.',
  aborted: 'The request was cancelled.',
  unknown: 'Something unexpected went wrong.',
};

/** Every {@link ApiErrorKind}, in a stable order (handy for stories, tests and translations). */
// The descriptions' keys, which are written in this order: the names are not listed twice.
export const API_ERROR_KINDS: readonly ApiErrorKind[] = /* @__PURE__ */ Object.keys(KIND_DESCRIPTIONS) as ApiErrorKind[];
