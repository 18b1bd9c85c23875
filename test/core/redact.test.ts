import { describe, expect, it } from 'vitest';
import { ApiError, formatCurl } from '../../src/core/index.js';
// Internal: the redaction rules, tested on their own; through the public API they are ApiError's url and formatCurl.
import { isSecretParam, REDACTED, redactSecrets, redactUrl } from '../../src/core/errors/redact.js';

const BASE = 'https://api.example.com/v1/orders';

describe('redactUrl', () => {
  it('replaces the value of each secret-looking parameter with the literal [redacted]', () => {
    expect(REDACTED).toBe('[redacted]');
    const names = ['api_key', 'access_token', 'client_secret', 'password', 'X-Amz-Signature', 'auth', 'session_id', 'code'];
    for (const name of names) {
      expect(redactUrl(`${BASE}?${name}=s3cr3t&page=2`)).toBe(`${BASE}?${name}=[redacted]&page=2`);
    }
  });

  it('matches parameter names case-insensitively and as part of a longer name', () => {
    expect(redactUrl(`${BASE}?APIKEY=a&Token=b&mySecretValue=c&PassWord=d&sig=keep&AUTHORIZATION=e&JSESSIONID=f&AuthCode=g`)).toBe(
      `${BASE}?APIKEY=[redacted]&Token=[redacted]&mySecretValue=[redacted]&PassWord=[redacted]&sig=keep&AUTHORIZATION=[redacted]&JSESSIONID=[redacted]&AuthCode=[redacted]`,
    );
  });

  it('keeps ordinary parameters, their order and their encoding', () => {
    expect(redactUrl(`${BASE}?q=caf%C3%A9+au+lait&page=2&sort=-date`)).toBe(`${BASE}?q=caf%C3%A9+au+lait&page=2&sort=-date`);
  });

  it('reads percent-encoded parameter names', () => {
    expect(redactUrl(`${BASE}?%74oken=abc`)).toBe(`${BASE}?%74oken=[redacted]`);
    expect(redactUrl(`${BASE}?api%5Fkey=abc&bad%E0=1`)).toBe(`${BASE}?api%5Fkey=[redacted]&bad%E0=1`);
  });

  it('redacts a value that holds its own equals signs and repeated parameters', () => {
    expect(redactUrl(`${BASE}?token=a=b=c&token=second`)).toBe(`${BASE}?token=[redacted]&token=[redacted]`);
  });

  it('drops user info and the fragment', () => {
    expect(redactUrl('https://alice:hunter2@api.example.com/v1/me#access_token=abc')).toBe('https://api.example.com/v1/me');
    expect(redactUrl('https://token-only@api.example.com/v1/me?x=1')).toBe('https://api.example.com/v1/me?x=1');
  });

  it('leaves a URL without a query untouched apart from user info', () => {
    expect(redactUrl(BASE)).toBe(BASE);
    expect(redactUrl('http://127.0.0.1:8080/health')).toBe('http://127.0.0.1:8080/health');
  });

  it('redacts a relative URL the same way, and keeps it relative', () => {
    expect(redactUrl('/v1/orders?page=2&token=abc#frag')).toBe('/v1/orders?page=2&token=[redacted]');
    expect(redactUrl('orders?api_key=abc')).toBe('orders?api_key=[redacted]');
    expect(redactUrl('/v1/orders')).toBe('/v1/orders');
  });

  it('drops the query string and fragment of something else that does not parse as a URL', () => {
    expect(redactUrl('not a url ?password=x')).toBe('not a url ');
    expect(redactUrl('http://[bad/x?token=abc')).toBe('http://[bad/x');
  });

  it('never shows a secret value anywhere in the result', () => {
    const url = redactUrl('https://u:SECRET1@h.example/p?SessionToken=SECRET2&signature=SECRET3#SECRET4');
    expect(url).not.toMatch(/SECRET/);
  });
});

describe('isSecretParam', () => {
  it('flags names that contain key, token, secret, password, signature, auth, session or code', () => {
    for (const name of ['key', 'token', 'secret', 'password', 'signature', 'auth', 'session', 'code', 'oauth_verifier', 'postcode']) {
      expect(isSecretParam(name)).toBe(true);
    }
    for (const name of ['page', 'q', 'limit', 'sort', 'id', 'cursor']) expect(isSecretParam(name)).toBe(false);
  });
});

