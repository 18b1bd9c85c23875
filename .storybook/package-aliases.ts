import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/**
 * The package's own name resolved to its sources, for code that imports it as an app does (the
 * README's examples): without these, Vite resolves the name to `dist/`, which exists only after a
 * build, and the importing module fails to load.
 */
export const packageAliases: { find: RegExp; replacement: string }[] = [
  { find: /^api-error-kit$/, replacement: path.join(root, 'src/index.ts') },
  { find: /^api-error-kit\/core$/, replacement: path.join(root, 'src/core/index.ts') },
  { find: /^api-error-kit\/styles\.css$/, replacement: path.join(root, 'src/styles.css') },
  { find: /^api-error-kit\/testing$/, replacement: path.join(root, 'src/testing/index.ts') },
  { find: /^api-error-kit\/locales\/(.+)$/, replacement: path.join(root, 'src/locales/$1.ts') },
];
