import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import ky from 'ky';
import { version as reactVersion } from 'react';
import { version as reactDomVersion } from 'react-dom';
import { expect, inject, it } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    floorVersions: Record<string, string>;
  }
}

const expected = inject('floorVersions');

async function manifestVersion(name: string): Promise<string> {
  const manifest = (await import(`${name}/package.json`)) as { default: { version: string } };
  return manifest.default.version;
}

// React 18.0.0 reports itself with its build appended (`18.0.0-fc46dba67-20220329`).
const release = (version: string) => version.split('-')[0];

it('runs on the floor React and react-dom', () => {
  expect(release(reactVersion)).toBe(expected.react);
  expect(release(reactDomVersion)).toBe(expected['react-dom']);
});

it.each(['@tanstack/react-query', '@tanstack/query-core', 'ky'])('runs on the floor %s', async (name) => {
  expect(await manifestVersion(name)).toBe(expected[name]);
});

it('renders through Testing Library with the same React the hooks use', async () => {
  function Probe() {
    const query = useQuery({ queryKey: ['probe'], queryFn: () => release(reactVersion) });
    return <p>{query.data ?? 'loading'}</p>;
  }
  render(
    <QueryClientProvider client={new QueryClient()}>
      <Probe />
    </QueryClientProvider>,
  );
  expect(await screen.findByText(expected.react as string)).toBeTruthy();
  expect(typeof ky.create).toBe('function');
});
