import type { AdmissionRule } from './admission-rule.js';

/** The longest time after a wait that requests go strictly one at a time: a rate window of a minute. */
const MAX_STRICT_MS = 60_000;

/**
 * Windows (the latest refusal's wait) served at the pace without a refusal before the pace is
 * raised by one request per window: additive increase, as TCP's congestion window and AWS's
 * adaptive retry grow back, so a pace learned on a bad minute (or from a server that has since
 * raised its limit) does not hold the page for good. A refusal corrects it down again.
 */
const RAISE_AFTER_WINDOWS = 2;

/**
 * The longest spacing of raises, in windows. A raise the server refused shows its limit is near:
 * the next raise waits twice as many windows (as TCP, past its threshold, grows more slowly), so
 * a pace at the limit is not refused anew every few windows; a raise that holds halves it again.
 */
const MAX_RAISE_AFTER_WINDOWS = 16;

/** Requests in flight at a refusal that a rate limit may still serve: one token refilled. */
const SERVED_FROM_BEFORE = 1;

/**
 * @internal The rule of the strict period and the learned pace. After a refusal right behind
 * successes (a rate limit), requests go one at a time for as long again as the wait (the strict
 * period); a second refusal within it, while the refusals still say the limit is shared, shows the
 * rate the server allows, and requests then keep to it while the demand is above it.
 */
export interface LearnedPaceRule extends AdmissionRule {
  /** Whether the strict period runs at `now`: the ramp does not grow then. */
  strict(now: number): boolean;
  /** Whether a pace was learned and holds at `now`. */
  paced(now: number): boolean;
  /**
   * A request that left at `departedAt` was served at `now`. A rate limit refuses what reaches it
   * after its first refusal; a service that refuses at random serves most of the requests that
   * were in flight with the refused one. Once at least half of those have answered, more than
   * {@link SERVED_FROM_BEFORE} of them were served and more were served than refused, the strict
   * period (and any pace) ends: the refusal was not about a rate. Waiting for half of them keeps
   * the few served answers that happen to be read first from deciding.
   */
  servedFromBefore(departedAt: number, now: number): void;
  /** A request that left at `departedAt` was refused at `now`: weighed against the served ones. */
  refusedFromBefore(departedAt: number, now: number): void;
  /**
   * The server refused at `now` until `until`, right behind successes, with `inFlight` requests
   * (the refused one among them) still out: one at a time for as long again as `waitMs`.
   */
  limitRate(until: number, waitMs: number, now: number, inFlight: number): void;
  /** A request left at `now`: the next one keeps the pace from it. */
  departed(now: number): void;
  /** A request that left at `departedAt` was served at `now`: the pace may be raised (additive increase). */
  served(departedAt: number, now: number): void;
  /**
   * A 429 arrived at `now`, asking for `waitMs` (if known): learn the pace from the period so far.
   * `shared`: the latest answers say the client is over a limit its requests share. A pace is
   * learned only from such a refusal; once learned, every refusal corrects it.
   */
  refused(now: number, waitMs: number | undefined, shared: boolean): void;
}

