import type { Decorator } from '@storybook/react-vite';
import stylesheet from '../../src/styles.css?raw';

// The stylesheet's own dark palette, taken from its `prefers-color-scheme: dark` block so the
// story can never drift from it, and applied to a wrapper instead of the whole page.
const darkBlock = /@media\s*\(prefers-color-scheme:\s*dark\)\s*{\s*:root\s*{([^}]*)}/.exec(stylesheet)?.[1];

/**
 * Shows the story as it looks in dark mode: `color-scheme: dark` on a dark wrapper, with the
 * custom properties the stylesheet sets under `prefers-color-scheme: dark`.
 */
export const withDarkScheme: Decorator = (Story) => {
  if (darkBlock === undefined) throw new Error('src/styles.css has no `@media (prefers-color-scheme: dark) { :root { … } }` block.');
  return (
    <div data-color-scheme="dark" className="story-dark">
      <style>{`[data-color-scheme='dark'] {${darkBlock}}`}</style>
      <Story />
    </div>
  );
};
