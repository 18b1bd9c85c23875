import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Code blocks marked `<!-- example: path -->`, in the README and the guides in docs/, must equal
// the type-checked file they name.
const pages = ['README.md', ...readdirSync(new URL('../../docs/', import.meta.url)).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];
const blocks = pages.flatMap((page) =>
  [...readFileSync(new URL(`../../${page}`, import.meta.url), 'utf8').matchAll(/<!-- example: (\S+) -->\n```\w*\n([\s\S]*?)\n```/g)].map(([, path, code]) => ({
    page,
    path: path!,
    code: code!,
  })),
);

describe('README and guide examples', () => {
  it('names at least the examples the README and the guides promise', () => {
    expect(blocks.filter(({ page }) => page === 'README.md').map(({ path }) => path)).toEqual(['examples/first-example.tsx']);
    expect(blocks.map(({ path }) => path)).toEqual(
      expect.arrayContaining(['examples/first-example.tsx', 'examples/existing-query-client.tsx', 'examples/suspense.tsx', 'examples/messages.tsx', 'examples/testing/error-state.test.tsx', 'examples/testing/mock-api.ts', 'examples/testing/error-state.stories.tsx']),
    );
  });

  it('lets the first example be pasted into a new Vite app, whose main.tsx imports App by default', () => {
    expect(readFileSync(new URL('../../examples/first-example.tsx', import.meta.url), 'utf8')).toMatch(/^export default function App\(\)/m);
  });

  it.each(blocks)('shows $path in $page exactly as the file the type check compiles', ({ path, code }) => {
    expect(code).toBe(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8').replace(/\n$/, ''));
  });
});
