/**
 * A number in [0, 1) that depends only on `seed`, `query` and `attempt`: the same request of the
 * same query meets the same fault whichever client sends it, so two strategies differ by their
 * policy alone. FNV-1a over the three, finished with a 32-bit mix (murmur3's finaliser).
 *
 * @example
 * seededDraw(1, 'c7', 2) === seededDraw(1, 'c7', 2); // true
 */
export function seededDraw(seed: number, query: string, attempt: number): number {
  let hash = 0x811c9dc5;
  for (const char of `${seed}\u0000${query}\u0000${attempt}`) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return (hash >>> 0) / 2 ** 32;
}
