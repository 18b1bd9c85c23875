import { describe, expect, it } from 'vitest';
// Internal: the kind table and the reason phrases, tested on their own; through the public API they are ApiError's kind and retryable and the report's status line.
import { API_ERROR_KINDS, isRetryableKind, KIND_DESCRIPTIONS, kindForStatus } from '../../src/core/errors/kinds.js';
import { reasonPhrase } from '../../src/core/texts/reason-phrase.js';

describe('kindForStatus', () => {
  it('maps every status the API answers with to its own kind', () => {
    expect(kindForStatus(400)).toBe('bad_request');
    expect(kindForStatus(401)).toBe('unauthorized');
    expect(kindForStatus(403)).toBe('forbidden');
    expect(kindForStatus(404)).toBe('not_found');
    expect(kindForStatus(406)).toBe('not_acceptable');
    expect(kindForStatus(408)).toBe('timeout');
    expect(kindForStatus(429)).toBe('rate_limited');
    expect(kindForStatus(500)).toBe('server_error');
    expect(kindForStatus(502)).toBe('server_error');
    expect(kindForStatus(503)).toBe('unavailable');
    expect(kindForStatus(504)).toBe('server_error');
  });

  it('maps Cloudflare 520 to 527 to server_error', () => {
    for (let status = 520; status <= 527; status += 1) expect(kindForStatus(status)).toBe('server_error');
  });

  it('maps other 4xx to client_error and other 5xx to server_error', () => {
    for (const status of [402, 405, 407, 409, 410, 411, 412, 413, 415, 418, 422, 425, 426, 428, 431, 451, 499]) {
      expect(kindForStatus(status)).toBe('client_error');
    }
    for (const status of [501, 505, 506, 507, 508, 510, 511, 530, 598, 599]) {
      expect(kindForStatus(status)).toBe('server_error');
    }
  });

  it('maps statuses outside 4xx and 5xx to unknown', () => {
    for (const status of [0, 100, 200, 204, 304, 399, 600, 999]) expect(kindForStatus(status)).toBe('unknown');
  });
});

describe('isRetryableKind', () => {
  it('retries only what can succeed later: timeout, rate_limited, server_error, unavailable, network', () => {
    const retryable = API_ERROR_KINDS.filter(isRetryableKind);
    expect(retryable).toEqual(['timeout', 'rate_limited', 'server_error', 'unavailable', 'network']);
  });
});

describe('API_ERROR_KINDS and KIND_DESCRIPTIONS', () => {
  it('lists each kind once, each with a non-empty description free of markup', () => {
    expect(new Set(API_ERROR_KINDS).size).toBe(API_ERROR_KINDS.length);
    expect(API_ERROR_KINDS).toHaveLength(14);
    expect(Object.keys(KIND_DESCRIPTIONS).sort()).toEqual([...API_ERROR_KINDS].sort());
    for (const kind of API_ERROR_KINDS) {
      expect(KIND_DESCRIPTIONS[kind].length).toBeGreaterThan(0);
      expect(KIND_DESCRIPTIONS[kind]).not.toMatch(/[<>]/);
    }
  });
});

describe('reasonPhrase', () => {
  it('names the statuses the API documents and Cloudflare 52x', () => {
    expect(reasonPhrase(429)).toBe('Too Many Requests');
    expect(reasonPhrase(503)).toBe('Service Unavailable');
    expect(reasonPhrase(406)).toBe('Not Acceptable');
    expect(reasonPhrase(522)).toBe('Connection Timed Out');
  });

  it('falls back to the class of an unknown status and says No Response for 0', () => {
    expect(reasonPhrase(0)).toBe('No Response');
    expect(reasonPhrase(499)).toBe('Client Error');
    expect(reasonPhrase(599)).toBe('Server Error');
    expect(reasonPhrase(200)).toBe('OK');
    expect(reasonPhrase(299)).toBe('Unexpected Status');
  });
});
