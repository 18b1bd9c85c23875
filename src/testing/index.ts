/**
 * api-error-kit/testing: the failures an app must show well, for its own tests and stories, with
 * no server. {@link apiAnswer} is what the API (or its Cloudflare edge) answers, as a standard
 * `Response` that an MSW handler can return as it is; {@link apiError} is the `ApiError` the kit's
 * client makes of that answer, to render a component's error state directly. The kit's own tests
 * check that the two agree. Not part of the main entry: an app's production build never loads it.
 *
 * @example
 * ```tsx
 * import { apiAnswer, apiError } from 'api-error-kit/testing';
 *
 * // Testing Library or a story: the banner for a 429 that asks for 30 s.
 * render(<ApiErrorBanner error={apiError('rateLimited', { retryAfterSeconds: 30 })} />);
 *
 * // MSW: the API itself answers so, and the app's real client maps it.
 * server.use(http.get('https://api.example.com/v1/orders', () => apiAnswer('maintenance')));
 * ```
 * @packageDocumentation
 */
import { ApiError } from '../core/errors/ApiError.js';

/** The failures the fixtures know, each as the API or its edge really sends it. */
export type ApiErrorScenario =
  /** 400 with the API's JSON body. */
  | 'badRequest'
  /** 401 with the API's JSON body. */
  | 'unauthorized'
  /** 403 with the API's JSON body. */
  | 'forbidden'
  /** 404 with the API's JSON body. */
  | 'notFound'
  /** 429 with `Retry-After` (header and body field) and the API's JSON body. */
  | 'rateLimited'
  /** 500 with the API's JSON body. */
  | 'serverError'
  /** 503 with `Retry-After` and the API's JSON body saying it is down for maintenance. */
  | 'maintenance'
  /** 429 "1015: You are being rate limited", Cloudflare's HTML page, with `cf-ray`. */
  | 'cloudflareRateLimit'
  /** 502 "Bad gateway", Cloudflare's HTML page in place of the origin's answer, with `cf-ray`. */
  | 'cloudflareBadGateway'
  /** No response at all: offline, DNS, or a Cloudflare page without CORS headers. */
  | 'network'
  /** 200 with an HTML page where JSON was expected: a captive portal. */
  | 'invalidResponse';

/** What varies between two failures of one scenario. */
export interface ApiErrorFixtureOptions {
  /** The API's `support_id`. @default one per scenario, e.g. `sup-test-429` */
  supportId?: string;
  /** The API's `error` text (JSON scenarios). @default a realistic text per scenario */
  message?: string;
  /** The wait the server asks for, in seconds (`rateLimited`, `maintenance`, and `cloudflareRateLimit`, which has none by default). */
  retryAfterSeconds?: number;
  /** Cloudflare's Ray ID (Cloudflare scenarios). @default `8a1b2c3d4e5f6a7b-FRA` */
  rayId?: string;
  /** The failed request's method, for {@link apiError}. @default `'GET'` */
  method?: string;
  /** The failed request's URL, for {@link apiError}. @default `https://api.example.com/v1/orders` */
  url?: string;
  /** When the answer came, in epoch ms, for {@link apiError}. @default now */
  receivedAt?: number;
}

interface Scenario {
  status: number;
  /** The API's text; absent for the edge's pages and for no response. */
  text?: string;
  retryAfterSeconds?: number;
  page?: (rayId: string, status: number) => string;
}

