import axe from 'axe-core';
import { expect, vi } from 'vitest';

/**
 * Runs axe-core on a rendered component and fails with the rules it breaks. Two rules are off:
 * `region` asks that a whole page sit in landmarks, and a component is not a page;
 * `color-contrast` needs layout and canvas, which jsdom lacks (the stories check it in a browser).
 *
 * axe queues its work on zero-delay timers, which a fake clock runs only when it moves: it is
 * moved here 1 ms at a time until axe is done (a few ms, far from any whole second).
 */
export async function expectNoAxeViolations(container: Element): Promise<void> {
  let settled = false;
  const running = axe.run(container, { rules: { region: { enabled: false }, 'color-contrast': { enabled: false } } }).finally(() => {
    settled = true;
  });
  for (let turn = 0; turn < 1_000 && !settled && vi.isFakeTimers(); turn += 1) {
    await vi.advanceTimersByTimeAsync(1);
  }
  const results = await running;
  const violations = results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(', ')}`);
  expect(violations).toEqual([]);
}
