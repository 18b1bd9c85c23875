import { createApiClient, createRateLimitGate } from '../../src/core/index.js';

/** What the page that opens the second tab hands it, set on its window before this script runs. */
export interface SecondTabSetup {
  channel: string;
  prefix: string;
}

/** What the second tab tells the page that opened it: what its gate knew when made, and its request's outcome. */
export interface SecondTabReport {
  type: 'story/second-tab';
  learned: number | null;
  status: number;
}

// The second tab's own copy of the kit: a gate of the shared channel and a client, one request at once.
const { channel, prefix } = (window as unknown as { secondTab: SecondTabSetup }).secondTab;
const gate = createRateLimitGate({ channel });
const learned = gate.snapshot().closedUntil;
const client = createApiClient({ prefix, gate });
// No top-level await: the bundle may be a classic script.
void client
  .get('dashboard/second')
  .then(
    (response) => response.status,
    (error: { status?: number }) => error.status ?? 0,
  )
  .then((status) => {
    gate.dispose();
    parent.postMessage({ type: 'story/second-tab', learned, status } satisfies SecondTabReport, '*');
  });
