import { reasonPhrase } from '../texts/reason-phrase.js';
import { toApiError } from '../errors/to-api-error.js';

// Line breaks, other control characters and invisible marks: a value must never start a new line.
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]+/g;

function isoTime(epochMs: number | undefined): string | undefined {
  if (epochMs === undefined) return undefined;
  const date = new Date(epochMs);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function oneLine(value: string): string {
  return value.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
}

/** `/v1/orders?api_key=[redacted]` from a full URL; a relative or unparsable URL as it is. */
function pathOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return url;
  }
}

/**
 * A short plain-text block about a failure, for a person to paste into a support ticket. Any
 * thrown value is accepted (it goes through `toApiError` first). One `Label: value` line each,
 * in this order:
 *
 * - `Support ID`: the server's `support_id`, or `none`
 * - `Status`: the status and its meaning, such as `429 Too Many Requests` (`0 No Response`
 *   when no response arrived)
 * - `Kind`: the error's `kind`, such as `rate_limited`
 * - `Time`: when the failure was observed, ISO 8601 in UTC
 * - `Support ID valid until`: until when support keeps the ID (ISO 8601, UTC), or `none`
 * - `Request`: the method and path, query-string secrets shown as `[redacted]`
 * - `Ray ID`: Cloudflare's Ray ID, only when there is one
 *
 * The text holds no API key, no `Authorization` header and no request body; lines are joined
 * with `\n`, without trailing spaces or a final line break.
 *
 * @example
 * ```ts
 * formatErrorReport(error);
 * // Support ID: req_8f2a91
 * // Status: 429 Too Many Requests
 * // Kind: rate_limited
 * // Time: 2026-03-02T10:15:30.000Z
 * // Support ID valid until: 2026-03-09T10:15:30.000Z
 * // Request: GET /v1/orders?api_key=[redacted]
 * ```
 */
export function formatErrorReport(error: unknown): string {
  // `toApiError` checks every field, also of an error from another realm.
  const apiError = toApiError(error);
  const { supportId, status, kind, method, rayId } = apiError;
  const url = oneLine(pathOf(apiError.url));
  const expiresAt = isoTime(apiError.supportIdExpiresAt);

  const lines = [
    `Support ID: ${supportId ?? 'none'}`,
    `Status: ${status} ${reasonPhrase(status)}`,
    `Kind: ${kind}`,
    `Time: ${isoTime(apiError.receivedAt) ?? 'unknown'}`,
    `Support ID valid until: ${expiresAt ?? 'none'}`,
    url === '' ? `Request: ${method}` : `Request: ${method} ${url}`,
  ];
  if (rayId !== undefined) lines.push(`Ray ID: ${rayId}`);
  return lines.join('\n');
}
