import { screen } from '@testing-library/react';
import { vi } from 'vitest';

/**
 * Loads the banner's lazily imported "Details" module ahead of the tests. Under the fake clock
 * Testing Library's `findBy…` polls in a few real milliseconds, which a first, cold import of the
 * module can outlast on a busy machine; once cached, `React.lazy` resolves it in microtasks.
 */
export async function preloadDetailsModule(): Promise<void> {
  await import('../../src/components/ApiErrorDetails.js');
}

/**
 * Finds the banner's "Details" group, waiting in real time: in tests that import the banner
 * afresh, its lazy part is a cold import, which does real work the fake clock cannot speed up.
 * The rest of the test then runs on real timers.
 */
export async function findDetailsInRealTime(): Promise<HTMLElement> {
  vi.useRealTimers();
  return screen.findByRole('group', { name: 'Details' }, { timeout: 5_000 });
}
