'use client';
import { useId, useMemo, type HTMLAttributes } from 'react';
import type { ApiError } from '../core/errors/ApiError.js';
import type { ApiErrorKind } from '../core/errors/kinds.js';
import { isDevelopmentBuild } from '../core/diagnostics/build-mode.js';
import type { Messages, PartialMessages } from '../core/texts/messages.js';
import { isServerRefusal } from '../core/retry/retry-policy.js';
import { getScheduledRetry, type ScheduledRetry } from '../core/retry/failure-record.js';
import type { RetryingResult } from '../react/useRetryCountdown.js';
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
import { bannerTexts } from './banner-texts.js';
import { useKeptFocus, type KeptFocus } from './useKeptFocus.js';
import { useShownWait } from './useShownWait.js';
import { useWaitNote } from './useWaitNote.js';

/**
 * A query or mutation result of the kit's hooks (`useApiQuery`, `useApiMutation`), as the banner
 * reads it: its failure, how to run it again, and its retry controls. Plain react-query results
 * fit too (without "Retry now" and "Stop retrying").
 */
export interface BannerResult extends RetryingResult {
  /** A query's refetch: "Try again" runs it. */
  refetch?(): unknown;
  /** A mutation's `mutate`: "Try again" sends the same variables again, where that is safe. */
  mutate?(variables: unknown): unknown;
  /** The variables of a mutation's latest call. */
  variables?: unknown;
  /** The kit's "Retry now" (`useApiQuery` and `useApiMutation` results). */
  retryNow?: () => void;
  /** The kit's "Stop retrying". */
  stopRetrying?: () => void;
}

/** Props of `ApiErrorBanner` and of {@link useApiErrorBanner}. */
export interface ApiErrorBannerProps {
  /**
   * A query or mutation result of the kit's hooks: the banner shows its failure
   * (`error ?? failureReason`) and wires "Try again", "Retry now" and "Stop retrying" to it. For
   * a query, "Try again" refetches; for a mutation it sends the same variables again only where
   * the server refused before doing anything (a 429, a 503 with a wait), so nothing is done
   * twice. Props given explicitly win.
   */
  result?: BannerResult | null;
  /** Anything thrown; mapped with `toApiError`. Nothing is shown for `null`, `undefined` or an aborted request. Wins over `result`'s. */
  error?: unknown;
  /** Runs the request again; shows "Try again" when the error is retryable and no automatic retry is scheduled. */
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

// Kinds where trying the same request again cannot help, whatever `retryable` says (a 403 that is a
// rate limit is `rate_limited`, and may be tried again).
const NEVER_RETRIED = new Set<ApiErrorKind>(['bad_request', 'unauthorized', 'forbidden', 'not_found', 'not_acceptable']);

/** What {@link useApiErrorBanner} returns when there is an error to show. */
export interface ApiErrorBannerParts {
  /** The error shown. */
  error: ApiError;
  /** The texts in use. */
  messages: Messages;
  /** The kind's title, such as "Too many requests" ("Service in maintenance" only when the server said so). */
  title: string;
  /** The server's own `error` text when the API sent one that says more than its status, else the kind's friendly description. */
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
  /** Whether an automatic retry is scheduled or running: "Retry now" and "Stop retrying" stand instead of "Try again". */
  automatic: boolean;
  /** Whether that automatic retry is running now: its buttons stay in place, `aria-disabled`. */
  retrying: boolean;
  /** Whether to show the countdown next to the buttons. */
  showCountdown: boolean;
  /**
   * Whether to show "Try again": no automatic retry is scheduled, the error is retryable, its
   * status is not 400, 401, 403, 404 or 406, and there is a retry handler.
   */
  showTryAgain: boolean;
  /** Whether to show "Retry now" ("Try now" while the client waits for the service): an automatic retry is scheduled and `onRetryNow` is given. */
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
  /**
   * The root element: its classes, `data-kind` and `data-source` for styling, and what keeps focus
   * in the banner when a control it held goes away (it moves to the first enabled action, else
   * the root, which takes focus with `tabIndex={-1}`).
   */
  getRootProps: () => HTMLAttributes<HTMLDivElement> & KeptFocus & { 'data-kind': string; 'data-source': string };
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
  /** The "Try again" button: disabled while the server asks to wait, `aria-disabled` while the try it started runs. */
  getTryAgainProps: () => ButtonProps;
  /** Props for the `RetryCountdown` next to the buttons. */
  getCountdownProps: () => RetryCountdownProps;
  /** The "Retry now" button (`aria-disabled` while the retry runs). */
  getRetryNowProps: () => ButtonProps;
  /** The "Stop retrying" button (`aria-disabled` while the retry runs). */
  getStopRetryingProps: () => ButtonProps;
  /**
   * A polite status beside the actions: after "Retry now" is pressed during the server's wait, that
   * the try goes at its time; while a try "Try again" started runs, "Retrying now"; else empty.
   */
  getNoteProps: () => PoliteAnnouncerProps;
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
  const { result, onDismiss, className } = props;
  const thrown = props.error !== undefined || !result ? props.error : (result.error ?? result.failureReason);
  const error = useMemo(() => toShownError(thrown), [thrown]);
  const messages = useMessages(props.messages);
  const clipboard = useCopyToClipboard<BannerCopyTarget>();
  const { status: copyStatus, target: copyTarget, text: copiedText, copy, fallbackRef } = clipboard;
  const keptFocus = useKeptFocus(`.${API_ERROR_BANNER_CLASS_NAMES.actions} > button`);
  const titleId = useId();
  const descriptionId = useId();

