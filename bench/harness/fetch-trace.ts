import { preciseNow } from './clock.js';

/** One request as the client sent it. */
export interface DepartureRecord {
  /** The query the request belongs to: `<id>` in `/items/<id>`. */
  query: string | undefined;
  /** When `fetch` was called, epoch ms: the moment the request left the client's own code. */
  departedAt: number;
  /** When the response headers arrived; `undefined` when none did. */
  answeredAt: number | undefined;
  /** The response's status; 0 when there was none. */
  status: number;
}

/** A `fetch` that records every request it sends. */
export interface TracedFetch {
  fetch: typeof globalThis.fetch;
  departures: DepartureRecord[];
}

const ITEM_PATH = /\/items\/([\w-]+)$/;

/**
 * Wraps the global `fetch` so every strategy's requests are timed at the same boundary: after
 * any waiting the client library does, right where the request goes out.
 *
 * @example
 * const traced = createTracedFetch();
 * const client = ky.create({ fetch: traced.fetch });
 */
export function createTracedFetch(): TracedFetch {
  const departures: DepartureRecord[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const record: DepartureRecord = {
      query: ITEM_PATH.exec(new URL(url).pathname)?.[1],
      departedAt: preciseNow(),
      answeredAt: undefined,
      status: 0,
    };
    departures.push(record);
    const response = await globalThis.fetch(input, init);
    record.answeredAt = preciseNow();
    record.status = response.status;
    return response;
  };
  return { fetch, departures };
}
