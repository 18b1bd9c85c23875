'use client';
import { useContext, useSyncExternalStore } from 'react';
import type { KyInstance } from 'ky';
import { getRateLimitGate } from '../core/client/create-api-client.js';
import type { RateLimitGate, RateLimitGateSnapshot } from '../core/retry/rate-limit-gate.js';
import { ApiKitContext } from './api-kit-context.js';
import { usageError } from './usage-error.js';

/** The client's rate-limit gate as state. */
export interface RateLimitStatus {
  /** Whether requests are being held. */
  limited: boolean;
  /** When they will be sent (epoch ms), or `null` when the gate is open. */
  until: number | null;
  /** Milliseconds left at render time; pair `until` with `useRetryCountdown` for a ticking display. */
  remainingMs: number;
}

const OPEN: RateLimitGateSnapshot = { closedUntil: null };
const noGate = {
  subscribe: () => () => undefined,
  snapshot: () => OPEN,
};

/**
 * The rate-limit gate of the provider's client (or of `client`), read with
 * `useSyncExternalStore`, so one line on a page can speak for every query waiting behind it.
 * Open: `{ limited: false, until: null, remainingMs: 0 }`.
 *
 * @example
 * ```tsx
 * const { limited, until } = useRateLimitStatus();
 * return limited ? <RetryCountdown until={until!} /> : null;
 * ```
 */
export function useRateLimitStatus(client?: KyInstance): RateLimitStatus {
  const kit = useContext(ApiKitContext);
  const target = client ?? kit?.client;
  if (target === undefined) throw usageError('useRateLimitStatus', 'provider or client');
  const gate: Pick<RateLimitGate, 'subscribe' | 'snapshot'> = getRateLimitGate(target) ?? noGate;
  const { closedUntil } = useSyncExternalStore(gate.subscribe, gate.snapshot, gate.snapshot);
  if (closedUntil === null) return { limited: false, until: null, remainingMs: 0 };
  return { limited: true, until: closedUntil, remainingMs: Math.max(0, closedUntil - Date.now()) };
}
