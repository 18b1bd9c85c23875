import { delay, http, HttpResponse, type HttpHandler, type JsonBodyType } from 'msw';
import type { RequestLog } from './request-log.js';

/** Where the mocked API lives, relative to Storybook's own origin. */
export const API_PREFIX = '/api';

let supportCounter = 0;
/** A fresh support ID, shaped like the real API's. */
export function nextSupportId(): string {
  supportCounter += 1;
  return `sup_${Date.now().toString(36)}${supportCounter.toString(36).padStart(3, '0')}`;
}

/** The API's error body: `{status, error, support_id}` plus optional fields. */
export function errorBody(status: number, error: string, extra: Record<string, unknown> = {}) {
  return { status, error, support_id: nextSupportId(), ...extra };
}

function logged(log: RequestLog | undefined, request: Request, response: Response, body?: { support_id?: string }, note?: string) {
  log?.add({
    method: request.method,
    path: new URL(request.url).pathname,
    status: response.status,
    supportId: body?.support_id,
    ...(note === undefined ? {} : { note }),
  });
  return response;
}

/**
 * Answers `status` with the API's error body `{status, error, support_id}` (and optional headers)
 * on every request to `path`, after `delayMs` when given (a request that takes a moment).
 */
export function answerWith(
  path: string,
  status: number,
  error: string,
  options: { headers?: Record<string, string>; extra?: Record<string, unknown>; log?: RequestLog; delayMs?: number } = {},
): HttpHandler {
  return http.all(`${API_PREFIX}/${path}`, async ({ request }) => {
    if (options.delayMs !== undefined) await delay(options.delayMs);
    const body = errorBody(status, error, options.extra);
    return logged(options.log, request, HttpResponse.json(body, { status, headers: options.headers }), body);
  });
}

/** Rate-limits `path` `times` times (Retry-After in the body only, so CORS never hides it), then serves `data`. */
export function rateLimitedThenServed(path: string, data: JsonBodyType, { times = 2, retryAfterSeconds = 3, log }: { times?: number; retryAfterSeconds?: number; log?: RequestLog } = {}): HttpHandler {
  let seen = 0;
  return http.get(`${API_PREFIX}/${path}`, ({ request }) => {
    seen += 1;
    if (seen <= times) {
      const body = errorBody(429, 'Too many requests: slow down.', { retry_after: retryAfterSeconds });
      return logged(log, request, HttpResponse.json(body, { status: 429 }), body);
    }
    return logged(log, request, HttpResponse.json(data));
  });
}

/** Fails `failures` times with a 500, then serves `data`. */
export function flakyThenServed(path: string, data: JsonBodyType, { failures = 2, log }: { failures?: number; log?: RequestLog } = {}): HttpHandler {
  let seen = 0;
  return http.get(`${API_PREFIX}/${path}`, ({ request }) => {
    seen += 1;
    if (seen <= failures) {
      const body = errorBody(500, `Internal error while loading ${path}.`);
      return logged(log, request, HttpResponse.json(body, { status: 500 }), body);
    }
    return logged(log, request, HttpResponse.json(data));
  });
}

/** Answers 503 with `Retry-After` for `windowMs` after the first request, then serves `data`. */
export function maintenanceWindow(path: string, data: JsonBodyType, { windowMs = 6000, retryAfterSeconds = 3, log }: { windowMs?: number; retryAfterSeconds?: number; log?: RequestLog } = {}): HttpHandler {
  let startedAt: number | undefined;
  return http.get(`${API_PREFIX}/${path}`, ({ request }) => {
    startedAt ??= Date.now();
    if (Date.now() - startedAt < windowMs) {
      const body = errorBody(503, 'Scheduled maintenance: back in a few seconds.');
      return logged(log, request, HttpResponse.json(body, { status: 503, headers: { 'Retry-After': String(retryAfterSeconds) } }), body);
    }
    return logged(log, request, HttpResponse.json(data));
  });
}

/**
 * Several endpoints behind one quota: the first `burst` requests pass, the next one is answered
 * 429 with a Retry-After, and after the wait everything passes.
 */
