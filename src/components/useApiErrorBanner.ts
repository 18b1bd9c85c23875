'use client';
import { useId, useMemo, type HTMLAttributes } from 'react';
import type { ApiError } from '../core/ApiError.js';
import { isDevelopmentBuild } from '../core/build-mode.js';
import { KIND_DESCRIPTIONS } from '../core/kinds.js';
import type { Messages, PartialMessages } from '../core/messages.js';
import { getScheduledRetry, type ScheduledRetry } from '../core/retry/retry-schedule.js';
import { useMessages } from '../react/messages-context.js';
import { useIsOnline } from '../react/browser-state.js';
import { API_ERROR_BANNER_CLASS_NAMES, copyStatusProps, type BannerCopyTarget } from './banner-parts.js';
import { buttonProps, joinClassNames, type ButtonProps } from './button-props.js';
import type { PoliteAnnouncerProps } from './PoliteAnnouncer.js';
import { toShownError } from './shown-error.js';
// Types only: the details code itself is loaded on demand (see `ApiErrorBanner`).
import type { ApiErrorDetailsProps } from './useApiErrorDetails.js';
import { useCopyToClipboard, type CopyStatus } from './useCopyToClipboard.js';
import type { RetryCountdownProps } from './useRetryCountdownProps.js';
import { useShownWait } from './useShownWait.js';

/** Props of `ApiErrorBanner` and of {@link useApiErrorBanner}. */
export interface ApiErrorBannerProps {
  /** Anything thrown; mapped with `toApiError`. Nothing is shown for `null`, `undefined` or an aborted request. */
  error: unknown;
  /** Runs the request again; shows "Try again" when the error is retryable. */
  onRetry?: () => void;
  /** Shows "Dismiss"; called when it is pressed. */
  onDismiss?: () => void;
  /** Shows "Retry now" while an automatic retry is scheduled (such as a hook result's `retryNow`). */
  onRetryNow?: () => void;
  /** Shows "Stop retrying" while an automatic retry is scheduled (such as a hook result's `stopRetrying`). */
  onStopRetrying?: () => void;
  /** react-error-boundary's reset: "Try again" uses it when there is no `onRetry`. */
  resetErrorBoundary?: (...args: unknown[]) => void;
  /**
   * Shows the technical details (method, URL, status, Ray ID, time) with "Copy details" and
   * "Copy as curl". @default `process.env.NODE_ENV !== 'production'`, off where `process` does not exist
   */
  showDetails?: boolean;
  /** Texts to use instead of the provider's or the defaults. */
  messages?: PartialMessages;
  /** Added to the root element's class (`aek-banner`). */
  className?: string;
}

// Statuses where trying the same request again cannot help, whatever `retryable` says.
const NEVER_RETRIED = new Set([400, 401, 403, 404, 406]);