  // The result's own failure carries its fetch state (paused offline); an explicit error does not.
  const target = result && thrown !== props.error ? result : error;
  const { deadline, scheduled: remembered, waiting, seen } = useShownWait(target);
  const scheduled = getScheduledRetry(error);
  const online = useIsOnline();
  const serverWait = waiting && remembered !== undefined && remembered.serverGiven;
  const [noted, note] = useWaitNote(deadline, serverWait);

  if (!error) return null;

  const { title, description } = bannerTexts(error, messages);
  const retry = props.onRetry ?? retryOf(result, error) ?? (props.resetErrorBoundary ? () => props.resetErrorBoundary!() : undefined);
  const onRetryNow = props.onRetryNow ?? result?.retryNow;
  const onStopRetrying = props.onStopRetrying ?? result?.stopRetrying;
  // A retry that was scheduled and now runs is remembered by the wait: its controls stay in place.
  const automatic = remembered !== undefined;
  const retrying = automatic && scheduled === undefined;
  const showTryAgain = !automatic && error.retryable && retry !== undefined && !NEVER_RETRIED.has(error.kind);
  // The person's own try of a failed query runs: "Try again" stays in place and says so.
  const rerunning = showTryAgain && result != null && thrown === result.error && result.fetchStatus === 'fetching';
  const showCountdown =
    deadline !== undefined &&
    (automatic || error.retryable) &&
    // Once a wait was seen, its countdown stays to say that it is over.
    (seen || (automatic && !online));
  // Read at render, not at import: outside production builds by default.
  const showDetails = props.showDetails ?? isDevelopmentBuild();
  const supportIdExpiresAt = error.supportIdExpiresAt === undefined ? undefined : new Date(error.supportIdExpiresAt);

  // While the details show the text of a failed copy, that text is the one to select.
  const detailsFallbackShown = copyStatus === 'failed' && (copyTarget === 'details' || copyTarget === 'curl');
  const button = (children: string, onClick: (() => void) | undefined): ButtonProps =>
    buttonProps(children, API_ERROR_BANNER_CLASS_NAMES.button, onClick);
  // While the retry runs, its controls keep their place (and focus) but do nothing: "Retrying now" says why.
  const whileScheduled = (children: string, onClick: (() => void) | undefined): ButtonProps =>
    retrying ? { ...button(children, undefined), 'aria-disabled': true } : button(children, onClick);

  return {
    error,
    messages,
    title,
    description,
    supportId: error.supportId,
    supportIdExpiresAt,
    rayId: error.rayId,
    scheduledRetry: scheduled,
    waiting,
    automatic,
    retrying,
    showCountdown,
    showTryAgain,
    showRetryNow: automatic && onRetryNow !== undefined,
    showStopRetrying: automatic && onStopRetrying !== undefined,
    showDismiss: onDismiss !== undefined,
    showDetails,
    copyStatus,
    copyTarget,
    getRootProps: () => ({
      ...keptFocus,
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
    // "Copied" (or the fallback hint) belongs to the ID that was copied: a new ID on screen drops it.
    getCopyStatusProps: (targets) =>
      copyStatusProps(messages, copyStatus, copyTarget !== undefined && targets.includes(copyTarget) && (copyTarget !== 'supportId' || copiedText === error.supportId)),
    getValidityProps: () => ({ className: API_ERROR_BANNER_CLASS_NAMES.validity }),
    // Only the server's own wait holds the person back; a backoff the kit chose can be cut short.
    getTryAgainProps: () => ({
      ...buttonProps(messages.tryAgain, API_ERROR_BANNER_CLASS_NAMES.primaryButton, rerunning ? undefined : retry),
      disabled: waiting && error.retryAfterMs !== undefined,
      ...(rerunning ? { 'aria-disabled': true } : {}),
    }),
    getCountdownProps: () => ({
      ...(target === result ? { result } : { error }),
      messages: props.messages,
      className: API_ERROR_BANNER_CLASS_NAMES.countdown,
    }),
    getRetryNowProps: () =>
      whileScheduled(remembered?.waitingForService ? messages.tryNow : messages.retryNow, () => {
        onRetryNow?.();
        note();
      }),
    getStopRetryingProps: () => whileScheduled(messages.stopRetrying, onStopRetrying),
    getNoteProps: () => ({
      message: noted ? messages.waitRequested : rerunning ? messages.retryingNow : '',
      className: API_ERROR_BANNER_CLASS_NAMES.note,
    }),
    getDismissProps: () => button(messages.dismiss, onDismiss),
    getDetailsProps: () => ({ error, messages: props.messages, clipboard }),
  };
}

/**
 * "Try again" for a hook result: a query refetches; a mutation sends its variables again only
 * where the server refused before doing anything, so a request that may have been done is never
 * sent twice behind the person's back.
 */
function retryOf(result: BannerResult | null | undefined, error: ApiError): (() => void) | undefined {
  if (!result) return undefined;
  if (typeof result.refetch === 'function') return () => void result.refetch!();
  if (typeof result.mutate === 'function' && isServerRefusal(error)) return () => void result.mutate!(result.variables);
  return undefined;
}
