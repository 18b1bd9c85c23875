'use client';
import { useId, useMemo, type DetailsHTMLAttributes, type HTMLAttributes } from 'react';
import type { ApiError } from '../core/errors/ApiError.js';
import { formatCurl } from '../core/diagnostics/format-curl.js';
import { formatErrorReport } from '../core/diagnostics/format-report.js';
import { reasonPhrase } from '../core/texts/reason-phrase.js';
import type { Messages, PartialMessages } from '../core/texts/messages.js';
import { useMessages } from '../react/messages-context.js';
import type { PoliteAnnouncerProps } from './PoliteAnnouncer.js';
import { toShownError } from './shown-error.js';
import { API_ERROR_BANNER_CLASS_NAMES, copyStatusProps, type BannerCopyTarget } from './banner-parts.js';
import { buttonProps, type ButtonProps } from './button-props.js';
import { useCopyToClipboard, type CopyStatus, type CopyToClipboard } from './useCopyToClipboard.js';

/** Props of `ApiErrorDetails` and of {@link useApiErrorDetails}. */
export interface ApiErrorDetailsProps {
  /** Anything thrown; mapped with `toApiError`. Nothing is shown for `null`, `undefined` or an aborted request. */
  error: unknown;
  /** Texts to use instead of the provider's or the defaults. */
  messages?: PartialMessages;
  /**
   * The copy state to share with the rest of a banner (what `useApiErrorBanner`'s
   * `getDetailsProps()` passes), so the latest copy is the only one reported.
   * @default a copy state of its own
   */
  clipboard?: CopyToClipboard<BannerCopyTarget>;
}

/** One line of the technical details. */
export interface BannerFact {
  /** What the value is, such as "Status". */
  label: string;
  /** The value, such as "429 Too Many Requests". */
  value: string;
}

/** What {@link useApiErrorDetails} returns when there is an error to describe. */
export interface ApiErrorDetailsParts {
  /** The error described. */
  error: ApiError;
  /** The texts in use. */
  messages: Messages;
  /** Method, URL, status, Ray ID and time, labelled. */
  facts: BannerFact[];
  /** The latest copy: which text, and how it went. */
  copyStatus: CopyStatus;
  /** Which text the latest copy was of. */
  copyTarget: BannerCopyTarget | undefined;
  /** The text to show (selected) when copying the details or the curl command failed. */
  copyFallbackText: string | undefined;
  /** The `<details>` element, named by its summary ("Details"). */
  getRootProps: () => DetailsHTMLAttributes<HTMLDetailsElement>;
  /** The `<summary>`, whose text ("Details") names the disclosure. */
  getSummaryProps: () => HTMLAttributes<HTMLElement>;
  /** "Copy details": copies `formatErrorReport(error)`. */
  getCopyDetailsProps: () => ButtonProps;
  /** "Copy as curl": copies `formatCurl(error)`. */
  getCopyCurlProps: () => ButtonProps;
  /** The polite status next to the copy buttons: "Copied", or the fallback hint. */
  getCopyStatusProps: () => PoliteAnnouncerProps;
  /** The `<pre>` showing the copied text, selected, when copying the details or curl failed. */
  getCopyFallbackProps: () => HTMLAttributes<HTMLPreElement> & { ref: ((element: HTMLElement | null) => void) | undefined };
}

const DETAILS_TARGETS: readonly BannerCopyTarget[] = ['details', 'curl'];

/**
 * The behaviour of the banner's "Details" disclosure without its markup: the facts (method, URL,
 * status, Ray ID, time), "Copy details" (`formatErrorReport`) and "Copy as curl" (`formatCurl`)
 * with their copy fallback, and props for each part. Returns `null` when there is nothing to
 * describe. `ApiErrorBanner` loads this code only when it shows the details, so production
 * builds that never show them do not fetch it; a module that imports this hook always carries it.
 *
 * @example
 * ```tsx
 * function MyDetails(props: ApiErrorDetailsProps) {
 *   const details = useApiErrorDetails(props);
 *   if (!details) return null;
 *   return (
 *     <details {...details.getRootProps()}>
 *       <summary {...details.getSummaryProps()}>{details.messages.details}</summary>
 *       <MyButton {...details.getCopyCurlProps()} />
 *       <PoliteAnnouncer {...details.getCopyStatusProps()} />
 *     </details>
 *   );
 * }
 * ```
 */
export function useApiErrorDetails(props: ApiErrorDetailsProps): ApiErrorDetailsParts | null {
  const error = useMemo(() => toShownError(props.error), [props.error]);
  const messages = useMessages(props.messages);
  const own = useCopyToClipboard<BannerCopyTarget>();
  const { status: copyStatus, target: copyTarget, text: copyText, copy, fallbackRef } = props.clipboard ?? own;
  const summaryId = useId();

  if (!error) return null;

  const facts: BannerFact[] = [
    { label: messages.methodLabel, value: error.method },
    ...(error.url ? [{ label: messages.urlLabel, value: error.url }] : []),
    { label: messages.statusLabel, value: messages.statusText(error.status, reasonPhrase(error.status)) },
    ...(error.rayId ? [{ label: messages.rayIdLabel, value: error.rayId }] : []),
    { label: messages.timeLabel, value: messages.formatTime(new Date(error.receivedAt)) },
  ];
  const mine = copyTarget !== undefined && DETAILS_TARGETS.includes(copyTarget);
  const copyFallbackText = mine && copyStatus === 'failed' ? copyText : undefined;
  const button = (children: string, onClick: () => void): ButtonProps => buttonProps(children, API_ERROR_BANNER_CLASS_NAMES.button, onClick);

  return {
    error,
    messages,
    facts,
    copyStatus,
    copyTarget,
    copyFallbackText,
    getRootProps: () => ({ className: API_ERROR_BANNER_CLASS_NAMES.details, 'aria-labelledby': summaryId }),
    getSummaryProps: () => ({ id: summaryId, className: API_ERROR_BANNER_CLASS_NAMES.summary }),
    getCopyDetailsProps: () => button(messages.copyDetails, () => void copy('details', formatErrorReport(error))),
    getCopyCurlProps: () => button(messages.copyAsCurl, () => void copy('curl', formatCurl(error))),
    getCopyStatusProps: () => copyStatusProps(messages, copyStatus, mine),
    getCopyFallbackProps: () => ({
      className: API_ERROR_BANNER_CLASS_NAMES.copyFallback,
      ref: copyFallbackText === undefined ? undefined : fallbackRef,
    }),
  };
}
