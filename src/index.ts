/**
 * api-error-kit: everything in one entry. `api-error-kit/core` holds the React-free part alone.
 * @packageDocumentation
 */
export {
  API_ERROR_KINDS,
  ApiError,
  apiQueryDefaults,
  cleanMessage,
  createApiClient,
  createRateLimitGate,
  createRetryBudget,
  createRetryPolicy,
  DEFAULT_RETRY_POLICY,
  defaultMessages,
  formatCurl,
  formatErrorReport,
  getRateLimitGate,
  getRetryBudget,
  getRetryPolicyOptions,
  getScheduledRetry,
  isAbortError,
  isApiError,
  isRetryableKind,
  isValidSupportId,
  KIND_DESCRIPTIONS,
  kindForStatus,
  MAX_MESSAGE_LENGTH,
  MAX_RETRY_AFTER_MS,
  mergeMessages,
  parseRetryAfter,
  reasonPhrase,
  REDACTED,
  redactUrl,
  SUPPORT_ID_RETENTION_MS,
  toApiError,
} from './core/index.js';
export type {
  ApiClientOptions,
  ApiErrorInit,
  ApiErrorJSON,
  ApiErrorKind,
  ApiErrorSource,
  ApiKeySource,
  KindMessages,
  Messages,
  PartialMessages,
  RateLimitGate,
  RateLimitGateOptions,
  RateLimitGateSnapshot,
  RequestSnapshot,
  RetryBudget,
  RetryBudgetOptions,
  RetryPolicy,
  RetryPolicyOptions,
  ScheduledRetry,
  ToApiErrorContext,
} from './core/index.js';

// React (src/react) and component (src/components) exports follow below.
export { ApiKitProvider } from './react/ApiKitProvider.js';
export type { ApiKitProviderProps } from './react/ApiKitProvider.js';
export type { AuthErrorHandler } from './react/api-kit-context.js';
export { useApiClient } from './react/useApiClient.js';
export { useApiQuery } from './react/useApiQuery.js';
export type { ApiQueryFunctionContext, UseApiQueryOptions, UseApiQueryResult } from './react/useApiQuery.js';
export { useApiMutation } from './react/useApiMutation.js';
export type { ApiMutationFunctionContext, ApiMutationMethod, UseApiMutationOptions, UseApiMutationResult } from './react/useApiMutation.js';
export type { RetryControls } from './react/retry-controls.js';
export { useRateLimitStatus } from './react/useRateLimitStatus.js';
export type { RateLimitStatus } from './react/useRateLimitStatus.js';
export { MessagesProvider, useMessages } from './react/messages-context.js';
export type { MessagesProviderProps } from './react/messages-context.js';
export { useRetryCountdown } from './react/useRetryCountdown.js';
export type { RetryCountdownState, RetryCountdownTarget, RetryingResult } from './react/useRetryCountdown.js';
export { ApiErrorBanner } from './components/ApiErrorBanner.js';
export { API_ERROR_BANNER_CLASS_NAMES, useApiErrorBanner } from './components/useApiErrorBanner.js';
export type { ApiErrorBannerParts, ApiErrorBannerProps, BannerCopyTarget } from './components/useApiErrorBanner.js';
export { useApiErrorDetails } from './components/useApiErrorDetails.js';
export type { ApiErrorDetailsParts, ApiErrorDetailsProps, BannerFact } from './components/useApiErrorDetails.js';
export { RetryCountdown } from './components/RetryCountdown.js';
export { RETRY_COUNTDOWN_CLASS_NAMES, useRetryCountdownProps } from './components/useRetryCountdownProps.js';
export type { RetryCountdownParts, RetryCountdownPhase, RetryCountdownProps } from './components/useRetryCountdownProps.js';
export { PoliteAnnouncer } from './components/PoliteAnnouncer.js';
export type { PoliteAnnouncerProps } from './components/PoliteAnnouncer.js';
export { COPIED_DURATION_MS, useCopyToClipboard } from './components/useCopyToClipboard.js';
export type { CopyStatus, CopyToClipboard } from './components/useCopyToClipboard.js';
