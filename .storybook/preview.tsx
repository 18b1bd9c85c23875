import type { Preview } from '@storybook/react-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
// The kit's optional stylesheet, as a user would import it (`api-error-kit/styles.css`).
import '../src/styles.css';
// The stories' own scaffolding: page font, live-story layout, request log.
import '../stories/support/stories.css';
import { localeGlobalType, withLocale } from '../stories/support/language.js';

const preview: Preview = {
  // Starts the MSW worker once and resets its handlers before every story; stories add their own
  // with `beforeEach({ msw }) { msw.use(...) }` or `parameters.msw`.
  loaders: [mswLoader()],
  // The toolbar's locale switch: English or any shipped translation (`api-error-kit/locales/…`).
  globalTypes: { locale: localeGlobalType },
  initialGlobals: { locale: 'en' },
  decorators: [withLocale],
  tags: ['autodocs'],
  parameters: {
    // Accessibility violations fail the story's test, in Vitest and in the Storybook UI.
    a11y: { test: 'error' },
    controls: { matchers: { date: /Date$/i } },
  },
};

export default preview;
