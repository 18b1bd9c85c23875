/**
 * @internal One reason a request may have to wait before it leaves. Each rule keeps its own
 * evidence (a server-given wait, the order refused requests come back in, a quota, a learned
 * pace) and answers for itself; the recovery controller asks them all, in order.
 */
export interface AdmissionRule {
  /** Whether the request named by `name` may leave at `now`; the name is read only when the rule needs it. */
  admits(name: () => string, now: number): boolean;
  /**
   * When the queue is held and this rule is what holds it: when to look again (epoch ms), or
   * `null` when an event (the gate opening, an answer), not a timer, ends the hold. `undefined`
   * when this rule holds nobody.
   */
  wakeAt(now: number, waiting: readonly string[]): number | null | undefined;
}

/** Requests remembered for their refusals or failures, per kind of evidence. */
export const MAX_REMEMBERED = 512;

/** @internal Keeps `value` for `key`, forgetting the oldest entry beyond {@link MAX_REMEMBERED}. */
export function remember<T>(map: Map<string, T>, key: string, value: T): void {
  map.set(key, value);
  if (map.size > MAX_REMEMBERED) map.delete(map.keys().next().value!);
}