/** @internal Creates the {@link LearnedPaceRule}. */
export function createLearnedPaceRule(): LearnedPaceRule {
  let strictUntil = 0;
  // The rate a server was seen to allow (one request per `paceMs`), from the period's first
  // refusal (`periodFrom`) to its latest: kept while requests go one at a time after a rate limit.
  // Kept as a theoretical next departure `pacedAt`, which may run ahead of now by `burstMs`: what
  // the server's allowance refilled while the gate was closed, rounded to whole requests.
  let paceMs = 0;
  let burstMs = 0;
  let pacedAt = Number.NEGATIVE_INFINITY;
  let periodFrom = 0;
  let servedInPeriod = 0;
  // When the strict period began, how many requests were out then, and how many of those were
  // served or refused since.
  let strictFrom = 0;
  let inFlightAtStrict = 0;
  let servedFromBeforeCount = 0;
  let refusedFromBeforeCount = 0;
  // The rate's window (the latest refusal's wait), and since when the pace held requests back
  // with no refusal: the evidence for raising it.
  let windowMs = 0;
  let unrefusedSince = 0;
  let held = false;
  // How many windows apart raises go, and whether the pace's latest change was a raise.
  let raiseAfterWindows = RAISE_AFTER_WINDOWS;
  let raised = false;
  const paced = (now: number) => paceMs > 0 && now < strictUntil;
  const pacedUntil = (now: number) => (paced(now) ? pacedAt - burstMs : 0);
  return {
    admits: (_name, now) => now >= pacedUntil(now),
    wakeAt(now) {
      const until = pacedUntil(now);
      if (now >= until) return undefined;
      // Held to the pace: the demand is above the server's rate, so keep to it a while longer.
      strictUntil = Math.max(strictUntil, until + paceMs);
      held = true;
      return until;
    },
    strict: (now) => now < strictUntil,
    paced,
    servedFromBefore(departedAt, now) {
      if (now >= strictUntil || departedAt >= strictFrom) return;
      servedFromBeforeCount += 1;
      const answered = servedFromBeforeCount + refusedFromBeforeCount;
      if (servedFromBeforeCount <= SERVED_FROM_BEFORE || servedFromBeforeCount <= refusedFromBeforeCount || answered * 2 < inFlightAtStrict) return;
      strictUntil = now;
      paceMs = 0;
    },
    refusedFromBefore(departedAt, now) {
      if (now < strictUntil && departedAt < strictFrom) refusedFromBeforeCount += 1;
    },
    limitRate(until, waitMs, now, inFlight) {
      if (now >= strictUntil) {
        strictFrom = now;
        inFlightAtStrict = inFlight;
        servedFromBeforeCount = 0;
        refusedFromBeforeCount = 0;
      }
      strictUntil = Math.max(strictUntil, until + Math.min(waitMs, MAX_STRICT_MS));
    },
    departed(now) {
      if (paceMs > 0) pacedAt = Math.max(pacedAt, now) + paceMs;
    },
    served(departedAt, now) {
      // Served from what the rate refilled: those that left before the period's first refusal
      // were served from what the server had saved up.
      if (departedAt >= periodFrom) servedInPeriod += 1;
      // Only a pace that held requests back is raised: below the demand, it was really tried.
      if (paceMs === 0 || !held || now - unrefusedSince < raiseAfterWindows * windowMs) return;
      if (raised) raiseAfterWindows = Math.max(RAISE_AFTER_WINDOWS, raiseAfterWindows / 2);
      paceMs = windowMs / (windowMs / paceMs + 1);
      unrefusedSince = now;
      held = false;
      raised = true;
    },
    refused(now, waitMs, shared) {
      // The period's first refusal and this one both found the allowance used up, so what was
      // served between them is what the server's rate let through in that time, plus less than
      // one request it had refilled: counted as a whole one, erring fast, so that a pace too
      // fast meets a refusal that corrects it over a longer time, where one too slow would never
      // learn better. A refusal after the strict time starts afresh.
      if (now >= strictUntil) {
        paceMs = 0;
        periodFrom = now;
        servedInPeriod = 0;
      } else if (servedInPeriod > 0 && (paceMs > 0 || shared)) {
        paceMs = (now - periodFrom) / (servedInPeriod + 1);
        burstMs = Math.max(0, (waitMs ?? 0) - paceMs / 2);
      }
      // Without a wait given, a window of ten requests at the pace.
      windowMs = waitMs !== undefined && waitMs > 0 ? waitMs : 10 * paceMs;
      unrefusedSince = now;
      held = false;
      if (raised) raiseAfterWindows = Math.min(MAX_RAISE_AFTER_WINDOWS, raiseAfterWindows * 2);
      raised = false;
    },
  };
}