/** What {@link useApiErrorBanner} returns when there is an error to show. */
export interface ApiErrorBannerParts {
  /** The error shown. */
  error: ApiError;
  /** The texts in use. */
  messages: Messages;
  /** The kind's title, such as "Too many requests". */
  title: string;
  /** The server's own `error` text when the API sent one, else the kind's friendly description. */
  description: string;
  /** The support ID to show and copy, when the server sent a usable one. */
  supportId: string | undefined;
  /** Until when support can look the support ID up. */
  supportIdExpiresAt: Date | undefined;
  /** Cloudflare's Ray ID, when the edge was involved. */
  rayId: string | undefined;
  /** The automatic retry react-query has scheduled, if any. */
  scheduledRetry: ScheduledRetry | undefined;
  /** Whether the server asked to wait (or a retry is scheduled) and the wait is not over. */
  waiting: boolean;
  /** Whether to show the countdown next to the buttons. */
  showCountdown: boolean;
  /** Whether to show "Try again": the error is retryable, its status is not 400, 401, 403, 404 or 406, and there is a retry handler. */
  showTryAgain: boolean;
  /** Whether to show "Retry now": an automatic retry is scheduled and `onRetryNow` is given. */
  showRetryNow: boolean;
  /** Whether to show "Stop retrying": an automatic retry is scheduled and `onStopRetrying` is given. */
  showStopRetrying: boolean;
  /** Whether to show "Dismiss": `onDismiss` is given. */
  showDismiss: boolean;
  /** Whether to show the "Details" disclosure (render it with `getDetailsProps()`). */
  showDetails: boolean;
  /** The latest copy: which text, and how it went. */
  copyStatus: CopyStatus;
  /** Which text the latest copy was of. */
  copyTarget: BannerCopyTarget | undefined;
  /** The root element: its classes, and `data-kind` and `data-source` for styling. */
  getRootProps: () => HTMLAttributes<HTMLDivElement> & { 'data-kind': string; 'data-source': string };
  /** The `role="alert"` element: the title and the description only. */
  getAlertProps: () => HTMLAttributes<HTMLDivElement>;
  /** The title, inside the alert. */
  getTitleProps: () => HTMLAttributes<HTMLParagraphElement>;
  /** The description, inside the alert (`dir="auto"`: the server's text may run the other way). */
  getDescriptionProps: () => HTMLAttributes<HTMLParagraphElement>;
  /** The `<code>` holding the support ID; its text is selected when copying fails. */
  getSupportIdProps: () => HTMLAttributes<HTMLElement> & { ref: ((element: HTMLElement | null) => void) | undefined };
  /** The "Copy support ID" button. */
  getCopySupportIdProps: () => ButtonProps;
  /** The polite status next to a copy button: "Copied", or the fallback hint. */
  getCopyStatusProps: (targets: readonly BannerCopyTarget[]) => PoliteAnnouncerProps;
  /** The line saying until when support can look the ID up. */
  getValidityProps: () => HTMLAttributes<HTMLParagraphElement>;
  /** The "Try again" button: disabled while the server asks to wait. */
  getTryAgainProps: () => ButtonProps;
  /** Props for the `RetryCountdown` next to the buttons. */
  getCountdownProps: () => RetryCountdownProps;
  /** The "Retry now" button. */
  getRetryNowProps: () => ButtonProps;
  /** The "Stop retrying" button. */
  getStopRetryingProps: () => ButtonProps;
  /** The "Dismiss" button. */
  getDismissProps: () => ButtonProps;
  /**
   * Props for the "Details" disclosure (`useApiErrorDetails`), sharing the banner's copy state.
   * Its code (the facts, "Copy details", "Copy as curl") lives in `useApiErrorDetails`, so a
   * banner that never shows details need not load it.
   */
  getDetailsProps: () => ApiErrorDetailsProps;
}

/**
 * The behaviour of `ApiErrorBanner` without its markup: which texts and buttons to show, the
 * copy logic, the wait, and props for each part. Returns `null` when there is nothing to show.
 * Use it to render the banner with your own design system.
 *
 * @example
 * ```tsx
 * function MyBanner(props: ApiErrorBannerProps) {
 *   const banner = useApiErrorBanner(props);
 *   if (!banner) return null;
 *   return (
 *     <div {...banner.getRootProps()}>
 *       <div {...banner.getAlertProps()}>
 *         <strong {...banner.getTitleProps()}>{banner.title}</strong>
 *         <p {...banner.getDescriptionProps()}>{banner.description}</p>
 *       </div>
 *       {banner.showTryAgain && <MyButton {...banner.getTryAgainProps()} />}
 *     </div>
 *   );
 * }
 * ```
 */
