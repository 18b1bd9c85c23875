import { cleanup, render, screen } from '@testing-library/react';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError, ApiErrorBanner, RetryCountdown } from '../../src/index.js';
import { useFakeClockPerTest } from '../support/fake-clock.js';
import { preloadDetailsModule } from '../support/details-module.js';
import { lookAlikes } from '../support/look-alikes.js';

beforeAll(preloadDetailsModule);

const RUNS = 150;
const NOW = Date.UTC(2026, 10, 25, 9, 0, 0);

useFakeClockPerTest(NOW);

// The banner loads its "Details" part on demand. Loaded once here, it renders at once in every
// run below, so the server text it shows (URL, Ray ID) is checked too.
beforeAll(async () => {
  render(<ApiErrorBanner error={new ApiError({ status: 500, receivedAt: NOW })} showDetails />);
  // The module loads in real time: give a loaded machine room.
  await screen.findByRole('group', { name: 'Details' }, { timeout: 10_000 });
  cleanup();
});

// Text a hostile or broken server could send: markup, scripts, control characters, huge runs.
const serverText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constantFrom('<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '<b>bold</b><i>x</i>', '"><svg onload=alert(1)>', '\u0000\u202Eevil\u0007'),
  fc.string({ maxLength: 40 }).map((text) => `<div>${text}</div>`.repeat(30)),
);

const apiErrors = fc
  .record({
    status: fc.oneof(fc.integer({ min: 0, max: 999 }), fc.constantFrom(0, 400, 401, 404, 429, 500, 503, 522)),
    message: fc.option(serverText, { nil: undefined }),
    supportId: fc.option(serverText, { nil: undefined }),
    rayId: fc.option(serverText, { nil: undefined }),
    retryAfterMs: fc.option(fc.oneof(fc.integer({ min: -5, max: 600_000 }), fc.double()), { nil: undefined }),
    url: fc.option(serverText, { nil: undefined }),
    source: fc.constantFrom('api' as const, 'edge' as const, 'client' as const),
  })
  .map((init) => new ApiError({ ...init, receivedAt: NOW }));

// Anything a component may be handed as `error`.
const thrownValues = fc.oneof(apiErrors, fc.anything(), serverText, fc.constant(Object.create(null) as object));

function tagNames(container: HTMLElement): string[] {
  return [...container.querySelectorAll('*')].map((element) => element.tagName.toLowerCase()).sort();
}

// The elements the banner builds itself; server text can never add to them.
const BANNER_TAGS = new Set(['div', 'p', 'span', 'code', 'button', 'details', 'summary', 'dl', 'dt', 'dd', 'pre', 'progress', 'strong', 'time']);

// 150 renders per property take 2–3 s alone and much longer on a loaded machine: the time is
// work, not waiting, so the limit only stops a hang.
describe('components with arbitrary errors', { timeout: 30_000 }, () => {
  it('ApiErrorBanner never throws and never creates elements from server text', () => {
    let runs = 0;
    fc.assert(
      fc.property(thrownValues, (error) => {
        runs += 1;
        const { container } = render(<ApiErrorBanner error={error} onRetry={() => undefined} onDismiss={() => undefined} showDetails />);
        if (container.firstElementChild) expect(container.querySelector('details'), 'the details are shown').not.toBeNull();
        for (const tag of tagNames(container)) expect(BANNER_TAGS.has(tag), `unexpected <${tag}>`).toBe(true);
        expect(container.querySelector('script, img, svg, b, i, iframe')).toBeNull();
        cleanup();
      }),
      { numRuns: RUNS },
    );
    expect(runs).toBe(RUNS);
  });

  it('ApiErrorBanner never throws on look-alikes of an ApiError, and promises no retry for them', () => {
    let runs = 0;
    fc.assert(
      fc.property(lookAlikes, (error) => {
        runs += 1;
        render(
          <ApiErrorBanner
            error={error}
            onRetry={() => undefined}
            onRetryNow={() => undefined}
            onStopRetrying={() => undefined}
            onDismiss={() => undefined}
            showDetails
          />,
        );
        expect(screen.queryAllByRole('alert').length).toBeLessThanOrEqual(1);
        expect(screen.queryByRole('button', { name: 'Retry now' })).toBeNull();
        cleanup();
      }),
      { numRuns: RUNS },
    );
    expect(runs).toBe(RUNS);
  });

  it('ApiErrorBanner builds the same elements whether the message is markup or plain text', () => {
    fc.assert(
      fc.property(serverText, fc.constantFrom(400, 404, 500, 503), (message, status) => {
        const plain = render(<ApiErrorBanner error={new ApiError({ status, message: 'plain', supportId: 'sup-1', receivedAt: NOW })} />);
        const plainTags = tagNames(plain.container);
        cleanup();
        const hostile = render(<ApiErrorBanner error={new ApiError({ status, message, supportId: 'sup-1', receivedAt: NOW })} />);
        expect(tagNames(hostile.container)).toEqual(plainTags);
        cleanup();
      }),
      { numRuns: RUNS },
    );
  });

  it('RetryCountdown never throws on arbitrary targets', () => {
    fc.assert(
      fc.property(fc.oneof(apiErrors, fc.anything()), fc.oneof(fc.double(), fc.integer(), fc.date({ noInvalidDate: false })), (error, until) => {
        render(
          <>
            <RetryCountdown error={error} />
            <RetryCountdown until={until} />
            <RetryCountdown result={{ failureReason: error, fetchStatus: 'paused' }} />
          </>,
        );
        cleanup();
      }),
      { numRuns: RUNS },
    );
  });
});
