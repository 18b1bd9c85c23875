// Shows the kit's texts in the browser's language: the first of `navigator.languages` that a
// shipped locale serves, else English. Each locale is loaded only when chosen.
import { ApiKitProvider, createApiClient, defaultMessages, type Messages } from 'api-error-kit';
import { useEffect, useState, type ReactNode } from 'react';

const SHIPPED: Record<string, () => Promise<Messages>> = {
  ar: () => import('api-error-kit/locales/ar').then((module) => module.ar),
  de: () => import('api-error-kit/locales/de').then((module) => module.de),
  es: () => import('api-error-kit/locales/es').then((module) => module.es),
  fr: () => import('api-error-kit/locales/fr').then((module) => module.fr),
  ja: () => import('api-error-kit/locales/ja').then((module) => module.ja),
  'pt-BR': () => import('api-error-kit/locales/pt-BR').then((module) => module.ptBR),
  'zh-CN': () => import('api-error-kit/locales/zh-CN').then((module) => module.zhCN),
};

// Same language and script: de-AT finds de, pt-PT finds pt-BR, zh-TW (Traditional) does not find zh-CN.
function sameLanguage(a: string, b: string): boolean {
  try {
    const [x, y] = [new Intl.Locale(a).maximize(), new Intl.Locale(b).maximize()];
    return x.language === y.language && x.script === y.script;
  } catch {
    return false; // not a language tag
  }
}

/** The shipped locale for the person's languages, best first; `undefined` means English. */
export function pickLocale(languages: readonly string[]): string | undefined {
  for (const language of languages) {
    if (sameLanguage(language, 'en')) return undefined;
    const tag = Object.keys(SHIPPED).find((shipped) => shipped.toLowerCase() === language.toLowerCase())
      ?? Object.keys(SHIPPED).find((shipped) => sameLanguage(shipped, language));
    if (tag) return tag;
  }
  return undefined;
}

const client = createApiClient({ prefix: '/api' });

export function App({ children }: { children: ReactNode }) {
  const [locale, setLocale] = useState<{ tag: string; messages: Messages }>({ tag: 'en', messages: defaultMessages });
  useEffect(() => {
    const tag = pickLocale(navigator.languages);
    if (tag) void SHIPPED[tag]!().then((messages) => setLocale({ tag, messages }));
  }, []);
  // Arabic reads right to left: the banner's layout follows `dir` from any ancestor.
  return (
    <div lang={locale.tag} dir={locale.tag === 'ar' ? 'rtl' : 'ltr'}>
      <ApiKitProvider client={client} messages={locale.messages}>
        {children}
      </ApiKitProvider>
    </div>
  );
}
