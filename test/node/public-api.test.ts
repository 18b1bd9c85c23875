import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as core from '../../src/core/index.js';
import * as kit from '../../src/index.js';

// The public names of each entry, values and types (types marked `:type`). The main entry
// re-exports the core's entry whole, so a name added to the core is public in both; an internal
// helper must never appear here. Changing these lists changes the public API.
const CORE = [
  'API_ERROR_KINDS', 'ApiClientOptions:type', 'ApiError', 'ApiHealth:type', 'ApiHealthStore:type', 'ApiErrorInit:type', 'ApiErrorJSON:type',
  'ApiErrorKind:type', 'ApiErrorSource:type', 'ApiKeySource:type', 'DEFAULT_RETRY_POLICY',
  'KIND_DESCRIPTIONS', 'KindMessages:type', 'MAX_MESSAGE_LENGTH', 'MAX_RETRY_AFTER_MS', 'Messages:type',
  'PartialMessages:type', 'REDACTED', 'RateLimitGate:type', 'RateLimitGateOptions:type',
  'RateLimitGateSnapshot:type', 'RequestSnapshot:type', 'RetryBudget:type', 'RetryBudgetOptions:type',
  'RetryPolicy:type', 'RetryPolicyOptions:type', 'SUPPORT_ID_RETENTION_MS', 'ScheduledRetry:type',
  'ToApiErrorContext:type', 'apiQueryDefaults', 'cleanMessage', 'createApiClient', 'createRateLimitGate',
  'createRetryBudget', 'createRetryPolicy', 'defaultMessages', 'formatCurl', 'formatErrorReport',
  'HealthState:type', 'getApiHealth', 'getRateLimitGate', 'getRetryBudget', 'getRetryPolicyOptions', 'getScheduledRetry', 'isAbortError', 'isApiError', 'isRetryableKind',
  'isValidSupportId', 'kindForStatus', 'mergeMessages', 'parseRetryAfter', 'reasonPhrase', 'redactUrl',
  'toApiError',
];
const REACT_AND_COMPONENTS = [
  'API_ERROR_BANNER_CLASS_NAMES', 'ApiErrorBanner', 'ApiErrorBannerParts:type', 'ApiErrorBannerProps:type',
  'ApiErrorDetailsParts:type', 'ApiErrorDetailsProps:type', 'ApiKitProvider', 'ApiKitProviderProps:type',
  'ApiMutationFunctionContext:type', 'ApiMutationMethod:type', 'ApiQueryFunctionContext:type',
  'AuthErrorHandler:type', 'BannerCopyTarget:type', 'BannerFact:type', 'BannerResult:type', 'COPIED_DURATION_MS',
  'CopyStatus:type', 'CopyToClipboard:type', 'MessagesProvider', 'MessagesProviderProps:type',
  'PoliteAnnouncer', 'PoliteAnnouncerProps:type', 'RETRY_COUNTDOWN_CLASS_NAMES', 'RateLimitStatus:type',
  'RetryControls:type', 'RetryCountdown', 'RetryCountdownFrame:type', 'RetryCountdownParts:type', 'RetryCountdownPhase:type',
  'RetryCountdownProps:type', 'RetryCountdownState:type', 'RetryCountdownTarget:type', 'RetryingResult:type',
  'UseApiMutationOptions:type', 'UseApiMutationResult:type', 'UseApiQueryOptions:type',
  'UseApiQueryResult:type', 'useApiClient', 'useApiErrorBanner', 'useApiHealth', 'useApiErrorDetails', 'useApiMutation',
  'useApiQuery', 'useCopyToClipboard', 'useMessages', 'useRateLimitStatus', 'useRetryCountdown',
  'useRetryCountdownProps',
];

// `api-error-kit/testing`: fixtures for an app's tests, in no other entry.
const TESTING = ['API_ERROR_SCENARIOS', 'ApiErrorFixtureOptions:type', 'ApiErrorScenario:type', 'apiAnswer', 'apiError'];

const ENTRIES = {
  kit: fileURLToPath(new URL('../../src/index.ts', import.meta.url)),
  core: fileURLToPath(new URL('../../src/core/index.ts', import.meta.url)),
  testing: fileURLToPath(new URL('../../src/testing/index.ts', import.meta.url)),
};

/** Every name an entry exports, as the type checker sees it, sorted; types marked `:type`. */
function exportedNames(): Record<keyof typeof ENTRIES, string[]> {
  const program = ts.createProgram(Object.values(ENTRIES), {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    jsx: ts.JsxEmit.ReactJSX,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const namesOf = (file: string) => {
    const module = checker.getSymbolAtLocation(program.getSourceFile(file)!)!;
    return checker
      .getExportsOfModule(module)
      .map((symbol) => {
        const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
        return target.flags & ts.SymbolFlags.Value ? symbol.name : `${symbol.name}:type`;
      })
      .sort();
  };
  return { kit: namesOf(ENTRIES.kit), core: namesOf(ENTRIES.core), testing: namesOf(ENTRIES.testing) };
}

const values = (names: string[]) => names.filter((name) => !name.endsWith(':type')).sort();

describe('the public API', () => {
  it('exports the same names, values and types, from each entry', { timeout: 30_000 }, () => {
    const names = exportedNames();
    expect(names.core).toEqual([...CORE].sort());
    expect(names.kit).toEqual([...CORE, ...REACT_AND_COMPONENTS].sort());
    expect(names.testing).toEqual([...TESTING].sort());
  });

  it('gives the main entry the very objects of the core entry', () => {
    expect(Object.keys(core).sort()).toEqual(values(CORE));
    expect(Object.keys(kit).sort()).toEqual(values([...CORE, ...REACT_AND_COMPONENTS]));
    for (const name of Object.keys(core)) expect(kit[name as keyof typeof kit]).toBe(core[name as keyof typeof core]);
  });
});
