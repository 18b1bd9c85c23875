'use client';
import { PoliteAnnouncer } from './PoliteAnnouncer.js';
import { API_ERROR_BANNER_CLASS_NAMES as classNames } from './banner-parts.js';
import { useApiErrorDetails, type ApiErrorDetailsProps } from './useApiErrorDetails.js';

/**
 * The banner's technical details, for developers: a collapsed disclosure named "Details" with
 * the method, URL, status, Ray ID and time, "Copy details" (the report for a support ticket) and
 * "Copy as curl" (the request, with `$API_KEY` for the credential). When copying fails, the text
 * is shown selected, ready for Ctrl+C.
 *
 * `ApiErrorBanner` loads this module on demand (`React.lazy`), only when it shows the details,
 * so an app whose production banner never shows them never downloads this code or the
 * formatters it uses. For your own markup, use {@link useApiErrorDetails}.
 *
 * @example
 * ```tsx
 * const banner = useApiErrorBanner(props);
 * {banner?.showDetails && <ApiErrorDetails {...banner.getDetailsProps()} />}
 * ```
 */
export function ApiErrorDetails(props: ApiErrorDetailsProps) {
  const details = useApiErrorDetails(props);
  if (!details) return null;

  return (
    <details {...details.getRootProps()}>
      <summary {...details.getSummaryProps()}>{details.messages.details}</summary>
      <dl className={classNames.facts}>
        {details.facts.map((fact) => (
          <div key={fact.label} className={classNames.id}>
            <dt className={classNames.label}>{fact.label}</dt>
            <dd className={classNames.value}>{fact.value}</dd>
          </div>
        ))}
      </dl>
      <div className={classNames.actions}>
        <button {...details.getCopyDetailsProps()} />
        <button {...details.getCopyCurlProps()} />
        <PoliteAnnouncer {...details.getCopyStatusProps()} />
      </div>
      {details.copyFallbackText !== undefined && <pre {...details.getCopyFallbackProps()}>{details.copyFallbackText}</pre>}
    </details>
  );
}
