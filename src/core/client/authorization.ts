import type { ApiKeySource } from './options.js';

/** The most API keys remembered, so an echoed key can be redacted from a message after a refresh. */
const MAX_REMEMBERED_KEYS = 8;

/** @internal Sets `Authorization: Bearer …` on each request, and remembers the keys sent for redaction. */
export interface Authorization {
  /** Sets the header; a promise only when the key comes from an async function. */
  authorize(request: Request): Promise<void> | undefined;
  /** The keys sent lately, newest last: messages that echo one get it replaced by `[redacted]`. */
  secrets: Set<string>;
}

/** @internal Creates the {@link Authorization} for `apiKey` (a string, or a function called for every request). */
export function createAuthorization(apiKey: ApiKeySource | undefined): Authorization {
  const secrets = new Set<string>();
  const useKey = (request: Request, key: string | null | undefined): void => {
    if (!key) return;
    secrets.delete(key);
    secrets.add(key);
    if (secrets.size > MAX_REMEMBERED_KEYS) secrets.delete(secrets.values().next().value!);
    request.headers.set('authorization', `Bearer ${key}`);
  };
  // Without a key, `useKey` sets nothing; a function's key (sync or async) is awaited, and its throw rejects.
  const authorize =
    typeof apiKey === 'function'
      ? async (request: Request): Promise<void> => useKey(request, await apiKey())
      : (request: Request): undefined => void useKey(request, apiKey);
  return { authorize, secrets };
}
