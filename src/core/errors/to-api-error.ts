import { API_ERROR_FIELDS, ApiError, isApiError, type ApiErrorInit, type RequestSnapshot } from './ApiError.js';
import { jsonInText, readErrorBody } from './error-body.js';
import { redactSecrets, redactUrl } from './redact.js';
import { isRateLimitAnswer } from '../retry/rate-limit-answer.js';
import { retryAfterFromResponse } from '../retry/rate-limit-headers.js';

/** Extra knowledge the client has when it maps a failure. */
export interface ToApiErrorContext {
  /** Values (such as the API key) to replace with `[redacted]` if the server echoes them. */
  secrets?: Iterable<string>;
  /** The request, when the thrown value does not carry one. */
  request?: Request;
  /** Without a request (it failed before one was built): the method it was for, for display. */
  method?: string;
  /** Without a request: the URL it was for, for display (redacted when stored). */
  url?: string;
  /** When the failure was observed (epoch ms). @default Date.now() */
  now?: number;
}

// Property reads on a thrown value are guarded: it may be a proxy or have throwing getters.
function read(value: unknown, key: string): unknown {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return undefined;
  try {
    return (value as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

function isRequest(value: unknown): value is Request {
  return typeof read(value, 'url') === 'string' && typeof read(value, 'method') === 'string' && read(value, 'headers') instanceof Headers;
}

function isResponse(value: unknown): value is Response {
  return typeof read(value, 'status') === 'number' && read(value, 'headers') instanceof Headers;
}

const NETWORK_MESSAGES = /^(?:Failed to fetch|fetch failed|terminated|network error|Network request failed|Load failed|NetworkError when attempting to fetch resource\.|The Internet connection appears to be offline\.|Network connection lost)/i;

/** Whether a thrown value is an abort (an `AbortError`, or a signal's reason). */
export function isAbortError(value: unknown, signal?: AbortSignal | null): boolean {
  if (signal?.aborted && value === signal.reason) return true;
  return read(value, 'name') === 'AbortError';
}

/** A request's description for diagnostics, without credentials or query-string secrets. */
function snapshotRequest(request: Request): RequestSnapshot {
  const headers: Array<[string, string]> = [];
  let hadAuthorization = false;
  request.headers.forEach((value, name) => {
    if (name === 'authorization') hadAuthorization = true;
    else if (name !== 'cookie' && name !== 'proxy-authorization') headers.push([name, value]);
  });
  return { method: request.method.toUpperCase(), url: redactUrl(request.url), headers, hadAuthorization };
}

function requestFields(request: Request | undefined, context: ToApiErrorContext): Pick<ApiErrorInit, 'method' | 'url' | 'request'> {
  if (!request) return { method: context.method, url: context.url };
  return { method: request.method, url: request.url, request: snapshotRequest(request) };
}

function messageOfThrown(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  const message = read(value, 'message');
  return typeof message === 'string' ? message : undefined;
}

function fromResponse(response: Response, data: unknown, request: Request | undefined, context: ToApiErrorContext, cause: unknown): ApiError {
  const now = context.now ?? Date.now();
  const body = jsonInText(data);
  const info = readErrorBody(body, response.headers);
  const secrets = [...(context.secrets ?? [])];
  // A server that echoes the key where an ID belongs must not get it shown as one.
  const notSecret = (value: unknown) => (typeof value === 'string' && secrets.includes(value) ? undefined : value);
  // No kind: ApiError gives the status its own (`invalid_response` for a status that is no error).
  const init: ApiErrorInit = {
    status: response.status,
    // A 4xx that asks for a wait is a rate limit, whatever its status: saying "no permission" would not be true.
    kind: isRateLimitAnswer(response.status, response.headers) ? 'rate_limited' : undefined,
    message: info.message === undefined ? undefined : redactSecrets(info.message, secrets),
    supportId: notSecret(info.supportId) as string | undefined,
    retryAfterMs: retryAfterFromResponse(response.headers, body, now),
    source: info.source,
    rayId: notSecret(info.rayId) as string | undefined,
    receivedAt: now,
    // Only Cloudflare's `retryable: false` overrides the kind's own answer.
    retryable: info.retryable === false ? false : undefined,
    cause,
    ...requestFields(request, context),
  };
  if (!request && typeof response.url === 'string') init.url = response.url;
  return new ApiError(init);
}

/**
 * Turns anything thrown into an {@link ApiError}, and never throws itself. An `ApiError` comes
 * back as the same object; ky's `HTTPError`, `TimeoutError` and `NetworkError`, fetch's own
 * network `TypeError`s and aborts are mapped to their kinds; anything else is `unknown`, with
 * the original value as `cause`.
 *
 * @example
 * ```ts
 * const error = toApiError(thrown);
 * showBanner(error.kind, error.message, error.supportId);
 * ```
 */
export function toApiError(value: unknown, context: ToApiErrorContext = {}): ApiError {
  try {
    return mapThrown(value, context);
  } catch {
    // Mapping must never be the thing that fails; the cause stays what was thrown.
    return new ApiError({ kind: 'unknown', cause: value });
  }
}

function rebuild(value: object): ApiError {
  // Every field of `toJSON`, read guarded; the constructor checks each and ignores the rest.
  const init = Object.fromEntries(API_ERROR_FIELDS.map((field) => [field, read(value, field)])) as ApiErrorInit;
  return new ApiError({ ...init, cause: value });
}

function mapThrown(value: unknown, context: ToApiErrorContext): ApiError {
  if (value instanceof ApiError) return value;
  // Shaped like one but not of this copy of the kit (another realm, a JSON round trip, a
  // hand-made object): rebuilt from its fields, each checked, so no reader trusts a bad one.
  if (isApiError(value)) return rebuild(value);
  const name = read(value, 'name');

  const carried = read(value, 'request');
  const request = isRequest(carried) ? carried : context.request;
  const response = read(value, 'response');
  if (name === 'HTTPError' && isResponse(response)) {
    return fromResponse(response, read(value, 'data'), request, context, value);
  }
  // No response: status 0, which makes the source `client`.
  const message = messageOfThrown(value);
  const kind =
    name === 'AbortError'
      ? 'aborted'
      : name === 'TimeoutError'
        ? 'timeout'
        : name === 'NetworkError' || (name === 'TypeError' && NETWORK_MESSAGES.test(message ?? ''))
          ? 'network'
          : 'unknown';
  // Only an unknown failure keeps what it said: the others have their kind's description.
  return new ApiError({
    receivedAt: context.now ?? Date.now(),
    cause: value,
    ...requestFields(request, context),
    kind,
    message: kind === 'unknown' && message !== undefined ? redactSecrets(message, context.secrets ?? []) : undefined,
  });
}

/**
 * The error for a successful response whose body should be JSON and is not (a captive
 * portal's login page, say): kind `invalid_response`, keeping the response's status.
 */
export function invalidResponseError(response: Response, text: string, request: Request | undefined, cause: unknown): ApiError {
  const info = readErrorBody(text, response.headers);
  return new ApiError({
    status: response.status,
    kind: 'invalid_response',
    source: info.source,
    rayId: info.rayId,
    retryable: false,
    cause,
    ...requestFields(request, {}),
  });
}
