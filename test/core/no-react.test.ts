import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';

vi.mock('react', () => {
  throw new Error('core imported react');
});
vi.mock('react-dom', () => {
  throw new Error('core imported react-dom');
});
vi.mock('react/jsx-runtime', () => {
  throw new Error('core imported react/jsx-runtime');
});
vi.mock('@tanstack/react-query', () => {
  throw new Error('core imported @tanstack/react-query');
});

const coreDir = fileURLToPath(new URL('../../src/core/', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : /\.[cm]?[jt]sx?$/.test(entry.name) ? [path] : [];
  });
}

// Every way a module can name another: static and type imports, re-exports, side-effect imports,
// dynamic import() and require().
const SPECIFIERS = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g;
const FORBIDDEN = /^(?:react|react-dom|@tanstack\/react-query)(?:\/|$)/;

describe('src/core without React', () => {
  it('loads the public core entry with react, react-dom and @tanstack/react-query stubbed out', async () => {
    const core = await import('../../src/core/index.js');
    expect(typeof core.createApiClient).toBe('function');
    expect(typeof core.ApiError).toBe('function');
    expect(typeof core.createRetryPolicy).toBe('function');
    expect(typeof core.createRateLimitGate).toBe('function');
  });

  it('loads every module in src/core with React stubbed out', async () => {
    const files = sourceFiles(coreDir);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) await expect(import(pathToFileURL(file).href), relative(coreDir, file)).resolves.toBeTypeOf('object');
  });

  it('names no React package in any source file, not even for types', () => {
    const files = sourceFiles(coreDir);
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return [...text.matchAll(SPECIFIERS)].map((match) => match[1]!).filter((specifier) => FORBIDDEN.test(specifier)).map((specifier) => `${relative(coreDir, file)}: ${specifier}`);
    });
    expect(offenders).toEqual([]);
  });

  it('has no .tsx file, which would pull in the JSX runtime', () => {
    expect(sourceFiles(coreDir).filter((file) => /\.[jt]sx$/.test(file))).toEqual([]);
  });

  it('imports only types from @tanstack/query-core', () => {
    const offenders = sourceFiles(coreDir).filter((file) => {
      const text = readFileSync(file, 'utf8');
      return /\bimport\s+(?!type\b)[^;]*?from\s*['"]@tanstack\/query-core['"]/.test(text) || /\bimport\s*\(\s*['"]@tanstack\/query-core['"]/.test(text);
    });
    expect(offenders).toEqual([]);
  });

  it('detects a forbidden import when there is one', () => {
    const sample = `import { useState } from 'react';\nexport { x } from "react-dom/client";\nconst q = await import('@tanstack/react-query');\nimport type { DefaultOptions } from '@tanstack/query-core';`;
    const found = [...sample.matchAll(SPECIFIERS)].map((match) => match[1]!).filter((specifier) => FORBIDDEN.test(specifier));
    expect(found).toEqual(['react', 'react-dom/client', '@tanstack/react-query']);
  });
});
