/**
 * Loads the banner's lazily imported "Details" module ahead of the tests. Under the fake clock
 * Testing Library's `findBy…` polls in a few real milliseconds, which a first, cold import of the
 * module can outlast on a busy machine; once cached, `React.lazy` resolves it in microtasks.
 */
export async function preloadDetailsModule(): Promise<void> {
  await import('../../src/components/ApiErrorDetails.js');
}
