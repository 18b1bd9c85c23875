import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, createApiClient, formatCurl, formatErrorReport, isApiError } from '../../src/core/index.js';
// Internal: the mapping's own table, fallback texts and limits, which the public API does not name.
import { MAX_MESSAGE_LENGTH } from '../../src/core/errors/clean-text.js';
import { KIND_DESCRIPTIONS, kindForStatus } from '../../src/core/errors/kinds.js';
import { MAX_RETRY_AFTER_MS } from '../../src/core/retry/rate-limit-headers.js';
import { startFaultServer, type FaultServer } from '../support/fault-server.js';

const ERROR_RUNS = 100;
const SUCCESS_RUNS = 60;
const API_KEY = 'sk_prop_5d8e2a6f0c41b9';
const QUERY_SECRET = 'qs_prop_secret_7a31';
const SUPPORT_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const RAY_ID = /^[A-Za-z0-9-]{1,64}$/;
const CONTROL = /[\p{Cc}\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/u;

interface ResponseSpec {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

const encode = (text: string) => new TextEncoder().encode(text);
const anyText = fc.string({ unit: 'binary', maxLength: 200 });
const headerValue = fc.stringMatching(/^[\x21-\x7E]([\x20-\x7E]{0,60}[\x21-\x7E])?$/);
// Framing headers are left out: a wrong Content-Length only makes the client wait for bytes.
const FRAMING = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'upgrade', 'trailer', 'te', 'host', 'content-type']);
const headerName = fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/).filter((name) => !FRAMING.has(name));

const contentType = fc.option(
  fc.oneof(
    fc.constantFrom(
      'application/json',
      'application/json; charset=utf-8',
      'application/problem+json',
      'text/html; charset=UTF-8',
      'text/plain',
      'application/octet-stream',
      'TEXT/HTML',
    ),
    headerValue,
  ),
  { nil: undefined },
);

const interestingHeader: fc.Arbitrary<[string, string]> = fc.oneof(
  fc.tuple(fc.constant('retry-after'), fc.oneof(headerValue, fc.integer({ min: -10, max: 1e12 }).map(String), fc.date({ noInvalidDate: true }).map((d) => d.toUTCString()))),
  fc.tuple(fc.constant('cf-ray'), fc.oneof(headerValue, fc.constant('8a1b2c3d4e5f6a7b-FRA'))),
  fc.tuple(fc.constant('server'), fc.constantFrom('cloudflare', 'nginx', 'Cloudflare-Edge')),
  fc.tuple(fc.constant('date'), fc.oneof(headerValue, fc.date({ noInvalidDate: true }).map((d) => d.toUTCString()))),
  fc.tuple(fc.constantFrom('ratelimit-remaining', 'x-ratelimit-remaining', 'ratelimit-reset', 'x-ratelimit-reset'), fc.oneof(headerValue, fc.nat().map(String))),
  fc.tuple(fc.constant('ratelimit'), fc.oneof(headerValue, fc.tuple(fc.nat(3), fc.nat(100_000)).map(([r, t]) => `"default";r=${r};t=${t}`))),
  fc.tuple(fc.constant('content-encoding'), fc.constantFrom('gzip', 'br', 'deflate', 'identity', 'x-unknown')),
);

const headers = fc
  .tuple(fc.uniqueArray(fc.oneof(interestingHeader, fc.tuple(headerName, headerValue)), { maxLength: 8, selector: ([name]) => name }), contentType)
  .map(([pairs, type]) => {
    const result: Record<string, string> = Object.fromEntries(pairs);
    if (type !== undefined) result['content-type'] = type;
    return result;
  });

const jsonBody = fc
  .record(
    {
      status: fc.oneof(fc.integer(), anyText),
      error: fc.oneof(anyText, fc.record({ message: anyText, support_id: fc.anything() })),
      support_id: fc.oneof(fc.stringMatching(/^[A-Za-z0-9._:-]{1,140}$/), anyText, fc.anything()),
      detail: anyText,
      title: anyText,
      message: anyText,
      retry_after: fc.oneof(fc.double(), anyText, fc.integer()),
      retryAfter: fc.anything(),
      error_code: fc.integer(),
      ray_id: anyText,
      retryable: fc.boolean(),
    },
    { requiredKeys: [] },
  )
  .map((body) => encode(JSON.stringify(body)));

const htmlBody = fc
  .tuple(anyText, fc.option(fc.stringMatching(/^[0-9a-f]{16}$/), { nil: undefined }))
  .map(([inner, ray]) => encode(`<!DOCTYPE html><html><head><title>${inner}</title></head><body>${inner}${ray ? `<span>Ray ID: ${ray}</span>` : ''}</body></html>`));

const body = fc.oneof(
  fc.uint8Array({ maxLength: 2000 }),
  jsonBody,
  htmlBody,
  anyText.map(encode),
  fc.tuple(fc.string({ minLength: 1, maxLength: 6 }), fc.integer({ min: 1000, max: 30_000 })).map(([unit, times]) => encode(unit.repeat(times))),
  fc.constant(new Uint8Array()),
);

function errorResponse(): fc.Arbitrary<ResponseSpec> {
  return fc.record({ status: fc.integer({ min: 400, max: 599 }), headers, body });
}

