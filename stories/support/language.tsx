import type { Decorator } from '@storybook/react-vite';

/** Renders the story in a language of its own (`lang`), and right to left when `dir` says so. */
export function withLanguage(lang: string, dir: 'ltr' | 'rtl' = 'ltr'): Decorator {
  return function LanguageDecorator(Story) {
    return (
      <div lang={lang} dir={dir}>
        <Story />
      </div>
    );
  };
}
