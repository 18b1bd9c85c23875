import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient, createRetryPolicy, isApiError } from '../../src/core/index.js';
// Internal: the client's own gate, whose closings these properties read, and the longest wait the kit reads.
import { getRateLimitGate } from '../../src/core/client/create-api-client.js';
import { MAX_RETRY_AFTER_MS } from '../../src/core/retry/rate-limit-headers.js';
import { replyJson, useLocalServer } from '../support/local-server.js';

// Every header that can say "wait", with random values: sensible ones (whose meaning the test
// knows), nonsense, and the values real servers send that were misread (epochs, far resets).

const RUNS = 40;
const CAP = createRetryPolicy().options.maxServerWaitMs;

/** A header value, and the wait (ms from the answer) it means when it means one. */
interface Value {
  text: string;
  meansMs?: number;
}

const nonsense = fc.oneof(
  fc.constantFrom('-1', '-0.5', 'soon', '', 'Infinity', 'NaN', '1e3', '0x10', '99999999999', '1,5', 'Wed, 99 Foo 2026'),
  // Random printable text, less the plain numbers it can draw ("0"), which are waits, not nonsense.
  fc.stringMatching(/^[\x21-\x7E]{1,20}$/).filter((text) => !/^\d+(\.\d+)?$/.test(text)),
).map((text): Value => ({ text }));
// No epoch and, as seconds, decades: nonsense for every header but the millisecond ones (11.6 days).
const decadesOfSeconds: fc.Arbitrary<Value> = fc.constant({ text: '999999999' });

// Waits up to two hours: inside the 5-minute cap and beyond it.
const waitMs = fc.integer({ min: 0, max: 2 * 3_600_000 });

/** A value for `header`, written as that header is written by the servers that send it. */
function valueOf(header: string): fc.Arbitrary<Value> {
  const now = () => Date.now();
  const sensible: fc.Arbitrary<Value> =
    header === 'retry-after-ms' || header === 'x-ms-retry-after-ms'
      ? waitMs.map((ms) => ({ text: String(ms), meansMs: ms }))
      : header === 'retry-after'
        ? fc.oneof(
            waitMs.map((ms) => ({ text: String(Math.round(ms / 1000)), meansMs: Math.round(ms / 1000) * 1000 })),
            waitMs.map((ms) => ({ text: new Date(now() + ms).toUTCString(), meansMs: ms })),
          )
        : header === 'x-ratelimit-reset-after'
          ? waitMs.map((ms) => ({ text: (ms / 1000).toFixed(3), meansMs: ms }))
          : // The reset headers: delta-seconds, epoch seconds or epoch milliseconds.
            fc.oneof(
              waitMs.map((ms) => ({ text: String(Math.round(ms / 1000)), meansMs: Math.round(ms / 1000) * 1000 })),
              waitMs.map((ms) => ({ text: String(Math.ceil((now() + ms) / 1000)), meansMs: ms })),
              waitMs.map((ms) => ({ text: String(now() + ms), meansMs: ms })),
            );
  const millisecond = header === 'retry-after-ms' || header === 'x-ms-retry-after-ms';
  return millisecond ? fc.oneof(sensible, nonsense) : fc.oneof(sensible, nonsense, decadesOfSeconds);
}

const WAIT_HEADERS = ['retry-after-ms', 'x-ms-retry-after-ms', 'retry-after', 'x-ratelimit-reset-after', 'ratelimit-reset', 'x-ratelimit-reset'] as const;

const answer = fc.record({
  status: fc.constantFrom(429, 403, 503, 400, 200),
  headers: fc.record(Object.fromEntries(WAIT_HEADERS.map((name) => [name, valueOf(name)])) as Record<(typeof WAIT_HEADERS)[number], fc.Arbitrary<Value>>, {
    requiredKeys: [],
  }),
  remaining: fc.option(fc.constantFrom('0', '1', '595', 'x'), { nil: undefined }),
  // In the draft's structured header a comma starts the next policy and a semicolon the next
  // parameter, so "t=1,5" rightly means 1 s: its values are drawn without either.
  draft: fc.option(
    valueOf('ratelimit-reset').filter((value) => !/[,;]/.test(value.text)),
    { nil: undefined },
  ),
});

describe('random values of every wait header, through the client', () => {
  const server = useLocalServer();
  const gates: Array<() => void> = [];
  afterEach(() => {
    for (const dispose of gates.splice(0)) dispose();
  });

  it('never close the gate beyond the cap, and give an honest wait or none', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(answer, async ({ status, headers, remaining, draft }) => {
        runs += 1;
        server.requests.length = 0;
        const sent: Record<string, string> = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, value.text]));
        if (remaining !== undefined) {
          sent['ratelimit-remaining'] = remaining;
          sent['x-ratelimit-remaining'] = remaining;
        }
        if (draft !== undefined) sent.ratelimit = `"default";r=${remaining ?? 0};t=${draft.text}`;
        const meant = [...Object.values(headers), ...(draft ? [draft] : [])].flatMap((value) => (value.meansMs === undefined ? [] : [value.meansMs]));
        server.handle((_request, response) => replyJson(response, status, status === 200 ? { ok: true } : { error: 'Slow down' }, sent));

        const client = createApiClient({ prefix: server.url, devHints: false });
        const gate = getRateLimitGate(client)!;
        gates.push(() => gate.dispose());
        const sentAt = Date.now();
        const outcome = await client
          .get('anything')
          .json()
          .catch((error: unknown) => error);
        const closedUntil = gate.snapshot().closedUntil;
        if (closedUntil !== null) expect(closedUntil - sentAt).toBeLessThanOrEqual(CAP + 1_000);
        if (!isApiError(outcome)) return;
        const wait = outcome.retryAfterMs;
        if (wait === undefined) return;
        expect(wait).toBeLessThanOrEqual(MAX_RETRY_AFTER_MS);
        // One of the waits a header meant (a date or an epoch is read to the whole second of the
        // server's Date header), never a number made up by clamping.
        expect(meant.some((ms) => Math.abs(ms - wait) <= 2_000), `${wait} ms from ${JSON.stringify(sent)}`).toBe(true);
      }),
      { numRuns: RUNS },
    );
    expect(runs).toBe(RUNS);
  });
});