/** Whether the kit calls this body an HTML page: a text/html type, or text starting with `<` or holding `<html`. */
function looksLikeHtml(spec: ResponseSpec): boolean {
  if (/\btext\/html\b/i.test(spec.headers['content-type'] ?? '')) return true;
  const text = new TextDecoder().decode(spec.body);
  return text.trimStart().startsWith('<') || /<html[\s>]/i.test(text);
}

function isCompressed(spec: ResponseSpec): boolean {
  return ['gzip', 'br', 'deflate'].includes(spec.headers['content-encoding'] ?? '');
}

function checkCommon(error: ApiError): void {
  expect(isApiError(error)).toBe(true);
  expect(error).toBeInstanceOf(ApiError);
  expect(error.message.length).toBeGreaterThan(0);
  expect(error.message.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
  expect(error.message).not.toMatch(CONTROL);
  if (error.supportId !== undefined) expect(error.supportId).toMatch(SUPPORT_ID);
  if (error.rayId !== undefined) expect(error.rayId).toMatch(RAY_ID);
  if (error.retryAfterMs !== undefined) {
    expect(Number.isInteger(error.retryAfterMs)).toBe(true);
    expect(error.retryAfterMs).toBeGreaterThanOrEqual(0);
    expect(error.retryAfterMs).toBeLessThanOrEqual(MAX_RETRY_AFTER_MS);
  }
  expect(error.url).not.toContain(QUERY_SECRET);
  for (const output of [error.message, JSON.stringify(error), String(error), formatErrorReport(error), formatCurl(error)]) {
    expect(output).not.toContain(API_KEY);
    expect(output).not.toContain(QUERY_SECRET);
  }
}

describe('errors mapped from arbitrary responses of a real server', { timeout: 30_000 }, () => {
  let server: FaultServer;
  let current: ResponseSpec;

  beforeAll(async () => {
    server = await startFaultServer({
      '/v1/anything': (_request, response) => {
        response.writeHead(current.status, current.headers);
        response.end(current.body);
      },
    });
  });

  afterAll(async () => {
    await server.close();
  });

  // The console hints for 4xx answers are dev-hints.test.ts's subject; here they would only print.
  const client = () => createApiClient({ prefix: `${server.url}/v1`, apiKey: API_KEY, gate: false, retryBudget: false, timeout: 3000, devHints: false });

  it('maps every 4xx and 5xx answer to a clean ApiError that keeps the status', async () => {
    const api = client();
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(errorResponse(), async (spec) => {
        runs += 1;
        current = spec;
        const error = await api
          .get('anything', { searchParams: { api_key: QUERY_SECRET } })
          .json()
          .then(
            () => undefined,
            (thrown: unknown) => thrown as ApiError,
          );
        expect(error).toBeDefined();
        checkCommon(error!);
        if (spec.status === 407) {
          // Fetch turns a 407 into a network error by specification: no response reaches the client.
          expect([error!.status, error!.kind]).toEqual([0, 'network']);
          return;
        }
        if (isCompressed(spec) && error!.kind === 'network') {
          // A body that does not decompress can fail the fetch itself (undici does so for a 421).
          expect(error!.status).toBe(0);
          return;
        }
        expect(error!.status).toBe(spec.status);
        if (error!.kind !== kindForStatus(spec.status)) {
          // A 4xx that asks for a wait is a rate limit, with the wait it asked for.
          expect([error!.kind, Math.floor(spec.status / 100)]).toEqual(['rate_limited', 4]);
          expect(error!.retryAfterMs).toBeDefined();
        }
        expect(['api', 'edge']).toContain(error!.source);
        // The markup of a page is never the message.
        if (looksLikeHtml(spec)) expect(error!.message).toBe(KIND_DESCRIPTIONS[error!.kind]);
      }),
      { numRuns: ERROR_RUNS },
    );
    expect(runs).toBe(ERROR_RUNS);
  });

  it('resolves a 2xx answer with JSON and rejects any other 2xx body as invalid_response with its status', async () => {
    const api = client();
    let runs = 0;
    const success = fc.record({ status: fc.integer({ min: 200, max: 299 }).filter((s) => s !== 204 && s !== 205), headers, body });
    await fc.assert(
      fc.asyncProperty(success, async (spec) => {
        runs += 1;
        current = spec;
        const outcome = await api
          .get('anything', { searchParams: { api_key: QUERY_SECRET } })
          .json()
          .then(
            (data: unknown) => ({ data }),
            (thrown: unknown) => ({ error: thrown as ApiError }),
          );
        if ('error' in outcome) {
          checkCommon(outcome.error);
          if (isCompressed(spec) && outcome.error.kind === 'network') {
            // A body that does not decompress fails while it is read, like a cut connection.
            expect(outcome.error.status).toBe(0);
            return;
          }
          expect(outcome.error.kind).toBe('invalid_response');
          expect(outcome.error.status).toBe(spec.status);
          expect(outcome.error.retryable).toBe(false);
        }
      }),
      { numRuns: SUCCESS_RUNS },
    );
    expect(runs).toBe(SUCCESS_RUNS);
  });
});
