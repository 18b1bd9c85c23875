import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SOURCE = join(ROOT, 'src');

// Ways to turn text into markup. Server text is only ever rendered as text.
const FORBIDDEN = ['dangerouslySetInnerHTML', 'innerHTML', 'outerHTML', 'insertAdjacentHTML', 'DOMParser', 'createContextualFragment', 'document.write'];

function filesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

describe('no HTML is ever made from text', () => {
  it('finds none of the HTML sinks or parsers anywhere under src/, comments included', () => {
    const files = filesUnder(SOURCE);
    const found = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return FORBIDDEN.filter((word) => text.includes(word)).map((word) => `${relative(ROOT, file)}: ${word}`);
    });

    // The scan must have covered the source, or it proves nothing.
    expect(files.some((file) => file.endsWith(join('core', 'errors', 'to-api-error.ts')))).toBe(true);
    expect(files.length).toBeGreaterThan(10);
    expect(found).toEqual([]);
  });
});