describe('redactSecrets', () => {
  it('replaces every occurrence of each secret with [redacted]', () => {
    expect(redactSecrets('key sk_live_abc is invalid: sk_live_abc', ['sk_live_abc'])).toBe('key [redacted] is invalid: [redacted]');
    expect(redactSecrets('a tok1 b tok2', ['tok1', 'tok2'])).toBe('a [redacted] b [redacted]');
  });

  it('ignores values too short to be keys, so ordinary words survive', () => {
    expect(redactSecrets('the key abc', ['abc', ''])).toBe('the key abc');
  });
});

describe('the names that mark a secret', () => {
  // Each word, inside a longer name, in another case: what a query parameter or header may be called.
  const WORDS = ['key', 'token', 'secret', 'password', 'signature', 'auth', 'session', 'code', 'cookie'];
  const namesOf = (word: string) => [word, `x_${word.toUpperCase()}_id`, `my${word[0]!.toUpperCase()}${word.slice(1)}`];

  it.each(WORDS)('are the same in a URL, in a message and in a curl command: %s', (word) => {
    for (const name of namesOf(word)) {
      const url = `${BASE}?${name}=s3cr3tv4lue&page=2`;
      expect(isSecretParam(name)).toBe(true);
      expect(redactUrl(url)).toBe(`${BASE}?${name}=[redacted]&page=2`);
      const error = new ApiError({ status: 500, url, message: `failed on ${url}` });
      expect(error.url).not.toContain('s3cr3tv4lue');
      expect(error.message).not.toContain('s3cr3tv4lue');
      const headerError = new ApiError({
        status: 500,
        url: BASE,
        request: { method: 'GET', url: BASE, headers: [[name.toLowerCase().replace(/_/g, '-'), 's3cr3tv4lue']], hadAuthorization: false },
      });
      expect(formatCurl(headerError)).not.toContain('s3cr3tv4lue');
    }
  });

  it('leave ordinary names alone everywhere', () => {
    const url = `${BASE}?page=2&sort=date`;
    expect(redactUrl(url)).toBe(url);
    expect(new ApiError({ status: 500, message: `failed on ${url}` }).message).toBe(`failed on ${url}`);
    const error = new ApiError({ status: 500, url: BASE, request: { method: 'GET', url: BASE, headers: [['x-trace', 'abc123']], hadAuthorization: false } });
    expect(formatCurl(error)).toContain("'x-trace: abc123'");
  });
});

describe('a secret query parameter quoted in a message', () => {
  // The message is shown to the person: redacting the value must not take the text around it.
  it.each([
    ['Request to "https://api.example.com/v1?token=abc123" failed', 'Request to "https://api.example.com/v1?token=[redacted]" failed'],
    ["Request to 'https://api.example.com/v1?api_key=abc123' failed", "Request to 'https://api.example.com/v1?api_key=[redacted]' failed"],
    ['Rejected (see https://api.example.com/v1?signature=abc123).', 'Rejected (see https://api.example.com/v1?signature=[redacted]).'],
    ['Rejected <https://api.example.com/v1?session=abc123>', 'Rejected <https://api.example.com/v1?session=[redacted]>'],
    ['Failed on https://api.example.com/v1?password=hunter2, try again.', 'Failed on https://api.example.com/v1?password=[redacted], try again.'],
    ['Failed on https://api.example.com/v1?code=abc.def.ghi', 'Failed on https://api.example.com/v1?code=[redacted]'],
  ])('%s', (message, shown) => {
    expect(new ApiError({ status: 500, message }).message).toBe(shown);
  });
});

describe('a quoted secret value in a message', () => {
  it('is redacted up to its closing quote, however it starts', () => {
    const message = new ApiError({ status: 500, message: 'Failed on /v1?token="s3cr3t" and /v1?key=(s3cr3t)' }).message;
    expect(message).not.toContain('s3cr3t');
    expect(message).toBe('Failed on /v1?token=[redacted]" and /v1?key=[redacted])');
  });
});

describe('redactUrl of URLs without an origin of their own', () => {
  it('drops the user info of a scheme-relative URL', () => {
    expect(redactUrl('//user:pa55word@api.example.com/v1/orders?token=abc')).toBe('//api.example.com/v1/orders');
  });

  it.each([
    ['capacitor://localhost/api/orders?token=abc&page=2', 'capacitor://localhost/api/orders?token=[redacted]&page=2'],
    ['app://bundle/api/orders?api_key=abc', 'app://bundle/api/orders?api_key=[redacted]'],
    ['app://user:pa55word@bundle/api/orders', 'app://bundle/api/orders'],
  ])('keeps the scheme and host of %s', (url, shown) => {
    expect(redactUrl(url)).toBe(shown);
    expect(new ApiError({ status: 500, url }).url).toBe(shown);
  });
});
