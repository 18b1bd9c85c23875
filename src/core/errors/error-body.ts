import type { ApiErrorSource } from './ApiError.js';
import { cleanMessage } from './clean-text.js';

/** What an error response's body and headers say, before it becomes an `ApiError`. */
export interface ErrorBodyInfo {
  /** The server's own message (uncleaned); absent for HTML pages. */
  message?: string | undefined;
  supportId?: unknown;
  rayId?: string | undefined;
  source: Exclude<ApiErrorSource, 'client'>;
  /** Cloudflare's JSON `retryable`, when it said. */
  retryable?: boolean | undefined;
}

type JsonObject = Record<string, unknown>;

// Pages are searched this far: Cloudflare's are a few kB; anything bigger is not worth scanning whole.
const HTML_SCAN_LIMIT = 256 * 1024;
// A tag, comment, doctype or processing instruction, complete or cut off at the end.
const MARKUP = /<[/!?]?[a-z][^<>]*(?:>|$)/i;
// What may precede a page's first `<` and still be invisible: white space, control and format characters.
const INVISIBLE_LEAD = /^[\s\u0000-\u001F\u007F-\u009F\u200B-\u200F\u2060\uFEFF]*/;
const PAGE_RAY_ID = /Ray ID:?\s*(?:<[^>]{0,200}>\s*){0,4}([0-9a-f]{16}(?:-[A-Z]{3})?)/i;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Whether a body is an HTML page: a `text/html` type, or text that starts with `<` or holds `<html`. */
export function isHtmlBody(data: unknown, headers: Headers): boolean {
  if (/\btext\/html\b/i.test(headers.get('content-type') ?? '')) return true;
  if (typeof data !== 'string') return false;
  const head = data.slice(0, HTML_SCAN_LIMIT);
  return head.replace(INVISIBLE_LEAD, '').startsWith('<') || /<html/i.test(head);
}

/**
 * A server's message, or `undefined` when it holds markup: judged as it would be shown (cleaned),
 * so no control character or line break before, inside or around a tag lets it through.
 */
function withoutMarkup(message: string | undefined): string | undefined {
  return message !== undefined && MARKUP.test(cleanMessage(message) ?? '') ? undefined : message;
}

function isCloudflareJson(body: JsonObject): boolean {
  return typeof body.error_code === 'number' || (typeof body.ray_id === 'string' && typeof body.error !== 'string');
}

// The shapes the API itself writes: `{status, error, support_id}`, RFC 9457
// problem details (`title`, `detail`) and `{error: {message}}`. Every response that passed
// Cloudflare carries `cf-ray`, so only a body in none of these shapes is the edge's.
function isApiBody(body: JsonObject): boolean {
  return (
    typeof body.error === 'string' ||
    'support_id' in body ||
    isObject(body.error) ||
    typeof body.title === 'string' ||
    typeof body.detail === 'string'
  );
}

function messageOf(body: JsonObject): string | undefined {
  if (isObject(body.error)) return text(body.error.message);
  // RFC 9457 problem details: the occurrence's `detail` says more than the type's `title`.
  return text(body.error) ?? text(body.detail) ?? text(body.title) ?? text(body.message);
}

function supportIdOf(body: JsonObject): unknown {
  if ('support_id' in body) return body.support_id;
  if (isObject(body.error) && 'support_id' in body.error) return body.error.support_id;
  return body.supportId;
}

/**
 * Reads what an error response says, from the body ky already parsed (`HTTPError.data`: an
 * object for JSON, a string for other text, `undefined` when empty or unreadable).
 *
 * Accepts the API's `{status, error, support_id}`, RFC 9457 problem+json (`title`,
 * `detail`), `{error: {message}}`, Cloudflare's JSON errors (`error_code`, `ray_id`,
 * `retryable`) and its HTML pages (whose markup is never kept, only the Ray ID).
 *
 * `source`: HTML pages and Cloudflare's JSON are the edge; so is a response from behind
 * Cloudflare (`cf-ray` or `server: cloudflare`) whose body is in none of the API's shapes (empty,
 * plain text, JSON with no recognisable error). A body in one of the API's shapes is the API's,
 * wherever it passed.
 */
export function readErrorBody(body: unknown, headers: Headers): ErrorBodyInfo {
  const data = jsonInText(body);
  const object = isObject(data) ? data : undefined;
  let rayId = headers.get('cf-ray') ?? undefined;
  const behindCloudflare = rayId !== undefined || /cloudflare/i.test(headers.get('server') ?? '');
  let info: ErrorBodyInfo;
  if (isHtmlBody(data, headers)) {
    info = { source: 'edge' };
    rayId ??= typeof data === 'string' ? PAGE_RAY_ID.exec(data.slice(0, HTML_SCAN_LIMIT))?.[1] : undefined;
  } else if (object && isCloudflareJson(object)) {
    info = {
      source: 'edge',
      message: text(object.detail) ?? text(object.title) ?? text(object.error_name),
      retryable: typeof object.retryable === 'boolean' ? object.retryable : undefined,
    };
    rayId ??= text(object.ray_id);
  } else {
    info = {
      source: behindCloudflare && !(object && isApiBody(object)) ? 'edge' : 'api',
      message: object ? messageOf(object) : text(data),
      supportId: object && supportIdOf(object),
    };
  }
  info.message = withoutMarkup(info.message);
  info.rayId = rayId?.trim();
  return info;
}

/** @internal Servers that send JSON under a wrong content type reach ky as text: read it as JSON after all. */
export function jsonInText(body: unknown): unknown {
  if (typeof body !== 'string' || body.length > HTML_SCAN_LIMIT || !body.trimStart().startsWith('{')) return body;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}
