import { cleanMessage, isValidSupportId } from './clean-text.js';
import { isRetryableKind, KIND_DESCRIPTIONS, kindForStatus, mayBeRateLimited, type ApiErrorKind } from './kinds.js';
import { redactUrl, redactUrlsInText } from './redact.js';

/** Who produced the failure: the API itself, its Cloudflare edge, or the client (no response). */
export type ApiErrorSource = 'api' | 'edge' | 'client';

/** How long support keeps a `support_id`: one week. */
export const SUPPORT_ID_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * The request that failed, kept for diagnostics (`formatCurl`). It never holds the
 * `Authorization` value, cookies, or query-string secrets.
 */
export interface RequestSnapshot {
  /** Upper-case HTTP method. */
  readonly method: string;
  /** The URL with secrets redacted. */
  readonly url: string;
  /** Request headers other than credentials, as sent. */
  readonly headers: ReadonlyArray<readonly [name: string, value: string]>;
  /** Whether an `Authorization` header was sent (its value is never kept). */
  readonly hadAuthorization: boolean;
}

/** What an {@link ApiError} is made from; everything is optional and cleaned on the way in. */
export interface ApiErrorInit {
  /**
   * HTTP status; `0` (the default) when there was no response. Kept when it is an error status
   * (400–599), or a status that is no error (200–399, which makes the kind `invalid_response`);
   * anything else becomes `0`.
   */
  status?: number;
  /**
   * For status 0, a kind of no response (`network`, `timeout`, `aborted`, `unknown`, the
   * default); for a 4xx other than 401 and 408, `rate_limited` when the answer was a rate limit
   * (a 403 with `Retry-After`, say). Otherwise each status has its own kind, so the
   * two always agree.
   */
  kind?: ApiErrorKind;
  /** Cleaned and capped; @default the kind's description */
  message?: string | undefined;
  /** Kept only when it is 1–128 characters of `[A-Za-z0-9._:-]`. */
  supportId?: string | undefined;
  /** How long the server asked to wait, in milliseconds. */
  retryAfterMs?: number | undefined;
  /** Whether trying again can succeed. @default whether the kind can succeed later (`timeout`, `rate_limited`, `server_error`, `unavailable`, `network`) */
  retryable?: boolean;
  /** `'api'` or `'edge'` for a response (@default `'api'`); always `'client'` when `status` is 0. */
  source?: ApiErrorSource;
  /** Cloudflare's Ray ID (`cf-ray`). */
  rayId?: string | undefined;
  /** Epoch ms; one a `Date` cannot hold (a week later included) is replaced. @default `Date.now()` */
  receivedAt?: number;
  /** The HTTP method, upper-cased when stored. @default `'GET'` */
  method?: string | undefined;
  /** Redacted before it is stored. @default `''` */
  url?: string | undefined;
  /** The original error (ky's `HTTPError`, a `TypeError`, …). */
  cause?: unknown;
  /** The failed request, for diagnostics. */
  request?: RequestSnapshot | undefined;
}

/** The plain object `ApiError#toJSON()` returns: safe to log, free of credentials. */
export interface ApiErrorJSON {
  /** Always `'ApiError'`. */
  name: 'ApiError';
  /** The error's `kind`: see {@link ApiError.kind}. */
  kind: ApiErrorKind;
  /** The error's `status`: see {@link ApiError.status}. */
  status: number;
  /** The error's `message`: the text for the person, already cleaned. */
  message: string;
  /** The error's `supportId`: see {@link ApiError.supportId}. */
  supportId: string | undefined;
  /** The error's `supportIdExpiresAt`: see {@link ApiError.supportIdExpiresAt}. */
  supportIdExpiresAt: number | undefined;
  /** The error's `retryAfterMs`: see {@link ApiError.retryAfterMs}. */
  retryAfterMs: number | undefined;
  /** The error's `retryable`: see {@link ApiError.retryable}. */
  retryable: boolean;
  /** The error's `source`: see {@link ApiError.source}. */
  source: ApiErrorSource;
  /** The error's `rayId`: see {@link ApiError.rayId}. */
  rayId: string | undefined;
  /** The error's `receivedAt`: see {@link ApiError.receivedAt}. */
  receivedAt: number;
  /** The error's `method`: see {@link ApiError.method}. */
  method: string;
  /** The error's `url`: see {@link ApiError.url}. */
  url: string;
}

const RAY_ID = /^[A-Za-z0-9-]{1,64}$/;

// The latest time a `Date` can hold, less the retention: `receivedAt` and `supportIdExpiresAt`
// must both be dates that can be shown.
const LATEST_TIME = 8.64e15 - SUPPORT_ID_RETENTION_MS;

function isShowableTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= LATEST_TIME;
}

// The kinds of a failure with no response at all: they go with status 0 and `source: 'client'`.
const CLIENT_KINDS: readonly ApiErrorKind[] = ['network', 'timeout', 'aborted', 'unknown'];

/**
 * A status and a kind that agree, whatever was given: an error status (400–599) has its own kind
 * (429 is `rate_limited`, 408 `timeout`, …), but a 4xx may be `rate_limited`; a status that is no error (200–399) comes only with
 * `invalid_response`; anything else is no response (status 0) with a client kind (`network`,
 * `timeout`, `aborted`, `unknown`).
 */
function agreeingStatusAndKind(givenStatus: unknown, givenKind: unknown): { status: number; kind: ApiErrorKind } {
  const status = typeof givenStatus === 'number' && Number.isInteger(givenStatus) ? givenStatus : 0;
  // A 4xx that is a rate limit (GitHub's 403 with `Retry-After`) may say so.
  if (givenKind === 'rate_limited' && mayBeRateLimited(status)) return { status, kind: givenKind };
  if (status >= 400 && status <= 599) return { status, kind: kindForStatus(status) };
  if (status >= 200 && status <= 399) return { status, kind: 'invalid_response' };
  return { status: 0, kind: CLIENT_KINDS.includes(givenKind as ApiErrorKind) ? (givenKind as ApiErrorKind) : 'unknown' };
}

