import type { Decorator } from '@storybook/react-vite';
import { defaultMessages, MessagesProvider, type Messages } from '../../src/index.js';
import { ar } from '../../src/locales/ar.js';
import { de } from '../../src/locales/de.js';
import { es } from '../../src/locales/es.js';
import { fr } from '../../src/locales/fr.js';
import { ja } from '../../src/locales/ja.js';
import { ptBR } from '../../src/locales/pt-BR.js';
import { zhCN } from '../../src/locales/zh-CN.js';

/** A language the stories can be shown in: its texts, its name in itself, and its direction. */
export interface StoryLocale {
  messages: Messages;
  name: string;
  dir: 'ltr' | 'rtl';
}

/** English (the defaults) and every shipped locale, by language tag. */
export const STORY_LOCALES: Readonly<Record<string, StoryLocale>> = {
  en: { messages: defaultMessages, name: 'English', dir: 'ltr' },
  de: { messages: de, name: 'Deutsch', dir: 'ltr' },
  fr: { messages: fr, name: 'Français', dir: 'ltr' },
  es: { messages: es, name: 'Español', dir: 'ltr' },
  'pt-BR': { messages: ptBR, name: 'Português (Brasil)', dir: 'ltr' },
  ja: { messages: ja, name: '日本語', dir: 'ltr' },
  'zh-CN': { messages: zhCN, name: '简体中文', dir: 'ltr' },
  ar: { messages: ar, name: 'العربية', dir: 'rtl' },
};

/** Storybook's `locale` toolbar: every entry of {@link STORY_LOCALES}. */
export const localeGlobalType = {
  description: 'The language of the components’ texts',
  toolbar: {
    title: 'Locale',
    icon: 'globe',
    items: Object.entries(STORY_LOCALES).map(([value, { name }]) => ({ value, title: name })),
    dynamicTitle: true,
  },
};

/**
 * Renders the story in a language of its own (`lang`). `dir` is set only where given, so a page
 * direction set further out (the right-to-left screenshots) still reaches the story.
 */
export function withLanguage(lang: string, dir?: 'ltr' | 'rtl'): Decorator {
  return function LanguageDecorator(Story) {
    return (
      <div lang={lang} dir={dir}>
        <Story />
      </div>
    );
  };
}

/**
 * The toolbar's locale: its texts through `MessagesProvider` (a story's own `messages` prop still
 * wins), with `lang` and, for Arabic, `dir="rtl"` on a wrapper, as an app sets them on its page.
 * English renders the story untouched.
 */
export const withLocale: Decorator = (Story, context) => {
  const tag = typeof context.globals.locale === 'string' ? context.globals.locale : 'en';
  const locale = STORY_LOCALES[tag];
  if (!locale || tag === 'en') return <Story />;
  return (
    <div lang={tag} dir={locale.dir === 'rtl' ? 'rtl' : undefined}>
      <MessagesProvider messages={locale.messages}>
        <Story />
      </MessagesProvider>
    </div>
  );
};
