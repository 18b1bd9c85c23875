import type { BrowserCommand } from 'vitest/node';

/**
 * Emulates `prefers-color-scheme` in the test browser, so the stylesheet's own dark palette
 * applies without rendering the story again.
 */
export const setColorScheme: BrowserCommand<[scheme: 'light' | 'dark']> = async (context, scheme) => {
  await context.page.emulateMedia({ colorScheme: scheme });
};

declare module 'vitest/browser' {
  interface BrowserCommands {
    setColorScheme: (scheme: 'light' | 'dark') => Promise<void>;
  }
}
