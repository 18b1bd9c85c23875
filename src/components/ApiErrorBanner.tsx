'use client';
import { lazy, Suspense } from 'react';
import { PoliteAnnouncer } from './PoliteAnnouncer.js';
import { RetryCountdown } from './RetryCountdown.js';
import { API_ERROR_BANNER_CLASS_NAMES as classNames } from './banner-parts.js';
import { useApiErrorBanner, type ApiErrorBannerProps } from './useApiErrorBanner.js';

// Loaded only when details are shown: production builds, where they are off by default, do not
// fetch the details code (the facts, the report and curl formatters) unless `showDetails` asks.
const ApiErrorDetails = /* @__PURE__ */ lazy(() => import('./ApiErrorDetails.js').then((module) => ({ default: module.ApiErrorDetails })));

/**
 * A friendly message for a failed request: a title and a sentence for its kind (or the API's
 * own `error` text, when it says more than the status), the support ID in monospace with a
 * "Copy support ID" button and a line saying until when support can look it up, the Cloudflare
 * Ray ID, and the actions that can help. In development (or with `showDetails`) it also shows a
 * "Details" disclosure with "Copy details" and "Copy as curl"; its code is loaded on demand, so
 * it appears a moment after the rest the first time.
 *
 * One retry action at a time. While an automatic retry is scheduled: the countdown ("Retrying in
 * 12 s", "We'll keep trying · next try in 20 s" while the client probes the service, "Waiting
 * for the network" while it is held), "Retry now" ("Try now" while probing) and "Stop retrying";
 * while that retry runs they stay in place, `aria-disabled`, beside "Retrying now". When none is
 * scheduled: "Try again" where retrying can help, disabled with the countdown beside it while the
 * server asked to wait (a clock time for a wait beyond the automatic-retry cap). "Retry now"
 * pressed during the server's wait says that the try goes at the server's time. When a control
 * that had focus goes away, focus moves to the next action (else the banner): never to the page.
 * "Copied" is shown only beside the ID that was copied.
 *
 * Only the title and the description are inside the `role="alert"` element: the countdown, the
 * IDs and the buttons sit beside it, so nothing is announced twice. Renders nothing for `null`,
 * `undefined` or an aborted request; works without a provider, and as react-error-boundary's
 * `FallbackComponent`. Nothing the server sent is rendered as HTML.
 *
 * Parts carry `aek-banner…` classes (see `API_ERROR_BANNER_CLASS_NAMES`); the root has
 * `data-kind` and `data-source`.
 *
 * @example
 * ```tsx
 * const orders = useApiQuery({ queryKey: ['orders'], path: 'orders' });
 * <ApiErrorBanner result={orders} />
 *
 * // The same, wired by hand (each explicit prop wins over the result's):
 * <ApiErrorBanner
 *   error={orders.error ?? orders.failureReason}
 *   onRetry={() => orders.refetch()}
 *   onRetryNow={orders.retryNow}
 *   onStopRetrying={orders.stopRetrying}
 * />
 *
 * <ErrorBoundary FallbackComponent={ApiErrorBanner}>
 *   <Orders />
 * </ErrorBoundary>
 * ```
 */
export function ApiErrorBanner(props: ApiErrorBannerProps) {
  const banner = useApiErrorBanner(props);
  if (!banner) return null;
  const hasActions = banner.showCountdown || banner.showTryAgain || banner.showRetryNow || banner.showStopRetrying || banner.showDismiss;

  return (
    <div {...banner.getRootProps()}>
      <div {...banner.getAlertProps()}>
        <p {...banner.getTitleProps()}>{banner.title}</p>
        <p {...banner.getDescriptionProps()}>{banner.description}</p>
      </div>

      {(banner.supportId !== undefined || banner.rayId !== undefined) && (
        <dl className={classNames.ids}>
          {banner.supportId !== undefined && (
            <div className={classNames.id}>
              <dt className={classNames.label}>{banner.messages.supportIdLabel}</dt>
              <dd className={classNames.value}>
                <code {...banner.getSupportIdProps()}>{banner.supportId}</code>{' '}
                <button {...banner.getCopySupportIdProps()} /> <PoliteAnnouncer {...banner.getCopyStatusProps(['supportId'])} />
              </dd>
            </div>
          )}
          {banner.rayId !== undefined && (
            <div className={classNames.id}>
              <dt className={classNames.label}>{banner.messages.rayIdLabel}</dt>
              <dd className={classNames.value}>
                <code className={classNames.code}>{banner.rayId}</code>
              </dd>
            </div>
          )}
        </dl>
      )}
      {banner.supportIdExpiresAt !== undefined && (
        <p {...banner.getValidityProps()}>{banner.messages.supportIdValidUntil(banner.supportIdExpiresAt)}</p>
      )}

      {hasActions && (
        <div className={classNames.actions}>
          {banner.showTryAgain && <button {...banner.getTryAgainProps()} />}
          {banner.showCountdown && <RetryCountdown {...banner.getCountdownProps()} />}
          {banner.showRetryNow && <button {...banner.getRetryNowProps()} />}
          {banner.showStopRetrying && <button {...banner.getStopRetryingProps()} />}
          {banner.showDismiss && <button {...banner.getDismissProps()} />}
          {(banner.showRetryNow || banner.showTryAgain) && <PoliteAnnouncer {...banner.getNoteProps()} />}
        </div>
      )}

      {banner.showDetails && (
        <Suspense fallback={null}>
          <ApiErrorDetails {...banner.getDetailsProps()} />
        </Suspense>
      )}
    </div>
  );
}