const SCENARIOS: Readonly<Record<ApiErrorScenario, Scenario>> = {
  badRequest: { status: 400, text: 'quantity must be a positive integer' },
  unauthorized: { status: 401, text: 'The access token has expired' },
  forbidden: { status: 403, text: 'This account cannot see these orders' },
  notFound: { status: 404, text: 'No order with this ID' },
  rateLimited: { status: 429, text: 'Rate limit exceeded', retryAfterSeconds: 30 },
  serverError: { status: 500, text: 'Internal error' },
  maintenance: { status: 503, text: 'Down for maintenance', retryAfterSeconds: 120 },
  cloudflareRateLimit: { status: 429, page: (rayId) => cloudflarePage('Error 1015', 'You are being rate limited', rayId) },
  cloudflareBadGateway: { status: 502, page: (rayId, status) => cloudflarePage(`Error code ${status}`, 'Bad gateway', rayId) },
  network: { status: 0 },
  invalidResponse: { status: 200, page: () => '<!DOCTYPE html><html><head><title>Sign in to the Wi-Fi</title></head><body><form action="/login"></form></body></html>' },
};

const DEFAULT_RAY_ID = '8a1b2c3d4e5f6a7b-FRA';
const DEFAULT_URL = 'https://api.example.com/v1/orders';

function cloudflarePage(code: string, title: string, rayId: string): string {
  return `<!DOCTYPE html><html lang="en-US"><head><title>${title} | api.example.com | Cloudflare</title></head><body><div id="cf-wrapper"><h1><span class="cf-error-type">${title}</span> <span class="cf-error-code">${code}</span></h1><p>Cloudflare Ray ID: <strong>${rayId}</strong></p></div></body></html>`;
}

const supportIdOf = (scenario: ApiErrorScenario, options: ApiErrorFixtureOptions) => options.supportId ?? `sup-test-${SCENARIOS[scenario].status}`;
const waitOf = (scenario: ApiErrorScenario, options: ApiErrorFixtureOptions) => options.retryAfterSeconds ?? SCENARIOS[scenario].retryAfterSeconds;

/**
 * The answer of `scenario`, as a standard `Response`: the API's JSON body
 * `{status, error, support_id}` (with `retry_after` when it asks to wait), or Cloudflare's HTML
 * page with `cf-ray`; `Response.error()` for `network`. An MSW handler can return it as it is.
 */
export function apiAnswer(scenario: ApiErrorScenario, options: ApiErrorFixtureOptions = {}): Response {
  const { status, text, page } = SCENARIOS[scenario];
  if (status === 0) return Response.error();
  const wait = waitOf(scenario, options);
  const headers = new Headers(wait === undefined ? {} : { 'retry-after': String(wait) });
  if (page) {
    const rayId = options.rayId ?? DEFAULT_RAY_ID;
    headers.set('content-type', 'text/html; charset=UTF-8');
    if (status !== 200) headers.set('cf-ray', rayId);
    return new Response(page(rayId, status), { status, headers });
  }
  headers.set('content-type', 'application/json');
  const body = { status, error: options.message ?? text, support_id: supportIdOf(scenario, options), ...(wait === undefined ? {} : { retry_after: wait }) };
  return new Response(JSON.stringify(body), { status, headers });
}

/**
 * The `ApiError` the kit's client makes of {@link apiAnswer}'s answer for `scenario`: the same
 * kind, status, message, support ID, wait, source and Ray ID.
 */
export function apiError(scenario: ApiErrorScenario, options: ApiErrorFixtureOptions = {}): ApiError {
  const { status, text, page } = SCENARIOS[scenario];
  const wait = waitOf(scenario, options);
  const request = { method: options.method ?? 'GET', url: options.url ?? DEFAULT_URL, ...(options.receivedAt === undefined ? {} : { receivedAt: options.receivedAt }) };
  if (status === 0) return new ApiError({ kind: 'network', ...request });
  if (page) return new ApiError({ status, source: 'edge', rayId: status === 200 ? undefined : options.rayId ?? DEFAULT_RAY_ID, retryAfterMs: wait === undefined ? undefined : wait * 1000, ...request });
  return new ApiError({ status, message: options.message ?? text, supportId: supportIdOf(scenario, options), retryAfterMs: wait === undefined ? undefined : wait * 1000, ...request });
}

/** Every scenario, e.g. to render each error state in a test or a story. */
export const API_ERROR_SCENARIOS = Object.keys(SCENARIOS) as readonly ApiErrorScenario[];
