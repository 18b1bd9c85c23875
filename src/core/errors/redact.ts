/** The text that stands where a secret was. */
export const REDACTED = '[redacted]';

/**
 * The words that mark a name as holding a secret, matched case-insensitively anywhere in it
 * (`api_key`, `X-Amz-Signature`, `JSESSIONID`, `AuthCode`): for query parameters in a URL or in a
 * message, and for request headers in `formatCurl`. `cookie` is among them: a cookie value is
 * most often a session credential, whatever the parameter or header that carries it is called.
 */
export const SECRET_NAME_WORDS: readonly string[] = ['key', 'token', 'secret', 'password', 'signature', 'auth', 'session', 'code', 'cookie'];

const SECRET_NAME = new RegExp(SECRET_NAME_WORDS.join('|'), 'i');

/** Whether a query parameter's (or a header's) name suggests it carries a secret. */
export function isSecretParam(name: string): boolean {
  return SECRET_NAME.test(name);
}

// A path with an optional query and fragment, no scheme and no white space: `/v1/orders?page=2`.
const RELATIVE_URL = /^[^\s:?#]*(?:\?[^\s#]*)?(?:#\S*)?$/;

// `?a=1&token=[redacted]` from `?a=1&token=abc`: each parameter whose name suggests a secret.
function redactQuery(search: string): string {
  if (search === '' || search === '?') return '';
  const parts = search
    .slice(1)
    .split('&')
    .map((part) => {
      const separator = part.indexOf('=');
      const rawName = separator === -1 ? part : part.slice(0, separator);
      let name = rawName;
      try {
        name = decodeURIComponent(rawName.replace(/\+/g, ' '));
      } catch {
        // Keep the raw name: a broken escape is no reason to lose the rest of the URL.
      }
      return isSecretParam(name) && separator !== -1 ? `${rawName}=${REDACTED}` : part;
    });
  return `?${parts.join('&')}`;
}

/**
 * A URL fit for display and logs: user info and fragment dropped, and the value of every query
 * parameter whose name suggests a secret ({@link SECRET_NAME_WORDS}) shown as `[redacted]`.
 * A relative URL (`/v1/orders?token=…`) is redacted the same way and stays relative; anything
 * else that does not parse as a URL loses its query string and fragment.
 */
export function redactUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    if (RELATIVE_URL.test(input)) {
      const withoutFragment = input.replace(/#.*$/s, '');
      const query = withoutFragment.indexOf('?');
      return query === -1 ? withoutFragment : withoutFragment.slice(0, query) + redactQuery(withoutFragment.slice(query));
    }
    return input.replace(/[?#].*$/s, '').replace(/^((?:[a-z][a-z0-9+.-]*:)?\/\/)[^/@]*@/i, '$1');
  }
  url.username = '';
  url.password = '';
  url.hash = '';
  // The href up to its query, not `origin`, which is "null" for schemes such as `capacitor:`.
  return url.href.slice(0, url.href.length - url.search.length) + redactQuery(url.search);
}

/** Replaces every occurrence of the given secrets in `text` with `[redacted]`. */
export function redactSecrets(text: string, secrets: Iterable<string>): string {
  let result = text;
  for (const secret of secrets) {
    // Very short values would redact ordinary words; real keys are never this short.
    if (secret.length >= 4) result = result.split(secret).join(REDACTED);
  }
  return result;
}

// URL user info (`//user:pass@`) and secret-named query parameters (`?api_key=…`) inside free text.
const TEXT_USER_INFO = /(\/\/)[^\s/?#@]+@/g;
// A value runs to the next white space, `&` or `#`, less the closing quotes, brackets and
// punctuation that follow it in a sentence (`"…?token=abc").`): the text around it is kept.
const TEXT_SECRET_PARAM = new RegExp(`([?&][^\\s=&#]*?(?:${SECRET_NAME_WORDS.join('|')})[^\\s=&#]*=)[^\\s&#]*[^\\s&#"'>)\\]}\`.,;:!?]`, 'gi');

/**
 * Redacts URL credentials and secret query parameters wherever they appear in a text (an
 * error message that quotes the URL it failed on, say).
 */
export function redactUrlsInText(text: string): string {
  return text.replace(TEXT_USER_INFO, '$1').replace(TEXT_SECRET_PARAM, `$1${REDACTED}`);
}
