import type { RateLimitGate } from '../rate-limit-gate.js';
import type { AdvertisedQuota } from '../rate-limit-headers.js';
import type { AdmissionRule } from './admission-rule.js';

/**
 * @internal The rule of the quota a server advertises: no more leave before its reset than the
 * server said remain; once it is used up the gate closes until the reset; after the reset, one
 * at a time until an answer brings a new count.
 */
export interface AdvertisedQuotaRule extends AdmissionRule {
  /** A request left at `now`: one less remains. */
  departed(now: number): void;
  /** An answer arrived at `now`; `advertised` is the quota it reports, if any. */
  answered(ok: boolean, advertised: AdvertisedQuota | undefined, now: number): void;
}

/** @internal Creates the {@link AdvertisedQuotaRule}; `inFlight` counts the requests that hold a place. */
export function createAdvertisedQuotaRule(gate: RateLimitGate | undefined, inFlight: () => number): AdvertisedQuotaRule {
  // The server's own count: how many may still leave before `until`.
  let quota: { left: number; until: number } | undefined;
  return {
    admits: (_name, now) => quota === undefined || (now < quota.until ? quota.left > 0 : inFlight() === 0),
    wakeAt: (now) => (quota !== undefined && now < quota.until ? quota.until : undefined),
    departed(now) {
      if (quota === undefined || now >= quota.until) return;
      quota.left -= 1;
      // The server's count is used up: nobody else leaves before its reset.
      if (quota.left <= 0) gate?.closeUntil(quota.until);
    },
    answered(ok, advertised, now) {
      if (advertised !== undefined && gate) {
        // The newest count wins; requests still in flight may not be in it yet.
        quota = { left: advertised.remaining - Math.max(0, inFlight() - 1), until: now + advertised.resetMs };
        if (quota.left <= 0) gate.closeUntil(quota.until);
      } else if (ok) {
        quota = undefined;
      }
    },
  };
}
