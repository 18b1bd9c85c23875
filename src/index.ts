/**
 * api-error-kit: everything in one entry. `api-error-kit/core` holds the React-free part alone.
 * @packageDocumentation
 */
// The core's entry lists only public names, so all of it is public here too.
export * from './core/index.js';

// React (src/react) and components (src/components).
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
export { useApiHealth } from './react/useApiHealth.js';
export { healQueries } from './query/heal-queries.js';
export type { RateLimitStatus } from './react/useRateLimitStatus.js';
export { MessagesProvider } from './react/messages-context.js';
export type { MessagesProviderProps } from './react/messages-context.js';
export { useRetryCountdown } from './react/useRetryCountdown.js';
export type { RetryCountdownState, RetryCountdownTarget, RetryingResult } from './react/useRetryCountdown.js';
export { ApiErrorBanner } from './components/ApiErrorBanner.js';
export type { BannerCopyTarget } from './components/banner-parts.js';
export { useApiErrorBanner } from './components/useApiErrorBanner.js';
export type { ApiErrorBannerParts, ApiErrorBannerProps, BannerResult } from './components/useApiErrorBanner.js';
export type { ButtonProps } from './components/button-props.js';
export type { KeptFocus } from './components/useKeptFocus.js';
export { useApiErrorDetails } from './components/useApiErrorDetails.js';
export type { ApiErrorDetailsParts, ApiErrorDetailsProps, BannerFact } from './components/useApiErrorDetails.js';
export { RetryCountdown } from './components/RetryCountdown.js';
export { useRetryCountdownProps } from './components/useRetryCountdownProps.js';
export type { RetryCountdownFrame, RetryCountdownParts, RetryCountdownPhase, RetryCountdownProps } from './components/useRetryCountdownProps.js';
// The headless hooks' announcement parts are props of this component, which renders them.
export { PoliteAnnouncer } from './components/PoliteAnnouncer.js';
export type { PoliteAnnouncerProps } from './components/PoliteAnnouncer.js';
// The banner's and the details' copy state, as their headless hooks hand it over.
export type { CopyStatus, CopyToClipboard } from './components/useCopyToClipboard.js';
