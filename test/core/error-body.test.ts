import { describe, expect, it } from 'vitest';
// Internal: the body reader on its own, for shapes a real response rarely takes; the client tests cover it end to end.
import { isHtmlBody, readErrorBody } from '../../src/core/errors/error-body.js';
import { cloudflare1015Page, cloudflare5xxPage, cloudflareJsonError } from '../support/cloudflare-pages.js';

const json = new Headers({ 'content-type': 'application/json' });

describe('readErrorBody with JSON bodies', () => {
  it('reads the API error body {status, error, support_id}', () => {
    expect(readErrorBody({ status: 404, error: 'Order not found', support_id: 'sup_1' }, json)).toEqual({
      source: 'api',
      message: 'Order not found',
      supportId: 'sup_1',
    });
  });

  it('reads RFC 9457 problem details, preferring detail over title', () => {
    const headers = new Headers({ 'content-type': 'application/problem+json' });
    expect(readErrorBody({ type: 'about:blank', title: 'Bad Request', status: 400, detail: 'Field "qty" must be positive' }, headers)).toEqual({
      source: 'api',
      message: 'Field "qty" must be positive',
    });
    expect(readErrorBody({ type: 'about:blank', title: 'Forbidden', status: 403 }, headers).message).toBe('Forbidden');
  });

  it('reads {error: {message}} and a support_id nested in it', () => {
    expect(readErrorBody({ error: { message: 'Token expired', support_id: 'nested-1' } }, json)).toEqual({
      source: 'api',
      message: 'Token expired',
      supportId: 'nested-1',
    });
  });

  it('reads a body with only a message or a supportId', () => {
    expect(readErrorBody({ message: 'plain message' }, json)).toEqual({ source: 'api', message: 'plain message' });
    expect(readErrorBody({ supportId: 'camel' }, json)).toEqual({ source: 'api', supportId: 'camel' });
  });

  it('passes the support_id on uncleaned: ApiError decides whether to keep it', () => {
    expect(readErrorBody({ error: 'x', support_id: 42 }, json).supportId).toBe(42);
  });

  it('reads JSON that arrived under a wrong content type', () => {
    const text = new Headers({ 'content-type': 'text/plain' });
    expect(readErrorBody('{"status":500,"error":"db down","support_id":"s-9"}', text)).toEqual({
      source: 'api',
      message: 'db down',
      supportId: 's-9',
    });
  });

  it('treats Cloudflare JSON errors as the edge, with their Ray ID and retryable flag', () => {
    const info = readErrorBody(cloudflareJsonError('8a1b2c3d4e5f6a7b'), new Headers({ 'content-type': 'application/json' }));
    expect(info).toEqual({
      source: 'edge',
      message: 'You are being rate limited by the website owner.',
      rayId: '8a1b2c3d4e5f6a7b',
      retryable: true,
    });
    const notRetryable = readErrorBody(cloudflareJsonError('8a1b2c3d4e5f6a7b', { retryable: false, error_code: 1020 }), json);
    expect(notRetryable.retryable).toBe(false);
  });

  it('prefers the cf-ray header over the body ray_id', () => {
    const headers = new Headers({ 'content-type': 'application/json', 'cf-ray': '8a1b2c3d4e5f6a7b-FRA' });
    expect(readErrorBody(cloudflareJsonError('0000000000000000'), headers).rayId).toBe('8a1b2c3d4e5f6a7b-FRA');
  });

  it('keeps the API as the source of an API body that passed through Cloudflare', () => {
    const headers = new Headers({ 'content-type': 'application/json', server: 'cloudflare', 'cf-ray': '8a1b2c3d4e5f6a7b-LHR' });
    expect(readErrorBody({ status: 429, error: 'slow down', support_id: 'a' }, headers)).toEqual({
      source: 'api',
      message: 'slow down',
      supportId: 'a',
      rayId: '8a1b2c3d4e5f6a7b-LHR',
    });
  });

  it('calls a body in none of the API shapes from behind Cloudflare the edge', () => {
    const headers = new Headers({ 'content-type': 'application/json', server: 'cloudflare' });
    expect(readErrorBody({ message: 'A server error occurred.' }, headers).source).toBe('edge');
  });
});

