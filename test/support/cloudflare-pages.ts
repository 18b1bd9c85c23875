/** Bodies shaped like the ones Cloudflare's edge sends, for error-mapping tests. */

/** A 5xx page as Cloudflare serves it in place of an origin's 502/504 body (abridged). */
export function cloudflare5xxPage(status: number, rayId: string): string {
  return `<!DOCTYPE html>
<!--[if lt IE 7]> <html class="no-js ie6 oldie" lang="en-US"> <![endif]-->
<!--[if gt IE 8]><!--> <html class="no-js" lang="en-US"> <!--<![endif]-->
<head>
<title>api.example.com | ${status}: Bad gateway</title>
<meta charset="UTF-8" />
<script>window.alert('never run this')</script>
</head>
<body>
<div id="cf-wrapper">
  <div id="cf-error-details" class="p-0">
    <header class="mx-auto pt-10 lg:pt-6 lg:px-8 w-240 lg:w-full mb-8">
      <h1 class="inline-block sm:block sm:mb-2 font-light text-60 lg:text-4xl text-black-dark leading-tight mr-2">
        <span class="inline-block">Bad gateway</span>
        <span class="code-label">Error code ${status}</span>
      </h1>
    </header>
    <div class="cf-error-footer cf-wrapper w-240 lg:w-full py-10 sm:py-4 sm:px-8 mx-auto text-center sm:text-left border-solid border-0 border-t border-gray-300">
      <p class="text-13">
        <span class="cf-footer-item sm:block sm:mb-1">Cloudflare Ray ID: <strong class="font-semibold">${rayId}</strong></span>
        <span class="cf-footer-separator sm:hidden">&bull;</span>
        <span id="cf-footer-item-ip" class="cf-footer-item hidden sm:block sm:mb-1">Your IP: 203.0.113.7</span>
      </p>
    </div>
  </div>
</div>
</body>
</html>`;
}

/** The "1015: You are being rate limited" page (abridged). */
export function cloudflare1015Page(rayId: string): string {
  return `<!DOCTYPE html>
<html lang="en-US">
<head><title>Access denied | api.example.com used Cloudflare to restrict access</title></head>
<body>
  <div id="cf-wrapper">
    <div id="cf-error-details" class="cf-error-details-wrapper">
      <div class="cf-wrapper cf-header cf-error-overview">
        <h1><span class="cf-error-type" data-translate="error">Error</span><span class="cf-error-code">1015</span></h1>
        <h2 class="cf-subheadline" data-translate="error_desc">You are being rate limited</h2>
      </div>
      <div class="cf-error-footer cf-wrapper">
        <p><span class="cf-footer-item">Cloudflare Ray ID: <strong>${rayId}</strong></span></p>
      </div>
    </div>
  </div>
</body>
</html>`;
}

/** Cloudflare's JSON error body for a client that accepts JSON (RFC 9457 style, with its own fields). */
export function cloudflareJsonError(rayId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-1xxx-errors/error-1015/',
    title: 'Error 1015: You are being rate limited',
    status: 429,
    detail: 'You are being rate limited by the website owner.',
    instance: rayId,
    error_code: 1015,
    error_name: 'rate_limited',
    error_category: 'rate_limit',
    ray_id: rayId,
    timestamp: '2026-03-12T10:00:00Z',
    zone: 'api.example.com',
    cloudflare_error: true,
    retryable: true,
    retry_after: 30,
    owner_action_required: false,
    ...overrides,
  };
}