export function useApiErrorBanner(props: ApiErrorBannerProps): ApiErrorBannerParts | null {
  const { error: thrown, onRetry, onDismiss, onRetryNow, onStopRetrying, resetErrorBoundary, className } = props;
  const error = useMemo(() => toShownError(thrown), [thrown]);
  const messages = useMessages(props.messages);
  const clipboard = useCopyToClipboard<BannerCopyTarget>();
  const { status: copyStatus, target: copyTarget, copy, fallbackRef } = clipboard;
  const titleId = useId();
  const descriptionId = useId();

  const { deadline, scheduled: remembered, waiting, seen } = useShownWait(error);
  const scheduled = getScheduledRetry(error);
  const online = useIsOnline();

  if (!error) return null;

  const kindMessages = messages[error.kind];
  const fromServer = error.source === 'api' && error.message !== KIND_DESCRIPTIONS[error.kind];
  const retry = onRetry ?? (resetErrorBoundary ? () => resetErrorBoundary() : undefined);
  const showTryAgain = error.retryable && retry !== undefined && !NEVER_RETRIED.has(error.status);
  const showCountdown =
    deadline !== undefined &&
    (remembered !== undefined || error.retryable) &&
    // Once a wait was seen, its countdown stays to say that it is over.
    (seen || (remembered !== undefined && !online));
  // Read at render, not at import: outside production builds by default.
  const showDetails = props.showDetails ?? isDevelopmentBuild();
  const supportIdExpiresAt = error.supportIdExpiresAt === undefined ? undefined : new Date(error.supportIdExpiresAt);

  // While the details show the text of a failed copy, that text is the one to select.
  const detailsFallbackShown = copyStatus === 'failed' && (copyTarget === 'details' || copyTarget === 'curl');
  const button = (children: string, onClick: (() => void) | undefined): ButtonProps =>
    buttonProps(children, API_ERROR_BANNER_CLASS_NAMES.button, onClick);

  return {
    error,
    messages,
    title: kindMessages.title,
    description: fromServer ? error.message : kindMessages.description,
    supportId: error.supportId,
    supportIdExpiresAt,
    rayId: error.rayId,
    scheduledRetry: scheduled,
    waiting,
    showCountdown,
    showTryAgain,
    showRetryNow: scheduled !== undefined && onRetryNow !== undefined,
    showStopRetrying: scheduled !== undefined && onStopRetrying !== undefined,
    showDismiss: onDismiss !== undefined,
    showDetails,
    copyStatus,
    copyTarget,
    getRootProps: () => ({
      className: joinClassNames(API_ERROR_BANNER_CLASS_NAMES.root, className),
      'data-kind': error.kind,
      'data-source': error.source,
    }),
    getAlertProps: () => ({ role: 'alert', className: API_ERROR_BANNER_CLASS_NAMES.alert }),
    getTitleProps: () => ({ id: titleId, className: API_ERROR_BANNER_CLASS_NAMES.title }),
    // `dir="auto"`: the server's text may be in another direction than the page (English on an RTL page).
    getDescriptionProps: () => ({ id: descriptionId, className: API_ERROR_BANNER_CLASS_NAMES.description, dir: 'auto' }),
    getSupportIdProps: () => ({
      className: API_ERROR_BANNER_CLASS_NAMES.code,
      ref: detailsFallbackShown ? undefined : fallbackRef,
    }),
    getCopySupportIdProps: () => button(messages.copySupportId, () => void copy('supportId', error.supportId ?? '')),
    getCopyStatusProps: (targets) => copyStatusProps(messages, copyStatus, copyTarget !== undefined && targets.includes(copyTarget)),
    getValidityProps: () => ({ className: API_ERROR_BANNER_CLASS_NAMES.validity }),
    // Only the server's own wait holds the person back; a backoff the kit chose can be cut short.
    getTryAgainProps: () => ({
      ...buttonProps(messages.tryAgain, API_ERROR_BANNER_CLASS_NAMES.primaryButton, retry),
      disabled: waiting && error.retryAfterMs !== undefined,
    }),
    getCountdownProps: () => ({ error, messages: props.messages, className: API_ERROR_BANNER_CLASS_NAMES.countdown }),
    getRetryNowProps: () => button(messages.retryNow, onRetryNow),
    getStopRetryingProps: () => button(messages.stopRetrying, onStopRetrying),
    getDismissProps: () => button(messages.dismiss, onDismiss),
    getDetailsProps: () => ({ error, messages: props.messages, clipboard }),
  };
}
