import { MAX_TIMER_DELAY_MS } from './rate-limit-headers.js';
import { DEFAULT_RETRY_POLICY } from './retry-policy.js';

/** What a {@link RateLimitGate} knows right now. */
export interface RateLimitGateSnapshot {
  /** Until when requests are held (epoch ms), or `null` when the gate is open. */
  readonly closedUntil: number | null;
}

/** Options of {@link createRateLimitGate}. */
export interface RateLimitGateOptions {
  /**
   * Share closings with every gate of this name in other tabs of the same origin
   * (`BroadcastChannel`, where present) and in this tab. A gate created during a closing (a tab
   * opened then) starts closed: it reads the closing from the gates of this tab and from
   * `localStorage`, where each closing is also written (where storage works).
   */
  channel?: string;
}

/**
 * Holds requests while the server has asked the client to wait. Subscribable, so React can read
 * it with `useSyncExternalStore`.
 */
export interface RateLimitGate {
  /** Closes the gate until `epochMs` (a later time than the current closing wins). */
  closeUntil(epochMs: number): void;
  /**
   * Resolves once the gate is open; at once when it already is. Rejects with the signal's
   * reason when `signal` aborts first.
   */
  wait(signal?: AbortSignal | null): Promise<void>;
  /** The gate's state; the same object until it changes. */
  snapshot(): RateLimitGateSnapshot;
  /** Calls `listener` whenever the gate closes or opens; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Stops listening to other tabs and releases timers. */
  dispose(): void;
}

const ownGates = new WeakSet<RateLimitGate>();

/**
 * @internal Whether `gate` was made by {@link createRateLimitGate}, whose `wait` does nothing
 * while the snapshot is open; another implementation may do more in `wait`, so it is always asked.
 */
export function waitsOnlyWhileClosed(gate: RateLimitGate): boolean {
  return ownGates.has(gate);
}

const OPEN: RateLimitGateSnapshot = Object.freeze({ closedUntil: null });

interface ChannelMessage {
  type: 'api-error-kit/close';
  until: number;
}

interface Peer {
  apply: (until: number) => boolean;
  closedUntil: () => number | null;
}

// Gates of one channel name in this tab, so they share closings without a round trip.
const localPeers = new Map<string, Set<Peer>>();

const storageKey = (channel: string) => `api-error-kit:gate:${channel}`;

/**
 * The origin's `localStorage`, or `undefined` where there is none (a server, a worker) or where
 * touching it throws (storage blocked, a sandboxed frame). Only read when a gate is made or closes.
 */
function originStorage(): Storage | undefined {
  try {
    const storage = (globalThis as { localStorage?: Storage }).localStorage;
    return typeof storage?.getItem === 'function' ? storage : undefined;
  } catch {
    return undefined;
  }
}

/** The closing another tab of `channel` wrote, if it is still running; nothing when storage fails. */
function storedClosing(channel: string, now: number): number | undefined {
  try {
    const until = Number(originStorage()?.getItem(storageKey(channel)) ?? Number.NaN);
    // A closing longer than any the client makes is not one it wrote: ignored.
    return until > now && until - now <= DEFAULT_RETRY_POLICY.maxServerWaitMs ? until : undefined;
  } catch {
    return undefined;
  }
}

function storeClosing(channel: string, until: number): void {
  try {
    originStorage()?.setItem(storageKey(channel), String(until));
  } catch {
    // Full or blocked: other tabs still hear the closing through BroadcastChannel.
  }
}

/**
 * Creates a {@link RateLimitGate}. After a 429 the client closes its gate until the time the
 * server gave, and every request through it waits at the gate instead of being sent.
 *
 * @example
 * ```ts
 * const gate = createRateLimitGate({ channel: 'my-api' });
 * const client = createApiClient({ prefix: '/api', gate });
 * gate.subscribe(() => console.log(gate.snapshot().closedUntil));
 * ```
 */
export function createRateLimitGate({ channel }: RateLimitGateOptions = {}): RateLimitGate {
  let state: RateLimitGateSnapshot = OPEN;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listeners = new Set<() => void>();

  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  };

  const schedule = (delay: number) => {
    timer = setTimeout(open, Math.min(delay, MAX_TIMER_DELAY_MS));
    // A closed gate must not keep a Node process alive on its own.
    (timer as { unref?: () => void }).unref?.();
  };

  const emit = () => {
    for (const listener of [...listeners]) listener();
  };

  const open = () => {
    timer = undefined;
    const until = state.closedUntil;
    if (until !== null && until > Date.now()) {
      // Woken early (a clock jump, or fake timers): sleep the rest.
      schedule(until - Date.now());
      return;
    }
    state = OPEN;
    emit();
  };

  const apply = (until: number) => {
    if (!Number.isFinite(until) || until <= Date.now()) return false;
    if (state.closedUntil !== null && state.closedUntil >= until) return false;
    state = Object.freeze({ closedUntil: until });
    if (timer !== undefined) clearTimeout(timer);
    schedule(until - Date.now());
    emit();
    return true;
  };

  let broadcast: BroadcastChannel | undefined;
  // Defined exactly when there is a channel.
  const peers = channel === undefined ? undefined : localPeers.get(channel) ?? new Set<Peer>();
  const self: Peer = { apply, closedUntil: () => state.closedUntil };
  if (peers) {
    // A closing already running, in this tab or (stored) in another, holds this gate from the start.
    for (const until of [storedClosing(channel!, Date.now()), ...[...peers].map((peer) => peer.closedUntil())]) if (until != null) apply(until);
    localPeers.set(channel!, peers);
    peers.add(self);
    if (typeof BroadcastChannel === 'function') {
      broadcast = new BroadcastChannel(`api-error-kit:${channel}`);
      // Like the timer: listening for other tabs must not keep a Node process alive.
      (broadcast as { unref?: () => void }).unref?.();
      broadcast.onmessage = (event: MessageEvent<ChannelMessage>) => {
        const data = event.data;
        if (data && data.type === 'api-error-kit/close' && typeof data.until === 'number') apply(data.until);
      };
    }
  }

  const gate: RateLimitGate = {
    closeUntil(epochMs) {
      if (!apply(epochMs)) return;
      if (peers) for (const peer of peers) if (peer !== self) peer.apply(epochMs);
      if (channel !== undefined) storeClosing(channel, epochMs);
      broadcast?.postMessage({ type: 'api-error-kit/close', until: epochMs } satisfies ChannelMessage);
    },
    wait(signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      if (state.closedUntil === null) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const done = () => {
          unsubscribe();
          signal?.removeEventListener('abort', onAbort);
        };
        const onAbort = () => {
          done();
          reject(signal!.reason);
        };
        const unsubscribe = subscribe(() => {
          if (state.closedUntil === null) {
            done();
            resolve();
          }
        });
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
    snapshot: () => state,
    subscribe,
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      peers?.delete(self);
      if (peers?.size === 0) localPeers.delete(channel!);
      broadcast?.close();
      broadcast = undefined;
    },
  };
  ownGates.add(gate);
  return gate;
}