/**
 * Every failure of a request made through the kit's client. `kind` says what went wrong,
 * `supportId` is what the person gives support (kept for one week, until
 * `supportIdExpiresAt`), `retryAfterMs` is the wait the server asked for.
 *
 * @example
 * ```ts
 * try {
 *   await client.get('orders').json();
 * } catch (error) {
 *   if (isApiError(error) && error.kind === 'rate_limited') {
 *     console.log(`try again in ${error.retryAfterMs} ms, support ID ${error.supportId}`);
 *   }
 * }
 * ```
 */
export class ApiError extends Error {
  // The fields are listed in the order `toJSON` gives them (the order they always had); the
  // constructor assigns each after its checks.
  /** Always `'ApiError'`, also after minification. */
  override readonly name: 'ApiError';
  /** HTTP status, or `0` when no response arrived. */
  readonly status: number;
  /** What went wrong. */
  readonly kind: ApiErrorKind;
  /** The server's reference for this failure, when it sent a usable one. */
  readonly supportId: string | undefined;
  /** Until when support can look up `supportId` (epoch ms): `receivedAt` + 7 days. */
  readonly supportIdExpiresAt: number | undefined;
  /** How long the server asked to wait before trying again, in milliseconds. */
  readonly retryAfterMs: number | undefined;
  /** Whether trying again later can succeed (408, 429, 5xx, network, timeout). */
  readonly retryable: boolean;
  /** Who answered: the API, its Cloudflare edge, or nobody (`client`). */
  readonly source: ApiErrorSource;
  /** Cloudflare's Ray ID, when the edge was involved. */
  readonly rayId: string | undefined;
  /** When the failure was observed (epoch ms). */
  readonly receivedAt: number;
  /** Upper-case HTTP method of the failed request. */
  readonly method: string;
  /** The request URL for display: no user info, query-string secrets redacted. */
  readonly url: string;
  /**
   * The failed request, for diagnostics; never holds credentials. Declared only: the constructor
   * defines it as a property that is not enumerable, kept out of spreads and structured logs.
   */
  declare readonly request: RequestSnapshot | undefined;

  constructor(init: ApiErrorInit = {}) {
    const { status, kind } = agreeingStatusAndKind(init.status, init.kind);
    const cleaned = cleanMessage(init.message);
    // Cleaned again after redaction, which can lengthen it past the cap.
    const message = cleaned === undefined ? undefined : cleanMessage(redactUrlsInText(cleaned));
    super(message ?? KIND_DESCRIPTIONS[kind], { cause: init.cause });
    const receivedAt = isShowableTime(init.receivedAt) ? init.receivedAt : Date.now();
    const supportId = isValidSupportId(init.supportId) ? init.supportId : undefined;
    const retryAfterMs = init.retryAfterMs;
    this.name = 'ApiError';
    this.status = status;
    this.kind = kind;
    this.supportId = supportId;
    this.supportIdExpiresAt = supportId === undefined ? undefined : receivedAt + SUPPORT_ID_RETENTION_MS;
    this.retryAfterMs = typeof retryAfterMs === 'number' && Number.isFinite(retryAfterMs) && retryAfterMs >= 0 ? Math.round(retryAfterMs) : undefined;
    this.retryable = typeof init.retryable === 'boolean' ? init.retryable : isRetryableKind(kind);
    this.source = status === 0 ? 'client' : init.source === 'edge' ? 'edge' : 'api';
    this.rayId = typeof init.rayId === 'string' && RAY_ID.test(init.rayId) ? init.rayId : undefined;
    this.receivedAt = receivedAt;
    this.method = typeof init.method === 'string' && /^[A-Za-z]{1,16}$/.test(init.method) ? init.method.toUpperCase() : 'GET';
    this.url = typeof init.url === 'string' ? redactUrl(init.url) : '';
    Object.defineProperty(this, 'request', { value: init.request, enumerable: false });
  }

  /** A plain object that is safe to log: no API key, no `Authorization` header, no query-string secrets. */
  toJSON(): ApiErrorJSON {
    // Built from the one list of the JSON's fields, which also rebuilds a look-alike (`toApiError`).
    return Object.fromEntries(API_ERROR_FIELDS.map((field) => [field, this[field]])) as unknown as ApiErrorJSON;
  }
}

/**
 * @internal The fields of {@link ApiErrorJSON}, in its order: what `toJSON` returns and what a
 * look-alike is rebuilt from.
 */
export const API_ERROR_FIELDS: ReadonlyArray<keyof ApiErrorJSON> = [
  'name',
  'kind',
  'status',
  'message',
  'supportId',
  'supportIdExpiresAt',
  'retryAfterMs',
  'retryable',
  'source',
  'rayId',
  'receivedAt',
  'method',
  'url',
];

/**
 * Whether a value is an {@link ApiError}. Works across realms (iframes, duplicated bundles)
 * by falling back to the error's shape when `instanceof` fails.
 */
export function isApiError(value: unknown): value is ApiError {
  if (typeof value !== 'object' || value === null) return false;
  // Guarded whole: `instanceof` runs a proxy's `getPrototypeOf` trap, which may throw.
  try {
    if (value instanceof ApiError) return true;
    const candidate = value as Partial<Record<keyof ApiError, unknown>>;
    return (
      candidate.name === 'ApiError' &&
      typeof candidate.kind === 'string' &&
      typeof candidate.status === 'number' &&
      typeof candidate.message === 'string'
    );
  } catch {
    return false;
  }
}