describe('readErrorBody with HTML pages', () => {
  it('never keeps markup as the message and reads the Ray ID from the page', () => {
    const info = readErrorBody(cloudflare5xxPage(502, '8a1b2c3d4e5f6a7b'), new Headers({ 'content-type': 'text/html; charset=UTF-8' }));
    expect(info).toEqual({ source: 'edge', rayId: '8a1b2c3d4e5f6a7b' });
  });

  it('reads the Ray ID from the 1015 page and prefers the cf-ray header when present', () => {
    const page = cloudflare1015Page('1234567890abcdef');
    expect(readErrorBody(page, new Headers({ 'content-type': 'text/html' })).rayId).toBe('1234567890abcdef');
    expect(readErrorBody(page, new Headers({ 'content-type': 'text/html', 'cf-ray': '8a1b2c3d4e5f6a7b-SIN' })).rayId).toBe('8a1b2c3d4e5f6a7b-SIN');
  });

  it('recognises HTML by its content type, a leading < or an <html tag', () => {
    const plain = new Headers({ 'content-type': 'text/plain' });
    expect(isHtmlBody(undefined, new Headers({ 'content-type': 'text/html' }))).toBe(true);
    expect(isHtmlBody('  \n<!doctype html><p>hi', plain)).toBe(true);
    expect(isHtmlBody('Error page follows: <html><body>x</body></html>', plain)).toBe(true);
    // Cut off right after the tag's name, as a truncated page can be.
    expect(isHtmlBody('Bad gateway <html', plain)).toBe(true);
    expect(isHtmlBody('<?xml version="1.0"?><error/>', plain)).toBe(true);
    expect(isHtmlBody('error code: 502', plain)).toBe(false);
    expect(isHtmlBody({ error: '<html>' }, json)).toBe(false);
  });

  it('treats an HTML page with an empty body type as the edge without a Ray ID', () => {
    expect(readErrorBody('<html><body>Bad gateway</body></html>', new Headers())).toEqual({ source: 'edge' });
  });
});

describe('readErrorBody with text and empty bodies', () => {
  it('keeps a non-HTML, non-JSON body as the message', () => {
    expect(readErrorBody('Service temporarily down for maintenance', new Headers({ 'content-type': 'text/plain' }))).toEqual({
      source: 'api',
      message: 'Service temporarily down for maintenance',
    });
  });

  it('calls Cloudflare\'s 16-byte plain-text page the edge', () => {
    expect(readErrorBody('error code: 502', new Headers({ 'content-type': 'text/plain', 'cf-ray': '8a1b2c3d4e5f6a7b-CDG' }))).toEqual({
      source: 'edge',
      message: 'error code: 502',
      rayId: '8a1b2c3d4e5f6a7b-CDG',
    });
  });

  it('says nothing but the source for an empty or unreadable body', () => {
    expect(readErrorBody(undefined, json)).toEqual({ source: 'api' });
    expect(readErrorBody(undefined, new Headers({ server: 'cloudflare' }))).toEqual({ source: 'edge' });
  });

  it('ignores JSON that is not an object', () => {
    expect(readErrorBody(['error'], json)).toEqual({ source: 'api' });
    expect(readErrorBody(42, json)).toEqual({ source: 'api' });
    expect(readErrorBody(null, json)).toEqual({ source: 'api' });
  });

  it('keeps truncated JSON in a text body as text', () => {
    expect(readErrorBody('{"status":500,"error":"cut', new Headers({ 'content-type': 'text/plain' })).message).toBe('{"status":500,"error":"cut');
  });
});
