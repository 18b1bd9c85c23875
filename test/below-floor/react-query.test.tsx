import { act, renderHook } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { expect, inject, it } from 'vitest';
import { lowestOf } from '../../scripts/peer-floor.mjs';
import { createApiClient, useApiMutation } from '../../src/index.js';
import { API, kitWrapper, useMockApi } from '../support/kit-wrapper.js';
import manifest from '../../package.json' with { type: 'json' };

const server = useMockApi();
const range = manifest.peerDependencies['@tanstack/react-query'];
const floor = lowestOf(range).split('.').slice(0, 2).join('.');

it(`runs on ${inject('belowFloor')}`, async () => {
  const { default: installed } = (await import('@tanstack/react-query/package.json')) as { default: { version: string } };
  expect(`${installed.version}.`.startsWith(`${inject('belowFloor').replace('react-query-', '')}.`)).toBe(true);
});

it('fails a mutation with an error that names the problem and its fix, before sending anything', async () => {
  let requests = 0;
  server.use(http.post(`${API}/orders`, () => (requests++, HttpResponse.json({ id: 'o-1' }))));
  const { wrapper } = kitWrapper(createApiClient({ prefix: API }));
  const { result } = renderHook(() => useApiMutation<{ id: string }, { sku: string }>({ path: 'orders' }), { wrapper });

  const failure = await act(() => result.current.mutateAsync({ sku: 'A-1' }).catch((error: unknown) => error));

  expect(failure).toBeInstanceOf(Error);
  expect((failure as Error).message).toContain(`api-error-kit needs @tanstack/react-query ${floor} or later, and the one this app loads is older`);
  expect((failure as Error).message).toContain(`npm install @tanstack/react-query@${range}`);
  expect(requests).toBe(0);
});
