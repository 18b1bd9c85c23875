import { clientContextOf } from '../client/guarded-instance.js';
import type { RateLimitGateSnapshot } from './rate-limit-gate.js';
import type { HealthState, RecoverySnapshot } from './recovery.js';

export type { HealthState } from './recovery.js';

/** The client's view of the service, as state. */
export interface ApiHealth {
  /**
   * `up`; `degraded` (it refused or failed some requests lately, or requests are held for a
   * server-given wait or ramping up after one, while others are served); or `down` (nothing was
   * served since the retry budget ran out, or since a query gave up: the client is probing).
   */
  readonly state: HealthState;
  /**
   * While `down` with no probe in flight: when the next probe goes (epoch ms), never before a
   * server-given time; else `null`. Probes go only while the tab is visible and the device online.
   */
  readonly nextProbeAt: number | null;
  /** Since when `state` holds (epoch ms). */
  readonly since: number;
}

/** Where a client's {@link ApiHealth} is read; subscribable, so React can read it with `useSyncExternalStore`. */
export interface ApiHealthStore {
  /** The client's health; the same object until it changes. */
  snapshot(): ApiHealth;
  /** Calls `listener` whenever the health changes; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

const stores = new WeakMap<object, ApiHealthStore>();

/**
 * The health of a client made by `createApiClient` (or extended from one), or `undefined` for any
 * other value.
 *
 * @example
 * ```ts
 * const health = getApiHealth(client)!;
 * health.subscribe(() => console.log(health.snapshot().state));
 * ```
 */
export function getApiHealth(client: unknown): ApiHealthStore | undefined {
  const context = clientContextOf(client);
  if (!context) return undefined;
  const { recovery, gate } = context;
  const known = stores.get(recovery);
  if (known) return known;
  let from: [RecoverySnapshot, RateLimitGateSnapshot | undefined] | undefined;
  let health: ApiHealth | undefined;
  const store: ApiHealthStore = {
    snapshot() {
      const recovered = recovery.snapshot();
      const held = gate?.snapshot();
      if (health && from?.[0] === recovered && from[1] === held) return health;
      from = [recovered, held];
      const next = recovered.health === 'down' && recovered.nextProbeAt !== null ? Math.max(recovered.nextProbeAt, held?.closedUntil ?? 0) : null;
      if (health?.state !== recovered.health || health.nextProbeAt !== next || health.since !== recovered.healthSince) {
        health = { state: recovered.health, nextProbeAt: next, since: recovered.healthSince };
      }
      return health;
    },
    subscribe(listener) {
      const stopRecovery = recovery.subscribe(listener);
      const stopGate = gate?.subscribe(listener);
      return () => {
        stopRecovery();
        stopGate?.();
      };
    },
  };
  stores.set(recovery, store);
  return store;
}
