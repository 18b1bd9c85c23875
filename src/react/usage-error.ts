/** What a hook was used without. */
type Missing = 'provider' | 'provider or client' | 'path or queryFn' | 'path or mutationFn';

/**
 * @internal The error for a hook used the wrong way: in development builds a sentence that says
 * how to fix it; in production builds (`process.env.NODE_ENV === 'production'`, which bundlers
 * write in) the hook's name and what it lacks, so the longer texts are left out of the bundle.
 */
export function usageError(hook: string, missing: Missing): Error {
  const ErrorType = missing.startsWith('path') ? TypeError : Error;
  try {
    // The build-mode test, written out here (see `isDevelopmentBuild`).
    if (process.env.NODE_ENV !== 'production') return new ErrorType(explain(hook, missing));
  } catch {
    // No `process`: not a development build.
  }
  return new ErrorType(`${hook}: no ${missing}`);
}

function explain(hook: string, missing: Missing): string {
  switch (missing) {
    case 'provider':
      return `${hook} must be used inside <ApiKitProvider client={…}>. Wrap your app (or the test) in ApiKitProvider.`;
    case 'provider or client':
      return `${hook} must be used inside <ApiKitProvider client={…}>, or be given a client.`;
    case 'path or queryFn':
      return `${hook} needs a \`path\` or a \`queryFn\`.`;
    case 'path or mutationFn':
      return `${hook} needs a \`path\` or a \`mutationFn\`.`;
  }
}
