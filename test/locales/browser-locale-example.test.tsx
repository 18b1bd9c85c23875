import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiErrorBanner, ApiError } from '../../src/index.js';
import { App, pickLocale } from '../../examples/browser-locale.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the README's browser-language example", () => {
  it.each([
    [['de-AT', 'en'], 'de'],
    [['pt-PT'], 'pt-BR'],
    [['PT-br'], 'pt-BR'],
    [['zh-TW', 'ja-JP'], 'ja'],
    [['zh-Hans-CN'], 'zh-CN'],
    [['ar-EG'], 'ar'],
    [['en-GB', 'de'], undefined],
    [['nl', 'fr-CA'], 'fr'],
    [['sv'], undefined],
    [[], undefined],
    [['not a tag', '', 'es-419'], 'es'],
  ])('picks %j as %s', (languages, expected) => {
    expect(pickLocale(languages)).toBe(expected);
  });

  it('renders the banner in the language the browser asks for, right to left for Arabic', async () => {
    vi.stubGlobal('navigator', { ...navigator, languages: ['ar-EG', 'en'] });
    const { container } = render(
      <App>
        <ApiErrorBanner error={new ApiError({ status: 429, supportId: 'sup-1' })} showDetails={false} />
      </App>,
    );
    // The locale is a dynamic import: its first load transforms the module, which on a busy machine
    // takes longer than findBy's default second.
    await screen.findByRole('button', { name: 'نسخ معرّف الدعم' }, { timeout: 10_000 });
    expect(container.firstElementChild?.getAttribute('dir')).toBe('rtl');
    expect(container.firstElementChild?.getAttribute('lang')).toBe('ar');
  });
});
