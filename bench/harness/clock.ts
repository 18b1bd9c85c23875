/** Epoch milliseconds with sub-millisecond resolution, comparable across worker threads. */
export function preciseNow(): number {
  return performance.timeOrigin + performance.now();
}
