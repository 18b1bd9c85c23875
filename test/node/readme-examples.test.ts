import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// README code blocks marked `<!-- example: path -->` must equal the type-checked file they name.
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const blocks = [...readme.matchAll(/<!-- example: (\S+) -->\n```\w*\n([\s\S]*?)\n```/g)].map(([, path, code]) => ({ path: path!, code: code! }));

describe('README examples', () => {
  it('names at least the examples the README promises', () => {
    expect(blocks.map(({ path }) => path)).toEqual(
      expect.arrayContaining(['examples/first-example.tsx', 'examples/existing-query-client.tsx', 'examples/suspense.tsx', 'examples/messages.tsx']),
    );
  });

  it.each(blocks)('shows $path exactly as the file the type check compiles', ({ path, code }) => {
    expect(code).toBe(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8').replace(/\n$/, ''));
  });
});
