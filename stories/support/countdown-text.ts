import { expect } from 'storybook/test';

/** The countdown's visible text; its polite announcer (hidden) says the same at the start and the end. */
export const COUNTDOWN_TEXT = '.aek-countdown__text';

/**
 * Checks the countdown's text against `pattern`, whose one group is the whole seconds shown: more
 * than 0 and at most `fullSeconds` (a busy machine may have let a second or two pass already).
 */
export async function expectCountdown(container: HTMLElement, pattern: RegExp, fullSeconds: number): Promise<void> {
  const text = container.querySelector(COUNTDOWN_TEXT)?.textContent ?? '';
  const match = pattern.exec(text);
  await expect(match, `countdown text "${text}"`).not.toBeNull();
  const seconds = Number(match![1]);
  await expect(seconds).toBeGreaterThan(0);
  await expect(seconds).toBeLessThanOrEqual(fullSeconds);
}

/** The texts a countdown showed, in order, as recorded by {@link recordCountdown}. */
export interface CountdownRecording {
  texts: string[];
  stop: () => void;
}

/** Records each distinct text the countdown inside `container` shows, until `stop()`. */
export function recordCountdown(container: HTMLElement): CountdownRecording {
  const texts: string[] = [];
  const read = () => {
    const text = container.querySelector(COUNTDOWN_TEXT)?.textContent;
    if (text && text !== texts.at(-1)) texts.push(text);
  };
  const observer = new MutationObserver(read);
  observer.observe(container, { subtree: true, childList: true, characterData: true });
  read();
  return { texts, stop: () => observer.disconnect() };
}
