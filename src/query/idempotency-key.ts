/** @internal A fresh random key for one mutation call (UUID v4 where `crypto.randomUUID` exists). */
export function newIdempotencyKey(): string {
  const cryptoApi = globalThis.crypto;
  if (typeof cryptoApi?.randomUUID === 'function') return cryptoApi.randomUUID();
  const bytes = new Uint8Array(16);
  if (typeof cryptoApi?.getRandomValues === 'function') cryptoApi.getRandomValues(bytes);
  // A Uint8Array keeps the whole part of what is stored: 0–255.
  else for (let index = 0; index < 16; index++) bytes[index] = Math.random() * 256;
  return Array.from(bytes, (byte) => (byte | 256).toString(16).slice(1)).join('');
}