export function sharedQuota(pattern: string, { burst = 1, retryAfterSeconds = 3, log }: { burst?: number; retryAfterSeconds?: number; log?: RequestLog } = {}): HttpHandler {
  let served = 0;
  let limitedUntil = 0;
  let limitedOnce = false;
  return http.get(`${API_PREFIX}/${pattern}`, ({ request, params }) => {
    const now = Date.now();
    if (now < limitedUntil || (!limitedOnce && served >= burst)) {
      limitedOnce = true;
      limitedUntil = Math.max(limitedUntil, now + retryAfterSeconds * 1000);
      const body = errorBody(429, 'Too many requests for this API key.');
      const headers = { 'Retry-After': String(Math.ceil((limitedUntil - now) / 1000)) };
      return logged(log, request, HttpResponse.json(body, { status: 429, headers }), body);
    }
    served += 1;
    return logged(log, request, HttpResponse.json({ name: params.name, served }));
  });
}

/** A POST that fails once with 502 and then succeeds, remembering idempotency keys so a replay is answered from memory. */
export function idempotentCreate(path: string, { log }: { log?: RequestLog } = {}): HttpHandler {
  const done = new Map<string, JsonBodyType>();
  let seen = 0;
  return http.post(`${API_PREFIX}/${path}`, async ({ request }) => {
    seen += 1;
    const key = request.headers.get('idempotency-key') ?? undefined;
    await delay(150);
    if (key && done.has(key)) return logged(log, request, HttpResponse.json(done.get(key), { status: 200 }), undefined, `replayed ${key.slice(0, 8)}`);
    if (seen % 2 === 1) {
      const body = errorBody(502, 'Bad gateway');
      return logged(log, request, HttpResponse.json(body, { status: 502 }), body, key ? `key ${key.slice(0, 8)}` : 'no key');
    }
    const sent = (await request.json().catch(() => ({}))) as Record<string, JsonBodyType>;
    const created = { id: `ord_${seen}`, ...sent };
    if (key) done.set(key, created);
    return logged(log, request, HttpResponse.json(created, { status: 201 }), undefined, key ? `key ${key.slice(0, 8)}` : 'no key');
  });
}

/** A Cloudflare rate-limit page (error 1015): HTML, with the Ray ID in a header and in the page. */
export function cloudflareHtml(path: string, { status = 429, rayId = '8a1b2c3d4e5f6a7b-FRA', log }: { status?: number; rayId?: string; log?: RequestLog } = {}): HttpHandler {
  return http.all(`${API_PREFIX}/${path}`, ({ request }) => {
    const page = `<!DOCTYPE html><html><head><title>Access denied | Error 1015</title></head><body><h1>Error 1015</h1><p>You are being rate limited</p><p>Cloudflare Ray ID: <strong>${rayId.split('-')[0]}</strong></p></body></html>`;
    return logged(log, request, new HttpResponse(page, { status, headers: { 'content-type': 'text/html; charset=UTF-8', 'cf-ray': rayId, server: 'cloudflare' } }));
  });
}

/** Serves `data` on `path`. */
export function served(path: string, data: JsonBodyType, { log }: { log?: RequestLog } = {}): HttpHandler {
  return http.get(`${API_PREFIX}/${path}`, ({ request }) => logged(log, request, HttpResponse.json(data)));
}

/**
 * Answers 503 without `Retry-After` (nobody knows when it ends) on every path under `pattern` for
 * `outageMs` after the first request, then serves `data`. Only the served requests are logged:
 * how many probes an outage takes depends on timing, and the log's length must not.
 */
export function outageThenServed(pattern: string, data: JsonBodyType, { outageMs = 4000, log }: { outageMs?: number; log?: RequestLog } = {}): HttpHandler {
  let startedAt: number | undefined;
  return http.get(`${API_PREFIX}/${pattern}`, ({ request }) => {
    startedAt ??= Date.now();
    if (Date.now() - startedAt < outageMs) {
      return HttpResponse.json(errorBody(503, 'The service is unavailable.'), { status: 503 });
    }
    return logged(log, request, HttpResponse.json(data));
  });
}
